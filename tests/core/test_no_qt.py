"""The core must stay pure: importing all of it loads no Qt."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import backtimer.core


def test_importing_every_core_module_loads_no_pyside6() -> None:
    modules = [f"backtimer.core.{m.name}" for m in pkgutil.iter_modules(backtimer.core.__path__)]
    assert len(modules) >= 10
    code = "\n".join(
        [*(f"import {m}" for m in modules), "import sys", "print(sorted(m for m in sys.modules if 'PySide' in m))"]
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_core_sources_do_not_mention_qt() -> None:
    for info in pkgutil.iter_modules(backtimer.core.__path__):
        source = backtimer.core.__path__[0] + f"/{info.name}.py"
        with open(source, encoding="utf-8") as handle:
            text = handle.read()
        assert "PySide6" not in text and "QtCore" not in text, info.name
