//! Other projects' template cases (`tests/peers/*.json`, format and sources in its README), each
//! judged by Meta's docs: walint's verdict (invalid when it reports an error) must equal the
//! case's `meta_verdict` (or `walint_verdict_by_design`, where walint deliberately answers
//! otherwise), and every rule of `expected_rules` must report something. A case walint is known
//! to get wrong carries `walint_known_miss` (why, and which part owns the fix); when it starts
//! agreeing, the marker must go.

use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use walint::{lint_source, InputKind, LintOptions, Severity};

struct Outcome {
    agrees: bool,
    line: String,
}

fn judge(case: &Value) -> Outcome {
    let id = case["id"].as_str().unwrap();
    let json = serde_json::to_string(&case["template"]).unwrap();
    let reports = lint_source(&json, InputKind::Json, &LintOptions::default())
        .unwrap_or_else(|e| panic!("{id}: the case does not load: {e}"));
    let diagnostics: Vec<_> = reports.iter().flat_map(|r| &r.diagnostics).collect();
    let errors: BTreeSet<&str> = diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .map(|d| d.rule)
        .collect();
    let fired: BTreeSet<&str> = diagnostics
        .iter()
        .filter(|d| d.severity != Severity::Info)
        .map(|d| d.rule)
        .collect();
    let verdict = if errors.is_empty() {
        "valid"
    } else {
        "invalid"
    };
    let wanted = case
        .get("walint_verdict_by_design")
        .unwrap_or(&case["meta_verdict"])
        .as_str()
        .unwrap();
    let expected: Vec<&str> = case["expected_rules"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r.as_str().unwrap())
        .collect();
    let missing: Vec<&&str> = expected.iter().filter(|r| !fired.contains(**r)).collect();
    Outcome {
        agrees: verdict == wanted && missing.is_empty(),
        line: format!(
            "{id}: walint {verdict}, expected {wanted}; errors {errors:?}; expected rules not reported {missing:?}"
        ),
    }
}

#[test]
fn walint_agrees_with_meta_on_every_peer_case() {
    let dir = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/peers"));
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    let mut per_peer = BTreeMap::new();
    let mut failures = Vec::new();
    let mut ids = BTreeSet::new();
    let (mut total, mut agreeing) = (0, 0);
    for file in &files {
        let peer = file.file_stem().unwrap().to_string_lossy().to_string();
        let cases: Vec<Value> =
            serde_json::from_str(&std::fs::read_to_string(file).unwrap()).unwrap();
        let (mut n, mut ok) = (0, 0);
        for case in &cases {
            assert!(
                ids.insert(case["id"].as_str().unwrap().to_string()),
                "duplicate case id {}",
                case["id"]
            );
            let outcome = judge(case);
            let known = case.get("walint_known_miss").and_then(Value::as_str);
            match (outcome.agrees, known) {
                (false, None) => failures.push(format!("MISS {}", outcome.line)),
                (true, Some(_)) => failures.push(format!(
                    "FIXED {} (remove `walint_known_miss` from the case)",
                    outcome.line
                )),
                _ => {}
            }
            n += 1;
            ok += usize::from(outcome.agrees);
        }
        per_peer.insert(peer, (ok, n));
        total += n;
        agreeing += ok;
    }
    let summary: Vec<String> = per_peer
        .iter()
        .map(|(peer, (ok, n))| format!("{peer}: {ok} of {n}"))
        .collect();
    assert!(
        per_peer.len() >= 4 && total >= 100,
        "the peer cases are missing"
    );
    assert!(
        failures.is_empty(),
        "{}\nagreement with Meta's docs: {agreeing} of {total} ({})",
        failures.join("\n"),
        summary.join(", ")
    );
}
