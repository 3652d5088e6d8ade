//! `--format human`: rustc-style reports with the offending text underlined.
//!
//! ```text
//! error[button-count]: 3 URL buttons: Meta allows at most 2
//!   --> examples/bad.json:14:9 (components[3].buttons[2])
//!    |
//! 14 |         {"type": "URL", "text": "Сайт", "url": "https://shop.ru"}
//!    |         ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
//! ```
//! Carets are placed by display width, so they sit under emoji (two columns) and Cyrillic
//! (one column) alike. Long lines (a whole body on one JSON line) are cut to a window around
//! the finding.

use super::super::{FileError, Summary};
use super::{has_escape, needs_escape, push_visible, visible, FileView, Render};
use std::borrow::Cow;
use std::cell::Cell;
use std::fmt::{self, Write as _};
use std::io::{self, Write};
use std::ops::Range;
use unicode_width::UnicodeWidthStr;
use walint::options::Profile;
use walint::predict::{Outcome, Prediction, Risk};
use walint::text::floor_char;
use walint::{Lang, Severity, TemplateReport};

/// Widest source excerpt shown, in terminal columns.
const MAX_LINE_WIDTH: usize = 100;

/// Columns shown before a finding when the line is cut.
const LEAD_COLUMNS: usize = 30;

/// Lines longer than this (in bytes) are always shown as a window around the finding, and
/// apart from one scan of the whole line only the bytes around it are looked at: such a line
/// cannot fit in [`MAX_LINE_WIDTH`] columns (short of a pile of combining marks), and scanning
/// a minified export, one line of megabytes, for every finding on it took quadratic time
/// (4 000 templates: 98 s).
const MEASURED_LINE_BYTES: usize = 1536;

/// How far before and after a finding a long line is looked at: far more than the window
/// shows ([`LEAD_COLUMNS`] before, [`MAX_LINE_WIDTH`] in all), unless the text is mostly
/// zero-width characters, and then the window is narrower.
const LOOK_BEHIND_BYTES: usize = 512;
const LOOK_AHEAD_BYTES: usize = MEASURED_LINE_BYTES - LOOK_BEHIND_BYTES;

struct Style {
    color: bool,
}

/// `text` in the terminal colour `code`, or plain: written straight to the output, without a
/// `String` of its own (every finding prints a dozen of these).
struct Painted<T> {
    code: &'static str,
    text: T,
    color: bool,
}

impl<T: fmt::Display> fmt::Display for Painted<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.color {
            write!(f, "\x1b[{}m{}\x1b[0m", self.code, self.text)
        } else {
            self.text.fmt(f)
        }
    }
}

/// A run of `n` spaces or carets, written a slice at a time without building the string.
struct Repeated(&'static str, usize);

const SPACES: &str = "                                                                ";
const CARETS: &str = "^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^";

impl fmt::Display for Repeated {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut left = self.1;
        while left > 0 {
            let n = left.min(self.0.len());
            f.write_str(&self.0[..n])?;
            left -= n;
        }
        Ok(())
    }
}

impl Style {
    fn paint<T: fmt::Display>(&self, code: &'static str, text: T) -> Painted<T> {
        Painted {
            code,
            text,
            color: self.color,
        }
    }

    fn severity(&self, s: Severity, lang: Lang) -> Painted<&'static str> {
        let (code, en, ru) = match s {
            Severity::Error => ("1;31", "error", "ошибка"),
            Severity::Warning => ("1;33", "warning", "предупреждение"),
            Severity::Info => ("1;36", "info", "замечание"),
        };
        self.paint(code, if lang == Lang::Ru { ru } else { en })
    }

    fn gutter<T: fmt::Display>(&self, text: T) -> Painted<T> {
        self.paint("1;34", text)
    }
}

pub struct Human {
    lang: Lang,
    /// A Business-app broadcast has no category: its forecast names none.
    profile: Profile,
    style: Style,
    /// Where each line of the current file starts.
    lines: Lines,
    /// The last line of the current file measured: (its start, shown as it is, wider than
    /// the window).
    measured_line: Cell<Option<(usize, bool, bool)>>,
    /// The text of the report being written, kept between reports for its capacity.
    text: String,
}

