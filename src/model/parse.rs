//! Reads and validates a data file (format version 1). Every field is treated as hostile:
//! a bad notice is reported and left out, and never takes the good ones down with it.

use super::date::Date;
use super::format::thousands;
use super::locate::line_and_column;
use super::notice::{Attachment, Board, Category, NavLink, Notice, NoticeId};
use super::problem::{LoadError, Place, Problem};
use super::rich_text::sanitise;
use super::safe_url::safe_url;
use super::search::fold;
use serde_json::{Map, Value};
use std::collections::HashMap;
use std::sync::Arc;

/// The only format version this app reads.
pub const FORMAT_VERSION: u64 = 1;

/// The largest data file the board reads. A phone tab that parses much more runs out of
/// memory; 150 MB still takes the 100,000-notice benchmark file (about 140 MB).
pub const MAX_DATA_BYTES: usize = 150_000_000;

/// A title, name or label longer than this is refused: it is a broken export, not a title.
const MAX_LINE_CHARS: usize = 1_000;

/// A validated data file.
#[derive(Clone, Debug, PartialEq)]
pub struct Dataset {
    pub board: Board,
    /// The readable notices, newest first.
    pub notices: Vec<Notice>,
    /// Everything that was wrong but not fatal, in file order.
    pub problems: Vec<Problem>,
    /// Each notice's title and body folded for search, computed once at load.
    pub folded: Vec<String>,
}

impl Dataset {
    /// Orders the notices and prepares what search needs.
    pub fn new(board: Board, notices: Vec<Notice>, problems: Vec<Problem>) -> Dataset {
        let notices = notices.into_iter().map(with_search_text).collect();
        Dataset::from_searchable(board, notices, problems)
    }

    /// [`Dataset::new`] for notices whose search text is already prepared.
    fn from_searchable(
        board: Board,
        mut notices: Vec<(Notice, String)>,
        problems: Vec<Problem>,
    ) -> Dataset {
        // Keys computed once: comparing ids would otherwise parse them at every comparison.
        notices.sort_by_cached_key(|(notice, _)| {
            std::cmp::Reverse((notice.date, notice.id.sort_key()))
        });
        let (notices, folded) = notices.into_iter().unzip();
        Dataset {
            board,
            notices,
            problems,
            folded,
        }
    }

    /// Whether any notice is in the category `key`.
    pub fn has_category(&self, key: &str) -> bool {
        self.notices
            .iter()
            .any(|notice| notice.category.as_deref() == Some(key))
    }

    /// The categories in use, in the board's order, then any unlisted ones by key.
    pub fn categories_in_use(&self) -> Vec<Category> {
        let mut keys: Vec<&str> = self
            .notices
            .iter()
            .filter_map(|n| n.category.as_deref())
            .collect();
        keys.sort_unstable();
        keys.dedup();
        let listed = self
            .board
            .categories
            .iter()
            .filter(|c| keys.contains(&c.key.as_str()))
            .cloned();
        let unlisted = keys
            .iter()
            .filter(|key| !self.board.categories.iter().any(|c| c.key == **key))
            .map(|key| Category {
                key: key.to_string(),
                label: key.to_string(),
            });
        listed.chain(unlisted).collect()
    }

    /// The years that have notices, newest first.
    pub fn years(&self) -> Vec<u16> {
        let mut years: Vec<u16> = self.notices.iter().map(|notice| notice.date.year).collect();
        years.sort_unstable_by(|a, b| b.cmp(a));
        years.dedup();
        years
    }

    /// Where the notice with this id is in `notices`.
    pub fn index_of(&self, id: &str) -> Option<usize> {
        self.notices
            .iter()
            .position(|notice| notice.id.as_str() == id)
    }

    /// How many notices were left out because of problems.
    pub fn skipped_count(&self) -> usize {
        let mut positions: Vec<usize> = self
            .problems
            .iter()
            .filter_map(|problem| match problem.place {
                Place::Notice { position, .. } => Some(position),
                Place::Board => None,
            })
            .collect();
        positions.dedup();
        positions.len()
    }
}

/// The notice with its title and body folded for search.
fn with_search_text(notice: Notice) -> (Notice, String) {
    let folded = fold(&format!("{}\n{}", notice.title, notice.body));
    (notice, folded)
}

