//! The figures `walint eval` prints.

use super::Case;
use std::collections::BTreeMap;
use std::fmt::Write as _;
use walint::predict::Outcome;
use walint::template::Category;

fn pct(n: usize, d: usize) -> String {
    if d == 0 {
        "n/a".into()
    } else {
        format!("{:.1} % ({n}/{d})", 100.0 * n as f64 / d as f64)
    }
}

fn outcome_name(o: Outcome) -> &'static str {
    match o {
        Outcome::Approved => "approved",
        Outcome::Recategorized => "recategorized",
        Outcome::Rejected => "rejected",
    }
}

fn approved(o: Outcome) -> bool {
    o != Outcome::Rejected
}

/// The most frequent value of `labels` and how often it occurs (the first one on a tie).
fn majority<T: Copy + Ord>(labels: impl Iterator<Item = T>) -> Option<(T, usize)> {
    let mut counts: BTreeMap<T, usize> = BTreeMap::new();
    for l in labels {
        *counts.entry(l).or_default() += 1;
    }
    counts
        .into_iter()
        .fold(None, |best: Option<(T, usize)>, (k, n)| match best {
            Some((_, m)) if m >= n => best,
            _ => Some((k, n)),
        })
}

/// One line: the figure, then what the most frequent label scores.
fn line(s: &mut String, name: &str, right: usize, total: usize, baseline: Option<(String, usize)>) {
    let _ = write!(s, "{name:<34}{:<22}", pct(right, total));
    match baseline {
        Some((label, n)) => {
            let _ = writeln!(s, "always {label}: {}", pct(n, total));
        }
        None => {
            let _ = writeln!(s);
        }
    }
}

struct Figures {
    category: (usize, usize, Option<(String, usize)>),
    approve: (usize, usize, Option<(String, usize)>),
    caught: (usize, usize),
    recall: (usize, usize),
    precision: (usize, usize),
}

fn figures(cases: &[&Case]) -> Figures {
    let with_category: Vec<&&Case> = cases.iter().filter(|c| c.category.is_some()).collect();
    let category_right = with_category
        .iter()
        .filter(|c| c.category == Some(c.predicted.category.predicted))
        .count();
    let category_base = majority(
        with_category
            .iter()
            .filter_map(|c| c.category.map(Category::as_str)),
    )
    .map(|(k, n)| (k.to_string(), n));
    let current: Vec<&&Case> = cases.iter().filter(|c| c.current).collect();
    let approve_right = current
        .iter()
        .filter(|c| approved(c.outcome) == approved(c.predicted.outcome))
        .count();
    let approve_base = majority(current.iter().map(|c| approved(c.outcome)))
        .map(|(a, n)| ((if a { "approved" } else { "rejected" }).to_string(), n));
    let rejected: Vec<&&&Case> = current
        .iter()
        .filter(|c| c.outcome == Outcome::Rejected)
        .collect();
    let caught = rejected
        .iter()
        .filter(|c| c.predicted.outcome == Outcome::Rejected)
        .count();
    // Re-categorization: UTILITY submissions Meta approved, as UTILITY or moved to MARKETING.
    let utility: Vec<&&Case> = cases
        .iter()
        .filter(|c| {
            c.submitted == Some(Category::Utility)
                && approved(c.outcome)
                && !c.illustrative
                && !c.meta_library
        })
        .collect();
    let moved = utility
        .iter()
        .filter(|c| c.outcome == Outcome::Recategorized)
        .count();
    let found = utility
        .iter()
        .filter(|c| {
            c.outcome == Outcome::Recategorized && c.predicted.outcome == Outcome::Recategorized
        })
        .count();
    let flagged = utility
        .iter()
        .filter(|c| c.predicted.outcome == Outcome::Recategorized)
        .count();
    Figures {
        category: (category_right, with_category.len(), category_base),
        approve: (approve_right, current.len(), approve_base),
        caught: (caught, rejected.len()),
        recall: (found, moved),
        precision: (found, flagged),
    }
}

/// The figures of a set of cases.
pub fn report(title: &str, cases: &[&Case]) -> String {
    let mut s = String::new();
    let f = figures(cases);
    let _ = writeln!(s, "== {title}: {} templates", cases.len());
    line(&mut s, "category", f.category.0, f.category.1, f.category.2);
    line(
        &mut s,
        "approve/reject, today's rules",
        f.approve.0,
        f.approve.1,
        f.approve.2,
    );
    line(
        &mut s,
        "  recorded rejections caught",
        f.caught.0,
        f.caught.1,
        None,
    );
    line(
        &mut s,
        "re-categorization recall",
        f.recall.0,
        f.recall.1,
        Some(("approved as submitted".into(), 0)),
    );
    line(
        &mut s,
        "re-categorization precision",
        f.precision.0,
        f.precision.1,
        None,
    );
    let format_approved = cases
        .iter()
        .filter(|c| c.format_error && approved(c.predicted.outcome))
        .count();
    let _ = writeln!(s, "format errors predicted approved: {format_approved}");
    // What is left out of approve/reject, and why.
    let apart = |name: &str, pick: &dyn Fn(&Case) -> bool| {
        let n = cases.iter().filter(|c| pick(c)).count();
        (n > 0).then(|| format!("{name} {n}"))
    };
    let left_out: Vec<String> = [
        apart("Meta's library", &|c| c.meta_library),
        apart("Meta's and BSPs' examples", &|c| {
            c.illustrative && !c.meta_library
        }),
        apart("before the 2023 rules", &|c| {
            c.era == "before_2023" && !c.illustrative && !c.meta_library
        }),
        apart("era unknown (listings)", &|c| {
            c.era == "unknown" && !c.illustrative && !c.meta_library
        }),
    ]
    .into_iter()
    .flatten()
    .collect();
    if !left_out.is_empty() {
        let _ = writeln!(s, "left out of approve/reject: {}", left_out.join(", "));
    }
    s
}

