//! Reads and validates a data file (format version 1). Every field is treated as hostile:
//! a bad notice is reported and left out, and never takes the good ones down with it.

use super::dataset::{search_text, with_search_text, Dataset};
use super::date::{Date, DateStyle};
use super::format::thousands;
use super::language::is_language_tag;
use super::notice::{Attachment, Board, Category, NavLink, Notice, NoticeId};
use super::problem::{LoadError, Place, Problem, MAX_DATA_BYTES};
use super::record::{
    AttachmentRecord, BoardRecord, BodyFormat, DataFileRecord, DateStyleRecord, Field, IdRecord,
    LinkRecord, NoticeRecord,
};
use super::rich_text::Sanitising;
use super::safe_url::{leaves_the_board, origin, resolve, safe_url};
use crate::position::line_and_column;
use escapes::BAD_ESCAPE;
use outline::{Outline, Outliner, Progress};
use serde::Deserialize;
use serde_json::Value;
use std::collections::BTreeMap;
use std::collections::HashMap;
use std::ops::Range;
use std::sync::Arc;

/// The only format version this app reads.
pub const FORMAT_VERSION: u64 = 1;

/// A title, name or label longer than this is refused: it is a broken export, not a title.
const MAX_LINE_CHARS: usize = 1_000;

/// Parses the bytes of a data file fetched from `url`, all at once (see [`DataReader`]).
pub fn parse_data_bytes(bytes: &[u8], url: &str) -> Result<Dataset, LoadError> {
    DataReader::from_bytes(bytes.to_vec(), url)?.finish()
}

/// Parses the text of a data file fetched from `url`, all at once (see [`DataReader`]).
pub fn parse_data_file(text: &str, url: &str) -> Result<Dataset, LoadError> {
    DataReader::from_text(text, url)?.finish()
}

/// A data file being read a piece at a time, so that a browser page stays responsive between
/// slices of the work. The file is outlined first (where its members and notices are, see
/// [`outline`]); then the board is checked, and the notices are parsed, checked, sanitised
/// and folded for search one by one.
pub struct DataReader {
    /// Where the file came from: named in messages, and the base of relative links in bodies.
    url: String,
    /// The file's text, from which the outlined pieces are parsed.
    text: String,
    stage: Stage,
    read: ReadNotices,
    /// Where the first invalid escape is, as serde_json tells it, if there is one: the error
    /// for the whole file when it is not inside a notice (see [`escapes`]).
    bad_escape: Option<LoadError>,
}

enum Stage {
    Outlining(Outliner),
    Reading {
        board: Board,
        entries: Entries,
        /// How many notices the file lists.
        listed: usize,
    },
    Failed(LoadError),
}

/// The notices not read yet.
enum Entries {
    /// Where each one is in the text, to be parsed when it is read.
    Outlined(std::vec::IntoIter<Range<usize>>),
    /// Already parsed, when the whole file had to be parsed at once.
    Parsed(std::vec::IntoIter<Value>),
}

impl Entries {
    fn next(&mut self, text: &str) -> Option<serde_json::Result<Value>> {
        match self {
            Entries::Outlined(ranges) => ranges
                .next()
                .map(|range| serde_json::from_str(&text[range])),
            Entries::Parsed(values) => values.next().map(Ok),
        }
    }

    fn len(&self) -> usize {
        match self {
            Entries::Outlined(ranges) => ranges.len(),
            Entries::Parsed(values) => values.len(),
        }
    }
}

/// What has been read of the notices so far.
#[derive(Default)]
struct ReadNotices {
    notices: Vec<(Notice, String)>,
    problems: Vec<Problem>,
    notes: Vec<Problem>,
    /// By id in lower case: where the first notice with it is in `notices`.
    first_with_id: HashMap<String, usize>,
    /// An HTML body being sanitised, and where its notice is in `notices`: a huge body is
    /// sanitised over several slices of work.
    sanitising: Option<(usize, Sanitising)>,
}

impl DataReader {
    /// Refuses a file over [`MAX_DATA_BYTES`] and one that is not UTF-8 text, then reads it
    /// as [`DataReader::from_text`].
    pub fn from_bytes(bytes: Vec<u8>, url: &str) -> Result<DataReader, LoadError> {
        if bytes.len() > MAX_DATA_BYTES {
            return Err(LoadError::TooLarge {
                url: url.to_string(),
                bytes: bytes.len() as u64,
            });
        }
        match String::from_utf8(bytes) {
            Ok(text) => DataReader::new(text, url),
            Err(error) => {
                let offset = error.utf8_error().valid_up_to();
                let (line, column) = line_and_column(error.as_bytes(), offset);
                Err(LoadError::NotUtf8 { line, column })
            }
        }
    }

