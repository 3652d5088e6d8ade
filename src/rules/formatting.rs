use super::{Context, Reporter, Role, Rule};
use crate::analysis::{Kind, Token};
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
Warns: `*Внимание! Заказ готов`; `Итого:\n\n\n100 руб.`
Fails: `Итого:\n\n\n\n100 руб.` (four line breaks in a row).
Passes: `*Внимание!* Заказ _готов_.`
Fixes: `Итого:\n\n\n\n100 руб.` → `Итого:\n\n100 руб.`
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

/// The three inline markers, in the order their state is kept.
const MARKERS: [char; 3] = ['*', '_', '~'];

fn check<'a>(cx: &Context<'a>, out: &mut Reporter<'a>) {
    for field in cx.fields(Role::Body) {
        let text = &field.text.value;
        let tokens = &field.facts.tokens;
        let report = |range: Range<usize>, en: String, ru: String| {
            Report::text(field.text, range, Msg::new(en, ru)).component(field.component)
        };
        // Without a marker nothing opens or closes, and without three line breaks no run of
        // them is too long: most bodies skip one pass over their tokens, or both.
        if field.facts.may_have_marker() {
            // Inline markers pair up within a line; the one still open at its end is reported.
            let mut open: [Option<usize>; 3] = [None; 3];
            let close_line = |open: &mut [Option<usize>; 3], out: &mut Reporter<'a>| {
                for (m, at) in open.iter_mut().enumerate() {
                    if let Some(i) = at.take() {
                        let marker = MARKERS[m];
                        out.report(report(
                        i..i + 1,
                        format!("`{marker}` opens formatting that is never closed on this line; the reader will see the `{marker}`"),
                        format!("`{marker}` открывает разметку, которая не закрыта в этой строке; получатель увидит символ `{marker}`"),
                    ));
                    }
                }
            };
            let mut fences = Vec::new();
            for (k, t) in tokens.iter().enumerate() {
                match t.kind {
                    Kind::LineBreak => close_line(&mut open, out),
                    Kind::Marker if t.end - t.start == 3 => fences.push(t.start),
                    Kind::Marker => {
                        let marker = char::from(text.as_bytes()[t.start]);
                        let m = MARKERS.iter().position(|&c| c == marker).unwrap_or(0);
                        let same_line = |t: &&Token| t.kind != Kind::LineBreak;
                        let before = k
                            .checked_sub(1)
                            .map(|p| &tokens[p])
                            .filter(same_line)
                            .and_then(|p| text[p.range()].chars().next_back());
                        let after = tokens
                            .get(k + 1)
                            .filter(same_line)
                            .and_then(|n| text[n.range()].chars().next());
                        let opens = is_space_or_punct(before)
                            && after.is_some_and(|c| !c.is_whitespace() && c != marker);
                        let closes = before.is_some_and(|c| !c.is_whitespace() && c != marker)
                            && is_space_or_punct(after);
                        match (open[m], opens, closes) {
                        (Some(_), _, true) => open[m] = None,
                        (None, true, _) => open[m] = Some(t.start),
                        (None, false, true) => out.report(report(
                            t.range(),
                            format!("`{marker}` closes formatting that was never opened on this line"),
                            format!("`{marker}` закрывает разметку, которая не была открыта в этой строке"),
                        )),
                        _ => {}
                    }
                    }
                    _ => {}
                }
            }
            close_line(&mut open, out);

            if fences.len() % 2 == 1 {
                let at = fences[fences.len() - 1];
                out.report(report(
                    at..at + 3,
                    "``` opens a monospace block that never ends".into(),
                    "``` открывает моноширинный блок, который нигде не закрывается".into(),
                ));
            }
        }

        if field.facts.line_breaks < 3 {
            continue;
        }
        // Runs of line breaks, allowing spaces on the blank lines between them.
        let mut k = 0;
        while k < tokens.len() {
            if tokens[k].kind != Kind::LineBreak {
                k += 1;
                continue;
            }
            let (start, mut end, mut breaks) = (tokens[k].start, tokens[k].end, 0);
            let mut j = k;
            while j < tokens.len() && matches!(tokens[j].kind, Kind::LineBreak | Kind::Space) {
                if tokens[j].kind == Kind::LineBreak {
                    breaks += 1;
                    end = tokens[j].end;
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
                        start..end,
                        format!("{breaks} line breaks in a row; WhatsApp templates allow at most one blank line"),
                        format!("{breaks} переноса строки подряд; в шаблонах WhatsApp допускается не больше одной пустой строки"),
                    )
                    .severity(severity)
                    .replace_with(Msg::new("keep one blank line", "оставить одну пустую строку"), "\n\n"),
                );
            }
            k = j;
        }
    }
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