impl Human {
    pub fn new(lang: Lang, profile: Profile, color: bool) -> Self {
        Human {
            lang,
            profile,
            style: Style { color },
            lines: Lines::default(),
            measured_line: Cell::new(None),
            text: String::new(),
        }
    }
}

impl Render for Human {
    fn begin_file(
        &mut self,
        out: &mut dyn Write,
        file: &FileView,
        error: Option<&FileError>,
    ) -> io::Result<()> {
        self.lines = file.source.map(Lines::of).unwrap_or_default();
        self.measured_line.set(None);
        let Some(e) = error else {
            return Ok(());
        };
        self.write_out(out, |human, s| human.file_error(s, file, e))
    }

    fn template(
        &mut self,
        out: &mut dyn Write,
        file: &FileView,
        t: &TemplateReport,
    ) -> io::Result<()> {
        self.write_out(out, |human, s| human.report(s, file, t))
    }

    fn end_file(
        &mut self,
        _out: &mut dyn Write,
        _file: &FileView,
        _error: Option<&FileError>,
    ) -> io::Result<()> {
        self.lines = Lines::default();
        Ok(())
    }

    fn finish(&mut self, out: &mut dyn Write, summary: &Summary) -> io::Result<()> {
        let line = super::summary_line(summary, self.lang);
        let code = if summary.findings.errors > 0 || summary.failed() > 0 {
            "1;31"
        } else if summary.findings.warnings > 0 {
            "1;33"
        } else {
            "1;32"
        };
        writeln!(out, "{}", self.style.paint(code, &line))
    }
}

/// The start of every line of a file. A line ends at `\n`, at `\r\n`, or at a `\r` alone, as
/// [`walint::text::Cursor`] counts them.
#[derive(Default)]
struct Lines {
    starts: Vec<u32>,
}

impl Lines {
    fn of(src: &str) -> Lines {
        const BLOCK: usize = 32;
        let bytes = src.as_bytes();
        let mut starts = vec![0];
        // A block at a time, as `has_escape` reads: only a block with a byte that may end a
        // line (`\n`, `\r` or below) is read byte by byte; an export sent as one line of
        // megabytes has none.
        for (n, block) in bytes.chunks(BLOCK).enumerate() {
            if !block.iter().fold(false, |seen, &b| seen | (b <= b'\r')) {
                continue;
            }
            for i in n * BLOCK..n * BLOCK + block.len() {
                let b = bytes[i];
                if b == b'\n' || (b == b'\r' && bytes.get(i + 1) != Some(&b'\n')) {
                    // Inputs are at most 64 MiB, far below u32::MAX.
                    starts.push(u32::try_from(i + 1).unwrap_or(u32::MAX));
                }
            }
        }
        Lines { starts }
    }

    /// The byte range of line `n` (1-based) without its line break.
    fn line<'s>(&self, src: &'s str, n: usize) -> Option<(usize, &'s str)> {
        let start = *self.starts.get(n.checked_sub(1)?)? as usize;
        let end = self.starts.get(n).map_or(src.len(), |&next| next as usize);
        let text = src.get(start..end)?;
        let text = text
            .strip_suffix("\r\n")
            .or_else(|| text.strip_suffix('\n'))
            .or_else(|| text.strip_suffix('\r'))
            .unwrap_or(text);
        Some((start, text))
    }
}

impl Human {
    /// Writes what `write` puts in the renderer's text buffer to `out` in one piece: a finding
    /// is some twenty pieces of text, and each write to `out` goes through the buffered,
    /// pipe-aware standard output.
    fn write_out(
        &mut self,
        out: &mut dyn Write,
        write: impl FnOnce(&Self, &mut String) -> fmt::Result,
    ) -> io::Result<()> {
        let mut text = std::mem::take(&mut self.text);
        text.clear();
        let written = write(self, &mut text);
        let result = written
            .map_err(|_| io::Error::other("a report could not be formatted"))
            .and_then(|()| out.write_all(text.as_bytes()));
        self.text = text;
        result
    }

