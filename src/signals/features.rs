//! The numbers the category model reads, each one a thing a reviewer would notice.

use super::Promotion;
use crate::analysis::{Analysis, Kind, Role, TextFacts, Token};
use crate::lexicon::Group;
use crate::template::{ButtonKind, ComponentKind};
use crate::words::{ByMemoEntry, Word, Words};
use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::OnceLock;

/// Names of the features, in the order of [`Features::values`] (and of the weights file).
pub const NAMES: [&str; 15] = [
    "promotion",
    "promo_groups",
    "transactional",
    "reference",
    "labelled_details",
    "authentication",
    "url_button",
    "quick_reply",
    "coupon",
    "media_header",
    "length",
    "unclear",
    "emoji",
    "personal",
    "relationship",
];

/// The features counted with the word lists: promotional, transaction, code and relationship
/// words, second-person possessives. In a language walint has no list for they read nothing,
/// and their absence there says nothing about the category (an Arabic order notice has no
/// transaction word walint knows), so such templates get a model fitted without them.
pub const FROM_WORD_LISTS: [&str; 6] = [
    "promotion",
    "promo_groups",
    "transactional",
    "authentication",
    "personal",
    "relationship",
];

/// What each feature means to a reader, in the order of [`NAMES`], for the reasons.
pub const LABELS: [(&str, &str); NAMES.len()] = [
    ("promotional wording", "рекламные слова"),
    ("several kinds of promotion", "несколько видов рекламы"),
    (
        "order, payment or appointment wording",
        "слова о заказе, оплате или записи",
    ),
    (
        "a reference to a specific order, booking or payment",
        "ссылка на конкретный заказ, запись или платёж",
    ),
    (
        "lines of labelled details (\"Order: {{2}}\")",
        "строки с подписанными данными («Заказ: {{2}}»)",
    ),
    ("one-time code wording", "слова об одноразовом коде"),
    ("a link button", "кнопка-ссылка"),
    ("quick-reply buttons", "кнопки быстрого ответа"),
    ("a coupon-code button", "кнопка с промокодом"),
    ("an image or video header", "картинка или видео в заголовке"),
    ("a long text", "длинный текст"),
    (
        "too little text to tell its purpose",
        "слишком мало текста, чтобы понять цель",
    ),
    ("emoji", "эмодзи"),
    (
        "words about the reader's own order or account",
        "обращение к заказу или аккаунту читателя",
    ),
    (
        "thanks, greetings or congratulations",
        "благодарности, приветствия или поздравления",
    ),
];

/// Second-person possessives: a message about the reader's own order, account or visit (the
/// "specific to the user" side of Meta's utility definition).
const POSSESSIVES: [&str; 16] = [
    "your",
    "yours",
    "ваш",
    "ваша",
    "ваше",
    "ваши",
    "вашего",
    "вашей",
    "вашему",
    "вашим",
    "tu",
    "tus",
    "su",
    "seu",
    "sua",
    "seus",
];

/// Thanks, greetings and congratulations: relationship building, which Meta files under
/// MARKETING ("thank-you messages", "birthday greetings").
const RELATIONSHIP_STEMS: [&str; 14] = [
    "thank",
    "спасиб",
    "благодар",
    "gracias",
    "obrigad",
    "congrat",
    "поздрав",
    "welcome",
    "добро пожал",
    "happy",
    "bienven",
    "feliz",
    "parab",
    "greet",
];

/// Words that name a reference number in any form («ID», "ref", "folio"): followed by a value
/// (`ID: {{2}}`, `reference number {{1}}`, `folio {{2}}`), a specific record of the reader's,
/// whatever the transaction is called.
const REFERENCE_WORDS: [&str; 7] = [
    "id",
    "ref",
    "reference",
    "referencia",
    "referência",
    "riferimento",
    "folio",
];

