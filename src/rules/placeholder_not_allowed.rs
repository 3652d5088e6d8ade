use super::{Context, Reporter, Role, Rule};
use crate::diagnostic::{Report, Severity};
use crate::l10n::Msg;
use crate::moderation::RejectionReason::InvalidFormat;
use crate::moderation::{ErrorEffect, FixKind, Risk};

pub static RULE: Rule = Rule {
    id: "placeholder-not-allowed",
    default_severity: Severity::Error,
    on_error: ErrorEffect::Reject(InvalidFormat),
    on_warning: Risk::review(-0.5, InvalidFormat),
    fix: FixKind::None,
    summary: (
        "A placeholder where Meta allows none (footer, button label, a second one in the header, mid-URL)",
        "Переменная там, где Meta их не допускает (подпись, кнопка, вторая в заголовке, середина ссылки)",
    ),
    docs: rule_docs!(r#"# placeholder-not-allowed

## What it checks
- any placeholder in the footer;
- any placeholder in a button label;
- more than one placeholder in a text header (each extra one is reported);
- a placeholder in a URL button that is not at the very end of the URL;
- any placeholder in a limited-time offer's text.

## Why
Meta's components reference: a text header "supports 1 parameter"; URL buttons support one
variable "appended to the end of the URL". WhatsApp Manager blocks `PARAMETER_IN_FOOTER` (API
error 2388073 "Message footer format is incorrect"), `PARAMETER_IN_BUTTON_TEXT` and
`MORE_THAN_ONE_PARAMETER`.

## Examples
Fails: `{"type": "FOOTER", "text": "Ваш менеджер {{1}}"}`; `{"type": "QUICK_REPLY", "text": "Заказ {{1}}"}`; `{"type": "URL", "text": "Заказ", "url": "https://shop.ru/{{1}}/track", "example": ["https://shop.ru/A-1/track"]}`.
Passes: `{"type": "URL", "text": "Заказ", "url": "https://shop.ru/track/{{1}}", "example": ["https://shop.ru/track/A-1"]}`; `{"type": "HEADER", "format": "TEXT", "text": "Заказ {{1}}", "example": {"header_text": ["A-1"]}}`.
"#),
    check,
};

fn check<'a>(cx: &Context<'a>, out: &mut Reporter<'a>) {
    for field in &cx.fields {
        let text = &field.text.value;
        let valid = || field.placeholders.iter().filter(|p| p.is_valid());
        // Collected only for the roles that flag some (nothing is allocated when none is).
        let flagged: Vec<_> = match field.role {
            Role::Footer | Role::ButtonText | Role::OfferText => valid().collect(),
            Role::HeaderText => valid().skip(1).collect(),
            Role::ButtonUrl => valid()
                .filter(|p| p.range.end != text.trim_end().len())
                .collect(),
            _ => continue,
        };
        for p in flagged {
            let raw = &text[p.range.clone()];
            let (en, ru) = match field.role {
                Role::Footer => (
                    "the footer cannot contain placeholders".to_string(),
                    "в подписи (футере) не может быть переменных".to_string(),
                ),
                Role::ButtonText => (
                    "button labels cannot contain placeholders".into(),
                    "в надписи на кнопке не может быть переменных".into(),
                ),
                Role::OfferText => (
                    "the limited-time offer text cannot contain placeholders".into(),
                    "в тексте ограниченного предложения не может быть переменных".into(),
                ),
                Role::HeaderText => (
                    "a text header can have only one placeholder".into(),
                    "в текстовом заголовке может быть только одна переменная".into(),
                ),
                _ => (
                    format!(
                        "{raw} must be at the end of the URL; Meta appends the value to the end"
                    ),
                    format!(
                        "{raw} должна стоять в конце ссылки: Meta подставляет значение в конец"
                    ),
                ),
            };
            out.report(
                Report::text(
                    field.text,
                    p.range.clone(),
                    Msg::new(format!("{en} ({raw})"), format!("{ru} ({raw})")),
                )
                .component(field.component),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::*;

    #[test]
    fn passes() {
        let ok = with_body(
            "UTILITY",
            "Заказ {{1}} готов.",
            r#"{"type": "HEADER", "format": "TEXT", "text": "Заказ {{1}}"},
               {"type": "FOOTER", "text": "Магазин «Ромашка»"},
               {"type": "BUTTONS", "buttons": [{"type": "URL", "text": "Отследить", "url": "https://shop.ru/track/{{1}}"}]}"#,
        );
        assert_passes(&RULE, &[&ok]);
    }

    #[test]
    fn fails() {
        let bad = with_body(
            "UTILITY",
            "Заказ {{1}} готов.",
            r#"{"type": "HEADER", "format": "TEXT", "text": "Заказ {{1}} от {{2}}"},
               {"type": "FOOTER", "text": "Ваш менеджер {{1}}"},
               {"type": "BUTTONS", "buttons": [
                 {"type": "QUICK_REPLY", "text": "Заказ {{1}}"},
                 {"type": "URL", "text": "Открыть", "url": "https://shop.ru/{{1}}/track"}]}"#,
        );
        assert_fails(&RULE, &[(&bad, &["{{2}}", "{{1}}", "{{1}}", "{{1}}"])]);
        let d = run(&RULE, &bad);
        assert_eq!(
            d[1].message,
            "the footer cannot contain placeholders ({{1}})"
        );
        assert_eq!(d[3].path, "components[3].buttons[1].url");
    }
}
