//! The benchmark corpus: realistic templates generated deterministically from the texts of
//! `examples/` and `tests/corpus/`.
//!
//! Sentences of the real bodies (Russian and English) are recombined into bodies of 100 to 1024
//! characters, with renumbered placeholders and matching examples, and optional headers, footers
//! and buttons. One template in three gets one or two problems of the kinds walint reports
//! (malformed or adjacent placeholders, shorteners, http links, disguised promotion, three URL
//! buttons, emoji in the footer, invisible characters, a missing example), so the corpus has
//! templates with and without findings. The same seed always gives the same corpus.

#![allow(dead_code)]

use serde_json::{json, Value};
use std::path::Path;

/// Deterministic pseudo-random numbers (xorshift64*).
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    pub fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

#[derive(Default)]
struct Pool {
    /// Sentences of bodies, with each placeholder replaced by `\u{1}`.
    sentences: Vec<String>,
    headers: Vec<String>,
    footers: Vec<String>,
    buttons: Vec<String>,
}

pub struct Corpus {
    /// Each template as compact JSON, what a client POSTs to Meta.
    pub templates: Vec<String>,
    /// How many were given deliberate problems.
    pub with_problems: usize,
    pub russian: usize,
}

fn is_russian(s: &str) -> bool {
    let cyr = s
        .chars()
        .filter(|c| ('\u{0400}'..='\u{04FF}').contains(c))
        .count();
    let lat = s.chars().filter(|c| c.is_ascii_alphabetic()).count();
    cyr > lat
}

