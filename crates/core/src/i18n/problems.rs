//! Problems with the data file told in the interface language: what a reader of the page is
//! told when the board cannot load, and where an editor's problem is.

use super::Text;
use crate::problem::{LoadError, Place, Problem};

impl Problem {
    /// Where the problem is, in the board's language (`Notice 3 (id “63605”), field “date”: `);
    /// the message after it is the parser's, in English, as `notices validate` writes it.
    pub fn place_text(&self, text: &Text) -> String {
        let place = match &self.place {
            Place::Board => text.problem_board.to_string(),
            Place::Notice { position, id } => (text.problem_notice)(*position, id.as_deref()),
        };
        place + &(text.problem_field)(&self.field)
    }
}

impl LoadError {
    /// One sentence for anyone reading the page, in the board's language.
    pub fn summary(&self, text: &Text) -> String {
        let reason = match self {
            LoadError::NotFound { .. } => text.reason_not_found,
            LoadError::Http { status, .. } if *status >= 500 => text.reason_server,
            LoadError::Http { .. } => text.reason_refused,
            LoadError::Network { .. } => text.reason_unreachable,
            LoadError::TooLarge { .. } => text.reason_too_large,
            LoadError::NotJson { .. }
            | LoadError::NotUtf8 { .. }
            | LoadError::Malformed { .. }
            | LoadError::BadShape { .. } => text.reason_damaged,
            LoadError::WrongVersion { .. } => text.reason_wrong_format,
            LoadError::NoValidNotices { .. } => text.reason_none_readable,
        };
        (text.load_failed)(reason)
    }

    /// What to do next, for a citizen.
    pub fn advice(&self, text: &Text) -> &'static str {
        match self {
            LoadError::Network { .. } => text.advice_network,
            LoadError::Http { status, .. } if *status >= 500 => text.advice_soon,
            _ => text.advice_later,
        }
    }
}
