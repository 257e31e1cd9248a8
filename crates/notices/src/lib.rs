//! The board's native tool (`notices`, see `main.rs`): what runs on an editor's machine or
//! in the build, never in the browser.
//!
//! - [`prerender`] renders the app's own components to static pages, and [`widget_script`]
//!   writes the script host pages include, with the board's first views in it;
//! - [`feed`] writes the Atom feed and the sitemap;
//! - [`publish`] writes the board as small static files, and checks a deployed folder;
//! - [`pages`] says which pages the site has, for both of those and for removing old ones;
//! - [`warnings`] and [`locate`] tell an editor what to check in a data file, and where;
//! - [`csv_import`] turns a spreadsheet into the data file's notices.

pub mod csv_import;
pub mod feed;
pub mod locate;
pub mod pages;
pub mod prerender;
pub mod publish;
pub mod warnings;
pub mod widget_script;
