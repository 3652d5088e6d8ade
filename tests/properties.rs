//! Property tests: random templates and drafts (Russian and English words, emoji, placeholders
//! well and badly written, stray braces, links of every kind, invisible characters, JSON
//! escapes and surrogate pairs) must give diagnostics whose ranges are inside their text, on
//! character boundaries, with UTF-16 offsets and line/column that describe the same characters
//! as the byte offsets; whose document locations cover the same characters in the source;
//! whose fixes work; and linting must be deterministic.
//!
//! The checks themselves are shared with the fuzz targets: `fuzz/invariants.rs`.
//! `PROPTEST_CASES=10000 cargo test --release --test properties` runs about 40 times more cases
//! (the count is relative to proptest's default of 256).

#[path = "../fuzz/invariants.rs"]
mod invariants;

use proptest::prelude::*;
use serde_json::{json, Value};
use walint::InputKind;

/// `PROPTEST_CASES` scales every property's number of cases (the defaults below are per
/// property, chosen so that `cargo test` stays quick).
fn cases(default: u32) -> u32 {
    match std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse::<u32>().ok())
    {
        Some(n) => (u64::from(default) * u64::from(n) / 256).max(1) as u32,
        None => default,
    }
}

/// Pieces of template text, chosen for what the rules and the position code find hard.
fn fragment() -> impl Strategy<Value = String> {
    let fixed: Vec<&'static str> = vec![
        // words
        "Здравствуйте",
        "ваш заказ",
        "скидка",
        "СКИДКА",
        "Ёлка",
        "доставка",
        "Hello",
        "your order",
        "FREE",
        "sale",
        "discount",
        "unsubscribe",
        "Ответьте СТОП, чтобы отписаться",
        "код",
        "CVV",
        "пароль",
        "суд",
        "коллекторы",
        "купите сейчас",
        "только сегодня",
        // disguises
        "Cкидкa",
        "ск1дка",
        "с к и д к а",
        "F-R-E-E",
        "скииидка",
        "ски\u{200B}дка",
        "fr33",
        // emoji: plain, skin tone, flag, ZWJ family, keycap, variation selector
        "😀",
        "👋🏽",
        "🇷🇺",
        "👨\u{200D}👩\u{200D}👧",
        "1\u{FE0F}\u{20E3}",
        "❤\u{FE0F}",
        "🎉🎉🎉",
        // placeholders, good and bad
        "{{1}}",
        "{{2}}",
        "{{3}}",
        "{{10}}",
        "{{name}}",
        "{{ 1 }}",
        "{{ 2 }",
        "{1}",
        "{{}}",
        "{{{1}}}",
        "{{1}}{{2}}",
        "{{0}}",
        "{{-1}}",
        "{{order_id}}",
        // braces
        "{",
        "}",
        "{{",
        "}}",
        "{{{",
        "}}}",
        // links
        "https://shop.ru/a?b=1#c",
        "http://example.com/x",
        "bit.ly/abc",
        "clck.ru/3Fx",
        "wa.me/79001234567",
        "www.sber-bank.com",
        "http://192.168.0.1/a",
        "https://пример.рф/акция",
        "xn--e1afmkfd.xn--p1ai",
        "(https://en.wikipedia.org/wiki/A_(b))",
        "https://shop.ru/t/{{1}}",
        "info@shop.ru",
        "shop.ru.",
        "Booking.com",
        "https://u:p@host.com:8080/p",
        // formatting and punctuation
        "*",
        "_",
        "~",
        "```",
        "*жирный*",
        "_курсив_",
        "!!!",
        "?!",
        "-50%",
        "990 ₽",
        "$5",
        "…",
        "«",
        "»",
        "—",
        // whitespace and invisible characters
        " ",
        "  ",
        "\n",
        "\n\n\n\n",
        "\r\n",
        "\t",
        "\u{A0}",
        "\u{200B}",
        "\u{AD}",
        "\u{202E}",
        "\u{FEFF}",
        "\u{2060}",
        // characters JSON escapes
        "\"",
        "\\",
        "/",
        "\u{1}",
        "\u{1F}",
        "\u{7F}",
        // other scripts and combining marks
        "é",
        "e\u{301}",
        "ﬁ",
        "Ω",
        "中文",
        "עברית",
        "\u{10FFFF}",
    ];
    prop_oneof![
        8 => proptest::sample::select(fixed).prop_map(str::to_string),
        1 => any::<char>().prop_map(|c| c.to_string()),
        1 => "[a-zа-яё]{1,12}",
    ]
}

fn text(max: usize) -> impl Strategy<Value = String> {
    proptest::collection::vec(fragment(), 0..max).prop_map(|parts| {
        let mut s = String::new();
        for (i, p) in parts.iter().enumerate() {
            // Mostly words with spaces between them; sometimes glued together.
            if i > 0 && !p.starts_with(['\n', ' ']) && (i % 3 != 0) {
                s.push(' ');
            }
            s.push_str(p);
        }
        s
    })
}

