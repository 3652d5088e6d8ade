//! What a rule reports, and the resolved form that leaves the core.

use crate::json::Span;
use crate::l10n::{Lang, Msg};
use crate::moderation::{Effect, ErrorEffect};
use crate::template::ComponentKind;
use crate::text::{floor_char, Cursor, DocRange, Position, Text, TextRange};
use serde::{Deserialize, Serialize};
use std::ops::Range;

/// How bad a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Worth knowing; no action needed.
    Info,
    /// A real risk: manual review, re-categorisation, user complaints.
    Warning,
    /// Meta will reject the template or refuse to create it.
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }

    pub fn parse(s: &str) -> Option<Severity> {
        match s {
            "info" => Some(Severity::Info),
            "warning" | "warn" => Some(Severity::Warning),
            "error" => Some(Severity::Error),
            _ => None,
        }
    }
}

/// Findings counted by severity (the CLI's summary, `lintJson`'s `summary`).
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct SeverityCounts {
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
}

impl SeverityCounts {
    pub fn of<'a>(diagnostics: impl IntoIterator<Item = &'a Diagnostic>) -> SeverityCounts {
        let mut counts = SeverityCounts::default();
        counts.add(diagnostics);
        counts
    }

    pub fn add<'a>(&mut self, diagnostics: impl IntoIterator<Item = &'a Diagnostic>) {
        for d in diagnostics {
            match d.severity {
                Severity::Error => self.errors += 1,
                Severity::Warning => self.warnings += 1,
                Severity::Info => self.infos += 1,
            }
        }
    }
}

/// A finding, resolved to every unit callers need.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Diagnostic {
    pub rule: &'static str,
    pub severity: Severity,
    /// What the finding does to Meta's review (from its rule's declaration).
    #[serde(skip)]
    pub effect: Effect,
    pub message: String,
    /// The component the finding is in (`BODY`, `HEADER`, `FOOTER`, `BUTTONS`, ...), or `null`
    /// for template-level findings (name, language, category).
    pub component: Option<&'static str>,
    /// JSON path of the field or object, e.g. `components[1].text`.
    pub path: String,
    /// The range inside the field's text, when the finding is about part of a text.
    pub range: Option<TextRange>,
    /// Where the finding is in the input document (JSON file or plain-text draft).
    pub location: Option<DocRange>,
    pub help: Option<String>,
    pub fix: Option<Fix>,
}

/// A machine-applicable correction.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Fix {
    pub message: String,
    pub edits: Vec<Edit>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Edit {
    /// Replace a range of a text field (an empty replacement deletes).
    Replace {
        path: String,
        range: TextRange,
        text: String,
    },
    /// Add a component to the template's `components` array.
    AddComponent {
        path: String,
        component: NewComponent,
    },
}

/// A text component a fix adds (`{"type": "FOOTER", "text": "…"}`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NewComponent {
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub text: String,
}

/// What a rule hands to the context; positions are resolved later, all at once.
pub struct Report<'a> {
    pub(crate) severity: Option<Severity>,
    /// What this error does to the review, when it differs from the rule's declaration.
    pub(crate) error_effect: Option<ErrorEffect>,
    pub(crate) message: Msg,
    pub(crate) component: Option<ComponentKind>,
    pub(crate) target: Target<'a>,
    pub(crate) help: Option<Msg>,
    pub(crate) fix: Option<FixSpec<'a>>,
}

pub(crate) enum Target<'a> {
    /// Part of a text field.
    Text { text: &'a Text, range: Range<usize> },
    /// A JSON value (an object, an array, a missing field's parent).
    Node { path: String, span: Option<Span> },
}

pub struct FixSpec<'a> {
    pub(crate) message: Msg,
    pub(crate) edits: Vec<EditSpec<'a>>,
}

pub enum EditSpec<'a> {
    Replace {
        text: &'a Text,
        range: Range<usize>,
        replacement: String,
    },
    AddComponent {
        path: String,
        component: NewComponent,
    },
}

