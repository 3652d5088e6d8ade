//! Reading templates: Meta's `message_templates` JSON (one template, an array, a
//! `{"data": [...]}` export, read one template at a time) or a plain-text draft, into the model
//! of [`super`]. Every text keeps where it came from in the document.

use super::*;
use crate::json::{self, Node, Value};
use crate::l10n::Msg;
use crate::text::{Origin, Text};

pub(crate) fn join_path(prefix: &str, field: &str) -> String {
    // Paths are built by hand: `format!` cost more than reading the field itself.
    let mut path = String::with_capacity(prefix.len() + 1 + field.len());
    if !prefix.is_empty() {
        path.push_str(prefix);
        path.push('.');
    }
    path.push_str(field);
    path
}

/// The path of element `i` of the array at `path`: `{path}[{i}]`.
pub(crate) fn element_path(path: &str, i: usize) -> String {
    let mut digits = [0u8; 20];
    let mut start = digits.len();
    let mut n = i;
    loop {
        start -= 1;
        digits[start] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    let digits = std::str::from_utf8(&digits[start..]).expect("ASCII digits");
    let mut out = String::with_capacity(path.len() + digits.len() + 2);
    out.push_str(path);
    out.push('[');
    out.push_str(digits);
    out.push(']');
    out
}

/// Reads a plain-text draft: the whole text is the body.
///
/// One final line break is not part of the body: text files end with one by convention, and
/// Meta's editor would not keep it.
pub fn load_plain_text(source: &str) -> Document {
    let body = source
        .strip_suffix("\r\n")
        .or_else(|| source.strip_suffix('\n'))
        .unwrap_or(source);
    let path = "components[0]".to_string();
    let text = Text {
        value: body.to_string(),
        path: join_path(&path, "text"),
        origin: Some(Origin {
            span: 0..body.len(),
            map: json::SourceMap::verbatim(0),
        }),
    };
    let body = Component {
        kind: ComponentKind::Body,
        type_text: None,
        path,
        span: Some(0..body.len()),
        format: None,
        text: Some(text),
        example: None,
        buttons: Vec::new(),
        add_security_recommendation: None,
        code_expiration_minutes: None,
        cards: Vec::new(),
        offer_text: None,
        offer_span: None,
        has_expiration: None,
    };
    Document {
        source: source.to_string(),
        kind: DocumentKind::PlainText,
        templates: vec![Template {
            path: String::new(),
            span: Some(0..source.len()),
            name: None,
            language: None,
            category: None,
            parameter_format: None,
            message_send_ttl_seconds: None,
            components: vec![body],
            components_span: None,
            plain_text: true,
        }],
    }
}

/// An object read as `{"data": [...]}` (an export), not as a template: a template with
/// `components` keeps `data` as an unknown field.
fn is_export(object: &Node) -> bool {
    object.get("components").is_none() && object.get("data").is_some()
}

/// Reads Meta's template JSON: one template, an array of templates, or `{"data": [...]}`.
pub fn load_json(source: &str) -> Result<Document, LoadError> {
    // The templates take their strings out of the parsed document, which is dropped after.
    let mut root = json::parse(source).map_err(syntax_error)?;
    let mut templates = Vec::new();
    let data_layout = matches!(root.value, Value::Object(_)) && is_export(&root);
    match &mut root.value {
        Value::Array(items) => {
            for (i, item) in items.iter_mut().enumerate() {
                templates.push(template(item, element_path("", i))?);
            }
        }
        Value::Object(_) if data_layout => {
            let data = root.get_mut("data").expect("checked above");
            for (i, item) in array(data, "data")?.iter_mut().enumerate() {
                templates.push(template(item, element_path("data", i))?);
            }
        }
        Value::Object(_) => templates.push(template(&mut root, String::new())?),
        _ => return Err(not_templates(&root, &root.value)),
    }
    Ok(Document {
        source: source.to_string(),
        kind: DocumentKind::Json,
        templates,
    })
}

/// What a JSON document holds, as far as templates go.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Holds {
    /// Templates: an object shaped like a template (see [`is_template_object`]), or an array or
    /// `{"data": [...]}` with at least one.
    Templates,
    /// An empty array, or `{"data": []}`.
    Nothing,
    /// Anything else (`package.json`, `tsconfig.json`, a number, ...).
    SomethingElse,
}

