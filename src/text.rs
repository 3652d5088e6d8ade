//! Text fields of a template and the positions inside them.
//!
//! Rules work on byte offsets. Before a diagnostic leaves the core, every offset is also given
//! as a UTF-16 offset (what JavaScript string indices count) and as a 1-based line and column
//! counted in characters (Unicode scalar values), both in the field's own text and, when the
//! template was read from a file, in that file.

use crate::json::{SourceMap, Span};
use serde::Serialize;

/// One string of a template (a body, a header text, a button URL, an example value, ...).
#[derive(Debug, Clone, PartialEq)]
pub struct Text {
    pub value: String,
    /// JSON path of the field, e.g. `components[1].text`.
    pub path: String,
    /// Where the value sits in the document it was read from, if any.
    pub origin: Option<Origin>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Origin {
    /// The whole JSON value (with quotes), or the whole text of a plain-text draft.
    pub span: Span,
    pub map: SourceMap,
}

impl Text {
    /// A text built in code, with no source document behind it.
    pub fn detached(value: impl Into<String>, path: impl Into<String>) -> Self {
        Text {
            value: value.into(),
            path: path.into(),
            origin: None,
        }
    }

    pub fn as_str(&self) -> &str {
        &self.value
    }
}

/// A range inside a field's text, in the three units callers need.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Default)]
pub struct TextRange {
    /// Byte offsets into the UTF-8 text.
    pub start: usize,
    pub end: usize,
    /// UTF-16 code unit offsets (JavaScript string indices).
    pub start_utf16: usize,
    pub end_utf16: usize,
    /// 1-based line and column; columns count characters (Unicode scalar values).
    pub start_line: usize,
    pub start_column: usize,
    pub end_line: usize,
    pub end_column: usize,
}

/// A position in the input document: 1-based line and column in characters, plus the byte
/// offset.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Default)]
pub struct Position {
    pub offset: usize,
    pub line: usize,
    pub column: usize,
}

/// A range in the input document (the JSON file or the plain-text draft).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Default)]
pub struct DocRange {
    pub start: Position,
    pub end: Position,
}

/// Walks a text once, front to back, answering position queries in increasing order.
/// Queries that go backwards restart from the beginning (correct, just slower).
pub struct Cursor<'a> {
    text: &'a str,
    byte: usize,
    utf16: usize,
    line: usize,
    column: usize,
}

/// Where a byte offset is, in all units.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Located {
    pub byte: usize,
    pub utf16: usize,
    pub line: usize,
    pub column: usize,
}

impl<'a> Cursor<'a> {
    pub fn new(text: &'a str) -> Self {
        Cursor {
            text,
            byte: 0,
            utf16: 0,
            line: 1,
            column: 1,
        }
    }

    /// Locates a byte offset. Offsets past the end are clamped; offsets inside a multi-byte
    /// character are moved to its start.
    pub fn locate(&mut self, offset: usize) -> Located {
        let target = floor_char(self.text, offset);
        if target < self.byte {
            *self = Cursor::new(self.text);
        }
        let bytes = self.text.as_bytes();
        // A line ends at `\n`, or at a `\r` that no `\n` follows (old Mac files): a `\r\n` is
        // one line break, at its `\n`.
        let breaks = |at: usize| match bytes[at] {
            b'\n' => true,
            b'\r' => bytes.get(at + 1) != Some(&b'\n'),
            _ => false,
        };
        // Counted on whole slices, in loops the compiler vectorises (positions of a whole
        // export go through here): `\n`s, the rare lone `\r`s, then the last break found from
        // the end; characters are bytes that do not continue one, and those of four bytes are
        // two UTF-16 units.
        let chunk = &bytes[self.byte..target];
        let Counts {
            mut lines,
            returns,
            chars,
            astral,
        } = counts(chunk);
        if returns > 0 {
            lines += (self.byte..target)
                .filter(|&at| bytes[at] == b'\r' && breaks(at))
                .count();
        }
        let starts_char = |b: u8| (b as i8) >= -0x40;
        self.utf16 += chars + astral;
        if lines == 0 {
            self.column += chars;
        } else {
            // Without `\r`s the last break is the last `\n`, found without testing each
            // byte for both.
            let last = match returns {
                0 => chunk
                    .iter()
                    .rposition(|&b| b == b'\n')
                    .map(|k| self.byte + k),
                _ => (self.byte..target).rev().find(|&at| breaks(at)),
            };
            let start = last.map_or(self.byte, |at| at + 1);
            self.line += lines;
            self.column = 1 + count_bytes(&bytes[start..target], starts_char);
        }
        self.byte = target;
        Located {
            byte: self.byte,
            utf16: self.utf16,
            line: self.line,
            column: self.column,
        }
    }

