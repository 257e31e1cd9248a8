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
use platform::{Board, Cache};

/// Starts the board that is the page itself: the element marked `data-notice-board="page"`.
pub fn start_page() {
    platform::page_boards().into_iter().for_each(start);
}

/// Starts every board embedded in a host page (elements marked `data-notice-board`), each in
/// the shadow root `widget.js` gave it. See docs/embedding.md.
pub fn start_widgets() {
    platform::widget_boards().into_iter().for_each(start);
}

fn start(board: Board) {
    match board {
        Board::Empty(element, config) => {
            leptos::mount::mount_to(element, move || leptos::view! { <App config /> }).forget();
        }
        Board::Prerendered(element, config) => take_over_when_loaded(element, config),
    }
}

/// A prerendered board is taken over once what its first view shows is in; until then, and
/// for good if it cannot be loaded, it works as it is, through its links. Parsing the
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
