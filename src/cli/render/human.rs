//! `--format human`: rustc-style reports with the offending text underlined.
//!
//! ```text
//! error[button-count]: 3 URL buttons: Meta allows at most 2
//!   --> examples/bad.json:14:9 (components[3].buttons[2])
//!    |
//! 14 |         {"type": "URL", "text": "Сайт", "url": "https://shop.ru"}
//!    |         ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
//! ```
//! Carets are placed by display width, so they sit under emoji (two columns) and Cyrillic
//! (one column) alike. Long lines (a whole body on one JSON line) are cut to a window around
//! the finding.

use super::super::{FileResult, Summary};
use std::io::{self, Write};
use unicode_width::UnicodeWidthStr;
use walint::predict::{Outcome, Prediction};
use walint::text::{DocRange, Position};
use walint::{Lang, Severity};

/// Widest source excerpt shown, in terminal columns.
const MAX_LINE_WIDTH: usize = 100;

struct Style {
    color: bool,
}

impl Style {
    fn paint(&self, code: &str, text: &str) -> String {
        if self.color {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_string()
        }
    }

    fn severity(&self, s: Severity, lang: Lang) -> String {
        let (code, en, ru) = match s {
            Severity::Error => ("1;31", "error", "ошибка"),
            Severity::Warning => ("1;33", "warning", "предупреждение"),
            Severity::Info => ("1;36", "info", "замечание"),
        };
        self.paint(code, if lang == Lang::Ru { ru } else { en })
    }

    fn gutter(&self, text: &str) -> String {
        self.paint("1;34", text)
    }
}

pub fn write(
    results: &[FileResult],
    summary: &Summary,
    lang: Lang,
    color: bool,
    out: &mut dyn Write,
) -> io::Result<()> {
    let style = Style { color };
    let ru = lang == Lang::Ru;
    for r in results {
        if let Some(e) = &r.error {
            writeln!(
                out,
                "{}: {}",
                style.severity(Severity::Error, lang),
                e.message
            )?;
            let (line, column) = (e.line.unwrap_or(0), e.column.unwrap_or(0));
            let pad = " ".repeat(line.max(1).to_string().len());
            if line > 0 {
                writeln!(
                    out,
                    "{pad}{} {}:{line}:{column}",
                    style.gutter("-->"),
                    r.path
                )?;
                if let Some(src) = &r.source {
                    let p = Position {
                        offset: 0,
                        line,
                        column,
                    };
                    excerpt(src, &DocRange { start: p, end: p }, &style, out)?;
                }
            } else {
                writeln!(out, "{pad}{} {}", style.gutter("-->"), r.path)?;
            }
            writeln!(out)?;
        }
        for t in &r.templates {
            for d in &t.diagnostics {
                writeln!(
                    out,
                    "{}{}: {}",
                    style.severity(d.severity, lang),
                    style.paint("1", &format!("[{}]", d.rule)),
                    style.paint("1", &d.message)
                )?;
                let place = match (&t.name, d.path.is_empty()) {
                    (Some(name), _) if r.templates.len() > 1 => format!(" ({name}: {})", d.path),
                    (_, false) => format!(" ({})", d.path),
                    _ => String::new(),
                };
                let pad = " ".repeat(d.location.map_or(1, |l| l.start.line.to_string().len()));
                match (d.location, &r.source) {
                    (Some(loc), Some(src)) => {
                        writeln!(
                            out,
                            "{pad}{} {}:{}:{}{place}",
                            style.gutter("-->"),
                            r.path,
                            loc.start.line,
                            loc.start.column
                        )?;
                        excerpt(src, &loc, &style, out)?;
                    }
                    _ => writeln!(out, "{pad}{} {}{place}", style.gutter("-->"), r.path)?,
                }
                if let Some(h) = &d.help {
                    writeln!(
                        out,
                        "{pad} {} {}: {h}",
                        style.gutter("="),
                        if ru { "подсказка" } else { "help" }
                    )?;
                }
                if let Some(f) = &d.fix {
                    writeln!(
                        out,
                        "{pad} {} {}: {}",
                        style.gutter("="),
                        if ru { "исправление" } else { "fix" },
                        f.message
                    )?;
                }
                writeln!(out)?;
            }
            if let Some(p) = &t.prediction {
                let name = t.name.as_deref().unwrap_or(&r.path);
                writeln!(
                    out,
                    "{} {}\n",
                    style.paint("1;35", "▶"),
                    prediction_line(name, p, lang)
                )?;
            }
        }
    }
    let line = super::summary_line(summary, lang);
    let code = if summary.errors > 0 || summary.unreadable > 0 {
        "1;31"
    } else if summary.warnings > 0 {
        "1;33"
    } else {
        "1;32"
    };
    writeln!(out, "{}", style.paint(code, &line))
}