    /// Refuses a web page served in place of the data. Everything else that can be wrong is
    /// found while reading, and told by [`DataReader::finish`].
    pub fn from_text(text: &str, url: &str) -> Result<DataReader, LoadError> {
        DataReader::new(text.to_string(), url)
    }

    fn new(mut text: String, url: &str) -> Result<DataReader, LoadError> {
        if text.starts_with('\u{feff}') {
            text.replace_range(.."\u{feff}".len(), "");
        }
        if text.trim_start().starts_with('<') {
            return Err(LoadError::NotJson {
                url: url.to_string(),
            });
        }
        let (text, bad_escape) = escapes::repair(text);
        let bad_escape = bad_escape.map(|(line, column)| LoadError::Malformed {
            line,
            column,
            detail: "invalid escape".into(),
        });
        Ok(DataReader {
            url: url.to_string(),
            text,
            stage: Stage::Outlining(Outliner::default()),
            read: ReadNotices::default(),
            bad_escape,
        })
    }

    /// Reads on as long as `more()` says so (asked before each member or notice, and every
    /// few hundred tags of an HTML body). Returns whether the whole file has been read.
    pub fn read_while(&mut self, mut more: impl FnMut() -> bool) -> bool {
        loop {
            if self.read.sanitising.is_some() {
                if !self.read.sanitise_on(&mut more) {
                    return false;
                }
                continue;
            }
            let done = match &self.stage {
                Stage::Outlining(_) => false,
                Stage::Reading { entries, .. } => entries.len() == 0,
                Stage::Failed(_) => true,
            };
            if done || !more() {
                return done;
            }
            match &mut self.stage {
                Stage::Outlining(outliner) => match outliner.step(&self.text) {
                    Progress::More => {}
                    Progress::Done(outline) => {
                        match DataReader::open_outlined(
                            &self.text,
                            outline,
                            &mut self.read.problems,
                            self.bad_escape.as_ref(),
                        ) {
                            Some(reading) => self.stage = reading,
                            None => self.read_at_once(),
                        }
                    }
                    Progress::Unexpected => self.read_at_once(),
                },
                Stage::Reading {
                    entries,
                    listed,
                    board,
                } => {
                    let position = *listed - entries.len() + 1;
                    let image_hosts = board.image_hosts.as_deref();
                    match entries.next(&self.text) {
                        Some(Ok(entry)) => {
                            let escapes = self.bad_escape.is_some();
                            self.read
                                .entry(position, entry, &self.url, image_hosts, escapes)
                        }
                        // Told as serde_json tells it, at its place in the whole file.
                        Some(Err(_)) => self.read_at_once(),
                        None => {}
                    }
                }
                Stage::Failed(_) => {}
            }
        }
    }

    /// Checks the outlined file's version and board, and lists its notices for reading.
    /// `None` when a member is not JSON or the file is refused: the whole file is then parsed
    /// at once, so that a syntax error anywhere is told first, as serde_json tells it.
    fn open_outlined(
        text: &str,
        outline: Outline,
        problems: &mut Vec<Problem>,
        bad_escape: Option<&LoadError>,
    ) -> Option<Stage> {
        let mut root = serde_json::Map::new();
        for (key, range) in outline.members {
            root.insert(key, serde_json::from_str(&text[range]).ok()?);
        }
        let notices = outline
            .notices
            .map(|ranges| Entries::Outlined(ranges.into_iter()));
        match DataReader::open(root, notices, problems, bad_escape) {
            Stage::Failed(_) => None,
            reading => Some(reading),
        }
    }

    /// Starts again from the whole file parsed at once: the way to serde_json's own message
    /// for a file that is not JSON, and the safe way for anything else the outline does not
    /// expect.
    fn read_at_once(&mut self) {
        self.read = ReadNotices::default();
        self.stage = DataReader::parse_at_once(
            &self.text,
            &mut self.read.problems,
            self.bad_escape.as_ref(),
        );
    }

    fn parse_at_once(
        text: &str,
        problems: &mut Vec<Problem>,
        bad_escape: Option<&LoadError>,
    ) -> Stage {
        let root: Value = match serde_json::from_str(text) {
            Ok(root) => root,
            Err(error) => {
                return Stage::Failed(LoadError::Malformed {
                    line: error.line(),
                    column: error.column(),
                    detail: json_error_detail(&error),
                })
            }
        };
        match root {
            Value::Object(root) => DataReader::open(root, None, problems, bad_escape),
            other => Stage::Failed(LoadError::BadShape {
                field: "(top level)".into(),
                message: format!(
                    "the file must be a JSON object with “version”, “board” and “notices”; found {}.",
                    describe(&other)
                ),
            }),
        }
    }

