//! Template JSON: parsing, every rule and the predictor, on arbitrary text. Never panics, and
//! every range, location and fix of the result is consistent (see `fuzz/invariants.rs`).
#![no_main]

#[path = "../invariants.rs"]
mod invariants;

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
});
