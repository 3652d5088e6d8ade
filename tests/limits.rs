//! Hostile inputs of 1 MiB (`benches/support/pathological.rs`: all braces, all emoji, 10 000
//! links, deeply nested JSON, one huge body, ...) are handled: no panic, no stack overflow,
//! and output that grows at most linearly with the input. How long they take is measured by
//! the benchmark (`scripts/bench.sh`, BENCHMARKS.md), never here.

#[path = "../benches/support/pathological.rs"]
mod pathological;

use walint::{lint_source, LintOptions};

/// Lints one pathological input and checks that it was handled.
fn handled(name: &str) {
    let case = pathological::cases()
        .into_iter()
        .find(|c| c.name == name)
        .unwrap_or_else(|| panic!("no pathological case {name}"));
    assert!(case.source.len() <= pathological::SIZE, "{name}");
    match lint_source(&case.source, case.kind, &LintOptions::default()) {
        Ok(reports) => {
            let findings: usize = reports.iter().map(|r| r.diagnostics.len()).sum();
            // Bounded output: at most one finding per four bytes of input (the densest case,
            // `{{}}` repeated, has one malformed placeholder per four bytes).
            assert!(
                findings <= case.source.len() / 4 + 64,
                "{name}: {findings} findings for {} bytes",
                case.source.len()
            );
            for d in reports.iter().flat_map(|r| &r.diagnostics) {
                let edits = d.fix.as_ref().map_or(0, |f| f.edits.len());
                assert!(edits <= 16, "{name}: a fix with {edits} edits");
                let help = d.help.as_ref().map_or(0, String::len);
                assert!(help <= 2048, "{name}: a {help}-byte help from [{}]", d.rule);
            }
        }
        Err(e) => assert!(
            !e.message.en.is_empty() && !e.message.ru.is_empty(),
            "{name}: refused without a reason"
        ),
    }
}

/// One test per input, so that they run in parallel.
macro_rules! handled {
    ($($test:ident: $name:literal,)*) => {
        $(
            #[test]
            fn $test() {
                handled($name);
            }
        )*

        #[test]
        fn every_case_has_a_test() {
            let mut listed = vec![$($name),*];
            let mut cases: Vec<&str> = pathological::cases().iter().map(|c| c.name).collect();
            listed.sort_unstable();
            cases.sort_unstable();
            assert_eq!(listed, cases);
        }
    };
}

handled! {
    open_braces: "open-braces",
    empty_placeholders: "empty-placeholders",
    placeholders: "placeholders",
    emoji: "emoji",
    links: "links",
    closing_parens: "closing-parens",
    promo_words: "promo-words",
    one_letter_words: "one-letter-words",
    huge_body: "huge-body",
    escaped_body: "escaped-body",
    deep_json: "deep-json",
    nested_json: "nested-json",
    many_templates: "many-templates",
}

/// A message quotes what was written, so it must cut long quotes short: otherwise a run of a
/// million `{` becomes a 1 MiB message, and every output format repeats it.
#[test]
fn messages_stay_short() {
    let options = LintOptions::default();
    for case in pathological::cases() {
        let Ok(reports) = lint_source(&case.source, case.kind, &options) else {
            continue;
        };
        for d in reports.iter().flat_map(|r| &r.diagnostics) {
            assert!(
                d.message.len() <= 2048,
                "{}: a {}-byte message from [{}]",
                case.name,
                d.message.len(),
                d.rule
            );
        }
    }
}

#[test]
fn json_nested_past_the_limit_is_refused_clearly() {
    let case = pathological::cases()
        .into_iter()
        .find(|c| c.name == "deep-json")
        .expect("the deep-json case");
    let e = lint_source(&case.source, case.kind, &LintOptions::default())
        .expect_err("nesting beyond 64 levels is refused");
    assert!(e.message.en.contains("deeper than 64"), "{}", e.message.en);
    assert_eq!(
        e.offset,
        walint::json::MAX_DEPTH,
        "the error points at the 65th `[`"
    );
    // Nesting up to the limit is read: the nested-json case has 60 levels in every template.
    let nested = pathological::cases()
        .into_iter()
        .find(|c| c.name == "nested-json")
        .expect("the nested-json case");
    assert!(lint_source(&nested.source, nested.kind, &LintOptions::default()).is_ok());
}

