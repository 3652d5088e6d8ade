use super::{Context, Reporter, Rule};
use crate::diagnostic::{Report, Severity};
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
(`src/rules/shorteners.txt`, 55 hosts) covers the international services and the Russian ones
(`clck.ru`, `vk.cc`, `u.to`, `goo.su`, `qps.ru`), plus vendor short domains such as the
TextBack guide's `txtb.me`. A shortener domain you list as owned (`--owned-domain`, a branded
short domain) is not reported.

## Why
WhatsApp Manager blocks them: "URL shorteners (for example, bit.ly, tinyurl, goo.gl) are not
allowed" (`SHORTENED_URL`), and Meta's guidelines say to refrain from them. The seed article
(TextBack, `004:148`) explains why: «они скрывают предполагаемое место назначения ссылки» —
they hide where the link goes, which is also what scams do.

## Examples
Fails: `Подробности: clck.ru/3AbCd`; a URL button with `https://bit.ly/spring-sale`.
Passes: `Подробности: https://romashka-shop.ru/spring`.
"#
    ),
    check,
};

const HOSTS: &str = include_str!("shorteners.txt");

/// Whether `host` (lower case) is a shortener or a subdomain of one.
pub fn is_shortener(host: &str) -> bool {
    HOSTS
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .any(|s| host == s || host.strip_suffix(s).is_some_and(|rest| rest.ends_with('.')))
}

fn check<'a>(cx: &Context<'a>, out: &mut Reporter<'a>) {
    let owned = super::unowned_domain::owned_set(cx);
    for field in &cx.fields {
        for link in cx.links(field) {
            let host = link.host_lower(&field.text.value);
            if !is_shortener(&host)
                || owned
                    .iter()
                    .any(|o| crate::domain::registrable(&host).as_deref() == Some(o))
            {
                continue;
            }
            out.report(
                Report::text(
                    field.text,
                    link.range.clone(),
                    Msg::new(
                        format!("{host} is a URL shortener: Meta does not allow links that hide where they lead"),
                        format!("{host} — сокращатель ссылок: Meta не разрешает ссылки, скрывающие адрес"),
                    ),
                )
                .component(field.component)
                .help(Msg::new("use the full link on your own domain", "укажите полную ссылку на своём домене")),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::options::LintOptions;
    use crate::rules::testing::*;

    #[test]
    fn list_is_large_enough_and_clean() {
        let hosts: Vec<&str> = HOSTS
            .lines()
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .collect();
        assert!(hosts.len() >= 40);
        assert!(hosts.iter().all(|h| h
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'.' || b == b'-')));
        for russian in ["clck.ru", "vk.cc", "u.to", "txtb.me"] {
            assert!(hosts.contains(&russian));
        }
    }

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
                (&button, &["https://bit.ly/spring-sale"]),
            ],
        );
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
