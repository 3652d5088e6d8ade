use super::{Context, Reporter, Rule};
use crate::diagnostic::{Report, Severity};
use crate::l10n::Msg;
use crate::moderation::RejectionReason::InvalidFormat;
use crate::moderation::{ErrorEffect, FixKind, Risk};
use crate::template::{Category, Component, ComponentKind};

pub static RULE: Rule = Rule {
    id: "media-header",
    default_severity: Severity::Error,
    on_error: ErrorEffect::Reject(InvalidFormat),
    on_warning: Risk::review(-0.5, InvalidFormat),
    fix: FixKind::None,
    summary: (
        "The header format is missing or invalid, or a media header has no sample",
        "Формат заголовка не указан или неверен, либо у медиазаголовка нет образца",
    ),
    docs: rule_docs!(
        r#"# media-header

## What it checks
For every `HEADER` (and every carousel card header):
- it has a `format` (a format walint does not know is reported by `unknown-type`, as a
  warning);
- a `TEXT` header has `text`;
- an `IMAGE`, `VIDEO`, `DOCUMENT` or `GIF` header has a sample in `example.header_handle`, and
  the sample is an upload handle (`4::…`); a web address there is what GET responses return,
  but a submission needs the handle (info);
- a `LOCATION` header is used only in `UTILITY` or `MARKETING` templates, and media headers
  never in `AUTHENTICATION` templates;
- `GIF` headers only in `MARKETING` templates (warning: the Marketing Messages API only);
- carousel cards have an `IMAGE` or `VIDEO` header (media cards) or a `PRODUCT` header
  (product cards);
- a `PRODUCT` header needs no sample: the product is chosen from the catalog at send time (its
  category and button are checked by `product-message` and `carousel-cards`).

## Why
Meta's components reference: media headers need `example.header_handle` from the Resumable
Upload API, and the sample is reviewed; location headers are for utility and marketing
templates; GIF headers are for the Marketing Messages API; authentication templates allow no
media (template categorization: "URLs, media, and emojis are not allowed"). Twilio lists "media
header without sample" among rejection causes. The seed article (TextBack, `004:150`) adds that
the media type is fixed at submission and the file must be attached at every send.
Product headers: the single-product page prints `{"type": "header", "format": "product"}` with
no `example`, and sends the product as `{"type": "product", "product": {"product_retailer_id",
"catalog_id"}}`; the product card carousel page gives every card the same header.

## Examples
Fails: `{"type": "HEADER", "text": "Your order"}` (no format).
Fails: `{"type": "HEADER", "format": "TEXT"}` (no text).
Fails: `{"type": "HEADER", "format": "IMAGE"}` (no sample).
Fails (AUTHENTICATION): `{"type": "HEADER", "format": "LOCATION"}`.
Fails (AUTHENTICATION): `{"type": "HEADER", "format": "IMAGE", "example": {"header_handle": ["4::aW1hZ2U=..."]}}`.
Fails: `{"type": "CAROUSEL", "cards": [
{"components": [{"type": "HEADER", "format": "IMAGE", "example": {"header_handle": ["4::aW1hZ2U=..."]}}]},
{"components": [{"type": "HEADER", "format": "DOCUMENT", "example": {"header_handle": ["4::ZG9j..."]}}]}]}` (a document card).
Fails: `{"type": "CAROUSEL", "cards": [
{"components": [{"type": "HEADER", "format": "IMAGE", "example": {"header_handle": ["4::aW1hZ2U=..."]}}]},
{"components": [{"type": "BODY", "text": "Blue Elf"}]}]}` (a card without a header).
Warns (UTILITY): `{"type": "HEADER", "format": "GIF", "example": {"header_handle": ["4::Z2lm..."]}}`.
Info: `{"type": "HEADER", "format": "VIDEO", "example": {"header_handle": ["https://cdn.shop.ru/v.mp4"]}}` (a web address).
Passes: `{"type": "HEADER", "format": "IMAGE", "example": {"header_handle": ["4::aW1hZ2U=..."]}}`.
Passes: `{"type": "HEADER", "format": "DOCUMENT", "example": {"header_handle": ["4::YX..."]}}`.
Passes: `{"type": "HEADER", "format": "TEXT", "text": "Your order"}`.
Passes (UTILITY): `{"type": "HEADER", "format": "LOCATION"}`.
Passes (MARKETING): `{"type": "HEADER", "format": "GIF", "example": {"header_handle": ["4::Z2lm..."]}}`.
Passes: `{"type": "HEADER", "format": "PRODUCT"}` (no sample needed).
Passes: `{"type": "HEADER", "format": "PHOTO"}` (unknown: `unknown-type` warns).
Passes: `{"type": "CAROUSEL", "cards": [
{"components": [{"type": "HEADER", "format": "VIDEO", "example": {"header_handle": ["4::dmlk..."]}}]},
{"components": [{"type": "HEADER", "format": "VIDEO", "example": {"header_handle": ["4::dmlk..."]}}]}]}`.
"#
    ),
    check,
};

