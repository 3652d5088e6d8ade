//! `walint eval`: the predictor measured against the labelled corpus (`tests/corpus`).
//!
//! Each corpus file is a real template with the outcome and category its source records. A
//! fixed part of the corpus (a hash of the id) is held out of fitting; figures are printed for
//! the fitting part, the held-out part and all. Sources often show a template's text without
//! its sample values, so `placeholder-example` is off for a corpus template that records none,
//! and `template-name` is off for one whose source does not give the name: every submitted
//! template had one, the record just does not show it (templates with no name, language and
//! category are drafts, for which the metadata rules wait anyway).

use serde::Deserialize;
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use walint::predict::{Outcome, FEATURE_NAMES};
use walint::template::Category;
use walint::{InputKind, LintOptions, RuleLevel};

#[derive(Deserialize)]
struct Entry {
    id: String,
    outcome: String,
    final_category: Option<Category>,
    #[serde(default)]
    illustrative: bool,
    template: serde_json::Value,
}

/// One template's labels and prediction.
pub struct Case {
    pub id: String,
    pub holdout: bool,
    /// An example from Meta's categorization page: for the category figures only.
    pub illustrative: bool,
    pub outcome: Outcome,
    pub category: Option<Category>,
    pub predicted_outcome: Outcome,
    pub predicted_category: Category,
    /// The template has an error-level finding of the format kind.
    pub format_error: bool,
    pub features: Vec<f64>,
    /// The prediction's first reason, for `--verbose`.
    pub why: String,
}

/// Every fourth template, by a hash of its id, is held out of fitting.
pub fn is_holdout(id: &str) -> bool {
    // FNV-1a: stable across platforms and versions, unlike the standard hasher.
    let hash = id.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    });
    hash % 4 == 0
}

fn corpus_files(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            corpus_files(&path, out)?;
        } else if path.extension().is_some_and(|e| e == "json") {
            out.push(path);
        }
    }
    Ok(())
}

fn parse_outcome(s: &str) -> Option<Outcome> {
    match s {
        "approved" => Some(Outcome::Approved),
        "rejected" => Some(Outcome::Rejected),
        "recategorized" => Some(Outcome::Recategorized),
        _ => None,
    }
}

/// Loads and predicts every corpus template under `dir`.
pub fn run(dir: &Path) -> Result<Vec<Case>, String> {
    let mut files = Vec::new();
    corpus_files(dir, &mut files).map_err(|e| format!("cannot read {}: {e}", dir.display()))?;
    files.sort();
    if files.is_empty() {
        return Err(format!("no corpus files under {}", dir.display()));
    }
    let mut cases = Vec::new();
    for file in files {
        let text =
            std::fs::read_to_string(&file).map_err(|e| format!("{}: {e}", file.display()))?;
        let entry: Entry =
            serde_json::from_str(&text).map_err(|e| format!("{}: {e}", file.display()))?;
        let outcome = parse_outcome(&entry.outcome)
            .ok_or_else(|| format!("{}: unknown outcome {}", file.display(), entry.outcome))?;
        let t = &entry.template;
        let has_examples = t["components"]
            .as_array()
            .is_some_and(|c| c.iter().any(|c| c.get("example").is_some()));
        let mut options = LintOptions::default();
        if !has_examples {
            for rule in ["placeholder-example", "media-header"] {
                options.rules.insert(rule.to_string(), RuleLevel::Off);
            }
        }
        if t.get("name").is_none() {
            options
                .rules
                .insert("template-name".to_string(), RuleLevel::Off);
        }
        let source = serde_json::to_string(t).map_err(|e| e.to_string())?;
        let reports = walint::lint_source(&source, InputKind::Json, &options)
            .map_err(|e| format!("{}: {e}", file.display()))?;
        let report = reports
            .into_iter()
            .next()
            .ok_or_else(|| format!("{}: no template", file.display()))?;
        let prediction = report.prediction.ok_or("no prediction")?;
        let format_error = report.diagnostics.iter().any(|d| {
            d.effect
                == walint::moderation::Effect::Error(walint::moderation::ErrorEffect::Reject(
                    walint::moderation::RejectionReason::InvalidFormat,
                ))
        });
        let doc = walint::load_json(&source).map_err(|e| e.to_string())?;
        let context = walint::rules::Context::new(&doc.templates[0], &options);
        cases.push(Case {
            holdout: is_holdout(&entry.id),
            illustrative: entry.illustrative,
            id: entry.id,
            outcome,
            category: entry.final_category,
            predicted_outcome: prediction.outcome,
            predicted_category: prediction.category.predicted,
            format_error,
            features: walint::predict::feature_values(&context).to_vec(),
            why: prediction
                .reasons
                .first()
                .map(|r| r.message.chars().take(160).collect())
                .unwrap_or_default(),
        });
    }
    Ok(cases)
}

