//! The token stream of one text: one forward pass that finds words, numbers, links, emoji,
//! invisible characters, formatting markers, line breaks, spaces and punctuation, and counts
//! what the rules share (UTF-16 length, letters per script).
//!
//! Placeholders are found first (a byte scan for `{`, `}` and `<<`, [`crate::placeholder`]);
//! the pass steps over them. Links are chunks between delimiters (whitespace, quotes,
//! brackets) that contain a dot or `://`: when such a chunk ends it is read as a link
//! ([`crate::links`]), and the tokens it covered are replaced by one link token.

use crate::emoji;
use crate::links::{self, Link};
use crate::placeholder::Placeholder;
use crate::text::class;
use crate::words::{self, Script};
use std::ops::Range;

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Letters (and digits or look-alike symbols inside letters): `скидка`, `ск1дка`, `2024г`.
    Word,
    /// Digits only: `2024`, `50`.
    Number,
    /// A placeholder or an attempted one (`{{1}}`, `{{ 1 }`, `<<имя>>`).
    Placeholder,
    /// A link (`https://shop.ru/a`, `bit.ly/x`, `shop.ru`).
    Link,
    /// One emoji as the reader sees it (a sequence such as 👋🏽 or 🇷🇺 is one token).
    Emoji,
    /// A character that renders as nothing (outside words; inside a word it is part of it).
    Invisible,
    /// `*`, `_`, `~` or a run of three backticks: WhatsApp formatting.
    Marker,
    /// `\n`, `\r\n` or a lone `\r`.
    LineBreak,
    /// A run of other whitespace.
    Space,
    /// Any other character.
    Punct,
}

/// One token: its kind and the bytes it covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub kind: Kind,
    pub start: usize,
    pub end: usize,
    /// For words and numbers: the index of the word in [`Tokens::raw_words`] (several
    /// tokens share one word when the word is spelled out letter by letter).
    pub word: u32,
}

impl Token {
    pub fn range(&self) -> Range<usize> {
        self.start..self.end
    }
}

/// Letters of a text by alphabet.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Letters {
    pub latin: usize,
    pub cyrillic: usize,
    pub other: usize,
}

/// Everything one pass over a text finds.
#[derive(Debug, Default)]
pub struct Tokens {
    pub tokens: Vec<Token>,
    pub links: Vec<Link>,
    /// The byte ranges of words and numbers, before spelled-out letters are joined.
    pub raw_words: Vec<Range<usize>>,
    pub emoji: Vec<Range<usize>>,
    /// Byte offsets of every invisible character (in words, links and placeholders too), but
    /// those inside an emoji sequence (a ZWJ joining 👨‍👩‍👧).
    pub invisible: Vec<usize>,
    pub utf16_len: usize,
    /// Letters of the word tokens (not of numbers, placeholders or links), by alphabet.
    pub letters: Letters,
    /// The punctuation read on the fast path below (`,` `.` `:` `!` `?` `;` `(` `)` `%` `-`
    /// `+` `/` `'` `=`, all ASCII below 64, each always a token of its own) as bits: bit `b`
    /// for byte `b`, those later found in links included.
    pub punct: u64,
    /// Whether a formatting marker (`*` `_` `~` `` ``` ``) was read, later found in a link or
    /// not.
    pub markers: bool,
    /// The number of line-break tokens.
    pub line_breaks: u32,
}

/// Characters that end a link chunk: whitespace and the quotes or brackets used around links.
fn is_delimiter(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '"' | '<' | '>' | '«' | '»' | '“' | '”' | '„' | '`' | '|' | '\\' | '^'
        )
}

struct Pass<'t> {
    text: &'t str,
    out: Tokens,
    /// The open word: where it started, whether it has a letter or digit, whether it is all
    /// ASCII digits (a number).
    word: Option<usize>,
    word_has_alnum: bool,
    word_all_digits: bool,
    /// The open word's letters, added to the text's when it closes as a word.
    word_letters: Letters,
    /// The open link chunk, and whether it has a `.` or a `:` (without either it cannot be
    /// a link).
    chunk: Option<Chunk>,
    chunk_maybe_link: bool,
    find_links: bool,
}

impl<'t> Pass<'t> {
    fn push(&mut self, kind: Kind, start: usize, end: usize) {
        self.out.tokens.push(Token {
            kind,
            start,
            end,
            word: u32::MAX,
        });
    }

