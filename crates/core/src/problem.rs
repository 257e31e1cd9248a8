//! What can go wrong with the data file, in words an editor can act on.

use std::fmt;

/// The largest data file the board reads. A phone tab that parses much more runs out of
/// memory; 150 MB still takes the 100,000-notice benchmark file (about 140 MB).
pub const MAX_DATA_BYTES: usize = 150_000_000;

/// One thing wrong with one part of the data file. A notice with a problem is left out of the
/// board; a board setting with a problem falls back to its default.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub place: Place,
    /// The field's name as written in the data file (`date`, `attachments[0].url`).
    pub field: String,
    /// What is wrong, in plain words, ending with what was found.
    pub message: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Place {
    Board,
    /// `position` counts from 1 in the file's `notices` array; `id` when the notice has a usable one.
    Notice {
        position: usize,
        id: Option<String>,
    },
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.place {
            Place::Board => write!(f, "Board settings")?,
            Place::Notice {
                position,
                id: Some(id),
            } => write!(f, "Notice {position} (id “{id}”)")?,
            Place::Notice { position, id: None } => write!(f, "Notice {position}")?,
        }
        write!(f, ", field “{}”: {}", self.field, self.message)
    }
}

/// Why the board could not be shown at all.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LoadError {
    /// The server answered 404 or 410.
    NotFound { url: String, status: u16 },
    /// Any other unsuccessful HTTP status.
    Http { url: String, status: u16 },
    /// No answer at all: offline, DNS, CORS, connection reset.
    Network { url: String },
    /// The answer was a web page (e.g. a server's HTML error page), not JSON.
    NotJson { url: String },
    /// The file is larger than the board reads (`MAX_DATA_BYTES`).
    TooLarge { url: String, bytes: u64 },
    /// The file is not UTF-8 text.
    NotUtf8 { line: usize, column: usize },
    /// The answer is not valid JSON.
    Malformed {
        line: usize,
        column: usize,
        detail: String,
    },
    /// `version` is missing or not one this app reads.
    WrongVersion { found: String },
    /// The top level of the file has the wrong shape.
    BadShape { field: String, message: String },
    /// There are notices, but not one of them could be read.
    NoValidNotices { problems: Vec<Problem> },
}

impl LoadError {
    /// Precise details for the editor or web team who can fix it (in English, as the
    /// command-line tools write them).
    pub fn details(&self) -> Vec<String> {
        match self {
            LoadError::NotFound { url, status } => vec![format!(
                "The server answered {status} (not found) for {url}. Check that the data file is published at this address."
            )],
            LoadError::Http { url, status } => vec![format!("The server answered HTTP status {status} for {url}.")],
            LoadError::Network { url } => vec![format!(
                "No answer from the server for {url} (network error, or blocked by the browser, for example by CORS)."
            )],
            LoadError::NotJson { url } => vec![format!(
                "{url} returned a web page (HTML) instead of JSON data. The address may be wrong or the file missing."
            )],
            LoadError::TooLarge { url, bytes } => vec![format!(
                "{url} is {} MB; this board reads data files of up to {} MB. Publish fewer notices in it (for example, move older years to an archive file).",
                bytes / 1_000_000,
                MAX_DATA_BYTES / 1_000_000
            )],
            LoadError::NotUtf8 { line, column } => vec![format!(
                "The data file is not UTF-8 text: at line {line}, column {column} there are bytes in another encoding. Export or save it as UTF-8."
            )],
            LoadError::Malformed { line, column, detail } => vec![format!(
                "The data file is not valid JSON at line {line}, column {column}: {detail}."
            )],
            LoadError::WrongVersion { found } => vec![format!(
                "The data file's “version” is {found}; this board reads version 1."
            )],
            LoadError::BadShape { field, message } => vec![format!("Field “{field}”: {message}")],
            LoadError::NoValidNotices { problems } => problems.iter().map(ToString::to_string).collect(),
        }
    }

    /// Classifies an unsuccessful HTTP status.
    pub fn from_status(url: &str, status: u16) -> LoadError {
        let url = url.to_string();
        match status {
            404 | 410 => LoadError::NotFound { url, status },
            _ => LoadError::Http { url, status },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn problems_name_the_notice_and_the_field() {
        let problem = Problem {
            place: Place::Notice {
                position: 3,
                id: Some("63605".into()),
            },
            field: "date".into(),
            message: "must be a date written as YYYY-MM-DD (found \"2016.07.12\").".into(),
        };
        assert_eq!(
            problem.to_string(),
            "Notice 3 (id “63605”), field “date”: must be a date written as YYYY-MM-DD (found \"2016.07.12\")."
        );
    }

    #[test]
    fn http_statuses_are_told_apart() {
        assert!(matches!(
            LoadError::from_status("n.json", 404),
            LoadError::NotFound { .. }
        ));
        let server = LoadError::from_status("n.json", 500);
        let en = crate::i18n::Locale::En.text();
        assert_eq!(
            server.summary(en),
            "The notices could not be loaded because the server had a problem."
        );
        assert!(server.details()[0].contains("500"));
        assert!(LoadError::from_status("n.json", 403)
            .summary(en)
            .contains("refused"));
    }
}
