use super::header_too_long::{cut_by, too_long};
use super::{excess, Context, Reporter, Role, Rule};
use crate::diagnostic::{Report, Severity};
use crate::moderation::RejectionReason::InvalidFormat;
use crate::moderation::{ErrorEffect, FixKind, Risk};
use crate::template::ComponentKind;

/// Meta's limit for button labels in templates (components reference).
pub const LIMIT: usize = 25;

pub static RULE: Rule = Rule {
    id: "button-text-too-long",
    default_severity: Severity::Error,
    on_error: ErrorEffect::Reject(InvalidFormat),
    on_warning: Risk::review(-0.5, InvalidFormat),
    fix: FixKind::None,
    summary: (
        "A button label is longer than 25 characters",
        "Надпись на кнопке длиннее 25 символов",
    ),
    docs: rule_docs!(
        r#"# button-text-too-long

## What it checks
The `text` (label) of every button, in the template and in carousel cards, against 25
characters (UTF-16 code units, as in `body-too-long`).

## Why
Meta's components reference limits template button labels to 25 characters. (Interactive
messages outside templates allow 20; that limit does not apply here.)

## Examples
Fails: `{"type": "QUICK_REPLY", "text": "Отписаться от всех рассылок магазина"}`.
Passes: `{"type": "QUICK_REPLY", "text": "Отписаться"}`.
"#
    ),
    check,
};

fn check<'a>(cx: &Context<'a>, out: &mut Reporter<'a>) {
    for field in cx.fields(Role::ButtonText) {
        if let Some((len, range)) = excess(&field.text.value, LIMIT) {
            out.report(
                Report::text(
                    field.text,
                    range,
                    too_long("button label", "надписи на кнопке", len, LIMIT),
                )
                .component(ComponentKind::Buttons)
                .help(cut_by(len - LIMIT)),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::*;

    fn button(text: &str) -> String {
        let text = serde_json::to_string(text).unwrap();
        with_body(
            "MARKETING",
            "Body text here.",
            &format!(
                r#"{{"type": "BUTTONS", "buttons": [{{"type": "QUICK_REPLY", "text": "Да"}}, {{"type": "QUICK_REPLY", "text": {text}}}]}}"#
            ),
        )
    }

    #[test]
    fn passes() {
        assert_passes(&RULE, &[&button("Отписаться"), &button(&"ё".repeat(25))]);
    }

    #[test]
    fn fails() {
        let d = run(&RULE, &button("Отписаться от всех рассылок магазина"));
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].path, "components[1].buttons[1].text");
        assert_eq!(
            d[0].message,
            "button label is 36 characters long; the limit is 25"
        );
        assert_eq!(
            flagged(&RULE, &button("Stop all promotional offers")),
            vec!["rs"]
        );
    }
}
