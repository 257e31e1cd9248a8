//! The data file as written: the types serde reads it into, and the JSON Schema published
//! for editors (`notices schema`, committed as `public/notices.schema.json`) is generated
//! from. `parse.rs` turns these records into the checked model of `notice.rs`.
//!
//! Every field is a [`Field`]: serde takes any JSON value for it, and the parser then reads it
//! as the field's type, so that a notice with three wrong fields gets three messages instead
//! of serde's first error. A field without `#[serde(default)]` is required in the schema (the
//! parser says so in its own words when it is missing).

use schemars::JsonSchema;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Deserializer};
use serde_json::Value;
use std::collections::BTreeMap;
use std::marker::PhantomData;

/// A notices data file, format version 1.
#[derive(Deserialize, JsonSchema, Default)]
#[schemars(title = "News & Notices data file")]
pub struct DataFileRecord {
    /// The format version: 1.
    #[schemars(range(min = 1, max = 1))]
    pub version: Field<u64>,
    /// The board's settings: its name and the site around it.
    pub board: Field<BoardRecord>,
    /// The notices, in any order (the board shows the newest first).
    pub notices: Field<Vec<NoticeRecord>>,
}

/// Board-wide settings.
#[derive(Deserialize, JsonSchema, Default)]
#[serde(rename_all = "camelCase")]
pub struct BoardRecord {
    /// The board's name: the list's heading and the last breadcrumb item.
    #[schemars(length(min = 1, max = 1000))]
    pub title: Field<String>,
    /// The organisation, in the header, the footer and every page title.
    #[schemars(length(max = 1000))]
    #[serde(default)]
    pub site_name: Field<String>,
    /// The organisation's home page (http, https or relative).
    #[serde(default)]
    pub site_url: Field<String>,
    /// The board's language (BCP 47), `en` when absent.
    #[serde(default)]
    pub lang: Field<String>,
    /// Links before the board in the breadcrumb.
    #[serde(default)]
    pub breadcrumb: Field<Vec<LinkRecord>>,
    /// The site's main menu.
    #[serde(default)]
    pub menu: Field<Vec<LinkRecord>>,
    /// Category keys and the labels people see.
    #[serde(default)]
    pub categories: Field<BTreeMap<String, Field<String>>>,
    /// Notices on one list page (10 when absent).
    #[schemars(range(min = 1, max = 100))]
    #[serde(default)]
    pub page_size: Field<u64>,
    /// Host names that images in HTML bodies may come from besides the board's own site,
    /// e.g. ["www.mois.go.kr", "cdn.mois.go.kr"]: images from any other host are not shown
    /// (their alt text is). When absent, images may come from any https address.
    #[serde(default)]
    pub image_hosts: Field<Vec<String>>,
    /// How dates are written for people: "dotted" (2026.07.12) or "long" (12 July 2026,
    /// 2026년 7월 12일). When absent: long on English boards, dotted on Korean ones.
    #[serde(default)]
    pub date_style: Field<DateStyleRecord>,
}

/// The values of `board.dateStyle`.
#[derive(Deserialize, JsonSchema, Clone, Copy)]
#[serde(rename_all = "lowercase")]
pub enum DateStyleRecord {
    Dotted,
    Long,
}

/// A link of the breadcrumb or the menu.
#[derive(Deserialize, JsonSchema, Default)]
pub struct LinkRecord {
    #[schemars(length(min = 1, max = 1000))]
    pub label: Field<String>,
    /// http, https or relative.
    #[schemars(length(min = 1))]
    pub url: Field<String>,
    /// Marks the menu section this board belongs to.
    #[serde(default)]
    pub current: Field<bool>,
}

/// One notice.
#[derive(Deserialize, JsonSchema, Default)]
#[serde(rename_all = "camelCase")]
pub struct NoticeRecord {
    /// Unique in the file; the notice's address (`?id=…`).
    pub id: Field<IdRecord>,
    /// Plain text.
    #[schemars(length(min = 1, max = 1000))]
    pub title: Field<String>,
    /// The publication date, YYYY-MM-DD.
    #[schemars(extend("format" = "date", "pattern" = r"^\d{4}-\d{2}-\d{2}$"))]
    pub date: Field<String>,
    /// The read count.
    pub views: Field<u64>,
    /// Plain text (blank lines separate paragraphs), or HTML when `bodyFormat` is "html".
    pub body: Field<String>,
    /// How to read `body`: "text" (the default) or "html" (sanitised by an allow-list).
    #[serde(default)]
    pub body_format: Field<BodyFormat>,
    /// A key of the board's `categories`.
    #[serde(default)]
    pub category: Field<String>,
    /// Kept at the top of the list's first page.
    #[serde(default)]
    pub pinned: Field<bool>,
    /// The notice's language when it differs from the board's (BCP 47).
    #[serde(default)]
    pub lang: Field<String>,
    /// Files attached to the notice.
    #[serde(default)]
    pub attachments: Field<Vec<Field<AttachmentRecord>>>,
}

