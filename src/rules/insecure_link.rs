use super::{Context, Reporter, Rule};
use crate::diagnostic::{EditSpec, Report, Severity};
use crate::domain;
use crate::moderation::RejectionReason::Scam;
use crate::moderation::{ErrorEffect, FixKind, Risk};

pub static RULE: Rule = Rule {
    id: "insecure-link",
    default_severity: Severity::Warning,
    on_error: ErrorEffect::Reject(Scam),
    on_warning: Risk::review(-0.4, Scam),
    fix: FixKind::Sometimes,
    summary: (
        "A link over plain http://, or to a bare IP address",
        "Ссылка по незащищённому http:// или на IP-адрес",
    ),
    docs: rule_docs!(
        r#"# insecure-link

## What it checks
- links with the `http://` scheme (warning, with a fix to `https://`);
- links whose host is an IP address (`http://185.12.4.7/pay`), also a warning: the corpus has
  approved templates with such links, so Meta does not reject them outright, but recipients
  read them as phishing.

## Why
Plain http links can be intercepted and modern browsers mark them "Not secure", which recipients
read as a scam sign. A bare IP address instead of a domain is what phishing kits use; Meta's
review rejects scam-like content (`SCAM`), and recipients report such messages.

## Examples
Warns: `Отследить: http://romashka-shop.ru/track`; `Оплата: https://192.168.10.4/pay`.
Passes: `Отследить: https://romashka-shop.ru/track`.
Fixes: `Отследить: http://romashka-shop.ru/track` → `Отследить: https://romashka-shop.ru/track`.
"#
    ),
    check,
};

fn check<'a>(cx: &Context<'a>, out: &mut Reporter<'a>) {
    for field in &cx.fields {
        for link in &field.facts.links {
            let host = &field.text.value[link.host.clone()];
            if domain::is_ip(host) {
                out.report_with(Some(Severity::Warning), || {
                    Report::text(
                        field.text,
                        link.range.clone(),
                        cx.msg(
                            || {
                                format!(
                                    "the link goes to a bare IP address ({host}); use your domain"
                                )
                            },
                            || format!("ссылка ведёт на IP-адрес ({host}); используйте свой домен"),
                        ),
                    )
                    .severity(Severity::Warning)
                    .component(field.component)
                });
            } else if link.scheme.as_deref() == Some("http") {
                let scheme = link.range.start..link.range.start + 4;
                out.report_with(None, || {
                    Report::text(
                        field.text,
                        link.range.clone(),
                        cx.msg(
                            || "the link uses http://, not https://",
                            || "ссылка использует http://, а не https://",
                        ),
                    )
                    .component(field.component)
                    .fix(
                        cx.msg(|| "use https://", || "заменить на https://"),
                        vec![EditSpec::Replace {
                            text: field.text,
                            range: scheme,
                            replacement: "https".into(),
                        }],
                    )
                });
            }
        }
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
                "https://romashka-shop.ru/track",
                "www.shop.ru",
                "shop.ru/x",
                "Track it at https://shop.example.com/t",
            ],
        );
    }

    #[test]
    fn fails() {
        assert_fails(
            &RULE,
            &[
                (
                    "Трек: http://romashka-shop.ru/track",
                    &["http://romashka-shop.ru/track"],
                ),
                (
                    "Оплата: https://192.168.10.4/pay",
                    &["https://192.168.10.4/pay"],
                ),
                (
                    "Pay your invoice at http://pay.example.com/inv",
                    &["http://pay.example.com/inv"],
                ),
            ],
        );
        let d = run(&RULE, "HTTP://shop.ru");
        let crate::Edit::Replace { text, range, .. } = &d[0].fix.as_ref().unwrap().edits[0] else {
            panic!()
        };
        assert_eq!((text.as_str(), range.start, range.end), ("https", 0, 4));
    }
}
