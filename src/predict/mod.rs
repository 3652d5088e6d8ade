//! Predicting what Meta's review will do with a template.
//!
//! Two explainable parts:
//! - a **category model**: multinomial logistic regression over eleven features a reviewer
//!   would notice (promotional wording, transactional vocabulary, one-time-password wording,
//!   buttons, media, length, unclear content, emoji), fitted on the labelled corpus by
//!   `scripts/fit_predictor.py` (weights in `weights.json`);
//! - a **decision layer** over the diagnostics: each finding moves the log-odds of approval by a
//!   documented amount ([`Effect`]); format errors, scam signals, threats, category conflicts
//!   and language mismatches reject; a UTILITY template whose content reads as MARKETING is
//!   approved as MARKETING (Meta's behaviour since April 9, 2025).
//!
//! Every factor that moved the outcome is returned as a [`Reason`], with the rules and words
//! behind it, in the chosen language.

pub(crate) mod features;
mod model;

pub use features::{Features, NAMES as FEATURE_NAMES};

use crate::content;
use crate::diagnostic::Diagnostic;
use crate::l10n::{percent, Lang, Msg};
use crate::moderation::{Effect, ErrorEffect, Risk as FindingRisk};
use crate::rules::Context;
use crate::template::Category;
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Outcome {
    Approved,
    Rejected,
    /// Approved, but as MARKETING instead of the declared UTILITY.
    Recategorized,
}

/// The status the template is expected to have after review.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum Status {
    Approved,
    Rejected,
    /// Manual review is likely; it can take up to a day (seeds `004:133`).
    Pending,
}

/// The chance that an approved template is later FLAGGED (users report it as spam), then
/// DISABLED after 7 days without improvement (seeds `004:171-173`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Risk {
    Low,
    Medium,
    High,
}

pub use crate::moderation::RejectionReason;

/// The rejecting reasons, gravest first, each with its factor name and its words.
const REJECT_ORDER: [(RejectionReason, &str, &str, &str); 6] = [
    (
        RejectionReason::Scam,
        "scam-signal",
        "signs of fraud (sensitive data requests, disguised or bare-IP links)",
        "признаки мошенничества (запрос данных, поддельные ссылки)",
    ),
    (
        RejectionReason::AbusiveContent,
        "threat",
        "threats or shaming",
        "угрозы или давление",
    ),
    (
        RejectionReason::InvalidFormat,
        "format-error",
        "format errors Meta refuses",
        "ошибки формата, которые Meta не пропустит",
    ),
    (
        RejectionReason::TagContentMismatch,
        "language-mismatch",
        "text in another language than declared",
        "текст не на заявленном языке",
    ),
    (
        RejectionReason::IncorrectCategory,
        "wrong-category",
        "content that does not belong to the declared category",
        "содержание не соответствует заявленной категории",
    ),
    (
        RejectionReason::Promotional,
        "promotional",
        "promotional content where Meta does not allow it",
        "реклама там, где Meta её не допускает",
    ),
];

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CategoryPrediction {
    pub declared: Option<Category>,
    /// The category Meta is expected to assign.
    pub predicted: Category,
    /// The model's probability that the content belongs to `predicted`.
    pub probability: f64,
}

/// One factor behind the prediction.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Reason {
    /// Stable name of the factor (`format-error`, `promotional-content`, ...).
    pub factor: &'static str,
    pub message: String,
    /// Its effect on the log-odds of approval (negative: against), or on the category.
    pub weight: f64,
    /// The rules whose findings it rests on.
    pub rules: Vec<&'static str>,
    /// The words of the template it rests on.
    pub words: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Prediction {
    pub outcome: Outcome,
    pub status: Status,
    pub flag_risk: Risk,
    pub category: CategoryPrediction,
    pub rejection_reason: Option<RejectionReason>,
    pub approval_probability: f64,
    pub reasons: Vec<Reason>,
}

/// Log-odds of approval before any finding: about 92 %, the share of approved templates in
/// the corpus once format errors are set aside.
const BASE_LOGIT: f64 = 2.5;
/// Log-odds added by the first finding that rejects, and by each further one.
const REJECT_LOGIT: f64 = -5.0;
const FURTHER_REJECT_LOGIT: f64 = -0.5;
/// Log-odds a password handed over in a UTILITY or MARKETING template costs: with the base, an
/// approval probability of about 73 %, so manual review (PENDING) rather than a rejection.
const PASSWORD_LOGIT: f64 = -1.5;
/// Below this approval probability manual review is likely (status PENDING).
const PENDING_BELOW: f64 = 0.8;
/// The most accumulated risks can take off the log-odds of approval.
const MAX_RISK_LOGIT: f64 = -4.0;

