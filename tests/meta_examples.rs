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
