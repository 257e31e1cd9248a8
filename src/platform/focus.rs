//! Focus and scrolling: where keyboard focus goes as views change, and what it lands on.

use super::{document, query_in_board, window};
use leptos::prelude::*;
use wasm_bindgen::{closure::Closure, JsCast};

/// Every view's main heading carries this class; focus goes there after navigation.
pub const HEADING: &str = ".view-heading";

/// Runs `then` after the DOM has been updated for the latest state change.
pub fn after_render(then: impl FnOnce() + 'static) {
    // Leptos applies DOM updates in a microtask; an animation frame comes after those.
    request_animation_frame(then);
}

pub fn scroll_to(y: f64) {
    window().scroll_to_with_x_and_y(0.0, y);
}

/// Whether moving focus also scrolls.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scroll {
    /// Bring the element into view if it is not.
    IntoView,
    /// Leave the scroll position alone (the caller has just set it).
    Stay,
}

/// Moves keyboard focus to the first element matching `selector` inside the board, making
/// it focusable only while it has focus.
pub fn focus_first(root_id: &str, selector: &str, scroll: Scroll) {
    if let Some(element) = query_in_board(root_id, selector).into_iter().next() {
        if scroll == Scroll::IntoView {
            scroll_into_view_if_needed(&element);
        }
        focus_without_scrolling(element);
    }
}

fn scroll_into_view_if_needed(element: &web_sys::Element) {
    let rect = element.get_bounding_client_rect();
    let height = window()
        .inner_height()
        .ok()
        .and_then(|h| h.as_f64())
        .unwrap_or(0.0);
    if rect.top() < 0.0 || rect.bottom() > height {
        element.scroll_into_view();
    }
}

/// "Top": back to the top of the board and focus on its start, so the next Tab is the first
/// thing in it (the skip link on the board's own page).
pub fn focus_board_top(root_id: &str) {
    if let Some(board) = query_in_board(root_id, ".board").into_iter().next() {
        board.scroll_into_view();
        focus_without_scrolling(board);
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

/// Focuses the link to notice `id` inside the board, scrolling it into view; falls back to
/// the view's heading when that notice is not on the page.
pub fn focus_notice_link_or_heading(root_id: &str, id: &str, restore_scroll: Option<f64>) {
    let link = query_in_board(root_id, "a[data-notice-id]")
        .into_iter()
        .find(|link| link.get_attribute("data-notice-id").as_deref() == Some(id));
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
        (None, Some(y)) => {
            scroll_to(y);
            focus_first(root_id, HEADING, Scroll::Stay);
        }
        (None, None) => focus_first(root_id, HEADING, Scroll::IntoView),
    }
}

/// Moves keyboard focus to the first element found for the first selector that matches
/// anything inside the board (as [`focus_first`] does), e.g. the filter chip now in the
/// place of the removed one, else the result count.
pub fn focus_first_of(root_id: &str, selectors: &[String]) {
    let found = selectors
        .iter()
        .find_map(|selector| query_in_board(root_id, selector).into_iter().next());
    if let Some(element) = found {
        scroll_into_view_if_needed(&element);
        focus_without_scrolling(element);
    }
}

/// A table's scrolling box is a tab stop (so keyboard users can scroll it) only while the
/// table is wider than it: now, once rendered, and again whenever the window is resized.
/// The box is rendered focusable, which is right when no script runs.
pub fn tables_focusable_when_they_scroll(root_id: String) -> WindowListenerHandle {
    let check = move || {
        for table_box in query_in_board(&root_id, ".table-scroll") {
            if table_box.scroll_width() > table_box.client_width() {
                let _ = table_box.set_attribute("tabindex", "0");
            } else {
                let _ = table_box.remove_attribute("tabindex");
            }
        }
    };
    after_render(check.clone());
    window_event_listener(leptos::ev::resize, move |_| check())
}

/// Focuses a text field and selects all of it, ready to be copied by hand.
pub fn select_all(field: &web_sys::HtmlInputElement) {
    let _ = field.focus();
    field.select();
}