    /// A file that could not be read as templates: the error, with the excerpt where it is.
    fn file_error(&self, s: &mut String, file: &FileView, e: &FileError) -> fmt::Result {
        let style = &self.style;
        writeln!(
            s,
            "{}: {}",
            style.severity(Severity::Error, self.lang),
            visible(&e.message)
        )?;
        let path = visible(file.path);
        match (e.line, e.column) {
            (Some(line), Some(column)) => {
                let pad = " ".repeat(line.to_string().len());
                writeln!(s, "{pad}{} {path}:{line}:{column}", style.gutter("-->"))?;
                if let (Some(src), Some(offset)) = (file.source, e.offset) {
                    self.excerpt(src, line, offset, offset, s)?;
                }
            }
            _ => writeln!(s, " {} {path}", style.gutter("-->"))?,
        }
        writeln!(s)
    }

    /// The findings of one template, each with its excerpt, then the prediction.
    fn report(&self, s: &mut String, file: &FileView, t: &TemplateReport) -> fmt::Result {
        let (style, lang) = (&self.style, self.lang);
        let ru = lang == Lang::Ru;
        let path = visible(file.path);
        for d in &t.diagnostics {
            writeln!(
                s,
                "{}{}: {}",
                style.severity(d.severity, lang),
                style.paint("1", format_args!("[{}]", d.rule)),
                style.paint("1", visible(&d.message))
            )?;
            let place = match (&t.name, d.path.is_empty()) {
                (Some(name), _) if file.templates > 1 => {
                    format!(" ({}: {})", visible(name), visible(&d.path))
                }
                (_, false) => format!(" ({})", visible(&d.path)),
                _ => String::new(),
            };
            let pad = Repeated(SPACES, d.location.map_or(1, |l| digits(l.start.line)));
            match (d.location, file.source) {
                (Some(loc), Some(src)) => {
                    writeln!(
                        s,
                        "{pad}{} {path}:{}:{}{place}",
                        style.gutter("-->"),
                        loc.start.line,
                        loc.start.column
                    )?;
                    let end = if loc.end.line == loc.start.line {
                        loc.end.offset
                    } else {
                        usize::MAX
                    };
                    self.excerpt(src, loc.start.line, loc.start.offset, end, s)?;
                }
                _ => writeln!(s, "{pad}{} {path}{place}", style.gutter("-->"))?,
            }
            let style = &self.style;
            if let Some(h) = &d.help {
                writeln!(
                    s,
                    "{pad} {} {}: {}",
                    style.gutter("="),
                    if ru { "подсказка" } else { "help" },
                    visible(h)
                )?;
            }
            if let Some(f) = &d.fix {
                writeln!(
                    s,
                    "{pad} {} {}: {}",
                    style.gutter("="),
                    if ru { "исправление" } else { "fix" },
                    visible(&f.message)
                )?;
            }
            writeln!(s)?;
        }
        if let Some(p) = &t.prediction {
            let name = t.name.as_deref().unwrap_or(file.path);
            writeln!(
                s,
                "{} {}\n",
                self.style.paint("1;35", "▶"),
                prediction_line(&visible(name), p, lang, self.profile)
            )?;
        }
        Ok(())
    }

    /// Whether `line` (the whole line that starts at byte `line_start` of the file) shows as it
    /// is, with no tab or control character, and whether it is wider than the window. Measured
    /// once per line: every finding on a line asks the same, and a minified export is one line
    /// of megabytes with all its findings on it.
    fn measured(&self, line_start: usize, line: &str) -> (bool, bool) {
        if let Some((at, as_is, wide)) = self.measured_line.get() {
            if at == line_start {
                return (as_is, wide);
            }
        }
        let as_is = shows_as_is(line);
        let wide = line.len() > MEASURED_LINE_BYTES || shown_width(line, as_is) > MAX_LINE_WIDTH;
        self.measured_line.set(Some((line_start, as_is, wide)));
        (as_is, wide)
    }

