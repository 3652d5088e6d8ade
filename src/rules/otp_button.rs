use super::{excess_str, Context, Reporter, Rule};
use crate::diagnostic::{Report, Severity};
use crate::l10n::{plural_en, plural_ru, Msg};
use crate::moderation::RejectionReason::InvalidFormat;
use crate::moderation::{ErrorEffect, FixKind, Risk};
use crate::template::{Button, ButtonKind, ComponentKind};
use crate::text::Text;

pub static RULE: Rule = Rule {
    id: "otp-button",
    default_severity: Severity::Error,
    on_error: ErrorEffect::Reject(InvalidFormat),
    on_warning: Risk::review(-0.5, InvalidFormat),
    fix: FixKind::None,
    summary: (
        "A one-tap or zero-tap button names no app or a malformed one, or zero-tap terms are not accepted",
        "Кнопка one-tap или zero-tap не указывает приложение или указывает его с ошибкой, или не приняты условия zero-tap",
    ),
    docs: rule_docs!(
        r#"# otp-button

## What it checks
Every `OTP` button whose `otp_type` is `ONE_TAP` or `ZERO_TAP` (the autofill buttons, which hand
the code to an Android app):
- names at least one app, in `supported_apps` (or in the older `package_name` /
  `signature_hash` pair on the button, which is a warning: deprecated since Graph API v21.0);
- at most **5** apps, and no app (package name and signature hash) twice;
- each `package_name`: at least two segments separated by dots, each starting with a letter,
  only letters, digits and `_`, at most **224** characters;
- each `signature_hash`: exactly **11** characters of `A–Z a–z 0–9 + / =`;
- a `ZERO_TAP` button has `"zero_tap_terms_accepted": true`;
- `autofill_text` is at most **25** characters (the button's `text` is checked by
  `button-text-too-long`).

`COPY_CODE` buttons copy the code and name no app; `supported_apps` on them is ignored. Which
`otp_type` values exist and where an OTP button may be is checked by `button-type`.

## Why
Meta's one-tap and zero-tap authentication template pages (November 2025): `<PACKAGE_NAME>`
"**Required.** … The string must have at least two segments (one or more dots), and each
segment must start with a letter. All characters must be alphanumeric or an underscore
[a-zA-Z0-9_]. … Maximum 224 characters."; `<SIGNATURE_HASH>` "All characters must be
alphanumeric, `+`, `/` or `=` (`a-zA-Z0-9+/=`). … Must be exactly 11 characters."; "The
`supported_apps` array allows you to define pairs of app package names and signing key hashes
for up to 5 apps."; `zero_tap_terms_accepted` "**Required.** Set to `true` to indicate that you
understand that your use of zero-tap authentication is subject to the WhatsApp Business Terms of
Service … If set to `false`, the template will **not** be created"; `autofill_text` "Maximum 25
characters". The button-level pair: "if you are using Graph API version 20.0 or older and have
only one app … this is not recommended, since this method will no longer be supported from
version 21.0" (Meta's own one-tap example still uses it). WhatsApp Manager blocks the same
mistakes: `INVALID_PACKAGE_NAME`, `INVALID_SIGNATURE_HASH`, `INVALID_SIGNATURE_HASH_LENGTH`,
`DUPLICATE_SUPPORTED_APP`, `FLAG_NOT_CHECKED`.

## Examples
Fails (AUTHENTICATION): `{"type": "OTP", "otp_type": "ONE_TAP"}` (no app).
Fails (AUTHENTICATION): `{"type": "OTP", "otp_type": "ONE_TAP", "supported_apps": [{"package_name": "com.example.luckyshrub", "signature_hash": "K8a/AINcGX"}]}` (10 characters).
Fails (AUTHENTICATION): `{"type": "OTP", "otp_type": "ONE_TAP", "supported_apps": [{"package_name": "com.example.luckyshrub", "signature_hash": "K8a/AINcGX77"}]}` (12 characters).
Fails (AUTHENTICATION): `{"type": "OTP", "otp_type": "ONE_TAP", "supported_apps": [{"package_name": "com.example.luckyshrub", "signature_hash": "K8a-AINcGX7"}]}` (a `-`).
Fails (AUTHENTICATION): `{"type": "OTP", "otp_type": "ONE_TAP", "supported_apps": [{"package_name": "com.example.luckyshrub"}]}` (no signature hash).
Fails (AUTHENTICATION): `{"type": "OTP", "otp_type": "ONE_TAP", "supported_apps": [{"package_name": "luckyshrub", "signature_hash": "K8a/AINcGX7"}]}` (one segment).
Fails (AUTHENTICATION): `{"type": "OTP", "otp_type": "ONE_TAP", "supported_apps": [{"package_name": "com.1shrub.app", "signature_hash": "K8a/AINcGX7"}]}` (a segment starts with a digit).
Fails (AUTHENTICATION): `{"type": "OTP", "otp_type": "ONE_TAP", "supported_apps": [{"package_name": "com.lucky-shrub", "signature_hash": "K8a/AINcGX7"}]}` (a `-`).
Fails (AUTHENTICATION): `{"type": "OTP", "otp_type": "ONE_TAP", "supported_apps": [{"package_name": "com..app", "signature_hash": "K8a/AINcGX7"}]}` (an empty segment).
Fails (AUTHENTICATION): `{"type": "OTP", "otp_type": "ONE_TAP", "supported_apps": [{"package_name": "com.luckyshrub.luckyshrub.luckyshrub.luckyshrub.luckyshrub.luckyshrub.luckyshrub.luckyshrub.luckyshrub.luckyshrub.luckyshrub.luckyshrub.luckyshrub.luckyshrub.luckyshrub.luckyshrub.luckyshrub.luckyshrub.luckyshrub.luckyshrubxx", "signature_hash": "K8a/AINcGX7"}]}` (225 characters).
Fails (AUTHENTICATION): `{"type": "OTP", "otp_type": "ONE_TAP", "supported_apps": [
{"package_name": "com.example.app1", "signature_hash": "K8a/AINcGX7"},
{"package_name": "com.example.app2", "signature_hash": "K8a/AINcGX7"},
{"package_name": "com.example.app3", "signature_hash": "K8a/AINcGX7"},
{"package_name": "com.example.app4", "signature_hash": "K8a/AINcGX7"},
{"package_name": "com.example.app5", "signature_hash": "K8a/AINcGX7"},
{"package_name": "com.example.app6", "signature_hash": "K8a/AINcGX7"}]}` (six apps).
Fails (AUTHENTICATION): `{"type": "OTP", "otp_type": "ONE_TAP", "supported_apps": [{"package_name": "com.example.luckyshrub", "signature_hash": "K8a/AINcGX7"}, {"package_name": "com.example.luckyshrub", "signature_hash": "K8a/AINcGX7"}]}` (the same app twice).
Fails (AUTHENTICATION): `{"type": "OTP", "otp_type": "ZERO_TAP", "supported_apps": [{"package_name": "com.example.luckyshrub", "signature_hash": "K8a/AINcGX7"}]}` (terms not accepted).
Fails (AUTHENTICATION): `{"type": "OTP", "otp_type": "ZERO_TAP", "zero_tap_terms_accepted": false, "supported_apps": [{"package_name": "com.example.luckyshrub", "signature_hash": "K8a/AINcGX7"}]}` (terms refused).
Fails (AUTHENTICATION): `{"type": "OTP", "otp_type": "ONE_TAP", "autofill_text": "Autofill my code, please!!", "supported_apps": [{"package_name": "com.example.luckyshrub", "signature_hash": "K8a/AINcGX7"}]}` (26 characters).
Warns (AUTHENTICATION): `{"type": "OTP", "otp_type": "ONE_TAP", "text": "Copy Code", "autofill_text": "Autofill", "package_name": "com.example.luckyshrub", "signature_hash": "K8a/AINcGX7"}` (the pair on the button, deprecated).
Passes (AUTHENTICATION): `{"type": "OTP", "otp_type": "ZERO_TAP", "text": "Copy Code", "autofill_text": "Autofill", "zero_tap_terms_accepted": true, "supported_apps": [{"package_name": "com.example.luckyshrub", "signature_hash": "K8a/AINcGX7"}]}` (Meta's zero-tap sample).
Passes (AUTHENTICATION): `{"type": "OTP", "otp_type": "ONE_TAP", "supported_apps": [
{"package_name": "com.example.app1", "signature_hash": "K8a/AINcGX7"},
{"package_name": "com.example.app2", "signature_hash": "K8a/AINcGX7"},
{"package_name": "com.example.app3", "signature_hash": "K8a/AINcGX7"},
{"package_name": "com.example.app4", "signature_hash": "K8a/AINcGX7"},
{"package_name": "com.example.app5", "signature_hash": "K8a/AINcGX7"}]}` (five apps).
Passes (AUTHENTICATION): `{"type": "OTP", "otp_type": "ONE_TAP", "supported_apps": [{"package_name": "com.luckyshrub.luckyshrub.luckyshrub.luckyshrub.luckyshrub.luckyshrub.luckyshrub.luckyshrub.luckyshrub.luckyshrub.luckyshrub.luckyshrub.luckyshrub.luckyshrub.luckyshrub.luckyshrub.luckyshrub.luckyshrub.luckyshrub.luckyshrubx", "signature_hash": "K8a/AINcGX7"}]}` (224 characters).
Passes (AUTHENTICATION): `{"type": "OTP", "otp_type": "ONE_TAP", "autofill_text": "Autofill my code, please!", "supported_apps": [{"package_name": "com.example.luckyshrub", "signature_hash": "K8a/AINcGX7"}]}` (25 characters).
Passes (AUTHENTICATION): `{"type": "OTP", "otp_type": "COPY_CODE", "text": "Copy Code"}` (a copy code button names no app).
"#
    ),
    check,
};

const MAX_APPS: usize = 5;
const PACKAGE_NAME_LIMIT: usize = 224;
const SIGNATURE_HASH_LENGTH: usize = 11;
const LABEL_LIMIT: usize = 25;

fn check<'a>(cx: &Context<'a>, out: &mut Reporter<'a>) {
    let buttons = cx
        .template
        .components_of(ComponentKind::Buttons)
        .flat_map(|c| &c.buttons)
        .filter(|b| b.kind == ButtonKind::Otp);
    for b in buttons {
        let otp_type = b.otp_type.as_ref().map(|t| t.value.to_ascii_uppercase());
        match otp_type.as_deref() {
            Some("ONE_TAP") => check_apps(b, out),
            Some("ZERO_TAP") => {
                check_apps(b, out);
                if b.zero_tap_terms_accepted != Some(true) {
                    out.report(node(
                        b,
                        "a ZERO_TAP button needs \"zero_tap_terms_accepted\": true; without it Meta does not create the template".into(),
                        "кнопке ZERO_TAP нужен \"zero_tap_terms_accepted\": true; без него Meta не создаст шаблон".into(),
                    )
                    .help(Msg::new(
                        "read WhatsApp's terms for zero-tap authentication, then set \"zero_tap_terms_accepted\": true",
                        "прочитайте условия WhatsApp для zero-tap, затем укажите \"zero_tap_terms_accepted\": true",
                    )));
                }
            }
            _ => continue,
        }
        if let Some(label) = &b.autofill_text {
            if let Some((len, range)) = excess_str(&label.value, LABEL_LIMIT) {
                out.report(
                    Report::text(
                        label,
                        range,
                        Msg::new(
                            format!(
                                "autofill_text is {len} {} long; Meta's limit is {LABEL_LIMIT}",
                                plural_en(len, "character", "characters")
                            ),
                            format!(
                                "длина autofill_text {len} {}; лимит Meta: {LABEL_LIMIT}",
                                plural_ru(len, "символ", "символа", "символов")
                            ),
                        ),
                    )
                    .component(ComponentKind::Buttons),
                );
            }
        }
    }
}

