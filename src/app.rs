//! The board's root component: loads the data file, owns the URL state, and shows the view
//! for both inside the page chrome.

use crate::components::{BackToTop, Breadcrumb, SiteFooter, SiteHeader, SkipLinks};
use crate::config::{BoardConfig, Embed, Mode, Start};
use crate::context::{Announce, BoardName, Feed, HeadingLevel, Status, Today};
use crate::loader::{SearchFiles, Source};
use crate::navigation::Navigation;
use crate::platform::{self, Cache};
use crate::views::{ErrorView, LatestList, LoadingView, NotFound, NoticeDetail, NoticeList};
use leptos::prelude::*;
use notice_core::i18n::Locale;
use notice_core::published::Need;
use notice_core::screen::{Load, Screen, ViewKind};
use std::sync::Arc;

#[component]
pub fn App(config: BoardConfig) -> impl IntoView {
    let source = StoredValue::new(Source::of(&config));
    let overrides = config.overrides();
    let mode = config.mode;
    let (load, fetches, takes_over) = match config.start.clone() {
        Start::Fetch => (Load::Loading, true, false),
        Start::Preloaded(data) => (Load::Ready(overrides.apply(data)), false, false),
        Start::TakeOver(load) => (load, false, true),
    };
    let load = RwSignal::new(load);
    let nav = Navigation::new(&config, load.into());
    provide_context(nav);
    provide_context(mode);
    provide_context(Today(config.today));
    provide_context(HeadingLevel(config.heading_level));
    provide_context(Feed(config.feed));
    let lang_override = StoredValue::new(config.lang.clone());
    let fetch_data = move |cache: Cache| {
        load.set(Load::Loading);
        leptos::task::spawn_local(async move {
            let url = nav.url_untracked();
            load.set(source.get_value().load_for(&url, cache).await);
            // "Try again" was pressed on the error's heading: focus goes to the new view's.
            if cache == Cache::Bypass {
                nav.focus_heading();
            }
        });
    };
    // Effects run only in the browser, after the first render.
    Effect::new(move || {
        if fetches {
            fetch_data(Cache::Use);
        }
        nav.follow_history();
    });
    let search_files = SearchFiles::new(load, source);
    provide_context(search_files);
    // A published board fetches what each new view shows as the URL changes.
    Effect::new(move || {
        let url = nav.url();
        let Load::Published(window) = load.get() else {
            return;
        };
        let needs = window.needs(&url);
        // What the search box's focus is fetching arrives on its own; then this runs again.
        let prefetching = search_files.in_flight() && needs.contains(&Need::SearchDirectory);
        if !needs.is_empty() && !prefetching {
            leptos::task::spawn_local(async move {
                let filled = source
                    .get_value()
                    .fill(Load::Published(window.clone()), &url)
                    .await;
                // Unless something newer has replaced the window meanwhile.
                if matches!(&*load.read_untracked(), Load::Published(now) if Arc::ptr_eq(now, &window))
                {
                    load.set(filled);
                }
            });
        }
    });

    // Computed once per change of data or URL; everything else reads it.
    // While a published board fetches what a new URL shows, the view before stays (a search
    // box being typed in keeps its focus); `busy` says so.
    let screen = Memo::new(move |previous: Option<&Screen>| {
        let next = Screen::new(&load.read(), &nav.url(), previous);
        match previous {
            Some(before) if next == Screen::Loading && before.data().is_some() => before.clone(),
            _ => next,
        }
    });
    let busy = Memo::new(move |_| match &*load.read() {
        Load::Published(window) => !window.needs(&nav.url()).is_empty(),
        _ => false,
    });
    Effect::new(move || nav.set_busy(busy.get()));
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
            platform::set_document_title(&screen.read().title(locale.get().text()));
            platform::set_canonical(&nav.canonical_href());
        });
    }
    let board_element = NodeRef::<leptos::html::Div>::new();
    if takes_over {
        // The data is in (see `crate::start_page` and `crate::start_widgets`): once
        // rendered, the board replaces the prerendered one.
        Effect::new(move || {
            platform::after_render(move || {
                if let Some(board) = board_element.get_untracked() {
                    platform::take_over(&nav.root_id(), &board);
                }
            })
        });
    }
    let status = Status::new();
    provide_context(status);
    let announce = Announce(RwSignal::new(0));
    provide_context(announce);
    // A prerendered page already shows the first screen, unless the query string asks for
    // another one: nothing to announce until it changes. A widget is part of its host page:
    // it says nothing until the person uses it.
    let shows_prerendered = nav
        .url_untracked()
        .same_board_state(&nav.prerendered_state());
    let quiet = StoredValue::new(takes_over && shows_prerendered);
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

    // A new view component only when the kind of view changes: the list stays the same
    // component while its search, filters and page change (the search box keeps focus).
    let content = move || {
        // Read, not only tracked: a memo follows its sources only once it has been computed.
        let _ = kind.get();
        match screen.get_untracked() {
            Screen::Loading => view! { <LoadingView board=board.get_untracked() /> }.into_any(),
            Screen::Failed(error) => {
                view! { <ErrorView error on_retry=move || fetch_data(Cache::Bypass) /> }.into_any()
            }
            Screen::List(first) => match latest.get_value() {
                Some(latest) => view! { <LatestList data=first.data.0 latest /> }.into_any(),
                None => {
                    // Follows the list's pages; keeps the first while the view is being
                    // replaced by another kind.
                    let list = move || {
                        screen
                            .read()
                            .list()
                            .cloned()
                            .unwrap_or_else(|| first.clone())
                    };
                    view! { <NoticeList screen=list /> }.into_any()
                }
            },
            Screen::Notice(notice) => view! { <NoticeDetail screen=notice /> }.into_any(),
            Screen::NotFound(not_found) => view! { <NotFound id=not_found.id /> }.into_any(),
        }
    };

    let inner = move || {
        view! {
            {content}
            // One status region from the start; every loading, count and error message goes here.
            <div role="status" class="visually-hidden">{move || status.message()}</div>
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
                <main id="main-content" class="board-main container" aria-busy=move || busy.get().then_some("true")>{inner}</main>
                <SiteFooter board />
            </div>
        }
        .into_any(),
        // The host page owns the skip links, site chrome, breadcrumb, main landmark and title;
        // the board is a region in it, named apart from any other board on the page.
        Mode::Widget => view! {
            <div class="board board-widget" lang=lang role="region" aria-label=move || name.get() node_ref=board_element>
                <div class="board-main" aria-busy=move || busy.get().then_some("true")>{inner}</div>
                // The compact widget is short: no "Top" under its titles.
                {move || (!is_latest || kind.get() != ViewKind::List).then(|| view! { <BackToTop /> })}
            </div>
        }
        .into_any(),
    }
}
