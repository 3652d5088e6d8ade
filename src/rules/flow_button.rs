use super::{Context, Reporter, Rule};
use crate::diagnostic::{Report, Severity};
use crate::l10n::Msg;
use crate::moderation::RejectionReason::InvalidFormat;
use crate::moderation::{ErrorEffect, FixKind, Risk};
use crate::template::{Button, ButtonKind, ComponentKind};
use crate::text::Text;

pub static RULE: Rule = Rule {
    id: "flow-button",
    default_severity: Severity::Error,
    on_error: ErrorEffect::Reject(InvalidFormat),
    on_warning: Risk::review(-0.5, InvalidFormat),
    fix: FixKind::None,
    summary: (
        "A Flow button does not name exactly one Flow (flow_id, flow_name or flow_json), or its action is invalid",
        "Кнопка Flow указывает не ровно один Flow (flow_id, flow_name или flow_json) или её действие неверно",
    ),
    docs: rule_docs!(
        r#"# flow-button

## What it checks
Every `FLOW` button:
- names its Flow with exactly one of `flow_id`, `flow_name` and `flow_json`, not empty;
- `flow_json`, if used, is valid JSON (it is the Flow JSON as a string);
- `flow_action`, if given, is `navigate` or `data_exchange`;
- `navigate_screen` is a warning with `flow_action: data_exchange`: the screen is chosen by
  your endpoint then, and the value is not used.

The label (`text`, at most 25 characters) is checked by `button-text-too-long`, the number of
Flow buttons by `button-count`.

## Why
Meta's "Sending a Flow" guide, buttons object: `flow_id` — "Cannot be used if `flow_name` or
`flow_json` parameters are provided. **Only one of these parameters is required.**" (and the
same for `flow_name` and `flow_json`; `flow_json` is "The Flow JSON encoded as string with
escaping"); `flow_action` — "Default value is `navigate`. Either `navigate` or
`data_exchange`."; `navigate_screen` — "The unique ID of the Screen in the Flow. Default value
is `FIRST_ENTRY_SCREEN`. Optional if `flow_action` is `navigate`." The template API reference's
example adds `"flow_action": "navigate", "navigate_screen": "WELCOME_SCREEN"`. `flow_name` and
`flow_json` are "Supported in Cloud API only".

## Examples
Fails: `{"type": "FLOW", "text": "Open"}` (no Flow).
Fails: `{"type": "FLOW", "text": "Open", "flow_id": "1234567890", "flow_name": "survey"}` (two Flows).
Fails: `{"type": "FLOW", "text": "Open", "flow_id": " "}` (empty).
Fails: `{"type": "FLOW", "text": "Open", "flow_json": "{version"}` (not JSON).
Fails: `{"type": "FLOW", "text": "Open", "flow_id": "1234567890", "flow_action": "open"}` (no such action).
Warns: `{"type": "FLOW", "text": "Open", "flow_id": "1234567890", "flow_action": "data_exchange", "navigate_screen": "WELCOME_SCREEN"}` (the screen is not used).
Passes: `{"type": "FLOW", "text": "Book now", "flow_id": "1234567890", "flow_action": "navigate", "navigate_screen": "WELCOME_SCREEN"}`.
Passes: `{"type": "FLOW", "text": "Open", "flow_name": "survey", "flow_action": "data_exchange"}`.
Passes: `{"type": "FLOW", "text": "Open flow!", "flow_json": "{\"version\": \"5.0\", \"screens\": [{\"id\": \"WELCOME_SCREEN\", \"layout\": {\"type\": \"SingleColumnLayout\", \"children\": [{\"type\": \"TextHeading\", \"text\": \"Hello World\"}]}, \"title\": \"Welcome\", \"terminal\": true}]}"}`.
"#
    ),
    check,
};

fn check<'a>(cx: &Context<'a>, out: &mut Reporter<'a>) {
    let buttons = cx
        .template
        .components_of(ComponentKind::Buttons)
        .flat_map(|c| &c.buttons)
        .filter(|b| b.kind == ButtonKind::Flow);
    for b in buttons {
        check_button(b, out);
    }
}

