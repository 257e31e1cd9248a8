//! The published form on disk (`notices publish`, and the prerender step): the files of
//! [`notice_core::published::publish`] written into a folder with `.br` and `.gz` copies,
//! safely for a visitor who has a page open, and a check of a deployed folder
//! (`notices publish --check`).
//!
//! Writing is safe on a CDN: content-named files never change, so one that exists with the
//! same bytes is left alone; every file is written to a temporary name and renamed, its
//! compressed copies before it, and the entry ([`ENTRY_FILE`]) last. A publish keeps the
//! files of the one before (a page opened then still finds its blocks and buckets) and
//! removes those older still.

use notice_core::notice::IdKey;
use notice_core::published::{
    content_name, first_ids, id_order, locations, names, publish, Directory, Location, Locations,
    Meta, PublishedFile, ENTRY_FILE, FOLDER, HASH_DIGITS,
};
use notice_core::{parse_data_file, Dataset, NoticeId};
use std::collections::{HashMap, HashSet};
use std::io::{Read, Write};
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};

/// The compressed copies written next to every file, as `<name><suffix>`.
pub const COMPRESSED: [&str; 2] = [".br", ".gz"];

/// What a publish did, in files on disk (each file and its compressed copies count).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Summary {
    /// Files of this publish, and how many of them were written (the others were there,
    /// unchanged).
    pub files: usize,
    pub written: usize,
    pub kept: usize,
    /// Files of publishes before the previous one, removed.
    pub removed: usize,
    /// The size of this publish's files, and of their brotli copies (what a visitor fetches).
    pub bytes: u64,
    pub brotli_bytes: u64,
    /// Why older files were left in place, if they were.
    pub note: Option<String>,
}

/// Publishes `data`, read from the data file `text`, into `dir` (the data file's folder).
pub fn publish_into(dir: &Path, data: &Dataset, text: &str) -> Result<Summary, String> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let publication = publish(data, text)?;
    let entry_path = dir.join(ENTRY_FILE);
    let previous = std::fs::read_to_string(&entry_path).ok();
    let folder = dir.join(FOLDER);
    std::fs::create_dir_all(&folder)
        .map_err(|error| format!("cannot create {}: {error}", folder.display()))?;
    let mut summary = Summary::default();
    let mut pending = Vec::new();
    for file in &publication.files {
        summary.files += 1 + COMPRESSED.len();
        summary.bytes += file.text.len() as u64;
        match unchanged(dir, file) {
            Some(brotli_bytes) => {
                summary.kept += 1 + COMPRESSED.len();
                summary.brotli_bytes += brotli_bytes;
            }
            None => pending.push(file),
        }
    }
    put_all(dir, &pending, &mut summary)?;
    put_all(dir, &[&publication.entry], &mut summary)?;
    summary.files += 1 + COMPRESSED.len();
    summary.bytes += publication.entry.text.len() as u64;

    // The previous publish stays readable: pages opened from it go on fetching its files.
    let mut keep: HashSet<String> = publication.files.iter().map(|f| f.name.clone()).collect();
    let unchanged = previous.as_deref() == Some(publication.entry.text.as_str());
    match previous.as_deref().map(|entry| referenced(dir, entry)) {
        // Publishing the same board again starts no new generation: nothing goes.
        _ if unchanged => summary.note = None,
        None => {}
        Some(Ok(names)) => keep.extend(names),
        Some(Err(why)) => summary.note = Some(why),
    }
    let sweep = !unchanged && summary.note.is_none();
    let entries = std::fs::read_dir(&folder)
        .map_err(|error| format!("cannot list {}: {error}", folder.display()))?;
    for entry in entries.flatten() {
        let file = entry.file_name().to_string_lossy().into_owned();
        let leftover = file.ends_with(".tmp");
        let plain = COMPRESSED
            .iter()
            .find_map(|suffix| file.strip_suffix(suffix))
            .unwrap_or(&file);
        let old = sweep && is_content_name(plain) && !keep.contains(&format!("{FOLDER}/{plain}"));
        if leftover || old {
            std::fs::remove_file(entry.path())
                .map_err(|error| format!("cannot remove {}: {error}", entry.path().display()))?;
            summary.removed += 1;
        }
    }
    Ok(summary)
}

