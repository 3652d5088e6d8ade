//! `--format json`: the shape other tools depend on.
//!
//! `{"files": [{"path", "templates": [{"name", "path", "diagnostics": [...], "prediction"}],
//! "error"}], "summary": {"errors", "warnings", "infos", "files", "templates", "unreadable_files"}}`

use super::super::{FileError, FileResult, Summary};
use serde::Serialize;
use std::io::{self, Write};
use walint::TemplateReport;

#[derive(Serialize)]
struct Report<'a> {
    files: Vec<File<'a>>,
    summary: SummaryOut,
}

#[derive(Serialize)]
struct File<'a> {
    path: &'a str,
    templates: &'a [TemplateReport],
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<ErrorOut<'a>>,
}

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
    unreadable_files: usize,
}

pub fn write(results: &[FileResult], summary: &Summary, out: &mut dyn Write) -> io::Result<()> {
    let report = Report {
        files: results
            .iter()
            .map(|r| File {
                path: &r.path,
                templates: &r.templates,
                error: r.error.as_ref().map(|e: &FileError| ErrorOut {
                    message: &e.message,
                    line: e.line,
                    column: e.column,
                }),
            })
            .collect(),
        summary: SummaryOut {
            errors: summary.errors,
            warnings: summary.warnings,
            infos: summary.infos,
            files: summary.files,
            templates: summary.templates,
            unreadable_files: summary.unreadable,
        },
    };
    serde_json::to_writer_pretty(&mut *out, &report)?;
    writeln!(out)
}
