//! The records of the labelled corpus (`tests/corpus`) and of the synthetic set
//! (`tests/synthetic`), read for the tests that go over all of them.

use std::path::Path;

/// Every record (one JSON file each) under the folders `dirs` of the repository, in any
/// subfolder.
pub fn under(dirs: &[&str]) -> Vec<serde_json::Value> {
    let mut out = Vec::new();
    for dir in dirs {
        collect(&Path::new(env!("CARGO_MANIFEST_DIR")).join(dir), &mut out);
    }
    out
}

fn collect(dir: &Path, out: &mut Vec<serde_json::Value>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            collect(&path, out);
        } else if path.extension().is_some_and(|e| e == "json") {
            out.push(serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap());
        }
    }
}
