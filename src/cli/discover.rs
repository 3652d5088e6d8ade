//! Which files to check: the paths named on the command line, and what the folders among them
//! hold.
//!
//! A folder is walked as ripgrep and ruff walk one (the `ignore` crate): `.gitignore`, `.ignore`
//! and `.git/info/exclude` are respected (also outside a git repository), hidden files and
//! folders are skipped, and so are `node_modules` and `target`; symbolic links are followed
//! (a link back to a folder being walked is noticed and not followed again). Of what a walk
//! finds, only `*.json` files are candidates, and [`super::lint`] keeps those that hold
//! templates; `*.txt` drafts are taken when `include` in walint.toml names them, and skipped
//! (and counted) otherwise. A file named on the command line is always checked.

use globset::{GlobBuilder, GlobSet, GlobSetBuilder};
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use walint::Msg;

/// One input: a file, or standard input (`-`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    File(PathBuf),
    Stdin,
}

impl Input {
    /// The name shown in reports: the path as given, with `/` separators.
    pub fn display(&self) -> String {
        match self {
            Input::File(p) => display_path(p),
            Input::Stdin => "<stdin>".to_string(),
        }
    }

    /// `json` or `txt` (lower-cased) when the file's name ends so.
    pub fn extension(&self) -> Option<String> {
        match self {
            Input::File(p) => p
                .extension()
                .and_then(|e| e.to_str())
                .map(str::to_ascii_lowercase),
            Input::Stdin => None,
        }
    }
}

pub fn display_path(p: &Path) -> String {
    let shown = p.to_string_lossy().replace('\\', "/");
    shown
        .strip_prefix("./")
        .map(str::to_string)
        .unwrap_or(shown)
}

/// How an input was found; it decides what happens to a file that is not a template.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// Named on the command line (or `-`): a file that is not a template is an error.
    Named,
    /// Found in a folder and matched by `include` in walint.toml: treated as if named.
    Included,
    /// Found in a folder: checked if it holds templates, skipped (and counted) otherwise.
    Found,
}

/// What to check, in order.
#[derive(Debug, PartialEq, Eq)]
pub enum Item {
    Check {
        input: Input,
        origin: Origin,
    },
    /// A path that could not be read (missing, unreadable folder, not a regular file).
    Failed {
        path: String,
        message: Msg,
    },
}

#[derive(Debug, Default)]
pub struct Discovery {
    pub items: Vec<Item>,
    /// Files found in folders and skipped: `*.txt` not named by `include`, and (counted by the
    /// check) `*.json` that hold no templates.
    pub skipped: usize,
    /// Problems that are not about any file to check (an unreadable `.gitignore`).
    pub warnings: Vec<String>,
}

/// walint.toml's `include` and `exclude` globs, matched against paths relative to the folder
/// of walint.toml (`templates/**/*.txt`; `*` does not cross a `/`, `**` does).
#[derive(Debug, Clone, Default)]
pub struct Scope {
    base: PathBuf,
    include: GlobSet,
    exclude: GlobSet,
}

impl Scope {
    /// `origin` names the settings file in errors.
    pub fn new(
        base: &Path,
        include: &[String],
        exclude: &[String],
        origin: &str,
    ) -> Result<Scope, String> {
        let set = |key: &str, globs: &[String]| -> Result<GlobSet, String> {
            let mut builder = GlobSetBuilder::new();
            for g in globs {
                let glob = GlobBuilder::new(g.trim_start_matches("./"))
                    .literal_separator(true)
                    .build()
                    .map_err(|e| format!("{origin}: {key}: bad glob \"{g}\": {}", e.kind()))?;
                builder.add(glob);
            }
            builder.build().map_err(|e| format!("{origin}: {key}: {e}"))
        };
        Ok(Scope {
            base: std::path::absolute(base).unwrap_or_else(|_| base.to_path_buf()),
            include: set("include", include)?,
            exclude: set("exclude", exclude)?,
        })
    }

    fn relative(&self, path: &Path) -> Option<PathBuf> {
        let absolute = std::path::absolute(path).ok()?;
        absolute
            .strip_prefix(&self.base)
            .ok()
            .map(Path::to_path_buf)
    }

    fn includes(&self, path: &Path) -> bool {
        !self.include.is_empty()
            && self
                .relative(path)
                .is_some_and(|r| self.include.is_match(r))
    }

    fn excludes(&self, path: &Path) -> bool {
        !self.exclude.is_empty()
            && self
                .relative(path)
                .is_some_and(|r| self.exclude.is_match(r))
    }
}

