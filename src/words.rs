//! Words of a text, normalised against the tricks used to slip past filters.
//!
//! Before a word is matched against a lexicon it is undone from the usual disguises, and the
//! disguise is remembered: look-alike letters from the other alphabet («Cкидкa» with Latin C
//! and a), digits for letters («ск1дка», "fr33"), invisible characters inside a word
//! («ски\u{200B}дка»), letters spaced out («с к и д к а», "F-R-E-E") and stretched letters
//! («скииидка»). Every word keeps the byte range it covers in the original text, so a match is
//! reported on exactly what the user wrote.

use crate::text::class;
use std::collections::hash_map::RandomState;
use std::collections::HashMap;
use std::hash::BuildHasher;
use std::ops::{Deref, Range};
use std::sync::atomic::{AtomicU64, Ordering};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Script {
    Cyrillic,
    Latin,
    /// Hindi (and Marathi, Nepali) script.
    Devanagari,
    Other,
}

/// The disguises found in a word.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Evasion {
    pub lookalike: bool,
    pub digits: bool,
    pub invisible: bool,
    pub spaced: bool,
    pub stretched: bool,
}

impl Evasion {
    pub fn any(self) -> bool {
        self.lookalike || self.digits || self.invisible || self.spaced || self.stretched
    }
}

#[derive(Debug, Clone)]
pub struct Word {
    /// Bytes of the original text the word covers (for a spaced-out word, from its first
    /// letter to its last).
    pub range: Range<usize>,
    /// Where the word's normalised form is in [`Words`]' buffer (read it with
    /// [`Words::normalized`]): lower case, disguises undone, `ё` as `е`; stretched letters are
    /// kept (the stemmer needs real spelling) and folded later, in [`fold_repeats`].
    key: Range<u32>,
    pub script: Script,
    pub evasion: Evasion,
    /// The word as written is in capitals (and has at least two letters).
    pub all_caps: bool,
    /// The word's entry in the [`Memo`] it was read through ([`Words::memo`]), or
    /// [`NOT_KEPT`]: what is known of the word's normal form can be kept by entry.
    memo_entry: u32,
}

/// The [`Word::memo_entry`] of a word no memo keeps.
pub const NOT_KEPT: u32 = u32::MAX;

/// Words are equal when they are read the same, through a memo or not.
impl PartialEq for Word {
    fn eq(&self, other: &Word) -> bool {
        (self.range == other.range)
            && self.key == other.key
            && self.script == other.script
            && self.evasion == other.evasion
            && self.all_caps == other.all_caps
    }
}

impl Eq for Word {}

/// The words of a text, in order, with their normalised forms in one buffer (one allocation
/// per text, not one per word). Reads as a slice of [`Word`]s.
#[derive(Debug, Clone, Default)]
pub struct Words {
    list: Vec<Word>,
    normalized: String,
    /// The [`Memo::generation`] of the memo the words were read through (0: none).
    memo: u64,
}

impl PartialEq for Words {
    fn eq(&self, other: &Words) -> bool {
        self.list == other.list && self.normalized == other.normalized
    }
}

impl Eq for Words {}

impl Words {
    /// The normalised form of one of these words.
    pub fn normalized(&self, word: &Word) -> &str {
        &self.normalized[word.key.start as usize..word.key.end as usize]
    }

    /// Whether the normal form of one of these words is all ASCII digits (a number, or digits
    /// with invisible characters between). Read as bytes: a string slice would check both
    /// ends for character boundaries, on every word.
    pub fn is_number(&self, word: &Word) -> bool {
        self.normalized.as_bytes()[word.key.start as usize..word.key.end as usize]
            .iter()
            .all(u8::is_ascii_digit)
    }

    /// A number that names the memo these words were read through, as it was (no two memos,
    /// nor one memo before and after it is emptied, have the same), and the entry of each
    /// word in it ([`NOT_KEPT`] for a word it does not keep). 0 and no entries when the words
    /// were read without one. The lexicon keeps what it knows of a word by its entry.
    pub fn memo_entries(&self) -> (u64, impl Iterator<Item = u32> + '_) {
        (self.memo, self.list.iter().map(|w| w.memo_entry))
    }

    /// Empties the words, keeping their buffers for the words of another text (natively: the
    /// analysis keeps no spare words in WebAssembly).
    #[cfg(not(target_arch = "wasm32"))]
    pub(crate) fn clear(&mut self) {
        self.list.clear();
        self.normalized.clear();
        self.memo = 0;
    }

    /// The bytes the words' buffers hold.
    #[cfg(not(target_arch = "wasm32"))]
    pub(crate) fn buffer_bytes(&self) -> usize {
        self.list.capacity() * size_of::<Word>() + self.normalized.capacity()
    }
}

