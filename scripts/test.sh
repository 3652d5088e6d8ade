#!/usr/bin/env bash
# Runs every test: formatting, lints, unit, golden and CLI tests; then the WebAssembly bindings in
# Node and in headless Chromium, the npm package build, and the package tests (Node, browser,
# workerd, Deno, TypeScript).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh

echo "== cargo fmt"
cargo fmt --all -- --check
echo "== cargo clippy"
cargo clippy --all-targets --locked -- -D warnings
cargo clippy --locked --target wasm32-unknown-unknown --no-default-features --features wasm \
  --lib --test web -- -D warnings
echo "== cargo test"
cargo test --locked
echo "== predictor: the committed weights are what a fresh fit gives; the corpus is well-formed"
cargo run --quiet --locked -- fit --check
python3 scripts/corpus_check.py

# Never `cargo test -q` with this runner: it rejects the --quiet that cargo passes on.
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner
wasm_test=(cargo test --locked --target wasm32-unknown-unknown --no-default-features --features wasm --test web)
echo "== wasm-bindgen tests in Node (${SECONDS}s so far)"
# Liftoff only: with the 40 MB debug test module, Node 20's background TurboFan tier-up kept
# the process alive (using GBs of memory) for about two minutes after the tests had passed.
NODE_ARGS=--liftoff-only "${wasm_test[@]}"
echo "== wasm-bindgen tests in headless Chromium"
WASM_BINDGEN_USE_BROWSER=1 CHROMEDRIVER=${CHROMEDRIVER:-$(command -v chromedriver)} "${wasm_test[@]}"

echo "== npm package (scripts/build-wasm.sh) (${SECONDS}s so far)"
size_status=0
scripts/build-wasm.sh || size_status=$?
# 3 = built, but over the size budget: still run the package tests, then fail.
[ "$size_status" -eq 0 ] || [ "$size_status" -eq 3 ] || exit "$size_status"

echo "== package tests (node --test pkg-tests/) (${SECONDS}s so far)"
node --test pkg-tests/

echo "== fuzzing, ${FUZZ_SECONDS:-20}s per target (scripts/fuzz.sh) (${SECONDS}s so far)"
scripts/fuzz.sh "${FUZZ_SECONDS:-20}"

echo "== tests finished in ${SECONDS}s"
if [ "$size_status" -eq 3 ]; then
  echo "FAILED: the gzipped .wasm is over its size budget (see the build-wasm output above)" >&2
  exit 1
fi
