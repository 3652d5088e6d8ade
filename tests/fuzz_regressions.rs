//! Inputs the fuzzers and the property tests found problems with, kept in
//! `fuzz/regressions/<target>/`, run through the same checks as the fuzz target on every
//! `cargo test` (the fuzz runs also use them as seeds). See `fuzz/invariants.rs`.

#[path = "../fuzz/invariants.rs"]
mod invariants;
// The walk_fix target's check and the CLI modules it runs.
#[path = "../src/cli/discover.rs"]
#[allow(dead_code)]
mod discover;
#[path = "../src/cli/files.rs"]
#[allow(dead_code)]
mod files;
#[path = "../src/cli/lint.rs"]
#[allow(dead_code)]
mod lint;
#[path = "../fuzz/walk_fix.rs"]
mod walk_fix;

use std::path::Path;
use walint::InputKind;

fn inputs(target: &str) -> Vec<(String, Vec<u8>)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz/regressions")
        .join(target);
    // A target without regressions has no directory in a clone (git keeps no empty ones).
    if !dir.exists() {
        return Vec::new();
    }
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.expect("a directory entry").path())
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|p| {
            let bytes = std::fs::read(&p).expect("readable");
            (p.display().to_string(), bytes)
        })
        .collect()
}

/// What `fuzz_targets/<target>.rs` does with one input.
fn run(target: &str, data: &[u8]) {
    if target == "walk_fix" {
        return walk_fix::check(data); // arbitrary bytes, not only UTF-8
    }
    let Ok(source) = std::str::from_utf8(data) else {
        return;
    };
    let options = invariants::options(data.len() as u8);
    match target {
        "lint_json" => {
            let _ = invariants::check_source(source, InputKind::Json, &options);
        }
        "lint_text" => {
            invariants::check_source(source, InputKind::PlainText, &options)
                .expect("plain text always loads");
        }
        "fix" => {
            let kind = match walint::load_auto(source) {
                Ok(doc) if doc.kind == walint::DocumentKind::PlainText => InputKind::PlainText,
                _ => InputKind::Json,
            };
            invariants::check_fixes(source, kind, &options, 8);
            if kind == InputKind::Json && source.len() < 512 {
                invariants::check_fixes(source, InputKind::PlainText, &options, 8);
            }
        }
        other => panic!("no fuzz target {other}"),
    }
}

#[test]
fn every_regression_input_passes_its_target() {
    let mut count = 0;
    for target in ["lint_json", "lint_text", "fix", "walk_fix"] {
        for (name, data) in inputs(target) {
            if name.ends_with(".md") {
                continue;
            }
            let result = std::panic::catch_unwind(|| run(target, &data));
            assert!(result.is_ok(), "{target}: {name} fails");
            count += 1;
        }
    }
    assert!(count > 0, "no regression inputs found");
}
