//! News & Notices: a ministry's notice board, rendered in the browser from a JSON data file.
//!
//! This crate is the Leptos app. What it shows and says comes from `notice_core` (the data
//! file, search, listing, the URL state and each screen's words: pure, no browser); the
//! native tool in `crates/notices` renders the same components to static pages.
//!
//! Layout, top-down:
//! - [`config`]: how a board is set up, read from its mount element; [`context`]: what the
//!   app shares with its components.
//! - [`platform`]: the only module that calls the browser, one file per concern.
//! - [`navigation`] owns the URL, [`app`] owns loading; [`views`] (one per screen) and
//!   [`components`] render.

pub mod app;
pub mod board_names;
pub mod components;
pub mod config;
pub mod context;
pub mod loader;
pub mod navigation;
#[cfg(test)]
mod no_text_in_views;
pub mod platform;
#[cfg(test)]
mod render_tests;
pub mod views;

pub use app::App;
pub use config::{BoardConfig, Mode, Start};
use notice_core::screen::Load;
use platform::{Cache, PageBoard};

/// Starts the board that is the page itself: the element marked `data-notice-board="page"`.
pub fn start_page() {
    for board in platform::page_boards() {
        let (element, config) = match board {
            PageBoard::Empty(element, config) => (element, config),
            PageBoard::Prerendered(element, config) => {
                take_over_when_loaded(element, config);
                continue;
            }
        };
        leptos::mount::mount_to(element, move || leptos::view! { <App config /> }).forget();
    }
}

/// A prerendered page is taken over once what its first view shows is in; until then, and
/// for good if it cannot be loaded, the page works as it is, through its links. Parsing the
/// data and rendering the board are separate tasks, so the page stays responsive. (Leptos'
/// own spawner only starts with the first mount.)
fn take_over_when_loaded(element: web_sys::HtmlElement, config: BoardConfig) {
    wasm_bindgen_futures::spawn_local(async move {
        let source = loader::Source::of(&config);
        let load = source.load_for(&config.initial_url(), Cache::Use).await;
        if matches!(load, Load::Failed(_) | Load::Loading) {
            return;
        }
        platform::next_task().await;
        let config = BoardConfig {
            start: Start::TakeOver(load),
            ..config
        };
        leptos::mount::mount_to(element, move || leptos::view! { <App config /> }).forget();
    });
}

/// Starts every board embedded in a host page (elements marked `data-notice-board`), each in
/// its own shadow root styled by `stylesheet`. See docs/embedding.md.
pub fn start_widgets(stylesheet: &str) {
    for (element, config) in platform::widget_boards(stylesheet) {
        leptos::mount::mount_to(element, move || leptos::view! { <App config /> }).forget();
    }
}