/// Words that mark one-time passwords and account verification: the content of
/// AUTHENTICATION templates (template categorization: "only the Authentication category may
/// send one-time passwords"). Matched on the start of normalised words.
const AUTH_STEMS: [&str; 13] = [
    "verif",
    "otp",
    "одноразов",
    "подтвержден",
    "passcode",
    "password",
    "парол",
    "login",
    "логин",
    "авториз",
    "authenticat",
    "2fa",
    "код",
];

/// Of those, the words of a one-time code itself (a password or login alone is an account
/// message, which UTILITY may carry), in the languages with a lexicon: words that name a
/// verification, which a coupon never does...
const OTP_STEMS: [&str; 10] = [
    "verif",
    "vérif",
    "otp",
    "одноразов",
    "подтвержден",
    "2fa",
    "bestätig",
    "sekali pakai",
    "सत्यापन",
    "ओटीपी",
];

/// ...and the word "code" itself, which a coupon code also uses («код», "código", "codice",
/// "kode").
const CODE_WORDS: [&str; 10] = [
    "code",
    "codes",
    "код",
    "кода",
    "кодом",
    "código",
    "codigo",
    "codice",
    "kode",
    "कोड",
];

/// Words that make a "code" beside them one anyone may know, not a secret: a postal or
/// dialling code, a QR or bar code, a parcel's tracking code ("zip code {{1}}", «трек-код»,
/// "código postal", "código de rastreio", "kode pos"). A template that names one sends no
/// one-time code (Meta's library has "The system outage has been restored for zip code
/// {{text}}" as UTILITY).
const PUBLIC_CODE_WORDS: [&str; 28] = [
    "zip",
    "postal",
    "post",
    "postale",
    "pos",
    "area",
    "área",
    "country",
    "país",
    "pais",
    "paese",
    "negara",
    "dialing",
    "dialling",
    "qr",
    "bar",
    "barras",
    "dress",
    "tracking",
    "track",
    "rastreio",
    "rastreamento",
    "rastreo",
    "seguimiento",
    "tracciamento",
    "трек",
    "штрих",
    "страны",
];

/// Words that join "código" to what it is a code of ("código de barras", "codice di paese").
const JOINING_WORDS: [&str; 5] = ["de", "do", "da", "del", "di"];

/// Whether the code word `words[i]` names a public code ([`PUBLIC_CODE_WORDS`]): the word
/// before it ("zip code") or after it ("código postal", "código de rastreio").
fn names_public_code(words: &Words, i: usize) -> bool {
    let is = |j: usize, list: &[&str]| {
        words
            .get(j)
            .is_some_and(|w| list.contains(&words.normalized(w)))
    };
    (i > 0 && is(i - 1, &PUBLIC_CODE_WORDS))
        || is(i + 1, &PUBLIC_CODE_WORDS)
        || (is(i + 1, &JOINING_WORDS) && is(i + 2, &PUBLIC_CODE_WORDS))
}

/// Minutes, in the languages with a lexicon: a code that expires within minutes ("vence en 15
/// minutos", «действует 5 минут») is a one-time code, whatever it is called; a coupon lasts
/// days (`tests/corpus/intl/gh4-creatuactivo-codigo-acceso-centro-mando-rejected.json`: Meta
/// rejected a UTILITY "código para entrar ... vence en 15 minutos" as INCORRECT_CATEGORY).
const MINUTE_WORDS: [&str; 14] = [
    "minute",
    "minutes",
    "mins",
    "минут",
    "минуты",
    "минуту",
    "minuto",
    "minutos",
    "minuti",
    "minuten",
    "menit",
    "मिनट",
    "minat",
    "minut",
];

/// Password words: a template that hands one over (`Temporary Password: {{4}}`) sends a
/// credential, which Meta has routed to AUTHENTICATION and rejected (two teams report it:
/// `tests/corpus/en/gh3-smartark-*-credentials1-rejected.json`, and a role invite that "mentioned
/// password/activate and got rejected INCORRECT_CATEGORY", `gh3-wisesoc-*`) and has also
/// approved (`gh-technfest-user-password.json`).
const PASSWORD_STEMS: [&str; 4] = ["password", "парол", "contraseñ", "senha"];

