"""The layer rules, read from every module's imports (including the ones inside functions).

- core imports nothing of the project outside core, and nothing of Qt;
- practice (the application layer) imports no Qt, and nothing of the window or the desktop;
- storage imports no Qt, nothing of speech, the window or the desktop;
- speech imports nothing of storage, the window or the desktop, and no Qt;
- ui does not import the speech synthesizer or worker (only the small interface ``speech.speaker``), and of storage
  only the plain records the store returns (``storage.records``); it never opens files or databases itself;
- desktop imports no storage and no speech.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

import backtimer

PACKAGE = Path(backtimer.__path__[0])
QT = ("PySide6", "shiboken6")


def imports_of(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
    return found


def layer_imports(layer: str) -> dict[str, set[str]]:
    folder = PACKAGE / layer
    return {str(p.relative_to(PACKAGE)): imports_of(p) for p in sorted(folder.rglob("*.py"))}


def offending(layer: str, banned: tuple[str, ...], allowed: tuple[str, ...] = ()) -> list[str]:
    problems = []
    for module, names in layer_imports(layer).items():
        for name in sorted(names):
            hit = any(name == b or name.startswith(b + ".") for b in banned)
            ok = any(name == a or name.startswith(a + ".") for a in allowed)
            if hit and not ok:
                problems.append(f"{module} imports {name}")
    return problems


OUTSIDE_CORE = tuple(
    f"backtimer.{p.stem}" for p in PACKAGE.iterdir() if p.stem not in ("core", "__init__", "__pycache__")
)


@pytest.mark.parametrize(
    ("layer", "banned", "allowed"),
    [
        ("core", (*QT, *OUTSIDE_CORE), ()),
        ("practice", (*QT, "backtimer.ui", "backtimer.desktop", "backtimer.app"), ()),
        ("storage", (*QT, "backtimer.speech", "backtimer.ui", "backtimer.desktop", "backtimer.practice"), ()),
        ("speech", (*QT, "backtimer.storage", "backtimer.ui", "backtimer.desktop", "backtimer.practice"), ()),
        (
            "ui",
            ("backtimer.speech", "backtimer.storage", "sqlite3", "backtimer.app"),
            ("backtimer.speech.speaker", "backtimer.storage.records"),
        ),
        ("desktop", ("backtimer.storage", "backtimer.speech"), ()),
    ],
)
def test_layer_rules(layer: str, banned: tuple[str, ...], allowed: tuple[str, ...]) -> None:
    assert layer_imports(layer), f"no modules found in {layer}"
    assert offending(layer, banned, allowed) == []


def test_the_rule_check_finds_a_breach(tmp_path: Path) -> None:
    """The checker itself: an import inside a function is found too."""
    source = tmp_path / "m.py"
    source.write_text("def f():\n    from PySide6.QtCore import QTimer\n    import backtimer.ui.player\n")
    assert {"PySide6.QtCore", "backtimer.ui.player"} <= imports_of(source)


def test_importing_the_application_layer_loads_no_pyside6() -> None:
    modules = sorted(
        "backtimer." + ".".join(p.relative_to(PACKAGE).with_suffix("").parts)
        for p in (PACKAGE / "practice").rglob("*.py")
    )
    code = "\n".join(
        [
            *(f"import {m.removesuffix('.__init__')}" for m in modules),
            "import sys",
            "print(sorted(m for m in sys.modules if 'PySide' in m))",
        ]
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert len(modules) >= 6
    assert out.stdout.strip() == "[]"
