#!/usr/bin/env bash
# Shared set-up for scripts/app.sh and scripts/test.sh: Debian packages, a virtual environment, Python packages.
# Usage: source scripts/setup.sh app|test
set -euo pipefail

purpose="${1:-app}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

python="${PYTHON:-python3}"
if ! "$python" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
    echo "backtimer needs Python 3.11 or newer as '$python' (set PYTHON=/path/to/python3.11 to choose one)." >&2
    exit 1
fi

# Qt (offscreen and on a real screen), offline speech, and the tools the tests use.
qt_libs="libgl1 libegl1 libglib2.0-0 libx11-6 libxkbcommon0 libfontconfig1 libfreetype6 libdbus-1-3 fontconfig-config
 fonts-dejavu-core"
xcb_libs="libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-xkb1 libxkbcommon-x11-0 libxcb-image0
 libxcb-render-util0 libxcb-render0 libxcb-util1 libxcb-randr0 libxcb-shm0 libxcb-sync1 libxcb-xfixes0 libx11-xcb1"
speech="libespeak-ng1 espeak-ng alsa-utils"
packages="$qt_libs $xcb_libs $speech"
if [ "$purpose" = test ]; then
    packages="$packages sox xvfb xauth dbus dbus-x11 desktop-file-utils appstream poppler-utils"
fi
"$python" -c 'import ensurepip' 2>/dev/null || packages="$packages python3-venv"

missing=""
if command -v dpkg-query >/dev/null 2>&1; then
    for pkg in $packages; do
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing="$missing $pkg"
    done
fi
if [ -n "$missing" ]; then
    if [ "$(id -u)" = 0 ]; then sudo=""; elif command -v sudo >/dev/null 2>&1; then sudo="sudo"; else sudo="none"; fi
    if [ "$sudo" = none ]; then
        echo "backtimer needs these Debian packages; as root run: apt-get update && apt-get install -y$missing" >&2
        exit 1
    fi
    count=$(echo $missing | wc -w)
    echo "Installing $count Debian packages (a minute or two):$missing"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends $missing >/dev/null
fi

venv="$root/.venv"
# A .venv an earlier, interrupted attempt left without a working pip is made again rather than reused.
if [ -x "$venv/bin/python" ] && ! "$venv/bin/python" -m pip --version >/dev/null 2>&1; then
    echo "The virtual environment in .venv is incomplete (no pip); making it again."
    rm -rf "$venv"
fi
[ -x "$venv/bin/python" ] || "$python" -m venv "$venv"
# One stamp for both scripts: "<hash of pyproject.toml> app|test". The test extras include everything the app needs,
# so app.sh after test.sh installs nothing; test.sh after app.sh adds the test extras.
stamp="$venv/.backtimer-installed"
hash="$(sha256sum pyproject.toml | cut -d' ' -f1)"
have="$(cat "$stamp" 2>/dev/null || true)"
if [ "$have" != "$hash test" ] && { [ "$purpose" = test ] || [ "$have" != "$hash app" ]; }; then
    extras=""
    [ "$purpose" = test ] && extras="[test]"
    echo "Installing Python packages into .venv ..."
    "$venv/bin/python" -m pip install -q --upgrade pip
    "$venv/bin/python" -m pip install -q -e ".$extras"
    echo "$hash $purpose" > "$stamp"
fi
export PATH="$venv/bin:$PATH"
