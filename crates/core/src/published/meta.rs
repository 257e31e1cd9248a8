//! What the entry file's `"published"` member says about the whole board, and where a
//! published file's notices are in the plain list.

use super::ORDER_CHUNK;
use crate::notice::{IdKey, NoticeId};
use crate::LoadError;
use serde_json::{json, Value};

/// The version of the published form this code reads and writes: an app finding another
/// reads the data file instead.
const FORMAT: u64 = 5;

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
    /// The directory of the search index (see [`super::search_index`]).
    pub search: String,
    // What answers a category or year filter, or another order, without the whole file:
    /// For each pinned notice (newest first), how many of the others are newer: where it
    /// goes in a list newest first.
    pub pinned_after: Vec<usize>,
    /// How many notices that are not pinned each of `years` has (they are newest first, so
    /// a year is a run of places).
    pub year_rows: Vec<usize>,
    /// The file of each not-pinned notice's category, newest first: 0 for none, else 1 +
    /// its place in `categories` (`None` when no notice has a category).
    pub category_file: Option<String>,
    /// The most-read order of the whole list, then of each category, as places of the
    /// plain list, cut into files of [`ORDER_CHUNK`] places.
    pub most_read: Vec<MostRead>,
}

/// A most-read order: how many notices it has, and its files.
#[derive(Clone, Debug, PartialEq)]
pub struct MostRead {
    pub count: usize,
    pub chunks: Vec<String>,
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

    /// Where the notice at `place` is in the whole data set, newest first: each pinned
    /// notice among the others where its date puts it.
    pub fn rank(&self, place: usize) -> usize {
        match place.checked_sub(self.pinned) {
            None => self
                .pinned_after
                .get(place)
                .map_or(place, |&newer| newer + place),
            Some(n) => n + self.pinned_after.partition_point(|&newer| newer <= n),
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
        if object.get("format").and_then(Value::as_u64) != Some(FORMAT) {
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
        let counts = |key: &str| {
            object
                .get(key)
                .and_then(numbers)
                .ok_or_else(|| bad(&format!("needs a list of numbers “{key}”")))
        };
        let years = counts("years")?
            .into_iter()
            .map(|year| u16::try_from(year).ok())
            .collect::<Option<Vec<u16>>>()
            .ok_or_else(|| bad("has a year that is not one"))?;
        let most_read = object
            .get("mostRead")
            .and_then(Value::as_array)
            .and_then(|orders| orders.iter().map(MostRead::from_json).collect())
            .ok_or_else(|| bad("needs “mostRead”"))?;
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
            search: object
                .get("search")
                .and_then(Value::as_str)
                .ok_or_else(|| bad("needs “search”"))?
                .to_string(),
            pinned_after: counts("pinnedAfter")?,
            year_rows: counts("yearRows")?,
            category_file: object
                .get("categoryFile")
                .and_then(Value::as_str)
                .map(str::to_string),
            most_read,
        };
        meta.consistent().map(|()| meta)
    }

    /// Whether the counts and lists of the entry agree with each other, so that the window
    /// can trust them (a place it computes is on the board, a file it needs is named).
    fn consistent(&self) -> Result<(), LoadError> {
        let blocks = self.unpinned.div_ceil(self.rows_per_block);
        if self.row_directories.len() != blocks.div_ceil(self.per_directory) {
            return Err(bad("names the wrong number of row directories"));
        }
        let ascending = self.pinned_after.windows(2).all(|pair| pair[0] <= pair[1]);
        if self.pinned_after.len() != self.pinned
            || !ascending
            || self.pinned_after.last().is_some_and(|&n| n > self.unpinned)
        {
            return Err(bad("says wrongly where pinned notices go"));
        }
        if self.year_rows.len() != self.years.len()
            || self.year_rows.iter().sum::<usize>() != self.unpinned
        {
            return Err(bad("counts the years wrongly"));
        }
        if self.category_file.is_some() == self.categories.is_empty() {
            return Err(bad("has no file of categories"));
        }
        let orders_whole = self.most_read.first().map(|order| order.count) == Some(self.total());
        if self.most_read.len() != self.categories.len() + 1
            || !orders_whole
            || self
                .most_read
                .iter()
                .any(|order| order.chunks.len() != order.count.div_ceil(ORDER_CHUNK))
        {
            return Err(bad("names the wrong most-read files"));
        }
        Ok(())
    }

    /// The `"published"` member of the entry file, with the entry's own notices' `at` and
    /// `buckets` (see [`locations`]).
    pub fn to_json(&self, at: Vec<Value>, buckets: Vec<&str>) -> Value {
        let firsts: Vec<Value> = self
            .bucket_directories
            .iter()
            .map(|(id, name)| json!([id.as_str(), name]))
            .collect();
        let most_read: Vec<Value> = (self.most_read.iter())
            .map(|order| json!([order.count, order.chunks]))
            .collect();
        json!({
            "format": FORMAT,
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
            "search": self.search,
            "pinnedAfter": self.pinned_after,
            "yearRows": self.year_rows,
            "categoryFile": self.category_file,
            "mostRead": most_read,
            "at": at,
            "buckets": buckets,
        })
    }
}

/// Where the notices of a published file are: its `"published"` member.
#[derive(Clone, Debug, PartialEq)]
pub struct Locations {
    /// Where each notice is, in the file's order (`"at"`).
    pub at: Vec<Location>,
    /// How many of them, from the first, are whole (with their bodies).
    pub whole: usize,
    /// The bucket of each (`"buckets"`), where the file says: the entry's and the blocks'
    /// rows, so that a notice of the list is opened with one fetch. Files of a publish of
    /// before do not.
    pub buckets: Option<Vec<String>>,
}

/// Reads a published file's `"published"` member (see [`Locations`]).
pub fn locations(published: Option<&Value>) -> Result<Locations, LoadError> {
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
    let buckets = match object.get("buckets") {
        None => None,
        Some(buckets) => Some(
            names(buckets)
                .filter(|buckets| buckets.len() == at.len())
                .ok_or_else(|| bad("“buckets” is not a bucket for each notice"))?,
        ),
    };
    Ok(Locations { at, whole, buckets })
}

impl MostRead {
    /// `[count, [file, …]]`.
    fn from_json(value: &Value) -> Option<MostRead> {
        match value.as_array()?.as_slice() {
            [count, chunks] => Some(MostRead {
                count: count.as_u64()? as usize,
                chunks: names(chunks)?,
            }),
            _ => None,
        }
    }
}

/// A list of numbers of the entry (`[3, 0, 12]`).
fn numbers(value: &Value) -> Option<Vec<usize>> {
    value
        .as_array()?
        .iter()
        .map(|n| n.as_u64().map(|n| n as usize))
        .collect()
}

/// A file that is a list of numbers (`[3,0,12]`, as a publish writes it, spaces allowed),
/// read without building JSON values; `None` for anything else.
pub fn number_list(bytes: &[u8]) -> Option<Vec<usize>> {
    let text = std::str::from_utf8(bytes).ok()?.trim();
    let inside = text.strip_prefix('[')?.strip_suffix(']')?.trim();
    if inside.is_empty() {
        return Some(Vec::new());
    }
    inside
        .split(',')
        .map(|number| {
            let digits = number.trim();
            let plain = !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit());
            plain.then(|| digits.parse().ok()).flatten()
        })
        .collect()
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
