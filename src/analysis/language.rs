//! The language a template's words are read in: the declared `language` when there is one
//! (Meta reviews a template in the language it declares), else the language its body is
//! written in, read from its letters and its most common words. A plain-text draft, a
//! Business-app broadcast or a template still being written declares none, and a Russian or
//! Spanish draft should get its own word lists, not be told that walint has none.
//!
//! Only the languages walint has word lists for are told apart, by a dozen or two function
//! words each: a general detector (trigram profiles for dozens of languages) would cost the
//! page's `.wasm` far more than it buys here, where the answer only picks a word list.

use crate::fx::FxBuild;
use crate::lexicon::Latin;
use crate::template::{ComponentKind, Template};
use crate::words::{script_of, Script};
use std::collections::HashMap;
use std::sync::OnceLock;

/// The language a template is read in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Language {
    /// The word lists and the stemmer for its Latin-script words.
    pub latin: Latin,
    /// Whether walint has a word list for it (Russian, English, or a set of its own).
    pub listed: bool,
    /// The language code read from the text when the template declares none (`ru`, `es`,
    /// ...); `None` when one is declared or the text does not tell.
    pub detected: Option<&'static str>,
}

impl Language {
    pub fn of(template: &Template) -> Language {
        let declared = template
            .language
            .as_ref()
            .map(|l| l.value.trim())
            .filter(|code| !code.is_empty());
        if let Some(code) = declared {
            return Language {
                latin: Latin::from_code(Some(code)),
                listed: Latin::has_list(Some(code)),
                detected: None,
            };
        }
        let bodies: Vec<&str> = template
            .components
            .iter()
            .filter(|c| c.kind == ComponentKind::Body)
            .filter_map(|c| c.text.as_ref())
            .map(|t| t.value.as_str())
            .collect();
        let detected = detect(&bodies);
        Language {
            latin: Latin::from_code(detected),
            listed: detected.is_some(),
            detected,
        }
    }
}

/// Function words (and greetings) of each language with a word list, lower case, separated by
/// spaces (one string per language: a table of string slices would cost the page's `.wasm` eight
/// bytes a word). A word may belong to several languages; the language with the most words of
/// the text wins, and only when no other has as many.
const WORDS: [(&str, &str); 8] = [
    (
        "en",
        "the and you your to of is are for with we our this that has have been will \
         please thank thanks here it be from hi hello dear now today all also",
    ),
    (
        "es",
        "el la los las de del que y tu tus su sus por para con es está están gracias hola \
         usted te le un una en al nuestro nuestra todo todos hoy ahora también este esta",
    ),
    (
        "pt",
        "o a os as de do da dos das que e seu sua seus suas você voce para com não nao \
         obrigado obrigada olá ola um uma em no na ao é está tudo todos hoje agora também \
         este esta isso",
    ),
    (
        "fr",
        "le la les de des du et vous votre vos est pour avec merci bonjour un une en au \
         aux nous notre sur à été ne pas tout tous maintenant aussi ce cette",
    ),
    (
        "de",
        "der die das und sie ihr ihre ihren ist für mit nicht danke hallo ein eine einen \
         wir unser unsere zu von bei auf den dem wurde werden alle heute jetzt auch diese",
    ),
    (
        "it",
        "il la lo gli le di che e è tuo tua tuoi per con grazie ciao un una sono del \
         della al alla nel non ti ci abbiamo stato su tutto tutti oggi ora anche questo \
         questa",
    ),
    (
        "id",
        "dan yang anda untuk dengan ini itu di ke dari kami terima kasih halo akan sudah \
         telah pada adalah tidak bisa kak semua hari sekarang juga",
    ),
    // Hindi written in Latin letters ("aapka order").
    (
        "hi",
        "aap aapka aapki aapke hai hain ke ki ka se ko mein kar karein kare dhanyavaad \
         dhanyawad namaste apna apne abhi hum humare liye",
    ),
];

/// How many of the text's words a language needs before the text is read as written in it.
const ENOUGH_WORDS: usize = 2;

/// Each word of [`WORDS`] and the languages it belongs to (bit `i` for `WORDS[i]`), built once.
fn word_index() -> &'static HashMap<&'static str, u8, FxBuild> {
    static INDEX: OnceLock<HashMap<&'static str, u8, FxBuild>> = OnceLock::new();
    INDEX.get_or_init(|| {
        let mut index = HashMap::default();
        for (i, (_, list)) in WORDS.iter().enumerate() {
            for word in list.split(' ') {
                *index.entry(word).or_insert(0) |= 1 << i;
            }
        }
        index
    })
}

/// How many characters are read for the script: a few paragraphs (a template body is at most
/// 1 024), so that a megabyte-long draft costs no more than a short one.
const CHARACTERS_READ: usize = 4096;

