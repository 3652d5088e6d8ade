use super::{Context, Field, Reporter, Role, Rule};
use crate::diagnostic::{Report, Severity};
use crate::l10n::{plural_en, plural_ru, Msg};
use crate::moderation::RejectionReason::InvalidFormat;
use crate::moderation::{ErrorEffect, FixKind, Risk};
use crate::placeholder::Kind;
use crate::template::{Component, ComponentKind, Example, NamedExample};
use std::collections::BTreeSet;

pub static RULE: Rule = Rule {
    id: "placeholder-example",
    default_severity: Severity::Error,
    on_error: ErrorEffect::Reject(InvalidFormat),
    on_warning: Risk::review(-0.5, InvalidFormat),
    fix: FixKind::None,
    summary: (
        "Example values are missing or do not match the placeholders",
        "Примеры значений отсутствуют или не совпадают с переменными",
    ),
    docs: rule_docs!(
        r#"# placeholder-example

## What it checks
Every header or body with placeholders needs sample values, and they must match:
- positional: `example.header_text: ["…"]` (one value) and `example.body_text: [["v1", "v2", …]]`
  (exactly one row, one value per placeholder number); a body with a single placeholder may
  give its value as a string, `"body_text": "Pablo"`, as Meta's carousel pages allow;
- named: `example.header_text_named_params` / `example.body_text_named_params`, one
  `{"param_name", "example"}` per name, no missing and no extra names.

A draft (plain text, or JSON without name, language and category) gets an info reminder instead.

## Why
Meta: "every parameter needs an example value" (template overview); the carousel pages: "If
message body text uses a single variable, `body_text` value can be a string, otherwise it must
be an array containing an array of strings." Without examples the API
refuses the template ("BODY component does not contain the expected field(s) (example)",
reported in megaapp977/stack#324), and the review uses them to understand what the message will
say: templates with parameters of unknown purpose are rejected (older guidelines: "add
samples").

## Examples
Fails: `{"type": "BODY", "text": "Заказ {{1}} прибудет {{2}}.", "example": {"body_text": [["A-1"]]}}`.
Passes: `{"type": "BODY", "text": "Заказ {{1}} прибудет {{2}}.", "example": {"body_text": [["A-1", "завтра"]]}}`.
"#
    ),
    check,
};

fn check<'a>(cx: &Context<'a>, out: &mut Reporter<'a>) {
    let mut draft_reminded = false;
    for field in cx
        .fields
        .iter()
        .filter(|f| matches!(f.role, Role::HeaderText | Role::Body))
    {
        // The distinct numbers, sorted (a vector: a set would sort them into a vector first).
        let mut positions: Vec<u32> = field
            .placeholders
            .iter()
            .filter_map(|p| match p.kind {
                Kind::Positional(n) => Some(n),
                _ => None,
            })
            .collect();
        positions.sort_unstable();
        positions.dedup();
        let names: BTreeSet<&str> = field
            .placeholders
            .iter()
            .filter_map(|p| match &p.kind {
                Kind::Named(n) => Some(n.as_str()),
                _ => None,
            })
            .collect();
        if cx.template.is_draft() {
            let has_placeholders = !(positions.is_empty() && names.is_empty());
            if has_placeholders && !draft_reminded {
                draft_reminded = true;
                out.report(
                    Report::text(field.text, 0..0, Msg::new(
                        "when you submit this draft, give an example value for every placeholder",
                        "при отправке шаблона на проверку укажите пример значения для каждой переменной",
                    ))
                    .severity(Severity::Info)
                    .component(field.component),
                );
            }
            continue;
        }
        let Some(component) = component_of(cx, field) else {
            continue;
        };
        let header = field.role == Role::HeaderText;
        if !positions.is_empty() {
            check_positional(field, component, header, positions.len(), out);
        }
        if !names.is_empty() {
            check_named(field, component, header, &names, out);
        }
        if positions.is_empty() && names.is_empty() {
            check_unused(field, component, header, out);
        }
    }
}

/// The component a header or body field belongs to.
fn component_of<'a>(cx: &Context<'a>, field: &Field<'a>) -> Option<&'a Component> {
    let components: &'a [Component] = match field.card {
        None => &cx.template.components,
        Some(i) => {
            &cx.template
                .component(ComponentKind::Carousel)?
                .cards
                .get(i)?
                .components
        }
    };
    components
        .iter()
        .find(|c| c.text.as_ref().is_some_and(|t| std::ptr::eq(t, field.text)))
}

fn missing<'a>(component: &'a Component, field: &Field<'a>, en: String, ru: String) -> Report<'a> {
    let (path, span) = match &component.example {
        Some(e) => (e.path.clone(), e.span.clone()),
        None => (component.path.clone(), component.span.clone()),
    };
    Report::node(path, span, Msg::new(en, ru)).component(field.component)
}