    /// Prints line `line_no` with carets under the bytes `start..end` of the file (`end` past the
    /// line: to its end). Long lines are cut to a window of [`MAX_LINE_WIDTH`] columns that
    /// starts a little before the finding; only that window is looked at.
    fn excerpt(
        &self,
        src: &str,
        line_no: usize,
        start: usize,
        end: usize,
        s: &mut String,
    ) -> fmt::Result {
        let style = &self.style;
        let Some((line_start, line)) = self.lines.line(src, line_no) else {
            return Ok(());
        };
        let (line_as_is, wide) = self.measured(line_start, line);
        let start = floor_char(line, start.saturating_sub(line_start).min(line.len()));
        let end = end.saturating_sub(line_start);
        // The part of the line looked at: all of it, or the bytes around the finding.
        let (seen_from, seen_to) = if line.len() > MEASURED_LINE_BYTES {
            let ahead = (start + LOOK_AHEAD_BYTES).min(line.len());
            (
                floor_char(line, start.saturating_sub(LOOK_BEHIND_BYTES)),
                floor_char(line, ahead),
            )
        } else {
            (0, line.len())
        };
        let cut_before = seen_from > 0;
        let cut_after = seen_to < line.len();
        let line = &line[seen_from..seen_to];
        let len = line.len();
        let start = start - seen_from;
        let end = floor_char(line, end.saturating_sub(seen_from).min(len)).max(start);
        // Widths of whole slices, as a terminal shows them: emoji sequences (👋🏽, 👨‍👩‍👧) take
        // two columns, a tab one, a control character its escape.
        let as_is = line_as_is || ((cut_before || cut_after) && shows_as_is(line));
        let (from, to) = window(line, start, wide, as_is);
        let width = |a: usize, b: usize| shown_width(&line[a..b], as_is);
        let prefix = if from > 0 || cut_before { "…" } else { "" };
        let suffix = if to < len || cut_after { "…" } else { "" };
        let blank = Repeated(SPACES, digits(line_no));
        writeln!(s, "{blank} {}", style.gutter("|"))?;
        writeln!(
            s,
            "{} {} {prefix}{}{suffix}",
            style.gutter(line_no),
            style.gutter("|"),
            shown(&line[from..to])
        )?;
        let offset = usize::from(from > 0 || cut_before) + width(from, start.clamp(from, to));
        let span = width(start.clamp(from, to), end.clamp(from, to)).max(1);
        writeln!(
            s,
            "{blank} {} {}{}",
            style.gutter("|"),
            Repeated(SPACES, offset),
            style.paint("1;31", Repeated(CARETS, span))
        )
    }
}

