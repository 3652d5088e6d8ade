//! walint: a pre-submission checker for WhatsApp Business message templates.
//!
//! The core is pure: no I/O, no printing. It reads Meta's `message_templates` JSON or a
//! plain-text draft ([`template`]), runs the [`rules`], and returns [`Diagnostic`]s whose
//! ranges are given in bytes, UTF-16 units and line/column, inside the field and inside the
//! input document.

pub mod content;
pub mod diagnostic;
pub mod domain;
pub mod emoji;
pub mod fix;
pub mod json;
pub mod l10n;
pub mod lexicon;
pub mod links;
pub mod options;
pub mod placeholder;
pub mod predict;
pub mod rules;
pub mod template;
pub mod text;
pub mod translit;
#[cfg(feature = "wasm")]
pub mod wasm;
pub mod words;

pub use diagnostic::{Diagnostic, Edit, Fix, Severity};
pub use l10n::{Lang, Msg};
pub use options::{LintOptions, Profile, RuleLevel};
pub use template::{
    load_auto, load_json, load_plain_text, Document, DocumentKind, LoadError, Template,
};

use rules::{Context, Reporter, Rule};
use serde::Serialize;

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
        use template::ComponentKind;
        let template = context.template;
        let len = |kind| {
            template
                .component(kind)
                .and_then(|c| c.text.as_ref())
                .map_or(0, |t| text::utf16_len(&t.value))
        };
        let mut distinct = std::collections::BTreeSet::new();
        let mut links = 0;
        for f in &context.fields {
            if matches!(f.role, rules::Role::Body | rules::Role::HeaderText) && f.card.is_none() {
                distinct.extend(
                    f.placeholders
                        .iter()
                        .filter_map(|p| p.key().map(|k| (f.role == rules::Role::Body, k))),
                );
            }
            links += context.links(f).len();
        }
        Stats {
            body_length: len(ComponentKind::Body),
            header_length: len(ComponentKind::Header),
            footer_length: len(ComponentKind::Footer),
            placeholders: distinct.len(),
            links,
            emoji: template.body().map_or(0, |b| emoji::find(&b.value).len()),
        }
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

/// Reads and lints one input: the entry point for bindings that receive text.
pub fn lint_source(
    source: &str,
    kind: InputKind,
    options: &LintOptions,
) -> Result<Vec<TemplateReport>, LoadError> {
    let doc = match kind {
        InputKind::Auto => load_auto(source)?,
        InputKind::Json => load_json(source)?,
        InputKind::PlainText => load_plain_text(source),
    };
    Ok(lint_document(&doc, options))
}

/// Lints every template of a document.
pub fn lint_document(doc: &Document, options: &LintOptions) -> Vec<TemplateReport> {
    doc.templates
        .iter()
        .map(|t| {
            let context = Context::new(t, options);
            let diagnostics = run_rules(&context, Some(&doc.source), rules::ALL);
            TemplateReport {
                name: t.name.as_ref().map(|n| n.value.clone()),
                path: t.path.clone(),
                prediction: Some(predict::predict(&context, &diagnostics)),
                diagnostics,
                stats: Stats::of(&context),
            }
        })
        .collect()
}

/// Lints one template with every rule the options leave on. `source` is the document the
/// template was read from; with it, diagnostics carry document line/column locations.
pub fn lint_template(
    template: &Template,
    options: &LintOptions,
    source: Option<&str>,
) -> Vec<Diagnostic> {
    lint_template_with(template, options, source, rules::ALL)
}

pub(crate) fn lint_template_with(
    template: &Template,
    options: &LintOptions,
    source: Option<&str>,
    rules: &[&'static Rule],
) -> Vec<Diagnostic> {
    run_rules(&Context::new(template, options), source, rules)
}

fn run_rules(
    context: &Context<'_>,
    source: Option<&str>,
    rules: &[&'static Rule],
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
    let mut diagnostics = diagnostic::resolve(reporter.reports, options.lang, source);
    sort(&mut diagnostics);
    diagnostics
}

/// Document order first (so output follows the file), then the more severe, then by rule.
fn sort(diagnostics: &mut [Diagnostic]) {
    diagnostics.sort_by(|a, b| {
        let key = |d: &Diagnostic| {
            (
                d.location.map_or(0, |l| l.start.offset),
                d.range.map_or(0, |r| r.start),
            )
        };
        key(a)
            .cmp(&key(b))
            .then(b.severity.cmp(&a.severity))
            .then(a.rule.cmp(b.rule))
            .then(a.path.cmp(&b.path))
    });
}

/// The crate version, for `--version`, SARIF and the wasm `version` export.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");
