use super::{excess, Context, Reporter, Role, Rule};
use crate::diagnostic::{Report, Severity};
use crate::l10n::{plural_en, plural_ru, Msg};
use crate::moderation::RejectionReason::InvalidFormat;
use crate::moderation::{ErrorEffect, FixKind, Risk};
use crate::options::Profile;
use crate::template::ComponentKind;

pub static RULE: Rule = Rule {
    id: "body-too-long",
    default_severity: Severity::Error,
    on_error: ErrorEffect::Reject(InvalidFormat),
    on_warning: Risk::review(-0.5, InvalidFormat),
    fix: FixKind::None,
    summary: (
        "The body is longer than the profile allows (1024 for API templates, 500 for app broadcasts)",
        "Текст длиннее, чем допускает профиль (1024 для шаблонов API, 500 для рассылок из приложения)",
    ),
    docs: rule_docs!(r#"# body-too-long

## What it checks
The length of the body text against the limit of the chosen profile:

| profile | warning | error |
|---|---|---|
| `api` (default): a template sent through the Cloud API or a BSP | above 1000 | above 1024 |
| `business-app`: a broadcast from the WhatsApp Business app | | above 500 |

Inside a template, a carousel card body is limited to 160 and the body of a limited-time-offer
template to 600 (errors in every profile).

## Why
Meta refuses a body over 1024 characters (components reference; API error 2388040 "character
limit exceeded"). The seed articles (TextBack guide, `004:103`, `004:337`) give 1000 characters
for API messages and templates, so the last 24 characters before Meta's hard limit are reported
as a warning: some BSP editors cut there. For WhatsApp Business app broadcasts, the seed article
on gruzdevv.ru (`000:24`) names messages over 500 characters as a cause of account blocks.

## Unit
Characters are counted as **UTF-16 code units**, the unit of JavaScript's `string.length`,
because that is what Meta's WhatsApp Manager editor compares against the limit
(`WhatsAppBusinessAccountManagerHSMFormatValidatorUtils`: `t.length > n`). Letters of any
alphabet, Cyrillic included, count one each; most emoji count two. Counting this way can only
over-estimate against a server that counts code points, never let a too-long body through.
Placeholders count as written (`{{1}}` is 5): the values sent later can make the message longer
still (API error 132005 at send time).

## Examples
Fails (`api`): a 1010-character body (warning), a 1030-character body (error).
Fails (`business-app`): a 501-character body.
Passes: a 1000-character body in `api`; a 500-character body in `business-app`.
"#),
    check,
};

fn check<'a>(cx: &Context<'a>, out: &mut Reporter<'a>) {
    let offer = cx
        .template
        .component(ComponentKind::LimitedTimeOffer)
        .is_some();
    for field in cx.fields(Role::Body) {
        let text = &field.text.value;
        let (limit, warn_above, why_en, why_ru) = match (field.card, offer, cx.profile()) {
            (Some(_), _, _) => (
                160,
                None,
                "Meta's limit for a carousel card body",
                "лимит Meta для текста карточки карусели",
            ),
            (None, true, _) => (
                600,
                None,
                "Meta's limit for a limited-time-offer body",
                "лимит Meta для текста шаблона с ограниченным предложением",
            ),
            (None, false, Profile::Api) => (1024, Some(1000), "Meta's limit", "лимит Meta"),
            (None, false, Profile::BusinessApp) => (
                500,
                None,
                "the limit for WhatsApp Business app broadcasts",
                "лимит для рассылок из приложения WhatsApp Business",
            ),
        };
        if let Some((len, range)) = excess(text, limit) {
            let over = len - limit;
            out.report(
                Report::text(
                    field.text,
                    range,
                    Msg::new(
                        format!(
                            "body is {len} {} long; {why_en} is {limit}",
                            plural_en(len, "character", "characters")
                        ),
                        format!(
                            "длина текста {len} {}; {why_ru}: {limit}",
                            plural_ru(len, "символ", "символа", "символов")
                        ),
                    ),
                )
                .severity(Severity::Error)
                .component(ComponentKind::Body)
                .help(shorten(over)),
            );
        } else if let Some(warn) = warn_above {
            if let Some((len, range)) = excess(text, warn) {
                out.report(
                    Report::text(
                        field.text,
                        range,
                        Msg::new(
                            format!(
                                "body is {len} characters long; keep API templates within 1000 characters (Meta's hard limit is 1024)"
                            ),
                            format!(
                                "длина текста {len} {}; для шаблонов API держитесь в пределах 1000 символов (жёсткий лимит Meta: 1024)",
                                plural_ru(len, "символ", "символа", "символов")
                            ),
                        ),
                    )
                    .severity(Severity::Warning)
                    .component(ComponentKind::Body)
                    .help(shorten(len - warn)),
                );
            }
        }
    }
}

fn shorten(by: usize) -> Msg {
    Msg::new(
        format!(
            "shorten the text by {by} {}",
            plural_en(by, "character", "characters")
        ),
        format!(
            "сократите текст на {by} {}",
            plural_ru(by, "символ", "символа", "символов")
        ),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::options::LintOptions;
    use crate::rules::testing::*;

    fn body(n: usize) -> String {
        "а".repeat(n)
    }

    #[test]
    fn passes() {
        assert_passes(&RULE, &[&body(1000), &body(1), "Hello"]);
        let opts = LintOptions {
            profile: Profile::BusinessApp,
            ..Default::default()
        };
        assert!(run_with(&RULE, &body(500), &opts).is_empty());
    }

    #[test]
    fn warns_between_1000_and_1024() {
        let d = run(&RULE, &body(1010));
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].severity, Severity::Warning);
        let r = d[0].range.unwrap();
        assert_eq!((r.start_utf16, r.end_utf16), (1000, 1010));
        assert_eq!(
            (r.start, r.end),
            (2000, 2020),
            "Cyrillic letters are two bytes"
        );
        assert!(d[0].message.contains("1010"));
    }

    #[test]
    fn errors_above_1024() {
        let d = run(&RULE, &body(1030));
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].severity, Severity::Error);
        assert_eq!(d[0].range.unwrap().start_utf16, 1024);
        assert_eq!(
            d[0].help.as_deref(),
            Some("shorten the text by 6 characters")
        );
    }

    #[test]
    fn business_app_profile_limits_to_500() {
        let opts = LintOptions {
            profile: Profile::BusinessApp,
            lang: crate::Lang::Ru,
            ..Default::default()
        };
        let d = run_with(&RULE, &body(501), &opts);
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].severity, Severity::Error);
        assert_eq!(
            d[0].message,
            "длина текста 501 символ; лимит для рассылок из приложения WhatsApp Business: 500"
        );
    }

    #[test]
    fn emoji_count_two_units() {
        // 510 emoji = 1020 UTF-16 units: over 1000, under 1024.
        let d = run(&RULE, &"😀".repeat(510));
        assert_eq!(d[0].severity, Severity::Warning);
        assert_eq!(
            d[0].range.unwrap().start,
            500 * 4,
            "range starts on a character boundary"
        );
    }

    #[test]
    fn carousel_card_bodies_are_limited_to_160() {
        let card_body = serde_json::to_string(&"x".repeat(161)).unwrap();
        let json = format!(
            r#"{{"category":"MARKETING","components":[{{"type":"BODY","text":"Hi"}},{{"type":"CAROUSEL","cards":[{{"components":[{{"type":"BODY","text":{card_body}}}]}}]}}]}}"#
        );
        let d = run(&RULE, &json);
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].path, "components[1].cards[0].components[0].text");
    }
}
