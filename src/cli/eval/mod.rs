//! `walint eval`: the prediction measured against the labelled corpus (`tests/corpus`), and
//! `walint fit`: the category model fitted on it.
//!
//! Every figure is **leave-source-out**: the sources (a repository, a web page; a record's
//! `source_group`) are dealt into folds, and each template is predicted by a model fitted on
//! the other folds only, so no template is judged by a model that saw its own source. Beside
//! each figure stands what always answering the most frequent label scores.
//!
//! Approve/reject is measured only on submissions made under today's rules (`era:
//! "current"`, not Meta's own samples or library templates); the others are counted apart.
//! The synthetic Russian set (`tests/synthetic`) is reported apart and never counted in the
//! real figures.

pub mod fit;
mod report;

use serde::Deserialize;
use std::path::{Path, PathBuf};
use walint::predict::{Outcome, Prediction};
use walint::signals::category::Models;
use walint::template::Category;
use walint::{LintOptions, Linter, RuleLevel};

/// Folds the sources are dealt into.
pub const FOLDS: u64 = 10;

#[derive(Deserialize)]
struct Record {
    id: String,
    #[serde(default)]
    source_url: String,
    #[serde(default)]
    source_group: Option<String>,
    #[serde(default)]
    language: Option<String>,
    outcome: String,
    #[serde(default)]
    submitted_category: Option<Category>,
    final_category: Option<Category>,
    #[serde(default)]
    era: Option<String>,
    #[serde(default)]
    illustrative: bool,
    #[serde(default)]
    meta_library: bool,
    #[serde(default)]
    synthetic: bool,
    /// The template exactly as submitted: nothing left out by the source.
    #[serde(default)]
    complete: bool,
    template: serde_json::Value,
}

/// One labelled template and what walint predicts for it.
pub struct Case {
    pub id: String,
    pub group: String,
    pub language: String,
    pub outcome: Outcome,
    pub submitted: Option<Category>,
    pub category: Option<Category>,
    /// A submission under today's rules: counts for approve/reject.
    pub current: bool,
    pub era: String,
    pub illustrative: bool,
    pub meta_library: bool,
    pub synthetic: bool,
    /// From one of Meta's pages (categorization, review, template types): must be right.
    pub meta_example: bool,
    /// The prediction of a model fitted without this template's source.
    pub predicted: Prediction,
    /// The template has an error that rejects it for its format.
    pub format_error: bool,
    pub features: fit::Sample,
    /// The normalised body, for the label-noise pairs.
    pub body: String,
    pub why: String,
}

impl Case {
    pub fn fold(&self) -> u64 {
        fnv(&self.group) % FOLDS
    }

    /// The category model may learn from it: a real record with a category, not rejected.
    fn trains(&self) -> bool {
        !self.synthetic && self.category.is_some() && self.outcome != Outcome::Rejected
    }
}