/// The size of the brotli copy of `file` if it is in `dir` already, with the same bytes,
/// and its copies are there too (written before it: see [`put`]).
fn unchanged(dir: &Path, file: &PublishedFile) -> Option<u64> {
    let path = dir.join(&file.name);
    let copy = |suffix: &str| std::fs::metadata(dir.join(format!("{}{suffix}", file.name)));
    let same = std::fs::read(&path).is_ok_and(|old| old == file.text.as_bytes());
    let copies = COMPRESSED
        .iter()
        .all(|suffix| copy(suffix).is_ok_and(|m| m.is_file()));
    (same && copies).then(|| copy(".br").map_or(0, |m| m.len()))
}

/// Writes `files` (each as [`put`] does) on every core, the largest first: brotli at
/// quality 11 is most of a publish's time. Adds what it wrote to `summary`.
fn put_all(dir: &Path, files: &[&PublishedFile], summary: &mut Summary) -> Result<(), String> {
    let mut files = files.to_vec();
    files.sort_by_key(|file| std::cmp::Reverse(file.text.len()));
    let next = AtomicUsize::new(0);
    let workers = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(files.len());
    let written: Vec<Result<u64, String>> = std::thread::scope(|scope| {
        let writers: Vec<_> = (0..workers)
            .map(|_| {
                scope.spawn(|| {
                    let mut brotli_bytes = 0;
                    while let Some(file) = files.get(next.fetch_add(1, Ordering::Relaxed)) {
                        brotli_bytes += put(dir, file)?;
                    }
                    Ok(brotli_bytes)
                })
            })
            .collect();
        writers
            .into_iter()
            .map(|writer| {
                writer
                    .join()
                    .unwrap_or_else(|_| Err("a writer failed".into()))
            })
            .collect()
    });
    for brotli_bytes in written {
        summary.brotli_bytes += brotli_bytes?;
    }
    summary.written += files.len() * (1 + COMPRESSED.len());
    Ok(())
}

/// Writes `file` and its compressed copies into `dir`: the copies first, the file itself
/// last, so that a file whose name is there is complete, with its copies. Gives the size
/// of the brotli copy.
fn put(dir: &Path, file: &PublishedFile) -> Result<u64, String> {
    let bytes = file.text.as_bytes();
    let with_suffix = |suffix: &str| dir.join(format!("{}{suffix}", file.name));
    let brotli = brotli(bytes);
    write_whole(&with_suffix(".br"), &brotli)?;
    write_whole(&with_suffix(".gz"), &gzip(bytes))?;
    write_whole(&dir.join(&file.name), bytes)?;
    Ok(brotli.len() as u64)
}

/// Writes `path` under a temporary name, then renames it: a reader sees the old file or
/// the whole new one, never half of it.
pub fn write_whole(path: &Path, bytes: &[u8]) -> Result<(), String> {
    let mut temporary = path.as_os_str().to_owned();
    temporary.push(".tmp");
    std::fs::write(&temporary, bytes)
        .and_then(|()| std::fs::rename(&temporary, path))
        .map_err(|error| format!("cannot write {}: {error}", path.display()))
}

/// `bytes` compressed with brotli at its best (quality 11), as a static host serves it.
pub fn brotli(bytes: &[u8]) -> Vec<u8> {
    let params = brotli::enc::BrotliEncoderParams {
        quality: 11,
        size_hint: bytes.len(),
        ..Default::default()
    };
    let mut out = Vec::new();
    brotli::BrotliCompress(&mut &bytes[..], &mut out, &params)
        .expect("compressing in memory cannot fail");
    out
}

/// `bytes` compressed with gzip at its best (level 9); the header has no time, so the same
/// file always compresses to the same bytes.
pub fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::new(9));
    encoder
        .write_all(bytes)
        .and_then(|()| encoder.finish())
        .expect("compressing in memory cannot fail")
}

