//! `--format json`: the shape other tools depend on.
//!
//! `{"files": [{"path", "templates": [{"name", "path", "diagnostics": [...], "prediction"}],
//! "error"}], "summary": {"errors", "warnings", "infos", "files", "templates", "unreadable_files",
//! "unfixed_files", "skipped_files"}}`
//!
//! Written as it goes, one template at a time, in the layout `serde_json`'s pretty printer
//! gives the whole (two spaces per level).

use super::super::{FileError, Summary};
use super::{pretty, write_pretty, FileView, Render};
use serde::Serialize;
use std::io::{self, Write};
use walint::TemplateReport;

#[derive(Serialize)]
struct ErrorOut<'a> {
    message: &'a str,
    line: Option<usize>,
    column: Option<usize>,
}

#[derive(Serialize)]
struct SummaryOut {
    errors: usize,
    warnings: usize,
    infos: usize,
    files: usize,
    templates: usize,
    /// Files that could not be checked: missing, unreadable, not templates.
    unreadable_files: usize,
    /// Files whose fixes could not be written.
    unfixed_files: usize,
    skipped_files: usize,
}

#[derive(Default)]
pub struct Json {
    started: bool,
    files: usize,
    /// Templates written for the current file.
    templates: usize,
    /// Where each report is printed before it is written out.
    scratch: Vec<u8>,
}

impl Json {
    fn start(&mut self, out: &mut dyn Write) -> io::Result<()> {
        if !self.started {
            self.started = true;
            write!(out, "{{\n  \"files\": [")?;
        }
        Ok(())
    }
}

impl Render for Json {
    fn begin_file(
        &mut self,
        out: &mut dyn Write,
        file: &FileView,
        _error: Option<&FileError>,
    ) -> io::Result<()> {
        self.start(out)?;
        let comma = if self.files > 0 { "," } else { "" };
        self.files += 1;
        self.templates = 0;
        write!(
            out,
            "{comma}\n    {{\n      \"path\": {},\n      \"templates\": [",
            serde_json::to_string(file.path)?
        )
    }

    fn template(
        &mut self,
        out: &mut dyn Write,
        _file: &FileView,
        report: &TemplateReport,
    ) -> io::Result<()> {
        let comma = if self.templates > 0 { "," } else { "" };
        self.templates += 1;
        write!(out, "{comma}\n        ")?;
        write_pretty(out, &mut self.scratch, report, 8)
    }

    fn end_file(
        &mut self,
        out: &mut dyn Write,
        _file: &FileView,
        error: Option<&FileError>,
    ) -> io::Result<()> {
        if self.templates > 0 {
            write!(out, "\n      ")?;
        }
        write!(out, "]")?;
        if let Some(e) = error {
            let e = ErrorOut {
                message: &e.message,
                line: e.line,
                column: e.column,
            };
            write!(out, ",\n      \"error\": {}", pretty(&e, 6)?)?;
        }
        write!(out, "\n    }}")
    }

    fn finish(&mut self, out: &mut dyn Write, summary: &Summary) -> io::Result<()> {
        self.start(out)?;
        if self.files > 0 {
            write!(out, "\n  ")?;
        }
        let summary = SummaryOut {
            errors: summary.findings.errors,
            warnings: summary.findings.warnings,
            infos: summary.findings.infos,
            files: summary.files,
            templates: summary.templates,
            unreadable_files: summary.unchecked,
            unfixed_files: summary.unfixed,
            skipped_files: summary.skipped,
        };
        writeln!(out, "],\n  \"summary\": {}\n}}", pretty(&summary, 2)?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::{json, Value};

    /// The streamed text is exactly what the pretty printer gives the whole report.
    #[test]
    fn streamed_output_is_the_pretty_printed_whole() {
        let report = walint::lint_source(
            r#"{"name": "x y", "components": [{"type": "BODY", "text": "{{1}}{{2}}"}]}"#,
            walint::InputKind::Json,
            &walint::LintOptions::default(),
        )
        .unwrap()
        .remove(0);
        let error = FileError {
            message: "invalid \"JSON\"".into(),
            line: Some(1),
            column: None,
            offset: None,
            unfixed: false,
        };
        let summary = Summary {
            files: 3,
            templates: 2,
            ..Summary::default()
        };
        let view = |path| FileView {
            path,
            file: None,
            source: None,
            templates: 2,
        };
        let mut out = Vec::new();
        let mut json = Json::default();
        let a = view("a.json");
        json.begin_file(&mut out, &a, None).unwrap();
        json.template(&mut out, &a, &report).unwrap();
        json.template(&mut out, &a, &report).unwrap();
        json.end_file(&mut out, &a, None).unwrap();
        let b = view("b.json");
        json.begin_file(&mut out, &b, Some(&error)).unwrap();
        json.end_file(&mut out, &b, Some(&error)).unwrap();
        json.finish(&mut out, &summary).unwrap();
        let whole = json!({
            "files": [
                {"path": "a.json", "templates": [report, report]},
                {"path": "b.json", "templates": [], "error": {"message": "invalid \"JSON\"", "line": 1, "column": null}},
            ],
            "summary": {"errors": 0, "warnings": 0, "infos": 0, "files": 3, "templates": 2,
                        "unreadable_files": 0, "unfixed_files": 0, "skipped_files": 0},
        });
        let text = String::from_utf8(out).unwrap();
        let parsed: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(parsed, whole);
        let mut empty = Vec::new();
        Json::default()
            .finish(&mut empty, &Summary::default())
            .unwrap();
        let empty = String::from_utf8(empty).unwrap();
        assert!(
            empty.starts_with("{\n  \"files\": [],\n  \"summary\": {\n    \"errors\": 0,"),
            "{empty}"
        );
    }
}
