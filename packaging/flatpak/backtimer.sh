#!/bin/sh
# Flatpak launcher: backtimer lives in /app/share/backtimer (its assets inside the package, as in a wheel).
# The voice worker is started as "python3 -m backtimer.speech.worker" and finds the package through PYTHONPATH.
export PYTHONPATH="/app/share/backtimer${PYTHONPATH:+:$PYTHONPATH}"
exec python3 -m backtimer "$@"
