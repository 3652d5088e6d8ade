use super::{excess, Context, Reporter, Role, Rule};
use crate::diagnostic::{Report, Severity};
use crate::l10n::{plural_en, plural_ru, Msg};
use crate::moderation::RejectionReason::InvalidFormat;
use crate::moderation::{ErrorEffect, FixKind, Risk};
use crate::template::ComponentKind;

/// Meta's limit for a text header (components reference).
pub const LIMIT: usize = 60;

pub static RULE: Rule = Rule {
    id: "header-too-long",
    default_severity: Severity::Error,
    on_error: ErrorEffect::Reject(InvalidFormat),
    on_warning: Risk::review(-0.5, InvalidFormat),
    fix: FixKind::None,
    summary: (
        "A text header is longer than 60 characters",
        "Текстовый заголовок длиннее 60 символов",
    ),
    docs: rule_docs!(
        r#"# header-too-long

## What it checks
A `HEADER` with format `TEXT` whose text is longer than 60 characters. Characters are UTF-16
code units, as in `body-too-long` (Meta's editor compares JavaScript `string.length`).

## Why
Meta's components reference: "Text headers … 60 characters maximum". Longer headers are refused
at creation (API error 2388040, "character limit exceeded"). A `{{1}}` placeholder counts as its
five characters.

## Examples
Fails: `"text": "Большая летняя распродажа во всех магазинах сети до конца августа!"` (66).
Passes: `"text": "Ваш заказ {{1}} отправлен"`.
"#
    ),
    check,
};

fn check<'a>(cx: &Context<'a>, out: &mut Reporter<'a>) {
    for field in cx.fields(Role::HeaderText) {
        if let Some((len, range)) = excess(&field.text.value, LIMIT) {
            out.report(
                Report::text(
                    field.text,
                    range,
                    too_long("header", "заголовка", len, LIMIT),
                )
                .component(ComponentKind::Header)
                .help(cut_by(len - LIMIT)),
            );
        }
    }
}

/// "{what} is {len} characters long; the limit is {limit}".
pub(crate) fn too_long(what_en: &str, what_ru: &str, len: usize, limit: usize) -> Msg {
    Msg::new(
        format!(
            "{what_en} is {len} {} long; the limit is {limit}",
            plural_en(len, "character", "characters")
        ),
        format!(
            "длина {what_ru} {len} {}; лимит {limit}",
            plural_ru(len, "символ", "символа", "символов")
        ),
    )
}

pub(crate) fn cut_by(n: usize) -> Msg {
    Msg::new(
        format!("remove {n} {}", plural_en(n, "character", "characters")),
        format!(
            "уберите {n} {}",
            plural_ru(n, "символ", "символа", "символов")
        ),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::*;

    fn header(text: &str) -> String {
        let text = serde_json::to_string(text).unwrap();
        with_body(
            "UTILITY",
            "Body text here.",
            &format!(r#"{{"type": "HEADER", "format": "TEXT", "text": {text}}}"#),
        )
    }

    #[test]
    fn passes() {
        assert_passes(
            &RULE,
            &[
                &header("Ваш заказ {{1}} отправлен"),
                &header(&"x".repeat(60)),
            ],
        );
    }

    #[test]
    fn fails() {
        let long = "Большая летняя распродажа во всех магазинах сети до конца августа!";
        assert_fails(
            &RULE,
            &[
                (&header(long), &["густа!"]),
                (&header(&"y".repeat(61)), &["y"]),
            ],
        );
        let d = run(&RULE, &header(long));
        assert_eq!(
            d[0].message,
            "header is 66 characters long; the limit is 60"
        );
        assert_eq!(d[0].component, Some("HEADER"));
    }
}