fn node<'a>(b: &'a Button, en: String, ru: String) -> Report<'a> {
    Report::node(b.path.clone(), b.span.clone(), Msg::new(en, ru)).component(ComponentKind::Buttons)
}

/// One app a button names: from `supported_apps`, or the older pair on the button.
struct App<'a> {
    path: &'a str,
    span: Option<crate::json::Span>,
    package_name: Option<&'a Text>,
    signature_hash: Option<&'a Text>,
}

fn check_apps<'a>(b: &'a Button, out: &mut Reporter<'a>) {
    let mut apps: Vec<App<'a>> = b
        .supported_apps
        .iter()
        .map(|a| App {
            path: &a.path,
            span: a.span.clone(),
            package_name: a.package_name.as_ref(),
            signature_hash: a.signature_hash.as_ref(),
        })
        .collect();
    if b.package_name.is_some() || b.signature_hash.is_some() {
        out.report(
            node(
                b,
                "package_name and signature_hash on the button are deprecated (not supported from Graph API v21.0); list the app in supported_apps".into(),
                "package_name и signature_hash прямо в кнопке устарели (не поддерживаются с Graph API v21.0); укажите приложение в supported_apps".into(),
            )
            .severity(Severity::Warning)
            .help(Msg::new(
                "write \"supported_apps\": [{\"package_name\": \"…\", \"signature_hash\": \"…\"}]",
                "запишите \"supported_apps\": [{\"package_name\": \"…\", \"signature_hash\": \"…\"}]",
            )),
        );
        apps.push(App {
            path: &b.path,
            span: b.span.clone(),
            package_name: b.package_name.as_ref(),
            signature_hash: b.signature_hash.as_ref(),
        });
    }
    if apps.is_empty() {
        out.report(
            node(
                b,
                "a one-tap or zero-tap button needs the app that receives the code: supported_apps with its package_name and signature_hash".into(),
                "кнопке one-tap или zero-tap нужно приложение, которое получит код: supported_apps с package_name и signature_hash".into(),
            ),
        );
        return;
    }
    for (i, app) in apps.iter().enumerate() {
        check_app(app, out);
        if i == MAX_APPS {
            out.report(
                Report::node(
                    app.path.to_string(),
                    app.span.clone(),
                    Msg::new(
                        format!("{} apps: Meta allows at most {MAX_APPS}", apps.len()),
                        format!(
                            "приложений: {}, а Meta допускает не больше {MAX_APPS}",
                            apps.len()
                        ),
                    ),
                )
                .component(ComponentKind::Buttons),
            );
        }
        let same = |a: &App<'_>| {
            let value = |t: Option<&Text>| t.map(|t| t.value.clone());
            value(a.package_name) == value(app.package_name)
                && value(a.signature_hash) == value(app.signature_hash)
        };
        if apps[..i].iter().any(same) {
            out.report(
                Report::node(
                    app.path.to_string(),
                    app.span.clone(),
                    Msg::new(
                        "this app (package name and signature hash) is listed twice",
                        "это приложение (имя пакета и хеш подписи) указано дважды",
                    ),
                )
                .component(ComponentKind::Buttons),
            );
        }
    }
}