/// Writes `v` as JSON, escaping characters at random (`\u0441`, surrogate pairs for astral
/// characters, `\/`, `\n` or `\u000a`) so that decoded and source offsets differ in every way.
fn to_json(v: &Value, seed: u64, pretty: bool) -> String {
    struct W {
        out: String,
        rng: u64,
        pretty: bool,
    }
    impl W {
        fn coin(&mut self, percent: u64) -> bool {
            self.rng ^= self.rng << 13;
            self.rng ^= self.rng >> 7;
            self.rng ^= self.rng << 17;
            self.rng % 100 < percent
        }
        fn string(&mut self, s: &str) {
            self.out.push('"');
            for c in s.chars() {
                let escape = self.coin(25);
                match c {
                    '"' => self.out.push_str("\\\""),
                    '\\' => self.out.push_str("\\\\"),
                    '\n' if !escape => self.out.push_str("\\n"),
                    '/' if escape => self.out.push_str("\\/"),
                    c if (c as u32) < 0x20 || escape => {
                        let mut units = [0u16; 2];
                        for u in c.encode_utf16(&mut units) {
                            self.out.push_str(&format!("\\u{u:04x}"));
                        }
                    }
                    c => self.out.push(c),
                }
            }
            self.out.push('"');
        }
        fn value(&mut self, v: &Value, indent: usize) {
            let nl = |w: &mut W, n: usize| {
                if w.pretty {
                    w.out.push('\n');
                    w.out.push_str(&"  ".repeat(n));
                }
            };
            match v {
                Value::String(s) => self.string(s),
                Value::Array(items) => {
                    self.out.push('[');
                    for (i, item) in items.iter().enumerate() {
                        if i > 0 {
                            self.out.push(',');
                        }
                        nl(self, indent + 1);
                        self.value(item, indent + 1);
                    }
                    nl(self, indent);
                    self.out.push(']');
                }
                Value::Object(members) => {
                    self.out.push('{');
                    for (i, (k, item)) in members.iter().enumerate() {
                        if i > 0 {
                            self.out.push(',');
                        }
                        nl(self, indent + 1);
                        self.string(k);
                        self.out.push_str(if self.pretty { ": " } else { ":" });
                        self.value(item, indent + 1);
                    }
                    nl(self, indent);
                    self.out.push('}');
                }
                other => self.out.push_str(&other.to_string()),
            }
        }
    }
    let mut w = W {
        out: String::new(),
        rng: seed | 1,
        pretty,
    };
    w.value(v, 0);
    w.out
}

fn button() -> impl Strategy<Value = Value> {
    prop_oneof![
        text(4).prop_map(|t| json!({"type": "QUICK_REPLY", "text": t})),
        (text(3), text(3)).prop_map(|(t, u)| json!({"type": "URL", "text": t, "url": u})),
        (text(3), "[+]?[0-9 ()-]{0,16}")
            .prop_map(|(t, p)| json!({"type": "PHONE_NUMBER", "text": t, "phone_number": p})),
        (text(3), text(2), text(2)).prop_map(
            |(t, u, e)| json!({"type": "url", "text": t, "url": format!("https://shop.ru/{u}{{{{1}}}}"), "example": [e]})
        ),
        // The template types' own fields: a code, an app, a Flow.
        text(3).prop_map(|c| json!({"type": "COPY_CODE", "example": c})),
        (text(3), text(2), text(2)).prop_map(|(a, p, h)| json!({"type": "OTP", "otp_type": "ZERO_TAP",
            "autofill_text": a, "supported_apps": [{"package_name": p, "signature_hash": h}]})),
        (text(3), text(3)).prop_map(|(t, j)| json!({"type": "FLOW", "text": t, "flow_json": j, "navigate_screen": t})),
    ]
}

fn template() -> impl Strategy<Value = Value> {
    (
        (
            proptest::sample::select(vec!["order_update", "Order Update", "sale", ""]),
            proptest::sample::select(vec!["ru", "en_US", "es", "pt_BR", "xx"]),
            proptest::sample::select(vec!["MARKETING", "UTILITY", "AUTHENTICATION", "utility", "?"]),
        ),
        text(40),
        proptest::collection::vec(text(3), 0..5),
        proptest::option::of(text(6)),
        proptest::option::of(text(6)),
        proptest::collection::vec(button(), 0..5),
        any::<u8>(),
    )
        .prop_map(
            |((name, lang, category), body, examples, header, footer, buttons, shape)| {
                let mut components = Vec::new();
                if let Some(h) = header {
                    components.push(if shape & 1 == 0 {
                        json!({"type": "HEADER", "format": "TEXT", "text": h})
                    } else {
                        json!({"type": "HEADER", "format": "IMAGE", "example": {"header_handle": [h]}})
                    });
                }
                let mut b = json!({"type": "BODY", "text": body});
                if !examples.is_empty() {
                    b["example"] = json!({"body_text": [examples]});
                }
                components.push(b);
                if let Some(f) = footer {
                    components.push(json!({"type": "FOOTER", "text": f}));
                }
                if !buttons.is_empty() {
                    components.push(json!({"type": "BUTTONS", "buttons": buttons}));
                }
                if shape & 4 != 0 {
                    let offer = components[0]["text"].clone();
                    components.push(json!({"type": "LIMITED_TIME_OFFER", "limited_time_offer": {"text": offer}}));
                }
                if shape & 8 != 0 {
                    components.push(json!({"type": "CALL_PERMISSION_REQUEST"}));
                }
                let mut t = json!({"components": components});
                if shape & 2 == 0 {
                    t["name"] = json!(name);
                    t["language"] = json!(lang);
                    t["category"] = json!(category);
                }
                match shape >> 6 {
                    0 => json!([t, {"name": "second", "components": [{"type": "BODY", "text": "Hi {{1}}"}]}]),
                    1 => json!({"data": [t]}),
                    _ => t,
                }
            },
        )
}

