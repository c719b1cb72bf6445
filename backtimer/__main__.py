"""Allow ``python -m backtimer``."""

import sys

from backtimer.cli import main

sys.exit(main())
