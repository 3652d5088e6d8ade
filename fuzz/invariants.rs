//! What must hold for every input, checked by the fuzz targets (`fuzz/fuzz_targets/`), the
//! property tests (`tests/properties.rs`) and the regression test of the inputs the fuzzer found
//! (`tests/fuzz_regressions.rs`), which include this file with `#[path]`.
//!
//! Each check panics with a message that names the input's diagnostic and what is wrong.

#![allow(dead_code)]

use std::collections::HashMap;
use walint::fix::{apply, fix_all};
use walint::text::{DocRange, Position, TextRange};
use walint::{
    lint_document, load_json, load_plain_text, Diagnostic, Document, Edit, InputKind, Lang,
    LintOptions, LoadError, Profile, Template, TemplateReport,
};

/// Some option sets worth fuzzing with; `pick` chooses one (from a byte of the input).
pub fn options(pick: u8) -> LintOptions {
    let mut o = LintOptions::default();
    if pick & 1 != 0 {
        o.lang = Lang::Ru;
    }
    if pick & 2 != 0 {
        o.profile = Profile::BusinessApp;
    }
    if pick & 4 != 0 {
        o.owned_domains = vec!["shop.ru".into(), "example.com".into()];
    }
    o
}

pub fn load(source: &str, kind: InputKind) -> Result<Document, LoadError> {
    match kind {
        InputKind::Auto => walint::load_auto(source),
        InputKind::Json => load_json(source),
        InputKind::PlainText => Ok(load_plain_text(source)),
    }
}

/// Every text of the document by its path.
fn texts(doc: &Document) -> HashMap<&str, &walint::text::Text> {
    let mut map = HashMap::new();
    for t in &doc.templates {
        t.for_each_text(&mut |text| {
            let old = map.insert(text.path.as_str(), text);
            assert!(old.is_none(), "two texts have the path `{}`", text.path);
        });
    }
    map
}

fn utf16(s: &str) -> usize {
    s.chars().map(char::len_utf16).sum()
}

/// 1-based line and column (in characters) of byte `offset` of `s`, counted independently of
/// walint's cursor: lines end at `\n`, `\r\n` (one break) or a `\r` alone.
fn line_column(s: &str, offset: usize) -> (usize, usize) {
    let before = &s[..offset];
    // A `\r` at the very end breaks the line only if no `\n` follows it in `s`.
    let lone_crs = before
        .char_indices()
        .filter(|&(i, c)| c == '\r' && s.as_bytes().get(i + 1) != Some(&b'\n'))
        .count();
    let line = 1 + before.matches('\n').count() + lone_crs;
    let line_start = before
        .char_indices()
        .rfind(|&(i, c)| c == '\n' || (c == '\r' && s.as_bytes().get(i + 1) != Some(&b'\n')))
        .map_or(0, |(i, _)| i + 1);
    let column = 1 + before[line_start..].chars().count();
    (line, column)
}

/// A range of a field's text: inside it, on character boundaries, and the same characters in
/// bytes, UTF-16 units and line/column.
pub fn check_text_range(value: &str, r: &TextRange, what: &str) {
    assert!(
        r.start <= r.end && r.end <= value.len(),
        "{what}: bytes {}..{} outside the text ({} bytes)",
        r.start,
        r.end,
        value.len()
    );
    assert!(
        value.is_char_boundary(r.start) && value.is_char_boundary(r.end),
        "{what}: bytes {}..{} not on character boundaries of {value:?}",
        r.start,
        r.end
    );
    assert_eq!(
        (r.start_utf16, r.end_utf16),
        (utf16(&value[..r.start]), utf16(&value[..r.end])),
        "{what}: UTF-16 offsets disagree with bytes {}..{} of {value:?}",
        r.start,
        r.end
    );
    assert_eq!(
        (r.start_line, r.start_column),
        line_column(value, r.start),
        "{what}: start line/column disagree with byte {} of {value:?}",
        r.start
    );
    assert_eq!(
        (r.end_line, r.end_column),
        line_column(value, r.end),
        "{what}: end line/column disagree with byte {} of {value:?}",
        r.end
    );
}

fn check_position(source: &str, p: &Position, what: &str) {
    assert!(
        p.offset <= source.len() && source.is_char_boundary(p.offset),
        "{what}: document offset {} outside the document or inside a character",
        p.offset
    );
    assert_eq!(
        (p.line, p.column),
        line_column(source, p.offset),
        "{what}: document line/column disagree with offset {}",
        p.offset
    );
}

fn check_doc_range(source: &str, l: &DocRange, what: &str) {
    check_position(source, &l.start, what);
    check_position(source, &l.end, what);
    assert!(
        l.start.offset <= l.end.offset,
        "{what}: document range {}..{} is backwards",
        l.start.offset,
        l.end.offset
    );
}