fn check_positional<'a>(
    field: &Field<'a>,
    component: &'a Component,
    header: bool,
    count: usize,
    out: &mut Reporter<'a>,
) {
    // The example's rows of values: how many, and the values in the first.
    let (key, given): (&str, Option<(usize, usize)>) = if header {
        (
            "header_text",
            component
                .example
                .as_ref()
                .map(|e| (1, e.header_text.len()))
                .filter(|&(_, values)| values > 0),
        )
    } else {
        (
            "body_text",
            component
                .example
                .as_ref()
                .and_then(|e| Some((e.body_text.len(), e.body_text.first()?.len()))),
        )
    };
    let what = if header {
        ("header", "заголовке")
    } else {
        ("body", "тексте")
    };
    let Some((rows, n)) = given else {
        out.report(
            missing(
                component,
                field,
                format!(
                    "the {} has {count} {} but no `example.{key}` values",
                    what.0,
                    placeholders_en(count)
                ),
                format!(
                    "в {} {count} {}, но нет примеров значений `example.{key}`",
                    what.1,
                    placeholders_ru(count)
                ),
            )
            .help(Msg::new(
                if header {
                    "add \"example\": {\"header_text\": [\"sample value\"]}"
                } else {
                    "add \"example\": {\"body_text\": [[\"value 1\", \"value 2\", …]]}"
                },
                if header {
                    "добавьте \"example\": {\"header_text\": [\"пример значения\"]}"
                } else {
                    "добавьте \"example\": {\"body_text\": [[\"значение 1\", \"значение 2\", …]]}"
                },
            )),
        );
        return;
    };
    let example = component.example.as_ref().expect("rows came from it");
    if !header && example.body_text_string && count != 1 {
        out.report(missing(
            component,
            field,
            format!("`example.body_text` is one string, which gives one value; the body has {count} {}: write [[\"v1\", \"v2\"]]", placeholders_en(count)),
            format!("`example.body_text` — одна строка, то есть одно значение; в тексте {count} {}: запишите [[\"v1\", \"v2\"]]", placeholders_ru(count)),
        ));
        return;
    }
    if !header && example.body_text_flat {
        out.report(missing(
            component,
            field,
            "`example.body_text` must be an array holding one array of values: [[\"v1\", \"v2\"]]".into(),
            "`example.body_text` должен быть массивом из одного массива значений: [[\"v1\", \"v2\"]]".into(),
        ));
        return;
    }
    if rows > 1 {
        out.report(missing(
            component,
            field,
            format!("`example.body_text` has {rows} rows; Meta expects exactly one"),
            format!("в `example.body_text` {rows} строк(и); Meta ожидает ровно одну"),
        ));
    }
    if n != count {
        out.report(missing(
            component,
            field,
            format!(
                "the {} has {count} {} but `example.{key}` gives {n} {}",
                what.0,
                placeholders_en(count),
                plural_en(n, "value", "values")
            ),
            format!(
                "в {} {count} {}, а в `example.{key}` {n} {}",
                what.1,
                placeholders_ru(count),
                plural_ru(n, "значение", "значения", "значений")
            ),
        ));
    }
}

fn check_named<'a>(
    field: &Field<'a>,
    component: &'a Component,
    header: bool,
    names: &BTreeSet<&str>,
    out: &mut Reporter<'a>,
) {
    let key = if header {
        "header_text_named_params"
    } else {
        "body_text_named_params"
    };
    let given: &[NamedExample] = component
        .example
        .as_ref()
        .map(|e: &Example| {
            if header {
                &e.header_text_named_params
            } else {
                &e.body_text_named_params
            }
        })
        .map_or(&[], Vec::as_slice);
    let given_names: BTreeSet<&str> = given
        .iter()
        .filter_map(|n| n.param_name.as_ref())
        .map(|t| t.value.as_str())
        .collect();
    for name in names.difference(&given_names) {
        out.report(missing(
            component,
            field,
            format!("no example for `{{{{{name}}}}}` in `example.{key}`"),
            format!("нет примера для `{{{{{name}}}}}` в `example.{key}`"),
        ));
    }
    for n in given {
        let Some(name) = &n.param_name else {
            out.report(
                Report::node(
                    n.path.clone(),
                    n.span.clone(),
                    Msg::new("example without `param_name`", "пример без `param_name`"),
                )
                .component(field.component),
            );
            continue;
        };
        if !names.contains(name.value.as_str()) {
            out.report(
                Report::text(
                    name,
                    0..name.value.len(),
                    Msg::new(
                        format!(
                            "example for `{}`, which the {} does not use",
                            name.value,
                            if header { "header" } else { "body" }
                        ),
                        format!(
                            "пример для `{}`, которой нет в {}",
                            name.value,
                            if header {
                                "заголовке"
                            } else {
                                "тексте"
                            }
                        ),
                    ),
                )
                .component(field.component),
            );
        }
    }
}