/// Expands the command-line paths. Every path is answered: a missing one, or a folder that
/// cannot be read, becomes an [`Item::Failed`] in its place and the rest are still checked.
pub fn discover(paths: &[PathBuf], scope: &Scope) -> Discovery {
    let scope = Arc::new(scope.clone());
    let mut out = Discovery::default();
    for p in paths {
        if p.as_os_str() == "-" {
            out.items.push(Item::Check {
                input: Input::Stdin,
                origin: Origin::Named,
            });
            continue;
        }
        match std::fs::metadata(p) {
            Ok(m) if m.is_dir() => walk(p, &scope, &mut out),
            Ok(m) if m.is_file() => out.items.push(Item::Check {
                input: Input::File(p.clone()),
                origin: Origin::Named,
            }),
            Ok(_) => out.items.push(Item::Failed {
                path: display_path(p),
                message: not_regular(),
            }),
            Err(e) => out.items.push(Item::Failed {
                path: display_path(p),
                message: io_message(&e),
            }),
        }
    }
    out
}

/// Why a FIFO, socket or device is not read (reading a FIFO would wait for a writer forever).
pub fn not_regular() -> Msg {
    Msg::new(
        "not a regular file (a FIFO, socket or device); to read standard input, use `-`",
        "это не обычный файл (а FIFO, сокет или устройство); стандартный ввод читается через `-`",
    )
}

/// An I/O error in words, without Rust's "(os error 2)". The system's other messages are in
/// English only.
pub fn io_message(e: &io::Error) -> Msg {
    match e.kind() {
        io::ErrorKind::NotFound => {
            Msg::new("no such file or directory", "нет такого файла или папки")
        }
        io::ErrorKind::PermissionDenied => Msg::new("permission denied", "нет доступа"),
        _ => {
            let text = e.to_string();
            let text = match text.find(" (os error") {
                Some(i) => text[..i].to_string(),
                None => text,
            };
            Msg::new(text.clone(), format!("ошибка ввода-вывода: {text}"))
        }
    }
}

fn walk(dir: &Path, scope: &Arc<Scope>, out: &mut Discovery) {
    let filter_scope = Arc::clone(scope);
    let walker = ignore::WalkBuilder::new(dir)
        .follow_links(true)
        .require_git(false)
        .filter_entry(move |e| {
            let name = e.file_name();
            e.depth() == 0
                || !(name == "node_modules" && e.file_type().is_some_and(|t| t.is_dir())
                    || name == "target" && e.file_type().is_some_and(|t| t.is_dir())
                    || filter_scope.excludes(e.path()))
        })
        .build();
    let mut found: Vec<(PathBuf, Item)> = Vec::new();
    for entry in walker {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                if let Some(failure) = walk_error(&e, out) {
                    found.push(failure);
                }
                continue;
            }
        };
        if entry.depth() == 0 {
            continue;
        }
        let path = entry.path();
        let extension = path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase);
        let (json, txt) = match extension.as_deref() {
            Some("json") => (true, false),
            Some("txt") => (false, true),
            _ => continue,
        };
        match entry.file_type() {
            Some(t) if t.is_file() => {}
            Some(t) if t.is_dir() => continue,
            // A FIFO, socket or device named like a template: never opened.
            _ => {
                out.skipped += 1;
                continue;
            }
        }
        let origin = if scope.includes(path) {
            Origin::Included
        } else if json {
            Origin::Found
        } else {
            debug_assert!(txt);
            out.skipped += 1;
            continue;
        };
        found.push((
            path.to_path_buf(),
            Item::Check {
                input: Input::File(path.to_path_buf()),
                origin,
            },
        ));
    }
    found.sort_by(|a, b| a.0.cmp(&b.0));
    out.items.extend(found.into_iter().map(|(_, item)| item));
}

