//! What a template says as a whole, read from the analysis of its texts: the promotional
//! score (read by `promotional-wording`, `missing-opt-out` and the prediction) and the
//! features of the category model. They sit below both the rules and the prediction.

pub mod category;
mod features;

pub use features::{
    features, Features, FROM_WORD_LISTS, LABELS as FEATURE_LABELS, NAMES as FEATURE_NAMES,
};

use crate::analysis::{Analysis, Field, Kind, TextFacts, Token};
use crate::lexicon::{Group, Match};
use crate::text::class;
use crate::words::{ByMemoEntry, Words};
use std::cell::RefCell;
use std::collections::BTreeMap;
use std::ops::Range;

/// Words that offer a saving when an amount follows them, in the languages with a lexicon.
const SAVE_WORDS: [&str; 14] = [
    "save",
    "сэкономьте",
    "экономьте",
    "ahorra",
    "ahorre",
    "economize",
    "economiza",
    "économisez",
    "spare",
    "sparen",
    "risparmia",
    "risparmi",
    "hemat",
    "बचाएं",
];

/// A promotional score at or above this is "overtly promotional" (the seed articles' first
/// approval principle: «Сообщение не должно нести явно рекламный характер», `004:137`).
pub const OVERT: i32 = 5;

/// Extra weight for a promotional word written in disguise: hiding a word from filters is
/// itself a spam signal.
const DISGUISE_BONUS: i32 = 2;