impl Deref for Words {
    type Target = [Word];

    fn deref(&self) -> &[Word] {
        &self.list
    }
}

/// Characters that render as nothing. Inside a word they are a disguise; elsewhere they are
/// reported by the `invisible-character` rule.
pub fn is_invisible(c: char) -> bool {
    if c < '\u{00AD}' {
        return false; // the common case, asked first
    }
    matches!(c,
        '\u{00AD}' | '\u{034F}' | '\u{061C}' | '\u{115F}' | '\u{1160}' | '\u{17B4}' | '\u{17B5}' | '\u{180E}'
        | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{206F}'
        | '\u{3164}' | '\u{FEFF}' | '\u{FFA0}' | '\u{2800}' | '\u{E0001}')
}

/// Latin letters that look like Cyrillic ones, and back.
fn latin_to_cyrillic(c: char) -> Option<char> {
    Some(match c {
        'a' => 'а',
        'c' => 'с',
        'e' => 'е',
        'o' => 'о',
        'p' => 'р',
        'x' => 'х',
        'y' => 'у',
        'k' => 'к',
        'A' => 'А',
        'B' => 'В',
        'C' => 'С',
        'E' => 'Е',
        'H' => 'Н',
        'K' => 'К',
        'M' => 'М',
        'O' => 'О',
        'P' => 'Р',
        'T' => 'Т',
        'X' => 'Х',
        'Y' => 'У',
        _ => return None,
    })
}

fn cyrillic_to_latin(c: char) -> Option<char> {
    Some(match c {
        'а' => 'a',
        'с' => 'c',
        'е' => 'e',
        'о' => 'o',
        'р' => 'p',
        'х' => 'x',
        'у' => 'y',
        'к' => 'k',
        'і' => 'i',
        'ј' => 'j',
        'ѕ' => 's',
        'ԁ' => 'd',
        'ԛ' => 'q',
        'ԝ' => 'w',
        'А' => 'A',
        'В' => 'B',
        'С' => 'C',
        'Е' => 'E',
        'Н' => 'H',
        'К' => 'K',
        'М' => 'M',
        'О' => 'O',
        'Р' => 'P',
        'Т' => 'T',
        'Х' => 'X',
        'У' => 'Y',
        'І' => 'I',
        'Ј' => 'J',
        'Ѕ' => 'S',
        _ => return None,
    })
}

/// Digits and symbols used for letters.
fn leet(c: char, script: Script) -> Option<char> {
    match script {
        Script::Cyrillic => Some(match c {
            '0' => 'о',
            '1' => 'и',
            '3' => 'з',
            '4' => 'ч',
            '6' => 'б',
            '8' => 'в',
            '@' => 'а',
            _ => return None,
        }),
        // Digits inside a Devanagari word are not letters in disguise.
        Script::Devanagari => None,
        _ => Some(match c {
            '0' => 'o',
            '1' => 'i',
            '3' => 'e',
            '4' => 'a',
            '5' => 's',
            '7' => 't',
            '8' => 'b',
            '@' => 'a',
            '$' => 's',
            _ => return None,
        }),
    }
}

pub(crate) fn script_of(c: char) -> Script {
    match c {
        'a'..='z' | 'A'..='Z' | 'À'..='ɏ' => Script::Latin,
        '\u{0400}'..='\u{04FF}' | '\u{0500}'..='\u{052F}' => Script::Cyrillic,
        '\u{0900}'..='\u{097F}' => Script::Devanagari,
        _ => Script::Other,
    }
}

/// Part of a word as written: letters, digits, and the symbols used for letters.
pub(crate) fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        // Most characters asked about are ASCII spaces and punctuation.
        return c.is_ascii_alphanumeric() || c == '@' || c == '$';
    }
    class::is_alphanumeric(c)
        || c == '@'
        || c == '$'
        || is_invisible(c)
        || ('\u{0300}'..='\u{036F}').contains(&c)
        || is_devanagari_mark(c)
}

/// Devanagari signs that are not letters but belong inside a word: the virama that joins
/// consonants (`्`), the nukta (`़`) and the stress marks. The vowel signs are letters already.
fn is_devanagari_mark(c: char) -> bool {
    matches!(c, '\u{093C}' | '\u{094D}' | '\u{0951}'..='\u{0954}')
}

/// Splits `text` into words, skipping the byte ranges in `skip` (placeholders, links).
pub fn split(text: &str, skip: &[Range<usize>]) -> Words {
    read(
        text,
        &raw_tokens(text, skip),
        None::<&mut Memo<RandomState>>,
        Words::default(),
    )
    .0
}

