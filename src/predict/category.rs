//! The category Meta assigns: its published rules first (template categorization,
//! `../shared/spec/meta-rules.md` §3.8), the category model where they do not decide.
//!
//! - Only AUTHENTICATION may send one-time codes; an AUTHENTICATION template may send nothing
//!   else, and never an offer. A code for a discount or a coupon is not a one-time code.
//! - A UTILITY or MARKETING template that Meta judges should be AUTHENTICATION is rejected
//!   (INCORRECT_CATEGORY): a one-time code, or a password handed over.
//! - Any promotional content makes a template MARKETING, however transactional the rest: a
//!   UTILITY template with an offer is approved as MARKETING (since April 9, 2025).
//! - Meta never moves a MARKETING template down to UTILITY.
//! - Otherwise UTILITY needs a specific, expected transaction or an essential notice: the
//!   category model weighs the transactional and relationship signals and names them (in a
//!   language walint has no word list for, a model fitted without the words the lists count).

use super::verdict::Verdict;
use super::{Basis, Reason, RejectionReason};
use crate::diagnostic::Diagnostic;
use crate::l10n::{percent, Msg};
use crate::moderation::{Effect, ErrorEffect};
use crate::options::Profile;
use crate::rules::Context;
use crate::signals::category::{self, Model, Models};
use crate::signals::{FEATURE_LABELS, FEATURE_NAMES};
use crate::template::Category;

/// What [`decide`] found.
pub(super) struct Decision {
    pub predicted: Category,
    pub probability: f64,
    pub basis: Basis,
    /// A UTILITY template approved as MARKETING.
    pub recategorized: bool,
}

/// How sure a decision by the rules is: the corpus records Meta deciding the same words both
/// ways now and then, so never certain.
const RULE_PROBABILITY: f64 = 0.9;

