//! `--format github`: workflow commands that GitHub Actions turns into annotations.

use super::super::{FileResult, Summary};
use std::io::{self, Write};
use walint::Severity;

/// Escaping for the message part of a workflow command.
fn data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escaping for a property value (`file=…`, `title=…`).
fn property(s: &str) -> String {
    data(s).replace(':', "%3A").replace(',', "%2C")
}

pub fn write(results: &[FileResult], summary: &Summary, out: &mut dyn Write) -> io::Result<()> {
    for r in results {
        let file = property(&r.path);
        if let Some(e) = &r.error {
            writeln!(
                out,
                "::error file={file},line={},col={},title=walint::{}",
                e.line.unwrap_or(1),
                e.column.unwrap_or(1),
                data(&e.message)
            )?;
        }
        for d in r.templates.iter().flat_map(|t| &t.diagnostics) {
            let level = match d.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
                Severity::Info => "notice",
            };
            let mut props = format!("file={file}");
            if let Some(l) = d.location {
                props += &format!(",line={},col={}", l.start.line, l.start.column);
                // GitHub's end column is inclusive; ours is one past the end.
                let end_col = l.end.column.saturating_sub(1).max(l.start.column);
                props += &format!(",endLine={},endColumn={end_col}", l.end.line);
            }
            let mut message = d.message.clone();
            if let Some(h) = &d.help {
                message += &format!("\n{h}");
            }
            writeln!(
                out,
                "::{level} {props},title={}::{}",
                property(&format!("walint {}", d.rule)),
                data(&message)
            )?;
        }
    }
    writeln!(out, "{}", super::summary_line(summary, walint::Lang::En))
}