/// A notice id: a whole number or a short text.
#[derive(JsonSchema)]
#[serde(untagged)]
pub enum IdRecord {
    Number(u64),
    Text(#[schemars(length(min = 1, max = 200))] String),
}

/// Written by hand: serde's derive for an untagged enum buffers the value first, which costs
/// the wasm kilobytes for two cases.
impl<'de> Deserialize<'de> for IdRecord {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct IdVisitor;
        impl serde::de::Visitor<'_> for IdVisitor {
            type Value = IdRecord;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a whole number or a text")
            }
            fn visit_u64<E>(self, number: u64) -> Result<IdRecord, E> {
                Ok(IdRecord::Number(number))
            }
            fn visit_str<E>(self, text: &str) -> Result<IdRecord, E> {
                Ok(IdRecord::Text(text.to_string()))
            }
        }
        deserializer.deserialize_any(IdVisitor)
    }
}

#[derive(Deserialize, JsonSchema, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum BodyFormat {
    Text,
    Html,
}

/// A file attached to a notice.
#[derive(Deserialize, JsonSchema, Default)]
pub struct AttachmentRecord {
    /// The file's name as people see it.
    #[schemars(length(min = 1, max = 1000))]
    pub name: Field<String>,
    /// http, https, or relative to the data file.
    #[schemars(length(min = 1))]
    pub url: Field<String>,
    /// The size in bytes.
    #[serde(default)]
    pub size: Field<u64>,
    /// The file type as people know it ("PDF", "HWP"); from the extension of the url (or else
    /// of the name) when absent.
    #[serde(rename = "type")]
    #[schemars(length(max = 1000))]
    #[serde(default)]
    pub kind: Field<String>,
}

/// A field's JSON value as written, read as a `T` by [`Field::read`].
pub struct Field<T> {
    value: Option<Value>,
    of: PhantomData<T>,
}

impl<T> Default for Field<T> {
    /// An absent field.
    fn default() -> Self {
        Field {
            value: None,
            of: PhantomData,
        }
    }
}

impl<'de, T> Deserialize<'de> for Field<T> {
    /// Takes any value. A field that is absent (even one the schema requires) or `null` is
    /// read as absent, so that the parser can say so in its own words.
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Ok(Field {
            value: Option::<Value>::deserialize(deserializer)?,
            of: PhantomData,
        })
    }
}

impl<T: JsonSchema> JsonSchema for Field<T> {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        T::schema_name()
    }

    fn schema_id() -> std::borrow::Cow<'static, str> {
        T::schema_id()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        T::json_schema(generator)
    }

    fn inline_schema() -> bool {
        T::inline_schema()
    }
}

impl<T: DeserializeOwned> Field<T> {
    /// The value as a `T`; `Ok(None)` when the field is absent or `null`; otherwise the
    /// value that is not a `T`, to describe in a message.
    pub fn read(self) -> Result<Option<T>, Value> {
        match self.value {
            None | Some(Value::Null) => Ok(None),
            Some(value) => match T::deserialize(&value) {
                Ok(read) => Ok(Some(read)),
                Err(_) => Err(value),
            },
        }
    }
}

impl<T> Field<T> {
    /// The value as written, for messages.
    pub fn value(&self) -> Option<&Value> {
        self.value.as_ref()
    }
}

/// The JSON Schema of the data file, as published in `public/notices.schema.json`.
pub fn json_schema() -> String {
    let mut schema = schemars::schema_for!(DataFileRecord);
    if let Some(root) = schema.as_object_mut() {
        allow_null_in_optional_fields(root);
        if let Some(Value::Object(definitions)) = root.get_mut("$defs") {
            for definition in definitions.values_mut() {
                if let Value::Object(definition) = definition {
                    allow_null_in_optional_fields(definition);
                }
            }
        }
    }
    serde_json::to_string_pretty(&schema).unwrap_or_default() + "\n"
}

