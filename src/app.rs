//! The board's root component: loads the data file, owns the URL state, and shows the view
//! for both inside the page chrome.

use crate::components::{BackToTop, Breadcrumb, SiteFooter, SiteHeader, SkipLinks};
use crate::navigation::Navigation;
use crate::platform::{self, Debouncer};
use crate::views::{
    ErrorView, Latest, LatestList, LoadingView, NotFound, NoticeDetail, NoticeList,
};
use leptos::prelude::*;
use notice_core::i18n::Locale;
use notice_core::screen::{Load, Screen, ViewKind};
use notice_core::url_state::Addressing;
use notice_core::{Dataset, Date};
use std::sync::Arc;
use std::time::Duration;

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
    /// The viewer's date, for "New" markers (none when rendered ahead of time).
    pub today: Option<Date>,
    pub mode: Mode,
    /// The level of the view's main heading (1 on its own page; 2 or more in a host page's
    /// outline). Sub-headings are one level below.
    pub heading_level: u8,
    /// Overrides the data file's `board.pageSize`.
    pub page_size: Option<usize>,
    /// Overrides the data file's `board.lang`.
    pub lang: Option<String>,
    /// How the board's URLs name its views (files on its own page, query in a widget).
    pub addressing: Addressing,
    /// The data, when it is already at hand (prerendering); else the app fetches `data_url`.
    pub preloaded: Option<Arc<Dataset>>,
    /// The board's Atom feed, relative to the page (`data-feed`, written by the prerender
    /// step when it writes the feed): the list links to it.
    pub feed: Option<String>,
    /// The page holds the prerendered board: the app, started with the data `preloaded`,
    /// renders its own copy off the page and swaps it in (see [`platform::take_over`]).
    pub prerendered: bool,
    /// What a host page says about an embedded board beyond the above.
    pub embed: Embed,
}

/// A host page's naming and choice of view for an embedded board (`data-label`,
/// `data-view="latest"`); the defaults on the board's own page.
#[derive(Clone, Debug, Default)]
pub struct Embed {
    /// The board's name for its landmarks (`data-label`); else its title.
    pub label: Option<String>,
    /// Its place among the widgets of the page: a board named like an earlier one is
    /// numbered ([`crate::board_names`]).
    pub place: usize,
    /// The compact widget of the newest titles, instead of the list.
    pub latest: Option<Latest>,
}

/// Where the board lives.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// The board is the page: it owns the title, the skip links, the site chrome and scrolling.
    Page,
    /// The board is embedded in a host page, in a shadow root: it changes nothing outside
    /// itself (title, `lang`, scroll restoration, history state, the host's links).
    Widget,
}

/// The level of the view's main heading, shared through context.
#[derive(Clone, Copy)]
pub struct HeadingLevel(pub u8);

/// The board's Atom feed, if it has one, shared through context.
#[derive(Clone)]
pub struct Feed(pub Option<String>);

/// The board's status region, shared through context: what a control says it did
/// ("Link copied") is announced there too.
#[derive(Clone, Copy)]
pub struct Status {
    message: RwSignal<String>,
    /// A count waiting for the page to settle (see [`STATUS_DELAY`]).
    waiting: Debouncer,
}

impl Status {
    /// Says `message` after [`STATUS_DELAY`], unless something else is said before.
    fn say_when_settled(self, message: String) {
        // Emptied first, so that the same message said again is announced again.
        self.message.set(String::new());
        self.waiting
            .run(STATUS_DELAY, move || self.message.set(message));
    }

    /// Says `message` now, in place of anything still waiting to be said (a control's answer
    /// to a press must not be replaced by the count of the view it was pressed on).
    pub fn say_now(self, message: &str) {
        self.waiting.cancel();
        // The same words again are still a change, so they are said again.
        self.message.update(|now| {
            *now = match now.as_str() == message {
                true => format!("{message}\u{a0}"),
                false => message.to_string(),
            }
        });
    }
}

