//! Finding links in template text.
//!
//! Marketers write links with a scheme (`https://shop.ru/a`), with `www.`, or bare
//! (`bit.ly/x`, `clck.ru/abc`, `shop.ru`). A bare `word.word` counts as a link only when its
//! last label is a public suffix known to the Public Suffix List, so `file.txt`, `e.g.` and
//! `1.5` are text, while `Booking.com` is a link.

use std::ops::Range;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    /// The whole link in the text (byte offsets).
    pub range: Range<usize>,
    /// The host as written (`Shop.RU`, `bit.ly`), without port or user info.
    pub host: Range<usize>,
    /// `http`, `https`, … in lower case; `None` for `www.x.ru` and bare domains.
    pub scheme: Option<String>,
}

impl Link {
    /// The host in lower case, without a trailing dot.
    pub fn host_lower(&self, text: &str) -> String {
        text[self.host.clone()].trim_end_matches('.').to_lowercase()
    }
}

/// Characters that end a link: whitespace and quotes or brackets used around links in prose.
fn is_delimiter(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '"' | '<' | '>' | '«' | '»' | '“' | '”' | '„' | '`' | '|' | '\\' | '^'
        )
}

/// Punctuation that ends a sentence rather than a link.
fn is_trailing_punct(c: char) -> bool {
    matches!(
        c,
        '.' | ',' | ';' | ':' | '!' | '?' | '\'' | '…' | '*' | '_' | '~'
    )
}

pub fn find(text: &str) -> Vec<Link> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
    {
        match (start, is_delimiter(c)) {
            (None, false) => start = Some(i),
            (Some(s), true) => {
                if let Some(link) = link_in(text, s, i) {
                    out.push(link);
                }
                start = None;
            }
            _ => {}
        }
    }
    out
}

/// Reads the word `text[start..end]` as a link, if it is one.
pub(crate) fn link_in(text: &str, mut start: usize, mut end: usize) -> Option<Link> {
    let word = &text[start..end];
    // Byte searches first: most words have neither, and a substring search costs more.
    let has_scheme = word.contains(':') && word.contains("://");
    if !word.contains('.') && !has_scheme {
        return None;
    }
    // Leading brackets and formatting marks; trailing punctuation and unbalanced `)`.
    let lead = word.len()
        - word
            .trim_start_matches(['(', '[', '\'', '*', '_', '~'])
            .len();
    start += lead;
    // Bracket counts of `text[start..end]`, kept up to date as the end moves back (counting
    // them afresh for every stripped character would be quadratic in a run of `)`).
    let mut count = [0usize; 4];
    for b in text[start..end].bytes() {
        match b {
            b'(' => count[0] += 1,
            b')' => count[1] += 1,
            b'[' => count[2] += 1,
            b']' => count[3] += 1,
            _ => {}
        }
    }
    loop {
        let last = text[start..end].chars().next_back()?;
        let unbalanced =
            (last == ')' && count[0] < count[1]) || (last == ']' && count[2] < count[3]);
        if is_trailing_punct(last) || unbalanced {
            match last {
                ')' => count[1] -= 1,
                ']' => count[3] -= 1,
                _ => {}
            }
            end -= last.len_utf8();
        } else {
            break;
        }
    }
    let word = &text[start..end];
    // A scheme is looked for in the first 12 characters, as bytes (no copy of them).
    let prefix = word
        .char_indices()
        .nth(12)
        .map_or(word, |(i, _)| &word[..i]);
    let (scheme, host_start) =
        if let Some(k) = prefix.as_bytes().windows(3).position(|w| w == b"://") {
            let scheme = &prefix[..k];
            if scheme.is_empty()
                || !scheme
                    .bytes()
                    .all(|b| b.is_ascii_alphabetic() || b == b'+' || b == b'-' || b == b'.')
            {
                return None;
            }
            (Some(scheme.to_ascii_lowercase()), start + k + 3)
        } else {
            (None, start)
        };
    // Host: up to the first `/`, `?`, `#`; drop `user@` and `:port`.
    let rest = &text[host_start..end];
    let host_end = host_start + rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let mut host = host_start..host_end;
    if let Some(at) = text[host.clone()].rfind('@') {
        // Without a scheme, `name@host` is an e-mail address, not a link.
        scheme.as_ref()?;
        host.start += at + 1;
    }
    if let Some(colon) = text[host.clone()].find(':') {
        host.end = host.start + colon;
    }
    let h = &text[host.clone()];
    if h.is_empty() {
        return None;
    }
    if scheme.is_none() && !plausible_bare_host(h) {
        return None;
    }
    Some(Link {
        range: start..end,
        host,
        scheme,
    })
}

