use super::{Context, Reporter, Rule};
use crate::diagnostic::{Report, Severity};
use crate::domain;
use crate::domain::confusables;
use crate::l10n::Msg;
use crate::moderation::RejectionReason::Scam;
use crate::moderation::{ErrorEffect, FixKind, Risk};

pub static RULE: Rule = Rule {
    id: "lookalike-domain",
    default_severity: Severity::Error,
    on_error: ErrorEffect::Reject(Scam),
    on_warning: Risk::review(-0.5, Scam),
    fix: FixKind::None,
    summary: (
        "A link's host imitates a domain (mixed alphabets, confusable letters, or an owned domain as a subdomain)",
        "Адрес ссылки подделывается под домен (смесь алфавитов, похожие буквы или домен компании как поддомен)",
    ),
    docs: rule_docs!(r#"# lookalike-domain

## What it checks
Hosts built to look like someone else's domain:
- a label that mixes alphabets (`rоmashka-shop.ru` with a Cyrillic `о`), reported always;
- with owned domains configured: a host whose registrable domain differs from an owned one but
  looks the same under Unicode TR39 confusable folding (`rоmashka-shop.ru`,
  `rornashka-shop.ru` with `rn` for `m`, punycode forms of the same);
- a host that carries an owned domain as its subdomain (`romashka-shop.ru.evil.com`).

## Why
These are the classic phishing forms. Meta rejects scam-like content (rejection reason `SCAM`)
and treats links that do not lead where they seem to as abuse; a template with one would also
draw user reports. Hosts are decoded from punycode before comparing, and compared by their
confusable skeletons (a compact form of Unicode TR39 covering the Cyrillic, Greek and digit
look-alikes of Latin letters and the `rn`/`m`, `vv`/`w` pairs; see `src/domain/confusables.rs`).

## Examples
Fails (owned `romashka-shop.ru`): `https://romashka-shop.ru.secure-pay.com/`,
`https://rоmashka-shop.ru/` (Cyrillic о), `https://xn--rmashka-shop-4fk.ru/`.
Passes: `https://romashka-shop.ru/`, `https://help.romashka-shop.ru/`.
"#),
    check,
};

/// A label mixing alphabets, if any (`rоmashka`): the spoofing form that needs no owned list.
fn mixed_label(host: &str) -> Option<String> {
    domain::to_unicode(host)
        .split('.')
        .find(|l| confusables::is_mixed_script(l))
        .map(str::to_string)
}

/// Whether `host` imitates one of the `owned` registrable domains (ASCII) without being it.
pub fn imitates(host: &str, owned: &[String]) -> bool {
    imitated(host, owned).is_some() || mixed_label(host).is_some()
}

fn imitated<'o>(host: &str, owned: &'o [String]) -> Option<&'o String> {
    let registrable = domain::registrable(host)?;
    let ascii = domain::to_ascii(host)?;
    owned.iter().find(|o| {
        if **o == registrable {
            return false;
        }
        let embedded = ascii.starts_with(&format!("{o}.")) || ascii.contains(&format!(".{o}."));
        embedded
            || confusables::skeleton(&domain::to_unicode(&registrable))
                == confusables::skeleton(&domain::to_unicode(o))
    })
}

fn check<'a>(cx: &Context<'a>, out: &mut Reporter<'a>) {
    let owned = super::unowned_domain::owned_set(cx);
    for field in &cx.fields {
        for link in cx.links(field) {
            let host = link.host_lower(&field.text.value);
            let message = if let Some(o) = imitated(&host, &owned) {
                Msg::new(
                    format!("{host} imitates your domain {o} but belongs to someone else"),
                    format!(
                        "{host} выдаёт себя за ваш домен {o}, но принадлежит другому владельцу"
                    ),
                )
            } else if let Some(label) = mixed_label(&host) {
                Msg::new(
                    format!("the host {host} mixes alphabets in \"{label}\": a spoofing technique"),
                    format!("в адресе {host} смешаны алфавиты («{label}»): так подделывают адреса"),
                )
            } else {
                continue;
            };
            out.report(
                Report::text(field.text, link.range.clone(), message).component(field.component),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::options::LintOptions;
    use crate::rules::testing::*;

    fn owned() -> LintOptions {
        LintOptions {
            owned_domains: vec!["romashka-shop.ru".into()],
            ..LintOptions::default()
        }
    }

    #[test]
    fn passes() {
        for text in [
            "https://romashka-shop.ru/",
            "https://help.romashka-shop.ru/",
            "https://other.com",
            "сайт пример.рф",
        ] {
            assert!(run_with(&RULE, text, &owned()).is_empty(), "{text}");
        }
    }

    #[test]
    fn fails() {
        for (text, flagged) in [
            (
                "Оплата: https://romashka-shop.ru.secure-pay.com/a",
                "https://romashka-shop.ru.secure-pay.com/a",
            ),
            (
                "Вход: https://rоmashka-shop.ru/",
                "https://rоmashka-shop.ru/",
            ),
            (
                "Вход: https://rornashka-shop.ru/",
                "https://rornashka-shop.ru/",
            ),
            (
                "Вход: https://xn--rmashka-shop-4fk.ru/",
                "https://xn--rmashka-shop-4fk.ru/",
            ),
            (
                "Log in at https://romashka-shop.ru.account-verify.net/login",
                "https://romashka-shop.ru.account-verify.net/login",
            ),
        ] {
            let d = run_with(&RULE, text, &owned());
            assert_eq!(d.len(), 1, "{text}: {d:?}");
            let r = d[0].range.unwrap();
            assert_eq!(&text[r.start..r.end], flagged);
        }
    }

    #[test]
    fn mixed_alphabets_without_owned_domains() {
        assert_eq!(run(&RULE, "Вход: https://rоmashka-shop.ru/").len(), 1);
    }
}
