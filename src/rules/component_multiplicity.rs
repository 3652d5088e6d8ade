use super::{Context, Reporter, Rule};
use crate::diagnostic::{Report, Severity};
use crate::l10n::Msg;
use crate::moderation::RejectionReason::InvalidFormat;
use crate::moderation::{ErrorEffect, FixKind, Risk};
use crate::template::{Category, ComponentKind};

pub static RULE: Rule = Rule {
    id: "component-multiplicity",
    default_severity: Severity::Error,
    on_error: ErrorEffect::Reject(InvalidFormat),
    on_warning: Risk::review(-0.5, InvalidFormat),
    fix: FixKind::None,
    summary: (
        "Components missing or repeated (exactly one BODY, at most one of the others)",
        "Компоненты отсутствуют или повторяются (ровно один BODY, остальных не больше одного)",
    ),
    docs: rule_docs!(
        r#"# component-multiplicity

## What it checks
- the template has `components`, with exactly one `BODY`; a plain-text draft is not empty (or
  only spaces and line breaks);
- at most one `HEADER`, `FOOTER`, `BUTTONS`, `CAROUSEL`, `LIMITED_TIME_OFFER` and
  `CALL_PERMISSION_REQUEST`;
- every component has a `type` (a type walint does not know is reported by `unknown-type`, as
  a warning);
- `BODY` has `text` (except in `AUTHENTICATION` templates, whose body is Meta's preset) and so
  does `FOOTER` (except in `AUTHENTICATION`, where the footer carries `code_expiration_minutes`,
  which must be 1 to 90).

## Why
Meta's components reference: "Templates are composed of four main components: header, body,
footer, and buttons … Only the body is required", and a template "may contain only one text
header, one body, one footer". The authentication reference sets `code_expiration_minutes`
between 1 and 90.

## Examples
Fails: `{"components": [{"type": "BODY", "text": "Заказ готов."}, {"type": "BODY", "text": "Ждём вас."}]}`; `{"components": [{"type": "HEADER", "format": "TEXT", "text": "Заказ"}]}` (no body); `{"components": [{"text": "Заказ"}, {"type": "BODY", "text": "Заказ готов."}]}` (no type).
Passes: `{"components": [{"type": "HEADER", "format": "TEXT", "text": "Заказ"}, {"type": "BODY", "text": "Ваш заказ готов."}, {"type": "FOOTER", "text": "Магазин «Ромашка»"}, {"type": "BUTTONS", "buttons": [{"type": "QUICK_REPLY", "text": "Спасибо"}]}]}`.
"#
    ),
    check,
};

fn check<'a>(cx: &Context<'a>, out: &mut Reporter<'a>) {
    let t = cx.template;
    if t.plain_text {
        // A draft is all body: an empty one has nothing to submit.
        if let Some(body) = t.body().filter(|b| b.value.trim().is_empty()) {
            out.report(
                Report::text(
                    body,
                    0..body.value.len(),
                    Msg::new(
                        "the draft is empty: there is no message text",
                        "черновик пустой: в нём нет текста сообщения",
                    ),
                )
                .component(ComponentKind::Body)
                .help(Msg::new(
                    "write the message; the body is the one part every template needs",
                    "напишите текст сообщения: без него шаблона нет",
                )),
            );
        }
        return;
    }
    let auth = cx.declared_category() == Some(Category::Authentication);
    if !t.components.iter().any(|c| c.kind == ComponentKind::Body) {
        out.report(Report::node(
            t.field_path("components"),
            t.components_span.clone().or_else(|| t.span.clone()),
            Msg::new(
                "the template has no BODY component; it is the one required component",
                "в шаблоне нет компонента BODY, а он обязателен",
            ),
        ));
    }
    let mut seen = Vec::new();
    for c in &t.components {
        if c.type_text.is_none() {
            out.report(Report::node(
                c.path.clone(),
                c.span.clone(),
                Msg::new(
                    "the component has no `type`",
                    "у компонента не указан `type`",
                ),
            ));
            continue;
        }
        if c.kind == ComponentKind::Other {
            continue; // `unknown-type` says walint cannot judge it
        }
        if seen.contains(&c.kind) {
            let kind = c.kind.as_str();
            out.report(
                Report::node(
                    c.path.clone(),
                    c.span.clone(),
                    Msg::new(
                        format!("a second {kind} component: a template has at most one"),
                        format!("второй компонент {kind}: в шаблоне может быть только один"),
                    ),
                )
                .component(c.kind),
            );
        }
        seen.push(c.kind);
        let needs_text = match c.kind {
            ComponentKind::Body | ComponentKind::Footer => !auth,
            _ => false,
        };
        if needs_text && c.text.as_ref().is_none_or(|t| t.value.trim().is_empty()) {
            out.report(
                Report::node(
                    c.path.clone(),
                    c.span.clone(),
                    if c.kind == ComponentKind::Body {
                        Msg::new("the message text is empty", "текст сообщения пуст")
                    } else {
                        Msg::new("the footer is empty", "подпись пуста")
                    },
                )
                .component(c.kind),
            );
        }
        if let Some(minutes) = c.code_expiration_minutes {
            if !(1.0..=90.0).contains(&minutes) || minutes.fract() != 0.0 {
                out.report(
                    Report::node(
                        c.path.clone(),
                        c.span.clone(),
                        Msg::new(
                            format!("code_expiration_minutes is {}; it must be a whole number from 1 to 90", crate::l10n::two_decimals(minutes)),
                            format!("code_expiration_minutes = {}; нужно целое число от 1 до 90", crate::l10n::two_decimals(minutes)),
                        ),
                    )
                    .component(c.kind),
                );
            }
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
                &with_body(
                    "MARKETING",
                    "Body.",
                    r#"{"type": "HEADER", "format": "TEXT", "text": "H"}, {"type": "FOOTER", "text": "F"}, {"type": "BUTTONS", "buttons": []}"#,
                ),
                r#"{"category": "AUTHENTICATION", "components": [{"type": "BODY", "add_security_recommendation": true}, {"type": "FOOTER", "code_expiration_minutes": 10}]}"#,
                "Plain text draft",
                // Unknown types are `unknown-type`'s warning; the rest is still checked.
                &with_body("UTILITY", "One.", r#"{"type": "TITLE", "text": "x"}"#),
                " x ",
            ],
        );
    }

    #[test]
    fn an_empty_draft_is_an_error() {
        for draft in ["", "\n", "  \r\n\t", "\u{3000}"] {
            let d = run(&RULE, draft);
            assert_eq!(d.len(), 1, "{draft:?}");
            assert_eq!(d[0].severity, Severity::Error);
            assert_eq!(d[0].path, "components[0].text");
        }
        // And Meta's review is predicted to reject it.
        let reports =
            crate::lint_source("", crate::InputKind::PlainText, &Default::default()).unwrap();
        let prediction = reports[0].prediction.as_ref().unwrap();
        assert_eq!(prediction.outcome, crate::predict::Outcome::Rejected);
    }

    #[test]
    fn fails() {
        assert_fails(
            &RULE,
            &[
                (
                    &with_body("UTILITY", "One.", r#"{"type": "BODY", "text": "Two."}"#),
                    &["components[1]"],
                ),
                (
                    &with_body(
                        "UTILITY",
                        "One.",
                        r#"{"type": "call_permission_request"}, {"type": "CALL_PERMISSION_REQUEST"}"#,
                    ),
                    &["components[2]"],
                ),
                (
                    r#"{"category": "UTILITY", "components": [{"type": "HEADER", "format": "TEXT", "text": "x"}]}"#,
                    &["components"],
                ),
                (r#"{"category": "UTILITY"}"#, &["components"]),
                (
                    &with_body("UTILITY", " ", r#"{"text": "no type"}"#),
                    &["components[0]", "components[1]"],
                ),
                (
                    r#"{"category": "AUTHENTICATION", "components": [{"type": "BODY"}, {"type": "FOOTER", "code_expiration_minutes": 120}]}"#,
                    &["components[1]"],
                ),
            ],
        );
    }
}
