//! The domains a business owns, and hosts that imitate them. Built once per
//! [`crate::Linter`] from the options, not once per link.

use super::{confusables, registrable, to_ascii, to_unicode};

/// The registrable domains the business owns, in ASCII.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OwnedDomains {
    domains: Vec<String>,
    /// The look-alike skeleton of each domain, in the same order: computed here, not per link.
    skeletons: Vec<String>,
}

impl OwnedDomains {
    /// Accepts what people type (`shop.ru`, `https://www.shop.ru/`, `*.shop.ru`, `Пример.РФ`)
    /// as [`crate::options::owned_domain`] reads it; what it refuses, the options' validation
    /// has already reported.
    pub fn new(typed: &[String]) -> OwnedDomains {
        let domains: Vec<String> = typed
            .iter()
            .filter_map(|d| crate::options::owned_domain(d).ok())
            .collect();
        let skeletons = domains
            .iter()
            .map(|d| confusables::skeleton(&to_unicode(d)))
            .collect();
        OwnedDomains { domains, skeletons }
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
        if self.domains.is_empty() {
            return None;
        }
        let registrable = registrable(host)?;
        let ascii = to_ascii(host)?;
        let skeleton = confusables::skeleton(&to_unicode(&registrable));
        self.domains
            .iter()
            .zip(&self.skeletons)
            .find(|(o, owned_skeleton)| {
                if **o == registrable {
                    return false;
                }
                embeds(&ascii, o) || skeleton == **owned_skeleton
            })
            .map(|(o, _)| o.as_str())
    }
}

/// Whether `owned` stands in `host` as whole labels: at its start (`shop.ru.evil.com`) or
/// inside it (`login.shop.ru.evil.com`), followed by more labels.
fn embeds(host: &str, owned: &str) -> bool {
    let mut label_starts =
        std::iter::once(0).chain(host.match_indices('.').map(|(dot, _)| dot + 1));
    label_starts.any(|at| {
        host[at..]
            .strip_prefix(owned)
            .is_some_and(|rest| rest.starts_with('.'))
    })
}

/// A label of `host` that mixes alphabets (`rоmashka`): the spoofing form that needs no
/// owned list.
pub fn mixed_label(host: &str) -> Option<String> {
    // Letters of one alphabet only, and no punycode label that could decode to others.
    if host.is_ascii() && !super::has_punycode_label(host) {
        return None;
    }
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
        assert_eq!(
            owned.imitated("login.romashka-shop.ru.evil.com"),
            Some("romashka-shop.ru")
        );
        assert_eq!(owned.imitated("xromashka-shop.ru.evil.com"), None);
        // Overlapping candidates: the owned name starts at a later label.
        let owned = OwnedDomains::new(&["a.ru".into()]);
        assert_eq!(owned.imitated("xa.ru.a.ru.evil.com"), Some("a.ru"));
        assert_eq!(OwnedDomains::default().imitated("shop.ru.evil.com"), None);
        assert_eq!(mixed_label("rоmashka.ru").as_deref(), Some("rоmashka"));
        assert_eq!(mixed_label("romashka.ru"), None);
        assert_eq!(
            mixed_label("XN--rmashka-shop-4fk.ru").as_deref(),
            Some("rоmashka-shop")
        );
    }
}
