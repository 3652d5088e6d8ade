//! `--format github`: workflow commands that GitHub Actions turns into annotations.

use super::super::{FileError, Summary};
use super::{visible, FileView, Render};
use std::io::{self, Write};
use walint::{Severity, TemplateReport};

/// Escaping for the message part of a workflow command: control characters from a template
/// become visible escapes first, then the command's own escapes apply, so a message is
/// always one line.
fn data(s: &str) -> String {
    visible(s).replace('%', "%25")
}

/// The lines of a message (each made [visible]), joined with an escaped line break.
fn lines(parts: &[&str]) -> String {
    parts
        .iter()
        .map(|p| data(p))
        .collect::<Vec<_>>()
        .join("%0A")
}

/// Escaping for a property value (`file=…`, `title=…`).
fn property(s: &str) -> String {
    data(s).replace(':', "%3A").replace(',', "%2C")
}

pub struct Github;

impl Render for Github {
    fn begin_file(
        &mut self,
        out: &mut dyn Write,
        file: &FileView,
        error: Option<&FileError>,
    ) -> io::Result<()> {
        if let Some(e) = error {
            writeln!(
                out,
                "::error file={},line={},col={},title=walint::{}",
                property(file.path),
                e.line.unwrap_or(1),
                e.column.unwrap_or(1),
                data(&e.message)
            )?;
        }
        Ok(())
    }

    fn template(
        &mut self,
        out: &mut dyn Write,
        file: &FileView,
        report: &TemplateReport,
    ) -> io::Result<()> {
        let path = property(file.path);
        for d in &report.diagnostics {
            let level = match d.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
                Severity::Info => "notice",
            };
            let mut props = format!("file={path}");
            if let Some(l) = d.location {
                props += &format!(",line={},col={}", l.start.line, l.start.column);
                // GitHub's end column is inclusive; ours is one past the end.
                let end_col = l.end.column.saturating_sub(1).max(l.start.column);
                props += &format!(",endLine={},endColumn={end_col}", l.end.line);
            }
            let message = match &d.help {
                Some(h) => lines(&[&d.message, h]),
                None => lines(&[&d.message]),
            };
            writeln!(
                out,
                "::{level} {props},title={}::{message}",
                property(&format!("walint {}", d.rule)),
            )?;
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

    fn finish(&mut self, out: &mut dyn Write, summary: &Summary) -> io::Result<()> {
        writeln!(out, "{}", super::summary_line(summary, walint::Lang::En))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_message_cannot_start_a_command_of_its_own() {
        let forged = "x\n::error file=README.md,line=1::forged\r\u{1b}[2J";
        let line = format!(
            "::error file={}::{}",
            property(forged),
            lines(&[forged, "help"])
        );
        assert!(!line.contains(['\n', '\r', '\u{1b}']), "{line}");
        assert_eq!(
            lines(&[forged]),
            "x\\n::error file=README.md,line=1::forged\\r\\u{1b}[2J"
        );
        assert_eq!(data("100%"), "100%25");
    }
}
