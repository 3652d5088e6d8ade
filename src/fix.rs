//! Applying fixes to the input document, keeping everything else as it was written.
//!
//! A replacement inside a JSON string is written back through the string's source map and
//! escaped, so `"Привет,\n{{ 1 }"` becomes `"Привет,\n{{1}}"` with the `\n` untouched; a new
//! component is inserted at the end of the `components` array. Plain-text drafts get the
//! replacements directly.

use crate::diagnostic::{Diagnostic, Edit};
use crate::template::{Document, DocumentKind};
use crate::text::Text;
use crate::{
    lint_document, load_auto, load_json, load_plain_text, InputKind, LintOptions, LoadError,
};
use std::collections::HashMap;
use std::ops::Range;

/// Rounds of fixing before giving up on reaching a fixed point (a fix that re-creates the
/// problem it fixes would otherwise loop).
const MAX_ROUNDS: usize = 8;

/// The outcome of [`fix_all`].
#[derive(Debug, Clone, PartialEq)]
pub struct Fixed {
    pub source: String,
    /// How many edits were applied over all rounds.
    pub applied: usize,
}

/// Lints `source`, applies every fix, and repeats until nothing is left to fix.
pub fn fix_all(source: &str, kind: InputKind, options: &LintOptions) -> Result<Fixed, LoadError> {
    let mut current = source.to_string();
    let mut applied = 0;
    for _ in 0..MAX_ROUNDS {
        let doc = load(&current, kind)?;
        let diagnostics: Vec<Diagnostic> = lint_document(&doc, options)
            .into_iter()
            .flat_map(|r| r.diagnostics)
            .collect();
        let (next, n) = apply(&doc, &diagnostics);
        if n == 0 {
            break;
        }
        applied += n;
        current = next;
    }
    Ok(Fixed {
        source: current,
        applied,
    })
}

fn load(source: &str, kind: InputKind) -> Result<Document, LoadError> {
    match kind {
        InputKind::Auto => load_auto(source),
        InputKind::Json => load_json(source),
        InputKind::PlainText => Ok(load_plain_text(source)),
    }
}

/// A change to the source: replace `range` with `text`.
struct Splice {
    range: Range<usize>,
    text: String,
}

/// Applies the fixes of `diagnostics` to the document's source. Edits that overlap an edit
/// already taken are skipped (the next round of [`fix_all`] picks them up). Returns the new
/// source and the number of edits applied.
pub fn apply(doc: &Document, diagnostics: &[Diagnostic]) -> (String, usize) {
    let mut texts: HashMap<&str, &Text> = HashMap::new();
    for t in &doc.templates {
        t.for_each_text(&mut |text| {
            texts.insert(text.path.as_str(), text);
        });
    }
    let mut splices: Vec<Splice> = Vec::new();
    for fix in diagnostics.iter().filter_map(|d| d.fix.as_ref()) {
        let planned: Option<Vec<Splice>> =
            fix.edits.iter().map(|e| splice(doc, &texts, e)).collect();
        let Some(planned) = planned else { continue };
        let overlaps = |s: &Splice| {
            splices.iter().any(|t| {
                s.range.start < t.range.end && t.range.start < s.range.end || s.range == t.range
            })
        };
        if planned.iter().any(overlaps) {
            continue;
        }
        splices.extend(planned);
    }
    // From the end of the document back, so that each splice's offsets still hold. At one
    // offset, an insertion (`https://` at 0..0) goes in after the replacement that starts there
    // (`{{{1}}}` at 0..7): the other way round, the replacement would cut into the insertion.
    splices.sort_by_key(|s| std::cmp::Reverse((s.range.start, s.range.end)));
    let mut out = doc.source.clone();
    for s in &splices {
        out.replace_range(s.range.clone(), &s.text);
    }
    (out, splices.len())
}