fn check_unused<'a>(
    field: &Field<'a>,
    component: &'a Component,
    header: bool,
    out: &mut Reporter<'a>,
) {
    let Some(e) = &component.example else { return };
    let has_values = if header {
        !e.header_text.is_empty() || !e.header_text_named_params.is_empty()
    } else {
        !e.body_text.is_empty() || !e.body_text_named_params.is_empty()
    };
    if has_values {
        out.report(
            missing(
                component,
                field,
                format!(
                    "example values are given, but the {} has no placeholders",
                    if header { "header" } else { "body" }
                ),
                format!(
                    "примеры значений указаны, но в {} нет переменных",
                    if header {
                        "заголовке"
                    } else {
                        "тексте"
                    }
                ),
            )
            .severity(Severity::Warning),
        );
    }
}

fn placeholders_en(n: usize) -> &'static str {
    plural_en(n, "placeholder", "placeholders")
}

fn placeholders_ru(n: usize) -> &'static str {
    plural_ru(n, "переменная", "переменные", "переменных")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::*;

    fn body_with_example(body: &str, example: &str) -> String {
        with_body("UTILITY", body, "").replace(
            r#""type": "BODY","#,
            &format!(r#""type": "BODY", "example": {example},"#),
        )
    }

    #[test]
    fn passes() {
        assert_passes(
            &RULE,
            &[
                &body_with_example(
                    "Заказ {{1}} прибудет {{2}}.",
                    r#"{"body_text": [["A-1", "завтра"]]}"#,
                ),
                &body_with_example(
                    "Заказ {{1}} прибудет {{2}}, {{1}}.",
                    r#"{"body_text": [["A-1", "завтра"]]}"#,
                ),
                &with_body("UTILITY", "No placeholders.", ""),
                &body_with_example(
                    "Hi {{name}}, order {{order_id}}.",
                    r#"{"body_text_named_params": [{"param_name": "order_id", "example": "1"}, {"param_name": "name", "example": "Ann"}]}"#,
                ),
                &with_body(
                    "UTILITY",
                    "Hi.",
                    r#"{"type": "HEADER", "format": "TEXT", "text": "Order {{1}}", "example": {"header_text": ["A-1"]}}"#,
                ),
            ],
        );
    }

    #[test]
    fn missing_examples() {
        let d = run(
            &RULE,
            &with_body("UTILITY", "Заказ {{1}} прибудет {{2}}.", ""),
        );
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].path, "components[0]");
        assert_eq!(
            d[0].message,
            "the body has 2 placeholders but no `example.body_text` values"
        );
        let header = with_body(
            "UTILITY",
            "Hi.",
            r#"{"type": "HEADER", "format": "TEXT", "text": "Order {{1}}"}"#,
        );
        assert_eq!(run(&RULE, &header)[0].path, "components[1]");
    }

    #[test]
    fn count_mismatch() {
        let d = run(
            &RULE,
            &body_with_example("Заказ {{1}} прибудет {{2}}.", r#"{"body_text": [["A-1"]]}"#),
        );
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].path, "components[0].example");
        assert_eq!(
            d[0].message,
            "the body has 2 placeholders but `example.body_text` gives 1 value"
        );
        let flat = run(
            &RULE,
            &body_with_example("Заказ {{1}}.", r#"{"body_text": ["A-1"]}"#),
        );
        assert!(flat[0].message.contains("one array"));
        let rows = run(
            &RULE,
            &body_with_example("Заказ {{1}}.", r#"{"body_text": [["A-1"], ["A-2"]]}"#),
        );
        assert!(rows[0].message.contains("2 rows"));
    }

    #[test]
    fn one_string_is_the_value_of_a_single_placeholder() {
        let one = body_with_example("Hi {{1}}, new arrivals.", r#"{"body_text": "Pablo"}"#);
        assert!(run(&RULE, &one).is_empty());
        let two = body_with_example("Hi {{1}}, order {{2}}.", r#"{"body_text": "Pablo"}"#);
        let d = run(&RULE, &two);
        assert_eq!(d.len(), 1);
        assert!(d[0].message.contains("one string"), "{}", d[0].message);
    }

    #[test]
    fn named_mismatch() {
        let json = body_with_example(
            "Hi {{name}}, order {{order_id}}.",
            r#"{"body_text_named_params": [{"param_name": "name", "example": "Ann"}, {"param_name": "city", "example": "Riga"}]}"#,
        );
        let d = run(&RULE, &json);
        let messages: Vec<&str> = d.iter().map(|d| d.message.as_str()).collect();
        assert_eq!(
            messages,
            [
                "no example for `{{order_id}}` in `example.body_text_named_params`",
                "example for `city`, which the body does not use"
            ]
        );
    }

    #[test]
    fn unused_examples_warn() {
        let d = run(
            &RULE,
            &body_with_example("Нет переменных.", r#"{"body_text": [["x"]]}"#),
        );
        assert_eq!(d[0].severity, Severity::Warning);
    }

    #[test]
    fn drafts_get_one_reminder() {
        let d = run(&RULE, "Заказ {{1}} прибудет {{2}}.");
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].severity, Severity::Info);
    }
}