/// Whether a JSON value is shaped like a template: an object with a `components` array, or
/// with a string `name` and a string `language` or `category`. (`package.json` and
/// `composer.json` have a `name`, but neither a `language` nor a `category`.)
pub fn is_template_object(node: &Node) -> bool {
    let is = |key: &str, ok: fn(&Value) -> bool| node.get(key).is_some_and(|n| ok(&n.value));
    let string = |v: &Value| matches!(v, Value::String(_));
    is("components", |v| matches!(v, Value::Array(_)))
        || (is("name", string) && (is("language", string) || is("category", string)))
}

/// How the templates of a JSON document are laid out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Layout {
    /// The document is one template (or not a template at all).
    Single,
    /// `[{…}, {…}]`
    Array,
    /// `{"data": [{…}, {…}]}`
    Data,
}

/// A JSON document checked from end to end while holding one template at a time, so that an
/// export too large to hold as a whole can be linted template by template
/// ([`JsonTemplates::for_each`]). It reads a document exactly as [`load_json`] does: the same
/// templates, paths and errors.
#[derive(Debug, Clone)]
pub struct JsonTemplates<'a> {
    source: &'a str,
    layout: Layout,
    /// What the document holds.
    pub holds: Holds,
    /// How many templates [`JsonTemplates::for_each`] will hand over.
    pub count: usize,
    /// Why [`load_json`] would refuse the document although it is valid JSON (a field of the
    /// wrong type, a template that is not an object, ...).
    pub error: Option<LoadError>,
}

/// One template of a [`JsonTemplates`] document, read as a document of its own.
#[derive(Debug, Clone)]
pub struct Piece {
    /// The template's own text and the template, whose `path` is its place in the whole
    /// document (`[2]`, `data[2]`). Offsets (and so the positions of diagnostics) are relative
    /// to `span.start`.
    pub document: Document,
    /// Where the template is in the whole document.
    pub span: Span,
}

/// Checks a JSON document for [`JsonTemplates::for_each`]. A syntax error is an `Err` (the same
/// as [`load_json`]'s); a document that is valid JSON but not readable as templates has its
/// reason in [`JsonTemplates::error`].
pub fn scan_json(source: &str) -> Result<JsonTemplates<'_>, LoadError> {
    #[derive(Default)]
    struct Tally {
        count: usize,
        shaped: bool,
        error: Option<LoadError>,
    }
    impl Tally {
        fn holds(&self) -> Holds {
            match (self.count, self.shaped) {
                (0, _) => Holds::Nothing,
                (_, true) => Holds::Templates,
                _ => Holds::SomethingElse,
            }
        }
    }
    // Elements of the root array and of a root `data` array are counted apart: only once the
    // whole root object is read is it known whether `data` holds the templates (a template
    // with `components` keeps `data` as an unknown field).
    let (mut root, mut data) = (Tally::default(), Tally::default());
    let mut whole = json::parse_shape_streaming(source, &mut |from, i, mut node| {
        let (tally, path) = match from {
            json::Streamed::Root => (&mut root, element_path("", i)),
            json::Streamed::Data => (&mut data, element_path("data", i)),
        };
        tally.count += 1;
        tally.shaped |= is_template_object(&node);
        if tally.error.is_none() {
            tally.error = template(&mut node, path).err();
        }
    })
    .map_err(syntax_error)?;
    let (layout, holds, count, error) = match &whole.value {
        Value::Array(_) => (Layout::Array, root.holds(), root.count, root.error),
        Value::Object(_) if is_export(&whole) => match whole.get("data") {
            Some(d) if !matches!(d.value, Value::Array(_)) => (
                Layout::Data,
                Holds::SomethingElse,
                0,
                Some(wrong_type(d, "data", "an array", "массив")),
            ),
            _ => (Layout::Data, data.holds(), data.count, data.error),
        },
        Value::Object(_) => {
            let holds = if is_template_object(&whole) {
                Holds::Templates
            } else {
                Holds::SomethingElse
            };
            (
                Layout::Single,
                holds,
                1,
                template(&mut whole, String::new()).err(),
            )
        }
        other => (
            Layout::Single,
            Holds::SomethingElse,
            0,
            Some(not_templates(&whole, other)),
        ),
    };
    Ok(JsonTemplates {
        source,
        layout,
        holds,
        count,
        error,
    })
}

