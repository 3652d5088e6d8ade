use super::{excess_str, Context, Reporter, Rule};
use crate::diagnostic::{Report, Severity};
use crate::l10n::{plural_en, plural_ru, Msg};
use crate::moderation::RejectionReason::InvalidFormat;
use crate::moderation::{ErrorEffect, FixKind, Risk};
use crate::template::{ButtonKind, Category, ComponentKind};

pub static RULE: Rule = Rule {
    id: "limited-time-offer",
    default_severity: Severity::Error,
    on_error: ErrorEffect::Reject(InvalidFormat),
    on_warning: Risk::review(-0.5, InvalidFormat),
    fix: FixKind::None,
    summary: (
        "A limited-time offer outside MARKETING, with a footer, a non-media header, no URL button, or an offer text over 16 characters",
        "Ограниченное предложение не в MARKETING, с подписью, немедийным заголовком, без кнопки-ссылки или с текстом длиннее 16 символов",
    ),
    docs: rule_docs!(
        r#"# limited-time-offer

## What it checks
A template with a `LIMITED_TIME_OFFER` component:
- is a `MARKETING` template;
- has no `FOOTER`;
- has no header, or an `IMAGE` or `VIDEO` one;
- has `limited_time_offer.text`, not empty and at most **16** characters (UTF-16 code units);
- has a `URL` button (the copy code button is optional; its code is checked by
  `copy-code-example`, at most 15 characters here).

The body's 600-character limit is checked by `body-too-long`, placeholders in the offer text by
`placeholder-not-allowed`.

## Why
Meta's limited-time offer templates page, Limitations: "Only templates categorized as
`MARKETING` are supported." "Footer components are not supported." Its parameters:
`<HEADER_FORMAT>` "**Required if using a header.** Can be `IMAGE`, or `VIDEO`.";
`<LIMITED_TIME_OFFER_TEXT>` "**Required.** Offer details text. Maximum 16 characters.";
`<URL_BUTTON_TEXT>` and `<URL_BUTTON_URL>` "**Required.**" At send time, `<URL_BUTTON_INDEX>`
"If the template uses a copy code button, value must be `1`. If the template does not use a
copy code button, the value must be `0`": the URL button is always there, the copy code button
is not. (The page also warns that users of the WhatsApp web and desktop apps "will not see the
offer".)

## Examples
Fails (UTILITY): `{"components": [
{"type": "header", "format": "image", "example": {"header_handle": ["4::aW..."]}},
{"type": "limited_time_offer", "limited_time_offer": {"text": "Expiring offer!", "has_expiration": true}},
{"type": "body", "text": "Use code CARIBE25 to get 25% off all Caribbean packages!"},
{"type": "buttons", "buttons": [{"type": "copy_code", "example": "CARIBE25"}, {"type": "url", "text": "Book now!", "url": "https://awesomedestinations.com/offers"}]}]}`.
Fails (MARKETING): `{"components": [
{"type": "header", "format": "image", "example": {"header_handle": ["4::aW..."]}},
{"type": "limited_time_offer", "limited_time_offer": {"text": "Expiring offer!", "has_expiration": true}},
{"type": "body", "text": "Use code CARIBE25 to get 25% off all Caribbean packages!"},
{"type": "buttons", "buttons": [{"type": "copy_code", "example": "CARIBE25"}, {"type": "url", "text": "Book now!", "url": "https://awesomedestinations.com/offers"}]},
{"type": "footer", "text": "Reply STOP to opt out"}]}` (a footer).
Fails (MARKETING): `{"components": [
{"type": "header", "format": "TEXT", "text": "Caribbean deals"},
{"type": "limited_time_offer", "limited_time_offer": {"text": "Expiring offer!", "has_expiration": true}},
{"type": "body", "text": "Use code CARIBE25 to get 25% off all Caribbean packages!"},
{"type": "buttons", "buttons": [{"type": "copy_code", "example": "CARIBE25"}, {"type": "url", "text": "Book now!", "url": "https://awesomedestinations.com/offers"}]}]}` (a text header).
Fails (MARKETING): `{"components": [
{"type": "header", "format": "image", "example": {"header_handle": ["4::aW..."]}},
{"type": "limited_time_offer", "limited_time_offer": {"text": "Expiring offer!!!", "has_expiration": true}},
{"type": "body", "text": "Use code CARIBE25 to get 25% off all Caribbean packages!"},
{"type": "buttons", "buttons": [{"type": "copy_code", "example": "CARIBE25"}, {"type": "url", "text": "Book now!", "url": "https://awesomedestinations.com/offers"}]}]}` (17 characters).
Fails (MARKETING): `{"components": [
{"type": "header", "format": "image", "example": {"header_handle": ["4::aW..."]}},
{"type": "limited_time_offer", "limited_time_offer": {"has_expiration": true}},
{"type": "body", "text": "Use code CARIBE25 to get 25% off all Caribbean packages!"},
{"type": "buttons", "buttons": [{"type": "copy_code", "example": "CARIBE25"}, {"type": "url", "text": "Book now!", "url": "https://awesomedestinations.com/offers"}]}]}` (no offer text).
Fails (MARKETING): `{"components": [
{"type": "header", "format": "image", "example": {"header_handle": ["4::aW..."]}},
{"type": "limited_time_offer", "limited_time_offer": {"text": " ", "has_expiration": true}},
{"type": "body", "text": "Use code CARIBE25 to get 25% off all Caribbean packages!"},
{"type": "buttons", "buttons": [{"type": "copy_code", "example": "CARIBE25"}, {"type": "url", "text": "Book now!", "url": "https://awesomedestinations.com/offers"}]}]}` (an empty offer text).
Fails (MARKETING): `{"components": [
{"type": "header", "format": "image", "example": {"header_handle": ["4::aW..."]}},
{"type": "limited_time_offer", "limited_time_offer": {"text": "Expiring offer!", "has_expiration": true}},
{"type": "body", "text": "Use code CARIBE25 to get 25% off all Caribbean packages!"},
{"type": "buttons", "buttons": [{"type": "copy_code", "example": "CARIBE25"}]}]}` (no URL button).
Passes (MARKETING): `{"components": [
{"type": "header", "format": "image", "example": {"header_handle": ["4::aW..."]}},
{"type": "limited_time_offer", "limited_time_offer": {"text": "Expiring offer!", "has_expiration": true}},
{"type": "body", "text": "Use code CARIBE25 to get 25% off all Caribbean packages!"},
{"type": "buttons", "buttons": [{"type": "copy_code", "example": "CARIBE25"}, {"type": "url", "text": "Book now!", "url": "https://awesomedestinations.com/offers"}]}]}` (Meta's sample, without its placeholders).
Passes (MARKETING): `{"components": [
{"type": "limited_time_offer", "limited_time_offer": {"text": "Sale ends Sunday"}},
{"type": "body", "text": "Use code CARIBE25 to get 25% off all Caribbean packages!"},
{"type": "buttons", "buttons": [{"type": "url", "text": "Book now!", "url": "https://awesomedestinations.com/offers"}]}]}` (16 characters, no header, no copy code button).
Passes (MARKETING): `{"components": [
{"type": "header", "format": "video", "example": {"header_handle": ["4::dm..."]}},
{"type": "limited_time_offer", "limited_time_offer": {"text": "Expiring offer!", "has_expiration": true}},
{"type": "body", "text": "Use code CARIBE25 to get 25% off all Caribbean packages!"},
{"type": "buttons", "buttons": [{"type": "copy_code", "example": "CARIBE25"}, {"type": "url", "text": "Book now!", "url": "https://awesomedestinations.com/offers"}]}]}` (a video header).
"#
    ),
    check,
};

const TEXT_LIMIT: usize = 16;

fn check<'a>(cx: &Context<'a>, out: &mut Reporter<'a>) {
    let t = cx.template;
    let Some(offer) = t.component(ComponentKind::LimitedTimeOffer) else {
        return;
    };
    let lto = |r: Report<'a>| r.component(ComponentKind::LimitedTimeOffer);
    if let (Some(category), Some(text)) = (cx.declared_category(), &t.category) {
        if category != Category::Marketing {
            out.report(lto(Report::text(
                text,
                0..text.value.len(),
                Msg::new(
                    format!("a limited-time offer can only be sent in a MARKETING template, not {}", category.as_str()),
                    format!("ограниченное предложение можно отправить только в шаблоне MARKETING, а не {}", category.as_str()),
                ),
            )));
        }
    }
    for footer in t.components_of(ComponentKind::Footer) {
        out.report(
            lto(Report::node(
                footer.path.clone(),
                footer.span.clone(),
                Msg::new(
                    "a limited-time-offer template cannot have a footer",
                    "в шаблоне с ограниченным предложением не может быть подписи (футера)",
                ),
            ))
            .help(Msg::new(
                "remove the footer; put an opt-out in a quick reply or in the body",
                "уберите подпись; способ отписаться дайте кнопкой быстрого ответа или в тексте",
            )),
        );
    }
    for header in t.components_of(ComponentKind::Header) {
        let Some(format) = &header.format else {
            continue; // `media-header` reports the missing format
        };
        let f = format.value.to_ascii_uppercase();
        if f != "IMAGE" && f != "VIDEO" && super::unknown_type::known_header_format(&f) {
            out.report(lto(Report::text(
                format,
                0..format.value.len(),
                Msg::new(
                    format!("a limited-time-offer template's header is IMAGE or VIDEO, not {f}"),
                    format!(
                        "заголовок шаблона с ограниченным предложением — IMAGE или VIDEO, а не {f}"
                    ),
                ),
            )));
        }
    }
    match &offer.offer_text {
        None => {
            // At the `limited_time_offer` object if there is one, else at the component.
            let (path, span) = match &offer.offer_span {
                Some(span) => (
                    crate::template::join_path(&offer.path, "limited_time_offer"),
                    Some(span.clone()),
                ),
                None => (offer.path.clone(), offer.span.clone()),
            };
            out.report(lto(Report::node(
                path,
                span,
                Msg::new(
                    "the limited-time offer needs `limited_time_offer.text`: the offer in at most 16 characters",
                    "ограниченному предложению нужен `limited_time_offer.text` — суть предложения, до 16 символов",
                ),
            ))
            .help(Msg::new(
                "add \"limited_time_offer\": {\"text\": \"Expiring offer!\", \"has_expiration\": true}",
                "добавьте \"limited_time_offer\": {\"text\": \"Успейте!\", \"has_expiration\": true}",
            )));
        }
        Some(text) if text.value.trim().is_empty() => out.report(lto(Report::text(
            text,
            0..text.value.len(),
            Msg::new(
                "the limited-time offer text is empty",
                "текст ограниченного предложения пуст",
            ),
        ))),
        Some(text) => {
            if let Some((len, range)) = excess_str(&text.value, TEXT_LIMIT) {
                out.report(lto(Report::text(
                    text,
                    range,
                    Msg::new(
                        format!(
                            "the offer text is {len} {} long; Meta's limit is {TEXT_LIMIT}",
                            plural_en(len, "character", "characters")
                        ),
                        format!(
                            "длина текста предложения {len} {}; лимит Meta: {TEXT_LIMIT}",
                            plural_ru(len, "символ", "символа", "символов")
                        ),
                    ),
                )));
            }
        }
    }
    if !t.buttons().iter().any(|b| b.kind == ButtonKind::Url) {
        let (path, span) = t.component(ComponentKind::Buttons).map_or_else(
            || (offer.path.clone(), offer.span.clone()),
            |c| (c.path.clone(), c.span.clone()),
        );
        out.report(lto(Report::node(
            path,
            span,
            Msg::new(
                "a limited-time-offer template needs a URL button (a copy code button is optional)",
                "шаблону с ограниченным предложением нужна кнопка-ссылка (кнопка копирования кода — по желанию)",
            ),
        )));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::*;

    /// An offer template around `offer` (the `limited_time_offer` object) with `extra`
    /// components after the buttons.
    fn offer(category: &str, offer: &str, buttons: &str, extra: &str) -> String {
        format!(
            r#"{{"name": "t", "language": "en_US", "category": "{category}", "components": [
              {{"type": "header", "format": "image", "example": {{"header_handle": ["4::aW..."]}}}},
              {{"type": "limited_time_offer", "limited_time_offer": {offer}}},
              {{"type": "body", "text": "Use code CARIBE25 for 25% off."}},
              {{"type": "buttons", "buttons": [{buttons}]}}{extra}]}}"#
        )
    }

    const BUTTONS: &str = r#"{"type": "copy_code", "example": "CARIBE25"}, {"type": "url", "text": "Book now!", "url": "https://a.com/offers"}"#;
    const TEXT: &str = r#"{"text": "Expiring offer!", "has_expiration": true}"#;

    #[test]
    fn passes() {
        assert_passes(
            &RULE,
            &[
                &offer("marketing", TEXT, BUTTONS, ""),
                // 16 characters exactly; a URL button alone.
                &offer(
                    "MARKETING",
                    r#"{"text": "Sixteen chars ok"}"#,
                    r#"{"type": "URL", "text": "Go", "url": "https://a.com"}"#,
                    "",
                ),
                &with_body(
                    "UTILITY",
                    "No offer here.",
                    r#"{"type": "FOOTER", "text": "f"}"#,
                ),
            ],
        );
    }

    #[test]
    fn fails() {
        assert_fails(
            &RULE,
            &[
                (&offer("UTILITY", TEXT, BUTTONS, ""), &["UTILITY"]),
                (
                    &offer(
                        "MARKETING",
                        TEXT,
                        BUTTONS,
                        r#", {"type": "footer", "text": "Stop: reply STOP"}"#,
                    ),
                    &["components[4]"],
                ),
                // 17 characters: the last one is over.
                (
                    &offer("MARKETING", r#"{"text": "Expiring offer!!!"}"#, BUTTONS, ""),
                    &["!"],
                ),
                (
                    &offer("MARKETING", r#"{"has_expiration": true}"#, BUTTONS, ""),
                    &["components[1].limited_time_offer"],
                ),
                (&offer("MARKETING", r#"{"text": " "}"#, BUTTONS, ""), &[" "]),
                (
                    &offer(
                        "MARKETING",
                        TEXT,
                        r#"{"type": "copy_code", "example": "CARIBE25"}"#,
                        "",
                    ),
                    &["components[3]"],
                ),
                (
                    &offer("MARKETING", TEXT, BUTTONS, "")
                        .replace(r#""format": "image""#, r#""format": "TEXT", "text": "Hi""#),
                    &["TEXT"],
                ),
            ],
        );
    }

    #[test]
    fn an_offer_without_buttons_or_object_is_reported_on_the_component() {
        let json = with_body("MARKETING", "Body.", r#"{"type": "LIMITED_TIME_OFFER"}"#);
        assert_eq!(flagged(&RULE, &json), ["components[1]", "components[1]"]);
    }
}
