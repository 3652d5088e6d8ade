//! `walint.toml`: the project's settings, found upwards from the current directory.

use super::discover::Scope;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use walint::LintOptions;

pub const FILE_NAME: &str = "walint.toml";

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    pub profile: Option<String>,
    pub lang: Option<String>,
    #[serde(default)]
    pub owned_domains: Vec<String>,
    /// Rule id → "off" | "info" | "warning" | "error".
    #[serde(default)]
    pub rules: BTreeMap<String, String>,
    /// Globs (relative to this file's folder) of files that are templates although a folder
    /// walk would not take them: `.txt` drafts, JSON walint does not recognise.
    #[serde(default)]
    pub include: Vec<String>,
    /// Globs of files and folders that folder walks leave out.
    #[serde(default)]
    pub exclude: Vec<String>,
}

/// Finds `walint.toml` in `start` or the nearest directory above it.
pub fn discover(start: &Path) -> Option<PathBuf> {
    start
        .ancestors()
        .map(|d| d.join(FILE_NAME))
        .find(|p| p.is_file())
}

pub fn load(path: &Path) -> Result<Config, String> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    toml::from_str(&text).map_err(|e| format!("{}: {}", path.display(), e.message()))
}

impl Config {
    /// The folder walks' scope: `include` and `exclude` relative to `base`, the folder of the
    /// settings file.
    pub fn scope(&self, base: &Path, origin: &str) -> Result<Scope, String> {
        Scope::new(base, &self.include, &self.exclude, origin)
    }

    /// Turns the file's settings into lint options, checked by the same reader as the
    /// JavaScript `Linter`'s options ([`walint::options::Settings`]); `origin` names the file
    /// in errors.
    pub fn into_options(self, origin: &str) -> Result<LintOptions, String> {
        walint::options::Settings {
            profile: self.profile,
            lang: self.lang,
            owned_domains: self.owned_domains,
            disabled_rules: Vec::new(),
            rules: self.rules,
            max_findings: None,
        }
        .into_options()
        .map_err(|m| format!("{origin}: {}", m.en))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use walint::{Lang, Profile, RuleLevel};

    #[test]
    fn reads_settings() {
        let c: Config = toml::from_str(
            r#"
            profile = "business-app"
            lang = "ru"
            owned_domains = ["shop.ru"]
            [rules]
            placeholder-density = "off"
            body-too-long = "warning"
            "#,
        )
        .unwrap();
        let o = c.into_options("walint.toml").unwrap();
        assert_eq!(o.profile, Profile::BusinessApp);
        assert_eq!(o.lang, Lang::Ru);
        assert_eq!(o.owned_domains, ["shop.ru"]);
        assert_eq!(o.level("placeholder-density"), Some(RuleLevel::Off));
    }

    #[test]
    fn reads_include_and_exclude_globs() {
        let c: Config =
            toml::from_str("include = [\"drafts/**/*.txt\"]\nexclude = [\"old\"]").unwrap();
        assert_eq!((c.include.len(), c.exclude.len()), (1, 1));
        assert!(c.scope(Path::new("."), "walint.toml").is_ok());
        let c: Config = toml::from_str("include = [\"drafts/[*.txt\"]").unwrap();
        let e = c.scope(Path::new("."), "walint.toml").unwrap_err();
        assert!(
            e.starts_with("walint.toml: include: bad glob \"drafts/[*.txt\""),
            "{e}"
        );
        let c: Config = toml::from_str("owned_domains = [\"shop\"]").unwrap();
        assert!(c
            .into_options("walint.toml")
            .unwrap_err()
            .contains("\"shop\""));
    }

    #[test]
    fn rejects_unknown_things() {
        assert!(toml::from_str::<Config>("colour = true").is_err());
        let c: Config = toml::from_str("[rules]\nno-such-rule = \"off\"").unwrap();
        assert_eq!(
            c.into_options("w.toml").unwrap_err(),
            "w.toml: unknown rule `no-such-rule` (run `walint rules` to list them)"
        );
        let c: Config = toml::from_str("[rules]\nbody-too-long = \"loud\"").unwrap();
        assert!(c
            .into_options("w.toml")
            .unwrap_err()
            .contains("the level must be"));
    }
}
