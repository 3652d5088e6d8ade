//! The rules. Each lives in its own file with its documentation and its passing and failing
//! cases; this module holds what they share and the registry.

use crate::analysis::Analysis;
pub use crate::analysis::{Field, Role};
use crate::diagnostic::{Report, Severity};
use crate::domain::OwnedDomains;
use crate::l10n::{plural_en, plural_ru, Msg};
use crate::moderation::{Effect, ErrorEffect, FixKind, Risk};
use crate::options::{LintOptions, Profile};
use crate::signals::{self, Features, Promotion};
use crate::template::{Category, Template};
use crate::Linter;
use std::cell::OnceCell;

/// A rule's documentation: compiled into the command-line tool (`walint explain`), left out of
/// the WebAssembly package, whose size budget it would break (the package's `rules()` gives the
/// one-line summaries).
#[cfg(not(target_arch = "wasm32"))]
macro_rules! rule_docs {
    ($docs:literal) => {
        $docs
    };
}
#[cfg(target_arch = "wasm32")]
macro_rules! rule_docs {
    ($docs:literal) => {
        ""
    };
}

mod body_too_long;
mod button_count;
mod button_label;
mod button_order;
mod button_phone_number;
mod button_text_too_long;
mod button_type;
mod button_url;
mod button_url_variable;
mod call_permission_request;
mod carousel_cards;
mod component_multiplicity;
mod copy_code_example;
mod emoji_count;
mod example_values;
#[cfg(test)]
mod examples;
mod flow_button;
mod footer_content;
mod footer_too_long;
mod formatting;
mod header_content;
mod header_too_long;
mod insecure_link;
mod invisible_character;
mod limited_time_offer;
mod lookalike_domain;
mod media_header;
mod message_send_ttl;
mod missing_opt_out;
mod otp_button;
mod placeholder_adjacent;
mod placeholder_at_edge;
mod placeholder_density;
mod placeholder_example;
mod placeholder_not_allowed;
mod placeholder_sequence;
mod placeholder_syntax;
mod product_message;
mod promotional_wording;
mod sensitive_data_request;
mod template_category;
mod template_language;
mod template_name;
mod threatening_language;
mod unknown_type;
mod unowned_domain;
mod url_shortener;
mod whatsapp_link;

/// A rule: its identity, what its findings mean for Meta's review, its documentation and its
/// check.
pub struct Rule {
    /// Kebab-case id, stable: other tools and docs refer to it.
    pub id: &'static str,
    pub default_severity: Severity,
    /// What Meta does with a template that has an error of this rule (the prediction follows it,
    /// so a verdict never contradicts an error).
    pub on_error: ErrorEffect,
    /// What a warning of this rule does to the review and to complaints.
    pub on_warning: Risk,
    /// Whether its findings come with machine-applicable fixes.
    pub fix: FixKind,
    /// One line, English and Russian.
    pub summary: (&'static str, &'static str),
    /// Markdown: what it checks, why, the evidence, examples (empty in the WebAssembly build).
    pub docs: &'static str,
    pub check: for<'a> fn(&Context<'a>, &mut Reporter<'a>),
}

/// Every rule, in alphabetical order of id.
pub static ALL: &[&Rule] = &[
    &body_too_long::RULE,
    &button_count::RULE,
    &button_label::RULE,
    &button_order::RULE,
    &button_phone_number::RULE,
    &button_text_too_long::RULE,
    &button_type::RULE,
    &button_url::RULE,
    &button_url_variable::RULE,
    &call_permission_request::RULE,
    &carousel_cards::RULE,
    &component_multiplicity::RULE,
    &copy_code_example::RULE,
    &emoji_count::RULE,
    &example_values::RULE,
    &flow_button::RULE,
    &footer_content::RULE,
    &footer_too_long::RULE,
    &formatting::RULE,
    &header_content::RULE,
    &header_too_long::RULE,
    &insecure_link::RULE,
    &invisible_character::RULE,
    &limited_time_offer::RULE,
    &lookalike_domain::RULE,
    &media_header::RULE,
    &message_send_ttl::RULE,
    &missing_opt_out::RULE,
    &otp_button::RULE,
    &placeholder_adjacent::RULE,
    &placeholder_at_edge::RULE,
    &placeholder_density::RULE,
    &placeholder_example::RULE,
    &placeholder_not_allowed::RULE,
    &placeholder_sequence::RULE,
    &placeholder_syntax::RULE,
    &product_message::RULE,
    &promotional_wording::RULE,
    &sensitive_data_request::RULE,
    &template_category::RULE,
    &template_language::RULE,
    &template_name::RULE,
    &threatening_language::RULE,
    &unknown_type::RULE,
    &unowned_domain::RULE,
    &url_shortener::RULE,
    &whatsapp_link::RULE,
];