impl JsonTemplates<'_> {
    /// Reads the templates one at a time, in document order, and hands each to `each` as a
    /// [`Piece`]. Fails, before handing any over, with [`JsonTemplates::error`] if there is one.
    pub fn for_each(&self, each: &mut dyn FnMut(Piece)) -> Result<(), LoadError> {
        if let Some(e) = &self.error {
            return Err(e.clone());
        }
        if self.layout == Layout::Single {
            let document = load_json(self.source)?;
            each(Piece {
                document,
                span: 0..self.source.len(),
            });
            return Ok(());
        }
        let wanted = match self.layout {
            Layout::Data => json::Streamed::Data,
            _ => json::Streamed::Root,
        };
        let mut failed = None;
        json::parse_streaming(self.source, &mut |from, i, mut node| {
            if from != wanted || failed.is_some() {
                return;
            }
            let span = node.span.clone();
            node.rebase(span.start);
            let path = match from {
                json::Streamed::Root => element_path("", i),
                json::Streamed::Data => element_path("data", i),
            };
            match template(&mut node, path) {
                Ok(t) => each(Piece {
                    document: Document {
                        source: self.source[span.clone()].to_string(),
                        kind: DocumentKind::Json,
                        templates: vec![t],
                    },
                    span,
                }),
                Err(mut e) => {
                    e.offset += span.start;
                    failed = Some(e);
                }
            }
        })
        .map_err(syntax_error)?;
        failed.map_or(Ok(()), Err)
    }
}

fn syntax_error(e: json::ParseError) -> LoadError {
    LoadError {
        message: Msg::new(
            format!("invalid JSON: {}", e.message.en),
            format!("неверный JSON: {}", e.message.ru),
        ),
        path: String::new(),
        offset: e.offset,
    }
}

fn not_templates(root: &Node, value: &Value) -> LoadError {
    LoadError {
        message: Msg::new(
            format!(
                "expected a template object, an array of templates or {{\"data\": [...]}}, found {}",
                value.type_name()
            ),
            format!(
                "ожидался объект шаблона, массив шаблонов или {{\"data\": [...]}}, а найдено: {}",
                type_name_ru(value)
            ),
        ),
        path: String::new(),
        offset: root.span.start,
    }
}

/// Reads a document whose kind is not known: JSON if it looks like JSON, else plain text.
///
/// Text that starts like a JSON object or array is meant as JSON, so a syntax error there is
/// reported rather than linting the JSON as if it were prose. A draft may start with a
/// placeholder, though: `{{1}}, ваш заказ…` is text.
pub fn load_auto(source: &str) -> Result<Document, LoadError> {
    if looks_like_json(source) {
        load_json(source)
    } else {
        Ok(load_plain_text(source))
    }
}

/// Whether [`load_auto`] reads `source` as JSON: it starts like a JSON array or object.
pub fn looks_like_json(source: &str) -> bool {
    let start = source.trim_start_matches(['\u{feff}', ' ', '\t', '\r', '\n']);
    let after_brace = start
        .strip_prefix('{')
        .map(|r| r.trim_start_matches([' ', '\t', '\r', '\n']));
    start.starts_with('[')
        || after_brace.is_some_and(|r| r.starts_with('"') || r.starts_with('}') || r.is_empty())
}

fn type_name_ru(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "логическое значение",
        Value::Number(_) => "число",
        Value::String(_) => "строка",
        Value::Array(_) => "массив",
        Value::Object(_) => "объект",
    }
}

fn wrong_type(node: &Node, path: &str, en: &str, ru: &str) -> LoadError {
    wrong_type_at(&node.value, node.span.start, path, en, ru)
}

/// [`wrong_type`] of a value that starts at `offset`.
fn wrong_type_at(value: &Value, offset: usize, path: &str, en: &str, ru: &str) -> LoadError {
    LoadError {
        message: Msg::new(
            format!("expected {en}, found {}", value.type_name()),
            format!("ожидался тип «{ru}», а найдено: {}", type_name_ru(value)),
        ),
        path: path.to_string(),
        offset,
    }
}

fn object(node: &Node, path: &str) -> Result<(), LoadError> {
    match &node.value {
        Value::Object(_) => Ok(()),
        _ => Err(wrong_type(node, path, "an object", "объект")),
    }
}