pub(super) fn decide(
    cx: &Context<'_>,
    models: &Models,
    diagnostics: &[Diagnostic],
    verdict: &mut Verdict,
) -> Decision {
    let model = models.for_language(cx.analysis.language.listed);
    let lang = verdict.lang();
    let features = cx.features();
    let promotion = cx.promotion();
    let declared = cx.declared_category();
    let probs = model.probabilities(&features.values);
    let (content_class, content_p) = category::argmax(&probs);
    let marketing_errors: Vec<&Diagnostic> = diagnostics
        .iter()
        .filter(|d| d.effect == Effect::Error(ErrorEffect::Marketing))
        .collect();
    // Any promotion makes the content MARKETING: an error that says so, or wording the
    // promotional-wording rule would report in any category.
    let promotional = !marketing_errors.is_empty() || promotion.decisive();
    // One-time-code content: code wording (a coupon code is not), and either words that name
    // a verification, an OTP button or Meta's security line, or a model that reads the whole
    // as authentication.
    let auth_content = features.values[auth_index()] >= 1.0;
    let one_time_code = auth_content
        && features.code_words
        && (features.verification_words || content_class == Category::Authentication);
    let rules = |d: &[&Diagnostic]| -> Vec<&'static str> {
        let mut r: Vec<&'static str> = d.iter().map(|d| d.rule).collect();
        r.dedup();
        r
    };

    match declared {
        Some(Category::Authentication) => {
            if promotional || !auth_content {
                verdict.reject(
                    RejectionReason::IncorrectCategory,
                    "not-authentication",
                    Msg::new(
                        "AUTHENTICATION templates may only deliver a one-time code, without offers",
                        "шаблоны AUTHENTICATION могут только сообщать одноразовый код, без предложений",
                    )
                    .get(lang)
                    .to_string(),
                    rules(&marketing_errors),
                    owned(&features.promo_words),
                );
            }
            return rules_decision(Category::Authentication);
        }
        Some(Category::Utility | Category::Marketing) if one_time_code => {
            verdict.reject(
                RejectionReason::IncorrectCategory,
                "one-time-password",
                Msg::new(
                    "one-time codes may only be sent in AUTHENTICATION templates",
                    "одноразовые коды можно отправлять только в шаблонах AUTHENTICATION",
                )
                .get(lang)
                .to_string(),
                Vec::new(),
                owned(&features.auth_words),
            );
            return rules_decision(Category::Authentication);
        }
        Some(Category::Utility | Category::Marketing) if features.sends_password => {
            verdict.reject(
                RejectionReason::IncorrectCategory,
                "password-in-message",
                Msg::new(
                    "it hands over a password, which Meta treats as authentication content: a UTILITY or MARKETING template with it is rejected; send a sign-in link instead",
                    "в нём передаётся пароль, а это Meta считает содержимым для AUTHENTICATION: шаблон UTILITY или MARKETING с ним отклоняют; лучше отправить ссылку для входа",
                )
                .get(lang)
                .to_string(),
                Vec::new(),
                owned(&features.auth_words),
            );
            return rules_decision(Category::Authentication);
        }
        None if one_time_code && promotional => {
            verdict.reject(
                RejectionReason::IncorrectCategory,
                "one-time-password",
                Msg::new(
                    "a one-time code may not come with an offer: codes go in AUTHENTICATION templates, offers in MARKETING ones",
                    "одноразовый код нельзя сочетать с предложением: коды отправляют в шаблонах AUTHENTICATION, предложения — в MARKETING",
                )
                .get(lang)
                .to_string(),
                Vec::new(),
                owned(&features.auth_words),
            );
            return rules_decision(Category::Authentication);
        }
        None if one_time_code => return rules_decision(Category::Authentication),
        _ => {}
    }

    if promotional {
        let recategorized = declared == Some(Category::Utility);
        if declared != Some(Category::Marketing) {
            let (en, ru) = if recategorized && cx.profile() == Profile::Api {
                (
                    "it promotes (any offer makes a template MARKETING under Meta's rules), so Meta approves it as MARKETING, about 4x the price of UTILITY",
                    "в нём есть реклама (по правилам Meta любое предложение делает шаблон маркетинговым), поэтому Meta одобрит его как MARKETING — это примерно вчетверо дороже UTILITY",
                )
            } else {
                (
                    "it promotes: any offer makes a template MARKETING under Meta's rules",
                    "в нём есть реклама: по правилам Meta любое предложение делает шаблон маркетинговым",
                )
            };
            verdict.push(Reason {
                factor: "marketing-content",
                message: Msg::new(en, ru).get(lang).to_string(),
                weight: RULE_PROBABILITY,
                rules: vec!["promotional-wording"],
                words: owned(&features.promo_words),
            });
        }
        return Decision {
            recategorized,
            ..rules_decision(Category::Marketing)
        };
    }

    match declared {
        // Meta moves templates up to MARKETING, never down.
        Some(Category::Marketing) => Decision {
            probability: 1.0 - category::probability_of(&probs, Category::Authentication),
            ..rules_decision(Category::Marketing)
        },
        Some(Category::Utility) if content_class == Category::Marketing => {
            let (en, ru) = drivers_text(model, &features.values);
            let price = if cx.profile() == Profile::Api {
                (
                    ", about 4x the price of UTILITY",
                    " — это примерно вчетверо дороже UTILITY",
                )
            } else {
                ("", "")
            };
            verdict.push(Reason {
                factor: "marketing-content",
                message: Msg::new(
                    format!("the content reads as marketing ({} %{en}): no specific transaction or essential notice, so Meta approves it as MARKETING{}", percent(content_p), price.0),
                    format!("содержание выглядит как маркетинг ({} %{ru}): нет конкретной сделки или важного уведомления, поэтому Meta одобрит шаблон как MARKETING{}", percent(content_p), price.1),
                )
                .get(lang)
                .to_string(),
                weight: (content_p * 1000.0).round() / 1000.0,
                rules: Vec::new(),
                words: owned(&features.promo_words),
            });
            Decision {
                predicted: Category::Marketing,
                probability: content_p,
                basis: Basis::Model,
                recategorized: true,
            }
        }
        Some(Category::Utility) => Decision {
            predicted: Category::Utility,
            probability: 1.0 - category::probability_of(&probs, Category::Marketing),
            basis: Basis::Model,
            recategorized: false,
        },
        _ => {
            if content_class == Category::Marketing && features.values[unclear_index()] > 0.0 {
                verdict.note(
                    "unclear-content",
                    Msg::new(
                        "the text says too little to tell its purpose; Meta treats unclear content as MARKETING",
                        "по тексту непонятна цель сообщения; такое Meta относит к MARKETING",
                    ),
                );
            }
            Decision {
                predicted: content_class,
                probability: content_p,
                basis: Basis::Model,
                recategorized: false,
            }
        }
    }
}

fn rules_decision(predicted: Category) -> Decision {
    Decision {
        predicted,
        probability: RULE_PROBABILITY,
        basis: Basis::Rules,
        recategorized: false,
    }
}

fn index_of(name: &str) -> usize {
    FEATURE_NAMES.iter().position(|n| *n == name).unwrap_or(0)
}

fn auth_index() -> usize {
    index_of("authentication")
}

fn unclear_index() -> usize {
    index_of("unclear")
}

/// The model's strongest reasons for reading the content as MARKETING rather than UTILITY,
/// as `"; because of …"` in English and Russian (empty when no single feature stands out).
fn drivers_text(model: &Model, x: &[f64; FEATURE_NAMES.len()]) -> (String, String) {
    let found: Vec<usize> = model
        .drivers(x, Category::Marketing, Category::Utility)
        .into_iter()
        .take(3)
        .collect();
    if found.is_empty() {
        return (String::new(), String::new());
    }
    let join = |pick: fn(&(&'static str, &'static str)) -> &'static str| {
        found
            .iter()
            .map(|&j| pick(&FEATURE_LABELS[j]))
            .collect::<Vec<_>>()
            .join(", ")
    };
    (
        format!("; because of {}", join(|l| l.0)),
        format!("; признаки: {}", join(|l| l.1)),
    )
}

/// Words of the features, copied for a reason that names them.
fn owned(words: &[&str]) -> Vec<String> {
    words.iter().map(|w| w.to_string()).collect()
}
