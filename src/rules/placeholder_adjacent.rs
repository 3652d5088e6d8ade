use super::{Context, Reporter, Role, Rule};
use crate::diagnostic::{Report, Severity};
use crate::moderation::RejectionReason::InvalidFormat;
use crate::moderation::{ErrorEffect, FixKind, Risk};

pub static RULE: Rule = Rule {
    id: "placeholder-adjacent",
    default_severity: Severity::Error,
    on_error: ErrorEffect::Reject(InvalidFormat),
    on_warning: Risk::review(-1.0, InvalidFormat),
    fix: FixKind::None,
    summary: (
        "Two placeholders with no word between them",
        "Две переменные подряд без слов между ними",
    ),
    docs: rule_docs!(
        r#"# placeholder-adjacent

## What it checks
Two placeholders in a row in the header or body with nothing but spaces between them
(`{{1}}{{2}}`, `{{1}} {{2}}`) is an error; with only punctuation or emoji between them
(`{{1}}, {{2}}`) it is a warning.

## Why
Meta rejects these as INVALID_FORMAT: "Your template has parameters placed next to each other
(like `{{1}}{{2}}`) without text or punctuation between them" (`message_template_status_update`
webhook), and WhatsApp Manager blocks them (`FLOATING_PARAMETER_ADJ`, "Variables must be
separated by text"). Twilio's error 63040 shows `{{1}} {{2}}` as invalid too, so a space is not
enough. Whether punctuation alone is enough is not settled (the webhook says "text or
punctuation"), hence only a warning.

## Examples
Fails: `Здравствуйте, {{1}} {{2}}! Ваш заказ готов.`
Warns: `Доставка {{1}}, {{2}}.`
Passes: `Здравствуйте, {{1}}! Ваш заказ {{2}} готов.`
"#
    ),
    check,
};

fn check<'a>(cx: &Context<'a>, out: &mut Reporter<'a>) {
    for field in cx
        .fields
        .iter()
        .filter(|f| matches!(f.role, Role::Body | Role::HeaderText))
    {
        let valid = field.placeholders.iter().filter(|p| p.is_valid());
        for (a, b) in valid.clone().zip(valid.skip(1)) {
            let between = &field.text.value[a.range.end..b.range.start];
            if between.chars().any(char::is_alphanumeric) {
                continue;
            }
            let adjacent = between.trim().is_empty();
            let severity = if adjacent {
                Severity::Error
            } else {
                Severity::Warning
            };
            out.report_with(Some(severity), || {
                let text = &field.text.value;
                let (first, second) = (&text[a.range.clone()], &text[b.range.clone()]);
                let message = if adjacent {
                    cx.msg(
                        || format!("{first} and {second} stand next to each other with no text between them"),
                        || format!("{first} и {second} стоят рядом без текста между ними"),
                    )
                } else {
                    cx.msg(
                        || format!("only punctuation separates {first} and {second}; Meta may reject placeholders without words between them"),
                        || format!("{first} и {second} разделяет только знак препинания; Meta может отклонить переменные без слов между ними"),
                    )
                };
                Report::text(field.text, a.range.start..b.range.end, message)
                    .severity(severity)
                    .component(field.component)
                    .help(cx.msg(
                        || "put a word or phrase between them that says what the second value is (e.g. \"{{1}}, order {{2}}\")",
                        || "вставьте между ними слова, поясняющие второе значение (например, «{{1}}, заказ {{2}}»)",
                    ))
            });
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
                "Здравствуйте, {{1}}! Ваш заказ {{2}} готов.",
                "Code {{1}} for {{2}}",
                "{{1}} {{bad}",
            ],
        );
    }

    #[test]
    fn fails() {
        assert_fails(
            &RULE,
            &[
                (
                    "Здравствуйте, {{1}} {{2}}! Ваш заказ готов.",
                    &["{{1}} {{2}}"],
                ),
                ("Hi {{1}}{{2}}{{3}} there", &["{{1}}{{2}}", "{{2}}{{3}}"]),
                ("Доставка {{1}}, {{2}}.", &["{{1}}, {{2}}"]),
                ("Ура {{1}} 🎉 {{2}} ok", &["{{1}} 🎉 {{2}}"]),
            ],
        );
        let d = run(&RULE, "Доставка {{1}}, {{2}}. А тут {{3}}\n{{4}}");
        assert_eq!(
            d.iter().map(|d| d.severity).collect::<Vec<_>>(),
            [Severity::Warning, Severity::Error]
        );
    }
}
