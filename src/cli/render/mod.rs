//! The report formats. Each writes as it goes: a file's reports are written as its templates
//! are linted, and only the summary waits for the end.

mod github;
mod human;
mod json;
mod sarif;

use super::{FileError, Format, Summary};
use std::borrow::Cow;
use std::io::{self, Write};
use walint::l10n::{plural_en, plural_ru};
use walint::{Lang, LintOptions, TemplateReport};

/// Writes `value` pretty-printed (two spaces per level) with its lines after the first indented
/// by `indent` spaces: one template's report at a time, so a 20 000-template export is never
/// held whole. `scratch` is the renderer's buffer, kept from one report to the next.
pub(super) fn write_pretty(
    out: &mut dyn Write,
    scratch: &mut Vec<u8>,
    value: &impl serde::Serialize,
    indent: usize,
) -> io::Result<()> {
    // The printer writes token by token; into a Vec that is a copy, into the output (a
    // `dyn Write` behind the broken-pipe guard) it was a fifth of an export's run. So the value
    // is printed whole into a buffer, then written at once.
    scratch.clear();
    let formatter = Indented {
        base: indent,
        level: 0,
        has_value: false,
    };
    let mut serializer = serde_json::Serializer::with_formatter(&mut *scratch, formatter);
    value.serialize(&mut serializer).map_err(io::Error::other)?;
    out.write_all(scratch)
}

/// `serde_json`'s pretty layout (two spaces per level), every line after the first starting
/// `base` spaces further in: the layout of a value printed inside an enclosing one.
struct Indented {
    base: usize,
    level: usize,
    has_value: bool,
}

impl Indented {
    fn new_line<W: ?Sized + Write>(&self, out: &mut W) -> io::Result<()> {
        const SPACES: &[u8; 64] = &[b' '; 64];
        out.write_all(b"\n")?;
        let mut pad = self.base + 2 * self.level;
        while pad > 0 {
            let n = pad.min(SPACES.len());
            out.write_all(&SPACES[..n])?;
            pad -= n;
        }
        Ok(())
    }

    /// Opens an array or an object (`bracket`).
    fn open<W: ?Sized + Write>(&mut self, out: &mut W, bracket: &[u8]) -> io::Result<()> {
        self.level += 1;
        self.has_value = false;
        out.write_all(bracket)
    }

    /// Closes an array or an object: on a line of its own unless it is empty.
    fn close<W: ?Sized + Write>(&mut self, out: &mut W, bracket: &[u8]) -> io::Result<()> {
        self.level -= 1;
        if self.has_value {
            self.new_line(out)?;
        }
        out.write_all(bracket)
    }

    /// Starts an array element or an object key: after a comma unless it is the first.
    fn item<W: ?Sized + Write>(&mut self, out: &mut W, first: bool) -> io::Result<()> {
        if !first {
            out.write_all(b",")?;
        }
        self.new_line(out)
    }
}

impl serde_json::ser::Formatter for Indented {
    fn begin_array<W: ?Sized + Write>(&mut self, out: &mut W) -> io::Result<()> {
        self.open(out, b"[")
    }

    fn end_array<W: ?Sized + Write>(&mut self, out: &mut W) -> io::Result<()> {
        self.close(out, b"]")
    }

    fn begin_array_value<W: ?Sized + Write>(&mut self, out: &mut W, first: bool) -> io::Result<()> {
        self.item(out, first)
    }

    fn end_array_value<W: ?Sized + Write>(&mut self, _out: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }

    fn begin_object<W: ?Sized + Write>(&mut self, out: &mut W) -> io::Result<()> {
        self.open(out, b"{")
    }

    fn end_object<W: ?Sized + Write>(&mut self, out: &mut W) -> io::Result<()> {
        self.close(out, b"}")
    }

    fn begin_object_key<W: ?Sized + Write>(&mut self, out: &mut W, first: bool) -> io::Result<()> {
        self.item(out, first)
    }

    fn begin_object_value<W: ?Sized + Write>(&mut self, out: &mut W) -> io::Result<()> {
        out.write_all(b": ")
    }

    fn end_object_value<W: ?Sized + Write>(&mut self, _out: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }
}

/// [`write_pretty`] into a string, for the few values written once per run.
pub(super) fn pretty(value: &impl serde::Serialize, indent: usize) -> io::Result<String> {
    let mut out = Vec::new();
    write_pretty(&mut out, &mut Vec::new(), value, indent)?;
    String::from_utf8(out).map_err(io::Error::other)
}

