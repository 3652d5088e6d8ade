//! Character classes, exactly as `char`'s own methods answer, but fast for the letters
//! templates are written in. `char::is_alphabetic` searches Unicode tables for every
//! non-ASCII character (tens of nanoseconds each), and the rules ask it of every Cyrillic
//! letter several times; here each 256-character page of the Basic Multilingual Plane is
//! classified once, on first use, and a character is one table load.
//!
//! Self-contained: `build.rs` compiles it too, with `crate::words`, to stem the lexicons.

use std::sync::OnceLock;

const ALPHABETIC: u8 = 1;
const NUMERIC: u8 = 2;
const LOWERCASE: u8 = 4;
const UPPERCASE: u8 = 8;
const WHITESPACE: u8 = 16;

type Page = [u8; 256];

fn classify(c: char) -> u8 {
    let mut f = 0;
    if c.is_alphabetic() {
        f |= ALPHABETIC;
    }
    if c.is_numeric() {
        f |= NUMERIC;
    }
    if c.is_lowercase() {
        f |= LOWERCASE;
    }
    if c.is_uppercase() {
        f |= UPPERCASE;
    }
    if c.is_whitespace() {
        f |= WHITESPACE;
    }
    f
}

/// The flags of `c`, or `None` outside the Basic Multilingual Plane.
#[inline]
fn flags(c: char) -> Option<u8> {
    static PAGES: [OnceLock<Page>; 256] = [const { OnceLock::new() }; 256];
    let code = c as u32;
    if code > 0xFFFF {
        return None;
    }
    let page = PAGES[(code >> 8) as usize].get_or_init(|| {
        let mut page = [0u8; 256];
        for (low, f) in page.iter_mut().enumerate() {
            // Surrogates are not chars; they have no class.
            if let Some(ch) = char::from_u32((code & !0xFF) | low as u32) {
                *f = classify(ch);
            }
        }
        page
    });
    Some(page[(code & 0xFF) as usize])
}

#[inline]
fn has(c: char, flag: u8, slow: fn(char) -> bool) -> bool {
    match flags(c) {
        Some(f) => f & flag != 0,
        None => slow(c),
    }
}

/// [`char::is_alphabetic`].
#[inline]
pub fn is_alphabetic(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic();
    }
    has(c, ALPHABETIC, char::is_alphabetic)
}

/// [`char::is_alphanumeric`].
#[inline]
pub fn is_alphanumeric(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    has(c, ALPHABETIC | NUMERIC, char::is_alphanumeric)
}

/// [`char::is_numeric`].
#[inline]
pub fn is_numeric(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_digit();
    }
    has(c, NUMERIC, char::is_numeric)
}

/// [`char::is_lowercase`].
#[inline]
pub fn is_lowercase(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_lowercase();
    }
    has(c, LOWERCASE, char::is_lowercase)
}

/// [`char::is_uppercase`].
#[inline]
pub fn is_uppercase(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_uppercase();
    }
    has(c, UPPERCASE, char::is_uppercase)
}

/// [`char::is_whitespace`].
#[inline]
pub fn is_whitespace(c: char) -> bool {
    if c.is_ascii() {
        return matches!(c, ' ' | '\t' | '\n' | '\u{0B}' | '\u{0C}' | '\r');
    }
    has(c, WHITESPACE, char::is_whitespace)
}

/// Appends the lower case of `c` ([`char::to_lowercase`]) to `out`, with the common cases
/// (ASCII, the basic Cyrillic alphabet) done without Unicode tables.
#[inline]
pub fn push_lowercase(out: &mut String, c: char) {
    match c {
        'A'..='Z' => out.push(c.to_ascii_lowercase()),
        c if c.is_ascii() => out.push(c),
        // А..Я → а..я; Ѐ..Џ → ѐ..џ
        '\u{0410}'..='\u{042F}' => out.push(char::from_u32(c as u32 + 0x20).unwrap_or(c)),
        '\u{0400}'..='\u{040F}' => out.push(char::from_u32(c as u32 + 0x50).unwrap_or(c)),
        '\u{0430}'..='\u{045F}' => out.push(c),
        c => out.extend(c.to_lowercase()),
    }
}
