use super::{excess, Context, Reporter, Rule};
use crate::diagnostic::{Report, Severity};
use crate::l10n::{plural_en, plural_ru, Msg};
use crate::moderation::RejectionReason::InvalidFormat;
use crate::moderation::{ErrorEffect, FixKind, Risk};
use crate::template::{ButtonKind, Category, Component, ComponentKind};

pub static RULE: Rule = Rule {
    id: "product-message",
    default_severity: Severity::Error,
    on_error: ErrorEffect::Reject(InvalidFormat),
    on_warning: Risk::review(-0.5, InvalidFormat),
    fix: FixKind::None,
    summary: (
        "A catalog, multi-product or single-product template outside MARKETING, or without the header its button needs",
        "Шаблон каталога или товаров не в MARKETING или без заголовка, который нужен его кнопке",
    ),
    docs: rule_docs!(
        r#"# product-message

## What it checks
Templates that show products from the business's catalog (not carousels: `carousel-cards`
checks product cards):
- a `CATALOG`, `MPM` or `SPM` button, or a `PRODUCT` header, only in a `MARKETING` template;
- a multi-product (`MPM`) template has a `TEXT` header;
- a single-product template has both halves: a `PRODUCT` header and an `SPM` button (the header
  shows the product the message is sent with, the View button opens it);
- the body of a single-product template is at most **160** characters (warning).

## Why
Meta's catalog templates page: "Catalog templates are marketing templates". The MPM templates
page: "MPM templates are marketing templates"; "MPM templates must have the following
components: a single header component, a single body component, a single footer component
(optional), a single MPM button component", the header being text (at most 60 characters, one
variable). The single-product (SPM) page: "SPM templates are marketing templates that allow you
to present a single product from your ecommerce catalog, accompanied by a product image, product
title, and product price (all pulled from your product within your catalog), along with
customizable body text, optional footer text, and an interactive **View** button"; its request
syntax is a `product` header and an `spm` button, and the product is sent in the header's
parameters (`{"type": "product", "product": {"product_retailer_id", "catalog_id"}}`): without
the header there is no product to view, without the button no way to open it. Its body,
`<CARD_BODY_TEXT>`, is "Maximum 160 characters". That is the only figure Meta gives for SPM
bodies, and its name suggests it was copied from the carousel page: a warning, not an error.

## Examples
Fails (UTILITY): `{"components": [
{"type": "BODY", "text": "Now shop for your favorite products right here on WhatsApp!"},
{"type": "BUTTONS", "buttons": [{"type": "CATALOG", "text": "View catalog"}]}]}`.
Fails (UTILITY): `{"components": [
{"type": "HEADER", "format": "PRODUCT"},
{"type": "BODY", "text": "Your succulent is back in stock."},
{"type": "BUTTONS", "buttons": [{"type": "SPM", "text": "View"}]}]}`.
Fails (MARKETING): `{"components": [
{"type": "BODY", "text": "Looks like you left these items in your cart."},
{"type": "BUTTONS", "buttons": [{"type": "MPM", "text": "View items"}]}]}` (no header).
Fails (MARKETING): `{"components": [
{"type": "HEADER", "format": "IMAGE", "example": {"header_handle": ["4::aW..."]}},
{"type": "BODY", "text": "Looks like you left these items in your cart."},
{"type": "BUTTONS", "buttons": [{"type": "MPM", "text": "View items"}]}]}` (an image header).
Fails (MARKETING): `{"components": [
{"type": "HEADER", "format": "PRODUCT"},
{"type": "BODY", "text": "Our newest succulent is here!"},
{"type": "BUTTONS", "buttons": [{"type": "URL", "text": "Buy", "url": "https://luckyshrub.com/shop"}]}]}` (no SPM button).
Fails (MARKETING): `{"components": [
{"type": "BODY", "text": "Our newest succulent is here!"},
{"type": "BUTTONS", "buttons": [{"type": "SPM", "text": "View"}]}]}` (no product header).
Warns (MARKETING): `{"components": [
{"type": "HEADER", "format": "PRODUCT"},
{"type": "BODY", "text": "Use code 15OFF to get 15% off our newest succulent, the Blue Elf: a rare echeveria that turns pink in the sun. Order today and it ships tomorrow, in its own pot."},
{"type": "BUTTONS", "buttons": [{"type": "SPM", "text": "View"}]}]}` (161 characters).
Passes (MARKETING): `{"components": [
{"type": "HEADER", "format": "PRODUCT"},
{"type": "BODY", "text": "Use code 15OFF to get 15% off our newest succulent!"},
{"type": "FOOTER", "text": "Offer ends September 22"},
{"type": "BUTTONS", "buttons": [{"type": "SPM", "text": "View"}]}]}` (as in Meta's sample).
Passes (MARKETING): `{"components": [
{"type": "HEADER", "format": "PRODUCT"},
{"type": "BODY", "text": "Use code 15OFF to get 15% off our newest succulent, the Blue Elf: a rare echeveria that turns pink in the sun. Order today and it ships tomorrow in its own pot."},
{"type": "BUTTONS", "buttons": [{"type": "SPM", "text": "View"}]}]}` (160 characters).
Passes (MARKETING): `{"components": [
{"type": "HEADER", "format": "TEXT", "text": "Forget something?"},
{"type": "BODY", "text": "Looks like you left these items in your cart, still interested?"},
{"type": "BUTTONS", "buttons": [{"type": "MPM", "text": "View items"}]}]}`.
Passes (MARKETING): `{"components": [
{"type": "BODY", "text": "Now shop for your favorite products right here on WhatsApp!"},
{"type": "FOOTER", "text": "Best grocery deals on WhatsApp!"},
{"type": "BUTTONS", "buttons": [{"type": "CATALOG", "text": "View catalog"}]}]}`.
Passes: `{"components": [
{"type": "BODY", "text": "Now shop for your favorite products right here on WhatsApp!"},
{"type": "BUTTONS", "buttons": [{"type": "CATALOG", "text": "View catalog"}]}]}` (a draft without a category).
"#
    ),
    check,
};