/// A file being reported.
pub struct FileView<'a> {
    /// The path as shown (`templates/order.json`, `<stdin>`).
    pub path: &'a str,
    /// The path to the file (for SARIF's URIs); `None` for standard input and failed folders.
    pub file: Option<&'a std::path::Path>,
    /// The whole text of the file, when it was read.
    pub source: Option<&'a str>,
    /// How many templates it holds.
    pub templates: usize,
}

/// A report format. For each file: `begin_file`, `template` for each of its templates in
/// order, `end_file`; at the end `finish`. `error` is the file's failure, if any (unreadable,
/// not a template, fixes that could not be written), given to both ends.
pub trait Render {
    fn begin_file(
        &mut self,
        out: &mut dyn Write,
        file: &FileView,
        error: Option<&FileError>,
    ) -> io::Result<()>;
    fn template(
        &mut self,
        out: &mut dyn Write,
        file: &FileView,
        report: &TemplateReport,
    ) -> io::Result<()>;
    fn end_file(
        &mut self,
        out: &mut dyn Write,
        file: &FileView,
        error: Option<&FileError>,
    ) -> io::Result<()>;
    fn finish(&mut self, out: &mut dyn Write, summary: &Summary) -> io::Result<()>;
}

pub fn renderer(format: Format, options: &LintOptions, color: bool) -> Box<dyn Render> {
    match format {
        Format::Human => Box::new(human::Human::new(options.lang, options.profile, color)),
        Format::Json => Box::new(json::Json::default()),
        Format::Sarif => Box::new(sarif::Sarif::new()),
        Format::Github => Box::new(github::Github),
    }
}

/// "walint: 2 errors, 1 warning, 0 infos in 3 templates (2 files)", then the files that could
/// not be checked or fixed, and those skipped.
pub fn summary_line(s: &Summary, lang: Lang) -> String {
    let mut line = match lang {
        Lang::Ru => format!(
            "walint: ошибок: {}, предупреждений: {}, замечаний: {}; проверено шаблонов: {}, файлов: {}",
            s.findings.errors, s.findings.warnings, s.findings.infos, s.templates, s.files
        ),
        Lang::En => format!(
            "walint: {} {}, {} {}, {} {} in {} {} ({} {})",
            s.findings.errors,
            plural_en(s.findings.errors, "error", "errors"),
            s.findings.warnings,
            plural_en(s.findings.warnings, "warning", "warnings"),
            s.findings.infos,
            plural_en(s.findings.infos, "info", "infos"),
            s.templates,
            plural_en(s.templates, "template", "templates"),
            s.files,
            plural_en(s.files, "file", "files"),
        ),
    };
    if s.unchecked > 0 {
        line += &match lang {
            Lang::Ru => format!("; не удалось проверить файлов: {}", s.unchecked),
            Lang::En => format!(
                "; {} {} could not be checked",
                s.unchecked,
                plural_en(s.unchecked, "file", "files")
            ),
        };
    }
    if s.unfixed > 0 {
        line += &match lang {
            Lang::Ru => format!("; не удалось записать исправления в файлов: {}", s.unfixed),
            Lang::En => format!(
                "; the fixes to {} {} could not be written",
                s.unfixed,
                plural_en(s.unfixed, "file", "files")
            ),
        };
    }
    if s.skipped > 0 {
        line += &match lang {
            Lang::Ru => format!(
                "; пропущено {} {}: это не шаблоны",
                s.skipped,
                plural_ru(s.skipped, "файл", "файла", "файлов")
            ),
            Lang::En => format!(
                "; skipped {} {}",
                s.skipped,
                plural_en(
                    s.skipped,
                    "file that is not a template",
                    "files that are not templates"
                ),
            ),
        };
    }
    line
}

/// Text from a template or a file name, safe to print on a terminal: control characters
/// (ESC, BEL, CR, line breaks, ...), the Unicode line separators and the bidirectional
/// overrides are shown as escapes (`\n`, `\u{1b}`), so that a template can neither drive the
/// terminal nor start a line of its own (a GitHub workflow command such as `::error ...`).
pub fn visible(s: &str) -> Cow<'_, str> {
    if !has_escape(s) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        push_visible(&mut out, c);
    }
    Cow::Owned(out)
}

