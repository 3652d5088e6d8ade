//! What Meta's review can do with a template, and what a finding means for it.
//!
//! Every rule declares, on the rule itself, what its findings do to the review
//! ([`crate::rules::Rule::on_error`], [`crate::rules::Rule::on_warning`]); the prediction
//! derives its verdict from those declarations, so a finding and the verdict cannot disagree.
//! This module sits below both the rules and the prediction.

use serde::Serialize;

/// Meta's rejection reasons (`message_template_status_update` webhook).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum RejectionReason {
    InvalidFormat,
    Promotional,
    IncorrectCategory,
    TagContentMismatch,
    AbusiveContent,
    Scam,
}

impl RejectionReason {
    pub fn as_str(self) -> &'static str {
        match self {
            RejectionReason::InvalidFormat => "INVALID_FORMAT",
            RejectionReason::Promotional => "PROMOTIONAL",
            RejectionReason::IncorrectCategory => "INCORRECT_CATEGORY",
            RejectionReason::TagContentMismatch => "TAG_CONTENT_MISMATCH",
            RejectionReason::AbusiveContent => "ABUSIVE_CONTENT",
            RejectionReason::Scam => "SCAM",
        }
    }
}

/// What Meta does with a template that has an error-level finding. There is no "nothing":
/// an error means Meta will not approve the template as submitted, and the compiler makes
/// every rule say how.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorEffect {
    /// Refused at submission or rejected in review, for this reason.
    Reject(RejectionReason),
    /// The content is marketing: a UTILITY template is approved as MARKETING (Meta's
    /// behaviour since April 9, 2025), an AUTHENTICATION one is rejected (INCORRECT_CATEGORY).
    Marketing,
}

/// What a warning does: it raises the chance of rejection or manual review, or of complaints
/// once the template is in use, without deciding the outcome.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Risk {
    /// Log-odds of approval it adds (zero or negative).
    pub review: f64,
    /// The reason Meta would give if the accumulated risks led to a rejection.
    pub reason: RejectionReason,
    /// Points towards the flag risk (recipients reporting the template as spam), and what
    /// recipients would object to (English, Russian) for the reason that names it.
    pub complaints: u8,
    pub objection: (&'static str, &'static str),
}

impl Risk {
    /// Worth knowing, no effect on the review.
    pub const NONE: Risk = Risk {
        review: 0.0,
        reason: RejectionReason::InvalidFormat,
        complaints: 0,
        objection: ("", ""),
    };

    /// Makes rejection or manual review more likely.
    pub const fn review(review: f64, reason: RejectionReason) -> Risk {
        Risk {
            review,
            reason,
            ..Risk::NONE
        }
    }

    /// Makes recipients more likely to report the template, for `objection` (English, Russian).
    pub const fn complaints(points: u8, objection: (&'static str, &'static str)) -> Risk {
        Risk {
            complaints: points,
            objection,
            ..Risk::NONE
        }
    }

    /// Adds complaint points to a review risk.
    pub const fn with_complaints(
        self,
        points: u8,
        objection: (&'static str, &'static str),
    ) -> Risk {
        Risk {
            complaints: points,
            objection,
            ..self
        }
    }
}

/// What one finding does to the review, from its rule's declaration and its severity.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Effect {
    Error(ErrorEffect),
    Risk(Risk),
}

/// Whether a rule offers machine-applicable fixes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum FixKind {
    /// Never.
    None,
    /// For some of its findings (those with one obvious correction).
    Sometimes,
    /// For every finding.
    Always,
}