/// The name of the board's landmarks (its region in a host page, its search form), distinct
/// from the other boards' on the page; shared through context.
#[derive(Clone, Copy)]
pub struct BoardName(pub Signal<String>);

/// The viewer's date, shared through context.
#[derive(Clone, Copy)]
pub struct Today(pub Option<Date>);

/// The data file's board settings, with those of the mount element (`data-page-size`,
/// `data-lang`) in their place where it has them.
/// The data set with the embedding page's settings, copied only when they change something:
/// prerendering shares one data set between all the pages it renders.
fn with_overrides(
    data: Arc<Dataset>,
    page_size: Option<usize>,
    lang: Option<String>,
) -> Arc<Dataset> {
    let same_page_size = page_size.is_none_or(|size| size == data.board.page_size);
    let same_lang = lang.as_ref().is_none_or(|lang| *lang == data.board.lang);
    if same_page_size && same_lang {
        return data;
    }
    let mut data = Arc::unwrap_or_clone(data);
    data.board.page_size = page_size.unwrap_or(data.board.page_size);
    data.board.lang = lang.unwrap_or(data.board.lang);
    Arc::new(data)
}

/// Announcements wait until the page has settled: a search is announced once the person
/// pauses typing (about a second), not after every key.
const STATUS_DELAY: Duration = Duration::from_millis(1000);

/// Asks for the status to be said again though nothing changed (the person pressed Search
/// on the search already shown), shared through context.
#[derive(Clone, Copy)]
pub struct Announce(pub RwSignal<u32>);