fn outcome_name(o: Outcome) -> &'static str {
    match o {
        Outcome::Approved => "approved",
        Outcome::Recategorized => "recategorized",
        Outcome::Rejected => "rejected",
    }
}

fn pct(n: usize, d: usize) -> String {
    if d == 0 {
        "n/a".into()
    } else {
        format!("{:.1} % ({n}/{d})", 100.0 * n as f64 / d as f64)
    }
}

/// The figures for a set of cases.
pub fn report(title: &str, cases: &[&Case]) -> String {
    let mut s = String::new();
    let approved = |o: Outcome| o != Outcome::Rejected;
    let submitted: Vec<&&Case> = cases.iter().filter(|c| !c.illustrative).collect();
    let agree = submitted
        .iter()
        .filter(|c| approved(c.outcome) == approved(c.predicted_outcome))
        .count();
    let recats: Vec<&&Case> = cases
        .iter()
        .filter(|c| c.outcome == Outcome::Recategorized)
        .collect();
    let recat_found = recats
        .iter()
        .filter(|c| c.predicted_outcome == Outcome::Recategorized)
        .count();
    let with_category: Vec<&&Case> = cases
        .iter()
        .filter(|c| c.category.is_some() && c.outcome != Outcome::Rejected)
        .collect();
    let category_right = with_category
        .iter()
        .filter(|c| c.category == Some(c.predicted_category))
        .count();
    let format_approved = submitted
        .iter()
        .filter(|c| c.format_error && approved(c.predicted_outcome))
        .count();
    let recorded_approved = submitted.iter().filter(|c| approved(c.outcome)).count();
    let (majority_outcome, majority_outcome_n) = if recorded_approved * 2 >= submitted.len() {
        ("approved", recorded_approved)
    } else {
        ("rejected", submitted.len() - recorded_approved)
    };
    let categories = [
        Category::Marketing,
        Category::Utility,
        Category::Authentication,
    ];
    let (majority_category, majority_category_n) = categories
        .into_iter()
        .map(|k| {
            let n = with_category
                .iter()
                .filter(|c| c.category == Some(k))
                .count();
            (k, n)
        })
        .fold((Category::Marketing, 0), |best, x| {
            if x.1 > best.1 {
                x
            } else {
                best
            }
        });
    let _ = writeln!(s, "== {title}: {} templates", cases.len());
    let _ = writeln!(
        s,
        "approve/reject accuracy      {}",
        pct(agree, submitted.len())
    );
    // What answering the most frequent label every time scores: the figure to beat.
    let _ = writeln!(
        s,
        "{:<29}{}",
        format!("  always {majority_outcome}:"),
        pct(majority_outcome_n, submitted.len())
    );
    let _ = writeln!(
        s,
        "re-categorization recall     {}",
        pct(recat_found, recats.len())
    );
    let _ = writeln!(
        s,
        "category accuracy            {}",
        pct(category_right, with_category.len())
    );
    let _ = writeln!(
        s,
        "{:<29}{}",
        format!("  always {}:", majority_category.as_str()),
        pct(majority_category_n, with_category.len())
    );
    let _ = writeln!(s, "format errors predicted approved: {format_approved}");
    // The other side of that target: a template recorded as approved that breaks a format rule
    // must still be called rejected, so these cases cap the approve/reject accuracy.
    let approved_with_format_error = submitted
        .iter()
        .filter(|c| c.format_error && approved(c.outcome))
        .count();
    let _ = writeln!(
        s,
        "recorded approved despite a format error: {approved_with_format_error} (best reachable approve/reject accuracy without predicting them approved: {})",
        pct(
            submitted.len() - approved_with_format_error,
            submitted.len()
        )
    );
    let outcomes = [Outcome::Approved, Outcome::Recategorized, Outcome::Rejected];
    let _ = writeln!(
        s,
        "outcome confusion, submitted templates (rows: recorded, columns: predicted)"
    );
    let _ = writeln!(
        s,
        "{:>15} {:>9} {:>14} {:>9}",
        "", "approved", "recategorized", "rejected"
    );
    for o in outcomes {
        let row: Vec<usize> = outcomes
            .iter()
            .map(|p| {
                submitted
                    .iter()
                    .filter(|c| c.outcome == o && c.predicted_outcome == *p)
                    .count()
            })
            .collect();
        let _ = writeln!(
            s,
            "{:>15} {:>9} {:>14} {:>9}",
            outcome_name(o),
            row[0],
            row[1],
            row[2]
        );
    }
    let _ = writeln!(s, "category confusion (rows: recorded, columns: predicted)");
    let _ = writeln!(
        s,
        "{:>15} {:>9} {:>9} {:>14}",
        "", "MARKETING", "UTILITY", "AUTHENTICATION"
    );
    for c in categories {
        let row: Vec<usize> = categories
            .iter()
            .map(|p| {
                with_category
                    .iter()
                    .filter(|x| x.category == Some(c) && x.predicted_category == *p)
                    .count()
            })
            .collect();
        let _ = writeln!(
            s,
            "{:>15} {:>9} {:>9} {:>14}",
            c.as_str(),
            row[0],
            row[1],
            row[2]
        );
    }
    s
}

