//! `--format sarif`: SARIF 2.1.0, for GitHub code scanning and other viewers.
//!
//! Artifact URIs are relative to the repository root (the nearest folder above the current
//! one with a `.git`, else the current folder), declared as `%SRCROOT%` in
//! `originalUriBaseIds`, and percent-encoded (a `#` or a space in a file name would otherwise
//! end or break the URI). Each result has a `partialFingerprints` entry that does not depend on
//! line numbers, so that code scanning keeps one alert per finding as the file around it
//! changes.

use super::super::{FileError, Summary};
use super::{pretty, write_pretty, FileView, Render};
use serde_json::{json, Value};
use std::collections::HashMap;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use walint::rules::ALL;
use walint::{Severity, TemplateReport};

const SRCROOT: &str = "%SRCROOT%";

/// The key of walint's fingerprint; the `v1` changes if what it hashes ever does.
const FINGERPRINT: &str = "walint/v1";

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

pub struct Sarif {
    root: Option<PathBuf>,
    started: bool,
    results: usize,
    notifications: Vec<Value>,
    /// The current file's artifact location.
    artifact: Value,
    /// How many results of the current file had each fingerprint so far.
    seen: HashMap<u64, usize>,
    /// Where each result is printed before it is written out.
    scratch: Vec<u8>,
}

impl Sarif {
    pub fn new() -> Self {
        let root = std::env::current_dir().ok().map(|cwd| {
            cwd.ancestors()
                .find(|d| d.join(".git").exists())
                .unwrap_or(&cwd)
                .to_path_buf()
        });
        Sarif {
            root,
            started: false,
            results: 0,
            notifications: Vec::new(),
            artifact: Value::Null,
            seen: HashMap::new(),
            scratch: Vec::new(),
        }
    }

    /// Writes everything that comes before the results.
    fn start(&mut self, out: &mut dyn Write) -> io::Result<()> {
        if self.started {
            return Ok(());
        }
        self.started = true;
        let rules: Vec<Value> = ALL
            .iter()
            .map(|r| {
                json!({
                    "id": r.id,
                    "name": r.id,
                    "shortDescription": { "text": r.summary.0 },
                    "fullDescription": { "text": r.summary.0 },
                    "help": { "text": r.docs, "markdown": r.docs },
                    "defaultConfiguration": { "level": level(r.default_severity) },
                    "properties": { "tags": ["whatsapp", "template"] },
                })
            })
            .collect();
        let tool = json!({ "driver": {
            "name": "walint",
            "version": walint::VERSION,
            "informationUri": "https://github.com/walint/walint",
            "rules": rules,
        }});
        let bases = match &self.root {
            Some(root) => json!({ SRCROOT: { "uri": file_uri(root, true) } }),
            None => json!({}),
        };
        write!(
            out,
            "{{\n  \"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\",\n  \"version\": \"2.1.0\",\n  \"runs\": [\n    {{\n      \"tool\": {},\n      \"originalUriBaseIds\": {},\n      \"columnKind\": \"unicodeCodePoints\",\n      \"results\": [",
            pretty(&tool, 6)?,
            pretty(&bases, 6)?
        )
    }

    /// Where a file is, as SARIF says it: relative to the repository root when it is inside.
    fn artifact(&self, file: &FileView) -> Value {
        let Some(path) = file.file else {
            return json!({ "uri": encode(file.path) });
        };
        let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
        match self
            .root
            .as_ref()
            .and_then(|root| absolute.strip_prefix(root).ok())
        {
            Some(relative) => json!({
                "uri": encode(&relative.to_string_lossy().replace('\\', "/")),
                "uriBaseId": SRCROOT,
            }),
            None => json!({ "uri": file_uri(&absolute, false) }),
        }
    }
}

impl Render for Sarif {
    fn begin_file(
        &mut self,
        out: &mut dyn Write,
        file: &FileView,
        error: Option<&FileError>,
    ) -> io::Result<()> {
        self.start(out)?;
        self.artifact = self.artifact(file);
        self.seen.clear();
        if let Some(e) = error {
            self.notifications.push(json!({
                "level": "error",
                "message": { "text": e.message },
                "locations": [{ "physicalLocation": {
                    "artifactLocation": self.artifact,
                    "region": { "startLine": e.line.unwrap_or(1), "startColumn": e.column.unwrap_or(1) },
                }}],
            }));
        }
        Ok(())
    }

