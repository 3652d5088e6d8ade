//! A small JSON parser that remembers where every value came from.
//!
//! `serde_json` throws positions away, but walint must point a CI annotation at the exact
//! character inside a JSON string (`"text": "Hi {{1}}\u00e9"`), so every string keeps a map from
//! offsets in its decoded value back to offsets in the source. The parser is strict RFC 8259
//! (no comments, no trailing commas), refuses duplicate keys (one of them would be lost
//! silently) and lone surrogates (they cannot be represented in a Rust string), and limits
//! nesting depth so that hostile input cannot exhaust the stack.

use crate::l10n::Msg;
use crate::text::bytes::{find, has, has_below};
use std::borrow::Cow;
use std::collections::HashSet;
use std::fmt;

/// Deeper nesting than this is refused. Real templates nest five levels at most.
pub const MAX_DEPTH: usize = 64;

/// Objects with more members than this look keys up in a hash set (a template's objects have
/// fewer than ten, compared one by one).
const LARGE_OBJECT: usize = 16;

/// The object keys of Meta's template format, the most frequent first: an object member with
/// one of them as its key borrows it instead of allocating a string.
const KNOWN_KEYS: [&str; 38] = [
    "type",
    "text",
    "category",
    "components",
    "language",
    "name",
    "example",
    "body_text",
    "buttons",
    "url",
    "format",
    "phone_number",
    "header_text",
    "data",
    "header_handle",
    "cards",
    "parameter_format",
    "body_text_named_params",
    "header_text_named_params",
    "param_name",
    "otp_type",
    "add_security_recommendation",
    "code_expiration_minutes",
    "message_send_ttl_seconds",
    "limited_time_offer",
    "has_expiration",
    "autofill_text",
    "package_name",
    "signature_hash",
    "supported_apps",
    "zero_tap_terms_accepted",
    "flow_id",
    "flow_name",
    "flow_json",
    "flow_action",
    "navigate_screen",
    "id",
    "status",
];

/// A byte range in the source document.
pub type Span = std::ops::Range<usize>;

#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    /// The whole value in the source, quotes and brackets included.
    pub span: Span,
    pub value: Value,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    /// The number exactly as written; callers convert what they need.
    Number(String),
    String(JsonString),
    Array(Vec<Node>),
    Object(Vec<Member>),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Member {
    /// The key; the keys of Meta's template format are shared ([`KNOWN_KEYS`]), not one
    /// string each.
    pub key: Cow<'static, str>,
    pub key_span: Span,
    pub node: Node,
}

/// A decoded string and the way back to its source.
#[derive(Debug, Clone, PartialEq)]
pub struct JsonString {
    pub value: String,
    pub map: SourceMap,
}

/// Maps byte offsets in a decoded string to byte offsets in the source it was read from.
///
/// Between escapes the two advance together, so only the escapes are stored.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct SourceMap {
    /// Source offset of decoded offset 0.
    start: usize,
    escapes: Vec<Escape>,
}

#[derive(Debug, Clone, PartialEq)]
struct Escape {
    decoded: usize,
    decoded_len: usize,
    source: usize,
    source_len: usize,
}

impl SourceMap {
    /// The identity map of text that starts at `start` in its source and has no escapes.
    pub fn verbatim(start: usize) -> Self {
        SourceMap {
            start,
            escapes: Vec::new(),
        }
    }

    fn rebase(&mut self, base: usize) {
        self.start -= base;
        for e in &mut self.escapes {
            e.source -= base;
        }
    }

    /// Source offset of a decoded offset. An offset inside the output of an escape maps to the
    /// start of that escape; the end of an escape's output maps to the end of the escape.
    pub fn to_source(&self, decoded: usize) -> usize {
        let i = self.escapes.partition_point(|e| e.decoded <= decoded);
        if i == 0 {
            return self.start + decoded;
        }
        let e = &self.escapes[i - 1];
        if decoded < e.decoded + e.decoded_len {
            e.source
        } else {
            e.source + e.source_len + (decoded - e.decoded - e.decoded_len)
        }
    }

    /// A source range for a decoded range: escapes are covered entirely.
    pub fn range_to_source(&self, start: usize, end: usize) -> Span {
        let s = self.to_source(start);
        if end <= start {
            return s..s;
        }
        // Map the last decoded byte and step past its escape (or character) in the source.
        let last = self.to_source(end - 1);
        let i = self.escapes.partition_point(|e| e.decoded < end);
        let stop = match i.checked_sub(1).map(|i| &self.escapes[i]) {
            Some(e) if end - 1 < e.decoded + e.decoded_len => e.source + e.source_len,
            _ => last + 1,
        };
        s..stop.max(s)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct ParseError {
    pub message: Msg,
    /// Byte offset in the source where the problem is.
    pub offset: usize,
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message.en)
    }
}

