use super::{Context, Reporter, Role, Rule};
use crate::diagnostic::{Report, Severity};

use crate::l10n::Msg;
use crate::moderation::RejectionReason::InvalidFormat;
use crate::moderation::{ErrorEffect, FixKind, Risk};
use crate::template::Category;

/// WhatsApp Manager's limits (`EMOJI_LIMIT`, `UTILITY_EMOJI_LIMIT`).
pub const MARKETING_LIMIT: usize = 10;
pub const UTILITY_LIMIT: usize = 6;

pub static RULE: Rule = Rule {
    id: "emoji-count",
    default_severity: Severity::Warning,
    on_error: ErrorEffect::Reject(InvalidFormat),
    on_warning: Risk::review(-0.5, InvalidFormat)
        .with_complaints(1, ("many emoji", "много эмодзи")),
    fix: FixKind::None,
    summary: (
        "More emoji than Meta allows for the category",
        "Эмодзи больше, чем Meta допускает для категории",
    ),
    docs: rule_docs!(
        r#"# emoji-count

## What it checks
The emoji in the body, each sequence counted once as the reader sees it (👋🏽, 👨‍👩‍👧 and 🇷🇺
are one each): more than 10 in a `MARKETING` template or more than 6 in a `UTILITY` one is a
warning; any emoji in an `AUTHENTICATION` template is an error. Templates without a category
use the marketing limit. The emoji past the limit are the ones reported.

## Why
WhatsApp Manager: "Marketing template should not have more than 10 emojis", "Utility template
should not have more than 6 emojis" (`EMOJI_LIMIT`, `UTILITY_EMOJI_LIMIT`; applied on some
creation surfaces, hence a warning), and Meta's template review notes that "the number of
emojis allowed in the body component may also be limited". Authentication templates: "URLs,
media, and emojis are not allowed" (template categorization). The seed articles advise emoji
for structure, but not too many (`002:573`).

## Examples
Warns (UTILITY): `Ваш заказ готов 🎉🎉🎉🎉🎉🎉🎉` (7 emoji; 6 allowed).
Fails (AUTHENTICATION): `Your code is ready 🔑`.
Passes (MARKETING): `Весна! 🌷🌷🌷🌷🌷🌷🌷🌷🌷🌷` (10 emoji).
"#
    ),
    check,
};

fn check<'a>(cx: &Context<'a>, out: &mut Reporter<'a>) {
    let category = cx.declared_category();
    for field in cx.fields(Role::Body) {
        let found = &field.facts.emoji;
        let (limit, severity, en, ru) = match category {
            Some(Category::Authentication) => (
                0,
                Severity::Error,
                "AUTHENTICATION templates cannot contain emoji",
                "в шаблонах AUTHENTICATION не может быть эмодзи",
            ),
            Some(Category::Utility) => (UTILITY_LIMIT, Severity::Warning, "UTILITY", "UTILITY"),
            _ => (MARKETING_LIMIT, Severity::Warning, "MARKETING", "MARKETING"),
        };
        if found.len() <= limit {
            continue;
        }
        let n = found.len();
        let message = if limit == 0 {
            Msg::new(en, ru)
        } else {
            Msg::new(
                format!("{n} emoji in the body; Meta allows at most {limit} in a {en} template"),
                format!("эмодзи в тексте: {n}; Meta допускает не больше {limit} в шаблоне {ru}"),
            )
        };
        let range = found[limit].start..found[n - 1].end;
        out.report(
            Report::text(field.text, range, message)
                .severity(severity)
                .component(field.component),
        );
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
                &with_body("MARKETING", &"🎉 ".repeat(10), ""),
                &with_body("UTILITY", "Заказ 📦 готов ✅ 👨‍👩‍👧 🇷🇺 👋🏽 🚚", ""),
                &with_body("AUTHENTICATION", "Code", ""),
            ],
        );
    }

    #[test]
    fn fails() {
        assert_fails(
            &RULE,
            &[
                (
                    &with_body("UTILITY", "1🎉 2🎉 3🎉 4🎉 5🎉 6🎉 7🎉 8🎉", ""),
                    &["🎉 8🎉"],
                ),
                (&with_body("AUTHENTICATION", "Ваш код 🔐", ""), &["🔐"]),
                (
                    &with_body("AUTHENTICATION", "Your code is ready 🔑", ""),
                    &["🔑"],
                ),
                (&"🔥".repeat(11), &["🔥"]),
            ],
        );
        let d = run(&RULE, &with_body("UTILITY", &"✅".repeat(7), ""));
        assert_eq!(
            d[0].message,
            "7 emoji in the body; Meta allows at most 6 in a UTILITY template"
        );
    }
}