    fn open_chunk(&mut self, at: usize) {
        if self.chunk.is_none() {
            self.chunk = Some(Chunk {
                start: at,
                first_token: self.out.tokens.len(),
                first_word: self.out.raw_words.len(),
            });
        }
    }

    /// Ends the open word, if any, at `end` (most calls find none: a space after a space or
    /// punctuation). Always inlined into the pass natively, as [`Pass::close_open_word`] is;
    /// in WebAssembly the compiler chooses (forced there, pkg/web grows by 0.6 kB gzipped).
    #[cfg_attr(not(target_arch = "wasm32"), inline(always))]
    #[cfg_attr(target_arch = "wasm32", inline)]
    fn close_word(&mut self, end: usize) {
        if let Some(start) = self.word.take() {
            self.close_open_word(start, end);
        }
    }

    /// [`Pass::close_word`] of an open word: once per word of the text, inlined into the pass
    /// (as a call, 2.2 k instructions per template more on the benchmark corpus; the size
    /// build's `.wasm` is the same either way).
    #[inline(always)]
    fn close_open_word(&mut self, start: usize, end: usize) {
        let letters = std::mem::take(&mut self.word_letters);
        // `@` and `$` only stand for letters inside words; alone they are symbols.
        if !self.word_has_alnum {
            let written = &self.text[start..end];
            for (i, c) in written.char_indices() {
                let kind = if words::is_invisible(c) {
                    Kind::Invisible
                } else {
                    Kind::Punct
                };
                self.push(kind, start + i, start + i + c.len_utf8());
            }
            return;
        }
        let kind = if self.word_all_digits {
            Kind::Number
        } else {
            self.out.letters.add(letters);
            Kind::Word
        };
        let index = self.out.raw_words.len() as u32;
        self.out.raw_words.push(start..end);
        self.out.tokens.push(Token {
            kind,
            start,
            end,
            word: index,
        });
    }

    /// Ends the link chunk at `end`: if it reads as a link, its tokens become one.
    #[inline]
    fn close_chunk(&mut self, end: usize) {
        let Some(chunk) = self.chunk.take() else {
            return;
        };
        if std::mem::take(&mut self.chunk_maybe_link) && self.find_links {
            self.link_chunk(chunk, end);
        }
    }

    /// [`Pass::close_chunk`] of a chunk that may be a link (most chunks cannot be one). Kept
    /// out of line: inlined, it makes [`Pass::close_chunk`] too big to inline into the pass
    /// (2 k instructions per template more on the benchmark corpus).
    #[inline(never)]
    fn link_chunk(&mut self, chunk: Chunk, end: usize) {
        let Some(link) = links::link_in(self.text, chunk.start, end) else {
            return;
        };
        let inside = |start: usize, end: usize| start < link.range.end && end > link.range.start;
        // Words inside the link are not words of the text. Words and tokens are in text order,
        // so those inside are one run of each, among the chunk's (the last ones found): both
        // runs are removed in place, and the words after the link renumbered.
        let words = &self.out.raw_words;
        let first_word = run_end(words, chunk.first_word, |w| !inside(w.start, w.end));
        let after_words = run_end(words, first_word, |w| inside(w.start, w.end));
        self.out.raw_words.drain(first_word..after_words);
        let dropped = (after_words - first_word) as u32;
        // The link token takes the place of the tokens inside it; those before it (an opening
        // bracket) and after it (closing punctuation) stay.
        let tokens = &self.out.tokens;
        let first = run_end(tokens, chunk.first_token, |t| {
            !inside(t.start, t.end) && t.start < link.range.end
        });
        let after = run_end(tokens, first, |t| inside(t.start, t.end));
        for t in &tokens[first..after] {
            // Letters of a link are not letters of the text.
            if t.kind == Kind::Word {
                let mut in_link = Letters::default();
                count_letters(&self.text[t.range()], &mut in_link);
                self.out.letters.remove(in_link);
            }
        }
        let link_token = Token {
            kind: Kind::Link,
            start: link.range.start,
            end: link.range.end,
            word: u32::MAX,
        };
        self.out
            .tokens
            .splice(first..after, std::iter::once(link_token));
        for t in &mut self.out.tokens[first + 1..] {
            if t.word != u32::MAX && t.word as usize >= after_words {
                t.word -= dropped;
            }
        }
        self.out.links.push(link);
    }
}