/// Every file a publish's entry names, read from the directories in `dir`: its
/// directories, the blocks and buckets they list, and its copy of the data file.
fn referenced(dir: &Path, entry: &str) -> Result<Vec<String>, String> {
    let unreadable =
        |what: &str| format!("the previous {ENTRY_FILE} {what}, so no older file was removed");
    let meta = serde_json::from_str::<serde_json::Value>(entry)
        .ok()
        .and_then(|entry| Meta::from_json(entry.get("published")?).ok())
        .ok_or_else(|| unreadable("cannot be read"))?;
    let mut all = vec![meta.data_file.clone()];
    all.extend(meta.category_file.iter().cloned());
    all.extend(meta.most_read.iter().flat_map(|order| order.chunks.clone()));
    let directory = |name: &str| {
        std::fs::read_to_string(dir.join(name))
            .ok()
            .and_then(|text| serde_json::from_str::<serde_json::Value>(&text).ok())
            .ok_or_else(|| unreadable(&format!("names {name}, which cannot be read")))
    };
    for name in &meta.row_directories {
        let blocks = names(&directory(name)?).ok_or_else(|| unreadable("has a bad directory"))?;
        all.extend(blocks);
        all.push(name.clone());
    }
    for (_, name) in &meta.bucket_directories {
        let buckets =
            first_ids(&directory(name)?).ok_or_else(|| unreadable("has a bad directory"))?;
        all.extend(buckets.into_iter().map(|(_, bucket)| bucket));
        all.push(name.clone());
    }
    let index = std::fs::read(dir.join(&meta.search))
        .ok()
        .and_then(|bytes| Directory::from_bytes(&bytes))
        .ok_or_else(|| unreadable("has a bad search index"))?;
    all.extend(index.names().map(str::to_string));
    all.push(meta.search);
    Ok(all)
}

/// Whether `file` (in [`FOLDER`]) is named as a publish names its files: a letter, a dash,
/// [`HASH_DIGITS`] hex digits, `.json`. Nothing else in the folder is ever removed.
fn is_content_name(file: &str) -> bool {
    let bytes = file.as_bytes();
    bytes.len() == 2 + HASH_DIGITS + 5
        && bytes[0].is_ascii_lowercase()
        && bytes[1] == b'-'
        && bytes[2..2 + HASH_DIGITS]
            .iter()
            .all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
        && file.ends_with(".json")
}

/// One thing wrong in a deployed folder: the file (relative to the folder) and what.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub file: String,
    pub message: String,
}

/// What `notices publish --check` found.
#[derive(Clone, Debug, Default)]
pub struct Check {
    /// How many files were read (each file and its compressed copies count).
    pub files: usize,
    pub problems: Vec<Problem>,
}

impl Check {
    fn problem(&mut self, file: &str, message: impl Into<String>) {
        self.problems.push(Problem {
            file: file.to_string(),
            message: message.into(),
        });
    }
}