const SPM_BODY_LIMIT: usize = 160;

fn check<'a>(cx: &Context<'a>, out: &mut Reporter<'a>) {
    let t = cx.template;
    let buttons = t
        .components_of(ComponentKind::Buttons)
        .flat_map(|c| &c.buttons);
    let header = t.component(ComponentKind::Header);
    let header_format = header
        .and_then(|h| h.format.as_ref())
        .map(|f| f.value.to_ascii_uppercase());
    let product_header = header_format.as_deref() == Some("PRODUCT");
    // The first button that shows catalog products, described for the category message.
    let mut shows_products = None;
    let mut mpm = None;
    let mut spm = None;
    for b in buttons {
        let what = match b.kind {
            ButtonKind::Catalog => ("a CATALOG button", "кнопка CATALOG"),
            ButtonKind::Mpm => ("an MPM button", "кнопка MPM"),
            ButtonKind::Spm => ("an SPM button", "кнопка SPM"),
            _ => continue,
        };
        shows_products = shows_products.or(Some(what));
        match b.kind {
            ButtonKind::Mpm => mpm = mpm.or(Some(b)),
            ButtonKind::Spm => spm = spm.or(Some(b)),
            _ => {}
        }
    }
    if product_header {
        shows_products = shows_products.or(Some(("a PRODUCT header", "заголовок PRODUCT")));
    }
    if let (Some(what), Some(category), Some(text)) =
        (shows_products, cx.declared_category(), &t.category)
    {
        if category != Category::Marketing {
            out.report(Report::text(
                text,
                0..text.value.len(),
                Msg::new(
                    format!("templates that show products from the catalog are MARKETING templates; this one has {} and is {}", what.0, category.as_str()),
                    format!("шаблоны с товарами из каталога — шаблоны MARKETING; здесь {}, а категория {}", what.1, category.as_str()),
                ),
            ));
        }
    }
    if let Some(b) = mpm {
        match (header, header_format.as_deref()) {
            (None, _) => out.report(
                Report::node(
                    b.path.clone(),
                    b.span.clone(),
                    Msg::new(
                        "a multi-product (MPM) template needs a TEXT header",
                        "шаблону с несколькими товарами (MPM) нужен текстовый заголовок",
                    ),
                )
                .component(ComponentKind::Buttons)
                .help(Msg::new(
                    "add {\"type\": \"HEADER\", \"format\": \"TEXT\", \"text\": \"…\"}",
                    "добавьте {\"type\": \"HEADER\", \"format\": \"TEXT\", \"text\": \"…\"}",
                )),
            ),
            (Some(h), Some(f)) if f != "TEXT" => out.report(on_format(
                h,
                format!("a multi-product (MPM) template's header is TEXT, not {f}"),
                format!("заголовок шаблона с несколькими товарами (MPM) — TEXT, а не {f}"),
            )),
            _ => {}
        }
    }
    if let (true, None, Some(h)) = (product_header, spm, header) {
        out.report(on_format(
            h,
            "a PRODUCT header needs an SPM (View) button: it opens the product the message is sent with".into(),
            "заголовку PRODUCT нужна кнопка SPM («Посмотреть»): она открывает товар, с которым отправлено сообщение".into(),
        ));
    }
    if let (Some(b), false) = (spm, product_header) {
        out.report(
            Report::node(
                b.path.clone(),
                b.span.clone(),
                Msg::new(
                    "an SPM (View) button needs a PRODUCT header: it shows the product the button opens",
                    "кнопке SPM («Посмотреть») нужен заголовок PRODUCT: он показывает товар, который она открывает",
                ),
            )
            .component(ComponentKind::Buttons)
            .help(Msg::new(
                "add {\"type\": \"HEADER\", \"format\": \"PRODUCT\"}",
                "добавьте {\"type\": \"HEADER\", \"format\": \"PRODUCT\"}",
            )),
        );
    }
    if let (true, Some(body)) = (product_header, cx.body()) {
        if let Some((len, range)) = excess(body, SPM_BODY_LIMIT) {
            out.report(
                Report::text(
                    body.text,
                    range,
                    Msg::new(
                        format!("the body is {len} {} long; Meta's single-product page gives {SPM_BODY_LIMIT} as the maximum", plural_en(len, "character", "characters")),
                        format!("длина текста {len} {}; страница Meta о шаблонах с одним товаром указывает максимум {SPM_BODY_LIMIT}", plural_ru(len, "символ", "символа", "символов")),
                    ),
                )
                .severity(Severity::Warning)
                .component(ComponentKind::Body),
            );
        }
    }
}

