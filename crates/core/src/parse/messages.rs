//! JSON values and errors described in the words of the parser's messages.

use serde_json::Value;

/// A short description of a JSON value for messages: `a number (12)`, `a list`, `nothing (null)`.
pub(super) fn describe(value: &Value) -> String {
    match value {
        Value::Null => "nothing (null)".into(),
        Value::Bool(flag) => format!("{flag}"),
        Value::Number(number) => format!("the number {}", number_text(number)),
        Value::String(text) => format!("the text “{}”", truncated(text)),
        Value::Array(_) => "a list".into(),
        Value::Object(_) => "an object".into(),
    }
}

/// Like [`describe`], but a number where a whole number was expected is shown as written:
/// "(found -3)", "(found 2.5)".
pub(super) fn describe_count(value: &Value) -> String {
    match value {
        Value::Number(number) => number_text(number),
        other => describe(other),
    }
}

/// A JSON number as written, through serde_json's own formatter (core's float formatting
/// would add kilobytes of wasm for messages alone).
pub(super) fn number_text(number: &serde_json::Number) -> String {
    serde_json::to_string(number).unwrap_or_default()
}

pub(super) fn describe_opt(value: Option<&Value>) -> String {
    value.map_or_else(|| "nothing (the field is missing)".into(), describe)
}

/// Keeps messages short when a field holds a whole page of text.
pub(super) fn truncated(text: &str) -> String {
    const LIMIT: usize = 40;
    match text.char_indices().nth(LIMIT) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text.to_string(),
    }
}

/// serde_json's message without its own " at line L column C" suffix (we say that ourselves).
pub(super) fn json_error_detail(error: &serde_json::Error) -> String {
    let message = error.to_string();
    if message.starts_with("recursion limit exceeded") {
        return "lists and objects are nested too deeply (more than 128 levels)".into();
    }
    if message.starts_with("number out of range") {
        return "a number is too large to read".into();
    }
    match message.rfind(" at line ") {
        Some(cut) => message[..cut].to_string(),
        None => message,
    }
}