pub fn find(id: &str) -> Option<&'static Rule> {
    ALL.iter().copied().find(|r| r.id == id)
}

/// Read-only view of a template shared by all rules: the analysis of its texts, the options,
/// and the template-level signals, each computed the first time a rule asks for it.
pub struct Context<'a> {
    pub analysis: Analysis<'a>,
    pub options: &'a LintOptions,
    /// The owned domains, built once per [`Linter`].
    pub owned: &'a OwnedDomains,
    promotion: OnceCell<Promotion>,
    features: OnceCell<Features<'a>>,
    /// [`Context::declared_category`], read once (the rules and the prediction ask for it a
    /// dozen times per template).
    category: Option<Category>,
}

impl<'a> Context<'a> {
    pub fn new(template: &'a Template, linter: &'a Linter) -> Self {
        let options = linter.options();
        Context {
            analysis: Analysis::new(template),
            options,
            owned: linter.owned_domains(),
            promotion: OnceCell::new(),
            features: OnceCell::new(),
            category: match options.profile {
                Profile::Api => template.category(),
                Profile::BusinessApp => None,
            },
        }
    }

    pub fn profile(&self) -> Profile {
        self.options.profile
    }

    /// Whether the template is to be submitted to Meta with its name, language and category:
    /// not a draft that has none of them yet, and not a WhatsApp Business app broadcast, which
    /// has none at all.
    pub fn is_submission(&self) -> bool {
        !self.template.is_draft() && self.profile() == Profile::Api
    }

    /// The category the template declares, as Meta reads it: a Business app broadcast has none.
    pub fn declared_category(&self) -> Option<Category> {
        self.category
    }

    /// A finding's message (or help, or fix description) in the options' language only
    /// ([`Msg::one`]): for rules that report once per token, where a text can hold thousands.
    pub fn msg<E: Into<String>, R: Into<String>>(
        &self,
        en: impl FnOnce() -> E,
        ru: impl FnOnce() -> R,
    ) -> Msg {
        Msg::one(self.options.lang, en, ru)
    }

    /// The promotional reading of the message texts ([`signals::promotion`]).
    pub fn promotion(&self) -> &Promotion {
        self.promotion
            .get_or_init(|| signals::promotion(&self.analysis))
    }

    /// What the category model reads ([`signals::features`]).
    pub fn features(&self) -> &Features<'a> {
        self.features
            .get_or_init(|| signals::features(&self.analysis, self.promotion()))
    }

    /// The category the content reads as, and the model's probability for it (the declared
    /// category aside).
    pub fn content_category(&self) -> (Category, f64) {
        let model =
            signals::category::Models::committed().for_language(self.analysis.language.listed);
        signals::category::argmax(&model.probabilities(&self.features().values))
    }
}

impl<'a> std::ops::Deref for Context<'a> {
    type Target = Analysis<'a>;

    fn deref(&self) -> &Analysis<'a> {
        &self.analysis
    }
}

/// Findings one rule may list for one template. Past it, the rest are counted in one closing
/// finding: a 1 MiB text of `{{}}` would otherwise give 262 144 findings, more than anyone
/// reads and most of the cost of linting it (every finding is located and formatted).
pub const MAX_FINDINGS_PER_RULE: usize = 100;

