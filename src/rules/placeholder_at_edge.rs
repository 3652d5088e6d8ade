use super::{Context, Reporter, Role, Rule};
use crate::diagnostic::{Report, Severity};
use crate::l10n::Msg;

pub static RULE: Rule = Rule {
    id: "placeholder-at-edge",
    default_severity: Severity::Error,
    summary: (
        "The body starts or ends with a placeholder",
        "Текст начинается или заканчивается переменной",
    ),
    docs: r#"# placeholder-at-edge

## What it checks
Whether the body begins or ends with a placeholder, ignoring spaces, line breaks and punctuation
around it: `{{1}}, ваш заказ готов`, `Ваш код: {{1}}.` and `Спасибо, {{1}}!` all count.

Authentication templates are exempt: their body is Meta's preset, which starts with the code.

## Why
Meta: "The template cannot start or end with a parameter" (template review, "dangling
parameters are not allowed"), API error 2388299 "Leading or trailing parameters not allowed",
WhatsApp Manager `LEADING_TRAILING_PARAMETER`. Integrators report that a trailing full stop does
not help ("…total es de {{2}}." is still rejected), so punctuation is skipped before testing.

## Examples
Fails: `{{1}}, ваш заказ готов к выдаче.`
Fails: `Сумма к оплате: {{2}}.`
Passes: `Здравствуйте, {{1}}! Сумма к оплате: {{2}} руб.`
"#,
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

fn check<'a>(cx: &Context<'a>, out: &mut Reporter<'a>) {
    // Authentication bodies are Meta's own preset ("*{{1}}* is your verification code.").
    if cx.category() == Some(crate::template::Category::Authentication) {
        return;
    }
    for field in cx.fields(Role::Body) {
        let text = &field.text.value;
        let valid = || field.placeholders.iter().filter(|p| p.is_valid());
        let start = text.len() - text.trim_start_matches(is_filler).len();
        let end = text.trim_end_matches(is_filler).len();
        let first = valid().find(|p| p.range.start == start);
        let last = valid().find(|p| p.range.end == end);
        for (p, en, ru) in [
            (
                first,
                "the body starts with",
                "текст начинается с переменной",
            ),
            (last, "the body ends with", "текст заканчивается переменной"),
        ] {
            let Some(p) = p else { continue };
            if en.ends_with("ends with") && first == Some(p) {
                continue; // the whole body is one placeholder: reported once
            }
            let raw = &text[p.range.clone()];
            out.report(
                Report::text(
                    field.text,
                    p.range.clone(),
                    Msg::new(format!("{en} {raw}; Meta rejects leading or trailing placeholders"), format!("{ru} {raw}; Meta отклоняет такие шаблоны")),
                )
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
}
