use super::{Context, Reporter, Role, Rule};
use crate::diagnostic::{Report, Severity};
use crate::domain::hosts;
use crate::moderation::RejectionReason::InvalidFormat;
use crate::moderation::{ErrorEffect, FixKind, Risk};

pub static RULE: Rule = Rule {
    id: "whatsapp-link",
    default_severity: Severity::Error,
    on_error: ErrorEffect::Reject(InvalidFormat),
    on_warning: Risk::review(-0.5, InvalidFormat),
    fix: FixKind::None,
    summary: (
        "A link to WhatsApp itself (wa.me, whatsapp.com)",
        "Ссылка на сам WhatsApp (wa.me, whatsapp.com)",
    ),
    docs: rule_docs!(
        r#"# whatsapp-link

## What it checks
Links to `wa.me`, `api.whatsapp.com`, `chat.whatsapp.com`, `whatsapp.com` and their
subdomains: an error in a URL button, a warning anywhere else in the template.

## Why
WhatsApp Manager blocks buttons that link directly to WhatsApp
(`BUTTONS_DIRECT_LINK_TO_WHATSAPP`, via `HSMUrlUtils.isWhatsAppDomainUrl`), and integrators
report that Meta "no longer allows" wa.me links in call-to-action buttons. In the body such a
link is not blocked by the editor, but a click-to-chat link inside a chat the user is already in
looks like a redirect to someone else's chat, a common scam pattern. Note that the seeds'
«короткая ссылка» is WhatsApp's click-to-chat feature, not a URL shortener.

## Examples
Fails: `{"type": "URL", "text": "Написать", "url": "https://wa.me/79161234567"}`.
Warns: `Напишите нам: wa.me/79161234567`.
Passes: `Контакты: https://shop.ru/contacts`.
"#
    ),
    check,
};

fn check<'a>(cx: &Context<'a>, out: &mut Reporter<'a>) {
    // An OTP button as a GET response shows it (`https://www.whatsapp.com/otp/code/…`) is Meta's own.
    for field in cx
        .fields
        .iter()
        .filter(|f| f.button_kind != Some(crate::template::ButtonKind::Otp))
    {
        for link in &field.facts.links {
            if !hosts::is_whatsapp(&link.hostname) {
                continue;
            }
            let in_button = field.role == Role::ButtonUrl;
            let severity = if in_button {
                Severity::Error
            } else {
                Severity::Warning
            };
            out.report_with(Some(severity), || {
                Report::text(
                field.text,
                link.range(),
                if in_button {
                    cx.msg(
                        || "buttons cannot link to WhatsApp itself; link to your own site",
                        || "кнопки не могут вести на сам WhatsApp; укажите ссылку на свой сайт",
                    )
                } else {
                    cx.msg(
                        || "a link to WhatsApp inside a WhatsApp message looks like a redirect to another chat",
                        || "ссылка на WhatsApp внутри сообщения WhatsApp выглядит как переход в чужой чат",
                    )
                },
            )
            .severity(severity)
            .component(field.component)
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::*;

    fn url_button(url: &str) -> String {
        with_body(
            "UTILITY",
            "Body.",
            &format!(
                r#"{{"type": "BUTTONS", "buttons": [{{"type": "URL", "text": "Go", "url": "{url}"}}]}}"#
            ),
        )
    }

    #[test]
    fn passes() {
        assert_passes(
            &RULE,
            &[
                &url_button("https://shop.ru/contacts"),
                "Посетите notwhatsapp.com.ru или whatsapp-shop.ru",
            ],
        );
    }

    #[test]
    fn fails() {
        assert_fails(
            &RULE,
            &[
                (
                    &url_button("https://wa.me/79161234567"),
                    &["https://wa.me/79161234567"],
                ),
                (
                    &url_button("https://api.whatsapp.com/send?phone=1"),
                    &["https://api.whatsapp.com/send?phone=1"],
                ),
                (
                    "Напишите нам: wa.me/79161234567 или chat.whatsapp.com/AbC",
                    &["wa.me/79161234567", "chat.whatsapp.com/AbC"],
                ),
            ],
        );
        assert_eq!(
            run(&RULE, &url_button("https://wa.me/1"))[0].severity,
            Severity::Error
        );
        assert_eq!(run(&RULE, "see wa.me/1 now")[0].severity, Severity::Warning);
    }
}
