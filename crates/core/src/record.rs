//! The data file as written: the types serde reads it into, and the JSON Schema published
//! for editors (`notices schema`, committed as `public/notices.schema.json`) is generated
//! from. `parse.rs` turns these records into the checked model of `notice.rs`.
//!
//! Every field is a [`Field`]: serde takes any JSON value for it, and the parser then reads it
//! as the field's type, so that a notice with three wrong fields gets three messages instead
//! of serde's first error. A field without `#[serde(default)]` is required in the schema (the
//! parser says so in its own words when it is missing).

#[cfg(feature = "schema")]
use schemars::JsonSchema;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Deserializer};
use serde_json::Value;
use std::collections::BTreeMap;
use std::marker::PhantomData;

/// A notices data file, format version 1.
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[derive(Deserialize, Default)]
#[cfg_attr(feature = "schema", schemars(title = "News & Notices data file"))]
pub struct DataFileRecord {
    /// The format version: 1.
    #[cfg_attr(feature = "schema", schemars(range(min = 1, max = 1)))]
    pub version: Field<u64>,
    /// The board's settings: its name and the site around it.
    pub board: Field<BoardRecord>,
    /// The notices, in any order (the board shows the newest first).
    pub notices: Field<Vec<NoticeRecord>>,
}

/// Board-wide settings.
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase")]
pub struct BoardRecord {
    /// The board's name: the list's heading and the last breadcrumb item.
    #[cfg_attr(feature = "schema", schemars(length(min = 1, max = 1000)))]
    pub title: Field<String>,
    /// The organisation, in the header, the footer and every page title.
    #[cfg_attr(feature = "schema", schemars(length(max = 1000)))]
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
    #[cfg_attr(feature = "schema", schemars(range(min = 1, max = 100)))]
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
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[derive(Deserialize, Clone, Copy)]
#[serde(rename_all = "lowercase")]
pub enum DateStyleRecord {
    Dotted,
    Long,
}

/// A link of the breadcrumb or the menu.
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[derive(Deserialize, Default)]
pub struct LinkRecord {
    #[cfg_attr(feature = "schema", schemars(length(min = 1, max = 1000)))]
    pub label: Field<String>,
    /// http, https or relative.
    #[cfg_attr(feature = "schema", schemars(length(min = 1)))]
    pub url: Field<String>,
    /// Marks the menu section this board belongs to.
    #[serde(default)]
    pub current: Field<bool>,
}

/// One notice.
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase")]
pub struct NoticeRecord {
    /// Unique in the file; the notice's address (`?id=…`).
    pub id: Field<IdRecord>,
    /// Plain text.
    #[cfg_attr(feature = "schema", schemars(length(min = 1, max = 1000)))]
    pub title: Field<String>,
    /// The publication date, YYYY-MM-DD.
    #[cfg_attr(feature = "schema", schemars(extend("format" = "date", "pattern" = r"^\d{4}-\d{2}-\d{2}$")))]
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
#[cfg_attr(feature = "schema", derive(JsonSchema), serde(untagged))]
pub enum IdRecord {
    Number(u64),
    Text(#[cfg_attr(feature = "schema", schemars(length(min = 1, max = 200)))] String),
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

#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[derive(Deserialize, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum BodyFormat {
    Text,
    Html,
}

/// A file attached to a notice.
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[derive(Deserialize, Default)]
pub struct AttachmentRecord {
    /// The file's name as people see it.
    #[cfg_attr(feature = "schema", schemars(length(min = 1, max = 1000)))]
    pub name: Field<String>,
    /// http, https, or relative to the data file.
    #[cfg_attr(feature = "schema", schemars(length(min = 1)))]
    pub url: Field<String>,
    /// The size in bytes.
    #[serde(default)]
    pub size: Field<u64>,
    /// The file type as people know it ("PDF", "HWP"); from the extension of the url (or else
    /// of the name) when absent.
    #[serde(rename = "type")]
    #[cfg_attr(feature = "schema", schemars(length(max = 1000)))]
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

#[cfg(feature = "schema")]
pub mod schema;
