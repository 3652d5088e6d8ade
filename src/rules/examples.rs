//! The examples of a rule's documentation, read so that they can run as tests: every `Fails`,
//! `Warns` and `Passes` line of the `## Examples` section is checked against the rule.
//!
//! A line reads `Fails (CONTEXT, …): `input`; `input` (notes)`: a kind, an optional context
//! in parentheses, a colon, and one or more inputs in backticks (text outside backticks is
//! prose). The contexts are a category (`MARKETING`, `UTILITY`, `AUTHENTICATION`) for the
//! template around the input, a profile (`business-app`, `api`) and `owned <domain>`.
//! An input is
//! - a whole template: a JSON object with `components`;
//! - a component (`{"type": "FOOTER", …}`) or a button (`{"type": "URL", …}`), added to a
//!   template with a plain body;
//! - top-level members (`"language": "en-US"`) that replace those of that template;
//! - otherwise the body text, where `\n` is a line break, `\uXXXX` a character, and a final
//!   `×N` repeats the text N times (`а×501`).
//!
//! `Fails` expects an error of the rule, `Warns` a warning and no error, `Info` an info and
//! nothing graver, `Passes` no finding.
//! `Fixes: `input` → `output`` applies the rule's fixes to the input: the result must be the
//! output, and the rule must find nothing in it.

use crate::options::{LintOptions, Profile};
use serde_json::{json, Map, Value};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Expect {
    Fails,
    Warns,
    /// An info, and nothing graver.
    Info,
    Passes,
    /// Fixing gives this template.
    Fixes(String),
}

/// One input of the documentation, ready to lint.
#[derive(Debug)]
pub struct Example {
    pub expect: Expect,
    /// The line it comes from, for failure messages.
    pub line: String,
    pub input: String,
    pub options: LintOptions,
}

const COMPONENT_TYPES: [&str; 7] = [
    "HEADER",
    "BODY",
    "FOOTER",
    "BUTTONS",
    "CAROUSEL",
    "LIMITED_TIME_OFFER",
    "CALL_PERMISSION_REQUEST",
];

/// The examples of `docs`, or a description of what is wrong with a line.
pub fn parse(docs: &str) -> Result<Vec<Example>, String> {
    let Some((_, section)) = docs.split_once("## Examples") else {
        return Err("no `## Examples` section".into());
    };
    let section = section.split("\n## ").next().unwrap_or(section);
    let mut out = Vec::new();
    // A line may wrap: an example is a paragraph line that starts with a kind, plus the lines
    // after it up to the next kind or blank line.
    let mut lines: Vec<String> = Vec::new();
    for line in section.lines() {
        let starts = ["Fails", "Warns", "Info", "Passes", "Fixes"]
            .iter()
            .any(|k| line.starts_with(k));
        match lines.last_mut() {
            Some(last) if !starts && !line.trim().is_empty() => {
                last.push(' ');
                last.push_str(line.trim());
            }
            _ if starts => lines.push(line.trim().to_string()),
            _ => {}
        }
    }
    for line in lines {
        let (head, rest) = line
            .split_once(':')
            .ok_or_else(|| format!("no colon in {line:?}"))?;
        let (kind, context) = match head.split_once('(') {
            Some((k, c)) => (k.trim(), c.trim_end_matches(')').trim()),
            None => (head.trim(), ""),
        };
        let expect = match kind {
            "Fails" => Expect::Fails,
            "Warns" => Expect::Warns,
            "Info" => Expect::Info,
            "Passes" => Expect::Passes,
            "Fixes" => Expect::Fixes(String::new()),
            _ => return Err(format!("unknown kind {kind:?} in {line:?}")),
        };
        let mut options = LintOptions::default();
        let mut category = None;
        for c in context.split(',').map(str::trim).filter(|c| !c.is_empty()) {
            let c = c.trim_matches('`');
            match c {
                "MARKETING" | "UTILITY" | "AUTHENTICATION" => category = Some(c),
                _ if Profile::parse(c).is_some() => {
                    options.profile = Profile::parse(c).expect("checked");
                }
                _ if c.starts_with("owned ") => options
                    .owned_domains
                    .push(c["owned ".len()..].trim_matches('`').to_string()),
                _ => return Err(format!("unknown context {c:?} in {line:?}")),
            }
        }
        let spans = code_spans(rest);
        if spans.is_empty() {
            return Err(format!("no input in backticks in {line:?}"));
        }
        if expect == Expect::Fixes(String::new()) {
            let [input, output] = &spans[..] else {
                return Err(format!("a Fixes line needs `input` → `output`: {line:?}"));
            };
            out.push(Example {
                expect: Expect::Fixes(template(output, category)?),
                line: line.clone(),
                input: template(input, category)?,
                options,
            });
            continue;
        }
        for span in spans {
            out.push(Example {
                expect: expect.clone(),
                line: line.clone(),
                input: template(&span, category)?,
                options: options.clone(),
            });
        }
    }
    if out.is_empty() {
        return Err("no Fails/Passes line".into());
    }
    Ok(out)
}

