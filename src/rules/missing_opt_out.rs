use super::{Context, Reporter, Role, Rule};
use crate::diagnostic::{EditSpec, Report, Severity};
use crate::lexicon::Group;
use crate::moderation::RejectionReason::Promotional;
use crate::moderation::{ErrorEffect, FixKind, Risk};
use crate::options::Profile;
use crate::template::{Category, ComponentKind};
use crate::text::class;

pub static RULE: Rule = Rule {
    id: "missing-opt-out",
    default_severity: Severity::Warning,
    on_error: ErrorEffect::Reject(Promotional),
    on_warning: Risk::complaints(2, ("no way to unsubscribe", "нет способа отписаться")),
    fix: FixKind::Sometimes,
    summary: (
        "A marketing template gives no way to unsubscribe",
        "В маркетинговом шаблоне нет способа отписаться",
    ),
    docs: rule_docs!(
        r#"# missing-opt-out

## What it checks
A `MARKETING` template (declared; or a `UTILITY` template or draft whose content the predictor
reads as marketing, which Meta approves as MARKETING) must
offer a way to unsubscribe: a button (`Отписаться`, `Stop promotions`, `Unsubscribe`: a quick
reply, or a link to an unsubscribe page), or an instruction in the footer or body («Ответьте СТОП, чтобы отписаться»,
"Reply STOP to unsubscribe"). Keywords match as whole words only (`стоп` never matches
`местоположение`); a bare `стоп`/`stop` counts in a button or footer, and in the body only
when written as a keyword (`СТОП`, «стоп», "STOP"). In a carousel, a quick reply on the cards
counts too. The fix adds a footer in the template's language (read from the body when the
template declares none) when there is none, except in
limited-time-offer and carousel templates, which take no footer (Meta: "Footer components are
not supported" in limited-time offers; a carousel template is a body and its cards): there the
message suggests a quick reply or a sentence in the body. A broadcast from the WhatsApp Business
app (profile `business-app`) is one text: the message asks for a sentence in it.

## Why
The WhatsApp Business Policy requires businesses to "provide clear instructions for how people
can opt out … and honor these requests"; Meta's components guide shows opt-out quick replies
and WhatsApp Manager offers a built-in "Stop promotions" button. The seed articles insist on it:
«Дайте возможность отписаться. Для этого добавьте кнопку «Отписаться» или настройте отписку по
ключевому слову «стоп». Такой алгоритм значительно снизит вероятность жалоб» (`000:274`, also
`004:229`). Without an exit, unhappy recipients press "report spam", and complaints lower the
template's quality until it is FLAGGED and then DISABLED. Meta does not make it mandatory, so it
is a warning.

## Examples
Warns (MARKETING): `{"type": "URL", "text": "Shop now", "url": "https://shop.ru/sale"}`.
Passes (MARKETING): `{"type": "FOOTER", "text": "Ответьте СТОП, чтобы отписаться"}`; `{"type": "QUICK_REPLY", "text": "Отписаться"}`.
Fixes (MARKETING): `{"name": "spring", "language": "ru", "components": [{"type": "BODY", "text": "Весенняя распродажа в «Ромашке»: скидки до 30% на всё!"}]}` → `{"name": "spring", "language": "ru", "components": [{"type": "BODY", "text": "Весенняя распродажа в «Ромашке»: скидки до 30% на всё!"}, {"type": "FOOTER", "text": "Ответьте СТОП, чтобы отписаться"}]}`.
Fixes (MARKETING): `{"name": "rebajas", "components": [{"type": "BODY", "text": "¡Hola! Aprovecha las rebajas de la tienda: todo con descuento."}]}` → `{"name": "rebajas", "components": [{"type": "BODY", "text": "¡Hola! Aprovecha las rebajas de la tienda: todo con descuento."}, {"type": "FOOTER", "text": "Responde BAJA para darte de baja"}]}`.
"#
    ),
    check,
};

/// The footer the fix adds, in the template's language.
fn footer_text(language: Option<&str>) -> &'static str {
    match language.map(|l| l.get(..2).unwrap_or(l)) {
        Some("ru") => "Ответьте СТОП, чтобы отписаться",
        Some("es") => "Responde BAJA para darte de baja",
        Some("pt") => "Responda SAIR para cancelar",
        _ => "Reply STOP to unsubscribe",
    }
}

fn has_opt_out(cx: &Context<'_>) -> bool {
    // A card's quick reply is an exit too; a card's body is not where the instruction goes.
    let counts = |f: &&super::Field<'_>| f.card.is_none() || f.role == Role::ButtonText;
    cx.fields.iter().filter(counts).any(|field| {
        field
            .facts
            .in_group(Group::Optout)
            .any(|m| match field.role {
                // A quick reply, or a link to an unsubscribe page.
                Role::Footer | Role::ButtonText => true,
                Role::Body => {
                    // One word («стоп», "stop") is an instruction only when written as a keyword.
                    let written = &field.text.value[m.range.clone()];
                    let quoted = field.text.value[..m.range.start].ends_with(['«', '"', '“', '\'']);
                    m.words.len() > 1
                        || m.entry.phrase.chars().count() > 5
                        || quoted
                        || written
                            .chars()
                            .filter(|&c| class::is_alphabetic(c))
                            .all(class::is_uppercase)
                }
                _ => false,
            })
    })
}

