//! walint: a pre-submission checker for WhatsApp Business message templates.
//!
//! The core is pure: no I/O, no printing. It reads Meta's `message_templates` JSON or a
//! plain-text draft ([`template`]), runs the [`rules`], and returns [`Diagnostic`]s whose
//! ranges are given in bytes, UTF-16 units and line/column, inside the field and inside the
//! input document.

pub mod analysis;
pub mod diagnostic;
pub mod domain;
pub mod emoji;
pub mod fix;
mod fx;
pub mod json;
pub mod l10n;
pub mod lexicon;
pub mod links;
pub mod moderation;
pub mod options;
pub mod placeholder;
pub mod predict;
pub mod rules;
pub mod signals;
pub mod template;
pub mod text;
pub mod translit;
#[cfg(feature = "wasm")]
pub mod wasm;
pub mod words;

pub use diagnostic::{Diagnostic, Edit, Fix, Severity, SeverityCounts};
pub use l10n::{Lang, Msg};
pub use options::{LintOptions, Profile, RuleLevel};
pub use template::{
    load_auto, load_json, load_plain_text, Document, DocumentKind, LoadError, Template,
};

use rules::{Context, Reporter, Role, Rule};
use serde::Serialize;
use template::ComponentKind;

/// The findings for one template of a document.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TemplateReport {
    /// The template's `name`, if it has one.
    pub name: Option<String>,
    /// Where the template is in its document (`""`, `"[2]"`, `"data[0]"`).
    pub path: String,
    pub diagnostics: Vec<Diagnostic>,
    /// What Meta's review is expected to do.
    pub prediction: Option<predict::Prediction>,
    pub stats: Stats,
}

/// Counts a user wants next to the text: lengths against the limits, placeholders, links.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct Stats {
    /// Length of the body in UTF-16 code units (the unit of Meta's limits).
    pub body_length: usize,
    pub header_length: usize,
    pub footer_length: usize,
    /// Distinct valid placeholders in the header and body.
    pub placeholders: usize,
    /// Links in every text of the template (body, header, footer, buttons, examples).
    pub links: usize,
    /// Emoji in the body, each sequence (👋🏽, 🇷🇺) counted once.
    pub emoji: usize,
}

impl Stats {
    fn of(context: &Context<'_>) -> Stats {
        let mut stats = Stats::default();
        let mut distinct = std::collections::BTreeSet::new();
        for f in &context.fields {
            let top_level = f.card.is_none();
            // A repeated component (an error of its own) is counted as the template model reads
            // it: the first one, even when only a later one has a text.
            let first = |kind| {
                context
                    .template
                    .component(kind)
                    .and_then(|c| c.text.as_ref())
                    .is_some_and(|t| std::ptr::eq(t, f.text))
            };
            match f.role {
                Role::Body if top_level && first(ComponentKind::Body) => {
                    stats.body_length = f.facts.utf16_len;
                    stats.emoji = f.facts.emoji.len();
                }
                Role::HeaderText if top_level && first(ComponentKind::Header) => {
                    stats.header_length = f.facts.utf16_len;
                }
                Role::Footer if top_level && first(ComponentKind::Footer) => {
                    stats.footer_length = f.facts.utf16_len;
                }
                _ => {}
            }
            if matches!(f.role, Role::Body | Role::HeaderText) && top_level {
                distinct.extend(
                    f.placeholders
                        .iter()
                        .filter_map(|p| p.key().map(|k| (f.role == Role::Body, k))),
                );
            }
            stats.links += f.facts.links.len();
        }
        stats.placeholders = distinct.len();
        stats
    }
}

/// How to read an input whose origin does not say.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum InputKind {
    /// JSON when it starts like a JSON object or array, else a plain-text draft.
    #[default]
    Auto,
    Json,
    PlainText,
}

/// Lints templates with one set of options. What the options imply (the owned-domain set) is
/// built once here, not once per template or link: build one `Linter` and lint many inputs.
#[derive(Debug, Clone)]
pub struct Linter {
    options: LintOptions,
    owned: domain::OwnedDomains,
}

impl Linter {
    pub fn new(options: LintOptions) -> Linter {
        Linter {
            owned: domain::OwnedDomains::new(&options.owned_domains),
            options,
        }
    }

    pub fn options(&self) -> &LintOptions {
        &self.options
    }

    pub fn owned_domains(&self) -> &domain::OwnedDomains {
        &self.owned
    }

    /// Reads and lints one input: the entry point for bindings that receive text.
    pub fn lint_source(
        &self,
        source: &str,
        kind: InputKind,
    ) -> Result<Vec<TemplateReport>, LoadError> {
        let doc = match kind {
            InputKind::Auto => load_auto(source)?,
            InputKind::Json => load_json(source)?,
            InputKind::PlainText => load_plain_text(source),
        };
        Ok(self.lint_document(&doc))
    }