    /// Checks the file's version and board, and the list of notices: the outlined one, or
    /// else the root's own "notices". An invalid escape outside the notices fails the file
    /// (`bad_escape` is where the first one is).
    fn open(
        mut root: serde_json::Map<String, Value>,
        notices: Option<Entries>,
        problems: &mut Vec<Problem>,
        bad_escape: Option<&LoadError>,
    ) -> Stage {
        if let Some(error) = bad_escape {
            let outside_notices = root.iter().any(|(key, value)| {
                let listed = notices.is_none() && key == "notices" && value.is_array();
                key.contains(BAD_ESCAPE) || (!listed && has_bad_escape(value))
            });
            if outside_notices {
                return Stage::Failed(error.clone());
            }
        }
        let entries = match notices {
            Some(entries) => Ok(entries),
            None => match root.remove("notices") {
                Some(Value::Array(entries)) => Ok(Entries::Parsed(entries.into_iter())),
                other => Err(LoadError::BadShape {
                    field: "notices".into(),
                    message: format!(
                        "must be a list (JSON array) of notices; found {}.",
                        describe_opt(other.as_ref())
                    ),
                }),
            },
        };
        // Read through the record without the notices: it would rebuild all of them.
        let record = DataFileRecord::deserialize(Value::Object(root)).unwrap_or_default();
        let opened = check_version(record.version).and_then(|()| {
            let found = describe_opt(record.board.value());
            let board = match record.board.read() {
                Ok(Some(board)) => read_board(board, problems)?,
                _ => {
                    return Err(LoadError::BadShape {
                        field: "board".into(),
                        message: format!(
                            "must be an object with at least a “title”; found {found}."
                        ),
                    })
                }
            };
            Ok((board, entries?))
        });
        match opened {
            Ok((board, entries)) => Stage::Reading {
                board,
                listed: entries.len(),
                entries,
            },
            Err(error) => Stage::Failed(error),
        }
    }

    /// The data set, once everything has been read.
    pub fn finish(mut self) -> Result<Dataset, LoadError> {
        self.read_while(|| true);
        match self.stage {
            Stage::Failed(error) => Err(error),
            Stage::Reading { board, listed, .. } => {
                let ReadNotices {
                    notices,
                    problems,
                    notes,
                    ..
                } = self.read;
                if notices.is_empty() && listed > 0 {
                    return Err(LoadError::NoValidNotices { problems });
                }
                let mut data = Dataset::from_searchable(board, notices, problems);
                data.notes = notes;
                Ok(data)
            }
            Stage::Outlining(_) => unreachable!("read_while reads to the end"),
        }
    }
}

impl ReadNotices {
    /// Reads one notice; `bad_escapes` when the file has an invalid escape somewhere.
    fn entry(
        &mut self,
        position: usize,
        entry: Value,
        url: &str,
        image_hosts: Option<&[String]>,
        bad_escapes: bool,
    ) {
        if bad_escapes && has_bad_escape(&entry) {
            return self.problems.push(bad_escape_problem(position, &entry));
        }
        if !entry.is_object() {
            return self.problems.push(Problem {
                place: Place::Notice { position, id: None },
                field: "(notice)".into(),
                message: format!(
                    "must be an object with “id”, “title”, “date”, “views” and “body”; found {}.",
                    describe(&entry)
                ),
            });
        }
        let record = NoticeRecord::deserialize(entry).unwrap_or_default();
        match read_notice(record, position, url, image_hosts) {
            Ok((mut notice, sanitising)) => {
                // Keyed without case: `Case` and `case` would be one page file
                // (notice-case.html) on servers and disks that ignore case.
                let key = notice.id.as_str().to_ascii_lowercase();
                let first = match self.first_with_id.get(&key) {
                    Some(&index) => &self.notices[index].0,
                    None => {
                        self.first_with_id.insert(key, self.notices.len());
                        self.leave_out_bidi_controls(&mut notice);
                        match sanitising {
                            // Its search text is made once the body is sanitised.
                            Some(job) => {
                                self.sanitising = Some((self.notices.len(), job));
                                self.notices.push((notice, String::new()));
                            }
                            None => self.notices.push(with_search_text(notice)),
                        }
                        return;
                    }
                };
                let (id, first) = (first.id.as_str(), first.position);
                let message = if id == notice.id.as_str() {
                    format!("repeats the id of notice {first}; every notice needs its own id.")
                } else {
                    format!(
                        "differs only in upper and lower case from the id “{}” of notice {first}: on servers that ignore case both would have the same page. Every notice needs its own id.",
                        truncated(id)
                    )
                };
                self.problems.push(Problem {
                    place: Place::Notice {
                        position,
                        id: Some(notice.id.0),
                    },
                    field: "id".into(),
                    message,
                });
            }
            Err(mut notice_problems) => self.problems.append(&mut notice_problems),
        }
    }
}

