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
}

impl LintOptions {
    /// Checks that every configured rule exists.
    pub fn validate(&self) -> Result<(), Msg> {
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
