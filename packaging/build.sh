#!/usr/bin/env bash
# Build the one-folder bundle into dist/backtimer (git-ignored), then smoke-test it.
# Usage: bash packaging/build.sh [--no-smoke]      (PYTHON=... picks the interpreter; default .venv/bin/python)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
python="${PYTHON:-$root/.venv/bin/python}"
if ! "$python" -c "import PyInstaller" 2>/dev/null; then
    echo "PyInstaller is missing: $python -m pip install 'pyinstaller>=6.10'" >&2
    exit 1
fi
"$python" -m PyInstaller --noconfirm --clean --log-level WARN \
    --distpath "$root/dist" --workpath "$root/build/pyinstaller" "$root/packaging/backtimer.spec"
echo "bundle: $root/dist/backtimer ($(du -sh "$root/dist/backtimer" | cut -f1))"
if [ "${1:-}" != "--no-smoke" ]; then
    "$python" "$root/packaging/smoke.py" "$root/dist/backtimer"
fi
