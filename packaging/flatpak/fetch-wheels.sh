#!/usr/bin/env bash
# Download the pinned Python wheels the Flatpak manifest installs into packaging/flatpak/wheels/ (git-ignored),
# then let flatpak-builder check them against the sha256 in the manifest.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
python3 -m pip download --no-deps --only-binary=:all: -d "$here/wheels" pyttsx3==2.99 platformdirs==4.14.8
