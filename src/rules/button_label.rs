use super::{Context, Reporter, Rule};
use crate::analysis::Kind;
use crate::diagnostic::{Report, Severity};
use crate::l10n::Msg;
use crate::moderation::RejectionReason::InvalidFormat;
use crate::moderation::{ErrorEffect, FixKind, Risk};
use crate::template::{ButtonKind, ComponentKind};

pub static RULE: Rule = Rule {
    id: "button-label",
    default_severity: Severity::Error,
    on_error: ErrorEffect::Reject(InvalidFormat),
    on_warning: Risk::review(-0.5, InvalidFormat),
    fix: FixKind::Sometimes,
    summary: (
        "A button label is missing, repeated, or has line breaks, formatting or emoji",
        "Надпись на кнопке отсутствует, повторяется или содержит переносы, разметку или эмодзи",
    ),
    docs: rule_docs!(
        r#"# button-label

## What it checks
For `QUICK_REPLY`, `URL`, `PHONE_NUMBER`, `FLOW` and `VOICE_CALL` buttons:
- the label (`text`) is present and not blank;
- no two buttons of the template have the same label (ignoring case and surrounding spaces);
- the label has no line break and no WhatsApp formatting markers (`*`, `_`, `~`, `` ` ``);
- the label has a word, a number or a placeholder: a label of only emoji or symbols (`👍`) is
  an error;
- the label has no emoji (warning).

## Why
WhatsApp Manager blocks duplicate labels (`DUPLICATE_BUTTON_LABEL`) and formatting in labels,
and Meta refuses a button without text. Labels are shown verbatim, so `*Купить*` shows the
asterisks. Emoji in labels: an integrator records that templates with emoji in buttons were
rejected ("Meta forbids emoji in buttons", NinjaKullan/senior-monitor-app notes); Meta does not
document it, so it is a warning. A label of emoji alone has no text at all, which Meta refuses:
a quick-reply button labelled `👍` was rejected as INVALID_FORMAT (kettle-ai/kettle,
`tests/corpus/en/gh-kettle-ask-parent-v1-emoji-button-rejected.json`).

## Examples
Fails: `{"type": "QUICK_REPLY", "text": "*Купить*"}`; `{"type": "URL", "url": "https://shop.ru/"}` (no label).
Fails: `{"components": [{"type": "BODY", "text": "Придёте?"}, {"type": "BUTTONS", "buttons": [{"type": "QUICK_REPLY", "text": "Да"}, {"type": "QUICK_REPLY", "text": "да"}]}]}` (the same label twice).
Fails: `{"type": "QUICK_REPLY", "text": "👍"}` (no text, only an emoji).
Warns: `{"type": "QUICK_REPLY", "text": "Купить 🔥"}`.
Passes: `{"type": "QUICK_REPLY", "text": "Подробнее"}`.
Fixes: `{"type": "QUICK_REPLY", "text": "Купить 🔥"}` → `{"type": "QUICK_REPLY", "text": "Купить "}`.
"#
    ),
    check,
};

fn needs_label(kind: ButtonKind) -> bool {
    matches!(
        kind,
        ButtonKind::QuickReply
            | ButtonKind::Url
            | ButtonKind::PhoneNumber
            | ButtonKind::Flow
            | ButtonKind::VoiceCall
    )
}

fn check<'a>(cx: &Context<'a>, out: &mut Reporter<'a>) {
    for c in cx.template.components_of(ComponentKind::Buttons) {
        let mut seen: Vec<String> = Vec::new();
        for b in c.buttons.iter().filter(|b| needs_label(b.kind)) {
            let Some(label) = b.text.as_ref().filter(|t| !t.value.trim().is_empty()) else {
                out.report(
                    Report::node(
                        b.path.clone(),
                        b.span.clone(),
                        Msg::new(
                            "the button has no label (`text`)",
                            "у кнопки нет надписи (`text`)",
                        ),
                    )
                    .component(ComponentKind::Buttons),
                );
                continue;
            };
            let value = &label.value;
            let key = value.trim().to_lowercase();
            if seen.contains(&key) {
                out.report(
                    Report::text(
                        label,
                        0..value.len(),
                        Msg::new(
                            format!("another button is already labelled \"{}\"", value.trim()),
                            format!("надпись «{}» уже есть на другой кнопке", value.trim()),
                        ),
                    )
                    .component(ComponentKind::Buttons),
                );
            }
            seen.push(key);
            if let Some(at) = value.find(['\n', '\r']) {
                out.report(
                    Report::text(
                        label,
                        at..at + 1,
                        Msg::new(
                            "button labels cannot contain line breaks",
                            "в надписи на кнопке не может быть переносов строк",
                        ),
                    )
                    .component(ComponentKind::Buttons)
                    .replace_with(Msg::new("replace with a space", "заменить пробелом"), " "),
                );
            }
            if let Some(at) = value.find(['*', '_', '~', '`']) {
                out.report(
                    Report::text(
                        label,
                        at..at + 1,
                        Msg::new("button labels cannot use formatting; the marker is shown as is", "в надписи на кнопке нельзя использовать разметку: символ будет виден как есть"),
                    )
                    .component(ComponentKind::Buttons),
                );
            }
            let facts = cx
                .fields
                .iter()
                .find(|f| std::ptr::eq(f.text, label))
                .map(|f| &f.facts);
            let wordless = facts.is_some_and(|f| {
                !f.tokens.iter().any(|t| {
                    matches!(
                        t.kind,
                        Kind::Word | Kind::Number | Kind::Placeholder | Kind::Link
                    )
                })
            });
            if wordless {
                out.report(
                    Report::text(
                        label,
                        0..value.len(),
                        Msg::new(
                            "the label has no words, only emoji or symbols; Meta refuses a button without text",
                            "на кнопке нет слов, только эмодзи или символы; Meta отклоняет кнопку без текста",
                        ),
                    )
                    .component(ComponentKind::Buttons),
                );
                continue;
            }
            let emoji = facts.map_or(&[][..], |f| &f.emoji[..]);
            for e in emoji {
                out.report(
                    Report::text(
                        label,
                        e.clone(),
                        Msg::new(
                            "emoji in button labels have led to rejections",
                            "эмодзи в надписях на кнопках приводили к отклонению шаблонов",
                        ),
                    )
                    .severity(Severity::Warning)
                    .component(ComponentKind::Buttons)
                    .replace_with(Msg::new("remove the emoji", "убрать эмодзи"), ""),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::*;

    fn buttons(list: &str) -> String {
        with_body(
            "MARKETING",
            "Body.",
            &format!(r#"{{"type": "BUTTONS", "buttons": [{list}]}}"#),
        )
    }

    #[test]
    fn passes() {
        assert_passes(
            &RULE,
            &[
                &buttons(
                    r#"{"type": "QUICK_REPLY", "text": "Да"}, {"type": "QUICK_REPLY", "text": "Нет"}, {"type": "URL", "text": "Подробнее", "url": "https://a.ru"}"#,
                ),
                &buttons(r#"{"type": "COPY_CODE", "example": "SALE"}"#),
            ],
        );
    }

    #[test]
    fn fails() {
        assert_fails(
            &RULE,
            &[
                (
                    &buttons(
                        r#"{"type": "QUICK_REPLY", "text": "Да"}, {"type": "QUICK_REPLY", "text": " да "}"#,
                    ),
                    &[" да "],
                ),
                (
                    &buttons(r#"{"type": "QUICK_REPLY", "text": "*Купить*"}"#),
                    &["*"],
                ),
                (
                    &buttons(r#"{"type": "URL", "url": "https://a.ru"}"#),
                    &["components[1].buttons[0]"],
                ),
                (
                    &buttons(r#"{"type": "QUICK_REPLY", "text": "Купить 🔥"}"#),
                    &["🔥"],
                ),
                (
                    &buttons(
                        r#"{"type": "QUICK_REPLY", "text": "Да"}, {"type": "QUICK_REPLY", "text": "👍"}"#,
                    ),
                    &["👍"],
                ),
                (
                    &buttons(r#"{"type": "QUICK_REPLY", "text": "Да\nнет"}"#),
                    &["\\n"],
                ),
            ],
        );
        assert_eq!(
            run(
                &RULE,
                &buttons(r#"{"type": "QUICK_REPLY", "text": "Купить 🔥"}"#)
            )[0]
            .severity,
            Severity::Warning
        );
        // A label of emoji alone has no text: an error, not the emoji warning.
        let wordless = run(&RULE, &buttons(r#"{"type": "QUICK_REPLY", "text": "👍 "}"#));
        assert_eq!(wordless.len(), 1);
        assert_eq!(wordless[0].severity, Severity::Error);
    }
}