/// The texts between single backticks (a run of three is a literal ```), except those in a
/// parenthesised note (`(fix: `+7 495 …`)`).
fn code_spans(line: &str) -> Vec<String> {
    let mut spans = Vec::new();
    let mut rest = line;
    let mut depth = 0usize;
    while let Some(start) = rest.find('`') {
        for c in rest[..start].chars() {
            match c {
                '(' => depth += 1,
                ')' => depth = depth.saturating_sub(1),
                _ => {}
            }
        }
        let after = &rest[start + 1..];
        // A span ends at the next backtick that is not part of a run of three (a monospace
        // fence ``` inside an example stays in it).
        let mut end = None;
        let bytes = after.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            if bytes[i..].starts_with(b"```") {
                i += 3;
            } else if bytes[i] == b'`' {
                end = Some(i);
                break;
            } else {
                i += 1;
            }
        }
        let Some(end) = end else { break };
        if depth == 0 {
            spans.push(after[..end].to_string());
        }
        rest = &after[end + 1..];
    }
    spans
}

/// The JSON template an input stands for.
fn template(span: &str, category: Option<&str>) -> Result<String, String> {
    let body = |text: &str| json!({"type": "BODY", "text": text});
    let around = |components: Vec<Value>, sample: &str| {
        let cyrillic = sample
            .chars()
            .any(|c| ('\u{0400}'..='\u{04FF}').contains(&c));
        json!({
            "name": "example",
            "language": if cyrillic { "ru" } else { "en_US" },
            "category": category.unwrap_or("MARKETING"),
            "components": components,
        })
    };
    let span = span.trim();
    // JSON: an object (`{"…`), not a text that starts with a placeholder (`{{1}}, …`).
    if span.starts_with('{') && span[1..].trim_start().starts_with('"') {
        let value: Value =
            serde_json::from_str(span).map_err(|e| format!("{span}: not JSON: {e}"))?;
        if value.get("components").is_some() {
            let mut value = value;
            if let (Some(c), Some(obj)) = (category, value.as_object_mut()) {
                obj.entry("category").or_insert(json!(c));
            }
            return Ok(value.to_string());
        }
        let kind = value.get("type").and_then(Value::as_str).unwrap_or("");
        let text = "Ваш заказ готов к выдаче.";
        let components = if COMPONENT_TYPES.contains(&kind.to_ascii_uppercase().as_str()) {
            if kind.eq_ignore_ascii_case("BODY") {
                vec![value]
            } else {
                vec![body(text), value]
            }
        } else {
            vec![body(text), json!({"type": "BUTTONS", "buttons": [value]})]
        };
        return Ok(around(components, text).to_string());
    }
    if span.starts_with('"') {
        let members: Map<String, Value> = serde_json::from_str(&format!("{{{span}}}"))
            .map_err(|e| format!("{span}: not JSON members: {e}"))?;
        let mut value = around(vec![body("Ваш заказ готов к выдаче.")], "Ваш");
        for (k, v) in members {
            value[k] = v;
        }
        return Ok(value.to_string());
    }
    let text = unescape(span)?;
    Ok(around(vec![body(&text)], &text).to_string())
}