/// Whether the password word ending at `end` is followed by its value: a placeholder after an
/// optional colon, dash or "is" (`Password: {{4}}`, «пароль — {{2}}», "your password is {{1}}").
fn hands_over_value(text: &str, end: usize) -> bool {
    let rest = text[end..].trim_start_matches([' ', '*', '_', ':', '-', '—', '–']);
    let rest = rest
        .strip_prefix("is ")
        .or_else(|| rest.strip_prefix("es "))
        .or_else(|| rest.strip_prefix("é "))
        .unwrap_or(rest)
        .trim_start_matches([' ', '*', '_']);
    rest.starts_with("{{")
}

/// Tokens that may stand between a transaction word and its value: spaces, formatting, an
/// emoji as decoration and the punctuation of a label (`Order #{{2}}`, «Заказ 📦 №{{2}}»,
/// `Invoice: R$ {{5}}`).
fn joins_value(text: &str, t: &Token) -> bool {
    match t.kind {
        Kind::Space | Kind::Marker | Kind::Invisible | Kind::Emoji => true,
        Kind::Punct => matches!(
            &text[t.range()],
            ":" | "#" | "№" | "-" | "—" | "–" | "(" | "$" | "€" | "£" | "₽" | "₹" | "="
        ),
        _ => false,
    }
}

