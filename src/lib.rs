//! News & Notices: a ministry's notice board, rendered in the browser from a JSON data file.
//!
//! This crate is the Leptos app. What it shows and says comes from `notice_core` (the data
//! file, search, listing, the URL state and each screen's words: pure, no browser); the
//! native tool in `crates/notices` renders the same components to static pages.
//!
//! Layout, top-down:
//! - [`platform`]: the only module that calls the browser.
//! - [`navigation`] owns the URL, [`app`] owns loading; [`views`] and [`components`] render.

pub mod app;
pub mod board_names;
pub mod components;
pub mod navigation;
#[cfg(test)]
mod no_text_in_views;
pub mod platform;
pub mod views;

pub use app::{App, BoardConfig, Mode};

/// Starts the board that is the page itself: the element marked `data-notice-board="page"`.
pub fn start_page() {
    for (element, config) in platform::page_boards() {
        if !config.prerendered {
            leptos::mount::mount_to(element, move || leptos::view! { <App config /> }).forget();
            continue;
        }
        // A prerendered page is taken over once the data is in; until then, and for good
        // if it cannot be loaded, the page works as it is, through its links. Parsing the
        // data and rendering the board are separate tasks, so the page stays responsive.
        // (Leptos' own spawner only starts with the first mount.)
        wasm_bindgen_futures::spawn_local(async move {
            let Ok(data) = platform::fetch_dataset(config.data_url.clone(), false).await else {
                return;
            };
            platform::next_task().await;
            let config = BoardConfig {
                preloaded: Some(std::sync::Arc::new(data)),
                ..config
            };
            leptos::mount::mount_to(element, move || leptos::view! { <App config /> }).forget();
        });
    }
}

/// Starts every board embedded in a host page (elements marked `data-notice-board`), each in
/// its own shadow root styled by `stylesheet`. See docs/embedding.md.
pub fn start_widgets(stylesheet: &str) {
    for (element, config) in platform::widget_boards(stylesheet) {
        leptos::mount::mount_to(element, move || leptos::view! { <App config /> }).forget();
    }
}
