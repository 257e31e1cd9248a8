//! Every call into the browser lives here, one file per concern. Views never call the
//! browser directly, only through these functions from event handlers and effects, so that
//! the same components can also be rendered to HTML natively (`crates/notices`).

mod fetch;
mod focus;
mod history;
mod mount;
mod share;
mod takeover;
mod time;

pub use fetch::{fetch_bytes, fetch_dataset, start_fetch, Cache, Started};
pub use focus::*;
pub use history::*;
pub use mount::{page_boards, widget_boards, Board, WIDGET_ROOT};
pub use share::*;
pub use takeover::take_over;
pub use time::*;

use wasm_bindgen::JsCast;

fn window() -> web_sys::Window {
    web_sys::window().expect("a browser window")
}

fn document() -> web_sys::Document {
    window().document().expect("a document")
}

/// The elements matching `selector` inside a board: in its shadow root when it is a widget,
/// else inside its host element. `document.querySelector` does not reach into shadow roots.
fn query_in_board(root_id: &str, selector: &str) -> Vec<web_sys::Element> {
    let Some(host) = document().get_element_by_id(root_id) else {
        return Vec::new();
    };
    let found = match host.shadow_root() {
        Some(shadow) => shadow.query_selector_all(selector),
        None => host.query_selector_all(selector),
    };
    let Ok(found) = found else { return Vec::new() };
    (0..found.length())
        .filter_map(|index| found.item(index)?.dyn_into::<web_sys::Element>().ok())
        .collect()
}

fn create<T: JsCast>(tag: &str) -> Option<T> {
    document().create_element(tag).ok()?.dyn_into::<T>().ok()
}
