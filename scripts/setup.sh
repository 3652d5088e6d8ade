#!/usr/bin/env bash
# Installs what the build and the tests need. Idempotent: tools already at the right version are
# kept, so a warm machine spends a few seconds here.
set -euo pipefail
cd "$(dirname "$0")/.."

rustup component add rustfmt clippy >/dev/null 2>&1 || true

# The WebAssembly package (scripts/build-wasm.sh) and its tests.
rustup target add wasm32-unknown-unknown >/dev/null 2>&1 || rustup target add wasm32-unknown-unknown

# wasm-bindgen's CLI must be the exact version of the wasm-bindgen crate in Cargo.lock.
wb_version=$(sed -n '/^name = "wasm-bindgen"$/{n;s/^version = "\(.*\)"$/\1/p;}' Cargo.lock)
if [ "$(wasm-bindgen --version 2>/dev/null || true)" != "wasm-bindgen $wb_version" ]; then
  echo "== installing wasm-bindgen-cli $wb_version (about 2 minutes)"
  # --locked can fail when a crate in the CLI's own lockfile was yanked; then resolve afresh.
  cargo install wasm-bindgen-cli --version "$wb_version" --locked \
    || cargo install wasm-bindgen-cli --version "$wb_version"
fi

# Headless Chromium for the browser tests (Debian packages; the emoji font for real rendering).
missing=()
for p in chromium chromium-driver fonts-noto-color-emoji; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
  echo "== installing ${missing[*]}"
  sudo=""
  [ "$(id -u)" = 0 ] || sudo=sudo
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# Node dev tools (package-lock.json): playwright-core, miniflare (workerd), deno, typescript.
command -v npm >/dev/null || { echo "setup: node and npm are needed (Node 20 or later)" >&2; exit 1; }
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "== npm ci"
  npm ci --no-audit --no-fund
fi

# Fuzzing (scripts/fuzz.sh, which scripts/test.sh runs): cargo-fuzz, and the nightly toolchain
# where it can be installed (fuzz.sh builds with stable and RUSTC_BOOTSTRAP=1 where it cannot).
if ! cargo +nightly --version >/dev/null 2>&1; then
  echo "== installing the nightly toolchain for cargo fuzz (optional)"
  rustup toolchain install nightly --profile minimal \
    || echo "setup: no nightly toolchain; scripts/fuzz.sh will use stable with RUSTC_BOOTSTRAP=1"
fi
if ! cargo fuzz --version >/dev/null 2>&1; then
  echo "== installing cargo-fuzz (about a minute)"
  cargo install cargo-fuzz --locked
fi
