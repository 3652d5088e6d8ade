use super::{Context, Reporter, Role, Rule};
use crate::diagnostic::{Report, Severity};
use crate::emoji;
use crate::l10n::Msg;
use crate::moderation::RejectionReason::InvalidFormat;
use crate::moderation::{ErrorEffect, FixKind, Risk};
use crate::template::ComponentKind;

pub static RULE: Rule = Rule {
    id: "footer-content",
    default_severity: Severity::Error,
    on_error: ErrorEffect::Reject(InvalidFormat),
    on_warning: Risk::review(-0.5, InvalidFormat),
    fix: FixKind::Sometimes,
    summary: (
        "The footer contains a line break or emoji",
        "Подпись (футер) содержит перенос строки или эмодзи",
    ),
    docs: rule_docs!(
        r#"# footer-content

## What it checks
The footer must be a single line without emoji. Fixes replace line breaks with spaces and
remove emoji. (Placeholders in the footer are reported by `placeholder-not-allowed`.)

## Why
WhatsApp Manager blocks newlines and emoji in footers (footer validator), and Twilio's error
63040 lists "footer with emojis or newline" among Meta's rejection causes. The footer is where
opt-out instructions usually go, so a rejected footer costs the opt-out too.

## Examples
Fails: `Ответьте СТОП 🛑`; `Магазин\nОтветьте СТОП`.
Passes: `Ответьте СТОП, чтобы отписаться`.
"#
    ),
    check,
};

fn check<'a>(cx: &Context<'a>, out: &mut Reporter<'a>) {
    for field in cx.fields(Role::Footer) {
        let text = &field.text.value;
        for (i, c) in text
            .char_indices()
            .filter(|(_, c)| matches!(c, '\n' | '\r'))
        {
            out.report(
                Report::text(
                    field.text,
                    i..i + c.len_utf8(),
                    Msg::new(
                        "the footer cannot contain a line break",
                        "в подписи не может быть переноса строки",
                    ),
                )
                .component(ComponentKind::Footer)
                .replace_with(Msg::new("replace with a space", "заменить пробелом"), " "),
            );
        }
        for e in emoji::find(text) {
            out.report(
                Report::text(
                    field.text,
                    e,
                    Msg::new(
                        "the footer cannot contain emoji",
                        "в подписи не может быть эмодзи",
                    ),
                )
                .component(ComponentKind::Footer)
                .replace_with(Msg::new("remove the emoji", "убрать эмодзи"), ""),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::*;

    fn footer(text: &str) -> String {
        let text = serde_json::to_string(text).unwrap();
        with_body(
            "MARKETING",
            "Body.",
            &format!(r#"{{"type": "FOOTER", "text": {text}}}"#),
        )
    }

    #[test]
    fn passes() {
        assert_passes(
            &RULE,
            &[
                &footer("Ответьте СТОП, чтобы отписаться"),
                &footer("Not interested? Tap Stop promotions"),
            ],
        );
    }

    #[test]
    fn fails() {
        assert_fails(
            &RULE,
            &[
                (&footer("Ответьте СТОП 🛑"), &["🛑"]),
                (&footer("Магазин\nОтветьте СТОП"), &["\\n"]),
            ],
        );
    }
}
