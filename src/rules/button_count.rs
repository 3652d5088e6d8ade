use super::{Context, Reporter, Rule};
use crate::diagnostic::{Report, Severity};
use crate::l10n::Msg;
use crate::moderation::RejectionReason::InvalidFormat;
use crate::moderation::{ErrorEffect, FixKind, Risk};
use crate::template::{Button, ButtonKind, ComponentKind};

pub static RULE: Rule = Rule {
    id: "button-count",
    default_severity: Severity::Error,
    on_error: ErrorEffect::Reject(InvalidFormat),
    on_warning: Risk::review(-0.5, InvalidFormat),
    fix: FixKind::None,
    summary: (
        "More buttons (in total or of one type) than Meta allows",
        "Кнопок (всего или одного типа) больше, чем позволяет Meta",
    ),
    docs: rule_docs!(
        r#"# button-count

## What it checks
| buttons | limit |
|---|---|
| all buttons of a template | 10 |
| `QUICK_REPLY` | 10 |
| `URL` | 2 |
| `PHONE_NUMBER` | 1 |
| `COPY_CODE` | 1 |
| `OTP` | 1 |
| `CATALOG`, `MPM`, `SPM`, `FLOW` | 1 |
| buttons of one carousel card | 2 |

The first button over a limit is reported (for three URL buttons, the third). A `BUTTONS`
component with no buttons is reported too.

## Why
Meta's components reference: "Templates are composed of up to 10 buttons", up to 2 URL buttons,
1 phone number button, 1 copy code button; quick replies up to 10 (older BSP pages still say 3:
that limit is gone). Carousel cards have at most 2 buttons (media card carousel reference).
Catalog, multi-product and flow templates have exactly one such button (Gupshup's button list).

## Examples
Fails: `{"components": [{"type": "BODY", "text": "Ваш заказ готов."}, {"type": "BUTTONS", "buttons": [{"type": "URL", "text": "Сайт", "url": "https://shop.ru/"}, {"type": "URL", "text": "Заказ", "url": "https://shop.ru/o"}, {"type": "URL", "text": "Доставка", "url": "https://shop.ru/d"}]}]}` (three URL buttons).
Passes: `{"components": [{"type": "BODY", "text": "Ваш заказ готов."}, {"type": "BUTTONS", "buttons": [{"type": "URL", "text": "Сайт", "url": "https://shop.ru/"}, {"type": "URL", "text": "Заказ", "url": "https://shop.ru/o"}, {"type": "PHONE_NUMBER", "text": "Позвонить", "phone_number": "+74951234567"}]}]}`.
"#
    ),
    check,
};

fn limit(kind: ButtonKind) -> Option<usize> {
    match kind {
        ButtonKind::QuickReply => Some(10),
        ButtonKind::Url => Some(2),
        ButtonKind::PhoneNumber
        | ButtonKind::CopyCode
        | ButtonKind::Otp
        | ButtonKind::VoiceCall => Some(1),
        ButtonKind::Catalog | ButtonKind::Mpm | ButtonKind::Spm | ButtonKind::Flow => Some(1),
        ButtonKind::Other => None,
    }
}

fn check<'a>(cx: &Context<'a>, out: &mut Reporter<'a>) {
    for c in cx.template.components_of(ComponentKind::Buttons) {
        if c.buttons.is_empty() {
            out.report(
                Report::node(
                    c.path.clone(),
                    c.span.clone(),
                    Msg::new(
                        "the BUTTONS component has no buttons",
                        "в компоненте BUTTONS нет ни одной кнопки",
                    ),
                )
                .component(ComponentKind::Buttons),
            );
        }
        check_buttons(&c.buttons, 10, out);
    }
    if let Some(carousel) = cx.template.component(ComponentKind::Carousel) {
        for card in &carousel.cards {
            for c in card
                .components
                .iter()
                .filter(|c| c.kind == ComponentKind::Buttons)
            {
                check_buttons(&c.buttons, 2, out);
            }
        }
    }
}

fn check_buttons<'a>(buttons: &'a [Button], total_limit: usize, out: &mut Reporter<'a>) {
    let mut counts = std::collections::HashMap::new();
    for (i, b) in buttons.iter().enumerate() {
        if i == total_limit {
            out.report(
                Report::node(
                    b.path.clone(),
                    b.span.clone(),
                    Msg::new(
                        format!(
                            "{} buttons: at most {total_limit} are allowed here",
                            buttons.len()
                        ),
                        format!(
                            "кнопок: {}, а здесь допускается не больше {total_limit}",
                            buttons.len()
                        ),
                    ),
                )
                .component(ComponentKind::Buttons),
            );
        }
        let n = counts.entry(b.kind).or_insert(0usize);
        *n += 1;
        if let Some(max) = limit(b.kind) {
            if *n == max + 1 {
                let total = buttons.iter().filter(|x| x.kind == b.kind).count();
                let kind = b.kind.as_str();
                out.report(
                    Report::node(
                        b.path.clone(),
                        b.span.clone(),
                        Msg::new(
                            format!("{total} {kind} buttons: Meta allows at most {max}"),
                            format!("кнопок {kind}: {total}, а Meta допускает не больше {max}"),
                        ),
                    )
                    .component(ComponentKind::Buttons),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::*;

    fn buttons(list: &[(&str, &str)]) -> String {
        let items: Vec<String> = list
            .iter()
            .map(|(kind, extra)| format!(r#"{{"type": "{kind}", "text": "B"{extra}}}"#))
            .collect();
        with_body(
            "MARKETING",
            "Body.",
            &format!(r#"{{"type": "BUTTONS", "buttons": [{}]}}"#, items.join(",")),
        )
    }

    const URL: (&str, &str) = ("URL", r#", "url": "https://shop.ru""#);
    const PHONE: (&str, &str) = ("PHONE_NUMBER", r#", "phone_number": "+74951234567""#);
    const QR: (&str, &str) = ("QUICK_REPLY", "");

    #[test]
    fn passes() {
        assert_passes(
            &RULE,
            &[
                &buttons(&[URL, URL, PHONE]),
                &buttons(&[QR; 10]),
                &buttons(&[QR, QR, QR, URL, URL, PHONE]),
            ],
        );
    }

    #[test]
    fn fails() {
        assert_fails(
            &RULE,
            &[
                (&buttons(&[URL, URL, URL]), &["components[1].buttons[2]"]),
                (&buttons(&[PHONE, QR, PHONE]), &["components[1].buttons[2]"]),
                (
                    &buttons(&[QR; 11]),
                    &["components[1].buttons[10]", "components[1].buttons[10]"],
                ),
                (
                    &with_body(
                        "MARKETING",
                        "Body.",
                        r#"{"type": "BUTTONS", "buttons": []}"#,
                    ),
                    &["components[1]"],
                ),
            ],
        );
        let d = run(&RULE, &buttons(&[URL, URL, URL]));
        assert_eq!(d[0].message, "3 URL buttons: Meta allows at most 2");
        let loc = d[0].location.unwrap();
        assert_eq!(loc.start.line, 1);
    }
}
