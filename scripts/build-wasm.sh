#!/usr/bin/env bash
# Builds the JavaScript/WebAssembly package into pkg/ (an npm package folder):
#   pkg/web/   ESM for browsers (`await init()`, or `initSync({ module })`)
#   pkg/edge/  the same ESM for Cloudflare Workers, Deno, Vercel Edge and other edge runtimes
#   pkg/node/  CommonJS for Node (loads the .wasm itself; `import` and `require` both work)
# plus package.json (with `exports` and `types`) and README.md from npm/.
#
# The builds are of the same code, compiled for what matters where they run: pkg/web's .wasm
# is downloaded by pages, so it is built for size (profile wasm-release, opt-level z);
# pkg/edge's is deployed once with a function that pays for every millisecond of CPU, and
# pkg/node's is read from disk, so both are built for speed (profile wasm-fast, opt-level 3:
# 1.4 to 1.6 times as fast on the benchmark corpus and the edge bodies, 25 % larger).
#
# Prints the raw and gzipped sizes. Exit codes: 0 OK; 3 the package was built but pkg/web's
# gzipped .wasm is over the budget (WASM_GZIP_BUDGET bytes, 350 kB); anything else: the build
# failed.
set -euo pipefail
cd "$(dirname "$0")/.."

BUDGET=${WASM_GZIP_BUDGET:-350000}
OUT=pkg
SMALL=target/wasm32-unknown-unknown/wasm-release/walint.wasm
FAST=target/wasm32-unknown-unknown/wasm-fast/walint.wasm

need_bindgen=$(sed -n '/^name = "wasm-bindgen"$/{n;s/^version = "\(.*\)"$/\1/p;}' Cargo.lock)
have_bindgen=$(wasm-bindgen --version 2>/dev/null || true)
if [ "$have_bindgen" != "wasm-bindgen $need_bindgen" ]; then
  echo "build-wasm: need wasm-bindgen $need_bindgen (Cargo.lock), found '${have_bindgen:-none}'; run scripts/setup.sh" >&2
  exit 1
fi

# opt-level z inlines almost nothing: every `Chars::next` and string index of the hot loops
# stays a call. A higher inlining threshold for the size build buys speed for bytes
# (measured: README, "Size of the .wasm"). History: 30, then 45 (+3.0 kB, the corpus 2-5 %
# faster); 60 and 75 did not fit with the room then left. Once the Public Suffix List was
# stored front-coded (9.3 kB smaller, 2026-12-04), on the same code, interleaved in one Node
# process over eleven rounds: 45 335.3 kB; 75 341.6 kB, lint() 7.6 % faster; 110 347.8 kB,
# 13.5 % faster; 130 349.0 kB, no faster than 110. 110 is shipped; a feature that needs more
# than the 2 kB it leaves can take them back by going down to 75. Only the size build gets
# it: the speed build's opt-level 3 inlines more on its own.
SMALL_RUSTFLAGS="-C llvm-args=-inline-threshold=${WASM_INLINE_THRESHOLD:-110}"
for profile in wasm-release wasm-fast; do
  echo "== cargo build (wasm32, profile $profile)"
  flags=""
  [ "$profile" = wasm-release ] && flags=$SMALL_RUSTFLAGS
  RUSTFLAGS="$flags" cargo build --locked --profile "$profile" --target wasm32-unknown-unknown \
    --no-default-features --features wasm --lib
done

echo "== wasm-bindgen"
rm -rf "$OUT"
flags=(--remove-name-section --remove-producers-section)
wasm-bindgen --target web "${flags[@]}" --out-dir "$OUT/web" "$SMALL"
wasm-bindgen --target web "${flags[@]}" --out-dir "$OUT/edge" "$FAST"
wasm-bindgen --target nodejs "${flags[@]}" --out-dir "$OUT/node" "$FAST"
# The nodejs output is CommonJS; say so, whatever "type" the package around it declares.
echo '{"type":"commonjs"}' > "$OUT/node/package.json"
# The JavaScript the Rust code imports (src/wasm/tape.js, which builds the results) goes into
# each glue file itself, in place of the line that imports it from snippets/: the package stays
# one .js and one .wasm per build (pages copy pkg/web's files; the Node build stays CommonJS).
for build in web edge node; do
  node -e '
    const fs = require("fs");
    const path = require("path");
    const dir = process.argv[1];
    const glue = path.join(dir, "walint.js");
    const importLine = /^(?:import \{ (\w+) \} from |const \{ (\w+) \} = require\()(?:String\.raw)?[`'"'"'](\.\/snippets\/[^`'"'"']+)[`'"'"']\)?;$/gm;
    let inlined = 0;
    const text = fs.readFileSync(glue, "utf8").replace(importLine, (line, a, b, file) => {
      inlined++;
      const code = fs.readFileSync(path.join(dir, file), "utf8").replace(/^export /gm, "");
      if (!new RegExp(`^function ${a ?? b}\\b`, "m").test(code)) {
        throw new Error(`${file} does not define ${a ?? b}`);
      }
      return code;
    });
    if (inlined === 0 || text.includes("./snippets/")) throw new Error(`${glue}: snippet imports not inlined`);
    fs.writeFileSync(glue, text);
    fs.rmSync(path.join(dir, "snippets"), { recursive: true });
  ' "$OUT/$build"
done
# A coded error for calls on a freed Linter (the glue's own is "null pointer passed to rust").
for glue in "$OUT/web/walint.js" "$OUT/edge/walint.js" "$OUT/node/walint.js"; do
  grep -q '^class Linter\b\|^export class Linter\b' "$glue" \
    || { echo "build-wasm: no Linter class in $glue to guard" >&2; exit 1; }
  cat npm/freed-guard.js >> "$glue"
done
# wasm-bindgen types the raw exports' JS-value parameters as `any`: the public API is precise,
# and the raw exports get `unknown` so that the package has no `any` at all.
sed -i -E 's/\b(\w+): any\b/\1: unknown/g' "$OUT"/web/*.d.ts "$OUT"/edge/*.d.ts "$OUT"/node/*.d.ts

version=$(sed -n 's/^version = "\(.*\)"$/\1/p' Cargo.toml | head -n 1)
node -e '
  const fs = require("fs");
  const [template, out, version] = process.argv.slice(1);
  const pkg = JSON.parse(fs.readFileSync(template, "utf8"));
  pkg.version = version;
  fs.writeFileSync(out, JSON.stringify(pkg, null, 2) + "\n");
' npm/package.json "$OUT/package.json" "$version"
cp npm/README.md "$OUT/README.md"

raw=$(wc -c < "$OUT/web/walint_bg.wasm")
gz=$(gzip -9 -c "$OUT/web/walint_bg.wasm" | wc -c)
echo "== walint $version: $OUT/web/walint_bg.wasm is $raw bytes, $gz bytes gzipped (gzip -9; budget $BUDGET)"
for build in edge node; do
  echo "   $OUT/$build/walint_bg.wasm (built for speed) is $(wc -c < "$OUT/$build/walint_bg.wasm") bytes, $(gzip -9 -c "$OUT/$build/walint_bg.wasm" | wc -c) bytes gzipped"
done
if [ "$gz" -gt "$BUDGET" ]; then
  echo "build-wasm: the gzipped .wasm is $gz bytes, over the $BUDGET-byte budget" >&2
  exit 3
fi
