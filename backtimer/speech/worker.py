"""The speech worker: a child process that owns the pyttsx3 engine and writes one WAV clip per request.

Run as ``python -m backtimer.speech.worker``. It talks JSON lines: one request a line on stdin, one answer a line
on stdout. pyttsx3 misbehaves in ways a parent cannot recover from in-process (a hung ``runAndWait``, a driver
error that leaves the engine stuck for good), so it lives here where the parent can kill it and start afresh.

Requests and answers::

    (on start)                                       -> {"ready": true, "default_voice": "gmw/en"}
                                                        {"ready": false, "error": "..."}, then exit 3
    {"op": "voices"}                                 -> {"ok": true, "voices": [{"id", "name", "languages"}]}
    {"op": "synth", "text", "voice", "rate", "path"} -> {"ok": true, "path", "seconds", "rate"} | {"ok": false, "error"}
"""

from __future__ import annotations

import array
import json
import os
import sys
import time
import wave
from pathlib import Path
from typing import IO, Any

SILENCE = 300  # sample magnitude below which a sample counts as silence (16-bit)
KEEP_TAIL = 0.05  # seconds of silence kept after the last sound
EXIT_NO_ENGINE = 3
RETRIES = 2
CHUNK_CHARS = 400  # espeak's driver crashed on 32 kB and came back before the file existed on 4 kB: say long texts
CHUNK_GAP = 0.25  # seconds of silence put back between the pieces (their trailing silence was trimmed)


class SilentClip(RuntimeError):
    pass


def main() -> int:
    channel = _private_stdout()
    try:
        import pyttsx3

        engine = pyttsx3.init()
        _mend_espeak_callback(engine)
        default_voice = str(engine.getProperty("voice") or "")
    except Exception as err:  # no driver, no espeak library, a broken install: the parent goes to beeps
        _send(channel, {"ready": False, "error": f"{type(err).__name__}: {err}"})
        return EXIT_NO_ENGINE
    _send(channel, {"ready": True, "default_voice": default_voice})
    for line in sys.stdin:
        if line.strip():
            answer = _answer(engine, line)
            _send(channel, answer)
            if answer.get("fatal"):
                return 1  # after a driver error the engine stays stuck: let the parent start a fresh worker
    return 0


def _mend_espeak_callback(engine: Any) -> None:
    """Keep the last chunk of sound on espeak-ng.

    pyttsx3 2.99's espeak driver writes the file when espeak reports the end of a message and only then adds
    the samples that came with that same report, so they are lost: about one clip in fifty came out silent or
    cut short here. This wrapper adds those samples first and hands the driver an empty chunk.
    """
    driver: Any = getattr(getattr(engine, "proxy", None), "_driver", None)
    if type(driver).__name__ != "EspeakDriver":
        return
    import ctypes

    from pyttsx3.drivers import _espeak

    original = driver._onSynth

    def on_synth(wav: Any, numsamples: int, events: Any) -> int:
        if numsamples > 0 and driver._speaking and _ends_message(events, _espeak.EVENT_MSG_TERMINATED):
            driver._data_buffer += ctypes.string_at(wav, numsamples * ctypes.sizeof(ctypes.c_short))
            numsamples = 0
        return int(original(wav, numsamples, events))

    _espeak.SetSynthCallback(on_synth)


def _ends_message(events: Any, terminated: int) -> bool:
    i = 0
    while events[i].type != 0:  # EVENT_LIST_TERMINATED
        if events[i].type == terminated:
            return True
        i += 1
    return False


def _private_stdout() -> IO[str]:
    """Keep stdout for answers only: pyttsx3 prints "Audio saved to ..." there, so fd 1 goes to stderr."""
    channel = os.fdopen(os.dup(sys.stdout.fileno()), "w", encoding="utf-8", buffering=1)
    os.dup2(sys.stderr.fileno(), sys.stdout.fileno())
    sys.stdout = sys.stderr
    return channel


def _send(channel: IO[str], message: dict[str, Any]) -> None:
    channel.write(json.dumps(message) + "\n")
    channel.flush()


def _answer(engine: Any, line: str) -> dict[str, Any]:
    try:
        request = json.loads(line)
        if request.get("op") == "voices":
            return {"ok": True, "voices": _voices(engine)}
        if request.get("op") == "synth":
            return _synth(engine, request)
        return {"ok": False, "error": f"unknown request: {line.strip()[:80]}"}
    except (ValueError, KeyError, TypeError) as err:  # a bad request: the engine is untouched
        return {"ok": False, "error": f"{type(err).__name__}: {err}"}
    except Exception as err:
        return {"ok": False, "fatal": True, "error": f"{type(err).__name__}: {err}"}


def _voices(engine: Any) -> list[dict[str, Any]]:
    return [
        {"id": str(v.id), "name": str(v.name or v.id), "languages": [str(x) for x in (v.languages or [])]}
        for v in engine.getProperty("voices")
    ]


_VOICE_IDS: set[str] = set()


def _voice_ids(engine: Any) -> set[str]:
    if not _VOICE_IDS:
        _VOICE_IDS.update(v["id"] for v in _voices(engine))
    return _VOICE_IDS