/// Parses a whole document. A UTF-8 byte-order mark at the start is allowed.
pub fn parse(src: &str) -> Result<Node, ParseError> {
    Parser::new(src, None).document()
}

/// Which array a streamed element comes from (see [`parse_streaming`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Streamed {
    /// The document is an array: `[{…}, {…}]`.
    Root,
    /// The `"data"` array of a document that is an object: `{"data": [{…}, {…}]}`.
    Data,
}

/// Parses a whole document like [`parse`], but hands each element of the top-level array, or
/// of the `"data"` array of a top-level object, to `element` (with its index) as soon as it is
/// read, instead of keeping it: in the returned root that array is empty. A large export is
/// then never held in memory as a whole tree, only one element at a time. Errors are the same
/// as [`parse`]'s, found at the same place (elements before a syntax error have been handed
/// over by then).
pub fn parse_streaming(
    src: &str,
    element: &mut dyn FnMut(Streamed, usize, Node),
) -> Result<Node, ParseError> {
    Parser::new(src, Some(element)).document()
}

/// [`parse_streaming`] for a reader of the shape only (which keys, which types): string values
/// are checked as [`parse`] checks them (the same errors at the same places) but not decoded,
/// and every one comes as an empty string. Keys are decoded. A whole-account export is checked
/// this way before it is read for its templates, and decoding its text twice cost a tenth of
/// the run (most of a Russian template from the Graph API is `\uXXXX` escapes).
pub fn parse_shape_streaming(
    src: &str,
    element: &mut dyn FnMut(Streamed, usize, Node),
) -> Result<Node, ParseError> {
    let mut parser = Parser::new(src, Some(element));
    parser.decode_values = false;
    parser.document()
}

/// What the parser does with the elements of the array it is about to read.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Keep {
    All,
    Stream(Streamed),
}

struct Parser<'a, 's> {
    src: &'a [u8],
    text: &'a str,
    pos: usize,
    depth: usize,
    sink: Option<&'s mut dyn FnMut(Streamed, usize, Node)>,
    /// Set just before reading a value whose elements go to the sink, if it is an array.
    next_array: Keep,
    /// Whether string values are decoded ([`parse_shape_streaming`] only checks them).
    decode_values: bool,
}

impl<'a, 's> Parser<'a, 's> {
    fn new(src: &'a str, sink: Option<&'s mut dyn FnMut(Streamed, usize, Node)>) -> Self {
        Parser {
            src: src.as_bytes(),
            text: src,
            pos: 0,
            depth: 0,
            sink,
            next_array: Keep::All,
            decode_values: true,
        }
    }

    fn document(mut self) -> Result<Node, ParseError> {
        let p = &mut self;
        if p.text.starts_with('\u{feff}') {
            p.pos = 3;
        }
        p.skip_ws();
        if p.sink.is_some() {
            p.next_array = Keep::Stream(Streamed::Root);
        }
        let node = p.value()?;
        p.skip_ws();
        if p.pos < p.src.len() {
            return Err(p.error_here(
                "unexpected text after the end of the JSON value",
                "лишний текст после конца значения JSON",
            ));
        }
        Ok(node)
    }

    fn error_here(&self, en: impl Into<String>, ru: impl Into<String>) -> ParseError {
        ParseError {
            message: Msg::new(en, ru),
            offset: self.pos,
        }
    }

    fn peek(&self) -> Option<u8> {
        self.src.get(self.pos).copied()
    }

    fn skip_ws(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.peek() {
            self.pos += 1;
        }
    }

    /// What stands at the current position, in English and Russian.
    fn found(&self) -> (String, String) {
        match self.text[self.pos..].chars().next() {
            None => ("the end of the input".into(), "конец текста".into()),
            Some(c) if c.is_control() => (
                format!("character U+{:04X}", c as u32),
                format!("символ U+{:04X}", c as u32),
            ),
            Some(c) => (format!("`{c}`"), format!("`{c}`")),
        }
    }

    fn unexpected(&self, expected_en: &str, expected_ru: &str) -> ParseError {
        let (en, ru) = self.found();
        self.error_here(
            format!("expected {expected_en}, found {en}"),
            format!("ожидалось: {expected_ru}, а найдено: {ru}"),
        )
    }

