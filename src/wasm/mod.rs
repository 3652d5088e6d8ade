//! JavaScript bindings: the `walint` npm package (built for `wasm32-unknown-unknown` with the
//! `wasm` feature by `scripts/build-wasm.sh`).
//!
//! A [`Linter`] is built once from options and then lints many templates. Results are plain
//! JavaScript objects with the same snake_case fields as the CLI's `--format json`; API methods
//! and option names are camelCase. Every export returns `Result<_, JsError>`, and every failure
//! goes through [`Failure::into_js`], so JavaScript always sees an `Error` (with a `code` and,
//! when they apply, `path`, `line`, `column` and `index` properties), never a trap.

use crate::diagnostic::{Severity, SeverityCounts};
use crate::options::Settings;
use crate::text::Cursor;
use crate::{InputKind, Lang, LintOptions, LoadError, Msg, TemplateReport};
use js_sys::{Array, JsString, Object, Reflect, Uint8Array, JSON};
use serde::Serialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

mod json_answer;
mod tape;

/// Talc in place of the standard library's dlmalloc: linting makes a few hundred small,
/// short-lived allocations per template, and dlmalloc spent about a tenth of a `lint()` in
/// Node finding, splitting and merging chunks.
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

/// The largest input one call accepts: 1 MiB of UTF-8 (a template is a few KB; Meta's own
/// limits keep every field far below this). Longer strings are refused before they are copied
/// into WebAssembly memory.
pub const MAX_INPUT_BYTES: usize = 1 << 20;

/// The TypeScript declarations of the package (`types.d.ts`, kept as a file of its own so that
/// it reads as TypeScript).
#[wasm_bindgen(typescript_custom_section)]
const TYPES: &str = include_str!("types.d.ts");

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(typescript_type = "LintOptions")]
    pub type LintOptionsArg;
    #[wasm_bindgen(typescript_type = "TemplateInput")]
    pub type TemplateInputArg;
    #[wasm_bindgen(typescript_type = "LintResult")]
    pub type LintResultValue;
    #[wasm_bindgen(typescript_type = "RuleInfo[]")]
    pub type RuleInfoList;
    #[wasm_bindgen(typescript_type = "JsonAnswerOptions")]
    pub type JsonAnswerOptionsArg;

    /// `Object.assign(error, details)`: adds the details to the `Error` and hands the same
    /// object back, typed as the `JsError` the exports return.
    #[wasm_bindgen(js_namespace = Object, js_name = assign)]
    fn assign_details(error: &js_sys::Error, details: &Object) -> JsError;

    /// `Object.prototype.toString.call(value)`: `"[object Object]"` for plain objects and class
    /// instances, `"[object Map]"` for a Map (catching what a `Symbol.toStringTag` getter may
    /// throw).
    #[wasm_bindgen(js_namespace = ["Object", "prototype", "toString"], js_name = call, catch)]
    fn object_tag(value: &JsValue) -> Result<JsString, JsValue>;
}

/// Why a call failed; turned into a JavaScript `Error` by [`Failure::into_js`] only.
#[derive(Debug, Clone, PartialEq)]
struct Failure {
    code: &'static str,
    message: Msg,
    path: Option<String>,
    line: Option<usize>,
    column: Option<usize>,
    index: Option<usize>,
}

impl Failure {
    fn new(code: &'static str, message: Msg) -> Self {
        Failure {
            code,
            message,
            path: None,
            line: None,
            column: None,
            index: None,
        }
    }

    fn options(en: String, ru: String) -> Self {
        Failure::new(
            "invalid_options",
            Msg::new(
                format!("invalid walint options: {en}"),
                format!("неверные настройки walint: {ru}"),
            ),
        )
    }

