//! The native benchmark (run by `scripts/bench.sh`, or `cargo bench --bench throughput`).
//!
//! Measures, on one thread (so "per core"):
//! * throughput over a generated corpus of realistic templates (`support/corpus.rs`):
//!   templates/s and MB/s of template JSON, parse + lint + predict;
//! * the latency of linting one template with a 1024-character body (median and p99);
//! * each 1 MiB pathological input (`support/pathological.rs`): time, findings, or the error
//!   that refused it.
//!
//! Options: `--out DIR` writes `corpus.json` (the templates, for the wasm and Kapso runs in
//! `benches/node.mjs`) and `native.json` (the figures) there; `--seconds S` is the time spent
//! per throughput measurement (default 3); `--count N` the corpus size (default 2000);
//! `--only pathological|throughput`; `--case NAME` and `--size BYTES` time one pathological
//! input (for profiling); `--dump FILE` writes every report of the corpus and of the
//! pathological inputs at 16 KiB as JSON lines, to compare two builds' outputs; `--passes N`
//! makes exactly N throughput passes and stops (for `valgrind --tool=callgrind`, whose
//! instruction counts do not depend on the machine's load).

#![allow(clippy::print_stderr)] // a benchmark reports on the terminal

#[path = "support/corpus.rs"]
mod corpus;
#[path = "support/pathological.rs"]
mod pathological;

use serde_json::json;
use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};
use walint::{InputKind, LintOptions, Linter};

// The allocator of the `walint` binary (src/main.rs), so the figures are the CLI's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

struct Args {
    out: Option<PathBuf>,
    seconds: f64,
    count: usize,
    only: Option<String>,
    case: Option<String>,
    size: usize,
    dump: Option<PathBuf>,
    passes: Option<usize>,
}

fn args() -> Args {
    let mut a = Args {
        out: None,
        seconds: 3.0,
        count: 2000,
        only: None,
        case: None,
        size: pathological::SIZE,
        dump: None,
        passes: None,
    };
    let mut it = std::env::args().skip(1);
    while let Some(arg) = it.next() {
        let mut value = || it.next().unwrap_or_else(|| panic!("{arg} needs a value"));
        match arg.as_str() {
            "--out" => a.out = Some(value().into()),
            "--seconds" => a.seconds = value().parse().expect("--seconds: a number"),
            "--count" => a.count = value().parse().expect("--count: a number"),
            "--only" => a.only = Some(value()),
            "--case" => a.case = Some(value()),
            "--size" => a.size = value().parse().expect("--size: a number"),
            "--dump" => a.dump = Some(value().into()),
            "--passes" => a.passes = Some(value().parse().expect("--passes: a number")),
            "--bench" => {} // added by `cargo bench`
            other => panic!("unknown option {other}"),
        }
    }
    a
}

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Findings of one input (all templates), or `None` if it was refused.
fn findings(source: &str, kind: InputKind, linter: &Linter) -> Option<usize> {
    linter
        .lint_source(source, kind)
        .ok()
        .map(|r| r.iter().map(|t| t.diagnostics.len()).sum())
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i]
}

fn throughput(
    corpus: &[String],
    linter: &Linter,
    seconds: f64,
    fixed_passes: Option<usize>,
) -> serde_json::Value {
    let bytes: usize = corpus.iter().map(String::len).sum();
    // Warm up: the lexicon automata and stemmers are built on first use.
    for t in corpus {
        black_box(findings(t, InputKind::Json, linter));
    }
    // Each pass over the corpus is timed; the figure is the median pass, so that a burst of
    // load from elsewhere on a shared machine does not move it.
    let mut pass_times = Vec::new();
    let start = Instant::now();
    while match fixed_passes {
        Some(n) => pass_times.len() < n,
        None => pass_times.len() < 3 || start.elapsed().as_secs_f64() < seconds,
    } {
        let pass = Instant::now();
        for t in corpus {
            black_box(linter.lint_source(black_box(t), InputKind::Json).ok());
        }
        pass_times.push(pass.elapsed().as_secs_f64());
    }
    pass_times.sort_by(f64::total_cmp);
    let median = pass_times[pass_times.len() / 2];
    let templates = corpus.len() as f64;
    json!({
        "templates_per_s": templates / median,
        "mb_per_s": bytes as f64 / median / 1e6,
        "us_per_template": median / templates * 1e6,
        "passes": pass_times.len(),
        "seconds": start.elapsed().as_secs_f64(),
    })
}

