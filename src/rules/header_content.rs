use super::{Context, Reporter, Role, Rule};
use crate::diagnostic::{Report, Severity};
use crate::emoji;
use crate::l10n::Msg;
use crate::template::ComponentKind;

pub static RULE: Rule = Rule {
    id: "header-content",
    default_severity: Severity::Error,
    summary: (
        "A text header contains a line break, emoji or formatting",
        "Текстовый заголовок содержит перенос строки, эмодзи или разметку",
    ),
    docs: rule_docs!(
        r#"# header-content

## What it checks
A `TEXT` header must be a single line of plain text: no line breaks, no emoji, and no
WhatsApp formatting markers (`*`, `_`, `~`, `` ` ``). Fixes remove the offending characters.

## Why
Meta's components reference: "Do not use Markdown special characters" in headers. WhatsApp
Manager blocks `NEWLINE`, `EMOJI`, `FORMATTING_STYLE` and `ASTERISK_CHARACTERS` in headers, and
Twilio (error 63040) lists "text header with emoji, asterisk, markup or newline" among the
reasons Meta rejects templates.

## Examples
Fails: `🔥 Распродажа`; `*Заказ* готов`; `Заказ\nготов`.
Passes: `Ваш заказ готов`.
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
            match c {
                '\n' | '\r' => out.report(report(
                    i..i + 1,
                    "a text header cannot contain a line break",
                    "в текстовом заголовке не может быть переноса строки",
                    ("replace with a space", "заменить пробелом"),
                    " ",
                )),
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
                (&header("Заказ\nготов"), &["\\n"]),
            ],
        );
    }
}
