//! The board's core: the data file's format, reading and validating it, the data set and
//! every pure rule about it (dates, search, listing, sizes), the state in the URL, and what
//! each screen shows and says, in the board's interface language.
//!
//! Nothing here knows about Leptos or the browser: the app (the root crate) and the native
//! tool (`crates/notices`) both build on it, and all of it is unit-tested natively.

pub mod dataset;
pub mod date;
pub mod format;
pub mod i18n;
pub mod language;
pub mod listing;
pub mod notice;
pub mod parse;
pub mod position;
pub mod problem;
pub mod published;
pub mod record;
pub mod rich_text;
pub mod safe_url;
pub mod screen;
pub mod search;
pub mod url_state;

pub use dataset::Dataset;
pub use date::Date;
pub use notice::{Attachment, Board, Category, NavLink, Notice, NoticeId};
pub use parse::parse_data_file;
pub use problem::{LoadError, Place, Problem};
pub use safe_url::safe_url;