/// The characters a JSON string literal's source `slice` stands for.
fn decode_json_fragment(slice: &str) -> Option<String> {
    serde_json::from_str::<String>(&format!("\"{slice}\"")).ok()
}

fn check_diagnostic(doc: &Document, texts: &HashMap<&str, &walint::text::Text>, d: &Diagnostic) {
    let what = format!("[{}] at `{}` ({})", d.rule, d.path, d.message);
    if let Some(l) = &d.location {
        check_doc_range(&doc.source, l, &what);
    }
    if let Some(r) = &d.range {
        let text = texts
            .get(d.path.as_str())
            .unwrap_or_else(|| panic!("{what}: has a range, but no text has its path"));
        check_text_range(&text.value, r, &what);
        // The document location covers the same characters in the source file.
        if let Some(origin) = &text.origin {
            let l = d
                .location
                .unwrap_or_else(|| panic!("{what}: a text read from the document, no location"));
            let flagged = &text.value[r.start..r.end];
            let written = &doc.source[l.start.offset..l.end.offset];
            let same = match doc.kind {
                walint::DocumentKind::PlainText => written == flagged,
                walint::DocumentKind::Json => {
                    decode_json_fragment(written).as_deref() == Some(flagged)
                }
            };
            assert!(
                same,
                "{what}: location {}..{} is {written:?} in the document, the range is {flagged:?}",
                l.start.offset, l.end.offset
            );
            assert!(
                origin.span.start <= l.start.offset && l.end.offset <= origin.span.end,
                "{what}: location outside its field's value in the document"
            );
        }
    }
    if let Some(fix) = &d.fix {
        assert!(!fix.edits.is_empty(), "{what}: a fix with no edits");
        let mut replaced: Vec<(&str, usize, usize)> = Vec::new();
        for e in &fix.edits {
            match e {
                Edit::Replace { path, range, .. } => {
                    let text = texts
                        .get(path.as_str())
                        .unwrap_or_else(|| panic!("{what}: a fix edits `{path}`, not a text"));
                    check_text_range(&text.value, range, &format!("{what}: fix edit"));
                    for &(p, s, e) in &replaced {
                        assert!(
                            p != path || range.end <= s || e <= range.start,
                            "{what}: the fix's edits overlap"
                        );
                    }
                    replaced.push((path, range.start, range.end));
                }
                Edit::AddComponent { path, .. } => assert!(
                    doc.templates
                        .iter()
                        .any(|t| t.field_path("components") == *path),
                    "{what}: a fix adds a component to `{path}`, not a template's components"
                ),
            }
        }
    }
}

fn body_utf16(t: &Template) -> usize {
    t.body().map_or(0, |b| utf16(&b.value))
}

/// Every invariant of a lint result: ranges, locations, fixes, stats, predictions, and that
/// the result can be serialised as the CLI and the wasm package do.
pub fn check_reports(doc: &Document, reports: &[TemplateReport]) {
    let texts = texts(doc);
    assert_eq!(
        reports.len(),
        doc.templates.len(),
        "one report per template"
    );
    for (report, template) in reports.iter().zip(&doc.templates) {
        for d in &report.diagnostics {
            check_diagnostic(doc, &texts, d);
        }
        assert_eq!(report.stats.body_length, body_utf16(template));
        if let Some(p) = &report.prediction {
            assert!(
                (0.0..=1.0).contains(&p.approval_probability),
                "approval probability {} is not a probability",
                p.approval_probability
            );
            check_verdict(p, &report.diagnostics);
        }
    }
    serde_json::to_string(reports).expect("reports serialise to JSON");
}

/// The verdict never contradicts an error: an error whose rule rejects gives a rejection, one
/// that says the content is marketing gives MARKETING (or a rejection). The effect follows the
/// severity the rule gave, so this holds whatever levels the options set.
pub fn check_verdict(p: &walint::predict::Prediction, diagnostics: &[Diagnostic]) {
    use walint::moderation::{Effect, ErrorEffect};
    use walint::predict::Outcome;
    for d in diagnostics {
        match d.effect {
            Effect::Error(ErrorEffect::Reject(_)) => assert_eq!(
                p.outcome,
                Outcome::Rejected,
                "an error of {} rejects, yet the verdict is {:?}: {}",
                d.rule,
                p.outcome,
                d.message
            ),
            Effect::Error(ErrorEffect::Marketing) => assert!(
                p.outcome == Outcome::Rejected
                    || p.category.predicted == walint::template::Category::Marketing,
                "an error of {} says the content is marketing, yet the verdict is {:?} as {:?}",
                d.rule,
                p.outcome,
                p.category.predicted
            ),
            Effect::Risk(_) => {}
        }
    }
}

