//! The JSON Schema of the data file, generated from the types of [`super`] (published as
//! `public/notices.schema.json`, for editors' tools). Behind the `schema` feature: only the
//! native tool writes it, so it is not in the wasm.

use super::{DataFileRecord, Field};
use schemars::JsonSchema;
use serde_json::Value;

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
            json_schema() == include_str!("../../../../public/notices.schema.json"),
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
            serde_json::from_str(include_str!("../../../../public/notices.json")).unwrap();
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
