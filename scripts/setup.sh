#!/usr/bin/env bash
# Installs what the build and the tests need. Idempotent: tools already at the right version are
# kept, so a warm machine spends a few seconds here.
set -euo pipefail
cd "$(dirname "$0")/.."

rustup component add rustfmt clippy >/dev/null 2>&1 || true