impl ReadNotices {
    /// Sanitises on the HTML body being read while `more()` says so; once it is done, the
    /// notice gets it and its search text. Returns whether it is done.
    fn sanitise_on(&mut self, more: impl FnMut() -> bool) -> bool {
        let Some((index, job)) = &mut self.sanitising else {
            return true;
        };
        let index = *index;
        if !job.run(&self.notices[index].0.body, more) {
            return false;
        }
        let Some((_, job)) = self.sanitising.take() else {
            return true;
        };
        let rich = job.finish();
        let (notice, folded) = &mut self.notices[index];
        notice.body = rich.plain_text();
        notice.rich_body = Some(Arc::new(rich));
        *folded = search_text(notice);
        true
    }

    /// Leaves out of the notice's title the bidi controls that reorder text (embeddings,
    /// overrides, isolates), and out of its file names every bidi control (marks too): with
    /// them `invoice\u{202E}fdp.exe` shows as “invoiceexe.pdf”, even inside an isolate.
    /// Right-to-left text itself is kept; the views isolate it.
    fn leave_out_bidi_controls(&mut self, notice: &mut Notice) {
        if let Some(title) = without_bidi_controls(&notice.title, false) {
            note_bidi(&mut self.notes, notice, None, &notice.title);
            notice.title = title;
        }
        for index in 0..notice.attachments.len() {
            let name = &notice.attachments[index].name;
            if let Some(kept) = without_bidi_controls(name, true) {
                note_bidi(&mut self.notes, notice, Some(index), name);
                notice.attachments[index].name = kept;
            }
        }
    }
}

/// Notes for `notices validate` which bidi controls were left out of the title (`None`) or of
/// attachment `file`'s name. Only the native tool shows notes: the wasm has none of this.
#[cfg(not(target_arch = "wasm32"))]
fn note_bidi(notes: &mut Vec<Problem>, notice: &Notice, file: Option<usize>, text: &str) {
    let mut codes: Vec<String> = Vec::new();
    for c in text.chars().filter(|&c| is_bidi_control(c, file.is_some())) {
        let code = format!("U+{:04X}", c as u32);
        if !codes.contains(&code) {
            codes.push(code); // at most the 12 controls
        }
    }
    let (field, harm) = match file {
        None => ("title".to_string(), ""),
        Some(index) => (
            format!("attachments[{index}].name"),
            " and disguise the file's real type (“invoice” U+202E “fdp.exe” shows as “invoiceexe.pdf”)",
        ),
    };
    notes.push(Problem {
        place: Place::Notice {
            position: notice.position,
            id: Some(notice.id.0.clone()),
        },
        field,
        message: format!(
            "has bidirectional text controls ({}), which can make it read in another order than it is written{harm}; the board leaves them out.",
            codes.join(", ")
        ),
    });
}

#[cfg(target_arch = "wasm32")]
fn note_bidi(_: &mut Vec<Problem>, _: &Notice, _: Option<usize>, _: &str) {}

/// The bidi embeddings, overrides and isolates (U+202A–202E, U+2066–2069), and if
/// `marks_too` the marks (U+200E, U+200F, U+061C).
fn is_bidi_control(c: char, marks_too: bool) -> bool {
    matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
        || (marks_too && matches!(c, '\u{200e}' | '\u{200f}' | '\u{61c}'))
}

/// `text` without its bidi controls (see [`is_bidi_control`]), trimmed; `None` when it has
/// none.
fn without_bidi_controls(text: &str, marks_too: bool) -> Option<String> {
    let control = |c: char| is_bidi_control(c, marks_too);
    if !text.contains(control) {
        return None;
    }
    let kept: String = text.chars().filter(|&c| !control(c)).collect();
    Some(kept.trim().to_string())
}

/// A required text that is not only bidi controls (which the reader leaves out).
fn visible(text: Option<String>, marks_too: bool) -> Result<Option<String>, String> {
    match text
        .as_deref()
        .and_then(|t| without_bidi_controls(t, marks_too))
    {
        Some(kept) if kept.is_empty() => Err("must not be empty.".into()),
        _ => Ok(text),
    }
}

/// Whether an invalid escape is anywhere in `value` (see [`escapes`]).
fn has_bad_escape(value: &Value) -> bool {
    match value {
        Value::String(text) => text.contains(BAD_ESCAPE),
        Value::Array(items) => items.iter().any(has_bad_escape),
        Value::Object(members) => members
            .iter()
            .any(|(key, value)| key.contains(BAD_ESCAPE) || has_bad_escape(value)),
        _ => false,
    }
}