/// Replaces every `{{…}}` (and the malformed `{…}`) with `\u{1}`.
fn mark_placeholders(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find("{{") {
        out.push_str(&rest[..i]);
        match rest[i..].find("}}") {
            Some(j) if j < 40 => {
                out.push('\u{1}');
                rest = &rest[i + j + 2..];
            }
            _ => {
                out.push_str("{{");
                rest = &rest[i + 2..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// Splits a body into sentences, keeping their punctuation and line breaks.
fn sentences(body: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = String::new();
    let mut chars = body.chars().peekable();
    while let Some(c) = chars.next() {
        current.push(c);
        let end =
            matches!(c, '.' | '!' | '?' | '\n') && chars.peek().is_none_or(|n| n.is_whitespace());
        if end {
            let s = current.trim().to_string();
            if s.chars().count() >= 12 {
                out.push(s);
            }
            current.clear();
        }
    }
    let s = current.trim().to_string();
    if s.chars().count() >= 12 {
        out.push(s);
    }
    out
}

fn collect(template: &Value, ru: &mut Pool, en: &mut Pool) {
    let Some(components) = template.get("components").and_then(Value::as_array) else {
        return;
    };
    for c in components {
        let kind = c
            .get("type")
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_ascii_uppercase();
        let text = c.get("text").and_then(Value::as_str);
        let pool = text.map(|t| if is_russian(t) { &mut *ru } else { &mut *en });
        match (kind.as_str(), text, pool) {
            ("BODY", Some(t), Some(p)) => p.sentences.extend(sentences(&mark_placeholders(t))),
            ("HEADER", Some(t), Some(p)) if !t.contains("{{") && t.chars().count() <= 60 => {
                p.headers.push(t.to_string())
            }
            ("FOOTER", Some(t), Some(p)) if !t.contains("{{") && t.chars().count() <= 60 => {
                p.footers.push(t.to_string())
            }
            ("BUTTONS", _, _) => {
                for b in c
                    .get("buttons")
                    .and_then(Value::as_array)
                    .into_iter()
                    .flatten()
                {
                    if let Some(t) = b.get("text").and_then(Value::as_str) {
                        if !t.is_empty() && t.chars().count() <= 25 && !t.contains("{{") {
                            let p = if is_russian(t) { &mut *ru } else { &mut *en };
                            p.buttons.push(t.to_string());
                        }
                    }
                }
            }
            _ => {}
        }
    }
}

fn read_sources(root: &Path) -> (Pool, Pool) {
    let (mut ru, mut en) = (Pool::default(), Pool::default());
    let mut files = Vec::new();
    for dir in [
        "examples/en",
        "examples/ru",
        "tests/corpus/en",
        "tests/corpus/ru",
    ] {
        if let Ok(entries) = std::fs::read_dir(root.join(dir)) {
            files.extend(entries.flatten().map(|e| e.path()));
        }
    }
    files.sort();
    for path in files {
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue;
        };
        match path.extension().and_then(|e| e.to_str()) {
            Some("txt") => {
                let p = if is_russian(&text) { &mut ru } else { &mut en };
                p.sentences.extend(sentences(&mark_placeholders(&text)));
            }
            Some("json") => {
                let Ok(v) = serde_json::from_str::<Value>(&text) else {
                    continue;
                };
                // tests/corpus wraps the template with its provenance.
                let v = v.get("template").cloned().unwrap_or(v);
                match v {
                    Value::Array(items) => items.iter().for_each(|t| collect(t, &mut ru, &mut en)),
                    t => collect(&t, &mut ru, &mut en),
                }
            }
            _ => {}
        }
    }
    for p in [&mut ru, &mut en] {
        for v in [
            &mut p.sentences,
            &mut p.headers,
            &mut p.footers,
            &mut p.buttons,
        ] {
            v.sort();
            v.dedup();
        }
    }
    (ru, en)
}

const RU_VALUES: [&str; 6] = ["Анна", "А-1024", "15 мая", "Москва", "1 500 ₽", "10:30"];
const EN_VALUES: [&str; 6] = ["Anna", "A-1024", "May 15", "London", "$15.00", "10:30 AM"];

/// Problems a template can be given. Each returns the changed body.
const PROBLEMS: [&str; 10] = [
    "adjacent",
    "malformed",
    "shortener",
    "http",
    "disguised",
    "three-urls",
    "footer-emoji",
    "invisible",
    "no-example",
    "promo-in-utility",
];

fn chars(s: &str) -> usize {
    s.chars().count()
}

/// A body of about `target` characters (100 ≤ target ≤ 1024) from the pool's sentences.
fn body(rng: &mut Rng, pool: &Pool, target: usize) -> String {
    let mut body = String::new();
    let mut tries = 0;
    while chars(&body) < target && tries < 200 {
        tries += 1;
        let s = rng.pick(&pool.sentences);
        let sep = if body.is_empty() {
            ""
        } else if rng.chance(15) {
            "\n\n"
        } else {
            " "
        };
        if chars(&body) + chars(sep) + chars(s) <= target {
            body.push_str(sep);
            body.push_str(s);
        }
    }
    // Fill up to at least 100 characters with the start of a sentence, cut at a space.
    while chars(&body) < 100.min(target) {
        let s = rng.pick(&pool.sentences);
        let room = target - chars(&body) - 1;
        let cut: String = s.chars().take(room).collect();
        let cut = match cut.rfind(' ') {
            Some(i) if chars(&cut) < chars(s) => cut[..i].to_string(),
            _ => cut,
        };
        if !body.is_empty() {
            body.push(' ');
        }
        body.push_str(&cut);
    }
    body
}

/// Renumbers the `\u{1}` marks as `{{1}}`, `{{2}}`, … and returns the count.
fn number_placeholders(body: &str) -> (String, usize) {
    let mut out = String::with_capacity(body.len() + 16);
    let mut n = 0;
    for c in body.chars() {
        if c == '\u{1}' {
            n += 1;
            out.push_str(&format!("{{{{{n}}}}}"));
        } else {
            out.push(c);
        }
    }
    (out, n)
}

/// Generates `count` templates (same `seed`, same corpus) from the texts under `root`.
pub fn generate(root: &Path, count: usize, seed: u64) -> Corpus {
    let (ru, en) = read_sources(root);
    assert!(
        !ru.sentences.is_empty() && !en.sentences.is_empty(),
        "no texts found under {}",
        root.display()
    );
    let mut rng = Rng(seed | 1);
    let mut templates = Vec::with_capacity(count);
    let (mut with_problems, mut russian) = (0, 0);
    for i in 0..count {
        let is_ru = i % 2 == 0;
        let (pool, values, lang) = if is_ru {
            russian += 1;
            (&ru, &RU_VALUES, "ru")
        } else {
            (&en, &EN_VALUES, "en_US")
        };
        // Problems add up to about 60 characters: leave room, so that every body stays within
        // Meta's 1024.
        let problem = i % 3 == 1;
        let target = 100 + rng.below(if problem { 865 } else { 925 });
        let raw = body(&mut rng, pool, target);
        let (mut text, n) = number_placeholders(&raw);
        let mut category = if rng.chance(50) {
            "MARKETING"
        } else {
            "UTILITY"
        };
        let problems: Vec<&str> = if problem {
            with_problems += 1;
            (0..1 + rng.below(2))
                .map(|_| *rng.pick(&PROBLEMS))
                .collect()
        } else {
            Vec::new()
        };
        let mut example_count = n;
        for p in &problems {
            match *p {
                "adjacent" => text.push_str(&format!(" {{{{{}}}}} {{{{{}}}}}", n + 1, n + 2)),
                "malformed" => text = text.replacen("{{1}}", "{{ 1 }", 1),
                "shortener" => text.push_str(if is_ru {
                    " Подробнее: clck.ru/3Fx9Qz"
                } else {
                    " Details: bit.ly/3Fx9Qz"
                }),
                "http" => text.push_str(" http://example.com/account"),
                "disguised" => text.push_str(if is_ru {
                    " Только сегодня ск1дка 50%!!!"
                } else {
                    " FR33 gift, today only!!!"
                }),
                "invisible" => text = text.replacen(' ', " \u{200B}", 1),
                "no-example" => example_count = 0,
                "promo-in-utility" => {
                    category = "UTILITY";
                    text.push_str(if is_ru {
                        " Скидка 30% на следующую покупку!"
                    } else {
                        " Get 30% off your next purchase!"
                    });
                }
                _ => {}
            }
        }
        if problems.contains(&"adjacent") && !problems.contains(&"no-example") {
            example_count = n + 2;
        }
        let mut components = Vec::new();
        if rng.chance(30) && !pool.headers.is_empty() {
            components
                .push(json!({"type": "HEADER", "format": "TEXT", "text": rng.pick(&pool.headers)}));
        }
        let mut body = json!({"type": "BODY", "text": text});
        if example_count > 0 {
            let row: Vec<&str> = (0..example_count)
                .map(|k| values[k % values.len()])
                .collect();
            body["example"] = json!({"body_text": [row]});
        }
        components.push(body);
        let footer_emoji = problems.contains(&"footer-emoji");
        if footer_emoji || (rng.chance(40) && !pool.footers.is_empty()) {
            let mut footer = if pool.footers.is_empty() {
                String::from("Reply STOP to unsubscribe")
            } else {
                rng.pick(&pool.footers).clone()
            };
            if footer_emoji {
                footer.push_str(" 🙂");
            }
            components.push(json!({"type": "FOOTER", "text": footer}));
        }
        let three_urls = problems.contains(&"three-urls");
        if three_urls || rng.chance(50) {
            let mut buttons = Vec::new();
            let urls = if three_urls { 3 } else { rng.below(2) };
            for k in 0..urls {
                let label = if is_ru { "Открыть" } else { "Open" };
                buttons.push(json!({"type": "URL", "text": format!("{label} {}", k + 1), "url": format!("https://example.com/p/{i}/{k}")}));
            }
            if !pool.buttons.is_empty() {
                for _ in 0..1 + rng.below(2) {
                    let label = rng.pick(&pool.buttons).clone();
                    if !buttons.iter().any(|b| b["text"] == label.as_str()) {
                        buttons.push(json!({"type": "QUICK_REPLY", "text": label}));
                    }
                }
            }
            if !buttons.is_empty() {
                components.push(json!({"type": "BUTTONS", "buttons": buttons}));
            }
        }
        let template = json!({
            "name": format!("bench_{i}"),
            "language": lang,
            "category": category,
            "components": components,
        });
        templates.push(serde_json::to_string(&template).expect("JSON serialises"));
    }
    Corpus {
        templates,
        with_problems,
        russian,
    }
}

/// A clean Russian body of exactly `n` characters (for the latency measurement), as a template.
pub fn body_of_length(root: &Path, n: usize, seed: u64) -> String {
    let (ru, _) = read_sources(root);
    let mut rng = Rng(seed | 1);
    let mut text = String::new();
    while chars(&text) < n {
        if !text.is_empty() {
            text.push(' ');
        }
        text.push_str(rng.pick(&ru.sentences).as_str());
    }
    let text: String = text.chars().take(n).collect();
    let (text, count) = number_placeholders(&text);
    // Renumbering makes `{{10}}` longer than its mark: trim back to n characters at the end.
    let mut text: String = text.chars().take(n).collect();
    // Never leave a cut placeholder at the end.
    if let Some(open) = text.rfind("{{") {
        if !text[open..].contains("}}") {
            text.truncate(open);
            while chars(&text) < n {
                text.push('.');
            }
        }
    }
    let placeholders = (1..=count)
        .filter(|k| text.contains(&format!("{{{{{k}}}}}")))
        .count();
    let row: Vec<&str> = (0..placeholders)
        .map(|k| RU_VALUES[k % RU_VALUES.len()])
        .collect();
    let mut body = json!({"type": "BODY", "text": text});
    if placeholders > 0 {
        body["example"] = json!({"body_text": [row]});
    }
    serde_json::to_string(&json!({
        "name": "latency_1024",
        "language": "ru",
        "category": "UTILITY",
        "components": [body],
    }))
    .expect("JSON serialises")
}