/// Parses the bytes of a data file fetched from `url`, all at once (see [`DataReader`]).
pub fn parse_data_bytes(bytes: &[u8], url: &str) -> Result<Dataset, LoadError> {
    let mut reader = DataReader::from_bytes(bytes, url)?;
    reader.read_while(|| true);
    reader.finish()
}

/// Parses the text of a data file fetched from `url`, all at once (see [`DataReader`]).
pub fn parse_data_file(text: &str, url: &str) -> Result<Dataset, LoadError> {
    let mut reader = DataReader::from_text(text, url)?;
    reader.read_while(|| true);
    reader.finish()
}

/// A data file being read notice by notice. The file's structure and board are checked at
/// once; the notices (most of the work: checking, sanitising HTML, folding for search) can
/// then be read in slices, between which a browser page stays responsive.
pub struct DataReader {
    /// Where the file came from: named in messages, and the base of relative links in bodies.
    url: String,
    board: Board,
    /// The notices not read yet, each dropped once read.
    entries: std::iter::Enumerate<std::vec::IntoIter<Value>>,
    had_entries: bool,
    notices: Vec<(Notice, String)>,
    problems: Vec<Problem>,
    first_position_of_id: HashMap<String, usize>,
}

impl DataReader {
    /// Refuses a file over [`MAX_DATA_BYTES`] and one that is not UTF-8 text, then reads it
    /// as [`DataReader::from_text`].
    pub fn from_bytes(bytes: &[u8], url: &str) -> Result<DataReader, LoadError> {
        if bytes.len() > MAX_DATA_BYTES {
            return Err(LoadError::TooLarge {
                url: url.to_string(),
                bytes: bytes.len() as u64,
            });
        }
        match std::str::from_utf8(bytes) {
            Ok(text) => DataReader::from_text(text, url),
            Err(error) => {
                let (line, column) = line_and_column(bytes, error.valid_up_to());
                Err(LoadError::NotUtf8 { line, column })
            }
        }
    }

    /// Parses the JSON and checks the file's version, board and list of notices.
    pub fn from_text(text: &str, url: &str) -> Result<DataReader, LoadError> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        if text.trim_start().starts_with('<') {
            return Err(LoadError::NotJson {
                url: url.to_string(),
            });
        }
        let root: Value = serde_json::from_str(text).map_err(|error| LoadError::Malformed {
            line: error.line(),
            column: error.column(),
            detail: json_error_detail(&error),
        })?;
        let Value::Object(mut root) = root else {
            return Err(LoadError::BadShape {
                field: "(top level)".into(),
                message: format!(
                    "the file must be a JSON object with “version”, “board” and “notices”; found {}.",
                    describe(&root)
                ),
            });
        };
        check_version(root.get("version"))?;

        let mut problems = Vec::new();
        let board = match root.get("board") {
            Some(Value::Object(fields)) => read_board(fields, &mut problems)?,
            other => {
                return Err(LoadError::BadShape {
                    field: "board".into(),
                    message: format!(
                        "must be an object with at least a “title”; found {}.",
                        describe_opt(other)
                    ),
                })
            }
        };
        let entries = match root.remove("notices") {
            Some(Value::Array(entries)) => entries,
            other => {
                return Err(LoadError::BadShape {
                    field: "notices".into(),
                    message: format!(
                        "must be a list (JSON array) of notices; found {}.",
                        describe_opt(other.as_ref())
                    ),
                })
            }
        };
        Ok(DataReader {
            url: url.to_string(),
            board,
            had_entries: !entries.is_empty(),
            notices: Vec::with_capacity(entries.len()),
            entries: entries.into_iter().enumerate(),
            problems,
            first_position_of_id: HashMap::new(),
        })
    }

    /// Reads notices as long as `more()` says so (asked before each one). Returns whether
    /// every notice has been read.
    pub fn read_while(&mut self, mut more: impl FnMut() -> bool) -> bool {
        while more() {
            let Some((index, entry)) = self.entries.next() else {
                return true;
            };
            self.read_entry(index + 1, &entry);
        }
        self.entries.len() == 0
    }

    fn read_entry(&mut self, position: usize, entry: &Value) {
        match read_notice(entry, position, &self.url) {
            Ok(notice) => match self.first_position_of_id.get(notice.id.as_str()) {
                Some(first) => self.problems.push(Problem {
                    place: Place::Notice {
                        position,
                        id: Some(notice.id.0.clone()),
                    },
                    field: "id".into(),
                    message: format!(
                        "repeats the id of notice {first}; every notice needs its own id."
                    ),
                }),
                None => {
                    self.first_position_of_id
                        .insert(notice.id.0.clone(), position);
                    self.notices.push(with_search_text(notice));
                }
            },
            Err(mut notice_problems) => self.problems.append(&mut notice_problems),
        }
    }

    /// The data set, once every notice has been read.
    pub fn finish(mut self) -> Result<Dataset, LoadError> {
        self.read_while(|| true);
        if self.notices.is_empty() && self.had_entries {
            return Err(LoadError::NoValidNotices {
                problems: self.problems,
            });
        }
        Ok(Dataset::from_searchable(
            self.board,
            self.notices,
            self.problems,
        ))
    }
}

