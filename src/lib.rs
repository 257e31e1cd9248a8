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
#[cfg(not(target_arch = "wasm32"))]
pub mod prerender;
pub mod screen;
pub mod url_state;
pub mod views;

pub use app::{App, BoardConfig, Mode};

/// Starts the board that is the page itself: the element marked `data-notice-board="page"`.
pub fn start_page() {
    for (element, config) in platform::page_boards() {
        leptos::mount::mount_to(element, move || leptos::view! { <App config /> }).forget();
    }
}

/// Starts every board embedded in a host page (elements marked `data-notice-board`), each in
/// its own shadow root styled by `stylesheet`. See the README's "Embedding" section.
pub fn start_widgets(stylesheet: &str) {
    for (element, config) in platform::widget_boards(stylesheet) {
        leptos::mount::mount_to(element, move || leptos::view! { <App config /> }).forget();
    }
}
