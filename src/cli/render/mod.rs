//! The report formats.

mod github;
mod human;
mod json;
mod sarif;

use super::{FileResult, Format, Summary};
use std::io::{self, Write};
use walint::l10n::plural_en;
use walint::{Lang, LintOptions};

pub fn write(
    format: Format,
    results: &[FileResult],
    summary: &Summary,
    options: &LintOptions,
    color: bool,
    out: &mut dyn Write,
) -> io::Result<()> {
    match format {
        Format::Human => human::write(results, summary, options.lang, color, out),
        Format::Json => json::write(results, summary, out),
        Format::Sarif => sarif::write(results, out),
        Format::Github => github::write(results, summary, out),
    }
}

/// "walint: 2 errors, 1 warning, 0 infos in 3 templates (2 files)", and the unreadable files.
pub fn summary_line(s: &Summary, lang: Lang) -> String {
    let mut line = match lang {
        Lang::Ru => format!(
            "walint: ошибок: {}, предупреждений: {}, замечаний: {}; проверено шаблонов: {}, файлов: {}",
            s.errors, s.warnings, s.infos, s.templates, s.files
        ),
        Lang::En => format!(
            "walint: {} {}, {} {}, {} {} in {} {} ({} {})",
            s.errors,
            plural_en(s.errors, "error", "errors"),
            s.warnings,
            plural_en(s.warnings, "warning", "warnings"),
            s.infos,
            plural_en(s.infos, "info", "infos"),
            s.templates,
            plural_en(s.templates, "template", "templates"),
            s.files,
            plural_en(s.files, "file", "files"),
        ),
    };
    if s.unreadable > 0 {
        line += &match lang {
            Lang::Ru => format!("; не удалось прочитать файлов: {}", s.unreadable),
            Lang::En => format!(
                "; {} {} could not be read",
                s.unreadable,
                plural_en(s.unreadable, "file", "files")
            ),
        };
    }
    line
}
