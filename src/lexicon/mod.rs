//! Word lists with weights and groups, matched on stems.
//!
//! The lists are data (`ru.txt`, `en.txt`, `es.txt`, `pt.txt`, format in `README.md`). Each
//! phrase and each word of the text is reduced to a key: normalised (see [`crate::words`]),
//! stemmed with the Snowball stemmer of its alphabet's language, then with repeated letters
//! folded. Phrases are indexed by the key of their first word, so matching a text is one hash
//! lookup per word, and matches are whole words by construction.

mod keys;

use crate::words::{fold_repeats, Script, Word};
pub use keys::Latin;
use std::cell::RefCell;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::ops::Range;
use std::sync::OnceLock;

/// One list as `build.rs` wrote it: its language, its lines, their keys.
macro_rules! list {
    ($lang:literal) => {
        (
            $lang,
            include_str!(concat!(env!("OUT_DIR"), "/", $lang, ".txt")),
            include_str!(concat!(env!("OUT_DIR"), "/", $lang, ".keys")),
        )
    };
}

/// The lists without their comment lines, and the keys of each line's phrase, computed by
/// `build.rs` with [`keys::phrase_keys`]: one line per list line, written by [`keys::encode`]
/// (an empty line for a line without a phrase).
const SOURCES: [(&str, &str, &str); 4] = [list!("ru"), list!("en"), list!("es"), list!("pt")];

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Group {
    Discount,
    Price,
    Free,
    Gift,
    Urgency,
    Hype,
    Cta,
    Promo,
    Transactional,
    Optout,
    Sensitive,
    Request,
    Negation,
    Threat,
}

impl Group {
    pub fn parse(s: &str) -> Option<Group> {
        Some(match s {
            "discount" => Group::Discount,
            "price" => Group::Price,
            "free" => Group::Free,
            "gift" => Group::Gift,
            "urgency" => Group::Urgency,
            "hype" => Group::Hype,
            "cta" => Group::Cta,
            "promo" => Group::Promo,
            "transactional" => Group::Transactional,
            "optout" => Group::Optout,
            "sensitive" => Group::Sensitive,
            "request" => Group::Request,
            "negation" => Group::Negation,
            "threat" => Group::Threat,
            _ => return None,
        })
    }

    /// The groups that make a text promotional.
    pub fn is_promotional(self) -> bool {
        matches!(
            self,
            Group::Discount
                | Group::Price
                | Group::Free
                | Group::Gift
                | Group::Urgency
                | Group::Hype
                | Group::Cta
                | Group::Promo
        )
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Group::Discount => "discount",
            Group::Price => "price",
            Group::Free => "free",
            Group::Gift => "gift",
            Group::Urgency => "urgency",
            Group::Hype => "hype",
            Group::Cta => "cta",
            Group::Promo => "promo",
            Group::Transactional => "transactional",
            Group::Optout => "optout",
            Group::Sensitive => "sensitive",
            Group::Request => "request",
            Group::Negation => "negation",
            Group::Threat => "threat",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub weight: i32,
    pub group: Group,
    pub phrase: &'static str,
    /// The list it comes from (`ru`, `en`, ...).
    pub lang: &'static str,
}

/// The matching key of a normalised word: its Snowball stem (Russian for Cyrillic words, the
/// set's language for Latin ones), repeated letters folded.
pub fn key(word: &Word, latin: Latin) -> String {
    let stemmer = match word.script {
        Script::Cyrillic => 0,
        Script::Latin => 1 + latin.index(),
        Script::Devanagari | Script::Other => return fold_repeats(&word.normalized),
    };
    let compute = || keys::stem_key(word, latin);
    if word.normalized.len() > CACHED_WORD_BYTES {
        return compute();
    }
    KEYS.with(|cache| {
        let mut cache = cache.borrow_mut();
        let map = &mut cache[stemmer];
        if let Some(k) = map.get(word.normalized.as_str()) {
            return k.to_string();
        }
        let k = compute();
        if map.len() >= CACHED_KEYS {
            map.clear();
        }
        map.insert(word.normalized.as_str().into(), k.as_str().into());
        k
    })
}

/// Keys already computed, per stemmer (Russian, then each [`Latin`] set) and per thread:
/// stemming is the costliest step of matching, and the words of templates repeat (across
/// fields, templates and the keystrokes of an editor). The key is a function of the word
/// alone, so the cache changes no result; it is emptied when full.
const CACHED_KEYS: usize = 16 * 1024;
/// Longer words (a spaced-out word can be a whole text) are stemmed without being cached.
const CACHED_WORD_BYTES: usize = 64;

type KeyCache = [HashMap<Box<str>, Box<str>, BuildHasherDefault<Fnv>>; 4];

thread_local! {
    static KEYS: RefCell<KeyCache> = RefCell::new(Default::default());
}

/// FNV-1a: for short strings much cheaper than the default SipHash, and the cache holds no
/// attacker-chosen volume that could matter (it is bounded and emptied when full).
#[derive(Default)]
struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

/// A phrase found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Match {
    pub entry: &'static Entry,
    /// Indices of the words it covers.
    pub words: Range<usize>,
    /// Bytes of the original text it covers.
    pub range: Range<usize>,
}