/// `shop.ru`, `www.shop.ru`, `bit.ly`, `пример.рф`: at least two labels of letters, digits and
/// hyphens, ending in a known public suffix.
fn plausible_bare_host(host: &str) -> bool {
    let host = host.trim_end_matches('.');
    // Labels read in place (no vector of them): at least two, none empty.
    let Some((_, tld)) = host.rsplit_once('.') else {
        return false;
    };
    if host
        .split('.')
        .any(|l| l.is_empty() || !l.chars().all(|c| c.is_alphanumeric() || c == '-'))
    {
        return false;
    }
    // A capitalised last label is a new sentence after a missing space (`Thanks.See`), not a
    // domain; a host written all in capitals (`SHOP.RU`) is still one.
    let capitalised =
        tld.chars().next().is_some_and(char::is_uppercase) && tld.chars().any(char::is_lowercase);
    if !tld.chars().all(char::is_alphabetic) || capitalised {
        return false;
    }
    crate::domain::is_known_suffix(&tld.to_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn links(text: &str) -> Vec<(&str, &str)> {
        find(text)
            .into_iter()
            .map(|l| (&text[l.range], &text[l.host]))
            .collect()
    }

    #[test]
    fn finds_links_with_and_without_scheme() {
        assert_eq!(
            links("Заказ: https://Shop.ru/o/1?x=2#y, или bit.ly/abc. Сайт www.shop.ru!"),
            vec![
                ("https://Shop.ru/o/1?x=2#y", "Shop.ru"),
                ("bit.ly/abc", "bit.ly"),
                ("www.shop.ru", "www.shop.ru")
            ]
        );
    }

    #[test]
    fn strips_wrapping_punctuation() {
        assert_eq!(links("(см. clck.ru/Abc)"), vec![("clck.ru/Abc", "clck.ru")]);
        assert_eq!(links("«https://a.ru/x»"), vec![("https://a.ru/x", "a.ru")]);
        assert_eq!(
            links("wiki https://en.wikipedia.org/wiki/A_(b)."),
            vec![("https://en.wikipedia.org/wiki/A_(b)", "en.wikipedia.org")]
        );
        assert_eq!(links("*https://a.ru*"), vec![("https://a.ru", "a.ru")]);
    }

    #[test]
    fn ports_users_and_placeholders() {
        assert_eq!(
            links("http://u:p@host.com:8080/p"),
            vec![("http://u:p@host.com:8080/p", "host.com")]
        );
        assert_eq!(
            links("https://shop.ru/t/{{1}}"),
            vec![("https://shop.ru/t/{{1}}", "shop.ru")]
        );
        assert_eq!(
            links("http://192.168.0.1/a"),
            vec![("http://192.168.0.1/a", "192.168.0.1")]
        );
    }

    #[test]
    fn text_that_is_not_a_link() {
        for t in [
            "file.txt",
            "e.g. this",
            "т.е. так",
            "1.5 литра",
            "info@shop.ru",
            "v1.2.3",
            "Hello.World",
            "...",
        ] {
            assert_eq!(links(t), vec![], "{t}");
        }
    }

    #[test]
    fn unicode_hosts() {
        assert_eq!(
            links("сайт пример.рф/акция"),
            vec![("пример.рф/акция", "пример.рф")]
        );
    }
}