/// With `max_findings` (the edge example sets it) an input lists at most that many findings
/// and counts the rest in one, and a hostile 64 KiB template gets an answer well under 1 MB
/// (the edge example also caps the templates of one request, whose predictions take room).
#[test]
fn a_request_lists_at_most_max_findings() {
    let options = walint::LintOptions {
        max_findings: Some(500),
        ..walint::LintOptions::default()
    };
    // 3 000 small templates with a dozen findings each, and one huge body of broken
    // placeholders: both far past 500 findings.
    let many = format!(
        "[{}]",
        vec![r#"{"name":"A","components":[{"type":"BODY","text":"{{1}}{{2}} bit.ly/x"}]}"#; 3000]
            .join(",")
    );
    let huge = format!(
        r#"{{"name":"a","language":"en","category":"UTILITY","components":[{{"type":"BODY","text":"{}"}}]}}"#,
        "{{ 1 } ".repeat(8000)
    );
    for (source, one) in [(many, false), (huge, true)] {
        let reports = walint::lint_source(&source, walint::InputKind::Json, &options).unwrap();
        let listed: usize = reports.iter().map(|r| r.diagnostics.len()).sum();
        if one {
            assert!(listed <= 501, "{listed}");
            let json = serde_json::to_string(&reports).unwrap();
            assert!(json.len() < 1 << 20, "{} bytes", json.len());
            continue;
        }
        assert_eq!(listed, 501, "500 listed and one that counts the rest");
        let closing = reports
            .iter()
            .flat_map(|r| &r.diagnostics)
            .find(|d| {
                d.message
                    .contains("more findings in this input are not listed")
            })
            .expect("a closing finding");
        assert!(closing.fix.is_none());
        // The predictions still see every finding.
        assert!(reports
            .iter()
            .all(|r| r.prediction.as_ref().unwrap().outcome == walint::predict::Outcome::Rejected));
    }
}

/// The cap only shortens the list: the findings it keeps are the uncapped ones (same order,
/// messages, positions, fixes), and every prediction is the one made without a cap, although
/// the findings past the cap are not resolved in full.
#[test]
fn max_findings_keeps_the_uncapped_findings_and_predictions() {
    let template = r#"{"name":"A B","components":[{"type":"BODY","text":"{{1}}{{2}} bit.ly/x СКИДКА!!! {{1}}{{2}} bit.ly/x СКИДКА!!! Купон"}],"language":"ru","category":"UTILITY"}"#;
    let source = format!("[{}]", vec![template; 40].join(","));
    for lang in [walint::Lang::En, walint::Lang::Ru] {
        let uncapped = walint::LintOptions {
            lang,
            ..walint::LintOptions::default()
        };
        let all = walint::lint_source(&source, walint::InputKind::Json, &uncapped).unwrap();
        let total: usize = all.iter().map(|r| r.diagnostics.len()).sum();
        for max in [0, 1, 7, 100, total - 1] {
            let capped = walint::LintOptions {
                max_findings: Some(max),
                ..uncapped.clone()
            };
            let some = walint::lint_source(&source, walint::InputKind::Json, &capped).unwrap();
            let kept: Vec<_> = some.iter().flat_map(|r| &r.diagnostics).collect();
            assert_eq!(kept.len(), max + 1, "{max} listed and one closing finding");
            let expected: Vec<_> = all.iter().flat_map(|r| &r.diagnostics).take(max).collect();
            assert_eq!(&kept[..max], &expected[..], "max {max}");
            // The closing finding stands where the first finding past the cap was.
            let first_hidden = all.iter().flat_map(|r| &r.diagnostics).nth(max).unwrap();
            let closing = kept[max];
            assert_eq!(
                (&closing.path, closing.range, closing.location),
                (
                    &first_hidden.path,
                    first_hidden.range,
                    first_hidden.location
                )
            );
            assert!(closing.message.ends_with(&first_hidden.message));
            for (a, b) in all.iter().zip(&some) {
                assert_eq!(a.prediction, b.prediction, "max {max}, {}", a.path);
                assert_eq!(a.stats, b.stats);
            }
        }
    }
}