    fn value(&mut self) -> Result<Node, ParseError> {
        let start = self.pos;
        // Only an array read right here streams; any other value clears the request.
        let keep = std::mem::replace(&mut self.next_array, Keep::All);
        let value = match self.peek() {
            Some(b'{') => self.nested(Self::object)?,
            Some(b'[') => {
                self.next_array = keep;
                self.nested(Self::array)?
            }
            Some(b'"') if self.decode_values => Value::String(self.string()?),
            Some(b'"') => {
                self.check_string()?;
                Value::String(JsonString {
                    value: String::new(),
                    map: SourceMap::verbatim(start + 1),
                })
            }
            Some(b't') => self.literal("true", Value::Bool(true))?,
            Some(b'f') => self.literal("false", Value::Bool(false))?,
            Some(b'n') => self.literal("null", Value::Null)?,
            Some(b'-' | b'0'..=b'9') => self.number()?,
            _ => return Err(self.unexpected("a JSON value", "значение JSON")),
        };
        Ok(Node {
            span: start..self.pos,
            value,
        })
    }

    fn nested(
        &mut self,
        f: fn(&mut Self) -> Result<Value, ParseError>,
    ) -> Result<Value, ParseError> {
        if self.depth >= MAX_DEPTH {
            return Err(self.error_here(
                format!("JSON nested deeper than {MAX_DEPTH} levels"),
                format!("вложенность JSON глубже {MAX_DEPTH} уровней"),
            ));
        }
        self.depth += 1;
        let v = f(self);
        self.depth -= 1;
        v
    }

    fn literal(&mut self, word: &str, value: Value) -> Result<Value, ParseError> {
        if self.src[self.pos..].starts_with(word.as_bytes()) {
            self.pos += word.len();
            Ok(value)
        } else {
            Err(self.unexpected("a JSON value", "значение JSON"))
        }
    }

    fn number(&mut self) -> Result<Value, ParseError> {
        let start = self.pos;
        if self.peek() == Some(b'-') {
            self.pos += 1;
        }
        match self.peek() {
            Some(b'0') => self.pos += 1,
            Some(b'1'..=b'9') => self.digits(),
            _ => {
                return Err(self.error_here(
                    "invalid number: expected a digit",
                    "неверное число: ожидалась цифра",
                ))
            }
        }
        if self.peek() == Some(b'.') {
            self.pos += 1;
            if !matches!(self.peek(), Some(b'0'..=b'9')) {
                return Err(self.error_here(
                    "invalid number: expected a digit after `.`",
                    "неверное число: после `.` ожидалась цифра",
                ));
            }
            self.digits();
        }
        if let Some(b'e' | b'E') = self.peek() {
            self.pos += 1;
            if let Some(b'+' | b'-') = self.peek() {
                self.pos += 1;
            }
            if !matches!(self.peek(), Some(b'0'..=b'9')) {
                return Err(self.error_here(
                    "invalid number: expected a digit in the exponent",
                    "неверное число: в показателе степени ожидалась цифра",
                ));
            }
            self.digits();
        }
        Ok(Value::Number(self.text[start..self.pos].to_string()))
    }

    fn digits(&mut self) {
        while let Some(b'0'..=b'9') = self.peek() {
            self.pos += 1;
        }
    }

    fn array(&mut self) -> Result<Value, ParseError> {
        self.pos += 1; // [
        let keep = std::mem::replace(&mut self.next_array, Keep::All);
        let mut items = Vec::new();
        let mut streamed = 0;
        self.skip_ws();
        if self.peek() == Some(b']') {
            self.pos += 1;
            return Ok(Value::Array(items));
        }
        loop {
            self.skip_ws();
            let item = self.value()?;
            match (keep, self.sink.as_deref_mut()) {
                (Keep::Stream(from), Some(sink)) => {
                    sink(from, streamed, item);
                    streamed += 1;
                }
                _ => items.push(item),
            }
            self.skip_ws();
            match self.peek() {
                Some(b',') => {
                    self.pos += 1;
                    self.skip_ws();
                    if self.peek() == Some(b']') {
                        return Err(self
                            .error_here("trailing comma before `]`", "лишняя запятая перед `]`"));
                    }
                }
                Some(b']') => {
                    self.pos += 1;
                    return Ok(Value::Array(items));
                }
                _ => return Err(self.unexpected("`,` or `]` in an array", "`,` или `]` в массиве")),
            }
        }
    }