/// The problem of a notice with an invalid escape, in its first field that has one.
fn bad_escape_problem(position: usize, entry: &Value) -> Problem {
    let field = entry
        .as_object()
        .and_then(|members| {
            members
                .iter()
                .find(|(key, value)| !key.contains(BAD_ESCAPE) && has_bad_escape(value))
        })
        .map_or_else(|| "(notice)".to_string(), |(key, _)| key.clone());
    let id = match entry.get("id") {
        Some(Value::Number(number)) => Some(number.to_string()),
        Some(Value::String(id)) if !id.contains(BAD_ESCAPE) => Some(truncated(id.trim())),
        _ => None,
    };
    Problem {
        place: Place::Notice { position, id },
        field,
        message: "has an invalid escape: in a text, a backslash must start one of \\\" \\\\ \\/ \\b \\f \\n \\r \\t or \\u with four hex digits (write \\\\ for a backslash itself).".into(),
    }
}

fn check_version(version: Field<u64>) -> Result<(), LoadError> {
    match version.read() {
        Ok(Some(FORMAT_VERSION)) => Ok(()),
        Ok(Some(other)) => Err(LoadError::WrongVersion {
            found: other.to_string(),
        }),
        Err(other) => Err(LoadError::WrongVersion {
            found: truncated(&other.to_string()),
        }),
        Ok(None) => Err(LoadError::WrongVersion {
            found: "missing".into(),
        }),
    }
}

fn read_board(record: BoardRecord, problems: &mut Vec<Problem>) -> Result<Board, LoadError> {
    let defaults = Board::default();
    let title = text(record.title, Required::NonEmpty, MAX_LINE_CHARS)
        .map_err(|message| LoadError::BadShape {
            field: "board.title".into(),
            message,
        })?
        .unwrap_or_default();
    let mut report = |field: &str, message: String| {
        problems.push(Problem {
            place: Place::Board,
            field: format!("board.{field}"),
            message,
        })
    };
    let mut optional_text = |field: Field<String>, name: &str, default: String| match text(
        field,
        Required::No,
        MAX_LINE_CHARS,
    ) {
        Ok(value) => value.unwrap_or(default),
        Err(message) => {
            report(name, message);
            default
        }
    };
    let site_name = optional_text(record.site_name, "siteName", defaults.site_name);
    let site_url = optional_text(record.site_url, "siteUrl", defaults.site_url);
    let lang = optional_text(record.lang, "lang", defaults.lang);

    let mut board = Board {
        title,
        site_name,
        site_url,
        lang,
        ..Board::default()
    };
    if !is_language_tag(&board.lang) {
        report(
            "lang",
            format!(
                "must be a language tag such as “en” or “ko” (found “{}”).",
                truncated(&board.lang)
            ),
        );
        board.lang = Board::default().lang;
    }
    match safe_url(&board.site_url) {
        Some(url) => board.site_url = url,
        None => {
            report(
                "siteUrl",
                "must be a web address (http, https or relative).".into(),
            );
            board.site_url = Board::default().site_url;
        }
    }
    for (name, field, target) in [
        ("breadcrumb", record.breadcrumb, &mut board.breadcrumb),
        ("menu", record.menu, &mut board.menu),
    ] {
        match field.read() {
            Ok(None) => {}
            Ok(Some(links)) => match read_links(links) {
                Ok(links) => *target = links,
                Err(message) => report(name, message),
            },
            Err(other) => report(
                name,
                format!(
                    "must be a list of {{\"label\", \"url\"}} links; found {}.",
                    describe(&other)
                ),
            ),
        }
    }
    match record.page_size.read() {
        Ok(None) => {}
        Ok(Some(n)) if (1..=100).contains(&n) => board.page_size = n as usize,
        Ok(Some(n)) => report(
            "pageSize",
            format!("must be a whole number from 1 to 100 (found the number {n})."),
        ),
        Err(other) => report(
            "pageSize",
            format!(
                "must be a whole number from 1 to 100 (found {}).",
                describe(&other)
            ),
        ),
    }
    match record.date_style.read() {
        Ok(None) => {}
        Ok(Some(style)) => {
            board.date_style = Some(match style {
                DateStyleRecord::Dotted => DateStyle::Dotted,
                DateStyleRecord::Long => DateStyle::Long,
            })
        }
        Err(other) => report(
            "dateStyle",
            format!(
                "must be “dotted” (2026.07.12) or “long” (12 July 2026) (found {}).",
                describe(&other)
            ),
        ),
    }
    match record.categories.read() {
        Ok(None) => {}
        Ok(Some(categories)) => match read_categories(categories) {
            Ok(categories) => board.categories = categories,
            Err(message) => report("categories", message),
        },
        Err(other) => report(
            "categories",
            format!(
                "must be an object mapping each category key to its label, like {{\"press\": \"Press release\"}}; found {}.",
                describe(&other)
            ),
        ),
    }
    match record.image_hosts.read() {
        Ok(None) => {}
        Ok(Some(hosts)) => {
            let mut kept = Vec::new();
            for (index, name) in hosts.iter().enumerate() {
                let host = name.trim().trim_end_matches('.').to_ascii_lowercase();
                let valid = host
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b"-.".contains(&b));
                if valid && (1..=253).contains(&host.len()) {
                    kept.push(host);
                } else {
                    report(
                        "imageHosts",
                        format!(
                            "item {index} must be a host name such as “cdn.mois.go.kr” (found “{}”); images from it are not shown.",
                            truncated(name)
                        ),
                    );
                }
            }
            board.image_hosts = Some(kept);
        }
        Err(other) => {
            report(
                "imageHosts",
                format!(
                    "must be a list of host names such as [\"cdn.mois.go.kr\"]; found {}. Only the board's own images are shown.",
                    describe(&other)
                ),
            );
            board.image_hosts = Some(Vec::new());
        }
    }
    Ok(board)
}

