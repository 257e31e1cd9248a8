//! Finding the boards in the page and preparing the element each is mounted in.

use super::history::{current_path, current_query};
use super::time::today;
use super::{create, document};
use crate::config::{BoardConfig, PageAddress, Placement};
use wasm_bindgen::{closure::Closure, JsCast};

/// A board that is the page itself, ready to mount.
pub enum PageBoard {
    /// An empty mount element (or one with a first-paint shell, cleared here): the app
    /// renders into it.
    Empty(web_sys::HtmlElement, BoardConfig),
    /// The page holds the prerendered board: the app renders into a detached element, and
    /// [`super::take_over`] moves its board in once the data is in.
    Prerendered(web_sys::HtmlElement, BoardConfig),
}

/// The boards that are the page itself (`data-notice-board="page"`).
pub fn page_boards() -> Vec<PageBoard> {
    board_hosts("[data-notice-board=page]")
        .into_iter()
        .filter_map(|host| {
            let config = config_of(&host, Placement::Page);
            if !host.has_attribute("data-prerendered") {
                host.set_inner_html("");
                return Some(PageBoard::Empty(host, config));
            }
            let detached = create::<web_sys::HtmlElement>("div")?;
            Some(PageBoard::Prerendered(detached, config))
        })
        .collect()
}

/// The boards embedded in a host page (`data-notice-board` with any other value), each given
/// a shadow root so that the host's CSS and the board's CSS cannot touch each other. The
/// host element's own content (a link to the board for people without JavaScript) stays in
/// the host page, unrendered. Boards already started are skipped.
pub fn widget_boards(stylesheet: &str) -> Vec<(web_sys::HtmlElement, BoardConfig)> {
    let hosts = board_hosts("[data-notice-board]:not([data-notice-board=page])");
    let mut boards = Vec::new();
    for (index, host) in hosts.into_iter().enumerate() {
        if host.shadow_root().is_some() {
            continue;
        }
        let Ok(shadow) =
            host.attach_shadow(&web_sys::ShadowRootInit::new(web_sys::ShadowRootMode::Open))
        else {
            continue;
        };
        let config = config_of(&host, Placement::Widget { place: index });
        let (Some(link), Some(container)) = (
            create::<web_sys::HtmlLinkElement>("link"),
            create::<web_sys::HtmlElement>("div"),
        ) else {
            continue;
        };
        link.set_rel("stylesheet");
        link.set_href(stylesheet);
        // Shown once its styles are in, so the host never sees the board unstyled.
        container.set_hidden(true);
        let reveal = {
            let container = container.clone();
            Closure::<dyn Fn()>::new(move || container.set_hidden(false))
        };
        link.set_onload(Some(reveal.as_ref().unchecked_ref()));
        link.set_onerror(Some(reveal.as_ref().unchecked_ref()));
        reveal.forget();
        let _ = shadow.append_child(&link);
        let _ = shadow.append_child(&container);
        boards.push((container, config));
    }
    boards
}

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
