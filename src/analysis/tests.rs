use super::tokens::{tokenize, Kind};
use super::*;

/// What the one pass finds, compared with each dedicated scanner run on its own: the pass
/// must find exactly what they find.
fn assert_agrees_with_scanners(text: &str) {
    let placeholders = placeholder::scan(text);
    let found = tokenize(text, &placeholders, true);
    let in_placeholder = |r: &Range<usize>| placeholders.iter().any(|p| p.range.contains(&r.start));
    // A placeholder is one piece of a link even with spaces or brackets inside (`{{ 1 }}`):
    // the link scanner alone would end the link there.
    let delimiter = |c: char| c.is_whitespace() || "\"<>«»“”„`|\\^".contains(c);
    let mut joined = String::with_capacity(text.len());
    for (i, c) in text.char_indices() {
        if delimiter(c) && placeholders.iter().any(|p| p.range.contains(&i)) {
            joined.extend(std::iter::repeat_n('_', c.len_utf8()));
        } else {
            joined.push(c);
        }
    }
    let links: Vec<crate::links::Link> = crate::links::find(&joined)
        .into_iter()
        .filter(|l| !in_placeholder(&l.range))
        .collect();
    assert_eq!(found.links, links, "links of {text:?}");
    // An emoji inside an attempted placeholder (`{)👋}}`) is part of the placeholder.
    let emoji: Vec<Range<usize>> = crate::emoji::find(text)
        .into_iter()
        .filter(|r| !in_placeholder(r))
        .collect();
    assert_eq!(found.emoji, emoji, "emoji of {text:?}");
    // Words are what is left outside placeholders, links and emoji (the pass does not read
    // the `1` of a keycap 1️⃣ as a word).
    let mut skip: Vec<Range<usize>> = placeholders.iter().map(|p| p.range.clone()).collect();
    skip.extend(found.links.iter().map(|l| l.range.clone()));
    skip.extend(emoji.iter().cloned());
    skip.sort_by_key(|r| r.start);
    let (words, _) = super::read_words(text, &found.raw_words, Default::default());
    assert_eq!(words, words::split(text, &skip), "words of {text:?}");
    assert_eq!(
        found.utf16_len,
        crate::text::utf16_len(text),
        "length of {text:?}"
    );
    let in_emoji = |i: &usize| found.emoji.iter().any(|r| r.contains(i));
    let invisible: Vec<usize> = text
        .char_indices()
        .filter(|&(_, c)| words::is_invisible(c))
        .map(|(i, _)| i)
        .filter(|i| !in_emoji(i))
        .collect();
    let mut found_invisible = found.invisible.clone();
    found_invisible.sort_unstable();
    assert_eq!(
        found_invisible, invisible,
        "invisible characters of {text:?}"
    );
    // Letters are those of the word tokens, counted on their own.
    let mut letters = Letters::default();
    for t in found.tokens.iter().filter(|t| t.kind == Kind::Word) {
        tokens::count_letters(&text[t.range()], &mut letters);
    }
    assert_eq!(found.letters, letters, "letters of {text:?}");
    // Every punctuation token of the fast path's bytes is noted (rules skip texts without).
    for t in found.tokens.iter().filter(|t| t.kind == Kind::Punct) {
        let b = text.as_bytes()[t.start];
        if b",.:!?;()%-+/'=".contains(&b) {
            assert_eq!(found.punct >> b & 1, 1, "{t:?} in {text:?}");
        }
    }
    // Line breaks are counted, and a marker token is never there unnoticed (rules skip texts
    // without).
    let breaks = found
        .tokens
        .iter()
        .filter(|t| t.kind == Kind::LineBreak)
        .count();
    assert_eq!(
        found.line_breaks as usize, breaks,
        "line breaks of {text:?}"
    );
    if found.tokens.iter().any(|t| t.kind == Kind::Marker) {
        assert!(found.markers, "markers of {text:?}");
    }
    // The tokens cover the text in order, without gaps or overlaps, outside links.
    let mut at = 0;
    for t in &found.tokens {
        assert_eq!(t.start, at, "gap before {t:?} in {text:?}");
        assert!(
            t.end > t.start && text.is_char_boundary(t.end),
            "{t:?} in {text:?}"
        );
        at = t.end;
    }
    assert_eq!(at, text.len(), "tokens of {text:?} stop early");
}