/// The words of `text` from the byte ranges of its runs of word characters (in order, as a
/// tokenizer found them): letters spelled out one by one are joined, and each word is
/// normalised, or copied from `memo` when it was met before. Also gives, for each raw range,
/// the index of the word it is part of (`u32::MAX` when it makes no word); nothing when each
/// made a word of its own (as in most texts: then raw range `i` is word `i`). The words are
/// written into `into` (empty words, [`Words::clear`], whose buffers are reused).
pub fn from_raw<H: BuildHasher>(
    text: &str,
    raw: &[Range<usize>],
    memo: &mut Memo<H>,
    into: Words,
) -> (Words, Vec<u32>) {
    read(text, raw, Some(memo), into)
}

fn read<H: BuildHasher>(
    text: &str,
    raw: &[Range<usize>],
    mut memo: Option<&mut Memo<H>>,
    mut words: Words,
) -> (Words, Vec<u32>) {
    words.list.reserve(raw.len());
    // Normalised words are about as long as written ones.
    words
        .normalized
        .reserve(raw.last().map_or(0, |r| r.end) - raw.first().map_or(0, |r| r.start));
    // Built only once a raw range makes no word of its own: until then, range `i` is word `i`.
    let mut of_raw: Vec<u32> = Vec::new();
    if let Some(memo) = memo.as_deref_mut() {
        if memo.words.len() + raw.len() > MEMO_WORDS {
            memo.clear();
        }
        words.memo = memo.generation;
    }
    merge_spaced(text, raw, |span, range, spaced| {
        let word = match memo.as_deref_mut() {
            Some(memo) if !spaced => memo.normalize(text, range, &mut words.normalized),
            _ => normalize(text, range, spaced, &mut words.normalized),
        };
        let index = words.list.len();
        // A span that was not joined is one raw range.
        let own = word.is_some() && !spaced;
        if !own && of_raw.is_empty() && !raw.is_empty() {
            of_raw = (0..index as u32).collect();
            of_raw.resize(raw.len(), u32::MAX);
        }
        if let Some(word) = word {
            if !of_raw.is_empty() {
                of_raw[span].fill(index as u32);
            }
            words.list.push(word);
        }
    });
    (words, of_raw)
}

/// The words normalised so far (kept by the caller, per thread). A word's normal form (unless
/// it is spaced out) depends on how it is written alone, and the words of templates repeat
/// (across fields, templates and the keystrokes of an editor): a word met before is copied,
/// not read again. What is kept is a function of the written word alone, so the memo changes
/// no result.
pub struct Memo<H> {
    /// Names the memo and its contents: a new number when it is made and each time it is
    /// emptied (entries are then numbered anew).
    generation: u64,
    /// Written word → its entry in `words`.
    index: HashMap<Box<str>, u32, H>,
    /// What each word normalises to (its `range` unused, its `key` in `normalized`), or
    /// `None` when nothing of it is left to match.
    words: Vec<Option<Word>>,
    normalized: String,
}

impl<H: Default> Default for Memo<H> {
    fn default() -> Memo<H> {
        Memo {
            generation: next_generation(),
            index: HashMap::default(),
            words: Vec::new(),
            normalized: String::new(),
        }
    }
}

/// A memo generation never given before (by any thread): 1, 2, ...
fn next_generation() -> u64 {
    static LAST: AtomicU64 = AtomicU64::new(0);
    LAST.fetch_add(1, Ordering::Relaxed) + 1
}

/// The memo is emptied when a text would take it over this many words, and takes no more
/// words than this from one text.
const MEMO_WORDS: usize = 16 * 1024;
/// Longer words (rare, and costly to keep) are normalised every time.
const MEMO_WORD_BYTES: usize = 64;

impl<H: BuildHasher> Memo<H> {
    /// [`normalize`] of a word that is not spaced out, remembered.
    fn normalize(&mut self, text: &str, range: Range<usize>, out: &mut String) -> Option<Word> {
        let written = &text[range.clone()];
        if written.len() > MEMO_WORD_BYTES {
            return normalize(text, range, false, out);
        }
        if let Some(&i) = self.index.get(written) {
            let known = self.words[i as usize].as_ref()?;
            let from = out.len();
            out.push_str(&self.normalized[known.key.start as usize..known.key.end as usize]);
            return Some(Word {
                range,
                key: key_range(from, out.len()),
                memo_entry: i,
                ..*known
            });
        }
        self.learn(text, range, out)
    }

