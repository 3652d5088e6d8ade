use super::{Context, Reporter, Rule};
use crate::diagnostic::{Report, Severity};
use crate::l10n::Msg;
use crate::moderation::RejectionReason::InvalidFormat;
use crate::moderation::{ErrorEffect, FixKind, Risk};
use crate::template::{ButtonKind, Component, ComponentKind};

pub static RULE: Rule = Rule {
    id: "unknown-type",
    default_severity: Severity::Warning,
    on_error: ErrorEffect::Reject(InvalidFormat),
    on_warning: Risk::review(-0.5, InvalidFormat),
    fix: FixKind::None,
    summary: (
        "A component type, button type or header format walint does not know yet",
        "Тип компонента, тип кнопки или формат заголовка, которых walint пока не знает",
    ),
    docs: rule_docs!(
        r#"# unknown-type

## What it checks
A component `type`, a button `type` or a header `format`, in the template or in a carousel
card, that is none of those walint knows:
- components: `HEADER`, `BODY`, `FOOTER`, `BUTTONS`, `CAROUSEL`, `LIMITED_TIME_OFFER`,
  `CALL_PERMISSION_REQUEST`;
- buttons: `QUICK_REPLY`, `URL`, `PHONE_NUMBER`, `COPY_CODE`, `OTP`, `FLOW`, `VOICE_CALL`,
  `CATALOG`, `MPM`, `SPM`;
- header formats: `TEXT`, `IMAGE`, `VIDEO`, `DOCUMENT`, `LOCATION`, `GIF`, `PRODUCT`.

It is a warning, and the rest of the template is still checked. A missing `type` or `format` is
not this rule's business: `component-multiplicity`, `button-type` and `media-header` report it
as an error.

## Why
Meta adds template types often, and some are documented only for some markets: the payments
`ORDER_DETAILS` button (India: `{"type": "ORDER_DETAILS", "text": "Review and Pay"}`) and the
Brazil payment buttons the limited-time-offer page mentions are real types walint does not model.
An error on them would block a CI run on a template Meta accepts, so walint says what it cannot
judge instead. A misspelt type (`{"type": "TITLE"}`, `"format": "PHOTO"`) is refused by Meta:
compare the value with Meta's components reference.

## Examples
Warns: `{"type": "ORDER_DETAILS", "text": "Review and Pay"}` (a button type).
Warns: `{"components": [{"type": "TITLE", "text": "Your order"}, {"type": "BODY", "text": "Your order is ready."}]}` (a component type).
Warns: `{"type": "HEADER", "format": "PHOTO"}` (a header format).
Warns: `{"type": "CAROUSEL", "cards": [
{"components": [{"type": "HEADER", "format": "AUDIO"}, {"type": "STICKER"}, {"type": "BUTTONS", "buttons": [{"type": "SHARE", "text": "Share"}]}]},
{"components": [{"type": "HEADER", "format": "IMAGE", "example": {"header_handle": ["4::an..."]}}]}]}` (in a carousel card).
Passes: `{"type": "CALL_PERMISSION_REQUEST"}`; `{"type": "call_permission_request"}`; `{"type": "HEADER", "format": "product"}`; `{"type": "VOICE_CALL", "text": "Call now"}`.
Passes: `{"components": [{"text": "Your order"}, {"type": "BODY", "text": "Your order is ready."}]}` (no type: `component-multiplicity` reports it).
"#
    ),
    check,
};

/// Header formats walint knows.
pub(crate) const HEADER_FORMATS: &[&str] = &[
    "TEXT", "IMAGE", "VIDEO", "DOCUMENT", "LOCATION", "GIF", "PRODUCT",
];

/// Whether walint knows a header format (any case).
pub(crate) fn known_header_format(format: &str) -> bool {
    HEADER_FORMATS
        .iter()
        .any(|f| f.eq_ignore_ascii_case(format))
}

fn check<'a>(cx: &Context<'a>, out: &mut Reporter<'a>) {
    for c in &cx.template.components {
        check_component(c, out);
        for card in &c.cards {
            for cc in &card.components {
                check_component(cc, out);
            }
        }
    }
}

