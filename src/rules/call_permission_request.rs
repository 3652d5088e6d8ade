use super::{Context, Reporter, Rule};
use crate::diagnostic::{Report, Severity};
use crate::l10n::Msg;
use crate::moderation::RejectionReason::InvalidFormat;
use crate::moderation::{ErrorEffect, FixKind, Risk};
use crate::template::{Category, ComponentKind};

pub static RULE: Rule = Rule {
    id: "call-permission-request",
    default_severity: Severity::Error,
    on_error: ErrorEffect::Reject(InvalidFormat),
    on_warning: Risk::review(-0.5, InvalidFormat),
    fix: FixKind::None,
    summary: (
        "A call permission request outside MARKETING and UTILITY, or combined with buttons, a carousel or a limited-time offer",
        "Запрос разрешения на звонок не в MARKETING или UTILITY либо вместе с кнопками, каруселью или ограниченным предложением",
    ),
    docs: rule_docs!(
        r#"# call-permission-request

## What it checks
A template with a `CALL_PERMISSION_REQUEST` component (`{"type": "call_permission_request"}`,
no other field):
- is a `MARKETING` or `UTILITY` template;
- has no `BUTTONS`, `CAROUSEL` or `LIMITED_TIME_OFFER` component.

Its body, which must be there and not empty, is checked by `component-multiplicity` (as is a
second call permission request). A header and a footer are allowed.

## Why
Meta's call permission request template page: "Call permission request templates allow you to
request permission to call WhatsApp users. They include a required body component and a call
permission request component." Limitations: "Only templates categorized as MARKETING or UTILITY
can include a call permission request component." "You must include body text, and it must not
be empty." "You can't combine the call permission request component with other interactive
components." Buttons, carousels and limited-time offers are the interactive components (the
components reference: "Buttons are optional interactive components"). The calling guide's
example has a header and a footer.

## Examples
Fails (AUTHENTICATION): `{"type": "call_permission_request"}`.
Fails (UTILITY): `{"components": [
{"type": "BODY", "text": "May we call you about your order?"},
{"type": "call_permission_request"},
{"type": "BUTTONS", "buttons": [{"type": "QUICK_REPLY", "text": "Yes"}]}]}` (buttons).
Fails (MARKETING): `{"components": [
{"type": "BODY", "text": "May we call you about our offers?"},
{"type": "call_permission_request"},
{"type": "CAROUSEL", "cards": [{"components": [{"type": "HEADER", "format": "IMAGE", "example": {"header_handle": ["4::an..."]}}]}, {"components": [{"type": "HEADER", "format": "IMAGE", "example": {"header_handle": ["4::an..."]}}]}]}]}` (a carousel).
Fails (MARKETING): `{"components": [
{"type": "LIMITED_TIME_OFFER", "limited_time_offer": {"text": "Expiring offer!"}},
{"type": "BODY", "text": "May we call you about this offer?"},
{"type": "call_permission_request"}]}` (a limited-time offer).
Passes (MARKETING): `{"components": [
{"type": "BODY", "text": "We would like to call you to help support your order."},
{"type": "call_permission_request"}]}` (Meta's sample).
Passes (UTILITY): `{"components": [
{"type": "HEADER", "format": "TEXT", "text": "Your order"},
{"type": "BODY", "text": "We would like to call you to help support your query on your order."},
{"type": "FOOTER", "text": "Talk to you soon!"},
{"type": "call_permission_request"}]}` (a header and a footer, as in the calling guide).
"#
    ),
    check,
};

fn check<'a>(cx: &Context<'a>, out: &mut Reporter<'a>) {
    let t = cx.template;
    if t.component(ComponentKind::CallPermissionRequest).is_none() {
        return;
    }
    if let (Some(category), Some(text)) = (cx.declared_category(), &t.category) {
        if category == Category::Authentication {
            out.report(
                Report::text(
                    text,
                    0..text.value.len(),
                    Msg::new(
                        "a call permission request can only be in a MARKETING or UTILITY template",
                        "запрос разрешения на звонок возможен только в шаблоне MARKETING или UTILITY",
                    ),
                )
                .component(ComponentKind::CallPermissionRequest),
            );
        }
    }
    for c in &t.components {
        let what = match c.kind {
            ComponentKind::Buttons => ("buttons", "кнопками"),
            ComponentKind::Carousel => ("a carousel", "каруселью"),
            ComponentKind::LimitedTimeOffer => {
                ("a limited-time offer", "ограниченным предложением")
            }
            _ => continue,
        };
        out.report(
            Report::node(
                c.path.clone(),
                c.span.clone(),
                Msg::new(
                    format!("a call permission request cannot be combined with {}: Meta allows no other interactive component with it", what.0),
                    format!("запрос разрешения на звонок нельзя совмещать с {}: Meta не допускает с ним других интерактивных компонентов", what.1),
                ),
            )
            .component(c.kind),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::*;

    const CPR: &str = r#"{"type": "call_permission_request"}"#;

    #[test]
    fn passes() {
        assert_passes(
            &RULE,
            &[
                &with_body("MARKETING", "We would like to call you.", CPR),
                &with_body(
                    "utility",
                    "We would like to call you about order {{1}}.",
                    &format!(
                        r#"{{"type": "HEADER", "format": "TEXT", "text": "Your order"}}, {{"type": "FOOTER", "text": "Talk to you soon!"}}, {CPR}"#
                    ),
                ),
                // Buttons without a call permission request are none of this rule's business.
                &with_body(
                    "MARKETING",
                    "Body.",
                    r#"{"type": "BUTTONS", "buttons": [{"type": "QUICK_REPLY", "text": "OK"}]}"#,
                ),
            ],
        );
    }

    #[test]
    fn fails() {
        assert_fails(
            &RULE,
            &[
                (
                    &with_body("AUTHENTICATION", "Call?", CPR),
                    &["AUTHENTICATION"],
                ),
                (
                    &with_body(
                        "UTILITY",
                        "Call?",
                        &format!(
                            r#"{CPR}, {{"type": "BUTTONS", "buttons": [{{"type": "QUICK_REPLY", "text": "Yes"}}]}}"#
                        ),
                    ),
                    &["components[2]"],
                ),
                (
                    &with_body(
                        "MARKETING",
                        "Call?",
                        &format!(
                            r#"{{"type": "LIMITED_TIME_OFFER", "limited_time_offer": {{"text": "x"}}}}, {CPR}, {{"type": "CAROUSEL", "cards": []}}"#
                        ),
                    ),
                    &["components[1]", "components[3]"],
                ),
            ],
        );
    }
}
