//! Meta's own sample for every documented template type (`tests/meta_samples/*.json`, sources in
//! `SOURCES.md`) lints with no finding it does not deserve. `manifest.json` lists, per sample,
//! every finding walint may report and why: `deserved` (Meta's own rules say so; such a finding
//! must be reported), `advisory` (walint's advisory content rules: a warning or an info about
//! wording or links, which may come and go as the lexicons change) or `false-positive` (a known
//! walint bug outside the template-type rules, with the part that owns it). Any other finding
//! fails the test: it is undeserved until someone labels it.

use serde_json::Value;
use std::collections::BTreeSet;
use std::path::Path;
use walint::{lint_source, InputKind, LintOptions, Severity};

/// What identifies a finding: rule, severity, path and the flagged source text (`None` for a
/// finding about a whole JSON value).
type Key = (String, String, String, Option<String>);

fn dir() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/meta_samples"))
}

fn findings(file: &str) -> Vec<Key> {
    let source = std::fs::read_to_string(dir().join(file)).unwrap();
    let reports = lint_source(&source, InputKind::Json, &LintOptions::default())
        .unwrap_or_else(|e| panic!("{file}: Meta's sample does not load: {e}"));
    reports
        .iter()
        .flat_map(|r| &r.diagnostics)
        .map(|d| {
            let text = d
                .range
                .and(d.location.as_ref())
                .map(|l| source[l.start.offset..l.end.offset].to_string());
            (
                d.rule.to_string(),
                d.severity.as_str().to_string(),
                d.path.clone(),
                text,
            )
        })
        .collect()
}

fn key(entry: &Value) -> Key {
    let field = |k: &str| entry[k].as_str().unwrap_or_default().to_string();
    (
        field("rule"),
        field("severity"),
        field("path"),
        entry["text"].as_str().map(str::to_string),
    )
}

fn describe((rule, severity, path, text): &Key) -> String {
    let text = text
        .as_ref()
        .map_or("null".to_string(), |t| format!("{t:?}"));
    format!(r#"{{"rule": "{rule}", "severity": "{severity}", "path": "{path}", "text": {text}}}"#)
}

#[test]
fn every_sample_gets_only_the_findings_it_deserves() {
    let manifest: Vec<Value> =
        serde_json::from_str(&std::fs::read_to_string(dir().join("manifest.json")).unwrap())
            .unwrap();
    let listed: BTreeSet<String> = manifest
        .iter()
        .map(|m| m["file"].as_str().unwrap().to_string())
        .collect();
    let on_disk: BTreeSet<String> = std::fs::read_dir(dir())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        .filter(|f| f.ends_with(".json") && f != "manifest.json")
        .collect();
    assert_eq!(listed, on_disk, "manifest.json must list every sample");
    assert!(listed.len() >= 20, "the samples are missing");

    let mut failures = Vec::new();
    for sample in &manifest {
        let file = sample["file"].as_str().unwrap();
        let entries = sample["findings"].as_array().unwrap();
        for e in entries {
            let verdict = e["verdict"].as_str().unwrap_or_default();
            assert!(
                matches!(verdict, "deserved" | "advisory" | "false-positive"),
                "{file}: verdict {verdict:?} (deserved, advisory or false-positive)"
            );
            assert!(
                !e["why"].as_str().unwrap_or_default().is_empty(),
                "{file}: every label says why"
            );
            // An error blocks the template: only Meta's own rules may give one.
            if e["severity"] == Severity::Error.as_str() {
                assert_eq!(verdict, "deserved", "{file}: an error must be deserved");
            }
        }
        let actual: BTreeSet<Key> = findings(file).into_iter().collect();
        let expected: BTreeSet<Key> = entries.iter().map(key).collect();
        for k in actual.difference(&expected) {
            failures.push(format!(
                "{file}: undeserved (or unlabelled) finding {}",
                describe(k)
            ));
        }
        for e in entries {
            let k = key(e);
            if e["verdict"] != "advisory" && !actual.contains(&k) {
                failures.push(format!(
                    "{file}: no longer reported, update the manifest: {}",
                    describe(&k)
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Meta's samples are valid templates: the only errors are the deserved ones on the calling
/// guide's sample, whose header has no `format` and puts its example under `body_text`.
#[test]
fn no_sample_but_the_malformed_one_has_an_error() {
    let with_errors: Vec<String> = std::fs::read_dir(dir())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        .filter(|f| f.ends_with(".json") && f != "manifest.json")
        .filter(|f| findings(f).iter().any(|k| k.1 == "error"))
        .collect();
    assert_eq!(with_errors, ["call_permission_request_calling_guide.json"]);
}
