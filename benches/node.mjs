// The Node half of the benchmark (run by scripts/bench.sh after benches/throughput.rs):
//   * the same corpus through the wasm package (pkg/node, built for speed), templates/s and
//     MB/s on one thread, and through pkg/web (built for size: what pages load), loaded in
//     Node with `initSync`; the example edge handler on pkg/edge (built for speed);
//   * the latency of one 1024-character body through the package (median, p99);
//   * cold instantiate: a fresh Node process loading the package and building a Linter;
//   * the gzipped size of both .wasm files;
//   * @kapso/whatsapp-cloud-api's template validation (buildTemplateDefinition) on the same
//     templates. It checks structure only (types, counts, examples), not content.
// Then writes the Markdown table (OUT/table.md) with the native figures from OUT/native.json.
//
//   node benches/node.mjs OUT_DIR [SECONDS]

import { execFileSync } from "node:child_process";
import { createRequire } from "node:module";
import { readFileSync, writeFileSync, existsSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { performance } from "node:perf_hooks";
import os from "node:os";

const require = createRequire(import.meta.url);
const root = new URL("..", import.meta.url).pathname;
const out = process.argv[2] ?? `${root}target/bench`;
const seconds = Number(process.argv[3] ?? 3);

const native = JSON.parse(readFileSync(`${out}/native.json`, "utf8"));
const corpus = JSON.parse(readFileSync(`${out}/corpus.json`, "utf8"));
const latencyTemplate = readFileSync(`${out}/latency_template.json`, "utf8");
const bytes = corpus.reduce((n, t) => n + Buffer.byteLength(t), 0);

function percentile(sorted, p) {
  return sorted[Math.round((sorted.length - 1) * p)];
}

/** Runs `fn` over the corpus until `seconds` have passed; templates/s and MB/s of the median
 * pass (as natively: a burst of load from elsewhere does not move it). */
function throughput(fn) {
  for (const t of corpus) fn(t); // warm-up: JIT, lazy tables
  const passTimes = [];
  const start = performance.now();
  while (passTimes.length < 3 || performance.now() - start < seconds * 1000) {
    const pass = performance.now();
    for (const t of corpus) fn(t);
    passTimes.push((performance.now() - pass) / 1000);
  }
  passTimes.sort((a, b) => a - b);
  const median = passTimes[Math.floor(passTimes.length / 2)];
  return {
    templates_per_s: corpus.length / median,
    mb_per_s: bytes / median / 1e6,
    us_per_template: (median / corpus.length) * 1e6,
    passes: passTimes.length,
  };
}

function latency(fn, iterations = 20000) {
  for (let i = 0; i < 1000; i++) fn();
  const times = new Float64Array(iterations);
  for (let i = 0; i < iterations; i++) {
    const t = process.hrtime.bigint();
    fn();
    times[i] = Number(process.hrtime.bigint() - t) / 1e6;
  }
  times.sort();
  return { median_ms: percentile(times, 0.5), p99_ms: percentile(times, 0.99), iterations };
}

/** Bytes of `gzip -9` output, as scripts/build-wasm.sh measures the budget (zlib's own level 9
 * differs by a few hundred bytes); zlib where there is no gzip. */
function gzippedSize(path, bytes) {
  try {
    return execFileSync("gzip", ["-9", "-c", path], { maxBuffer: 1 << 26 }).length;
  } catch {
    return gzipSync(bytes, { level: 9 }).length;
  }
}

const result = { corpus: native.corpus };

// ---- wasm package -------------------------------------------------------------------------
const pkgDir = `${root}pkg/node`;
if (existsSync(`${pkgDir}/walint.js`)) {
  const wasmBytes = readFileSync(`${pkgDir}/walint_bg.wasm`);
  result.wasm_bytes = wasmBytes.length;
  result.wasm_gzip_bytes = gzippedSize(`${pkgDir}/walint_bg.wasm`, wasmBytes);

  // Cold instantiate: a fresh process each time; the time from `require` (read, compile and
  // instantiate the .wasm) to a ready Linter, and separately the first lint.
  const probe = `
    const { performance } = require("node:perf_hooks");
    const t0 = performance.now();
    const { Linter } = require(${JSON.stringify(`${pkgDir}/walint.js`)});
    const linter = new Linter();
    const t1 = performance.now();
    linter.lint(${JSON.stringify(corpus[0])});
    const t2 = performance.now();
    process.stdout.write(JSON.stringify([t1 - t0, t2 - t1]));`;
  const cold = [];
  const first = [];
  for (let i = 0; i < 15; i++) {
    const [c, f] = JSON.parse(execFileSync(process.execPath, ["-e", probe], { encoding: "utf8" }));
    cold.push(c);
    first.push(f);
  }
  cold.sort((a, b) => a - b);
  first.sort((a, b) => a - b);
  result.cold_instantiate_ms = { median: percentile(cold, 0.5), max: cold[cold.length - 1], runs: cold.length };
  result.first_lint_ms = { median: percentile(first, 0.5) };

  const { Linter } = require(`${pkgDir}/walint.js`);
  const linter = new Linter();
  // The same work as natively: the same findings for every template.
  let mismatches = 0;
  corpus.forEach((t, i) => {
    const n = linter.lint(t).templates.reduce((k, r) => k + r.diagnostics.length, 0);
    if (n !== native.findings_per_template[i]) mismatches++;
  });
  result.wasm_findings_mismatches = mismatches;
  result.wasm = throughput((t) => linter.lint(t));
  result.wasm_latency = latency(() => linter.lint(latencyTemplate));
} else {
  result.wasm = null;
  result.wasm_pending = "pkg/node is missing: run scripts/build-wasm.sh";
}

// The browser build (pkg/web, ESM, built for size), instantiated from its bytes.
const webDir = `${root}pkg/web`;
if (existsSync(`${webDir}/walint.js`)) {
  const webBytes = readFileSync(`${webDir}/walint_bg.wasm`);
  result.web_wasm_bytes = webBytes.length;
  result.web_wasm_gzip_bytes = gzippedSize(`${webDir}/walint_bg.wasm`, webBytes);
  const web = await import(`${webDir}/walint.js`);
  web.initSync({ module: webBytes });
  const linter = new web.Linter();
  result.web = throughput((t) => linter.lint(t));
  result.web_latency = latency(() => linter.lint(latencyTemplate));
} else {
  result.web = null;
}

// ---- the edge handler -----------------------------------------------------------------------
// The example Worker's handler (examples/edge/handler.mjs) on pkg/edge (what edge runtimes
// load: the build for speed, with the web glue), with hostile bodies just
// under its 64 KiB limit: the CPU time of one request (median of the runs: process CPU, as an
// edge runtime bills it) and the size of the answer. The answer is read as bytes, as the
// runtime sends it: decoding it into a string is the client's work, not the Worker's (for an
// answer of 324 KiB, mostly Cyrillic, that decoding took about a tenth of the measured CPU).
const edgeDir = `${root}pkg/edge`;
if (existsSync(`${edgeDir}/walint.js`)) {
  const { makeHandler } = await import(`${root}examples/edge/handler.mjs`);
  const handler = makeHandler(new WebAssembly.Module(readFileSync(`${edgeDir}/walint_bg.wasm`)));
  const order = JSON.parse(corpus[0]);
  const bodies = {
    "50 templates of the corpus": `[${corpus.slice(0, 40).join(",")}]`,
    "a body of broken placeholders and links": JSON.stringify({ ...order, components: [{ type: "BODY", text: "{{ 1 } bit.ly/x ".repeat(3900) }] }),
    "50 templates full of findings": `[${Array(50).fill(JSON.stringify({ name: "A B", components: [{ type: "BODY", text: "{{1}}{{2}} bit.ly/x СКИДКА!!! ".repeat(30) }] })).join(",")}]`,
    "a body of emoji": JSON.stringify({ components: [{ type: "BODY", text: "🔥".repeat(15000) }] }),
    "51 templates (refused)": `[${Array(51).fill(corpus[0]).join(",")}]`,
  };
  result.edge = [];
  for (const [name, body] of Object.entries(bodies)) {
    const size = Buffer.byteLength(body);
    if (size > 64 * 1024) continue;
    const request = () => new Request("http://localhost/lint", { method: "POST", body });
    await (await handler.fetch(request())).arrayBuffer(); // warm-up
    const cpu = [];
    let answer = 0;
    for (let i = 0; i < 15; i++) {
      const req = request();
      const before = process.cpuUsage();
      const bytes = await (await handler.fetch(req)).arrayBuffer();
      const used = process.cpuUsage(before);
      cpu.push((used.user + used.system) / 1000);
      answer = bytes.byteLength;
    }
    cpu.sort((a, b) => a - b);
    result.edge.push({ name, body_bytes: size, cpu_ms: cpu[Math.floor(cpu.length / 2)], answer_bytes: answer });
  }
}

// ---- Kapso ----------------------------------------------------------------------------------
const camel = (k) => k.replace(/_([a-z])/g, (_, c) => c.toUpperCase());
function camelize(v) {
  if (Array.isArray(v)) return v.map(camelize);
  if (v && typeof v === "object") {
    const o = {};
    for (const [k, x] of Object.entries(v)) o[camel(k)] = camelize(x);
    return o;
  }
  return v;
}
try {
  const { TemplateDefinition } = await import("@kapso/whatsapp-cloud-api");
  const { buildTemplateDefinition } = TemplateDefinition;
  const kapsoVersion = JSON.parse(
    readFileSync(`${root}node_modules/@kapso/whatsapp-cloud-api/package.json`, "utf8"),
  ).version;
  // Kapso takes camelCase objects: parse, camelise the keys (what its buildTemplatePayload does
  // for Meta-style input), validate. A rejected template throws a ZodError.
  const validate = (t) => {
    try {
      buildTemplateDefinition(camelize(JSON.parse(t)));
      return 0;
    } catch (e) {
      return e.issues ? e.issues.length : 1;
    }
  };
  result.kapso_version = kapsoVersion;
  result.kapso_rejected = corpus.filter((t) => validate(t) > 0).length;
  result.kapso = throughput(validate);
  result.kapso_latency = latency(() => validate(latencyTemplate));
} catch (e) {
  result.kapso = null;
  result.kapso_error = String(e);
}

// ---- machine --------------------------------------------------------------------------------
const sh = (cmd, args) => {
  try {
    return execFileSync(cmd, args, { encoding: "utf8" }).trim();
  } catch {
    return "?";
  }
};
result.machine = {
  cpu: os.cpus()[0]?.model ?? "?",
  cores: os.cpus().length,
  memory_gib: Math.round(os.totalmem() / 2 ** 30),
  os: `${os.type()} ${os.release()}`,
  rustc: sh("rustc", ["--version"]),
  node: process.version,
  date: new Date().toISOString().slice(0, 10),
  load: os.loadavg().map((x) => x.toFixed(2)).join(" "),
};
writeFileSync(`${out}/node.json`, JSON.stringify(result, null, 2));

// ---- the table ------------------------------------------------------------------------------
const f = (x, d = 0) => (x == null ? "–" : Number(x).toLocaleString("en-US", { maximumFractionDigits: d, minimumFractionDigits: d }));
const met = (ok) => (ok == null ? "pending" : ok ? "**met**" : "**not met**");
const n = native.throughput;
const w = result.wasm;
const k = result.kapso;
const rows = [];
const exportsFile = `${out}/exports.json`;
if (existsSync(exportsFile)) {
  for (const e of JSON.parse(readFileSync(exportsFile, "utf8"))) {
    const ratio = Math.max(e.walint_json_s, e.walint_human_s) / e.json_load_s;
    rows.push([`export of ${f(e.templates)} templates in one file, ${e.layout ?? "indented"} (${f(e.bytes / 1e6, 1)} MB)`, `--format json ${f(e.walint_json_s, 2)} s, human ${f(e.walint_human_s, 2)} s; Python json.load ${f(e.json_load_s, 2)} s (${f(ratio, 1)}×); ${f((e.walint_json_s / e.templates) * 1e6, 0)} µs/template`, "each ≤ 3× json.load; linear", met(ratio <= 3)]);
  }
}
const fp = native.first_pass;
rows.push(["native throughput, 1 core", `${f(n.templates_per_s)} templates/s, ${f(n.mb_per_s, 1)} MB/s (${f(n.us_per_template, 1)} µs/template)${fp ? `; first pass, every template new: ${f(fp.templates_per_s)} templates/s` : ""}`, "≥ 50 000 templates/s (moonshot 100 000)", met(n.templates_per_s >= 50000)]);
rows.push(["native latency, 1024-character body", `median ${f(native.latency.median_ms, 3)} ms, p99 ${f(native.latency.p99_ms, 3)} ms`, "p99 ≤ 1 ms", met(native.latency.p99_ms <= 1)]);
const web = result.web;
rows.push(["wasm in Node, 1 core: pkg/node (built for speed)", w ? `${f(w.templates_per_s)} templates/s, ${f(w.mb_per_s, 1)} MB/s = ${f(w.templates_per_s / n.templates_per_s, 2)}× native` : result.wasm_pending, "≥ 0.5× native", met(w ? w.templates_per_s >= 0.5 * n.templates_per_s : null)]);
rows.push(["wasm in Node, 1 core: pkg/web (built for size; pages)", web ? `${f(web.templates_per_s)} templates/s, ${f(web.mb_per_s, 1)} MB/s = ${f(web.templates_per_s / n.templates_per_s, 2)}× native` : "–", "≥ 0.5× native", met(web ? web.templates_per_s >= 0.5 * n.templates_per_s : null)]);
rows.push(["wasm latency, 1024-character body", w ? `pkg/node: median ${f(result.wasm_latency.median_ms, 3)} ms, p99 ${f(result.wasm_latency.p99_ms, 3)} ms${web ? `; pkg/web: median ${f(result.web_latency.median_ms, 3)} ms, p99 ${f(result.web_latency.p99_ms, 3)} ms` : ""}` : "–", "(p99 ≤ 1 ms is the native target)", w ? (Math.max(result.wasm_latency.p99_ms, web ? result.web_latency.p99_ms : 0) <= 1 ? "within 1 ms" : "over 1 ms") : "pending"]);
const fastest = Math.max(n.templates_per_s, w ? w.templates_per_s : 0);
rows.push([`Kapso ${result.kapso_version ?? ""} buildTemplateDefinition (structure only: types, counts, examples; no content checks)`, k ? `${f(k.templates_per_s)} templates/s (rejects ${result.kapso_rejected} of ${corpus.length})` : result.kapso_error, "walint ≥ 2× Kapso", k ? `native ${f(n.templates_per_s / k.templates_per_s, 2)}×, pkg/node ${w ? f(w.templates_per_s / k.templates_per_s, 2) : "–"}×: ${met(fastest >= 2 * k.templates_per_s)}` : "pending"]);
rows.push(["gzipped .wasm (gzip -9)", result.web_wasm_gzip_bytes ? `pkg/web (downloaded by pages): ${f(result.web_wasm_gzip_bytes / 1000, 1)} KB (raw ${f(result.web_wasm_bytes / 1000, 1)} KB); pkg/node (read from disk): ${f(result.wasm_gzip_bytes / 1000, 1)} KB` : "–", "≤ 350 KB", met(result.web_wasm_gzip_bytes ? result.web_wasm_gzip_bytes <= 350000 : null)]);
rows.push(["Node cold instantiate, pkg/node (fresh process: require + new Linter)", result.cold_instantiate_ms ? `median ${f(result.cold_instantiate_ms.median, 1)} ms (first lint then ${f(result.first_lint_ms.median, 1)} ms)` : "–", "≤ 15 ms", met(result.cold_instantiate_ms ? result.cold_instantiate_ms.median <= 15 : null)]);
const patho = native.pathological ?? [];
const slow = patho.filter((p) => p.ms > 50);
for (const e of result.edge ?? []) {
  rows.push([`edge handler (pkg/edge), ${e.name} (${f(e.body_bytes / 1024, 1)} KiB)`, `${f(e.cpu_ms, 1)} ms CPU, answer ${f(e.answer_bytes / 1024, 1)} KiB`, "≤ 10 ms CPU, answer ≤ 1 MB", met(e.cpu_ms <= 10 && e.answer_bytes <= 1 << 20)]);
}
rows.push(["1 MiB pathological inputs (worst)", patho.length ? `${f(Math.max(...patho.map((p) => p.ms)), 1)} ms (${slow.length} of ${patho.length} over 50 ms)` : "–", "≤ 50 ms or refused", met(patho.length ? slow.length === 0 : null)]);

let md = `| measure | result | target | |\n|---|---|---|---|\n`;
for (const r of rows) md += `| ${r.join(" | ")} |\n`;
md += `\nCorpus: ${native.corpus.templates} templates (${native.corpus.russian} Russian, the rest English; ${native.corpus.with_injected_problems} with injected problems, ${native.corpus.with_findings} with at least one finding), ${f(native.corpus.bytes / 1000, 1)} KB of compact JSON, ${native.corpus.mean_bytes} bytes on average; the latency template is ${native.latency_template_bytes} bytes.`;
if (w) md += ` The wasm run gave the same number of findings as the native one for ${corpus.length - result.wasm_findings_mismatches} of ${corpus.length} templates.`;
md += `\n\n| 1 MiB input | bytes | time | outcome |\n|---|---|---|---|\n`;
for (const p of patho) md += `| ${p.name}: ${p.what} | ${f(p.bytes)} | ${f(p.ms, 1)} ms | ${p.outcome.replace(/\|/g, "\\|")} |\n`;
const m = result.machine;
md += `\nMachine: ${m.cpu}, ${m.cores} cores (the benchmark uses one), ${m.memory_gib} GiB, ${m.os}; ${m.rustc}; Node ${m.node}; ${m.date}; load average at the end ${m.load}.\n`;
writeFileSync(`${out}/table.md`, md);
process.stdout.write(md);