    /// [`Memo::normalize`] of a word not met before (kept out of line: the hit path above is
    /// taken for nearly every word, and small enough to be inlined into the reading loop).
    #[inline(never)]
    fn learn(&mut self, text: &str, range: Range<usize>, out: &mut String) -> Option<Word> {
        let written = &text[range.clone()];
        let mut word = normalize(text, range, false, out);
        if self.words.len() < MEMO_WORDS {
            let entry = self.words.len() as u32;
            if let Some(w) = &mut word {
                w.memo_entry = entry;
            }
            let known = word.as_ref().map(|w| {
                let from = self.normalized.len();
                self.normalized
                    .push_str(&out[w.key.start as usize..w.key.end as usize]);
                Word {
                    range: 0..0,
                    key: key_range(from, self.normalized.len()),
                    ..*w
                }
            });
            self.index.insert(written.into(), entry);
            self.words.push(known);
        }
        word
    }

    fn clear(&mut self) {
        self.generation = next_generation();
        self.index.clear();
        self.words.clear();
        self.normalized.clear();
    }
}

/// What is known of words by their entry in the memo they were read through
/// ([`Words::memo_entries`]): an index read instead of a word hashed and compared again. A value
/// holds for its memo as it was: words of another memo, or of the same memo after it was
/// emptied, start it afresh.
pub struct ByMemoEntry<T> {
    memo: u64,
    known: Vec<Option<T>>,
}

impl<T: Copy> ByMemoEntry<T> {
    pub const fn new() -> ByMemoEntry<T> {
        ByMemoEntry {
            memo: 0,
            known: Vec::new(),
        }
    }

    /// The value of each of `words`, in order: read when kept, else `compute`d (and kept when
    /// the memo keeps the word).
    pub fn each<'a>(
        &'a mut self,
        words: &'a Words,
        mut compute: impl FnMut(&Word) -> T + 'a,
    ) -> impl Iterator<Item = T> + 'a {
        let (memo, entries) = words.memo_entries();
        if memo != self.memo {
            self.clear();
            self.memo = memo;
        }
        words.iter().zip(entries).map(move |(word, entry)| {
            let at = entry as usize;
            if let Some(&Some(value)) = self.known.get(at) {
                return value;
            }
            let value = compute(word);
            if entry != NOT_KEPT {
                if at >= self.known.len() {
                    self.known.resize(at + 1, None);
                }
                self.known[at] = Some(value);
            }
            value
        })
    }

    /// Forgets every value (when what they were computed from is emptied).
    pub fn clear(&mut self) {
        self.known.clear();
    }
}

impl<T: Copy> Default for ByMemoEntry<T> {
    fn default() -> ByMemoEntry<T> {
        ByMemoEntry::new()
    }
}

