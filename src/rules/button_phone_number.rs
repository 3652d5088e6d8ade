use super::{Context, Reporter, Role, Rule};
use crate::diagnostic::{EditSpec, Report, Severity};
use crate::l10n::Msg;
use crate::moderation::RejectionReason::InvalidFormat;
use crate::moderation::{ErrorEffect, FixKind, Risk};
use crate::template::{ButtonKind, ComponentKind};
use crate::text::utf16_len;

/// Meta's limit on the `phone_number` field (components reference).
pub const MAX_LEN: usize = 20;

pub static RULE: Rule = Rule {
    id: "button-phone-number",
    default_severity: Severity::Error,
    on_error: ErrorEffect::Reject(InvalidFormat),
    on_warning: Risk::review(-0.5, InvalidFormat),
    fix: FixKind::Sometimes,
    summary: (
        "A call button's number is missing or not an international (E.164) number",
        "Номер кнопки-звонка отсутствует или записан не в международном формате (E.164)",
    ),
    docs: rule_docs!(
        r#"# button-phone-number

## What it checks
The `phone_number` of every `PHONE_NUMBER` button:
- present, at most 20 characters, only digits with an optional leading `+` (spaces, dashes,
  dots and brackets are tolerated as separators);
- 8 to 15 digits, the range of E.164 international numbers;
- not in the Russian domestic format with the trunk prefix 8 (`8 495 123-45-67`): WhatsApp
  reads the number as international, so this must be `+7 495 123-45-67` (a fix is offered);
- not an 8-800 toll-free number (error) and not a `+7 800` one (warning).

## Why
Meta's components reference: `phone_number` up to 20 characters, dialled as an international
number (a leading 0 after the country code is dropped). WhatsApp Manager blocks invalid numbers
(`INVALID_PHONE_NUMBER`). The seed articles say that 8-800 numbers are not allowed for WhatsApp
Business, "because they cannot be identified unambiguously (they have no country code)"
(`000:306`, also `000:129`, `004:248`); only city numbers such as `+7 (495)` or mobile numbers
such as `+7 (911)` work (`004:246`). A `+7 800` number has a country code but cannot be called
from abroad, and the same seeds advise against it.

## Examples
Fails: `{"type": "PHONE_NUMBER", "text": "Позвонить", "phone_number": "8-800-555-35-35"}`; `{"type": "PHONE_NUMBER", "text": "Позвонить", "phone_number": "8 (495) 123-45-67"}` (fix: `+7 (495) 123-45-67`); `{"type": "PHONE_NUMBER", "text": "Позвонить", "phone_number": "+7 495 12"}`.
Warns: `{"type": "PHONE_NUMBER", "text": "Позвонить", "phone_number": "+7 800 555-35-35"}`.
Passes: `{"type": "PHONE_NUMBER", "text": "Позвонить", "phone_number": "+7 495 123-45-67"}`; `{"type": "PHONE_NUMBER", "text": "Call", "phone_number": "15550051310"}` (Meta's own examples omit the `+`).
Fixes: `{"type": "PHONE_NUMBER", "text": "Позвонить", "phone_number": "8 (495) 123-45-67"}` → `{"type": "PHONE_NUMBER", "text": "Позвонить", "phone_number": "+7 (495) 123-45-67"}`.
"#
    ),
    check,
};

fn check<'a>(cx: &Context<'a>, out: &mut Reporter<'a>) {
    for field in cx.fields(Role::ButtonPhone) {
        let raw = &field.text.value;
        let whole = 0..raw.len();
        let report = |en: String, ru: String| {
            Report::text(field.text, whole.clone(), Msg::new(en, ru))
                .component(ComponentKind::Buttons)
        };
        if raw.trim().is_empty() {
            out.report(report(
                "the phone number is empty".into(),
                "номер телефона пустой".into(),
            ));
            continue;
        }
        let len = utf16_len(raw);
        if len > MAX_LEN {
            out.report(report(
                format!("the phone number field is {len} characters long; Meta allows {MAX_LEN}"),
                format!("в поле номера {len} символов; Meta допускает {MAX_LEN}"),
            ));
        }
        let body = raw.trim();
        let plus = body.starts_with('+');
        let rest = if plus { &body[1..] } else { body };
        if let Some(bad) = rest
            .chars()
            .find(|c| !c.is_ascii_digit() && !matches!(c, ' ' | '-' | '.' | '(' | ')'))
        {
            out.report(report(
                format!("`{raw}` is not a phone number: `{bad}` is not allowed; write digits with a leading +"),
                format!("`{raw}` — не номер телефона: символ `{bad}` недопустим; пишите цифры с + в начале"),
            ));
            continue;
        }
        let digits: String = rest.chars().filter(char::is_ascii_digit).collect();
        if !plus && digits.starts_with("8800") && digits.len() == 11 {
            out.report(
                report(
                    "8-800 toll-free numbers are not allowed: they have no country code".into(),
                    "номера 8-800 не допускаются: в них нет кода страны".into(),
                )
                .help(Msg::new(
                    "use a city number (+7 495 …) or a mobile number (+7 9…)",
                    "укажите городской (+7 495 …) или мобильный (+7 9…) номер",
                )),
            );
            continue;
        }
        if !plus && digits.starts_with('8') && digits.len() == 11 {
            let at = raw.find('8').expect("digits start with 8");
            out.report(
                report(
                    format!("`{raw}` is in the Russian domestic format; WhatsApp needs the international one, starting with +7"),
                    format!("`{raw}` записан во внутрироссийском формате; WhatsApp нужен международный, с +7"),
                )
                .fix(
                    Msg::new("replace the leading 8 with +7", "заменить 8 в начале на +7"),
                    vec![EditSpec::Replace {
                        text: field.text,
                        range: at..at + 1,
                        replacement: "+7".into(),
                    }],
                ),
            );
            continue;
        }
        if !(8..=15).contains(&digits.len()) {
            out.report(report(
                format!(
                    "`{raw}` has {} digits; an international number has 8 to 15",
                    digits.len()
                ),
                format!(
                    "в `{raw}` {} цифр; в международном номере их от 8 до 15",
                    digits.len()
                ),
            ));
            continue;
        }
        if digits.starts_with("7800") {
            out.report(
                report(
                    "+7 800 toll-free numbers cannot be called from abroad; give a city or mobile number".into(),
                    "на бесплатные номера +7 800 нельзя позвонить из-за границы; лучше указать городской или мобильный номер".into(),
                )
                .severity(Severity::Warning),
            );
        }
    }
    // A PHONE_NUMBER button without the field at all.
    for c in cx.template.components_of(ComponentKind::Buttons) {
        for b in c
            .buttons
            .iter()
            .filter(|b| b.kind == ButtonKind::PhoneNumber && b.phone_number.is_none())
        {
            out.report(
                Report::node(
                    b.path.clone(),
                    b.span.clone(),
                    Msg::new(
                        "the call button has no `phone_number`",
                        "у кнопки-звонка нет `phone_number`",
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
    use crate::Edit;

    fn phone(number: Option<&str>) -> String {
        let number = number.map_or(String::new(), |n| format!(r#", "phone_number": "{n}""#));
        with_body(
            "UTILITY",
            "Body.",
            &format!(
                r#"{{"type": "BUTTONS", "buttons": [{{"type": "PHONE_NUMBER", "text": "Call"{number}}}]}}"#
            ),
        )
    }

    #[test]
    fn passes() {
        assert_passes(
            &RULE,
            &[
                &phone(Some("+7 495 123-45-67")),
                &phone(Some("+15550051310")),
                &phone(Some("15550051310")),
                &phone(Some("+7 (911) 123-45-67")),
            ],
        );
    }

    #[test]
    fn fails() {
        assert_fails(
            &RULE,
            &[
                (&phone(Some("8-800-555-35-35")), &["8-800-555-35-35"]),
                (&phone(Some("8 (495) 123-45-67")), &["8 (495) 123-45-67"]),
                (&phone(Some("+7 495 12")), &["+7 495 12"]),
                (&phone(Some("+7 495 CALL-NOW")), &["+7 495 CALL-NOW"]),
                (&phone(Some("+7 800 555-35-35")), &["+7 800 555-35-35"]),
                (
                    &phone(Some("+7 (495) 123-45-67 доб. 123")),
                    &["+7 (495) 123-45-67 доб. 123", "+7 (495) 123-45-67 доб. 123"],
                ),
                (&phone(None), &["components[1].buttons[0]"]),
            ],
        );
        let d = run(&RULE, &phone(Some("+7 800 555-35-35")));
        assert_eq!(d[0].severity, Severity::Warning);
    }

    #[test]
    fn fixes_the_trunk_prefix() {
        let d = run(&RULE, &phone(Some("8 (495) 123-45-67")));
        let Edit::Replace { text, range, .. } = &d[0].fix.as_ref().unwrap().edits[0] else {
            panic!()
        };
        assert_eq!((text.as_str(), range.start, range.end), ("+7", 0, 1));
    }
}