/// FNV-1a: stable across platforms and versions, unlike the standard hasher.
fn fnv(s: &str) -> u64 {
    s.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

fn files(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            files(&path, out)?;
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

/// The group a record without `source_group` falls in: its source URL without scheme, query
/// and fragment (a repository for GitHub URLs).
fn group_of(record: &Record) -> String {
    if let Some(g) = &record.source_group {
        return g.clone();
    }
    let url = record.source_url.split(['?', '#']).next().unwrap_or("");
    let url = url.split_once("://").map_or(url, |(_, rest)| rest);
    match url.strip_prefix("github.com/") {
        Some(rest) => {
            let repo: Vec<&str> = rest.splitn(3, '/').take(2).collect();
            format!("github.com/{}", repo.join("/"))
        }
        None => url.to_string(),
    }
}

/// Options for a corpus record. Sources often show a template without what the reader does
/// not see (its name, language, sample values, a button's address, a header's sample media):
/// the rules that would only report that the record leaves those out are off for it, so a
/// record is judged on what it shows.
fn options_for(template: &serde_json::Value, complete: bool) -> LintOptions {
    let mut options = LintOptions::default();
    if complete {
        return options;
    }
    let mut off = |rule: &str| {
        options.rules.insert(rule.to_string(), RuleLevel::Off);
    };
    let components = template["components"]
        .as_array()
        .map_or(&[][..], Vec::as_slice);
    if !components.iter().any(|c| c.get("example").is_some()) {
        off("placeholder-example");
    }
    let media = |c: &&serde_json::Value| {
        c["type"]
            .as_str()
            .is_some_and(|t| t.eq_ignore_ascii_case("HEADER"))
            && c["format"]
                .as_str()
                .is_some_and(|f| !f.eq_ignore_ascii_case("TEXT"))
    };
    if components
        .iter()
        .filter(media)
        .any(|c| c["example"]["header_handle"].is_null())
    {
        off("media-header");
    }
    let buttons: Vec<&serde_json::Value> = components
        .iter()
        .filter_map(|c| c["buttons"].as_array())
        .flatten()
        .collect();
    let url_button = |b: &&&serde_json::Value| {
        b["type"]
            .as_str()
            .is_some_and(|t| t.eq_ignore_ascii_case("URL"))
    };
    if buttons
        .iter()
        .filter(url_button)
        .any(|b| b["url"].is_null())
    {
        off("button-url");
    }
    if buttons
        .iter()
        .filter(url_button)
        .any(|b| b["url"].as_str().is_some_and(|u| u.contains("{{")) && b["example"].is_null())
    {
        off("button-url-variable");
    }
    for (field, rule) in [
        ("name", "template-name"),
        ("language", "template-language"),
        ("category", "template-category"),
    ] {
        if template.get(field).is_none() {
            off(rule);
        }
    }
    options
}

/// Lints a record's template and predicts it with `model`.
fn predict(
    template: &serde_json::Value,
    options: &LintOptions,
    models: &Models,
) -> Result<(Prediction, bool, fit::Sample, String), String> {
    let source = serde_json::to_string(template).map_err(|e| e.to_string())?;
    let linter = Linter::new(options.clone());
    let doc = walint::load_json(&source).map_err(|e| e.to_string())?;
    let t = doc.templates.first().ok_or("no template")?;
    let diagnostics = linter.lint_template(t, Some(&doc.source));
    let context = walint::rules::Context::new(t, &linter);
    let prediction = walint::predict::predict_with(&context, &diagnostics, models);
    let format_error = diagnostics.iter().any(|d| {
        d.effect
            == walint::moderation::Effect::Error(walint::moderation::ErrorEffect::Reject(
                walint::moderation::RejectionReason::InvalidFormat,
            ))
    });
    let sample = fit::Sample {
        x: context.features().values,
        category: Category::Utility,
    };
    let body = context
        .body()
        .map(|b| normalise(&b.text.value))
        .unwrap_or_default();
    Ok((prediction, format_error, sample, body))
}

/// Lower case, letters and digits only, one space between words.
fn normalise(text: &str) -> String {
    text.to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Loads every record under `dirs`, fits one model per fold on the other folds, and predicts
/// each template with the model of its own fold.
pub fn run(dirs: &[PathBuf]) -> Result<Vec<Case>, String> {
    let (mut cases, templates) = load(dirs)?;
    cross_validate(&mut cases, &templates)?;
    Ok(cases)
}

type Templates = Vec<(serde_json::Value, LintOptions)>;

/// Reads and predicts (with the committed model) every record under `dirs`.
fn load(dirs: &[PathBuf]) -> Result<(Vec<Case>, Templates), String> {
    let mut paths = Vec::new();
    for dir in dirs {
        files(dir, &mut paths).map_err(|e| format!("cannot read {}: {e}", dir.display()))?;
    }
    paths.sort();
    if paths.is_empty() {
        let shown: Vec<String> = dirs.iter().map(|d| d.display().to_string()).collect();
        return Err(format!("no corpus files under {}", shown.join(", ")));
    }
    let mut cases = Vec::new();
    let mut templates = Vec::new();
    for path in paths {
        let text =
            std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        let r: Record =
            serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))?;
        let outcome = parse_outcome(&r.outcome)
            .ok_or_else(|| format!("{}: unknown outcome {}", path.display(), r.outcome))?;
        // A source that shows no language code still says which language the text is in:
        // the template is read with that language's word list (template-language is off).
        let options = options_for(&r.template, r.complete);
        let mut r = r;
        if r.template.get("language").is_none() {
            if let (Some(lang), Some(t)) = (&r.language, r.template.as_object_mut()) {
                t.insert("language".into(), serde_json::Value::String(lang.clone()));
            }
        }
        let (predicted, format_error, mut features, body) =
            predict(&r.template, &options, Models::committed())
                .map_err(|e| format!("{}: {e}", path.display()))?;
        features.category = r.final_category.unwrap_or(Category::Utility);
        let era = r.era.clone().unwrap_or_else(|| "unknown".into());
        let meta_example = r.id.starts_with("meta-") || r.id.starts_with("lib-metacat-");
        cases.push(Case {
            group: group_of(&r),
            language: r.language.clone().unwrap_or_else(|| "?".into()),
            outcome,
            submitted: r.submitted_category,
            category: r.final_category,
            current: era == "current" && !r.illustrative && !r.meta_library,
            era,
            illustrative: r.illustrative,
            meta_library: r.meta_library,
            synthetic: r.synthetic,
            meta_example,
            predicted,
            format_error,
            features,
            body,
            why: String::new(),
            id: r.id,
        });
        templates.push((r.template, options));
    }
    Ok((cases, templates))
}

/// Predicts each template again, with a model fitted without its fold's sources.
fn cross_validate(cases: &mut [Case], templates: &Templates) -> Result<(), String> {
    // One model per fold, fitted without that fold's sources; the synthetic set is predicted
    // by the model fitted on every real record.
    let models: Vec<Models> = (0..FOLDS)
        .map(|f| {
            let train: Vec<&fit::Sample> = cases
                .iter()
                .filter(|c| c.trains() && c.fold() != f)
                .map(|c| &c.features)
                .collect();
            fit::fit_both(&train)
        })
        .collect();
    let all: Vec<&fit::Sample> = cases
        .iter()
        .filter(|c| c.trains())
        .map(|c| &c.features)
        .collect();
    let full = fit::fit_both(&all);
    for (case, (template, options)) in cases.iter_mut().zip(templates) {
        let model = if case.synthetic {
            &full
        } else {
            &models[case.fold() as usize]
        };
        let (predicted, ..) = predict(template, options, model)?;
        case.why = predicted
            .reasons
            .first()
            .map(|r| r.message.chars().take(160).collect())
            .unwrap_or_default();
        case.predicted = predicted;
    }
    Ok(())
}

/// The models fitted on every real record of the corpus under `dir` (what `walint fit` writes).
pub fn fit_all(dir: &Path) -> Result<Models, String> {
    let (cases, _) = load(&[dir.to_path_buf()])?;
    let samples: Vec<&fit::Sample> = cases
        .iter()
        .filter(|c| c.trains())
        .map(|c| &c.features)
        .collect();
    Ok(fit::fit_both(&samples))
}

pub use report::{by_language, label_noise, meta_examples, misses, report};