fn raw_tokens(text: &str, skip: &[Range<usize>]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut skip = skip.iter().peekable();
    for (i, c) in text.char_indices() {
        while skip.peek().is_some_and(|r| r.end <= i) {
            skip.next();
        }
        let skipped = skip.peek().is_some_and(|r| r.start <= i);
        let inside = !skipped && is_word_char(c);
        match (start, inside) {
            (None, true) => start = Some(i),
            (Some(s), false) => {
                out.push(s..i);
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push(s..text.len());
    }
    // `@` and `$` only stand for letters inside words; alone they are symbols.
    out.retain(|r| text[r.clone()].chars().any(class::is_alphanumeric));
    out
}

/// Joins runs of at least four one-letter tokens of one alphabet, separated by the same space,
/// dot, dash, underscore or asterisk («с к и д к а», "F.R.E.E"): nobody writes four one-letter
/// words in a row. Gives `each` the spans of token indices in order, each with the bytes it
/// covers and whether it was joined.
fn merge_spaced(
    text: &str,
    tokens: &[Range<usize>],
    mut each: impl FnMut(Range<usize>, Range<usize>, bool),
) {
    let letter = |r: &Range<usize>| {
        let written = &text[r.clone()];
        // Most tokens start with two ASCII letters or digits, or with two Cyrillic letters of
        // U+0400–U+045F: not one letter.
        let b = written.as_bytes();
        let cyrillic =
            |k: usize| matches!((b[k], b[k + 1]), (0xD0, 0x80..=0xBF) | (0xD1, 0x80..=0x9F));
        if (b.len() >= 2 && b[0].is_ascii_alphanumeric() && b[1].is_ascii_alphanumeric())
            || (b.len() >= 4 && cyrillic(0) && cyrillic(2))
        {
            return None;
        }
        let mut letters = written.chars().filter(|&c| class::is_alphanumeric(c));
        match (letters.next(), letters.next()) {
            (Some(c), None) => Some(script_of(c)),
            _ => None,
        }
    };
    let gap = |a: &Range<usize>, b: &Range<usize>| {
        let gap = &text[a.end..b.start];
        matches!(gap, " " | "." | "-" | "_" | "*" | "\u{00A0}").then_some(gap)
    };
    let mut i = 0;
    while i < tokens.len() {
        let mut j = i;
        let script = letter(&tokens[i]);
        let sep = script
            .and_then(|_| tokens.get(i + 1))
            .and_then(|n| gap(&tokens[i], n));
        while j + 1 < tokens.len()
            && script.is_some()
            && sep.is_some()
            && letter(&tokens[j + 1]) == script
            && gap(&tokens[j], &tokens[j + 1]) == sep
        {
            j += 1;
        }
        if j - i + 1 >= 4 {
            each(i..j + 1, tokens[i].start..tokens[j].end, true);
            i = j + 1;
        } else {
            each(i..i + 1, tokens[i].clone(), false);
            i += 1;
        }
    }
}

/// The word of `text` at `range`, its normalised form appended to `out`; `None` (and `out`
/// unchanged) when nothing of it is left to match.
fn normalize(text: &str, range: Range<usize>, spaced: bool, out: &mut String) -> Option<Word> {
    if !spaced {
        if let Some(word) = plain(&text[range.clone()], &range, out) {
            return Some(word);
        }
    }
    normalize_any(text, range, spaced, out)
}

/// [`normalize`] for any word: disguises undone and recorded.
fn normalize_any(text: &str, range: Range<usize>, spaced: bool, out: &mut String) -> Option<Word> {
    let written = &text[range.clone()];
    let mut evasion = Evasion {
        spaced,
        ..Evasion::default()
    };
    // Letters per script: Cyrillic, Latin, Devanagari.
    let mut counts = [0usize; 3];
    let (mut letters, mut digits) = (0, 0);
    for c in written.chars() {
        match script_of(c) {
            Script::Cyrillic => counts[0] += 1,
            Script::Latin => counts[1] += 1,
            Script::Devanagari => counts[2] += 1,
            Script::Other => {}
        }
        if class::is_alphabetic(c) {
            letters += 1;
        } else if c.is_ascii_digit() {
            digits += 1;
        }
    }
    // The script with the most letters; on a tie («Frее»: two and two) the first letter of a
    // leading script says which alphabet was meant.
    let most = counts.iter().copied().max().unwrap_or(0);
    let leads = |s: Script| match s {
        Script::Cyrillic => counts[0] == most,
        Script::Latin => counts[1] == most,
        Script::Devanagari => counts[2] == most,
        Script::Other => false,
    };
    let script = written
        .chars()
        .map(script_of)
        .find(|&s| most > 0 && leads(s))
        .unwrap_or(Script::Other);
    // Digits count as letters only inside a real word: `ск1дка`, `fr33`, not `2024г`.
    let leet_ok = letters >= 2 && digits > 0 && digits <= letters;
    let all_caps = letters >= 2
        && written
            .chars()
            .filter(|&c| class::is_alphabetic(c))
            .all(class::is_uppercase);
    let from = out.len();
    for (i, c) in written.char_indices() {
        if spaced && !class::is_alphanumeric(c) && c != '@' && c != '$' {
            continue; // the separators of a spaced-out word
        }
        if is_invisible(c) {
            // After a virama, a joiner or non-joiner chooses how a conjunct is drawn: spelling.
            let after_virama = written[..i].ends_with('\u{094D}');
            let joiner = matches!(c, '\u{200C}' | '\u{200D}');
            evasion.invisible |= !(joiner && after_virama);
            continue;
        }
        let mapped = match script {
            Script::Cyrillic if script_of(c) == Script::Latin => latin_to_cyrillic(c),
            Script::Latin if script_of(c) == Script::Cyrillic => cyrillic_to_latin(c),
            _ => None,
        };
        let c = match mapped {
            Some(m) => {
                evasion.lookalike = true;
                m
            }
            None if !class::is_alphabetic(c) && (leet_ok || c == '@' || c == '$') => {
                match leet(c, script) {
                    Some(m) => {
                        evasion.digits = true;
                        m
                    }
                    None => c,
                }
            }
            None => c,
        };
        // `ё` is read as `е` (only `Ё` lowercases to `ё`), and Devanagari spellings that
        // people write either way are read one way (see [`devanagari_plain`]).
        if c == 'ё' || c == 'Ё' {
            out.push('е');
        } else if script_of(c) == Script::Devanagari {
            out.extend(devanagari_plain(c));
        } else {
            class::push_lowercase(out, c);
        }
    }
    if out.len() == from {
        return None;
    }
    evasion.stretched = has_run(&out[from..], 3);
    Some(Word {
        range,
        key: key_range(from, out.len()),
        script,
        evasion,
        all_caps,
        memo_entry: NOT_KEPT,
    })
}

/// A Devanagari character as matching reads it: without the nukta, which is typed or left out
/// at will («मुफ़्त», «मुफ्त») and comes precomposed or as a sign of its own (`फ़` U+095E or
/// `फ` + U+093C), and with the chandrabindu as the anusvara («शुभकामनाएँ», «शुभकामनाएं»).
fn devanagari_plain(c: char) -> Option<char> {
    Some(match c {
        '\u{093C}' => return None,
        '\u{0901}' => '\u{0902}',
        // क़ ख़ ग़ ज़ ड़ ढ़ फ़ य़ → क ख ग ज ड ढ फ य
        '\u{0958}' => 'क',
        '\u{0959}' => 'ख',
        '\u{095A}' => 'ग',
        '\u{095B}' => 'ज',
        '\u{095C}' => 'ड',
        '\u{095D}' => 'ढ',
        '\u{095E}' => 'फ',
        '\u{095F}' => 'य',
        c => c,
    })
}

/// The common case, without a disguise to undo: a word of ASCII letters only, of Russian
/// letters only, or a number. `None` sends any other word through [`normalize`]'s full
/// reading.
fn plain(written: &str, range: &Range<usize>, out: &mut String) -> Option<Word> {
    let bytes = written.as_bytes();
    let from = out.len();
    let word = |end, script, stretched, all_caps| Word {
        range: range.clone(),
        key: key_range(from, end),
        script,
        evasion: Evasion {
            stretched,
            ..Evasion::default()
        },
        all_caps,
        memo_entry: NOT_KEPT,
    };
    if bytes.iter().all(u8::is_ascii_digit) {
        // No letters: no script, no disguise, no capitals.
        out.push_str(written);
        return Some(word(out.len(), Script::Other, false, false));
    }
    if bytes.iter().all(u8::is_ascii_alphabetic) {
        let caps = bytes.len() >= 2 && bytes.iter().all(u8::is_ascii_uppercase);
        // [`has_run`] of three, for letters only.
        let stretched = bytes
            .windows(3)
            .any(|w| w[0].eq_ignore_ascii_case(&w[1]) && w[1].eq_ignore_ascii_case(&w[2]));
        out.push_str(written);
        out[from..].make_ascii_lowercase();
        return Some(word(out.len(), Script::Latin, stretched, caps));
    }
    let (caps, stretched) = russian_lowercase(bytes, out)?;
    Some(word(out.len(), Script::Cyrillic, stretched, caps))
}

/// A word's place in the buffer of normalised words. Texts are far below 4 GiB (the input
/// limits), so `u32` offsets keep [`Word`] small.
fn key_range(from: usize, to: usize) -> Range<u32> {
    from as u32..to as u32
}

/// Whether some letter repeats `n` or more times in a row.
fn has_run(s: &str, n: usize) -> bool {
    let mut prev = None;
    let mut run = 0;
    for c in s.chars() {
        if Some(c) == prev && class::is_alphabetic(c) {
            run += 1;
            if run >= n {
                return true;
            }
        } else {
            run = 1;
            prev = Some(c);
        }
    }
    false
}

/// A word of Russian letters only (`А`–`я`, `Ё`, `ё`), read two bytes a letter: lower case
/// with `ё` as `е` appended to `lower`, whether it is in capitals (two letters or more), and
/// whether a letter repeats three times in a row ([`has_run`]). `None` (and `lower` as it
/// was) for any other word.
fn russian_lowercase(bytes: &[u8], lower: &mut String) -> Option<(bool, bool)> {
    if bytes.len() % 2 != 0 {
        return None;
    }
    let from = lower.len();
    let mut caps = true;
    let (mut previous, mut run, mut stretched) = (0, 0, false);
    for pair in bytes.chunks_exact(2) {
        let (lead, low) = (pair[0], u32::from(pair[1]));
        // The code point of the lower-case letter.
        let code = match (lead, low) {
            (0xD0, 0x90..=0x9F) => 0x430 + (low - 0x90), // А–П → а–п
            (0xD0, 0xA0..=0xAF) => 0x440 + (low - 0xA0), // Р–Я → р–я
            (0xD0, 0x81) => 0x435,                       // Ё → е
            (0xD0, 0xB0..=0xBF) => {
                caps = false;
                0x430 + (low - 0xB0) // а–п
            }
            (0xD1, 0x80..=0x8F) => {
                caps = false;
                0x440 + (low - 0x80) // р–я
            }
            (0xD1, 0x91) => {
                caps = false;
                0x435 // ё → е
            }
            _ => {
                lower.truncate(from);
                return None;
            }
        };
        if code == previous {
            run += 1;
            stretched |= run >= 3;
        } else {
            (previous, run) = (code, 1);
        }
        // Every code above is a letter of U+0430–U+044F.
        lower.push(char::from_u32(code).expect("a Cyrillic letter"));
    }
    Some((caps && bytes.len() >= 4, stretched))
}

/// Whether a normalised word is stretched: a letter three times or more in a row («скииидка»,
/// "FREEEE"), as [`Evasion::stretched`] says of the word it comes from.
pub fn is_stretched(normalized: &str) -> bool {
    has_run(normalized, 3)
}

/// Folds every run of a repeated letter to one letter: the last step of a stretched word's
/// matching key, and of a lexicon key it is compared with, so «скииидка» and «скидка» meet.
pub fn fold_repeats(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut prev = None;
    for c in s.chars() {
        if Some(c) != prev {
            out.push(c);
        }
        prev = Some(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_words_of_digits_only() {
        let words = split("2024 год 1\u{200B}5 ск1дка 50%", &[]);
        let numbers: Vec<bool> = words.iter().map(|w| words.is_number(w)).collect();
        assert_eq!(numbers, [true, false, true, false, true]);
    }

    fn words(text: &str) -> Vec<(String, &str, Evasion)> {
        let words = split(text, &[]);
        words
            .iter()
            .map(|w| {
                let normalized = words.normalized(w).to_string();
                (normalized, &text[w.range.clone()], w.evasion)
            })
            .collect()
    }

    #[test]
    fn the_plain_path_reads_words_as_the_full_one_does() {
        for w in [
            "Скидка",
            "СКИДКА",
            "Ёлка",
            "ЁЖ",
            "ёж",
            "sale",
            "SALE",
            "Sale",
            "A",
            "Я",
            "я",
            "скииидка",
            "FREEEE",
            "ЙЦУКЕН",
            "щёлк",
            "ab",
            "AB",
            "2024",
            "7",
            "аАа",
            "еЁё",
            "ПРИВЕТ",
            "Рыба",
            "ЯЯ",
            "pPp",
            "SaLe",
        ] {
            let range = 0..w.len();
            // After another word, as in a text's buffer.
            let (mut fast, mut full) = ("x".to_string(), "x".to_string());
            assert_eq!(
                plain(w, &range, &mut fast),
                normalize_any(w, range, false, &mut full),
                "{w}"
            );
            assert_eq!(fast, full, "{w}");
        }
    }

    #[test]
    fn remembered_words_read_as_new_ones() {
        let text = "Скидка sale SALE Sale ск1дка fr33 2024 2024г ски\u{200B}дка Frее скииидка \
                    с к и д к а ёж ЁЖ @ $ale \u{200B} मुफ़्त";
        let mut memo = Memo::<RandomState>::default();
        let raw = raw_tokens(text, &[]);
        let expected = split(text, &[]);
        // The second time, every word comes from the memo, and is written into the buffers
        // of the first time's words.
        let mut reused = Words::default();
        for _ in 0..2 {
            let (words, _) = from_raw(text, &raw, &mut memo, reused);
            assert_eq!(words, expected);
            reused = words;
            reused.clear();
        }
        // More words than the memo keeps: it is emptied, then fills up again.
        let many: Vec<String> = (0..MEMO_WORDS + 100)
            .map(|i| {
                let (a, b, c) = (i % 26, i / 26 % 26, i / 676 % 26);
                [a, b, c]
                    .iter()
                    .map(|&k| char::from(b'a' + k as u8))
                    .collect()
            })
            .collect();
        let text = many.join(" ");
        let raw = raw_tokens(&text, &[]);
        let expected = split(&text, &[]);
        for _ in 0..2 {
            assert_eq!(from_raw(&text, &raw, &mut memo, reused).0, expected);
            reused = Words::default();
        }
    }

    #[test]
    fn raw_ranges_map_to_words_only_when_some_are_joined() {
        let mut memo = Memo::<RandomState>::default();
        let of_raw = |text: &str, memo: &mut Memo<RandomState>| {
            from_raw(text, &raw_tokens(text, &[]), memo, Words::default()).1
        };
        assert_eq!(of_raw("Только сегодня", &mut memo), Vec::<u32>::new());
        assert_eq!(
            of_raw("Только с к и д к а сегодня", &mut memo),
            [0, 1, 1, 1, 1, 1, 1, 2]
        );
    }

    #[test]
    fn plain_words() {
        let w = words("Ваша скидка — 20%! Ёлка, e-mail");
        let n: Vec<&str> = w.iter().map(|(n, _, _)| n.as_str()).collect();
        assert_eq!(n, ["ваша", "скидка", "20", "елка", "e", "mail"]);
        assert!(w.iter().all(|(_, _, e)| !e.any()));
    }

    #[test]
    fn lookalike_letters() {
        let w = words("Cкидкa 50%");
        assert_eq!(w[0].0, "скидка");
        assert_eq!(w[0].1, "Cкидкa");
        assert!(w[0].2.lookalike);
        let w = words("Frее");
        assert_eq!(w[0].0, "free");
        assert!(w[0].2.lookalike);
    }

    #[test]
    fn digits_for_letters() {
        let w = words("ск1дка и fr33 в 2024г");
        assert_eq!(w[0].0, "скидка");
        assert!(w[0].2.digits);
        assert_eq!(w[2].0, "free");
        assert_eq!(w[4].0, "2024г", "a year with a letter is not leetspeak");
        let w = words("$ale @");
        assert_eq!(w.len(), 1);
        assert_eq!(w[0].0, "sale");
    }

    #[test]
    fn invisible_characters_inside_words() {
        let t = "ски\u{200B}дка";
        let w = words(t);
        assert_eq!(w.len(), 1);
        assert_eq!(w[0].0, "скидка");
        assert_eq!(w[0].1, t);
        assert!(w[0].2.invisible);
    }

    #[test]
    fn spaced_out_letters() {
        let t = "Только сегодня с к и д к а 50%, и F-R-E-E доставка";
        let w = words(t);
        let spaced: Vec<_> = w
            .iter()
            .filter(|(_, _, e)| e.spaced)
            .map(|(n, s, _)| (n.as_str(), *s))
            .collect();
        assert_eq!(spaced, [("скидка", "с к и д к а"), ("free", "F-R-E-E")]);
        // Three one-letter words are ordinary Russian.
        assert!(words("и в с ним").iter().all(|(_, _, e)| !e.spaced));
    }

    #[test]
    fn stretched_letters() {
        let w = words("скииииидка FREEEE");
        assert!(w[0].2.stretched && w[1].2.stretched);
        assert_eq!(fold_repeats(&w[0].0), "скидка");
        assert_eq!(fold_repeats("free"), "fre");
    }

    #[test]
    fn skips_ranges() {
        let t = "Заказ {{order_id}} на https://shop.ru/sale";
        let p = t.find("{{").unwrap();
        let skip = [p..p + 12, t.find("https").unwrap()..t.len()];
        let words = split(t, &skip);
        let n: Vec<&str> = words.iter().map(|w| words.normalized(w)).collect();
        assert_eq!(n, ["заказ", "на"]);
    }

    #[test]
    fn devanagari_words_keep_their_signs() {
        // The virama (्) and nukta (़) are not letters to Unicode: without them a word fell
        // apart («स्पेशल» into «स» and «पेशल»). The danda (।) ends a sentence, not a word.
        let w = split("आपका स्पेशल ऑफ़र। क्ष", &[]);
        let n: Vec<&str> = w.iter().map(|x| w.normalized(x)).collect();
        assert_eq!(n, ["आपका", "स्पेशल", "ऑफर", "क्ष"]);
        assert!(w
            .iter()
            .all(|w| w.script == Script::Devanagari && !w.evasion.any()));
        assert!(w.iter().all(|w| !w.all_caps));
    }

    #[test]
    fn devanagari_spelling_variants_are_one_word() {
        // फ़ precomposed (U+095E), फ + nukta, and फ without it; chandrabindu and anusvara.
        for written in ["मु\u{095E}्त", "मुफ\u{093C}्त", "मुफ्त"] {
            let w = split(written, &[]);
            assert_eq!(w.len(), 1, "{written}");
            assert_eq!(w.normalized(&w[0]), "मुफ्त", "{written}");
        }
        let (a, b) = (split("शुभकामनाएँ", &[]), split("शुभकामनाएं", &[]));
        assert_eq!(a.normalized(&a[0]), b.normalized(&b[0]));
    }

    #[test]
    fn joiners_after_a_virama_are_spelling() {
        // A joiner after a virama chooses how a conjunct is drawn; elsewhere it is a disguise.
        let w = split("क्\u{200D}ष क्\u{200C}ष छू\u{200B}ट", &[]);
        assert_eq!(w.len(), 3);
        assert!(!w[0].evasion.invisible && !w[1].evasion.invisible);
        assert_eq!(w.normalized(&w[0]), "क्ष");
        assert!(w[2].evasion.invisible);
        assert_eq!(w.normalized(&w[2]), "छूट");
    }

    #[test]
    fn digits_in_devanagari_words_stay_digits() {
        let w = split("50प्रतिशत", &[]);
        assert_eq!(w.normalized(&w[0]), "50प्रतिशत");
        assert!(!w[0].evasion.digits);
    }

    #[test]
    fn capitals() {
        let w = split("СКИДКА Ok A SALE", &[]);
        assert_eq!(
            w.iter().map(|w| w.all_caps).collect::<Vec<_>>(),
            [true, false, false, true]
        );
    }
}