/// The part of `line` shown for a finding at byte `start`: all of it when it is not `wide`,
/// else [`LEAD_COLUMNS`] columns before the finding (fewer at the start of the line) and as
/// much after it as fits in [`MAX_LINE_WIDTH`]. `as_is`: the line [shows as it
/// is](shows_as_is).
fn window(line: &str, start: usize, wide: bool, as_is: bool) -> (usize, usize) {
    let len = line.len();
    let width = |a: usize, b: usize| shown_width(&line[a..b], as_is);
    let before = |i: usize| {
        line[..i]
            .chars()
            .next_back()
            .map_or(i, |c| i - c.len_utf8())
    };
    let after = |i: usize| line[i..].chars().next().map_or(i, |c| i + c.len_utf8());

    // Printable ASCII is one column a byte, and an export from the Graph API is all of it (the
    // API escapes every other character): there the window's ends are counted, not measured.
    let ascii = |r: Range<usize>| line.as_bytes()[r].iter().all(|b| matches!(b, b' '..=b'~'));
    let mut from = 0;
    if wide && ascii(start.saturating_sub(LEAD_COLUMNS)..start) {
        from = start.saturating_sub(LEAD_COLUMNS);
    } else if wide {
        // Back from the finding until LEAD_COLUMNS columns show before it. As for the
        // window's end below: the characters' own widths summed find the place in one pass;
        // unless every character passed is a one-column one, measuring the whole slice then
        // moves it to the exact place, a step or two at most.
        from = start;
        let (mut columns, mut simple) = (0, true);
        for c in line[..start].chars().rev() {
            if columns >= LEAD_COLUMNS {
                break;
            }
            columns += if is_one_column(c) {
                1
            } else {
                simple = false;
                char_width(c)
            };
            from -= c.len_utf8();
        }
        if !simple {
            while from > 0 && width(from, start) < LEAD_COLUMNS {
                from = before(from);
            }
            while from < start && width(after(from), start) >= LEAD_COLUMNS {
                from = after(from);
            }
        }
    }
    // The window ends at the last character that keeps it within MAX_LINE_WIDTH columns,
    // found the same way: summing the characters' own widths, then, unless all of them and
    // the one that overflowed are one-column ones, measuring whole slices (emoji sequences
    // are narrower than their parts, a variation selector can widen a symbol).
    // The first MAX_LINE_WIDTH characters fit and the next one, if any, overflows.
    let room = (from + MAX_LINE_WIDTH + 1).min(len);
    if ascii(from..room) {
        return (from, (from + MAX_LINE_WIDTH).min(len));
    }
    let mut to = from;
    let (mut columns, mut simple) = (0, true);
    for c in line[from..].chars() {
        columns += if is_one_column(c) {
            1
        } else {
            simple = false;
            char_width(c)
        };
        if columns > MAX_LINE_WIDTH {
            break;
        }
        to += c.len_utf8();
    }
    if !simple {
        while to > from && width(from, to) > MAX_LINE_WIDTH {
            to = before(to);
        }
        while to < len && width(from, after(to)) <= MAX_LINE_WIDTH {
            to = after(to);
        }
    }
    (from, to)
}

/// Whether `s` shows as it is written: no tab, no control character to escape.
fn shows_as_is(s: &str) -> bool {
    !s.contains('\t') && !has_escape(s)
}

/// The columns `s` takes as [`shown`]; `as_is` says it [shows as it is](shows_as_is), and then
/// it is measured without being copied.
fn shown_width(s: &str, as_is: bool) -> usize {
    // Most excerpts are plain ASCII, Latin or Cyrillic, and their width is their length; the
    // full measure (emoji sequences, combining marks) costs some 50 instructions a character,
    // and every finding measures its window several times.
    if s.bytes().all(|b| matches!(b, b' '..=b'~')) {
        return s.len();
    }
    if s.chars().all(is_one_column) {
        return s.chars().count();
    }
    if as_is {
        UnicodeWidthStr::width(s)
    } else {
        UnicodeWidthStr::width(&*shown(s))
    }
}

/// A piece of a source line as shown: tabs as one space, control characters escaped.
fn shown(s: &str) -> Cow<'_, str> {
    if !s.contains('\t') {
        return visible(s);
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c == '\t' {
            out.push(' ');
        } else {
            push_visible(&mut out, c);
        }
    }
    Cow::Owned(out)
}

/// Printable ASCII, Latin and Cyrillic letters: one column each, and never part of a sequence
/// that a terminal shows narrower or wider (those need a joiner, a selector or a combining
/// mark, which are not in these ranges), so a run of them is as wide as it is long.
fn is_one_column(c: char) -> bool {
    matches!(c, ' '..='~' | '\u{A0}'..='\u{AC}' | '\u{AE}'..='\u{2AF}' | '\u{400}'..='\u{482}' | '\u{48A}'..='\u{52F}')
}

/// The columns of one character as [`shown`] prints it.
fn char_width(c: char) -> usize {
    use unicode_width::UnicodeWidthChar;
    match c {
        '\t' => 1,
        c if needs_escape(c) => {
            let mut escaped = String::new();
            push_visible(&mut escaped, c);
            escaped.len()
        }
        c => c.width().unwrap_or(0),
    }
}

/// How many digits `n` is written with.
fn digits(n: usize) -> usize {
    n.checked_ilog10().map_or(1, |d| d as usize + 1)
}

