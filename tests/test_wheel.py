"""An installed wheel (not editable, in a fresh venv) finds every asset exactly as a checkout does."""

from __future__ import annotations

import json
import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.slow
def test_wheel_in_a_fresh_venv_sees_the_same_content_as_the_checkout(tmp_path: Path) -> None:
    wheels = tmp_path / "wheels"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(wheels), str(ROOT)],
        check=True,
        capture_output=True,
        timeout=300,
    )
    [wheel] = wheels.glob("backtimer-*.whl")
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=False)
    python = env_dir / "bin" / "python"
    site = Path(
        subprocess.run(
            [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    )
    # Install the wheel itself with this interpreter's pip into the fresh venv; its dependencies come from the
    # test environment through a .pth file placed after the venv's own site-packages.
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(site), str(wheel)],
        check=True,
        capture_output=True,
        timeout=300,
    )
    (site / "zz_test_deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    where = subprocess.run(
        [
            str(python),
            "-c",
            "import backtimer, backtimer.resources as r; print(backtimer.__file__); print(r.assets_dir())",
        ],
        capture_output=True,
        text=True,
        check=True,
        cwd=tmp_path,
    ).stdout.split()
    assert where[0].startswith(str(site)) and where[1].startswith(str(site))
    installed = subprocess.run(
        [str(python), "-m", "backtimer", "routines", "--json"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=120,
        check=False,
    )
    assert installed.returncode == 0, installed.stderr
    checkout = subprocess.run(
        [sys.executable, "-m", "backtimer", "routines", "--json"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
        check=True,
    )
    assert json.loads(installed.stdout) == json.loads(checkout.stdout)
    bundled = sorted(p.relative_to(Path(where[1])).as_posix() for p in Path(where[1]).rglob("*") if p.is_file())
    source = sorted(p.relative_to(ROOT / "assets").as_posix() for p in (ROOT / "assets").rglob("*") if p.is_file())
    assert bundled == source