fn check_app<'a>(app: &App<'a>, out: &mut Reporter<'a>) {
    let missing = |key: &str| {
        Report::node(
            app.path.to_string(),
            app.span.clone(),
            Msg::new(
                format!("the app has no {key}"),
                format!("у приложения не указан {key}"),
            ),
        )
        .component(ComponentKind::Buttons)
    };
    let wrong = |text: &'a Text, en: String, ru: String| {
        Report::text(text, 0..text.value.len(), Msg::new(en, ru)).component(ComponentKind::Buttons)
    };
    match app.package_name {
        None => out.report(missing("package_name")),
        Some(name) => {
            if let Some((en, ru)) = package_name_problem(&name.value) {
                out.report(wrong(
                    name,
                    format!("invalid package name: {en}"),
                    format!("неверное имя пакета: {ru}"),
                ));
            }
        }
    }
    match app.signature_hash {
        None => out.report(missing("signature_hash")),
        Some(hash) => {
            if let Some((en, ru)) = signature_hash_problem(&hash.value) {
                out.report(wrong(
                    hash,
                    format!("invalid signature hash: {en}"),
                    format!("неверный хеш подписи: {ru}"),
                ));
            }
        }
    }
}

/// What is wrong with an Android application ID, if anything (English, Russian).
fn package_name_problem(name: &str) -> Option<(String, String)> {
    let len = crate::text::utf16_len(name);
    if len > PACKAGE_NAME_LIMIT {
        return Some((
            format!("{len} characters, at most {PACKAGE_NAME_LIMIT} are allowed"),
            format!("{len} символов, а допускается не больше {PACKAGE_NAME_LIMIT}"),
        ));
    }
    if let Some(c) = name
        .chars()
        .find(|&c| !(c.is_ascii_alphanumeric() || c == '_' || c == '.'))
    {
        return Some((
            format!("“{c}” is not allowed; use only letters, digits, _ and dots between segments"),
            format!("символ «{c}» недопустим: только латинские буквы, цифры, _ и точки между сегментами"),
        ));
    }
    let segments: Vec<&str> = name.split('.').collect();
    if segments.len() < 2 {
        return Some((
            "it needs at least two segments separated by a dot (com.example.app)".into(),
            "нужно не меньше двух сегментов через точку (com.example.app)".into(),
        ));
    }
    if segments.iter().any(|s| s.is_empty()) {
        return Some((
            "it has an empty segment (two dots in a row, or a dot at an end)".into(),
            "в нём пустой сегмент (две точки подряд или точка в начале или конце)".into(),
        ));
    }
    if let Some(s) = segments
        .iter()
        .find(|s| !s.starts_with(|c: char| c.is_ascii_alphabetic()))
    {
        return Some((
            format!("every segment must start with a letter, “{s}” does not"),
            format!("каждый сегмент должен начинаться с буквы, а «{s}» — нет"),
        ));
    }
    None
}