impl<'a> Report<'a> {
    /// A finding about `range` (bytes) of a text field.
    pub fn text(text: &'a Text, range: Range<usize>, message: Msg) -> Self {
        Report {
            severity: None,
            error_effect: None,
            message,
            component: None,
            target: Target::Text { text, range },
            help: None,
            fix: None,
        }
    }

    /// A finding about a whole JSON value.
    pub fn node(path: impl Into<String>, span: Option<Span>, message: Msg) -> Self {
        Report {
            severity: None,
            error_effect: None,
            message,
            component: None,
            target: Target::Node {
                path: path.into(),
                span,
            },
            help: None,
            fix: None,
        }
    }

    /// Overrides the rule's default severity for this finding.
    pub fn severity(mut self, severity: Severity) -> Self {
        self.severity = Some(severity);
        self
    }

    /// What this finding, when it is an error, does to the review, when that differs from the
    /// rule's declaration (one rule can find both format errors and a language mismatch).
    pub fn error_effect(mut self, effect: ErrorEffect) -> Self {
        self.error_effect = Some(effect);
        self
    }

    pub fn component(mut self, component: ComponentKind) -> Self {
        self.component = Some(component);
        self
    }

    pub fn help(mut self, help: Msg) -> Self {
        self.help = Some(help);
        self
    }

    pub fn fix(mut self, message: Msg, edits: Vec<EditSpec<'a>>) -> Self {
        self.fix = Some(FixSpec { message, edits });
        self
    }

    /// A fix that replaces the reported range of the reported text.
    pub fn replace_with(self, message: Msg, replacement: impl Into<String>) -> Self {
        let Target::Text { text, range } = &self.target else {
            return self;
        };
        let edit = EditSpec::Replace {
            text,
            range: range.clone(),
            replacement: replacement.into(),
        };
        self.fix(message, vec![edit])
    }
}

/// Byte offsets of one text, located in all units with one forward pass.
struct Located<'a> {
    text: &'a str,
    /// The distinct offsets asked, sorted.
    offsets: Vec<usize>,
    /// Where each of `offsets` is, in all units.
    at: Vec<crate::text::Located>,
}

impl Located<'_> {
    fn range(&self, start: usize, end: usize) -> TextRange {
        let at = |offset: usize| {
            let i = self
                .offsets
                .binary_search(&offset)
                .expect("every offset was located beforehand");
            self.at[i]
        };
        let (s, e) = (at(start), at(end.max(start)));
        TextRange {
            start: s.byte,
            end: e.byte,
            start_utf16: s.utf16,
            end_utf16: e.utf16,
            start_line: s.line,
            start_column: s.column,
            end_line: e.line,
            end_column: e.column,
        }
    }
}

/// Longest message, help or fix description, in bytes.
pub const MAX_MESSAGE: usize = 600;

/// A message quotes what the user wrote (a name, a link, a run of braces); when that is huge,
/// the middle of the message goes, keeping its start and its explanation at the end.
fn bounded(message: String) -> String {
    if message.len() <= MAX_MESSAGE {
        return message;
    }
    let head = floor_char(&message, MAX_MESSAGE / 2);
    let tail = floor_char(&message, message.len() - MAX_MESSAGE / 3);
    format!("{} … {}", &message[..head], &message[tail..])
}

/// Where a report sorts, as integers: its start in the document, then its start in its text
/// with the more severe first (two low bits); and its index among the reports (carried, not
/// compared: the sort is stable). Ties of the integers (rare: two rules at one place with one
/// severity) are settled by [`tie`].
type SortKey = (usize, usize, usize);

/// Document order first (so output follows the file), then the more severe, then by rule, then
/// by path; else in the order the rules reported (a stable sort). Computed from the reports
/// before anything is resolved, and sorted as small keys rather than as whole diagnostics.
fn sort_key(index: usize, reported: &crate::rules::Reported<'_>) -> (SortKey, Option<Span>) {
    let (doc_span, text_start) = match &reported.report.target {
        Target::Text { text, range } => {
            // Where `Cursor::locate` puts them.
            let start = floor_char(&text.value, range.start);
            let end = floor_char(&text.value, range.end.max(range.start));
            let doc = text
                .origin
                .as_ref()
                .map(|o| o.map.range_to_source(start, end));
            (doc, start)
        }
        Target::Node { span, .. } => (span.clone(), 0),
    };
    let gravity = match reported.severity {
        Severity::Error => 0,
        Severity::Warning => 1,
        Severity::Info => 2,
    };
    let doc_start = doc_span.as_ref().map_or(0, |s| s.start);
    ((doc_start, text_start << 2 | gravity, index), doc_span)
}