    /// A document walint cannot read. `from_object`: the source is `JSON.stringify` of the
    /// object the caller passed, so positions refer to that.
    fn load(error: LoadError, source: &str, kind: InputKind, from_object: bool) -> Self {
        let at = Cursor::new(source).position(error.offset);
        let with_path = |m: &str| {
            if error.path.is_empty() {
                m.to_string()
            } else {
                format!("{}: {m}", error.path)
            }
        };
        let (line, column) = (at.line, at.column);
        let (mut en, mut ru) = if from_object {
            (
                format!(
                    "{} (line {line}, column {column} of JSON.stringify(template))",
                    with_path(&error.message.en)
                ),
                format!(
                    "{} (строка {line}, столбец {column} в JSON.stringify(template))",
                    with_path(&error.message.ru)
                ),
            )
        } else {
            (
                format!(
                    "{} (line {line}, column {column})",
                    with_path(&error.message.en)
                ),
                format!(
                    "{} (строка {line}, столбец {column})",
                    with_path(&error.message.ru)
                ),
            )
        };
        let text_like = !source
            .trim_start_matches(['\u{feff}', ' ', '\t', '\r', '\n'])
            .starts_with(['{', '[']);
        if kind == InputKind::Json && text_like && !from_object {
            en.push_str("; for a plain-text draft, use lintText()");
            ru.push_str("; черновик простым текстом проверяет lintText()");
        }
        Failure {
            path: Some(error.path),
            line: Some(line),
            column: Some(column),
            ..Failure::new("unreadable_template", Msg::new(en, ru))
        }
    }

    /// The one conversion to JavaScript: an `Error` whose message is in `lang`, with `code`
    /// and the details that apply as properties.
    fn into_js(self, lang: Lang) -> JsError {
        let error = js_sys::Error::new(self.message.get(lang));
        let details = Object::new();
        let set = |key: &str, value: JsValue| {
            // Setting a property on a fresh plain object cannot fail.
            let _ = Reflect::set(&details, &JsValue::from_str(key), &value);
        };
        set("code", JsValue::from_str(self.code));
        if let Some(path) = &self.path {
            set("path", JsValue::from_str(path));
        }
        for (key, value) in [
            ("line", self.line),
            ("column", self.column),
            ("index", self.index),
        ] {
            if let Some(v) = value {
                set(key, JsValue::from_f64(v as f64));
            }
        }
        assign_details(&error, &details)
    }
}

/// Lints WhatsApp message templates. Build it once with the options, then call `lint` or
/// `lintText` as often as needed; it keeps no state between calls.
#[wasm_bindgen]
pub struct Linter {
    core: crate::Linter,
}

#[wasm_bindgen]
impl Linter {
    /// Builds a linter. Throws a `WalintError` (`code: "invalid_options"`) for an unknown
    /// option, profile, language, level or rule id.
    #[wasm_bindgen(constructor)]
    pub fn new(options: Option<LintOptionsArg>) -> Result<Linter, JsError> {
        let options = options.map(JsValue::from);
        parse_options(options.as_ref())
            .map(|options| Linter {
                core: crate::Linter::new(options),
            })
            .map_err(|(failure, lang)| failure.into_js(lang))
    }

    /// Lints a template in Meta's `message_templates` format, given as JSON text or as an
    /// object: one template, an array of templates, or a `{"data": [...]}` GET response.
    /// Throws a `WalintError` when the input is not one.
    pub fn lint(&self, template: TemplateInputArg) -> Result<LintResultValue, JsError> {
        self.lint_value(&template, InputKind::Json)
            .map_err(|f| f.into_js(self.core.options().lang))
    }

    /// Lints like `lint` and returns the result as UTF-8 JSON, byte for byte what
    /// `JSON.stringify(linter.lint(template))` gives, without building the JavaScript objects
    /// (for an HTTP answer, which needs the bytes anyway). With `{ summary: true }` the object
    /// also has `summary`: the listed findings counted by severity.
    #[wasm_bindgen(js_name = lintJson)]
    pub fn lint_json(
        &self,
        template: TemplateInputArg,
        options: Option<JsonAnswerOptionsArg>,
    ) -> Result<Uint8Array, JsError> {
        let summary = options.is_some_and(|o| {
            Reflect::get(&o, &JsValue::from_str("summary")).is_ok_and(|v| v.is_truthy())
        });
        self.lint_to_json(&template, summary)
            .map(|json| Uint8Array::from(json.as_slice()))
            .map_err(|f| f.into_js(self.core.options().lang))
    }

    /// Lints a plain-text draft: the whole text is the body.
    #[wasm_bindgen(js_name = lintText)]
    pub fn lint_text(&self, text: JsString) -> Result<LintResultValue, JsError> {
        self.lint_value(&text, InputKind::PlainText)
            .map_err(|f| f.into_js(self.core.options().lang))
    }