/// Which of the word lists above a normalised word is in (exact words) or starts with (stems),
/// as bits: [`POSSESSIVE`], [`RELATIONSHIP`], ... Every word of every text is looked up, so the
/// lists are indexed by their first two letters (every entry has two or more): most words
/// have no entry to compare with, the others one or two, not all eighty.
fn word_kinds(word: &str) -> u8 {
    type Index = HashMap<u64, Vec<(&'static str, bool, u8)>, crate::fx::FxBuild>;
    static INDEX: OnceLock<Index> = OnceLock::new();
    let index = INDEX.get_or_init(|| {
        let mut index = Index::default();
        for (entries, stem, bit) in WORD_LISTS {
            for &entry in entries {
                if let Some(first) = first_two(entry) {
                    index.entry(first).or_default().push((entry, stem, bit));
                }
            }
        }
        index
    });
    let Some(candidates) = first_two(word).and_then(|k| index.get(&k)) else {
        return 0;
    };
    candidates
        .iter()
        .filter(|&&(entry, stem, _)| {
            if stem {
                word.starts_with(entry)
            } else {
                word == entry
            }
        })
        .fold(0, |kinds, &(_, _, bit)| kinds | bit)
}

/// Calls `each` with the index, the word and the [`word_kinds`] of each of `words`, in order.
/// Those of a word met before (read through the same memo of normalised words,
/// [`Words::memo_entries`]) are read from a per-thread list by its memo entry: an index read,
/// not a word hashed and compared.
fn each_word_kinds(words: &Words, mut each: impl FnMut(usize, &Word, u8)) {
    thread_local! {
        static KNOWN: RefCell<ByMemoEntry<u8>> = const { RefCell::new(ByMemoEntry::new()) };
    }
    KNOWN.with_borrow_mut(|known| {
        let kinds = known.each(words, |w| word_kinds(words.normalized(w)));
        for (i, (w, kinds)) in words.iter().zip(kinds).enumerate() {
            each(i, w, kinds);
        }
    });
}

/// The first two characters of a word as one key of [`word_kinds`]' index, if it has two.
fn first_two(word: &str) -> Option<u64> {
    let mut chars = word.chars();
    let (a, b) = (chars.next()?, chars.next()?);
    Some(u64::from(a) << 32 | u64::from(b))
}

/// Each list, whether its entries are stems (a prefix of the word) rather than whole words,
/// and its bit in [`word_kinds`].
const WORD_LISTS: [(&[&str], bool, u8); 8] = [
    (&POSSESSIVES, false, POSSESSIVE),
    (&RELATIONSHIP_STEMS, true, RELATIONSHIP),
    (&AUTH_STEMS, true, AUTH),
    (&OTP_STEMS, true, OTP),
    (&CODE_WORDS, false, CODE),
    (&MINUTE_WORDS, false, MINUTE),
    (&PASSWORD_STEMS, true, PASSWORD),
    (&REFERENCE_WORDS, false, REFERENCE),
];

const POSSESSIVE: u8 = 1;
const RELATIONSHIP: u8 = 1 << 1;
const AUTH: u8 = 1 << 2;
const OTP: u8 = 1 << 3;
const CODE: u8 = 1 << 4;
const MINUTE: u8 = 1 << 5;
const PASSWORD: u8 = 1 << 6;
const REFERENCE: u8 = 1 << 7;

/// Whether a value (a placeholder or a number) is among the first tokens from `from`, with
/// at most one word before it (`order {{2}}`, `booking ID {{3}}`, «заказ № {{2}}»).
fn value_follows(text: &str, tokens: &[Token], from: usize) -> bool {
    /// Enough for `Заказ 📦 №{{2}}` or `Invoice: R$ {{5}}`; a bound, so that a text of thousands
    /// of transaction words (or of dashes after one) costs a look at a few tokens each.
    const LOOKAHEAD: usize = 8;
    let first = tokens.partition_point(|t| t.end <= from);
    let mut words = 0;
    for t in tokens[first..].iter().take(LOOKAHEAD) {
        match t.kind {
            Kind::Placeholder | Kind::Number => return true,
            Kind::Word if words == 0 => words += 1,
            _ if joins_value(text, t) => {}
            _ => return false,
        }
    }
    false
}

/// Transaction words followed by their value: a specific order, booking, payment or date the
/// message is about (`your order {{2}}`, «счёт № {{1}}», `Invoice: R$ {{5}}`).
fn references(text: &str, facts: &TextFacts) -> usize {
    facts
        .in_group(Group::Transactional)
        .filter(|m| value_follows(text, &facts.tokens, m.range.end))
        .count()
}

/// What [`read_tokens`] counts in one pass over a text's tokens.
#[derive(Default)]
struct TokenCounts {
    /// Reference marks followed by their value, in any language: a number sign (`#{{2}}`,
    /// `№ {{1}}`, `Sesión #{{session_id}}`); those of [`REFERENCE_WORDS`] are counted with the
    /// words. They point at one record of the reader's, as a transaction word with its value
    /// does.
    number_signs: usize,
    /// Lines that label a value (`Status: {{1}}`, `*Fecha:* {{3}}`, «Сумма: 1 500 ₽»): one to
    /// four words, a colon, then a placeholder or a number. Details laid out for the reader to
    /// look up, in any language.
    labelled_lines: usize,
    /// Words with at least one letter (not numbers), each once however it was spelled out.
    lettered_words: usize,
}

/// The [`TokenCounts`] of a text, in one pass over its tokens (punctuation tokens are one
/// character, read as bytes, but `№`).
fn read_tokens(text: &str, tokens: &[Token]) -> TokenCounts {
    let bytes = text.as_bytes();
    let mut counts = TokenCounts::default();
    // Of the line so far: its words (5 once past a colon: no label starts after one), and
    // whether it was counted.
    let (mut line_words, mut line_counted) = (0, false);
    // The word of the last word token (several tokens share a word spelled out).
    let mut last_word = u32::MAX;
    for (k, t) in tokens.iter().enumerate() {
        match t.kind {
            // Every line but the first starts after a line-break token.
            Kind::LineBreak => (line_words, line_counted) = (0, false),
            Kind::Word => {
                line_words += 1;
                if t.word != u32::MAX && t.word != last_word {
                    counts.lettered_words += 1;
                    last_word = t.word;
                }
            }
            Kind::Number => line_words += 1,
            Kind::Punct => {
                let mark = &bytes[t.range()];
                if mark == b":" {
                    if !line_counted
                        && (1..=4).contains(&line_words)
                        && value_follows(text, &tokens[k + 1..], t.end)
                    {
                        counts.labelled_lines += 1;
                        line_counted = true;
                    }
                    line_words = 5;
                } else if (mark == b"#" || mark == "№".as_bytes())
                    && value_follows(text, &tokens[k + 1..], t.end)
                {
                    counts.number_signs += 1;
                }
            }
            _ => {}
        }
    }
    counts
}

#[derive(Debug, Clone, PartialEq)]
pub struct Features<'a> {
    pub values: [f64; NAMES.len()],
    /// Words of a one-time code (`code`, `OTP`, «код подтверждения») were found.
    pub code_words: bool,
    /// Of those, words that name a verification ("verification", «подтверждения», OTP), which
    /// a coupon never uses.
    pub verification_words: bool,
    /// A password is handed over (`Temporary Password: {{4}}`).
    pub sends_password: bool,
    /// Promotional words and phrases found, for the explanation (borrowed from the
    /// template's texts: copied only into the reasons that name them).
    pub promo_words: Vec<&'a str>,
    pub transactional_words: Vec<&'a str>,
    pub auth_words: Vec<&'a str>,
}