/// One phrase, as the keys of its words; the last one is a prefix when the phrase ends in `*`.
struct Pattern {
    keys: &'static [String],
    open_end: bool,
    entry: &'static Entry,
}

/// The phrases of one list set, indexed by the key of their first word.
struct Compiled {
    patterns: Vec<Pattern>,
    /// First key → patterns starting with that word.
    by_first: HashMap<&'static str, Vec<usize>, BuildHasherDefault<Fnv>>,
    /// One-word phrases ending in `*`: their key is a prefix, checked against every word.
    prefixes: Vec<usize>,
}

/// The entries of every list, and beside each the keys `build.rs` computed for its phrase.
struct Lists {
    entries: Vec<Entry>,
    keys: Vec<Option<(Vec<String>, bool)>>,
}

fn lists() -> &'static Lists {
    static LISTS: OnceLock<Lists> = OnceLock::new();
    LISTS.get_or_init(|| {
        let mut lists = Lists {
            entries: Vec::new(),
            keys: Vec::new(),
        };
        for (lang, text, keys) in SOURCES {
            for (line, keys) in text.lines().zip(keys.lines()) {
                if let Ok(Some(entry)) = parse_line(lang, line) {
                    lists.keys.push(keys::decode(entry.phrase, keys));
                    lists.entries.push(entry);
                }
            }
        }
        lists
    })
}

/// Every entry of every list. Lines that do not parse are skipped here and reported by a test.
pub fn entries() -> &'static [Entry] {
    &lists().entries
}

/// `Ok(None)` for blank and comment lines, `Err` for lines that do not follow the format.
fn parse_line(lang: &'static str, line: &'static str) -> Result<Option<Entry>, String> {
    let line = line.trim();
    if line.is_empty() || line.starts_with('#') {
        return Ok(None);
    }
    let mut parts = line.splitn(3, ' ');
    let weight = parts
        .next()
        .and_then(|w| w.parse::<i32>().ok())
        .ok_or("the weight is not a number")?;
    let group = parts.next().and_then(Group::parse).ok_or("unknown group")?;
    let phrase = keys::phrase_of(line).ok_or("no phrase")?;
    Ok(Some(Entry {
        weight,
        group,
        phrase,
        lang,
    }))
}

/// The phrases of one list set: Russian and English together (English words are common in
/// Russian marketing, and both are always on), Spanish, Portuguese. Each set's Latin words are
/// stemmed with its own language's stemmer, so "sale" is never read as Spanish «sal».
fn compiled(set: Latin) -> &'static Compiled {
    static COMPILED: [OnceLock<Compiled>; 3] = [OnceLock::new(), OnceLock::new(), OnceLock::new()];
    COMPILED[set.index()].get_or_init(|| {
        let lists = lists();
        let patterns: Vec<Pattern> = lists
            .entries
            .iter()
            .zip(&lists.keys)
            .filter(|(e, _)| Latin::of_list(e.lang) == set)
            .filter_map(|(entry, keys)| {
                let (keys, open_end) = keys.as_ref()?;
                Some(Pattern {
                    keys,
                    open_end: *open_end,
                    entry,
                })
            })
            .collect();
        let mut by_first: HashMap<&str, Vec<usize>, BuildHasherDefault<Fnv>> = HashMap::default();
        let mut prefixes = Vec::new();
        for (i, p) in patterns.iter().enumerate() {
            if p.keys.len() == 1 && p.open_end {
                prefixes.push(i);
            } else {
                by_first.entry(p.keys[0].as_str()).or_default().push(i);
            }
        }
        Compiled {
            patterns,
            by_first,
            prefixes,
        }
    })
}