/// The category model's inputs for a template, in the order of [`FEATURE_NAMES`].
pub fn feature_values(cx: &Context<'_>) -> [f64; FEATURE_NAMES.len()] {
    features::extract(cx).values
}

/// The category the content reads as, and the model's probability for it (the declared
/// category aside).
pub fn content_category(cx: &Context<'_>) -> (Category, f64) {
    model::argmax(&model::category_probabilities(
        &features::extract(cx).values,
    ))
}

fn sigmoid(x: f64) -> f64 {
    1.0 / (1.0 + (-x).exp())
}

fn round3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

/// Predicts the review of the template behind `cx`, given its diagnostics.
pub fn predict(cx: &Context<'_>, diagnostics: &[Diagnostic]) -> Prediction {
    let lang = cx.options.lang;
    let features = features::extract(cx);
    let probs = model::category_probabilities(&features.values);
    let declared = cx.category();
    let promotion = content::promotion(cx);
    let mut reasons = Vec::new();
    let mut logit = BASE_LOGIT;
    let mut reject: Option<RejectionReason> = None;

    // 1. Findings that reject, the gravest reason first: it names the rejection reason.
    let mut rejecting = 0;
    for (reason, factor, en, ru) in REJECT_ORDER {
        let hits: Vec<&Diagnostic> = diagnostics
            .iter()
            .filter(|d| d.effect == Effect::Error(ErrorEffect::Reject(reason)))
            .collect();
        if hits.is_empty() {
            continue;
        }
        let weight = if rejecting == 0 {
            REJECT_LOGIT
        } else {
            FURTHER_REJECT_LOGIT
        };
        rejecting += 1;
        logit += weight;
        reject.get_or_insert(reason);
        reasons.push(reason_for(
            factor,
            Msg::new(
                format!("rejected for {en}"),
                format!("будет отклонён: {ru}"),
            ),
            weight,
            &hits,
            lang,
        ));
    }
    // Findings that make rejection or review more likely; the largest names the reason if
    // together they reject.
    let risks: Vec<(&Diagnostic, FindingRisk)> = diagnostics
        .iter()
        .filter_map(|d| match d.effect {
            Effect::Risk(r) if r.review < 0.0 => Some((d, r)),
            _ => None,
        })
        .collect();
    let mut risk_reason = None;
    if !risks.is_empty() {
        let weight: f64 = risks
            .iter()
            .map(|(_, r)| r.review)
            .sum::<f64>()
            .max(MAX_RISK_LOGIT);
        risk_reason = risks
            .iter()
            .min_by(|a, b| a.1.review.total_cmp(&b.1.review))
            .map(|(_, r)| r.reason);
        logit += weight;
        let hits: Vec<&Diagnostic> = risks.iter().map(|(d, _)| *d).collect();
        reasons.push(reason_for(
            "review-risk",
            Msg::new(
                "findings that make rejection or manual review more likely",
                "замечания, из-за которых растёт риск отклонения или ручной проверки",
            ),
            weight,
            &hits,
            lang,
        ));
    }
    // Errors that say the content is marketing.
    let marketing_errors: Vec<&Diagnostic> = diagnostics
        .iter()
        .filter(|d| d.effect == Effect::Error(ErrorEffect::Marketing))
        .collect();

    // 2. Category.
    let (content_class, content_p) = model::argmax(&probs);
    let auth_content = features.values[3] >= 1.0;
    let promotional = promotion.score >= 3;
    let mut outcome = Outcome::Approved;
    // One-time-password wording where it does not belong: in a UTILITY or MARKETING template
    // (only AUTHENTICATION may send codes), or mixed with an offer. A draft declares no
    // category yet: a plain code there is simply an AUTHENTICATION template.
    let misplaced_code = auth_content
        && features.code_words
        && declared != Some(Category::Authentication)
        && (declared.is_some() && content_class == Category::Authentication || promotional);
    let predicted = match declared {
        Some(Category::Authentication) => {
            if promotional
                || !marketing_errors.is_empty()
                || content_class != Category::Authentication && !auth_content
            {
                logit += REJECT_LOGIT;
                reject.get_or_insert(RejectionReason::IncorrectCategory);
                reasons.push(Reason {
                    factor: "not-authentication",
                    message: Msg::new(
                        "AUTHENTICATION templates may only deliver a one-time code, without offers",
                        "шаблоны AUTHENTICATION могут только сообщать одноразовый код, без предложений",
                    )
                    .get(lang)
                    .to_string(),
                    weight: REJECT_LOGIT,
                    rules: Vec::new(),
                    words: features.promo_words.clone(),
                });
            }
            Category::Authentication
        }
        _ if misplaced_code => {
            logit += REJECT_LOGIT;
            reject.get_or_insert(RejectionReason::IncorrectCategory);
            reasons.push(Reason {
                factor: "one-time-password",
                message: Msg::new(
                    "one-time passwords may only be sent in AUTHENTICATION templates, and never with an offer",
                    "одноразовые пароли можно отправлять только в шаблонах AUTHENTICATION и без предложений",
                )
                .get(lang)
                .to_string(),
                weight: REJECT_LOGIT,
                rules: Vec::new(),
                words: features.auth_words.clone(),
            });
            Category::Authentication
        }
        Some(Category::Utility)
            if content_class == Category::Marketing || !marketing_errors.is_empty() =>
        {
            outcome = Outcome::Recategorized;
            let (en, ru) = drivers_text(&features.values, Category::Marketing, Category::Utility);
            reasons.push(Reason {
                factor: "marketing-content",
                message: Msg::new(
                    format!("the content reads as marketing ({} %{en}), so Meta approves it as MARKETING, about 4x the price of UTILITY", percent(content_p)),
                    format!("содержание выглядит как маркетинг ({} %{ru}), поэтому Meta одобрит шаблон как MARKETING — это примерно вчетверо дороже UTILITY", percent(content_p)),
                )
                .get(lang)
                .to_string(),
                weight: round3(content_p),
                rules: vec!["promotional-wording"],
                words: features.promo_words.clone(),
            });
            Category::Marketing
        }
        Some(c) => c,
        None if !marketing_errors.is_empty() => Category::Marketing,
        None => content_class,
    };
    if declared.is_none() && content_class == Category::Marketing && features.values[9] > 0.0 {
        reasons.push(Reason {
            factor: "unclear-content",
            message: Msg::new(
                "the text says too little to tell its purpose; Meta treats unclear content as MARKETING",
                "по тексту непонятна цель сообщения; такое Meta относит к MARKETING",
            )
            .get(lang)
            .to_string(),
            weight: 0.0,
            rules: Vec::new(),
            words: Vec::new(),
        });
    }

    // A password handed over outside AUTHENTICATION: Meta has rejected such templates as
    // authentication content and approved others, so it makes manual review likely.
    let password_risk = features.sends_password
        && matches!(declared, Some(Category::Utility | Category::Marketing))
        && !misplaced_code;
    if password_risk {
        logit += PASSWORD_LOGIT;
        reasons.push(Reason {
            factor: "password-in-message",
            message: Msg::new(
                "it hands over a password: Meta may treat it as authentication content, which only AUTHENTICATION templates may carry, and reject it; send a sign-in link instead",
                "в нём передаётся пароль: Meta может счесть это содержимым для AUTHENTICATION и отклонить шаблон; лучше отправить ссылку для входа",
            )
            .get(lang)
            .to_string(),
            weight: PASSWORD_LOGIT,
            rules: Vec::new(),
            words: features.auth_words.clone(),
        });
    }

    let approval = round3(sigmoid(logit));
    let rejected = reject.is_some() || approval < 0.5;
    if rejected {
        outcome = Outcome::Rejected;
        if reject.is_none() {
            // Rejected on accumulated risks: the biggest one names the reason.
            reject = Some(if password_risk {
                RejectionReason::IncorrectCategory
            } else {
                risk_reason.unwrap_or(RejectionReason::InvalidFormat)
            });
        }
    } else {
        reject = None;
    }
    let status = if rejected {
        Status::Rejected
    } else if approval < PENDING_BELOW {
        Status::Pending
    } else {
        Status::Approved
    };

    // 3. Flag risk: what makes recipients press "report spam".
    let flag_risk = flag_risk(cx, diagnostics, promotion, predicted, &mut reasons, lang);

    Prediction {
        outcome,
        status,
        flag_risk,
        category: CategoryPrediction {
            declared,
            predicted,
            probability: round3(category_probability(&probs, declared, predicted)),
        },
        rejection_reason: reject,
        approval_probability: approval,
        reasons,
    }
}

