use super::{Context, Reporter, Rule};
use crate::diagnostic::{Report, Severity};
use crate::l10n::Msg;
use crate::moderation::RejectionReason::InvalidFormat;
use crate::moderation::{ErrorEffect, FixKind, Risk};
use crate::template::{ButtonKind, ComponentKind};

pub static RULE: Rule = Rule {
    id: "button-order",
    default_severity: Severity::Error,
    on_error: ErrorEffect::Reject(InvalidFormat),
    on_warning: Risk::review(-0.5, InvalidFormat),
    fix: FixKind::None,
    summary: (
        "Quick-reply buttons are not grouped together",
        "Кнопки быстрого ответа не собраны в одну группу",
    ),
    docs: rule_docs!(
        r#"# button-order

## What it checks
Quick-reply buttons must form one group, either before or after all the other buttons.
`QR, QR, URL, PHONE` and `URL, PHONE, QR, QR` are fine; `QR, URL, QR` and `URL, QR, URL` are
not. The first button that breaks the grouping is reported.

## Why
Meta's components reference: "If a template has more than three buttons, two will appear in
the delivered message and the rest will be replaced with a See all options button … buttons
must be grouped: quick reply buttons together, and the others together"; other orders are
refused with an "invalid combination" error.

## Examples
Fails: `{"components": [{"type": "BODY", "text": "Придёте?"}, {"type": "BUTTONS", "buttons": [{"type": "QUICK_REPLY", "text": "Да"}, {"type": "URL", "text": "Сайт", "url": "https://shop.ru/"}, {"type": "QUICK_REPLY", "text": "Нет"}]}]}`.
Passes: `{"components": [{"type": "BODY", "text": "Придёте?"}, {"type": "BUTTONS", "buttons": [{"type": "QUICK_REPLY", "text": "Да"}, {"type": "QUICK_REPLY", "text": "Нет"}, {"type": "URL", "text": "Сайт", "url": "https://shop.ru/"}]}]}`.
"#
    ),
    check,
};

fn check<'a>(cx: &Context<'a>, out: &mut Reporter<'a>) {
    for c in cx.template.components_of(ComponentKind::Buttons) {
        // Count the switches between quick replies and other buttons: more than one breaks
        // the grouping, at the button where the second switch happens.
        let mut switches = 0;
        for pair in c.buttons.windows(2).enumerate() {
            let (i, w) = pair;
            if (w[0].kind == ButtonKind::QuickReply) != (w[1].kind == ButtonKind::QuickReply) {
                switches += 1;
                if switches == 2 {
                    let b = &c.buttons[i + 1];
                    out.report(
                        Report::node(
                            b.path.clone(),
                            b.span.clone(),
                            Msg::new(
                                "quick-reply buttons must be grouped together, before or after all the other buttons",
                                "кнопки быстрого ответа должны идти одной группой — до или после всех остальных кнопок",
                            ),
                        )
                        .component(ComponentKind::Buttons)
                        .help(Msg::new(
                            format!("order the buttons as: {}", suggested(&c.buttons)),
                            format!("расположите кнопки так: {}", suggested(&c.buttons)),
                        )),
                    );
                    break;
                }
            }
        }
    }
}

/// Quick replies first, the rest after, each in their original order.
fn suggested(buttons: &[crate::template::Button]) -> String {
    let (qr, other): (Vec<_>, Vec<_>) = buttons
        .iter()
        .partition(|b| b.kind == ButtonKind::QuickReply);
    qr.iter()
        .chain(&other)
        .map(|b| {
            b.text
                .as_ref()
                .map_or(b.kind.as_str().to_string(), |t| format!("«{}»", t.value))
        })
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::*;

    fn buttons(kinds: &[&str]) -> String {
        let items: Vec<String> = kinds
            .iter()
            .enumerate()
            .map(|(i, k)| format!(r#"{{"type": "{k}", "text": "B{i}", "url": "https://a.ru", "phone_number": "+74951234567"}}"#))
            .collect();
        with_body(
            "MARKETING",
            "Body.",
            &format!(r#"{{"type": "BUTTONS", "buttons": [{}]}}"#, items.join(",")),
        )
    }

    #[test]
    fn passes() {
        assert_passes(
            &RULE,
            &[
                &buttons(&["QUICK_REPLY", "QUICK_REPLY"]),
                &buttons(&["QUICK_REPLY", "QUICK_REPLY", "URL", "PHONE_NUMBER"]),
                &buttons(&["URL", "PHONE_NUMBER", "QUICK_REPLY", "QUICK_REPLY"]),
                &buttons(&["URL"]),
            ],
        );
    }

    #[test]
    fn fails() {
        assert_fails(
            &RULE,
            &[
                (
                    &buttons(&["QUICK_REPLY", "URL", "QUICK_REPLY"]),
                    &["components[1].buttons[2]"],
                ),
                (
                    &buttons(&["URL", "QUICK_REPLY", "URL"]),
                    &["components[1].buttons[2]"],
                ),
            ],
        );
        let d = run(&RULE, &buttons(&["QUICK_REPLY", "URL", "QUICK_REPLY"]));
        assert_eq!(
            d[0].help.as_deref(),
            Some("order the buttons as: «B0», «B2», «B1»")
        );
    }
}
