//! Every example on Meta's template-categorization pages (the English page and its localized
//! copies, stored in `tests/corpus` as `meta-*` and `lib-metacat-*` records) gets the category
//! Meta gives it. `walint eval` reports the same set leave-source-out.

use std::path::Path;
use walint::template::Category;

fn records(dir: &Path, out: &mut Vec<serde_json::Value>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            records(&path, out);
            continue;
        }
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        if name.ends_with(".json")
            && (name.starts_with("meta-") || name.starts_with("lib-metacat-"))
        {
            out.push(serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap());
        }
    }
}

#[test]
fn meta_examples_get_their_category() {
    let mut all = Vec::new();
    records(
        Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/corpus")),
        &mut all,
    );
    assert!(all.len() >= 80, "only {} examples found", all.len());
    let mut wrong = Vec::new();
    for r in &all {
        let Some(expected) = r["final_category"].as_str().and_then(Category::parse) else {
            continue;
        };
        let mut template = r["template"].clone();
        if template.get("language").is_none() {
            template["language"] = r["language"].clone();
        }
        let reports = walint::lint_source(
            &template.to_string(),
            walint::InputKind::Json,
            &walint::LintOptions::default(),
        )
        .unwrap();
        let predicted = reports[0].prediction.as_ref().unwrap().category.predicted;
        if predicted != expected {
            wrong.push(format!(
                "{}: {} predicted {}",
                r["id"],
                expected.as_str(),
                predicted.as_str()
            ));
        }
    }
    assert!(
        wrong.is_empty(),
        "Meta's examples predicted wrong:\n{}",
        wrong.join("\n")
    );
}

#[path = "../fuzz/invariants.rs"]
mod invariants;

fn all_records(dir: &Path, out: &mut Vec<serde_json::Value>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            all_records(&path, out);
        } else if path.extension().is_some_and(|e| e == "json") {
            out.push(serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap());
        }
    }
}

/// Over every real and synthetic template of the corpus, with the default options and with
/// every rule raised or lowered: no verdict contradicts an error.
#[test]
fn no_verdict_contradicts_an_error_over_the_corpus() {
    let mut all = Vec::new();
    for dir in ["tests/corpus", "tests/synthetic"] {
        all_records(&Path::new(env!("CARGO_MANIFEST_DIR")).join(dir), &mut all);
    }
    assert!(all.len() > 700);
    for pick in 0..3u8 {
        let options = invariants::options(pick);
        for r in &all {
            let source = r["template"].to_string();
            let reports = walint::lint_source(&source, walint::InputKind::Json, &options).unwrap();
            for report in &reports {
                invariants::check_verdict(report.prediction.as_ref().unwrap(), &report.diagnostics);
            }
        }
    }
}