/// "order_shipped: approved as UTILITY (probability 94 %), status APPROVED, flag risk low"; in
/// a Business-app broadcast, which has no category, "approved" alone.
fn prediction_line(name: &str, p: &Prediction, lang: Lang, profile: Profile) -> String {
    let ru = lang == Lang::Ru;
    let category = p.category.predicted.as_str();
    let outcome = match (p.outcome, ru) {
        (Outcome::Approved, false) if profile == Profile::BusinessApp => "approved".to_string(),
        (Outcome::Approved, true) if profile == Profile::BusinessApp => "будет одобрен".to_string(),
        (Outcome::Approved, false) => format!("approved as {category}"),
        (Outcome::Approved, true) => format!("будет одобрен как {category}"),
        (Outcome::Recategorized, false) => format!("approved, but re-categorized as {category}"),
        (Outcome::Recategorized, true) => format!("будет одобрен, но переведён в {category}"),
        (Outcome::Rejected, false) => "rejected".to_string(),
        (Outcome::Rejected, true) => "будет отклонён".to_string(),
    };
    let reason = p
        .rejection_reason
        .map(|r| format!(" ({})", r.as_str()))
        .unwrap_or_default();
    // The status is Meta's own word (what the Graph API and WhatsApp Manager show); the risk
    // is walint's, said in the reader's language.
    let status = json_name(p.status);
    let approval = (p.approval_probability * 100.0).round();
    if ru {
        let risk = match p.flag_risk {
            Risk::Low => "низкий",
            Risk::Medium => "средний",
            Risk::High => "высокий",
        };
        format!("прогноз для {name}: {outcome}{reason}; вероятность одобрения {approval} %, статус {status}, риск жалоб: {risk}")
    } else {
        let risk = json_name(p.flag_risk);
        format!("prediction for {name}: {outcome}{reason}; approval probability {approval} %, status {status}, flag risk {risk}")
    }
}

