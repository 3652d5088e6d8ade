//! The JavaScript bindings, run inside a JavaScript engine by wasm-bindgen-test-runner: in Node
//! by default, in headless Chromium with `WASM_BINDGEN_USE_BROWSER=1` (scripts/test.sh runs
//! both). Build: `cargo test --target wasm32-unknown-unknown --no-default-features --features
//! wasm --test web`.
#![cfg(all(target_arch = "wasm32", feature = "wasm"))]

use js_sys::{JsString, Reflect, JSON};
use serde_json::{json, Value};
use walint::wasm::{LintOptionsArg, Linter, TemplateInputArg, MAX_INPUT_BYTES};
use walint::{InputKind, Lang, LintOptions, RuleLevel};
use wasm_bindgen::{JsCast, JsError, JsValue};
use wasm_bindgen_test::wasm_bindgen_test;

const ORDER_RU: &str = r#"{
  "name": "order_shipped",
  "language": "ru",
  "category": "UTILITY",
  "components": [
    {"type": "HEADER", "format": "TEXT", "text": "Заказ отправлен 📦"},
    {"type": "BODY",
     "text": "{{1}}, ваш заказ №{{2}} отправлен 🚚\nОтследить: https://bit.ly/x\u00a0 и {{3}}{{4}}",
     "example": {"body_text": [["Анна", "12345", "завтра"]]}},
    {"type": "FOOTER", "text": "Магазин «Ромашка» 🌼"},
    {"type": "BUTTONS", "buttons": [
      {"type": "URL", "text": "Отследить", "url": "https://shop.example/track/{{1}}"},
      {"type": "URL", "text": "Отследить", "url": "https://wa.me/79990001122"},
      {"type": "URL", "text": "Ещё", "url": "ftp://shop.example"}
    ]}
  ]
}"#;

const SPRING_EN: &str = r#"[{"name": "Spring Sale", "language": "en_US", "category": "MARKETING",
  "components": [{"type": "BODY", "text": "{{1}} Spring sale! 👋🏽 Up to 50% off at https://shop.example/spring {{1}}"}]},
 {"name": "ok_one", "language": "en", "category": "UTILITY",
  "components": [{"type": "BODY", "text": "Your code is {{1}}. Thank you!",
                  "example": {"body_text": [["1234"]]}}]}]"#;

const DRAFT: &str =
    "Привет, {{1}}! 👋🏽 Скидка {{2}}{{3}} до 31.05 🎉\nПодробнее: wa.me/79990001122 {{ 4 }";

fn options(json: &str) -> Option<LintOptionsArg> {
    Some(
        JSON::parse(json)
            .expect("test options are JSON")
            .unchecked_into(),
    )
}

fn linter(json: &str) -> Linter {
    Linter::new(options(json))
        .map_err(JsValue::from)
        .expect("valid options")
}

fn input(s: &str) -> TemplateInputArg {
    JsValue::from_str(s).unchecked_into()
}

/// A JavaScript result as JSON, to compare with what the core serializes.
fn to_json(value: impl Into<JsValue>) -> Value {
    let text = JSON::stringify(&value.into()).expect("results are JSON-compatible");
    serde_json::from_str(&String::from(text)).expect("stringify gives JSON")
}

/// What the core itself reports, as `{"templates": [...]}`.
fn core(source: &str, kind: InputKind, options: &LintOptions) -> Value {
    let reports = walint::lint_source(source, kind, options).expect("the input is readable");
    json!({ "templates": reports })
}

/// Asserts equality, naming the first place where the two differ.
#[track_caller]
fn assert_same(got: &Value, expected: &Value) {
    fn first_difference(a: &Value, b: &Value, at: String) -> Option<String> {
        match (a, b) {
            (Value::Object(x), Value::Object(y)) => {
                x.keys()
                    .chain(y.keys())
                    .find_map(|k| match (x.get(k), y.get(k)) {
                        (Some(p), Some(q)) => first_difference(p, q, format!("{at}.{k}")),
                        (p, q) => Some(format!("{at}.{k}: {p:?} != {q:?}")),
                    })
            }
            (Value::Array(x), Value::Array(y)) if x.len() == y.len() => x
                .iter()
                .zip(y)
                .enumerate()
                .find_map(|(i, (p, q))| first_difference(p, q, format!("{at}[{i}]"))),
            // JavaScript has one number type: 5.0 comes back as 5.
            (Value::Number(x), Value::Number(y)) => {
                (x.as_f64() != y.as_f64()).then(|| format!("{at}: {x} != {y}"))
            }
            _ => (a != b).then(|| format!("{at}: {a} != {b}")),
        }
    }
    if let Some(difference) = first_difference(got, expected, String::new()) {
        panic!("the bindings and the core differ at {difference}");
    }
}