fn splice(doc: &Document, texts: &HashMap<&str, &Text>, edit: &Edit) -> Option<Splice> {
    match edit {
        Edit::Replace { path, range, text } => {
            let field = texts.get(path.as_str())?;
            let origin = field.origin.as_ref()?;
            if !field.value.is_char_boundary(range.start)
                || !field.value.is_char_boundary(range.end)
                || range.start > range.end
            {
                return None;
            }
            let source = origin.map.range_to_source(range.start, range.end);
            let replacement = match doc.kind {
                DocumentKind::Json => escape_json(text),
                DocumentKind::PlainText => text.clone(),
            };
            Some(Splice {
                range: source,
                text: replacement,
            })
        }
        Edit::AddComponent { path, component } => {
            if doc.kind != DocumentKind::Json {
                return None;
            }
            let template = doc
                .templates
                .iter()
                .find(|t| t.field_path("components") == *path)?;
            let span = template.components_span.clone()?;
            let close = span.end - 1; // the `]`
            let inner = doc.source[span.start + 1..close].trim();
            let json = serde_json::to_string(component).ok()?;
            let text = if inner.is_empty() {
                json
            } else {
                format!(", {json}")
            };
            // Insert right after the last element, before any whitespace preceding `]`.
            let at = span.start + 1 + doc.source[span.start + 1..close].trim_end().len();
            Some(Splice {
                range: at..at,
                text,
            })
        }
    }
}

/// The body of a JSON string literal for `s` (without the quotes).
fn escape_json(s: &str) -> String {
    let quoted = serde_json::to_string(s).unwrap_or_default();
    quoted
        .get(1..quoted.len().saturating_sub(1))
        .unwrap_or_default()
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fixes_inside_json_strings_keep_the_escapes() {
        let src = "{\"name\": \"Order Update\", \"language\": \"ru\", \"category\": \"UTILITY\",\n \"components\": [{\"type\": \"BODY\", \"text\": \"Привет,\\n\\u0432аш заказ {{ 1 } готов к выдаче.\", \"example\": {\"body_text\": [[\"x\"]]}}]}";
        let fixed = fix_all(src, InputKind::Json, &LintOptions::default()).unwrap();
        assert!(
            fixed.source.contains("\"name\": \"order_update\""),
            "{}",
            fixed.source
        );
        assert!(
            fixed
                .source
                .contains("\"Привет,\\n\\u0432аш заказ {{1}} готов к выдаче.\""),
            "{}",
            fixed.source
        );
        assert_eq!(fixed.applied, 2);
        // Nothing fixable is left.
        assert_eq!(
            fix_all(&fixed.source, InputKind::Json, &LintOptions::default())
                .unwrap()
                .applied,
            0
        );
    }

    #[test]
    fn adds_components() {
        let src = r#"{"name": "sale", "language": "ru", "category": "MARKETING", "components": [{"type": "BODY", "text": "Новая коллекция уже в магазине, заходите посмотреть."}]}"#;
        let fixed = fix_all(src, InputKind::Json, &LintOptions::default()).unwrap();
        let doc = load_json(&fixed.source).unwrap();
        let footer = doc.templates[0]
            .component(crate::template::ComponentKind::Footer)
            .unwrap();
        assert_eq!(
            footer.text.as_ref().unwrap().value,
            "Ответьте СТОП, чтобы отписаться"
        );
    }

    #[test]
    fn plain_text_replacements() {
        let fixed = fix_all(
            "Здравствуйте, {1}! Код {{ 2 }}.",
            InputKind::PlainText,
            &LintOptions::default(),
        )
        .unwrap();
        assert_eq!(fixed.source, "Здравствуйте, {{1}}! Код {{2}}.");
    }

    #[test]
    fn an_insertion_and_a_replacement_at_one_offset() {
        // `add https://` inserts at 0..0 and the placeholder fix replaces 0..7 of the same URL.
        let src = r#"{"name": "x", "language": "ru", "category": "UTILITY", "components": [{"type": "BODY", "text": "Заказ готов."}, {"type": "BUTTONS", "buttons": [{"type": "URL", "text": "a", "url": "{{{1}}}"}]}]}"#;
        let doc = load_json(src).unwrap();
        let diagnostics: Vec<Diagnostic> = lint_document(&doc, &LintOptions::default())
            .into_iter()
            .flat_map(|r| r.diagnostics)
            .filter(|d| d.path.ends_with("url"))
            .collect();
        let (fixed, n) = apply(&doc, &diagnostics);
        assert_eq!(n, 2);
        assert!(fixed.contains(r#""url": "https://{{1}}""#), "{fixed}");
    }

    #[test]
    fn json_escaping() {
        assert_eq!(escape_json("a\"b\nc"), "a\\\"b\\nc");
    }
}