fn array<'a>(node: &'a mut Node, path: &str) -> Result<&'a mut [Node], LoadError> {
    match &mut node.value {
        Value::Array(items) => Ok(items),
        other => Err(wrong_type_at(
            other,
            node.span.start,
            path,
            "an array",
            "массив",
        )),
    }
}

/// A string field as a [`Text`], its value and source map moved out of the parsed document
/// (each field is read once).
fn text(node: &mut Node, path: String) -> Result<Text, LoadError> {
    match &mut node.value {
        Value::String(s) => Ok(Text {
            value: std::mem::take(&mut s.value),
            path,
            origin: Some(Origin {
                span: node.span.clone(),
                map: std::mem::take(&mut s.map),
            }),
        }),
        _ => Err(wrong_type(node, &path, "a string", "строка")),
    }
}

/// An optional string field; `null` counts as absent.
fn opt_text(obj: &mut Node, key: &str, prefix: &str) -> Result<Option<Text>, LoadError> {
    match obj.get_mut(key) {
        None => Ok(None),
        Some(n) if n.value == Value::Null => Ok(None),
        Some(n) => text(n, join_path(prefix, key)).map(Some),
    }
}

fn opt_bool(obj: &Node, key: &str, prefix: &str) -> Result<Option<bool>, LoadError> {
    match obj.get(key).map(|n| (n, &n.value)) {
        None | Some((_, Value::Null)) => Ok(None),
        Some((_, Value::Bool(b))) => Ok(Some(*b)),
        Some((n, _)) => Err(wrong_type(
            n,
            &join_path(prefix, key),
            "a boolean",
            "логическое значение",
        )),
    }
}

fn opt_number(obj: &Node, key: &str, prefix: &str) -> Result<Option<f64>, LoadError> {
    match obj.get(key).map(|n| (n, &n.value)) {
        None | Some((_, Value::Null)) => Ok(None),
        Some((n, Value::Number(s))) => s
            .parse::<f64>()
            .map(Some)
            .map_err(|_| wrong_type(n, &join_path(prefix, key), "a number", "число")),
        Some((n, _)) => Err(wrong_type(n, &join_path(prefix, key), "a number", "число")),
    }
}

/// An optional field that may be written as a string or a number (`"flow_id": 1234`,
/// `"message_send_ttl_seconds": "120"`), kept as written. `null` counts as absent.
fn opt_text_or_number(obj: &mut Node, key: &str, prefix: &str) -> Result<Option<Text>, LoadError> {
    if let Some(Node {
        value: Value::Number(digits),
        span,
    }) = obj.get_mut(key)
    {
        return Ok(Some(Text {
            value: std::mem::take(digits),
            path: join_path(prefix, key),
            origin: Some(Origin {
                span: span.clone(),
                map: json::SourceMap::verbatim(span.start),
            }),
        }));
    }
    opt_text(obj, key, prefix)
}

/// Items of an optional array field; `null` counts as empty. Its path is built only for the
/// error of a field that is not an array.
fn opt_array<'a>(obj: &'a mut Node, key: &str, prefix: &str) -> Result<&'a mut [Node], LoadError> {
    match obj.get_mut(key) {
        None => Ok(&mut []),
        Some(Node {
            value: Value::Null, ..
        }) => Ok(&mut []),
        Some(Node {
            value: Value::Array(items),
            ..
        }) => Ok(items),
        Some(n) => array(n, &join_path(prefix, key)),
    }
}

/// The strings of an optional array field (its path is built only when it has some).
fn opt_texts(obj: &mut Node, key: &str, prefix: &str) -> Result<Vec<Text>, LoadError> {
    match opt_array(obj, key, prefix)? {
        [] => Ok(Vec::new()),
        items => texts(items, &join_path(prefix, key)),
    }
}

fn texts(items: &mut [Node], path: &str) -> Result<Vec<Text>, LoadError> {
    items
        .iter_mut()
        .enumerate()
        .map(|(i, n)| text(n, element_path(path, i)))
        .collect()
}

