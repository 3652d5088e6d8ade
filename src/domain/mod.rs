//! Host names: IDNA (punycode) conversion and the Public Suffix List.
//!
//! The list is Mozilla's `public_suffix_list.dat` (MPL-2.0; version and commit in the file's
//! header), stored with its internationalised labels already in ASCII form, and read by the
//! `publicsuffix` crate. That keeps the WebAssembly package small: the `psl` crate compiles the
//! list into code four times larger. Parsing all 10 000 rules took longer than linting a
//! template (a slow first lint in an edge function), so `build.rs` groups the rules by
//! top-level label and a group is parsed the first time a host under it is looked up. Hosts
//! are converted to ASCII with the punycode of RFC 3492 ([`punycode`]) after lower-casing; the
//! rest of UTS #46 (NFC and the mapping tables) is left out for the same reason, which only
//! matters for hosts written with unusual compatibility characters.

pub mod confusables;
pub mod hosts;
pub mod owned;
mod punycode;

pub use owned::OwnedDomains;

use publicsuffix::{List, Psl};
use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::{Mutex, OnceLock};

/// The rules as `build.rs` stores them: sorted by their labels from the top level down and
/// front-coded (each line gives how many upper labels it shares with the line before, one
/// digit, then its other labels, top level first), so a line starting with `0` opens the
/// rules of a new top-level label.
const ENCODED_RULES: &str = include_str!(concat!(env!("OUT_DIR"), "/public_suffixes.txt"));

/// Decodes front-coded lines of [`ENCODED_RULES`] into the rules as the list writes them
/// (`*.kawasaki.jp`), one per line, after `text`'s own contents.
fn decode_rules(encoded: &str, text: &mut String) {
    let mut labels: Vec<&str> = Vec::new();
    for line in encoded.lines() {
        let Some((shared, rest)) = line.split_at_checked(1) else {
            continue;
        };
        labels.truncate(shared.parse().unwrap_or(0));
        labels.extend(rest.split('.'));
        for (i, label) in labels.iter().rev().enumerate() {
            if i > 0 {
                text.push('.');
            }
            text.push_str(label);
        }
        text.push('\n');
    }
}

/// The top-level label of a rule or host (`co.uk` → `uk`, `*.ck` → `ck`).
fn top_label(name: &str) -> &str {
    name.rsplit('.').next().unwrap_or(name)
}

/// The encoded rules of each top-level label, sorted by label.
fn groups() -> &'static [(&'static str, &'static str)] {
    static GROUPS: OnceLock<Vec<(&'static str, &'static str)>> = OnceLock::new();
    GROUPS.get_or_init(|| {
        let mut groups: Vec<(&str, &str)> = Vec::new();
        let (mut start, mut offset, mut label) = (0, 0, "");
        for line in ENCODED_RULES.split_inclusive('\n') {
            if let Some(rest) = line.strip_prefix('0') {
                if !label.is_empty() {
                    groups.push((label, &ENCODED_RULES[start..offset]));
                }
                (start, label) = (offset, rest.split(['.', '\n']).next().unwrap_or_default());
            }
            offset += line.len();
        }
        if !label.is_empty() {
            groups.push((label, &ENCODED_RULES[start..]));
        }
        groups
    })
}

/// The part of the list that can match hosts under `tld`, parsed on first use. Each group is
/// parsed once and kept for the life of the program (there are about 1 500).
fn list(tld: &str) -> Option<&'static List> {
    static PARSED: OnceLock<Mutex<HashMap<&'static str, &'static List>>> = OnceLock::new();
    let groups = groups();
    let (label, encoded) = groups[groups.binary_search_by(|(l, _)| (*l).cmp(tld)).ok()?];
    let mut parsed = PARSED
        .get_or_init(Default::default)
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    if let Some(list) = parsed.get(label) {
        return Some(list);
    }
    // The crate reads rules only after a section marker. Which section a rule is from
    // (ICANN or private) is not used here: both kinds of suffix end a registrable domain.
    let mut text = String::from("// ===BEGIN ICANN DOMAINS===\n");
    decode_rules(encoded, &mut text);
    let list: &'static List = Box::leak(Box::new(text.parse().ok()?));
    parsed.insert(label, list);
    Some(list)
}

