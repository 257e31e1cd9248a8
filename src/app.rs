//! The board's root component: loads the data file, owns the URL state, and shows the view
//! for both inside the page chrome.

use crate::components::{Breadcrumb, SiteFooter, SiteHeader, SkipLinks};
use crate::navigation::Navigation;
use crate::platform;
use crate::screen::{Load, Screen};
use crate::views::{ErrorView, LoadingView, NotFound, NoticeDetail, NoticeList};
use leptos::prelude::*;
use std::sync::Arc;

/// How a board is set up on its page (read from the mount element's `data-` attributes).
#[derive(Clone, Debug)]
pub struct BoardConfig {
    /// Where the data file is; relative URLs resolve against the page.
    pub data_url: String,
    /// The page's path, for the board's own links.
    pub page_path: String,
    /// The page's query string when the board starts.
    pub initial_query: String,
    /// Prefix of the board's query parameters (empty on its own page).
    pub param_prefix: String,
    /// The id of the element the board is mounted in.
    pub root_id: String,
}

#[component]
pub fn App(config: BoardConfig) -> impl IntoView {
    let nav = Navigation::new(
        &config.initial_query,
        config.page_path,
        config.param_prefix,
        config.root_id,
    );
    provide_context(nav);

    let load = RwSignal::new(Load::Loading);
    let data_url = StoredValue::new(config.data_url);
    // `fresh` skips the browser cache, so "Try again" sees a file that has just been fixed.
    let fetch_data = move |fresh: bool| {
        load.set(Load::Loading);
        leptos::task::spawn_local(async move {
            let result = platform::fetch_dataset(data_url.get_value(), fresh).await;
            load.set(match result {
                Ok(data) => Load::Ready(Arc::new(data)),
                Err(error) => Load::Failed(error),
            });
            if fresh {
                nav.focus_heading();
            }
        });
    };
    // Effects run only in the browser, after the first render.
    Effect::new(move || {
        fetch_data(false);
        nav.follow_history();
    });

    let screen = Signal::derive(move || Screen::new(&load.read(), &nav.url()));
    let board = Signal::derive(move || screen.read().board());
    Effect::new(move || platform::set_document_title(&screen.read().title()));

    let content = move || match screen.get() {
        Screen::Loading => view! { <LoadingView board=board.get() /> }.into_any(),
        Screen::Failed(error) => {
            view! { <ErrorView error on_retry=move || fetch_data(true) /> }.into_any()
        }
        Screen::List(data) => view! { <NoticeList data /> }.into_any(),
        Screen::Notice { data, index } => view! { <NoticeDetail data index /> }.into_any(),
        Screen::NotFound { id, .. } => view! { <NotFound id /> }.into_any(),
    };

    view! {
        <div class="board" lang=move || board.read().lang.clone()>
            <SkipLinks />
            <SiteHeader board />
            <Breadcrumb crumbs=Signal::derive(move || screen.read().breadcrumb()) />
            <main id="main-content" class="board-main container">
                {content}
                // One status region from the start; every loading, count and error message goes here.
                <div role="status" class="visually-hidden">{move || screen.read().status()}</div>
            </main>
            <SiteFooter board />
        </div>
    }
}
