use super::{Context, Reporter, Role, Rule};
use crate::diagnostic::{Report, Severity};
use crate::l10n::Msg;
use crate::moderation::RejectionReason::InvalidFormat;
use crate::moderation::{ErrorEffect, FixKind, Risk};
use crate::placeholder::{Kind, Problem, MAX_NAME_LEN};

pub static RULE: Rule = Rule {
    id: "placeholder-syntax",
    default_severity: Severity::Error,
    on_error: ErrorEffect::Reject(InvalidFormat),
    on_warning: Risk::review(-0.5, InvalidFormat),
    fix: FixKind::Sometimes,
    summary: (
        "A placeholder is malformed or its name is invalid",
        "Переменная записана неправильно или у неё недопустимое имя",
    ),
    docs: rule_docs!(
        r#"# placeholder-syntax

## What it checks
Every attempted placeholder in the header, body, footer, button labels and button URLs:

| written | problem | fix |
|---|---|---|
| `{{ 1 }}` | spaces inside the braces | `{{1}}` |
| `{{ 1 }`, `{1}}`, `{{1`, `1}}` | braces do not pair up | `{{1}}` |
| `{1}` | single braces | `{{1}}` |
| `{{{1}}}` | triple braces | `{{1}}` |
| `{{}}` | empty | |
| `{{First Name}}`, `{{first-name}}` | invalid name | `{{first_name}}` |
| `{{#1}}`, `{{$1}}` | special characters | `{{1}}` |
| `{{подстановка 1}}`, `<<подстановка 1>>` | the notation of the seed articles | `{{1}}` |
| `{{01}}` | leading zero | `{{1}}` |
| `{{a_very_long_named_parameter_over_32}}` | name longer than 32 characters | |

Single braces around text that is neither a number nor a parameter name (`{embed-name}`)
are left alone.

## Why
Meta's template review lists "missing or mismatched curly braces" and "special characters such
as #, $ or %" inside a parameter among the common rejection reasons (INVALID_FORMAT). Named
parameters must be lowercase letters, digits and underscores (template overview) and at most
32 characters long (WhatsApp Manager: `NAMED_PARAMETER_TOO_LONG`). A malformed placeholder that
slips through review is worse: the customer sees the braces. The seed articles write
placeholders as `{{подстановка 1}}` or `<<подстановка 1>>` (`004:113`, `003:145`), which Meta
does not read as placeholders.

## Examples
Fails: `Здравствуйте, {{ 1 }! Ваш заказ {2} готов.`
Passes: `Здравствуйте, {{1}}! Ваш заказ {{2}} готов.`
Fixes: `Здравствуйте, {{ 1 }! Ваш заказ готов.` → `Здравствуйте, {{1}}! Ваш заказ готов.`
"#
    ),
    check,
};

fn check<'a>(cx: &Context<'a>, out: &mut Reporter<'a>) {
    for field in cx.fields.iter().filter(|f| f.role != Role::Example) {
        for p in &field.placeholders {
            let raw = &field.text.value[p.range.clone()];
            let severity = match &p.kind {
                // `{name}` may be deliberate text; `{1}` never is.
                Kind::Malformed {
                    problem: Problem::SingleBraces,
                    ..
                } if !raw.bytes().any(|b| b.is_ascii_digit()) => Severity::Warning,
                Kind::Malformed { .. } => Severity::Error,
                Kind::Positional(n) if raw.len() != n.to_string().len() + 4 => Severity::Error,
                Kind::Named(name) if name.len() > MAX_NAME_LEN => Severity::Error,
                _ => continue,
            };
            out.report_with(Some(severity), || {
                let (message, suggestion) = explain(&p.kind, raw);
                let report = Report::text(field.text, p.range.clone(), message)
                    .severity(severity)
                    .component(field.component);
                match suggestion {
                    Some(s) => report
                        .help(cx.msg(|| format!("write `{s}`"), || format!("напишите `{s}`")))
                        .replace_with(
                            cx.msg(
                                || format!("replace with `{s}`"),
                                || format!("заменить на `{s}`"),
                            ),
                            s,
                        ),
                    None => report,
                }
            });
        }
    }
}