/// The index past the run of `items` from `from` on that are `in_run`.
fn run_end<T>(items: &[T], from: usize, in_run: impl Fn(&T) -> bool) -> usize {
    from + items[from..].iter().take_while(|x| in_run(x)).count()
}

/// A run of text between link delimiters, which may turn out to be a link.
struct Chunk {
    start: usize,
    /// The first token and the first word found in it.
    first_token: usize,
    first_word: usize,
}

/// Tokenizes `text`, whose placeholders (sorted, not overlapping) are already known. Links
/// are looked for only when `find_links` (not in phone numbers).
pub fn tokenize(text: &str, placeholders: &[Placeholder], find_links: bool) -> Tokens {
    let mut pass = Pass {
        text,
        out: Tokens {
            // About one token per four bytes of ordinary text.
            tokens: super::spare::tokens(text.len() / 4 + 4),
            raw_words: super::spare::ranges(text.len() / 8 + 2),
            ..Tokens::default()
        },
        word: None,
        word_has_alnum: false,
        word_all_digits: false,
        word_letters: Letters::default(),
        chunk: None,
        chunk_maybe_link: false,
        find_links,
    };
    let bytes = text.as_bytes();
    let mut next_placeholder = placeholders.iter();
    // Where the next placeholder starts (the end of the text when none is left): one
    // comparison per step.
    let starts_at = |p: Option<&Placeholder>| p.map_or(bytes.len(), |p| p.range.start);
    let mut placeholder = next_placeholder.next();
    let mut placeholder_start = starts_at(placeholder);
    let mut i = 0;
    while i < bytes.len() {
        if i == placeholder_start {
            if let Some(p) = placeholder {
                // A placeholder ends a word but not a link chunk (`shop.ru/t/{{1}}`).
                pass.close_word(i);
                pass.open_chunk(i);
                let written = &text[p.range.clone()];
                pass.out.utf16_len += crate::text::utf16_len(written);
                if !written.is_ascii() {
                    pass.out.invisible.extend(
                        written
                            .char_indices()
                            .filter(|&(_, c)| words::is_invisible(c))
                            .map(|(k, _)| p.range.start + k),
                    );
                }
                pass.push(Kind::Placeholder, p.range.start, p.range.end);
                i = p.range.end;
                placeholder = next_placeholder.next();
                placeholder_start = starts_at(placeholder);
                continue;
            }
        }
        let b = bytes[i];
        // Fast path: a run of ASCII letters and digits, or of Russian letters, is part of a
        // word and nothing else (no delimiter, marker, emoji or link mark), up to the next
        // placeholder.
        if b.is_ascii_alphanumeric() || b == 0xD0 || b == 0xD1 {
            let run = plain_run(bytes, i, placeholder_start);
            if run.end > i {
                if pass.word.is_none() {
                    pass.word = Some(i);
                    pass.word_has_alnum = false;
                    pass.word_all_digits = true;
                }
                pass.word_has_alnum = true;
                pass.word_all_digits &= run.latin + run.cyrillic == 0 && run.digits > 0;
                pass.word_letters.latin += run.latin;
                pass.word_letters.cyrillic += run.cyrillic;
                pass.open_chunk(i);
                pass.out.utf16_len += run.latin + run.cyrillic + run.digits;
                let end = run.end;
                i = end;
                continue;
            }
        }
        // Fast path: a space, or ASCII punctuation that is nothing else (no word character,
        // marker, delimiter or emoji start), as the full reading below would take it.
        if b == b' ' {
            pass.close_word(i);
            pass.close_chunk(i);
            let mut end = i + 1;
            while end < bytes.len() && matches!(bytes[end], b' ' | b'\t') {
                end += 1;
            }
            pass.out.utf16_len += end - i;
            pass.push(Kind::Space, i, end);
            i = end;
            continue;
        }
        if matches!(
            b,
            b',' | b'.'
                | b':'
                | b'!'
                | b'?'
                | b';'
                | b'('
                | b')'
                | b'%'
                | b'-'
                | b'+'
                | b'/'
                | b'\''
                | b'='
        ) {
            pass.out.utf16_len += 1;
            pass.open_chunk(i);
            if may_start_link(bytes, i) {
                pass.chunk_maybe_link = true;
            }
            pass.close_word(i);
            pass.out.punct |= 1 << b;
            pass.push(Kind::Punct, i, i + 1);
            i += 1;
            continue;
        }
        let (c, len) = if b < 0x80 {
            (b as char, 1)
        } else {
            let c = text[i..].chars().next().expect("a character starts here");
            (c, c.len_utf8())
        };
        pass.out.utf16_len += c.len_utf16();
        if is_delimiter(c) {
            pass.close_word(i);
            pass.close_chunk(i);
        } else {
            pass.open_chunk(i);
        }
        if may_start_link(bytes, i) {
            pass.chunk_maybe_link = true;
        }
        // Emoji first: a keycap starts with a digit, a flag with a letter-like symbol.
        let may_be_emoji = if b < 0x80 {
            (b.is_ascii_digit() || b == b'#' || b == b'*') && keycap_follows(bytes, i)
        } else {
            c as u32 >= 0x203C || c == '\u{A9}' || c == '\u{AE}'
        };
        if may_be_emoji {
            if let Some(end) = emoji::sequence_at(text, i, c) {
                pass.close_word(i);
                pass.out.utf16_len += crate::text::utf16_len(&text[i + len..end]);
                pass.out.emoji.push(i..end);
                pass.push(Kind::Emoji, i, end);
                i = end;
                continue;
            }
        }
        if words::is_word_char(c) {
            if pass.word.is_none() {
                pass.word = Some(i);
                pass.word_has_alnum = false;
                pass.word_all_digits = true;
            }
            if b.is_ascii_digit() {
                pass.word_has_alnum = true;
            } else {
                pass.word_all_digits = false;
                pass.word_has_alnum |=
                    b.is_ascii_alphanumeric() || (b >= 0x80 && class::is_alphanumeric(c));
            }
            if words::is_invisible(c) {
                pass.out.invisible.push(i);
            }
            add_letter(c, &mut pass.word_letters);
            i += len;
            continue;
        }
        pass.close_word(i);
        match c {
            '\n' | '\r' => {
                let end = if bytes[i..].starts_with(b"\r\n") {
                    i + 2
                } else {
                    i + 1
                };
                if end == i + 2 {
                    pass.out.utf16_len += 1;
                }
                pass.push(Kind::LineBreak, i, end);
                pass.out.line_breaks += 1;
                i = end;
                continue;
            }
            '*' | '_' | '~' => {
                pass.out.markers = true;
                pass.push(Kind::Marker, i, i + 1);
            }
            '`' if bytes[i..].starts_with(b"```") => {
                pass.out.markers = true;
                pass.push(Kind::Marker, i, i + 3);
                pass.out.utf16_len += 2;
                i += 3;
                continue;
            }
            c if c.is_whitespace() => {
                let mut end = i + len;
                while end < bytes.len() && matches!(bytes[end], b' ' | b'\t') {
                    end += 1;
                    pass.out.utf16_len += 1;
                }
                pass.push(Kind::Space, i, end);
                i = end;
                continue;
            }
            c if words::is_invisible(c) => {
                pass.out.invisible.push(i);
                pass.push(Kind::Invisible, i, i + len);
            }
            _ => pass.push(Kind::Punct, i, i + len),
        }
        i += len;
    }
    pass.close_word(text.len());
    pass.close_chunk(text.len());
    pass.out
}

