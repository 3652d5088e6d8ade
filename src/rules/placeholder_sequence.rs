use super::{Context, Field, Reporter, Role, Rule};
use crate::diagnostic::{Report, Severity};
use crate::l10n::Msg;
use crate::moderation::RejectionReason::InvalidFormat;
use crate::moderation::{ErrorEffect, FixKind, Risk};
use crate::placeholder::Kind;
use std::collections::BTreeSet;

pub static RULE: Rule = Rule {
    id: "placeholder-sequence",
    default_severity: Severity::Error,
    on_error: ErrorEffect::Reject(InvalidFormat),
    on_warning: Risk::review(-0.5, InvalidFormat),
    fix: FixKind::None,
    summary: (
        "Positional placeholders are not numbered 1..N in order, or positional and named are mixed",
        "Номера переменных идут не по порядку 1..N, или номера смешаны с именами",
    ),
    docs: rule_docs!(
        r#"# placeholder-sequence

## What it checks
- In the header and in the body (each numbered on its own, as Meta does), positional
  placeholders must run `{{1}}`, `{{2}}`, `{{3}}`, … with no number skipped and none at 0
  (error). Numbers that first appear out of order (`{{2}}` before `{{1}}`) are a warning: Meta's
  examples of rejected numbering all skip a number, and approved templates in the corpus use
  out-of-order numbers (e.g. `Hello {{14}}` before `{{1}}`), but the example values are matched
  by number and easy to mix up. Repeating a number that already appeared is fine.
- A template uses either positional (`{{1}}`) or named (`{{first_name}}`) placeholders, not both.
- `parameter_format` must match: `NAMED` for named placeholders, `POSITIONAL` (the default when
  it is omitted) for positional ones. Drafts (plain text, or JSON without name, language and
  category) have no `parameter_format` yet; only mixing
  is checked there.
- A named placeholder appears only once per component.

## Why
Meta's template review lists non-sequential parameters (`{{1}}, {{2}}, {{5}}, {{4}}`) among the
common rejection reasons, and its overview says positional parameters are "ordered array index
numbers, starting from 1". Mixing both kinds is rejected (`INCORRECT_PARAMS`). Forgetting
`"parameter_format": "NAMED"` with named placeholders gets the template rejected (reported by
integrators, e.g. gabrieldwight/Whatsapp-Business-Cloud-Api-Net#194). WhatsApp Manager blocks
duplicated named parameters (`DUPLICATED_NAMED_PARAMETER`).

## Examples
Fails: `Заказ {{1}} будет доставлен {{3}}.` (`{{2}}` is missing)
Warns: `Код {{2}} для заказа {{1}}.` (`{{2}}` comes first)
Fails: `Привет, {{name}}! Заказ {{1}}.` (mixed)
Passes: `Привет, {{1}}! Заказ {{2}} будет доставлен {{3}}. Номер заказа: {{2}}.`
"#
    ),
    check,
};

#[derive(PartialEq, Clone, Copy)]
enum Format {
    Positional,
    Named,
}

fn check<'a>(cx: &Context<'a>, out: &mut Reporter<'a>) {
    // Button URLs always use `{{1}}`; their own rule checks them.
    let fields: Vec<&Field<'a>> = cx
        .fields
        .iter()
        .filter(|f| matches!(f.role, Role::HeaderText | Role::Body))
        .collect();
    let declared = declared_format(cx, out);
    let first_kind = fields
        .iter()
        .flat_map(|f| &f.placeholders)
        .find_map(|p| match p.kind {
            Kind::Positional(_) => Some(Format::Positional),
            Kind::Named(_) => Some(Format::Named),
            Kind::Malformed { .. } => None,
        });
    let expected = declared.or(first_kind);
    for field in &fields {
        for p in &field.placeholders {
            let found = match p.kind {
                Kind::Positional(_) => Format::Positional,
                Kind::Named(_) => Format::Named,
                Kind::Malformed { .. } => continue,
            };
            if Some(found) == expected {
                continue;
            }
            let raw = &field.text.value[p.range.clone()];
            let message = match (declared, found) {
                (Some(Format::Named), Format::Positional) => Msg::new(
                    format!("`{raw}` is positional, but the template declares \"parameter_format\": \"NAMED\""),
                    format!("`{raw}` — номер, а в шаблоне указано \"parameter_format\": \"NAMED\""),
                ),
                (Some(Format::Positional), Format::Named) if cx.template.parameter_format.is_some() => Msg::new(
                    format!("`{raw}` is named, but the template declares \"parameter_format\": \"POSITIONAL\""),
                    format!("`{raw}` — имя, а в шаблоне указано \"parameter_format\": \"POSITIONAL\""),
                ),
                (Some(Format::Positional), Format::Named) => Msg::new(
                    format!("named placeholder `{raw}` needs \"parameter_format\": \"NAMED\" (Meta assumes POSITIONAL when it is missing)"),
                    format!("для переменной с именем `{raw}` нужно указать \"parameter_format\": \"NAMED\" (без него Meta считает формат POSITIONAL)"),
                ),
                _ => Msg::new(
                    format!("`{raw}` mixes named and positional placeholders in one template"),
                    format!("`{raw}`: в одном шаблоне смешаны переменные с именами и с номерами"),
                ),
            };
            out.report(
                Report::text(field.text, p.range.clone(), message).component(field.component),
            );
        }
    }
    for field in &fields {
        check_numbering(field, out);
        check_duplicate_names(field, out);
    }
}

