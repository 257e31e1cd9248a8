//! Finding the boards in the page and preparing the element each is mounted in.

use super::history::{current_path, current_query};
use super::time::today;
use super::{create, document};
use crate::config::{BoardConfig, PageAddress, Placement};
use wasm_bindgen::JsCast;

/// A board found in the page, ready to mount.
pub enum Board {
    /// An empty element (or a page's first-paint shell, cleared here): the app renders
    /// into it.
    Empty(web_sys::HtmlElement, BoardConfig),
    /// The page, or a widget's shadow root, shows the prerendered board: the app renders
    /// into a detached element, and [`super::take_over`] moves its board in once the data
    /// is in.
    Prerendered(web_sys::HtmlElement, BoardConfig),
}

/// The boards that are the page itself (`data-notice-board="page"`).
pub fn page_boards() -> Vec<Board> {
    board_hosts("[data-notice-board=page]")
        .into_iter()
        .filter_map(|host| {
            let config = config_of(&host, Placement::Page);
            if !host.has_attribute("data-prerendered") {
                host.set_inner_html("");
                return Some(Board::Empty(host, config));
            }
            let detached = create::<web_sys::HtmlElement>("div")?;
            Some(Board::Prerendered(detached, config))
        })
        .collect()
}

/// The boards embedded in a host page (`data-notice-board` with any other value). `widget.js`
/// has given each a shadow root, so that the host's CSS and the board's CSS cannot touch
/// each other, holding the stylesheet and the element the board renders in
/// ([`WIDGET_ROOT`]), and maybe its first view. Boards already started are skipped.
pub fn widget_boards() -> Vec<Board> {
    let hosts = board_hosts("[data-notice-board]:not([data-notice-board=page])");
    let mut boards = Vec::new();
    for (index, host) in hosts.into_iter().enumerate() {
        let Some(root) = host
            .shadow_root()
            .and_then(|shadow| shadow.query_selector(WIDGET_ROOT).ok().flatten())
            .and_then(|root| root.dyn_into::<web_sys::HtmlElement>().ok())
        else {
            continue;
        };
        if root.has_attribute(STARTED) {
            continue;
        }
        let _ = root.set_attribute(STARTED, "");
        let config = config_of(&host, Placement::Widget { place: index });
        if !root.has_attribute("data-prerendered") {
            boards.push(Board::Empty(root, config));
            continue;
        }
        if let Some(detached) = create::<web_sys::HtmlElement>("div") {
            boards.push(Board::Prerendered(detached, config));
        }
    }
    boards
}

/// The element in a widget's shadow root that the board renders in (`widget.js` makes it),
/// and the mark of a board the app has started.
pub const WIDGET_ROOT: &str = "[data-board-root]";
const STARTED: &str = "data-started";

fn board_hosts(selector: &str) -> Vec<web_sys::HtmlElement> {
    let Ok(found) = document().query_selector_all(selector) else {
        return Vec::new();
    };
    let hosts: Vec<web_sys::HtmlElement> = (0..found.length())
        .filter_map(|index| found.item(index)?.dyn_into::<web_sys::HtmlElement>().ok())
        .collect();
    for (index, host) in hosts.iter().enumerate() {
        if host.id().is_empty() {
            host.set_id(&format!("notice-board-{}", index + 1));
        }
    }
    hosts
}

/// The board's configuration, from its mount element's attributes and the page's address.
fn config_of(host: &web_sys::HtmlElement, placement: Placement) -> BoardConfig {
    let page = PageAddress {
        path: current_path(),
        query: current_query(),
        today: today(),
    };
    BoardConfig::from_attributes(placement, host.id(), page, |name| host.get_attribute(name))
}
