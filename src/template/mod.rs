//! The template model, read from Meta's `message_templates` JSON or from a plain-text draft.
//!
//! The JSON is what users POST to `/<WABA_ID>/message_templates`: one template object, an
//! array of them, or the `{"data": [...]}` shape of a GET response. Unknown fields are ignored
//! (Meta adds fields often); a known field with the wrong JSON type is an error naming its
//! path. Values are kept exactly as written: names such as `"body"` are matched without regard
//! to case, but never rewritten.

use crate::json::Span;
use crate::l10n::Msg;
use crate::text::Text;

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
        // Compared without an upper-case copy: every component has a type.
        [
            ComponentKind::Header,
            ComponentKind::Body,
            ComponentKind::Footer,
            ComponentKind::Buttons,
            ComponentKind::Carousel,
            ComponentKind::LimitedTimeOffer,
            ComponentKind::CallPermissionRequest,
        ]
        .into_iter()
        .find(|k| k.as_str().eq_ignore_ascii_case(s))
        .unwrap_or(ComponentKind::Other)
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
        // Compared without an upper-case copy: every button has a type.
        [
            ButtonKind::QuickReply,
            ButtonKind::Url,
            ButtonKind::PhoneNumber,
            ButtonKind::CopyCode,
            ButtonKind::Otp,
            ButtonKind::Flow,
            ButtonKind::VoiceCall,
            ButtonKind::Catalog,
            ButtonKind::Mpm,
            ButtonKind::Spm,
        ]
        .into_iter()
        .find(|k| k.as_str().eq_ignore_ascii_case(s))
        .unwrap_or(ButtonKind::Other)
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
        // Compared without building an upper-case copy: rules ask for the category often.
        let s = s.trim();
        [
            Category::Marketing,
            Category::Utility,
            Category::Authentication,
        ]
        .into_iter()
        .find(|c| c.as_str().eq_ignore_ascii_case(s))
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Category::Marketing => "MARKETING",
            Category::Utility => "UTILITY",
            Category::Authentication => "AUTHENTICATION",
        }
    }
}

mod load;

pub(crate) use load::join_path;
pub use load::{
    is_template_object, load_auto, load_json, load_plain_text, looks_like_json, scan_json, Holds,
    JsonTemplates, Piece,
};

#[cfg(test)]
mod tests {
    use super::load::*;
    use super::*;

    #[test]
    fn paths_are_written_as_format_would() {
        for (prefix, field) in [("", "components"), ("data[3]", "components"), ("a.b", "c")] {
            let expected = if prefix.is_empty() {
                field.to_string()
            } else {
                format!("{prefix}.{field}")
            };
            assert_eq!(join_path(prefix, field), expected);
        }
        for (path, i) in [
            ("", 0),
            ("data", 9),
            ("x.buttons", 10),
            ("p", 1_234_567),
            ("q", usize::MAX),
        ] {
            assert_eq!(element_path(path, i), format!("{path}[{i}]"));
        }
    }

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
