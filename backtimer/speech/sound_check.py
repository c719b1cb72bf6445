"""Is there a sound output at all? Asked once after start-up, so home can say so before the first session.

The voice plays clips through a player process (``process_speaker.default_player``). With ALSA's ``aplay`` the card
list (``aplay -l``) tells at once whether anything can be heard; "Test sound" plays one beep and reports how the
player process ended, as the speaker itself would see it.
"""

from __future__ import annotations

import subprocess
from collections.abc import Sequence
from pathlib import Path

from backtimer.core.session.cues import Sound
from backtimer.speech.beeps import sound_path
from backtimer.speech.process_speaker import default_player

NO_PLAYER = "No sound player was found (aplay, paplay or pw-play): the cues will be shown as text only."
NO_CARD = "No sound output was found on this computer: the voice and the beeps cannot be heard."


def sound_problem(player: Sequence[str] | None = None) -> str | None:
    """One line saying why nothing can be heard, or None when a sound output seems to be there."""
    command = list(player) if player is not None else default_player()
    if command is None:
        return NO_PLAYER
    if Path(command[0]).name != "aplay":
        return None  # PulseAudio / PipeWire / macOS / Windows players: "Test sound" tells
    try:
        listed = subprocess.run(
            [command[0], "-l"], capture_output=True, text=True, timeout=5, check=False, stdin=subprocess.DEVNULL
        )
    except (OSError, subprocess.SubprocessError):
        return NO_PLAYER
    has_card = any(line.startswith("card ") for line in listed.stdout.splitlines())
    return None if has_card else NO_CARD


def play_test_sound(player: Sequence[str] | None = None) -> str | None:
    """Play one beep; None when the player finished without an error, else its last line of error."""
    command = list(player) if player is not None else default_player()
    if command is None:
        return NO_PLAYER
    try:
        done = subprocess.run(
            [*command, str(sound_path(Sound.FINISH))],
            capture_output=True,
            text=True,
            timeout=10,
            check=False,
            stdin=subprocess.DEVNULL,
        )
    except (OSError, subprocess.SubprocessError) as err:
        return f"The sound player could not run: {err}"
    if done.returncode != 0:
        lines = done.stderr.strip().splitlines()
        return f"The sound player failed: {lines[-1] if lines else 'exit code ' + str(done.returncode)}"
    return None
