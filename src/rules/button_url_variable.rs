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
- the domain is fixed: `https://{{1}}` or `https://shop{{1}}` hides where the link goes. The
  host ends at the first `/`, `?` or `#`, so `https://shop.com?ref={{1}}` (the query right after
  the host) has a fixed domain;
- the button has one `example`: the sample value of the variable (`BLUE_ELF`) or the whole
  sample URL (`https://shop.ru/track/A-1`). A whole URL on another host than the button's is a
  warning: the reviewer opens the example, and it should go where the button goes.

A URL without a placeholder but with an `example` is reported as a warning (the example is
ignored and usually means the variable was forgotten). Placement at the end of the URL is
checked by `placeholder-not-allowed`.

## Why
Meta's components reference: URL buttons support "1 variable, appended to the end of the URL"
and need an `example` when the variable is present. Meta prints both forms of the example and
calls neither wrong: the components reference's table gives a full URL
(`https://www.luckyshrub.com/shop?promo=summer2023`) and its JSON sample the bare value
(`"example": ["summer2023"]`); the carousel pages define the card button's example as "URL
button URL example variable string" (`BUDDHA`), and the limited-time-offer page as "Example URL
with example variable appended to the end", whose own sample differs from its URL in the query
key (`?ref=` for `?code=`). So only another host is worth a word. The seed article
(TextBack, `004:148`) notes that a link hidden in a variable part escapes moderation: a variable
domain is exactly that, and Meta's review treats unknown link targets as a scam signal.

## Examples
Fails: `{"type": "URL", "text": "Заказ", "url": "https://shop.ru/track/{{2}}", "example": ["https://shop.ru/track/A-1"]}`; `{"type": "URL", "text": "Заказ", "url": "https://{{1}}", "example": ["https://shop.ru"]}`; `{"type": "URL", "text": "Заказ", "url": "https://shop.ru/track/{{1}}"}` (no `example`).
Warns: `{"type": "URL", "text": "Заказ", "url": "https://shop.ru/track/{{1}}", "example": ["https://other.ru/A-1"]}`.
Passes: `{"type": "URL", "text": "Заказ", "url": "https://shop.ru/track/{{1}}", "example": ["https://shop.ru/track/A-1"]}`.
Fixes: `{"type": "URL", "text": "Заказ", "url": "https://shop.ru/track/{{2}}", "example": ["https://shop.ru/track/A-1"]}` → `{"type": "URL", "text": "Заказ", "url": "https://shop.ru/track/{{1}}", "example": ["https://shop.ru/track/A-1"]}`.
Passes: `{"type": "URL", "text": "Акция", "url": "https://shop.com?ref={{1}}", "example": ["summer"]}`.
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
                        "a URL with a variable needs an `example`: a sample value of the variable, or the whole sample URL",
                        "для ссылки с переменной нужен `example`: пример значения переменной или вся ссылка с ним",
                    ),
                )
                .component(ComponentKind::Buttons)
                .help(Msg::new(
                    format!("add \"example\": [\"{prefix}SAMPLE\"]"),
                    format!("добавьте \"example\": [\"{prefix}ПРИМЕР\"]"),
                )),
            ),
            [sample] if on_another_host(&sample.value, prefix) => out.report(
                Report::text(
                    sample,
                    0..sample.value.len(),
                    Msg::new(
                        format!("the example URL goes to another host than the button, whose URL starts `{prefix}`"),
                        format!("пример ведёт на другой хост, чем кнопка: её ссылка начинается с `{prefix}`"),
                    ),
                )
                .help(Msg::new(
                    "give the sample value alone, or the button's URL with the sample value at the end",
                    "укажите только пример значения или ссылку кнопки с примером значения в конце",
                ))
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

/// Whether the text before the variable already contains a complete host: `https://shop.ru/`,
/// `https://shop.ru?ref=`.
fn has_fixed_host(prefix: &str) -> bool {
    host(prefix).is_some_and(|h| h.contains('.'))
}

/// The host of a URL if it is complete (followed by `/`, `?` or `#`), without user info or
/// port; the whole rest when the URL has no scheme.
fn host(url: &str) -> Option<&str> {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let end = rest.find(['/', '?', '#'])?;
    let authority = &rest[..end];
    let host = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
    Some(host.split_once(':').map_or(host, |(h, _)| h))
}

/// Whether an example written as a whole URL (`https://…`) goes to another host than the
/// button's URL. A bare sample value (`BLUE_ELF`) goes where the button goes.
fn on_another_host(sample: &str, prefix: &str) -> bool {
    if !sample.contains("://") {
        return false;
    }
    let complete = |u: &str| {
        let rest = u.split_once("://").map_or(u, |(_, r)| r);
        if rest.contains(['/', '?', '#']) {
            u.to_string()
        } else {
            format!("{u}/")
        }
    };
    match (host(prefix), host(&complete(sample))) {
        (Some(button), Some(example)) => !button.eq_ignore_ascii_case(example),
        _ => false,
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
                // The query right after the host: the domain is fixed.
                &url_button("https://example.com?ref={{1}}", Some("summer")),
                &url_button("https://example.com#{{1}}", Some("https://example.com#top")),
                // The bare sample value (Meta's carousel samples) and a whole URL on the same
                // host with another query key (Meta's limited-time-offer sample).
                &url_button(
                    "https://www.luckyshrub.com/rare-succulents/{{1}}",
                    Some("BLUE_ELF"),
                ),
                &url_button(
                    "https://awesomedestinations.com/offers?code={{1}}",
                    Some("https://awesomedestinations.com/offers?ref=n3mtql"),
                ),
                &url_button("https://Shop.ru:443/t/{{1}}", Some("https://shop.RU")),
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
                    &url_button("https://{{1}}.shop.com/", Some("x")),
                    &["{{1}}"],
                ),
                (
                    &url_button("https://shop.com{{1}}", Some(".evil.ru")),
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
