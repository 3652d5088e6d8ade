use super::{Context, Reporter, Rule};
use crate::diagnostic::{Report, Severity};
use crate::l10n::Msg;
use crate::moderation::RejectionReason::InvalidFormat;
use crate::moderation::{ErrorEffect, FixKind, Risk};
use crate::text::utf16_len;

/// Meta's limit on template names (template overview).
pub const MAX_LEN: usize = 512;

pub static RULE: Rule = Rule {
    id: "template-name",
    default_severity: Severity::Error,
    on_error: ErrorEffect::Reject(InvalidFormat),
    on_warning: Risk::review(-0.5, InvalidFormat),
    fix: FixKind::Sometimes,
    summary: (
        "The template name is missing, too long or not lowercase letters, digits and underscores",
        "Имя шаблона отсутствует, слишком длинное или содержит не только строчные латинские буквы, цифры и подчёркивания",
    ),
    docs: rule_docs!(r#"# template-name

## What it checks
- `name` is present (not for drafts: plain text, or JSON without name, language and category);
- it has only lowercase Latin letters, digits and underscores (a fix converts `Order Update`
  to `order_update`, and spells other letters in Latin: `Статус заказа` → `status_zakaza`
  (Russian by ICAO Doc 9303, the rules of Russian passports), `Promoción Verano` →
  `promocion_verano`);
- it is at most 512 characters;
- a template named `test` has exactly the body `Hello {{1}}` (warning).

## Why
Meta's template overview: "Template names are limited to a maximum of 512 characters,
consisting of lowercase alphanumeric characters and underscores"; other names are refused with
error 100 (invalid parameter). WhatsApp Manager warns `TEST_TEMPLATE` when a template named
`test` has any other body than `Hello {{1}}`.

## Examples
Fails: `"name": "Order-Update"`; `"name": "рассылка_1"` (fix: `rassylka_1`).
Passes: `"name": "order_update_2"`.
Fixes: `"name": "Order-Update"` → `"name": "order_update"`.
"#),
    check,
};

fn check<'a>(cx: &Context<'a>, out: &mut Reporter<'a>) {
    let t = cx.template;
    if !cx.is_submission() {
        return;
    }
    let Some(name) = &t.name else {
        out.report(Report::node(
            t.field_path("name"),
            t.span.clone(),
            Msg::new(
                "the template has no `name`",
                "у шаблона не указано имя (`name`)",
            ),
        ));
        return;
    };
    let value = &name.value;
    let whole = 0..value.len();
    if value.is_empty() {
        out.report(Report::text(
            name,
            whole,
            Msg::new("the template name is empty", "имя шаблона пустое"),
        ));
        return;
    }
    if !value
        .bytes()
        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
    {
        let suggestion = crate::translit::snake_case(value);
        let mut report = Report::text(
            name,
            whole.clone(),
            Msg::new(
                format!("template name \"{value}\" may only contain lowercase Latin letters, digits and underscores"),
                format!("имя шаблона «{value}» может содержать только строчные латинские буквы, цифры и подчёркивания"),
            ),
        );
        if !suggestion.is_empty() {
            report = report.replace_with(
                Msg::new(
                    format!("rename to `{suggestion}`"),
                    format!("переименовать в `{suggestion}`"),
                ),
                suggestion,
            );
        }
        out.report(report);
    }
    let len = utf16_len(value);
    if len > MAX_LEN {
        out.report(Report::text(
            name,
            whole.clone(),
            Msg::new(
                format!("the template name is {len} characters long; the limit is {MAX_LEN}"),
                format!("длина имени шаблона {len} символов; лимит {MAX_LEN}"),
            ),
        ));
    }
    if value == "test" && t.body().is_some_and(|b| b.value != "Hello {{1}}") {
        out.report(
            Report::text(
                name,
                whole,
                Msg::new(
                    "a template named `test` must have exactly the body `Hello {{1}}`; choose another name",
                    "шаблон с именем `test` должен иметь текст ровно `Hello {{1}}`; выберите другое имя",
                ),
            )
            .severity(Severity::Warning),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::*;

    fn named(name: &str) -> String {
        with_body("UTILITY", "Hello {{1}}", "").replace(
            r#""name": "t""#,
            &format!(r#""name": {}"#, serde_json::to_string(name).unwrap()),
        )
    }

    #[test]
    fn passes() {
        assert_passes(
            &RULE,
            &[
                &named("order_update_2"),
                &named("test"),
                "plain text drafts have no name",
            ],
        );
    }

    #[test]
    fn fails() {
        assert_fails(
            &RULE,
            &[
                (&named("Order-Update"), &["Order-Update"]),
                (&named("Статус заказа"), &["Статус заказа"]),
                (&named(""), &[""]),
                (&named(&"a".repeat(513)), &["a".repeat(513).as_str()]),
                (
                    r#"{"category": "UTILITY", "components": [{"type": "BODY", "text": "x"}]}"#,
                    &["name"],
                ),
            ],
        );
        // The fix spells every letter in Latin (it used to drop accented letters).
        for (name, fixed) in [
            ("Статус заказа №2", "status_zakaza_2"),
            ("Promoción Verano", "promocion_verano"),
            ("Été 2024", "ete_2024"),
            ("Подъём цен", "podieem_tsen"),
        ] {
            let d = run(&RULE, &named(name));
            let crate::Edit::Replace { text, .. } = &d[0].fix.as_ref().unwrap().edits[0] else {
                panic!()
            };
            assert_eq!(text, fixed, "{name}");
        }
        let test = with_body("UTILITY", "Hi", "").replace(r#""name": "t""#, r#""name": "test""#);
        assert_eq!(run(&RULE, &test)[0].severity, Severity::Warning);
    }
}