/// Whether the byte at `i` makes its chunk a possible link. Only a chunk with `://`, or a dot
/// between two parts of a name, can be one: most chunks with a dot end a sentence, and they
/// need no closer look.
fn may_start_link(bytes: &[u8], i: usize) -> bool {
    match bytes[i] {
        b'.' => bytes
            .get(i + 1)
            .is_some_and(|&n| n.is_ascii_alphanumeric() || n == b'-' || n == b'_' || n >= 0x80),
        b':' => bytes[i + 1..].starts_with(b"//"),
        _ => false,
    }
}

/// A run of ASCII letters and digits and Russian letters: where it ends, and how many of
/// each it has (each is one UTF-16 unit).
struct PlainRun {
    end: usize,
    latin: usize,
    cyrillic: usize,
    digits: usize,
}

/// The run of ASCII letters and digits and Russian letters from `start` (before `limit`). A
/// digit with a keycap mark after it (1️⃣) ends the run: it starts an emoji.
fn plain_run(all: &[u8], start: usize, limit: usize) -> PlainRun {
    let mut run = PlainRun {
        end: start,
        latin: 0,
        cyrillic: 0,
        digits: 0,
    };
    // Bounds checked once, on this slice.
    let bytes = &all[..limit];
    let mut i = start;
    while let Some(&b) = bytes.get(i) {
        if b >= 0x80 {
            if !bytes
                .get(i + 1)
                .is_some_and(|&next| is_russian_letter(b, next))
            {
                break;
            }
            run.cyrillic += 1;
            i += 2;
        } else if b.is_ascii_alphabetic() {
            run.latin += 1;
            i += 1;
        } else if b.is_ascii_digit() && !keycap_follows(all, i) {
            run.digits += 1;
            i += 1;
        } else {
            break;
        }
    }
    run.end = i;
    run
}