/// One promotional signal: a lexicon phrase, or a typographic one (capitals, `!!!`, `50%`).
#[derive(Clone)]
pub struct Signal {
    /// Index of the field in [`Analysis::fields`].
    pub field: usize,
    pub range: Range<usize>,
    pub kind: SignalKind,
    pub weight: i32,
    /// The disguise used, if the word was written to dodge filters.
    pub disguised: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SignalKind {
    Phrase(Group, &'static str),
    Capitals,
    Exclamations,
    Percent,
    Money,
    /// "save" followed by an amount ("save 15%", "Renew today to save {{discount}}").
    Saving,
}

impl SignalKind {
    pub fn group(self) -> Group {
        match self {
            SignalKind::Phrase(g, _) => g,
            SignalKind::Capitals | SignalKind::Exclamations => Group::Hype,
            SignalKind::Percent => Group::Discount,
            SignalKind::Money => Group::Price,
            SignalKind::Saving => Group::Discount,
        }
    }
}

/// The promotional reading of a whole template.
#[derive(Default)]
pub struct Promotion {
    pub signals: Vec<Signal>,
    pub score: i32,
    pub by_group: BTreeMap<Group, i32>,
}

impl Promotion {
    pub fn overt(&self) -> bool {
        self.score >= OVERT
    }

    /// Promotion Meta's rules count in any category: the text as a whole is overt, or one
    /// strong phrase (an offer, a discount), or a word written to dodge filters.
    pub fn decisive(&self) -> bool {
        self.overt()
            || self
                .signals
                .iter()
                .any(|s| s.disguised || s.weight >= DECISIVE_WEIGHT)
    }
}

/// The weight of a phrase that is promotion on its own ("20 % off your next order",
/// «распродажа»), as the lexicons rate it.
const DECISIVE_WEIGHT: i32 = 3;

/// The promotional reading of the message texts of a template.
pub fn promotion(analysis: &Analysis<'_>) -> Promotion {
    let mut p = Promotion::default();
    for (index, field) in analysis.message_fields() {
        let facts = &field.facts;
        let optout: Vec<&Match> = facts.in_group(Group::Optout).collect();
        for m in facts
            .matches
            .iter()
            .filter(|m| m.entry.group.is_promotional())
        {
            let disguised = facts.words[m.words.clone()].iter().any(|w| w.evasion.any());
            p.signals.push(Signal {
                field: index,
                range: m.range.clone(),
                kind: SignalKind::Phrase(m.entry.group, m.entry.phrase),
                weight: m.entry.weight + if disguised { DISGUISE_BONUS } else { 0 },
                disguised,
            });
        }
        typographic(index, field, facts, &optout, &mut p.signals);
    }
    for s in &p.signals {
        p.score += s.weight;
        *p.by_group.entry(s.kind.group()).or_default() += s.weight;
    }
    p
}

/// Whether a word ending at `end` of `text` is followed by a hyphen and a digit.
fn is_numbered_name(text: &str, end: usize) -> bool {
    let mut after = text[end..].bytes();
    after.next() == Some(b'-') && after.next().is_some_and(|b| b.is_ascii_digit())
}

/// Whether one of `words` offers a saving ([`SAVE_WORDS`]). Whether a word does is kept by its
/// memo entry ([`ByMemoEntry`]): an index read for a word met before, not fourteen compared.
fn has_save_word(words: &Words) -> bool {
    thread_local! {
        static SAVING: RefCell<ByMemoEntry<bool>> = const { RefCell::new(ByMemoEntry::new()) };
    }
    SAVING.with_borrow_mut(|known| {
        known
            .each(words, |w| SAVE_WORDS.contains(&words.normalized(w)))
            .any(|saving| saving)
    })
}

/// A vowel of the Latin or Cyrillic alphabets (lower case, as words are normalised), accented
/// ones included: a word in capitals without one is an acronym.
fn is_vowel(c: char) -> bool {
    matches!(
        c,
        'a' | 'e'
            | 'i'
            | 'o'
            | 'u'
            | 'y'
            | 'à'..='æ'
            | 'è'..='ï'
            | 'ò'..='ö'
            | 'ù'..='ü'
            | 'ÿ'
            | 'а'
            | 'е'
            | 'ё'
            | 'и'
            | 'о'
            | 'у'
            | 'ы'
            | 'э'
            | 'ю'
            | 'я'
            | 'і'
            | 'ї'
            | 'є'
    )
}

/// Capitals, runs of `!`, percentages and prices.
fn typographic(
    index: usize,
    field: &Field<'_>,
    analysis: &TextFacts,
    optout: &[&Match],
    out: &mut Vec<Signal>,
) {
    let text = &field.text.value;
    let signal = |range, kind, weight| Signal {
        field: index,
        range,
        kind,
        weight,
        disguised: false,
    };
    // Shouting: words of four letters or more in capitals, except opt-out keywords («СТОП»),
    // names joined to a number by a hyphen (COVID-19, ISO-9001, a masked XXXX-1234) and
    // words without a vowel, read letter by letter (RSVP, HDFC, «ФССП»): all written in
    // capitals whatever the tone.
    let mut caps = 0;
    for (i, w) in analysis.words.iter().enumerate() {
        if caps == 3 || !w.all_caps || is_numbered_name(text, w.range.end) {
            continue;
        }
        let word = analysis.words.normalized(w);
        let letters = word.chars().filter(|&c| class::is_alphabetic(c)).count();
        if letters >= 4
            && word.chars().any(is_vowel)
            && !optout.iter().any(|m| m.words.contains(&i))
        {
            caps += 1;
            out.push(signal(w.range.clone(), SignalKind::Capitals, 1));
        }
    }
    // `!!`, `!!!`, `?!!`: one signal per run. Punctuation tokens are one character: `!` and
    // `?` are read as bytes. A run starts with `!`: a text without one (most) has none.
    let bytes = text.as_bytes();
    let with_bangs = if analysis.may_have(b'!') {
        &analysis.tokens[..]
    } else {
        &[]
    };
    let mut run: Option<(usize, usize, usize)> = None; // start, end, count of `!`
    let mut end_run = |run: &mut Option<(usize, usize, usize)>| {
        if let Some((start, end, bangs)) = run.take() {
            if bangs >= 2 {
                out.push(signal(start..end, SignalKind::Exclamations, 1));
            }
        }
    };
    for t in with_bangs {
        let mark = match t.kind {
            Kind::Punct if t.end == t.start + 1 => bytes[t.start],
            _ => 0,
        };
        match (&mut run, mark) {
            (Some((_, end, bangs)), b'!' | b'?') if *end == t.start => {
                *end = t.end;
                *bangs += usize::from(mark == b'!');
            }
            (_, b'!') => {
                end_run(&mut run);
                run = Some((t.start, t.end, 1));
            }
            _ => end_run(&mut run),
        }
    }
    end_run(&mut run);
    // A placeholder with % (`{{1}}% off`), and "save" with an amount after it: offers
    // whatever the amount turns out to be. A text without `%` and without a word of saving
    // (most) has neither.
    let tokens: &[Token] = if analysis.may_have(b'%') || has_save_word(&analysis.words) {
        &analysis.tokens
    } else {
        &[]
    };
    let next_value = |k: usize| {
        tokens[k + 1..]
            .iter()
            .find(|t| t.kind != Kind::Space)
            .filter(|t| match t.kind {
                Kind::Number | Kind::Placeholder => true,
                Kind::Punct => matches!(&text[t.range()], "$" | "€" | "£" | "₽" | "₹"),
                _ => false,
            })
    };
    for (k, t) in tokens.iter().enumerate() {
        match t.kind {
            Kind::Placeholder => {
                let percent = tokens[k + 1..]
                    .iter()
                    .find(|t| t.kind != Kind::Space)
                    .filter(|n| n.kind == Kind::Punct && &text[n.range()] == "%");
                if let Some(p) = percent {
                    out.push(signal(t.start..p.end, SignalKind::Percent, 1));
                }
            }
            Kind::Word => {
                // The value first: most words have none after them.
                let Some(value) = next_value(k) else {
                    continue;
                };
                let is_save = analysis
                    .words
                    .get(t.word as usize)
                    .is_some_and(|w| SAVE_WORDS.contains(&analysis.words.normalized(w)));
                if is_save {
                    out.push(signal(t.start..value.end, SignalKind::Saving, 3));
                }
            }
            _ => {}
        }
    }
    // Numbers with % (`-50%`, `до 70 %`) and with a currency (`990 ₽`, `$5`, `100 руб.`).
    for (k, w) in analysis.words.iter().enumerate() {
        if !analysis.words.is_number(w) {
            continue;
        }
        let after = text[w.range.end..].trim_start_matches([' ', '\u{00A0}']);
        let before = text[..w.range.start].trim_end_matches([' ', '\u{00A0}']);
        if after.starts_with('%') {
            let start = if before.ends_with(['-', '−', '–']) {
                before.len() - before.chars().next_back().map_or(1, char::len_utf8)
            } else {
                w.range.start
            };
            let end = text.len() - after.len() + 1;
            out.push(signal(start..end, SignalKind::Percent, 1));
        } else if after.starts_with(['₽', '$', '€', '£']) || before.ends_with(['$', '€', '£'])
        {
            out.push(signal(w.range.clone(), SignalKind::Money, 1));
        } else if let Some(next) = analysis.words.get(k + 1) {
            if matches!(
                analysis.words.normalized(next),
                "руб" | "рублей" | "рубля" | "рубль" | "р" | "usd" | "eur" | "евро" | "долларов"
            ) {
                out.push(signal(w.range.start..next.range.end, SignalKind::Money, 1));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::template::load_auto;

    fn score(text: &str) -> (i32, Vec<String>) {
        let doc = load_auto(text).unwrap();
        let p = promotion(&Analysis::new(&doc.templates[0]));
        let signals = p
            .signals
            .iter()
            .map(|s| text[s.range.clone()].to_string())
            .collect();
        (p.score, signals)
    }

    #[test]
    fn transactional_texts_score_low() {
        for text in [
            "Здравствуйте, {{1}}! Ваш заказ {{2}} передан в службу доставки и прибудет {{3}}.",
            "Оплата по счёту {{1}} на сумму 1 500 руб. получена. Спасибо!",
            "Напоминаем: вы записаны к врачу {{1}} на {{2}}.",
            "Hi {{1}}, your order {{2}} has shipped and will arrive on {{3}}.",
        ] {
            let (s, signals) = score(text);
            assert!(s < OVERT, "{text}: {s} {signals:?}");
        }
    }

    #[test]
    fn overt_promotion_scores_high() {
        let (s, signals) =
            score("ТОЛЬКО СЕГОДНЯ!!! Скидка -50% на всё! Успейте купить по лучшей цене!");
        assert!(s >= OVERT, "{s} {signals:?}");
        assert!(signals.iter().any(|x| x == "-50%"));
        assert!(signals.iter().any(|x| x == "!!!"));
    }

    #[test]
    fn capitals_shout_unless_a_number_follows_by_hyphen() {
        let capitals = |text: &str| -> Vec<String> {
            let doc = load_auto(text).unwrap();
            let p = promotion(&Analysis::new(&doc.templates[0]));
            p.signals
                .iter()
                .filter(|s| s.kind == SignalKind::Capitals)
                .map(|s| text[s.range.clone()].to_string())
                .collect()
        };
        assert_eq!(
            capitals("HUGE news: FREE entry, ISO-9001 certified, card XXXX-1234."),
            ["HUGE", "FREE"]
        );
        assert_eq!(
            capitals("Get your free COVID-19 vaccine. Code SUMMER2 or SALE-now."),
            ["SUMMER2", "SALE"]
        );
        assert_eq!(
            capitals("Your RSVP is confirmed: pay by NEFT, HDFC or «ФССП». ÚLTIMOS СКИДКИ!"),
            ["NEFT", "ÚLTIMOS", "СКИДКИ"]
        );
    }

    #[test]
    fn a_saving_needs_a_word_of_saving_with_an_amount() {
        // Read twice: the second time, whether each word is one of saving is kept.
        for _ in 0..2 {
            let (_, signals) = score("Renew today to save {{1}}, or save 15 on the plan.");
            assert!(signals.contains(&"save {{1}}".to_string()), "{signals:?}");
            assert!(signals.contains(&"save 15".to_string()), "{signals:?}");
            let (_, signals) = score("Сэкономьте {{1}} — Save the date: {{2}}");
            assert!(
                signals.contains(&"Сэкономьте {{1}}".to_string()),
                "{signals:?}"
            );
            assert!(
                !signals.iter().any(|s| s.starts_with("Save")),
                "{signals:?}"
            );
            let (_, signals) = score("Your order {{1}} of 2 items is ready.");
            assert!(signals.is_empty(), "{signals:?}");
        }
    }

    #[test]
    fn disguise_adds_weight() {
        let (plain, _) = score("Ваша скидка");
        let (hidden, _) = score("Ваша ск1дка");
        assert_eq!(hidden, plain + DISGUISE_BONUS);
    }
}
