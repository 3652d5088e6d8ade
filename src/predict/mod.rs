//! Predicting what Meta's review will do with a template: one verdict, derived from the
//! findings and from Meta's category rules.
//!
//! - **Findings** ([`verdict`]): every rule declares what its errors and warnings do to the
//!   review ([`crate::moderation`]); an error rejects for the reason its rule names, or says
//!   the content is marketing; warnings add risk. So the outcome never contradicts an error.
//! - **Category** ([`category`]): Meta's published definitions first (template
//!   categorization): a one-time code belongs to AUTHENTICATION and a coupon code does not; any
//!   promotion makes a template MARKETING; a password handed over is authentication content.
//!   Where those rules do not decide, the category model ([`crate::signals::category`]), a
//!   logistic regression over explainable features fitted by `walint fit`, reads the content.
//! - **Complaints** ([`complaints`]): what makes recipients report the template.
//!
//! Every factor is returned as a [`Reason`] with the rules and words behind it, in the chosen
//! language.

mod category;
mod complaints;
mod verdict;

pub use crate::moderation::RejectionReason;
pub use crate::signals::{Features, FEATURE_NAMES};

use crate::diagnostic::Diagnostic;
use crate::options::Profile;
use crate::rules::Context;
use crate::signals::category::Models;
use crate::template::Category;
use serde::Serialize;
use verdict::Verdict;

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

/// How the category was decided.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Basis {
    /// By one of Meta's category rules (a one-time code, promotion, a declared MARKETING).
    Rules,
    /// By the category model, where the rules do not decide.
    Model,
}

/// How far to trust the prediction.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Confidence {
    Normal,
    /// walint has no word list for the template's language: the content was read through
    /// signals that do not depend on words (numbers, links, placeholders, buttons).
    Low,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CategoryPrediction {
    pub declared: Option<Category>,
    /// The category Meta is expected to assign.
    pub predicted: Category,
    /// The probability of `predicted` (for a decision by the rules, how sure that rule is).
    pub probability: f64,
    pub basis: Basis,
}

/// One factor behind the prediction.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Reason {
    /// Stable name of the factor (`format-error`, `marketing-content`, ...).
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
    pub confidence: Confidence,
    pub reasons: Vec<Reason>,
}

/// Predicts the review of the template behind `cx`, given its diagnostics.
pub fn predict(cx: &Context<'_>, diagnostics: &[Diagnostic]) -> Prediction {
    predict_with(cx, diagnostics, Models::committed())
}

/// [`predict`] with other category models (`walint eval` fits them per fold).
pub fn predict_with(cx: &Context<'_>, diagnostics: &[Diagnostic], models: &Models) -> Prediction {
    let mut verdict = Verdict::new(cx.options.lang);
    verdict.findings(diagnostics);
    let decision = category::decide(cx, models, diagnostics, &mut verdict);
    let flag_risk = complaints::flag_risk(cx, diagnostics, decision.predicted, &mut verdict);
    // With no word in the texts (an empty draft, placeholders only) there is nothing a word
    // list would have read: no note that walint lacks one.
    let nothing_to_read = cx
        .analysis
        .message_fields()
        .all(|(_, f)| f.facts.words.is_empty());
    let confidence = if cx.analysis.language.listed
        || decision.basis == Basis::Rules
        || nothing_to_read
    {
        Confidence::Normal
    } else {
        let note = if cx.profile() == Profile::Api {
            crate::l10n::Msg::new(
                "walint has no word list for this language: the category rests on numbers, links, placeholders and buttons, so it is less certain",
                "для этого языка у walint нет словаря: категория определена по числам, ссылкам, переменным и кнопкам, поэтому она менее надёжна",
            )
        } else {
            // A Business app broadcast has no category: what is less certain is the forecast.
            crate::l10n::Msg::new(
                "walint has no word list for this language: the forecast rests on numbers, links, placeholders and buttons, so it is less certain",
                "для этого языка у walint нет словаря: прогноз построен по числам, ссылкам, переменным и кнопкам, поэтому он менее надёжен",
            )
        };
        verdict.note("no-word-list", note);
        Confidence::Low
    };
    let (outcome, status, rejection_reason, approval_probability) =
        verdict.outcome(decision.recategorized);
    Prediction {
        outcome,
        status,
        flag_risk,
        category: CategoryPrediction {
            declared: cx.declared_category(),
            predicted: decision.predicted,
            probability: round3(decision.probability),
            basis: decision.basis,
        },
        rejection_reason,
        approval_probability,
        confidence,
        reasons: verdict.into_reasons(),
    }
}

fn round3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

#[cfg(test)]
mod tests;
