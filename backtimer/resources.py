"""Where the bundled data files are: the same lookup in a checkout, an installed wheel and a PyInstaller bundle.

The wheel (and the PyInstaller spec) place ``assets/`` inside the package as ``backtimer/assets``; a source
checkout keeps it at the top of the repository, next to the package.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


def assets_dir() -> Path:
    """The folder holding exercises/, routines/, sounds/ and the other data files."""
    for candidate in (_PACKAGE_DIR / "assets", _PACKAGE_DIR.parent / "assets"):
        if (candidate / "routines").is_dir():
            return candidate
    raise FileNotFoundError(f"backtimer's assets folder is missing (looked in {_PACKAGE_DIR})")


def asset(*parts: str) -> Path:
    return assets_dir().joinpath(*parts)