    /// Every rule: id, default severity and one-line summary (in the linter's language). The
    /// full documentation is the command-line tool's (`walint explain RULE`): it would not fit
    /// the package's size budget.
    pub fn rules(&self) -> Result<RuleInfoList, JsError> {
        #[derive(Serialize)]
        struct RuleInfo {
            id: &'static str,
            default_severity: Severity,
            summary: &'static str,
        }
        let lang = self.core.options().lang;
        let list: Vec<RuleInfo> = crate::rules::ALL
            .iter()
            .map(|r| RuleInfo {
                id: r.id,
                default_severity: r.default_severity,
                summary: match lang {
                    Lang::En => r.summary.0,
                    Lang::Ru => r.summary.1,
                },
            })
            .collect();
        to_js(&list).map_err(|f| f.into_js(lang))
    }

    /// The walint version (the crate's, e.g. `"0.1.0"`).
    #[wasm_bindgen(getter)]
    pub fn version(&self) -> String {
        crate::VERSION.to_string()
    }

    /// The linter's language (`"en"` or `"ru"`), for the package's own JavaScript: the error
    /// of a call on a freed Linter is in that language (scripts/build-wasm.sh).
    #[wasm_bindgen(js_name = "__lang", skip_typescript)]
    pub fn lang_code(&self) -> String {
        self.core.options().lang.code().to_string()
    }

    /// The largest input one call accepts, in bytes of UTF-8 (1 MiB).
    #[wasm_bindgen(getter = maxInputBytes)]
    pub fn max_input_bytes() -> usize {
        MAX_INPUT_BYTES
    }
}

/// The walint version (the crate's, e.g. `"0.1.0"`).
#[wasm_bindgen]
pub fn version() -> String {
    crate::VERSION.to_string()
}

impl Linter {
    fn lint_value(&self, value: &JsValue, kind: InputKind) -> Result<LintResultValue, Failure> {
        let templates = self.lint_input(value, kind)?;
        to_js(&LintResult {
            templates: &templates,
            summary: None,
        })
    }

    fn lint_to_json(&self, value: &JsValue, summary: bool) -> Result<Vec<u8>, Failure> {
        let templates = self.lint_input(value, InputKind::Json)?;
        let summary =
            summary.then(|| SeverityCounts::of(templates.iter().flat_map(|t| &t.diagnostics)));
        json_answer::to_vec(&LintResult {
            templates: &templates,
            summary,
        })
        .map_err(internal)
    }

    /// Reads the input (a string, UTF-8 bytes or, for JSON, a plain object) and lints it.
    fn lint_input(&self, value: &JsValue, kind: InputKind) -> Result<Vec<TemplateReport>, Failure> {
        let method = match kind {
            InputKind::PlainText => "lintText",
            _ => "lint",
        };
        let (source, from_object) = if let Some(s) = value.dyn_ref::<JsString>() {
            (read_string(s)?, false)
        } else if let Some(bytes) = value
            .dyn_ref::<Uint8Array>()
            .filter(|_| kind == InputKind::Json)
        {
            (read_bytes(bytes, method)?, false)
        } else if kind == InputKind::Json && is_plain(value) {
            (stringify(value)?, true)
        } else {
            let (en, ru) = match kind {
                InputKind::PlainText => ("a string", "строку"),
                _ => (
                    "a template: JSON text (a string, or UTF-8 bytes in a Uint8Array or Buffer), a plain object or an array",
                    "шаблон: текст JSON (строку или байты UTF-8 в Uint8Array или Buffer), простой объект или массив",
                ),
            };
            let got = type_of(value);
            return Err(Failure::new(
                "invalid_argument",
                Msg::new(
                    format!("{method}() expects {en}, got {got}"),
                    format!("{method}() принимает {ru}, а получено: {got}"),
                ),
            ));
        };
        self.core
            .lint_source(&source, kind)
            .map_err(|e| Failure::load(e, &source, kind, from_object))
    }
}

/// What `lint` returns, and what `lintJson` prints (with `summary` when asked for).
#[derive(Serialize)]
struct LintResult<'a> {
    templates: &'a [TemplateReport],
    #[serde(skip_serializing_if = "Option::is_none")]
    /// The findings listed, counted by severity.
    summary: Option<SeverityCounts>,
}