/// An optional field that is `null` is read as absent ([`Field::read`]): the schema says so,
/// so that editors are not told that `"category": null` is wrong.
fn allow_null_in_optional_fields(object: &mut serde_json::Map<String, Value>) {
    let required = object.get("required").cloned().unwrap_or_default();
    let Some(Value::Object(properties)) = object.get_mut("properties") else {
        return;
    };
    for (name, property) in properties.iter_mut() {
        let is_required = required
            .as_array()
            .is_some_and(|r| r.contains(&Value::from(&**name)));
        let Value::Object(schema) = property else {
            continue;
        };
        if is_required {
            continue;
        }
        if let Some(kind @ Value::String(_)) = schema.get_mut("type") {
            *kind = serde_json::json!([kind.take(), "null"]);
            continue;
        }
        // A reference: either it or null, with the description kept outside.
        let description = schema.remove("description");
        let referenced = Value::Object(std::mem::take(schema));
        schema.insert(
            "anyOf".into(),
            serde_json::json!([referenced, { "type": "null" }]),
        );
        if let Some(description) = description {
            schema.insert("description".into(), description);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::json_schema;
    use serde_json::Value;

    #[test]
    fn the_published_schema_is_generated_from_these_types() {
        assert!(
            json_schema() == include_str!("../../public/notices.schema.json"),
            "the types and public/notices.schema.json differ: run \
             `cargo run --bin notices -- schema > public/notices.schema.json`"
        );
    }

    /// Optional fields may be `null` (read as absent); required ones may not.
    #[test]
    fn the_schema_allows_null_exactly_in_optional_fields() {
        let schema: Value = serde_json::from_str(&json_schema()).unwrap();
        let objects = std::iter::once(&schema).chain(schema["$defs"].as_object().unwrap().values());
        let mut optional = 0;
        for object in objects {
            let Some(properties) = object["properties"].as_object() else {
                continue;
            };
            for (name, property) in properties {
                let required = object["required"]
                    .as_array()
                    .is_some_and(|r| r.iter().any(|n| n == name.as_str()));
                let nullable = property["type"]
                    .as_array()
                    .is_some_and(|t| t.iter().any(|t| t == "null"))
                    || property["anyOf"]
                        .as_array()
                        .is_some_and(|a| a.iter().any(|s| s["type"] == "null"));
                assert_eq!(nullable, !required, "{name}");
                optional += usize::from(!required);
            }
        }
        assert_eq!(optional, 17);
    }

    /// Every field the sample data uses is in the schema, so editors are never told that a
    /// field the board reads is unknown.
    #[test]
    fn the_schema_knows_every_field_of_the_sample() {
        let schema: Value = serde_json::from_str(&json_schema()).unwrap();
        let sample: Value =
            serde_json::from_str(include_str!("../../public/notices.json")).unwrap();
        // A property's schema, following `$ref`s into `$defs`.
        let resolve = |node: &Value| -> Value {
            match node["$ref"].as_str() {
                Some(reference) => {
                    let name = reference.trim_start_matches("#/$defs/");
                    schema["$defs"][name].clone()
                }
                None => node.clone(),
            }
        };
        fn check(object: &Value, node: &Value, resolve: &dyn Fn(&Value) -> Value, path: &str) {
            match object {
                Value::Object(fields) => {
                    let node = resolve(node);
                    if node["additionalProperties"].is_object() {
                        return; // a map (the categories): any key
                    }
                    for (key, value) in fields {
                        let property = &node["properties"][key];
                        assert!(
                            !property.is_null() || key == "$schema",
                            "{path}.{key} is not in the schema"
                        );
                        check(value, property, resolve, &format!("{path}.{key}"));
                    }
                }
                Value::Array(items) => {
                    let node = resolve(node);
                    for item in items {
                        check(item, &node["items"], resolve, &format!("{path}[]"));
                    }
                }
                _ => {}
            }
        }
        check(&sample, &schema, &resolve, "(file)");
        let required = &resolve(&schema["properties"]["notices"]["items"])["required"];
        assert_eq!(
            required,
            &serde_json::json!(["id", "title", "date", "views", "body"])
        );
    }
}
