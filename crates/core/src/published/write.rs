//! Publishing: a validated data file cut into the files of [`super`].

use super::meta::{id_order, Location, Meta, MostRead};
use super::search_index::write_index;
use super::{
    content_name, notices_per_bucket, ENTRY_FILE, ENTRY_ROWS, FILES_PER_DIRECTORY, ORDER_CHUNK,
    ROWS_PER_BLOCK,
};
use crate::listing::Sort;
use crate::{Dataset, Notice};
use serde_json::{json, Map, Value};
use std::collections::{HashMap, HashSet};

/// One file to write, its name relative to the entry's folder.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PublishedFile {
    pub name: String,
    pub text: String,
}

/// Everything a publish writes: the content-named files first, the entry last.
#[derive(Clone, Debug)]
pub struct Publication {
    pub files: Vec<PublishedFile>,
    pub entry: PublishedFile,
    pub meta: Meta,
}

/// Publishes `data`, read from the data file `text`. The notices are copied as the file
/// writes them (the browser reads and checks them as it would the whole file); the notices
/// left out for problems are left out here too.
pub fn publish(data: &Dataset, text: &str) -> Result<Publication, String> {
    let root: Value = serde_json::from_str(text).map_err(|error| error.to_string())?;
    let records = root
        .get("notices")
        .and_then(Value::as_array)
        .ok_or("the file has no list of notices")?;
    let record_of = |notice: &Notice| -> Result<&Map<String, Value>, String> {
        let record = records
            .get(notice.position.wrapping_sub(1))
            .and_then(Value::as_object)
            .filter(|record| id_text(record.get("id")).as_deref() == Some(notice.id.as_str()))
            .ok_or_else(|| format!("notice {} is not where the file says", notice.id.as_str()))?;
        Ok(record)
    };
    let PlainList {
        pinned,
        unpinned,
        plain,
        place,
    } = PlainList::of(data);
    let mut location = vec![Location::Pinned(0); data.notices.len()];
    for (n, &index) in pinned.iter().enumerate() {
        location[index] = Location::Pinned(n);
    }
    for (n, &index) in unpinned.iter().enumerate() {
        location[index] = Location::FromOldest(unpinned.len() - 1 - n);
    }
    let board = board_for_shards(root.get("board"));
    let mut files = Vec::new();
    let mut add = |prefix: &str, text: String| add_named(&mut files, prefix, text);
    let row = |index: usize| -> Result<Value, String> {
        let mut record = record_of(&data.notices[index])?.clone();
        record.insert("body".into(), Value::String(String::new()));
        record.remove("bodyFormat");
        Ok(Value::Object(record))
    };
    let at = |indices: &[usize]| -> Vec<Value> {
        indices
            .iter()
            .map(|&index| location[index].to_json())
            .collect()
    };

    // Buckets, in id order, each with its notices' neighbours in the plain list.
    let mut by_id: Vec<usize> = (0..data.notices.len()).collect();
    by_id.sort_by_cached_key(|&index| {
        let (key, id) = id_order(&data.notices[index].id);
        (key, id.to_string())
    });
    let mut buckets = Vec::new();
    let mut bucket_of = vec![String::new(); data.notices.len()];
    for bucket in by_id.chunks(notices_per_bucket(data.notices.len())) {
        let mut members: Vec<usize> = bucket.to_vec();
        let mut notices = bucket
            .iter()
            .map(|&index| Ok(Value::Object(record_of(&data.notices[index])?.clone())))
            .collect::<Result<Vec<_>, String>>()?;
        let mut listed: HashSet<usize> = bucket.iter().copied().collect();
        for &index in bucket {
            let n = place[index];
            let neighbours = [n.checked_sub(1), Some(n + 1)];
            for &neighbour in neighbours.iter().flatten().filter_map(|p| plain.get(*p)) {
                if listed.insert(neighbour) {
                    notices.push(row(neighbour)?);
                    members.push(neighbour);
                }
            }
        }
        let published = json!({ "at": at(&members), "whole": bucket.len() });
        let name = add("b", shard(&board, notices, published));
        for &index in bucket {
            bucket_of[index] = name.clone();
        }
        buckets.push((data.notices[bucket[0]].id.clone(), name));
    }
    let bucket_directories = buckets
        .chunks(FILES_PER_DIRECTORY)
        .map(|chunk| {
            let pairs: Vec<Value> = chunk
                .iter()
                .map(|(id, name)| json!([id.as_str(), name]))
                .collect();
            (chunk[0].0.clone(), add("d", json!(pairs).to_string()))
        })
        .collect();
    // Row blocks, from the oldest notice, each row with its bucket: opening a notice from
    // the list, or the excerpt of a row found by its body, takes its bucket at once, not
    // its bucket's directory first.
    let buckets_of = |indices: &[usize]| -> Vec<&str> {
        indices
            .iter()
            .map(|&index| bucket_of[index].as_str())
            .collect()
    };
    let oldest_first: Vec<usize> = unpinned.iter().rev().copied().collect();
    let mut blocks = Vec::new();
    for block in oldest_first.chunks(ROWS_PER_BLOCK) {
        let rows = block
            .iter()
            .map(|&i| row(i))
            .collect::<Result<Vec<_>, _>>()?;
        let published = json!({ "at": at(block), "buckets": buckets_of(block) });
        blocks.push(add("r", shard(&board, rows, published)));
    }
    let row_directories = blocks
        .chunks(FILES_PER_DIRECTORY)
        .map(|names| add("d", json!(names).to_string()))
        .collect();

    let data_file = add("n", text.to_string());
    let search = write_index(data, &place, &mut files);
    let lists = list_files(data);
    files.extend(lists.files);

    let meta = Meta {
        pinned: pinned.len(),
        unpinned: unpinned.len(),
        skipped: data.skipped_count(),
        rows_per_block: ROWS_PER_BLOCK,
        per_directory: FILES_PER_DIRECTORY,
        row_directories,
        bucket_directories,
        categories: lists.categories,
        years: data.years().to_vec(),
        data_file,
        search,
        pinned_after: lists.pinned_after,
        year_rows: lists.year_rows,
        category_file: lists.category_file,
        most_read: lists.most_read,
    };
    // The entry: the pinned notices and the newest others, enough for the first page.
    let first_rows = data.board.page_size.max(ENTRY_ROWS);
    let in_entry: Vec<usize> = pinned
        .iter()
        .chain(unpinned.iter().take(first_rows))
        .copied()
        .collect();
    let rows = in_entry
        .iter()
        .map(|&i| row(i))
        .collect::<Result<Vec<_>, _>>()?;
    let mut entry = Map::new();
    entry.insert("version".into(), json!(1));
    entry.insert(
        "board".into(),
        root.get("board").cloned().unwrap_or(json!({})),
    );
    entry.insert(
        "published".into(),
        meta.to_json(at(&in_entry), buckets_of(&in_entry)),
    );
    entry.insert("notices".into(), Value::Array(rows));
    Ok(Publication {
        files,
        entry: PublishedFile {
            name: ENTRY_FILE.into(),
            text: Value::Object(entry).to_string(),
        },
        meta,
    })
}