/// Finds every phrase of the lists in `words` (the words of one text, in order): the Russian
/// and English lists always, and the Spanish or Portuguese one for templates in that language.
/// Matches inside a neutral context (weight 0) are dropped, and so are matches contained in a
/// longer match of the same group.
pub fn find(words: &[Word], latin: Latin) -> Vec<Match> {
    if words.is_empty() {
        return Vec::new();
    }
    let mut found = find_in(words, Latin::En);
    if latin != Latin::En {
        found.extend(find_in(words, latin));
    }
    // Keep a match unless a neutral match covers it, or a different, longer match of its
    // group contains it. Both are answered by binary search over word ranges sorted by start
    // (a text with thousands of matches must not compare every pair).
    let neutral = Covers::new(
        found
            .iter()
            .filter(|m| m.entry.weight <= 0)
            .map(|m| m.words.clone()),
    );
    let mut groups: Vec<Group> = found.iter().map(|m| m.entry.group).collect();
    groups.sort_unstable();
    groups.dedup();
    let by_group: Vec<Covers> = groups
        .iter()
        .map(|&g| {
            Covers::new(
                found
                    .iter()
                    .filter(|m| m.entry.group == g)
                    .map(|m| m.words.clone()),
            )
        })
        .collect();
    found.retain(|m| {
        let group = &by_group[groups.binary_search(&m.entry.group).expect("listed above")];
        m.entry.weight > 0 && !neutral.covers(&m.words) && !group.strictly_covers(&m.words)
    });
    found.sort_by_key(|m| (m.range.start, m.range.end));
    found.dedup_by(|a, b| a.words == b.words && a.entry.group == b.entry.group);
    found
}

/// A set of word ranges, for "is this range inside one of them?" in logarithmic time.
struct Covers {
    /// Distinct ranges sorted by (start, end).
    ranges: Vec<Range<usize>>,
    /// `max_end[i]`: the largest end among `ranges[..=i]`.
    max_end: Vec<usize>,
}

impl Covers {
    fn new(ranges: impl Iterator<Item = Range<usize>>) -> Covers {
        let mut ranges: Vec<Range<usize>> = ranges.collect();
        ranges.sort_unstable_by_key(|r| (r.start, r.end));
        ranges.dedup();
        let max_end = ranges
            .iter()
            .scan(0, |max, r| {
                *max = r.end.max(*max);
                Some(*max)
            })
            .collect();
        Covers { ranges, max_end }
    }

    /// The largest end among the ranges that start before `start` (`strict`) or at it.
    fn max_end_from(&self, start: usize, strict: bool) -> Option<usize> {
        let n = self.ranges.partition_point(|r| {
            if strict {
                r.start < start
            } else {
                r.start <= start
            }
        });
        n.checked_sub(1).map(|i| self.max_end[i])
    }

    /// Some range contains `r` (or equals it).
    fn covers(&self, r: &Range<usize>) -> bool {
        self.max_end_from(r.start, false)
            .is_some_and(|end| end >= r.end)
    }

    /// Some range other than `r` itself contains `r`.
    fn strictly_covers(&self, r: &Range<usize>) -> bool {
        // A range that starts before `r` and ends at or after its end, or one that starts
        // with it and ends after it (the ranges are sorted, so the last such one is longest).
        let before = self
            .max_end_from(r.start, true)
            .is_some_and(|end| end >= r.end);
        let same_start = self.ranges.partition_point(|o| o.start <= r.start);
        before
            || same_start
                .checked_sub(1)
                .map(|i| &self.ranges[i])
                .is_some_and(|o| o.start == r.start && o.end > r.end)
    }
}

