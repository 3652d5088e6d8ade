use super::{Context, Reporter, Rule};
use crate::diagnostic::{Report, Severity};
use crate::l10n::Msg;
use crate::moderation::RejectionReason::InvalidFormat;
use crate::moderation::{ErrorEffect, FixKind, Risk};
use crate::template::Category;

pub static RULE: Rule = Rule {
    id: "message-send-ttl",
    default_severity: Severity::Error,
    on_error: ErrorEffect::Reject(InvalidFormat),
    on_warning: Risk::review(-0.5, InvalidFormat),
    fix: FixKind::None,
    summary: (
        "The time-to-live (message_send_ttl_seconds) is outside the range of the template's category",
        "Время жизни (message_send_ttl_seconds) вне диапазона для категории шаблона",
    ),
    docs: rule_docs!(
        r#"# message-send-ttl

## What it checks
`message_send_ttl_seconds`, how long WhatsApp keeps trying to deliver a message, is a whole
number of seconds in the range of the template's category:

| category | seconds | also |
|---|---|---|
| `AUTHENTICATION` | 30 to 900 (15 minutes) | `-1` (30 days) |
| `UTILITY` | 30 to 43 200 (12 hours) | `-1` (30 days) |
| `MARKETING` | 43 200 to 2 592 000 (12 hours to 30 days) | |

Meta writes the value as a number or as a string (`"120"`); both are read.

## Why
Meta's time-to-live page (updated October 31, 2025), "Valid values for the
`message_send_ttl_seconds` property": "Authentication templates: `30` to `900` seconds (30
seconds to 15 minutes)", "Utility templates: `30` to `43200` seconds (30 seconds to 12 hours)",
"Marketing templates: `43200` to `2592000` (12 hours to 30 days)"; "For authentication and
utility templates, you can set the `message_send_ttl_seconds` property value to `-1`. This will
set a custom TTL of 30 days." "The TTL can be customized in 1-second increments." (A marketing
TTL applies to sends through the Marketing Messages Lite API.) The same page's example request
sets `"120"` on a MARKETING template, outside its own range.

## Examples
Fails (AUTHENTICATION): `"message_send_ttl_seconds": 29`; `"message_send_ttl_seconds": 901`.
Fails (UTILITY): `"message_send_ttl_seconds": 43201`; `"message_send_ttl_seconds": "soon"` (not a number); `"message_send_ttl_seconds": 90.5` (not whole).
Fails (MARKETING): `"message_send_ttl_seconds": 3600`; `"message_send_ttl_seconds": "120"` (Meta's own example request); `"message_send_ttl_seconds": -1`; `"message_send_ttl_seconds": 2592001`.
Passes (AUTHENTICATION): `"message_send_ttl_seconds": 30`; `"message_send_ttl_seconds": 900`; `"message_send_ttl_seconds": -1`.
Passes (UTILITY): `"message_send_ttl_seconds": 30`; `"message_send_ttl_seconds": 43200`; `"message_send_ttl_seconds": -1`; `"message_send_ttl_seconds": "120"`.
Passes (MARKETING): `"message_send_ttl_seconds": 43200`; `"message_send_ttl_seconds": "2592000"`.
"#
    ),
    check,
};

fn check<'a>(cx: &Context<'a>, out: &mut Reporter<'a>) {
    let Some(ttl) = &cx.template.message_send_ttl_seconds else {
        return;
    };
    let report = |en: String, ru: String| Report::text(ttl, 0..ttl.value.len(), Msg::new(en, ru));
    let Ok(seconds) = ttl.value.trim().parse::<i64>() else {
        out.report(report(
            format!(
                "message_send_ttl_seconds is \"{}\"; it must be a whole number of seconds",
                ttl.value
            ),
            format!(
                "message_send_ttl_seconds = \"{}\"; нужно целое число секунд",
                ttl.value
            ),
        ));
        return;
    };
    let Some(category) = cx.declared_category() else {
        return; // the range depends on the category (`template-category` asks for one)
    };
    let (min, max, unlimited) = match category {
        Category::Authentication => (30, 900, true),
        Category::Utility => (30, 43_200, true),
        Category::Marketing => (43_200, 2_592_000, false),
    };
    if (min..=max).contains(&seconds) || (unlimited && seconds == -1) {
        return;
    }
    let cat = category.as_str();
    let (also_en, also_ru) = if unlimited {
        (", or -1 for 30 days", " или -1 (30 дней)")
    } else {
        ("", "")
    };
    out.report(report(
        format!("a time-to-live of {seconds} s is outside the range for {cat} templates: {min} to {max} seconds{also_en}"),
        format!("время жизни {seconds} с вне диапазона для шаблонов {cat}: от {min} до {max} секунд{also_ru}"),
    ));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::*;

    fn ttl(category: &str, value: &str) -> String {
        with_body(category, "Body.", "").replace(
            r#""components""#,
            &format!(r#""message_send_ttl_seconds": {value}, "components""#),
        )
    }

    #[test]
    fn passes() {
        assert_passes(
            &RULE,
            &[
                &ttl("authentication", "60"),
                &ttl("AUTHENTICATION", "900"),
                &ttl("UTILITY", "-1"),
                &ttl("UTILITY", "43200"),
                &ttl("MARKETING", "43200"),
                &ttl("MARKETING", r#""2592000""#),
                &with_body("MARKETING", "No TTL.", ""),
            ],
        );
    }

    #[test]
    fn fails() {
        assert_fails(
            &RULE,
            &[
                (&ttl("MARKETING", "3600"), &["3600"]),
                (&ttl("MARKETING", r#""120""#), &["120"]),
                (&ttl("MARKETING", "-1"), &["-1"]),
                (&ttl("MARKETING", "2592001"), &["2592001"]),
                (&ttl("AUTHENTICATION", "901"), &["901"]),
                (&ttl("AUTHENTICATION", "29"), &["29"]),
                (&ttl("UTILITY", "43201"), &["43201"]),
                (&ttl("UTILITY", "90.5"), &["90.5"]),
                (&ttl("UTILITY", r#""soon""#), &["soon"]),
            ],
        );
    }
}