fn check_version(version: Option<&Value>) -> Result<(), LoadError> {
    match version {
        Some(Value::Number(number)) if number.as_u64() == Some(FORMAT_VERSION) => Ok(()),
        Some(other) => Err(LoadError::WrongVersion {
            found: truncated(&other.to_string()),
        }),
        None => Err(LoadError::WrongVersion {
            found: "missing".into(),
        }),
    }
}

fn read_board(
    fields: &Map<String, Value>,
    problems: &mut Vec<Problem>,
) -> Result<Board, LoadError> {
    let defaults = Board::default();
    let title = text_field(fields, "title", Required::NonEmpty)
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
    let mut optional_text =
        |name: &str, default: String| match text_field(fields, name, Required::No) {
            Ok(value) => value.unwrap_or(default),
            Err(message) => {
                report(name, message);
                default
            }
        };
    let site_name = optional_text("siteName", defaults.site_name);
    let site_url = optional_text("siteUrl", defaults.site_url);
    let lang = optional_text("lang", defaults.lang);

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
    for (name, target) in [
        ("breadcrumb", &mut board.breadcrumb),
        ("menu", &mut board.menu),
    ] {
        if let Some(value) = fields.get(name).filter(|v| !v.is_null()) {
            match read_links(value) {
                Ok(links) => *target = links,
                Err(message) => report(name, message),
            }
        }
    }
    match fields.get("pageSize") {
        None | Some(Value::Null) => {}
        Some(Value::Number(n)) if n.as_u64().is_some_and(|n| (1..=100).contains(&n)) => {
            board.page_size = n.as_u64().unwrap_or(10) as usize;
        }
        Some(other) => report(
            "pageSize",
            format!(
                "must be a whole number from 1 to 100 (found {}).",
                describe(other)
            ),
        ),
    }
    if let Some(value) = fields.get("categories").filter(|v| !v.is_null()) {
        match read_categories(value) {
            Ok(categories) => board.categories = categories,
            Err(message) => report("categories", message),
        }
    }
    Ok(board)
}

fn read_links(value: &Value) -> Result<Vec<NavLink>, String> {
    let Value::Array(items) = value else {
        return Err(format!(
            "must be a list of {{\"label\", \"url\"}} links; found {}.",
            describe(value)
        ));
    };
    items
        .iter()
        .enumerate()
        .map(|(index, item)| {
            let Value::Object(fields) = item else {
                return Err(format!(
                    "item {index} must be an object with “label” and “url”; found {}.",
                    describe(item)
                ));
            };
            let label = text_field(fields, "label", Required::NonEmpty)
                .map_err(|m| format!("item {index}, “label”: {m}"))?;
            let url = text_field(fields, "url", Required::NonEmpty)
                .map_err(|m| format!("item {index}, “url”: {m}"))?;
            let url = safe_url(&url.unwrap_or_default()).ok_or_else(|| {
                format!("item {index}, “url”: must be a web address (http, https or relative).")
            })?;
            let current = bool_field(fields, "current")
                .map_err(|m| format!("item {index}, “current”: {m}"))?;
            Ok(NavLink {
                label: label.unwrap_or_default(),
                url,
                current,
            })
        })
        .collect()
}

fn read_categories(value: &Value) -> Result<Vec<Category>, String> {
    let Value::Object(entries) = value else {
        return Err(format!(
            "must be an object mapping each category key to its label, like {{\"press\": \"Press release\"}}; found {}.",
            describe(value)
        ));
    };
    entries
        .iter()
        .map(|(key, label)| match label {
            Value::String(label) if !label.trim().is_empty() => Ok(Category {
                key: key.clone(),
                label: label.trim().to_string(),
            }),
            other => Err(format!(
                "the label of “{}” must be a non-empty text; found {}.",
                truncated(key),
                describe(other)
            )),
        })
        .collect()
}