/// Checks that the board published in `dir` (the folder of [`ENTRY_FILE`]) is complete and
/// consistent: every file the entry names is there, named for its content, with compressed
/// copies of the same bytes; the blocks hold every notice of the list once, each where its
/// place says; the buckets hold every notice of the data file once, each in the run of ids
/// its directory gives it. Each file is read once, so the time is linear in the folder.
pub fn check(dir: &Path) -> Check {
    let mut check = Check::default();
    let Some(entry_text) = read_checked(dir, ENTRY_FILE, &mut check) else {
        return check;
    };
    let meta = match serde_json::from_str::<serde_json::Value>(&entry_text) {
        Err(error) => Err(format!("is not JSON: {error}")),
        Ok(entry) => match entry.get("published") {
            None => Err("has no “published” member: it is not a published board".into()),
            Some(published) => {
                Meta::from_json(published).map_err(|error| error.details().join(" "))
            }
        },
    };
    let meta = match meta {
        Ok(meta) => meta,
        Err(why) => {
            check.problem(ENTRY_FILE, why);
            return check;
        }
    };
    let mut list = List::new(&meta);
    // The bucket each row of the entry and the blocks names (by file), to be found holding it.
    let mut named_buckets: Vec<(String, Vec<(String, String)>)> = Vec::new();
    let mut name_buckets = |file: &str, shard: &Shard| {
        if let Some(buckets) = &shard.buckets {
            let rows = shard.notices.iter();
            let named = rows.map(|(id, _, position)| (id.clone(), buckets[position - 1].clone()));
            named_buckets.push((file.to_string(), named.collect()));
        }
    };
    if let Some(entry) = read_shard(ENTRY_FILE, &entry_text, &mut check) {
        list.entry(ENTRY_FILE, &entry, &mut check);
        name_buckets(ENTRY_FILE, &entry);
    }

    // The row blocks, oldest first, each holding its run of places.
    let mut blocks = 0;
    let directories = meta.row_directories.len();
    for (d, directory) in meta.row_directories.iter().enumerate() {
        let Some(text) = read_content(dir, directory, &mut check) else {
            continue;
        };
        let Some(names) = serde_json::from_str(&text).ok().as_ref().and_then(names) else {
            check.problem(directory, "is not a list of row blocks");
            continue;
        };
        if d + 1 < directories && names.len() != meta.per_directory {
            let message = format!(
                "lists {} row blocks, not {}",
                names.len(),
                meta.per_directory
            );
            check.problem(directory, message);
        }
        for (j, name) in names.iter().enumerate() {
            blocks += 1;
            if let Some(block) = read_content(dir, name, &mut check)
                .and_then(|text| read_shard(name, &text, &mut check))
            {
                list.block(name, d * meta.per_directory + j, &block, &mut check);
                name_buckets(name, &block);
            }
        }
    }
    let needed = meta.unpinned.div_ceil(meta.rows_per_block);
    if blocks != needed {
        let message = format!(
            "its directories list {blocks} row blocks; its {} notices need {needed}",
            meta.unpinned
        );
        check.problem(ENTRY_FILE, message);
    }
    if list.in_blocks.len() != meta.unpinned {
        let message = format!(
            "its row blocks hold {} of the {} notices that are not pinned",
            list.in_blocks.len(),
            meta.unpinned
        );
        check.problem(ENTRY_FILE, message);
    }

    // The data file's copy: what the buckets must hold.
    let copy =
        read_content(dir, &meta.data_file, &mut check).and_then(|text| {
            match parse_data_file(&text, &meta.data_file) {
                Ok(data) => Some(data),
                Err(error) => {
                    let message = format!("is not a data file: {}", error.details().join(" "));
                    check.problem(&meta.data_file, message);
                    None
                }
            }
        });
    // The files that answer filters and orders: there, and the ones the copy gives.
    let order_files = meta.most_read.iter().flat_map(|order| &order.chunks);
    for name in meta.category_file.iter().chain(order_files) {
        read_content(dir, name, &mut check);
    }
    if let Some(data) = &copy {
        let again = notice_core::published::list_files(data);
        let same = (
            &again.most_read,
            &again.category_file,
            &again.pinned_after,
            &again.year_rows,
        ) == (
            &meta.most_read,
            &meta.category_file,
            &meta.pinned_after,
            &meta.year_rows,
        );
        if !same {
            let message = format!(
                "its lists for filters and orders are not those of {}",
                meta.data_file
            );
            check.problem(ENTRY_FILE, message);
        }
        // The search index: the one the copy gives, every file of it there.
        let (index, files) = notice_core::published::index_files(data);
        if index != meta.search {
            let message = format!("its search index is not that of {}", meta.data_file);
            check.problem(ENTRY_FILE, message);
        }
        for file in &files {
            read_content(dir, &file.name, &mut check);
        }
        if data.notices.len() != meta.total() || data.skipped_count() != meta.skipped {
            let message = format!(
                "has {} notices ({} left out), where {ENTRY_FILE} says {} ({} left out)",
                data.notices.len(),
                data.skipped_count(),
                meta.total(),
                meta.skipped
            );
            check.problem(&meta.data_file, message);
        }
    }

    // The buckets, in id order, each from the id its directory gives to the next one's.
    let mut buckets: Vec<(NoticeId, String)> = Vec::new();
    for (first, directory) in &meta.bucket_directories {
        let Some(text) = read_content(dir, directory, &mut check) else {
            continue;
        };
        let Some(pairs) = serde_json::from_str(&text)
            .ok()
            .as_ref()
            .and_then(first_ids)
        else {
            check.problem(directory, "is not a list of buckets");
            continue;
        };
        if pairs.first().map(|(id, _)| id) != Some(first) {
            let message = format!(
                "does not start at id {}, as {ENTRY_FILE} says",
                first.as_str()
            );
            check.problem(directory, message);
        }
        buckets.extend(pairs);
    }
    let mut in_buckets: HashSet<String> = HashSet::new();
    let mut holder: HashMap<String, &str> = HashMap::new();
    for (n, (first, name)) in buckets.iter().enumerate() {
        let next = buckets.get(n + 1).map(|(id, _)| order(id));
        if let Some(bucket) =
            read_content(dir, name, &mut check).and_then(|text| read_shard(name, &text, &mut check))
        {
            let ids = (order(first), next);
            list.bucket(name, &bucket, ids, &mut in_buckets, &mut check);
            let whole = bucket.notices.iter().filter(|(.., at)| *at <= bucket.whole);
            holder.extend(whole.map(|(id, ..)| (id.clone(), name.as_str())));
        }
    }
    for (file, named) in &named_buckets {
        let mut wrong = Wrong::default();
        for (id, bucket) in named {
            if holder.get(id) != Some(&bucket.as_str()) {
                wrong.add("bucket", || {
                    format!("{id} is not in {bucket}, the bucket it names")
                });
            }
        }
        wrong.report(file, &mut check);
    }
    if let Some(data) = &copy {
        let missing = data
            .notices
            .iter()
            .filter(|notice| !in_buckets.contains(notice.id.as_str()))
            .count();
        let foreign = (in_buckets.len() + missing).saturating_sub(data.notices.len());
        if missing > 0 || foreign > 0 {
            let message = format!(
                "{missing} of its notices are in no bucket, and the buckets hold {foreign} notices it does not have"
            );
            check.problem(&meta.data_file, message);
        }
    }
    check
}