/// Category and approve/reject per language, each with its baseline.
pub fn by_language(cases: &[&Case]) -> String {
    let mut langs: BTreeMap<&str, Vec<&Case>> = BTreeMap::new();
    for c in cases {
        langs.entry(c.language.as_str()).or_default().push(c);
    }
    let cell = |right: usize, total: usize, base: &Option<(String, usize)>| {
        let figure = pct(right, total);
        match base {
            Some((label, n)) if total > 0 => format!(
                "{figure}, always {label} {:.1} %",
                100.0 * *n as f64 / total as f64
            ),
            _ => figure,
        }
    };
    let rows: Vec<(&str, String, String)> = langs
        .iter()
        .map(|(lang, cases)| {
            let f = figures(cases);
            (
                *lang,
                cell(f.category.0, f.category.1, &f.category.2),
                cell(f.approve.0, f.approve.1, &f.approve.2),
            )
        })
        .collect();
    let width = rows
        .iter()
        .map(|r| r.1.chars().count())
        .max()
        .unwrap_or(0)
        .max(8);
    let mut s = format!(
        "{:<9} {:<width$}   approve/reject, today's rules\n",
        "language", "category"
    );
    for (lang, category, approve) in rows {
        let _ = writeln!(s, "{lang:<9} {category:<width$}   {approve}");
    }
    s
}

/// Meta's documented examples: each must get its recorded category.
pub fn meta_examples(cases: &[&Case]) -> (usize, usize, Vec<String>) {
    let examples: Vec<&&Case> = cases
        .iter()
        .filter(|c| c.meta_example && c.category.is_some())
        .collect();
    let wrong: Vec<String> = examples
        .iter()
        .filter(|c| c.category != Some(c.predicted.category.predicted))
        .map(|c| {
            format!(
                "{}: {} predicted {}",
                c.id,
                c.category.map_or("-", |k| k.as_str()),
                c.predicted.category.predicted.as_str()
            )
        })
        .collect();
    (examples.len() - wrong.len(), examples.len(), wrong)
}

/// Pairs of (nearly) the same words with different labels: Meta's own inconsistency, the
/// noise every figure carries.
pub fn label_noise(cases: &[&Case]) -> Vec<String> {
    let words = |c: &Case| -> std::collections::BTreeSet<String> {
        c.body.split(' ').map(str::to_string).collect()
    };
    let label = |c: &Case| (approved(c.outcome), c.category);
    let mut out = Vec::new();
    let bodies: Vec<(&Case, std::collections::BTreeSet<String>)> = cases
        .iter()
        .filter(|c| !c.body.is_empty())
        .map(|c| (*c, words(c)))
        .collect();
    for (i, (a, wa)) in bodies.iter().enumerate() {
        for (b, wb) in &bodies[i + 1..] {
            if label(a) == label(b) {
                continue;
            }
            let common = wa.intersection(wb).count();
            let union = wa.union(wb).count().max(1);
            if common * 10 >= union * 9 {
                out.push(format!(
                    "{} ({}/{}) ~ {} ({}/{})",
                    a.id,
                    outcome_name(a.outcome),
                    a.category.map_or("-", |k| k.as_str()),
                    b.id,
                    outcome_name(b.outcome),
                    b.category.map_or("-", |k| k.as_str())
                ));
            }
        }
    }
    out
}

/// The templates whose prediction differs from the record.
pub fn misses(cases: &[&Case]) -> String {
    let mut s = String::new();
    for c in cases {
        let outcome_wrong = c.current && approved(c.outcome) != approved(c.predicted.outcome);
        let category_wrong = c
            .category
            .is_some_and(|k| k != c.predicted.category.predicted);
        if outcome_wrong || category_wrong {
            let _ = writeln!(
                s,
                "{}: recorded {}/{}, predicted {}/{} — {}",
                c.id,
                outcome_name(c.outcome),
                c.category.map_or("-", |k| k.as_str()),
                outcome_name(c.predicted.outcome),
                c.predicted.category.predicted.as_str(),
                c.why
            );
        }
    }
    s
}
