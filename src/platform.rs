//! Every call into the browser lives here: URL and history, focus and scroll, fetching the
//! data file. Views never call the browser directly, only through these functions from event
//! handlers and effects, so that the same components can also be rendered to HTML natively.

use crate::model::{parse_data_file, Dataset, LoadError};
use leptos::prelude::*;
use wasm_bindgen::{closure::Closure, JsCast, JsValue};

fn window() -> web_sys::Window {
    web_sys::window().expect("a browser window")
}

fn document() -> web_sys::Document {
    window().document().expect("a document")
}

/// The page's path (`/eng/news/index.html`), to build links that keep the page and change the query.
pub fn current_path() -> String {
    window().location().pathname().unwrap_or_default()
}

/// The page's query string, with its `?`.
pub fn current_query() -> String {
    window().location().search().unwrap_or_default()
}

/// Adds a history entry for `url` (a path plus query), after remembering how far the
/// current entry was scrolled so that Back can return there.
pub fn push_url(url: &str) {
    let Ok(history) = window().history() else {
        return;
    };
    let scroll_y = window().scroll_y().unwrap_or(0.0);
    let _ = history.replace_state(&JsValue::from_f64(scroll_y), "");
    let _ = history.push_state_with_url(&JsValue::from_f64(0.0), "", Some(url));
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

/// Calls `on_change(query, saved_scroll_y)` when the person goes Back or Forward.
pub fn on_history_change(on_change: impl Fn(String, f64) + 'static) {
    let handle = window_event_listener(leptos::ev::popstate, move |event| {
        let scroll_y = event.state().as_f64().unwrap_or(0.0);
        on_change(current_query(), scroll_y);
    });
    // The listener lives as long as the page: a standalone board is never unmounted.
    std::mem::forget(handle);
}

pub fn set_document_title(title: &str) {
    document().set_title(title);
}

/// True for a click that should stay in the app: the main button with no modifier key.
/// Ctrl/Cmd/Shift/Alt-clicks and middle clicks keep their browser meaning (new tab, window…).
pub fn is_plain_click(event: &leptos::ev::MouseEvent) -> bool {
    event.button() == 0
        && !(event.ctrl_key() || event.meta_key() || event.shift_key() || event.alt_key())
}

/// Runs `then` after the DOM has been updated for the latest state change.
pub fn after_render(then: impl FnOnce() + 'static) {
    // Leptos applies DOM updates in a microtask; an animation frame comes after those.
    request_animation_frame(then);
}

pub fn scroll_to(y: f64) {
    window().scroll_to_with_x_and_y(0.0, y);
}

/// Moves keyboard focus to the first element matching `selector` inside the board without
/// scrolling, making it focusable only while it has focus.
pub fn focus_first(root_id: &str, selector: &str) {
    if let Ok(Some(element)) = document().query_selector(&format!("#{root_id} {selector}")) {
        focus_without_scrolling(element);
    }
}

/// Moves keyboard focus to the element with `id` and scrolls it into view. Its temporary
/// `tabindex="-1"` is removed when focus leaves, so it never becomes a stray tab stop or
/// shows a focus ring when clicked later.
pub fn focus_target(id: &str) {
    if let Some(element) = document().get_element_by_id(id) {
        element.scroll_into_view();
        focus_without_scrolling(element);
    }
}

fn focus_without_scrolling(element: web_sys::Element) {
    let Ok(element) = element.dyn_into::<web_sys::HtmlElement>() else {
        return;
    };
    if !element.has_attribute("tabindex") {
        let _ = element.set_attribute("tabindex", "-1");
        let target = element.clone();
        let remove = Closure::once_into_js(move || {
            let _ = target.remove_attribute("tabindex");
        });
        let options = web_sys::AddEventListenerOptions::new();
        options.set_once(true);
        let _ = element.add_event_listener_with_callback_and_add_event_listener_options(
            "blur",
            remove.unchecked_ref(),
            &options,
        );
    }
    let options = web_sys::FocusOptions::new();
    options.set_prevent_scroll(true);
    let _ = element.focus_with_options(&options);
}

/// Fetches and validates the data file. `fresh` bypasses the browser cache (for "Try again").
pub async fn fetch_dataset(url: String, fresh: bool) -> Result<Dataset, LoadError> {
    let mut request = gloo_net::http::Request::get(&url);
    if fresh {
        request = request.cache(web_sys::RequestCache::NoCache);
    }
    let response = request
        .send()
        .await
        .map_err(|_| LoadError::Network { url: url.clone() })?;
    if !response.ok() {
        return Err(LoadError::from_status(&url, response.status()));
    }
    let text = response
        .text()
        .await
        .map_err(|_| LoadError::Network { url: url.clone() })?;
    parse_data_file(&text, &url)
}

/// The elements to mount a board in, with each board's configuration. Any placeholder
/// content inside them ("Loading…", the no-JavaScript message) is cleared first.
pub fn board_elements() -> Vec<(web_sys::HtmlElement, crate::BoardConfig)> {
    let Ok(found) = document().query_selector_all("[data-notice-board]") else {
        return Vec::new();
    };
    (0..found.length())
        .filter_map(|index| found.item(index)?.dyn_into::<web_sys::HtmlElement>().ok())
        .map(|element| {
            if element.id().is_empty() {
                element.set_id("notice-board");
            }
            let config = crate::BoardConfig {
                data_url: element
                    .get_attribute("data-src")
                    .unwrap_or_else(|| "notices.json".into()),
                page_path: current_path(),
                initial_query: current_query(),
                param_prefix: String::new(),
                root_id: element.id(),
                today: today(),
            };
            element.set_inner_html("");
            (element, config)
        })
        .collect()
}

/// Today's date on the person's device, for "New" markers.
pub fn today() -> Option<crate::model::Date> {
    let now = js_sys::Date::new_0();
    let year = u16::try_from(now.get_full_year()).ok()?;
    Some(crate::model::Date {
        year,
        month: now.get_month() as u8 + 1,
        day: now.get_date() as u8,
    })
}

/// Milliseconds since the page started, for telling a burst of typing from a new search.
pub fn now_ms() -> f64 {
    window()
        .performance()
        .map_or(0.0, |performance| performance.now())
}

/// Runs only the last of several calls made within `delay`.
#[derive(Clone, Copy)]
pub struct Debouncer(StoredValue<Option<TimeoutHandle>>);

impl Debouncer {
    pub fn new() -> Self {
        Debouncer(StoredValue::new(None))
    }

    pub fn run(&self, delay: std::time::Duration, then: impl FnOnce() + 'static) {
        if let Some(pending) = self.0.get_value() {
            pending.clear();
        }
        self.0.set_value(set_timeout_with_handle(then, delay).ok());
    }
}

impl Default for Debouncer {
    fn default() -> Self {
        Self::new()
    }
}

/// Focuses the link to notice `id` inside the board, scrolling it into view; falls back to
/// the view's heading when that notice is not on the page.
pub fn focus_notice_link_or_heading(root_id: &str, id: &str, restore_scroll: Option<f64>) {
    let links = document().query_selector_all(&format!("#{root_id} a[data-notice-id]"));
    let link = links.ok().and_then(|links| {
        (0..links.length())
            .filter_map(|index| links.item(index)?.dyn_into::<web_sys::Element>().ok())
            .find(|link| link.get_attribute("data-notice-id").as_deref() == Some(id))
    });
    match (link, restore_scroll) {
        (Some(link), Some(y)) => {
            scroll_to(y);
            focus_without_scrolling(link);
        }
        (Some(link), None) => {
            let options = web_sys::ScrollIntoViewOptions::new();
            options.set_block(web_sys::ScrollLogicalPosition::Center);
            link.scroll_into_view_with_scroll_into_view_options(&options);
            focus_without_scrolling(link);
        }
        (None, y) => {
            scroll_to(y.unwrap_or(0.0));
            focus_first(root_id, "h1");
        }
    }
}