fn latency(template: &str, linter: &Linter, iterations: usize) -> serde_json::Value {
    for _ in 0..1000 {
        black_box(linter.lint_source(template, InputKind::Json).ok());
    }
    let mut times = Vec::with_capacity(iterations);
    for _ in 0..iterations {
        let t = Instant::now();
        black_box(
            linter
                .lint_source(black_box(template), InputKind::Json)
                .ok(),
        );
        times.push(t.elapsed());
    }
    times.sort_unstable();
    json!({
        "median_ms": percentile(&times, 0.5).as_secs_f64() * 1e3,
        "p99_ms": percentile(&times, 0.99).as_secs_f64() * 1e3,
        "max_ms": times[times.len() - 1].as_secs_f64() * 1e3,
        "iterations": iterations,
    })
}

fn pathological(linter: &Linter, size: usize, only: Option<&str>) -> Vec<serde_json::Value> {
    let mut out = Vec::new();
    for case in pathological::cases_sized(size) {
        if only.is_some_and(|o| o != case.name) {
            continue;
        }
        // The slower inputs get fewer runs; the median of them is reported.
        let mut times = Vec::new();
        let mut result = None;
        let budget = Instant::now();
        while times.len() < 5 && (times.len() < 2 || budget.elapsed().as_secs_f64() < 2.0) {
            let t = Instant::now();
            let r = linter.lint_source(&case.source, case.kind);
            times.push(t.elapsed());
            result = Some(r);
        }
        times.sort_unstable();
        let ms = percentile(&times, 0.5).as_secs_f64() * 1e3;
        let (outcome, findings) = match result.expect("ran at least once") {
            Ok(reports) => {
                let n: usize = reports.iter().map(|r| r.diagnostics.len()).sum();
                (format!("linted: {n} findings"), Some(n))
            }
            Err(e) => (format!("refused: {e}"), None),
        };
        eprintln!(
            "  {:<20} {:>8} bytes {:>9.1} ms  {outcome}",
            case.name,
            case.source.len(),
            ms
        );
        out.push(json!({
            "name": case.name,
            "what": case.what,
            "bytes": case.source.len(),
            "ms": ms,
            "runs": times.len(),
            "findings": findings,
            "outcome": outcome,
        }));
    }
    out
}

fn dump(path: &Path, corpus: &[String], linter: &Linter) {
    use std::io::Write;
    let mut f = std::io::BufWriter::new(std::fs::File::create(path).expect("create the dump"));
    let mut inputs: Vec<(String, InputKind)> = corpus
        .iter()
        .map(|t| (t.clone(), InputKind::Json))
        .collect();
    for case in pathological::cases_sized(16 * 1024) {
        inputs.push((case.source, case.kind));
    }
    for (source, kind) in &inputs {
        let line = match linter.lint_source(source, *kind) {
            Ok(reports) => serde_json::to_string(&reports).expect("reports serialise"),
            Err(e) => format!("error: {e} at {}", e.offset),
        };
        writeln!(f, "{line}").expect("write the dump");
    }
}

