use super::{Context, Reporter, Rule};
use crate::diagnostic::{Report, Severity};
use crate::l10n::Msg;
use crate::moderation::RejectionReason::InvalidFormat;
use crate::moderation::{ErrorEffect, FixKind, Risk};
use crate::template::{ButtonKind, Category, ComponentKind};

pub static RULE: Rule = Rule {
    id: "button-type",
    default_severity: Severity::Error,
    on_error: ErrorEffect::Reject(InvalidFormat),
    on_warning: Risk::review(-0.5, InvalidFormat),
    fix: FixKind::None,
    summary: (
        "A button has no type, or a type not allowed in this category",
        "У кнопки не указан тип, или этот тип не разрешён в этой категории",
    ),
    docs: rule_docs!(
        r#"# button-type

## What it checks
- every button has a `type` (one walint does not know, such as the payments `ORDER_DETAILS`
  button, is reported by `unknown-type`, as a warning; walint knows `QUICK_REPLY`, `URL`,
  `PHONE_NUMBER`, `COPY_CODE`, `OTP`, `FLOW`, `VOICE_CALL`, `CATALOG`, `MPM`, `SPM`);
- `OTP` buttons only in `AUTHENTICATION` templates, and an `AUTHENTICATION` template has
  exactly one button, an `OTP` one, with `otp_type` `COPY_CODE`, `ONE_TAP` or `ZERO_TAP`;
- `COPY_CODE` in a `UTILITY` template is a warning: BSPs document it as marketing-only.

## Why
Meta's authentication templates reference: authentication templates use one OTP button (copy
code, one-tap or zero-tap) and "only the Authentication category may send one-time passwords"
(template categorization). Gupshup's button list, which mirrors Meta's validation: "MARKETING /
UTILITY cannot use OTP", "UTILITY cannot use COPY_CODE", "AUTHENTICATION exactly one OTP button".

## Examples
Fails (UTILITY): `{"type": "OTP", "otp_type": "COPY_CODE", "text": "Copy code"}`.
Fails: `{"text": "Go"}` (no type).
Fails: `{"category": "AUTHENTICATION", "components": [{"type": "BODY", "add_security_recommendation": true}, {"type": "BUTTONS", "buttons": [{"type": "URL", "text": "Site", "url": "https://shop.ru/"}]}]}`.
Passes: `{"category": "AUTHENTICATION", "components": [{"type": "BODY", "add_security_recommendation": true}, {"type": "BUTTONS", "buttons": [{"type": "OTP", "otp_type": "COPY_CODE", "text": "Copy code"}]}]}`.
"#
    ),
    check,
};