/// The name a unit enum has in the JSON output (`APPROVED`, `low`).
fn json_name(value: impl serde::Serialize) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(name)) => name,
        _ => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A small deterministic generator: each call gives a number below `n`.
    fn xorshift(mut seed: u64) -> impl FnMut(usize) -> usize {
        move |n| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n as u64) as usize
        }
    }

    /// Lines of every length (short, long, one of megabytes as a minified export is) made of
    /// every kind of character the excerpt measures differently, with findings anywhere:
    /// no panic, the carets start under the finding, and no excerpt is wider than the window.
    #[test]
    fn excerpts_of_any_line_stay_in_the_window() {
        let pieces = [
            "a",
            "Я",
            " ",
            "\t",
            "\u{1b}",
            "👨‍👩‍👧",
            "👋🏽",
            "❤\u{fe0f}",
            "e\u{301}",
            "中",
            "\u{200b}",
            "🇷🇺",
            "{{1}}",
            "ы",
        ];
        let mut next = xorshift(0x2545_f491_4f6c_dd1d);
        for length in [0, 5, 40, 150, 1500, 1600, 5000, 200_000] {
            let mut line = String::new();
            while line.len() < length {
                line.push_str(pieces[next(pieces.len())]);
            }
            let src = format!("{{\n{line}\n}}");
            let mut human = Human::new(Lang::En, Profile::Api, false);
            human.lines = Lines::of(&src);
            for _ in 0..20 {
                let start = 2 + next(line.len() + 1);
                let end = start + next(64);
                let mut out = String::new();
                human.excerpt(&src, 2, start, end, &mut out).unwrap();
                let shown: Vec<&str> = out.lines().collect();
                assert_eq!(shown.len(), 3, "{out}");
                let text = shown[1].split_once(" | ").map_or("", |(_, t)| t);
                assert!(UnicodeWidthStr::width(text) <= MAX_LINE_WIDTH + 2, "{out}");
                assert!(shown[2].contains('^'), "{out}");
            }
        }
    }

    /// Lines end at `\n`, `\r\n` and a lone `\r`, wherever they fall in the blocks the index
    /// is built from, and nowhere else.
    #[test]
    fn the_line_index_finds_every_line_break() {
        let mut next = xorshift(0x9e37_79b9_7f4a_7c15);
        let pieces = [
            "a", "\n", "\r\n", "\r", "\t", "Я", "\u{85}", "\u{2028}", "{{1}}",
        ];
        for length in [0, 1, 31, 32, 33, 64, 100, 1000].repeat(20) {
            let mut src = String::new();
            while src.len() < length {
                src.push_str(pieces[next(pieces.len())]);
            }
            let lines = Lines::of(&src);
            let expected: Vec<&str> = src
                .split("\r\n")
                .flat_map(|p| p.split('\n'))
                .flat_map(|p| p.split('\r'))
                .collect();
            let found: Vec<&str> = (1..=expected.len())
                .map(|n| lines.line(&src, n).map_or("?", |(_, l)| l))
                .collect();
            assert_eq!(found, expected, "{src:?}");
            assert!(lines.line(&src, expected.len() + 1).is_none(), "{src:?}");
        }
    }

    /// The window found by summing the characters' widths is the one that measuring whole
    /// slices defines: LEAD_COLUMNS columns or more before the finding but one character less
    /// would be fewer (or the line starts there), at most MAX_LINE_WIDTH columns in all and one
    /// character more would not fit (or the line ends). Widths here are measured the slow way.
    #[test]
    fn windows_are_where_whole_slices_put_them() {
        let pieces = [
            "a",
            "Я",
            "ы",
            " ",
            "\t",
            "\u{1b}",
            "👨‍👩‍👧",
            "👋🏽",
            "❤\u{fe0f}",
            "e\u{301}",
            "中",
            "🇷🇺",
            "—",
        ];
        let mut next = xorshift(0x9e37_79b9_7f4a_7c15);
        let measured = |s: &str| UnicodeWidthStr::width(&*shown(s));
        for round in 0..400 {
            // Some lines of one-column characters only, some with a few others, some mixed.
            // Some of printable ASCII only, as the Graph API sends.
            let kinds = [1, 3, 4, 6, pieces.len()][round % 5];
            let mut line = String::new();
            while line.len() < 150 + next(600) {
                let piece = if kinds > 1 && next(10) == 0 {
                    next(pieces.len())
                } else {
                    next(kinds)
                };
                line.push_str(pieces[piece]);
            }
            let as_is = shows_as_is(&line);
            let after = |i: usize| line[i..].chars().next().map_or(i, |c| i + c.len_utf8());
            let start = floor_char(&line, next(line.len()));
            let (from, to) = window(&line, start, true, as_is);
            assert!(
                from <= start && start <= to,
                "{line:?} {start}: {from}..{to}"
            );
            assert_eq!(
                shown_width(&line[from..to], as_is),
                measured(&line[from..to])
            );
            assert!(from == 0 || measured(&line[from..start]) >= LEAD_COLUMNS);
            assert!(from == start || measured(&line[after(from)..start]) < LEAD_COLUMNS);
            assert!(measured(&line[from..to]) <= MAX_LINE_WIDTH, "{line:?}");
            assert!(to == line.len() || measured(&line[from..after(to)]) > MAX_LINE_WIDTH);
        }
    }

    /// What the excerpt's back-stepping relies on: a run of these characters is as wide as it
    /// is long. Every one alone and every pair are checked against the width a terminal gets.
    #[test]
    fn one_column_characters_are_one_column_in_any_run() {
        let chars: Vec<char> = (0..0x600u32)
            .filter_map(char::from_u32)
            .filter(|&c| is_one_column(c))
            .collect();
        assert!(chars.len() > 900, "{}", chars.len());
        let mut pair = String::new();
        for &a in &chars {
            assert_eq!(
                UnicodeWidthStr::width(a.encode_utf8(&mut [0; 4]) as &str),
                1,
                "{a:?}"
            );
            assert!(!needs_escape(a) && a != '\t');
            for &b in &chars {
                pair.clear();
                pair.push(a);
                pair.push(b);
                assert_eq!(UnicodeWidthStr::width(pair.as_str()), 2, "{pair:?}");
            }
        }
    }
}