/// A block's or bucket's notices: each one's id, location and position in the file (from 1;
/// the first `whole` are whole notices, the others rows).
struct Shard {
    notices: Vec<(String, Location, usize)>,
    whole: usize,
    /// The bucket of each notice (by position), where the file names them.
    buckets: Option<Vec<String>>,
}

/// Reads a published file as the app does: a data file of format 1 with no problem, whose
/// `"published"` member says where each notice is.
fn read_shard(name: &str, text: &str, check: &mut Check) -> Option<Shard> {
    let data = match parse_data_file(text, name) {
        Ok(data) => data,
        Err(error) => {
            let message = format!("is not a data file: {}", error.details().join(" "));
            check.problem(name, message);
            return None;
        }
    };
    if let Some(problem) = data.problems.first() {
        let more = data.problems.len() - 1;
        check.problem(name, format!("{problem} (and {more} more problems)"));
    }
    let Locations { at, whole, buckets } = match locations(data.published.as_ref()) {
        Ok(found) => found,
        Err(error) => {
            check.problem(name, error.details().join(" "));
            return None;
        }
    };
    if at.len() != data.notices.len() + data.skipped_count() {
        let message = format!("has {} notices but {} places", data.notices.len(), at.len());
        check.problem(name, message);
    }
    let mut notices = Vec::with_capacity(data.notices.len());
    let mut wrong = Wrong::default();
    for notice in data.notices {
        let id = notice.id.as_str().to_string();
        match at.get(notice.position.wrapping_sub(1)) {
            Some(&location) => notices.push((id, location, notice.position)),
            None => wrong.add("no place", || format!("{id} has no place in “at”")),
        }
    }
    wrong.report(name, check);
    Some(Shard {
        notices,
        whole,
        buckets,
    })
}

