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
use super::{needs_escape, push_visible, visible, FileView, Render};
use std::borrow::Cow;
use std::cell::Cell;
use std::io::{self, Write};
use unicode_width::UnicodeWidthStr;
use walint::predict::{Outcome, Prediction};
use walint::{Lang, Severity, TemplateReport};

/// Widest source excerpt shown, in terminal columns.
const MAX_LINE_WIDTH: usize = 100;

/// Lines longer than this (in bytes) are always shown as a window around the finding, and
/// apart from one scan of the whole line only the bytes around it are looked at: such a line
/// cannot fit in [`MAX_LINE_WIDTH`] columns (short of a pile of combining marks), and scanning
/// a minified export, one line of megabytes, for every finding on it took quadratic time
/// (4 000 templates: 98 s).
const MEASURED_LINE_BYTES: usize = 1536;

/// How far before and after a finding a long line is looked at: far more than the window
/// shows (30 columns before, [`MAX_LINE_WIDTH`] in all), unless the text is mostly
/// zero-width characters, and then the window is narrower.
const LOOK_BEHIND_BYTES: usize = 512;
const LOOK_AHEAD_BYTES: usize = MEASURED_LINE_BYTES - LOOK_BEHIND_BYTES;

struct Style {
    color: bool,
}

impl Style {
    fn paint(&self, code: &str, text: &str) -> String {
        if self.color {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_string()
        }
    }

    fn severity(&self, s: Severity, lang: Lang) -> String {
        let (code, en, ru) = match s {
            Severity::Error => ("1;31", "error", "ошибка"),
            Severity::Warning => ("1;33", "warning", "предупреждение"),
            Severity::Info => ("1;36", "info", "замечание"),
        };
        self.paint(code, if lang == Lang::Ru { ru } else { en })
    }

    fn gutter(&self, text: &str) -> String {
        self.paint("1;34", text)
    }
}

pub struct Human {
    lang: Lang,
    style: Style,
    /// Where each line of the current file starts.
    lines: Lines,
    /// The last line of the current file measured: (its start, shown as it is, wider than
    /// the window).
    measured_line: Cell<Option<(usize, bool, bool)>>,
}