fn check<'a>(cx: &Context<'a>, out: &mut Reporter<'a>) {
    let category = cx.declared_category();
    for h in cx.template.components_of(ComponentKind::Header) {
        check_header(h, category, false, out);
    }
    for carousel in cx.template.components_of(ComponentKind::Carousel) {
        for card in &carousel.cards {
            match card
                .components
                .iter()
                .find(|c| c.kind == ComponentKind::Header)
            {
                Some(h) => check_header(h, category, true, out),
                None => out.report(
                    Report::node(
                        card.path.clone(),
                        card.span.clone(),
                        Msg::new(
                            "each carousel card needs a header: IMAGE or VIDEO (media cards) or PRODUCT (product cards)",
                            "каждой карточке карусели нужен заголовок: IMAGE или VIDEO (медиакарточки) либо PRODUCT (карточки товаров)",
                        ),
                    )
                    .component(ComponentKind::Carousel),
                ),
            }
        }
    }
}

fn check_header<'a>(
    h: &'a Component,
    category: Option<Category>,
    in_card: bool,
    out: &mut Reporter<'a>,
) {
    let node = |en: String, ru: String| {
        Report::node(h.path.clone(), h.span.clone(), Msg::new(en, ru))
            .component(ComponentKind::Header)
    };
    let Some(format) = &h.format else {
        out.report(node(
            "the header has no `format` (TEXT, IMAGE, VIDEO, DOCUMENT, LOCATION, GIF or PRODUCT)"
                .into(),
            "у заголовка не указан `format` (TEXT, IMAGE, VIDEO, DOCUMENT, LOCATION, GIF или PRODUCT)"
                .into(),
        ));
        return;
    };
    let f = format.value.to_ascii_uppercase();
    let on_format = |en: String, ru: String, sev: Severity| {
        Report::text(format, 0..format.value.len(), Msg::new(en, ru))
            .component(ComponentKind::Header)
            .severity(sev)
    };
    if !super::unknown_type::known_header_format(&f) {
        return; // `unknown-type` says walint cannot judge it
    }
    if in_card && !matches!(f.as_str(), "IMAGE" | "VIDEO" | "PRODUCT") {
        out.report(on_format(
            format!("carousel card headers must be IMAGE or VIDEO (media cards) or PRODUCT (product cards), not {f}"),
            format!("заголовок карточки карусели должен быть IMAGE или VIDEO (медиакарточки) либо PRODUCT (карточки товаров), а не {f}"),
            Severity::Error,
        ));
    }
    if f == "PRODUCT" {
        return; // the product comes from the catalog at send time; nothing to sample
    }
    if f == "TEXT" {
        if h.text.as_ref().is_none_or(|t| t.value.trim().is_empty()) {
            out.report(node(
                "a TEXT header needs `text`".into(),
                "текстовому заголовку нужен `text`".into(),
            ));
        }
        return;
    }
    if category == Some(Category::Authentication) {
        out.report(on_format(
            format!("AUTHENTICATION templates cannot have a {f} header"),
            format!("в шаблоне AUTHENTICATION не может быть заголовка {f}"),
            Severity::Error,
        ));
    }
    if f == "LOCATION" {
        return; // the location is supplied at send time; nothing to sample
    }
    if f == "GIF" && category.is_some_and(|c| c != Category::Marketing) {
        out.report(on_format(
            "GIF headers are available only to MARKETING templates (Marketing Messages API)".into(),
            "заголовки GIF доступны только шаблонам MARKETING (Marketing Messages API)".into(),
            Severity::Warning,
        ));
    }
    let handles = h
        .example
        .as_ref()
        .map(|e| e.header_handle.as_slice())
        .unwrap_or_default();
    match handles.first() {
        None => out.report(
            node(
                format!("a {f} header needs a sample: `example.header_handle` with an upload handle"),
                format!("заголовку {f} нужен образец: `example.header_handle` с идентификатором загрузки"),
            )
            .help(Msg::new(
                "upload the sample file with the Resumable Upload API and put the returned handle (4::…) in example.header_handle",
                "загрузите образец через Resumable Upload API и укажите полученный идентификатор (4::…) в example.header_handle",
            )),
        ),
        Some(handle) if handle.value.starts_with("http://") || handle.value.starts_with("https://") => out.report(
            Report::text(
                handle,
                0..handle.value.len(),
                Msg::new(
                    "header_handle should be an upload handle from the Resumable Upload API (4::…), not a web address",
                    "в header_handle нужен идентификатор загрузки из Resumable Upload API (4::…), а не веб-адрес",
                ),
            )
            .severity(Severity::Info)
            .component(ComponentKind::Header),
        ),
        Some(_) => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::*;

    fn header(category: &str, header: &str) -> String {
        with_body(category, "Body.", header)
    }

    #[test]
    fn passes() {
        assert_passes(
            &RULE,
            &[
                &header(
                    "MARKETING",
                    r#"{"type": "HEADER", "format": "IMAGE", "example": {"header_handle": ["4::aW1hZ2U="]}}"#,
                ),
                &header(
                    "UTILITY",
                    r#"{"type": "HEADER", "format": "TEXT", "text": "Заказ"}"#,
                ),
                &header("UTILITY", r#"{"type": "HEADER", "format": "LOCATION"}"#),
                &header("MARKETING", r#"{"type": "HEADER", "format": "product"}"#),
                // An unknown format is `unknown-type`'s warning, not an error here.
                &header("MARKETING", r#"{"type": "HEADER", "format": "PHOTO"}"#),
                &with_body(
                    "MARKETING",
                    "Body.",
                    r#"{"type": "CAROUSEL", "cards": [{"components": [{"type": "HEADER", "format": "PRODUCT"}]}, {"components": [{"type": "HEADER", "format": "video", "example": {"header_handle": ["4::x"]}}]}]}"#,
                ),
            ],
        );
    }

    #[test]
    fn fails() {
        assert_fails(
            &RULE,
            &[
                (
                    &header("MARKETING", r#"{"type": "HEADER", "format": "IMAGE"}"#),
                    &["components[1]"],
                ),
                (
                    &with_body(
                        "MARKETING",
                        "Body.",
                        r#"{"type": "CAROUSEL", "cards": [{"components": [{"type": "HEADER", "format": "DOCUMENT", "example": {"header_handle": ["4::x"]}}]}, {"components": [{"type": "BODY", "text": "x"}]}]}"#,
                    ),
                    &["DOCUMENT", "components[1].cards[1]"],
                ),
                (
                    &header("MARKETING", r#"{"type": "HEADER", "text": "x"}"#),
                    &["components[1]"],
                ),
                (
                    &header("MARKETING", r#"{"type": "HEADER", "format": "TEXT"}"#),
                    &["components[1]"],
                ),
                (
                    &header(
                        "AUTHENTICATION",
                        r#"{"type": "HEADER", "format": "LOCATION"}"#,
                    ),
                    &["LOCATION"],
                ),
                (
                    &header(
                        "MARKETING",
                        r#"{"type": "HEADER", "format": "VIDEO", "example": {"header_handle": ["https://cdn.shop.ru/v.mp4"]}}"#,
                    ),
                    &["https://cdn.shop.ru/v.mp4"],
                ),
                (
                    &header(
                        "UTILITY",
                        r#"{"type": "HEADER", "format": "GIF", "example": {"header_handle": ["4::x"]}}"#,
                    ),
                    &["GIF"],
                ),
            ],
        );
    }
}