#[component]
pub fn App(config: BoardConfig) -> impl IntoView {
    let mode = config.mode;
    let nav = Navigation::new(
        &config.initial_query,
        &config.page_path,
        config.param_prefix,
        config.root_id,
        mode,
        config.addressing,
    );
    provide_context(nav);
    provide_context(mode);
    provide_context(Today(config.today));
    provide_context(HeadingLevel(config.heading_level));
    provide_context(Feed(config.feed));
    let lang_override = StoredValue::new(config.lang.clone());
    let overrides = StoredValue::new((config.page_size, config.lang));
    let ready = move |data: Arc<Dataset>| {
        let (page_size, lang) = overrides.get_value();
        Load::Ready(with_overrides(data, page_size, lang))
    };

    let preloaded = config.preloaded.is_some();
    let load = RwSignal::new(config.preloaded.map_or(Load::Loading, ready));
    let data_url = StoredValue::new(config.data_url);
    // `fresh` skips the browser cache, so "Try again" sees a file that has just been fixed.
    let fetch_data = move |fresh: bool| {
        load.set(Load::Loading);
        leptos::task::spawn_local(async move {
            let result = platform::fetch_dataset(data_url.get_value(), fresh).await;
            load.set(match result {
                Ok(data) => ready(Arc::new(data)),
                Err(error) => Load::Failed(error),
            });
            if fresh {
                nav.focus_heading();
            }
        });
    };
    // Effects run only in the browser, after the first render.
    Effect::new(move || {
        if !preloaded {
            fetch_data(false);
        }
        nav.follow_history();
    });

    // Computed once per change of data or URL; everything else reads it.
    let screen =
        Memo::new(move |previous: Option<&Screen>| Screen::new(&load.read(), &nav.url(), previous));
    let kind = Memo::new(move |_| screen.read().kind());
    let board = Signal::derive(move || screen.read().board());
    // The interface language: the mount element's `data-lang`, else the data file's (known
    // once it is read).
    let locale = Memo::new(move |_| {
        lang_override.with_value(|lang| match lang {
            Some(lang) => Locale::for_tag(lang),
            None => Locale::for_tag(&board.read().lang),
        })
    });
    provide_context(locale);
    let Embed {
        label,
        place,
        latest,
    } = config.embed;
    let own_name =
        Signal::derive(move || label.clone().unwrap_or_else(|| board.read().title.clone()));
    let name = match mode {
        Mode::Page => own_name,
        Mode::Widget => crate::board_names::distinct_name(place, own_name),
    };
    provide_context(BoardName(name));
    let is_latest = latest.is_some();
    let latest = StoredValue::new(latest);
    if mode == Mode::Page {
        Effect::new(move || {
            platform::set_document_title(&screen.read().title(locale.get().text()))
        });
    }
    let board_element = NodeRef::<leptos::html::Div>::new();
    if config.prerendered {
        // The data is in (see `crate::start_page`): once rendered, the board replaces the
        // prerendered one.
        Effect::new(move || {
            platform::after_render(move || {
                if let Some(board) = board_element.get_untracked() {
                    platform::take_over(&nav.root_id(), &board);
                }
            })
        });
    }
    let status = Status {
        message: RwSignal::new(String::new()),
        waiting: Debouncer::new(),
    };
    provide_context(status);
    let announce = Announce(RwSignal::new(0));
    provide_context(announce);
    // A prerendered page already shows the first screen, unless the query string asks for
    // another one: nothing to announce until it changes. A widget is part of its host page:
    // it says nothing until the person uses it.
    let shows_prerendered = nav
        .url_untracked()
        .same_board_state(&nav.prerendered_state());
    let quiet = StoredValue::new(config.prerendered && shows_prerendered);
    let first_url = nav.url_untracked();
    let acted = StoredValue::new(mode == Mode::Page);
    let before = StoredValue::new(None::<Screen>);
    Effect::new(move || {
        let asked = announce.0.get();
        let moved = nav.url() != first_url;
        let now = screen.get();
        // The compact widget shows no count, and says none.
        let message = match is_latest && now.kind() == ViewKind::List {
            true => String::new(),
            false => now.status_after(before.get_value().as_ref(), locale.get_untracked().text()),
        };
        before.set_value(Some(now));
        acted.set_value(acted.get_value() || asked > 0 || moved);
        if quiet.get_value() || !acted.get_value() {
            quiet.set_value(false);
            return;
        }
        status.say_when_settled(message);
    });

    let content = move || match kind.get() {
        ViewKind::Loading => view! { <LoadingView board=board.get_untracked() /> }.into_any(),
        ViewKind::Failed => match screen.get_untracked() {
            Screen::Failed(error) => {
                view! { <ErrorView error on_retry=move || fetch_data(true) /> }.into_any()
            }
            _ => ().into_any(),
        },
        ViewKind::List => match latest.get_value() {
            Some(latest) => view! { <LatestList screen latest /> }.into_any(),
            None => view! { <NoticeList screen /> }.into_any(),
        },
        ViewKind::Notice(_) => view! { <NoticeDetail screen=screen.get_untracked() /> }.into_any(),
        ViewKind::NotFound => match screen.get_untracked() {
            Screen::NotFound { id, .. } => view! { <NotFound id /> }.into_any(),
            _ => ().into_any(),
        },
    };

    let inner = move || {
        view! {
            {content}
            // One status region from the start; every loading, count and error message goes here.
            <div role="status" class="visually-hidden">{move || status.message.get()}</div>
        }
    };
    let lang = move || match lang_override.get_value() {
        Some(lang) if matches!(kind.get(), ViewKind::Loading | ViewKind::Failed) => lang,
        _ => board.read().lang.clone(),
    };
    match mode {
        Mode::Page => view! {
            <div class="board" lang=lang node_ref=board_element>
                <SkipLinks />
                <SiteHeader board />
                <Breadcrumb crumbs=Signal::derive(move || screen.read().breadcrumb(locale.get().text())) />
                <main id="main-content" class="board-main container">{inner}</main>
                <SiteFooter board />
            </div>
        }
        .into_any(),
        // The host page owns the skip links, site chrome, breadcrumb, main landmark and title;
        // the board is a region in it, named apart from any other board on the page.
        Mode::Widget => view! {
            <div class="board board-widget" lang=lang role="region" aria-label=move || name.get()>
                <div class="board-main">{inner}</div>
                // The compact widget is short: no "Top" under its titles.
                {move || (!is_latest || kind.get() != ViewKind::List).then(|| view! { <BackToTop /> })}
            </div>
        }
        .into_any(),
    }
}
