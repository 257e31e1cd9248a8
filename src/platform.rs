//! Every call into the browser lives here: URL and history, focus and scroll, fetching the
//! data file. Views never call the browser directly, only through these functions from event
//! handlers and effects, so that the same components can also be rendered to HTML natively.

use crate::app::Mode;
use leptos::prelude::*;
use notice_core::parse::{DataReader, MAX_DATA_BYTES};
use notice_core::url_state::Addressing;
use notice_core::{Dataset, LoadError};
use wasm_bindgen::{closure::Closure, JsCast, JsValue};

/// Every view's main heading carries this class; focus goes there after navigation.
pub const HEADING: &str = ".view-heading";

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

/// Moves keyboard focus to the first element matching `selector` inside the board, making
/// it focusable only while it has focus. `scroll` brings it into view if it is not.
pub fn focus_first(root_id: &str, selector: &str, scroll: bool) {
    if let Some(element) = query_in_board(root_id, selector).into_iter().next() {
        if scroll {
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
    // A file too large for the tab is refused before its body is read, when the server
    // says its size (compressed responses say the compressed size: checked again below).
    let declared = response.headers().get("content-length");
    if let Some(bytes) = declared.and_then(|length| length.trim().parse::<u64>().ok()) {
        if bytes > MAX_DATA_BYTES as u64 {
            return Err(LoadError::TooLarge { url, bytes });
        }
    }
    let bytes = response
        .binary()
        .await
        .map_err(|_| LoadError::Network { url: url.clone() })?;
    // A large file is read in short slices, each in its own task (copying the bytes in and
    // checking they are UTF-8 is a task of its own), so that the page keeps answering taps
    // and scrolls while thousands of notices are parsed and checked.
    let mut reader = DataReader::from_bytes(bytes, &url)?;
    loop {
        next_task().await;
        let slice_end = now_ms() + SLICE_MS;
        if reader.read_while(|| now_ms() < slice_end) {
            break;
        }
    }
    // Sorting, and the first render of the list that follows, get a task of their own.
    next_task().await;
    reader.finish()
}

/// How long a slice of loading work may take: under the 50 ms after which a browser counts
/// a task as long (a slice stops at the first notice that ends past it).
const SLICE_MS: f64 = 30.0;

/// Resolves in a later task of the browser's event loop, so that long work split around it
/// does not block input in between.
pub async fn next_task() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = window().set_timeout_with_callback(&resolve);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// The boards that are the page itself (`data-notice-board="page"`), ready to mount.
/// Placeholder content inside them (the first-paint shell) is cleared first.
pub fn page_boards() -> Vec<(web_sys::HtmlElement, crate::BoardConfig)> {
    board_hosts("[data-notice-board=page]")
        .into_iter()
        .filter_map(|host| {
            let mut config = board_config(&host, Mode::Page, String::new(), 1);
            config.prerendered = host.has_attribute("data-prerendered");
            if !config.prerendered {
                host.set_inner_html("");
                return Some((host, config));
            }
            // The app renders off the page; `take_over` moves its board in.
            create::<web_sys::HtmlElement>("div").map(|detached| (detached, config))
        })
        .collect()
}

/// The boards embedded in a host page (`data-notice-board` with any other value), each given
/// a shadow root so that the host's CSS and the board's CSS cannot touch each other. The
/// host element's own content (a link to the board for people without JavaScript) stays in
/// the host page, unrendered. Boards already started are skipped.
pub fn widget_boards(stylesheet: &str) -> Vec<(web_sys::HtmlElement, crate::BoardConfig)> {
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
        let prefix = host
            .get_attribute("data-param-prefix")
            .unwrap_or_else(|| format!("nb{}-", index + 1));
        let heading_level = host
            .get_attribute("data-heading-level")
            .and_then(|l| l.parse().ok())
            .unwrap_or(2);
        let mut config = board_config(&host, Mode::Widget, prefix, heading_level);
        config.embed = embed(&host, index);
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

fn create<T: JsCast>(tag: &str) -> Option<T> {
    document().create_element(tag).ok()?.dyn_into::<T>().ok()
}

fn board_config(
    host: &web_sys::HtmlElement,
    mode: Mode,
    param_prefix: String,
    heading_level: u8,
) -> crate::BoardConfig {
    let attribute = |name: &str| {
        host.get_attribute(name)
            .filter(|value| !value.trim().is_empty())
    };
    crate::BoardConfig {
        data_url: attribute("data-src").unwrap_or_else(|| "notices.json".into()),
        page_path: current_path(),
        initial_query: current_query(),
        param_prefix,
        root_id: host.id(),
        today: today(),
        mode,
        heading_level: heading_level.clamp(1, 6),
        page_size: attribute("data-page-size")
            .and_then(|size| size.parse().ok())
            .filter(|size| (1..=100).contains(size)),
        lang: attribute("data-lang"),
        addressing: match mode {
            Mode::Page => Addressing::Files,
            Mode::Widget => Addressing::Query,
        },
        preloaded: None,
        prerendered: false,
        feed: attribute("data-feed"),
        embed: Default::default(),
    }
}

/// A widget's name (`data-label`), its place among the page's widgets, and the compact
/// view's settings (`data-view="latest"`, `data-count`, `data-board-url`, `data-pinned`).
fn embed(host: &web_sys::HtmlElement, place: usize) -> crate::app::Embed {
    let attribute = |name: &str| {
        host.get_attribute(name)
            .map(|value| value.trim().to_string())
            .filter(|value| !value.is_empty())
    };
    use crate::views::latest::{DEFAULT_COUNT, MAX_COUNT};
    let latest =
        (attribute("data-view").as_deref() == Some("latest")).then(|| crate::views::Latest {
            count: attribute("data-count")
                .and_then(|count| count.parse().ok())
                .map_or(DEFAULT_COUNT, |count: usize| count.clamp(1, MAX_COUNT)),
            board_url: attribute("data-board-url"),
            pinned_on_top: attribute("data-pinned").as_deref() == Some("top"),
        });
    crate::app::Embed {
        label: attribute("data-label"),
        place,
        latest,
    }
}

/// Replaces the prerendered board in the element `root_id` with the app's `board`, which
/// has the same markup: nothing moves on screen. What the person did before the app
/// started is carried over: the scroll position, which element has focus, and anything
/// typed or chosen in the form (replayed as input, so the app acts on it).
pub fn take_over(root_id: &str, board: &web_sys::Element) {
    let Some(host) = document().get_element_by_id(root_id) else {
        return;
    };
    let (scroll_x, scroll_y) = (
        window().scroll_x().unwrap_or(0.0),
        window().scroll_y().unwrap_or(0.0),
    );
    let focused = document()
        .active_element()
        .and_then(|element| Some((element_path(&host, &element)?, element)));
    let typed: Vec<Option<(Option<String>, JsValue)>> = form_controls(&host)
        .iter()
        .map(|control| {
            changed_by_person(control)
                .then(|| (control.get_attribute("name"), control_value(control)))
        })
        .collect();

    host.replace_children_with_node_1(board);
    let _ = host.remove_attribute("data-prerendered");

    // If the app shows another view than the page did (an old `?id=` link), the form and
    // the focused element are not there any more: only the same ones are carried over.
    for (control, typed) in form_controls(&host).iter().zip(typed) {
        let Some((name, old)) = typed else {
            continue;
        };
        if control.get_attribute("name") == name && control_value(control) != old {
            let _ = js_sys::Reflect::set(control, &JsValue::from_str("value"), &old);
            for kind in ["input", "change"] {
                let init = web_sys::EventInit::new();
                init.set_bubbles(true);
                if let Ok(event) = web_sys::Event::new_with_event_init_dict(kind, &init) {
                    let _ = control.dispatch_event(&event);
                }
            }
        }
    }
    let same = |old: &web_sys::Element, new: &web_sys::Element| {
        old.tag_name() == new.tag_name() && old.text_content() == new.text_content()
    };
    let refocus =
        focused.and_then(|(path, old)| element_at(&host, &path).filter(|new| same(&old, new)));
    if let Some(element) = refocus {
        if let Ok(element) = element.dyn_into::<web_sys::HtmlElement>() {
            let options = web_sys::FocusOptions::new();
            options.set_prevent_scroll(true);
            let _ = element.focus_with_options(&options);
        }
    }
    window().scroll_to_with_x_and_y(scroll_x, scroll_y);
}

/// The position of `element` under `root`, as element-child indexes from the top.
fn element_path(root: &web_sys::Element, element: &web_sys::Element) -> Option<Vec<usize>> {
    let mut path = Vec::new();
    let mut current = element.clone();
    while &current != root {
        let mut index = 0;
        let mut sibling = current.previous_element_sibling();
        while let Some(previous) = sibling {
            index += 1;
            sibling = previous.previous_element_sibling();
        }
        path.push(index);
        current = current.parent_element()?;
    }
    path.reverse();
    Some(path)
}

fn element_at(root: &web_sys::Element, path: &[usize]) -> Option<web_sys::Element> {
    let mut current = root.clone();
    for &index in path {
        current = current.first_element_child()?;
        for _ in 0..index {
            current = current.next_element_sibling()?;
        }
    }
    Some(current)
}

fn form_controls(root: &web_sys::Element) -> Vec<web_sys::Element> {
    let Ok(found) = root.query_selector_all("input, select, textarea") else {
        return Vec::new();
    };
    (0..found.length())
        .filter_map(|index| found.item(index)?.dyn_into().ok())
        .collect()
}

/// Whether a form control's value is no longer the one the page came with.
fn changed_by_person(control: &web_sys::Element) -> bool {
    let property = |element: &web_sys::Element, name: &str| {
        js_sys::Reflect::get(element, &JsValue::from_str(name)).unwrap_or(JsValue::NULL)
    };
    if control.tag_name().eq_ignore_ascii_case("select") {
        let Ok(options) = control.query_selector_all("option") else {
            return false;
        };
        // The page's choice is the option marked `selected`, or else the first one.
        let chosen_by_page = (0..options.length())
            .find(|&index| {
                options.item(index).is_some_and(|option| {
                    property(option.unchecked_ref(), "defaultSelected").is_truthy()
                })
            })
            .unwrap_or(0);
        property(control, "selectedIndex").as_f64() != Some(f64::from(chosen_by_page))
    } else {
        property(control, "value") != property(control, "defaultValue")
    }
}

fn control_value(control: &web_sys::Element) -> JsValue {
    js_sys::Reflect::get(control, &JsValue::from_str("value")).unwrap_or(JsValue::NULL)
}

/// Today's date on the person's device, for "New" markers.
pub fn today() -> Option<notice_core::Date> {
    let now = js_sys::Date::new_0();
    let year = u16::try_from(now.get_full_year()).ok()?;
    Some(notice_core::Date {
        year,
        month: now.get_month() as u8 + 1,
        day: now.get_date() as u8,
    })
}

/// Milliseconds since the page started (typing bursts, slices of reading a data file).
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
        self.cancel();
        self.0.set_value(set_timeout_with_handle(then, delay).ok());
    }

    /// Drops the call still waiting, if any.
    pub fn cancel(&self) {
        if let Some(pending) = self.0.get_value() {
            pending.clear();
        }
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
            focus_first(root_id, HEADING, false);
        }
        (None, None) => focus_first(root_id, HEADING, true),
    }
}

