use super::{Context, Reporter, Role, Rule};
use crate::diagnostic::{Report, Severity};
use crate::l10n::Msg;
use crate::moderation::RejectionReason::InvalidFormat;
use crate::moderation::{ErrorEffect, FixKind, Risk};
use crate::placeholder::Kind;

pub static RULE: Rule = Rule {
    id: "placeholder-at-edge",
    default_severity: Severity::Error,
    on_error: ErrorEffect::Reject(InvalidFormat),
    on_warning: Risk::review(-0.5, InvalidFormat),
    fix: FixKind::None,
    summary: (
        "The body starts or ends with a placeholder",
        "Текст начинается или заканчивается переменной",
    ),
    docs: rule_docs!(
        r#"# placeholder-at-edge

## What it checks
Whether the body begins or ends with a placeholder. A placeholder that is literally the first
or last thing (spaces and line breaks aside) is an error: `{{1}}, ваш заказ готов`,
`Ваш код: {{1}}`; so is a numbered placeholder followed only by a full stop or another mark
that ends a sentence (`Сумма: {{2}}.`, `… about {{1}}?`) or by formatting marks (`… код:
*{{2}}*`: WhatsApp hides the marks, so the message ends with the value). One separated from the
edge by other punctuation only (`«{{1}}» — ваш код`, `*{{1}}* — ваш код`), or a named one before a
full stop (`… ticket # {{ticket_id}}.`), is a warning.

Authentication templates are exempt: their body is Meta's preset, which starts with the code.

## Why
Meta: "The template cannot start or end with a parameter" (template review, "dangling
parameters are not allowed"), API error 2388299 "Leading or trailing parameters not allowed",
WhatsApp Manager `LEADING_TRAILING_PARAMETER`. A full stop does not save a numbered placeholder
under today's review: two submissions of 2026 in the corpus were refused with 2388299 for bodies
ending `… arrive in {{3}}.` and `Fecha: {{3}}.` (their projects quote the reason), and an
integrator's validator notes that Meta ignores the punctuation ("…total es de {{2}}." still
ends with a variable). Formatting marks do not save it either: a 2026 submission ending
`… الرمز: *{{2}}*` was refused with 2388299 (its project quotes the reason; corpus record
`gh11-noch-order-ready-pickup-rejected`). Approved templates ending in `{{3}}.` or `~{{5}}~` are Meta's own samples and library
templates, which are not reviewed, and listings of unknown age. Named placeholders before a
full stop were approved (two listings of 2024 or later), and other punctuation is not settled:
a warning.

## Examples
Fails: `{{1}}, ваш заказ готов к выдаче.`
Fails: `Сумма к оплате: {{2}}.`
Fails: `Ваш код для получения: *{{2}}*`
Warns: `«{{1}}» — ваш код.`
Passes: `Здравствуйте, {{1}}! Сумма к оплате: {{2}} руб.`
"#
    ),
    check,
};

/// Spaces and punctuation that do not keep a placeholder off the edge.
fn is_filler(c: char) -> bool {
    c.is_whitespace()
        || (c.is_ascii_punctuation() && c != '{' && c != '}')
        || matches!(
            c,
            '«' | '»'
                | '„'
                | '“'
                | '”'
                | '‘'
                | '’'
                | '—'
                | '–'
                | '…'
                | '¡'
                | '¿'
                | '•'
                | '·'
        )
}

/// Marks that end a sentence: a numbered placeholder followed only by these ends the body
/// for Meta.
fn is_sentence_end(c: char) -> bool {
    matches!(c, '.' | ',' | ';' | ':' | '!' | '?' | '…')
}

/// WhatsApp's formatting marks (bold, italic, strike-through, monospace): hidden when the
/// message is shown, so a placeholder closed by them still ends the body.
fn is_format_mark(c: char) -> bool {
    matches!(c, '*' | '_' | '~' | '`')
}

