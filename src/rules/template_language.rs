use super::{Context, Reporter, Role, Rule};
use crate::diagnostic::{Report, Severity};
use crate::l10n::Msg;
use crate::moderation::RejectionReason::{InvalidFormat, TagContentMismatch};
use crate::moderation::{ErrorEffect, FixKind, Risk};
use std::sync::OnceLock;

/// Language codes Meta accepts for templates ("Supported Languages", updated May 21, 2026).
pub const CODES: &[&str] = &[
    "af", "sq", "ar", "ar_EG", "ar_AE", "ar_LB", "ar_MA", "ar_QA", "az", "be_BY", "bn", "bn_IN",
    "bg", "ca", "zh_CN", "zh_HK", "zh_TW", "hr", "cs", "da", "prs_AF", "nl", "nl_BE", "en",
    "en_GB", "en_US", "en_AE", "en_AU", "en_CA", "en_GH", "en_IE", "en_IN", "en_JM", "en_MY",
    "en_NZ", "en_QA", "en_SG", "en_UG", "en_ZA", "et", "fil", "fi", "fr", "fr_BE", "fr_CA",
    "fr_CH", "fr_CI", "fr_MA", "ka", "de", "de_AT", "de_CH", "el", "gu", "ha", "he", "hi", "hu",
    "id", "ga", "it", "ja", "kn", "kk", "rw_RW", "ko", "ky_KG", "lo", "lv", "lt", "mk", "ms", "ml",
    "mr", "nb", "ps_AF", "fa", "pl", "pt_BR", "pt_PT", "pa", "ro", "ru", "sr", "si_LK", "sk", "sl",
    "es", "es_AR", "es_CL", "es_CO", "es_CR", "es_DO", "es_EC", "es_HN", "es_MX", "es_PA", "es_PE",
    "es_ES", "es_UY", "sw", "sv", "ta", "te", "th", "tr", "uk", "ur", "uz", "vi", "zu",
];

pub static RULE: Rule = Rule {
    id: "template-language",
    default_severity: Severity::Error,
    on_error: ErrorEffect::Reject(InvalidFormat),
    on_warning: Risk::review(-5.0, TagContentMismatch),
    fix: FixKind::Sometimes,
    summary: (
        "The language code is missing or not one Meta supports, or the text is in another script",
        "Код языка не указан или не поддерживается Meta, либо текст написан другим алфавитом",
    ),
    docs: rule_docs!(
        r#"# template-language

## What it checks
- `language` is present (not for drafts: plain text, or JSON without name, language and category) and is one of the codes on Meta's
  supported-languages list, written exactly (`en_US`, not `en-US` or `EN_us`; Russian is `ru`).
  Near misses get a fix (`en-US` → `en_US`, `ru_RU` → `ru`).
- The body is written in the script of the declared language (warning): a `ru` template whose
  letters are mostly Latin, or an `en` template whose letters are mostly Cyrillic.

## Why
Meta's template overview: a language code is mandatory and Meta does not translate; codes are
case-sensitive and use an underscore (supported-languages page). The older guidelines reject
templates whose content does not match the declared language, and mixed-language templates.

## Examples
Fails: `"language": "en-US"`; `"language": "russian"`.
Warns: `{"name": "order_ready", "language": "en", "category": "UTILITY", "components": [{"type": "BODY", "text": "Здравствуйте! Ваш заказ передан в службу доставки."}]}`.
Passes: `{"name": "order_ready", "language": "ru", "category": "UTILITY", "components": [{"type": "BODY", "text": "Здравствуйте! Ваш заказ передан в службу доставки."}]}`.
Fixes: `{"name": "order_ready", "language": "en-US", "category": "UTILITY", "components": [{"type": "BODY", "text": "Your order is ready."}]}` → `{"name": "order_ready", "language": "en_US", "category": "UTILITY", "components": [{"type": "BODY", "text": "Your order is ready."}]}`.
"#
    ),
    check,
};

/// The supported code closest to what was written (`en-US` → `en_US`, `RU` → `ru`).
fn suggest(code: &str) -> Option<&'static str> {
    let norm = code.trim().replace('-', "_");
    let lower = norm.to_ascii_lowercase();
    CODES
        .iter()
        .find(|c| c.to_ascii_lowercase() == lower)
        .or_else(|| CODES.iter().find(|c| Some(**c) == lower.split('_').next()))
        .copied()
}

/// Languages written in Cyrillic among Meta's codes.
fn is_cyrillic_language(code: &str) -> bool {
    matches!(
        code.split('_').next(),
        Some("ru" | "uk" | "bg" | "sr" | "mk" | "be" | "kk" | "ky")
    )
}

/// Languages written in the Latin alphabet among Meta's codes.
fn is_latin_language(code: &str) -> bool {
    matches!(
        code.split('_').next(),
        Some(
            "af" | "sq"
                | "az"
                | "ca"
                | "hr"
                | "cs"
                | "da"
                | "nl"
                | "en"
                | "et"
                | "fil"
                | "fi"
                | "fr"
                | "de"
                | "ha"
                | "hu"
                | "id"
                | "ga"
                | "it"
                | "rw"
                | "lv"
                | "lt"
                | "ms"
                | "nb"
                | "pl"
                | "pt"
                | "ro"
                | "sk"
                | "sl"
                | "es"
                | "sw"
                | "sv"
                | "tr"
                | "uz"
                | "vi"
                | "zu"
        )
    )
}

