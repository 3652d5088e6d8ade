//! One input: what it is (templates, a draft, or something else), its reports template by
//! template, and its fixes.
//!
//! A JSON file is read one template at a time ([`walint::template::scan_json`]): a 50 MB export
//! is never held as a whole tree, nor are its reports, which go to the output as each template
//! is linted. Each template is linted as a document of its own and its positions are moved to
//! where it is in the file.

use super::discover::{Input, Origin};
use walint::template::{scan_json, Holds, JsonTemplates};
use walint::text::{Cursor, DocRange, Position};
use walint::{InputKind, LintOptions, LoadError, TemplateReport};

/// What to do with an input.
pub enum Plan<'s> {
    /// Found in a folder and not a template: skipped, and counted.
    Skip,
    /// Named on the command line (or included) but not a template: an error.
    NotATemplate,
    /// Meant as templates but unreadable (a JSON syntax error, a field of the wrong type).
    Broken(LoadError),
    Json(JsonTemplates<'s>),
    /// A plain-text draft; `fixable` when it is a `.txt` file.
    Text {
        fixable: bool,
    },
}

/// Decides what an input is. A `.json` file is JSON, a `.txt` file a draft; anything else
/// (standard input, other names) is JSON when it starts like JSON, else a draft.
///
/// A file found in a folder is checked only if it holds templates ([`Holds::Templates`]); if
/// it is not valid JSON, only if it has a `"components"` key (a template being edited, not a
/// `tsconfig.json` with comments).
pub fn plan<'s>(input: &Input, origin: Origin, source: &'s str) -> Plan<'s> {
    let extension = input.extension();
    let json = match extension.as_deref() {
        Some("json") => true,
        Some("txt") => false,
        _ => walint::template::looks_like_json(source),
    };
    if !json {
        return match origin {
            Origin::Found => Plan::Skip,
            _ => Plan::Text {
                fixable: extension.as_deref() == Some("txt"),
            },
        };
    }
    let scan = match scan_json(source) {
        Ok(scan) => scan,
        Err(_) if origin == Origin::Found && !has_components_key(source) => return Plan::Skip,
        Err(e) => return Plan::Broken(e),
    };
    match (origin, scan.holds, &scan.error) {
        (Origin::Found, Holds::Nothing | Holds::SomethingElse, _) => Plan::Skip,
        (_, _, Some(e)) => Plan::Broken(e.clone()),
        (_, Holds::SomethingElse, None) => Plan::NotATemplate,
        (_, Holds::Templates | Holds::Nothing, None) => Plan::Json(scan),
    }
}

/// `"components"` followed by `:`, the key of every template.
fn has_components_key(source: &str) -> bool {
    source.match_indices("\"components\"").any(|(i, key)| {
        source[i + key.len()..]
            .trim_start_matches([' ', '\t', '\r', '\n'])
            .starts_with(':')
    })
}

/// Lints every template of a planned input, handing each report to `each` in document order.
/// Diagnostics carry positions in the whole input.
pub fn each_report(
    plan: &Plan<'_>,
    source: &str,
    linter: &walint::Linter,
    each: &mut dyn FnMut(TemplateReport),
) {
    match plan {
        Plan::Json(scan) => {
            let mut cursor = Cursor::new(source);
            // `scan.error` is `None` for a planned document, so every template is handed over.
            let _ = scan.for_each(&mut |piece| {
                let base = cursor.position(piece.span.start);
                for mut report in linter.lint_document(&piece.document) {
                    for d in &mut report.diagnostics {
                        if let Some(l) = &mut d.location {
                            *l = moved(*l, base);
                        }
                    }
                    each(report);
                }
            });
        }
        Plan::Text { .. } => {
            let doc = walint::load_plain_text(source);
            linter.lint_document(&doc).into_iter().for_each(each);
        }
        Plan::Skip | Plan::NotATemplate | Plan::Broken(_) => {}
    }
}

/// A range in a template's own text, moved to where that text starts in the file (`base`).
fn moved(range: DocRange, base: Position) -> DocRange {
    let shift = |p: Position| Position {
        offset: p.offset + base.offset,
        line: p.line + base.line - 1,
        column: if p.line == 1 {
            p.column + base.column - 1
        } else {
            p.column
        },
    };
    DocRange {
        start: shift(range.start),
        end: shift(range.end),
    }
}

