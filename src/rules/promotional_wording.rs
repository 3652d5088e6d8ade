use super::{Context, Reporter, Role, Rule};
use crate::diagnostic::{Report, Severity};
use crate::l10n::Msg;
use crate::lexicon::Group;
use crate::moderation::{ErrorEffect, FixKind, Risk};
use crate::options::Profile;
use crate::signals::SignalKind;
use crate::template::Category;

pub static RULE: Rule = Rule {
    id: "promotional-wording",
    default_severity: Severity::Warning,
    on_error: ErrorEffect::Marketing,
    on_warning: Risk::complaints(2, ("overtly promotional", "явная реклама")),
    fix: FixKind::None,
    summary: (
        "Promotional wording: an error in UTILITY and AUTHENTICATION, a warning when a marketing text is overtly promotional",
        "Рекламные формулировки: ошибка в UTILITY и AUTHENTICATION, предупреждение, если маркетинговый текст явно рекламный",
    ),
    docs: rule_docs!(r#"# promotional-wording

## What it checks
Promotional wording in everything the recipient reads (header, body, footer, button labels):
discounts and prices (`скидка`, `распродажа`, `-50%`, `990 ₽`), free offers and gifts
(`бесплатно`, `подарок`), urgency (`только сегодня`, `успейте`, "limited time"), hype
(`лучший`, `хит продаж`), calls to buy (`купите`, "order now"), capitals (`ТОЛЬКО СЕГОДНЯ`) and
runs of `!!!`, in Russian, English, Spanish and Portuguese. The lists are data
(`src/lexicon/*.txt`): each phrase has a weight (1 weak, 2 moderate, 3 strong) and a group.
Inflected forms match through the Snowball stemmers (`скидка`, `скидки`, `скидку`,
`скидкой`, `скидками`; "discounts"), on whole words only. Transactional phrasing that only
looks promotional is neutralised by the lists (`с учётом скидки`, "discount applied").

Before matching, disguises are undone and reported on what was written: look-alike letters
from the other alphabet («Cкидкa»), digits for letters («ск1дка», "fr33"), invisible
characters inside words, spaced-out letters («с к и д к а») and stretched ones («скииидка»).
A disguised promotional word weighs 2 more: hiding a word from filters is a spam signal itself.

The template's score is the sum of its signals; 5 or more is *overtly* promotional.
Severity depends on the declared category:

| category | reported | severity |
|---|---|---|
| `UTILITY`, `AUTHENTICATION` | phrases of weight 2+ and disguised words, everything when overt | error |
| `MARKETING` (or none) | the same | warning when overt, info otherwise |

In a text with transactional vocabulary (order, payment, delivery, appointment: the lexicons'
`transactional` group), a lone moderate phrase (weight 2, «бонусы начислены») describes the
transaction and is not reported; strong ones (weight 3: `скидка`, «только сегодня») still are.
An opt-out button names what it stops ("Unsubscribe from Promos", «Отписаться от акций»): its
words are not reported.

## Why
Meta: a utility template must be "non-promotional — not containing any promotional or
persuasive intent"; otherwise it is re-categorised as MARKETING (about 4x the price) or, for
authentication, rejected (template categorization). The seed articles' first approval
principle: «Сообщение не должно нести явно рекламный характер» (TextBack, `004:137`), and
WhatsApp treats advertising and customer acquisition as spam (`000:90`); an overtly promotional
marketing template draws complaints, then the FLAGGED and DISABLED statuses (`004:171-173`).

## Examples
Fails (UTILITY): `Ваш заказ готов! Только сегодня скидка 20% на следующий заказ.`
Warns (MARKETING): `ТОЛЬКО СЕГОДНЯ!!! Скидка -50% на всё! Успейте купить!`
Passes (UTILITY): `Оплата по счёту {{1}} получена. Сумма с учётом скидки: {{2}} руб.`
"#),
    check,
};

fn restricted_help(cx: &Context<'_>) -> Msg {
    cx.msg(
        || "remove the promotional part, or submit the template as MARKETING",
        || "уберите рекламную часть или подайте шаблон как MARKETING",
    )
}

/// What the signal is, followed by `after` (two pieces in each language), written at once in
/// the options' language only ([`Context::msg`]).
fn describe(cx: &Context<'_>, kind: SignalKind, after: [(&str, &str); 2]) -> Msg {
    let [(en1, ru1), (en2, ru2)] = after;
    let (en, ru) = match kind {
        SignalKind::Phrase(group, phrase) => {
            let (en, ru) = match group {
                Group::Discount => ("a discount", "скидка"),
                Group::Price => ("a price offer", "цена"),
                Group::Free => ("a free offer", "бесплатное предложение"),
                Group::Gift => ("a gift or prize", "подарок или приз"),
                Group::Urgency => ("urgency", "срочность"),
                Group::Hype => ("hype", "преувеличение"),
                Group::Cta => ("a call to buy", "призыв купить"),
                _ => ("promotion", "реклама"),
            };
            let phrase = phrase.trim_end_matches('*');
            // Joined, not `format!`ted: this message is written for most templates.
            return cx.msg(
                || ["“", phrase, "” is promotional wording (", en, ")", en1, en2].concat(),
                || {
                    [
                        "«",
                        phrase,
                        "» — рекламная формулировка (",
                        ru,
                        ")",
                        ru1,
                        ru2,
                    ]
                    .concat()
                },
            );
        }
        SignalKind::Capitals => (
            "words in capitals read as shouting",
            "слова заглавными буквами воспринимаются как крик",
        ),
        SignalKind::Exclamations => (
            "runs of exclamation marks read as hype",
            "несколько восклицательных знаков подряд — признак навязчивой рекламы",
        ),
        SignalKind::Percent => (
            "a percentage reads as a discount",
            "процент воспринимается как скидка",
        ),
        SignalKind::Saving => (
            "a saving with an amount is an offer",
            "обещание сэкономить сумму — это предложение",
        ),
        SignalKind::Money => (
            "a price reads as a sales offer",
            "цена воспринимается как коммерческое предложение",
        ),
    };
    cx.msg(|| [en, en1, en2].concat(), || [ru, ru1, ru2].concat())
}

fn check<'a>(cx: &Context<'a>, out: &mut Reporter<'a>) {
    let promotion = cx.promotion();
    let overt = promotion.overt();
    let category = cx.declared_category();
    let restricted = matches!(category, Some(Category::Utility | Category::Authentication));
    // In an order, payment or appointment notice a lone moderate word («бонусы начислены»,
    // "your reward") describes the transaction; only strong phrases count there.
    let transactional = cx
        .message_fields()
        .any(|(_, f)| f.facts.in_group(Group::Transactional).next().is_some());
    for s in &promotion.signals {
        let base_weight = s.weight - if s.disguised { 2 } else { 0 };
        let reported =
            overt || base_weight >= 3 || s.disguised || (base_weight == 2 && !transactional);
        if !reported {
            continue;
        }
        let field = &cx.fields[s.field];
        // An opt-out button names what it stops ("Unsubscribe from Promos", one of Meta's own
        // samples): that is no promotion.
        let opt_out_label =
            field.role == Role::ButtonText && field.facts.in_group(Group::Optout).next().is_some();
        if opt_out_label && matches!(s.kind, SignalKind::Phrase(..)) {
            continue;
        }
        let severity = if restricted {
            Severity::Error
        } else if overt {
            Severity::Warning
        } else {
            Severity::Info
        };
        out.report_with(Some(severity), || {
            let dodge = if s.disguised {
                (", written to dodge filters", ", замаскированная от фильтров")
            } else {
                ("", "")
            };
            let (tail_en, tail_ru, help) = match severity {
                Severity::Error if category == Some(Category::Authentication) => (
                    "; an AUTHENTICATION template with promotion is rejected",
                    "; шаблон AUTHENTICATION с рекламой будет отклонён",
                    restricted_help(cx),
                ),
                Severity::Error => (
                    "; Meta moves a UTILITY template with promotion to MARKETING, about 4x the price",
                    "; шаблон UTILITY с рекламой Meta переведёт в MARKETING — это примерно вчетверо дороже",
                    restricted_help(cx),
                ),
                Severity::Warning => (
                    "; the text as a whole is overtly promotional, which draws spam reports",
                    "; текст в целом явно рекламный — это ведёт к жалобам на спам",
                    cx.msg(
                        || "tone it down: lead with what the customer asked for and keep offers specific",
                        || "смягчите текст: начните с того, что интересно клиенту, и оставьте конкретное предложение",
                    ),
                ),
                // A Business app broadcast has no category to name.
                Severity::Info if cx.profile() == Profile::BusinessApp => (
                    "",
                    "",
                    cx.msg(
                        || "fine in a broadcast, in moderation",
                        || "в рассылке допустимо в меру",
                    ),
                ),
                Severity::Info => (
                    "",
                    "",
                    cx.msg(
                        || "fine in a MARKETING template in moderation",
                        || "в шаблоне MARKETING допустимо в меру",
                    ),
                ),
            };
            let message = describe(cx, s.kind, [dodge, (tail_en, tail_ru)]);
            Report::text(field.text, s.range.clone(), message)
                .severity(severity)
                .component(field.component)
                .help(help)
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::*;

    #[test]
    fn transactional_russian_texts_pass() {
        for body in [
            "Здравствуйте, {{1}}! Ваш заказ {{2}} передан в службу доставки и прибудет {{3}}.",
            "Оплата по счёту {{1}} получена. Сумма с учётом скидки: {{2}} руб. Спасибо!",
            "Напоминаем: вы записаны к врачу {{1}} на {{2}}. Если планы изменились, перенесите запись.",
            "Ваш заказ {{1}} готов к выдаче в пункте {{2}}. Срок хранения — 5 дней.",
            "Бонусы за заказ {{1}} начислены на ваш счёт.",
            "Доставка заказа {{1}} бесплатна. Курьер приедет {{2}}.",
        ] {
            let d = run(&RULE, &with_body("UTILITY", body, ""));
            assert!(d.iter().all(|d| d.severity != Severity::Error), "{body}: {d:#?}");
        }
    }

    #[test]
    fn promotion_in_utility_is_an_error() {
        let d = run(
            &RULE,
            &with_body(
                "UTILITY",
                "Ваш заказ готов! Только сегодня скидка 20% на следующий заказ.",
                "",
            ),
        );
        assert!(
            d.iter()
                .any(|d| d.severity == Severity::Error && d.message.contains("скидка")),
            "{d:#?}"
        );
    }

    #[test]
    fn overt_marketing_warns_and_mild_marketing_informs() {
        let overt = run(
            &RULE,
            &with_body(
                "MARKETING",
                "ТОЛЬКО СЕГОДНЯ!!! Скидка -50% на всё! Успейте купить!",
                "",
            ),
        );
        assert!(
            overt.iter().all(|d| d.severity == Severity::Warning) && overt.len() >= 4,
            "{overt:#?}"
        );
        let mild = run(&RULE, &with_body("MARKETING", "Здравствуйте, {{1}}! В магазине новая коллекция и акция для постоянных покупателей.", ""));
        assert!(
            mild.iter().all(|d| d.severity == Severity::Info),
            "{mild:#?}"
        );
        assert!(mild
            .iter()
            .all(|d| d.help.as_deref().is_some_and(|h| h.contains("MARKETING"))));
    }

    /// A WhatsApp Business app broadcast has no category, so the note does not name one.
    #[test]
    fn a_broadcast_note_names_no_category() {
        let options = crate::LintOptions {
            profile: Profile::BusinessApp,
            ..crate::LintOptions::default()
        };
        let mild = run_with(
            &RULE,
            "Здравствуйте! В магазине новая коллекция и акция для постоянных покупателей.",
            &options,
        );
        assert!(!mild.is_empty());
        for d in &mild {
            assert_eq!(d.severity, Severity::Info);
            let help = d.help.as_deref().unwrap();
            assert!(
                help.contains("broadcast") && !help.contains("MARKETING"),
                "{help}"
            );
        }
    }

    #[test]
    fn evasions_are_reported_on_what_was_written() {
        for (body, written) in [
            ("Только сегодня Cкидкa на всё", "Cкидкa"),
            ("Только сегодня ск1дка на всё", "ск1дка"),
            ("Только сегодня с к и д к а на всё", "с к и д к а"),
            ("Только сегодня ски\u{200B}дка на всё", "ски\u{200B}дка"),
            ("Только сегодня скииидка на всё", "скииидка"),
            ("Get it fr33 today", "fr33"),
        ] {
            let json = with_body("UTILITY", body, "");
            let d = run(&RULE, &json);
            let hit = d
                .iter()
                .find(|d| d.message.contains("dodge filters"))
                .unwrap_or_else(|| panic!("{body}: {d:#?}"));
            let r = hit.range.unwrap();
            assert_eq!(&body[r.start..r.end], written);
        }
    }

    #[test]
    fn an_opt_out_button_names_what_it_stops() {
        // Meta's "Seasonal promotion" sample: overtly promotional, but its opt-out buttons are
        // not the promotion.
        let json = with_body(
            "MARKETING",
            "Shop now through {{1}} and use code {{2}} to get {{3}} off of all merchandise.",
            r#"{"type": "BUTTONS", "buttons": [{"type": "QUICK_REPLY", "text": "Unsubscribe from Promos"}, {"type": "QUICK_REPLY", "text": "Unsubscribe from All"}]}"#,
        );
        let d = run(&RULE, &json);
        assert!(!d.is_empty(), "the body is still reported");
        assert!(d.iter().all(|d| d.path == "components[0].text"), "{d:#?}");
        // A promotional label that is not an opt-out is still reported.
        let label = with_body(
            "UTILITY",
            "Your order shipped.",
            r#"{"type": "BUTTONS", "buttons": [{"type": "QUICK_REPLY", "text": "Huge sale, buy now"}]}"#,
        );
        assert!(run(&RULE, &label)
            .iter()
            .any(|d| d.path.contains("buttons")));
    }

    #[test]
    fn english_promotion() {
        let d = run(
            &RULE,
            &with_body(
                "UTILITY",
                "Your order shipped. Buy now and get 30% off your next order!",
                "",
            ),
        );
        assert!(d.iter().any(|d| d.severity == Severity::Error), "{d:#?}");
    }
}