/// The declared `parameter_format`, reporting values Meta does not accept. Plain-text drafts
/// have none, so nothing is assumed for them.
fn declared_format<'a>(cx: &Context<'a>, out: &mut Reporter<'a>) -> Option<Format> {
    if cx.template.is_draft() {
        return None;
    }
    let Some(t) = &cx.template.parameter_format else {
        return Some(Format::Positional);
    };
    match t.value.to_ascii_uppercase().as_str() {
        "NAMED" => Some(Format::Named),
        "POSITIONAL" => Some(Format::Positional),
        _ => {
            out.report(Report::text(
                t,
                0..t.value.len(),
                Msg::new(
                    format!(
                        "\"parameter_format\" must be NAMED or POSITIONAL, not \"{}\"",
                        t.value
                    ),
                    format!(
                        "\"parameter_format\" может быть только NAMED или POSITIONAL, а не \"{}\"",
                        t.value
                    ),
                ),
            ));
            None
        }
    }
}

fn check_numbering<'a>(field: &Field<'a>, out: &mut Reporter<'a>) {
    let positions = || {
        field.placeholders.iter().filter_map(|p| match p.kind {
            Kind::Positional(n) => Some((n, &p.range)),
            _ => None,
        })
    };
    let text = field.text;
    if let Some((_, range)) = positions().find(|(n, _)| *n == 0) {
        out.report(
            Report::text(
                text,
                range.clone(),
                Msg::new(
                    "placeholder numbers start at {{1}}, not {{0}}",
                    "номера переменных начинаются с {{1}}, а не с {{0}}",
                ),
            )
            .component(field.component),
        );
        return;
    }
    // The first number larger than the next one due, in reading order. None: the numbers are
    // 1, 2, 3… in order of first appearance (repeats allowed), with none missing; nothing
    // else needs to be collected (most bodies).
    let mut next = 1;
    let Some((n, range)) = positions().find(|&(n, _)| {
        if n == next {
            next += 1;
        }
        n > next
    }) else {
        return;
    };
    // A number missing from 1 to the largest is never due, so the first one past it comes
    // first: the gap is reported before the order.
    let mut present: Vec<u32> = positions().map(|(n, _)| n).collect();
    present.sort_unstable();
    present.dedup();
    if let Some(missing) = (1..).zip(&present).find(|(k, n)| k != *n).map(|(k, _)| k) {
        let (n, range) = positions()
            .find(|(n, _)| *n > missing)
            .expect("a larger number exists");
        out.report(
            Report::text(
                text,
                range.clone(),
                Msg::new(
                    format!("{{{{{missing}}}}} is missing: the numbers jump to {{{{{n}}}}}"),
                    format!("пропущена переменная {{{{{missing}}}}}: номера перескакивают на {{{{{n}}}}}"),
                ),
            )
            .component(field.component)
            .help(renumber_help()),
        );
        return;
    }
    out.report(
        Report::text(
            text,
            range.clone(),
            Msg::new(
                format!("{{{{{n}}}}} appears before {{{{{next}}}}}; number placeholders in the order they first appear"),
                format!("{{{{{n}}}}} стоит раньше {{{{{next}}}}}; нумеруйте переменные в порядке их первого появления"),
            ),
        )
        .severity(Severity::Warning)
        .component(field.component)
        .help(renumber_help()),
    );
}

