//! Template JSON: parsing, every rule and the predictor, on arbitrary text. Never panics, and
//! every range, location and fix of the result is consistent (see `fuzz/invariants.rs`). The
//! CLI, which reads a JSON file one template at a time (`src/cli/lint.rs`), reports the same.
#![no_main]
#![allow(dead_code)]

#[path = "../../src/cli/discover.rs"]
mod discover;
#[path = "../invariants.rs"]
mod invariants;
#[path = "../../src/cli/lint.rs"]
mod lint;

use libfuzzer_sys::fuzz_target;
use walint::InputKind;

fuzz_target!(|data: &[u8]| {
    let Ok(source) = std::str::from_utf8(data) else {
        return; // the CLI and the bindings only ever pass UTF-8
    };
    // The options come from the length, so that the seeds (whole JSON files) stay intact.
    let options = invariants::options(data.len() as u8);
    let json = invariants::check_source(source, InputKind::Json, &options);
    // `Auto` reads JSON-looking input as JSON: the same answer, then.
    if let Ok(doc) = walint::load_auto(source) {
        if doc.kind == walint::DocumentKind::Json {
            let auto = walint::lint_source(source, InputKind::Auto, &options);
            assert_eq!(auto, json, "Auto and Json disagree on JSON input");
        }
    }
    // Template by template, as the CLI reads a file: the same reports, or the same error.
    let named = discover::Input::File("t.json".into());
    match lint::plan(&named, discover::Origin::Named, source) {
        plan @ lint::Plan::Json(_) => {
            let mut pieces = Vec::new();
            lint::each_report(&plan, source, &walint::Linter::new(options.clone()), &mut |r| pieces.push(r));
            assert_eq!(
                Ok(pieces),
                json,
                "template by template differs from the whole"
            );
        }
        // Valid, but not shaped like templates: the core lints it, the CLI refuses it by name.
        lint::Plan::NotATemplate => assert!(json.is_ok()),
        lint::Plan::Broken(e) => assert_eq!(Err(e), json, "the CLI refuses it otherwise"),
        lint::Plan::Skip | lint::Plan::Text { .. } => unreachable!("a named .json file"),
    }
});
