#!/usr/bin/env bash
# Set up everything the tests need, then run lint, type checks and the whole test suite.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh" test
export QT_QPA_PLATFORM=offscreen
ruff check .
ruff format --check .
mypy
pytest "$@"
