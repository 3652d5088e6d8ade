//! What the caller can configure.

use crate::diagnostic::Severity;
use crate::l10n::{Lang, Msg};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Where the message will be sent from; it decides the length limits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, Hash)]
#[serde(rename_all = "kebab-case")]
pub enum Profile {
    /// A message template submitted through the Cloud API / a BSP (the default).
    #[default]
    Api,
    /// A broadcast from the WhatsApp Business app (the seed articles' 500-character advice).
    BusinessApp,
}

impl Profile {
    pub fn parse(s: &str) -> Option<Profile> {
        match s {
            "api" => Some(Profile::Api),
            "business-app" => Some(Profile::BusinessApp),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Profile::Api => "api",
            Profile::BusinessApp => "business-app",
        }
    }
}

/// A rule's configured level: off, or a severity that replaces the rule's own.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum RuleLevel {
    Off,
    Info,
    Warning,
    Error,
}

impl RuleLevel {
    pub fn parse(s: &str) -> Option<RuleLevel> {
        match s {
            "off" => Some(RuleLevel::Off),
            "info" => Some(RuleLevel::Info),
            "warning" | "warn" => Some(RuleLevel::Warning),
            "error" => Some(RuleLevel::Error),
            _ => None,
        }
    }

    pub fn severity(self) -> Option<Severity> {
        match self {
            RuleLevel::Off => None,
            RuleLevel::Info => Some(Severity::Info),
            RuleLevel::Warning => Some(Severity::Warning),
            RuleLevel::Error => Some(Severity::Error),
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct LintOptions {
    pub profile: Profile,
    /// Domains the business owns (`example.ru`); links elsewhere are reported.
    pub owned_domains: Vec<String>,
    /// Language of messages, help and fixes.
    pub lang: Lang,
    /// Per-rule levels: `"off"` disables a rule, a severity replaces the rule's own.
    pub rules: BTreeMap<String, RuleLevel>,
    /// The most findings one input may list; the rest are counted in one closing finding (an
    /// edge function bounds its answer with it). `None`: no limit.
    pub max_findings: Option<usize>,
}

/// Settings as people write them, in `walint.toml` (`owned_domains`) or as the options of the
/// JavaScript `Linter` (`ownedDomains`): one reader for both, through serde, and one check
/// ([`Settings::into_options`]) with messages in English and Russian.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Settings {
    pub profile: Option<String>,
    pub lang: Option<String>,
    #[serde(default, alias = "ownedDomains")]
    pub owned_domains: Vec<String>,
    /// Rule ids to turn off (the same as `rules: {id: "off"}`; this list wins).
    #[serde(default, alias = "disabledRules")]
    pub disabled_rules: Vec<String>,
    /// Rule id → `"off"` | `"info"` | `"warning"` | `"error"`.
    #[serde(default)]
    pub rules: BTreeMap<String, String>,
    /// The most findings one input may list (see [`LintOptions::max_findings`]).
    #[serde(default, alias = "maxFindings")]
    pub max_findings: Option<usize>,
}

impl Settings {
    /// The options these settings give, or what is wrong with them.
    pub fn into_options(self) -> Result<LintOptions, Msg> {
        let mut options = LintOptions::default();
        if let Some(l) = &self.lang {
            options.lang = match l.as_str() {
                "en" => Lang::En,
                "ru" => Lang::Ru,
                _ => {
                    return Err(Msg::new(
                        format!("`lang` must be \"en\" or \"ru\", got \"{l}\""),
                        format!("`lang` должно быть \"en\" или \"ru\", а получено \"{l}\""),
                    ))
                }
            };
        }
        if let Some(p) = &self.profile {
            options.profile = Profile::parse(p).ok_or_else(|| {
                Msg::new(
                    format!("`profile` must be \"api\" or \"business-app\", got \"{p}\""),
                    format!(
                        "`profile` должно быть \"api\" или \"business-app\", а получено \"{p}\""
                    ),
                )
            })?;
        }
        options.owned_domains = self.owned_domains;
        options.max_findings = self.max_findings;
        for (rule, level) in self.rules {
            let level = RuleLevel::parse(&level).ok_or_else(|| {
                Msg::new(
                    format!("rule `{rule}`: the level must be \"off\", \"info\", \"warning\" or \"error\", got \"{level}\""),
                    format!("правило `{rule}`: уровень должен быть \"off\", \"info\", \"warning\" или \"error\", а получено \"{level}\""),
                )
            })?;
            options.rules.insert(rule, level);
        }
        for rule in self.disabled_rules {
            options.rules.insert(rule, RuleLevel::Off);
        }
        options.validate()?;
        Ok(options)
    }
}

impl LintOptions {
    /// Checks that every configured rule exists and every owned domain is a domain
    /// ([`owned_domain`]).
    pub fn validate(&self) -> Result<(), Msg> {
        for d in &self.owned_domains {
            owned_domain(d)?;
        }
        for id in self.rules.keys() {
            if crate::rules::find(id).is_none() {
                return Err(Msg::new(
                    format!("unknown rule `{id}` (run `walint rules` to list them)"),
                    format!("неизвестное правило `{id}` (список правил: `walint rules`)"),
                ));
            }
        }
        Ok(())
    }

    pub fn level(&self, rule: &str) -> Option<RuleLevel> {
        self.rules.get(rule).copied()
    }
}

/// The registrable domain (eTLD+1) an owned domain stands for, from what people write: a
/// domain (`shop.ru`), a host (`www.shop.ru`), a URL (`https://www.shop.ru/sale`), a wildcard
/// (`*.shop.ru`; an owned domain always covers its subdomains), in any case or in Unicode
/// (`Пример.РФ`). A domain under a zone the Public Suffix List does not know (`shop.example`,
/// `corp.internal`) is taken as written. Refused, with a reason for a marketer: an empty
/// value, what is not a domain name (`exa mple..com`), an IP address, a bare word (`shop`),
/// and a public suffix that many owners share (`co.uk`, `.shop`).
pub fn owned_domain(input: &str) -> Result<String, Msg> {
    use crate::domain;
    let refuse = |en: &str, ru: &str| {
        Err(Msg::new(
            format!("owned domain \"{input}\": {en}"),
            format!("домен компании «{input}»: {ru}"),
        ))
    };
    let d = input.trim();
    let d = d.split_once("://").map_or(d, |(_, rest)| rest);
    let host = d.split(['/', '?', '#']).next().unwrap_or(d);
    let host = host.rsplit_once('@').map_or(host, |(_, h)| h);
    let host = match host.rsplit_once(':') {
        Some((h, port)) if !port.is_empty() && port.bytes().all(|b| b.is_ascii_digit()) => h,
        _ => host,
    };
    let host = host.strip_prefix("*.").unwrap_or(host);
    if host.trim_end_matches('.').is_empty() {
        return refuse(
            "it is empty; give a domain such as shop.ru",
            "значение пустое; укажите домен, например shop.ru",
        );
    }
    if domain::is_ip(host) {
        return refuse(
            "an IP address is not a domain; give the domain your links use, such as shop.ru",
            "IP-адрес — не домен; укажите домен ваших ссылок, например shop.ru",
        );
    }
    let Some(ascii) = domain::to_ascii(host) else {
        return refuse(
            "this is not a domain name (letters, digits and hyphens, with dots between the parts, such as shop.ru)",
            "это не доменное имя (буквы, цифры и дефисы, части через точку, например shop.ru)",
        );
    };
    if let Some(registrable) = domain::registrable(&ascii) {
        return Ok(registrable);
    }
    let top = ascii.rsplit('.').next().unwrap_or(&ascii);
    if domain::is_known_suffix(top) {
        return refuse(
            "this is a public suffix that many owners share (like .shop or .co.uk), not a domain of your own; give the whole domain, such as shop.ru",
            "это общая доменная зона (как .shop или .co.uk), а не ваш домен; укажите домен целиком, например shop.ru",
        );
    }
    if !ascii.contains('.') {
        return refuse(
            "this is not a full domain name; give it with its zone, such as shop.ru",
            "это не полное доменное имя; укажите его вместе с зоной, например shop.ru",
        );
    }
    Ok(ascii)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn owned_domains_are_registrable_domains() {
        for (input, domain) in [
            ("shop.ru", "shop.ru"),
            ("*.shop.ru", "shop.ru"),
            ("www.Shop.RU.", "shop.ru"),
            ("https://user@m.shop.ru:8443/sale?x#y", "shop.ru"),
            ("Пример.РФ", "xn--e1afmkfd.xn--p1ai"),
            ("shop.example.co.uk", "example.co.uk"),
            ("shop.example", "shop.example"),
        ] {
            assert_eq!(
                owned_domain(input).as_ref().map(String::as_str),
                Ok(domain),
                "{input}"
            );
        }
        for (input, reason) in [
            ("", "empty"),
            ("  ", "empty"),
            ("*.", "empty"),
            ("exa mple..com", "not a domain name"),
            ("shop.*", "not a domain name"),
            ("shop", "public suffix"),
            ("co.uk", "public suffix"),
            ("*.ru", "public suffix"),
            ("localhost", "not a full domain name"),
            ("192.168.0.1", "IP address"),
        ] {
            let e = owned_domain(input).unwrap_err();
            assert!(e.en.contains(reason), "{input}: {}", e.en);
            assert!(e.en.contains(&format!("\"{input}\"")), "{}", e.en);
            assert!(!e.ru.is_empty());
        }
    }

    #[test]
    fn validation_checks_owned_domains() {
        let options = LintOptions {
            owned_domains: vec!["shop.ru".into(), "shop".into()],
            ..LintOptions::default()
        };
        assert!(options.validate().unwrap_err().en.contains("\"shop\""));
    }
}
