use super::{Context, Reporter, Role, Rule};
use crate::diagnostic::{Report, Severity};
use crate::l10n::Msg;
use crate::moderation::RejectionReason::InvalidFormat;
use crate::moderation::{ErrorEffect, FixKind, Risk};
use crate::template::Category;
use crate::text::utf16_len;

/// Authentication parameters are limited to 15 characters (template categorization).
pub const AUTH_PARAM_MAX: usize = 15;

pub static RULE: Rule = Rule {
    id: "example-values",
    default_severity: Severity::Error,
    on_error: ErrorEffect::Reject(InvalidFormat),
    on_warning: Risk::review(-0.5, InvalidFormat),
    fix: FixKind::Sometimes,
    summary: (
        "An example value is empty, has line breaks, tabs or long runs of spaces",
        "Пример значения пустой или содержит переносы строк, табуляцию или много пробелов подряд",
    ),
    docs: rule_docs!(
        r#"# example-values

## What it checks
Every sample value (`example.header_text`, `example.body_text`, named examples, URL button
examples):
- is not empty;
- has no line break or tab and no run of more than 4 spaces;
- does not contain `{{` `}}` (a placeholder copied instead of a sample value; warning);
- in `AUTHENTICATION` templates, is at most 15 characters.

## Why
Meta refuses parameter values that "have new-line/tab characters or more than 4 consecutive
spaces" (error 132018 at send time), and the same check applies to samples at creation: a line
break in a sample broke template creation (shridarpatil/frappe_whatsapp#81), and BSP help pages
state that samples must contain "no newlines, tabs, or more than 4 consecutive spaces".
Authentication parameters are limited to 15 characters (template categorization). Reviewers read
the samples to understand the message; `{{1}}` as a sample tells them nothing.

## Examples
Fails: `{"type": "BODY", "text": "Здравствуйте, {{1}}!", "example": {"body_text": [["Анна\nИванова"]]}}`; `{"type": "BODY", "text": "Здравствуйте, {{1}}!", "example": {"body_text": [[""]]}}`.
Passes: `{"type": "BODY", "text": "Здравствуйте, {{1}}!", "example": {"body_text": [["Анна Иванова"]]}}`.
Fixes: `{"type": "BODY", "text": "Здравствуйте, {{1}}!", "example": {"body_text": [["Анна\nИванова"]]}}` → `{"type": "BODY", "text": "Здравствуйте, {{1}}!", "example": {"body_text": [["Анна Иванова"]]}}`.
"#
    ),
    check,
};

fn check<'a>(cx: &Context<'a>, out: &mut Reporter<'a>) {
    let auth = cx.declared_category() == Some(Category::Authentication);
    for field in cx.fields(Role::Example) {
        let value = &field.text.value;
        let report = |range: std::ops::Range<usize>, en: String, ru: String| {
            Report::text(field.text, range, Msg::new(en, ru)).component(field.component)
        };
        if value.trim().is_empty() {
            out.report(report(
                0..value.len(),
                "the example value is empty".into(),
                "пример значения пустой".into(),
            ));
            continue;
        }
        if let Some(at) = value.find(['\n', '\r', '\t']) {
            out.report(
                report(
                    at..at + 1,
                    "example values cannot contain line breaks or tabs".into(),
                    "в примере значения не может быть переносов строк и табуляции".into(),
                )
                .replace_with(Msg::new("replace with a space", "заменить пробелом"), " "),
            );
        }
        if let Some(at) = find(value, b"     ") {
            let run = value[at..].len() - value[at..].trim_start_matches(' ').len();
            out.report(
                report(
                    at..at + run,
                    format!("{run} spaces in a row; Meta allows at most 4"),
                    format!("{run} пробелов подряд; Meta допускает не больше 4"),
                )
                .replace_with(
                    Msg::new("replace with one space", "заменить одним пробелом"),
                    " ",
                ),
            );
        }
        if let Some(at) = find(value, b"{{") {
            let end = find(&value[at..], b"}}").map_or(value.len(), |e| at + e + 2);
            out.report(
                report(
                    at..end,
                    "the example contains a placeholder; give a realistic sample value instead"
                        .into(),
                    "в примере стоит переменная; укажите реалистичное значение".into(),
                )
                .severity(Severity::Warning),
            );
        }
        let len = utf16_len(value);
        if auth && field.button.is_none() && len > AUTH_PARAM_MAX {
            out.report(report(
                0..value.len(),
                format!("authentication parameters are limited to {AUTH_PARAM_MAX} characters; this one has {len}"),
                format!("параметры шаблонов аутентификации ограничены {AUTH_PARAM_MAX} символами; здесь {len}"),
            ));
        }
    }
}

/// Where `needle` first occurs in `value`. Example values are short: a plain scan costs less
/// than setting up `str::find`'s two-way search, which this rule paid twice per value.
fn find<const N: usize>(value: &str, needle: &[u8; N]) -> Option<usize> {
    let bytes = value.as_bytes();
    (0..(bytes.len() + 1).saturating_sub(N)).find(|&i| bytes[i..i + N] == *needle)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::*;

    fn example(category: &str, values: &str) -> String {
        with_body(category, "Здравствуйте, {{1}}! Заказ {{2}}.", "").replace(
            r#""type": "BODY","#,
            &format!(r#""type": "BODY", "example": {{"body_text": [[{values}]]}},"#),
        )
    }

    #[test]
    fn passes() {
        assert_passes(&RULE, &[&example("UTILITY", r#""Анна Иванова", "A-1""#)]);
    }

    #[test]
    fn fails() {
        assert_fails(
            &RULE,
            &[
                (&example("UTILITY", r#""Анна\nИванова", "A-1""#), &["\\n"]),
                (&example("UTILITY", r#""", "A-1""#), &[""]),
                (
                    &example("UTILITY", r#""Анна      Иванова", "A-1""#),
                    &["      "],
                ),
                (&example("UTILITY", r#""{{1}}", "A-1""#), &["{{1}}"]),
                (
                    &example("AUTHENTICATION", r#""1234567890123456", "A""#),
                    &["1234567890123456"],
                ),
            ],
        );
    }
}