/// `href` written out in full (`https://…`), as the person's browser resolves it: for the
/// addresses a print-out shows.
pub fn absolute_address(href: &str) -> String {
    let base = document()
        .base_uri()
        .ok()
        .flatten()
        .unwrap_or_else(|| window().location().href().unwrap_or_default());
    notice_core::safe_url::resolve(&base, href)
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

/// Whether the device offers a share sheet (`navigator.share`: phones, some desktops).
pub fn can_share() -> bool {
    js_sys::Reflect::has(&window().navigator(), &JsValue::from_str("share")).unwrap_or(false)
}

/// Opens the device's share sheet for a page; returns once it is closed (shared or not).
pub async fn share(title: &str, url: &str) {
    let data = web_sys::ShareData::new();
    data.set_title(title);
    data.set_url(url);
    let promise = window().navigator().share_with_data(&data);
    // Closing the sheet without sharing rejects it: nothing to say then.
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Puts `text` on the clipboard; false when the browser has no clipboard (an `http:` page)
/// or refuses it (a permission denied).
pub async fn copy_text(text: &str) -> bool {
    let navigator = window().navigator();
    let clipboard = js_sys::Reflect::get(&navigator, &JsValue::from_str("clipboard"))
        .unwrap_or(JsValue::UNDEFINED);
    if !clipboard.is_object() {
        return false;
    }
    let promise = clipboard
        .unchecked_into::<web_sys::Clipboard>()
        .write_text(text);
    wasm_bindgen_futures::JsFuture::from(promise).await.is_ok()
}

/// `href` (relative to the page) as an absolute address to share. With `canonical`, it is
/// resolved against the page's canonical address when the page has one (the prerendered
/// pages do, when built with the public address), so the public address is shared even
/// from a copy served elsewhere.
pub fn absolute_url(href: &str, canonical: bool) -> String {
    let canonical_base = canonical
        .then(|| {
            document()
                .query_selector("link[rel=canonical]")
                .ok()
                .flatten()
        })
        .flatten()
        .and_then(|link| link.get_attribute("href"));
    let base = canonical_base.unwrap_or_else(|| window().location().href().unwrap_or_default());
    web_sys::Url::new_with_base(href, &base).map_or_else(|_| href.to_string(), |url| url.href())
}

/// Focuses a text field and selects all of it, ready to be copied by hand.
pub fn select_all(field: &web_sys::HtmlInputElement) {
    let _ = field.focus();
    field.select();
}