/// Orders two reports at the same place with the same severity: by rule, then by path.
fn tie(a: &crate::rules::Reported<'_>, b: &crate::rules::Reported<'_>) -> std::cmp::Ordering {
    fn path<'r>(r: &'r crate::rules::Reported<'_>) -> &'r str {
        match &r.report.target {
            Target::Text { text, .. } => &text.path,
            Target::Node { path, .. } => path,
        }
    }
    a.rule.id.cmp(b.rule.id).then_with(|| path(a).cmp(path(b)))
}

/// Turns reports into diagnostics, in document order: picks the language, and computes UTF-16
/// offsets and line/column in each field with one forward pass per text. Positions in the
/// document are left to [`DocPositions`], which resolves those of every template of a document
/// at once.
///
/// `listed`: how many of the template's findings the answer lists (the rest are dropped by a
/// per-input cap, `max_findings`). Those and the first one past them (which the cap's closing
/// finding stands on) are resolved in full; the others only as far as the prediction reads
/// them: rule, severity, effect and message, without path, positions, help or fix. A hostile
/// request holds thousands of findings of which it lists 500.
pub(crate) fn resolve<'t>(
    reports: Vec<crate::rules::Reported<'t>>,
    lang: Lang,
    doc: &mut DocPositions,
    template: usize,
    listed: usize,
) -> Vec<Diagnostic> {
    // The reports' indices in document order (with their document spans), read from their
    // sort keys.
    let mut order: Vec<(SortKey, Option<Span>)> = reports
        .iter()
        .enumerate()
        .map(|(i, r)| sort_key(i, r))
        .collect();
    // Each rule reports in increasing order: a stable sort merges those runs.
    order.sort_by(|((a_doc, a_text, a), _), ((b_doc, b_text, b), _)| {
        (a_doc, a_text)
            .cmp(&(b_doc, b_text))
            .then_with(|| tie(&reports[*a], &reports[*b]))
    });
    let full = listed.saturating_add(1).min(order.len());

    // Every offset asked of each text, located in increasing order: reports come rule by rule
    // and may overlap, and a cursor asked to go backwards would start over (quadratic when a
    // text has many findings).
    // The texts of one template: a handful, so a list searched by address beats hashing.
    type Texts<'t> = Vec<(*const Text, Located<'t>)>;
    fn slot(texts: &Texts<'_>, text: &Text) -> Option<usize> {
        let key = text as *const Text;
        texts.iter().position(|(t, _)| *t == key)
    }
    fn ask<'t>(texts: &mut Texts<'t>, text: &'t Text, range: &Range<usize>, room: usize) {
        let at = match slot(texts, text) {
            Some(at) => at,
            None => {
                texts.push((
                    text as *const Text,
                    Located {
                        text: &text.value,
                        offsets: Vec::with_capacity(room),
                        at: Vec::new(),
                    },
                ));
                texts.len() - 1
            }
        };
        let located = &mut texts[at].1;
        located.offsets.push(range.start);
        located.offsets.push(range.end.max(range.start));
    }
    let mut texts: Texts<'_> = Vec::new();
    let find = |texts: &Texts<'t>, text: &Text| slot(texts, text).expect("every text was asked");
    // Room in a text's offsets for two per finding, so that they seldom grow (most of a
    // template's findings are in its body); at most 32, since a template with many findings
    // in many texts would reserve that much for each.
    let room = (2 * full).min(32);
    for &((_, _, i), _) in &order[..full] {
        let report = &reports[i].report;
        if let Target::Text { text, range } = &report.target {
            ask(&mut texts, text, range, room);
        }
        for edit in report.fix.iter().flat_map(|f| &f.edits) {
            if let EditSpec::Replace { text, range, .. } = edit {
                ask(&mut texts, text, range, room);
            }
        }
    }
    for (_, located) in &mut texts {
        located.offsets.sort_unstable();
        located.offsets.dedup();
        let mut cursor = Cursor::new(located.text);
        located.at = located.offsets.iter().map(|&o| cursor.locate(o)).collect();
    }

    let mut reports: Vec<Option<crate::rules::Reported<'t>>> =
        reports.into_iter().map(Some).collect();
    let mut out = Vec::with_capacity(order.len());
    // Grown once per template rather than one finding at a time.
    doc.asked.reserve(full);
    for (n, ((_, _, i), doc_span)) in order.into_iter().enumerate() {
        let crate::rules::Reported {
            rule,
            severity,
            effect,
            report,
        } = reports[i].take().expect("each report is taken once");
        // A finding past the cap is built only as far as the prediction reads it: rule,
        // severity, effect and message.
        let mut diagnostic = Diagnostic {
            rule: rule.id,
            severity,
            effect,
            message: bounded(report.message.into_lang(lang)),
            component: report.component.map(ComponentKind::as_str),
            path: String::new(),
            range: None,
            location: None,
            help: None,
            fix: None,
        };
        if n < full {
            (diagnostic.path, diagnostic.range) = match &report.target {
                Target::Text { text, range } => (
                    text.path.clone(),
                    Some(texts[find(&texts, text)].1.range(range.start, range.end)),
                ),
                Target::Node { path, .. } => (path.clone(), None),
            };
            diagnostic.help = report.help.map(|h| bounded(h.into_lang(lang)));
            diagnostic.fix = report.fix.map(|f| Fix {
                message: bounded(f.message.into_lang(lang)),
                edits: f
                    .edits
                    .into_iter()
                    .map(|e| match e {
                        EditSpec::Replace {
                            text,
                            range,
                            replacement,
                        } => Edit::Replace {
                            path: text.path.clone(),
                            range: texts[find(&texts, text)].1.range(range.start, range.end),
                            text: replacement,
                        },
                        EditSpec::AddComponent { path, component } => {
                            Edit::AddComponent { path, component }
                        }
                    })
                    .collect(),
            });
            if let Some(span) = doc_span {
                doc.ask(template, n, span);
            }
        }
        out.push(diagnostic);
    }
    out
}