fn read_links(links: Vec<LinkRecord>) -> Result<Vec<NavLink>, String> {
    links
        .into_iter()
        .enumerate()
        .map(|(index, link)| {
            let label = text(link.label, Required::NonEmpty, MAX_LINE_CHARS)
                .map_err(|m| format!("item {index}, “label”: {m}"))?;
            let url = text(link.url, Required::NonEmpty, usize::MAX)
                .map_err(|m| format!("item {index}, “url”: {m}"))?;
            let url = safe_url(&url.unwrap_or_default()).ok_or_else(|| {
                format!("item {index}, “url”: must be a web address (http, https or relative).")
            })?;
            let current =
                flag(link.current).map_err(|m| format!("item {index}, “current”: {m}"))?;
            Ok(NavLink {
                label: label.unwrap_or_default(),
                url,
                current,
            })
        })
        .collect()
}

fn read_categories(entries: BTreeMap<String, Field<String>>) -> Result<Vec<Category>, String> {
    entries
        .into_iter()
        .map(|(key, label)| {
            let found = describe_opt(label.value());
            match label.read() {
                Ok(Some(label)) if !label.trim().is_empty() => Ok(Category {
                    key,
                    label: label.trim().to_string(),
                }),
                _ => Err(format!(
                    "the label of “{}” must be a non-empty text; found {found}.",
                    truncated(&key),
                )),
            }
        })
        .collect()
}

/// Reads one notice, or every problem it has. An HTML body comes back as it is written, with
/// the job that sanitises it.
fn read_notice(
    record: NoticeRecord,
    position: usize,
    url: &str,
    image_hosts: Option<&[String]>,
) -> Result<(Notice, Option<Sanitising>), Vec<Problem>> {
    let raw_id = record.id.value().map(|raw| truncated(&raw.to_string()));
    let mut errors: Vec<(String, String)> = Vec::new();
    let e = &mut errors;
    let id = keep(e, "id", read_id(record.id));
    let title = keep(
        e,
        "title",
        text(record.title, Required::NonEmpty, MAX_LINE_CHARS).and_then(|t| visible(t, false)),
    );
    let date = keep(e, "date", read_date(record.date));
    let views = keep(e, "views", read_views(record.views));
    let body = keep(e, "body", read_body(record.body));
    let html = keep(e, "bodyFormat", read_body_format(record.body_format));
    let category = keep(
        e,
        "category",
        text(record.category, Required::No, MAX_LINE_CHARS),
    );
    let pinned = keep(e, "pinned", flag(record.pinned));
    let lang = keep(e, "lang", read_lang(record.lang));
    let attachments = read_attachments(record.attachments, url, &mut errors);

    match (id, title, date, views, body, html, category, pinned, lang) {
        (
            Some(id),
            Some(Some(title)),
            Some(date),
            Some(views),
            Some(body),
            Some(html),
            Some(category),
            Some(pinned),
            Some(lang),
        ) if errors.is_empty() => {
            let notice = Notice {
                id,
                title,
                date,
                views,
                body,
                rich_body: None,
                category: category.filter(|c| !c.is_empty()),
                pinned,
                lang,
                attachments,
                position,
            };
            Ok((notice, html.then(|| Sanitising::new(url, image_hosts))))
        }
        (id, ..) => {
            let id = id.map(|id| id.0).or(raw_id);
            Err(errors
                .into_iter()
                .map(|(field, message)| Problem {
                    place: Place::Notice {
                        position,
                        id: id.clone(),
                    },
                    field,
                    message,
                })
                .collect())
        }
    }
}