fn renumber_help() -> Msg {
    Msg::new(
        "renumber the placeholders 1, 2, 3… in reading order and reorder the example values to match",
        "перенумеруйте переменные 1, 2, 3… по порядку чтения и переставьте примеры значений так же",
    )
}

fn check_duplicate_names<'a>(field: &Field<'a>, out: &mut Reporter<'a>) {
    let mut seen = BTreeSet::new();
    for p in &field.placeholders {
        if let Kind::Named(name) = &p.kind {
            if !seen.insert(name.as_str()) {
                out.report(
                    Report::text(
                        field.text,
                        p.range.clone(),
                        Msg::new(
                            format!("named placeholder `{{{{{name}}}}}` appears twice in this component; Meta requires unique names"),
                            format!("переменная `{{{{{name}}}}}` встречается дважды; Meta требует уникальных имён"),
                        ),
                    )
                    .component(field.component),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::*;

    fn named(body: &str) -> String {
        with_body("UTILITY", body, "").replace(
            r#""category""#,
            r#""parameter_format": "NAMED", "category""#,
        )
    }

    #[test]
    fn passes() {
        assert_passes(
            &RULE,
            &[
                "Привет, {{1}}! Заказ {{2}} будет доставлен {{3}}. Номер заказа: {{2}}.",
                "No placeholders.",
                "Hi {{name}}, order {{order_id}}.", // a draft: no parameter_format to compare with
                &with_body(
                    "UTILITY",
                    "Hi {{1}}, order {{2}}.",
                    r#"{"type": "HEADER", "format": "TEXT", "text": "Order {{1}}"}"#,
                ),
                &named("Hi {{first_name}}, order {{order_id}}."),
            ],
        );
    }

    #[test]
    fn gaps_and_order() {
        assert_fails(
            &RULE,
            &[
                ("Заказ {{1}} будет доставлен {{3}}.", &["{{3}}"]),
                ("Код {{2}} для заказа {{1}}.", &["{{2}}"]),
                ("{{1}}, {{2}}, {{5}}, {{4}}", &["{{5}}"]),
                ("Номер {{0}} и {{1}}", &["{{0}}"]),
            ],
        );
        let d = run(&RULE, "Заказ {{1}} будет доставлен {{3}}.");
        assert_eq!(d[0].message, "{{2}} is missing: the numbers jump to {{3}}");
    }

    #[test]
    fn mixing_and_format() {
        assert_fails(&RULE, &[("Привет, {{name}}! Заказ {{1}}.", &["{{1}}"])]);
        let missing_format = with_body("UTILITY", "Hi {{name}}, order {{order_id}}.", "");
        assert_eq!(
            flagged(&RULE, &missing_format),
            vec!["{{name}}", "{{order_id}}"]
        );
        let d = run(&RULE, &missing_format);
        assert!(d[0]
            .message
            .contains("needs \"parameter_format\": \"NAMED\""));
        assert_eq!(
            flagged(&RULE, &named("Hi {{1}}, order {{order_id}}.")),
            vec!["{{1}}"]
        );
        let bad = with_body("UTILITY", "x", "").replace(
            r#""category""#,
            r#""parameter_format": "names", "category""#,
        );
        assert_eq!(flagged(&RULE, &bad), vec!["names"]);
    }

    #[test]
    fn duplicate_names() {
        assert_eq!(
            flagged(&RULE, &named("Hi {{name}}, {{name}}!")),
            vec!["{{name}}"]
        );
    }
}
