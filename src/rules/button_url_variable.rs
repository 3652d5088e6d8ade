use super::{Context, Reporter, Role, Rule};
use crate::diagnostic::{Report, Severity};
use crate::l10n::Msg;
use crate::moderation::RejectionReason::InvalidFormat;
use crate::moderation::{ErrorEffect, FixKind, Risk};
use crate::placeholder::Kind;
use crate::template::ComponentKind;

pub static RULE: Rule = Rule {
    id: "button-url-variable",
    default_severity: Severity::Error,
    on_error: ErrorEffect::Reject(InvalidFormat),
    on_warning: Risk::review(-0.5, InvalidFormat),
    fix: FixKind::Sometimes,
    summary: (
        "A URL button's variable is not a single trailing {{1}} with a matching example",
        "Переменная в ссылке кнопки — не одна {{1}} в конце с подходящим примером",
    ),
    docs: rule_docs!(
        r#"# button-url-variable

## What it checks
For each `URL` button whose `url` has a placeholder:
- it is written `{{1}}` (URL buttons have one variable, always number 1);
- there is only one;
- the domain is fixed: `https://{{1}}` hides where the link goes;
- the button has an `example` with one full sample URL, and that URL starts with the fixed part
  of `url`.

A URL without a placeholder but with an `example` is reported as a warning (the example is
ignored and usually means the variable was forgotten). Placement at the end of the URL is
checked by `placeholder-not-allowed`.

## Why
Meta's components reference: URL buttons support "1 variable, appended to the end of the URL"
and need `example: ["<full url with sample>"]` when the variable is present. The seed article
(TextBack, `004:148`) notes that a link hidden in a variable part escapes moderation: a variable
domain is exactly that, and Meta's review treats unknown link targets as a scam signal.

## Examples
Fails: `"url": "https://shop.ru/track/{{2}}"`; `"url": "https://{{1}}"`; a variable URL with no
`example`; `"example": ["https://other.ru/A-1"]` for `https://shop.ru/track/{{1}}`.
Passes: `"url": "https://shop.ru/track/{{1}}", "example": ["https://shop.ru/track/A-1"]`.
"#
    ),
    check,
};

fn check<'a>(cx: &Context<'a>, out: &mut Reporter<'a>) {
    for field in cx
        .fields(Role::ButtonUrl)
        .filter(|f| f.button_kind == Some(crate::template::ButtonKind::Url))
    {
        let Some(button) = field.button.and_then(|i| button_at(cx, field.card, i)) else {
            continue;
        };
        let url = &field.text.value;
        let valid: Vec<_> = field.placeholders.iter().filter(|p| p.is_valid()).collect();
        let report = |range, en: String, ru: String| {
            Report::text(field.text, range, Msg::new(en, ru)).component(ComponentKind::Buttons)
        };
        if valid.is_empty() {
            if let Some(sample) = button.example.first() {
                out.report(
                    Report::text(
                        sample,
                        0..sample.value.len(),
                        Msg::new(
                            "this URL has no {{1}} variable, so its `example` is ignored; was the variable forgotten?",
                            "в ссылке нет переменной {{1}}, поэтому `example` не нужен — может, забыли переменную?",
                        ),
                    )
                    .severity(Severity::Warning)
                    .component(ComponentKind::Buttons),
                );
            }
            continue;
        }
        let first = valid[0];
        if first.kind != Kind::Positional(1) {
            let raw = &url[first.range.clone()];
            out.report(
                report(
                    first.range.clone(),
                    format!("URL button variables are written {{{{1}}}}, not {raw}"),
                    format!("переменная в ссылке кнопки пишется как {{{{1}}}}, а не {raw}"),
                )
                .replace_with(Msg::new("replace with {{1}}", "заменить на {{1}}"), "{{1}}"),
            );
        }
        for extra in &valid[1..] {
            out.report(report(
                extra.range.clone(),
                "a URL button can have only one variable".into(),
                "в ссылке кнопки может быть только одна переменная".into(),
            ));
        }
        let prefix = &url[..first.range.start];
        if !has_fixed_host(prefix) {
            out.report(report(
                first.range.clone(),
                "the variable replaces the domain: Meta needs a fixed domain to review the link"
                    .into(),
                "переменная подменяет домен: Meta нужен постоянный домен, чтобы проверить ссылку"
                    .into(),
            ));
        }
        match button.example.as_slice() {
            [] => out.report(
                Report::node(
                    button.path.clone(),
                    button.span.clone(),
                    Msg::new(
                        "a URL with a variable needs an `example` with a full sample URL",
                        "для ссылки с переменной нужен `example` с полным примером ссылки",
                    ),
                )
                .component(ComponentKind::Buttons)
                .help(Msg::new(
                    format!("add \"example\": [\"{prefix}SAMPLE\"]"),
                    format!("добавьте \"example\": [\"{prefix}ПРИМЕР\"]"),
                )),
            ),
            [sample] if !sample.value.starts_with(prefix) => out.report(
                Report::text(
                    sample,
                    0..sample.value.len(),
                    Msg::new(
                        format!("the example URL should start with the fixed part of the URL, `{prefix}`"),
                        format!("пример должен начинаться с постоянной части ссылки, `{prefix}`"),
                    ),
                )
                .severity(Severity::Warning)
                .component(ComponentKind::Buttons),
            ),
            [_] => {}
            [_, second, ..] => out.report(
                Report::text(
                    second,
                    0..second.value.len(),
                    Msg::new("a URL button takes one example URL", "для кнопки-ссылки нужен один пример"),
                )
                .component(ComponentKind::Buttons),
            ),
        }
    }
}

