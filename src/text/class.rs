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

/// `char::$name`, with ASCII answered by `$ascii` and the common scripts from the table.
macro_rules! class {
    ($name:ident, $ascii:expr, $flag:expr) => {
        #[doc = concat!("[`char::", stringify!($name), "`].")]
        #[inline]
        pub fn $name(c: char) -> bool {
            if c.is_ascii() {
                return $ascii(c);
            }
            has(c, $flag, char::$name)
        }
    };
}

class!(is_alphabetic, |c: char| c.is_ascii_alphabetic(), ALPHABETIC);
class!(
    is_alphanumeric,
    |c: char| c.is_ascii_alphanumeric(),
    ALPHABETIC | NUMERIC
);
class!(is_numeric, |c: char| c.is_ascii_digit(), NUMERIC);
class!(is_lowercase, |c: char| c.is_ascii_lowercase(), LOWERCASE);
class!(is_uppercase, |c: char| c.is_ascii_uppercase(), UPPERCASE);
class!(
    is_whitespace,
    |c: char| matches!(c, ' ' | '\t' | '\n' | '\u{0B}' | '\u{0C}' | '\r'),
    WHITESPACE
);

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