/// "order_shipped: approved as UTILITY (probability 94 %), status APPROVED, flag risk low".
fn prediction_line(name: &str, p: &Prediction, lang: Lang) -> String {
    let ru = lang == Lang::Ru;
    let category = p.category.predicted.as_str();
    let outcome = match (p.outcome, ru) {
        (Outcome::Approved, false) => format!("approved as {category}"),
        (Outcome::Approved, true) => format!("будет одобрен как {category}"),
        (Outcome::Recategorized, false) => format!("approved, but re-categorized as {category}"),
        (Outcome::Recategorized, true) => format!("будет одобрен, но переведён в {category}"),
        (Outcome::Rejected, false) => "rejected".to_string(),
        (Outcome::Rejected, true) => "будет отклонён".to_string(),
    };
    let reason = p
        .rejection_reason
        .map(|r| {
            format!(
                " ({})",
                serde_json::to_value(r)
                    .ok()
                    .and_then(|v| v.as_str().map(str::to_string))
                    .unwrap_or_default()
            )
        })
        .unwrap_or_default();
    let status = serde_json::to_value(p.status)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default();
    let risk = serde_json::to_value(p.flag_risk)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default();
    let approval = (p.approval_probability * 100.0).round();
    if ru {
        format!("прогноз для {name}: {outcome}{reason}; вероятность одобрения {approval} %, статус {status}, риск жалоб: {risk}")
    } else {
        format!("prediction for {name}: {outcome}{reason}; approval probability {approval} %, status {status}, flag risk {risk}")
    }
}

/// Prints the first line of `range` with carets under it.
fn excerpt(src: &str, range: &DocRange, style: &Style, out: &mut dyn Write) -> io::Result<()> {
    let line_no = range.start.line;
    let Some(line) = src.split('\n').nth(line_no - 1) else {
        return Ok(());
    };
    let line = line.strip_suffix('\r').unwrap_or(line).replace('\t', " ");
    // Byte offset of each character, plus the end: columns are 1-based character counts.
    let bounds: Vec<usize> = line
        .char_indices()
        .map(|(i, _)| i)
        .chain([line.len()])
        .collect();
    let chars = bounds.len() - 1;
    let start = (range.start.column - 1).min(chars);
    let end = if range.end.line == line_no {
        (range.end.column - 1).clamp(start, chars)
    } else {
        chars
    };
    // Widths of whole slices, so that emoji sequences (👋🏽, 👨‍👩‍👧) count as the two columns
    // a terminal gives them.
    let width = |a: usize, b: usize| UnicodeWidthStr::width(&line[bounds[a]..bounds[b]]);

    // A window of at most MAX_LINE_WIDTH columns that starts a little before the finding.
    let mut from = 0;
    if width(0, chars) > MAX_LINE_WIDTH {
        from = start;
        while from > 0 && width(from, start) < 30 {
            from -= 1;
        }
    }
    let mut to = from;
    while to < chars && width(from, to + 1) <= MAX_LINE_WIDTH {
        to += 1;
    }
    let prefix = if from > 0 { "…" } else { "" };
    let suffix = if to < chars { "…" } else { "" };
    let pad = line_no.to_string().len();
    let blank = " ".repeat(pad);
    writeln!(out, "{blank} {}", style.gutter("|"))?;
    writeln!(
        out,
        "{} {} {prefix}{}{suffix}",
        style.gutter(&line_no.to_string()),
        style.gutter("|"),
        &line[bounds[from]..bounds[to]]
    )?;
    let offset = usize::from(from > 0) + width(from, start.clamp(from, to));
    let span = width(start.clamp(from, to), end.clamp(from, to)).max(1);
    writeln!(
        out,
        "{blank} {} {}{}",
        style.gutter("|"),
        " ".repeat(offset),
        style.paint("1;31", &"^".repeat(span))
    )
}