/// `\n`, `\t`, `\uXXXX` and a final `×N`.
fn unescape(span: &str) -> Result<String, String> {
    let (text, times) = match span.rsplit_once('×') {
        Some((t, n)) if !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()) => {
            (t, n.parse::<usize>().map_err(|e| e.to_string())?)
        }
        _ => (span, 1),
    };
    let mut out = String::new();
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') => out.push('\n'),
            Some('t') => out.push('\t'),
            Some('u') => {
                let hex: String = chars.by_ref().take(4).collect();
                let code = u32::from_str_radix(&hex, 16).map_err(|e| format!("\\u{hex}: {e}"))?;
                out.push(char::from_u32(code).ok_or(format!("\\u{hex}: not a character"))?);
            }
            Some(other) => {
                out.push('\\');
                out.push(other);
            }
            None => out.push('\\'),
        }
    }
    Ok(out.repeat(times))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Severity;
    use crate::moderation::FixKind;
    use crate::rules::Rule;

    #[test]
    fn every_rule_has_runnable_examples_that_hold() {
        let mut problems = Vec::new();
        for rule in super::super::ALL {
            let examples = match parse(rule.docs) {
                Ok(e) => e,
                Err(e) => {
                    problems.push(format!("{}: {e}", rule.id));
                    continue;
                }
            };
            if !examples.iter().any(|e| e.expect != Expect::Passes) {
                problems.push(format!("{}: no Fails or Warns example", rule.id));
            }
            if !examples.iter().any(|e| e.expect == Expect::Passes) {
                problems.push(format!("{}: no Passes example", rule.id));
            }
            let fixes = examples
                .iter()
                .filter(|e| matches!(e.expect, Expect::Fixes(_)))
                .count();
            match (rule.fix, fixes) {
                (FixKind::None, 0) => {}
                (FixKind::None, _) => {
                    problems.push(format!("{}: has Fixes lines but declares no fix", rule.id));
                }
                (_, 0) => {
                    problems.push(format!("{}: declares fixes but has no Fixes line", rule.id))
                }
                _ => {}
            }
            for e in examples {
                if let Expect::Fixes(expected) = &e.expect {
                    if let Err(p) = check_fix(rule, &e.input, expected, &e.options) {
                        problems.push(format!("{}: {p}\n    line: {}", rule.id, e.line));
                    }
                    continue;
                }
                let found = super::super::testing::run_with(rule, &e.input, &e.options);
                if rule.fix == FixKind::None {
                    if let Some(d) = found.iter().find(|d| d.fix.is_some()) {
                        problems.push(format!(
                            "{}: declares no fix but offers {:?}",
                            rule.id, d.fix
                        ));
                    }
                }
                let has = |s: Severity| found.iter().any(|d| d.severity == s);
                let holds = match e.expect {
                    Expect::Fails => has(Severity::Error),
                    Expect::Warns => has(Severity::Warning) && !has(Severity::Error),
                    Expect::Info => {
                        has(Severity::Info) && !has(Severity::Warning) && !has(Severity::Error)
                    }
                    Expect::Passes => found.is_empty(),
                    Expect::Fixes(_) => unreachable!("checked above"),
                };
                if !holds {
                    let got: Vec<String> = found
                        .iter()
                        .map(|d| format!("{} {}", d.severity.as_str(), d.message))
                        .collect();
                    problems.push(format!(
                        "{}: {:?} does not hold for {}\n    line: {}\n    got: {got:?}",
                        rule.id, e.expect, e.input, e.line
                    ));
                }
            }
        }
        assert!(problems.is_empty(), "\n{}", problems.join("\n"));
    }

    /// Applies `rule`'s fixes to `input` until none is left (a few rounds at most), and checks
    /// the result against `expected` and that the rule finds nothing in it.
    fn check_fix(
        rule: &'static Rule,
        input: &str,
        expected: &str,
        options: &LintOptions,
    ) -> Result<(), String> {
        let linter = crate::Linter::new(options.clone());
        let mut source = input.to_string();
        for _ in 0..4 {
            let doc = crate::load_json(&source).map_err(|e| e.to_string())?;
            let found = linter.lint_template_with(&doc.templates[0], Some(&doc.source), &[rule]);
            let (next, applied) = crate::fix::apply(&doc, &found);
            if applied == 0 {
                break;
            }
            source = next;
        }
        let got: Value = serde_json::from_str(&source).map_err(|e| e.to_string())?;
        let want: Value = serde_json::from_str(expected).map_err(|e| e.to_string())?;
        if got != want {
            return Err(format!("fixing gives {got}\n    expected {want}"));
        }
        let left = super::super::testing::run_with(rule, &source, options);
        if !left.is_empty() {
            return Err(format!(
                "after the fix it still finds {:?}",
                left.iter().map(|d| &d.message).collect::<Vec<_>>()
            ));
        }
        Ok(())
    }

    #[test]
    fn inputs() {
        let t = |s: &str| template(s, Some("UTILITY")).unwrap();
        assert!(t("Привет").contains(r#""text":"Привет""#));
        assert!(t("Привет").contains(r#""category":"UTILITY""#));
        assert!(t(r#"{"type": "FOOTER", "text": "x"}"#).contains(r#""type":"FOOTER""#));
        assert!(t(r#"{"type": "URL", "text": "Go"}"#).contains(r#""type":"BUTTONS""#));
        assert!(t(r#""language": "en-US""#).contains(r#""language":"en-US""#));
        assert_eq!(unescape(r"а\nб").unwrap(), "а\nб");
        assert_eq!(unescape("аб×3").unwrap(), "абабаб");
        assert_eq!(unescape(r"\u200B").unwrap(), "\u{200B}");
        assert_eq!(
            code_spans("Fails: `a`; `Код: ```12345` and `b` (not `c`)"),
            ["a", "Код: ```12345", "b"]
        );
    }
}
