#!/usr/bin/env bash
# Runs the cargo-fuzz targets (fuzz/), each for a fixed time, seeded from examples/,
# tests/golden/, tests/corpus/ and the committed regressions (fuzz/regressions/<target>/).
#
#   scripts/fuzz.sh                 # every target, 20 s each (what scripts/test.sh runs)
#   scripts/fuzz.sh 600 fix         # one target for 10 minutes
#   FUZZ_ARGS=-max_len=65536 scripts/fuzz.sh 3600 lint_json   # extra libFuzzer options
#
# Exit code 0: no crash, hang or failed invariant. Otherwise the failing input is in
# fuzz/artifacts/<target>/: reproduce it with `cargo +nightly fuzz run <target> <file>` (no nightly:
# `RUSTC_BOOTSTRAP=1 cargo fuzz run <target> <file>`), fix the
# bug, and commit the input to fuzz/regressions/<target>/ (tests/fuzz_regressions.rs then runs
# it on every `cargo test`).
set -euo pipefail
cd "$(dirname "$0")/.."

SECONDS_PER_TARGET=${1:-${FUZZ_SECONDS:-20}}
shift || true
TARGETS=("$@")
[ ${#TARGETS[@]} -gt 0 ] || TARGETS=(lint_json lint_text fix walk_fix)
# cargo fuzz passes nightly-only flags (-Zsanitizer=address). It uses the nightly toolchain
# when there is one; a machine that has only stable (and cannot download nightly) builds with
# stable and RUSTC_BOOTSTRAP=1, which lets rustc accept those flags.
if [ -n "${FUZZ_TOOLCHAIN:-}" ]; then
  TOOLCHAIN=$FUZZ_TOOLCHAIN
elif cargo +nightly --version >/dev/null 2>&1; then
  TOOLCHAIN=nightly
else
  TOOLCHAIN=stable
  export RUSTC_BOOTSTRAP=1
  echo "fuzz: no nightly toolchain; building with stable and RUSTC_BOOTSTRAP=1"
fi
if ! cargo "+$TOOLCHAIN" --version >/dev/null 2>&1; then
  echo "fuzz: the $TOOLCHAIN toolchain is missing" >&2
  exit 1
fi
if ! cargo fuzz --version >/dev/null 2>&1; then
  echo "fuzz: cargo-fuzz is missing; run scripts/setup.sh" >&2
  exit 1
fi

# Seeds: every template file as JSON, every body as text. Generated (fuzz/corpus/ is ignored by
# git and grows as libFuzzer finds new coverage).
python3 - <<'PY'
import glob, hashlib, json, os
json_seeds, text_seeds = [], []
files = sorted(glob.glob("examples/*/*.json") + glob.glob("tests/golden/*.json")
               + glob.glob("tests/corpus/*/*.json"))
for path in files:
    raw = open(path, encoding="utf-8").read()
    try:
        value = json.loads(raw)
    except ValueError:
        json_seeds.append(raw)          # broken JSON is a good seed too
        continue
    if isinstance(value, dict) and "template" in value:   # tests/corpus wraps the template
        value = value["template"]
        raw = json.dumps(value, ensure_ascii=False)
    json_seeds.append(raw)
    for t in value if isinstance(value, list) else value.get("data", [value]) if isinstance(value, dict) else []:
        for c in (t.get("components") or []) if isinstance(t, dict) else []:
            if isinstance(c, dict) and isinstance(c.get("text"), str):
                text_seeds.append(c["text"])
for path in sorted(glob.glob("examples/*/*.txt") + glob.glob("tests/golden/*.txt")):
    text_seeds.append(open(path, encoding="utf-8").read())
def write(target, seeds):
    d = f"fuzz/corpus/{target}"
    os.makedirs(d, exist_ok=True)
    for s in seeds:
        b = s.encode()
        open(os.path.join(d, "seed-" + hashlib.sha1(b).hexdigest()[:16]), "wb").write(b)
write("lint_json", json_seeds)
write("lint_text", text_seeds)
write("fix", json_seeds + text_seeds)
# walk_fix cuts its input at NUL bytes into files, the first byte of each choosing the file
# (fuzz/fuzz_targets/walk_fix.rs): a template, a draft and a package.json side by side.
package = '{"name": "My Package", "version": "1.0.0", "description": "{1} {0}"}'
walk_seeds = [
    "\0".join([chr(10) + j, chr(2) + t, chr(4) + package, chr(3) + "Hello {{ user.name }}"])
    for j, t in zip(json_seeds[:50], (text_seeds * 50)[:50])
]
write("walk_fix", walk_seeds)
PY

# No sanitizer: walint has no `unsafe` code, so AddressSanitizer finds little that Rust's own
# checks do not, and it cost three quarters of the executions (about 1 300 instead of 5 800 per
# second for lint_json). The invariants (fuzz/invariants.rs) are plain assertions and still run.
# FUZZ_SANITIZER=address brings it back.
status=0
for target in "${TARGETS[@]}"; do
  mkdir -p "fuzz/regressions/$target" "fuzz/artifacts"
  echo "== fuzz $target (${SECONDS_PER_TARGET}s, $(ls "fuzz/corpus/$target" | wc -l) inputs in the corpus)"
  if ! cargo "+$TOOLCHAIN" fuzz run --sanitizer "${FUZZ_SANITIZER:-none}" --fuzz-dir fuzz "$target" \
      "fuzz/corpus/$target" "fuzz/regressions/$target" -- \
      -max_total_time="$SECONDS_PER_TARGET" \
      -dict=fuzz/walint.dict -max_len=8192 -timeout=10 -rss_limit_mb=2048 \
      -print_final_stats=1 ${FUZZ_ARGS:-} 2> "fuzz/artifacts/$target.log"; then
    status=1
    grep -E "ERROR|panicked|SUMMARY|Test unit written|Running|assert" "fuzz/artifacts/$target.log" | head -30 >&2
    echo "fuzz: $target failed; the input is in fuzz/artifacts/$target/ (full log: fuzz/artifacts/$target.log)" >&2
  else
    grep -E "stat::number_of_executed_units|stat::peak_rss_mb" "fuzz/artifacts/$target.log" | tr '\n' ' '
    echo
  fi
done
exit $status
