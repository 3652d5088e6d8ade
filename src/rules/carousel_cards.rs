use super::{Context, Reporter, Rule};
use crate::diagnostic::{Report, Severity};
use crate::l10n::Msg;
use crate::moderation::RejectionReason::InvalidFormat;
use crate::moderation::{ErrorEffect, FixKind, Risk};
use crate::template::{ButtonKind, Card, Category, Component, ComponentKind};

pub static RULE: Rule = Rule {
    id: "carousel-cards",
    default_severity: Severity::Error,
    on_error: ErrorEffect::Reject(InvalidFormat),
    on_warning: Risk::review(-0.5, InvalidFormat),
    fix: FixKind::None,
    summary: (
        "A carousel outside MARKETING, with fewer than 2 or more than 10 cards, or cards that differ",
        "Карусель не в MARKETING, с числом карточек не от 2 до 10 или с разными карточками",
    ),
    docs: rule_docs!(
        r#"# carousel-cards

## What it checks
A template with a `CAROUSEL` component:
- is a `MARKETING` template;
- has **2 to 10** cards;
- every card has the same components as the first: the same header format, a body on all
  cards or on none, the same buttons (as many of each type);
- media cards (`IMAGE` or `VIDEO` header) have only quick reply, phone number and URL buttons;
- product cards (`PRODUCT` header) have exactly one button, an `SPM` (View) or a `URL` one, and
  no body (warning); a product carousel defines two cards (more is a warning: two approved
  cards can be sent as up to ten);
- cards hold only a header, a body and buttons, and the template around the carousel only a
  body (warnings: nothing else is in Meta's carousel syntax).

Per-card limits checked by other rules: the card header (`media-header`), at most 2 buttons per
card (`button-count`), a card body of at most 160 characters (`body-too-long`), button labels
and URLs (`button-*`).

## Why
Meta's media card carousel page: "Carousel templates allow you to send a single **marketing
template** message accompanied by a set of up to 10 product media cards"; "Each card in the
template has an image or video header asset and can optionally include a body text and up to
two buttons. Button combinations can be a mix of quick reply buttons, phone number buttons, and
URL buttons." "All cards defined on a template must have the same components." "Define the
exact number of product cards (minimum 2, maximum 10) when you create the template." "If any
card in the carousel includes a card body text, then all cards must include a card body text to
ensure consistent card heights." "Note that carousel cards are only available for marketing
template messages." The product card carousel page: cards are "composed of message body text, a
product image, product title, product price, and a single View button or URL button. All cards
defined on a template must have the same components." "Define only two product cards when you
create the template. An approved template with two product cards can be used to send up to 10
cards in a template message." Its card syntax is a `product` header and one `spm` or `url`
button. No Meta page limits quick replies per card: two quick replies on a card are valid.

## Examples
Fails: `{"type": "carousel", "cards": [
{"components": [{"type": "header", "format": "image", "example": {"header_handle": ["4::an..."]}}, {"type": "buttons", "buttons": [{"type": "quick_reply", "text": "More like this"}, {"type": "url", "text": "Shop", "url": "https://luckyshrub.com/shop"}]}]}]}` (1 card).
Fails (UTILITY): `{"type": "carousel", "cards": [
{"components": [{"type": "header", "format": "image", "example": {"header_handle": ["4::an..."]}}, {"type": "buttons", "buttons": [{"type": "quick_reply", "text": "More like this"}, {"type": "url", "text": "Shop", "url": "https://luckyshrub.com/shop"}]}]},
{"components": [{"type": "header", "format": "image", "example": {"header_handle": ["4::an..."]}}, {"type": "buttons", "buttons": [{"type": "quick_reply", "text": "More like this"}, {"type": "url", "text": "Shop", "url": "https://luckyshrub.com/shop"}]}]}]}`.
Fails: `{"type": "carousel", "cards": [
{"components": [{"type": "header", "format": "image", "example": {"header_handle": ["4::an..."]}}, {"type": "buttons", "buttons": [{"type": "quick_reply", "text": "More like this"}, {"type": "url", "text": "Shop", "url": "https://luckyshrub.com/shop"}]}]},
{"components": [{"type": "header", "format": "image", "example": {"header_handle": ["4::an..."]}}, {"type": "buttons", "buttons": [{"type": "quick_reply", "text": "More like this"}]}]}]}` (the second card has no URL button).
Fails: `{"type": "carousel", "cards": [
{"components": [{"type": "header", "format": "image", "example": {"header_handle": ["4::an..."]}}, {"type": "body", "text": "Blue Elf"}, {"type": "buttons", "buttons": [{"type": "quick_reply", "text": "More like this"}]}]},
{"components": [{"type": "header", "format": "image", "example": {"header_handle": ["4::an..."]}}, {"type": "buttons", "buttons": [{"type": "quick_reply", "text": "More like this"}]}]}]}` (a body on the first card only).
Fails: `{"type": "carousel", "cards": [
{"components": [{"type": "header", "format": "image", "example": {"header_handle": ["4::an..."]}}, {"type": "buttons", "buttons": [{"type": "quick_reply", "text": "More like this"}]}]},
{"components": [{"type": "header", "format": "video", "example": {"header_handle": ["4::an..."]}}, {"type": "buttons", "buttons": [{"type": "quick_reply", "text": "More like this"}]}]}]}` (an image card and a video card).
Fails: `{"type": "carousel", "cards": [
{"components": [{"type": "header", "format": "image", "example": {"header_handle": ["4::an..."]}}, {"type": "buttons", "buttons": [{"type": "quick_reply", "text": "More like this"}]}]},
{"components": [{"type": "header", "format": "product"}, {"type": "buttons", "buttons": [{"type": "spm", "text": "View"}]}]}]}` (an image card and a product card).
Fails: `{"type": "carousel", "cards": [
{"components": [{"type": "header", "format": "image", "example": {"header_handle": ["4::an..."]}}, {"type": "buttons", "buttons": [{"type": "copy_code", "example": "30OFF"}]}]},
{"components": [{"type": "header", "format": "image", "example": {"header_handle": ["4::an..."]}}, {"type": "buttons", "buttons": [{"type": "copy_code", "example": "30OFF"}]}]}]}` (copy code buttons on media cards).
Fails: `{"type": "carousel", "cards": [
{"components": [{"type": "header", "format": "product"}, {"type": "buttons", "buttons": [{"type": "quick_reply", "text": "More like this"}]}]},
{"components": [{"type": "header", "format": "product"}, {"type": "buttons", "buttons": [{"type": "quick_reply", "text": "More like this"}]}]}]}` (quick replies on product cards).
Fails: `{"type": "carousel", "cards": [
{"components": [{"type": "header", "format": "product"}, {"type": "buttons", "buttons": [{"type": "spm", "text": "View"}, {"type": "url", "text": "Shop", "url": "https://luckyshrub.com/shop"}]}]},
{"components": [{"type": "header", "format": "product"}, {"type": "buttons", "buttons": [{"type": "spm", "text": "View"}, {"type": "url", "text": "Shop", "url": "https://luckyshrub.com/shop"}]}]}]}` (two buttons on product cards).
Warns: `{"type": "carousel", "cards": [
{"components": [{"type": "header", "format": "product"}, {"type": "body", "text": "Blue Elf"}, {"type": "buttons", "buttons": [{"type": "spm", "text": "View"}]}]},
{"components": [{"type": "header", "format": "product"}, {"type": "body", "text": "Blue Elf"}, {"type": "buttons", "buttons": [{"type": "spm", "text": "View"}]}]}]}` (a body on product cards).
Warns: `{"type": "carousel", "cards": [
{"components": [{"type": "header", "format": "product"}, {"type": "buttons", "buttons": [{"type": "spm", "text": "View"}]}]},
{"components": [{"type": "header", "format": "product"}, {"type": "buttons", "buttons": [{"type": "spm", "text": "View"}]}]},
{"components": [{"type": "header", "format": "product"}, {"type": "buttons", "buttons": [{"type": "spm", "text": "View"}]}]}]}` (three product cards).
Warns (MARKETING): `{"components": [{"type": "body", "text": "Rare succulents for sale!"},
{"type": "footer", "text": "Reply STOP to opt out"},
{"type": "carousel", "cards": [
{"components": [{"type": "header", "format": "image", "example": {"header_handle": ["4::an..."]}}, {"type": "buttons", "buttons": [{"type": "quick_reply", "text": "More like this"}]}]},
{"components": [{"type": "header", "format": "image", "example": {"header_handle": ["4::an..."]}}, {"type": "buttons", "buttons": [{"type": "quick_reply", "text": "More like this"}]}]}]}]}` (a footer beside the carousel).
Warns: `{"type": "carousel", "cards": [
{"components": [{"type": "header", "format": "image", "example": {"header_handle": ["4::an..."]}}, {"type": "buttons", "buttons": [{"type": "quick_reply", "text": "More like this"}]}, {"type": "footer", "text": "Lucky Shrub"}]},
{"components": [{"type": "header", "format": "image", "example": {"header_handle": ["4::an..."]}}, {"type": "buttons", "buttons": [{"type": "quick_reply", "text": "More like this"}]}, {"type": "footer", "text": "Lucky Shrub"}]}]}` (a footer on the cards).
Passes: `{"type": "carousel", "cards": [
{"components": [{"type": "header", "format": "image", "example": {"header_handle": ["4::an..."]}}, {"type": "buttons", "buttons": [{"type": "quick_reply", "text": "More like this"}, {"type": "url", "text": "Shop", "url": "https://luckyshrub.com/shop"}]}]},
{"components": [{"type": "header", "format": "image", "example": {"header_handle": ["4::an..."]}}, {"type": "buttons", "buttons": [{"type": "quick_reply", "text": "More like this"}, {"type": "url", "text": "Shop", "url": "https://luckyshrub.com/shop"}]}]},
{"components": [{"type": "header", "format": "image", "example": {"header_handle": ["4::an..."]}}, {"type": "buttons", "buttons": [{"type": "quick_reply", "text": "More like this"}, {"type": "url", "text": "Shop", "url": "https://luckyshrub.com/shop"}]}]}]}` (image cards with a quick reply and a URL button, as in Meta's sample).
Passes: `{"type": "carousel", "cards": [
{"components": [{"type": "header", "format": "product"}, {"type": "buttons", "buttons": [{"type": "spm", "text": "View"}]}]},
{"components": [{"type": "header", "format": "product"}, {"type": "buttons", "buttons": [{"type": "spm", "text": "View"}]}]}]}` (two product cards, as in Meta's sample).
Passes: `{"type": "carousel", "cards": [
{"components": [{"type": "header", "format": "product"}, {"type": "buttons", "buttons": [{"type": "url", "text": "Shop", "url": "https://luckyshrub.com/shop"}]}]},
{"components": [{"type": "header", "format": "product"}, {"type": "buttons", "buttons": [{"type": "url", "text": "Shop", "url": "https://luckyshrub.com/shop"}]}]}]}` (product cards with a URL button).
Passes: `{"type": "carousel", "cards": [
{"components": [{"type": "header", "format": "image", "example": {"header_handle": ["4::an..."]}}, {"type": "body", "text": "Blue Elf"}, {"type": "buttons", "buttons": [{"type": "quick_reply", "text": "More like this"}, {"type": "quick_reply", "text": "Not for me"}]}]},
{"components": [{"type": "header", "format": "image", "example": {"header_handle": ["4::an..."]}}, {"type": "body", "text": "Blue Elf"}, {"type": "buttons", "buttons": [{"type": "quick_reply", "text": "More like this"}, {"type": "quick_reply", "text": "Not for me"}]}]}]}` (two quick replies on a card).
Passes: `{"type": "carousel", "cards": [
{"components": [{"type": "header", "format": "image", "example": {"header_handle": ["4::an..."]}}]},
{"components": [{"type": "header", "format": "image", "example": {"header_handle": ["4::an..."]}}]},
{"components": [{"type": "header", "format": "image", "example": {"header_handle": ["4::an..."]}}]},
{"components": [{"type": "header", "format": "image", "example": {"header_handle": ["4::an..."]}}]},
{"components": [{"type": "header", "format": "image", "example": {"header_handle": ["4::an..."]}}]},
{"components": [{"type": "header", "format": "image", "example": {"header_handle": ["4::an..."]}}]},
{"components": [{"type": "header", "format": "image", "example": {"header_handle": ["4::an..."]}}]},
{"components": [{"type": "header", "format": "image", "example": {"header_handle": ["4::an..."]}}]},
{"components": [{"type": "header", "format": "image", "example": {"header_handle": ["4::an..."]}}]},
{"components": [{"type": "header", "format": "image", "example": {"header_handle": ["4::an..."]}}]}]}` (10 cards).
Fails: `{"type": "carousel", "cards": [
{"components": [{"type": "header", "format": "image", "example": {"header_handle": ["4::an..."]}}]},
{"components": [{"type": "header", "format": "image", "example": {"header_handle": ["4::an..."]}}]},
{"components": [{"type": "header", "format": "image", "example": {"header_handle": ["4::an..."]}}]},
{"components": [{"type": "header", "format": "image", "example": {"header_handle": ["4::an..."]}}]},
{"components": [{"type": "header", "format": "image", "example": {"header_handle": ["4::an..."]}}]},
{"components": [{"type": "header", "format": "image", "example": {"header_handle": ["4::an..."]}}]},
{"components": [{"type": "header", "format": "image", "example": {"header_handle": ["4::an..."]}}]},
{"components": [{"type": "header", "format": "image", "example": {"header_handle": ["4::an..."]}}]},
{"components": [{"type": "header", "format": "image", "example": {"header_handle": ["4::an..."]}}]},
{"components": [{"type": "header", "format": "image", "example": {"header_handle": ["4::an..."]}}]},
{"components": [{"type": "header", "format": "image", "example": {"header_handle": ["4::an..."]}}]}]}` (11 cards).
"#
    ),
    check,
};

const MIN_CARDS: usize = 2;
const MAX_CARDS: usize = 10;

/// What must be the same on every card.
#[derive(PartialEq)]
struct Shape {
    header: Option<String>,
    body: bool,
    /// Button types, sorted.
    buttons: Vec<&'static str>,
}

impl Shape {
    fn of(card: &Card) -> Shape {
        let header = card_component(card, ComponentKind::Header)
            .and_then(|h| h.format.as_ref())
            .map(|f| f.value.to_ascii_uppercase());
        let mut buttons: Vec<&'static str> = card_buttons(card).map(|b| b.kind.as_str()).collect();
        buttons.sort_unstable();
        Shape {
            header,
            body: card_component(card, ComponentKind::Body).is_some(),
            buttons,
        }
    }
}

fn card_component(card: &Card, kind: ComponentKind) -> Option<&Component> {
    card.components.iter().find(|c| c.kind == kind)
}

fn card_buttons(card: &Card) -> impl Iterator<Item = &crate::template::Button> {
    card.components
        .iter()
        .filter(|c| c.kind == ComponentKind::Buttons)
        .flat_map(|c| &c.buttons)
}

fn check<'a>(cx: &Context<'a>, out: &mut Reporter<'a>) {
    let t = cx.template;
    let Some(carousel) = t.component(ComponentKind::Carousel) else {
        return;
    };
    let on_carousel = |r: Report<'a>| r.component(ComponentKind::Carousel);
    if let (Some(category), Some(text)) = (cx.declared_category(), &t.category) {
        if category != Category::Marketing {
            out.report(on_carousel(Report::text(
                text,
                0..text.value.len(),
                Msg::new(
                    format!(
                        "carousels are only available in MARKETING templates, not {}",
                        category.as_str()
                    ),
                    format!(
                        "карусели доступны только в шаблонах MARKETING, а не {}",
                        category.as_str()
                    ),
                ),
            )));
        }
    }
    for c in &t.components {
        if matches!(
            c.kind,
            ComponentKind::Header | ComponentKind::Footer | ComponentKind::Buttons
        ) {
            let kind = c.kind.as_str();
            out.report(
                Report::node(
                    c.path.clone(),
                    c.span.clone(),
                    Msg::new(
                        format!("a carousel template has a body and the cards; a {kind} beside the carousel is not in Meta's carousel syntax"),
                        format!("в шаблоне-карусели есть текст и карточки; {kind} рядом с каруселью не предусмотрен синтаксисом Meta"),
                    ),
                )
                .severity(Severity::Warning)
                .component(c.kind),
            );
        }
    }
    let cards = &carousel.cards;
    if cards.len() < MIN_CARDS {
        out.report(on_carousel(Report::node(
            carousel.path.clone(),
            carousel.span.clone(),
            Msg::new(
                format!(
                    "a carousel needs {MIN_CARDS} to {MAX_CARDS} cards; this one has {}",
                    cards.len()
                ),
                format!(
                    "в карусели должно быть от {MIN_CARDS} до {MAX_CARDS} карточек, а здесь {}",
                    cards.len()
                ),
            ),
        )));
    }
    if let Some(card) = cards.get(MAX_CARDS) {
        out.report(on_carousel(Report::node(
            card.path.clone(),
            card.span.clone(),
            Msg::new(
                format!("{} cards: a carousel has at most {MAX_CARDS}", cards.len()),
                format!(
                    "карточек: {}, а в карусели их может быть не больше {MAX_CARDS}",
                    cards.len()
                ),
            ),
        )));
    }
    let Some(first) = cards.first() else { return };
    let shape = Shape::of(first);
    let product = shape.header.as_deref() == Some("PRODUCT");
    if let (true, Some(third)) = (product, cards.get(MIN_CARDS)) {
        out.report(on_carousel(
            Report::node(
                third.path.clone(),
                third.span.clone(),
                Msg::new(
                    format!("Meta asks for exactly two product cards when the template is created ({} here); once approved, it can send up to 10", cards.len()),
                    format!("при создании шаблона Meta просит ровно две карточки товаров (здесь {}); одобренный шаблон может отправлять до 10", cards.len()),
                ),
            )
            .severity(Severity::Warning),
        ));
    }
    for (i, card) in cards.iter().enumerate() {
        check_card(card, i, out);
        if i > 0 {
            compare(card, i, &Shape::of(card), &shape, out);
        }
    }
}

/// Reports how card `i` differs from the first card.
fn compare<'a>(card: &'a Card, i: usize, this: &Shape, first: &Shape, out: &mut Reporter<'a>) {
    let n = i + 1;
    let node = |en: String, ru: String| {
        Report::node(card.path.clone(), card.span.clone(), Msg::new(en, ru))
            .component(ComponentKind::Carousel)
    };
    if let (Some(a), Some(b)) = (&this.header, &first.header) {
        if a != b {
            let mixed = (a == "PRODUCT") != (b == "PRODUCT");
            let en = if mixed {
                format!("card {n}'s header is {a} and the first card's is {b}: media and product cards cannot be mixed")
            } else {
                format!("card {n}'s header is {a} and the first card's is {b}: all cards must have the same components")
            };
            let ru = if mixed {
                format!("у карточки {n} заголовок {a}, а у первой — {b}: медиакарточки и карточки товаров нельзя смешивать")
            } else {
                format!("у карточки {n} заголовок {a}, а у первой — {b}: у всех карточек должны быть одинаковые компоненты")
            };
            let header =
                card_component(card, ComponentKind::Header).and_then(|h| h.format.as_ref());
            out.report(match header {
                Some(f) => Report::text(f, 0..f.value.len(), Msg::new(en, ru))
                    .component(ComponentKind::Carousel),
                None => node(en, ru),
            });
            if mixed {
                return; // a card of the other kind: its body and buttons differ as a matter of course
            }
        }
    }
    if this.body != first.body {
        let (en, ru) = if this.body {
            (
                format!("card {n} has a body and the first card none: if one card has body text, every card must"),
                format!("у карточки {n} есть текст, а у первой нет: если текст есть у одной карточки, он нужен всем"),
            )
        } else {
            (
                format!("card {n} has no body and the first card has one: if one card has body text, every card must"),
                format!("у карточки {n} нет текста, а у первой есть: если текст есть у одной карточки, он нужен всем"),
            )
        };
        out.report(node(en, ru));
    }
    if this.buttons != first.buttons {
        let list = |b: &[&str]| {
            if b.is_empty() {
                "none".to_string()
            } else {
                b.join(", ")
            }
        };
        let list_ru = |b: &[&str]| {
            if b.is_empty() {
                "нет".to_string()
            } else {
                b.join(", ")
            }
        };
        out.report(node(
            format!(
                "card {n}'s buttons ({}) differ from the first card's ({}): all cards must have the same buttons",
                list(&this.buttons),
                list(&first.buttons)
            ),
            format!(
                "кнопки карточки {n} ({}) отличаются от кнопок первой ({}): у всех карточек должны быть одинаковые кнопки",
                list_ru(&this.buttons),
                list_ru(&first.buttons)
            ),
        ));
    }
}

/// What one card may hold, by its kind.
fn check_card<'a>(card: &'a Card, i: usize, out: &mut Reporter<'a>) {
    let n = i + 1;
    for c in &card.components {
        let extra = !matches!(
            c.kind,
            ComponentKind::Header
                | ComponentKind::Body
                | ComponentKind::Buttons
                | ComponentKind::Other
        );
        if extra {
            let kind = c.kind.as_str();
            out.report(
                Report::node(
                    c.path.clone(),
                    c.span.clone(),
                    Msg::new(
                        format!("a carousel card has a header, a body and buttons; a {kind} on card {n} is not in Meta's card syntax"),
                        format!("у карточки карусели есть заголовок, текст и кнопки; {kind} в карточке {n} не предусмотрен синтаксисом Meta"),
                    ),
                )
                .severity(Severity::Warning)
                .component(ComponentKind::Carousel),
            );
        }
    }
    let format = card_component(card, ComponentKind::Header)
        .and_then(|h| h.format.as_ref())
        .map(|f| f.value.to_ascii_uppercase());
    let product = match format.as_deref() {
        Some("PRODUCT") => true,
        Some("IMAGE" | "VIDEO") => false,
        _ => return, // `media-header` or `unknown-type` reports the header
    };
    if product {
        if let Some(body) = card_component(card, ComponentKind::Body) {
            out.report(
                Report::node(
                    body.path.clone(),
                    body.span.clone(),
                    Msg::new(
                        format!("product cards have no body in Meta's syntax (the product's title and price are shown); remove card {n}'s body"),
                        format!("у карточек товаров нет текста в синтаксисе Meta (показываются название и цена товара); уберите текст карточки {n}"),
                    ),
                )
                .severity(Severity::Warning)
                .component(ComponentKind::Carousel),
            );
        }
        let buttons: Vec<_> = card_buttons(card).collect();
        let product_button = |b: &&crate::template::Button| {
            matches!(
                b.kind,
                ButtonKind::Spm | ButtonKind::Url | ButtonKind::Other
            )
        };
        let report = |path: &str, span, en: String, ru: String| {
            Report::node(path, span, Msg::new(en, ru)).component(ComponentKind::Carousel)
        };
        if buttons.len() != 1 {
            let (path, span) = buttons
                .get(1)
                .map_or((&card.path, &card.span), |b| (&b.path, &b.span));
            out.report(report(
                path,
                span.clone(),
                format!("a product card has exactly one button, SPM (View) or URL; card {n} has {}", buttons.len()),
                format!("у карточки товара ровно одна кнопка, SPM («Посмотреть») или URL; у карточки {n} их {}", buttons.len()),
            ));
        }
        for b in buttons.iter().filter(|b| !product_button(b)) {
            out.report(report(
                &b.path,
                b.span.clone(),
                format!(
                    "a product card's button is SPM (View) or URL, not {}",
                    b.kind.as_str()
                ),
                format!(
                    "кнопка карточки товара — SPM («Посмотреть») или URL, а не {}",
                    b.kind.as_str()
                ),
            ));
        }
        return;
    }
    for b in card_buttons(card) {
        let allowed = matches!(
            b.kind,
            ButtonKind::QuickReply | ButtonKind::PhoneNumber | ButtonKind::Url | ButtonKind::Other
        );
        if let (false, Some(t)) = (allowed, &b.type_text) {
            out.report(
                Report::text(
                    t,
                    0..t.value.len(),
                    Msg::new(
                        format!(
                            "media card buttons are quick replies, phone numbers and URLs, not {}",
                            b.kind.as_str()
                        ),
                        format!(
                            "кнопки медиакарточки — быстрые ответы, телефоны и ссылки, а не {}",
                            b.kind.as_str()
                        ),
                    ),
                )
                .component(ComponentKind::Carousel),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::*;

    const IMAGE: &str =
        r#"{"type": "header", "format": "image", "example": {"header_handle": ["4::an..."]}}"#;
    const PRODUCT: &str = r#"{"type": "header", "format": "product"}"#;
    const QR: &str = r#"{"type": "quick_reply", "text": "More like this"}"#;
    const URL: &str =
        r#"{"type": "url", "text": "Shop", "url": "https://a.com/{{1}}", "example": ["X"]}"#;
    const VIEW: &str = r#"{"type": "spm", "text": "View"}"#;

    fn card(header: &str, body: Option<&str>, buttons: &[&str]) -> String {
        let body = body.map_or(String::new(), |b| {
            format!(r#", {{"type": "body", "text": "{b}"}}"#)
        });
        format!(
            r#"{{"components": [{header}{body}, {{"type": "buttons", "buttons": [{}]}}]}}"#,
            buttons.join(", ")
        )
    }

    fn carousel(category: &str, cards: &[String]) -> String {
        with_body(
            category,
            "Rare succulents for sale!",
            &format!(r#"{{"type": "carousel", "cards": [{}]}}"#, cards.join(", ")),
        )
    }

    fn media(n: usize) -> Vec<String> {
        vec![card(IMAGE, None, &[QR, URL]); n]
    }

    #[test]
    fn passes() {
        assert_passes(
            &RULE,
            &[
                &carousel("marketing", &media(2)),
                &carousel("MARKETING", &media(10)),
                &carousel("MARKETING", &vec![card(PRODUCT, None, &[VIEW]); 2]),
                &carousel("MARKETING", &vec![card(PRODUCT, None, &[URL]); 2]),
                // Two quick replies on a card: no Meta page limits them.
                &carousel("MARKETING", &vec![card(IMAGE, Some("Card"), &[QR, QR]); 3]),
            ],
        );
    }

    #[test]
    fn fails() {
        let mut mixed = media(2);
        mixed[1] = card(PRODUCT, None, &[VIEW]);
        let mut buttons_differ = media(2);
        buttons_differ[1] = card(IMAGE, None, &[QR]);
        let mut one_body = media(2);
        one_body[0] = card(IMAGE, Some("Only here"), &[QR, URL]);
        let mut video = media(2);
        video[1] = video[1].replace(r#""format": "image""#, r#""format": "VIDEO""#);
        assert_fails(
            &RULE,
            &[
                (&carousel("MARKETING", &media(1)), &["components[1]"]),
                (
                    &carousel("MARKETING", &media(11)),
                    &["components[1].cards[10]"],
                ),
                (&carousel("MARKETING", &[]), &["components[1]"]),
                (&carousel("UTILITY", &media(2)), &["UTILITY"]),
                (&carousel("MARKETING", &mixed), &["product"]),
                (&carousel("MARKETING", &video), &["VIDEO"]),
                (
                    &carousel("MARKETING", &buttons_differ),
                    &["components[1].cards[1]"],
                ),
                (
                    &carousel("MARKETING", &one_body),
                    &["components[1].cards[1]"],
                ),
                (
                    &carousel("MARKETING", &vec![card(PRODUCT, None, &[QR]); 2]),
                    &[
                        "components[1].cards[0].components[1].buttons[0]",
                        "components[1].cards[1].components[1].buttons[0]",
                    ],
                ),
                (
                    &carousel("MARKETING", &vec![card(PRODUCT, None, &[VIEW, URL]); 2]),
                    &[
                        "components[1].cards[0].components[1].buttons[1]",
                        "components[1].cards[1].components[1].buttons[1]",
                    ],
                ),
                (
                    &carousel(
                        "MARKETING",
                        &vec![card(IMAGE, None, &[r#"{"type": "COPY_CODE", "example": "X"}"#]); 2],
                    ),
                    &["COPY_CODE", "COPY_CODE"],
                ),
            ],
        );
    }

    #[test]
    fn what_is_outside_meta_syntax_is_a_warning() {
        let product_body = carousel("MARKETING", &vec![card(PRODUCT, Some("Hi"), &[VIEW]); 2]);
        let three_products = carousel("MARKETING", &vec![card(PRODUCT, None, &[VIEW]); 3]);
        let footer = carousel("MARKETING", &media(2)).replace(
            r#"{"type": "carousel""#,
            r#"{"type": "FOOTER", "text": "Reply STOP to opt out"}, {"type": "carousel""#,
        );
        let card_footer = carousel(
            "MARKETING",
            &vec![
                card(IMAGE, None, &[QR]).replace(
                    r#"{"components": ["#,
                    r#"{"components": [{"type": "footer", "text": "f"}, "#
                );
                2
            ],
        );
        for (json, count) in [
            (product_body, 2),
            (three_products, 1),
            (footer, 1),
            (card_footer, 2),
        ] {
            let d = run(&RULE, &json);
            assert_eq!(d.len(), count, "{json}: {d:#?}");
            assert!(d.iter().all(|d| d.severity == Severity::Warning), "{d:#?}");
        }
    }
}
