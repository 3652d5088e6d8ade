//! Host names: IDNA normalisation and the Public Suffix List.

/// The ASCII (punycode) form of a host, lower-cased, without a trailing dot; `None` when the
/// host is not a valid domain name.
pub fn to_ascii(host: &str) -> Option<String> {
    let host = host.trim_end_matches('.');
    if host.is_ascii() {
        let lower = host.to_ascii_lowercase();
        return (!lower.is_empty()).then_some(lower);
    }
    idna::domain_to_ascii(host).ok().filter(|h| !h.is_empty())
}

/// Whether `label` (a top-level label such as `ru`, `ly`, `рф`) is a suffix on the Public
/// Suffix List, as opposed to one the list only matches through its `*` default rule.
pub fn is_known_suffix(label: &str) -> bool {
    match to_ascii(label) {
        Some(ascii) => psl::suffix(ascii.as_bytes()).is_some_and(|s| s.is_known()),
        None => false,
    }
}

/// The registrable domain (eTLD+1) of a host: `www.shop.example.co.uk` → `example.co.uk`.
pub fn registrable(host: &str) -> Option<String> {
    let ascii = to_ascii(host)?;
    let domain = psl::domain(ascii.as_bytes())?;
    if !domain.suffix().is_known() {
        return None;
    }
    std::str::from_utf8(domain.as_bytes())
        .ok()
        .map(str::to_string)
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
    fn suffixes() {
        for s in ["ru", "com", "ly", "рф", "me", "cc"] {
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
        assert_eq!(registrable("co.uk"), None);
        assert_eq!(registrable("localhost"), None);
    }

    #[test]
    fn ips() {
        assert!(is_ip("192.168.1.1"));
        assert!(is_ip("[::1]"));
        assert!(!is_ip("shop.ru"));
    }
}
