"""``backtimer say TEXT [--to FILE.wav]``: say something with the configured voice, or write it to a WAV file."""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

from backtimer.commands.common import paths_of
from backtimer.core.errors import BadInput
from backtimer.core.session.cues import speaking_rate
from backtimer.speech.clips import wav_seconds
from backtimer.speech.process_speaker import default_player
from backtimer.speech.speaker import WorkerFailed
from backtimer.speech.synth import WorkerProcess, resolve_voice
from backtimer.storage.settings import SettingsFile

MAX_TEXT = 64 * 1024  # characters: about an hour of speech
PLAY_SLACK = 10.0  # seconds a player may take beyond the clip's own length before it counts as hung


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser) -> None:
    say = sub.add_parser("say", parents=[common], help="say TEXT with the configured voice (or write a WAV)")
    say.add_argument("text", metavar="TEXT", help="what to say")
    say.add_argument("--to", metavar="FILE.wav", help="write the speech to this WAV file instead of playing it")
    say.set_defaults(func=cmd_say)


def cmd_say(args: argparse.Namespace) -> int:
    text = " ".join(str(args.text).split())
    if not text:
        raise BadInput("TEXT is empty: give some words to say")
    if len(text) > MAX_TEXT:
        raise BadInput(f"TEXT is too long ({len(text)} characters; at most {MAX_TEXT})")
    target = Path(args.to).expanduser() if args.to else None
    if target is not None and not target.parent.is_dir():
        raise BadInput(f"--to: the folder {target.parent} does not exist")
    settings = SettingsFile(paths_of(args).settings_file).load()
    try:
        worker = WorkerProcess()
    except WorkerFailed as err:
        print(f"backtimer: no speech engine: {err.detail}", file=sys.stderr)
        return 1
    try:
        voice = _voice(worker, settings.voice_name)
        if target is not None:
            return _write(worker, text, voice, speaking_rate(text, settings.voice_rate), target.resolve())
        with tempfile.TemporaryDirectory(prefix="backtimer-say-") as folder:
            clip = Path(folder) / "say.wav"
            if _write(worker, text, voice, speaking_rate(text, settings.voice_rate), clip, quiet=True):
                return 1
            return _play(clip, wav_seconds(clip) or 0.0)
    finally:
        worker.kill()


def _voice(worker: WorkerProcess, wanted: str) -> str:
    if not wanted.strip():
        return ""
    found = resolve_voice(wanted, worker.voices())
    if found is None:
        print(f"backtimer: voice “{wanted}” is not installed: using the default voice", file=sys.stderr)
        return ""
    return found


def _write(worker: WorkerProcess, text: str, voice: str, rate: int, target: Path, *, quiet: bool = False) -> int:
    try:
        answer = worker.synth(text, voice, rate, target)
    except WorkerFailed as err:
        print(f"backtimer: the speech engine failed ({err})", file=sys.stderr)
        return 1
    if not answer.get("ok"):
        where = "the speech" if quiet else str(target)  # never the name of a temporary file
        print(f"backtimer: could not write {where}: {answer.get('error')}", file=sys.stderr)
        return 1
    if not quiet:
        print(f"{target} ({float(answer['seconds']):.2f} s, {answer['rate']} Hz)")
    return 0


def _play(clip: Path, seconds: float, player: list[str] | None = None, slack: float = PLAY_SLACK) -> int:
    """Play ``clip`` (``seconds`` long); a player still going well after that is hung, and is stopped."""
    player = player or default_player()
    if player is None:
        print("backtimer: no sound player found (e.g. aplay); use --to FILE.wav", file=sys.stderr)
        return 1
    limit = seconds + slack
    try:
        done = subprocess.run([*player, str(clip)], capture_output=True, timeout=limit, check=False)
    except subprocess.TimeoutExpired:
        print(f"backtimer: the sound player did not finish within {limit:.0f} s; use --to FILE.wav", file=sys.stderr)
        return 1
    except OSError as err:
        print(f"backtimer: could not play the speech ({err.strerror or err}); use --to FILE.wav", file=sys.stderr)
        return 1
    if done.returncode != 0:
        reason = done.stderr.decode(errors="replace").strip().splitlines()[-1:] or ["no sound output"]
        print(f"backtimer: could not play the speech ({reason[0]}); use --to FILE.wav", file=sys.stderr)
        return 1
    return 0