/// The features of a template, given its promotional reading.
pub fn features<'a>(analysis: &Analysis<'a>, promotion: &Promotion) -> Features<'a> {
    let mut promo_words: Vec<&'a str> = promotion
        .signals
        .iter()
        .map(|s| {
            let text: &'a str = &analysis.fields[s.field].text.value;
            &text[s.range.clone()]
        })
        .collect();
    promo_words.dedup();
    let mut transactional_words = Vec::new();
    let mut auth_words = Vec::new();
    let mut code_words = false;
    let mut otp_words = false;
    let mut minute_words = Vec::new();
    let mut sends_password = false;
    let mut body_words = 0usize;
    let mut personal = 0usize;
    let mut relationship = 0usize;
    let mut reference = 0usize;
    let mut marked = 0usize;
    let mut labelled = 0usize;
    for (_, field) in analysis.message_fields() {
        let facts = &field.facts;
        let text: &'a str = &field.text.value;
        reference += references(&field.text.value, facts);
        let counts = read_tokens(text, &facts.tokens);
        marked += counts.number_signs;
        labelled += counts.labelled_lines;
        for m in facts.in_group(Group::Transactional) {
            transactional_words.push(&text[m.range.clone()]);
        }
        let words = &facts.words;
        each_word_kinds(words, |i, w, kinds| {
            if kinds == 0 {
                return;
            }
            let is = |bit: u8| kinds & bit != 0;
            personal += usize::from(is(POSSESSIVE));
            marked += usize::from(
                is(REFERENCE) && value_follows(&field.text.value, &facts.tokens, w.range.end),
            );
            relationship += usize::from(is(RELATIONSHIP));
            let otp = is(OTP);
            let public_code = is(CODE) && names_public_code(words, i);
            let code = is(CODE) && !public_code;
            if otp || code || (is(AUTH) && !public_code) {
                auth_words.push(&text[w.range.clone()]);
            }
            otp_words |= otp;
            if is(MINUTE) {
                minute_words.push(&text[w.range.clone()]);
            }
            code_words |= otp || code;
            sends_password |= is(PASSWORD) && hands_over_value(&field.text.value, w.range.end);
        });
        if field.role == Role::Body && field.card.is_none() {
            body_words = counts.lettered_words;
        }
    }
    let buttons = analysis.template.buttons();
    let has = |kind: ButtonKind| buttons.iter().any(|b| b.kind == kind);
    // A code for a discount or a coupon is not a one-time password (Meta's categorization puts
    // coupons under MARKETING): with an offer around it, "code" alone says nothing about
    // authentication; words that name a verification still do.
    let offer = has(ButtonKind::CopyCode)
        || promotion.by_group.iter().any(|(g, &v)| {
            v > 0
                && matches!(
                    g,
                    Group::Discount | Group::Free | Group::Gift | Group::Promo | Group::Price
                )
        });
    if offer && !otp_words {
        code_words = false;
        auth_words.clear();
    }
    // A code (not a coupon: those were cleared above) that expires within minutes.
    if code_words && !minute_words.is_empty() {
        otp_words = true;
        auth_words.append(&mut minute_words);
    }
    let otp_button = has(ButtonKind::Otp);
    let auth_body = analysis
        .template
        .component(ComponentKind::Body)
        .is_some_and(|b| b.add_security_recommendation.is_some());
    let media_header = analysis
        .template
        .component(ComponentKind::Header)
        .and_then(|h| h.format.as_ref())
        .is_some_and(|f| {
            matches!(
                f.value.to_ascii_uppercase().as_str(),
                "IMAGE" | "VIDEO" | "GIF"
            )
        });
    let body = analysis.body();
    let length = body.map_or(0, |b| b.facts.utf16_len);
    let placeholders = body.map_or(0, |b| {
        b.placeholders.iter().filter(|p| p.is_valid()).count()
    });
    let emoji = body.map_or(0, |b| b.facts.emoji.len());
    // Only placeholders and a word or two ("Congratulations!", "{{1}}"): Meta files content it
    // cannot place under MARKETING (template categorization).
    let unclear = body_words <= 3 || (placeholders > 0 && body_words <= placeholders * 2);
    let auth_signal =
        (auth_words.len() as f64).min(2.0) + if otp_button || auth_body { 2.0 } else { 0.0 };
    let groups = promotion.by_group.values().filter(|v| **v > 0).count();
    // A transaction word with its value and a reference mark with its value often name the
    // same record (`order #{{2}}`): the larger count, not the sum.
    let reference = (reference.max(marked) as f64).min(2.0) / 2.0;
    let values = [
        // Wording too weak for Meta's any-promotion rule (that one is decided before the
        // model) weighs less in a message about a specific record of the reader's: half with
        // one reference, nothing with two.
        (promotion.score as f64).min(12.0) / 4.0 * (1.0 - reference),
        (groups as f64).min(4.0) / 2.0,
        (transactional_words.len() as f64).min(6.0) / 2.0,
        reference,
        (labelled as f64).min(3.0) / 3.0,
        auth_signal.min(4.0) / 2.0,
        f64::from(u8::from(has(ButtonKind::Url))),
        f64::from(u8::from(has(ButtonKind::QuickReply))),
        f64::from(u8::from(has(ButtonKind::CopyCode))),
        f64::from(u8::from(media_header)),
        // Measured from a typical body (about 150 UTF-16 units, the corpus's median is 134),
        // not from an empty one: the reasons name what pushed the content towards MARKETING,
        // and a short text must not be "a long text" there. The fit is the same either way.
        ((length as f64 - 150.0) / 400.0).min(2.5),
        f64::from(u8::from(unclear)),
        (emoji as f64).min(10.0) / 5.0,
        (personal as f64).min(3.0) / 3.0,
        (relationship as f64).min(2.0) / 2.0,
    ];
    Features {
        values,
        code_words: code_words || otp_button || auth_body,
        verification_words: otp_words || otp_button || auth_body,
        sends_password,
        promo_words,
        transactional_words,
        auth_words,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::signals::promotion;
    use crate::template::load_auto;

    /// The index answers what a scan of every list would.
    #[test]
    fn word_kinds_match_the_lists() {
        let lists = WORD_LISTS;
        let scan = |word: &str| {
            lists.iter().fold(0, |kinds, &(entries, stem, bit)| {
                let hit = entries
                    .iter()
                    .any(|&e| if stem { word.starts_with(e) } else { word == e });
                if hit {
                    kinds | bit
                } else {
                    kinds
                }
            })
        };
        let mut words: Vec<String> = vec![String::new(), "order".into(), "заказ".into()];
        for (entries, _, _) in lists {
            for e in entries {
                words.extend([e.to_string(), format!("{e}ом"), format!("{e}s")]);
                words.push(e.chars().skip(1).collect());
                words.push(e.chars().take(1).collect());
            }
        }
        for w in &words {
            assert_eq!(word_kinds(w), scan(w), "{w}");
        }
        assert_ne!(word_kinds("паролем") & PASSWORD, 0);
    }

    /// [`each_word_kinds`] as a list.
    fn kinds_of_words(words: &Words) -> Vec<u8> {
        let mut kinds = Vec::new();
        each_word_kinds(words, |i, _, k| {
            assert_eq!(i, kinds.len());
            kinds.push(k);
        });
        kinds
    }

    /// Kinds kept by memo entry are those of the words themselves, whether the words were
    /// met before (read through the memo, kept) or not (read without one).
    #[test]
    fn kinds_kept_by_memo_entry_are_the_words_own() {
        let text =
            "Your order code: {{1}}, expires in 10 minutes. Ваш пароль и код заказа, ваш код";
        let doc = load_auto(text).unwrap();
        let own = |words: &Words| -> Vec<u8> {
            words
                .iter()
                .map(|w| word_kinds(words.normalized(w)))
                .collect()
        };
        for _ in 0..3 {
            let analysis = Analysis::new(&doc.templates[0]);
            let words = &analysis.body().unwrap().facts.words;
            assert!(words.memo_entries().0 != 0);
            assert_eq!(kinds_of_words(words), own(words));
            assert!(kinds_of_words(words).iter().any(|&k| k & PASSWORD != 0));
        }
        let unkept = crate::words::split(text, &[]);
        assert_eq!(kinds_of_words(&unkept), own(&unkept));
    }

    /// The features of a plain-text draft's body (the draft is leaked: the features borrow
    /// its words).
    fn of(text: &str) -> Features<'static> {
        let doc = Box::leak(Box::new(load_auto(text).unwrap()));
        let analysis = Analysis::new(&doc.templates[0]);
        features(&analysis, &promotion(&analysis))
    }

    fn value(f: &Features<'_>, name: &str) -> f64 {
        f.values[NAMES.iter().position(|n| *n == name).unwrap()]
    }

    #[test]
    fn a_transaction_word_with_its_value_is_a_reference() {
        for text in [
            "Hi {{1}}, your order {{2}} has shipped.",
            "Здравствуйте! Заказ 📦 №{{2}} передан в доставку.",
            "Hi {{1}}! Invoice: R$ {{5}}.",
            "Your booking ID {{3}} is confirmed.",
        ] {
            assert!(value(&of(text), "reference") > 0.0, "{text}");
        }
        for text in [
            "Your order is on its way, thank you for shopping with us.",
            "Заказ скоро будет у вас, спасибо, {{1}}!",
        ] {
            assert_eq!(value(&of(text), "reference"), 0.0, "{text}");
        }
    }

    #[test]
    fn a_reference_mark_with_its_value_is_a_reference_in_any_language() {
        for text in [
            "Your query is registered: reference number {{1}}. We will call you within 72 hours.",
            "Notificación de sistema: Sesión #{{1}} por expirar.",
            "Hola {{1}}, recibimos tu contrato firmado con folio {{2}}.",
            "Aapka order #{{2}} confirm ho gaya hai.",
            "Ticket ID: {{3}} is closed.",
        ] {
            assert!(value(&of(text), "reference") > 0.0, "{text}");
        }
        for text in [
            "Follow us for #summer news, {{1}}!",
            "Your ID card is ready to collect, {{1}}.",
        ] {
            assert_eq!(value(&of(text), "reference"), 0.0, "{text}");
        }
    }

    #[test]
    fn something_of_the_readers_under_way_is_a_transaction() {
        for text in [
            "Hello {{1}}, your answers for {{2}} are still outstanding.",
            "A player clearance is awaiting {{1}}'s review.",
            "Thank you, {{1}}. Your {{2}} PDF is attached.",
            "Документы {{1}} на рассмотрении.",
            "Olá {{1}}, a avaliação final continua pendente.",
            "Hola {{1}}, tu contrato de asesoría ya está listo.",
        ] {
            assert!(value(&of(text), "transactional") > 0.0, "{text}");
        }
        // Waiting for the reader to come is an invitation, not a state of their own record.
        let f = of("Ждём вас в нашем магазине, {{1}}! Ожидаем вас каждый день.");
        assert_eq!(value(&f, "transactional"), 0.0);
    }

    #[test]
    fn weak_promotion_weighs_less_beside_a_reference() {
        let alone = of("Hi {{1}}, explore our new collection and enjoy it.");
        let with_order =
            of("Hi {{1}}, your order {{2}} is ready. Explore our new collection and enjoy it.");
        assert!(value(&alone, "promotion") > 0.0);
        assert!(value(&with_order, "promotion") < value(&alone, "promotion"));
    }

    #[test]
    fn labelled_lines_are_counted_in_any_language() {
        let f = of("New lead from {{1}}\n\nName: {{2}}\nPhone: {{3}}\n*Интерес:* {{4}}\n\nOpen your inbox to reply.");
        assert_eq!(value(&f, "labelled_details"), 1.0);
        // A colon inside a sentence, or a label of many words, is not a labelled line.
        let f = of("Here is what we think about the offer you asked about: {{1}}.");
        assert_eq!(value(&f, "labelled_details"), 0.0);
    }

    #[test]
    fn one_pass_over_the_tokens_counts_each_thing() {
        let text = "Заказ №{{1}}\nСумма: 1 500 ₽\nс к и д к а 20 2024г, #summer, # {{2}}";
        let doc = load_auto(text).unwrap();
        let analysis = Analysis::new(&doc.templates[0]);
        let counts = read_tokens(text, &analysis.body().unwrap().facts.tokens);
        assert_eq!(counts.number_signs, 2);
        assert_eq!(counts.labelled_lines, 1);
        // «с к и д к а» is one word; "20" is a number; «2024г» has a letter.
        assert_eq!(counts.lettered_words, 5);
    }

    #[test]
    fn a_code_that_expires_within_minutes_is_a_one_time_code() {
        let f =
            of("Listo, {{1}}. Su código para entrar es {{2}}. Por seguridad vence en 15 minutos.");
        assert!(f.verification_words && f.code_words);
        assert!(f.auth_words.contains(&"minutos"));
        // A coupon code stays a coupon, however short the offer lasts.
        let f = of("Use code {{1}} for 20% off: it expires in 30 minutes!");
        assert!(!f.verification_words && !f.code_words);
        // Minutes without a code say nothing about authentication.
        let f = of("Your consultant will call you in 30 minutes.");
        assert!(!f.verification_words);
    }

    #[test]
    fn a_public_code_is_no_one_time_code() {
        for text in [
            "The system outage has been restored for zip code {{1}}.",
            "Please call us from a phone with country code {{1}}.",
            "Ваш трек-код {{1}}, отслеживайте посылку на сайте.",
            "Seu código de rastreio é {{1}}, acompanhe a entrega.",
            "Presente el código QR {{1}} en la entrada.",
        ] {
            let f = of(text);
            assert!(!f.code_words && f.auth_words.is_empty(), "{text}");
        }
        // The same words beside a secret code leave it one.
        for text in [
            "Your code is {{1}}: do not share it, even with a courier tracking your parcel.",
            "Ваш код {{1}}. Никому его не сообщайте.",
        ] {
            assert!(of(text).code_words, "{text}");
        }
    }
}
