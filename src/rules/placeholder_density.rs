use super::{Context, Reporter, Role, Rule};
use crate::diagnostic::{Report, Severity};
use crate::l10n::{plural_en, two_decimals, Msg};
use crate::moderation::RejectionReason::InvalidFormat;
use crate::moderation::{ErrorEffect, FixKind, Risk};
use crate::text::class;
use std::collections::BTreeSet;

/// Above this share of placeholders among words, the template is at risk (warning).
pub const WARN_RATIO: f64 = 1.0 / 3.0;
/// Above this share, Meta refuses it (error).
pub const ERROR_RATIO: f64 = 0.5;

pub static RULE: Rule = Rule {
    id: "placeholder-density",
    default_severity: Severity::Error,
    on_error: ErrorEffect::Reject(InvalidFormat),
    on_warning: Risk::review(-1.5, InvalidFormat),
    fix: FixKind::None,
    summary: (
        "Too many placeholders for the length of the text",
        "Слишком много переменных для такой длины текста",
    ),
    docs: rule_docs!(
        r#"# placeholder-density

## What it checks
The ratio of distinct placeholders to words in the body, computed the way Meta's WhatsApp
Manager does (`getFloatingParameterRatio`): distinct placeholders divided by the number of
words, where each placeholder occurrence also counts as a word. Warning above 1/3 (more than
one placeholder per two other words), error above 1/2.

## Why
Meta rejects templates with "too many variable parameters relative to the message length"
(template review; API error 2388293 "Parameters words ratio exceeds limit"; Messenger's shared
review reason `PARAMS_TO_WORD_RATIO_EXCEED_LIMIT`). Meta does not publish the threshold: its
editor reads it from a constant (`TOTAL_PARAMS_TO_TOTAL_WORD_COUNT_ALLOW`) that is not in any
public copy. The thresholds here come from the evidence available:
- `Hello {{1}}! {{2}}` (ratio 2/3) is reported refused by integrators;
- Meta's own test template `Hello {{1}}` (1/2) is accepted, so the error threshold cannot be
  below 1/2;
- ordinary approved utility templates such as `Hi {{1}}, your order {{2}} has shipped.` sit at
  2/7 ≈ 0.29, below the warning threshold; community validators warn around 0.3
  ("max 30 % variable ratio").
Configure the level in `walint.toml` if your own submissions show otherwise.

## Examples
Fails: `{{1}}: {{2}} {{3}}` (error); `Код {{1}} для {{2}}` (2/4 = 0.5, warning).
Passes: `Здравствуйте, {{1}}! Ваш заказ {{2}} передан в службу доставки.`
"#
    ),
    check,
};

/// Words outside placeholders: runs of letters and digits.
fn count_words(text: &str, skip: &[std::ops::Range<usize>]) -> usize {
    let mut count = 0;
    let mut in_word = false;
    let mut skip = skip.iter().peekable();
    for (i, c) in text.char_indices() {
        while skip.peek().is_some_and(|r| r.end <= i) {
            skip.next();
        }
        let inside_placeholder = skip.peek().is_some_and(|r| r.start <= i);
        let letter = !inside_placeholder && class::is_alphanumeric(c);
        if letter && !in_word {
            count += 1;
        }
        in_word = letter;
    }
    count
}

fn check<'a>(cx: &Context<'a>, out: &mut Reporter<'a>) {
    for field in cx.fields(Role::Body) {
        let valid: Vec<_> = field.placeholders.iter().filter(|p| p.is_valid()).collect();
        if valid.is_empty() {
            continue;
        }
        let distinct: BTreeSet<_> = valid.iter().filter_map(|p| p.key()).collect();
        let ranges: Vec<_> = field.placeholders.iter().map(|p| p.range.clone()).collect();
        let words = count_words(&field.text.value, &ranges) + valid.len();
        let ratio = distinct.len() as f64 / words as f64;
        let severity = if ratio > ERROR_RATIO {
            Severity::Error
        } else if ratio > WARN_RATIO {
            Severity::Warning
        } else {
            continue;
        };
        let (p, w) = (distinct.len(), words - valid.len());
        out.report(
            Report::text(
                field.text,
                0..field.text.value.len(),
                Msg::new(
                    format!(
                        "{p} {} for {w} other {} is too many for Meta (ratio {})",
                        plural_en(p, "placeholder", "placeholders"),
                        plural_en(w, "word", "words"),
                        two_decimals(ratio)
                    ),
                    format!(
                        "переменных: {p}, других слов: {w} — для Meta это слишком много (доля {})",
                        two_decimals(ratio)
                    ),
                ),
            )
            .severity(severity)
            .component(field.component)
            .help(Msg::new(
                "add text around the placeholders or merge some of them",
                "добавьте текста вокруг переменных или объедините некоторые из них",
            )),
        );
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
                "Здравствуйте, {{1}}! Ваш заказ {{2}} передан в службу доставки.",
                "Hi {{1}}, your order {{2}} has shipped.",
                "No placeholders",
            ],
        );
    }

    #[test]
    fn fails() {
        let d = run(&RULE, "{{1}}: {{2}} {{3}}");
        assert_eq!(d[0].severity, Severity::Error);
        assert_eq!(
            d[0].message,
            "3 placeholders for 0 other words is too many for Meta (ratio 1.00)"
        );
        assert_eq!(
            run(&RULE, "Hello {{1}}! {{2}}")[0].severity,
            Severity::Error
        );
        assert_eq!(
            run(&RULE, "Код {{1}} для {{2}}")[0].severity,
            Severity::Warning
        );
        assert_eq!(
            run(&RULE, "Hello {{1}}")[0].severity,
            Severity::Warning,
            "1/2 is not above the error threshold"
        );
    }

    #[test]
    fn repeats_count_as_words_but_not_as_distinct_placeholders() {
        // distinct 1, words 2 + 2 occurrences = 4 → 0.25
        assert!(run(&RULE, "Код {{1}}, повторяю: {{1}}").is_empty());
    }

    #[test]
    fn counts_words_outside_placeholders() {
        let text = "Привет, {{name}}! 2 заказа";
        let at = text.find("{{").unwrap();
        let placeholder = at..at + 8;
        assert_eq!(count_words(text, std::slice::from_ref(&placeholder)), 3);
    }
}