fn check_component<'a>(c: &'a Component, out: &mut Reporter<'a>) {
    let warn = |text: &'a crate::text::Text, en: String, ru: String| {
        Report::text(text, 0..text.value.len(), Msg::new(en, ru))
            .help(Msg::new(
                "check the spelling against Meta's components reference; if Meta documents it, walint checks the rest of the template but cannot check this part",
                "сверьте написание со справочником компонентов Meta; если Meta его описывает, walint проверит остальной шаблон, но не эту часть",
            ))
    };
    if let (ComponentKind::Other, Some(t)) = (c.kind, &c.type_text) {
        out.report(warn(
            t,
            format!(
                "walint does not know the component type \"{}\" and cannot check it",
                t.value
            ),
            format!(
                "walint не знает тип компонента \"{}\" и не может его проверить",
                t.value
            ),
        ));
    }
    if c.kind == ComponentKind::Header {
        if let Some(f) = c.format.as_ref().filter(|f| !known_header_format(&f.value)) {
            out.report(
                warn(
                    f,
                    format!("walint does not know the header format \"{}\" (it knows TEXT, IMAGE, VIDEO, DOCUMENT, LOCATION, GIF and PRODUCT)", f.value),
                    format!("walint не знает формат заголовка \"{}\" (известны TEXT, IMAGE, VIDEO, DOCUMENT, LOCATION, GIF и PRODUCT)", f.value),
                )
                .component(ComponentKind::Header),
            );
        }
    }
    for b in c.buttons.iter().filter(|b| b.kind == ButtonKind::Other) {
        if let Some(t) = &b.type_text {
            out.report(
                warn(
                    t,
                    format!(
                        "walint does not know the button type \"{}\" and cannot check it",
                        t.value
                    ),
                    format!(
                        "walint не знает тип кнопки \"{}\" и не может её проверить",
                        t.value
                    ),
                )
                .component(ComponentKind::Buttons),
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
                &with_body(
                    "MARKETING",
                    "Body.",
                    r#"{"type": "call_permission_request"}"#,
                ),
                &with_body(
                    "MARKETING",
                    "Body.",
                    r#"{"type": "HEADER", "format": "product"}, {"type": "BUTTONS", "buttons": [{"type": "SPM", "text": "View"}]}"#,
                ),
                // A missing type is another rule's error, not an unknown one.
                &with_body("MARKETING", "Body.", r#"{"text": "no type"}"#),
            ],
        );
    }

    #[test]
    fn fails() {
        assert_fails(
            &RULE,
            &[
                (
                    &with_body("UTILITY", "Body.", r#"{"type": "TITLE", "text": "x"}"#),
                    &["TITLE"],
                ),
                (
                    &with_body(
                        "UTILITY",
                        "Body.",
                        r#"{"type": "BUTTONS", "buttons": [{"type": "ORDER_DETAILS", "text": "Review and Pay"}]}"#,
                    ),
                    &["ORDER_DETAILS"],
                ),
                (
                    &with_body(
                        "MARKETING",
                        "Body.",
                        r#"{"type": "HEADER", "format": "PHOTO"}"#,
                    ),
                    &["PHOTO"],
                ),
                (
                    &with_body(
                        "MARKETING",
                        "Body.",
                        r#"{"type": "CAROUSEL", "cards": [{"components": [{"type": "HEADER", "format": "AUDIO"}, {"type": "STICKER"}, {"type": "BUTTONS", "buttons": [{"type": "SHARE", "text": "x"}]}]}]}"#,
                    ),
                    &["AUDIO", "STICKER", "SHARE"],
                ),
            ],
        );
    }

    #[test]
    fn it_is_a_warning() {
        let d = run(
            &RULE,
            &with_body("UTILITY", "Body.", r#"{"type": "TITLE", "text": "x"}"#),
        );
        assert_eq!(d[0].severity, Severity::Warning);
    }
}