/// A failed path for an error of the walk, or `None` when the error is no failure: a link
/// back to a folder already being walked, or a bad line in a `.gitignore` (a warning).
fn walk_error(e: &ignore::Error, out: &mut Discovery) -> Option<(PathBuf, Item)> {
    let mut error = e;
    let mut path = None;
    loop {
        match error {
            ignore::Error::WithDepth { err, .. } => error = err,
            ignore::Error::WithPath { path: p, err } => {
                path = Some(p.clone());
                error = err;
            }
            ignore::Error::Loop { .. } => return None,
            ignore::Error::Io(io) => {
                let path = path?;
                let is_dir = std::fs::symlink_metadata(&path).is_ok_and(|m| m.is_dir());
                let reason = io_message(io);
                let message = if is_dir {
                    Msg::new(
                        format!("cannot read the folder: {}", reason.en),
                        format!("не удалось прочитать папку: {}", reason.ru),
                    )
                } else {
                    reason
                };
                let failure = Item::Failed {
                    path: display_path(&path),
                    message,
                };
                return Some((path, failure));
            }
            other => {
                out.warnings.push(other.to_string());
                return None;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    fn names(d: &Discovery, root: &Path) -> Vec<String> {
        d.items
            .iter()
            .map(|i| match i {
                Item::Check {
                    input: Input::File(p),
                    origin,
                } => format!(
                    "{} {origin:?}",
                    display_path(p.strip_prefix(root).unwrap_or(p))
                ),
                Item::Check { input, origin } => format!("{} {origin:?}", input.display()),
                Item::Failed { path, message } => {
                    let root = display_path(root);
                    let path = path.strip_prefix(&root).unwrap_or(path);
                    format!("{}: {}", path.trim_start_matches('/'), message.en)
                }
            })
            .collect()
    }

    #[test]
    fn walks_take_json_and_included_drafts_and_respect_gitignore() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        for f in [
            "a.json",
            "b.txt",
            "drafts/c.txt",
            "drafts/old/d.txt",
            "ignored/e.json",
            ".hidden/f.json",
            "node_modules/pkg/package.json",
            "target/g.json",
            "README.md",
        ] {
            let p = root.join(f);
            fs::create_dir_all(p.parent().unwrap()).unwrap();
            fs::write(p, "{}").unwrap();
        }
        fs::write(root.join(".gitignore"), "/ignored/\n").unwrap();
        let scope = Scope::new(
            root,
            &["drafts/**/*.txt".into()],
            &["drafts/old".into()],
            "walint.toml",
        )
        .unwrap();
        let d = discover(&[root.to_path_buf()], &scope);
        assert_eq!(names(&d, root), ["a.json Found", "drafts/c.txt Included"]);
        assert_eq!(d.skipped, 1, "b.txt");
    }

    #[test]
    fn every_path_is_answered() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        fs::write(root.join("t.json"), "{}").unwrap();
        let paths = [
            root.join("missing.json"),
            root.join("t.json"),
            PathBuf::from("-"),
        ];
        let d = discover(&paths, &Scope::default());
        let names = names(&d, root);
        assert_eq!(names[0], "missing.json: no such file or directory");
        assert_eq!(names[1..], ["t.json Named", "<stdin> Named"]);
    }

    #[cfg(unix)]
    #[test]
    fn links_are_followed_and_odd_files_refused() {
        use std::os::unix::fs::symlink;
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        fs::create_dir(root.join("real")).unwrap();
        fs::write(root.join("real/t.json"), "{}").unwrap();
        fs::create_dir(root.join("walked")).unwrap();
        symlink(root.join("real/t.json"), root.join("walked/link.json")).unwrap();
        symlink(root.join("real"), root.join("walked/dir")).unwrap();
        symlink(root.join("walked"), root.join("walked/loop")).unwrap();
        symlink(root.join("nowhere.json"), root.join("walked/dangling.json")).unwrap();
        let fifo = root.join("walked/pipe.json");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        let d = discover(&[root.join("walked")], &Scope::default());
        let names = names(&d, root);
        assert_eq!(
            names,
            [
                "walked/dangling.json: no such file or directory",
                "walked/dir/t.json Found",
                "walked/link.json Found"
            ]
        );
        if made.is_ok_and(|s| s.success()) {
            assert_eq!(d.skipped, 1, "the FIFO");
            let d = discover(&[fifo], &Scope::default());
            assert!(
                matches!(&d.items[..], [Item::Failed { message, .. }] if message.en.starts_with("not a regular file"))
            );
        }
    }

    #[cfg(unix)]
    #[test]
    fn an_unreadable_folder_is_named_and_the_rest_walked() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        fs::create_dir_all(root.join("locked")).unwrap();
        fs::write(root.join("locked/t.json"), "{}").unwrap();
        fs::write(root.join("z.json"), "{}").unwrap();
        fs::set_permissions(root.join("locked"), fs::Permissions::from_mode(0o000)).unwrap();
        let readable = fs::read_dir(root.join("locked")).is_ok(); // root reads anything
        let d = discover(&[root.to_path_buf()], &Scope::default());
        fs::set_permissions(root.join("locked"), fs::Permissions::from_mode(0o755)).unwrap();
        if !readable {
            let names = names(&d, root);
            assert_eq!(
                names[0],
                "locked: cannot read the folder: permission denied"
            );
            assert_eq!(names[1], "z.json Found");
        }
    }
}
