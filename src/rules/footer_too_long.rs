use super::header_too_long::{cut_by, too_long};
use super::{excess, Context, Reporter, Role, Rule};
use crate::diagnostic::{Report, Severity};
use crate::moderation::RejectionReason::InvalidFormat;
use crate::moderation::{ErrorEffect, FixKind, Risk};
use crate::template::ComponentKind;

/// Meta's limit for a footer (components reference).
pub const LIMIT: usize = 60;

pub static RULE: Rule = Rule {
    id: "footer-too-long",
    default_severity: Severity::Error,
    on_error: ErrorEffect::Reject(InvalidFormat),
    on_warning: Risk::review(-0.5, InvalidFormat),
    fix: FixKind::None,
    summary: (
        "The footer is longer than 60 characters",
        "Подпись (футер) длиннее 60 символов",
    ),
    docs: rule_docs!(
        r#"# footer-too-long

## What it checks
A `FOOTER` text longer than 60 characters (UTF-16 code units, as in `body-too-long`).

## Why
Meta's components reference limits footers to 60 characters; longer ones are refused at
creation (API error 2388040). Opt-out footers ("Reply STOP to unsubscribe") must fit too.

## Examples
Fails: `"text": "Чтобы отказаться от рассылки, ответьте СТОП на это сообщение в любое время"` (74).
Passes: `"text": "Ответьте СТОП, чтобы отписаться"`.
"#
    ),
    check,
};

fn check<'a>(cx: &Context<'a>, out: &mut Reporter<'a>) {
    for field in cx.fields(Role::Footer) {
        if let Some((len, range)) = excess(&field.text.value, LIMIT) {
            out.report(
                Report::text(field.text, range, too_long("footer", "подписи", len, LIMIT))
                    .component(ComponentKind::Footer)
                    .help(cut_by(len - LIMIT)),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::*;

    fn footer(text: &str) -> String {
        let text = serde_json::to_string(text).unwrap();
        with_body(
            "MARKETING",
            "Body text here.",
            &format!(r#"{{"type": "FOOTER", "text": {text}}}"#),
        )
    }

    #[test]
    fn passes() {
        assert_passes(
            &RULE,
            &[
                &footer("Ответьте СТОП, чтобы отписаться"),
                &footer(&"я".repeat(60)),
            ],
        );
    }

    #[test]
    fn fails() {
        let long = "Чтобы отказаться от рассылки, ответьте СТОП на это сообщение в любое время";
        let d = run(&RULE, &footer(long));
        assert_eq!(d.len(), 1);
        assert_eq!(
            d[0].message,
            "footer is 74 characters long; the limit is 60"
        );
        assert_eq!(d[0].range.unwrap().start_utf16, 60);
        assert_eq!(flagged(&RULE, &footer(long)), vec![" в любое время"]);
    }
}
