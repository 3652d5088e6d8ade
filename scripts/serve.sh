#!/usr/bin/env bash
# Builds the wasm package (scripts/build-wasm.sh), copies its web build and the example templates
# into www/pkg/, and serves the page on http://127.0.0.1:8080 (PORT=... or --port N to change).
set -euo pipefail
cd "$(dirname "$0")/.."

# A fresh clone lacks the wasm toolchain: scripts/setup.sh installs it (idempotent).
wb_version=$(sed -n '/^name = "wasm-bindgen"$/{n;s/^version = "\(.*\)"$/\1/p;}' Cargo.lock)
if [ "$(wasm-bindgen --version 2>/dev/null || true)" != "wasm-bindgen $wb_version" ] \
  || ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  scripts/setup.sh
fi

status=0
scripts/build-wasm.sh || status=$?
# 3 = built, but over the size budget: the page still works.
[ "$status" -eq 0 ] || [ "$status" -eq 3 ] || exit "$status"

exec node scripts/serve.mjs "$@"