/// The input with every available fix applied, and the number of edits; `None` when the input
/// is not a template file walint may rewrite (only JSON templates and `.txt` drafts are) or
/// nothing was fixed. JSON is fixed one template at a time; what lies between the templates is
/// kept byte for byte.
pub fn fixed(plan: &Plan<'_>, source: &str, options: &LintOptions) -> Option<(String, usize)> {
    let (text, edits) = match plan {
        Plan::Json(scan) if scan.holds == Holds::Templates => {
            let mut out = String::with_capacity(source.len());
            let mut copied = 0;
            let mut edits = 0;
            let _ = scan.for_each(&mut |piece| {
                let Ok(fixed) =
                    walint::fix::fix_all(&piece.document.source, InputKind::Json, options)
                else {
                    return;
                };
                if fixed.applied > 0 {
                    out.push_str(&source[copied..piece.span.start]);
                    out.push_str(&fixed.source);
                    copied = piece.span.end;
                    edits += fixed.applied;
                }
            });
            out.push_str(&source[copied..]);
            (out, edits)
        }
        Plan::Text { fixable: true } => {
            let fixed = walint::fix::fix_all(source, InputKind::PlainText, options).ok()?;
            (fixed.source, fixed.applied)
        }
        _ => return None,
    };
    (edits > 0).then_some((text, edits))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    fn file(name: &str) -> Input {
        Input::File(PathBuf::from(name))
    }

    fn kind(p: &Plan<'_>) -> &'static str {
        match p {
            Plan::Skip => "skip",
            Plan::NotATemplate => "not a template",
            Plan::Broken(_) => "broken",
            Plan::Json(_) => "json",
            Plan::Text { fixable: true } => "fixable text",
            Plan::Text { fixable: false } => "text",
        }
    }

    #[test]
    fn plans() {
        let template =
            r#"{"name": "a", "language": "en", "category": "UTILITY", "components": []}"#;
        let package = r#"{"name": "My Package", "version": "1.0.0"}"#;
        let cases = [
            ("t.json", Origin::Found, template, "json"),
            ("package.json", Origin::Found, package, "skip"),
            ("package.json", Origin::Named, package, "not a template"),
            ("package.json", Origin::Included, package, "not a template"),
            ("tsconfig.json", Origin::Found, "{// comment\n}", "skip"),
            ("t.json", Origin::Found, "{\"components\": [,]}", "broken"),
            ("t.json", Origin::Named, "{// comment\n}", "broken"),
            ("t.json", Origin::Found, "[]", "skip"),
            ("t.json", Origin::Named, "[]", "json"),
            ("t.json", Origin::Found, r#"[{"components": 5}]"#, "skip"),
            (
                "t.json",
                Origin::Found,
                r#"[{"name": "a", "category": "UTILITY", "components": 5}]"#,
                "broken",
            ),
            (
                "t.json",
                Origin::Found,
                r#"[{"components": []}, 5]"#,
                "broken",
            ),
            ("t.json", Origin::Found, "[1, 2]", "skip"),
            ("d.txt", Origin::Named, "Привет, {{1}}!", "fixable text"),
            ("d.txt", Origin::Included, "Привет, {{1}}!", "fixable text"),
            ("d.txt", Origin::Found, "Привет, {{1}}!", "skip"),
            ("README.md", Origin::Named, "# Hello {1}", "text"),
            ("draft", Origin::Named, template, "json"),
        ];
        for (name, origin, source, expected) in cases {
            assert_eq!(
                kind(&plan(&file(name), origin, source)),
                expected,
                "{name} {origin:?} {source}"
            );
        }
        assert_eq!(kind(&plan(&Input::Stdin, Origin::Named, "")), "text");
    }

    /// Linting template by template gives what linting the whole document gives.
    #[test]
    fn reports_match_the_whole_document() {
        let one = r#"{"name": "Sale Now", "language": "ru", "category": "UTILITY",
  "components": [{"type": "BODY", "text": "Скидка\r\n{{1}}{{2}} на caf\u00e9 wa.me/1 {{ 3 }"},
                 {"type": "BUTTONS", "buttons": [{"type": "URL", "text": "a", "url": "x"},
                   {"type": "URL", "text": "b", "url": "y"}, {"type": "URL", "text": "c", "url": "z"}]}]}"#;
        for source in [
            one.to_string(),
            format!("[\r\n  {one},\n\t{one}\r]"),
            format!("{{\"paging\": {{}}, \"data\": [{one}, {one}]}}"),
        ] {
            let options = LintOptions::default();
            let whole = walint::lint_source(&source, InputKind::Json, &options).unwrap();
            let p = plan(&file("t.json"), Origin::Found, &source);
            let mut pieces = Vec::new();
            let linter = walint::Linter::new(options.clone());
            each_report(&p, &source, &linter, &mut |r| pieces.push(r));
            assert!(whole.iter().any(|r| r.diagnostics.len() > 3));
            assert_eq!(pieces, whole, "{source}");
        }
    }

    #[test]
    fn fixes_only_templates_and_keeps_the_rest_byte_for_byte() {
        let options = LintOptions::default();
        let source = "[\n  {\"name\": \"Order Update\", \"category\": \"UTILITY\", \"components\": [{\"type\": \"BODY\", \"text\": \"Заказ {{ 1 } готов.\"}]} ,\n\n  {\"name\": \"ok\", \"language\": \"ru\", \"category\": \"UTILITY\", \"components\": []}\n]\n";
        let p = plan(&file("t.json"), Origin::Found, source);
        let (text, edits) = fixed(&p, source, &options).unwrap();
        let whole = walint::fix::fix_all(source, InputKind::Json, &options).unwrap();
        assert_eq!(
            (text.as_str(), edits),
            (whole.source.as_str(), whole.applied)
        );
        assert!(text.ends_with("} ,\n\n  {\"name\": \"ok\", \"language\": \"ru\", \"category\": \"UTILITY\", \"components\": []}\n]\n"));
        for (name, origin, source) in [
            ("package.json", Origin::Named, r#"{"name": "My Package"}"#),
            ("README.md", Origin::Named, "Hello {1}"),
            ("t.json", Origin::Named, "[]"),
        ] {
            let p = plan(&file(name), origin, source);
            assert!(fixed(&p, source, &options).is_none(), "{name}");
        }
        let p = plan(&file("d.txt"), Origin::Named, "Hello {1}");
        assert_eq!(fixed(&p, "Hello {1}", &options).unwrap().0, "Hello {{1}}");
    }
}