def _synth(engine: Any, request: dict[str, Any]) -> dict[str, Any]:
    text = str(request["text"]).strip()
    if not text:  # runAndWait with blank text never returns
        return {"ok": False, "error": "blank text"}
    target = Path(request["path"])
    voice = str(request.get("voice") or "")
    if voice:
        if voice not in _voice_ids(engine):  # an unknown voice would jam the engine for good
            raise ValueError(f"unknown voice {voice!r}")
        engine.setProperty("voice", voice)
    engine.setProperty("rate", int(request.get("rate") or 175))
    pieces = [target.with_name(f".{target.stem}.{os.getpid()}.{n}.tmp.wav") for n in range(len(chunks(text)))]
    try:
        for piece, words in zip(pieces, chunks(text), strict=True):
            _say_into(engine, words, piece)
        temp = target.with_name(f".{target.stem}.{os.getpid()}.tmp.wav")
        seconds, rate = join_clips(pieces, temp) if len(pieces) > 1 else _measure(pieces[0], temp)
    except (OSError, wave.Error, EOFError) as err:  # the names of our temporary files mean nothing to anyone
        reason = err.strerror if isinstance(err, OSError) and err.strerror else type(err).__name__
        return {"ok": False, "error": f"the engine wrote no usable sound ({reason})"}
    finally:
        for piece in pieces:
            piece.unlink(missing_ok=True)
    os.replace(temp, target)  # readers never see half a file
    return {"ok": True, "path": str(target), "seconds": seconds, "rate": rate}


def chunks(text: str, limit: int = CHUNK_CHARS) -> list[str]:
    """``text`` in pieces of at most ``limit`` characters, cut after sentences where it can, else between words."""
    words = text.split()
    pieces: list[str] = []
    current = ""
    for word in words:
        while len(word) > limit:  # one "word" longer than a piece: cut it
            if current:
                pieces.append(current)
                current = ""
            pieces.append(word[:limit])
            word = word[limit:]
        joined = f"{current} {word}" if current else word
        if len(joined) > limit or (current.endswith((".", "!", "?")) and len(current) > limit // 2):
            pieces.append(current)
            current = word
        else:
            current = joined
    if current:
        pieces.append(current)
    return pieces or [text]


def _say_into(engine: Any, text: str, path: Path) -> None:
    for attempt in range(RETRIES + 1):  # espeak now and then hands back an empty clip: saying it again works
        path.unlink(missing_ok=True)
        engine.save_to_file(text, str(path))  # exactly one utterance per runAndWait
        engine.runAndWait()
        _await_clip(path)
        try:
            trim_tail(path)
            return
        except SilentClip:
            if attempt == RETRIES:
                raise


def _measure(piece: Path, temp: Path) -> tuple[float, int]:
    os.replace(piece, temp)
    with wave.open(str(temp), "rb") as clip:
        return clip.getnframes() / clip.getframerate(), clip.getframerate()


def join_clips(pieces: list[Path], target: Path) -> tuple[float, int]:
    """One WAV of ``pieces`` in order, a short silence between them. Returns (seconds, rate)."""
    with wave.open(str(pieces[0]), "rb") as first:
        params = first.getparams()
    gap_frames = int(CHUNK_GAP * params.framerate)
    gap = b"\x00" * gap_frames * params.sampwidth * params.nchannels
    frames = 0
    with wave.open(str(target), "wb") as out:
        out.setparams(params)
        for n, piece in enumerate(pieces):
            with wave.open(str(piece), "rb") as clip:
                count = clip.getnframes()
                data = clip.readframes(count)
            out.writeframes((gap if n else b"") + data)
            frames += count + (gap_frames if n else 0)
    return frames / params.framerate, params.framerate


def _await_clip(path: Path, limit: float = 1.0) -> None:
    """Wait for the clip if ``runAndWait`` came back early (it sometimes does: the driver marks itself idle
    before synthesis begins), until espeak's callback has written the whole file."""
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        try:
            with wave.open(str(path), "rb"):
                return
        except (OSError, wave.Error, EOFError):
            pass
        time.sleep(0.01)


def trim_tail(path: Path) -> tuple[float, int]:
    """Cut espeak's ~0.3 s of trailing silence so a clip's length is the speech itself. Returns (seconds, rate)."""
    with wave.open(str(path), "rb") as source:
        params = source.getparams()
        frames = source.readframes(params.nframes)
    if params.sampwidth != 2 or params.nchannels != 1:
        return params.nframes / params.framerate, params.framerate
    samples = array.array("h", frames)
    last = len(samples) - 1
    while last > 0 and abs(samples[last]) < SILENCE:
        last -= 1
    keep = min(len(samples), last + 1 + int(KEEP_TAIL * params.framerate))
    if keep <= 1:
        raise SilentClip(f"the engine wrote a silent clip ({len(samples)} samples)")
    with wave.open(str(path), "wb") as out:
        out.setparams(params)
        out.writeframes(samples[:keep].tobytes())
    return keep / params.framerate, params.framerate


if __name__ == "__main__":
    sys.exit(main())
