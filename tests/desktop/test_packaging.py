"""The files that make backtimer an installable desktop app: validated by the desktop's own tools where installed."""

from __future__ import annotations

import configparser
import json
import os
import re
import shutil
import struct
import subprocess
import sys
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtGui import QImage
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QApplication

from backtimer import __version__
from backtimer.desktop.identity import APP_ID, app_icon

ROOT = Path(__file__).resolve().parents[2]
LINUX = ROOT / "packaging" / "linux"
DESKTOP = LINUX / f"{APP_ID}.desktop"
METAINFO = LINUX / f"{APP_ID}.metainfo.xml"
MANIFEST = ROOT / "packaging" / "flatpak" / f"{APP_ID}.json"
ICONS = ROOT / "assets" / "icons"
ENV = {**os.environ, "PYTHONPATH": str(ROOT)}  # a script's own folder comes first on sys.path, not the checkout


def tool(name: str, package: str) -> str:
    found = shutil.which(name)
    if found is None:
        pytest.skip(f"{name} is not installed (apt: {package})")
    return found


def test_desktop_file_passes_desktop_file_validate() -> None:
    done = subprocess.run(
        [tool("desktop-file-validate", "desktop-file-utils"), str(DESKTOP)], check=False, capture_output=True
    )
    assert done.returncode == 0 and not done.stdout.strip(), done.stdout.decode()


def test_desktop_file_names_the_app() -> None:
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    entry.read(DESKTOP, encoding="utf-8")
    main = entry["Desktop Entry"]
    assert main["Icon"] == APP_ID and main["Exec"] == "backtimer"
    assert entry["Desktop Action start-today"]["Exec"] == "backtimer --start"


def test_metainfo_passes_appstreamcli_validate() -> None:
    cmd = [tool("appstreamcli", "appstream"), "validate", "--no-net", str(METAINFO)]
    done = subprocess.run(cmd, check=False, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr


def test_metainfo_content() -> None:
    root = ET.parse(METAINFO).getroot()
    assert root.findtext("id") == APP_ID
    assert root.findtext("launchable") == DESKTOP.name
    assert root.find("content_rating") is not None and root.findtext("summary")
    assert len(root.findall("description/p")) >= 2
    assert root.find("releases/release").get("version") == __version__  # type: ignore[union-attr]
    shots = [img.text or "" for img in root.iter("image")]
    assert shots and all((ROOT / "docs" / "screenshots" / Path(url).name).is_file() for url in shots), shots


def test_flatpak_manifest_structure() -> None:
    manifest = json.loads(MANIFEST.read_text(encoding="utf-8"))
    assert manifest["id"] == APP_ID and manifest["command"] == "backtimer"
    assert manifest["base"] == "io.qt.PySide.BaseApp"
    assert manifest["runtime"] == "org.kde.Platform" and manifest["runtime-version"] == manifest["base-version"]
    args = set(manifest["finish-args"])
    assert {"--socket=pulseaudio", "--talk-name=org.freedesktop.ScreenSaver", "--socket=wayland"} <= args
    modules = {module["name"]: module for module in manifest["modules"]}
    assert {"espeak-ng", "python3-deps", "backtimer"} <= set(modules)
    espeak = modules["espeak-ng"]["sources"][0]
    assert espeak["type"] == "git" and re.fullmatch(r"\d+\.\d+\.\d+", espeak["tag"])


def test_flatpak_python_modules_are_pinned_and_cover_the_dependencies() -> None:
    manifest = json.loads(MANIFEST.read_text(encoding="utf-8"))
    deps = next(module for module in manifest["modules"] if module["name"] == "python3-deps")
    pinned = {}
    for source in deps["sources"]:
        assert source["type"] == "file" and re.fullmatch(r"[0-9a-f]{64}", source["sha256"]), source
        name, version = Path(source["path"]).name.split("-")[:2]
        pinned[name.lower()] = version
    wanted = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["dependencies"]
    names = {re.split(r"[<>=!~ ;\[]", dep, maxsplit=1)[0].lower().replace("-", "_") for dep in wanted}
    assert {n for n in names if not n.startswith("pyside6")} <= set(pinned), (names, pinned)  # PySide6: the base app


def test_flatpak_build_commands_name_real_files() -> None:
    manifest = json.loads(MANIFEST.read_text(encoding="utf-8"))
    app = next(module for module in manifest["modules"] if module["name"] == "backtimer")
    for command in app["build-commands"]:
        for word in command.split():
            if word.startswith(("packaging/", "assets/")):
                assert (ROOT / word).exists(), word


@pytest.mark.skipif(shutil.which("flatpak-builder") is None, reason="flatpak-builder is not installed (apt)")
def test_flatpak_builder_reads_the_manifest(tmp_path: Path) -> None:
    done = subprocess.run(  # in tmp_path: flatpak-builder leaves a .flatpak-builder folder where it runs
        ["flatpak-builder", "--show-manifest", str(MANIFEST)], cwd=tmp_path, check=False, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr


@pytest.mark.parametrize("size", [16, 22, 24, 32, 48, 64, 128, 256, 512])
def test_hicolor_icons_have_their_size(size: int, qapp: QApplication) -> None:
    image = QImage(str(ICONS / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"))
    assert (image.width(), image.height()) == (size, size)
    assert image.hasAlphaChannel()


def test_svg_ico_and_icns(qapp: QApplication) -> None:
    assert QSvgRenderer(str(ICONS / "backtimer.svg")).isValid()
    assert (ICONS / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg").is_file()
    ico = (ICONS / "backtimer.ico").read_bytes()
    assert struct.unpack("<HHH", ico[:6]) == (0, 1, 7)
    icns = (ICONS / "backtimer.icns").read_bytes()
    assert icns[:4] == b"icns" and struct.unpack(">I", icns[4:8])[0] == len(icns)
    sizes = sorted(size.width() for size in app_icon().availableSizes())
    assert sizes == [16, 22, 24, 32, 48, 64, 128]  # the window's: the larger ones are the launchers' (slow to map)
    assert 512 in {size.width() for size in app_icon(largest=None).availableSizes()}  # the About dialog's


def test_the_bundle_entry_point_starts_the_voice_worker_the_frozen_way() -> None:
    """``<exe> -m backtimer.speech.worker`` is how the frozen app starts its worker; the entry point must run it."""
    done = subprocess.run(
        [sys.executable, str(ROOT / "packaging" / "entry.py"), "-m", "backtimer.speech.worker"],
        input="",
        check=False,
        capture_output=True,
        text=True,
        env=ENV,
        timeout=60,
    )
    first = json.loads(done.stdout.splitlines()[0])
    assert "ready" in first


def test_the_bundle_entry_point_is_the_command_line() -> None:
    done = subprocess.run(
        [sys.executable, str(ROOT / "packaging" / "entry.py"), "--version"],
        check=False,
        capture_output=True,
        text=True,
        env=ENV,
    )
    assert done.stdout.strip() == f"backtimer {__version__}"


def test_the_spec_puts_assets_where_resources_looks() -> None:
    spec = (ROOT / "packaging" / "backtimer.spec").read_text(encoding="utf-8")
    assert '"backtimer/assets"' in spec and 'collect_submodules("backtimer")' in spec


def test_the_bundle_stays_out_of_git() -> None:
    if shutil.which("git") is None or not (ROOT / ".git").exists():
        pytest.skip("not a git checkout")
    done = subprocess.run(
        ["git", "check-ignore", "dist/backtimer", "build/pyinstaller"], cwd=ROOT, check=False, capture_output=True
    )
    assert done.returncode == 0 and len(done.stdout.splitlines()) == 2