/// A notice id's place in the order buckets are cut in.
type IdOrder = (IdKey, String);

fn order(id: &NoticeId) -> IdOrder {
    let (key, text) = id_order(id);
    (key, text.to_string())
}

/// What the check has learnt of the plain list: which notice is at each place.
struct List<'a> {
    meta: &'a Meta,
    at_place: HashMap<usize, String>,
    /// The places the row blocks fill.
    in_blocks: HashSet<usize>,
}

impl<'a> List<'a> {
    fn new(meta: &'a Meta) -> Self {
        List {
            meta,
            at_place: HashMap::new(),
            in_blocks: HashSet::new(),
        }
    }

    /// Notes that `id` is at `location`, unless the board has no such place or another
    /// notice is there.
    fn put(&mut self, id: &str, location: Location, wrong: &mut Wrong) -> Option<usize> {
        let Some(place) = self.meta.place(location) else {
            wrong.add("no place", || {
                format!("{id} is at a place the board does not have")
            });
            return None;
        };
        match self.at_place.get(&place) {
            Some(other) if other != id => {
                wrong.add("taken", || {
                    format!("{id} is at the place of notice {other}")
                });
                None
            }
            Some(_) => Some(place),
            None => {
                self.at_place.insert(place, id.to_string());
                Some(place)
            }
        }
    }

    /// The entry: every pinned notice, and the newest others.
    fn entry(&mut self, name: &str, entry: &Shard, check: &mut Check) {
        let mut wrong = Wrong::default();
        let mut pinned = HashSet::new();
        for (id, location, _) in &entry.notices {
            if self.put(id, *location, &mut wrong).is_some() {
                if let Location::Pinned(n) = location {
                    pinned.insert(*n);
                }
            }
        }
        if pinned.len() != self.meta.pinned {
            let message = format!(
                "holds {} of the {} pinned notices",
                pinned.len(),
                self.meta.pinned
            );
            check.problem(name, message);
        }
        wrong.report(name, check);
    }

    /// Row block `number` (from the oldest): the places from `number × rows per block` on.
    fn block(&mut self, name: &str, number: usize, block: &Shard, check: &mut Check) {
        let mut wrong = Wrong::default();
        let per = self.meta.rows_per_block;
        let run = number.saturating_mul(per)..number.saturating_add(1).saturating_mul(per);
        for (id, location, _) in &block.notices {
            if !matches!(location, Location::FromOldest(n) if run.contains(n)) {
                wrong.add("block", || {
                    format!("{id} is not at a place of row block {number}")
                });
            } else if let Some(place) = self.put(id, *location, &mut wrong) {
                if !self.in_blocks.insert(place) {
                    wrong.add("twice", || format!("{id} is in the row blocks twice"));
                }
            }
        }
        wrong.report(name, check);
    }

    /// A bucket: whole notices in id order, from `first` to before the next bucket's
    /// first, then rows of their neighbours; each at the place the entry and blocks say.
    fn bucket(
        &mut self,
        name: &str,
        bucket: &Shard,
        (first, next): (IdOrder, Option<IdOrder>),
        in_buckets: &mut HashSet<String>,
        check: &mut Check,
    ) {
        let mut wrong = Wrong::default();
        if bucket.whole == 0 {
            check.problem(name, "holds no whole notice");
        }
        for (id, location, position) in &bucket.notices {
            self.put(id, *location, &mut wrong);
            if *position > bucket.whole {
                continue;
            }
            let key = order(&NoticeId(id.clone()));
            let in_run = match position {
                1 => key == first,
                _ => key > first,
            } && next.as_ref().is_none_or(|next| key < *next);
            if !in_run {
                let says =
                    || format!("{id} is not in the run of ids its directory gives the bucket");
                wrong.add("run", says);
            }
            if !in_buckets.insert(id.clone()) {
                wrong.add("twice", || format!("{id} is in two buckets"));
            }
        }
        wrong.report(name, check);
    }
}

