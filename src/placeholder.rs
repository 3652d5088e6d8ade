//! The one placeholder tokenizer every rule uses.
//!
//! Meta accepts `{{1}}`, `{{2}}`, … (positional) or `{{first_name}}` (named: lowercase letters,
//! digits and underscores). People type many near misses: `{{ 1 }}`, `{{ 1 }`, `{1}`,
//! `{{{1}}}`, `{{}}`, `{{First Name}}`, `{{#1}}`, and the seed articles' `{{подстановка 1}}` and
//! `<<подстановка 1>>`. Each of those is returned as a [`Problem`] with the exact range and, when
//! the intent is clear, the placeholder that was probably meant, so rules can report and fix
//! them precisely. Single braces around anything that is not a number or a parameter name
//! (`{embed-name}`) are left alone: that is text, not a placeholder.

use crate::text::floor_char;
use std::ops::Range;

/// Meta's limit on named parameters (its editor: `NAMED_PARAMETER_TOO_LONG`).
pub const MAX_NAME_LEN: usize = 32;

/// Longest text between braces still read as an attempted placeholder.
const MAX_INNER: usize = 64;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Placeholder {
    /// The whole token, braces included (byte offsets in the field text).
    pub range: Range<usize>,
    pub kind: Kind,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Kind {
    /// `{{3}}`. Zero and leading zeros are valid syntax here and reported by the sequence rule.
    Positional(u32),
    /// `{{order_id}}`.
    Named(String),
    /// Anything that was meant as a placeholder but Meta will not read as one.
    Malformed {
        problem: Problem,
        /// The placeholder that was probably meant, e.g. `{{1}}` for `{{ 1 }`.
        suggestion: Option<String>,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Problem {
    /// `{{ 1 }}`: spaces inside the braces.
    SpacesInside,
    /// `{1}`: one brace on each side.
    SingleBraces,
    /// `{{1}`, `{1}}`, `{{1`, `1}}`: the braces do not pair up.
    Unbalanced,
    /// `{{{1}}}`.
    TripleBraces,
    /// `{{}}`.
    Empty,
    /// `{{First Name}}`, `{{#1}}`, `{{подстановка 1}}`, `{{first-name}}`.
    InvalidName,
    /// `<<подстановка 1>>`.
    AngleBrackets,
    /// `{{99999999999}}`: a number too large to be a position.
    NumberTooLarge,
}

impl Placeholder {
    pub fn is_valid(&self) -> bool {
        !matches!(self.kind, Kind::Malformed { .. })
    }

    /// The number or name of a valid placeholder: equal keys are the same parameter.
    pub fn key(&self) -> Option<Key<'_>> {
        match &self.kind {
            Kind::Positional(n) => Some(Key::Positional(*n)),
            Kind::Named(s) => Some(Key::Named(s)),
            Kind::Malformed { .. } => None,
        }
    }
}

/// Which parameter a placeholder stands for (borrowed: counting distinct parameters of a long
/// text allocates nothing per placeholder).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Key<'p> {
    Positional(u32),
    Named(&'p str),
}

/// Finds every placeholder and attempted placeholder in `text`, in order, not overlapping.
pub fn scan(text: &str) -> Vec<Placeholder> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'{' => {
                let (token, next) = open_brace(text, i);
                out.extend(token);
                i = next;
            }
            b'}' => {
                let (token, next) = stray_close(text, i, out.last().map_or(0, |p| p.range.end));
                out.extend(token);
                i = next;
            }
            b'<' if bytes.get(i + 1) == Some(&b'<') => {
                let (token, next) = angle(text, i);
                out.extend(token);
                i = next;
            }
            // Most text has no brace or angle bracket: skip to the next one.
            _ => i = next_mark(bytes, i + 1),
        }
    }
    out
}

/// The position of the next byte that can start a placeholder (`{`, `}`, `<`) from `at`.
fn next_mark(bytes: &[u8], at: usize) -> usize {
    use crate::text::bytes::{find, has};
    find(
        bytes,
        at,
        |w| has(w, b'{') || has(w, b'}') || has(w, b'<'),
        |b| matches!(b, b'{' | b'}' | b'<'),
    )
}

fn run_len(bytes: &[u8], at: usize, b: u8) -> usize {
    bytes[at..].iter().take_while(|&&x| x == b).count()
}