/// What is wrong with a placeholder `check` found faulty, and what to write instead.
fn explain(kind: &Kind, raw: &str) -> (Msg, Option<String>) {
    match kind {
        Kind::Malformed { problem, suggestion } => (describe(*problem, raw), suggestion.clone()),
        Kind::Positional(n) => (
            Msg::new(
                format!("`{raw}` has a leading zero; positions are written `{{{{{n}}}}}`"),
                format!("в `{raw}` лишний ноль в начале; номер пишется как `{{{{{n}}}}}`"),
            ),
            Some(format!("{{{{{n}}}}}")),
        ),
        Kind::Named(name) => (
            Msg::new(
                format!("parameter name `{name}` is {} characters long; Meta allows at most {MAX_NAME_LEN}", name.len()),
                format!("имя переменной `{name}` длиной {} символов; Meta допускает не больше {MAX_NAME_LEN}", name.len()),
            ),
            None,
        ),
    }
}

fn describe(problem: Problem, raw: &str) -> Msg {
    let (en, ru) = match problem {
        Problem::SpacesInside => ("has spaces inside the braces", "содержит пробелы внутри скобок"),
        Problem::SingleBraces => ("uses single braces; placeholders need two on each side", "записана в одинарных скобках, а нужны двойные"),
        Problem::Unbalanced => ("has braces that do not pair up", "содержит непарные фигурные скобки"),
        Problem::TripleBraces => ("uses three braces on each side instead of two", "записана в тройных скобках вместо двойных"),
        Problem::Empty => ("is empty", "пустая"),
        Problem::InvalidName => (
            "is not a valid placeholder: use a number (`{{1}}`) or a name of lowercase Latin letters, digits and underscores",
            "недопустима: используйте номер (`{{1}}`) или имя из строчных латинских букв, цифр и подчёркиваний",
        ),
        Problem::AngleBrackets => ("uses angle brackets; WhatsApp placeholders use double curly braces", "записана в угловых скобках, а WhatsApp понимает только двойные фигурные"),
        Problem::NumberTooLarge => ("has a number too large to be a position", "содержит слишком большой номер"),
    };
    Msg::new(
        format!("placeholder `{raw}` {en}"),
        format!("переменная `{raw}` {ru}"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::*;
    use crate::Edit;

    #[test]
    fn passes() {
        assert_passes(
            &RULE,
            &[
                "Здравствуйте, {{1}}! Ваш заказ {{2}} готов.",
                "Hi {{first_name}}, your order {{order_id}} is ready.",
                "Импортировано из {embed-name}.",
                "No placeholders at all.",
            ],
        );
    }

    #[test]
    fn fails_on_each_malformed_form() {
        assert_fails(
            &RULE,
            &[
                (
                    "Здравствуйте, {{ 1 }! Ваш заказ {2} готов.",
                    &["{{ 1 }", "{2}"],
                ),
                (
                    "Hi {{First Name}}, code {{#1}}, {{}} and {{{2}}}.",
                    &["{{First Name}}", "{{#1}}", "{{}}", "{{{2}}}"],
                ),
                (
                    "У нас новость {{подстановка 1}}. Нажмите, чтобы <<подстановка 2>>.",
                    &["{{подстановка 1}}", "<<подстановка 2>>"],
                ),
                (
                    "Номер {{01}} и {{a_very_long_named_parameter_over_32}}.",
                    &["{{01}}", "{{a_very_long_named_parameter_over_32}}"],
                ),
            ],
        );
    }

    #[test]
    fn offers_the_intended_placeholder_as_a_fix() {
        let d = run(&RULE, "Заказ {{ 1 } готов");
        assert_eq!(
            d[0].message,
            "placeholder `{{ 1 }` has braces that do not pair up"
        );
        let fix = d[0].fix.as_ref().unwrap();
        let Edit::Replace { text, range, .. } = &fix.edits[0] else {
            panic!()
        };
        assert_eq!(text, "{{1}}");
        assert_eq!((range.start_utf16, range.end_utf16), (6, 12));
    }

    #[test]
    fn single_braces_around_a_name_are_a_warning() {
        let d = run(&RULE, "Привет, {name}! Код {1}.");
        assert_eq!(
            d.iter().map(|d| d.severity).collect::<Vec<_>>(),
            [Severity::Warning, Severity::Error]
        );
    }

    #[test]
    fn checks_button_urls_and_header() {
        let json = with_body(
            "UTILITY",
            "Body {{1}} text.",
            r#"{"type": "HEADER", "format": "TEXT", "text": "Order {1}"}, {"type": "BUTTONS", "buttons": [{"type": "URL", "text": "Go", "url": "https://a.ru/{{ 1 }}"}]}"#,
        );
        assert_eq!(flagged(&RULE, &json), vec!["{1}", "{{ 1 }}"]);
    }
}
