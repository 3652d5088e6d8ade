use super::{Context, Reporter, Rule};
use crate::diagnostic::{Report, Severity};
use crate::domain::{self, hosts, owned};
use crate::l10n::Msg;
use crate::moderation::RejectionReason::InvalidFormat;
use crate::moderation::{ErrorEffect, FixKind, Risk};

pub static RULE: Rule = Rule {
    id: "unowned-domain",
    default_severity: Severity::Warning,
    on_error: ErrorEffect::Reject(InvalidFormat),
    on_warning: Risk::review(-0.8, InvalidFormat)
        .with_complaints(1, ("links to other domains", "ссылки на чужие домены")),
    fix: FixKind::None,
    summary: (
        "A link to a domain the business does not own",
        "Ссылка на домен, который не принадлежит компании",
    ),
    docs: rule_docs!(
        r#"# unowned-domain

## What it checks
With owned domains configured (`--owned-domain shop.ru`, `owned_domains` in `walint.toml`, or
the `ownedDomains` option of the JavaScript API), every link whose registrable domain (eTLD+1
by the Public Suffix List: `www.shop.example.co.uk` → `example.co.uk`) is not one of them.
Subdomains of an owned domain are fine (`m.shop.ru`); `shop.ru.evil.com` is not (its
registrable domain is `evil.com`, and `lookalike-domain` reports it). Internationalised hosts are
compared in their IDNA (punycode) form, so `пример.рф` and `xn--e1afmkfd.xn--p1ai` are the same
domain. Links to shorteners and to WhatsApp are left to `url-shortener` and `whatsapp-link`.

With no owned domain configured, a template with links gets one info: they cannot be checked.

## Why
Meta's guidelines: "The URL domain in your links should belong to your business"; the seed
article (TextBack, `004:148`): «домен в вашей ссылке должен принадлежать вашей компании».
Links elsewhere (partner and affiliate links, marketplaces) are a common reason for review and
complaints.

## Examples
Warns (owned `romashka-shop.ru`): `https://partner-store.com/sale`.
Passes (owned `romashka-shop.ru`): `https://romashka-shop.ru/sale`; `https://m.romashka-shop.ru/`.
"#
    ),
    check,
};

/// Links the other link rules report instead.
fn left_to_other_rules(host: &str) -> bool {
    hosts::is_shortener(host) || hosts::is_whatsapp(host) || domain::is_ip(host)
}

fn check<'a>(cx: &Context<'a>, out: &mut Reporter<'a>) {
    let owned = cx.owned;
    for field in &cx.fields {
        for link in &field.facts.links {
            let host = &link.hostname;
            if left_to_other_rules(host) {
                continue;
            }
            let Some(registrable) = link.registrable() else {
                continue;
            };
            if owned.is_empty() {
                out.report(
                    Report::text(
                        field.text,
                        link.range(),
                        Msg::new(
                            "links cannot be checked against your domains: none is given",
                            "ссылки не с чем сверить: не указаны домены компании",
                        ),
                    )
                    .severity(Severity::Info)
                    .component(field.component)
                    .help(Msg::new(
                        "list your domains: --owned-domain, owned_domains in walint.toml, or ownedDomains in the JavaScript API",
                        "укажите свои домены: --owned-domain, owned_domains в walint.toml или ownedDomains в JavaScript API",
                    )),
                );
                return; // once per template
            }
            if owned.contains(registrable)
                || owned.imitated(host).is_some()
                || owned::mixed_label(host).is_some()
            {
                continue; // lookalike-domain reports it
            }
            out.report_with(None, || {
                let list = owned.as_slice().join(", ");
                Report::text(
                    field.text,
                    link.range(),
                    Msg::new(
                        format!("{registrable} is not one of your domains ({list}); links should lead to the business's own site"),
                        format!("{registrable} не входит в домены компании ({list}); ссылки должны вести на собственный сайт"),
                    ),
                )
                .component(field.component)
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::options::LintOptions;
    use crate::rules::testing::*;

    fn owned(domains: &[&str]) -> LintOptions {
        LintOptions {
            owned_domains: domains.iter().map(|d| d.to_string()).collect(),
            ..LintOptions::default()
        }
    }

    #[test]
    fn passes() {
        let o = owned(&["romashka-shop.ru", "https://www.Пример.РФ/"]);
        for text in [
            "Заказ: https://romashka-shop.ru/sale и https://m.romashka-shop.ru/",
            "Сайт пример.рф/акция и https://xn--e1afmkfd.xn--p1ai/x",
            "Ссылка bit.ly/x — другое правило",
            "Без ссылок",
            "Track your order at https://shop.romashka-shop.ru/t/1",
        ] {
            assert!(run_with(&RULE, text, &o).is_empty(), "{text}");
        }
    }

    #[test]
    fn fails() {
        let o = owned(&["romashka-shop.ru"]);
        let d = run_with(
            &RULE,
            "Скидки у партнёра: https://partner-store.com/sale и https://romashka-shop.ru",
            &o,
        );
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].severity, Severity::Warning);
        assert!(d[0]
            .message
            .starts_with("partner-store.com is not one of your domains (romashka-shop.ru)"));
        let d = run_with(
            &RULE,
            "See our partner's deals at www.marketplace.com/deals",
            &o,
        );
        assert_eq!(d.len(), 1);
    }

    #[test]
    fn without_owned_domains_one_info() {
        let d = run(&RULE, "https://a.ru и https://b.ru");
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].severity, Severity::Info);
    }
}