/// Handles a run of `{` at `start`. Returns the token (if any) and where to continue.
fn open_brace(text: &str, start: usize) -> (Option<Placeholder>, usize) {
    let bytes = text.as_bytes();
    let opens = run_len(bytes, start, b'{');
    let inner_start = start + opens;
    // The inner text ends at the first `}`; a newline, another `{` or a long stretch means
    // these braces do not enclose a placeholder.
    let mut j = inner_start;
    while j < bytes.len()
        && j - inner_start <= MAX_INNER
        && !matches!(bytes[j], b'}' | b'{' | b'\n')
    {
        j += 1;
    }
    let closed = j < bytes.len() && bytes[j] == b'}';
    if !closed {
        if opens >= 2 {
            // `{{1` or `{{name` never closed: report the braces and the word after them.
            let word_end = inner_start
                + text[inner_start..]
                    .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == '#'))
                    .unwrap_or(text.len() - inner_start)
                    .min(MAX_INNER);
            let inner = &text[inner_start..floor_char(text, word_end)];
            let end = inner_start + inner.len();
            return (
                Some(malformed(start..end, Problem::Unbalanced, suggest(inner))),
                end.max(start + opens),
            );
        }
        return (None, start + opens);
    }
    let inner = &text[inner_start..j];
    let closes = run_len(bytes, j, b'}');
    let end = j + closes;
    let range = start..end;
    let token = match (opens, closes) {
        (2, 2) => Some(classify(inner, range)),
        (1, 1) => {
            let trimmed = inner.trim();
            if is_number(trimmed) || is_name(inner) {
                Some(malformed(range, Problem::SingleBraces, suggest(trimmed)))
            } else {
                None // `{embed-name}`, `{ }`: ordinary text
            }
        }
        (3, 3) => Some(malformed(
            range,
            Problem::TripleBraces,
            suggest(inner.trim()),
        )),
        _ => Some(malformed(range, Problem::Unbalanced, suggest(inner.trim()))),
    };
    (token, end)
}

/// A `}` that no `{` opened. `1}}` is reported (with the word before it); a single `}` is text.
fn stray_close(text: &str, at: usize, floor: usize) -> (Option<Placeholder>, usize) {
    let bytes = text.as_bytes();
    let closes = run_len(bytes, at, b'}');
    if closes < 2 {
        return (None, at + closes);
    }
    let before = &text[floor..at];
    let word = before
        .rfind(|c: char| !(c.is_alphanumeric() || c == '_'))
        .map_or(before, |k| {
            &before[k + before[k..].chars().next().map_or(1, char::len_utf8)..]
        });
    let start = at - word.len();
    (
        Some(malformed(
            start..at + closes,
            Problem::Unbalanced,
            suggest(word),
        )),
        at + closes,
    )
}

/// `<<подстановка 1>>`.
fn angle(text: &str, start: usize) -> (Option<Placeholder>, usize) {
    let inner_start = start + 2;
    let rest = &text[inner_start..];
    let limit = floor_char(rest, rest.len().min(MAX_INNER + 2));
    match rest[..limit].find(">>") {
        Some(k) if k > 0 && !rest[..k].contains(['\n', '<', '>']) => {
            let inner = rest[..k].trim();
            let end = inner_start + k + 2;
            (
                Some(malformed(
                    start..end,
                    Problem::AngleBrackets,
                    suggest(inner),
                )),
                end,
            )
        }
        _ => (None, start + 2),
    }
}

fn classify(inner: &str, range: Range<usize>) -> Placeholder {
    if inner.is_empty() {
        return malformed(range, Problem::Empty, None);
    }
    if is_number(inner) {
        return match inner.parse::<u32>() {
            Ok(n) => Placeholder {
                range,
                kind: Kind::Positional(n),
            },
            Err(_) => malformed(range, Problem::NumberTooLarge, None),
        };
    }
    if is_name(inner) {
        return Placeholder {
            range,
            kind: Kind::Named(inner.to_string()),
        };
    }
    let trimmed = inner.trim();
    if trimmed != inner && (is_number(trimmed) || is_name(trimmed)) {
        return malformed(range, Problem::SpacesInside, suggest(trimmed));
    }
    malformed(range, Problem::InvalidName, suggest(trimmed))
}

fn malformed(range: Range<usize>, problem: Problem, suggestion: Option<String>) -> Placeholder {
    Placeholder {
        range,
        kind: Kind::Malformed {
            problem,
            suggestion,
        },
    }
}