fn template(node: &mut Node, path: String) -> Result<Template, LoadError> {
    object(node, if path.is_empty() { "(template)" } else { &path })?;
    let components_span = node
        .get("components")
        .filter(|n| n.value != Value::Null)
        .map(|n| n.span.clone());
    let components = components(
        opt_array(node, "components", &path)?,
        &join_path(&path, "components"),
    )?;
    Ok(Template {
        name: opt_text(node, "name", &path)?,
        language: opt_text(node, "language", &path)?,
        category: opt_text(node, "category", &path)?,
        parameter_format: opt_text(node, "parameter_format", &path)?,
        message_send_ttl_seconds: opt_text_or_number(node, "message_send_ttl_seconds", &path)?,
        components,
        components_span,
        span: Some(node.span.clone()),
        path,
        plain_text: false,
    })
}

fn components(items: &mut [Node], path: &str) -> Result<Vec<Component>, LoadError> {
    items
        .iter_mut()
        .enumerate()
        .map(|(i, n)| component(n, element_path(path, i)))
        .collect()
}

fn component(node: &mut Node, path: String) -> Result<Component, LoadError> {
    object(node, &path)?;
    let type_text = opt_text(node, "type", &path)?;
    let kind = type_text
        .as_ref()
        .map_or(ComponentKind::Other, |t| ComponentKind::from_type(&t.value));
    let example = match node.get_mut("example") {
        None => None,
        Some(n) if n.value == Value::Null => None,
        Some(n) => Some(example(n, join_path(&path, "example"))?),
    };
    let buttons = match opt_array(node, "buttons", &path)? {
        [] => Vec::new(),
        items => {
            let buttons_path = join_path(&path, "buttons");
            items
                .iter_mut()
                .enumerate()
                .map(|(i, n)| button(n, element_path(&buttons_path, i)))
                .collect::<Result<Vec<_>, _>>()?
        }
    };
    let cards = opt_array(node, "cards", &path)?
        .iter_mut()
        .enumerate()
        .map(|(i, n)| {
            let card_path = element_path(&join_path(&path, "cards"), i);
            object(n, &card_path)?;
            Ok(Card {
                components: components(
                    opt_array(n, "components", &card_path)?,
                    &join_path(&card_path, "components"),
                )?,
                span: Some(n.span.clone()),
                path: card_path,
            })
        })
        .collect::<Result<Vec<_>, LoadError>>()?;
    let (offer_text, offer_span, has_expiration) = match node.get_mut("limited_time_offer") {
        Some(n) if n.value != Value::Null => {
            let lto_path = join_path(&path, "limited_time_offer");
            object(n, &lto_path)?;
            (
                opt_text(n, "text", &lto_path)?,
                Some(n.span.clone()),
                opt_bool(n, "has_expiration", &lto_path)?,
            )
        }
        _ => (None, None, None),
    };
    Ok(Component {
        kind,
        type_text,
        format: opt_text(node, "format", &path)?,
        text: opt_text(node, "text", &path)?,
        example,
        buttons,
        add_security_recommendation: opt_bool(node, "add_security_recommendation", &path)?,
        code_expiration_minutes: opt_number(node, "code_expiration_minutes", &path)?,
        cards,
        offer_text,
        offer_span,
        has_expiration,
        span: Some(node.span.clone()),
        path,
    })
}

fn example(node: &mut Node, path: String) -> Result<Example, LoadError> {
    object(node, &path)?;
    let header_text = opt_texts(node, "header_text", &path)?;
    let header_handle = opt_texts(node, "header_handle", &path)?;
    let body_path = join_path(&path, "body_text");
    let mut body_text = Vec::new();
    let mut flat = Vec::new();
    let string = node
        .get("body_text")
        .is_some_and(|n| matches!(n.value, Value::String(_)));
    if let (true, Some(n)) = (string, node.get_mut("body_text")) {
        body_text.push(vec![text(n, body_path.clone())?]);
    }
    let rows = match string {
        true => &mut [],
        false => opt_array(node, "body_text", &path)?,
    };
    for (i, row) in rows.iter_mut().enumerate() {
        let row_path = element_path(&body_path, i);
        match &mut row.value {
            Value::Array(items) => body_text.push(texts(items, &row_path)?),
            Value::String(_) => flat.push(text(row, row_path)?),
            _ => {
                return Err(wrong_type(
                    row,
                    &row_path,
                    "an array of strings",
                    "массив строк",
                ))
            }
        }
    }
    let body_text_flat = !flat.is_empty();
    if body_text_flat {
        body_text.insert(0, flat);
    }
    Ok(Example {
        header_text,
        header_text_named_params: named_examples(node, "header_text_named_params", &path)?,
        header_handle,
        body_text,
        body_text_flat,
        body_text_string: string,
        body_text_named_params: named_examples(node, "body_text_named_params", &path)?,
        span: Some(node.span.clone()),
        path,
    })
}

