"""Home's word about sound: said before the first session when no sound output works, with a "Test sound" button.

The check and the test beep run off the GUI thread (a player process may take a moment); their one-line answers
come back through a signal.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

Check = Callable[[], str | None]  # one line saying what is wrong with sound, or None
HINT = (
    "Check that speakers or headphones are plugged in, switched on and not muted, then press Test sound. "
    'The README\'s "No sound?" section has more.'
)


class SoundNotice(QFrame):
    """Hidden while sound works; otherwise the problem, a hint, and a button that plays one beep."""

    _answered = Signal(object, bool, int)  # (problem or None, from the test button, which request)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "card")
        self.setAccessibleName("Sound")
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        font = self.problem.font()
        font.setBold(True)
        self.problem.setFont(font)
        self.hint = QLabel(HINT)
        self.hint.setWordWrap(True)
        self.hint.setProperty("role", "muted")
        self.test = QPushButton("Test sound")
        self.test.setToolTip("Play one beep through the sound player the voice uses")
        self.test.setAutoDefault(True)
        self.test.clicked.connect(self._test)
        text = QVBoxLayout()
        text.addWidget(self.problem)
        text.addWidget(self.hint)
        row = QHBoxLayout(self)
        row.setContentsMargins(22, 12, 22, 12)
        row.addLayout(text, 1)
        row.addWidget(self.test, 0)  # a button cannot grow taller: the row centres it
        self._check: Check | None = None
        self._play: Check | None = None
        self._asked = 0  # requests so far: only the answer to the latest one is shown
        self._answered.connect(self._show)
        self.hide()

    def check(self, check: Check | None, play: Check | None) -> None:
        """Ask ``check`` in the background; ``play`` is what "Test sound" runs."""
        self._check, self._play = check, play
        self.test.setVisible(play is not None)
        if check is not None:
            self._run(check, from_test=False)

    def _test(self) -> None:
        if self._play is not None:
            self.test.setEnabled(False)
            self.problem.setText("Playing a beep…")
            self._run(self._play, from_test=True)

    def _run(self, check: Check, *, from_test: bool) -> None:
        self._asked += 1
        asked = self._asked
        threading.Thread(target=lambda: self._answered.emit(check(), from_test, asked), daemon=True).start()

    def _show(self, problem: str | None, from_test: bool, asked: int) -> None:
        if asked != self._asked:
            return  # a slower, older answer (e.g. the check at start-up) must not undo a newer one
        self.test.setEnabled(True)
        if problem is None and from_test:
            self.problem.setText("The beep played. If you heard nothing, check the volume and the output device.")
        elif problem is not None:
            self.problem.setText(problem)
        self.setVisible(problem is not None or from_test)
        self.setAccessibleDescription(self.problem.text())
