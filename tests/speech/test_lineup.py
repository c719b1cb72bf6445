"""The playback policy, without Qt or sound: stale cues dropped, counts cut in, the rest wait their turn."""

from __future__ import annotations

from backtimer.core.session.cues import Cue, Priority
from backtimer.core.session.snapshot import DueCue
from backtimer.speech.lineup import Lineup


def due(text: str, at: float, priority: Priority = Priority.ESSENTIAL) -> DueCue:
    return DueCue(Cue(0, text, priority), 0, at)


def ready(_text: str) -> bool:
    return True


def test_a_cue_plays_at_once_when_the_voice_is_free() -> None:
    lineup = Lineup()
    lineup.offer(due("Lift", 10.0))
    assert lineup.pick(10.01, ready) == due("Lift", 10.0)
    assert lineup.current == due("Lift", 10.0)


def test_stale_cues_are_dropped() -> None:
    lineup = Lineup()
    lineup.offer(due("Lift", 10.0))
    lineup.offer(due("Next up: bird-dog.", 10.0, Priority.NORMAL))
    assert lineup.pick(13.0, ready) is None
    assert lineup.dropped == 2 and lineup.waiting == []


def test_a_newer_count_cuts_in_and_supersedes_older_ones() -> None:
    lineup = Lineup()
    lineup.offer(due("Rest 30 seconds.", 0.0))
    assert lineup.pick(0.0, ready) is not None
    lineup.offer(due("3", 1.0))
    lineup.offer(due("2", 1.2))
    chosen = lineup.pick(1.25, ready)
    assert chosen is not None and chosen.cue.text == "2"
    assert lineup.waiting == [] and lineup.dropped == 1


def test_announcements_wait_for_the_voice_then_play_if_still_fresh() -> None:
    lineup = Lineup()
    lineup.offer(due("Rest.", 0.0))
    lineup.pick(0.0, ready)
    lineup.offer(due("Last set.", 0.1, Priority.NORMAL))
    assert lineup.pick(0.2, ready) is None  # the voice is busy
    lineup.finished()
    chosen = lineup.pick(0.6, ready)
    assert chosen is not None and chosen.cue.text == "Last set."


def test_a_cue_whose_clip_is_not_made_yet_waits_for_it() -> None:
    lineup = Lineup()
    made: set[str] = set()
    lineup.offer(due("Hold.", 5.0))
    assert lineup.pick(5.0, made.__contains__) is None
    made.add("Hold.")
    assert lineup.pick(5.1, made.__contains__) is not None


def test_sound_only_cues_never_reach_the_voice_and_clear_forgets_everything() -> None:
    lineup = Lineup()
    lineup.offer(due("", 1.0))
    assert lineup.waiting == []
    lineup.offer(due("Lift", 1.0))
    lineup.pick(1.0, ready)
    lineup.offer(due("Lower", 2.0, Priority.NORMAL))
    lineup.clear()
    assert lineup.current is None and lineup.waiting == []
