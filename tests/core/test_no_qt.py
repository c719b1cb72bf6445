"""The core must stay pure: importing all of it loads no Qt."""

from __future__ import annotations

import pkgutil
import subprocess
import sys
from pathlib import Path

import backtimer.core


def core_modules() -> list[str]:
    return [m.name for m in pkgutil.walk_packages(backtimer.core.__path__, "backtimer.core.")]


def test_importing_every_core_module_loads_no_pyside6() -> None:
    modules = core_modules()
    assert len(modules) >= 20
    code = "\n".join(
        [*(f"import {m}" for m in modules), "import sys", "print(sorted(m for m in sys.modules if 'PySide' in m))"]
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_core_sources_do_not_mention_qt() -> None:
    sources = sorted(Path(backtimer.core.__path__[0]).rglob("*.py"))
    assert len(sources) >= 20
    for source in sources:
        text = source.read_text(encoding="utf-8")
        assert "PySide6" not in text and "QtCore" not in text, source.name