fn named_examples(
    node: &mut Node,
    key: &str,
    prefix: &str,
) -> Result<Vec<NamedExample>, LoadError> {
    let items = opt_array(node, key, prefix)?;
    if items.is_empty() {
        return Ok(Vec::new());
    }
    let path = join_path(prefix, key);
    items
        .iter_mut()
        .enumerate()
        .map(|(i, n)| {
            let item_path = element_path(&path, i);
            object(n, &item_path)?;
            Ok(NamedExample {
                param_name: opt_text(n, "param_name", &item_path)?,
                example: opt_text(n, "example", &item_path)?,
                span: Some(n.span.clone()),
                path: item_path,
            })
        })
        .collect()
}

// Not inlined into the loop that collects the buttons: that made the size-built WebAssembly
// package 0.5 kB (gzipped) larger.
#[inline(never)]
fn button(node: &mut Node, path: String) -> Result<Button, LoadError> {
    object(node, &path)?;
    let type_text = opt_text(node, "type", &path)?;
    let url = opt_text(node, "url", &path)?;
    let mut kind = type_text
        .as_ref()
        .map_or(ButtonKind::Other, |t| ButtonKind::from_type(&t.value));
    // GET responses show an authentication template's OTP button as a URL button to this
    // address; it is the same button.
    if kind == ButtonKind::Url
        && url
            .as_ref()
            .is_some_and(|u| u.value.starts_with("https://www.whatsapp.com/otp/code/"))
    {
        kind = ButtonKind::Otp;
    }
    let example_path = || join_path(&path, "example");
    let example_is_array = node
        .get("example")
        .is_some_and(|n| matches!(n.value, Value::Array(_)));
    let example = match node.get_mut("example") {
        None => Vec::new(),
        Some(n) => match &mut n.value {
            Value::Null => Vec::new(),
            Value::String(_) => vec![text(n, example_path())?],
            Value::Array(items) => texts(items, &example_path())?,
            _ => {
                return Err(wrong_type(
                    n,
                    &example_path(),
                    "a string or an array of strings",
                    "строка или массив строк",
                ))
            }
        },
    };
    Ok(Button {
        kind,
        type_text,
        text: opt_text(node, "text", &path)?,
        url,
        phone_number: opt_text(node, "phone_number", &path)?,
        otp_type: opt_text(node, "otp_type", &path)?,
        example,
        example_is_array,
        autofill_text: opt_text(node, "autofill_text", &path)?,
        zero_tap_terms_accepted: opt_bool(node, "zero_tap_terms_accepted", &path)?,
        supported_apps: supported_apps(node, &path)?,
        package_name: opt_text(node, "package_name", &path)?,
        signature_hash: opt_text(node, "signature_hash", &path)?,
        flow_id: opt_text_or_number(node, "flow_id", &path)?,
        flow_name: opt_text(node, "flow_name", &path)?,
        flow_json: opt_text(node, "flow_json", &path)?,
        flow_action: opt_text(node, "flow_action", &path)?,
        navigate_screen: opt_text(node, "navigate_screen", &path)?,
        span: Some(node.span.clone()),
        path,
    })
}

fn supported_apps(button: &mut Node, prefix: &str) -> Result<Vec<SupportedApp>, LoadError> {
    let items = opt_array(button, "supported_apps", prefix)?;
    if items.is_empty() {
        return Ok(Vec::new());
    }
    let path = join_path(prefix, "supported_apps");
    items
        .iter_mut()
        .enumerate()
        .map(|(i, n)| {
            let item_path = element_path(&path, i);
            object(n, &item_path)?;
            Ok(SupportedApp {
                package_name: opt_text(n, "package_name", &item_path)?,
                signature_hash: opt_text(n, "signature_hash", &item_path)?,
                span: Some(n.span.clone()),
                path: item_path,
            })
        })
        .collect()
}
