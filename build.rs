//! Prepares data files for `include_str!`:
//! * the lexicons without their comment lines: the comments (sources and reasons, a third of
//!   the files) are for people, and the WebAssembly package has a size budget;
//! * the matching keys of every lexicon phrase (`src/lexicon/keys.rs`, compiled here with the
//!   word splitter it uses): stemming them at run time took most of the first lint's time;
//! * the Public Suffix List without comments, its rules grouped by top-level label, so that
//!   `src/domain` parses only the groups of the hosts it meets (parsing the whole list took
//!   longer than linting a template).

use std::path::Path;

// The library's own code for splitting words and stemming them, so that the keys computed
// here are exactly those the library computes for the words of a text.
#[allow(dead_code)]
#[path = "src/text/class.rs"]
pub mod class;
#[allow(dead_code)]
#[path = "src/lexicon/keys.rs"]
mod keys;
#[allow(dead_code)]
#[path = "src/words.rs"]
mod words;
/// `words.rs` refers to `crate::text::class`.
mod text {
    pub use super::class;
}

fn main() {
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    for file in ["src/text/class.rs", "src/lexicon/keys.rs", "src/words.rs"] {
        println!("cargo:rerun-if-changed={file}");
    }
    for lang in keys::LISTS {
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
        let set = keys::LangSet::of_list(lang);
        let keys: String = entries
            .lines()
            .map(
                |line| match keys::phrase_of(line).map(|p| (p, keys::phrase_keys(p, set))) {
                    Some((phrase, Some((keys, open_end)))) => {
                        format!("{}\n", keys::encode(phrase, &keys, open_end))
                    }
                    _ => "\n".to_string(),
                },
            )
            .collect();
        std::fs::write(Path::new(&out).join(format!("{lang}.txt")), entries)
            .expect("OUT_DIR is writable");
        std::fs::write(Path::new(&out).join(format!("{lang}.keys")), keys)
            .expect("OUT_DIR is writable");
    }
    public_suffixes(Path::new(&out));
}

fn public_suffixes(out: &Path) {
    let src = "src/domain/public_suffix_list.dat";
    println!("cargo:rerun-if-changed={src}");
    let text = std::fs::read_to_string(src).unwrap_or_else(|e| panic!("cannot read {src}: {e}"));
    // Each rule as its labels from the top level down (`*.kawasaki.jp` → jp, kawasaki, *),
    // sorted: the rules of one top-level label come together, and a rule follows the rules it
    // shares its upper labels with.
    let mut rules: Vec<Vec<&str>> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with("//"))
        .map(|rule| rule.rsplit('.').collect())
        .collect();
    rules.sort_unstable();
    rules.dedup();
    // Front coding (decoded by src/domain/mod.rs): a line is the number of upper labels it
    // shares with the line before, one digit, then its other labels. A fifth smaller gzipped
    // than the rules as written (about 9 kB of the .wasm).
    let mut encoded = String::new();
    let mut previous: &[&str] = &[];
    for labels in &rules {
        let shared = labels
            .iter()
            .zip(previous)
            .take_while(|(a, b)| a == b)
            .count();
        assert!(shared < 10, "a rule of more than ten labels: {labels:?}");
        encoded.push(char::from(b'0' + shared as u8));
        encoded.push_str(&labels[shared..].join("."));
        encoded.push('\n');
        previous = labels;
    }
    std::fs::write(out.join("public_suffixes.txt"), encoded).expect("OUT_DIR is writable");
}