    /// Lints every template of a document.
    pub fn lint_document(&self, doc: &Document) -> Vec<TemplateReport> {
        let mut positions = diagnostic::DocPositions::default();
        // Findings listed so far, against `max_findings`: those past it are resolved only as
        // far as the prediction reads them, since `limit_findings` drops them.
        let mut listed = 0usize;
        let mut reports: Vec<TemplateReport> = doc
            .templates
            .iter()
            .enumerate()
            .map(|(i, t)| {
                let context = Context::new(t, self);
                let room = self
                    .options
                    .max_findings
                    .map_or(usize::MAX, |max| max.saturating_sub(listed));
                let diagnostics = run_rules(&context, rules::ALL, &mut positions, i, room);
                listed = listed.saturating_add(diagnostics.len());
                TemplateReport {
                    name: t.name.as_ref().map(|n| n.value.clone()),
                    path: t.path.clone(),
                    prediction: Some(predict::predict(&context, &diagnostics)),
                    diagnostics,
                    stats: Stats::of(&context),
                }
            })
            .collect();
        for (t, i, location) in positions.locate(&doc.source) {
            reports[t].diagnostics[i].location = Some(location);
        }
        if let Some(max) = self.options.max_findings {
            limit_findings(&mut reports, max, self.options.lang);
        }
        reports
    }

    /// Lints one template with every rule the options leave on. `source` is the document the
    /// template was read from; with it, diagnostics carry document line/column locations.
    pub fn lint_template(&self, template: &Template, source: Option<&str>) -> Vec<Diagnostic> {
        self.lint_template_with(template, source, rules::ALL)
    }

    pub(crate) fn lint_template_with(
        &self,
        template: &Template,
        source: Option<&str>,
        rules: &[&'static Rule],
    ) -> Vec<Diagnostic> {
        let mut positions = diagnostic::DocPositions::default();
        let context = Context::new(template, self);
        let mut diagnostics = run_rules(&context, rules, &mut positions, 0, usize::MAX);
        if let Some(source) = source {
            for (_, i, location) in positions.locate(source) {
                diagnostics[i].location = Some(location);
            }
        }
        diagnostics
    }
}

/// Reads and lints one input with `options` (a [`Linter`] built for this one call).
pub fn lint_source(
    source: &str,
    kind: InputKind,
    options: &LintOptions,
) -> Result<Vec<TemplateReport>, LoadError> {
    Linter::new(options.clone()).lint_source(source, kind)
}

/// Lints every template of a document with `options`.
pub fn lint_document(doc: &Document, options: &LintOptions) -> Vec<TemplateReport> {
    Linter::new(options.clone()).lint_document(doc)
}

/// Lints one template with `options`.
pub fn lint_template(
    template: &Template,
    options: &LintOptions,
    source: Option<&str>,
) -> Vec<Diagnostic> {
    Linter::new(options.clone()).lint_template(template, source)
}

/// Keeps the first `max` findings of an input; the rest are counted in one closing finding
/// where the first of them was, with their gravest severity. The predictions were made from
/// every finding, so they stay as they are.
fn limit_findings(reports: &mut [TemplateReport], max: usize, lang: Lang) {
    let mut listed = 0;
    let mut hidden: Option<(usize, Diagnostic, usize)> = None; // (report, first hidden, count)
    for (r, report) in reports.iter_mut().enumerate() {
        let room = max.saturating_sub(listed);
        if report.diagnostics.len() <= room {
            listed += report.diagnostics.len();
            continue;
        }
        for d in report.diagnostics.drain(room..) {
            match &mut hidden {
                Some((_, first, count)) => {
                    *count += 1;
                    first.severity = first.severity.max(d.severity);
                }
                None => hidden = Some((r, d, 1)),
            }
        }
        listed = max;
    }
    let Some((r, mut first, count)) = hidden else {
        return;
    };
    let message = Msg::new(
        format!("{count} more {} in this input are not listed (at most {max} per request), starting here: {}", l10n::plural_en(count, "finding", "findings"), first.message),
        format!("ещё {count} {} в этих данных не показаны (не больше {max} за запрос), начиная с этого: {}", l10n::plural_ru(count, "замечание", "замечания", "замечаний"), first.message),
    );
    first.message = message.get(lang).to_string();
    first.fix = None;
    reports[r].diagnostics.push(first);
}

fn run_rules(
    context: &Context<'_>,
    rules: &[&'static Rule],
    positions: &mut diagnostic::DocPositions,
    template: usize,
    listed: usize,
) -> Vec<Diagnostic> {
    let options = context.options;
    let mut reporter = Reporter::new();
    for &rule in rules {
        let level = options.level(rule.id);
        if level == Some(RuleLevel::Off) {
            continue;
        }
        reporter.start(rule, level.and_then(RuleLevel::severity));
        (rule.check)(context, &mut reporter);
    }
    reporter.finish();
    diagnostic::resolve(reporter.reports, options.lang, positions, template, listed)
}

/// The crate version, for `--version`, SARIF and the wasm `version` export.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");