/// The document positions of every diagnostic of a document, located with one forward pass
/// over the document however many templates it holds (a `{"data": [...]}` export of 20 000
/// templates is one document).
#[derive(Default)]
pub(crate) struct DocPositions {
    /// (template, diagnostic, start byte, end byte)
    asked: Vec<(usize, usize, usize, usize)>,
}

impl DocPositions {
    fn ask(&mut self, template: usize, diagnostic: usize, span: Span) {
        self.asked
            .push((template, diagnostic, span.start, span.end));
    }

    /// Where each diagnostic asked is in the document: (template, diagnostic, range).
    pub(crate) fn locate(self, source: &str) -> impl Iterator<Item = (usize, usize, DocRange)> {
        let mut points: Vec<usize> = Vec::with_capacity(self.asked.len() * 2);
        for &(_, _, start, end) in &self.asked {
            points.push(start);
            points.push(end);
        }
        points.sort_unstable();
        points.dedup();
        let mut cursor = Cursor::new(source);
        let positions: Vec<Position> = points.iter().map(|&p| cursor.position(p)).collect();
        self.asked
            .into_iter()
            .map(move |(template, i, start, end)| {
                let at = |offset: usize| positions[points.partition_point(|&p| p < offset)];
                (
                    template,
                    i,
                    DocRange {
                        start: at(start),
                        end: at(end),
                    },
                )
            })
    }
}

#[cfg(test)]
mod bounded_tests {
    use super::*;

    #[test]
    fn long_messages_keep_their_ends() {
        let long = format!(
            "template name \"{}\" may only contain letters",
            "ы".repeat(5000)
        );
        let b = bounded(long.clone());
        assert!(b.len() <= MAX_MESSAGE + 8, "{}", b.len());
        assert!(b.starts_with("template name \"ыы") && b.ends_with("\" may only contain letters"));
        assert_eq!(bounded("short".into()), "short");
    }
}