/// The value, or `None` with the field's problem noted.
fn keep<T>(
    errors: &mut Vec<(String, String)>,
    field: &str,
    result: Result<T, String>,
) -> Option<T> {
    result
        .map_err(|message| errors.push((field.to_string(), message)))
        .ok()
}

fn read_id(field: Field<IdRecord>) -> Result<NoticeId, String> {
    const RULE: &str = "must be a whole number or a short text, unique in the file";
    match field.read() {
        Ok(Some(IdRecord::Number(number))) => Ok(NoticeId(number.to_string())),
        Ok(Some(IdRecord::Text(text))) => {
            let text = text.trim();
            if text.is_empty() || text.chars().count() > 200 || text.chars().any(char::is_control) {
                Err(format!("{RULE} (found “{}”).", truncated(text)))
            } else {
                Ok(NoticeId(text.to_string()))
            }
        }
        Ok(None) => Err(format!("is missing; every notice needs an id. It {RULE}.")),
        Err(other) => Err(format!("{RULE} (found {}).", describe_count(&other))),
    }
}

/// The body: line breaks kept (and leading spaces, which indent an outline), no control
/// characters, no spaces at the end.
fn read_body(field: Field<String>) -> Result<String, String> {
    match field.read() {
        Ok(Some(body)) => Ok(without_control_characters(&body).trim_end().to_string()),
        Ok(None) => Err("is missing; it must be a text.".into()),
        Err(other) => Err(format!("must be a text (found {}).", describe(&other))),
    }
}

/// Whether the body is HTML: `"bodyFormat"` is `"html"`, or `"text"` (the default).
fn read_body_format(field: Field<BodyFormat>) -> Result<bool, String> {
    match field.read() {
        Ok(format) => Ok(format == Some(BodyFormat::Html)),
        Err(other) => Err(format!(
            "must be “html” or “text” (found {}).",
            describe(&other)
        )),
    }
}

fn read_date(field: Field<String>) -> Result<Date, String> {
    const RULE: &str = "must be a date written as YYYY-MM-DD, for example 2024-05-16";
    match field.read() {
        Ok(Some(text)) => Date::parse(text.trim())
            .ok_or_else(|| format!("{RULE} (found “{}”).", truncated(&text))),
        Ok(None) => Err(format!("is missing; it {RULE}.")),
        Err(other) => Err(format!("{RULE} (found {}).", describe(&other))),
    }
}

fn read_views(field: Field<u64>) -> Result<u64, String> {
    const RULE: &str = "must be a whole number of 0 or more";
    match field.read() {
        Ok(Some(count)) => Ok(count),
        Ok(None) => Err(format!("is missing; the read count {RULE}.")),
        Err(other) => Err(format!("{RULE} (found {}).", describe_count(&other))),
    }
}

fn read_lang(field: Field<String>) -> Result<Option<String>, String> {
    let found = match field.read() {
        Ok(None) => return Ok(None),
        Ok(Some(tag)) if is_language_tag(tag.trim()) => return Ok(Some(tag.trim().to_string())),
        Ok(Some(tag)) => format!("the text “{}”", truncated(&tag)),
        Err(other) => describe(&other),
    };
    Err(format!(
        "must be a language tag such as “en” or “ko” (found {found})."
    ))
}

/// The notice's files. A relative address is resolved against the data file's own, as links
/// in bodies are: the files are published with the data, wherever the board is shown.
fn read_attachments(
    field: Field<Vec<Field<AttachmentRecord>>>,
    data_url: &str,
    errors: &mut Vec<(String, String)>,
) -> Vec<Attachment> {
    let items = match field.read() {
        Ok(items) => items.unwrap_or_default(),
        Err(other) => {
            errors.push((
                "attachments".into(),
                format!("must be a list of files; found {}.", describe(&other)),
            ));
            return Vec::new();
        }
    };
    let mut attachments = Vec::new();
    for (index, item) in items.into_iter().enumerate() {
        let field = |name: &str| format!("attachments[{index}].{name}");
        let found = describe_opt(item.value());
        let record = match item.read() {
            Ok(Some(record)) => record,
            Ok(None) | Err(_) => {
                errors.push((
                    format!("attachments[{index}]"),
                    format!("must be an object with “name” and “url”; found {found}."),
                ));
                continue;
            }
        };
        let name = text(record.name, Required::NonEmpty, MAX_LINE_CHARS)
            .and_then(|name| visible(name, true))
            .map_err(|m| errors.push((field("name"), m)))
            .ok()
            .flatten();
        let url = match text(record.url, Required::NonEmpty, usize::MAX) {
            Ok(Some(raw)) => safe_url(&raw)
                .map(|url| resolve(data_url, &url))
                .or_else(|| {
                    errors.push((
                        field("url"),
                        format!(
                            "must be a web address (http, https or relative); found “{}”.",
                            truncated(&raw)
                        ),
                    ));
                    None
                }),
            Ok(None) => None,
            Err(message) => {
                errors.push((field("url"), message));
                None
            }
        };
        let size = match record.size.read() {
            Ok(size) => size,
            Err(other) => {
                errors.push((
                    field("size"),
                    format!(
                        "must be a whole number of bytes of 0 or more (found {}).",
                        describe_count(&other)
                    ),
                ));
                None
            }
        };
        let kind = text(record.kind, Required::No, MAX_LINE_CHARS)
            .map_err(|m| errors.push((field("type"), m)))
            .ok()
            .flatten();
        if let (Some(name), Some(url)) = (name, url) {
            let kind = kind
                .filter(|k| !k.is_empty())
                // The file's own extension first: it is what is downloaded.
                .or_else(|| extension(&url).or_else(|| extension(&name)));
            attachments.push(Attachment {
                off_site: leaves_the_board(&url, origin(data_url)),
                name,
                url,
                size,
                kind,
            });
        }
    }
    attachments
}