/// Full stops that IDNA treats as label separators.
fn is_dot(c: char) -> bool {
    matches!(c, '.' | '\u{3002}' | '\u{FF0E}' | '\u{FF61}')
}

/// The ASCII (punycode) form of a host, lower-cased, without a trailing dot; `None` when the
/// host is not a valid domain name.
pub fn to_ascii(host: &str) -> Option<String> {
    let host = host.trim_end_matches(is_dot);
    if host.is_empty() {
        return None;
    }
    if host.is_ascii() {
        let valid = host.split('.').all(|l| {
            !l.is_empty()
                && l.bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        });
        return valid.then(|| host.to_ascii_lowercase());
    }
    let mut out = String::with_capacity(host.len() + 8);
    for (i, label) in host.split(is_dot).enumerate() {
        if i > 0 {
            out.push('.');
        }
        let lower = label.to_lowercase();
        if lower.is_empty()
            || lower
                .chars()
                .any(|c| !(c.is_alphanumeric() || c == '-' || c == '_'))
        {
            return None;
        }
        if lower.is_ascii() {
            out.push_str(&lower);
        } else {
            out.push_str("xn--");
            out.push_str(&punycode::encode(&lower)?);
        }
    }
    Some(out)
}

/// Whether a label of `host` starts with the punycode prefix `xn--` (in any case).
fn has_punycode_label(host: &str) -> bool {
    host.split('.')
        .any(|l| l.get(..4).is_some_and(|p| p.eq_ignore_ascii_case("xn--")))
}

/// The Unicode form of a host: punycode labels (`xn--…`) decoded, the rest as written.
pub fn to_unicode(host: &str) -> String {
    if !has_punycode_label(host) {
        return host.to_string();
    }
    host.split('.')
        .map(|label| {
            let lower = label.to_ascii_lowercase();
            match lower.strip_prefix("xn--").and_then(punycode::decode) {
                Some(decoded) => decoded,
                None => label.to_string(),
            }
        })
        .collect::<Vec<_>>()
        .join(".")
}

/// Whether `label` (a top-level label such as `ru`, `ly`, `рф`) is a suffix on the Public
/// Suffix List, as opposed to one the list only matches through its `*` default rule.
pub fn is_known_suffix(label: &str) -> bool {
    KNOWN_SUFFIXES.with(|cache| {
        memo(cache, label, |label| {
            let Some(ascii) = to_ascii(label) else {
                return false;
            };
            list(top_label(&ascii))
                .and_then(|list| list.suffix(ascii.as_bytes()))
                .is_some_and(|s| s.is_known())
        })
    })
}

/// The registrable domain (eTLD+1) of a host: `www.shop.example.co.uk` → `example.co.uk`.
pub fn registrable(host: &str) -> Option<String> {
    REGISTRABLE.with(|cache| {
        memo(cache, host, |host| {
            let ascii = to_ascii(host)?;
            let domain = list(top_label(&ascii))?.domain(ascii.as_bytes())?;
            if !domain.suffix().is_known() {
                return None;
            }
            std::str::from_utf8(domain.as_bytes())
                .ok()
                .map(str::to_string)
        })
    })
}

/// The answers of [`registrable`] and [`is_known_suffix`] already found, per thread: a text may
/// repeat one host thousands of times (and a template a few), and each Public Suffix List
/// lookup converts the host and searches the list. A function of the host alone, so the cache
/// changes no result; it is emptied when full.
type Memo<T> = RefCell<HashMap<Box<str>, T>>;

thread_local! {
    static REGISTRABLE: Memo<Option<String>> = RefCell::new(HashMap::new());
    static KNOWN_SUFFIXES: Memo<bool> = RefCell::new(HashMap::new());
}

const MEMO_HOSTS: usize = 4096;

