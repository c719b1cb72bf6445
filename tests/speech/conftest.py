"""Real speech for the speech tests: every distinct cue text of every built-in routine, synthesized once."""

from __future__ import annotations

import itertools
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from backtimer.core.content.model import Level
from backtimer.speech.clips import ClipCache
from backtimer.speech.synth import WorkerProcess
from backtimer.speech.texts import spoken_texts
from tests.helpers import builtin_catalog

RATE = 175
# Qt Multimedia complains, as warnings, about optional libraries and the sound server that this machine lacks.
QT_AUDIO_NOISE = [r"Couldn't (load|resolve) .*", r"pa_context_connect", r"No audio device"]
FAKE_PLAYER = str(Path(__file__).with_name("fake_player.py"))


@dataclass(frozen=True)
class Clips:
    cache: ClipCache
    texts: tuple[str, ...]


def all_texts() -> tuple[str, ...]:
    catalog = builtin_catalog()
    routines = sorted(catalog.routines.values(), key=lambda r: r.id)
    texts = itertools.chain.from_iterable(spoken_texts(r, level) for r in routines for level in Level)
    return tuple(dict.fromkeys(texts))


@pytest.fixture(scope="session")
def clips(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Clips]:
    """One real worker writes every clip once per test run (a few seconds), into a cache shared by the tests."""
    cache = ClipCache(tmp_path_factory.mktemp("voice"), "", RATE)
    cache.folder.mkdir(parents=True, exist_ok=True)
    texts = all_texts()
    worker = WorkerProcess()
    try:
        for text in texts:
            answer = worker.synth(text, "", RATE, cache.path_for(text))
            assert answer.get("ok"), (text, answer)
    finally:
        worker.kill()
    yield Clips(cache, texts)


def fake_player_command(*extra: str) -> list[str]:
    """A stand-in for aplay (there is no sound card here) that takes a clip's real length to "play" it."""
    return [sys.executable, FAKE_PLAYER, *extra]