#[derive(Clone, Copy, PartialEq)]
enum Required {
    No,
    NonEmpty,
}

/// A text field without control characters, trimmed, at most `max_chars` long. `Ok(None)`
/// only when it is optional and absent or null.
fn text(
    field: Field<String>,
    required: Required,
    max_chars: usize,
) -> Result<Option<String>, String> {
    match field.read() {
        Ok(Some(text)) => {
            let text = without_control_characters(&text).trim().to_string();
            let length = if max_chars == usize::MAX {
                0
            } else {
                text.chars().count()
            };
            if required == Required::NonEmpty && text.is_empty() {
                Err("must not be empty.".into())
            } else if length > max_chars {
                Err(format!(
                    "is {} characters long; it can have at most {}.",
                    thousands(length as u64),
                    thousands(max_chars as u64)
                ))
            } else {
                Ok(Some(text))
            }
        }
        Ok(None) if required == Required::No => Ok(None),
        Ok(None) => Err("is missing; it must be a text.".into()),
        Err(other) => Err(format!("must be a text (found {}).", describe(&other))),
    }
}

/// Line breaks as `\n`, without the other control characters (`\u0000`, escape codes…)
/// that exports carry by accident and that a page cannot show.
fn without_control_characters(text: &str) -> String {
    // Most texts have none: one pass over the bytes instead of a rebuild by characters.
    let c1_control = |pair: &[u8]| pair[0] == 0xC2 && (0x80..0xA0).contains(&pair[1]);
    let bytes = text.as_bytes();
    if !bytes
        .iter()
        .any(|&b| (b < 0x20 && b != b'\n' && b != b'\t') || b == 0x7F)
        && !bytes.windows(2).any(c1_control)
    {
        return text.to_string();
    }
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    text.chars()
        .filter(|&c| !c.is_control() || c == '\n' || c == '\t')
        .collect()
}

fn flag(field: Field<bool>) -> Result<bool, String> {
    match field.read() {
        Ok(flag) => Ok(flag.unwrap_or(false)),
        Err(other) => Err(format!(
            "must be true or false (found {}).",
            describe(&other)
        )),
    }
}

/// "PDF" from "report.pdf" (ignoring any query string).
fn extension(name: &str) -> Option<String> {
    let path = name.split(['?', '#']).next().unwrap_or(name);
    let file = path.rsplit('/').next().unwrap_or(path);
    let (_, ext) = file.rsplit_once('.')?;
    (!ext.is_empty() && ext.len() <= 5 && ext.chars().all(|c| c.is_ascii_alphanumeric()))
        .then(|| ext.to_ascii_uppercase())
}

/// A short description of a JSON value for messages: `a number (12)`, `a list`, `nothing (null)`.
fn describe(value: &Value) -> String {
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
fn describe_count(value: &Value) -> String {
    match value {
        Value::Number(number) => number_text(number),
        other => describe(other),
    }
}

/// A JSON number as written, through serde_json's own formatter (core's float formatting
/// would add kilobytes of wasm for messages alone).
fn number_text(number: &serde_json::Number) -> String {
    serde_json::to_string(number).unwrap_or_default()
}

fn describe_opt(value: Option<&Value>) -> String {
    value.map_or_else(|| "nothing (the field is missing)".into(), describe)
}

/// Keeps messages short when a field holds a whole page of text.
fn truncated(text: &str) -> String {
    const LIMIT: usize = 40;
    match text.char_indices().nth(LIMIT) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text.to_string(),
    }
}

/// serde_json's message without its own " at line L column C" suffix (we say that ourselves).
fn json_error_detail(error: &serde_json::Error) -> String {
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

mod escapes;
mod outline;

#[cfg(test)]
mod tests;