/// Whether a character of `s` [needs an escape](needs_escape), read from the UTF-8 bytes:
/// each such character is a C0 control or DEL (one byte), a C1 control (`C2 80`..`C2 9F`) or a
/// line/paragraph separator or bidirectional control (`E2 80 A8`..`E2 80 AE`, `E2 81 A6`..
/// `E2 81 A9`). Every message and path printed is checked, and an export's one-line source
/// of megabytes once, so decoding each character would cost more than the printing: the bytes
/// such a character starts with are looked for a block at a time (a loop without an early exit,
/// which the compiler turns into vector instructions), and only a block with one is read
/// closely.
pub fn has_escape(s: &str) -> bool {
    const BLOCK: usize = 32;
    let b = s.as_bytes();
    let may_start = |x: u8| x < 0x20 || x == 0x7f || x == 0xc2 || x == 0xe2;
    b.chunks(BLOCK).enumerate().any(|(n, block)| {
        block.iter().fold(false, |seen, &x| seen | may_start(x))
            && (n * BLOCK..n * BLOCK + block.len()).any(|i| escape_starts_at(b, i))
    })
}

/// Whether the character at byte `i` of `b` [needs an escape](needs_escape).
fn escape_starts_at(b: &[u8], i: usize) -> bool {
    match b[i] {
        0x00..=0x1f | 0x7f => true,
        0xc2 => matches!(b.get(i + 1), Some(0x80..=0x9f)),
        0xe2 => matches!(
            (b.get(i + 1), b.get(i + 2)),
            (Some(0x80), Some(0xa8..=0xae)) | (Some(0x81), Some(0xa6..=0xa9))
        ),
        _ => false,
    }
}

pub fn needs_escape(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{2028}' | '\u{2029}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Pushes `c`, or its escape when it [needs one](needs_escape).
pub fn push_visible(out: &mut String, c: char) {
    match c {
        '\n' => out.push_str("\\n"),
        '\r' => out.push_str("\\r"),
        '\t' => out.push_str("\\t"),
        c if needs_escape(c) => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
        c => out.push(c),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The byte-level check agrees with [`needs_escape`] on every character, alone and between
    /// others.
    #[test]
    fn escapes_are_found_on_the_bytes() {
        for c in (0..=0x10_ffffu32).filter_map(char::from_u32) {
            let alone = c.to_string();
            assert_eq!(has_escape(&alone), needs_escape(c), "{c:?}");
            assert_eq!(has_escape(&format!("aЯ{c}🙂")), needs_escape(c), "{c:?}");
        }
        // Across the blocks the bytes are scanned in: a character that starts near a block's
        // end and ends in the next one, far into a long text.
        for c in ['\u{202E}', '\u{85}', '\u{1b}', '—', 'Я'] {
            for lead in 0..70 {
                let text = format!("{}{c}{}", "a".repeat(lead), "b".repeat(40));
                assert_eq!(has_escape(&text), needs_escape(c), "{c:?} after {lead}");
            }
        }
    }

    /// The layout is `serde_json`'s own pretty one, indented: empty and nested arrays and
    /// objects, strings with escapes, any base indent.
    #[test]
    fn pretty_printing_with_a_base_indent_is_serde_jsons_layout_indented() {
        let value = serde_json::json!({
            "a": [], "b": {}, "c": [1, [2, []], {"d": "x\ny\"z", "e": null}],
            "f": {"g": {"h": [true, false]}}, "i": "ы👋",
        });
        let plain = serde_json::to_string_pretty(&value).unwrap();
        for indent in [0, 2, 8, 70] {
            let pad = format!("\n{}", " ".repeat(indent));
            let mut out = Vec::new();
            write_pretty(&mut out, &mut Vec::new(), &value, indent).unwrap();
            assert_eq!(String::from_utf8(out).unwrap(), plain.replace('\n', &pad));
        }
    }

    #[test]
    fn control_characters_are_escaped() {
        assert_eq!(visible("plain Привет 👋🏽"), "plain Привет 👋🏽");
        assert_eq!(
            visible("a\n::error file=README.md,line=1::forged"),
            "a\\n::error file=README.md,line=1::forged"
        );
        assert_eq!(
            visible("\u{1b}]0;pwned\u{7}\r\u{85}\u{202e}x\u{2028}"),
            "\\u{1b}]0;pwned\\u{7}\\r\\u{85}\\u{202e}x\\u{2028}"
        );
    }

    #[test]
    fn summary_counts_skipped_and_failed_files() {
        let s = Summary {
            templates: 1,
            files: 2,
            unchecked: 1,
            unfixed: 2,
            skipped: 3,
            ..Summary::default()
        };
        assert_eq!(
            summary_line(&s, Lang::En),
            "walint: 0 errors, 0 warnings, 0 infos in 1 template (2 files); 1 file could not be checked; the fixes to 2 files could not be written; skipped 3 files that are not templates"
        );
        assert!(summary_line(&s, Lang::Ru).ends_with("; пропущено 3 файла: это не шаблоны"));
    }
}