/// What is wrong with the notices of one file: for each kind of problem (a handful), what
/// the first notice with it says, and how many have it (a broken file of 32 notices is a
/// line, not 32).
#[derive(Default)]
struct Wrong {
    kinds: Vec<(&'static str, String, usize)>,
}

impl Wrong {
    /// Notes a problem of `kind`; `says` is only asked of the first notice with it.
    fn add(&mut self, kind: &'static str, says: impl FnOnce() -> String) {
        match self.kinds.iter_mut().find(|(seen, _, _)| *seen == kind) {
            Some((_, _, count)) => *count += 1,
            None => self.kinds.push((kind, says(), 1)),
        }
    }

    fn report(self, name: &str, check: &mut Check) {
        for (_, first, count) in self.kinds {
            let more = match count {
                1 => String::new(),
                n => format!(" (and {} more notices)", n - 1),
            };
            check.problem(name, format!("notice {first}{more}"));
        }
    }
}

/// Reads a file the entry names: it must be in the folder and named for its content.
fn read_content(dir: &Path, name: &str, check: &mut Check) -> Option<String> {
    let prefix = name
        .strip_prefix(FOLDER)
        .and_then(|rest| rest.strip_prefix('/'))
        .filter(|file| is_content_name(file))
        .map(|file| &file[..1]);
    let Some(prefix) = prefix else {
        check.problem(
            name,
            format!("is not a name a publish gives (“{FOLDER}/x-<{HASH_DIGITS} hex digits>.json”)"),
        );
        return None;
    };
    let text = read_checked(dir, name, check)?;
    let named = content_name(prefix, &text);
    if named != name {
        let message = format!("does not hold what its name says (its content is that of {named}): it was changed after it was published");
        check.problem(name, message);
    }
    Some(text)
}

/// Reads `name` in `dir` as UTF-8 text, and checks its `.br` and `.gz` copies hold the same
/// bytes.
fn read_checked(dir: &Path, name: &str, check: &mut Check) -> Option<String> {
    let bytes = match std::fs::read(dir.join(name)) {
        Ok(bytes) => bytes,
        Err(error) => {
            check.problem(name, unreadable(&error));
            return None;
        }
    };
    check.files += 1;
    for suffix in COMPRESSED {
        let copy = format!("{name}{suffix}");
        let compressed = match std::fs::read(dir.join(&copy)) {
            Ok(compressed) => compressed,
            Err(error) => {
                check.problem(&copy, unreadable(&error));
                continue;
            }
        };
        check.files += 1;
        // Read one byte more than the file has, and no further: a copy that holds more
        // than it should is wrong however much more it holds.
        let limit = bytes.len() as u64 + 1;
        let mut unpacked = Vec::with_capacity(bytes.len());
        let read = match suffix {
            ".br" => brotli::Decompressor::new(&compressed[..], 4096)
                .take(limit)
                .read_to_end(&mut unpacked),
            _ => flate2::read::GzDecoder::new(&compressed[..])
                .take(limit)
                .read_to_end(&mut unpacked),
        };
        match read {
            Err(error) => check.problem(&copy, format!("cannot be decompressed: {error}")),
            Ok(_) if unpacked != bytes => {
                check.problem(&copy, format!("does not decompress to {name}"))
            }
            Ok(_) => {}
        }
    }
    match String::from_utf8(bytes) {
        Ok(text) => Some(text),
        Err(_) => {
            check.problem(name, "is not UTF-8 text");
            None
        }
    }
}

/// Why a file could not be read, for an editor: most often it was never uploaded.
fn unreadable(error: &std::io::Error) -> String {
    match error.kind() {
        std::io::ErrorKind::NotFound => "is missing".into(),
        _ => format!("cannot be read: {error}"),
    }
}

#[cfg(test)]
mod tests;