/// Lints `source` and checks every invariant; also that linting again, with a fresh load, gives
/// the same result. Returns the reports, or the load error.
pub fn check_source(
    source: &str,
    kind: InputKind,
    options: &LintOptions,
) -> Result<Vec<TemplateReport>, LoadError> {
    let result = walint::lint_source(source, kind, options);
    let again = walint::lint_source(source, kind, options);
    assert_eq!(result, again, "linting the same input twice differs");
    let reports = result?;
    let doc = load(source, kind).expect("loaded once already");
    check_reports(&doc, &reports);
    Ok(reports)
}

/// Diagnostics that carry a fix.
pub fn fixable(source: &str, kind: InputKind, options: &LintOptions) -> usize {
    walint::lint_source(source, kind, options)
        .map(|r| {
            r.iter()
                .flat_map(|t| &t.diagnostics)
                .filter(|d| d.fix.is_some())
                .count()
        })
        .unwrap_or(0)
}

/// A message with what it quotes from the text (`…`, «…», “…”) and its numbers blanked out:
/// the same problem in other words of the text gives the same kind. A fix may leave another
/// problem of the same rule at the same place (`{{046197}` → `{{046197}}`, which has a leading
/// zero); it must not leave the one it fixed.
fn message_kind(message: &str) -> String {
    let mut out = String::new();
    let mut close = None;
    for c in message.chars() {
        match close {
            Some(end) if c == end => {
                out.push(c);
                close = None;
            }
            Some(_) => {}
            None => {
                match c {
                    '`' => close = Some('`'),
                    '«' => close = Some('»'),
                    '“' => close = Some('”'),
                    _ => {}
                }
                if c.is_ascii_digit() {
                    if !out.ends_with('#') {
                        out.push('#');
                    }
                } else {
                    out.push(c);
                }
            }
        }
    }
    out
}

/// Where a diagnostic's range of field `path` is after `d`'s own fix was applied.
fn range_after_fix(d: &Diagnostic) -> Option<(usize, usize)> {
    let r = d.range?;
    let mut edits: Vec<(usize, usize, usize)> = d
        .fix
        .iter()
        .flat_map(|f| &f.edits)
        .filter_map(|e| match e {
            Edit::Replace { path, range, text } if *path == d.path => {
                Some((range.start, range.end, text.len()))
            }
            _ => None,
        })
        .collect();
    // From the last edit back, so each edit's own offsets are still the original ones.
    edits.sort_by_key(|e| std::cmp::Reverse(e.0));
    let (mut start, mut end) = (r.start, r.end);
    let empty = start == end;
    for (s, e, len) in edits {
        let shift = |x: usize| x + len - (e - s);
        let map = |x: usize, inside: usize| {
            if x <= s {
                x
            } else if x >= e {
                shift(x)
            } else {
                inside
            }
        };
        start = map(start, s);
        end = if empty { start } else { map(end, s + len) };
    }
    Some((start, end))
}

/// The fix properties: each fix, applied alone, gives a document that still loads and no
/// longer has the finding it claimed to fix at the same place (a finding of the same rule at
/// the same place with the same kind of message, see [`message_kind`]); `fix_all` gives a
/// document that loads, and a second `fix_all` changes nothing or strictly reduces the number
/// of fixable findings. At most `limit` fixes are tried one by one.
pub fn check_fixes(source: &str, kind: InputKind, options: &LintOptions, limit: usize) {
    let Ok(doc) = load(source, kind) else {
        assert!(
            fix_all(source, kind, options).is_err(),
            "fix_all accepted a document that does not load"
        );
        return;
    };
    let diagnostics: Vec<Diagnostic> = lint_document(&doc, options)
        .into_iter()
        .flat_map(|r| r.diagnostics)
        .collect();
    for d in diagnostics.iter().filter(|d| d.fix.is_some()).take(limit) {
        let (fixed, applied) = apply(&doc, std::slice::from_ref(d));
        if applied == 0 {
            continue;
        }
        let what = format!("the fix of [{}] at `{}` ({})", d.rule, d.path, d.message);
        let after = load(&fixed, kind)
            .unwrap_or_else(|e| panic!("{what}: the fixed document does not load: {e}\n{fixed}"));
        let place = range_after_fix(d);
        for d2 in lint_document(&after, options)
            .iter()
            .flat_map(|r| &r.diagnostics)
        {
            let same_place = d2.rule == d.rule
                && d2.path == d.path
                && d2.range.map(|r| (r.start, r.end)) == place;
            assert!(
                !(same_place && message_kind(&d2.message) == message_kind(&d.message)),
                "{what}: still reported after the fix: {}\nbefore: {source}\nafter: {fixed}",
                d2.message
            );
        }
    }
    check_apply_all(&doc, kind, &diagnostics);
    let first = fix_all(source, kind, options).expect("the document loads");
    load(&first.source, kind).unwrap_or_else(|e| {
        panic!(
            "fix_all gave a document that does not load: {e}\n{}",
            first.source
        )
    });
    let second = fix_all(&first.source, kind, options).expect("the fixed document loads");
    if second.applied > 0 {
        let (a, b) = (
            fixable(&first.source, kind, options),
            fixable(&second.source, kind, options),
        );
        assert!(
            b < a,
            "a second fix_all applied {} edits yet left {b} fixable findings (was {a})\nafter one: {}\nafter two: {}",
            second.applied,
            first.source,
            second.source
        );
    }
}

