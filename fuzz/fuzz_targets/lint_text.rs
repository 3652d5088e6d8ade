//! Plain-text drafts: every rule and the predictor on arbitrary text as a body. Never panics,
//! and every range, location and fix of the result is consistent (see `fuzz/invariants.rs`).
#![no_main]

#[path = "../invariants.rs"]
mod invariants;

use libfuzzer_sys::fuzz_target;
use walint::InputKind;

fuzz_target!(|data: &[u8]| {
    let Ok(source) = std::str::from_utf8(data) else {
        return;
    };
    let options = invariants::options(data.len() as u8);
    let reports = invariants::check_source(source, InputKind::PlainText, &options)
        .expect("plain text always loads");
    assert_eq!(reports.len(), 1, "a draft is one template");
});
