//! What the `walk_fix` fuzz target checks: the CLI's folder walk and `walint check --fix` on
//! arbitrary files. The input is cut at NUL bytes into files of a small repository (templates,
//! drafts, `package.json`, hidden and ignored files, a walint.toml that includes one folder of
//! drafts), written to a temporary folder, and walked and fixed with the CLI's own code
//! (`src/cli/discover.rs`, `lint.rs`, `files.rs`, which the includer declares at its root).
//!
//! What must hold: nothing panics; a file is rewritten only if it is a template walint may fix
//! (a `.json` that holds templates, or an included `.txt` draft), and the rewritten file still
//! holds as many templates; every other file keeps its bytes; no file appears or disappears (no
//! temporary file is left); linting every planned file works.

use crate::discover::{self, Input, Item, Scope};
use crate::{files, lint};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use walint::template::Holds;

/// Where each piece of the input goes (its first byte picks one).
const NAMES: [&str; 10] = [
    "a.json",
    "templates/b.json",
    "drafts/c.txt",
    "notes.txt",
    "package.json",
    "README.md",
    ".hidden/d.json",
    "node_modules/x/e.json",
    "ignored/f.json",
    "drafts/g.json",
];

fn snapshot(root: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut out = BTreeMap::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for e in std::fs::read_dir(&dir).unwrap() {
            let path = e.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else {
                let bytes = std::fs::read(&path).unwrap();
                out.insert(path.strip_prefix(root).unwrap().to_path_buf(), bytes);
            }
        }
    }
    out
}

/// How many templates a file holds as walint plans it, if it is one it may fix.
fn fixable_templates(input: &Input, origin: discover::Origin, source: &str) -> Option<usize> {
    match lint::plan(input, origin, source) {
        lint::Plan::Json(scan) if scan.holds == Holds::Templates => Some(scan.count),
        lint::Plan::Text { fixable: true } => Some(1),
        _ => None,
    }
}

pub fn check(data: &[u8]) {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::write(
        root.join("walint.toml"),
        "include = [\"drafts/**/*.txt\"]\n",
    )
    .unwrap();
    std::fs::write(root.join(".gitignore"), "/ignored/\n").unwrap();
    for piece in data.split(|&b| b == 0).take(NAMES.len()) {
        let Some((&pick, bytes)) = piece.split_first() else {
            continue;
        };
        let path = root.join(NAMES[pick as usize % NAMES.len()]);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, bytes).unwrap();
    }
    let before = snapshot(root);
    let options = walint::LintOptions::default();
    let scope = Scope::new(root, &["drafts/**/*.txt".into()], &[], "walint.toml").unwrap();
    let found = discover::discover(&[root.to_path_buf()], &scope);
    // What --fix may rewrite: (file, number of templates before).
    let mut fixable: BTreeMap<PathBuf, usize> = BTreeMap::new();
    for item in &found.items {
        let Item::Check { input, origin } = item else {
            continue;
        };
        let Input::File(path) = input else {
            panic!("a walk found standard input");
        };
        let rel = path.strip_prefix(root).unwrap().to_path_buf();
        let Ok(contents) = files::read(input) else {
            continue; // not UTF-8: reported, never written
        };
        let plan = lint::plan(input, *origin, &contents.source);
        lint::each_report(
            &plan,
            &contents.source,
            &walint::Linter::new(options.clone()),
            &mut |_| {},
        );
        if let Some((text, edits)) = lint::fixed(&plan, &contents.source, &options) {
            assert!(edits > 0);
            let templates = fixable_templates(input, *origin, &contents.source)
                .unwrap_or_else(|| panic!("{rel:?} is fixed but is not a template file"));
            files::replace(path, &text, contents.stamp).unwrap();
            let after = files::read(input).unwrap();
            assert_eq!(after.source, text);
            assert_eq!(
                fixable_templates(input, *origin, &after.source),
                Some(templates),
                "{rel:?}: the fixed file holds other templates"
            );
            fixable.insert(rel, templates);
        }
    }
    let after = snapshot(root);
    assert_eq!(
        before.keys().collect::<Vec<_>>(),
        after.keys().collect::<Vec<_>>(),
        "files appeared or disappeared"
    );
    // Whatever they hold, these are never templates walint may rewrite: a draft outside the
    // included folder, a file not named .json or .txt, hidden and ignored folders.
    for never in [
        "notes.txt",
        "README.md",
        ".hidden/d.json",
        "node_modules/x/e.json",
        "ignored/f.json",
    ] {
        assert!(
            !fixable.contains_key(Path::new(never)),
            "{never} was rewritten"
        );
    }
    for (path, bytes) in &before {
        if !fixable.contains_key(path) {
            assert_eq!(
                &after[path], bytes,
                "{path:?} changed, and it is not a fixed template"
            );
        }
    }
}