/// How many words are read for the function-word count: a language shows in its first
/// sentences, and a megabyte-long body costs no more than a short one.
const WORDS_READ: usize = 200;

/// The longest word of [`WORDS`], in bytes: longer words are not looked up.
const LONGEST: usize = 12;

/// The language of the texts, if they tell: Cyrillic letters are Russian, Devanagari Hindi,
/// Latin ones the language with the most function words; other scripts (Arabic, Hebrew,
/// Thai, ...) have no word list.
fn detect(texts: &[&str]) -> Option<&'static str> {
    let mut letters = [0usize; 4];
    let read = texts
        .iter()
        .flat_map(|t| t.chars())
        .take(CHARACTERS_READ)
        .filter(|c| c.is_alphabetic());
    for c in read {
        letters[script_of(c) as usize] += 1;
    }
    let most = letters.iter().copied().max().unwrap_or(0);
    if most == 0 {
        return None;
    }
    match () {
        _ if letters[Script::Cyrillic as usize] == most => return Some("ru"),
        _ if letters[Script::Devanagari as usize] == most => return Some("hi"),
        _ if letters[Script::Latin as usize] < most => return None,
        _ => {}
    }
    let mut counts = [0usize; WORDS.len()];
    let mut lower = String::new();
    let words = texts
        .iter()
        .flat_map(|t| t.split(|c: char| !c.is_alphabetic()))
        .filter(|w| !w.is_empty())
        .take(WORDS_READ);
    let index = word_index();
    for word in words.filter(|w| w.len() <= LONGEST) {
        lower.clear();
        lower.extend(word.chars().flat_map(char::to_lowercase));
        let Some(&languages) = index.get(lower.as_str()) else {
            continue;
        };
        for (i, count) in counts.iter_mut().enumerate() {
            *count += usize::from(languages >> i & 1);
        }
    }
    let best = counts.iter().copied().max().unwrap_or(0);
    let leaders = counts.iter().filter(|&&c| c == best).count();
    if best < ENOUGH_WORDS || leaders > 1 {
        return None;
    }
    let at = counts.iter().position(|&c| c == best)?;
    Some(WORDS[at].0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn of(text: &str) -> Option<&'static str> {
        detect(&[text])
    }

    #[test]
    fn scripts_name_their_languages() {
        assert_eq!(
            of("Здравствуйте, {{1}}! Ваш заказ {{2}} отправлен."),
            Some("ru")
        );
        assert_eq!(of("आपका ऑर्डर {{1}} भेज दिया गया है"), Some("hi"));
        // Arabic and Hebrew have no word list.
        assert_eq!(of("تم شحن طلبك {{1}}. شكرا لك"), None);
        assert_eq!(of("ההזמנה שלך {{1}} נשלחה"), None);
        // Russian with an English brand name is still Russian.
        assert_eq!(of("Ваш заказ в Apple Store готов к выдаче"), Some("ru"));
    }

    #[test]
    fn latin_languages_by_their_common_words() {
        let cases = [
            ("Hi {{1}}, your order {{2}} has shipped. Thank you!", "en"),
            (
                "Hola {{1}}, tu pedido {{2}} ha sido enviado. ¡Gracias por tu compra!",
                "es",
            ),
            ("Olá {{1}}, o seu pedido {{2}} foi enviado. Obrigado!", "pt"),
            (
                "Bonjour {{1}}, votre commande {{2}} a été expédiée. Merci !",
                "fr",
            ),
            (
                "Hallo {{1}}, Ihre Bestellung {{2}} wurde versandt. Danke!",
                "de",
            ),
            ("Grande offerta! Sconto del 20% su tutto, solo oggi.", "it"),
            (
                "Halo {{1}}, pesanan Anda {{2}} sudah dikirim. Terima kasih!",
                "id",
            ),
            ("Namaste {{1}}, aapka order {{2}} ship ho gaya hai", "hi"),
        ];
        for (text, lang) in cases {
            assert_eq!(of(text), Some(lang), "{text}");
        }
    }

    #[test]
    fn no_listed_word_is_longer_than_the_longest_looked_up() {
        for (code, list) in WORDS {
            for w in list.split(' ') {
                assert!(w.len() <= LONGEST, "{code}: {w}");
                assert!(!w.is_empty(), "{code}: a double space");
            }
        }
    }

    #[test]
    fn too_few_or_tied_words_tell_nothing() {
        // Turkish has no list, and none of its words are on one.
        assert_eq!(
            of("Merhaba {{1}}, siparişiniz {{2}} kargoya verildi."),
            None
        );
        // One common word is not enough.
        assert_eq!(of("Order {{1}} shipped to {{2}}"), None);
        // "de" and "la" are Spanish, French and more alike.
        assert_eq!(of("de la"), None);
        assert_eq!(of(""), None);
        assert_eq!(of("{{1}} 🎉 123"), None);
    }
}