/// Finds one list set's phrases in the words, keyed with that set's stemmer. A hash lookup of
/// each word's key gives the few phrases that can start there.
fn find_in(words: &[Word], set: Latin) -> Vec<Match> {
    let compiled = compiled(set);
    let keys: Vec<String> = words.iter().map(|w| key(w, set)).collect();
    let mut found = Vec::new();
    for (start, first) in keys.iter().enumerate() {
        let exact = compiled
            .by_first
            .get(first.as_str())
            .map_or(&[][..], Vec::as_slice);
        let prefixed = compiled
            .prefixes
            .iter()
            .filter(|&&i| first.starts_with(compiled.patterns[i].keys[0].as_str()));
        // Pattern order, as one sorted list (both parts are sorted already); most words match
        // no prefix, and then the exact list is used as it is.
        let prefixed: Vec<usize> = prefixed.copied().collect();
        let merged: Vec<usize>;
        let candidates = if prefixed.is_empty() {
            exact
        } else {
            let mut all: Vec<usize> = exact.iter().copied().chain(prefixed).collect();
            all.sort_unstable();
            merged = all;
            &merged[..]
        };
        for &i in candidates {
            let p = &compiled.patterns[i];
            let end = start + p.keys.len();
            if end > keys.len() {
                continue;
            }
            let last = p.keys.len() - 1;
            let fits = p.keys.iter().enumerate().skip(1).all(|(j, k)| {
                let word = &keys[start + j];
                if j == last && p.open_end {
                    word.starts_with(k.as_str())
                } else {
                    word == k
                }
            });
            if fits {
                found.push(Match {
                    entry: p.entry,
                    words: start..end,
                    range: words[start].range.start..words[end - 1].range.end,
                });
            }
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::words;

    fn phrases(text: &str) -> Vec<(&'static str, &str)> {
        let words = words::split(text, &[]);
        find(&words, Latin::En)
            .into_iter()
            .map(|m| (m.entry.phrase, &text[m.range]))
            .collect()
    }

    #[test]
    fn every_line_of_every_list_parses() {
        // The files as written, so that a failure names the right line.
        let files = [
            ("ru", include_str!("ru.txt")),
            ("en", include_str!("en.txt")),
            ("es", include_str!("es.txt")),
            ("pt", include_str!("pt.txt")),
        ];
        for (lang, text) in files {
            for (n, line) in text.lines().enumerate() {
                if let Err(e) = parse_line(lang, line) {
                    panic!("{lang}.txt:{}: {e}: {line}", n + 1);
                }
            }
            assert!(
                entries().iter().filter(|e| e.lang == lang).count() >= 50,
                "{lang}.txt is too small"
            );
        }
    }

    #[test]
    fn the_keys_built_are_the_keys_the_library_computes() {
        let lists = lists();
        assert_eq!(lists.entries.len(), lists.keys.len());
        for (e, built) in lists.entries.iter().zip(&lists.keys) {
            let computed = keys::phrase_keys(e.phrase, Latin::of_list(e.lang));
            assert_eq!(built, &computed, "{}.txt: {}", e.lang, e.phrase);
        }
        // And the same key as a word of a text gets.
        let words = crate::words::split("Скидки", &[]);
        assert_eq!(key(&words[0], Latin::En), "скидк");
    }

    #[test]
    fn every_entry_becomes_a_pattern() {
        let total: usize = [Latin::En, Latin::Es, Latin::Pt]
            .iter()
            .map(|&l| compiled(l).patterns.len())
            .sum();
        assert_eq!(total, entries().len());
    }

    #[test]
    fn no_entry_is_listed_twice() {
        let mut seen = std::collections::HashSet::new();
        for e in entries() {
            let key = (e.lang, e.group, keys::phrase_keys(e.phrase, Latin::En));
            assert!(
                seen.insert(key),
                "{}.txt lists `{}` twice in {:?}",
                e.lang,
                e.phrase,
                e.group
            );
        }
    }

    #[test]
    fn inflected_forms_match() {
        for form in [
            "скидка",
            "скидки",
            "скидку",
            "скидкой",
            "скидками",
            "СКИДКАХ",
        ] {
            let text = format!("Только у нас {form} для вас");
            assert!(
                phrases(&text)
                    .iter()
                    .any(|(p, w)| *p == "скидка" && w.to_lowercase() == form.to_lowercase()),
                "{form}: {:?}",
                phrases(&text)
            );
        }
        assert!(phrases("Big discounts on shoes")
            .iter()
            .any(|(p, _)| *p == "discount"));
    }

    #[test]
    fn whole_words_only() {
        assert!(!phrases("Укажите местоположение")
            .iter()
            .any(|(p, _)| *p == "стоп"));
        let text = "Ответьте СТОП, чтобы отписаться";
        let words = words::split(text, &[]);
        let optout: Vec<&str> = find(&words, Latin::En)
            .into_iter()
            .filter(|m| m.entry.group == Group::Optout)
            .map(|m| &text[m.range])
            .collect();
        assert!(optout.iter().any(|w| w.contains("СТОП")), "{optout:?}");
    }

    #[test]
    fn opt_out_instructions_are_not_transactional() {
        // They close marketing messages; only a confirmation of the change is a notice.
        let transactional = |text: &str| {
            let words = words::split(text, &[]);
            find(&words, Latin::En)
                .into_iter()
                .filter(|m| m.entry.group == Group::Transactional)
                .map(|m| m.entry.phrase)
                .collect::<Vec<_>>()
        };
        for text in [
            "Reply STOP to opt out of further follow-ups.",
            "Subscribe to our newsletter! Unsubscribe at any time.",
        ] {
            assert!(
                transactional(text).is_empty(),
                "{text}: {:?}",
                transactional(text)
            );
        }
        assert!(!transactional("You have been unsubscribed from promotions.").is_empty());
    }

    #[test]
    fn disguised_words_match_on_the_original_span() {
        let text = "Cкидкa, ск1дка, с к и д к а, скииидка";
        let found: Vec<&str> = phrases(text)
            .into_iter()
            .filter(|(p, _)| *p == "скидка")
            .map(|(_, w)| w)
            .collect();
        assert_eq!(found, ["Cкидкa", "ск1дка", "с к и д к а", "скииидка"]);
    }
}
