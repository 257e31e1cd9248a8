//! The data model and every pure rule about it. Nothing here knows about Leptos or the
//! browser, so all of it is unit-tested natively with `cargo test`.

pub mod csv_import;
pub mod dataset;
pub mod date;
pub mod format;
pub mod language;
pub mod listing;
pub mod locate;
pub mod notice;
pub mod parse;
pub mod problem;
pub mod record;
pub mod rich_text;
pub mod safe_url;
pub mod search;
pub mod warnings;

pub use dataset::Dataset;
pub use date::Date;
pub use notice::{Attachment, Board, Category, NavLink, Notice, NoticeId};
pub use parse::parse_data_file;
pub use problem::{LoadError, Place, Problem};
pub use safe_url::safe_url;
