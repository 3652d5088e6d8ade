use super::{Context, Reporter, Role, Rule};
use crate::diagnostic::{Report, Severity};
use crate::l10n::Msg;
use crate::moderation::RejectionReason::InvalidFormat;
use crate::moderation::{ErrorEffect, FixKind, Risk};
use std::ops::Range;

pub static RULE: Rule = Rule {
    id: "formatting",
    default_severity: Severity::Warning,
    on_error: ErrorEffect::Reject(InvalidFormat),
    on_warning: Risk::review(-0.5, InvalidFormat),
    fix: FixKind::Sometimes,
    summary: (
        "Unbalanced *bold*, _italic_, ~strike~ or ``` markers, or too many blank lines",
        "Незакрытая разметка *жирный*, _курсив_, ~зачёркнутый~, ``` или слишком много пустых строк",
    ),
    docs: rule_docs!(
        r#"# formatting

## What it checks
In the body:
- WhatsApp formatting markers that open and never close, or close without opening, on a line:
  `*bold*`, `_italic_`, `~strike~` (a marker opens after a space or punctuation and before a
  letter; it closes after a letter and before a space or punctuation, the way WhatsApp reads
  them, so `first_name`, `5 * 3` and a footnote `*` are left alone);
- an odd number of ``` (a monospace block that never ends);
- three line breaks in a row (two blank lines): a warning; four or more: an error. Fixes
  reduce them to one blank line.
Placeholders and links are skipped (URLs often contain `_` and `~`).

## Why
An unclosed marker shows up as a stray `*` or `_` in the delivered message, which looks broken.
WhatsApp Manager blocks multiple consecutive newlines (`MULTIPLE_NEWLINES`: "Paragraphs are not
supported"); its exact threshold is not public, and BSP guidelines mention four newlines, so three
are a warning and four an error. The seed articles name the four styles without their markers
(`002:567`).

## Examples
Fails: `*Внимание! Заказ готов`; `Итого:\n\n\n\n100 руб.`
Passes: `*Внимание!* Заказ _готов_.`
"#
    ),
    check,
};

fn is_space_or_punct(c: Option<char>) -> bool {
    c.is_none_or(|c| {
        c.is_whitespace()
            || (c.is_ascii_punctuation() && !matches!(c, '*' | '_' | '~'))
            || "«»„“”—–…".contains(c)
    })
}

fn check<'a>(cx: &Context<'a>, out: &mut Reporter<'a>) {
    for field in cx.fields(Role::Body) {
        let text = &field.text.value;
        let mut skip: Vec<Range<usize>> =
            field.placeholders.iter().map(|p| p.range.clone()).collect();
        skip.extend(cx.links(field).iter().map(|l| l.range.clone()));
        let skipped = |i: usize| skip.iter().any(|r| r.contains(&i));
        let report = |range: Range<usize>, en: String, ru: String| {
            Report::text(field.text, range, Msg::new(en, ru)).component(field.component)
        };

        let mut line_start = 0;
        for line in text.split('\n') {
            for marker in ['*', '_', '~'] {
                if !line.contains(marker) {
                    continue;
                }
                for (at, en, ru) in unbalanced(line, marker, |i| skipped(line_start + i)) {
                    out.report(report(line_start + at..line_start + at + 1, en, ru));
                }
            }
            line_start += line.len() + 1;
        }

        let fences: Vec<usize> = text
            .match_indices("```")
            .map(|(i, _)| i)
            .filter(|&i| !skipped(i))
            .collect();
        if fences.len() % 2 == 1 {
            let at = fences[fences.len() - 1];
            out.report(report(
                at..at + 3,
                "``` opens a monospace block that never ends".into(),
                "``` открывает моноширинный блок, который нигде не закрывается".into(),
            ));
        }

        let bytes = text.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            if bytes[i] != b'\n' {
                i += 1;
                continue;
            }
            // A run of line breaks, allowing spaces and \r on the blank lines between them.
            let mut end = i;
            let mut breaks = 0;
            let mut j = i;
            while j < bytes.len() && matches!(bytes[j], b'\n' | b'\r' | b' ' | b'\t') {
                if bytes[j] == b'\n' {
                    breaks += 1;
                    end = j + 1;
                }
                j += 1;
            }
            if breaks >= 3 {
                let severity = if breaks >= 4 {
                    Severity::Error
                } else {
                    Severity::Warning
                };
                out.report(
                    report(
                        i..end,
                        format!("{breaks} line breaks in a row; WhatsApp templates allow at most one blank line"),
                        format!("{breaks} переноса строки подряд; в шаблонах WhatsApp допускается не больше одной пустой строки"),
                    )
                    .severity(severity)
                    .replace_with(Msg::new("keep one blank line", "оставить одну пустую строку"), "\n\n"),
                );
            }
            i = end.max(i + 1);
        }
    }
}

/// Positions of `marker` in `line` that open without closing or close without opening.
fn unbalanced(
    line: &str,
    marker: char,
    skipped: impl Fn(usize) -> bool,
) -> Vec<(usize, String, String)> {
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    let chars: Vec<(usize, char)> = line.char_indices().collect();
    for (k, &(i, c)) in chars.iter().enumerate() {
        if c != marker || skipped(i) {
            continue;
        }
        let before = k.checked_sub(1).map(|p| chars[p].1);
        let after = chars.get(k + 1).map(|&(_, c)| c);
        let opens =
            is_space_or_punct(before) && after.is_some_and(|c| !c.is_whitespace() && c != marker);
        let closes =
            before.is_some_and(|c| !c.is_whitespace() && c != marker) && is_space_or_punct(after);
        match (open, opens, closes) {
            (Some(_), _, true) => open = None,
            (None, true, _) => open = Some(i),
            (None, false, true) => out.push((
                i,
                format!("`{marker}` closes formatting that was never opened on this line"),
                format!("`{marker}` закрывает разметку, которая не была открыта в этой строке"),
            )),
            _ => {}
        }
    }
    if let Some(i) = open {
        out.push((
            i,
            format!("`{marker}` opens formatting that is never closed on this line; the reader will see the `{marker}`"),
            format!("`{marker}` открывает разметку, которая не закрыта в этой строке; получатель увидит символ `{marker}`"),
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::*;

    #[test]
    fn passes() {
        assert_passes(
            &RULE,
            &[
                "*Внимание!* Заказ _готов_, ~старая цена~ не действует.",
                "Переменная first_name, 5 * 3 = 15, поля помечены *",
                "Ссылка https://shop.ru/a_b~c и {{first_name}}",
                "```\nкод\n```",
                "Абзац\n\nещё абзац",
                "Your order is *ready*, pick it up _today_.",
            ],
        );
    }

    #[test]
    fn fails() {
        assert_fails(
            &RULE,
            &[
                ("*Внимание! Заказ готов", &["*"]),
                ("Заказ готов_ сегодня", &["_"]),
                ("Код: ```12345", &["```"]),
                ("Итого:\n\n\n100 руб.", &["\n\n\n"]),
                ("Your order is *ready, pick it up today.", &["*"]),
            ],
        );
        let d = run(&RULE, "Итого:\n\n\n\n100 руб.");
        assert_eq!(d[0].severity, Severity::Error);
        assert_eq!(
            run(&RULE, "Итого:\n\n\n100 руб.")[0].severity,
            Severity::Warning
        );
    }
}