    fn object(&mut self) -> Result<Value, ParseError> {
        self.pos += 1; // {
        let mut members: Vec<Member> = Vec::new();
        // The keys of a large object, to find a repeated key without comparing each key with
        // every earlier one (quadratic: 100 000 keys took seconds).
        let mut keys: Option<HashSet<Cow<'static, str>>> = None;
        self.skip_ws();
        if self.peek() == Some(b'}') {
            self.pos += 1;
            return Ok(Value::Object(members));
        }
        loop {
            self.skip_ws();
            if self.peek() != Some(b'"') {
                return Err(self.unexpected(
                    "a quoted key in an object",
                    "ключ в кавычках внутри объекта",
                ));
            }
            let key_start = self.pos;
            let key = self.key()?;
            let key_span = key_start..self.pos;
            let repeated = match &mut keys {
                Some(keys) => !keys.insert(key.clone()),
                None => {
                    let repeated = members.iter().any(|m| m.key == key);
                    if members.len() >= LARGE_OBJECT {
                        let mut set: HashSet<Cow<'static, str>> =
                            members.iter().map(|m| m.key.clone()).collect();
                        set.insert(key.clone());
                        keys = Some(set);
                    }
                    repeated
                }
            };
            if repeated {
                return Err(ParseError {
                    message: Msg::new(
                        format!("duplicate key \"{key}\" in an object"),
                        format!("ключ \"{key}\" повторяется в объекте"),
                    ),
                    offset: key_start,
                });
            }
            self.skip_ws();
            if self.peek() != Some(b':') {
                return Err(self.unexpected("`:` after an object key", "`:` после ключа объекта"));
            }
            self.pos += 1;
            self.skip_ws();
            if self.sink.is_some() && self.depth == 1 && key == "data" {
                self.next_array = Keep::Stream(Streamed::Data);
            }
            let node = self.value()?;
            members.push(Member {
                key,
                key_span,
                node,
            });
            self.skip_ws();
            match self.peek() {
                Some(b',') => {
                    self.pos += 1;
                    self.skip_ws();
                    if self.peek() == Some(b'}') {
                        return Err(self
                            .error_here("trailing comma before `}`", "лишняя запятая перед `}`"));
                    }
                }
                Some(b'}') => {
                    self.pos += 1;
                    return Ok(Value::Object(members));
                }
                _ => {
                    return Err(self.unexpected("`,` or `}` in an object", "`,` или `}` в объекте"))
                }
            }
        }
    }

    fn string(&mut self) -> Result<JsonString, ParseError> {
        let quote = self.pos;
        self.pos += 1;
        let mut map = SourceMap::verbatim(self.pos);
        let mut value = String::new();
        let mut run_start = self.pos;
        loop {
            // Copy plain runs in one go: they are the common case.
            self.skip_plain_run();
            match self.peek() {
                None => {
                    return Err(ParseError {
                        message: Msg::new("unterminated string", "строка не закрыта кавычкой"),
                        offset: quote,
                    })
                }
                Some(b'"') => {
                    let run = &self.text[run_start..self.pos];
                    if value.is_empty() {
                        // No escape (nearly every string): one allocation of the exact size.
                        value = run.to_owned();
                    } else {
                        value.push_str(run);
                    }
                    self.pos += 1;
                    return Ok(JsonString { value, map });
                }
                Some(b'\\') => {
                    value.push_str(&self.text[run_start..self.pos]);
                    let esc_start = self.pos;
                    let decoded_at = value.len();
                    value.push(self.escape()?);
                    map.escapes.push(Escape {
                        decoded: decoded_at,
                        decoded_len: value.len() - decoded_at,
                        source: esc_start,
                        source_len: self.pos - esc_start,
                    });
                    run_start = self.pos;
                }
                Some(b) => {
                    return Err(self.error_here(
                        format!("control character U+{b:04X} must be escaped inside a string (write \\n for a line break)"),
                        format!("управляющий символ U+{b:04X} внутри строки нужно экранировать (перенос строки пишется как \\n)"),
                    ))
                }
            }
        }
    }

    /// The end of the plain run of a string's text that starts at `from`: the first quote,
    /// backslash or control character. Always inlined, as the next one: left as calls, the
    /// three readers of strings cost 0.2 k instructions per template more.
    #[inline(always)]
    fn plain_run_end(&self, from: usize) -> usize {
        find(
            self.src,
            from,
            |w| has(w, b'"') || has(w, b'\\') || has_below(w, 0x20),
            |b| b == b'"' || b == b'\\' || b < 0x20,
        )
    }

    /// Moves past the plain run of a string's text that starts here. An escape often follows
    /// another (`\u0417\u0434…`: the Graph API escapes every character outside ASCII), and
    /// then there is no run to look for.
    #[inline(always)]
    fn skip_plain_run(&mut self) {
        if self.src.get(self.pos) != Some(&b'\\') {
            self.pos = self.plain_run_end(self.pos);
        }
    }

