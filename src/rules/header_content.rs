use super::{Context, Reporter, Role, Rule};
use crate::diagnostic::{Report, Severity};
use crate::emoji;
use crate::l10n::Msg;
use crate::moderation::RejectionReason::InvalidFormat;
use crate::moderation::{ErrorEffect, FixKind, Risk};
use crate::template::ComponentKind;

pub static RULE: Rule = Rule {
    id: "header-content",
    default_severity: Severity::Error,
    on_error: ErrorEffect::Reject(InvalidFormat),
    on_warning: Risk::review(-0.5, InvalidFormat),
    fix: FixKind::Sometimes,
    summary: (
        "A text header contains a line break, emoji or formatting",
        "Текстовый заголовок содержит перенос строки, эмодзи или разметку",
    ),
    docs: rule_docs!(
        r#"# header-content

## What it checks
A `TEXT` header must be a single line of plain text: no line breaks, no emoji, no asterisks and
no WhatsApp formatting markers (`_`, `~`, `` ` ``). An underscore, tilde or backtick between two
letters or digits (`my_number`) formats nothing and is left alone. Fixes remove the offending
characters.

## Why
Meta's components reference: "Do not use Markdown special characters" in headers. WhatsApp
Manager blocks `NEWLINE`, `EMOJI`, `FORMATTING_STYLE` and `ASTERISK_CHARACTERS` in headers, and
Twilio (error 63040) lists "text header with emoji, asterisk, markup or newline" among the
reasons Meta rejects templates. Any asterisk is blocked (`ASTERISK_CHARACTERS`), but the other
markers only as formatting (`FORMATTING_STYLE`): Meta approved a header reading `my_number`
(`tests/corpus/en/gh-sateri-my-number.json`).

## Examples
Fails: `🔥 Распродажа`; `*Заказ* готов`; `Заказ\nготов`.
Passes: `Ваш заказ готов`; `Заказ order_42`.
"#
    ),
    check,
};

fn check<'a>(cx: &Context<'a>, out: &mut Reporter<'a>) {
    for field in cx.fields(Role::HeaderText) {
        let text = &field.text.value;
        let report =
            |range: std::ops::Range<usize>, en: &str, ru: &str, fix: (&str, &str), with: &str| {
                Report::text(field.text, range, Msg::new(en, ru))
                    .component(ComponentKind::Header)
                    .replace_with(Msg::new(fix.0, fix.1), with)
            };
        for (i, c) in text.char_indices() {
            let inside_word = || {
                let before = text[..i].chars().next_back();
                let after = text[i + c.len_utf8()..].chars().next();
                before.is_some_and(char::is_alphanumeric)
                    && after.is_some_and(char::is_alphanumeric)
            };
            match c {
                '\n' | '\r' => out.report(report(
                    i..i + 1,
                    "a text header cannot contain a line break",
                    "в текстовом заголовке не может быть переноса строки",
                    ("replace with a space", "заменить пробелом"),
                    " ",
                )),
                '_' | '~' | '`' if inside_word() => {}
                '*' | '_' | '~' | '`' => out.report(report(
                    i..i + 1,
                    "a text header cannot use formatting markers (* _ ~ `)",
                    "в текстовом заголовке нельзя использовать разметку (* _ ~ `)",
                    ("remove the marker", "убрать символ"),
                    "",
                )),
                _ => {}
            }
        }
        for e in emoji::find(text) {
            out.report(report(
                e,
                "a text header cannot contain emoji",
                "в текстовом заголовке не может быть эмодзи",
                ("remove the emoji", "убрать эмодзи"),
                "",
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::*;

    fn header(text: &str) -> String {
        let text = serde_json::to_string(text).unwrap();
        with_body(
            "MARKETING",
            "Body.",
            &format!(r#"{{"type": "HEADER", "format": "TEXT", "text": {text}}}"#),
        )
    }

    #[test]
    fn passes() {
        assert_passes(
            &RULE,
            &[
                &header("Ваш заказ {{1}} готов"),
                &header("Скидка 20% — до 31.08"),
                &header("my_number"),
                &header("Заказ order_42 и a~b"),
            ],
        );
    }

    #[test]
    fn fails() {
        assert_fails(
            &RULE,
            &[
                (&header("🔥 Распродажа"), &["🔥"]),
                (&header("*Заказ* готов"), &["*", "*"]),
                (&header("_Заказ_ готов"), &["_", "_"]),
                (&header("Заказ 2*3 и ~скидка~"), &["*", "~", "~"]),
                (&header("Заказ\nготов"), &["\\n"]),
            ],
        );
    }
}
