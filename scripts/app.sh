#!/usr/bin/env bash
# Set up everything backtimer needs, then start it. Any arguments go to backtimer (e.g. `run start-small`).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh" app
exec backtimer "$@"