/// The misses, for `--verbose`.
pub fn misses(cases: &[Case]) -> String {
    let mut s = String::new();
    for c in cases {
        let outcome_wrong = !c.illustrative
            && ((c.outcome == Outcome::Rejected) != (c.predicted_outcome == Outcome::Rejected)
                || (c.outcome == Outcome::Recategorized)
                    != (c.predicted_outcome == Outcome::Recategorized));
        let category_wrong =
            c.outcome != Outcome::Rejected && c.category.is_some_and(|k| k != c.predicted_category);
        if outcome_wrong || category_wrong {
            let _ = writeln!(
                s,
                "{}{}: recorded {}/{}, predicted {}/{}",
                c.id,
                if c.holdout { " (held out)" } else { "" },
                outcome_name(c.outcome),
                c.category.map_or("-", Category::as_str),
                outcome_name(c.predicted_outcome),
                c.predicted_category.as_str(),
            );
            if !c.why.is_empty() {
                let _ = writeln!(s, "    {}", c.why);
            }
        }
    }
    s
}

/// CSV of the features and labels, for `scripts/fit_predictor.py`.
pub fn features_csv(cases: &[Case]) -> String {
    let mut s = String::from("id,split,outcome,category");
    for n in FEATURE_NAMES {
        s.push(',');
        s.push_str(n);
    }
    s.push('\n');
    for c in cases {
        let outcome = outcome_name(c.outcome);
        let category = c.category.map_or("", Category::as_str);
        let _ = write!(
            s,
            "{},{},{outcome},{category}",
            c.id,
            if c.holdout { "holdout" } else { "train" }
        );
        for v in &c.features {
            let _ = write!(s, ",{v}");
        }
        s.push('\n');
    }
    s
}

/// Counts per split, for the summary.
pub fn splits(cases: &[Case]) -> BTreeMap<&'static str, usize> {
    let mut m = BTreeMap::new();
    for c in cases {
        *m.entry(if c.holdout { "holdout" } else { "train" })
            .or_default() += 1;
    }
    m
}