/// Whether two bytes are a Russian letter: А–я (U+0410–U+044F), Ё or ё.
fn is_russian_letter(lead: u8, next: u8) -> bool {
    // Bit `k` of the set for lead byte 0xD0 + i stands for the letter whose second byte is
    // 0x80 + k: 0xD0 0x81 (Ё), 0xD0 0x90–0xBF (А–п), 0xD1 0x80–0x8F (р–я) and 0xD1 0x91 (ё).
    // Two 64-bit sets rather than one of 128 bits: WebAssembly has no 128-bit shift, and the
    // package's build calls a library function for it.
    const RUSSIAN: [u64; 2] = [
        1 << 0x01 | !((1 << 0x10) - 1),
        ((1 << 0x10) - 1) | 1 << 0x11,
    ];
    if lead & 0xFE != 0xD0 || next & 0xC0 != 0x80 {
        return false;
    }
    RUSSIAN[usize::from(lead & 1)] >> (next & 0x3F) & 1 == 1
}

/// Whether a keycap mark (U+20E3, possibly after VS16) follows the byte at `i`.
fn keycap_follows(bytes: &[u8], i: usize) -> bool {
    let rest = &bytes[i + 1..];
    rest.starts_with("\u{20E3}".as_bytes()) || rest.starts_with("\u{FE0F}\u{20E3}".as_bytes())
}

impl Letters {
    fn add(&mut self, other: Letters) {
        self.latin += other.latin;
        self.cyrillic += other.cyrillic;
        self.other += other.other;
    }

    fn remove(&mut self, other: Letters) {
        self.latin -= other.latin;
        self.cyrillic -= other.cyrillic;
        self.other -= other.other;
    }
}

/// Letters of `text` by alphabet.
pub fn count_letters(text: &str, letters: &mut Letters) {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b < 0x80 {
            letters.latin += usize::from(b.is_ascii_alphabetic());
            i += 1;
            continue;
        }
        // U+0400–U+045F (the Russian alphabet among them) are all Cyrillic letters: no need
        // to decode them.
        if matches!(
            (b, bytes.get(i + 1)),
            (0xD0, Some(0x80..=0xBF)) | (0xD1, Some(0x80..=0x9F))
        ) {
            letters.cyrillic += 1;
            i += 2;
            continue;
        }
        let c = text[i..].chars().next().expect("a character starts here");
        add_letter(c, letters);
        i += c.len_utf8();
    }
}

/// Counts `c` in `letters` if it is a letter, as [`count_letters`] does.
fn add_letter(c: char, letters: &mut Letters) {
    if c.is_ascii() {
        letters.latin += usize::from(c.is_ascii_alphabetic());
    } else if ('\u{0400}'..='\u{045F}').contains(&c) {
        letters.cyrillic += 1;
    } else if class::is_alphabetic(c) {
        match words::script_of(c) {
            Script::Latin => letters.latin += 1,
            Script::Cyrillic => letters.cyrillic += 1,
            Script::Devanagari | Script::Other => letters.other += 1,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn russian_letters_are_the_pairs_that_decode_to_them() {
        for lead in 0..=255u8 {
            for next in 0..=255u8 {
                let decoded = std::str::from_utf8(&[lead, next])
                    .ok()
                    .and_then(|s| s.chars().next());
                let russian = decoded.is_some_and(|c| matches!(c, 'А'..='я' | 'Ё' | 'ё'));
                assert_eq!(is_russian_letter(lead, next), russian, "{lead:X} {next:X}");
            }
        }
    }
}
