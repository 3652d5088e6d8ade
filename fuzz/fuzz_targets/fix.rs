//! Fix application: each fix alone, and `fix_all`, on JSON and on plain text. The fixed
//! document loads, the fixed finding is gone from its place, a second `fix_all` is a no-op or
//! strictly reduces the fixable findings, and nothing panics (see `fuzz/invariants.rs`).
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
    // JSON-looking input as JSON, anything else as a draft; both kinds when it is ambiguous.
    let kind = match walint::load_auto(source) {
        Ok(doc) if doc.kind == walint::DocumentKind::PlainText => InputKind::PlainText,
        _ => InputKind::Json,
    };
    invariants::check_fixes(source, kind, &options, 8);
    if kind == InputKind::Json && source.len() < 512 {
        invariants::check_fixes(source, InputKind::PlainText, &options, 8);
    }
});