fn check<'a>(cx: &Context<'a>, out: &mut Reporter<'a>) {
    // Authentication bodies are Meta's own preset ("*{{1}}* is your verification code.").
    if cx.declared_category() == Some(crate::template::Category::Authentication) {
        return;
    }
    for field in cx.fields(Role::Body) {
        let text = &field.text.value;
        let valid = || field.placeholders.iter().filter(|p| p.is_valid());
        let start = text.len() - text.trim_start_matches(is_filler).len();
        let end = text.trim_end_matches(is_filler).len();
        let first = valid().find(|p| p.range.start == start);
        let last = valid().find(|p| p.range.end == end);
        for (p, at_start) in [(first, true), (last, false)] {
            let Some(p) = p else { continue };
            if !at_start && first == Some(p) {
                continue; // the whole body is one placeholder: reported once
            }
            let raw = &text[p.range.clone()];
            // The very first or last thing in the text, or only behind punctuation.
            let literal = if at_start {
                p.range.start == text.len() - text.trim_start().len()
            } else {
                p.range.end == text.trim_end().len()
            };
            let closed_by_a_stop = !at_start
                && !literal
                && matches!(p.kind, Kind::Positional(_))
                && text[p.range.end..]
                    .trim()
                    .chars()
                    .all(|c| is_sentence_end(c) || is_format_mark(c));
            let formatted = closed_by_a_stop && text[p.range.end..].contains(is_format_mark);
            let (en, ru) = match (at_start, literal) {
                (true, true) => (format!("the body starts with {raw}; Meta rejects leading or trailing placeholders"), format!("текст начинается с переменной {raw}; Meta отклоняет такие шаблоны")),
                (false, true) => (format!("the body ends with {raw}; Meta rejects leading or trailing placeholders"), format!("текст заканчивается переменной {raw}; Meta отклоняет такие шаблоны")),
                (false, false) if formatted => (
                    format!("the body ends with {raw} in formatting marks, which WhatsApp hides; Meta counts it as a trailing placeholder and rejects the template"),
                    format!("текст заканчивается переменной {raw} в знаках форматирования, которые WhatsApp скрывает; Meta считает её переменной в конце текста и отклоняет шаблон"),
                ),
                (false, false) if closed_by_a_stop => (
                    format!("the body ends with {raw} and a punctuation mark; Meta counts it as a trailing placeholder and rejects the template"),
                    format!("текст заканчивается переменной {raw} и знаком препинания; Meta считает её переменной в конце текста и отклоняет шаблон"),
                ),
                (true, false) => (
                    format!("only punctuation comes before {raw}; Meta may still count it as a leading placeholder"),
                    format!("перед {raw} только знаки препинания; Meta может счесть её переменной в начале текста"),
                ),
                (false, false) => (
                    format!("only punctuation follows {raw}; Meta may still count it as a trailing placeholder"),
                    format!("после {raw} только знаки препинания; Meta может счесть её переменной в конце текста"),
                ),
            };
            out.report(
                Report::text(field.text, p.range.clone(), Msg::new(en, ru))
                    .severity(if literal || closed_by_a_stop {
                        Severity::Error
                    } else {
                        Severity::Warning
                    })
                    .component(field.component)
                    .help(Msg::new(
                        "add words before the first or after the last placeholder (e.g. \"Hello {{1}}, …\", \"… {{2}}. Thank you!\")",
                        "добавьте слова до первой или после последней переменной (например, «Здравствуйте, {{1}}…», «…{{2}}. Спасибо!»)",
                    )),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::*;

    #[test]
    fn passes() {
        assert_passes(
            &RULE,
            &[
                "Здравствуйте, {{1}}! Сумма к оплате: {{2}} руб.",
                "Hello",
                "Code {{1}} 🎉",
                "{{ 1 }} is malformed, another rule",
            ],
        );
    }

    #[test]
    fn fails() {
        assert_fails(
            &RULE,
            &[
                ("{{1}}, ваш заказ готов к выдаче.", &["{{1}}"]),
                ("Сумма к оплате: {{2}}.", &["{{2}}"]),
                ("«{{1}}» — ваш код: {{2}}!\n", &["{{1}}", "{{2}}"]),
                ("  {{1}}  ", &["{{1}}"]),
            ],
        );
    }

    #[test]
    fn literal_and_full_stop_edges_are_errors_and_other_punctuated_ones_warnings() {
        let severities = |text: &str| {
            run(&RULE, text)
                .iter()
                .map(|d| d.severity)
                .collect::<Vec<_>>()
        };
        assert_eq!(severities("{{1}}, ваш заказ готов."), [Severity::Error]);
        assert_eq!(severities("Ваш код: {{1}}"), [Severity::Error]);
        assert_eq!(severities("Сумма к оплате: {{2}}."), [Severity::Error]);
        assert_eq!(severities("Fecha: {{3}}.\n"), [Severity::Error]);
        assert_eq!(severities("Did we solve {{1}}?!"), [Severity::Error]);
        assert_eq!(severities("Ticket # {{ticket_id}}."), [Severity::Warning]);
        assert_eq!(severities("Ваш код: «{{1}}»."), [Severity::Warning]);
        assert_eq!(
            severities("*{{1}}* — ваш код, {{2}}!"),
            [Severity::Warning, Severity::Error]
        );
        // Formatting marks are hidden when shown: the message still ends with the value.
        assert_eq!(severities("Ваш код: *{{2}}*"), [Severity::Error]);
        assert_eq!(severities("Total: _{{2}}_.\n"), [Severity::Error]);
        assert_eq!(severities("Ticket: *{{ticket_id}}*"), [Severity::Warning]);
        let d = run(&RULE, "Ваш код: *{{2}}*");
        assert!(
            d[0].message.contains("formatting marks"),
            "{}",
            d[0].message
        );
        let d = run(&RULE, "Сумма к оплате: {{2}}.");
        assert!(
            d[0].message.contains("a punctuation mark"),
            "{}",
            d[0].message
        );
    }
}