    pub fn position(&mut self, offset: usize) -> Position {
        let l = self.locate(offset);
        Position {
            offset: l.byte,
            line: l.line,
            column: l.column,
        }
    }
}

/// Builds a [`TextRange`] for a byte range of `text` (one-off; for many ranges use a
/// [`Cursor`] over sorted offsets).
pub fn text_range(text: &str, start: usize, end: usize) -> TextRange {
    let mut cursor = Cursor::new(text);
    range_with(&mut cursor, start, end)
}

/// What [`Cursor::locate`] counts in the bytes it steps over.
struct Counts {
    /// `\n`s, and `\r`s (most texts have none, and only a lone one ends a line).
    lines: usize,
    returns: usize,
    /// Characters (bytes that do not continue one), and those of four bytes (two UTF-16 units).
    chars: usize,
    astral: usize,
}

/// [`Counts`] of `bytes`, in one pass: in blocks of 255 into bytes, as [`count_bytes`] does,
/// which the compiler vectorises (three passes over the same bytes cost more than one).
fn counts(bytes: &[u8]) -> Counts {
    let mut total = Counts {
        lines: 0,
        returns: 0,
        chars: 0,
        astral: 0,
    };
    for block in bytes.chunks(255) {
        let (mut lines, mut returns, mut chars, mut astral) = (0u8, 0u8, 0u8, 0u8);
        for &b in block {
            lines = lines.wrapping_add(u8::from(b == b'\n'));
            returns = returns.wrapping_add(u8::from(b == b'\r'));
            chars = chars.wrapping_add(u8::from((b as i8) >= -0x40));
            astral = astral.wrapping_add(u8::from(b >= 0xF0));
        }
        total.lines += usize::from(lines);
        total.returns += usize::from(returns);
        total.chars += usize::from(chars);
        total.astral += usize::from(astral);
    }
    total
}

/// How many bytes of `bytes` satisfy `pred`: counted in blocks of 255 into a byte, which the
/// compiler turns into wide vector compares (a plain `filter().count()` widens every byte to a
/// 64-bit lane).
fn count_bytes(bytes: &[u8], pred: impl Fn(u8) -> bool) -> usize {
    bytes
        .chunks(255)
        .map(|block| {
            block
                .iter()
                .fold(0u8, |n, &b| n.wrapping_add(u8::from(pred(b)))) as usize
        })
        .sum()
}

pub fn range_with(cursor: &mut Cursor<'_>, start: usize, end: usize) -> TextRange {
    let s = cursor.locate(start);
    let e = cursor.locate(end.max(start));
    TextRange {
        start: s.byte,
        end: e.byte,
        start_utf16: s.utf16,
        end_utf16: e.utf16,
        start_line: s.line,
        start_column: s.column,
        end_line: e.line,
        end_column: e.column,
    }
}

