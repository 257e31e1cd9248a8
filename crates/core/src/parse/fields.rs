//! Reading each field of the data file: what a valid value is, the message for any other,
//! and the defaults a board setting falls back to.

use super::messages::{describe, describe_count, describe_opt, truncated};
use super::{visible, FORMAT_VERSION, MAX_LINE_CHARS};
use crate::date::{Date, DateStyle};
use crate::format::thousands;
use crate::language::is_language_tag;
use crate::notice::{Attachment, Board, Category, NavLink, Notice, NoticeId};
use crate::problem::{LoadError, Place, Problem};
use crate::record::{
    AttachmentRecord, BoardRecord, BodyFormat, DateStyleRecord, Field, IdRecord, LinkRecord,
    NoticeRecord,
};
use crate::rich_text::Sanitising;
use crate::safe_url::{leaves_the_board, origin, resolve, safe_url};
use std::collections::BTreeMap;

pub(super) fn check_version(version: Field<u64>) -> Result<(), LoadError> {
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

pub(super) fn read_board(
    record: BoardRecord,
    problems: &mut Vec<Problem>,
) -> Result<Board, LoadError> {
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

pub(super) fn read_links(links: Vec<LinkRecord>) -> Result<Vec<NavLink>, String> {
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

pub(super) fn read_categories(
    entries: BTreeMap<String, Field<String>>,
) -> Result<Vec<Category>, String> {
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
pub(super) fn read_notice(
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
pub(super) fn keep<T>(
    errors: &mut Vec<(String, String)>,
    field: &str,
    result: Result<T, String>,
) -> Option<T> {
    result
        .map_err(|message| errors.push((field.to_string(), message)))
        .ok()
}

pub(super) fn read_id(field: Field<IdRecord>) -> Result<NoticeId, String> {
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
pub(super) fn read_body(field: Field<String>) -> Result<String, String> {
    match field.read() {
        Ok(Some(body)) => Ok(without_control_characters(&body).trim_end().to_string()),
        Ok(None) => Err("is missing; it must be a text.".into()),
        Err(other) => Err(format!("must be a text (found {}).", describe(&other))),
    }
}

/// Whether the body is HTML: `"bodyFormat"` is `"html"`, or `"text"` (the default).
pub(super) fn read_body_format(field: Field<BodyFormat>) -> Result<bool, String> {
    match field.read() {
        Ok(format) => Ok(format == Some(BodyFormat::Html)),
        Err(other) => Err(format!(
            "must be “html” or “text” (found {}).",
            describe(&other)
        )),
    }
}

pub(super) fn read_date(field: Field<String>) -> Result<Date, String> {
    const RULE: &str = "must be a date written as YYYY-MM-DD, for example 2024-05-16";
    match field.read() {
        Ok(Some(text)) => Date::parse(text.trim())
            .ok_or_else(|| format!("{RULE} (found “{}”).", truncated(&text))),
        Ok(None) => Err(format!("is missing; it {RULE}.")),
        Err(other) => Err(format!("{RULE} (found {}).", describe(&other))),
    }
}

pub(super) fn read_views(field: Field<u64>) -> Result<u64, String> {
    const RULE: &str = "must be a whole number of 0 or more";
    match field.read() {
        Ok(Some(count)) => Ok(count),
        Ok(None) => Err(format!("is missing; the read count {RULE}.")),
        Err(other) => Err(format!("{RULE} (found {}).", describe_count(&other))),
    }
}

pub(super) fn read_lang(field: Field<String>) -> Result<Option<String>, String> {
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
pub(super) fn read_attachments(
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
pub(super) enum Required {
    No,
    NonEmpty,
}

/// A text field without control characters, trimmed, at most `max_chars` long. `Ok(None)`
/// only when it is optional and absent or null.
pub(super) fn text(
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
pub(super) fn without_control_characters(text: &str) -> String {
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

pub(super) fn flag(field: Field<bool>) -> Result<bool, String> {
    match field.read() {
        Ok(flag) => Ok(flag.unwrap_or(false)),
        Err(other) => Err(format!(
            "must be true or false (found {}).",
            describe(&other)
        )),
    }
}

/// "PDF" from "report.pdf" (ignoring any query string).
pub(super) fn extension(name: &str) -> Option<String> {
    let path = name.split(['?', '#']).next().unwrap_or(name);
    let file = path.rsplit('/').next().unwrap_or(path);
    let (_, ext) = file.rsplit_once('.')?;
    (!ext.is_empty() && ext.len() <= 5 && ext.chars().all(|c| c.is_ascii_alphanumeric()))
        .then(|| ext.to_ascii_uppercase())
}