/// Whether the text before the variable already contains a complete host: `https://shop.ru/`.
fn has_fixed_host(prefix: &str) -> bool {
    let rest = prefix.split_once("://").map_or(prefix, |(_, r)| r);
    match rest.split_once('/') {
        Some((host, _)) => host.contains('.'),
        None => false,
    }
}

fn button_at<'a>(
    cx: &Context<'a>,
    card: Option<usize>,
    i: usize,
) -> Option<&'a crate::template::Button> {
    let components = match card {
        None => &cx.template.components,
        Some(c) => {
            &cx.template
                .component(ComponentKind::Carousel)?
                .cards
                .get(c)?
                .components
        }
    };
    components
        .iter()
        .find(|c| c.kind == ComponentKind::Buttons)?
        .buttons
        .get(i)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::*;

    fn url_button(url: &str, example: Option<&str>) -> String {
        let example = example.map_or(String::new(), |e| format!(r#", "example": ["{e}"]"#));
        with_body(
            "UTILITY",
            "Body.",
            &format!(
                r#"{{"type": "BUTTONS", "buttons": [{{"type": "URL", "text": "Go", "url": "{url}"{example}}}]}}"#
            ),
        )
    }

    #[test]
    fn passes() {
        assert_passes(
            &RULE,
            &[
                &url_button(
                    "https://shop.ru/track/{{1}}",
                    Some("https://shop.ru/track/A-1"),
                ),
                &url_button("https://shop.ru/track", None),
            ],
        );
    }

    #[test]
    fn fails() {
        assert_fails(
            &RULE,
            &[
                (
                    &url_button(
                        "https://shop.ru/track/{{2}}",
                        Some("https://shop.ru/track/A"),
                    ),
                    &["{{2}}"],
                ),
                (
                    &url_button("https://{{1}}", Some("https://evil.ru")),
                    &["{{1}}"],
                ),
                (
                    &url_button("https://shop.ru/{{1}}/{{2}}", Some("https://shop.ru/a/b")),
                    &["{{2}}"],
                ),
                (
                    &url_button("https://shop.ru/track/{{1}}", None),
                    &["components[1].buttons[0]"],
                ),
                (
                    &url_button("https://shop.ru/track/{{1}}", Some("https://other.ru/A-1")),
                    &["https://other.ru/A-1"],
                ),
                (
                    &url_button("https://shop.ru/track", Some("https://shop.ru/track/1")),
                    &["https://shop.ru/track/1"],
                ),
            ],
        );
    }
}