impl Rule {
    /// What a finding of this rule at `severity` does to the review. `severity` is the one the
    /// rule gave the finding, not a level the user configured: raising a rule to `error` in
    /// walint.toml changes what fails CI, not what Meta does.
    pub fn effect(&self, severity: Severity) -> Effect {
        match severity {
            Severity::Error => Effect::Error(self.on_error),
            Severity::Warning => Effect::Risk(self.on_warning),
            Severity::Info => Effect::Risk(Risk::NONE),
        }
    }
}

/// One finding as a rule reported it, before positions and messages are resolved.
pub(crate) struct Reported<'a> {
    pub rule: &'static Rule,
    /// The severity shown: the configured level, else the one the rule gave.
    pub severity: Severity,
    pub effect: Effect,
    pub report: Report<'a>,
}

/// Collects one rule's reports.
pub struct Reporter<'a> {
    rule: &'static Rule,
    level: Option<Severity>,
    pub(crate) reports: Vec<Reported<'a>>,
    /// Findings of the current rule so far.
    listed: usize,
    /// The first finding past the limit (it carries the count), the number past the limit,
    /// their gravest shown severity and the gravest severity the rule gave them.
    overflow: Option<(Report<'a>, usize, Severity, Severity)>,
}

impl<'a> Reporter<'a> {
    pub(crate) fn new() -> Self {
        Reporter {
            rule: ALL[0],
            level: None,
            // Most templates have a few findings (six on average in the benchmark's corpus):
            // room for eight spares their first reallocations.
            reports: Vec::with_capacity(8),
            listed: 0,
            overflow: None,
        }
    }

    pub(crate) fn start(&mut self, rule: &'static Rule, level: Option<Severity>) {
        self.finish();
        self.rule = rule;
        self.level = level;
        self.listed = 0;
    }

    pub fn report(&mut self, report: Report<'a>) {
        let natural = report.severity.unwrap_or(self.rule.default_severity);
        let severity = self.level.unwrap_or(natural);
        if self.listed < MAX_FINDINGS_PER_RULE {
            self.listed += 1;
            self.push(severity, natural, report);
            return;
        }
        if !self.count_past_limit(natural) {
            self.overflow = Some((report, 1, severity, natural));
        }
    }

    /// Reports a finding that is built only if it is kept. Past the rule's limit, findings
    /// after the first are only counted: a text with thousands of them (a body of 3 900
    /// links) would otherwise format thousands of messages in two languages to drop them.
    /// `severity` is the one the built finding sets (`None`: the rule's default).
    pub fn report_with(&mut self, severity: Option<Severity>, build: impl FnOnce() -> Report<'a>) {
        let natural = severity.unwrap_or(self.rule.default_severity);
        if self.listed >= MAX_FINDINGS_PER_RULE && self.count_past_limit(natural) {
            return;
        }
        let report = build();
        debug_assert_eq!(
            report.severity, severity,
            "report_with: the severity given differs"
        );
        self.report(report);
    }

    /// Counts one more finding past the limit, if the first of them is already kept.
    fn count_past_limit(&mut self, natural: Severity) -> bool {
        let Some((_, more, gravest, gravest_natural)) = &mut self.overflow else {
            return false;
        };
        *more += 1;
        *gravest = (*gravest).max(self.level.unwrap_or(natural));
        *gravest_natural = (*gravest_natural).max(natural);
        true
    }

    fn push(&mut self, severity: Severity, natural: Severity, report: Report<'a>) {
        let effect = match (natural, report.error_effect) {
            (Severity::Error, Some(effect)) => Effect::Error(effect),
            _ => self.rule.effect(natural),
        };
        self.reports.push(Reported {
            rule: self.rule,
            severity,
            effect,
            report,
        });
    }

    /// Closes the current rule: the findings past the limit become one, at the first of them.
    /// Inlined: most rules of most templates have none past it.
    #[inline]
    pub(crate) fn finish(&mut self) {
        if self.overflow.is_some() {
            self.summarize_overflow();
        }
    }

