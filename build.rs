//! Copies the lexicons into the build directory without their comment lines: the comments
//! (sources and reasons, a third of the files) are for people, and the WebAssembly package has
//! a size budget.

use std::path::Path;

fn main() {
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    for lang in ["ru", "en", "es", "pt"] {
        let src = format!("src/lexicon/{lang}.txt");
        println!("cargo:rerun-if-changed={src}");
        let text =
            std::fs::read_to_string(&src).unwrap_or_else(|e| panic!("cannot read {src}: {e}"));
        let entries: String = text
            .lines()
            .filter(|l| {
                let l = l.trim();
                !l.is_empty() && !l.starts_with('#')
            })
            .map(|l| format!("{l}\n"))
            .collect();
        std::fs::write(Path::new(&out).join(format!("{lang}.txt")), entries)
            .expect("OUT_DIR is writable");
    }
}
