//! Hostile inputs of about 1 MiB, shared by the benchmark (`benches/throughput.rs`, which times
//! them) and the test that checks they are handled (`tests/limits.rs`).
//!
//! Each is what a careless or malicious caller could send to the CLI, the wasm package or the
//! edge handler: one pathological shape repeated until the input is [`SIZE`] bytes.

#![allow(dead_code)]

use walint::InputKind;

/// The size of every pathological input: 1 MiB.
pub const SIZE: usize = 1 << 20;

pub struct Case {
    pub name: &'static str,
    pub what: &'static str,
    pub kind: InputKind,
    pub source: String,
}

/// Repeats `unit` until the text is `SIZE` bytes (never cutting a character).
fn fill(unit: &str, size: usize) -> String {
    fill_to(unit, size)
}

fn fill_to(unit: &str, size: usize) -> String {
    let mut s = String::with_capacity(size + unit.len());
    while s.len() + unit.len() <= size {
        s.push_str(unit);
    }
    s
}

/// A JSON string literal's body for `s`.
fn json_body(s: &str) -> String {
    let quoted = serde_json::to_string(s).expect("a string serialises");
    quoted[1..quoted.len() - 1].to_string()
}

/// A template whose body repeats `unit` (a JSON string body, already escaped) so that the whole
/// document is at most `SIZE` bytes.
fn template_with_body(unit: &str, size: usize) -> String {
    let head = "{\"name\": \"huge\", \"language\": \"ru\", \"category\": \"MARKETING\", \"components\": [{\"type\": \"BODY\", \"text\": \"";
    let tail = "\"}]}";
    let body = fill_to(unit, size - head.len() - tail.len());
    format!("{head}{body}{tail}")
}

/// Deterministic pseudo-random numbers (xorshift64*), so every run builds the same inputs.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// 10 000 links of every kind the link rules look at, in Russian prose, as one plain text.
fn links_text(size: usize) -> String {
    let kinds = [
        "https://shop.ru/p/",
        "http://shop.ru/p/",
        "bit.ly/",
        "https://wa.me/7900",
        "https://xn--shp-8cd.ru/",
        "www.sber-bank.com/",
        "http://192.168.0.1/",
        "clck.ru/",
        "https://пример.рф/",
        "(https://en.wikipedia.org/wiki/A_(b))",
    ];
    let mut rng = Rng(0x1234_5678_9abc_def1);
    let mut s = String::new();
    for i in 0..size * 10_000 / SIZE {
        s.push_str(kinds[rng.below(kinds.len())]);
        s.push_str(&i.to_string());
        s.push_str(" — ");
    }
    // The rest is prose, so the input is SIZE bytes like the others.
    let prose = "Ваш заказ готов к выдаче, скидка действует до конца недели. ";
    while s.len() + prose.len() <= size {
        s.push_str(prose);
    }
    s
}

/// A template array nested to `depth` inside an unknown field, repeated to fill the input.
fn nested_json(depth: usize, size: usize) -> String {
    let nest = if depth == 0 {
        "null".to_string()
    } else {
        "[".repeat(depth) + &"]".repeat(depth)
    };
    let one = format!(
        "{{\"name\": \"n\", \"language\": \"en\", \"category\": \"UTILITY\", \"components\": [{{\"type\": \"BODY\", \"text\": \"Your order {{{{1}}}} is ready.\", \"example\": {{\"body_text\": [[\"A-1\"]]}}, \"extra\": {nest}}}]}}"
    );
    let mut s = String::from("[");
    while s.len() + one.len() + 2 <= size {
        if s.len() > 1 {
            s.push(',');
        }
        s.push_str(&one);
    }
    s.push(']');
    s
}

pub fn cases() -> Vec<Case> {
    cases_sized(SIZE)
}

/// The same shapes at another size (to check that cost grows linearly, and to profile).
pub fn cases_sized(size: usize) -> Vec<Case> {
    let promo = "СКИДКА -50% только сегодня!!! Успейте купить ск1дка FR33 с к и д к а скииидка ";
    let huge_body = json_body(
        "Здравствуйте, {{1}}!\nВаш заказ {{2}} готов. Скидка 20% на следующую покупку по ссылке https://shop.ru/sale 🎉 ",
    );
    vec![
        Case {
            name: "open-braces",
            what: "1 MiB of `{` (plain text)",
            kind: InputKind::PlainText,
            source: fill("{", size),
        },
        Case {
            name: "empty-placeholders",
            what: "1 MiB of `{{}}` (plain text): one malformed placeholder every 4 bytes",
            kind: InputKind::PlainText,
            source: fill("{{}}", size),
        },
        Case {
            name: "placeholders",
            what: "1 MiB of `{{1}} {{2}} …` numbered up to 100 000 (plain text)",
            kind: InputKind::PlainText,
            source: {
                let mut s = String::new();
                let mut i = 1;
                while s.len() < size - 16 {
                    s.push_str(&format!("{{{{{i}}}}} "));
                    i += 1;
                }
                s
            },
        },
        Case {
            name: "emoji",
            what: "1 MiB of emoji, with skin tones and flags (plain text)",
            kind: InputKind::PlainText,
            source: fill("😀👋🏽🇷🇺👨‍👩‍👧", size),
        },
        Case {
            name: "links",
            what:
                "10 000 links (https, http, shorteners, wa.me, punycode, IP, IDN) in 1 MiB of text",
            kind: InputKind::PlainText,
            source: links_text(size),
        },
        Case {
            name: "closing-parens",
            what: "one link followed by 1 MiB of `)` (plain text)",
            kind: InputKind::PlainText,
            source: {
                let mut s = String::from("https://shop.ru/a");
                s.push_str(&")".repeat(size - s.len()));
                s
            },
        },
        Case {
            name: "promo-words",
            what: "1 MiB of promotional and disguised words (plain text)",
            kind: InputKind::PlainText,
            source: fill(promo, size),
        },
        Case {
            name: "one-letter-words",
            what: "1 MiB of one-letter words, `а б в г …` (plain text)",
            kind: InputKind::PlainText,
            source: fill("с к и д к а ", size),
        },
        Case {
            name: "huge-body",
            what: "one JSON template with a 1 MiB body (Russian text, placeholders, links, emoji)",
            kind: InputKind::Json,
            source: template_with_body(&huge_body, size),
        },
        Case {
            name: "escaped-body",
            what: "one JSON template whose 1 MiB body is all `\\uXXXX` escapes and surrogate pairs",
            kind: InputKind::Json,
            source: template_with_body(
                "\\u0441\\u043a\\u0438\\u0434\\u043a\\u0430 \\ud83d\\ude00 ",
                size,
            ),
        },
        Case {
            name: "deep-json",
            what: "JSON nested 1 MiB deep, `[[[[…` (refused at depth 64)",
            kind: InputKind::Json,
            source: fill("[", size),
        },
        Case {
            name: "nested-json",
            what: "an array of templates, each with a field nested 60 deep, 1 MiB in all",
            kind: InputKind::Json,
            source: nested_json(60, size),
        },
        Case {
            name: "many-templates",
            what: "a JSON array of small templates, 1 MiB in all",
            kind: InputKind::Json,
            source: nested_json(0, size),
        },
    ]
}
