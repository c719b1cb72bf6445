"""The application layer: the use cases the window and the terminal share, with no Qt.

Start a practice session from a routine, a level and the person's settings; deliver its ticks to the voice and
the history; end it and sum it up; apply changed settings. The window (``backtimer.ui``) and ``backtimer run``
(``backtimer.commands.follow``) both go through here, so neither builds plans or sessions itself.
"""
