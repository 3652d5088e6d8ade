//! Messages in the two interface languages.
//!
//! Every user-facing sentence is written in English and in Russian at the place where it is
//! produced, so a translation cannot drift away from the code that fills in its numbers.

use serde::{Deserialize, Serialize};
use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, Hash)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    En,
    Ru,
}

impl Lang {
    pub fn parse(s: &str) -> Option<Lang> {
        match s.to_ascii_lowercase().as_str() {
            "en" | "english" => Some(Lang::En),
            "ru" | "russian" => Some(Lang::Ru),
            _ => None,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Ru => "ru",
        }
    }
}

/// One sentence in both languages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Msg {
    pub en: String,
    pub ru: String,
}

impl Msg {
    pub fn new(en: impl Into<String>, ru: impl Into<String>) -> Self {
        Msg {
            en: en.into(),
            ru: ru.into(),
        }
    }

    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::En => &self.en,
            Lang::Ru => &self.ru,
        }
    }

    /// The sentence in `lang` alone, the other language left empty; only the language asked is
    /// written. For what a finding says: a diagnostic carries the message, help and fix in the
    /// options' language only, and a body with thousands of findings would otherwise format
    /// every sentence twice to drop half of them. Such a `Msg` is read with
    /// [`Msg::into_lang`] or [`Msg::get`] in the same `lang`, never shown in the other.
    pub fn one<E: Into<String>, R: Into<String>>(
        lang: Lang,
        en: impl FnOnce() -> E,
        ru: impl FnOnce() -> R,
    ) -> Self {
        match lang {
            Lang::En => Msg {
                en: en().into(),
                ru: String::new(),
            },
            Lang::Ru => Msg {
                en: String::new(),
                ru: ru().into(),
            },
        }
    }

    /// The message in `lang`, taken rather than copied.
    pub fn into_lang(self, lang: Lang) -> String {
        match lang {
            Lang::En => self.en,
            Lang::Ru => self.ru,
        }
    }
}

impl fmt::Display for Msg {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.en)
    }
}

/// Russian plural form for a count: `plural_ru(n, "символ", "символа", "символов")`.
pub fn plural_ru<'a>(n: usize, one: &'a str, few: &'a str, many: &'a str) -> &'a str {
    let n100 = n % 100;
    let n10 = n % 10;
    if (11..=14).contains(&n100) {
        many
    } else if n10 == 1 {
        one
    } else if (2..=4).contains(&n10) {
        few
    } else {
        many
    }
}

/// A fraction as a whole percentage, `0.814` → `81`, without float formatting (which would
/// add its tables to the WebAssembly package).
pub fn percent(fraction: f64) -> u32 {
    (fraction.clamp(0.0, 1.0) * 100.0).round() as u32
}

/// A number with two decimals, `0.4286` → `0.43`, `-5` → `-5.00`, likewise without float
/// formatting.
pub fn two_decimals(x: f64) -> String {
    let hundredths = (x.abs() * 100.0).round() as u64;
    let sign = if x < 0.0 && hundredths > 0 { "-" } else { "" };
    format!("{sign}{}.{:02}", hundredths / 100, hundredths % 100)
}

/// English plural: `plural_en(n, "character", "characters")`.
pub fn plural_en<'a>(n: usize, one: &'a str, many: &'a str) -> &'a str {
    if n == 1 {
        one
    } else {
        many
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_without_float_formatting() {
        assert_eq!(two_decimals(0.4286), "0.43");
        assert_eq!(two_decimals(-5.0), "-5.00");
        assert_eq!(two_decimals(120.0), "120.00");
        assert_eq!(percent(0.814), 81);
        assert_eq!(percent(1.2), 100);
    }

    #[test]
    fn russian_plurals() {
        let f = |n| plural_ru(n, "символ", "символа", "символов");
        assert_eq!(f(1), "символ");
        assert_eq!(f(2), "символа");
        assert_eq!(f(5), "символов");
        assert_eq!(f(11), "символов");
        assert_eq!(f(21), "символ");
        assert_eq!(f(1024), "символа");
        assert_eq!(f(1010), "символов");
        assert_eq!(f(112), "символов");
    }
}