/// A byte offset made safe to slice `text` at: clamped to its length, and moved back to the
/// start of the character it falls in. (`str::floor_char_boundary` needs Rust 1.91; the crate
/// builds with 1.85.)
pub fn floor_char(text: &str, offset: usize) -> usize {
    let mut at = offset.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// Length in UTF-16 code units: the unit Meta's editor counts (JavaScript `string.length`).
pub fn utf16_len(s: &str) -> usize {
    if s.is_ascii() {
        return s.len();
    }
    // One unit per character and two for a character of four UTF-8 bytes: count the bytes that
    // start a character, and those that start a four-byte one (one pass, no decoding).
    s.bytes()
        .map(|b| usize::from(b & 0xC0 != 0x80) + usize::from(b >= 0xF0))
        .sum()
}

/// The byte offset at which `s` reaches `units` UTF-16 code units (or its length).
pub fn byte_at_utf16(s: &str, units: usize) -> usize {
    let mut n = 0;
    for (i, c) in s.char_indices() {
        if n >= units {
            return i;
        }
        n += c.len_utf16();
    }
    s.len()
}

pub mod bytes;
pub mod class;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_in_all_units() {
        // "Hi 👋🏽 Привет {{1}}"
        let t = "Hi 👋🏽\nПривет {{1}}";
        let start = t.find("{{1}}").unwrap();
        let r = text_range(t, start, start + 5);
        assert_eq!(r.start, start);
        // "Hi " (3) + 👋 (2) + 🏽 (2) + \n (1) + "Привет " (7) = 15
        assert_eq!(r.start_utf16, 15);
        assert_eq!(r.end_utf16, 20);
        assert_eq!((r.start_line, r.start_column), (2, 8));
        assert_eq!((r.end_line, r.end_column), (2, 13));
    }

    /// The cursor counts on bytes; this reference decodes every character.
    #[test]
    fn positions_match_a_decoding_reference() {
        fn reference(text: &str, at: usize) -> (usize, usize, usize) {
            let (mut utf16, mut line, mut column) = (0, 1, 1);
            for (i, c) in text[..at].char_indices() {
                // A `\r` before a `\n` (even one past `at`) is not a line break of its own.
                let crlf = c == '\r' && text[i + 1..].starts_with('\n');
                if c == '\n' || (c == '\r' && !crlf) {
                    line += 1;
                    column = 1;
                } else {
                    column += 1;
                }
                utf16 += c.len_utf16();
            }
            (utf16, line, column)
        }
        // Longer than the 255-byte blocks the counts are made in.
        let long = "Привет 😀 {{1}}\r\nascii line\rनमस्ते\n".repeat(20);
        for text in [
            long.as_str(),
            "Hi 👋🏽\nПривет {{1}}\r\nनमस्ते\r😀x\n\n",
            "ascii only\nline two\r\nthree",
            "𝔘𝔫𝔦𝔠𝔬𝔡𝔢\u{200B}é\rж\r\n",
            "",
        ] {
            let mut stepped = Cursor::new(text);
            for at in (0..=text.len()).filter(|&i| text.is_char_boundary(i)) {
                let want = reference(text, at);
                for l in [Cursor::new(text).locate(at), stepped.locate(at)] {
                    assert_eq!((l.utf16, l.line, l.column), want, "{text:?} at {at}");
                }
            }
        }
    }

    #[test]
    fn a_lone_cr_ends_a_line_and_crlf_is_one_break() {
        for (text, at, line, column) in [
            ("a\rb\rc", 4, 3, 1),
            ("a\r\nb", 3, 2, 1),
            ("a\r\nb", 2, 1, 3), // between `\r` and `\n`: still on line 1
            ("a\r\r\nb", 4, 3, 1),
            ("é\rж\rc", 6, 3, 1),
            ("a\r", 2, 2, 1),
        ] {
            let l = Cursor::new(text).locate(at);
            assert_eq!((l.line, l.column), (line, column), "{text:?} at {at}");
            // Walking there in steps gives the same answer.
            let mut c = Cursor::new(text);
            let stepped = (0..=at)
                .filter(|&i| text.is_char_boundary(i))
                .map(|i| c.locate(i))
                .last();
            assert_eq!(stepped, Some(l), "{text:?} at {at}, in steps");
        }
    }

    #[test]
    fn cursor_goes_backwards_and_clamps() {
        let t = "ab\ncdé";
        let mut c = Cursor::new(t);
        assert_eq!(c.locate(5).column, 3);
        assert_eq!(c.locate(1).column, 2);
        // offset 6 is inside 'é' (bytes 5..7): moved to its start
        assert_eq!(c.locate(6).byte, 5);
        assert_eq!(c.locate(100).byte, t.len());
    }

    #[test]
    fn character_classes_agree_with_std_for_every_char() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            assert_eq!(class::is_alphabetic(c), c.is_alphabetic(), "{c:?}");
            assert_eq!(class::is_alphanumeric(c), c.is_alphanumeric(), "{c:?}");
            assert_eq!(class::is_numeric(c), c.is_numeric(), "{c:?}");
            assert_eq!(class::is_lowercase(c), c.is_lowercase(), "{c:?}");
            assert_eq!(class::is_uppercase(c), c.is_uppercase(), "{c:?}");
            assert_eq!(class::is_whitespace(c), c.is_whitespace(), "{c:?}");
            let mut lower = String::new();
            class::push_lowercase(&mut lower, c);
            assert_eq!(lower, c.to_lowercase().collect::<String>(), "{c:?}");
        }
    }

    #[test]
    fn utf16_lengths() {
        assert_eq!(utf16_len("abc"), 3);
        assert_eq!(utf16_len("скидка"), 6);
        assert_eq!(utf16_len("😀"), 2);
        assert_eq!(utf16_len("👋🏽!"), 5);
        assert_eq!(utf16_len("a\u{fffd}€"), 3);
        for s in ["", "a", "é", "€", "😀", "👋🏽 Привет\u{10FFFF}\u{FFFF}"] {
            assert_eq!(utf16_len(s), s.encode_utf16().count(), "{s:?}");
        }
        assert_eq!(byte_at_utf16("a😀b", 1), 1);
        assert_eq!(byte_at_utf16("a😀b", 3), 5);
        assert_eq!(byte_at_utf16("a😀b", 10), 6);
    }
}
