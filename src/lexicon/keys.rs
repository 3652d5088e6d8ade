//! How a word and a lexicon phrase become matching keys: normalised (see [`crate::words`]),
//! stemmed with the Snowball stemmer of the word's alphabet. Repeated letters are kept ("off"
//! is not "of", «ahorra» is not «ahora»); a stretched word of a text has them folded at
//! matching time (`Compiled::info` in `lexicon`).
//!
//! `build.rs` compiles this file too: it computes the keys of every lexicon phrase at build
//! time (stemming 1 300 phrases took most of the first lint's time), and the library computes
//! the keys of text words at run time with the same code.

use crate::words::{self, fold_repeats, Script};
use std::borrow::Cow;
// The Snowball stemmers, one feature per language: only those used are linked.
use tantivy_stemmers::algorithms;

/// The lists, by language code: `build.rs` prepares each of them (`src/lexicon/<code>.txt`).
// build.rs reads it; the library names the lists in `include_str!`s, and a test checks them.
#[cfg_attr(not(test), allow(dead_code))]
pub const LISTS: [&str; 9] = ["ru", "en", "es", "pt", "fr", "de", "it", "id", "hi"];

/// The list set a template's words are matched against besides Russian and English (always
/// on): its language's list, for the languages walint has one for. It also names the stemmer
/// that reads the Latin-script words of a set; Cyrillic words always use the Russian stemmer,
/// Devanagari words the Hindi one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LangSet {
    /// Russian and English: the lists every template is matched against.
    En,
    Es,
    Pt,
    Fr,
    De,
    It,
    Id,
    /// Hindi: Devanagari words, and Hindi written in Latin letters ("aapka order").
    Hi,
}

/// The language of a template code, its first two letters (`fr` of `fr_CA`), in the case it
/// is written in: compared without a lower-case copy (every template asks).
fn language_of(code: Option<&str>) -> Option<&str> {
    code.map(|c| c.get(..2).unwrap_or(c))
}

impl LangSet {
    /// Every set, in [`LangSet::index`] order.
    pub const ALL: [LangSet; 8] = [
        LangSet::En,
        LangSet::Es,
        LangSet::Pt,
        LangSet::Fr,
        LangSet::De,
        LangSet::It,
        LangSet::Id,
        LangSet::Hi,
    ];

    /// From a template language code (`es_MX`, `pt_BR`, `ru`, ...): a language without a list
    /// of its own gets Russian and English only.
    pub fn from_code(code: Option<&str>) -> LangSet {
        const SETS: [(&str, LangSet); 7] = [
            ("es", LangSet::Es),
            ("pt", LangSet::Pt),
            ("fr", LangSet::Fr),
            ("de", LangSet::De),
            ("it", LangSet::It),
            ("id", LangSet::Id),
            ("hi", LangSet::Hi),
        ];
        let lang = language_of(code);
        SETS.into_iter()
            .find(|(l, _)| lang.is_some_and(|lang| lang.eq_ignore_ascii_case(l)))
            .map_or(LangSet::En, |(_, set)| set)
    }

    /// Whether walint has a list for the language of a template code (`fr_CA`, `ru`, ...):
    /// Russian, English, or a language of its own set. Templates in other languages, or with
    /// no language, are read with the Russian and English lists only, so their words say less.
    pub fn has_list(code: Option<&str>) -> bool {
        language_of(code)
            .is_some_and(|l| l.eq_ignore_ascii_case("ru") || l.eq_ignore_ascii_case("en"))
            || LangSet::from_code(code) != LangSet::En
    }

    /// The set a list belongs to: Russian and English together (English words are common in
    /// Russian marketing, and both are always on), then one set per other language.
    pub fn of_list(lang: &str) -> LangSet {
        LangSet::from_code(Some(lang))
    }

    pub fn index(self) -> usize {
        self as usize
    }

    /// The Snowball stemmer for Latin-script words of this set. Hindi in Latin letters has
    /// none: its words are matched as written, and `*` entries stand for their endings.
    fn stem(self, word: &str) -> Cow<'_, str> {
        match self {
            LangSet::En => algorithms::english_porter_2(word),
            LangSet::Es => algorithms::spanish(word),
            LangSet::Pt => algorithms::portuguese(word),
            LangSet::Fr => algorithms::french(word),
            LangSet::De => algorithms::german(word),
            LangSet::It => algorithms::italian(word),
            LangSet::Id => algorithms::indonesian_tala(word),
            LangSet::Hi => Cow::Borrowed(word),
        }
    }
}

