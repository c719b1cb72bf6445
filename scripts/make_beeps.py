"""Write the short beeps backtimer plays (assets/sounds/*.wav) with nothing but the standard library.

Run ``python scripts/make_beeps.py`` after changing a sound; the WAV files are kept in the repository.
Each sound is a few sine notes with a soft attack and release (no clicks), 22,050 Hz mono 16-bit.
"""

from __future__ import annotations

import math
import struct
import sys
import wave
from pathlib import Path

RATE = 22050
ATTACK = 0.008  # seconds
RELEASE = 0.04

# (frequency Hz, seconds, loudness 0..1) per note; a frequency of 0 is a short silence
SOUNDS: dict[str, list[tuple[float, float, float]]] = {
    "work": [(660.0, 0.09, 0.55), (0.0, 0.02, 0.0), (880.0, 0.14, 0.55)],  # rising: go
    "rest": [(784.0, 0.10, 0.45), (0.0, 0.02, 0.0), (523.0, 0.18, 0.45)],  # falling: ease off
    "tick": [(1000.0, 0.07, 0.5)],  # one short pip for each of the last three seconds
    "finish": [(523.0, 0.12, 0.5), (659.0, 0.12, 0.5), (784.0, 0.12, 0.5), (1047.0, 0.35, 0.5)],  # rising chord
}


def note(frequency: float, seconds: float, loudness: float) -> list[float]:
    count = int(seconds * RATE)
    samples = []
    for i in range(count):
        t = i / RATE
        envelope = min(1.0, t / ATTACK, (seconds - t) / RELEASE)
        # a touch of the octave makes the pip easier to hear on small laptop speakers
        wave_value = math.sin(2 * math.pi * frequency * t) + 0.25 * math.sin(4 * math.pi * frequency * t)
        samples.append(loudness * max(envelope, 0.0) * wave_value / 1.25 if frequency else 0.0)
    return samples


def write(path: Path, notes: list[tuple[float, float, float]]) -> None:
    samples = [s for n in notes for s in note(*n)]
    frames = b"".join(struct.pack("<h", round(max(-1.0, min(1.0, s)) * 32767)) for s in samples)
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)
        out.writeframes(frames)


def main() -> int:
    folder = Path(__file__).resolve().parent.parent / "assets" / "sounds"
    folder.mkdir(parents=True, exist_ok=True)
    for name, notes in SOUNDS.items():
        write(folder / f"{name}.wav", notes)
        print(f"wrote {folder / name}.wav")
    return 0


if __name__ == "__main__":
    sys.exit(main())