impl Human {
    pub fn new(lang: Lang, color: bool) -> Self {
        Human {
            lang,
            style: Style { color },
            lines: Lines::default(),
            measured_line: Cell::new(None),
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
        let style = &self.style;
        writeln!(
            out,
            "{}: {}",
            style.severity(Severity::Error, self.lang),
            visible(&e.message)
        )?;
        let path = visible(file.path);
        match (e.line, e.column) {
            (Some(line), Some(column)) => {
                let pad = " ".repeat(line.to_string().len());
                writeln!(out, "{pad}{} {path}:{line}:{column}", style.gutter("-->"))?;
                if let (Some(src), Some(offset)) = (file.source, e.offset) {
                    self.excerpt(src, line, offset, offset, out)?;
                }
            }
            _ => writeln!(out, " {} {path}", style.gutter("-->"))?,
        }
        writeln!(out)
    }

    fn template(
        &mut self,
        out: &mut dyn Write,
        file: &FileView,
        t: &TemplateReport,
    ) -> io::Result<()> {
        let (style, lang) = (&self.style, self.lang);
        let ru = lang == Lang::Ru;
        let path = visible(file.path);
        for d in &t.diagnostics {
            writeln!(
                out,
                "{}{}: {}",
                style.severity(d.severity, lang),
                style.paint("1", &format!("[{}]", d.rule)),
                style.paint("1", &visible(&d.message))
            )?;
            let place = match (&t.name, d.path.is_empty()) {
                (Some(name), _) if file.templates > 1 => {
                    format!(" ({}: {})", visible(name), visible(&d.path))
                }
                (_, false) => format!(" ({})", visible(&d.path)),
                _ => String::new(),
            };
            let pad = " ".repeat(d.location.map_or(1, |l| l.start.line.to_string().len()));
            match (d.location, file.source) {
                (Some(loc), Some(src)) => {
                    writeln!(
                        out,
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
                    self.excerpt(src, loc.start.line, loc.start.offset, end, out)?;
                }
                _ => writeln!(out, "{pad}{} {path}{place}", style.gutter("-->"))?,
            }
            let style = &self.style;
            if let Some(h) = &d.help {
                writeln!(
                    out,
                    "{pad} {} {}: {}",
                    style.gutter("="),
                    if ru { "подсказка" } else { "help" },
                    visible(h)
                )?;
            }
            if let Some(f) = &d.fix {
                writeln!(
                    out,
                    "{pad} {} {}: {}",
                    style.gutter("="),
                    if ru { "исправление" } else { "fix" },
                    visible(&f.message)
                )?;
            }
            writeln!(out)?;
        }
        if let Some(p) = &t.prediction {
            let name = t.name.as_deref().unwrap_or(file.path);
            writeln!(
                out,
                "{} {}\n",
                self.style.paint("1;35", "▶"),
                prediction_line(&visible(name), p, lang)
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
        self.lines = Lines::default();
        Ok(())
    }

    fn finish(&mut self, out: &mut dyn Write, summary: &Summary) -> io::Result<()> {
        let line = super::summary_line(summary, self.lang);
        let code = if summary.errors > 0 || summary.failed() > 0 {
            "1;31"
        } else if summary.warnings > 0 {
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
        let bytes = src.as_bytes();
        let mut starts = vec![0];
        for (i, &b) in bytes.iter().enumerate() {
            if b == b'\n' || (b == b'\r' && bytes.get(i + 1) != Some(&b'\n')) {
                // Inputs are at most 64 MiB, far below u32::MAX.
                starts.push(u32::try_from(i + 1).unwrap_or(u32::MAX));
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
        out: &mut dyn Write,
    ) -> io::Result<()> {
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
        let width = |a: usize, b: usize| shown_width(&line[a..b], as_is);
        let before = |i: usize| {
            line[..i]
                .chars()
                .next_back()
                .map_or(i, |c| i - c.len_utf8())
        };
        let after = |i: usize| line[i..].chars().next().map_or(i, |c| i + c.len_utf8());

        let mut from = 0;
        if wide {
            // Back from the finding until 30 columns show before it. While every character
            // passed is a one-column one that joins no sequence, the width is their count;
            // from the first other one on, each step measures the slice.
            from = start;
            let mut simple_columns = Some(0);
            while from > 0 {
                let columns = simple_columns.unwrap_or_else(|| width(from, start));
                if columns >= 30 {
                    break;
                }
                let previous = before(from);
                simple_columns = simple_columns
                    .filter(|_| line[previous..from].chars().all(is_one_column))
                    .map(|n| n + 1);
                from = previous;
            }
        }
        // The window ends at the last character that keeps it within MAX_LINE_WIDTH columns.
        // Summing the characters' own widths finds the place in one pass; measuring whole
        // slices (emoji sequences are narrower than their parts, a variation selector can
        // widen a symbol) then moves it to the exact end, a step or two at most.
        let mut to = from;
        let mut columns = 0;
        for c in line[from..].chars() {
            columns += char_width(c);
            if columns > MAX_LINE_WIDTH {
                break;
            }
            to += c.len_utf8();
        }
        while to > from && width(from, to) > MAX_LINE_WIDTH {
            to = before(to);
        }
        while to < len && width(from, after(to)) <= MAX_LINE_WIDTH {
            to = after(to);
        }
        let prefix = if from > 0 || cut_before { "…" } else { "" };
        let suffix = if to < len || cut_after { "…" } else { "" };
        let pad = line_no.to_string().len();
        let blank = " ".repeat(pad);
        writeln!(out, "{blank} {}", style.gutter("|"))?;
        writeln!(
            out,
            "{} {} {prefix}{}{suffix}",
            style.gutter(&line_no.to_string()),
            style.gutter("|"),
            shown(&line[from..to])
        )?;
        let offset = usize::from(from > 0 || cut_before) + width(from, start.clamp(from, to));
        let span = width(start.clamp(from, to), end.clamp(from, to)).max(1);
        writeln!(
            out,
            "{blank} {} {}{}",
            style.gutter("|"),
            " ".repeat(offset),
            style.paint("1;31", &"^".repeat(span))
        )
    }
}

/// Whether `s` shows as it is written: no tab, no control character to escape.
fn shows_as_is(s: &str) -> bool {
    !s.contains('\t') && !s.chars().any(needs_escape)
}

/// The columns `s` takes as [`shown`]; `as_is` says it [shows as it is](shows_as_is), and then
/// it is measured without being copied.
fn shown_width(s: &str, as_is: bool) -> usize {
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

fn floor_char(s: &str, mut i: usize) -> usize {
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// "order_shipped: approved as UTILITY (probability 94 %), status APPROVED, flag risk low".
fn prediction_line(name: &str, p: &Prediction, lang: Lang) -> String {
    let ru = lang == Lang::Ru;
    let category = p.category.predicted.as_str();
    let outcome = match (p.outcome, ru) {
        (Outcome::Approved, false) => format!("approved as {category}"),
        (Outcome::Approved, true) => format!("будет одобрен как {category}"),
        (Outcome::Recategorized, false) => format!("approved, but re-categorized as {category}"),
        (Outcome::Recategorized, true) => format!("будет одобрен, но переведён в {category}"),
        (Outcome::Rejected, false) => "rejected".to_string(),
        (Outcome::Rejected, true) => "будет отклонён".to_string(),
    };
    let reason = p
        .rejection_reason
        .map(|r| {
            format!(
                " ({})",
                serde_json::to_value(r)
                    .ok()
                    .and_then(|v| v.as_str().map(str::to_string))
                    .unwrap_or_default()
            )
        })
        .unwrap_or_default();
    let status = serde_json::to_value(p.status)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default();
    let risk = serde_json::to_value(p.flag_risk)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default();
    let approval = (p.approval_probability * 100.0).round();
    if ru {
        format!("прогноз для {name}: {outcome}{reason}; вероятность одобрения {approval} %, статус {status}, риск жалоб: {risk}")
    } else {
        format!("prediction for {name}: {outcome}{reason}; approval probability {approval} %, status {status}, flag risk {risk}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
        let mut seed = 0x2545_f491_4f6c_dd1d_u64;
        let mut next = |n: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n as u64) as usize
        };
        for length in [0, 5, 40, 150, 1500, 1600, 5000, 200_000] {
            let mut line = String::new();
            while line.len() < length {
                line.push_str(pieces[next(pieces.len())]);
            }
            let src = format!("{{\n{line}\n}}");
            let mut human = Human::new(Lang::En, false);
            human.lines = Lines::of(&src);
            for _ in 0..20 {
                let start = 2 + next(line.len() + 1);
                let end = start + next(64);
                let mut out = Vec::new();
                human.excerpt(&src, 2, start, end, &mut out).unwrap();
                let out = String::from_utf8(out).unwrap();
                let shown: Vec<&str> = out.lines().collect();
                assert_eq!(shown.len(), 3, "{out}");
                let text = shown[1].split_once(" | ").map_or("", |(_, t)| t);
                assert!(UnicodeWidthStr::width(text) <= MAX_LINE_WIDTH + 2, "{out}");
                assert!(shown[2].contains('^'), "{out}");
            }
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
