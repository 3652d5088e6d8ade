use super::{Context, Reporter, Rule};
use crate::diagnostic::{Report, Severity};
use crate::l10n::Msg;
use crate::moderation::RejectionReason::InvalidFormat;
use crate::moderation::{ErrorEffect, FixKind, Risk};
use crate::template::{ButtonKind, ComponentKind};
use crate::text::utf16_len;

/// Meta's limit for a button URL (components reference).
pub const MAX_LEN: usize = 2000;

pub static RULE: Rule = Rule {
    id: "button-url",
    default_severity: Severity::Error,
    on_error: ErrorEffect::Reject(InvalidFormat),
    on_warning: Risk::review(-0.5, InvalidFormat),
    fix: FixKind::Sometimes,
    summary: (
        "A URL button's address is missing, not http(s) or too long",
        "У кнопки-ссылки нет адреса, он не http(s) или слишком длинный",
    ),
    docs: rule_docs!(
        r#"# button-url

## What it checks
Every `URL` button (in the template and in carousel cards) has a `url` that is an absolute
`https://` or `http://` address with a host, has no spaces, and is at most 2000 characters.
A URL written without a scheme (`shop.ru/sale`) gets a fix that adds `https://`.

## Why
Meta's components reference: URL buttons take a `url` of up to 2000 characters. WhatsApp
Manager rejects invalid URLs (`INVALID_URL`, "valid http(s) URL"). A relative or scheme-less
address is not opened by WhatsApp clients as a link.

## Examples
Fails: `{"type": "URL", "text": "Сайт", "url": "shop.ru/sale"}`; `{"type": "URL", "text": "Файл", "url": "ftp://shop.ru/file"}`; `{"type": "URL", "text": "Сайт"}` (no `url`).
Passes: `{"type": "URL", "text": "Сайт", "url": "https://shop.ru/sale"}`.
Fixes: `{"type": "URL", "text": "Сайт", "url": "shop.ru/sale"}` → `{"type": "URL", "text": "Сайт", "url": "https://shop.ru/sale"}`.
"#
    ),
    check,
};

fn check<'a>(cx: &Context<'a>, out: &mut Reporter<'a>) {
    let top = cx.template.components_of(ComponentKind::Buttons);
    let cards = cx
        .template
        .components_of(ComponentKind::Carousel)
        .flat_map(|c| &c.cards)
        .flat_map(|card| {
            card.components
                .iter()
                .filter(|c| c.kind == ComponentKind::Buttons)
        });
    for component in top.chain(cards) {
        for b in component
            .buttons
            .iter()
            .filter(|b| b.kind == ButtonKind::Url)
        {
            let Some(url) = b.url.as_ref().filter(|u| !u.value.trim().is_empty()) else {
                out.report(
                    Report::node(
                        b.path.clone(),
                        b.span.clone(),
                        Msg::new("the URL button has no `url`", "у кнопки-ссылки нет `url`"),
                    )
                    .component(ComponentKind::Buttons),
                );
                continue;
            };
            let value = &url.value;
            let whole = 0..value.len();
            let report = |en: String, ru: String| {
                Report::text(url, whole.clone(), Msg::new(en, ru)).component(ComponentKind::Buttons)
            };
            let len = utf16_len(value);
            if len > MAX_LEN {
                out.report(report(
                    format!("the URL is {len} characters long; Meta allows {MAX_LEN}"),
                    format!("длина ссылки {len} символов; Meta допускает {MAX_LEN}"),
                ));
            }
            if let Some(space) = value.trim().find(char::is_whitespace) {
                let at = value.len() - value.trim_start().len() + space;
                let end = at + value[at..].chars().next().map_or(1, char::len_utf8);
                out.report(
                    Report::text(
                        url,
                        at..end,
                        Msg::new(
                            "the URL contains a space; encode it as %20",
                            "в ссылке пробел; замените его на %20",
                        ),
                    )
                    .component(ComponentKind::Buttons),
                );
            }
            match value.split_once("://") {
                Some((scheme, rest)) => {
                    let scheme_l = scheme.to_ascii_lowercase();
                    if scheme_l != "https" && scheme_l != "http" {
                        out.report(report(
                            format!("`{scheme}://` links cannot be opened from a button; use https://"),
                            format!("ссылки `{scheme}://` не открываются из кнопки; используйте https://"),
                        ));
                    } else if rest
                        .split(['/', '?', '#'])
                        .next()
                        .is_none_or(|h| h.is_empty())
                    {
                        out.report(report(
                            "the URL has no host name".into(),
                            "в ссылке нет имени сайта".into(),
                        ));
                    }
                }
                None => out.report(
                    report(
                        format!("`{value}` is not an absolute URL; it needs https://"),
                        format!("`{value}` — неполная ссылка; нужен префикс https://"),
                    )
                    .fix(
                        Msg::new("add https://", "добавить https://"),
                        vec![crate::diagnostic::EditSpec::Replace {
                            text: url,
                            range: 0..0,
                            replacement: "https://".into(),
                        }],
                    ),
                ),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::*;

    fn url_button(url: Option<&str>) -> String {
        let url = url.map_or(String::new(), |u| {
            format!(r#", "url": {}"#, serde_json::to_string(u).unwrap())
        });
        with_body(
            "UTILITY",
            "Body.",
            &format!(r#"{{"type": "BUTTONS", "buttons": [{{"type": "URL", "text": "Go"{url}}}]}}"#),
        )
    }

    #[test]
    fn passes() {
        assert_passes(
            &RULE,
            &[
                &url_button(Some("https://shop.ru/sale")),
                &url_button(Some("http://shop.ru/t/{{1}}")),
            ],
        );
    }

    #[test]
    fn fails() {
        let long = format!("https://shop.ru/{}", "a".repeat(2000));
        assert_fails(
            &RULE,
            &[
                (&url_button(Some("shop.ru/sale")), &["shop.ru/sale"]),
                (
                    &url_button(Some("ftp://shop.ru/file")),
                    &["ftp://shop.ru/file"],
                ),
                (&url_button(Some("https:///x")), &["https:///x"]),
                (&url_button(Some("https://shop.ru/my sale")), &[" "]),
                (&url_button(None), &["components[1].buttons[0]"]),
                (&url_button(Some(&long)), &[long.as_str()]),
            ],
        );
        let d = run(&RULE, &url_button(Some("shop.ru/sale")));
        assert!(d[0].fix.is_some());
    }
}