#[test]
fn one_pass_finds_what_each_scanner_finds() {
    for text in [
        "",
        "Привет, {{1}}! Ваш заказ {{2}} готов: https://shop.ru/o/{{3}}.",
        "Скидка -50% только сегодня!!! Подробности: clck.ru/3AbCd (до 1 мая)",
        "Hi 👋🏽 and 👨‍👩‍👧 from 🇷🇺! Нажми 1️⃣ или ❤️ ✅ 🔥🔥 © ©️",
        "С к и д к а и F-R-E-E доставка, ск1дка, Cкидкa, ски\u{200B}дка",
        "*Жирный* _курсив_ ~зачёркнутый~ ```моно``` first_name",
        "строка\r\nвторая\rтретья\n\n\nчетвёртая",
        "(см. clck.ru/Abc) «https://a.ru/x» wiki https://en.wikipedia.org/wiki/A_(b).",
        "e.g. file.txt, т.е. 1.5 литра, info@shop.ru, v1.2.3, Hello.World...",
        "{{1}}{{2}} {{ 3 }} {4} <<имя>> {{}} }} {{ {{a.b}}.ru",
        "$ale @ $5 €10 100 руб. 990₽",
        "\u{200B}\u{FEFF} невидимые\u{00AD}символы \u{2060}",
        "пример.рф/акция и HTTPS://Bit.Ly/Abc и www.shop.ru!",
        "http://u:p@host.com:8080/p http://192.168.0.1/a",
        "Ссылка в скобках (https://shop.ru/a_b~c) и *https://a.ru*",
    ] {
        assert_agrees_with_scanners(text);
    }
}

#[test]
fn random_texts_agree_with_the_scanners() {
    const PIECES: [&str; 40] = [
        " ",
        "  ",
        "\n",
        "\r",
        "\r\n",
        "\t",
        "{{1}}",
        "{{ 2 }}",
        "{",
        "}}",
        "<<",
        "*",
        "_",
        "~",
        "```",
        ".",
        ":",
        "/",
        "//",
        "https://",
        "shop",
        ".ru",
        "bit.ly",
        "скидка",
        "С",
        " к",
        "Free",
        "1",
        "2024",
        "%",
        "!",
        "👋",
        "🏽",
        "\u{200D}",
        "🇷",
        "\u{FE0F}",
        "\u{20E3}",
        "\u{200B}",
        "(",
        ")",
    ];
    let mut state = 0x9E37_79B9_7F4A_7C15_u64;
    let mut next = || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    for _ in 0..3000 {
        let len = (next() % 14) as usize;
        let text: String = (0..len)
            .map(|_| PIECES[(next() % PIECES.len() as u64) as usize])
            .collect();
        assert_agrees_with_scanners(&text);
    }
}

#[test]
fn token_kinds() {
    let text = "Скидка 50% *сегодня*\n{{1}} 👋 shop.ru";
    let p = placeholder::scan(text);
    let kinds: Vec<(Kind, &str)> = tokenize(text, &p, true)
        .tokens
        .iter()
        .map(|t| (t.kind, &text[t.range()]))
        .collect();
    assert_eq!(
        kinds,
        [
            (Kind::Word, "Скидка"),
            (Kind::Space, " "),
            (Kind::Number, "50"),
            (Kind::Punct, "%"),
            (Kind::Space, " "),
            (Kind::Marker, "*"),
            (Kind::Word, "сегодня"),
            (Kind::Marker, "*"),
            (Kind::LineBreak, "\n"),
            (Kind::Placeholder, "{{1}}"),
            (Kind::Space, " "),
            (Kind::Emoji, "👋"),
            (Kind::Space, " "),
            (Kind::Link, "shop.ru"),
        ]
    );
}

#[test]
fn facts_of_a_field() {
    let text = "Ваш заказ\rготов 👋\r\nс к и д к а https://shop.ru/a";
    let p = placeholder::scan(text);
    let facts = TextFacts::of(text, &p, true, Latin::En);
    assert_eq!(
        facts.line_starts().collect::<Vec<_>>(),
        [0, "Ваш заказ\r".len(), "Ваш заказ\rготов 👋\r\n".len()]
    );
    assert_eq!(facts.line_of(text.find("готов").unwrap()), 1);
    assert_eq!(facts.letters.cyrillic, 19);
    assert_eq!(facts.letters.latin, 0, "letters of links are not counted");
    // «с к и д к а» is one word; the link counts as one word too.
    assert_eq!(facts.words.len(), 4);
    assert_eq!(facts.word_count(), 5);
    assert_eq!(facts.links[0].hostname, "shop.ru");
    assert_eq!(facts.links[0].registrable(), Some("shop.ru"));
    assert!(facts
        .in_group(Group::Discount)
        .any(|m| m.entry.phrase == "скидка"));
}

#[test]
fn letters_are_counted_as_each_character_says() {
    let by_char = |text: &str| {
        let mut letters = Letters::default();
        for c in text.chars().filter(|c| c.is_alphabetic()) {
            match words::script_of(c) {
                words::Script::Latin => letters.latin += 1,
                words::Script::Cyrillic => letters.cyrillic += 1,
                _ => letters.other += 1,
            }
        }
        letters
    };
    for text in [
        "",
        "Скидка ЁЛКА ёж",
        "Ѐѐ Ѝ ѝ Ѡ Ґґ Ӂ ӕ Ԁ",
        "Frее café Straße 2024",
        "मुफ़्त ऑफर",
        "中文 👋🏽 1️⃣ ٣",
        "a\u{200B}б\u{0301}c",
    ] {
        let mut letters = Letters::default();
        tokens::count_letters(text, &mut letters);
        assert_eq!(letters, by_char(text), "{text}");
    }
}
