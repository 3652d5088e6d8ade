//! The verdict as it is built: the log-odds of approval, the rejection reason, the reasons.
//! Findings enter through what their rules declare ([`crate::moderation::Effect`]).

use super::{round3, Outcome, Reason, RejectionReason, Status};
use crate::diagnostic::Diagnostic;
use crate::l10n::{Lang, Msg};
use crate::moderation::{Effect, ErrorEffect};

/// Log-odds of approval before any finding: about 92 %, the share of submissions under
/// today's rules that Meta approves in the corpus.
const BASE_LOGIT: f64 = 2.5;
/// Log-odds added by the first reason to reject, and by each further one.
const REJECT_LOGIT: f64 = -5.0;
const FURTHER_REJECT_LOGIT: f64 = -0.5;
/// The most accumulated risks can take off the log-odds of approval.
const MAX_RISK_LOGIT: f64 = -4.0;
/// Below this approval probability manual review is likely (status PENDING).
const PENDING_BELOW: f64 = 0.8;

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

pub(super) struct Verdict {
    lang: Lang,
    logit: f64,
    reject: Option<RejectionReason>,
    /// The reason of the largest risk, should the risks add up to a rejection.
    risk_reason: Option<RejectionReason>,
    rejecting: usize,
    reasons: Vec<Reason>,
}

impl Verdict {
    pub fn new(lang: Lang) -> Verdict {
        Verdict {
            lang,
            logit: BASE_LOGIT,
            reject: None,
            risk_reason: None,
            rejecting: 0,
            reasons: Vec::new(),
        }
    }

    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// What the findings' rules declare: errors that reject (the gravest reason first) and
    /// warnings that add risk.
    pub fn findings(&mut self, diagnostics: &[Diagnostic]) {
        // The findings that reject, by reason, in one pass (an edge request can hold thousands).
        let mut rejecting: [Vec<&Diagnostic>; REJECT_ORDER.len()] = Default::default();
        for d in diagnostics {
            if let Effect::Error(ErrorEffect::Reject(reason)) = d.effect {
                if let Some(i) = REJECT_ORDER.iter().position(|r| r.0 == reason) {
                    rejecting[i].push(d);
                }
            }
        }
        for ((reason, factor, en, ru), hits) in REJECT_ORDER.into_iter().zip(rejecting) {
            if hits.is_empty() {
                continue;
            }
            let message = match self.lang {
                Lang::En => ["rejected for ", en],
                Lang::Ru => ["будет отклонён: ", ru],
            };
            self.reject(
                reason,
                factor,
                with_details(&message, &hits),
                rules(&hits),
                Vec::new(),
            );
        }
        let risks: Vec<&Diagnostic> = diagnostics
            .iter()
            .filter(|d| matches!(d.effect, Effect::Risk(r) if r.review < 0.0))
            .collect();
        if risks.is_empty() {
            return;
        }
        let review = |d: &&Diagnostic| match d.effect {
            Effect::Risk(r) => r.review,
            Effect::Error(_) => 0.0,
        };
        let weight = risks.iter().map(review).sum::<f64>().max(MAX_RISK_LOGIT);
        self.risk_reason = risks
            .iter()
            .min_by(|a, b| review(a).total_cmp(&review(b)))
            .and_then(|d| match d.effect {
                Effect::Risk(r) => Some(r.reason),
                Effect::Error(_) => None,
            });
        self.logit += weight;
        let message = match self.lang {
            Lang::En => "findings that make rejection or manual review more likely",
            Lang::Ru => "замечания, из-за которых растёт риск отклонения или ручной проверки",
        };
        self.reasons.push(Reason {
            factor: "review-risk",
            message: with_details(&[message], &risks),
            weight: round3(weight),
            rules: rules(&risks),
            words: Vec::new(),
        });
    }

    /// A reason to reject: the first one decides, each further one adds a little.
    pub fn reject(
        &mut self,
        reason: RejectionReason,
        factor: &'static str,
        message: String,
        rules: Vec<&'static str>,
        words: Vec<String>,
    ) {
        let weight = if self.rejecting == 0 {
            REJECT_LOGIT
        } else {
            FURTHER_REJECT_LOGIT
        };
        self.rejecting += 1;
        self.logit += weight;
        self.reject.get_or_insert(reason);
        self.reasons.push(Reason {
            factor,
            message,
            weight,
            rules,
            words,
        });
    }

    pub fn push(&mut self, reason: Reason) {
        self.reasons.push(reason);
    }

    /// A reason that changes nothing but what the reader should know.
    pub fn note(&mut self, factor: &'static str, message: Msg) {
        self.reasons.push(Reason {
            factor,
            message: message.get(self.lang).to_string(),
            weight: 0.0,
            rules: Vec::new(),
            words: Vec::new(),
        });
    }

    /// The outcome, status, rejection reason and approval probability.
    pub fn outcome(&self, recategorized: bool) -> (Outcome, Status, Option<RejectionReason>, f64) {
        let approval = round3(1.0 / (1.0 + (-self.logit).exp()));
        if self.reject.is_some() || approval < 0.5 {
            // Rejected on accumulated risks: the biggest one names the reason.
            let reason = self
                .reject
                .or(self.risk_reason)
                .unwrap_or(RejectionReason::InvalidFormat);
            return (Outcome::Rejected, Status::Rejected, Some(reason), approval);
        }
        let outcome = if recategorized {
            Outcome::Recategorized
        } else {
            Outcome::Approved
        };
        let status = if approval < PENDING_BELOW {
            Status::Pending
        } else {
            Status::Approved
        };
        (outcome, status, None, approval)
    }

    pub fn into_reasons(self) -> Vec<Reason> {
        self.reasons
    }
}

/// The rules behind `hits`, each once, in order: a few distinct ids among possibly thousands.
fn rules(hits: &[&Diagnostic]) -> Vec<&'static str> {
    let mut rules: Vec<&'static str> = Vec::new();
    for d in hits {
        if !rules.contains(&d.rule) {
            rules.push(d.rule);
        }
    }
    rules.sort_unstable();
    rules
}

/// The message (its pieces, in the verdict's language), then the first three different
/// findings behind it (the same finding in three places is named once). Written into one
/// string: a verdict is built for every template.
fn with_details(message: &[&str], hits: &[&Diagnostic]) -> String {
    let mut details: [&str; 3] = [""; 3];
    let mut count = 0;
    for d in hits {
        if !details[..count].contains(&d.message.as_str()) {
            details[count] = &d.message;
            count += 1;
        }
        if count == 3 {
            break;
        }
    }
    let details = &details[..count];
    let len = message.iter().chain(details).map(|s| s.len() + 2).sum();
    let mut out = String::with_capacity(len);
    message.iter().for_each(|piece| out.push_str(piece));
    out.push_str(": ");
    for (i, detail) in details.iter().enumerate() {
        if i > 0 {
            out.push_str("; ");
        }
        out.push_str(detail);
    }
    out
}
