use super::{Context, Reporter, Rule};
use crate::diagnostic::{Report, Severity};
use crate::domain::hosts;
use crate::l10n::Msg;
use crate::moderation::RejectionReason::InvalidFormat;
use crate::moderation::{ErrorEffect, FixKind, Risk};

pub static RULE: Rule = Rule {
    id: "url-shortener",
    default_severity: Severity::Error,
    on_error: ErrorEffect::Reject(InvalidFormat),
    on_warning: Risk::review(-0.5, InvalidFormat)
        .with_complaints(1, ("shortened links", "сокращённые ссылки")),
    fix: FixKind::None,
    summary: (
        "A link through a URL shortener (bit.ly, clck.ru, …)",
        "Ссылка через сокращатель (bit.ly, clck.ru, …)",
    ),
    docs: rule_docs!(
        r#"# url-shortener

## What it checks
Links to URL shorteners anywhere in the template: body, header, footer, button labels and
URLs, and example values; with or without `https://` (`bit.ly/x`, `clck.ru/abc`). The list
(`src/domain/shorteners.txt`, 55 hosts) covers the international services and the Russian ones
(`clck.ru`, `vk.cc`, `u.to`, `goo.su`, `qps.ru`), plus vendor short domains such as the
TextBack guide's `txtb.me`. A shortener domain you list as owned (`--owned-domain`, a branded
short domain) is not reported.

Google Maps share links (`https://maps.app.goo.gl/…`, the older `https://goo.gl/maps/…`) are
not reported as shorteners; they get an info that the link does not show which place it opens.
Every other `goo.gl` link is an error.

## Why
WhatsApp Manager blocks them: "URL shorteners (for example, bit.ly, tinyurl, goo.gl) are not
allowed" (`SHORTENED_URL`), and Meta's guidelines say to refrain from them. The seed article
(TextBack, `004:148`) explains why: «они скрывают предполагаемое место назначения ссылки» —
they hide where the link goes, which is also what scams do.

Why Google Maps share links are not errors: Meta's example `goo.gl` names Google's *general*
shortener, which could hide any destination; Google stopped creating such links in 2018 and
turned their redirects off on August 25, 2025, except for links "generated via Google apps such
as Maps for location sharing". A Maps share link is made by Google Maps and opens only a place
in Google Maps, and Meta approved a UTILITY template whose body links
`https://goo.gl/maps/VJqPrspq7qcy1qF78` (walint's corpus, `gh-idlisting-location.json`). Meta
does not publish the host list behind `SHORTENED_URL`, so this is a judgement, not a quote: if
a Maps link is refused, a `LOCATION` header or a full `https://www.google.com/maps/…` link shows
the place openly.

## Examples
Fails: `Подробности: clck.ru/3AbCd`; `{"type": "URL", "text": "Купить", "url": "https://bit.ly/spring-sale"}`.
Info: `Мы здесь: https://maps.app.goo.gl/Xyz123`.
Passes: `Подробности: https://romashka-shop.ru/spring`.
"#
    ),
    check,
};

/// A link Google Maps makes to share a place: `maps.app.goo.gl/<id>` or `goo.gl/maps/<id>`
/// (`path` is what follows the host).
fn is_maps_share_link(host: &str, path: &str) -> bool {
    host == "maps.app.goo.gl"
        || (host == "goo.gl" && {
            let path = path.strip_prefix('/').unwrap_or(path);
            path.get(..5)
                .is_some_and(|p| p.eq_ignore_ascii_case("maps/"))
        })
}

fn check<'a>(cx: &Context<'a>, out: &mut Reporter<'a>) {
    for field in &cx.fields {
        for link in &field.facts.links {
            let host = &link.hostname;
            let path = &field.text.value[link.host.end..link.range.end];
            if is_maps_share_link(host, path) {
                out.report(
                    Report::text(
                        field.text,
                        link.range(),
                        Msg::new(
                            "a Google Maps share link: not a URL shortener, but the text does not show which place it opens",
                            "ссылка Google Maps: это не сокращатель, но из текста не видно, какое место она откроет",
                        ),
                    )
                    .severity(Severity::Info)
                    .component(field.component)
                    .help(Msg::new(
                        "a LOCATION header or a full https://www.google.com/maps/… link shows the place openly",
                        "заголовок LOCATION или полная ссылка https://www.google.com/maps/… показывают место открыто",
                    )),
                );
                continue;
            }
            // A branded short domain the business owns is its own.
            if !hosts::is_shortener(host)
                || link.registrable().is_some_and(|r| cx.owned.contains(r))
            {
                continue;
            }
            out.report_with(None, || {
                Report::text(
                    field.text,
                    link.range(),
                    cx.msg(
                        || format!("{host} is a URL shortener: Meta does not allow links that hide where they lead"),
                        || format!("{host} — сокращатель ссылок: Meta не разрешает ссылки, скрывающие адрес"),
                    ),
                )
                .component(field.component)
                .help(cx.msg(|| "use the full link on your own domain", || "укажите полную ссылку на своём домене"))
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::options::LintOptions;
    use crate::rules::testing::*;

    #[test]
    fn passes() {
        assert_passes(
            &RULE,
            &[
                "Подробности: https://romashka-shop.ru/spring",
                "Посетите bitly-shop.ru",
                "Ссылка: notbit.ly/x",
            ],
        );
    }

    #[test]
    fn fails() {
        let button = with_body(
            "MARKETING",
            "Body.",
            r#"{"type": "BUTTONS", "buttons": [{"type": "URL", "text": "Go", "url": "https://bit.ly/spring-sale"}]}"#,
        );
        assert_fails(
            &RULE,
            &[
                (
                    "Подробности: clck.ru/3AbCd и https://vk.cc/xyz.",
                    &["clck.ru/3AbCd", "https://vk.cc/xyz"],
                ),
                ("Демо: txtb.me/bonus", &["txtb.me/bonus"]),
                ("See HTTPS://Bit.Ly/Abc", &["HTTPS://Bit.Ly/Abc"]),
                (
                    "Old link: https://goo.gl/abc123",
                    &["https://goo.gl/abc123"],
                ),
                (
                    "Old link: https://goo.gl/mapsXYZ",
                    &["https://goo.gl/mapsXYZ"],
                ),
                (&button, &["https://bit.ly/spring-sale"]),
            ],
        );
    }

    #[test]
    fn google_maps_share_links_are_an_info_not_an_error() {
        for body in [
            "We are here: https://maps.app.goo.gl/Xyz123",
            "This is the location : https://goo.gl/maps/VJqPrspq7qcy1qF78",
            "Map: goo.gl/Maps/abc",
        ] {
            let d = run(&RULE, body);
            assert_eq!(d.len(), 1, "{body}: {d:#?}");
            assert_eq!(d[0].severity, Severity::Info, "{body}");
            assert!(d[0].message.contains("Google Maps"), "{body}");
        }
    }

    #[test]
    fn an_owned_short_domain_is_fine() {
        let options = LintOptions {
            owned_domains: vec!["txtb.me".into()],
            ..LintOptions::default()
        };
        assert!(run_with(&RULE, "Демо: txtb.me/bonus", &options).is_empty());
    }
}
