//! The page's address, its history entries and its title.

use super::{document, window};
use crate::config::Mode;
use leptos::prelude::*;
use wasm_bindgen::JsValue;

/// The page's path (`/eng/news/index.html`), to build links that keep the page and change the query.
pub fn current_path() -> String {
    window().location().pathname().unwrap_or_default()
}

/// The page's query string, with its `?`.
pub fn current_query() -> String {
    window().location().search().unwrap_or_default()
}

/// Adds a history entry for `url` (a path plus query). On its own page the board first
/// remembers how far the current entry was scrolled, so that Back can return there; in a
/// widget it leaves the host page's history state alone.
pub fn push_url(url: &str, mode: Mode) {
    let Ok(history) = window().history() else {
        return;
    };
    if mode == Mode::Page {
        let scroll_y = window().scroll_y().unwrap_or(0.0);
        let _ = history.replace_state(&JsValue::from_f64(scroll_y), "");
        let _ = history.push_state_with_url(&JsValue::from_f64(0.0), "", Some(url));
    } else {
        let _ = history.push_state_with_url(&JsValue::NULL, "", Some(url));
    }
}

/// Replaces the current history entry's URL, keeping its saved scroll position.
pub fn replace_url(url: &str) {
    let Ok(history) = window().history() else {
        return;
    };
    let state = history.state().unwrap_or(JsValue::NULL);
    let _ = history.replace_state_with_url(&state, "", Some(url));
}

/// We restore scroll positions ourselves, after the view for the entry has been rendered;
/// the browser's own restoration would run before it and land on the wrong content.
pub fn take_over_scroll_restoration() {
    if let Ok(history) = window().history() {
        let _ = history.set_scroll_restoration(web_sys::ScrollRestoration::Manual);
    }
}

/// Calls `on_change(saved_scroll_y)` when the person goes Back or Forward.
pub fn on_history_change(on_change: impl Fn(f64) + 'static) {
    let handle = window_event_listener(leptos::ev::popstate, move |event| {
        let scroll_y = event.state().as_f64().unwrap_or(0.0);
        on_change(scroll_y);
    });
    // The listener lives as long as the page: a standalone board is never unmounted.
    std::mem::forget(handle);
}

pub fn set_document_title(title: &str) {
    document().set_title(title);
}

/// Points the page's canonical link, if it has one (the prerendered pages do when built
/// with the public address), at `href`, resolved against it: a view the app renders from
/// the data (`index.html?id=…`) is then indexed at its own address, not as the list.
pub fn set_canonical(href: &str) {
    let Some(link) = document()
        .query_selector("link[rel=canonical]")
        .ok()
        .flatten()
    else {
        return;
    };
    let base = link.get_attribute("href").unwrap_or_default();
    if let Ok(url) = web_sys::Url::new_with_base(href, &base) {
        if base != url.href() {
            let _ = link.set_attribute("href", &url.href());
        }
    }
}

/// True for a click that should stay in the app: the main button with no modifier key.
/// Ctrl/Cmd/Shift/Alt-clicks and middle clicks keep their browser meaning (new tab, window…).
pub fn is_plain_click(event: &leptos::ev::MouseEvent) -> bool {
    event.button() == 0
        && !(event.ctrl_key() || event.meta_key() || event.shift_key() || event.alt_key())
}
