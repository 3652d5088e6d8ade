//! Hosts of a kind: URL shorteners and WhatsApp's own domains. The shortener list is parsed
//! once per process into a set; a host is looked up with each of its parent domains.

use crate::fx::FxBuild;
use std::collections::HashSet;
use std::sync::OnceLock;

/// The shortener hosts, one per line (`#` comments): international services, the Russian
/// ones and vendor short domains.
const SHORTENERS: &str = include_str!("shorteners.txt");

fn shorteners() -> &'static HashSet<&'static str, FxBuild> {
    static SET: OnceLock<HashSet<&'static str, FxBuild>> = OnceLock::new();
    SET.get_or_init(|| {
        SHORTENERS
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .collect()
    })
}

/// `host` and each domain above it (`a.b.c` → `a.b.c`, `b.c`, `c`).
fn with_parents(host: &str) -> impl Iterator<Item = &str> {
    std::iter::successors(Some(host), |h| h.split_once('.').map(|(_, rest)| rest))
}

/// Whether `host` (lower case) is a shortener or a subdomain of one.
pub fn is_shortener(host: &str) -> bool {
    let set = shorteners();
    with_parents(host).any(|h| set.contains(h))
}

/// Whether `host` (lower case) is WhatsApp's own (`wa.me`, `whatsapp.com`, `whatsapp.net`).
pub fn is_whatsapp(host: &str) -> bool {
    with_parents(host).any(|h| matches!(h, "wa.me" | "whatsapp.com" | "whatsapp.net"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn list_is_large_enough_and_clean() {
        let hosts = shorteners();
        assert!(hosts.len() >= 40);
        assert!(hosts.iter().all(|h| h
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'.' || b == b'-')));
        for russian in ["clck.ru", "vk.cc", "u.to", "txtb.me"] {
            assert!(hosts.contains(russian));
        }
    }

    #[test]
    fn hosts_and_their_subdomains() {
        assert!(is_shortener("bit.ly") && is_shortener("www.bit.ly"));
        assert!(!is_shortener("notbit.ly") && !is_shortener("bitly-shop.ru"));
        assert!(is_whatsapp("wa.me") && is_whatsapp("api.whatsapp.com"));
        assert!(!is_whatsapp("mywa.me") && !is_whatsapp("whatsapp.com.evil.ru"));
    }
}