fn ok(result: Result<walint::wasm::LintResultValue, JsError>) -> Value {
    to_json(result.map_err(JsValue::from).expect("no error"))
}

fn err<T>(result: Result<T, JsError>) -> JsValue {
    match result {
        Ok(_) => panic!("expected an error"),
        Err(e) => {
            let e = JsValue::from(e);
            assert!(e.is_instance_of::<js_sys::Error>(), "not an Error: {e:?}");
            e
        }
    }
}

fn prop(value: &JsValue, key: &str) -> JsValue {
    Reflect::get(value, &JsValue::from_str(key)).expect("readable property")
}

fn message(e: &JsValue) -> String {
    prop(e, "message").as_string().expect("a message")
}

fn code(e: &JsValue) -> String {
    prop(e, "code").as_string().expect("a code")
}

#[wasm_bindgen_test]
fn json_strings_give_exactly_the_core_reports() {
    let default = LintOptions::default();
    let ru = LintOptions {
        lang: Lang::Ru,
        owned_domains: vec!["shop.example".into()],
        ..LintOptions::default()
    };
    for source in [ORDER_RU, SPRING_EN] {
        let got = ok(linter("{}").lint(input(source)));
        assert_same(&got, &core(source, InputKind::Json, &default));
        assert!(!got["templates"][0]["diagnostics"]
            .as_array()
            .unwrap()
            .is_empty());
        let got =
            ok(linter(r#"{"lang": "ru", "ownedDomains": ["shop.example"]}"#).lint(input(source)));
        assert_same(&got, &core(source, InputKind::Json, &ru));
    }
}

#[wasm_bindgen_test]
fn plain_text_gives_exactly_the_core_reports() {
    let got = ok(linter("{}").lint_text(JsString::from(DRAFT)));
    assert_same(
        &got,
        &core(DRAFT, InputKind::PlainText, &LintOptions::default()),
    );
    let business = LintOptions {
        profile: walint::Profile::BusinessApp,
        ..LintOptions::default()
    };
    let long = format!("{} {{{{1}}}}.", "Текст уведомления. ".repeat(30));
    let got = ok(linter(r#"{"profile": "business-app"}"#).lint_text(JsString::from(long.as_str())));
    assert_same(&got, &core(&long, InputKind::PlainText, &business));
    let rules: Vec<&str> = got["templates"][0]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|d| d["rule"].as_str())
        .collect();
    assert!(rules.contains(&"body-too-long"), "{rules:?}");
}

#[wasm_bindgen_test]
fn objects_are_linted_like_their_json() {
    let object = JSON::parse(SPRING_EN).unwrap();
    let from_object = ok(linter("{}").lint(object.unchecked_into()));
    let from_text = ok(linter("{}").lint(input(SPRING_EN)));
    let strip = |mut v: Value| {
        // Document locations refer to JSON.stringify(object), not to SPRING_EN's layout.
        for t in v["templates"].as_array_mut().unwrap() {
            for d in t["diagnostics"].as_array_mut().unwrap() {
                d["location"] = Value::Null;
            }
        }
        v
    };
    assert_eq!(strip(from_object), strip(from_text));
}

#[wasm_bindgen_test]
fn utf16_ranges_are_javascript_string_indices() {
    let text = JsString::from(DRAFT);
    let got = ok(linter("{}").lint_text(text.clone()));
    let mut checked = 0;
    for d in got["templates"][0]["diagnostics"].as_array().unwrap() {
        let Some(range) = d["range"].as_object() else {
            continue;
        };
        let (s, e) = (
            range["start"].as_u64().unwrap() as usize,
            range["end"].as_u64().unwrap() as usize,
        );
        let (s16, e16) = (
            range["start_utf16"].as_u64().unwrap() as u32,
            range["end_utf16"].as_u64().unwrap() as u32,
        );
        assert_eq!(String::from(text.slice(s16, e16)), DRAFT[s..e], "{d}");
        if s != s16 as usize {
            checked += 1;
        }
    }
    // Some ranges sit after the Cyrillic and the emoji, where bytes and UTF-16 differ.
    assert!(checked >= 2, "{got}");
}

#[wasm_bindgen_test]
fn options_change_levels_language_and_rules() {
    let rules_of = |v: &Value| -> Vec<(String, String)> {
        v["templates"][0]["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| {
                (
                    d["rule"].as_str().unwrap().into(),
                    d["severity"].as_str().unwrap().into(),
                )
            })
            .collect()
    };
    let all = rules_of(&ok(linter("{}").lint(input(SPRING_EN))));
    assert!(all.iter().any(|(r, _)| r == "template-name"), "{all:?}");
    let off = rules_of(&ok(
        linter(r#"{"disabledRules": ["template-name"]}"#).lint(input(SPRING_EN))
    ));
    assert!(!off.iter().any(|(r, _)| r == "template-name"));
    assert_eq!(off.len() + 1, all.len());
    let info = rules_of(&ok(
        linter(r#"{"rules": {"template-name": "info"}}"#).lint(input(SPRING_EN))
    ));
    assert!(
        info.contains(&("template-name".into(), "info".into())),
        "{info:?}"
    );

    let ru = ok(linter(r#"{"lang": "ru"}"#).lint(input(SPRING_EN)));
    let expected = LintOptions {
        lang: Lang::Ru,
        rules: [("placeholder-density".to_string(), RuleLevel::Off)].into(),
        ..LintOptions::default()
    };
    let msg = ru["templates"][0]["diagnostics"][0]["message"]
        .as_str()
        .unwrap();
    assert!(msg.chars().any(|c| ('а'..='я').contains(&c)), "{msg}");
    let got = ok(
        linter(r#"{"lang": "ru", "disabledRules": ["placeholder-density"]}"#)
            .lint(input(SPRING_EN)),
    );
    assert_same(&got, &core(SPRING_EN, InputKind::Json, &expected));
}

#[wasm_bindgen_test]
fn bad_options_throw_clean_errors() {
    for (json, needle) in [
        (r#"{"lang": "de"}"#, "`lang` must be \"en\" or \"ru\""),
        (r#"{"profile": "app"}"#, "`profile` must be"),
        (r#"{"ownedDomain": []}"#, "unknown option `ownedDomain`"),
        (
            r#"{"ownedDomains": "shop.ru"}"#,
            "not what a Linter takes: invalid type: string",
        ),
        (
            r#"{"ownedDomains": ["shop.ru", 3]}"#,
            "not what a Linter takes: invalid type",
        ),
        (
            r#"{"disabledRules": ["no-such-rule"]}"#,
            "unknown rule `no-such-rule`",
        ),
        (
            r#"{"rules": {"template-name": "loud"}}"#,
            "rule `template-name`: the level must be",
        ),
        (r#"{"rules": []}"#, "not what a Linter takes: invalid type"),
        ("42", "expected an object, got number"),
    ] {
        let result = Linter::new(options(json));
        assert!(result.is_err(), "{json} was accepted");
        let e = err(result);
        assert_eq!(code(&e), "invalid_options");
        assert!(message(&e).contains(needle), "{json}: {}", message(&e));
    }
    let e = err(Linter::new(options(r#"{"lang": "ru", "profile": "app"}"#)));
    assert!(
        message(&e).starts_with("неверные настройки walint"),
        "{}",
        message(&e)
    );
    // No options at all is the defaults.
    let default = Linter::new(None).map_err(JsValue::from).unwrap();
    assert_eq!(
        ok(default.lint(input(SPRING_EN))),
        ok(linter("{}").lint(input(SPRING_EN)))
    );
}

#[wasm_bindgen_test]
fn bad_input_throws_and_the_next_call_works() {
    let l = linter("{}");
    let expected = ok(l.lint(input(SPRING_EN)));

    let e = err(l.lint(input("{\n  \"name\": \"x\",\n  \"components\": [}\n")));
    assert_eq!(code(&e), "unreadable_template");
    assert!(
        message(&e).contains("(line 3, column 18)"),
        "{}",
        message(&e)
    );
    assert_eq!(prop(&e, "line").as_f64(), Some(3.0));
    assert_eq!(prop(&e, "column").as_f64(), Some(18.0));

    let e = err(l.lint(input(
        r#"{"name": "x", "components": [{"type": "BODY", "text": 5}]}"#,
    )));
    assert_eq!(code(&e), "unreadable_template");
    assert_eq!(
        prop(&e, "path").as_string().as_deref(),
        Some("components[0].text")
    );
    assert!(
        message(&e).starts_with("components[0].text: "),
        "{}",
        message(&e)
    );

    let e = err(l.lint(input("Hello {{1}}")));
    assert!(message(&e).contains("lintText()"), "{}", message(&e));

    for wrong in [
        JsValue::from_f64(42.0),
        JsValue::NULL,
        JsValue::UNDEFINED,
        JsValue::TRUE,
    ] {
        let e = err(l.lint(wrong.unchecked_into()));
        assert_eq!(code(&e), "invalid_argument");
        assert!(
            message(&e).starts_with("lint() expects a template"),
            "{}",
            message(&e)
        );
    }
    let e = err(l.lint_text(JsValue::from_f64(1.0).unchecked_into()));
    assert_eq!(code(&e), "invalid_argument");
    assert!(message(&e).contains("lintText() expects a string, got number"));

    // A cycle makes JSON.stringify throw; walint turns that into its own error.
    let cyclic = js_sys::Object::new();
    Reflect::set(&cyclic, &"self".into(), &cyclic).unwrap();
    let e = err(l.lint(JsValue::from(cyclic).unchecked_into()));
    assert_eq!(code(&e), "invalid_argument");

    assert_eq!(ok(l.lint(input(SPRING_EN))), expected);
}

#[wasm_bindgen_test]
fn lone_surrogates_are_refused_with_their_index() {
    let l = linter("{}");
    // "Hi 👋" cut in the middle of the emoji, then more text.
    let units: Vec<u16> = "Hi "
        .encode_utf16()
        .chain([0xd83d])
        .chain(" there".encode_utf16())
        .collect();
    let text = JsString::from_char_code(&units);
    let e = err(l.lint_text(text.clone()));
    assert_eq!(code(&e), "lone_surrogate");
    assert_eq!(prop(&e, "index").as_f64(), Some(3.0));
    assert!(message(&e).contains("UTF-16 index 3"), "{}", message(&e));
    let e = err(l.lint(JsValue::from(text).unchecked_into()));
    assert_eq!(code(&e), "lone_surrogate");

    // A real U+FFFD is text, not an error.
    let got = ok(l.lint_text(JsString::from("Замена \u{fffd} и {{1}} здесь.")));
    assert_eq!(got["templates"].as_array().unwrap().len(), 1);
    // Only the unpaired one is reported, after a real U+FFFD and a valid pair.
    let units: Vec<u16> = "\u{fffd}😀 x".encode_utf16().chain([0xdc00]).collect();
    let e = err(l.lint_text(JsString::from_char_code(&units)));
    assert_eq!(prop(&e, "index").as_f64(), Some(5.0));
}

#[wasm_bindgen_test]
fn inputs_over_the_limit_are_refused_before_copying() {
    let l = linter("{}");
    let huge = JsString::from("a").repeat(5_000_000);
    let e = err(l.lint_text(huge.clone()));
    assert_eq!(code(&e), "input_too_large");
    assert!(
        message(&e).contains("5000000 UTF-16 code units"),
        "{}",
        message(&e)
    );
    let e = err(l.lint(JsValue::from(huge).unchecked_into()));
    assert_eq!(code(&e), "input_too_large");
    // Under the limit in UTF-16 units but over it in UTF-8 bytes (Cyrillic is 2 bytes each).
    let cyrillic = JsString::from("я").repeat((MAX_INPUT_BYTES / 2 + 1) as i32);
    let e = err(l.lint_text(cyrillic));
    assert!(message(&e).contains("bytes of UTF-8"), "{}", message(&e));
    // Exactly at the limit is fine.
    let at_limit = JsString::from("a").repeat(MAX_INPUT_BYTES as i32);
    assert!(l.lint_text(at_limit).is_ok());
    assert!(l.lint(input(SPRING_EN)).is_ok());
}

#[wasm_bindgen_test]
fn rules_and_version() {
    let l = linter(r#"{"lang": "ru"}"#);
    let rules = to_json(l.rules().map_err(JsValue::from).unwrap());
    let rules = rules.as_array().unwrap();
    assert_eq!(rules.len(), walint::rules::ALL.len());
    for (got, rule) in rules.iter().zip(walint::rules::ALL) {
        assert_eq!(got["id"], rule.id);
        assert_eq!(got["default_severity"], rule.default_severity.as_str());
        assert_eq!(got["summary"], rule.summary.1);
        assert!(got.get("docs").is_none(), "docs stay in the CLI");
    }
    assert_eq!(l.version(), walint::VERSION);
    assert_eq!(walint::wasm::version(), walint::VERSION);
    assert_eq!(Linter::max_input_bytes(), 1 << 20);
}
