//! What the entry file's `"published"` member says about the whole board, and where a
//! published file's notices are in the plain list.

use crate::notice::{IdKey, NoticeId};
use crate::LoadError;
use serde_json::{json, Value};

/// Where a notice is in the plain list (pinned notices on top, then the others, each newest
/// first), written so that adding a newer notice changes no other notice's location.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Location {
    /// The `n`th pinned notice, newest first.
    Pinned(usize),
    /// The `n`th notice that is not pinned, counted from the oldest.
    FromOldest(usize),
}

impl Location {
    /// As written in a file: `n` from the oldest, or `-1 - n` for the `n`th pinned one.
    pub fn to_json(self) -> Value {
        match self {
            Location::Pinned(n) => json!(-1 - n as i64),
            Location::FromOldest(n) => json!(n),
        }
    }

    fn from_json(value: &Value) -> Option<Location> {
        let n = value.as_i64()?;
        Some(match n < 0 {
            true => Location::Pinned((-1 - n) as usize),
            false => Location::FromOldest(n as usize),
        })
    }
}

/// The whole board, as the entry file describes it.
#[derive(Clone, Debug, PartialEq)]
pub struct Meta {
    /// How many notices are pinned, and how many are not.
    pub pinned: usize,
    pub unpinned: usize,
    /// How many notices of the data file were left out for problems.
    pub skipped: usize,
    pub rows_per_block: usize,
    pub per_directory: usize,
    /// Directories of row blocks, oldest blocks first.
    pub row_directories: Vec<String>,
    /// Directories of buckets, each with the first id it holds, in id order.
    pub bucket_directories: Vec<(NoticeId, String)>,
    /// The category keys in use, in the board's order.
    pub categories: Vec<String>,
    /// The years that have notices, newest first.
    pub years: Vec<u16>,
    /// The copy of the whole data file.
    pub data_file: String,
}

impl Meta {
    /// How many notices the plain list has.
    pub fn total(&self) -> usize {
        self.pinned + self.unpinned
    }

    /// The place in the plain list of a notice at `location`, if the board has one there.
    pub fn place(&self, location: Location) -> Option<usize> {
        match location {
            Location::Pinned(n) => (n < self.pinned).then_some(n),
            Location::FromOldest(n) => {
                (n < self.unpinned).then(|| self.pinned + self.unpinned - 1 - n)
            }
        }
    }

    /// The row block holding the notice at `place` (`None` for pinned notices: the entry
    /// holds them all).
    pub fn block_of(&self, place: usize) -> Option<usize> {
        let newest = place.checked_sub(self.pinned)?;
        let from_oldest = self.unpinned.checked_sub(newest + 1)?;
        Some(from_oldest / self.rows_per_block.max(1))
    }

    /// Reads the entry's `"published"` member.
    pub fn from_json(value: &Value) -> Result<Meta, LoadError> {
        let object = value.as_object().ok_or_else(|| bad("must be an object"))?;
        if object.get("format").and_then(Value::as_u64) != Some(1) {
            return Err(bad("is of a format this version does not read"));
        }
        let count = |key: &str| -> Result<usize, LoadError> {
            object
                .get(key)
                .and_then(Value::as_u64)
                .map(|n| n as usize)
                .ok_or_else(|| bad(&format!("needs a number “{key}”")))
        };
        let list = |key: &str| object.get(key).and_then(names);
        let bucket_directories = object
            .get("bucketDirectories")
            .and_then(first_ids)
            .ok_or_else(|| bad("needs “bucketDirectories”"))?;
        let years = object
            .get("years")
            .and_then(Value::as_array)
            .and_then(|years| {
                years
                    .iter()
                    .map(|year| year.as_u64().and_then(|y| u16::try_from(y).ok()))
                    .collect::<Option<Vec<u16>>>()
            })
            .ok_or_else(|| bad("needs “years”"))?;
        let meta = Meta {
            pinned: count("pinned")?,
            unpinned: count("unpinned")?,
            skipped: count("skipped")?,
            rows_per_block: count("rowsPerBlock")?.max(1),
            per_directory: count("perDirectory")?.max(1),
            row_directories: list("rowDirectories").ok_or_else(|| bad("needs “rowDirectories”"))?,
            bucket_directories,
            categories: list("categories").ok_or_else(|| bad("needs “categories”"))?,
            years,
            data_file: object
                .get("dataFile")
                .and_then(Value::as_str)
                .ok_or_else(|| bad("needs “dataFile”"))?
                .to_string(),
        };
        let blocks = meta.unpinned.div_ceil(meta.rows_per_block);
        if meta.row_directories.len() != blocks.div_ceil(meta.per_directory) {
            return Err(bad("names the wrong number of row directories"));
        }
        Ok(meta)
    }

    /// The `"published"` member of the entry file, with the entry's own notices' `at`.
    pub fn to_json(&self, at: Vec<Value>) -> Value {
        let firsts: Vec<Value> = self
            .bucket_directories
            .iter()
            .map(|(id, name)| json!([id.as_str(), name]))
            .collect();
        json!({
            "format": 1,
            "pinned": self.pinned,
            "unpinned": self.unpinned,
            "skipped": self.skipped,
            "rowsPerBlock": self.rows_per_block,
            "perDirectory": self.per_directory,
            "rowDirectories": self.row_directories,
            "bucketDirectories": firsts,
            "categories": self.categories,
            "years": self.years,
            "dataFile": self.data_file,
            "at": at,
        })
    }
}

/// Where each notice of a published file is, in the file's order (its `"published"`
/// member's `"at"`), and how many of them, from the first, are whole (with their bodies).
pub fn locations(published: Option<&Value>) -> Result<(Vec<Location>, usize), LoadError> {
    let object = published
        .and_then(Value::as_object)
        .ok_or_else(|| bad("is missing from a published file"))?;
    let at = object
        .get("at")
        .and_then(Value::as_array)
        .and_then(|at| {
            at.iter()
                .map(Location::from_json)
                .collect::<Option<Vec<_>>>()
        })
        .ok_or_else(|| bad("needs “at”, where its notices are"))?;
    let whole = object.get("whole").and_then(Value::as_u64).unwrap_or(0) as usize;
    Ok((at, whole))
}

/// A bucket directory (`[[first id, file], …]`), or the entry's list of them.
pub fn first_ids(value: &Value) -> Option<Vec<(NoticeId, String)>> {
    value
        .as_array()?
        .iter()
        .map(|pair| match pair.as_array()?.as_slice() {
            [Value::String(id), Value::String(name)] => Some((NoticeId(id.clone()), name.clone())),
            _ => None,
        })
        .collect()
}

/// A row directory: the names of its blocks.
pub fn names(value: &Value) -> Option<Vec<String>> {
    value
        .as_array()?
        .iter()
        .map(|name| name.as_str().map(str::to_string))
        .collect()
}

/// The order buckets are cut in: ids as [`NoticeId::sort_key`] orders them, then as written
/// (`7` and `007` are different notices with the same key).
pub fn id_order(id: &NoticeId) -> (IdKey, &str) {
    (id.sort_key(), id.as_str())
}

/// The published board's files do not say what they should.
pub fn bad(message: &str) -> LoadError {
    LoadError::BadShape {
        field: "published".into(),
        message: format!("{message}; publish the board again."),
    }
}