/// The key of a normalised word: its Snowball stem (Russian for Cyrillic words, Hindi for
/// Devanagari ones, the set's language for Latin ones), repeated letters folded only where
/// [`folds_repeats`] says.
pub fn stem_key(normalized: &str, script: Script, set: LangSet) -> String {
    let stem = match script {
        Script::Cyrillic => algorithms::russian(normalized),
        Script::Devanagari => algorithms::hindi_lightweight(normalized),
        Script::Latin => set.stem(normalized),
        Script::Other => Cow::Borrowed(normalized),
    };
    folded_where_due(stem, script, set)
}

/// A key with its repeated letters folded where [`folds_repeats`] says, else as it is.
fn folded_where_due(key: Cow<'_, str>, script: Script, set: LangSet) -> String {
    if folds_repeats(script, set) {
        fold_repeats(&key)
    } else {
        key.into_owned()
    }
}

/// Whether the keys of a script's words in a set always fold repeated letters: Hindi written
/// in Latin letters has no fixed spelling ("aaj", "kharidein" and "khareedein"), and scripts
/// without a stemmer have no list to be precise against.
fn folds_repeats(script: Script, set: LangSet) -> bool {
    matches!(
        (script, set),
        (Script::Latin, LangSet::Hi) | (Script::Other, _)
    )
}

/// The phrase of a lexicon line (`weight group phrase  # comment`), if it has one.
pub fn phrase_of(line: &str) -> Option<&str> {
    let phrase = line.trim().splitn(3, ' ').nth(2)?.trim();
    // A comment may follow the phrase.
    let phrase = phrase.split(" #").next().unwrap_or(phrase).trim_end();
    (!phrase.is_empty()).then_some(phrase)
}

/// The keys of a phrase's words, and whether it ends in `*`, which makes its last key a
/// prefix of any ending (that word is not stemmed). `None` for a phrase without words.
// Called by build.rs, and by the library's tests, which check the built keys against it.
#[cfg_attr(not(test), allow(dead_code))]
pub fn phrase_keys(phrase: &str, set: LangSet) -> Option<(Vec<String>, bool)> {
    let (phrase, open_end) = match phrase.strip_suffix('*') {
        Some(p) => (p, true),
        None => (phrase, false),
    };
    let words = words::split(phrase, &[]);
    let last = words.len().checked_sub(1)?;
    let keys = words
        .iter()
        .enumerate()
        .map(|(i, w)| {
            if i == last && open_end {
                folded_where_due(Cow::Borrowed(words.normalized(w)), w.script, set)
            } else {
                stem_key(words.normalized(w), w.script, set)
            }
        })
        .collect();
    Some((keys, open_end))
}

/// A phrase's word as written, lower-cased with `ё` read as `е`: most keys are a prefix of it
/// (the stem without its ending), and are stored as that prefix's length.
fn written_lower(word: &str) -> String {
    word.chars()
        .flat_map(char::to_lowercase)
        .map(|c| if c == 'ё' { 'е' } else { c })
        .collect()
}

/// The words of a phrase as written (split at spaces, a final `*` dropped).
fn written_words(phrase: &str) -> Vec<String> {
    phrase
        .strip_suffix('*')
        .unwrap_or(phrase)
        .split(' ')
        .map(written_lower)
        .collect()
}

/// The line of a `.keys` file for a phrase (see `build.rs`): `*` if it ends in `*`, a tab,
/// then one token per key: the number of characters the key drops from the end of the
/// phrase's word when it is a prefix of it (`скидка` → `скидк`: `1`), else `=` and the key.
/// Storing most keys as a number keeps the WebAssembly package within its size budget.
#[allow(dead_code)] // build.rs writes the files
pub fn encode(phrase: &str, keys: &[String], open_end: bool) -> String {
    let written = written_words(phrase);
    let tokens: Vec<String> = keys
        .iter()
        .enumerate()
        .map(|(i, key)| {
            let word = written.get(i).filter(|_| written.len() == keys.len());
            match word {
                Some(w) if w.starts_with(key.as_str()) => {
                    (w.chars().count() - key.chars().count()).to_string()
                }
                _ => format!("={key}"),
            }
        })
        .collect();
    format!("{}\t{}", if open_end { "*" } else { "" }, tokens.join(" "))
}

/// The keys of a phrase from its line of a `.keys` file ([`encode`]).
pub fn decode(phrase: &str, line: &str) -> Option<(Vec<String>, bool)> {
    let (open, tokens) = line.split_once('\t')?;
    let written = written_words(phrase);
    let keys = tokens
        .split(' ')
        .enumerate()
        .map(|(i, token)| match token.strip_prefix('=') {
            Some(key) => Some(key.to_string()),
            None => {
                let word = written.get(i)?;
                let keep = word.chars().count().checked_sub(token.parse().ok()?)?;
                Some(word.chars().take(keep).collect())
            }
        })
        .collect::<Option<Vec<String>>>()?;
    Some((keys, open == "*"))
}
