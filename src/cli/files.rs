//! Which files to check, and reading them.

use std::io::Read;
use std::path::{Path, PathBuf};
use walint::{Document, LoadError};

/// Largest file the CLI reads (a `{"data": [...]}` dump of 6,000 templates is about 6 MB).
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// One input: a file, or standard input (`-`).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Input {
    File(PathBuf),
    Stdin,
}

impl Input {
    /// The name shown in reports: the path as given, with `/` separators.
    pub fn display(&self) -> String {
        match self {
            Input::File(p) => {
                let shown = p.to_string_lossy().replace('\\', "/");
                shown
                    .strip_prefix("./")
                    .map(str::to_string)
                    .unwrap_or(shown)
            }
            Input::Stdin => "<stdin>".to_string(),
        }
    }
}

/// Expands the command-line paths: directories are searched recursively for `*.json` and
/// `*.txt` (hidden entries, `node_modules` and `target` skipped), in a stable order.
pub fn expand(paths: &[PathBuf]) -> Result<Vec<Input>, String> {
    let mut out = Vec::new();
    for p in paths {
        if p.as_os_str() == "-" {
            out.push(Input::Stdin);
        } else if p.is_dir() {
            let mut found = Vec::new();
            walk(p, &mut found)
                .map_err(|e| format!("cannot read directory {}: {e}", p.display()))?;
            found.sort();
            out.extend(found.into_iter().map(Input::File));
        } else if p.exists() {
            out.push(Input::File(p.clone()));
        } else {
            return Err(format!("{}: no such file or directory", p.display()));
        }
    }
    Ok(out)
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if name.starts_with('.') || name == "node_modules" || name == "target" {
            continue;
        }
        let path = entry.path();
        let kind = entry.file_type()?;
        if kind.is_dir() {
            walk(&path, out)?;
        } else if kind.is_file()
            && matches!(
                path.extension().and_then(|e| e.to_str()),
                Some("json" | "txt")
            )
        {
            out.push(path);
        }
    }
    Ok(())
}

/// Why an input could not be checked.
pub enum ReadError {
    /// Reading failed (missing, unreadable, too large, not UTF-8).
    Io(String),
    /// The content is not a template document.
    Load(LoadError, String),
}

/// Applies every available fix to a file and writes it back; returns the number of edits.
/// Files that cannot be read or parsed are left for the check that follows to report.
pub fn fix(input: &Input, options: &walint::LintOptions) -> Result<usize, String> {
    let Input::File(path) = input else {
        return Ok(0);
    };
    let Ok(source) = std::fs::read_to_string(path) else {
        return Ok(0);
    };
    let kind = match path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .as_deref()
    {
        Some("json") => walint::InputKind::Json,
        Some("txt") => walint::InputKind::PlainText,
        _ => walint::InputKind::Auto,
    };
    let Ok(fixed) = walint::fix::fix_all(&source, kind, options) else {
        return Ok(0);
    };
    if fixed.applied > 0 {
        std::fs::write(path, &fixed.source)
            .map_err(|e| format!("{}: cannot write the fixes: {e}", input.display()))?;
    }
    Ok(fixed.applied)
}

/// Reads and parses one input.
pub fn read(input: &Input) -> Result<Document, ReadError> {
    let mut bytes = Vec::new();
    let (result, json_by_name) = match input {
        Input::Stdin => (
            std::io::stdin()
                .take(MAX_FILE_BYTES + 1)
                .read_to_end(&mut bytes),
            None,
        ),
        Input::File(p) => {
            let ext = p
                .extension()
                .and_then(|e| e.to_str())
                .map(str::to_ascii_lowercase);
            let json = match ext.as_deref() {
                Some("json") => Some(true),
                Some("txt") => Some(false),
                _ => None,
            };
            (
                std::fs::File::open(p)
                    .and_then(|f| f.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes)),
                json,
            )
        }
    };
    result.map_err(|e| ReadError::Io(format!("{}: {e}", input.display())))?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(ReadError::Io(format!(
            "{}: larger than the {} MiB limit",
            input.display(),
            MAX_FILE_BYTES >> 20
        )));
    }
    let source = String::from_utf8(bytes).map_err(|e| {
        ReadError::Io(format!(
            "{}: not UTF-8 text (invalid byte at offset {})",
            input.display(),
            e.utf8_error().valid_up_to()
        ))
    })?;
    let doc = match json_by_name {
        Some(true) => walint::load_json(&source),
        Some(false) => Ok(walint::load_plain_text(&source)),
        None => walint::load_auto(&source),
    };
    doc.map_err(|e| ReadError::Load(e, source))
}
