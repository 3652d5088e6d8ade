//! The CLI's folder walk and `walint check --fix` on arbitrary files (`fuzz/walk_fix.rs`).
#![no_main]
#![allow(dead_code)]

#[path = "../../src/cli/discover.rs"]
mod discover;
#[path = "../../src/cli/files.rs"]
mod files;
#[path = "../../src/cli/lint.rs"]
mod lint;
#[path = "../walk_fix.rs"]
mod walk_fix;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| walk_fix::check(data));
