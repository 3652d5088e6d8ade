//! The domains a business owns, and hosts that imitate them. Built once per
//! [`crate::Linter`] from the options, not once per link.

use super::{confusables, registrable, to_ascii, to_unicode};

/// The registrable domains the business owns, in ASCII.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OwnedDomains {
    domains: Vec<String>,
}

impl OwnedDomains {
    /// Accepts what people type (`shop.ru`, `https://www.shop.ru/`, `*.shop.ru`, `Пример.РФ`)
    /// as [`crate::options::owned_domain`] reads it; what it refuses, the options' validation
    /// has already reported.
    pub fn new(typed: &[String]) -> OwnedDomains {
        let domains = typed
            .iter()
            .filter_map(|d| crate::options::owned_domain(d).ok())
            .collect();
        OwnedDomains { domains }
    }

    pub fn as_slice(&self) -> &[String] {
        &self.domains
    }

    pub fn is_empty(&self) -> bool {
        self.domains.is_empty()
    }

    /// Whether `registrable` (ASCII) is one of them.
    pub fn contains(&self, registrable: &str) -> bool {
        self.domains.iter().any(|d| d == registrable)
    }

    /// The owned domain `host` imitates without being under it: one of them as a subdomain
    /// label (`shop.ru.evil.com`), or one that looks the same (`shор.ru` with Cyrillic `о`).
    pub fn imitated(&self, host: &str) -> Option<&str> {
        let registrable = registrable(host)?;
        let ascii = to_ascii(host)?;
        let skeleton = confusables::skeleton(&to_unicode(&registrable));
        self.domains
            .iter()
            .find(|o| {
                if **o == registrable {
                    return false;
                }
                let embedded =
                    ascii.starts_with(&format!("{o}.")) || ascii.contains(&format!(".{o}."));
                embedded || skeleton == confusables::skeleton(&to_unicode(o))
            })
            .map(String::as_str)
    }
}

/// A label of `host` that mixes alphabets (`rоmashka`): the spoofing form that needs no
/// owned list.
pub fn mixed_label(host: &str) -> Option<String> {
    to_unicode(host)
        .split('.')
        .find(|l| confusables::is_mixed_script(l))
        .map(str::to_string)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_forms_are_read() {
        let owned = OwnedDomains::new(&[
            "https://www.Shop.ru/".into(),
            "Пример.РФ".into(),
            " m.romashka.co.uk ".into(),
        ]);
        assert!(owned.contains("shop.ru"));
        assert!(owned.contains("xn--e1afmkfd.xn--p1ai"));
        assert!(owned.contains("romashka.co.uk"));
    }

    #[test]
    fn imitations() {
        let owned = OwnedDomains::new(&["romashka-shop.ru".into()]);
        assert_eq!(
            owned.imitated("romashka-shop.ru.evil.com"),
            Some("romashka-shop.ru")
        );
        assert_eq!(owned.imitated("rоmashka-shop.ru"), Some("romashka-shop.ru"));
        assert_eq!(owned.imitated("help.romashka-shop.ru"), None);
        assert_eq!(mixed_label("rоmashka.ru").as_deref(), Some("rоmashka"));
        assert_eq!(mixed_label("romashka.ru"), None);
    }
}
