"""scripts/setup.sh, run for real by bash with stand-ins for python, dpkg-query, apt-get and id (nothing installed)."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
pytestmark = pytest.mark.skipif(os.name != "posix", reason="bash scripts")
TOOLS = ("bash", "dirname", "sha256sum", "cut", "cat", "grep", "wc", "rm", "mkdir", "chmod", "cp", "echo", "env")

STUB_PYTHON = """#!/bin/bash
echo "python $*" >> "$LOG"
if [ "$1" = -m ] && [ "$2" = venv ]; then
    mkdir -p "$3/bin" && cp "$0" "$3/bin/python" && chmod +x "$3/bin/python"
elif [ "$1" = -m ] && [ "$2" = pip ] && [ "$3" = --version ]; then
    [ ! -e "$(dirname "$0")/../nopip" ]
fi
"""


@pytest.fixture
def sandbox(tmp_path: Path) -> Path:
    if shutil.which("bash") is None or shutil.which("sha256sum") is None:
        pytest.skip("needs bash and coreutils")
    repo = tmp_path / "repo"
    (repo / "scripts").mkdir(parents=True)
    shutil.copy(ROOT / "scripts" / "setup.sh", repo / "scripts")
    shutil.copy(ROOT / "pyproject.toml", repo)
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    for tool in TOOLS:
        found = shutil.which(tool)
        if found:
            (bin_dir / tool).symlink_to(found)
    _stub(bin_dir / "python", STUB_PYTHON)
    _stub(bin_dir / "apt-get", '#!/bin/bash\necho "apt-get $*" >> "$LOG"\n')
    return tmp_path


def _stub(path: Path, text: str) -> None:
    path.write_text(text)
    path.chmod(0o755)


def setup(sandbox: Path, purpose: str, *, uid: int = 1000, installed: bool = True) -> subprocess.CompletedProcess[str]:
    bin_dir = sandbox / "bin"
    _stub(bin_dir / "id", f"#!/bin/bash\necho {uid}\n")
    status = "install ok installed" if installed else "unknown ok not-installed"
    _stub(bin_dir / "dpkg-query", f"#!/bin/bash\nprintf '{status}'\n")
    env = {"PATH": str(bin_dir), "LOG": str(sandbox / "log"), "PYTHON": "python", "HOME": str(sandbox)}
    return subprocess.run(
        ["bash", "-c", f"source scripts/setup.sh {purpose}"],
        cwd=sandbox / "repo",
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def log(sandbox: Path) -> str:
    path = sandbox / "log"
    text = path.read_text() if path.exists() else ""
    path.unlink(missing_ok=True)
    return text


def test_the_line_for_a_non_root_user_includes_apt_get_update(sandbox: Path) -> None:
    done = setup(sandbox, "app", installed=False)
    assert done.returncode == 1
    assert "as root run: apt-get update && apt-get install -y" in done.stderr  # before: no update


def test_root_is_told_how_many_packages_before_the_long_apt_step(sandbox: Path) -> None:
    done = setup(sandbox, "app", uid=0, installed=False)
    assert done.returncode == 0, done.stderr
    first = done.stdout.splitlines()[0]
    assert first.startswith("Installing ") and " Debian packages" in first
    assert int(first.split()[1]) > 10 and "apt-get update" in log(sandbox)


def test_a_venv_without_pip_is_made_again(sandbox: Path) -> None:
    venv = sandbox / "repo" / ".venv"
    (venv / "bin").mkdir(parents=True)
    shutil.copy(sandbox / "bin" / "python", venv / "bin" / "python")
    (venv / "nopip").write_text("")  # what an interrupted first attempt can leave
    done = setup(sandbox, "app")
    assert done.returncode == 0, done.stderr
    assert "making it again" in done.stdout  # before: "No module named pip"
    assert "python -m venv" in log(sandbox) and not (venv / "nopip").exists()


def test_app_after_test_installs_nothing_but_test_after_app_adds_the_extras(sandbox: Path) -> None:
    assert setup(sandbox, "test").returncode == 0
    assert "pip install -q -e .[test]" in log(sandbox)
    assert setup(sandbox, "app").returncode == 0
    assert "pip install" not in log(sandbox)  # before: app.sh reinstalled (a stamp of its own)
    assert setup(sandbox, "test").returncode == 0
    assert "pip install" not in log(sandbox)
    (sandbox / "repo" / ".venv" / ".backtimer-installed").write_text("stale app\n")
    assert setup(sandbox, "app").returncode == 0
    assert "pip install -q -e ." in log(sandbox)
    assert setup(sandbox, "test").returncode == 0
    assert "pip install -q -e .[test]" in log(sandbox)