    /// Reads past a string as [`Parser::string`] does, with the same errors, keeping nothing.
    fn check_string(&mut self) -> Result<(), ParseError> {
        let quote = self.pos;
        self.pos += 1;
        loop {
            self.skip_plain_run();
            match self.peek() {
                Some(b'"') => {
                    self.pos += 1;
                    return Ok(());
                }
                Some(b'\\') => {
                    self.escape()?;
                }
                // The end of the input or a control character: read again as a string
                // is read, for the same error.
                _ => {
                    self.pos = quote;
                    return self.string().map(drop);
                }
            }
        }
    }

    /// An object key: read in place when it has no escape (as every key of a template), and
    /// borrowed when it is one of [`KNOWN_KEYS`].
    fn key(&mut self) -> Result<Cow<'static, str>, ParseError> {
        let start = self.pos + 1;
        let end = self.plain_run_end(start);
        if self.src.get(end) != Some(&b'"') {
            return Ok(Cow::Owned(self.string()?.value));
        }
        self.pos = end + 1;
        let written = &self.text[start..end];
        Ok(KNOWN_KEYS
            .iter()
            .find(|&&k| k == written)
            .map_or_else(|| Cow::Owned(written.to_string()), |&k| Cow::Borrowed(k)))
    }

    /// The character an escape stands for, read past it.
    fn escape(&mut self) -> Result<char, ParseError> {
        self.pos += 1; // backslash
        let c = match self.peek() {
            Some(b'"') => '"',
            Some(b'\\') => '\\',
            Some(b'/') => '/',
            Some(b'b') => '\u{8}',
            Some(b'f') => '\u{c}',
            Some(b'n') => '\n',
            Some(b'r') => '\r',
            Some(b't') => '\t',
            Some(b'u') => {
                let start = self.pos - 1;
                self.pos += 1;
                let hi = self.hex4()?;
                let c = match hi {
                    0xD800..=0xDBFF => {
                        if self.src[self.pos..].starts_with(b"\\u") {
                            self.pos += 2;
                            let lo = self.hex4()?;
                            if !(0xDC00..=0xDFFF).contains(&lo) {
                                return Err(lone_surrogate(hi, start));
                            }
                            char::from_u32(0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00))
                        } else {
                            None
                        }
                    }
                    _ => char::from_u32(hi),
                };
                return c.ok_or_else(|| lone_surrogate(hi, start));
            }
            _ => {
                let c = self.text[self.pos..].chars().next().unwrap_or(' ');
                return Err(self.error_here(
                    format!("invalid escape `\\{c}` in a string"),
                    format!("неверная escape-последовательность `\\{c}` в строке"),
                ));
            }
        };
        self.pos += 1;
        Ok(c)
    }

    fn hex4(&mut self) -> Result<u32, ParseError> {
        // Read digit by digit: an export from the Graph API escapes every character outside
        // ASCII, so a Russian template is mostly `\uXXXX`.
        let digits = self.src.get(self.pos..self.pos + 4).unwrap_or_default();
        let unit = digits
            .iter()
            .try_fold(0, |unit, &b| match HEX_DIGIT[usize::from(b)] {
                NOT_HEX => None,
                d => Some(unit << 4 | u32::from(d)),
            });
        match unit {
            Some(unit) if digits.len() == 4 => {
                self.pos += 4;
                Ok(unit)
            }
            _ => Err(self.error_here(
                "invalid \\u escape: expected four hex digits",
                "неверная последовательность \\u: нужны четыре шестнадцатеричные цифры",
            )),
        }
    }
}

/// What each byte is worth as a hex digit, or [`NOT_HEX`].
const HEX_DIGIT: [u8; 256] = {
    let mut table = [NOT_HEX; 256];
    let mut i = 0;
    while i < 16 {
        table[b"0123456789abcdef"[i] as usize] = i as u8;
        table[b"0123456789ABCDEF"[i] as usize] = i as u8;
        i += 1;
    }
    table
};
const NOT_HEX: u8 = 0xFF;

fn lone_surrogate(unit: u32, offset: usize) -> ParseError {
    ParseError {
        message: Msg::new(
            format!("lone surrogate \\u{unit:04x}: it is not half of a valid pair, so it is not a character"),
            format!("одиночный суррогат \\u{unit:04x}: это половина пары, а не символ"),
        ),
        offset,
    }
}