/// `fix::apply` with every finding at once: the fixes it takes are the ones whose edits
/// overlap no edit taken before (in finding order), and the result is each field's value with
/// those edits made, every other text unchanged, and the new components appended.
pub fn check_apply_all(doc: &Document, kind: InputKind, diagnostics: &[Diagnostic]) {
    #[derive(PartialEq)]
    enum Planned<'a> {
        Replace(&'a str, usize, usize, &'a str),
        Add(&'a str),
    }
    let before = texts(doc);
    let overlaps = |a: &Planned, b: &Planned| match (a, b) {
        (Planned::Replace(p, s, e, _), Planned::Replace(q, t, f, _)) => {
            p == q && ((s < f && t < e) || (s, e) == (t, f))
        }
        (Planned::Add(p), Planned::Add(q)) => p == q,
        _ => false,
    };
    let mut taken: Vec<Planned> = Vec::new();
    for fix in diagnostics.iter().filter_map(|d| d.fix.as_ref()) {
        let planned: Option<Vec<Planned>> = fix
            .edits
            .iter()
            .map(|e| match e {
                Edit::Replace { path, range, text } => {
                    let field = before.get(path.as_str())?;
                    field.origin.as_ref()?;
                    Some(Planned::Replace(path, range.start, range.end, text))
                }
                Edit::AddComponent { path, .. } => {
                    let t = doc
                        .templates
                        .iter()
                        .find(|t| t.field_path("components") == *path)?;
                    (doc.kind == walint::DocumentKind::Json && t.components_span.is_some())
                        .then_some(Planned::Add(path))
                }
            })
            .collect();
        let Some(planned) = planned else { continue };
        if planned.iter().any(|p| taken.iter().any(|t| overlaps(p, t))) {
            continue;
        }
        taken.extend(planned);
    }
    let (fixed, applied) = apply(doc, diagnostics);
    assert_eq!(
        applied,
        taken.len(),
        "fix::apply took other edits than expected"
    );
    if applied == 0 {
        assert_eq!(fixed, doc.source, "no edit, yet the document changed");
        return;
    }
    let after_doc = load(&fixed, kind).unwrap_or_else(|e| {
        panic!("applying every fix gives a document that does not load: {e}\n{fixed}")
    });
    let after = texts(&after_doc);
    for (path, text) in &before {
        let mut edits: Vec<(usize, usize, &str)> = taken
            .iter()
            .filter_map(|p| match p {
                Planned::Replace(q, s, e, t) if q == path => Some((*s, *e, *t)),
                _ => None,
            })
            .collect();
        // From the end back; at one offset, the replacement before the insertion.
        edits.sort_by_key(|e| std::cmp::Reverse((e.0, e.1)));
        let mut expected = text.value.clone();
        for (s, e, t) in edits {
            expected.replace_range(s..e, t);
        }
        // A plain-text draft loses one final line break; an edit can make or remove one.
        let got = after.get(path).map(|t| t.value.as_str());
        let same = match doc.kind {
            walint::DocumentKind::Json => got == Some(expected.as_str()),
            walint::DocumentKind::PlainText => {
                got.map(|g| g.trim_end_matches(['\r', '\n']))
                    == Some(expected.trim_end_matches(['\r', '\n']))
            }
        };
        assert!(
            same,
            "after every fix, `{path}` is {got:?}, expected {expected:?}\nbefore: {}\nafter: {fixed}",
            doc.source
        );
    }
    for (t_before, t_after) in doc.templates.iter().zip(&after_doc.templates) {
        let added = taken
            .iter()
            .filter(|p| **p == Planned::Add(&t_before.field_path("components")))
            .count();
        assert_eq!(
            t_after.components.len(),
            t_before.components.len() + added,
            "components added to `{}`",
            t_before.path
        );
    }
}
