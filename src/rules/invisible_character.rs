use super::{Context, Reporter, Rule};
use crate::diagnostic::{Report, Severity};
use crate::l10n::Msg;
use crate::moderation::RejectionReason::InvalidFormat;
use crate::moderation::{ErrorEffect, FixKind, Risk};
use crate::words::is_invisible;

pub static RULE: Rule = Rule {
    id: "invisible-character",
    default_severity: Severity::Warning,
    on_error: ErrorEffect::Reject(InvalidFormat),
    on_warning: Risk::review(-0.6, InvalidFormat)
        .with_complaints(1, ("hidden characters", "невидимые символы")),
    fix: FixKind::Sometimes,
    summary: (
        "Invisible characters (zero-width spaces, direction marks, soft hyphens)",
        "Невидимые символы (пробелы нулевой ширины, метки направления, мягкие переносы)",
    ),
    docs: rule_docs!(
        r#"# invisible-character

## What it checks
Characters that render as nothing: zero-width space, joiner and non-joiner, word joiner, soft
hyphen, byte-order mark, bidirectional controls (`U+202A`–`U+202E`, `U+2066`–`U+2069`), the
Hangul and Braille blanks, and similar. A run of them is one finding, with a fix that removes
it. A zero-width joiner between emoji (👨‍👩‍👧) and a zero-width non-joiner between letters of
scripts that need it (Persian, Indic) are legitimate and not reported.

## Why
They are how spam slips past word filters («ски&#8203;дка» (with U+200B between the letters) with a zero-width space); walint matches
through them (see `promotional-wording`), but Meta's review and users' spam reports treat text
stuffed with them as deceptive. They also break copy-paste and character counts, and
bidirectional controls can make a link read differently from where it goes.

## Examples
Fails: `ски\u200Bдка`, `\u202Ehttps://…`.
Passes: `👨‍👩‍👧` (a family emoji).
"#
    ),
    check,
};

/// A joiner inside an emoji sequence, or a non-joiner inside a script that uses it.
fn legitimate(text: &str, at: usize, c: char) -> bool {
    let before = text[..at].chars().next_back();
    let after = text[at + c.len_utf8()..].chars().next();
    match c {
        '\u{200D}' => {
            let pictographic = |ch: Option<char>| {
                ch.is_some_and(|ch| ch as u32 >= 0x2000 && !ch.is_alphanumeric())
            };
            pictographic(before) && pictographic(after)
        }
        '\u{200C}' => {
            let complex = |ch: Option<char>| {
                ch.is_some_and(|ch| {
                    ch.is_alphabetic()
                        && (ch as u32) >= 0x0590
                        && !('\u{0400}'..='\u{052F}').contains(&ch)
                })
            };
            complex(before) && complex(after)
        }
        _ => false,
    }
}

fn check<'a>(cx: &Context<'a>, out: &mut Reporter<'a>) {
    for field in &cx.fields {
        let text = &field.text.value;
        let mut run: Option<std::ops::Range<usize>> = None;
        let flush = |run: &mut Option<std::ops::Range<usize>>, out: &mut Reporter<'a>| {
            if let Some(r) = run.take() {
                let names: Vec<String> = text[r.clone()]
                    .chars()
                    .map(|c| format!("U+{:04X}", c as u32))
                    .collect();
                out.report(
                    Report::text(
                        field.text,
                        r,
                        Msg::new(
                            format!("invisible character ({})", names.join(" ")),
                            format!("невидимый символ ({})", names.join(" ")),
                        ),
                    )
                    .component(field.component)
                    .replace_with(Msg::new("remove it", "удалить"), ""),
                );
            }
        };
        for (i, c) in text.char_indices() {
            if is_invisible(c) && !legitimate(text, i, c) {
                match &mut run {
                    Some(r) if r.end == i => r.end = i + c.len_utf8(),
                    _ => {
                        flush(&mut run, out);
                        run = Some(i..i + c.len_utf8());
                    }
                }
            }
        }
        flush(&mut run, out);
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
                "Семья 👨‍👩‍👧 и флаг 🇷🇺",
                "Обычный текст",
                "می‌خواهم",
                "Plain English text",
            ],
        );
    }

    #[test]
    fn fails() {
        let d = run(&RULE, "ски\u{200B}\u{200B}дка и \u{202E}текст\u{00AD}");
        assert_eq!(d.len(), 3);
        assert_eq!(d[0].message, "invisible character (U+200B U+200B)");
        assert_eq!(
            (
                d[0].range.unwrap().start_utf16,
                d[0].range.unwrap().end_utf16
            ),
            (3, 5)
        );
        assert!(d.iter().all(|d| d.fix.is_some()));
        assert_eq!(
            run(&RULE, "a\u{200D}b").len(),
            1,
            "a joiner between letters is not an emoji sequence"
        );
        assert_eq!(run(&RULE, "Get 50% o\u{2060}ff today\u{FEFF}").len(), 2);
    }
}