/// The model's strongest reasons for reading the content as `towards` rather than `away`, as
/// `"; because of …"` in English and Russian (empty when no single feature stands out).
fn drivers_text(
    x: &[f64; FEATURE_NAMES.len()],
    towards: Category,
    away: Category,
) -> (String, String) {
    let found: Vec<usize> = model::drivers(x, towards, away)
        .into_iter()
        .take(3)
        .collect();
    if found.is_empty() {
        return (String::new(), String::new());
    }
    let join = |pick: fn(&(&'static str, &'static str)) -> &'static str| {
        found
            .iter()
            .map(|&j| pick(&features::LABELS[j]))
            .collect::<Vec<_>>()
            .join(", ")
    };
    (
        format!("; because of {}", join(|l| l.0)),
        format!("; признаки: {}", join(|l| l.1)),
    )
}

/// The probability that Meta assigns `predicted`, given the declared category: Meta never moves a
/// MARKETING template down to UTILITY, and moves a UTILITY one up when its content reads as
/// marketing; only a draft is categorised from its content alone.
fn category_probability(probs: &[f64; 3], declared: Option<Category>, predicted: Category) -> f64 {
    let marketing = model::probability_of(probs, Category::Marketing);
    let authentication = model::probability_of(probs, Category::Authentication);
    match (declared, predicted) {
        (Some(Category::Marketing), Category::Marketing) => 1.0 - authentication,
        (Some(Category::Utility), Category::Marketing) => marketing,
        (Some(Category::Utility), Category::Utility)
        | (Some(Category::Authentication), Category::Authentication) => 1.0 - marketing,
        _ => model::probability_of(probs, predicted),
    }
}

