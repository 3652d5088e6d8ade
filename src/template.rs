//! The template model, read from Meta's `message_templates` JSON or from a plain-text draft.
//!
//! The JSON is what users POST to `/<WABA_ID>/message_templates`: one template object, an
//! array of them, or the `{"data": [...]}` shape of a GET response. Unknown fields are ignored
//! (Meta adds fields often); a known field with the wrong JSON type is an error naming its
//! path. Values are kept exactly as written: names such as `"body"` are matched without regard
//! to case, but never rewritten.

use crate::json::{self, Node, Span, Value};
use crate::l10n::Msg;
use crate::text::{Origin, Text};

/// Everything read from one input document.
#[derive(Debug, Clone)]
pub struct Document {
    pub source: String,
    pub kind: DocumentKind,
    pub templates: Vec<Template>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DocumentKind {
    Json,
    PlainText,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Template {
    /// Path prefix of this template in its document: `""`, `"[2]"` or `"data[2]"`.
    pub path: String,
    pub span: Option<Span>,
    pub name: Option<Text>,
    pub language: Option<Text>,
    pub category: Option<Text>,
    pub parameter_format: Option<Text>,
    /// `message_send_ttl_seconds`, as written (a number, or a string as in one of Meta's
    /// examples).
    pub message_send_ttl_seconds: Option<Text>,
    pub components: Vec<Component>,
    /// Where the `components` array is (for diagnostics about missing components).
    pub components_span: Option<Span>,
    /// The template is a plain-text draft: only a body, no metadata to check.
    pub plain_text: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ComponentKind {
    Header,
    Body,
    Footer,
    Buttons,
    Carousel,
    LimitedTimeOffer,
    CallPermissionRequest,
    Other,
}

impl ComponentKind {
    fn from_type(s: &str) -> Self {
        match s.to_ascii_uppercase().as_str() {
            "HEADER" => ComponentKind::Header,
            "BODY" => ComponentKind::Body,
            "FOOTER" => ComponentKind::Footer,
            "BUTTONS" => ComponentKind::Buttons,
            "CAROUSEL" => ComponentKind::Carousel,
            "LIMITED_TIME_OFFER" => ComponentKind::LimitedTimeOffer,
            "CALL_PERMISSION_REQUEST" => ComponentKind::CallPermissionRequest,
            _ => ComponentKind::Other,
        }
    }

    /// The name used in diagnostics (`component` field).
    pub fn as_str(self) -> &'static str {
        match self {
            ComponentKind::Header => "HEADER",
            ComponentKind::Body => "BODY",
            ComponentKind::Footer => "FOOTER",
            ComponentKind::Buttons => "BUTTONS",
            ComponentKind::Carousel => "CAROUSEL",
            ComponentKind::LimitedTimeOffer => "LIMITED_TIME_OFFER",
            ComponentKind::CallPermissionRequest => "CALL_PERMISSION_REQUEST",
            ComponentKind::Other => "OTHER",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Component {
    pub kind: ComponentKind,
    /// The `type` value as written.
    pub type_text: Option<Text>,
    pub path: String,
    pub span: Option<Span>,
    /// HEADER `format`: TEXT, IMAGE, VIDEO, DOCUMENT, LOCATION, GIF, PRODUCT.
    pub format: Option<Text>,
    pub text: Option<Text>,
    pub example: Option<Example>,
    pub buttons: Vec<Button>,
    /// AUTHENTICATION body option.
    pub add_security_recommendation: Option<bool>,
    /// AUTHENTICATION footer option (1-90).
    pub code_expiration_minutes: Option<f64>,
    /// CAROUSEL cards, each a list of components.
    pub cards: Vec<Card>,
    /// LIMITED_TIME_OFFER `limited_time_offer.text`.
    pub offer_text: Option<Text>,
    /// Where the LIMITED_TIME_OFFER's `limited_time_offer` object is, if it has one.
    pub offer_span: Option<Span>,
    /// LIMITED_TIME_OFFER `limited_time_offer.has_expiration`.
    pub has_expiration: Option<bool>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Card {
    pub path: String,
    pub span: Option<Span>,
    pub components: Vec<Component>,
}

/// The `example` object of a component.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Example {
    pub path: String,
    pub span: Option<Span>,
    pub header_text: Vec<Text>,
    pub header_text_named_params: Vec<NamedExample>,
    pub header_handle: Vec<Text>,
    /// `body_text` rows; Meta expects exactly one row: `[["v1", "v2"]]`.
    pub body_text: Vec<Vec<Text>>,
    /// `body_text` was given as a flat array of strings instead of an array of one array.
    pub body_text_flat: bool,
    /// `body_text` was given as one string: Meta's carousel pages allow it for a body with a
    /// single variable (`"body_text": "Pablo"`); it is read as a row of one value.
    pub body_text_string: bool,
    pub body_text_named_params: Vec<NamedExample>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct NamedExample {
    pub param_name: Option<Text>,
    pub example: Option<Text>,
    pub path: String,
    pub span: Option<Span>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ButtonKind {
    QuickReply,
    Url,
    PhoneNumber,
    CopyCode,
    Otp,
    Flow,
    VoiceCall,
    Catalog,
    Mpm,
    Spm,
    Other,
}

impl ButtonKind {
    fn from_type(s: &str) -> Self {
        match s.to_ascii_uppercase().as_str() {
            "QUICK_REPLY" => ButtonKind::QuickReply,
            "URL" => ButtonKind::Url,
            "PHONE_NUMBER" => ButtonKind::PhoneNumber,
            "COPY_CODE" => ButtonKind::CopyCode,
            "OTP" => ButtonKind::Otp,
            "FLOW" => ButtonKind::Flow,
            "VOICE_CALL" => ButtonKind::VoiceCall,
            "CATALOG" => ButtonKind::Catalog,
            "MPM" => ButtonKind::Mpm,
            "SPM" => ButtonKind::Spm,
            _ => ButtonKind::Other,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            ButtonKind::QuickReply => "QUICK_REPLY",
            ButtonKind::Url => "URL",
            ButtonKind::PhoneNumber => "PHONE_NUMBER",
            ButtonKind::CopyCode => "COPY_CODE",
            ButtonKind::Otp => "OTP",
            ButtonKind::Flow => "FLOW",
            ButtonKind::VoiceCall => "VOICE_CALL",
            ButtonKind::Catalog => "CATALOG",
            ButtonKind::Mpm => "MPM",
            ButtonKind::Spm => "SPM",
            ButtonKind::Other => "OTHER",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Button {
    pub kind: ButtonKind,
    pub type_text: Option<Text>,
    pub path: String,
    pub span: Option<Span>,
    pub text: Option<Text>,
    pub url: Option<Text>,
    pub phone_number: Option<Text>,
    /// URL buttons: `["https://…/sample"]`; COPY_CODE: `"CODE"` (kept as one item).
    pub example: Vec<Text>,
    /// `example` was written as a JSON array (URL buttons) rather than a string (COPY_CODE).
    pub example_is_array: bool,
    /// OTP buttons: COPY_CODE / ONE_TAP / ZERO_TAP.
    pub otp_type: Option<Text>,
    /// OTP one-tap and zero-tap buttons: the autofill button's label.
    pub autofill_text: Option<Text>,
    /// OTP zero-tap buttons: the business accepted the zero-tap terms.
    pub zero_tap_terms_accepted: Option<bool>,
    /// OTP one-tap and zero-tap buttons: the apps that may receive the code.
    pub supported_apps: Vec<SupportedApp>,
    /// OTP buttons, the form before `supported_apps` (one app, on the button itself).
    pub package_name: Option<Text>,
    pub signature_hash: Option<Text>,
    /// FLOW buttons: which Flow opens (one of `flow_id`, `flow_name`, `flow_json`), how, and
    /// at which screen. A numeric `flow_id` is kept as its digits.
    pub flow_id: Option<Text>,
    pub flow_name: Option<Text>,
    pub flow_json: Option<Text>,
    pub flow_action: Option<Text>,
    pub navigate_screen: Option<Text>,
}

/// One entry of an OTP button's `supported_apps`.
#[derive(Debug, Clone, PartialEq)]
pub struct SupportedApp {
    pub path: String,
    pub span: Option<Span>,
    pub package_name: Option<Text>,
    pub signature_hash: Option<Text>,
}

/// Why a document could not be read.
#[derive(Debug, Clone, PartialEq)]
pub struct LoadError {
    pub message: Msg,
    /// JSON path of the offending value (`components[2].buttons[0].url`), empty for syntax errors.
    pub path: String,
    /// Byte offset in the document.
    pub offset: usize,
}

impl std::fmt::Display for LoadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.path.is_empty() {
            f.write_str(&self.message.en)
        } else {
            write!(f, "{}: {}", self.path, self.message.en)
        }
    }
}

impl Template {
    /// The components of one kind, in order.
    pub fn components_of(&self, kind: ComponentKind) -> impl Iterator<Item = &Component> {
        self.components.iter().filter(move |c| c.kind == kind)
    }

    pub fn component(&self, kind: ComponentKind) -> Option<&Component> {
        self.components_of(kind).next()
    }

    pub fn body(&self) -> Option<&Text> {
        self.component(ComponentKind::Body)?.text.as_ref()
    }

    pub fn buttons(&self) -> &[Button] {
        self.component(ComponentKind::Buttons)
            .map(|c| c.buttons.as_slice())
            .unwrap_or_default()
    }

    /// A draft: a plain-text body, or JSON with components but no `name`, `language` and
    /// `category` yet. The rules about those fields wait until the template has them.
    pub fn is_draft(&self) -> bool {
        self.plain_text
            || (self.name.is_none() && self.language.is_none() && self.category.is_none())
    }

    /// The declared category in upper case, if any.
    pub fn category(&self) -> Option<Category> {
        Category::parse(self.category.as_ref()?.as_str())
    }

    /// Path of a top-level field of this template (`name`, `data[2].category`).
    pub fn field_path(&self, field: &str) -> String {
        join_path(&self.path, field)
    }

    /// Visits every text of the template, depth first, in document order.
    pub fn for_each_text<'a>(&'a self, f: &mut dyn FnMut(&'a Text)) {
        for t in [
            &self.name,
            &self.language,
            &self.category,
            &self.parameter_format,
            &self.message_send_ttl_seconds,
        ]
        .into_iter()
        .flatten()
        {
            f(t);
        }
        for c in &self.components {
            c.for_each_text(f);
        }
    }
}

impl Component {
    fn for_each_text<'a>(&'a self, f: &mut dyn FnMut(&'a Text)) {
        for t in [&self.type_text, &self.format, &self.text, &self.offer_text]
            .into_iter()
            .flatten()
        {
            f(t);
        }
        if let Some(e) = &self.example {
            e.header_text.iter().for_each(&mut *f);
            e.header_handle.iter().for_each(&mut *f);
            e.body_text.iter().flatten().for_each(&mut *f);
            for n in e
                .header_text_named_params
                .iter()
                .chain(&e.body_text_named_params)
            {
                n.param_name.iter().chain(&n.example).for_each(&mut *f);
            }
        }
        for b in &self.buttons {
            for t in [
                &b.type_text,
                &b.text,
                &b.url,
                &b.phone_number,
                &b.otp_type,
                &b.autofill_text,
                &b.package_name,
                &b.signature_hash,
                &b.flow_id,
                &b.flow_name,
                &b.flow_json,
                &b.flow_action,
                &b.navigate_screen,
            ]
            .into_iter()
            .flatten()
            {
                f(t);
            }
            b.example.iter().for_each(&mut *f);
            for app in &b.supported_apps {
                app.package_name
                    .iter()
                    .chain(&app.signature_hash)
                    .for_each(&mut *f);
            }
        }
        for card in &self.cards {
            for c in &card.components {
                c.for_each_text(f);
            }
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum Category {
    Marketing,
    Utility,
    Authentication,
}

impl Category {
    pub fn parse(s: &str) -> Option<Category> {
        match s.trim().to_ascii_uppercase().as_str() {
            "MARKETING" => Some(Category::Marketing),
            "UTILITY" => Some(Category::Utility),
            "AUTHENTICATION" => Some(Category::Authentication),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Category::Marketing => "MARKETING",
            Category::Utility => "UTILITY",
            Category::Authentication => "AUTHENTICATION",
        }
    }
}

pub(crate) fn join_path(prefix: &str, field: &str) -> String {
    if prefix.is_empty() {
        field.to_string()
    } else {
        format!("{prefix}.{field}")
    }
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

/// Reads Meta's template JSON: one template, an array of templates, or `{"data": [...]}`.
pub fn load_json(source: &str) -> Result<Document, LoadError> {
    let root = json::parse(source).map_err(syntax_error)?;
    let mut templates = Vec::new();
    match &root.value {
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                templates.push(template(item, format!("[{i}]"))?);
            }
        }
        Value::Object(_) if root.get("components").is_none() && root.get("data").is_some() => {
            let data = root.get("data").expect("checked above");
            for (i, item) in array(data, "data")?.iter().enumerate() {
                templates.push(template(item, format!("data[{i}]"))?);
            }
        }
        Value::Object(_) => templates.push(template(&root, String::new())?),
        other => return Err(not_templates(&root, other)),
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
    let whole = json::parse_streaming(source, &mut |from, i, node| {
        let (tally, path) = match from {
            json::Streamed::Root => (&mut root, format!("[{i}]")),
            json::Streamed::Data => (&mut data, format!("data[{i}]")),
        };
        tally.count += 1;
        tally.shaped |= is_template_object(&node);
        if tally.error.is_none() {
            tally.error = template(&node, path).err();
        }
    })
    .map_err(syntax_error)?;
    let (layout, holds, count, error) = match &whole.value {
        Value::Array(_) => (Layout::Array, root.holds(), root.count, root.error),
        Value::Object(_) if whole.get("components").is_none() && whole.get("data").is_some() => {
            match whole.get("data").map(|d| array(d, "data")) {
                Some(Err(e)) => (Layout::Data, Holds::SomethingElse, 0, Some(e)),
                _ => (Layout::Data, data.holds(), data.count, data.error),
            }
        }
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
                template(&whole, String::new()).err(),
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
                json::Streamed::Root => format!("[{i}]"),
                json::Streamed::Data => format!("data[{i}]"),
            };
            match template(&node, path) {
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
    LoadError {
        message: Msg::new(
            format!("expected {en}, found {}", node.value.type_name()),
            format!(
                "ожидался тип «{ru}», а найдено: {}",
                type_name_ru(&node.value)
            ),
        ),
        path: path.to_string(),
        offset: node.span.start,
    }
}

fn object<'a>(node: &'a Node, path: &str) -> Result<&'a [json::Member], LoadError> {
    match &node.value {
        Value::Object(m) => Ok(m),
        _ => Err(wrong_type(node, path, "an object", "объект")),
    }
}

fn array<'a>(node: &'a Node, path: &str) -> Result<&'a [Node], LoadError> {
    match &node.value {
        Value::Array(items) => Ok(items),
        _ => Err(wrong_type(node, path, "an array", "массив")),
    }
}

fn text(node: &Node, path: String) -> Result<Text, LoadError> {
    match &node.value {
        Value::String(s) => Ok(Text {
            value: s.value.clone(),
            path,
            origin: Some(Origin {
                span: node.span.clone(),
                map: s.map.clone(),
            }),
        }),
        _ => Err(wrong_type(node, &path, "a string", "строка")),
    }
}

/// An optional string field; `null` counts as absent.
fn opt_text(obj: &Node, key: &str, prefix: &str) -> Result<Option<Text>, LoadError> {
    match obj.get(key) {
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
fn opt_text_or_number(obj: &Node, key: &str, prefix: &str) -> Result<Option<Text>, LoadError> {
    match obj.get(key) {
        Some(
            n @ Node {
                value: Value::Number(digits),
                ..
            },
        ) => Ok(Some(Text {
            value: digits.clone(),
            path: join_path(prefix, key),
            origin: Some(Origin {
                span: n.span.clone(),
                map: json::SourceMap::verbatim(n.span.start),
            }),
        })),
        _ => opt_text(obj, key, prefix),
    }
}

/// Items of an optional array field; `null` counts as empty.
fn opt_array<'a>(obj: &'a Node, key: &str, prefix: &str) -> Result<&'a [Node], LoadError> {
    match obj.get(key) {
        None => Ok(&[]),
        Some(n) if n.value == Value::Null => Ok(&[]),
        Some(n) => array(n, &join_path(prefix, key)),
    }
}

fn texts(items: &[Node], path: &str) -> Result<Vec<Text>, LoadError> {
    items
        .iter()
        .enumerate()
        .map(|(i, n)| text(n, format!("{path}[{i}]")))
        .collect()
}

fn template(node: &Node, path: String) -> Result<Template, LoadError> {
    object(node, if path.is_empty() { "(template)" } else { &path })?;
    let components_node = node.get("components").filter(|n| n.value != Value::Null);
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
        components_span: components_node.map(|n| n.span.clone()),
        span: Some(node.span.clone()),
        path,
        plain_text: false,
    })
}

fn components(items: &[Node], path: &str) -> Result<Vec<Component>, LoadError> {
    items
        .iter()
        .enumerate()
        .map(|(i, n)| component(n, format!("{path}[{i}]")))
        .collect()
}

fn component(node: &Node, path: String) -> Result<Component, LoadError> {
    object(node, &path)?;
    let type_text = opt_text(node, "type", &path)?;
    let kind = type_text
        .as_ref()
        .map_or(ComponentKind::Other, |t| ComponentKind::from_type(&t.value));
    let example = match node.get("example") {
        None => None,
        Some(n) if n.value == Value::Null => None,
        Some(n) => Some(example(n, join_path(&path, "example"))?),
    };
    let buttons = opt_array(node, "buttons", &path)?
        .iter()
        .enumerate()
        .map(|(i, n)| button(n, format!("{}[{i}]", join_path(&path, "buttons"))))
        .collect::<Result<Vec<_>, _>>()?;
    let cards = opt_array(node, "cards", &path)?
        .iter()
        .enumerate()
        .map(|(i, n)| {
            let card_path = format!("{}[{i}]", join_path(&path, "cards"));
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
    let (offer_text, offer_span, has_expiration) = match node.get("limited_time_offer") {
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

fn example(node: &Node, path: String) -> Result<Example, LoadError> {
    object(node, &path)?;
    let header_text = texts(
        opt_array(node, "header_text", &path)?,
        &join_path(&path, "header_text"),
    )?;
    let header_handle = texts(
        opt_array(node, "header_handle", &path)?,
        &join_path(&path, "header_handle"),
    )?;
    let body_path = join_path(&path, "body_text");
    let mut body_text = Vec::new();
    let mut flat = Vec::new();
    let string = node
        .get("body_text")
        .filter(|n| matches!(n.value, Value::String(_)));
    if let Some(n) = string {
        body_text.push(vec![text(n, body_path.clone())?]);
    }
    let rows = match string {
        Some(_) => &[],
        None => opt_array(node, "body_text", &path)?,
    };
    for (i, row) in rows.iter().enumerate() {
        let row_path = format!("{body_path}[{i}]");
        match &row.value {
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
        body_text_string: string.is_some(),
        body_text_named_params: named_examples(node, "body_text_named_params", &path)?,
        span: Some(node.span.clone()),
        path,
    })
}

fn named_examples(node: &Node, key: &str, prefix: &str) -> Result<Vec<NamedExample>, LoadError> {
    let path = join_path(prefix, key);
    opt_array(node, key, prefix)?
        .iter()
        .enumerate()
        .map(|(i, n)| {
            let item_path = format!("{path}[{i}]");
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
fn button(node: &Node, path: String) -> Result<Button, LoadError> {
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
    let example_path = join_path(&path, "example");
    let example_is_array = node
        .get("example")
        .is_some_and(|n| matches!(n.value, Value::Array(_)));
    let example = match node.get("example") {
        None => Vec::new(),
        Some(n) => match &n.value {
            Value::Null => Vec::new(),
            Value::String(_) => vec![text(n, example_path)?],
            Value::Array(items) => texts(items, &example_path)?,
            _ => {
                return Err(wrong_type(
                    n,
                    &example_path,
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

fn supported_apps(button: &Node, prefix: &str) -> Result<Vec<SupportedApp>, LoadError> {
    let path = join_path(prefix, "supported_apps");
    opt_array(button, "supported_apps", prefix)?
        .iter()
        .enumerate()
        .map(|(i, n)| {
            let item_path = format!("{path}[{i}]");
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

#[cfg(test)]
mod tests {
    use super::*;

    const ORDER: &str = r#"{
      "name": "order_update",
      "language": "ru",
      "category": "UTILITY",
      "components": [
        {"type": "HEADER", "format": "TEXT", "text": "Заказ {{1}}", "example": {"header_text": ["A-1"]}},
        {"type": "body", "text": "Здравствуйте, {{1}}! Заказ {{2}} передан в доставку.",
         "example": {"body_text": [["Анна", "A-1"]]}},
        {"type": "FOOTER", "text": "Магазин"},
        {"type": "BUTTONS", "buttons": [
          {"type": "URL", "text": "Отследить", "url": "https://shop.ru/t/{{1}}", "example": ["https://shop.ru/t/A-1"]},
          {"type": "QUICK_REPLY", "text": "Спасибо"}
        ]}
      ],
      "unknown_field": {"ignored": true}
    }"#;

    #[test]
    fn reads_a_full_template() {
        let doc = load_json(ORDER).unwrap();
        assert_eq!(doc.templates.len(), 1);
        let t = &doc.templates[0];
        assert_eq!(t.name.as_ref().unwrap().value, "order_update");
        assert_eq!(t.category(), Some(Category::Utility));
        assert_eq!(t.components.len(), 4);
        let body = t.component(ComponentKind::Body).unwrap();
        assert_eq!(
            body.type_text.as_ref().unwrap().value,
            "body",
            "kept as written"
        );
        assert_eq!(body.text.as_ref().unwrap().path, "components[1].text");
        assert_eq!(body.example.as_ref().unwrap().body_text[0][1].value, "A-1");
        let buttons = t.buttons();
        assert_eq!(buttons[0].kind, ButtonKind::Url);
        assert_eq!(
            buttons[0].example[0].path,
            "components[3].buttons[0].example[0]"
        );
        assert_eq!(buttons[1].kind, ButtonKind::QuickReply);
    }

    #[test]
    fn text_origin_points_into_the_file() {
        let doc = load_json(ORDER).unwrap();
        let body = doc.templates[0].body().unwrap();
        let origin = body.origin.as_ref().unwrap();
        let at = body.value.find("{{2}}").unwrap();
        let src = origin.map.range_to_source(at, at + 5);
        assert_eq!(&ORDER[src], "{{2}}");
    }

    #[test]
    fn reads_arrays_and_get_responses() {
        let doc = load_json(r#"[{"name":"a"},{"name":"b"}]"#).unwrap();
        assert_eq!(doc.templates[1].path, "[1]");
        assert_eq!(doc.templates[1].field_path("name"), "[1].name");
        let doc = load_json(
            r#"{"data":[{"name":"a","components":[{"type":"BODY","text":"x"}]}],"paging":{}}"#,
        )
        .unwrap();
        assert_eq!(doc.templates[0].path, "data[0]");
        assert_eq!(
            doc.templates[0].body().unwrap().path,
            "data[0].components[0].text"
        );
    }

    #[test]
    fn wrong_types_name_the_path() {
        let cases = [
            (
                r#"{"components": [{"type": "BODY", "text": 5}]}"#,
                "components[0].text",
                "expected a string, found a number",
            ),
            (
                r#"{"components": [{}, {}, {"type": "BUTTONS", "buttons": [{"type": "URL", "url": ["x"]}]}]}"#,
                "components[2].buttons[0].url",
                "expected a string, found an array",
            ),
            (
                r#"{"components": {"type": "BODY"}}"#,
                "components",
                "expected an array, found an object",
            ),
            (r#"[1]"#, "[0]", "expected an object, found a number"),
            (
                r#"{"components": [{"type": "BODY", "add_security_recommendation": "yes"}]}"#,
                "components[0].add_security_recommendation",
                "expected a boolean, found a string",
            ),
            (
                r#"{"components": [{"type": "BODY", "example": {"body_text": [[1]]}}]}"#,
                "components[0].example.body_text[0][0]",
                "expected a string, found a number",
            ),
        ];
        for (src, path, message) in cases {
            let e = load_json(src).unwrap_err();
            assert_eq!(
                (e.path.as_str(), e.message.en.as_str()),
                (path, message),
                "{src}"
            );
            assert!(!e.message.ru.is_empty());
        }
    }

    #[test]
    fn syntax_errors_are_load_errors() {
        let e = load_json("{\"name\": \"x\",}").unwrap_err();
        assert_eq!(e.message.en, "invalid JSON: trailing comma before `}`");
        assert_eq!(e.offset, 13);
        let e = load_json("42").unwrap_err();
        assert!(e.message.en.starts_with("expected a template object"));
    }

    #[test]
    fn plain_text_is_the_body() {
        let doc = load_plain_text("Привет, {{1}}!\n");
        let t = &doc.templates[0];
        assert!(t.plain_text);
        assert_eq!(t.body().unwrap().value, "Привет, {{1}}!");
        assert_eq!(t.body().unwrap().path, "components[0].text");
        let doc = load_plain_text("two\n\n");
        assert_eq!(
            doc.templates[0].body().unwrap().value,
            "two\n",
            "only one final newline is dropped"
        );
    }

    #[test]
    fn auto_detects_json() {
        assert_eq!(
            load_auto("  {\"name\":\"x\"}").unwrap().kind,
            DocumentKind::Json
        );
        assert_eq!(
            load_auto("Hello {{1}}").unwrap().kind,
            DocumentKind::PlainText
        );
        assert!(load_auto("{\"broken").is_err());
        assert!(load_auto("[1,").is_err());
        assert_eq!(
            load_auto("{{1}}, ваш заказ готов").unwrap().kind,
            DocumentKind::PlainText
        );
    }

    #[test]
    fn a_body_example_written_as_one_string_is_a_row_of_one_value() {
        let doc = load_json(
            r#"{"components":[{"type":"body","text":"Hi {{1}}","example":{"body_text":"Pablo"}}]}"#,
        )
        .unwrap();
        let ex = doc.templates[0].components[0].example.as_ref().unwrap();
        assert!(ex.body_text_string && !ex.body_text_flat);
        assert_eq!(ex.body_text.len(), 1);
        assert_eq!(ex.body_text[0][0].value, "Pablo");
        assert_eq!(ex.body_text[0][0].path, "components[0].example.body_text");
        let e =
            load_json(r#"{"components":[{"type":"body","example":{"body_text":5}}]}"#).unwrap_err();
        assert_eq!(e.path, "components[0].example.body_text");
    }

    #[test]
    fn reads_the_fields_of_every_template_type() {
        let doc = load_json(
            r#"{"components":[
              {"type":"limited_time_offer","limited_time_offer":{"text":"Ends soon","has_expiration":true}},
              {"type":"call_permission_request"},
              {"type":"buttons","buttons":[
                {"type":"otp","otp_type":"zero_tap","autofill_text":"Autofill","zero_tap_terms_accepted":true,
                 "package_name":"com.a.b","signature_hash":"K8a/AINcGX7",
                 "supported_apps":[{"package_name":"com.example.app","signature_hash":"K8a/AINcGX7"}]},
                {"type":"flow","text":"Open","flow_id":1234,"flow_action":"navigate","navigate_screen":"WELCOME"},
                {"type":"flow","text":"Open","flow_name":"survey","flow_json":"{}"},
                {"type":"copy_code","example":"SAVE10"},
                {"type":"url","text":"Go","url":"https://a.com/{{1}}","example":["x"]}
              ]}
            ]}"#,
        )
        .unwrap();
        let c = &doc.templates[0].components;
        assert_eq!(c[0].offer_text.as_ref().unwrap().value, "Ends soon");
        assert_eq!(c[0].has_expiration, Some(true));
        assert!(c[0].offer_span.is_some());
        assert_eq!(c[1].kind, ComponentKind::CallPermissionRequest);
        let b = &c[2].buttons;
        assert_eq!(b[0].autofill_text.as_ref().unwrap().value, "Autofill");
        assert_eq!(b[0].zero_tap_terms_accepted, Some(true));
        assert_eq!(b[0].package_name.as_ref().unwrap().value, "com.a.b");
        assert_eq!(b[0].signature_hash.as_ref().unwrap().value, "K8a/AINcGX7");
        let app = &b[0].supported_apps[0];
        assert_eq!(app.path, "components[2].buttons[0].supported_apps[0]");
        assert_eq!(app.package_name.as_ref().unwrap().value, "com.example.app");
        let id = b[1].flow_id.as_ref().unwrap();
        assert_eq!(id.value, "1234", "a numeric flow_id is kept as its digits");
        assert_eq!(b[1].flow_action.as_ref().unwrap().value, "navigate");
        assert_eq!(b[1].navigate_screen.as_ref().unwrap().value, "WELCOME");
        assert_eq!(b[2].flow_name.as_ref().unwrap().value, "survey");
        assert_eq!(b[2].flow_json.as_ref().unwrap().value, "{}");
        assert!(!b[3].example_is_array && b[4].example_is_array);
        let e = load_json(
            r#"{"components":[{"type":"buttons","buttons":[{"type":"otp","supported_apps":{}}]}]}"#,
        )
        .unwrap_err();
        assert_eq!(e.path, "components[0].buttons[0].supported_apps");
    }

    #[test]
    fn the_time_to_live_is_read_as_a_number_or_a_string() {
        for (src, value) in [
            (r#"{"message_send_ttl_seconds": 600}"#, "600"),
            (r#"{"message_send_ttl_seconds": "120"}"#, "120"),
        ] {
            let doc = load_json(src).unwrap();
            let ttl = doc.templates[0].message_send_ttl_seconds.as_ref().unwrap();
            assert_eq!(
                (ttl.value.as_str(), ttl.path.as_str()),
                (value, "message_send_ttl_seconds")
            );
        }
        let e = load_json(r#"{"message_send_ttl_seconds": true}"#).unwrap_err();
        assert_eq!(e.path, "message_send_ttl_seconds");
    }

    #[test]
    fn a_numeric_flow_id_points_into_the_file() {
        let src =
            r#"{"components":[{"type":"buttons","buttons":[{"type":"flow","flow_id":  987}]}]}"#;
        let doc = load_json(src).unwrap();
        let id = doc.templates[0].components[0].buttons[0]
            .flow_id
            .clone()
            .unwrap();
        let origin = id.origin.unwrap();
        assert_eq!(&src[origin.map.range_to_source(0, 3)], "987");
    }

    #[test]
    fn scans_say_what_a_document_holds() {
        let cases = [
            (ORDER, Holds::Templates, 1),
            (
                r#"[{"name": "a", "category": "UTILITY"}, {"x": 1}]"#,
                Holds::Templates,
                2,
            ),
            (
                r#"{"data": [{"components": []}], "paging": {}}"#,
                Holds::Templates,
                1,
            ),
            (r#"{"name": "a", "language": "ru"}"#, Holds::Templates, 1),
            ("[]", Holds::Nothing, 0),
            (r#"{"data": []}"#, Holds::Nothing, 0),
            (
                r#"{"name": "my-package", "version": "1.0.0", "scripts": {}}"#,
                Holds::SomethingElse,
                1,
            ),
            (
                r#"{"compilerOptions": {"strict": true}}"#,
                Holds::SomethingElse,
                1,
            ),
            (
                r#"{"components": {"schemas": {}}}"#,
                Holds::SomethingElse,
                1,
            ),
            (r#"[{"name": "a"}, 1]"#, Holds::SomethingElse, 2),
            ("42", Holds::SomethingElse, 0),
            (
                r#"{"data": {"name": "a", "category": "x"}}"#,
                Holds::SomethingElse,
                0,
            ),
            // A template whose `data` is an unknown field.
            (r#"{"components": [], "data": [1, 2]}"#, Holds::Templates, 1),
        ];
        for (src, holds, count) in cases {
            let scan = scan_json(src).unwrap();
            assert_eq!((scan.holds, scan.count), (holds, count), "{src}");
        }
    }

    #[test]
    fn scans_refuse_what_load_json_refuses() {
        for src in [
            "{\"name\": \"x\",}",
            "[{\"name\": 5}, {,}]",
            "[1, {\"components\": 5}]",
            r#"{"data": [{"components": [{"text": 5}]}]}"#,
            r#"{"data": 5}"#,
            "42",
            "",
        ] {
            let expected = load_json(src).unwrap_err();
            let got = match scan_json(src) {
                Err(e) => e,
                Ok(scan) => {
                    assert_eq!(scan.error.as_ref(), Some(&expected), "{src}");
                    let mut called = false;
                    assert_eq!(scan.for_each(&mut |_| called = true).unwrap_err(), expected);
                    assert!(!called, "{src}: a template was handed over");
                    continue;
                }
            };
            assert_eq!(got, expected, "{src}");
        }
    }

    #[test]
    fn pieces_are_the_templates_of_load_json() {
        let array = format!("[{ORDER}, \n {{\"name\": \"caf\\u00e9\", \"components\": []}}]");
        let data = format!("{{\"data\": {array}, \"paging\": {{}}}}");
        for src in [ORDER.to_string(), array, data] {
            let whole = load_json(&src).unwrap();
            let scan = scan_json(&src).unwrap();
            let mut pieces = Vec::new();
            scan.for_each(&mut |p| pieces.push(p)).unwrap();
            assert_eq!(pieces.len(), whole.templates.len());
            assert_eq!(scan.count, pieces.len());
            for (piece, expected) in pieces.iter().zip(&whole.templates) {
                let t = &piece.document.templates[0];
                assert_eq!(&src[piece.span.clone()], piece.document.source);
                assert_eq!(t.path, expected.path);
                let (mut a, mut b) = (Vec::new(), Vec::new());
                t.for_each_text(&mut |x| a.push(x.clone()));
                expected.for_each_text(&mut |x| b.push(x.clone()));
                assert_eq!(a.len(), b.len());
                for (x, y) in a.iter().zip(&b) {
                    assert_eq!((&x.value, &x.path), (&y.value, &y.path));
                    let (ox, oy) = (x.origin.as_ref().unwrap(), y.origin.as_ref().unwrap());
                    assert_eq!(ox.span.start + piece.span.start, oy.span.start);
                    let end = x.value.len();
                    let r = ox.map.range_to_source(0, end);
                    assert_eq!(
                        r.start + piece.span.start..r.end + piece.span.start,
                        oy.map.range_to_source(0, end)
                    );
                }
            }
        }
    }

    #[test]
    fn flat_body_examples_are_kept_and_marked() {
        let doc = load_json(
            r#"{"components":[{"type":"BODY","text":"a {{1}} b","example":{"body_text":["x"]}}]}"#,
        )
        .unwrap();
        let ex = doc.templates[0].components[0].example.as_ref().unwrap();
        assert!(ex.body_text_flat);
        assert_eq!(ex.body_text[0][0].value, "x");
    }
}
