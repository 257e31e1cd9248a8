//! News & Notices: a ministry's notice board, rendered in the browser from a JSON data file.
//!
//! Layout, top-down:
//! - [`model`]: the data file's format, its validation and every pure rule (dates, sizes…).
//! - [`url_state`]: the app's state in the query string; [`screen`]: which view, title,
//!   breadcrumb and status message follow from the data and the URL. Both pure.
//! - [`platform`]: the only module that calls the browser.
//! - [`navigation`] owns the URL, [`app`] owns loading; [`views`] and [`components`] render.

pub mod app;
pub mod components;
pub mod model;
pub mod navigation;
pub mod platform;
pub mod screen;
pub mod url_state;
pub mod views;

pub use app::{App, BoardConfig};

/// Starts a board in every element marked `data-notice-board` on the page.
///
/// Attributes: `data-src` (the data file's URL, default `notices.json`) and `id` (required
/// for the board's skip and "Top" targets; `notice-board` if missing).
pub fn start() {
    for (element, config) in platform::board_elements() {
        leptos::mount::mount_to(element, move || leptos::view! { <App config /> }).forget();
    }
}
