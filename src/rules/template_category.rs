use super::{Context, Reporter, Rule};
use crate::diagnostic::{Report, Severity};
use crate::l10n::Msg;
use crate::moderation::RejectionReason::InvalidFormat;
use crate::moderation::{ErrorEffect, FixKind, Risk};
use crate::template::Category;

pub static RULE: Rule = Rule {
    id: "template-category",
    default_severity: Severity::Error,
    on_error: ErrorEffect::Reject(InvalidFormat),
    on_warning: Risk::review(-0.5, InvalidFormat),
    fix: FixKind::Sometimes,
    summary: (
        "The category is missing or not MARKETING, UTILITY or AUTHENTICATION",
        "Категория не указана или не равна MARKETING, UTILITY или AUTHENTICATION",
    ),
    docs: rule_docs!(
        r#"# template-category

## What it checks
`category` is present (not for drafts: plain text, or JSON without name, language and category) and is `MARKETING`, `UTILITY` or
`AUTHENTICATION`. The categories used before Graph API v16 (`TRANSACTIONAL`, `OTP`,
`ACCOUNT_UPDATE`, `ALERT_UPDATE`, `APPOINTMENT_UPDATE`, `SHIPPING_UPDATE`, …) get a fix to the
current one. Whether the content fits the category is judged by the content rules and the
prediction.

## Why
Meta's template overview: the category is one of `AUTHENTICATION`, `MARKETING`, `UTILITY`;
the older ones were retired with Graph API v16.0 and are refused (error 100).

## Examples
Fails: `"category": "TRANSACTIONAL"`; `{"name": "order_ready", "language": "ru", "components": [{"type": "BODY", "text": "Ваш заказ готов."}]}` (no category).
Passes: `"category": "UTILITY"`.
Fixes: `"category": "TRANSACTIONAL"` → `"category": "UTILITY"`.
"#
    ),
    check,
};

/// The current category for a retired one.
fn replacement(old: &str) -> Option<Category> {
    match old.to_ascii_uppercase().as_str() {
        "TRANSACTIONAL"
        | "ACCOUNT_UPDATE"
        | "ALERT_UPDATE"
        | "APPOINTMENT_UPDATE"
        | "AUTO_REPLY"
        | "ISSUE_RESOLUTION"
        | "PAYMENT_UPDATE"
        | "PERSONAL_FINANCE_UPDATE"
        | "RESERVATION_UPDATE"
        | "SHIPPING_UPDATE"
        | "TICKET_UPDATE"
        | "TRANSPORTATION_UPDATE" => Some(Category::Utility),
        "OTP" => Some(Category::Authentication),
        "PROMOTIONAL" => Some(Category::Marketing),
        _ => None,
    }
}

fn check<'a>(cx: &Context<'a>, out: &mut Reporter<'a>) {
    let t = cx.template;
    if !cx.is_submission() {
        return;
    }
    let Some(category) = &t.category else {
        out.report(Report::node(
            t.field_path("category"),
            t.span.clone(),
            Msg::new(
                "the template has no `category` (MARKETING, UTILITY or AUTHENTICATION)",
                "у шаблона не указана категория (MARKETING, UTILITY или AUTHENTICATION)",
            ),
        ));
        return;
    };
    if Category::parse(&category.value).is_some() {
        return;
    }
    let value = &category.value;
    let mut report = Report::text(
        category,
        0..value.len(),
        Msg::new(
            format!(
                "\"{value}\" is not a template category; use MARKETING, UTILITY or AUTHENTICATION"
            ),
            format!(
                "\"{value}\" — не категория шаблона; допустимы MARKETING, UTILITY, AUTHENTICATION"
            ),
        ),
    );
    if let Some(new) = replacement(value) {
        let new = new.as_str();
        report = report.replace_with(
            Msg::new(format!("replace with {new}"), format!("заменить на {new}")),
            new,
        );
    }
    out.report(report);
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
                &with_body("UTILITY", "x", ""),
                &with_body("marketing", "x", ""),
                "draft",
            ],
        );
    }

    #[test]
    fn fails() {
        assert_fails(
            &RULE,
            &[
                (&with_body("TRANSACTIONAL", "x", ""), &["TRANSACTIONAL"]),
                (&with_body("NEWS", "x", ""), &["NEWS"]),
                (
                    r#"{"name": "x", "components": [{"type": "BODY", "text": "x"}]}"#,
                    &["category"],
                ),
            ],
        );
        let d = run(&RULE, &with_body("SHIPPING_UPDATE", "x", ""));
        assert!(d[0].fix.as_ref().unwrap().message.contains("UTILITY"));
    }
}