fn reason_for(
    factor: &'static str,
    message: Msg,
    weight: f64,
    hits: &[&Diagnostic],
    lang: Lang,
) -> Reason {
    let mut rules: Vec<&'static str> = hits.iter().map(|d| d.rule).collect();
    rules.sort_unstable();
    rules.dedup();
    let details: Vec<&str> = hits.iter().take(3).map(|d| d.message.as_str()).collect();
    Reason {
        factor,
        message: format!("{}: {}", message.get(lang), details.join("; ")),
        weight: round3(weight),
        rules,
        words: Vec::new(),
    }
}

fn flag_risk(
    cx: &Context<'_>,
    diagnostics: &[Diagnostic],
    promotion: &content::Promotion,
    category: Category,
    reasons: &mut Vec<Reason>,
    lang: Lang,
) -> Risk {
    let mut points = 0;
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
        why.push(if lang == Lang::Ru {
            risk.objection.1
        } else {
            risk.objection.0
        });
        rules.push(d.rule);
    }
    // Promotion the rules do not warn about (a UTILITY text moved to MARKETING keeps it).
    if !rules.contains(&"promotional-wording") {
        if promotion.overt() {
            points += 2;
            why.push(if lang == Lang::Ru {
                "явная реклама"
            } else {
                "overtly promotional"
            });
        } else if promotion.score >= 3 {
            points += 1;
        }
    }
    if category == Category::Marketing {
        points += 1;
    }
    if cx.template.is_draft()
        && category == Category::Marketing
        && cx.body().is_some_and(|b| b.placeholders.is_empty())
    {
        points += 1; // the same text to everyone: no personalisation (seeds 004:226)
    }
    let risk = match points {
        0..=1 => Risk::Low,
        2..=3 => Risk::Medium,
        _ => Risk::High,
    };
    if risk != Risk::Low {
        reasons.push(Reason {
            factor: "complaints",
            message: format!(
                "{}: {}",
                Msg::new(
                    "recipients may report it as spam, and a FLAGGED template is DISABLED after 7 days without improvement",
                    "получатели могут жаловаться на спам, а помеченный шаблон через 7 дней без улучшений блокируется"
                )
                .get(lang),
                why.join(", ")
            ),
            weight: f64::from(points),
            rules,
            words: Vec::new(),
        });
    }
    risk
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::with_body;
    use crate::{lint_source, InputKind, Lang, LintOptions};

    fn predict(json: &str) -> Prediction {
        predict_with(json, &LintOptions::default())
    }

    fn predict_with(json: &str, options: &LintOptions) -> Prediction {
        let reports = lint_source(json, InputKind::Auto, options).unwrap();
        reports.into_iter().next().unwrap().prediction.unwrap()
    }

    fn ru(category: &str, body: &str, extra: &str) -> String {
        with_body(category, body, extra).replace("en_US", "ru")
    }

    #[test]
    fn a_clean_utility_notice_is_approved_as_utility() {
        let p = predict(&ru(
            "UTILITY",
            "Здравствуйте! Ваш заказ №A-1 передан в службу доставки и прибудет завтра. Отследить посылку можно в личном кабинете.",
            "",
        ));
        assert_eq!((p.outcome, p.status), (Outcome::Approved, Status::Approved));
        assert_eq!(p.category.predicted, Category::Utility);
        assert!(p.approval_probability > 0.8);
        assert_eq!(p.rejection_reason, None);
    }

    #[test]
    fn promotion_in_a_utility_template_is_recategorized() {
        let p = predict(&ru(
            "UTILITY",
            "Ваш заказ доставлен! Только сегодня скидка 30% на всё: успейте купить по лучшей цене!",
            "",
        ));
        assert_eq!(p.outcome, Outcome::Recategorized);
        assert_eq!(p.category.predicted, Category::Marketing);
        let reason = p
            .reasons
            .iter()
            .find(|r| r.factor == "marketing-content")
            .unwrap();
        assert!(
            reason
                .words
                .iter()
                .any(|w| w.to_lowercase().contains("скидка")),
            "{reason:?}"
        );
    }

    #[test]
    fn format_errors_reject_with_invalid_format() {
        let p = predict(&with_body(
            "UTILITY",
            "Hi {{1}} {{2}}, your order has shipped.",
            "",
        ));
        assert_eq!((p.outcome, p.status), (Outcome::Rejected, Status::Rejected));
        assert_eq!(p.rejection_reason, Some(RejectionReason::InvalidFormat));
        let format = p
            .reasons
            .iter()
            .find(|r| r.factor == "format-error")
            .unwrap();
        assert!(format.rules.contains(&"placeholder-adjacent"), "{format:?}");
    }

    #[test]
    fn fraud_and_threats_name_their_reason() {
        let scam = predict(&ru(
            "UTILITY",
            "Для разблокировки карты сообщите номер карты и код из СМС оператору.",
            "",
        ));
        assert_eq!(scam.rejection_reason, Some(RejectionReason::Scam));
        let threat = predict(&ru(
            "UTILITY",
            "Если долг не будет погашен, мы подадим в суд и передадим дело коллекторам.",
            "",
        ));
        assert_eq!(
            threat.rejection_reason,
            Some(RejectionReason::AbusiveContent)
        );
    }

    #[test]
    fn one_time_codes_belong_to_authentication() {
        let p = predict(&with_body(
            "MARKETING",
            "Your verification code is 123456. Also get 20% off your next order with code SAVE20!",
            "",
        ));
        assert_eq!(p.outcome, Outcome::Rejected);
        assert_eq!(p.rejection_reason, Some(RejectionReason::IncorrectCategory));
    }

    #[test]
    fn a_password_handed_over_outside_authentication_makes_review_likely() {
        // With sample values, so that no format error comes first.
        let template = |body: &str, samples: &str, lang: &str| {
            with_body("UTILITY", body, "")
                .replace("en_US", lang)
                .replace(
                    r#""text": "#,
                    &format!(r#""example": {{"body_text": [[{samples}]]}}, "text": "#),
                )
        };
        for (body, samples, lang) in [
            (
                "Your staff account has been created. Login: {{1}}\nTemporary Password: {{2}}\nPlease change it after the first login.",
                r#""ann@example.com", "x7Kp2q""#,
                "en_US",
            ),
            (
                "Ваш аккаунт создан. Пароль: {{1}}. Смените его после первого входа.",
                r#""x7Kp2q""#,
                "ru",
            ),
        ] {
            let p = predict(&template(body, samples, lang));
            assert_eq!(
                (p.outcome, p.status),
                (Outcome::Approved, Status::Pending),
                "{body}"
            );
            assert!(
                p.reasons.iter().any(|r| r.factor == "password-in-message"),
                "{body}: {:?}",
                p.reasons
            );
        }
        // Telling the reader about their password hands nothing over.
        let notice = predict(&template(
            "Your password was changed on {{1}} at 10:40. If it wasn't you, contact support.",
            r#""May 3""#,
            "en_US",
        ));
        assert!(!notice
            .reasons
            .iter()
            .any(|r| r.factor == "password-in-message"));
    }

    #[test]
    fn overt_marketing_without_opt_out_has_a_high_flag_risk() {
        let p = predict(&ru(
            "MARKETING",
            "ТОЛЬКО СЕГОДНЯ!!! Скидка -50% на всё! Успейте купить по лучшей цене!",
            "",
        ));
        assert_eq!(p.outcome, Outcome::Approved);
        assert_eq!(p.flag_risk, Risk::High);
        let with_opt_out = predict(&ru(
            "MARKETING",
            "Здравствуйте! В магазине новая весенняя коллекция: посмотрите подборку на сайте.",
            r#"{"type": "FOOTER", "text": "Ответьте СТОП, чтобы отписаться"}"#,
        ));
        assert_eq!(with_opt_out.flag_risk, Risk::Low);
    }

    #[test]
    fn reasons_follow_the_language() {
        let options = LintOptions {
            lang: Lang::Ru,
            ..LintOptions::default()
        };
        let p = predict_with(
            &with_body("UTILITY", "Hi {{1}} {{2}}, your order has shipped.", ""),
            &options,
        );
        assert!(
            p.reasons[0].message.starts_with("будет отклонён"),
            "{}",
            p.reasons[0].message
        );
    }

    #[test]
    fn a_draft_with_a_one_time_code_is_an_authentication_template() {
        let p = predict("Ваш код подтверждения: 4821. Никому его не сообщайте.");
        assert_eq!(p.category.predicted, Category::Authentication);
        assert_ne!(p.outcome, Outcome::Rejected, "{:?}", p.reasons);
        let with_offer =
            predict("Ваш код подтверждения: 4821. А ещё скидка 20% на первый заказ по промокоду!");
        assert_eq!(with_offer.outcome, Outcome::Rejected);
        assert_eq!(
            with_offer.rejection_reason,
            Some(RejectionReason::IncorrectCategory)
        );
    }

    #[test]
    fn service_notices_read_as_utility() {
        for text in [
            // Meta's essential utility: recalls, warranty, legal notices, fraud alerts, opt-in
            // confirmations.
            "Important: the car seat model you bought (batch 2231) is being recalled. Stop using it and visit our site for a free replacement.",
            "Внимание! Модель автокресла, которую вы купили (партия 2231), отзывается. Прекратите использование и обратитесь в магазин для бесплатной замены.",
            "Гарантия на стиральную машину заканчивается 1 июня. Если нужен ремонт, свяжитесь с нами.",
            "We have updated our terms of service. The changes take effect on July 1.",
            "Мы обновили пользовательское соглашение. Изменения вступают в силу 1 июля.",
            "Мы заметили подозрительную операцию на 25 000 руб. по вашей карте *4412. Ответьте ДА, если это были вы.",
            "You are now subscribed to order updates on WhatsApp. Reply STOP at any time to unsubscribe.",
            "Уважаемые клиенты! 12 мая с 9:00 до 13:00 из-за ремонтных работ не будет работать онлайн-банк. Приносим извинения.",
            "Your electricity service will be interrupted on May 3 from 9:00 to 12:00 due to maintenance.",
            "Здравствуйте! Занятие по английскому переносится на четверг, 18:00. Приносим извинения за неудобства.",
            "Напоминаем, что до 15 марта нужно внести оплату за абонемент в размере 3 000 руб.",
            "Hello! Your lesson has been moved to Thursday at 6 pm. We apologize for the inconvenience.",
        ] {
            let p = predict(text);
            assert_eq!(p.category.predicted, Category::Utility, "{text}");
        }
    }

    #[test]
    fn drafts_are_categorised_from_their_content() {
        let p = predict("Здравствуйте! Оплата по счёту №15 получена, чек отправлен на почту.");
        assert_eq!(p.category.declared, None);
        assert_eq!(p.category.predicted, Category::Utility);
    }
}