/// What is wrong with an app signing key hash, if anything (English, Russian).
fn signature_hash_problem(hash: &str) -> Option<(String, String)> {
    if let Some(c) = hash
        .chars()
        .find(|&c| !(c.is_ascii_alphanumeric() || matches!(c, '+' | '/' | '=')))
    {
        return Some((
            format!("“{c}” is not allowed; use only letters, digits, +, / and ="),
            format!("символ «{c}» недопустим: только латинские буквы, цифры, +, / и ="),
        ));
    }
    let len = hash.len();
    (len != SIGNATURE_HASH_LENGTH).then(|| {
        (
            format!("it must be exactly {SIGNATURE_HASH_LENGTH} characters, this one has {len}"),
            format!("нужно ровно {SIGNATURE_HASH_LENGTH} символов, а здесь {len}"),
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::*;

    const APP: &str =
        r#"{"package_name": "com.example.luckyshrub", "signature_hash": "K8a/AINcGX7"}"#;

    fn otp(otp_type: &str, fields: &str) -> String {
        format!(
            r#"{{"name": "t", "language": "en_US", "category": "authentication", "components": [
              {{"type": "body", "add_security_recommendation": true}},
              {{"type": "buttons", "buttons": [{{"type": "otp", "otp_type": "{otp_type}"{fields}}}]}}]}}"#
        )
    }

    fn apps(list: &[&str]) -> String {
        format!(r#", "supported_apps": [{}]"#, list.join(", "))
    }

    fn app(package_name: &str, signature_hash: &str) -> String {
        format!(r#"{{"package_name": "{package_name}", "signature_hash": "{signature_hash}"}}"#)
    }

    #[test]
    fn passes() {
        let five: Vec<String> = (0..5)
            .map(|i| app(&format!("com.app{i}.x_1"), "K8a/AINcGX7"))
            .collect();
        let five: Vec<&str> = five.iter().map(String::as_str).collect();
        let long_name = format!("a.{}", "b".repeat(222));
        assert_passes(
            &RULE,
            &[
                &otp("one_tap", &apps(&[APP])),
                &otp("ONE_TAP", &apps(&five)),
                &otp("ONE_TAP", &apps(&[&app(&long_name, "abcdefghi+=")])),
                &otp(
                    "zero_tap",
                    &format!(
                        r#", "zero_tap_terms_accepted": true, "autofill_text": "Autofill"{}"#,
                        apps(&[APP])
                    ),
                ),
                // Copy-code buttons name no app; supported_apps there is ignored.
                &otp("copy_code", r#", "text": "Copy Code""#),
                &otp("copy_code", &apps(&[&app("x", "y")])),
            ],
        );
    }

    #[test]
    fn fails() {
        let six: Vec<String> = (0..6)
            .map(|i| app(&format!("com.app{i}.x"), "K8a/AINcGX7"))
            .collect();
        let six: Vec<&str> = six.iter().map(String::as_str).collect();
        let too_long = format!("a.{}", "b".repeat(223));
        assert_fails(
            &RULE,
            &[
                (&otp("one_tap", ""), &["components[1].buttons[0]"]),
                (
                    &otp("one_tap", &apps(&[&app("com.example.app", "K8a/AINcGX")])),
                    &["K8a/AINcGX"],
                ),
                (
                    &otp("one_tap", &apps(&[&app("com.example.app", "K8a/AINcGX77")])),
                    &["K8a/AINcGX77"],
                ),
                (
                    &otp("one_tap", &apps(&[&app("com.example.app", "K8a-AINcGX7")])),
                    &["K8a-AINcGX7"],
                ),
                (
                    &otp("one_tap", &apps(&[&app("luckyshrub", "K8a/AINcGX7")])),
                    &["luckyshrub"],
                ),
                (
                    &otp("one_tap", &apps(&[&app("com.1shrub.app", "K8a/AINcGX7")])),
                    &["com.1shrub.app"],
                ),
                (
                    &otp("one_tap", &apps(&[&app("com.lucky-shrub", "K8a/AINcGX7")])),
                    &["com.lucky-shrub"],
                ),
                (
                    &otp("one_tap", &apps(&[&app("com..app", "K8a/AINcGX7")])),
                    &["com..app"],
                ),
                (
                    &otp("one_tap", &apps(&[&app(&too_long, "K8a/AINcGX7")])),
                    &[too_long.as_str()],
                ),
                (
                    &otp("one_tap", &apps(&six)),
                    &["components[1].buttons[0].supported_apps[5]"],
                ),
                (
                    &otp("one_tap", &apps(&[APP, APP])),
                    &["components[1].buttons[0].supported_apps[1]"],
                ),
                (
                    &otp("one_tap", &apps(&[r#"{"package_name": "com.a.b"}"#])),
                    &["components[1].buttons[0].supported_apps[0]"],
                ),
                (
                    &otp("zero_tap", &apps(&[APP])),
                    &["components[1].buttons[0]"],
                ),
                (
                    &otp(
                        "zero_tap",
                        &format!(r#", "zero_tap_terms_accepted": false{}"#, apps(&[APP])),
                    ),
                    &["components[1].buttons[0]"],
                ),
                (
                    &otp(
                        "one_tap",
                        &format!(
                            r#", "autofill_text": "Autofill the code for me now"{}"#,
                            apps(&[APP])
                        ),
                    ),
                    &["now"],
                ),
            ],
        );
    }

    #[test]
    fn the_button_level_pair_is_a_deprecation_warning_and_is_still_checked() {
        let legacy = otp(
            "one_tap",
            r#", "package_name": "com.example.luckyshrub", "signature_hash": "K8a/AINcGX7""#,
        );
        let d = run(&RULE, &legacy);
        assert_eq!(d.len(), 1, "{d:#?}");
        assert_eq!(d[0].severity, Severity::Warning);
        assert!(d[0].message.contains("deprecated"));
        let broken = legacy.replace("K8a/AINcGX7", "short");
        let d = run(&RULE, &broken);
        assert_eq!(d.len(), 2, "{d:#?}");
        assert_eq!(d[1].severity, Severity::Error);
    }
}
