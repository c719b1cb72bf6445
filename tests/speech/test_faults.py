"""When speech breaks: no engine, a crashing or hung worker, an unknown voice, no writable cache.
The session goes on with beeps and a one-line notice, the worker is restarted when it can be, nothing blocks."""

from __future__ import annotations

import sys
import tempfile
import threading
from pathlib import Path

import pytest

from backtimer.core.settings import Settings
from backtimer.speech.clips import ClipCache
from backtimer.speech.factory import clip_cache
from backtimer.speech.speaker import WorkerFailed
from backtimer.speech.synth import Synthesizer, WorkerProcess
from backtimer.storage.paths import Paths

PY = sys.executable
NO_ESPEAK = (  # the espeak library cannot be loaded: exactly what pyttsx3 meets on a machine without it
    "import sys; sys.modules['pyttsx3.drivers._espeak'] = None\n"
    "from backtimer.speech.worker import main; sys.exit(main())"
)
CRASHES = "import sys; print('{\"ready\": true}', flush=True); sys.stdin.readline(); sys.exit(3)"
HANGS = "import sys, time; print('{\"ready\": true}', flush=True); sys.stdin.readline(); time.sleep(600)"
HANGS_ONCE = (  # the first worker hangs; the next ones are the real thing
    "import os, sys, time\n"
    "flag = sys.argv[1]\n"
    "if not os.path.exists(flag):\n"
    "    open(flag, 'w').close(); print('{\"ready\": true}', flush=True); sys.stdin.readline(); time.sleep(600)\n"
    "from backtimer.speech.worker import main; sys.exit(main())"
)


class Events:
    """What a synthesizer reported, with a way to wait for it (the reports come from its thread)."""

    def __init__(self) -> None:
        self.ready: list[str] = []
        self.notices: list[str] = []
        self.changed = threading.Event()

    def on_ready(self, text: str) -> None:
        self.ready.append(text)
        self.changed.set()

    def on_notice(self, line: str) -> None:
        self.notices.append(line)
        self.changed.set()

    def wait(self, condition: object, limit: float = 30.0) -> None:
        assert callable(condition)
        while not condition():
            assert self.changed.wait(limit), "the synthesizer reported nothing"
            self.changed.clear()


def synthesizer(tmp_path: Path, events: Events, script: str | None, *args: str, voice: str = "") -> Synthesizer:
    cache = ClipCache(tmp_path / "voice", voice, 175)
    cache.folder.mkdir(parents=True)
    command = [PY, "-c", script, *args] if script else None
    return Synthesizer(cache, events.on_ready, events.on_notice, command=command, synth_timeout=0.5, max_restarts=1)


def test_no_espeak_library_means_beeps_only_with_a_notice(tmp_path: Path) -> None:
    with pytest.raises(WorkerFailed) as err:
        WorkerProcess([PY, "-c", NO_ESPEAK])
    assert err.value.kind == "missing"
    events = Events()
    synth = synthesizer(tmp_path, events, NO_ESPEAK)
    synth.request(["Hold."])
    events.wait(lambda: events.notices)
    assert events.notices[0].startswith("No speech engine (")
    assert events.notices[0].endswith("beeps only.")
    assert synth.failed and events.ready == []
    synth.request(["Lift"])  # further requests are ignored at once
    assert synth.idle()
    synth.close()


@pytest.mark.parametrize(("script", "kind"), [(CRASHES, "crashed"), (HANGS, "hung")])
def test_a_worker_that_keeps_crashing_or_hanging_is_given_up_on(tmp_path: Path, script: str, kind: str) -> None:
    events = Events()
    synth = synthesizer(tmp_path, events, script)
    synth.request(["Hold.", "Lift", "Lower"])
    events.wait(lambda: events.notices)
    assert events.notices == [f"The speech engine keeps failing ({kind}): beeps only."]
    assert synth.failed and events.ready == []
    synth.close()


def test_a_hung_worker_is_killed_and_a_fresh_one_carries_on(tmp_path: Path) -> None:
    events = Events()
    synth = synthesizer(tmp_path, events, HANGS_ONCE, str(tmp_path / "hung-once"))
    synth.request(["Hold.", "Lift"])
    events.wait(lambda: len(events.ready) == 2)
    assert events.ready == ["Hold.", "Lift"] and events.notices == [] and not synth.failed
    assert synth.cache.ready("Hold.") is not None
    synth.close()


def test_an_unknown_voice_falls_back_to_the_default_voice_with_a_notice(tmp_path: Path) -> None:
    events = Events()
    synth = synthesizer(tmp_path, events, None, voice="Klingon Deluxe")
    synth.request(["Rest."])
    events.wait(lambda: events.ready)
    assert events.notices == ["Voice “Klingon Deluxe” is not installed: using the default voice."]
    assert synth.cache.voice == "" and synth.cache.ready("Rest.") is not None
    synth.close()


def test_a_voice_named_by_its_name_is_found(tmp_path: Path) -> None:
    events = Events()
    synth = synthesizer(tmp_path, events, None, voice="english (great britain)")
    synth.request(["Rest."])
    events.wait(lambda: events.ready)
    assert events.notices == [] and synth.cache.voice == "gmw/en"
    synth.close()


def test_an_unwritable_cache_uses_a_temporary_folder_or_else_beeps(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder should be")
    paths = Paths(data=tmp_path, config=tmp_path, cache=blocker)
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "tmp"))
    cache, notice = clip_cache(Settings(), paths.voice_cache)
    assert cache is not None and cache.folder == tmp_path / "tmp" / "backtimer-voice"
    assert notice == f"Can't write voice clips to {paths.voice_cache}: using a temporary folder."
    monkeypatch.setattr(tempfile, "tempdir", str(blocker))
    cache, notice = clip_cache(Settings(), paths.voice_cache)
    assert cache is None and notice == f"Can't write voice clips to {paths.voice_cache}: beeps only."