/// The search index of `data`, as [`publish`] writes it: its directory's name, and its files
/// (the directory last). For `notices publish --check` to compare with a deployed entry.
pub fn index_files(data: &Dataset) -> (String, Vec<PublishedFile>) {
    let mut files = Vec::new();
    let directory = write_index(data, &PlainList::of(data).place, &mut files);
    (directory, files)
}

/// The plain list of a data set: the pinned notices on top, then the others, each newest
/// first ([`crate::dataset::MOST_PINNED_ON_TOP`]).
struct PlainList {
    /// Indices into the notices, newest first.
    pinned: Vec<usize>,
    unpinned: Vec<usize>,
    /// The indices in list order, and each notice's place in it.
    plain: Vec<usize>,
    place: Vec<usize>,
}

impl PlainList {
    fn of(data: &Dataset) -> PlainList {
        let order = data.plain_order();
        let plain = order.indices().to_vec();
        let (pinned, unpinned) = plain.split_at(order.pinned_on_top());
        let (pinned, unpinned) = (pinned.to_vec(), unpinned.to_vec());
        let mut place = vec![0; data.notices.len()];
        for (n, &index) in plain.iter().enumerate() {
            place[index] = n;
        }
        PlainList {
            pinned,
            unpinned,
            plain,
            place,
        }
    }
}

