use super::{Context, Reporter, Role, Rule};
use crate::analysis::{Kind, Token};
use crate::diagnostic::{Report, Severity};
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
Fails: `{"type": "HEADER", "format": "TEXT", "text": "🔥 Распродажа"}`; `{"type": "HEADER", "format": "TEXT", "text": "*Заказ* готов"}`; `{"type": "HEADER", "format": "TEXT", "text": "Заказ\nготов"}`.
Passes: `{"type": "HEADER", "format": "TEXT", "text": "Ваш заказ готов"}`; `{"type": "HEADER", "format": "TEXT", "text": "Заказ order_42"}`.
Fixes: `{"type": "HEADER", "format": "TEXT", "text": "*Заказ* готов"}` → `{"type": "HEADER", "format": "TEXT", "text": "Заказ готов"}`.
"#
    ),
    check,
};

fn check<'a>(cx: &Context<'a>, out: &mut Reporter<'a>) {
    for field in cx.fields(Role::HeaderText) {
        let text = &field.text.value;
        let tokens = &field.facts.tokens;
        let report =
            |range: std::ops::Range<usize>, en: &str, ru: &str, fix: (&str, &str), with: &str| {
                Report::text(field.text, range, Msg::new(en, ru))
                    .component(ComponentKind::Header)
                    .replace_with(Msg::new(fix.0, fix.1), with)
            };
        for (k, t) in tokens.iter().enumerate() {
            // An underscore, tilde or backtick between two letters or digits (`my_number`)
            // is not formatting.
            let inside_word = || {
                let word = |t: Option<&Token>| {
                    t.is_some_and(|t| matches!(t.kind, Kind::Word | Kind::Number))
                };
                word(k.checked_sub(1).map(|p| &tokens[p])) && word(tokens.get(k + 1))
            };
            let first = text[t.range()].chars().next();
            match (t.kind, first) {
                (Kind::LineBreak, _) => out.report(report(
                    t.range(),
                    "a text header cannot contain a line break",
                    "в текстовом заголовке не может быть переноса строки",
                    ("replace with a space", "заменить пробелом"),
                    " ",
                )),
                (Kind::Marker | Kind::Punct, Some('_' | '~' | '`'))
                    if t.end - t.start == 1 && inside_word() => {}
                (Kind::Marker, _) | (Kind::Punct, Some('`')) => out.report(report(
                    t.range(),
                    "a text header cannot use formatting markers (* _ ~ `)",
                    "в текстовом заголовке нельзя использовать разметку (* _ ~ `)",
                    ("remove the marker", "убрать символ"),
                    "",
                )),
                _ => {}
            }
        }
        for e in field.facts.emoji.iter().cloned() {
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