fn check_button<'a>(b: &'a Button, out: &mut Reporter<'a>) {
    let on = |text: &'a Text, en: String, ru: String| {
        Report::text(text, 0..text.value.len(), Msg::new(en, ru)).component(ComponentKind::Buttons)
    };
    let targets: Vec<(&str, &Text)> = [
        ("flow_id", &b.flow_id),
        ("flow_name", &b.flow_name),
        ("flow_json", &b.flow_json),
    ]
    .into_iter()
    .filter_map(|(key, t)| t.as_ref().map(|t| (key, t)))
    .collect();
    match targets.as_slice() {
        [] => out.report(
            Report::node(
                b.path.clone(),
                b.span.clone(),
                Msg::new(
                    "a FLOW button needs the Flow it opens: one of flow_id, flow_name or flow_json",
                    "кнопке FLOW нужен Flow, который она открывает: flow_id, flow_name или flow_json",
                ),
            )
            .component(ComponentKind::Buttons)
            .help(Msg::new(
                "add \"flow_id\" with the ID of a published Flow",
                "добавьте \"flow_id\" с ID опубликованного Flow",
            )),
        ),
        [(first, _), rest @ ..] => {
            for (key, t) in rest {
                out.report(on(
                    t,
                    format!("a FLOW button takes only one of flow_id, flow_name and flow_json; it already has {first}, so remove {key}"),
                    format!("у кнопки FLOW может быть только одно из flow_id, flow_name и flow_json; уже указан {first}, уберите {key}"),
                ));
            }
        }
    }
    for (key, t) in &targets {
        if t.value.trim().is_empty() {
            out.report(on(t, format!("{key} is empty"), format!("{key} пуст")));
        }
    }
    if let Some(json) = b.flow_json.as_ref().filter(|j| !j.value.trim().is_empty()) {
        if let Err(e) = crate::json::parse(&json.value) {
            out.report(on(
                json,
                format!("flow_json is not valid JSON: {}", e.message.en),
                format!("flow_json — не корректный JSON: {}", e.message.ru),
            ));
        }
    }
    let action = b.flow_action.as_ref();
    if let Some(a) = action {
        if !["navigate", "data_exchange"]
            .iter()
            .any(|v| v.eq_ignore_ascii_case(&a.value))
        {
            out.report(on(
                a,
                format!(
                    "flow_action is \"{}\"; it must be navigate or data_exchange",
                    a.value
                ),
                format!(
                    "flow_action = \"{}\"; допустимы navigate и data_exchange",
                    a.value
                ),
            ));
        }
    }
    let data_exchange = action.is_some_and(|a| a.value.eq_ignore_ascii_case("data_exchange"));
    if let (true, Some(screen)) = (data_exchange, &b.navigate_screen) {
        out.report(
            on(
                screen,
                "navigate_screen is used only with flow_action navigate; with data_exchange your endpoint chooses the first screen".into(),
                "navigate_screen используется только с flow_action navigate; при data_exchange первый экран выбирает ваш сервер".into(),
            )
            .severity(Severity::Warning),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::*;

    fn flow(fields: &str) -> String {
        with_body(
            "MARKETING",
            "Check out this new offer",
            &format!(
                r#"{{"type": "BUTTONS", "buttons": [{{"type": "FLOW", "text": "Open"{fields}}}]}}"#
            ),
        )
    }

    #[test]
    fn passes() {
        assert_passes(
            &RULE,
            &[
                &flow(r#", "flow_id": "1234567890""#),
                &flow(
                    r#", "flow_id": 1234567890, "flow_action": "NAVIGATE", "navigate_screen": "WELCOME_SCREEN""#,
                ),
                &flow(r#", "flow_name": "survey", "flow_action": "data_exchange""#),
                &flow(r#", "flow_json": "{\"version\": \"5.0\", \"screens\": []}""#),
            ],
        );
    }

    #[test]
    fn fails() {
        assert_fails(
            &RULE,
            &[
                (&flow(""), &["components[1].buttons[0]"]),
                (
                    &flow(r#", "flow_id": "123", "flow_name": "survey""#),
                    &["survey"],
                ),
                (
                    &flow(r#", "flow_id": "123", "flow_name": "survey", "flow_json": "{}""#),
                    &["survey", "{}"],
                ),
                (&flow(r#", "flow_id": " ""#), &[" "]),
                (&flow(r#", "flow_json": "{version""#), &["{version"]),
                (
                    &flow(r#", "flow_id": "123", "flow_action": "open""#),
                    &["open"],
                ),
                (
                    &flow(
                        r#", "flow_id": "123", "flow_action": "data_exchange", "navigate_screen": "WELCOME""#,
                    ),
                    &["WELCOME"],
                ),
            ],
        );
    }
}