/// What answers filters and other orders without the whole data file, as the entry names it
/// (see [`Meta`]), and the files it names.
pub struct ListFiles {
    pub categories: Vec<String>,
    pub pinned_after: Vec<usize>,
    pub year_rows: Vec<usize>,
    pub category_file: Option<String>,
    pub most_read: Vec<MostRead>,
    pub files: Vec<PublishedFile>,
}

/// The list files of `data`: written by [`publish`], and worked out again by
/// `notices publish --check` to compare with a deployed entry, without the rest of a publish.
pub fn list_files(data: &Dataset) -> ListFiles {
    let PlainList {
        unpinned, place, ..
    } = PlainList::of(data);
    let categories: Vec<String> = data
        .categories_in_use()
        .iter()
        .map(|category| category.key.clone())
        .collect();
    // Each category's code: 0 for none, else 1 + its place in `categories`.
    let code_of: HashMap<&str, usize> = categories
        .iter()
        .enumerate()
        .map(|(n, key)| (key.as_str(), n + 1))
        .collect();
    let code = |index: usize| {
        let category = data.notices[index].category.as_deref();
        category
            .and_then(|key| code_of.get(key).copied())
            .unwrap_or(0)
    };
    let year_of: HashMap<u16, usize> = data
        .years()
        .iter()
        .enumerate()
        .map(|(n, &year)| (year, n))
        .collect();
    let mut year_rows = vec![0; year_of.len()];
    for &index in &unpinned {
        year_rows[year_of[&data.notices[index].date.year]] += 1;
    }
    // The notices are newest first: count the others met before each one on top.
    let mut pinned_after = Vec::new();
    let mut newer = 0;
    for index in 0..data.notices.len() {
        match data.is_on_top(index) {
            true => pinned_after.push(newer),
            false => newer += 1,
        }
    }
    // The places of the whole list, then of each category, most read first.
    let mut by_reads: Vec<usize> = (0..data.notices.len()).collect();
    by_reads.sort_by(|&a, &b| Sort::MostRead.compare(&data.notices[a], &data.notices[b]));
    let mut orders = vec![Vec::new(); categories.len() + 1];
    for &index in &by_reads {
        orders[0].push(place[index]);
        if let Some(key) = data.notices[index].category.as_deref() {
            orders[code_of[key]].push(place[index]);
        }
    }

    let mut files = Vec::new();
    let mut add = |prefix: &str, text: String| add_named(&mut files, prefix, text);
    let codes: Vec<usize> = unpinned.iter().map(|&index| code(index)).collect();
    let category_file = (!categories.is_empty()).then(|| add("c", json!(codes).to_string()));
    let most_read = orders
        .iter()
        .map(|order| MostRead {
            count: order.len(),
            chunks: order
                .chunks(ORDER_CHUNK)
                .map(|chunk| add("m", json!(chunk).to_string()))
                .collect(),
        })
        .collect();
    ListFiles {
        categories,
        pinned_after,
        year_rows,
        category_file,
        most_read,
        files,
    }
}

/// Adds `text` to `files` under its content name (see [`content_name`]), and gives the name.
pub(super) fn add_named(files: &mut Vec<PublishedFile>, prefix: &str, text: String) -> String {
    let name = content_name(prefix, &text);
    files.push(PublishedFile {
        name: name.clone(),
        text,
    });
    name
}

/// A block or bucket: a data file of format 1 with its place in the board.
fn shard(board: &Value, notices: Vec<Value>, published: Value) -> String {
    json!({ "version": 1, "board": board, "published": published, "notices": notices }).to_string()
}

/// The board as blocks and buckets repeat it: what reading a notice depends on (its
/// language, the hosts its images may come from, its categories), not the site's chrome.
fn board_for_shards(board: Option<&Value>) -> Value {
    let mut board = board
        .and_then(Value::as_object)
        .cloned()
        .unwrap_or_default();
    board.remove("menu");
    board.remove("breadcrumb");
    Value::Object(board)
}

/// A record's id as the reader makes it: a number written in decimal, or the text.
fn id_text(id: Option<&Value>) -> Option<String> {
    match id? {
        Value::Number(number) => Some(number.to_string()),
        Value::String(text) => Some(text.trim().to_string()),
        _ => None,
    }
}
