use super::{Context, Reporter, Rule};
use crate::content::is_message_text;
use crate::diagnostic::{Report, Severity};
use crate::l10n::Msg;
use crate::lexicon::Group;
use crate::moderation::RejectionReason::AbusiveContent;
use crate::moderation::{ErrorEffect, FixKind, Risk};

pub static RULE: Rule = Rule {
    id: "threatening-language",
    default_severity: Severity::Error,
    on_error: ErrorEffect::Reject(AbusiveContent),
    on_warning: Risk::review(-1.5, AbusiveContent),
    fix: FixKind::None,
    summary: (
        "Threats, legal pressure or shaming",
        "Угрозы, юридическое давление или публичное порицание",
    ),
    docs: rule_docs!(
        r#"# threatening-language

## What it checks
Threats and pressure in what the recipient reads: legal action («подадим в суд», "legal
action"), debt collectors («передадим дело коллекторам»), criminal liability, seizure, public
shaming («опубликуем ваши данные», "you will be reported"), final warnings. Strong phrases
(weight 2 and 3 in the lexicons) are errors; weaker ones warnings.

## Why
Meta's template review rejects "abusive or threatening content", giving "threatening legal
action" and "threatening to publicly shame" as examples (rejection reason `ABUSIVE_CONTENT`),
and the seed articles' second approval principle is «Сообщение не должно содержать
оскорбительный контент или угрожающие высказывания» (`004:138`). Debt collection is among the
businesses the WhatsApp Business Messaging Policy prohibits.

## Examples
Fails: `Если долг не будет погашен, мы подадим в суд и передадим дело коллекторам.`
Passes: `Напоминаем: счёт {{1}} нужно оплатить до {{2}}.`
"#
    ),
    check,
};

fn check<'a>(cx: &Context<'a>, out: &mut Reporter<'a>) {
    for field in cx.fields.iter().filter(|f| is_message_text(f.role)) {
        for m in cx.analysis(field).in_group(Group::Threat) {
            out.report(
                Report::text(
                    field.text,
                    m.range.clone(),
                    Msg::new(
                        format!("“{}” is threatening language: Meta rejects threats and shaming (ABUSIVE_CONTENT)", m.entry.phrase.trim_end_matches('*')),
                        format!("«{}» — угроза: Meta отклоняет угрозы и публичное порицание (ABUSIVE_CONTENT)", m.entry.phrase.trim_end_matches('*')),
                    ),
                )
                .severity(if m.entry.weight >= 2 { Severity::Error } else { Severity::Warning })
                .component(field.component)
                .help(Msg::new(
                    "state the facts and the next step politely (amount, due date, how to pay)",
                    "изложите факты и следующий шаг вежливо (сумма, срок, способ оплаты)",
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
                "Напоминаем: счёт {{1}} нужно оплатить до {{2}}.",
                "Your payment is due on {{1}}.",
            ],
        );
    }

    #[test]
    fn fails() {
        let d = run(
            &RULE,
            "Если долг не будет погашен, мы подадим в суд и передадим дело коллекторам.",
        );
        assert!(d.len() >= 2, "{d:#?}");
        assert!(d.iter().all(|d| d.severity == Severity::Error));
        assert!(!run(&RULE, "We will take legal action if you do not pay.").is_empty());
    }
}
