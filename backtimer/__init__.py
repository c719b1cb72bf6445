"""backtimer: a spoken coach for a gentle lower-back routine."""

__version__ = "0.1.0"