fn check<'a>(cx: &Context<'a>, out: &mut Reporter<'a>) {
    let category = cx.declared_category();
    let auth = category == Some(Category::Authentication);
    let buttons_component = cx.template.component(ComponentKind::Buttons);
    for c in cx.template.components_of(ComponentKind::Buttons) {
        for b in &c.buttons {
            let node = |en: String, ru: String| {
                Report::node(b.path.clone(), b.span.clone(), Msg::new(en, ru))
                    .component(ComponentKind::Buttons)
            };
            let Some(type_text) = &b.type_text else {
                out.report(node(
                    "the button has no `type`".into(),
                    "у кнопки не указан `type`".into(),
                ));
                continue;
            };
            let on_type = |en: String, ru: String| {
                Report::text(type_text, 0..type_text.value.len(), Msg::new(en, ru))
                    .component(ComponentKind::Buttons)
            };
            let t = &type_text.value;
            match b.kind {
                ButtonKind::Other if !auth => {} // `unknown-type` says walint cannot judge it
                ButtonKind::Otp if !auth => out.report(on_type(
                    "OTP buttons are allowed only in AUTHENTICATION templates".into(),
                    "кнопки OTP разрешены только в шаблонах AUTHENTICATION".into(),
                )),
                ButtonKind::Otp => {
                    // A GET response carries the type in the button's URL instead.
                    let in_url = b.url.as_ref().is_some_and(|u| u.value.contains("otp_type="));
                    let valid = in_url
                        || b.otp_type
                            .as_ref()
                            .is_some_and(|o| matches!(o.value.to_ascii_uppercase().as_str(), "COPY_CODE" | "ONE_TAP" | "ZERO_TAP"));
                    if !valid {
                        out.report(node(
                            "an OTP button needs \"otp_type\": COPY_CODE, ONE_TAP or ZERO_TAP".into(),
                            "кнопке OTP нужен \"otp_type\": COPY_CODE, ONE_TAP или ZERO_TAP".into(),
                        ));
                    }
                }
                _ if auth => out.report(on_type(
                    format!("AUTHENTICATION templates can only have an OTP button, not {t}"),
                    format!("в шаблоне AUTHENTICATION может быть только кнопка OTP, а не {t}"),
                )),
                ButtonKind::CopyCode if category == Some(Category::Utility) => out.report(
                    on_type(
                        "COPY_CODE buttons are for offer codes: BSPs document them as MARKETING-only".into(),
                        "кнопки COPY_CODE предназначены для промокодов: BSP указывают, что они только для MARKETING".into(),
                    )
                    .severity(Severity::Warning),
                ),
                _ => {}
            }
        }
    }
    if auth && !cx.template.plain_text {
        let has_otp =
            buttons_component.is_some_and(|c| c.buttons.iter().any(|b| b.kind == ButtonKind::Otp));
        if !has_otp {
            let (path, span) = buttons_component.map_or_else(
                || {
                    (
                        cx.template.field_path("components"),
                        cx.template.components_span.clone(),
                    )
                },
                |c| (c.path.clone(), c.span.clone()),
            );
            out.report(Report::node(
                path,
                span,
                Msg::new(
                    "an AUTHENTICATION template needs one OTP button (copy code, one-tap or zero-tap)",
                    "шаблону AUTHENTICATION нужна одна кнопка OTP (копирование кода, one-tap или zero-tap)",
                ),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::*;

    fn template(category: &str, buttons: &str) -> String {
        with_body(
            category,
            "Body.",
            &format!(r#"{{"type": "BUTTONS", "buttons": [{buttons}]}}"#),
        )
    }

    #[test]
    fn passes() {
        assert_passes(
            &RULE,
            &[
                &template(
                    "AUTHENTICATION",
                    r#"{"type": "OTP", "otp_type": "COPY_CODE"}"#,
                ),
                &template(
                    "MARKETING",
                    r#"{"type": "COPY_CODE", "example": "SALE25"}, {"type": "URL", "text": "Go", "url": "https://a.ru"}"#,
                ),
                &template("UTILITY", r#"{"type": "quick_reply", "text": "OK"}"#),
                // Unknown types are `unknown-type`'s warning.
                &template(
                    "UTILITY",
                    r#"{"type": "ORDER_DETAILS", "text": "Review and Pay"}"#,
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
                    &template("UTILITY", r#"{"type": "OTP", "otp_type": "COPY_CODE"}"#),
                    &["OTP"],
                ),
                (
                    &template(
                        "AUTHENTICATION",
                        r#"{"type": "OTP", "otp_type": "COPY_CODE"}, {"type": "LINK", "text": "Go"}"#,
                    ),
                    &["LINK"],
                ),
                (
                    &template("MARKETING", r#"{"text": "Go"}"#),
                    &["components[1].buttons[0]"],
                ),
                (
                    &template(
                        "AUTHENTICATION",
                        r#"{"type": "URL", "text": "Go", "url": "https://a.ru"}"#,
                    ),
                    &["components[1]", "URL"],
                ),
                (
                    &template("AUTHENTICATION", r#"{"type": "OTP", "otp_type": "MAGIC"}"#),
                    &["components[1].buttons[0]"],
                ),
                (&with_body("AUTHENTICATION", "Body.", ""), &["components"]),
                (
                    &template("UTILITY", r#"{"type": "COPY_CODE", "example": "X"}"#),
                    &["COPY_CODE"],
                ),
            ],
        );
    }
}
