//! Emoji as people see them: one pictogram may be several code points (👋🏽 is two, 👨‍👩‍👧 five,
//! 🇷🇺 two). Meta's emoji limits count what the reader sees, so sequences are counted once.

use std::ops::Range;

/// Code points that start an emoji (Unicode `Extended_Pictographic`, condensed to the blocks
/// that matter for messages, plus regional indicators and keycap bases are handled apart).
fn is_pictographic(c: char) -> bool {
    matches!(c as u32,
        0x00A9 | 0x00AE | 0x203C | 0x2049 | 0x2122 | 0x2139
        | 0x2194..=0x2199 | 0x21A9..=0x21AA
        | 0x231A..=0x231B | 0x2328 | 0x23CF | 0x23E9..=0x23F3 | 0x23F8..=0x23FA
        | 0x24C2 | 0x25AA..=0x25AB | 0x25B6 | 0x25C0 | 0x25FB..=0x25FE
        | 0x2600..=0x27BF
        | 0x2934..=0x2935 | 0x2B05..=0x2B07 | 0x2B1B..=0x2B1C | 0x2B50 | 0x2B55
        | 0x3030 | 0x303D | 0x3297 | 0x3299
        | 0x1F000..=0x1F0FF | 0x1F10D..=0x1F10F | 0x1F12F | 0x1F16C..=0x1F171 | 0x1F17E..=0x1F17F
        | 0x1F18E | 0x1F191..=0x1F19A | 0x1F1AD..=0x1F1E5
        | 0x1F201..=0x1F20F | 0x1F21A | 0x1F22F | 0x1F232..=0x1F23A | 0x1F23C..=0x1F23F
        | 0x1F249..=0x1F3FA | 0x1F400..=0x1F53D | 0x1F546..=0x1F64F | 0x1F680..=0x1F6FF
        | 0x1F774..=0x1F77F | 0x1F7D5..=0x1F7FF | 0x1F80C..=0x1F80F | 0x1F848..=0x1F84F
        | 0x1F85A..=0x1F85F | 0x1F888..=0x1F88F | 0x1F8AE..=0x1F8FF | 0x1F90C..=0x1F93A
        | 0x1F93C..=0x1F945 | 0x1F947..=0x1FAFF | 0x1FC00..=0x1FFFD)
}

fn is_regional_indicator(c: char) -> bool {
    ('\u{1F1E6}'..='\u{1F1FF}').contains(&c)
}

fn is_modifier(c: char) -> bool {
    matches!(c as u32, 0xFE0F | 0xFE0E | 0x1F3FB..=0x1F3FF | 0x20E3 | 0xE0020..=0xE007F)
}

/// Whether `text` may hold an emoji: a character from U+203C (‼, the first emoji past ©
/// and ®) up, or a © or ®. Most texts have none, or only the dashes, quotes and ellipsis of
/// U+2000..U+203B, and are answered in one pass over the bytes.
fn may_contain_emoji(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes.iter().enumerate().any(|(i, &b)| match b {
        0xE3.. => true,
        // U+2000..U+203F is E2 80 xx; only ‼ (E2 80 BC) there is an emoji.
        0xE2 => bytes.get(i + 1) != Some(&0x80) || bytes.get(i + 2) >= Some(&0xBC),
        0xC2 => matches!(bytes.get(i + 1), Some(0xA9 | 0xAE)),
        _ => false,
    })
}

/// Byte ranges of the emoji in `text`, each sequence (skin tone, ZWJ family, flag, keycap) once.
pub fn find(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    if !may_contain_emoji(text) {
        return out;
    }
    let mut i = 0;
    while let Some(c) = text[i..].chars().next() {
        match sequence_at(text, i, c) {
            Some(end) => {
                out.push(i..end);
                i = end;
            }
            None => i += c.len_utf8(),
        }
    }
    out
}

/// Where the emoji that starts with `c` at byte `start` of `text` ends, if one starts there
/// (a whole sequence: skin tone, ZWJ family, flag, keycap).
pub fn sequence_at(text: &str, start: usize, c: char) -> Option<usize> {
    let after = start + c.len_utf8();
    let mut rest = text[after..].chars();
    let next = |rest: &std::str::Chars<'_>| rest.clone().next();
    let end_of = |rest: &std::str::Chars<'_>| text.len() - rest.as_str().len();
    if c.is_ascii_digit() || c == '#' || c == '*' {
        // `1️⃣`: a digit, an optional VS16 and the combining keycap.
        if next(&rest) == Some('\u{FE0F}') {
            rest.next();
        }
        if next(&rest) != Some('\u{20E3}') {
            return None;
        }
        rest.next();
        return Some(end_of(&rest));
    }
    if is_regional_indicator(c) {
        if next(&rest).is_some_and(is_regional_indicator) {
            rest.next();
        }
        return Some(end_of(&rest));
    }
    // Letters of the alphabets templates are written in, checked before the long match.
    if (c as u32) < 0xA9 || !is_pictographic(c) {
        return None;
    }
    // Text-presentation symbols (©, ™, ↔) count only when followed by VS16.
    let needs_vs16 = (c as u32) < 0x2190 || matches!(c as u32, 0x2194..=0x21AA);
    if needs_vs16 && next(&rest) != Some('\u{FE0F}') {
        return None;
    }
    loop {
        match next(&rest) {
            Some(n) if is_modifier(n) => {
                rest.next();
            }
            // A joiner belongs to the sequence only when a pictograph follows it (👨‍👩‍👧); a
            // stray one after an emoji is an invisible character of its own.
            Some('\u{200D}') if rest.clone().nth(1).is_some_and(is_pictographic) => {
                rest.next();
                rest.next();
            }
            _ => break,
        }
    }
    Some(end_of(&rest))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<&str> {
        find(text).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn sequences_count_once() {
        assert_eq!(found("Hi 👋🏽 and 👨‍👩‍👧 from 🇷🇺!"), vec!["👋🏽", "👨‍👩‍👧", "🇷🇺"]);
        assert_eq!(
            found("Нажми 1️⃣ или ❤️ ✅ 🔥🔥"),
            vec!["1️⃣", "❤️", "✅", "🔥", "🔥"]
        );
    }

    #[test]
    fn plain_text_has_none() {
        assert!(found("Заказ №1 © 2024 — 50% * # → ok").is_empty());
        assert_eq!(found("© ©️"), vec!["©️"]);
    }

    #[test]
    fn the_quick_scan_only_skips_texts_without_emoji() {
        // Dashes, quotes and the ellipsis (U+2000..U+203B) alone: no emoji, answered early.
        assert!(!may_contain_emoji("«Скидка» — “да”… ok"));
        assert!(found("«Скидка» — “да”… ok").is_empty());
        // The neighbours of that range are emoji.
        assert_eq!(found("Внимание‼️ ®️ 2⃣"), vec!["‼️", "®️", "2⃣"]);
        assert_eq!(found("⁉️"), vec!["⁉️"]);
    }
}