/// A template as JSON text, with random escapes and layout.
fn template_source() -> impl Strategy<Value = String> {
    (template(), any::<u64>(), any::<bool>())
        .prop_map(|(t, seed, pretty)| to_json(&t, seed, pretty))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(256), ..ProptestConfig::default() })]

    #[test]
    fn json_templates_keep_every_invariant(source in template_source(), pick in any::<u8>()) {
        let options = invariants::options(pick);
        let reports = invariants::check_source(&source, InputKind::Json, &options);
        prop_assert!(reports.is_ok(), "a generated template does not load: {:?}\n{source}", reports.err());
        // Escapes change nothing but positions: the same template written plainly has the
        // same findings at the same field offsets.
        let plain: Value = serde_json::from_str(&source).expect("valid JSON");
        let plain = serde_json::to_string(&plain).expect("serialises");
        let strip = |r: Vec<walint::TemplateReport>| -> Vec<_> {
            r.into_iter()
                .flat_map(|t| t.diagnostics)
                .map(|d| (d.rule, d.path, d.range, d.message, d.fix.map(|f| f.edits)))
                .collect()
        };
        let mut a = strip(reports.unwrap());
        let mut b = strip(walint::lint_source(&plain, InputKind::Json, &options).expect("loads"));
        // Document order may differ where findings share a field offset.
        a.sort_by(|x, y| format!("{x:?}").cmp(&format!("{y:?}")));
        b.sort_by(|x, y| format!("{x:?}").cmp(&format!("{y:?}")));
        prop_assert_eq!(a, b);
    }

    #[test]
    fn drafts_keep_every_invariant(source in text(60), pick in any::<u8>()) {
        let options = invariants::options(pick);
        let reports = invariants::check_source(&source, InputKind::PlainText, &options);
        prop_assert!(reports.is_ok());
        // Auto reads a draft that does not look like JSON the same way.
        if let Ok(doc) = walint::load_auto(&source) {
            if doc.kind == walint::DocumentKind::PlainText {
                prop_assert_eq!(
                    walint::lint_source(&source, InputKind::Auto, &options),
                    reports
                );
            }
        }
    }

    #[test]
    fn any_text_as_json_never_panics(source in "\\PC{0,200}", pick in any::<u8>()) {
        let _ = invariants::check_source(&source, InputKind::Json, &invariants::options(pick));
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(64), ..ProptestConfig::default() })]

    #[test]
    fn fixes_fix_what_they_claim(source in template_source(), pick in any::<u8>()) {
        invariants::check_fixes(&source, InputKind::Json, &invariants::options(pick), 16);
    }

    #[test]
    fn draft_fixes_fix_what_they_claim(source in text(40), pick in any::<u8>()) {
        invariants::check_fixes(&source, InputKind::PlainText, &invariants::options(pick), 16);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(16), ..ProptestConfig::default() })]

    /// The same inputs give the same output in any order, on another thread, with options
    /// built afresh: no state leaks from one call to the next.
    #[test]
    fn lint_is_deterministic(
        sources in proptest::collection::vec(template_source(), 1..8),
        drafts in proptest::collection::vec(text(30), 1..8),
        pick in any::<u8>(),
    ) {
        let run = |order: Vec<usize>, options: walint::LintOptions| {
            let mut out = vec![None; sources.len() + drafts.len()];
            for i in order {
                let r = if i < sources.len() {
                    walint::lint_source(&sources[i], InputKind::Json, &options)
                } else {
                    walint::lint_source(&drafts[i - sources.len()], InputKind::PlainText, &options)
                };
                out[i] = Some(r);
            }
            out
        };
        let n = sources.len() + drafts.len();
        let forward = run((0..n).collect(), invariants::options(pick));
        let backward = run((0..n).rev().collect(), invariants::options(pick));
        prop_assert_eq!(&forward, &backward);
        let fresh = std::thread::scope(|s| {
            s.spawn(|| run((0..n).collect(), invariants::options(pick))).join().expect("no panic")
        });
        prop_assert_eq!(&forward, &fresh);
    }
}