fn is_number(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

/// A valid named parameter: lowercase Latin letters, digits and underscores, not starting with
/// a digit (which would read as a position).
pub fn is_name(s: &str) -> bool {
    let mut bytes = s.bytes();
    matches!(bytes.next(), Some(b'a'..=b'z' | b'_'))
        && bytes.all(|b| matches!(b, b'a'..=b'z' | b'0'..=b'9' | b'_'))
}

/// The placeholder probably meant by a malformed inner text.
///
/// `1` / `#1` / `подстановка 1` → `{{1}}` (a number in it is the position); `First Name` →
/// `{{first_name}}`; `имя клиента` → `{{imia_klienta}}` (transliterated, [`crate::translit`],
/// because named parameters must be Latin).
fn suggest(inner: &str) -> Option<String> {
    let inner = inner.trim();
    if is_number(inner) {
        return Some(format!("{{{{{inner}}}}}"));
    }
    // A descriptive name with a number in it (`подстановка 1`, `#1`, `var 2`) means position 2.
    let digits: Vec<&str> = inner
        .split(|c: char| !c.is_ascii_digit())
        .filter(|s| !s.is_empty())
        .collect();
    if digits.len() == 1 && !inner.chars().any(|c| c.is_ascii_alphabetic()) {
        return Some(format!(
            "{{{{{}}}}}",
            digits[0].trim_start_matches('0').max("0")
        ));
    }
    let name = crate::translit::snake_case(inner);
    if is_name(&name) && name.len() <= MAX_NAME_LEN {
        Some(format!("{{{{{name}}}}}"))
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(text: &str) -> Placeholder {
        let v = scan(text);
        assert_eq!(v.len(), 1, "{text:?} gave {v:?}");
        v.into_iter().next().unwrap()
    }

    fn problem(text: &str) -> (Problem, Option<String>, &str) {
        let p = one(text);
        match p.kind {
            Kind::Malformed {
                problem,
                suggestion,
            } => (problem, suggestion, &text[p.range]),
            other => panic!("{text:?} was read as valid: {other:?}"),
        }
    }

    #[test]
    fn valid_placeholders() {
        let v = scan("Hi {{1}}, order {{order_id}} ships {{2}}.");
        assert_eq!(v.len(), 3);
        assert_eq!(v[0].kind, Kind::Positional(1));
        assert_eq!(v[0].range, 3..8);
        assert_eq!(v[1].kind, Kind::Named("order_id".into()));
        assert_eq!(v[2].kind, Kind::Positional(2));
        assert!(v.iter().all(Placeholder::is_valid));
    }

    #[test]
    fn malformed_forms_from_the_issue() {
        let s = |x: &str| Some(x.to_string());
        assert_eq!(
            problem("a {{ 1 } b"),
            (Problem::Unbalanced, s("{{1}}"), "{{ 1 }")
        );
        assert_eq!(
            problem("a {{ 1 }} b"),
            (Problem::SpacesInside, s("{{1}}"), "{{ 1 }}")
        );
        assert_eq!(
            problem("a {1} b"),
            (Problem::SingleBraces, s("{{1}}"), "{1}")
        );
        assert_eq!(
            problem("a {{{1}}} b"),
            (Problem::TripleBraces, s("{{1}}"), "{{{1}}}")
        );
        assert_eq!(problem("a {{}} b"), (Problem::Empty, None, "{{}}"));
        assert_eq!(
            problem("a {{First Name}} b"),
            (Problem::InvalidName, s("{{first_name}}"), "{{First Name}}")
        );
        assert_eq!(
            problem("a {{#1}} b"),
            (Problem::InvalidName, s("{{1}}"), "{{#1}}")
        );
        assert_eq!(
            problem("нам {{подстановка 1}}."),
            (Problem::InvalidName, s("{{1}}"), "{{подстановка 1}}")
        );
        assert_eq!(
            problem("нам <<подстановка 2>>."),
            (Problem::AngleBrackets, s("{{2}}"), "<<подстановка 2>>")
        );
        assert_eq!(
            problem("{{имя клиента}}"),
            (
                Problem::InvalidName,
                s("{{imia_klienta}}"),
                "{{имя клиента}}"
            )
        );
    }

    #[test]
    fn more_unbalanced_forms() {
        let s = |x: &str| Some(x.to_string());
        assert_eq!(
            problem("a {1}} b"),
            (Problem::Unbalanced, s("{{1}}"), "{1}}")
        );
        assert_eq!(problem("a {{1 b"), (Problem::Unbalanced, s("{{1}}"), "{{1"));
        assert_eq!(
            problem("a {{name"),
            (Problem::Unbalanced, s("{{name}}"), "{{name")
        );
        assert_eq!(problem("a 1}} b"), (Problem::Unbalanced, s("{{1}}"), "1}}"));
        assert_eq!(
            problem("{{first-name}}"),
            (Problem::InvalidName, s("{{first_name}}"), "{{first-name}}")
        );
        assert_eq!(problem("{{99999999999}}").0, Problem::NumberTooLarge);
    }

    #[test]
    fn text_that_is_not_a_placeholder() {
        assert!(scan("Этот контент импортирован из {embed-name}.").is_empty());
        assert!(scan("a { b } c").is_empty());
        assert!(scan("x < y and y << 2").is_empty());
        assert!(scan("a } b").is_empty());
        assert!(scan("{\n1}").is_empty());
    }

    #[test]
    fn pathological_inputs_are_linear_and_safe() {
        let braces = "{".repeat(100_000);
        assert!(scan(&braces).len() <= 1);
        let closes = "}".repeat(100_000);
        assert_eq!(scan(&closes).len(), 1);
        let mixed = "{{1}}".repeat(20_000);
        assert_eq!(scan(&mixed).len(), 20_000);
        let emoji = "{{😀".repeat(1000);
        for p in scan(&emoji) {
            assert!(emoji.is_char_boundary(p.range.start) && emoji.is_char_boundary(p.range.end));
        }
    }

    #[test]
    fn adjacent_placeholders_are_separate_tokens() {
        let v = scan("{{1}}{{2}}");
        assert_eq!(
            v.iter().map(|p| p.range.clone()).collect::<Vec<_>>(),
            vec![0..5, 5..10]
        );
    }
}