    /// [`Reporter::finish`] of a rule with findings past the limit.
    fn summarize_overflow(&mut self) {
        let Some((first, more, severity, natural)) = self.overflow.take() else {
            return;
        };
        let message = Msg::new(
            format!(
                "{more} more {} of `{}` in this template (only the first {MAX_FINDINGS_PER_RULE} are listed), starting here: {}",
                plural_en(more, "finding", "findings"),
                self.rule.id,
                first.message.en,
            ),
            format!(
                "ещё {more} {} `{}` в этом шаблоне (показаны первые {MAX_FINDINGS_PER_RULE}), начиная с этого: {}",
                plural_ru(more, "замечание", "замечания", "замечаний"),
                self.rule.id,
                first.message.ru,
            ),
        );
        let summary = Report {
            message,
            fix: None,
            ..first
        };
        self.push(severity, natural, summary);
    }
}

/// Test support shared by the rule files: run one rule on a template.
#[cfg(test)]
pub(crate) mod testing {
    use super::Rule;
    use crate::diagnostic::Diagnostic;
    use crate::options::LintOptions;
    use crate::template::load_auto;

    /// Runs only `rule` on `input` (JSON or plain text).
    pub fn run_with(rule: &'static Rule, input: &str, options: &LintOptions) -> Vec<Diagnostic> {
        let doc =
            load_auto(input).unwrap_or_else(|e| panic!("test input does not load: {e}\n{input}"));
        let mut out = Vec::new();
        for t in &doc.templates {
            out.extend(crate::Linter::new(options.clone()).lint_template_with(
                t,
                Some(&doc.source),
                &[rule],
            ));
        }
        out
    }

    pub fn run(rule: &'static Rule, input: &str) -> Vec<Diagnostic> {
        run_with(rule, input, &LintOptions::default())
    }

    /// The texts the diagnostics point at (or their paths, for whole-value findings).
    pub fn flagged(rule: &'static Rule, input: &str) -> Vec<String> {
        let doc = load_auto(input).unwrap();
        run(rule, input)
            .iter()
            .map(|d| match (&d.range, &d.location) {
                (Some(_), Some(l)) => doc.source[l.start.offset..l.end.offset].to_string(),
                _ => d.path.clone(),
            })
            .collect()
    }

    pub fn assert_passes(rule: &'static Rule, inputs: &[&str]) {
        for input in inputs {
            let d = run(rule, input);
            assert!(
                d.is_empty(),
                "{} should pass on {input:?}, got {d:#?}",
                rule.id
            );
        }
    }

    /// Each case: input and the texts (or paths) that must be flagged, in order.
    pub fn assert_fails(rule: &'static Rule, cases: &[(&str, &[&str])]) {
        for (input, expected) in cases {
            let got = flagged(rule, input);
            assert_eq!(&got, expected, "{} on {input:?}", rule.id);
        }
    }