/// Reads one notice, or every problem it has.
fn read_notice(entry: &Value, position: usize, url: &str) -> Result<Notice, Vec<Problem>> {
    let Value::Object(fields) = entry else {
        return Err(vec![Problem {
            place: Place::Notice { position, id: None },
            field: "(notice)".into(),
            message: format!(
                "must be an object with “id”, “title”, “date”, “views” and “body”; found {}.",
                describe(entry)
            ),
        }]);
    };
    let mut errors: Vec<(String, String)> = Vec::new();
    let e = &mut errors;
    let id = keep(e, "id", read_id(fields.get("id")));
    let title = keep(e, "title", text_field(fields, "title", Required::NonEmpty));
    let date = keep(e, "date", read_date(fields.get("date")));
    let views = keep(e, "views", read_count(fields.get("views")));
    let body = keep(e, "body", text_field(fields, "body", Required::Yes));
    let html = keep(e, "bodyFormat", read_body_format(fields.get("bodyFormat")));
    let category = keep(e, "category", text_field(fields, "category", Required::No));
    let pinned = keep(e, "pinned", bool_field(fields, "pinned"));
    let lang = keep(e, "lang", read_lang(fields.get("lang")));
    let attachments = read_attachments(fields.get("attachments"), &mut errors);

    match (id, title, date, views, body, html, category, pinned, lang) {
        (
            Some(id),
            Some(Some(title)),
            Some(date),
            Some(views),
            Some(Some(body)),
            Some(html),
            Some(category),
            Some(pinned),
            Some(lang),
        ) if errors.is_empty() => {
            let rich_body = html.then(|| Arc::new(sanitise(&body, url)));
            Ok(Notice {
                id,
                title,
                date,
                views,
                body: rich_body.as_ref().map_or(body, |rich| rich.plain_text()),
                rich_body,
                category: category.filter(|c| !c.is_empty()),
                pinned,
                lang,
                attachments,
                position,
            })
        }
        (id, ..) => {
            let id = id
                .map(|id| id.0)
                .or_else(|| fields.get("id").map(|raw| truncated(&raw.to_string())));
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

fn read_id(value: Option<&Value>) -> Result<NoticeId, String> {
    const RULE: &str = "must be a whole number or a short text, unique in the file";
    match value {
        Some(Value::Number(number)) => number
            .as_u64()
            .map(|n| NoticeId(n.to_string()))
            .ok_or_else(|| format!("{RULE} (found {}).", number_text(number))),
        Some(Value::String(text)) => {
            let text = text.trim();
            if text.is_empty() || text.chars().count() > 200 || text.chars().any(char::is_control) {
                Err(format!("{RULE} (found “{}”).", truncated(text)))
            } else {
                Ok(NoticeId(text.to_string()))
            }
        }
        None | Some(Value::Null) => {
            Err(format!("is missing; every notice needs an id. It {RULE}."))
        }
        Some(other) => Err(format!("{RULE} (found {}).", describe(other))),
    }
}

/// Whether the body is HTML: `"bodyFormat"` is `"html"`, or `"text"` (the default).
fn read_body_format(value: Option<&Value>) -> Result<bool, String> {
    match value {
        None | Some(Value::Null) => Ok(false),
        Some(Value::String(format)) if format == "text" => Ok(false),
        Some(Value::String(format)) if format == "html" => Ok(true),
        Some(other) => Err(format!(
            "must be “html” or “text” (found {}).",
            describe(other)
        )),
    }
}

fn read_date(value: Option<&Value>) -> Result<Date, String> {
    const RULE: &str = "must be a date written as YYYY-MM-DD, for example 2024-05-16";
    match value {
        Some(Value::String(text)) => {
            Date::parse(text.trim()).ok_or_else(|| format!("{RULE} (found “{}”).", truncated(text)))
        }
        None | Some(Value::Null) => Err(format!("is missing; it {RULE}.")),
        Some(other) => Err(format!("{RULE} (found {}).", describe(other))),
    }
}

fn read_count(value: Option<&Value>) -> Result<u64, String> {
    const RULE: &str = "must be a whole number of 0 or more";
    match value {
        Some(Value::Number(number)) => number
            .as_u64()
            .ok_or_else(|| format!("{RULE} (found {}).", number_text(number))),
        None | Some(Value::Null) => Err(format!("is missing; the read count {RULE}.")),
        Some(other) => Err(format!("{RULE} (found {}).", describe(other))),
    }
}

fn read_lang(value: Option<&Value>) -> Result<Option<String>, String> {
    match value {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(tag)) if is_language_tag(tag.trim()) => Ok(Some(tag.trim().to_string())),
        Some(other) => Err(format!(
            "must be a language tag such as “en” or “ko” (found {}).",
            describe(other)
        )),
    }
}

fn read_attachments(value: Option<&Value>, errors: &mut Vec<(String, String)>) -> Vec<Attachment> {
    let items = match value {
        None | Some(Value::Null) => return Vec::new(),
        Some(Value::Array(items)) => items,
        Some(other) => {
            errors.push((
                "attachments".into(),
                format!("must be a list of files; found {}.", describe(other)),
            ));
            return Vec::new();
        }
    };
    let mut attachments = Vec::new();
    for (index, item) in items.iter().enumerate() {
        let field = |name: &str| format!("attachments[{index}].{name}");
        let Value::Object(fields) = item else {
            errors.push((
                format!("attachments[{index}]"),
                format!(
                    "must be an object with “name” and “url”; found {}.",
                    describe(item)
                ),
            ));
            continue;
        };
        let name = text_field(fields, "name", Required::NonEmpty)
            .map_err(|m| errors.push((field("name"), m)))
            .ok()
            .flatten();
        let url = match text_field(fields, "url", Required::NonEmpty) {
            Ok(Some(raw)) => safe_url(&raw).or_else(|| {
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
        let size = match fields.get("size") {
            None | Some(Value::Null) => None,
            some => read_count(some)
                .map_err(|m| errors.push((field("size"), m.replace("number", "number of bytes"))))
                .ok(),
        };
        let kind = text_field(fields, "type", Required::No)
            .map_err(|m| errors.push((field("type"), m)))
            .ok()
            .flatten();
        if let (Some(name), Some(url)) = (name, url) {
            let kind = kind
                .filter(|k| !k.is_empty())
                .or_else(|| extension(&name).or_else(|| extension(&url)));
            attachments.push(Attachment {
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
    Yes,
    NonEmpty,
}

/// A text field, trimmed. `Ok(None)` only when the field is optional and absent or null.
fn text_field(
    fields: &Map<String, Value>,
    name: &str,
    required: Required,
) -> Result<Option<String>, String> {
    match fields.get(name) {
        Some(Value::String(text)) => {
            let text = without_control_characters(text);
            let text = if name == "body" {
                text.trim_end()
            } else {
                text.trim()
            };
            let length = text.chars().count();
            if required == Required::NonEmpty && text.is_empty() {
                Err("must not be empty.".into())
            } else if name != "body" && length > MAX_LINE_CHARS {
                Err(format!(
                    "is {} characters long; it can have at most {}.",
                    thousands(length as u64),
                    thousands(MAX_LINE_CHARS as u64)
                ))
            } else {
                Ok(Some(text.to_string()))
            }
        }
        None | Some(Value::Null) if required == Required::No => Ok(None),
        None | Some(Value::Null) => Err("is missing; it must be a text.".into()),
        Some(other) => Err(format!("must be a text (found {}).", describe(other))),
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

fn bool_field(fields: &Map<String, Value>, name: &str) -> Result<bool, String> {
    match fields.get(name) {
        None | Some(Value::Null) => Ok(false),
        Some(Value::Bool(flag)) => Ok(*flag),
        Some(other) => Err(format!(
            "must be true or false (found {}).",
            describe(other)
        )),
    }
}

/// The shape of a BCP 47 tag (`en`, `ko-KR`, `zh-Hant-TW`), without checking registries.
pub(crate) fn is_language_tag(tag: &str) -> bool {
    let mut parts = tag.split('-');
    let primary_ok = parts
        .next()
        .is_some_and(|p| (2..=8).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphabetic()));
    primary_ok
        && parts.all(|p| (1..=8).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphanumeric()))
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

#[cfg(test)]
mod tests;