fn memo<T: Clone>(cache: &Memo<T>, key: &str, compute: impl FnOnce(&str) -> T) -> T {
    if let Some(found) = cache.borrow().get(key) {
        return found.clone();
    }
    let value = compute(key);
    let mut cache = cache.borrow_mut();
    if cache.len() >= MEMO_HOSTS {
        cache.clear();
    }
    cache.insert(key.into(), value.clone());
    value
}

/// Whether a host is an IP address literal (v4 dotted quad, or bracketed v6).
pub fn is_ip(host: &str) -> bool {
    let h = host.trim_start_matches('[').trim_end_matches(']');
    h.parse::<std::net::IpAddr>().is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_group_of_the_list_parses() {
        let groups = groups();
        assert!(groups.len() > 1000, "{} groups", groups.len());
        assert!(
            groups.windows(2).all(|w| w[0].0 < w[1].0),
            "sorted, one group per label"
        );
        let rules: usize = groups.iter().map(|(_, r)| r.lines().count()).sum();
        assert_eq!(rules, ENCODED_RULES.lines().count());
        for (label, _) in groups {
            assert!(list(label).is_some(), "{label}");
        }
        // Wildcards and exceptions live in their label's group.
        assert_eq!(registrable("www.ck").as_deref(), Some("www.ck"));
        assert_eq!(registrable("shop.foo.ck").as_deref(), Some("shop.foo.ck"));
        assert_eq!(registrable("city.kobe.jp").as_deref(), Some("city.kobe.jp"));
        assert_eq!(registrable("a.b.kobe.jp").as_deref(), Some("a.b.kobe.jp"));
    }

    #[test]
    fn decoded_rules_are_those_of_the_list() {
        let mut listed: Vec<&str> = include_str!("public_suffix_list.dat")
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with("//"))
            .collect();
        listed.sort_unstable();
        listed.dedup();
        let mut text = String::new();
        for (label, encoded) in groups() {
            let before = text.len();
            decode_rules(encoded, &mut text);
            assert!(text[before..].lines().all(|rule| top_label(rule) == *label));
        }
        let mut decoded: Vec<&str> = text.lines().collect();
        decoded.sort_unstable();
        assert!(listed.len() > 9000, "{} rules", listed.len());
        assert_eq!(decoded, listed);
        assert!(decoded.contains(&"*.kawasaki.jp") && decoded.contains(&"!city.kawasaki.jp"));
    }

    #[test]
    fn suffixes() {
        for s in ["ru", "com", "ly", "рф", "me", "cc", "РФ"] {
            assert!(is_known_suffix(s), "{s}");
        }
        for s in ["txt", "jpg", "zzz", ""] {
            assert!(!is_known_suffix(s), "{s}");
        }
    }

    #[test]
    fn registrable_domains() {
        assert_eq!(
            registrable("WWW.Shop.Example.co.uk").as_deref(),
            Some("example.co.uk")
        );
        assert_eq!(
            registrable("example.ru.evil.com").as_deref(),
            Some("evil.com")
        );
        assert_eq!(
            registrable("пример.рф").as_deref(),
            Some("xn--e1afmkfd.xn--p1ai")
        );
        assert_eq!(registrable("shop.msk.ru").as_deref(), Some("shop.msk.ru"));
        assert_eq!(
            registrable("alice.github.io").as_deref(),
            Some("alice.github.io"),
            "private section"
        );
        assert_eq!(registrable("co.uk"), None);
        assert_eq!(registrable("localhost"), None);
    }

    #[test]
    fn ascii_and_unicode_forms() {
        assert_eq!(
            to_ascii("Пример.РФ.").as_deref(),
            Some("xn--e1afmkfd.xn--p1ai")
        );
        assert_eq!(to_ascii("bücher.de").as_deref(), Some("xn--bcher-kva.de"));
        assert_eq!(to_ascii("bad host.ru"), None);
        assert_eq!(to_unicode("xn--e1afmkfd.xn--p1ai"), "пример.рф");
        assert_eq!(to_unicode("XN--rmashka-shop-4fk.ru"), "rоmashka-shop.ru");
    }

    #[test]
    fn ips() {
        assert!(is_ip("192.168.1.1"));
        assert!(is_ip("[::1]"));
        assert!(!is_ip("shop.ru"));
    }
}