fn on_format<'a>(h: &'a Component, en: String, ru: String) -> Report<'a> {
    let report = match &h.format {
        Some(f) => Report::text(f, 0..f.value.len(), Msg::new(en, ru)),
        None => Report::node(h.path.clone(), h.span.clone(), Msg::new(en, ru)),
    };
    report.component(ComponentKind::Header)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::*;

    fn spm(category: &str, body: &str, buttons: &str) -> String {
        with_body(
            category,
            body,
            &format!(
                r#"{{"type": "HEADER", "format": "product"}}, {{"type": "BUTTONS", "buttons": [{buttons}]}}"#
            ),
        )
    }

    const VIEW: &str = r#"{"type": "spm", "text": "View"}"#;

    #[test]
    fn passes() {
        assert_passes(
            &RULE,
            &[
                &spm("marketing", &"x".repeat(160), VIEW),
                &with_body(
                    "MARKETING",
                    "Looks like you left these items in your cart.",
                    r#"{"type": "HEADER", "format": "TEXT", "text": "Forget something?"}, {"type": "BUTTONS", "buttons": [{"type": "MPM", "text": "View items"}]}"#,
                ),
                &with_body(
                    "MARKETING",
                    "Now shop for your favorite products right here on WhatsApp!",
                    r#"{"type": "BUTTONS", "buttons": [{"type": "CATALOG", "text": "View catalog"}]}"#,
                ),
                // A draft without a category yet.
                r#"{"components": [{"type": "BODY", "text": "Shop"}, {"type": "BUTTONS", "buttons": [{"type": "CATALOG", "text": "View catalog"}]}]}"#,
            ],
        );
    }

    #[test]
    fn fails() {
        assert_fails(
            &RULE,
            &[
                (&spm("UTILITY", "Your item.", VIEW), &["UTILITY"]),
                (
                    &with_body(
                        "UTILITY",
                        "Browse.",
                        r#"{"type": "BUTTONS", "buttons": [{"type": "CATALOG", "text": "View catalog"}]}"#,
                    ),
                    &["UTILITY"],
                ),
                (
                    &with_body(
                        "MARKETING",
                        "Your cart.",
                        r#"{"type": "BUTTONS", "buttons": [{"type": "MPM", "text": "View items"}]}"#,
                    ),
                    &["components[1].buttons[0]"],
                ),
                (
                    &with_body(
                        "MARKETING",
                        "Your cart.",
                        r#"{"type": "HEADER", "format": "IMAGE", "example": {"header_handle": ["4::x"]}}, {"type": "BUTTONS", "buttons": [{"type": "MPM", "text": "View items"}]}"#,
                    ),
                    &["IMAGE"],
                ),
                (
                    &spm(
                        "MARKETING",
                        "See it.",
                        r#"{"type": "URL", "text": "Buy", "url": "https://shop.com"}"#,
                    ),
                    &["product"],
                ),
                (
                    &with_body(
                        "MARKETING",
                        "See it.",
                        r#"{"type": "BUTTONS", "buttons": [{"type": "SPM", "text": "View"}]}"#,
                    ),
                    &["components[1].buttons[0]"],
                ),
                // 161 characters: the last one is over.
                (
                    &spm("MARKETING", &format!("{}!", "x".repeat(160)), VIEW),
                    &["!"],
                ),
            ],
        );
    }

    #[test]
    fn a_long_single_product_body_is_only_a_warning() {
        let d = run(&RULE, &spm("MARKETING", &"x".repeat(161), VIEW));
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].severity, Severity::Warning);
    }
}