    fn template(
        &mut self,
        out: &mut dyn Write,
        file: &FileView,
        t: &TemplateReport,
    ) -> io::Result<()> {
        for d in &t.diagnostics {
            let rule_index = ALL.iter().position(|x| x.id == d.rule).unwrap_or(0);
            let region = d.location.map_or(json!({ "startLine": 1 }), |l| {
                json!({
                    "startLine": l.start.line,
                    "startColumn": l.start.column,
                    "endLine": l.end.line,
                    "endColumn": l.end.column.max(l.start.column + usize::from(l.end.line == l.start.line)),
                })
            });
            let mut message = d.message.clone();
            if let Some(h) = &d.help {
                message += &format!(" ({h})");
            }
            // What the finding is about, wherever it moves in the file: the rule, the
            // template (by name), the field and the flagged text.
            let flagged = match (d.location, file.source) {
                (Some(l), Some(src)) => src.get(l.start.offset..l.end.offset).unwrap_or(""),
                _ => "",
            };
            let field = d
                .path
                .strip_prefix(t.path.as_str())
                .unwrap_or(&d.path)
                .trim_start_matches('.');
            let template = t.name.as_deref().unwrap_or(&t.path);
            let hash = fnv1a(&[
                d.rule,
                self.artifact["uri"].as_str().unwrap_or(""),
                template,
                field,
                flagged,
            ]);
            let occurrence = self.seen.entry(hash).or_insert(0);
            *occurrence += 1;
            let result = json!({
                "ruleId": d.rule,
                "ruleIndex": rule_index,
                "level": level(d.severity),
                "message": { "text": message },
                "locations": [{
                    "physicalLocation": { "artifactLocation": self.artifact, "region": region },
                    "logicalLocations": [{ "fullyQualifiedName": d.path, "kind": "member" }],
                }],
                "partialFingerprints": { FINGERPRINT: format!("{hash:016x}:{occurrence}") },
            });
            let comma = if self.results > 0 { "," } else { "" };
            self.results += 1;
            write!(out, "{comma}\n        ")?;
            write_pretty(out, &mut self.scratch, &result, 8)?;
        }
        Ok(())
    }

    fn end_file(
        &mut self,
        _out: &mut dyn Write,
        _file: &FileView,
        _error: Option<&FileError>,
    ) -> io::Result<()> {
        Ok(())
    }

    fn finish(&mut self, out: &mut dyn Write, _summary: &Summary) -> io::Result<()> {
        self.start(out)?;
        if self.results > 0 {
            write!(out, "\n      ")?;
        }
        let invocations = json!([{
            "executionSuccessful": self.notifications.is_empty(),
            "toolExecutionNotifications": self.notifications,
        }]);
        writeln!(
            out,
            "],\n      \"invocations\": {}\n    }}\n  ]\n}}",
            pretty(&invocations, 6)?
        )
    }
}

/// Percent-encodes a relative path for a URI (RFC 3986): every byte but the unreserved
/// characters and `/` (so `#`, `?`, `%`, spaces and non-ASCII letters are encoded).
fn encode(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for &b in path.as_bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~' | b'/') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// `file:///…` for an absolute path; `folder` adds the trailing `/` SARIF wants on a base.
fn file_uri(path: &Path, folder: bool) -> String {
    let mut p = path.to_string_lossy().replace('\\', "/");
    if !p.starts_with('/') {
        p.insert(0, '/'); // C:/x → /C:/x
    }
    if folder && !p.ends_with('/') {
        p.push('/');
    }
    format!("file://{}", encode(&p))
}

/// FNV-1a (64 bits) of the parts, each followed by a 0 byte: stable across versions and
/// machines, unlike the standard library's hasher.
fn fnv1a(parts: &[&str]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for part in parts {
        for &b in part.as_bytes().iter().chain([&0]) {
            hash ^= u64::from(b);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    }
    hash
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uris_are_percent_encoded() {
        assert_eq!(
            encode("templates/a b#1?.json"),
            "templates/a%20b%231%3F.json"
        );
        assert_eq!(
            encode("шаблон.json"),
            "%D1%88%D0%B0%D0%B1%D0%BB%D0%BE%D0%BD.json"
        );
        assert_eq!(encode("100%.json"), "100%25.json");
        assert_eq!(
            file_uri(Path::new("/repo dir"), true),
            "file:///repo%20dir/"
        );
    }

    #[test]
    fn fingerprints_are_stable() {
        // FNV-1a's published test vector, then the 0 separator this hash adds.
        assert_eq!(fnv1a(&[]), 0xcbf2_9ce4_8422_2325);
        assert_ne!(fnv1a(&["ab", "c"]), fnv1a(&["a", "bc"]));
        assert_eq!(fnv1a(&["a", "b"]), fnv1a(&["a", "b"]));
    }
}
