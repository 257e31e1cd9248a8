//! Reads and validates a data file (format version 1). Every field is treated as hostile:
//! a bad notice is reported and left out, and never takes the good ones down with it.

use super::dataset::{search_text, with_search_text, Dataset};
use super::notice::{Board, Notice};
use super::problem::{LoadError, Place, Problem, MAX_DATA_BYTES};
use super::record::{DataFileRecord, NoticeRecord};
use super::rich_text::Sanitising;
use crate::position::line_and_column;
use escapes::BAD_ESCAPE;
use fields::{check_version, read_board, read_notice};
use messages::{describe, describe_opt, json_error_detail, truncated};
use outline::{Outline, Outliner, Progress};
use serde::Deserialize;
use serde_json::Value;
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
        board: Box<Board>,
        /// What a published file says about its place in the published board.
        published: Option<Value>,
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
    /// Whether notices are left without their search text (see
    /// [`DataReader::without_search_text`]).
    unsearched: bool,
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

    /// Leaves the notices without their search text: the files of a published board are
    /// searched through its index, and folding every notice they bring is wasted work.
    pub fn without_search_text(mut self) -> DataReader {
        self.read.unsearched = true;
        self
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
                    ..
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
        let published = root.remove("published");
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
                board: Box::new(board),
                published,
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
            Stage::Reading {
                board,
                listed,
                published,
                ..
            } => {
                let ReadNotices {
                    notices,
                    problems,
                    notes,
                    ..
                } = self.read;
                if notices.is_empty() && listed > 0 {
                    return Err(LoadError::NoValidNotices { problems });
                }
                let mut data = Dataset::from_searchable(*board, notices, problems);
                data.notes = notes;
                data.published = published;
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
                            None if self.unsearched => self.notices.push((notice, String::new())),
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
        if !self.unsearched {
            *folded = search_text(notice);
        }
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

mod escapes;
mod fields;
mod messages;
mod outline;

#[cfg(test)]
mod tests;
