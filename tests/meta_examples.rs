//! Every example on Meta's template-categorization pages (the English page and its localized
//! copies, stored in `tests/corpus` as `meta-*` and `lib-metacat-*` records) gets the category
//! Meta gives it. `walint eval` reports the same set leave-source-out.

use walint::template::Category;

#[test]
fn meta_examples_get_their_category() {
    let all: Vec<serde_json::Value> = records::under(&["tests/corpus"])
        .into_iter()
        .filter(|r| {
            let id = r["id"].as_str().unwrap_or("");
            id.starts_with("meta-") || id.starts_with("lib-metacat-")
        })
        .collect();
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

#[path = "support/records.rs"]
mod records;

/// Over every real and synthetic template of the corpus, with the default options and with
/// every rule raised or lowered: no verdict contradicts an error.
#[test]
fn no_verdict_contradicts_an_error_over_the_corpus() {
    let all = records::under(&["tests/corpus", "tests/synthetic"]);
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