fn internal(e: impl std::fmt::Display) -> Failure {
    Failure::new(
        "internal",
        Msg::new(
            format!("walint could not build its result: {e}"),
            format!("walint не смог построить результат: {e}"),
        ),
    )
}

/// Serializes to plain JavaScript values (objects, arrays, numbers; `null` for `None`), built
/// by JavaScript from a tape (`tape.rs`): printing JSON here for the engine's `JSON.parse`
/// instead measured slower in Node, and so did building the objects from Rust value by value.
fn to_js<T: Serialize + ?Sized, R: JsCast>(value: &T) -> Result<R, Failure> {
    tape::to_js(value)
        .map(JsCast::unchecked_into)
        .map_err(internal)
}

fn type_of(value: &JsValue) -> String {
    if value.is_null() {
        "null".to_string()
    } else if Array::is_array(value) {
        "an array".to_string()
    } else if value.is_object() && !value.is_function() {
        // `[object Map]` → "a Map"
        match object_tag(value).ok().map(String::from) {
            Some(tag) if tag != "[object Object]" => {
                let name = tag
                    .trim_start_matches("[object ")
                    .trim_end_matches(']')
                    .to_string();
                let article = if name.starts_with(['A', 'E', 'I', 'O', 'U']) {
                    "an"
                } else {
                    "a"
                };
                format!("{article} {name}")
            }
            _ => "object".to_string(),
        }
    } else {
        value.js_typeof().as_string().unwrap_or_default()
    }
}

/// An array, or an object `JSON.stringify` reads faithfully: a plain object or a class
/// instance. A Map, Set, Date, typed array, ... is not (a Map would become `{}`).
fn is_plain(value: &JsValue) -> bool {
    if Array::is_array(value) {
        return true;
    }
    value.is_object()
        && !value.is_function()
        && object_tag(value).is_ok_and(|tag| tag == "[object Object]")
}

/// UTF-8 bytes (a `Uint8Array`, such as a Node `Buffer`) as text, refusing more than
/// [`MAX_INPUT_BYTES`] before copying them and what is not UTF-8.
fn read_bytes(bytes: &Uint8Array, method: &str) -> Result<String, Failure> {
    let len = bytes.length() as usize;
    if len > MAX_INPUT_BYTES {
        return Err(too_large(
            format!("{len} bytes of UTF-8"),
            format!("{len} байт UTF-8"),
        ));
    }
    String::from_utf8(bytes.to_vec()).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        Failure {
            index: Some(at),
            ..Failure::new(
                "invalid_argument",
                Msg::new(
                    format!("{method}() got bytes that are not UTF-8 text (an invalid byte at offset {at})"),
                    format!("{method}() получил байты, которые не являются текстом UTF-8 (неверный байт на позиции {at})"),
                ),
            )
        }
    })
}

fn too_large(en: String, ru: String) -> Failure {
    Failure::new(
        "input_too_large",
        Msg::new(
            format!("the input is too large: {en}; the limit is {MAX_INPUT_BYTES} bytes (1 MiB) of UTF-8 per call"),
            format!("слишком большой ввод: {ru}; предел — {MAX_INPUT_BYTES} байт (1 МиБ) UTF-8 за вызов"),
        ),
    )
}

/// Copies a JavaScript string into Rust, refusing what cannot be linted faithfully: strings
/// over the size limit (checked before the copy) and lone surrogates, which the copy would
/// silently turn into U+FFFD.
fn read_string(js: &JsString) -> Result<String, Failure> {
    let units = js.length() as usize;
    // A UTF-16 unit is at least one byte of UTF-8: a longer string cannot fit.
    if units > MAX_INPUT_BYTES {
        return Err(too_large(
            format!("{units} UTF-16 code units"),
            format!("{units} кодовых единиц UTF-16"),
        ));
    }
    let s = String::from(js);
    if s.len() > MAX_INPUT_BYTES {
        return Err(too_large(
            format!("{} bytes of UTF-8", s.len()),
            format!("{} байт UTF-8", s.len()),
        ));
    }
    // Each lone surrogate became one U+FFFD (one UTF-16 unit), so UTF-16 indices in `s` are the
    // indices in `js`; only a U+FFFD that was not in the original needs looking at.
    if has_replacement_character(&s) {
        let mut index = 0;
        for c in s.chars() {
            if c == '\u{fffd}' {
                let unit = js.char_code_at(index as u32) as u32;
                if unit != 0xfffd {
                    return Err(Failure {
                        index: Some(index),
                        ..Failure::new(
                            "lone_surrogate",
                            Msg::new(
                                format!("the text has a lone surrogate (\\u{unit:04x}) at UTF-16 index {index}: half of a surrogate pair is not a character (was a string cut in the middle of an emoji?)"),
                                format!("в тексте одиночный суррогат (\\u{unit:04x}) на позиции UTF-16 {index}: половина суррогатной пары — не символ (строку обрезали посреди эмодзи?)"),
                            ),
                        )
                    });
                }
            }
            index += c.len_utf16();
        }
    }
    Ok(s)
}

