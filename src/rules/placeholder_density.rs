use super::{Context, Reporter, Role, Rule};
use crate::diagnostic::{Report, Severity};
use crate::l10n::{plural_en, two_decimals, Msg};
use crate::moderation::RejectionReason::InvalidFormat;
use crate::moderation::{ErrorEffect, FixKind, Risk};

/// From this share of placeholders among words, the template is at risk (warning) ...
pub const WARN_RATIO: f64 = 1.0 / 3.0;
/// ... and above it, Meta refuses it (error).
pub const ERROR_RATIO: f64 = 1.0 / 3.0;

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
words, where each placeholder occurrence also counts as a word. Error above 1/3 (fewer than
two other words per placeholder), warning at exactly 1/3.

## Why
Meta rejects templates with "too many variable parameters relative to the message length"
(template review; API error 2388293 "Parameters words ratio exceeds limit"; Messenger's shared
review reason `PARAMS_TO_WORD_RATIO_EXCEED_LIMIT`). Meta does not publish the threshold: its
editor reads it from a constant (`TOTAL_PARAMS_TO_TOTAL_WORD_COUNT_ALLOW`) that is not in any
public copy. The thresholds here come from the evidence available (the records of
`tests/corpus`):
- bodies refused with 2388293 at ratios 0.36 to 0.4: `Reminder: your {{1}} shift at {{2}} is
  on {{3}} at {{4}}.` (4/11), `Purchase order {{1}} for {{2}} is ready: {{3}}. Raised {{4}},
  needed by {{5}}.` (5/13), `A message from {{1}} — {{2}}: {{3}} Read it here: {{4}}` (4/10),
  all three the same day from one account; `Hello {{1}}! {{2}}` (2/3) is reported refused too;
- at exactly 1/3 Meta decides both ways: `Update about your {{1}} shift: {{2}}` and `Hi {{1}}!
  {{2}} starts at {{3}}. Are you coming?` were refused for their length, other bodies at 1/3
  approved;
- two messaging providers publish the figure they found by testing, words plus placeholders
  at least three times the placeholders plus one, which is the same line: above 1/3 refused;
- ordinary approved utility templates such as `Hi {{1}}, your order {{2}} has shipped.` sit at
  2/7 ≈ 0.29. Meta's own test template `Hello {{1}}` (1/2) is a fixed text of its own
  (`TEST_TEMPLATE`), not evidence for other bodies.
Configure the level in `walint.toml` if your own submissions show otherwise.

## Examples
Fails: `{{1}}: {{2}} {{3}}` (3 placeholders for 0 other words).
Fails: `Код {{1}} для {{2}}` (2/4 = 0.5).
Warns: `Привет, {{1}}! Заказ {{2}} готов, ждём` (2/6, exactly 1/3).
Passes: `Здравствуйте, {{1}}! Ваш заказ {{2}} передан в службу доставки.`
"#
    ),
    check,
};

fn check<'a>(cx: &Context<'a>, out: &mut Reporter<'a>) {
    for field in cx.fields(Role::Body) {
        // The keys of the valid placeholders (every valid one has one), sorted to count the
        // distinct ones.
        let mut keys = Vec::with_capacity(field.placeholders.len());
        keys.extend(field.placeholders.iter().filter_map(|p| p.key()));
        if keys.is_empty() {
            continue;
        }
        let valid = keys.len();
        keys.sort_unstable();
        keys.dedup();
        let words = field.facts.word_count() + valid;
        let ratio = keys.len() as f64 / words as f64;
        let severity = if ratio > ERROR_RATIO {
            Severity::Error
        } else if ratio >= WARN_RATIO {
            Severity::Warning
        } else {
            continue;
        };
        let (p, w) = (keys.len(), words - valid);
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
            Severity::Error
        );
        // Refused by Meta with 2388293 (4/11).
        assert_eq!(
            run(
                &RULE,
                "Reminder: your {{1}} shift at {{2}} is on {{3}} at {{4}}."
            )[0]
            .severity,
            Severity::Error
        );
        assert_eq!(
            run(&RULE, "Hi {{1}}! {{2}} starts at {{3}}. Are you coming?")[0].severity,
            Severity::Warning,
            "exactly 1/3 is the warning"
        );
    }

    #[test]
    fn repeats_count_as_words_but_not_as_distinct_placeholders() {
        // distinct 1, words 2 + 2 occurrences = 4 → 0.25
        assert!(run(&RULE, "Код {{1}}, повторяю: {{1}}").is_empty());
    }

    #[test]
    fn counts_words_outside_placeholders_and_a_link_as_one() {
        // 3 words + 2 occurrences: 2/5 = 0.4 is refused; the link adds one word: 2/6 warns,
        // and one more word, 2/7, passes.
        assert_eq!(
            run(&RULE, "Привет, {{1}}! Заказ {{2}} готов")[0].severity,
            Severity::Error
        );
        assert_eq!(
            run(
                &RULE,
                "Привет, {{1}}! Заказ {{2}} готов: https://shop.ru/a/b"
            )[0]
            .severity,
            Severity::Warning
        );
        assert!(run(
            &RULE,
            "Привет, {{1}}! Заказ {{2}} готов: https://shop.ru/a/b сегодня"
        )
        .is_empty());
    }
}
