use super::{Context, Reporter, Rule};
use crate::content::is_message_text;
use crate::diagnostic::{Report, Severity};
use crate::l10n::Msg;
use crate::lexicon::Group;
use crate::moderation::RejectionReason::Scam;
use crate::moderation::{ErrorEffect, FixKind, Risk};

/// How many words a request verb may stand from the thing it asks for.
const BEFORE: usize = 5;
const AFTER: usize = 3;

pub static RULE: Rule = Rule {
    id: "sensitive-data-request",
    default_severity: Severity::Error,
    on_error: ErrorEffect::Reject(Scam),
    on_warning: Risk::review(-1.0, Scam),
    fix: FixKind::None,
    summary: (
        "The template asks for card numbers, CVV, passwords, codes or identity documents",
        "Шаблон просит номер карты, CVV, пароль, код или документы",
    ),
    docs: rule_docs!(
        r#"# sensitive-data-request

## What it checks
A request verb («сообщите», «пришлите», «введите», "send", "reply with", "enter") within five
words before, or three after, something a business must never ask for in a chat: a full card
number, CVV/CVC, PIN, password, the code from an SMS, passport or SNILS numbers, bank account
details, "social security number", "login details". A negation in between («никому не
сообщайте код», "never share your password") is a warning, not a request, and partial data
(«последние 4 цифры карты», "last 4 digits") is allowed.

## Why
Meta's template review rejects templates that request sensitive identifiers: "full payment
card numbers, financial account numbers, national identification numbers" (partial ones such as
the last four digits are fine), and asking for codes and passwords is the shape of phishing
(rejection reason `SCAM`). Recipients report such messages immediately.

## Examples
Fails: `Для подтверждения пришлите номер карты и CVV-код.`; "Reply with your password to
keep your account."
Passes: `Никому не сообщайте код из СМС.`; `Оплата картой, последние 4 цифры: {{1}}.`
"#
    ),
    check,
};

fn check<'a>(cx: &Context<'a>, out: &mut Reporter<'a>) {
    for field in cx.fields.iter().filter(|f| is_message_text(f.role)) {
        let analysis = cx.analysis(field);
        for noun in analysis.in_group(Group::Sensitive) {
            let window = noun.words.start.saturating_sub(BEFORE)..noun.words.end + AFTER;
            let request = analysis
                .in_group(Group::Request)
                .find(|r| r.words.start >= window.start && r.words.start < window.end);
            let Some(request) = request else { continue };
            // «никому не сообщайте», "never share": a negation right before the verb or between.
            let from = request.words.start.min(noun.words.start).saturating_sub(2);
            let to = request.words.end.max(noun.words.end);
            if analysis
                .in_group(Group::Negation)
                .any(|n| n.words.start >= from && n.words.start < to)
            {
                continue;
            }
            let range =
                request.range.start.min(noun.range.start)..request.range.end.max(noun.range.end);
            out.report(
                Report::text(
                    field.text,
                    range,
                    Msg::new(
                        format!("the template asks for “{}”: Meta rejects requests for sensitive data, and it reads as phishing", noun.entry.phrase.trim_end_matches('*')),
                        format!("шаблон просит «{}»: Meta отклоняет запросы конфиденциальных данных, это похоже на мошенничество", noun.entry.phrase.trim_end_matches('*')),
                    ),
                )
                .component(field.component)
                .help(Msg::new(
                    "never ask for this in a message; send a link to your site's secure form, or ask for the last 4 digits only",
                    "не запрашивайте такие данные в сообщении: дайте ссылку на защищённую форму на сайте или спросите только последние 4 цифры",
                )),
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
        assert_passes(
            &RULE,
            &[
                "Ваш код подтверждения: {{1}}. Никому не сообщайте код из СМС.",
                "Оплата картой прошла, последние 4 цифры карты: {{1}}.",
                "Never share your password or PIN with anyone.",
                "Ваш заказ {{1}} оплачен.",
            ],
        );
    }

    #[test]
    fn fails() {
        for text in [
            "Для подтверждения пришлите номер карты и CVV-код.",
            "Чтобы сохранить доступ, сообщите пароль от личного кабинета.",
            "Reply with your password to keep your account active.",
            "Укажите серию и номер паспорта в ответ на это сообщение.",
        ] {
            let d = run(&RULE, text);
            assert!(!d.is_empty(), "{text}");
            assert_eq!(d[0].severity, Severity::Error);
        }
    }
}