/// Whether `s` has a U+FFFD (EF BF BD in UTF-8). A loop over the bytes: `str::contains` takes
/// a general substring search, which at the size build's opt-level costs about a percent of a
/// `lint()` for this one check of every input.
fn has_replacement_character(s: &str) -> bool {
    let bytes = s.as_bytes();
    bytes
        .iter()
        .enumerate()
        .any(|(i, &b)| b == 0xEF && bytes.get(i + 1..i + 3) == Some(&[0xBF, 0xBD]))
}

/// `JSON.stringify` of an object, with its failures (cycles, BigInt, a throwing `toJSON`) as
/// clean errors.
fn stringify(value: &JsValue) -> Result<String, Failure> {
    let failed = |why: String| {
        Failure::new(
            "invalid_argument",
            Msg::new(
                format!("lint() could not turn the object into JSON: {why}"),
                format!("lint() не смог превратить объект в JSON: {why}"),
            ),
        )
    };
    let json = JSON::stringify(value).map_err(|e| {
        let why = e
            .dyn_ref::<js_sys::Error>()
            .map(|e| String::from(e.message()))
            .or_else(|| e.as_string())
            .unwrap_or_else(|| "JSON.stringify threw".to_string());
        failed(why)
    })?;
    if !json.is_string() {
        return Err(failed("JSON.stringify returned undefined".to_string()));
    }
    read_string(&json)
}

/// Reads the options object. On failure, also says which language to report it in (the
/// options' own `lang` when that much was readable).
/// The options of `new Linter(options)`: read by serde into the same [`Settings`] as
/// `walint.toml`, and checked by the same code. Failures are in the language the options ask
/// for, when they got that far.
fn parse_options(value: Option<&JsValue>) -> Result<LintOptions, (Failure, Lang)> {
    let Some(value) = value.filter(|v| !v.is_undefined() && !v.is_null()) else {
        return Ok(LintOptions::default());
    };
    if !value.is_object() || Array::is_array(value) || !is_plain(value) {
        let got = type_of(value);
        return Err((
            Failure::options(
                format!("expected an object, got {got}"),
                format!("ожидался объект, а получено: {got}"),
            ),
            Lang::En,
        ));
    }
    const KNOWN: &str = "profile, lang, ownedDomains, disabledRules, rules, maxFindings";
    // The options go through JSON, so that serde reads them exactly as it reads walint.toml
    // (an unknown or misspelt option is refused, not ignored).
    let json = JSON::stringify(value)
        .ok()
        .and_then(|j| j.as_string())
        .ok_or_else(|| {
            (
                Failure::options(
                    "the options could not be read as JSON".into(),
                    "настройки не удалось прочитать как JSON".into(),
                ),
                Lang::En,
            )
        })?;
    let settings: Settings = serde_json::from_str(&json).map_err(|e| {
        let e = e.to_string();
        let e = e.split(" at line ").next().unwrap_or(&e).to_string();
        let failure = match e
            .strip_prefix("unknown field `")
            .and_then(|rest| rest.split_once('`'))
        {
            Some((key, _)) => Failure::options(
                format!("unknown option `{key}` (known: {KNOWN})"),
                format!("неизвестная настройка `{key}` (есть: {KNOWN})"),
            ),
            None => Failure::options(
                format!("the options are not what a Linter takes: {e}"),
                format!("настройки не подходят для Linter: {e}"),
            ),
        };
        (failure, Lang::En)
    })?;
    let lang = match settings.lang.as_deref() {
        Some("ru") => Lang::Ru,
        _ => Lang::En,
    };
    settings
        .into_options()
        .map_err(|m| (Failure::options(m.en, m.ru), lang))
}