/// Whether `code` is one of [`CODES`]: a binary search of them sorted once (every template's
/// code is looked up; a scan compared it with a hundred).
fn supported(code: &str) -> bool {
    static SORTED: OnceLock<Vec<&'static str>> = OnceLock::new();
    SORTED
        .get_or_init(|| {
            let mut sorted = CODES.to_vec();
            sorted.sort_unstable();
            sorted
        })
        .binary_search(&code)
        .is_ok()
}

fn check<'a>(cx: &Context<'a>, out: &mut Reporter<'a>) {
    let t = cx.template;
    if !cx.is_submission() {
        return;
    }
    let Some(lang) = &t.language else {
        out.report(Report::node(
            t.field_path("language"),
            t.span.clone(),
            Msg::new(
                "the template has no `language`",
                "у шаблона не указан язык (`language`)",
            ),
        ));
        return;
    };
    let code = lang.value.as_str();
    if !supported(code) {
        let mut report = Report::text(
            lang,
            0..code.len(),
            Msg::new(
                format!("\"{code}\" is not a language code Meta supports for templates"),
                format!("\"{code}\" — не код языка, который Meta поддерживает для шаблонов"),
            ),
        );
        if let Some(s) = suggest(code) {
            report = report
                .help(Msg::new(
                    format!("did you mean \"{s}\"?"),
                    format!("возможно, имелось в виду \"{s}\"?"),
                ))
                .replace_with(
                    Msg::new(
                        format!("replace with \"{s}\""),
                        format!("заменить на \"{s}\""),
                    ),
                    s,
                );
        }
        out.report(report);
        return;
    }
    let Some(body) = cx.fields(Role::Body).next() else {
        return;
    };
    // Letters of the words: placeholder names and links are not the language of the text.
    let letters = body.facts.letters;
    let (latin, cyrillic) = (letters.latin, letters.cyrillic);
    let total = latin + cyrillic;
    if total < 20 {
        return; // too little text to judge
    }
    let mismatch = (is_cyrillic_language(code) && latin * 10 > total * 7)
        || (is_latin_language(code) && cyrillic * 10 > total * 7);
    if mismatch {
        let (script_en, script_ru) = if cyrillic > latin {
            ("Cyrillic", "кириллицей")
        } else {
            ("Latin", "латиницей")
        };
        out.report(
            Report::text(
                lang,
                0..code.len(),
                Msg::new(
                    format!("the template is declared \"{code}\" but its body is written mostly in {script_en} script"),
                    format!("язык шаблона указан как \"{code}\", но текст написан в основном {script_ru}"),
                ),
            )
            .severity(Severity::Warning),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::*;

    /// The sorted search finds what a scan of the list finds.
    #[test]
    fn supported_codes_are_the_listed_ones() {
        for &code in CODES {
            assert!(supported(code), "{code}");
        }
        for code in [
            "", "en_us", "EN_US", "en_", "xx", "zz_ZZ", "ru_RU", "en_US ",
        ] {
            assert_eq!(supported(code), CODES.contains(&code), "{code}");
        }
    }

    fn lang(code: &str, body: &str) -> String {
        with_body("UTILITY", body, "").replace(
            r#""language": "en_US""#,
            &format!(r#""language": "{code}""#),
        )
    }

    #[test]
    fn passes() {
        assert_passes(
            &RULE,
            &[
                &lang("ru", "Здравствуйте! Ваш заказ передан в службу доставки."),
                &lang("en_US", "Hello! Your order has been handed to the courier."),
                &lang("ru", "Ok"),
                "plain text",
            ],
        );
    }

    #[test]
    fn fails() {
        assert_fails(
            &RULE,
            &[
                (&lang("en-US", "Hello"), &["en-US"]),
                (&lang("russian", "Привет"), &["russian"]),
                (&lang("ru_RU", "Привет"), &["ru_RU"]),
                (
                    &lang("en", "Здравствуйте! Ваш заказ передан в службу доставки."),
                    &["en"],
                ),
                (
                    r#"{"name": "x", "components": [{"type": "BODY", "text": "x"}]}"#,
                    &["language"],
                ),
            ],
        );
        let d = run(&RULE, &lang("ru_RU", "Привет"));
        let crate::Edit::Replace { text, .. } = &d[0].fix.as_ref().unwrap().edits[0] else {
            panic!()
        };
        assert_eq!(text, "ru");
        assert_eq!(
            run(
                &RULE,
                &lang("en", "Здравствуйте! Ваш заказ передан в службу доставки.")
            )[0]
            .severity,
            Severity::Warning
        );
    }

    #[test]
    fn code_list_is_unique() {
        let mut v = CODES.to_vec();
        v.sort_unstable();
        v.dedup();
        assert_eq!(v.len(), CODES.len());
    }
}