fn check<'a>(cx: &Context<'a>, out: &mut Reporter<'a>) {
    let Some(body) = cx.body() else { return };
    // Declared MARKETING, or a UTILITY template Meta will approve as MARKETING, or a draft
    // whose content reads as marketing. A blank body has no content to read either way (the
    // category model, given nothing, leans to MARKETING).
    let marketing = match cx.declared_category() {
        Some(Category::Marketing) => true,
        Some(Category::Authentication) => false,
        Some(Category::Utility) | None => {
            !body.text.value.trim().is_empty()
                && (cx.content_category().0 == Category::Marketing || cx.promotion().overt())
        }
    };
    if !marketing || has_opt_out(cx) {
        return;
    }
    let t = cx.template;
    // Limited-time offers and carousels take no footer.
    let footer_allowed = t.component(ComponentKind::LimitedTimeOffer).is_none()
        && t.component(ComponentKind::Carousel).is_none();
    // A broadcast from the Business app is one text: the exit is a sentence in it.
    let broadcast = cx.profile() == Profile::BusinessApp;
    let message = if broadcast {
        (
            "the broadcast reads as marketing, yet it gives no way to unsubscribe (a sentence such as “Reply STOP to unsubscribe”)",
            "рассылка выглядит как реклама, но в ней нет способа отписаться (фразы вроде «Ответьте СТОП, чтобы отписаться»)",
        )
    } else if !footer_allowed {
        (
            "this marketing template gives no way to unsubscribe (a quick reply, or a sentence such as “Reply STOP to unsubscribe” in the body: this kind of template takes no footer)",
            "в маркетинговом шаблоне нет способа отписаться (кнопки быстрого ответа или фразы вроде «Ответьте СТОП, чтобы отписаться» в тексте: подписи у такого шаблона не бывает)",
        )
    } else if cx.declared_category() == Some(Category::Marketing) {
        (
            "this marketing template gives no way to unsubscribe (a quick reply or a footer such as “Reply STOP to unsubscribe”)",
            "в маркетинговом шаблоне нет способа отписаться (кнопки или подписи вроде «Ответьте СТОП, чтобы отписаться»)",
        )
    } else {
        (
            "the content reads as marketing, yet it gives no way to unsubscribe (a quick reply or a footer such as “Reply STOP to unsubscribe”)",
            "текст выглядит как маркетинговый, но в нём нет способа отписаться (кнопки или подписи вроде «Ответьте СТОП, чтобы отписаться»)",
        )
    };
    let help = if broadcast {
        (
            "end the text with a sentence such as “Reply STOP to unsubscribe”, and honour it; recipients without an exit report spam",
            "закончите текст фразой вроде «Ответьте СТОП, чтобы отписаться» и выполняйте такие просьбы: без выхода получатели жмут «Пожаловаться на спам»",
        )
    } else if footer_allowed {
        (
            "add a quick-reply button “Stop promotions” or an opt-out footer; recipients without an exit report spam",
            "добавьте кнопку «Отписаться» или подпись об отписке: без выхода получатели жмут «Пожаловаться на спам»",
        )
    } else {
        (
            "add a quick-reply button “Stop promotions” or an opt-out sentence at the end of the body; recipients without an exit report spam",
            "добавьте кнопку «Отписаться» или фразу об отписке в конце текста: без выхода получатели жмут «Пожаловаться на спам»",
        )
    };
    // Written in the options' language only (a marketing template without an exit, about
    // one in two, gets this finding).
    let (message, help) = (
        cx.msg(|| message.0, || message.1),
        cx.msg(|| help.0, || help.1),
    );
    let mut report = Report::text(body.text, 0..0, message)
        .component(ComponentKind::Body)
        .help(help);
    if footer_allowed && !broadcast && !t.plain_text && t.component(ComponentKind::Footer).is_none()
    {
        let language = t.language.as_ref().map(|l| l.value.as_str());
        let footer = footer_text(language.or(cx.analysis.language.detected));
        report = report.fix(
            cx.msg(
                || ["add the footer “", footer, "”"].concat(),
                || ["добавить подпись «", footer, "»"].concat(),
            ),
            vec![EditSpec::AddComponent {
                path: t.field_path("components"),
                component: crate::diagnostic::NewComponent {
                    kind: "FOOTER",
                    text: footer.to_string(),
                },
            }],
        );
    }
    out.report(report);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::*;
    use crate::LintOptions;

    fn marketing(extra: &str) -> String {
        with_body("MARKETING", "Здравствуйте! В магазине «Ромашка» новая коллекция. Уточнить местоположение магазина можно на сайте.", extra)
            .replace("en_US", "ru")
    }

    #[test]
    fn passes() {
        assert_passes(
            &RULE,
            &[
                &marketing(r#"{"type": "FOOTER", "text": "Ответьте СТОП, чтобы отписаться"}"#),
                &marketing(r#"{"type": "FOOTER", "text": "Not interested? Tap Stop promotions"}"#),
                &marketing(
                    r#"{"type": "BUTTONS", "buttons": [{"type": "QUICK_REPLY", "text": "Отписаться"}]}"#,
                ),
                &marketing(
                    r#"{"type": "BUTTONS", "buttons": [{"type": "QUICK_REPLY", "text": "Stop promotions"}]}"#,
                ),
                &with_body(
                    "MARKETING",
                    "New arrivals are in. Reply STOP to unsubscribe.",
                    "",
                ),
                &with_body("UTILITY", "Ваш заказ готов.", ""),
            ],
        );
    }

    #[test]
    fn fails_without_an_exit() {
        let d = run(
            &RULE,
            &marketing(
                r#"{"type": "BUTTONS", "buttons": [{"type": "URL", "text": "В магазин", "url": "https://shop.ru"}]}"#,
            ),
        );
        assert_eq!(d.len(), 1, "«местоположение» must not count as «стоп»");
        let fix = d[0].fix.as_ref().unwrap();
        let crate::Edit::AddComponent { component, .. } = &fix.edits[0] else {
            panic!()
        };
        assert_eq!(component.text, "Ответьте СТОП, чтобы отписаться");
    }

    #[test]
    fn limited_time_offers_and_carousels_get_no_footer_fix() {
        for extra in [
            r#"{"type": "LIMITED_TIME_OFFER", "limited_time_offer": {"text": "Ends soon"}}"#,
            r#"{"type": "CAROUSEL", "cards": [{"components": [{"type": "BUTTONS", "buttons": [{"type": "URL", "text": "Go", "url": "https://shop.ru"}]}]}]}"#,
        ] {
            let d = run(&RULE, &marketing(extra));
            assert_eq!(d.len(), 1, "{extra}");
            assert!(d[0].fix.is_none(), "{extra}");
            assert!(d[0].message.contains("takes no footer"), "{extra}");
        }
    }

    /// A Business-app broadcast is one text: no footer or button is suggested or added.
    #[test]
    fn a_broadcast_is_asked_for_a_sentence() {
        let options = LintOptions {
            profile: Profile::BusinessApp,
            ..LintOptions::default()
        };
        let promo = "Весенняя распродажа в «Ромашке»: скидки до 30% на всё!";
        for input in [promo.to_string(), with_body("MARKETING", promo, "")] {
            let d = run_with(&RULE, &input, &options);
            assert_eq!(d.len(), 1, "{input}");
            assert!(
                d[0].message.starts_with("the broadcast"),
                "{}",
                d[0].message
            );
            let help = d[0].help.as_deref().unwrap();
            assert!(
                !help.contains("button") && !help.contains("footer"),
                "{help}"
            );
            assert!(d[0].fix.is_none());
        }
    }

    /// An empty draft is an error of its own (component-multiplicity); it has no content that
    /// reads as marketing, whatever the category model makes of nothing.
    #[test]
    fn a_blank_body_is_not_read_as_marketing() {
        for body in ["", " \n\t "] {
            assert!(
                run(&RULE, &with_body("UTILITY", body, "")).is_empty(),
                "{body:?}"
            );
            let draft = with_body("UTILITY", body, "").replace(r#""category": "UTILITY","#, "");
            assert!(!draft.contains("category"), "{draft}");
            assert!(run(&RULE, &draft).is_empty(), "{body:?}");
        }
        let declared = with_body("MARKETING", "", "");
        assert_eq!(
            run(&RULE, &declared).len(),
            1,
            "declared MARKETING still needs an exit"
        );
    }

    #[test]
    fn a_quick_reply_on_carousel_cards_is_an_exit() {
        let json = marketing(
            r#"{"type": "CAROUSEL", "cards": [{"components": [{"type": "BUTTONS", "buttons": [{"type": "QUICK_REPLY", "text": "Отписаться"}]}]}]}"#,
        );
        assert!(run(&RULE, &json).is_empty());
    }

    #[test]
    fn a_link_to_an_unsubscribe_page_is_an_exit_too() {
        let json = marketing(
            r#"{"type": "BUTTONS", "buttons": [{"type": "URL", "text": "Отписаться", "url": "https://shop.ru/u"}]}"#,
        );
        assert!(run(&RULE, &json).is_empty());
    }
}
