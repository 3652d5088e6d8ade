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
- `format` is one of `TEXT`, `IMAGE`, `VIDEO`, `DOCUMENT`, `LOCATION`, `GIF`;
- a `TEXT` header has `text`;
- an `IMAGE`, `VIDEO`, `DOCUMENT` or `GIF` header has a sample in `example.header_handle`, and
  the sample is an upload handle (`4::…`); a web address there is what GET responses return,
  but a submission needs the handle (info);
- a `LOCATION` header is used only in `UTILITY` or `MARKETING` templates, and media headers
  never in `AUTHENTICATION` templates;
- `GIF` headers only in `MARKETING` templates (warning: the Marketing Messages API only);
- carousel cards have an `IMAGE` or `VIDEO` header.

## Why
Meta's components reference: media headers need `example.header_handle` from the Resumable
Upload API, and the sample is reviewed; location headers are for utility and marketing
templates; GIF headers are for the Marketing Messages API; authentication templates allow no
media (template categorization: "URLs, media, and emojis are not allowed"). Twilio lists "media
header without sample" among rejection causes. The seed article (TextBack, `004:150`) adds that
the media type is fixed at submission and the file must be attached at every send.

## Examples
Fails: `{"type": "HEADER", "format": "IMAGE"}` (no sample); `{"type": "HEADER", "format": "PHOTO"}`.
Passes: `{"type": "HEADER", "format": "IMAGE", "example": {"header_handle": ["4::aW1hZ2U=..."]}}`.
"#
    ),
    check,
};

fn check<'a>(cx: &Context<'a>, out: &mut Reporter<'a>) {
    let category = cx.category();
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
                            "each carousel card needs an IMAGE or VIDEO header",
                            "каждой карточке карусели нужен заголовок IMAGE или VIDEO",
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
            "the header has no `format` (TEXT, IMAGE, VIDEO, DOCUMENT, LOCATION or GIF)".into(),
            "у заголовка не указан `format` (TEXT, IMAGE, VIDEO, DOCUMENT, LOCATION или GIF)"
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
    match f.as_str() {
        "TEXT" | "IMAGE" | "VIDEO" | "DOCUMENT" | "LOCATION" | "GIF" => {}
        _ => {
            out.report(on_format(
                format!("unknown header format \"{}\"; use TEXT, IMAGE, VIDEO, DOCUMENT, LOCATION or GIF", format.value),
                format!("неизвестный формат заголовка \"{}\"; допустимы TEXT, IMAGE, VIDEO, DOCUMENT, LOCATION, GIF", format.value),
                Severity::Error,
            ));
            return;
        }
    }
    if in_card && f != "IMAGE" && f != "VIDEO" {
        out.report(on_format(
            format!("carousel card headers must be IMAGE or VIDEO, not {f}"),
            format!("заголовок карточки карусели должен быть IMAGE или VIDEO, а не {f}"),
            Severity::Error,
        ));
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
                    &header("MARKETING", r#"{"type": "HEADER", "format": "PHOTO"}"#),
                    &["PHOTO"],
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