fn main() {
    let a = args();
    // One Linter for the run, as the CLI and the npm package build one.
    let linter = Linter::new(LintOptions::default());
    if a.case.is_some() {
        pathological(&linter, a.size, a.case.as_deref());
        return;
    }
    let corpus = corpus::generate(root(), a.count, 0x5eed);
    if let Some(path) = &a.dump {
        dump(path, &corpus.templates, &linter);
        return;
    }
    let bytes: usize = corpus.templates.iter().map(String::len).sum();
    // The first pass sees every template for the first time: the word-key cache
    // (src/lexicon/mod.rs) only has the words of the templates before it. One tiny template
    // first builds what every run builds once (lexicon tables, the suffix list).
    black_box(findings(
        r#"{"name": "warm_up", "language": "en", "category": "UTILITY", "components": [{"type": "BODY", "text": "Hi"}]}"#,
        InputKind::Json,
        &linter,
    ));
    let first_pass = if a.only.as_deref() == Some("pathological") {
        None
    } else {
        let start = Instant::now();
        for t in &corpus.templates {
            black_box(linter.lint_source(black_box(t), InputKind::Json).ok());
        }
        Some(start.elapsed().as_secs_f64())
    };
    let flagged = corpus
        .templates
        .iter()
        .filter(|t| findings(t, InputKind::Json, &linter).unwrap_or(1) > 0)
        .count();
    let lat_template = corpus::body_of_length(root(), 1024, 0x1a7e);
    let mut result = json!({
        "corpus": {
            "templates": corpus.templates.len(),
            "russian": corpus.russian,
            "with_injected_problems": corpus.with_problems,
            "with_findings": flagged,
            "bytes": bytes,
            "mean_bytes": bytes / corpus.templates.len(),
        },
        "latency_template_bytes": lat_template.len(),
    });
    if a.only.as_deref() != Some("pathological") {
        eprintln!(
            "native: {} templates ({} Russian, {} with injected problems, {} with findings), {:.1} KB",
            corpus.templates.len(),
            corpus.russian,
            corpus.with_problems,
            flagged,
            bytes as f64 / 1e3
        );
        let t = throughput(&corpus.templates, &linter, a.seconds, a.passes);
        eprintln!(
            "  throughput: {:.0} templates/s, {:.1} MB/s ({:.2} µs/template)",
            t["templates_per_s"].as_f64().unwrap_or(0.0),
            t["mb_per_s"].as_f64().unwrap_or(0.0),
            t["us_per_template"].as_f64().unwrap_or(0.0)
        );
        result["throughput"] = t;
        if let Some(elapsed) = first_pass {
            let n = corpus.templates.len() as f64;
            eprintln!(
                "  first pass (every template new): {:.0} templates/s, {:.1} MB/s",
                n / elapsed,
                bytes as f64 / elapsed / 1e6
            );
            result["first_pass"] = json!({
                "templates_per_s": n / elapsed,
                "mb_per_s": bytes as f64 / elapsed / 1e6,
            });
        }
        if a.passes.is_some() {
            return; // a fixed amount of work, for instruction counts (valgrind --tool=callgrind)
        }
        let l = latency(&lat_template, &linter, 20_000);
        eprintln!(
            "  latency of one 1024-character body: median {:.3} ms, p99 {:.3} ms",
            l["median_ms"].as_f64().unwrap_or(0.0),
            l["p99_ms"].as_f64().unwrap_or(0.0)
        );
        result["latency"] = l;
        // Per-template findings, so the wasm run can check that it did the same work.
        let per_template: Vec<Option<usize>> = corpus
            .templates
            .iter()
            .map(|t| findings(t, InputKind::Json, &linter))
            .collect();
        result["findings_per_template"] = json!(per_template);
    }
    if a.only.as_deref() != Some("throughput") {
        eprintln!("pathological inputs ({} bytes each):", a.size);
        result["pathological"] = json!(pathological(&linter, a.size, None));
    }
    if let Some(dir) = &a.out {
        std::fs::create_dir_all(dir).expect("create the output folder");
        std::fs::write(
            dir.join("corpus.json"),
            serde_json::to_string(&corpus.templates).expect("corpus serialises"),
        )
        .expect("write corpus.json");
        std::fs::write(dir.join("latency_template.json"), &lat_template)
            .expect("write latency_template.json");
        std::fs::write(
            dir.join("native.json"),
            serde_json::to_string_pretty(&result).expect("result serialises"),
        )
        .expect("write native.json");
    }
}
