//! The flag risk: what makes recipients press "report spam" once the template is in use.
//! Each rule declares what recipients object to in its findings
//! ([`crate::moderation::Risk::complaints`]); the promotion the rules do not warn about, a
//! MARKETING category and a draft sent to everyone alike add to it.

use super::verdict::Verdict;
use super::{Reason, Risk};
use crate::diagnostic::Diagnostic;
use crate::l10n::{Lang, Msg};
use crate::moderation::Effect;
use crate::rules::Context;
use crate::template::Category;

pub(super) fn flag_risk(
    cx: &Context<'_>,
    diagnostics: &[Diagnostic],
    category: Category,
    verdict: &mut Verdict,
) -> Risk {
    let lang = verdict.lang();
    let pick = |pair: (&'static str, &'static str)| if lang == Lang::Ru { pair.1 } else { pair.0 };
    let mut points = 0u32;
    let mut why: Vec<&'static str> = Vec::new();
    let mut rules: Vec<&'static str> = Vec::new();
    // What each finding's rule declares recipients object to, each rule counted once.
    for d in diagnostics {
        let Effect::Risk(risk) = d.effect else {
            continue;
        };
        if risk.complaints == 0 || rules.contains(&d.rule) {
            continue;
        }
        points += u32::from(risk.complaints);
        why.push(pick(risk.objection));
        rules.push(d.rule);
    }
    // Promotion the rules do not warn about (a UTILITY text moved to MARKETING keeps it).
    let promotion = cx.promotion();
    if !rules.contains(&"promotional-wording") {
        if promotion.overt() {
            points += 2;
            why.push(pick(("overtly promotional", "явная реклама")));
        } else if promotion.score >= 3 {
            points += 1;
            why.push(pick(("promotional wording", "рекламные формулировки")));
        }
    }
    if category == Category::Marketing {
        points += 1;
        why.push(pick(("marketing content", "рекламное содержание")));
    }
    if cx.template.is_draft()
        && category == Category::Marketing
        && cx.body().is_some_and(|b| b.placeholders.is_empty())
    {
        points += 1; // no personalisation (seeds 004:226)
        why.push(pick((
            "the same text to everyone",
            "один и тот же текст всем",
        )));
    }
    let risk = match points {
        0..=1 => Risk::Low,
        2..=3 => Risk::Medium,
        _ => Risk::High,
    };
    if risk != Risk::Low {
        let message = Msg::new(
            "recipients may report it as spam; Meta then flags the template and, if nothing improves within 7 days, switches it off",
            "получатели могут жаловаться на спам, а помеченный шаблон через 7 дней без улучшений блокируется",
        );
        verdict.push(Reason {
            factor: "complaints",
            message: format!("{}: {}", message.get(lang), why.join(", ")),
            weight: f64::from(points),
            rules,
            words: Vec::new(),
        });
    }
    risk
}