impl Value {
    /// The JSON type name, for error messages.
    pub fn type_name(&self) -> &'static str {
        match self {
            Value::Null => "null",
            Value::Bool(_) => "a boolean",
            Value::Number(_) => "a number",
            Value::String(_) => "a string",
            Value::Array(_) => "an array",
            Value::Object(_) => "an object",
        }
    }
}

impl Node {
    /// Makes every offset in the node relative to `base` (the node's own start, for a node read
    /// out of a larger document and then treated as a document of its own).
    pub fn rebase(&mut self, base: usize) {
        let shift = |span: &mut Span| *span = span.start - base..span.end - base;
        shift(&mut self.span);
        match &mut self.value {
            Value::String(s) => s.map.rebase(base),
            Value::Array(items) => items.iter_mut().for_each(|n| n.rebase(base)),
            Value::Object(members) => {
                for m in members {
                    shift(&mut m.key_span);
                    m.node.rebase(base);
                }
            }
            Value::Null | Value::Bool(_) | Value::Number(_) => {}
        }
    }

    pub fn get(&self, key: &str) -> Option<&Node> {
        match &self.value {
            Value::Object(members) => members.iter().find(|m| m.key == key).map(|m| &m.node),
            _ => None,
        }
    }

    pub fn get_mut(&mut self, key: &str) -> Option<&mut Node> {
        match &mut self.value {
            Value::Object(members) => members
                .iter_mut()
                .find(|m| m.key == key)
                .map(|m| &mut m.node),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn string_of(src: &str) -> JsonString {
        match parse(src).unwrap().value {
            Value::String(s) => s,
            other => panic!("not a string: {other:?}"),
        }
    }

    #[test]
    fn parses_nested_values() {
        let n = parse(r#" {"a": [1, -2.5e3, true, null], "b": {"c": "d"}} "#).unwrap();
        assert_eq!(n.span, 1..48);
        let a = n.get("a").unwrap();
        let Value::Array(items) = &a.value else {
            panic!()
        };
        assert_eq!(items[1].value, Value::Number("-2.5e3".into()));
        assert_eq!(n.get("b").unwrap().get("c").unwrap().span, 43..46);
    }

    /// Text escaped character by character, as the Graph API sends anything outside ASCII,
    /// reads as it would unescaped, each character mapped back to its own escape.
    #[test]
    fn runs_of_escapes_decode_one_by_one() {
        let src = r#""\u0417\u0434\u0440\u0430\u0432\u0441\u0442\u0432\u0443\u0439 \uD83D\uDE00 \u00E9\u00e9""#;
        let s = string_of(src);
        assert_eq!(s.value, "Здравствуй 😀 éé");
        for (i, c) in s.value.char_indices() {
            let at = &src[s.map.to_source(i)..];
            assert!(
                at.starts_with(if c == ' ' { " " } else { "\\u" }),
                "{i}: {at}"
            );
        }
        assert_eq!(s.map.to_source(0), 1);
        assert_eq!(s.map.to_source(2), 7);
        assert_eq!(s.map.to_source("Здравствуй ".len()), 62);
        assert_eq!(s.map.to_source("Здравствуй 😀 ".len()), 75);
    }

    #[test]
    fn decodes_escapes_and_maps_offsets_back() {
        let src = r#""a\u00e9b\nc😀d""#;
        let s = string_of(src);
        assert_eq!(s.value, "aéb\nc😀d");
        // 'a' at decoded 0 -> source 1
        assert_eq!(s.map.to_source(0), 1);
        // 'é' (decoded 1..3) -> the escape \u00e9 at 2..8
        assert_eq!(s.map.to_source(1), 2);
        assert_eq!(s.map.range_to_source(1, 3), 2..8);
        // 'b' at decoded 3 -> source 8
        assert_eq!(s.map.to_source(3), 8);
        // '\n' decoded 4 -> source 9..11
        assert_eq!(s.map.range_to_source(4, 5), 9..11);
        // 😀 decoded 6..10 -> source 12..16 (verbatim)
        assert_eq!(&src[s.map.range_to_source(6, 10)], "😀");
        assert_eq!(&src[s.map.range_to_source(10, 11)], "d");
    }

    #[test]
    fn decodes_surrogate_pairs() {
        let s = string_of(r#""\ud83d\ude00!""#);
        assert_eq!(s.value, "😀!");
        assert_eq!(s.map.range_to_source(0, 4), 1..13);
        assert_eq!(s.map.to_source(4), 13);
    }

    #[test]
    fn rejects_lone_surrogates() {
        let e = parse(r#""\ud800x""#).unwrap_err();
        assert!(e.message.en.contains("lone surrogate"), "{}", e.message.en);
        assert_eq!(e.offset, 1);
        let e = parse(r#""\udc00""#).unwrap_err();
        assert!(e.message.en.contains("lone surrogate"));
    }

    #[test]
    fn keys_read_in_place_and_with_escapes_are_the_same_keys() {
        // A known key, an unknown one, and the same keys written with escapes.
        let n = parse(r#"{"text": 1, "zzz": 2, "t\u0065xt2": 3, "k\"ey": "a\nb"}"#).unwrap();
        assert!(matches!(n.get("text").unwrap().value, Value::Number(ref v) if v == "1"));
        assert!(matches!(n.get("zzz").unwrap().value, Value::Number(ref v) if v == "2"));
        assert!(matches!(n.get("text2").unwrap().value, Value::Number(ref v) if v == "3"));
        let Value::String(s) = &n.get("k\"ey").unwrap().value else {
            panic!("not a string")
        };
        assert_eq!(s.value, "a\nb");
        let Value::Object(members) = &n.value else {
            panic!("not an object")
        };
        assert!(matches!(members[0].key, Cow::Borrowed("text")));
        assert_eq!(members[2].key_span, 22..34);
        // A duplicate is found whichever way the keys were read.
        let e = parse(r#"{"text": 1, "t\u0065xt": 2}"#).unwrap_err();
        assert_eq!(e.message.en, "duplicate key \"text\" in an object");
    }

    #[test]
    fn rejects_duplicate_keys() {
        let e = parse(r#"{"text": "a", "text": "b"}"#).unwrap_err();
        assert_eq!(e.message.en, "duplicate key \"text\" in an object");
        assert_eq!(e.offset, 14);
    }

    #[test]
    fn finds_a_repeated_key_in_a_large_object() {
        let keys: Vec<String> = (0..1000).map(|i| format!("\"k{i}\": {i}")).collect();
        let ok = format!("{{{}}}", keys.join(", "));
        let Value::Object(members) = parse(&ok).unwrap().value else {
            panic!()
        };
        assert_eq!(members.len(), 1000);
        for repeated in ["k0", "k15", "k16", "k999"] {
            let src = format!("{{{}, \"{repeated}\": 0}}", keys.join(", "));
            let e = parse(&src).unwrap_err();
            assert_eq!(
                e.message.en,
                format!("duplicate key \"{repeated}\" in an object")
            );
            assert_eq!(e.offset, src.rfind(&format!("\"{repeated}\"")).unwrap());
        }
    }

    #[test]
    fn reports_errors_with_offsets() {
        let cases = [
            ("{\"a\": 1,}", "trailing comma before `}`", 8),
            ("[1 2]", "expected `,` or `]` in an array, found `2`", 3),
            ("{\"a\" 1}", "expected `:` after an object key, found `1`", 5),
            ("\"abc", "unterminated string", 0),
            ("\"a\nb\"", "control character U+000A must be escaped inside a string (write \\n for a line break)", 2),
            ("{a: 1}", "expected a quoted key in an object, found `a`", 1),
            ("", "expected a JSON value, found the end of the input", 0),
            ("01", "unexpected text after the end of the JSON value", 1),
            ("\"\\x\"", "invalid escape `\\x` in a string", 2),
            ("\"\\u12\"", "invalid \\u escape: expected four hex digits", 3),
            ("\"\\u00g1\"", "invalid \\u escape: expected four hex digits", 3),
            ("\"\\u+041\"", "invalid \\u escape: expected four hex digits", 3),
            ("\"\\u00é1\"", "invalid \\u escape: expected four hex digits", 3),
            ("\"\\uD83D\\u00zz\"", "invalid \\u escape: expected four hex digits", 9),
            ("tru", "expected a JSON value, found `t`", 0),
        ];
        for (src, message, offset) in cases {
            let e = parse(src).unwrap_err();
            assert_eq!(
                (e.message.en.as_str(), e.offset),
                (message, offset),
                "input {src:?}"
            );
            // Checking the shape only finds the same error at the same place, in a value and
            // inside an export.
            let e = parse_shape_streaming(src, &mut |_, _, _| {}).unwrap_err();
            assert_eq!(
                (e.message.en.as_str(), e.offset),
                (message, offset),
                "{src:?}"
            );
            let export = format!(r#"{{"data": [{{"text": {src}}}]}}"#);
            let whole = parse(&export).unwrap_err();
            let shape = parse_shape_streaming(&export, &mut |_, _, _| {}).unwrap_err();
            assert_eq!(shape, whole, "{export:?}");
        }
    }

    /// Checked for its shape, a document has the keys and types it has when read, every
    /// string value empty.
    #[test]
    fn the_shape_is_the_document_without_its_strings() {
        fn emptied(node: &mut Node) {
            match &mut node.value {
                Value::String(s) => {
                    *s = JsonString {
                        value: String::new(),
                        map: SourceMap::verbatim(node.span.start + 1),
                    }
                }
                Value::Array(items) => items.iter_mut().for_each(emptied),
                Value::Object(members) => members.iter_mut().for_each(|m| emptied(&mut m.node)),
                _ => {}
            }
        }
        let src = r#"{"data": [{"name": "a\u00e9", "n": [1, true, null, "\uD83D\uDE00 x"]}, {"\u0074ext": "\"q\" \\ \/ \b\f\n\r\t", "o": {}}], "paging": {"next": "x"}}"#;
        let (mut read, mut checked) = (Vec::new(), Vec::new());
        let mut read_root = parse_streaming(src, &mut |_, _, n| read.push(n)).unwrap();
        let checked_root = parse_shape_streaming(src, &mut |_, _, n| checked.push(n)).unwrap();
        read.iter_mut().for_each(emptied);
        emptied(&mut read_root);
        assert_eq!(checked, read);
        assert_eq!(checked_root, read_root);
        assert!(checked[1].get("text").is_some(), "keys are decoded");
    }

    #[test]
    fn limits_depth() {
        let deep = "[".repeat(MAX_DEPTH + 1) + &"]".repeat(MAX_DEPTH + 1);
        let e = parse(&deep).unwrap_err();
        assert!(e.message.en.contains("nested deeper"));
        let ok = "[".repeat(MAX_DEPTH) + &"]".repeat(MAX_DEPTH);
        assert!(parse(&ok).is_ok());
    }

    #[test]
    fn streams_the_elements_of_a_top_level_array() {
        let src = r#" [{"a": [1]}, "x\n", [2]] "#;
        let mut seen = Vec::new();
        let root = parse_streaming(src, &mut |from, i, node| seen.push((from, i, node))).unwrap();
        assert_eq!(root.value, Value::Array(Vec::new()));
        assert_eq!(root.span, 1..src.len() - 1);
        let Value::Array(whole) = parse(src).unwrap().value else {
            panic!()
        };
        assert_eq!(seen.len(), 3);
        for ((from, i, node), expected) in seen.into_iter().zip(&whole) {
            assert_eq!(from, Streamed::Root);
            assert_eq!(&node, expected, "element {i} as parse() reads it");
        }
    }

    #[test]
    fn streams_the_data_array_of_a_top_level_object_only() {
        let src = r#"{"paging": {"data": [1]}, "data": [{"data": [2]}, {}], "x": [3]}"#;
        let mut seen = Vec::new();
        let root =
            parse_streaming(src, &mut |from, i, node| seen.push((from, i, node.span))).unwrap();
        let at = |s: &str| src.find(s).unwrap()..src.find(s).unwrap() + s.len();
        assert_eq!(
            seen,
            [
                (Streamed::Data, 0, at(r#"{"data": [2]}"#)),
                (Streamed::Data, 1, at("{}"))
            ]
        );
        assert_eq!(root.get("data").unwrap().value, Value::Array(Vec::new()));
        assert_eq!(
            root.get("paging").unwrap().get("data"),
            parse(src).unwrap().get("paging").unwrap().get("data"),
            "a nested data array is kept"
        );
        // A single value, or a `data` that is not an array, streams nothing.
        for src in [
            r#"{"data": 5, "components": [[1]]}"#,
            "[[]]x",
            "{\"a\": [1]}",
        ] {
            let mut n = 0;
            let whole = parse(src);
            let streamed = parse_streaming(src, &mut |_, _, _| n += 1);
            if src.starts_with('[') {
                assert_eq!(streamed.unwrap_err(), whole.unwrap_err());
            } else {
                assert_eq!(streamed.unwrap(), whole.unwrap());
                assert_eq!(n, 0, "{src}");
            }
        }
    }

    #[test]
    fn rebased_nodes_read_as_documents_of_their_own() {
        let src = r#"[1, {"k\u00e9y": ["v\u00e9", 2]}]"#;
        let mut elements = Vec::new();
        parse_streaming(src, &mut |_, _, node| elements.push(node)).unwrap();
        let mut second = elements.pop().unwrap();
        let start = second.span.start;
        let own = &src[second.span.clone()];
        second.rebase(start);
        assert_eq!(second, parse(own).unwrap());
    }

    #[test]
    fn accepts_bom() {
        assert!(parse("\u{feff}{}").is_ok());
    }
}
