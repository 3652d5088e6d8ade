use super::{excess_str, Context, Reporter, Rule};
use crate::diagnostic::{Report, Severity};
use crate::l10n::{plural_en, plural_ru, Msg};
use crate::moderation::RejectionReason::InvalidFormat;
use crate::moderation::{ErrorEffect, FixKind, Risk};
use crate::template::{ButtonKind, ComponentKind};

pub static RULE: Rule = Rule {
    id: "copy-code-example",
    default_severity: Severity::Error,
    on_error: ErrorEffect::Reject(InvalidFormat),
    on_warning: Risk::review(-0.5, InvalidFormat),
    fix: FixKind::None,
    summary: (
        "A copy-code button has no sample code, or one longer than 20 characters (15 in a limited-time offer)",
        "У кнопки копирования кода нет примера кода или он длиннее 20 символов (15 в ограниченном предложении)",
    ),
    docs: rule_docs!(
        r#"# copy-code-example

## What it checks
Every `COPY_CODE` button (coupon codes, offer codes) has an `example`: the code, written as a
string (`"example": "SUMMER25"`), not empty, and
- at most **20** characters;
- at most **15** characters in a limited-time-offer template (one with a `LIMITED_TIME_OFFER`
  component).

An example written as an array (`["SUMMER25"]`) is a warning: Meta's pages write a string. A
code with spaces or line breaks is a warning: customers paste it at checkout. Characters are
counted in UTF-16 code units, as in `body-too-long`.

## Why
Meta's components reference, copy code button, `<EXAMPLE>`: "String to be copied to the
device's clipboard when tapped by the app user. Maximum 20 characters." The coupon templates
page (updated May 28, 2026), `<COPY_CODE_BUTTON_EXAMPLE_CODE>`: "Maximum 20 characters." The
limited-time-offer page, `<OFFER_CODE_EXAMPLE>`: "Example offer code. Maximum 15 characters."

The sources disagreed: the components and coupon pages said 15 until late 2025 ("Codes are
limited to 15 characters", coupon page of November 2025) and say 20 now; the limited-time-offer
page, current too, keeps 15 for offer codes. Some SDKs still cap every code at 15 (copies of
the older pages). walint follows the current pages: 20, and 15 inside a limited-time offer.

## Examples
Fails: `{"type": "COPY_CODE", "example": "SUMMER2026SPECIALDEAL"}` (21); a 16-character code
in a limited-time-offer template; `{"type": "COPY_CODE"}` (no example).
Passes: `{"type": "COPY_CODE", "example": "SUMMER2026SPECIALDEA"}` (20);
`{"type": "copy_code", "example": "CARIBE25"}` in a limited-time offer.
"#
    ),
    check,
};

fn check<'a>(cx: &Context<'a>, out: &mut Reporter<'a>) {
    let offer = cx
        .template
        .component(ComponentKind::LimitedTimeOffer)
        .is_some();
    let (limit, where_en, where_ru) = if offer {
        (
            15,
            "Meta's limit for an offer code in a limited-time offer",
            "лимит Meta для кода в ограниченном предложении",
        )
    } else {
        (
            20,
            "Meta's limit for a copy code",
            "лимит Meta для копируемого кода",
        )
    };
    let buttons = cx
        .template
        .components_of(ComponentKind::Buttons)
        .flat_map(|c| &c.buttons)
        .filter(|b| b.kind == ButtonKind::CopyCode);
    for b in buttons {
        let Some(code) = b.example.first() else {
            out.report(
                Report::node(
                    b.path.clone(),
                    b.span.clone(),
                    Msg::new(
                        format!("a COPY_CODE button needs `example`: the code it copies (at most {limit} characters)"),
                        format!("кнопке COPY_CODE нужен `example` — код, который она копирует (не длиннее {limit} символов)"),
                    ),
                )
                .component(ComponentKind::Buttons)
                .help(Msg::new("add \"example\": \"SUMMER25\"", "добавьте \"example\": \"SUMMER25\"")),
            );
            continue;
        };
        let report = |range, en: String, ru: String| {
            Report::text(code, range, Msg::new(en, ru)).component(ComponentKind::Buttons)
        };
        if b.example_is_array {
            out.report(
                report(
                    0..code.value.len(),
                    "Meta writes a copy code example as a string, not an array: \"example\": \"CODE\"".into(),
                    "пример для кнопки копирования кода Meta записывает строкой, а не массивом: \"example\": \"КОД\"".into(),
                )
                .severity(Severity::Warning),
            );
        }
        if code.value.trim().is_empty() {
            out.report(report(
                0..code.value.len(),
                "the copy code example is empty".into(),
                "пример кода для копирования пуст".into(),
            ));
            continue;
        }
        if let Some((len, range)) = excess_str(&code.value, limit) {
            out.report(report(
                range,
                format!(
                    "the code is {len} {} long; {where_en} is {limit}",
                    plural_en(len, "character", "characters")
                ),
                format!(
                    "длина кода {len} {}; {where_ru}: {limit}",
                    plural_ru(len, "символ", "символа", "символов")
                ),
            ));
        }
        if let Some(at) = code.value.find(char::is_whitespace) {
            let len = code.value[at..].chars().next().map_or(1, char::len_utf8);
            out.report(
                report(
                    at..at + len,
                    "the code contains a space or line break; customers paste it at checkout, where it will not match".into(),
                    "в коде есть пробел или перенос строки: покупатели вставляют код при оформлении заказа, и он не совпадёт".into(),
                )
                .severity(Severity::Warning),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::*;

    fn coupon(code: &str, offer: bool) -> String {
        let code = serde_json::to_string(code).unwrap();
        let offer = if offer {
            r#"{"type": "limited_time_offer", "limited_time_offer": {"text": "Ends soon"}}, "#
        } else {
            ""
        };
        with_body(
            "MARKETING",
            "Your code is below.",
            &format!(
                r#"{offer}{{"type": "BUTTONS", "buttons": [{{"type": "COPY_CODE", "example": {code}}}, {{"type": "URL", "text": "Shop", "url": "https://shop.com"}}]}}"#
            ),
        )
    }

    #[test]
    fn passes() {
        assert_passes(
            &RULE,
            &[
                &coupon(&"A".repeat(20), false),
                &coupon(&"A".repeat(15), true),
                &coupon("WINTER25", false),
            ],
        );
    }

    #[test]
    fn fails() {
        assert_fails(
            &RULE,
            &[
                // 21 characters: the last one is over the limit.
                (&coupon("SUMMER2026SPECIALDEAL", false), &["L"]),
                // 16 characters in a limited-time offer.
                (&coupon("CARIBE2026SUMMER", true), &["R"]),
                (&coupon("", false), &[""]),
                (&coupon("SAVE 10", false), &[" "]),
                (
                    &with_body(
                        "MARKETING",
                        "Body.",
                        r#"{"type": "BUTTONS", "buttons": [{"type": "COPY_CODE"}]}"#,
                    ),
                    &["components[1].buttons[0]"],
                ),
                (
                    &with_body(
                        "MARKETING",
                        "Body.",
                        r#"{"type": "BUTTONS", "buttons": [{"type": "COPY_CODE", "example": ["SAVE10"]}]}"#,
                    ),
                    &["SAVE10"],
                ),
            ],
        );
    }

    #[test]
    fn the_message_names_the_limit_that_applies() {
        let d = run(&RULE, &coupon("CARIBE2026SUMMER", true));
        assert!(d[0].message.contains("16 characters") && d[0].message.contains("is 15"));
        let d = run(&RULE, &coupon("SUMMER2026SPECIALDEAL", false));
        assert!(d[0].message.contains("21 characters") && d[0].message.contains("is 20"));
        assert_eq!(d[0].severity, Severity::Error);
    }
}