    /// A minimal JSON template around a body, with extra components appended.
    pub fn with_body(category: &str, body: &str, extra: &str) -> String {
        let body = serde_json::to_string(body).unwrap();
        let extra = if extra.is_empty() {
            String::new()
        } else {
            format!(", {extra}")
        };
        format!(
            r#"{{"name": "t", "language": "en_US", "category": "{category}", "components": [{{"type": "BODY", "text": {body}}}{extra}]}}"#
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn registry_is_sorted_unique_and_documented() {
        let ids: Vec<&str> = ALL.iter().map(|r| r.id).collect();
        let mut sorted = ids.clone();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(
            ids, sorted,
            "rules must be listed once, in alphabetical order"
        );
        for r in ALL {
            assert!(
                r.id.bytes().all(|b| b.is_ascii_lowercase() || b == b'-'),
                "{} is not kebab-case",
                r.id
            );
            assert!(
                !r.summary.0.is_empty() && !r.summary.1.is_empty(),
                "{} needs summaries",
                r.id
            );
            for section in ["## What it checks", "## Why", "## Examples"] {
                assert!(r.docs.contains(section), "{} docs lack `{section}`", r.id);
            }
        }
    }
}

/// [`excess`] for a text that is not one of the analysed fields (a copy code, an OTP label).
pub(crate) fn excess_str(text: &str, limit: usize) -> Option<(usize, std::ops::Range<usize>)> {
    let len = crate::text::utf16_len(text);
    (len > limit).then(|| (len, crate::text::byte_at_utf16(text, limit)..text.len()))
}

/// If the field is longer than `limit` UTF-16 units, its length and the byte range past the
/// limit.
pub(crate) fn excess(field: &Field<'_>, limit: usize) -> Option<(usize, std::ops::Range<usize>)> {
    let (text, len) = (&field.text.value, field.facts.utf16_len);
    (len > limit).then(|| (len, crate::text::byte_at_utf16(text, limit)..text.len()))
}

#[cfg(test)]
mod limit_tests {
    use super::*;
    use crate::diagnostic::Severity;

    #[test]
    fn findings_past_the_limit_are_counted_in_one() {
        // 130 empty placeholders, then one with spaces inside: 131 placeholder-syntax findings.
        let body = format!("Текст {}и {{{{ 1 }}}} конец", "{{}} ".repeat(130));
        let found = testing::run(&placeholder_syntax::RULE, &body);
        assert_eq!(found.len(), MAX_FINDINGS_PER_RULE + 1);
        let last = found.last().unwrap();
        assert!(
            last.message.starts_with("31 more findings of `placeholder-syntax` in this template (only the first 100 are listed), starting here:"),
            "{}",
            last.message
        );
        // It stands at the first finding not listed (the 101st `{{}}`), with the gravest
        // severity of those it counts.
        let first_hidden = "Текст ".len() + 100 * "{{}} ".len();
        assert_eq!(last.range.unwrap().start, first_hidden);
        assert_eq!(last.severity, Severity::Error);
        assert!(last.fix.is_none());
        let ru = testing::run_with(
            &placeholder_syntax::RULE,
            &body,
            &crate::options::LintOptions {
                lang: crate::l10n::Lang::Ru,
                ..Default::default()
            },
        );
        assert!(ru.last().unwrap().message.starts_with(
            "ещё 31 замечание `placeholder-syntax` в этом шаблоне (показаны первые 100)"
        ));
    }

    #[test]
    fn findings_past_the_limit_are_counted_without_being_built() {
        let text = crate::text::Text {
            value: "{{1}}".into(),
            path: "components[0].text".into(),
            origin: None,
        };
        let mut out = Reporter::new();
        out.start(&placeholder_syntax::RULE, None);
        let mut built = 0;
        for i in 0..150 {
            // Warnings, and one error among those past the limit.
            let severity = if i == 120 {
                Severity::Error
            } else {
                Severity::Warning
            };
            out.report_with(Some(severity), || {
                built += 1;
                Report::text(&text, 0..5, Msg::new(format!("n{i}"), format!("н{i}")))
                    .severity(severity)
            });
        }
        out.finish();
        // The listed ones and the first past the limit (it carries the count).
        assert_eq!(built, MAX_FINDINGS_PER_RULE + 1);
        assert_eq!(out.reports.len(), MAX_FINDINGS_PER_RULE + 1);
        let summary = out.reports.last().unwrap();
        assert!(summary.report.message.en.starts_with("50 more findings"));
        assert!(summary.report.message.en.ends_with(": n100"));
        assert_eq!(summary.severity, Severity::Error);
    }

    #[test]
    fn up_to_the_limit_every_finding_is_listed() {
        let body = format!("Текст {}конец", "{{}} ".repeat(MAX_FINDINGS_PER_RULE));
        let found = testing::run(&placeholder_syntax::RULE, &body);
        assert_eq!(found.len(), MAX_FINDINGS_PER_RULE);
        assert!(found.iter().all(|d| !d.message.contains("more findings")));
    }
}
