"""Speech figures: GUI stall while a routine's cues are spoken, cue start latency, and clip preparation time.

1. Prepare: every distinct text of the longest built-in routine synthesized into an empty cache (cold), then again
   with the cache filled (warm).
2. Play: a real Session of that routine on an offscreen QApplication, polled every 20 ms by a precise QTimer the way
   the window does, each due cue handed to the real ProcessSpeaker. There is no sound card here, so its player
   is a stand-in process that lasts as long as the clip (tests/speech/fake_player.py; use --player aplay on a
   machine with sound). A 5 ms heartbeat QTimer measures the longest gap in the event loop; the speaker's
   ``on_started`` gives due -> player process started.
   ``--speed`` runs the session clock faster (latency is converted back to real milliseconds).

Budgets (issue 4): longest stall < 20 ms; p95 cue start latency < 150 ms.
Usage: QT_QPA_PLATFORM=offscreen python -m benchmarks.bench_speech [--speed 4] [--seconds 60]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from backtimer.clock import ScaledClock
from backtimer.core.content.catalog import Catalog
from backtimer.core.content.model import Level, Routine
from backtimer.core.session.cues import CueOptions
from backtimer.core.session.machine import Session
from backtimer.core.session.plan import build_plan
from backtimer.core.session.snapshot import State
from backtimer.resources import assets_dir
from backtimer.speech.clips import ClipCache
from backtimer.speech.process_speaker import ProcessSpeaker
from backtimer.speech.synth import Synthesizer
from backtimer.speech.texts import spoken_texts


def longest(catalog: Catalog) -> tuple[Routine, Level, list[str]]:
    pairs = [(r, lv, spoken_texts(r, lv)) for r in catalog.routines.values() for lv in Level]
    return max(pairs, key=lambda p: len(p[2]))


def prepare_seconds(cache: ClipCache, texts: list[str]) -> float:
    done = threading.Event()
    made: set[str] = set()

    def ready(text: str) -> None:
        made.add(text)
        if len(made) == len(texts):
            done.set()

    start = time.perf_counter()
    synth = Synthesizer(cache, ready, print)
    synth.request(texts)
    done.wait(120)
    seconds = time.perf_counter() - start
    synth.close()
    return seconds


FAKE_PLAYER = [sys.executable, str(Path(__file__).resolve().parents[1] / "tests" / "speech" / "fake_player.py")]


def play(routine: Routine, level: Level, cache: ClipCache, speed: float, limit: float, player: list[str]) -> None:
    app = QApplication.instance() or QApplication([])
    clock = ScaledClock(speed)
    latencies: list[float] = []
    speaker = ProcessSpeaker(
        cache, clock=clock.now, player=player, on_started=lambda _text, late: latencies.append(late / speed)
    )
    speaker.prepare(spoken_texts(routine, level))
    options = CueOptions()
    session = Session(build_plan(routine, level, options, cache.duration), durations=cache.duration)
    stalls: list[float] = []
    handed = [0]
    last = [time.perf_counter()]

    def beat() -> None:
        now = time.perf_counter()
        stalls.append(now - last[0])
        last[0] = now

    def poll() -> None:
        tick = session.tick(clock.now())
        for due in tick.cues:
            handed[0] += 1
            speaker.play(due, clock.now())
        if tick.snapshot.state in (State.FINISHED, State.STOPPED) or time.perf_counter() - began > limit:
            QTimer.singleShot(1500, app.quit)  # let the last clip start
            poller.stop()

    heart = QTimer(timerType=Qt.TimerType.PreciseTimer, interval=5)
    heart.timeout.connect(beat)
    poller = QTimer(timerType=Qt.TimerType.PreciseTimer, interval=20)
    poller.timeout.connect(poll)
    began = time.perf_counter()
    session.start(clock.now())
    heart.start()
    poller.start()
    app.exec()
    speaker.close()
    ran = time.perf_counter() - began
    gaps = sorted(stalls)
    print(f"played {routine.id} {level.value} at x{speed:g} for {ran:.1f} s real: {handed[0]} cues handed over,")
    print(f"  {len(latencies)} clips started")
    print(f"  longest event-loop gap (5 ms heartbeat): {max(gaps) * 1000:.1f} ms (budget < 20 ms);")
    print(f"  heartbeat p50 {statistics.median(gaps) * 1000:.1f} ms, p99 {gaps[int(len(gaps) * 0.99)] * 1000:.1f} ms")
    if latencies:
        ms = sorted(x * 1000 for x in latencies)
        p95 = ms[min(len(ms) - 1, int(len(ms) * 0.95))]
        print(
            f"  cue start latency due -> player started: p50 {statistics.median(ms):.1f} ms, p95 {p95:.1f} ms, "
            f"max {ms[-1]:.1f} ms (budget p95 < 150 ms)"
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--speed", type=float, default=4.0)
    parser.add_argument("--seconds", type=float, default=60.0, help="stop playing after this many real seconds")
    parser.add_argument("--player", nargs="+", default=FAKE_PLAYER, help="the player command (default: a stand-in)")
    args = parser.parse_args()
    catalog = Catalog.load(assets_dir())
    routine, level, texts = longest(catalog)
    with tempfile.TemporaryDirectory(prefix="bench-speech-") as folder:
        cache = ClipCache(Path(folder), "", 175)
        cache.folder.mkdir(exist_ok=True)
        cold = prepare_seconds(cache, texts)
        warm = prepare_seconds(cache, texts)
        print(f"prepare {len(texts)} clips of {routine.id} {level.value}: cold {cold:.2f} s, warm {warm * 1000:.0f} ms")
        play(routine, level, cache, args.speed, args.seconds, args.player)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
