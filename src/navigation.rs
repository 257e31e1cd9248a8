//! The one place that owns the URL: views read it and move through it only via [`Navigation`].

use crate::config::{BoardConfig, Mode};
use crate::platform::{self, Scroll};
use leptos::prelude::*;
use notice_core::listing::{ListQuery, Sort};
use notice_core::screen::Load;
use notice_core::url_state::{is_view_file, Addressing, Prerendered, UrlState, View, LIST_FILE};

/// How a list change enters the browser history.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum History {
    /// A new entry: Back returns to the previous search or page.
    Push,
    /// Change the current entry (while a search is still being typed).
    Replace,
}

/// Shared through context. Copy, so event handlers can capture it freely.
#[derive(Clone, Copy)]
pub struct Navigation {
    url: RwSignal<UrlState>,
    /// The page's folder (`/eng/news/`): every view of the board is a file in it.
    page_dir: StoredValue<String>,
    /// The file of the list's first page: the one the person came in by (`""` for the
    /// folder itself, or `index.html`), so Home and "Back to list" keep that form.
    list_file: StoredValue<String>,
    /// The file the board's page was opened as (`notice-7.html`).
    entry_file: StoredValue<String>,
    addressing: Addressing,
    /// Which views have a prerendered file to link to (with [`Addressing::Files`]).
    prerendered: Prerendered,
    /// The board's data as far as it is loaded: where a notice is in the plain list says
    /// whether it has a prerendered file.
    load: Signal<Load>,
    /// Prefix of this board's query parameters.
    prefix: StoredValue<String>,
    /// The id of the element the board is mounted in.
    root_id: StoredValue<String>,
    mode: Mode,
    /// Whether the view for the URL is still being fetched (a published board's next page
    /// or notice): focus and scrolling wait until it is on screen.
    busy: RwSignal<bool>,
}

impl Navigation {
    /// The navigation of the board set up by `config`, at the URL it starts on, showing the
    /// data in `load`.
    pub fn new(config: &BoardConfig, load: Signal<Load>) -> Self {
        let (mode, addressing) = (config.mode, config.addressing);
        let (page_path, prefix) = (&config.page_path, &config.param_prefix);
        let (page_dir, file) = page_path.split_at(page_path.rfind('/').map_or(0, |i| i + 1));
        let list_file = match addressing {
            Addressing::Files if is_view_file(file) => LIST_FILE,
            _ => file,
        };
        Navigation {
            mode,
            url: RwSignal::new(config.initial_url()),
            page_dir: StoredValue::new(page_dir.to_string()),
            list_file: StoredValue::new(list_file.to_string()),
            entry_file: StoredValue::new(file.to_string()),
            addressing,
            prerendered: config.prerendered,
            load,
            prefix: StoredValue::new(prefix.clone()),
            root_id: StoredValue::new(config.root_id.clone()),
            busy: RwSignal::new(false),
        }
    }

    /// The current URL state (reactive).
    pub fn url(&self) -> UrlState {
        self.url.get()
    }

    /// The current URL state, without subscribing to it.
    pub fn url_untracked(&self) -> UrlState {
        self.url.get_untracked()
    }

    /// The `href` for a URL state: on the board's own page its prerendered file when it has
    /// one, else the list's file with the state in the query string (`index.html?id=…`).
    pub fn href(&self, target: &UrlState) -> String {
        let (file, query) = self.file_and_query(target);
        let file = match (self.addressing, file.as_str()) {
            (Addressing::Query, _) | (_, LIST_FILE) => self.list_file.get_value(),
            _ => file,
        };
        format!("{}{file}{query}", self.page_dir.read_value())
    }

    /// `target` as a file of the board's folder and a query string: on the board's own page
    /// its prerendered file when it has one (`notice-7.html`), else `index.html?id=…`.
    fn file_and_query(&self, target: &UrlState) -> (String, String) {
        let addressing = match self.addressing {
            Addressing::Files if !self.has_prerendered_file(target) => Addressing::Query,
            addressing => addressing,
        };
        target.to_url(&self.prefix.read_value(), addressing)
    }

    /// Whether the view `target` names has a prerendered file ([`Prerendered`]): a notice
    /// whose place in the plain list is not known yet (it is always known for the notices
    /// a view links to) is linked through the query string, which always works.
    fn has_prerendered_file(&self, target: &UrlState) -> bool {
        if self.prerendered == Prerendered::ALL {
            return true;
        }
        self.load.with_untracked(|load| match &target.view {
            View::Notice(id) => load
                .plain_place(id)
                .is_some_and(|(place, pinned)| self.prerendered.has_notice_at(place, pinned)),
            View::List => load
                .page_size()
                .is_some_and(|size| self.prerendered.has_list_page(target.list.page, size)),
        })
    }

    /// The address of the view on screen to give to someone else, relative to the page: on
    /// the board's own page the notice's file (`notice-63605.html`), without the search it
    /// was found by; in a widget the host page's address with the board's parameters, as
    /// the board writes it in the address bar.
    pub fn share_href(&self) -> String {
        let url = self.url.get_untracked();
        match self.addressing {
            Addressing::Files => {
                let (file, query) = self.file_and_query(&UrlState::list().with_view(url.view));
                format!("{file}{query}")
            }
            Addressing::Query => self.href(&self.with_current_foreign(url)),
        }
    }

    /// The canonical address of the view on screen, relative to the page: a notice's own
    /// (as [`Navigation::share_href`]), a page of the plain list's, and the list's first
    /// page for a search or filter. On the board's own page only.
    pub fn canonical_href(&self) -> String {
        let url = self.url.get_untracked();
        let plain_page = match url.view {
            View::Notice(_) => return self.share_href(),
            View::List if url.list.is_narrowed() || url.list.sort != Sort::default() => 1,
            View::List => url.list.page,
        };
        let (file, query) = self.file_and_query(&UrlState::list().with_list(ListQuery {
            page: plain_page,
            ..ListQuery::default()
        }));
        format!("{file}{query}")
    }

    /// Follows one of the board's own links: a new history entry and the new view at the top
    /// of the page with focus on its heading, or, when returning from a notice to the list,
    /// on that notice's link.
    pub fn go(&self, target: UrlState) {
        let target = self.with_current_foreign(target);
        platform::push_url(&self.href(&target), self.mode);
        self.show(target, None);
    }

    /// Changes the list's search, filters or sort in place: focus stays where it is (in the
    /// search box or on the filter being changed).
    pub fn update_list(&self, list: ListQuery, history: History) {
        let target = self.with_current_foreign(self.url.get_untracked().with_list(list));
        if target.same_board_state(&self.url.get_untracked()) {
            return;
        }
        let href = self.href(&target);
        match history {
            History::Push => platform::push_url(&href, self.mode),
            History::Replace => platform::replace_url(&href),
        }
        self.url.set(target);
    }

    /// Listens for Back and Forward: the entry's view, its scroll position, and focus.
    pub fn follow_history(&self) {
        let this = *self;
        if self.mode == Mode::Page {
            platform::take_over_scroll_restoration();
        }
        platform::on_history_change(move |scroll_y| {
            let target = this.current_url();
            // Another board on the page, or the host, may have made this history entry.
            if !target.same_board_state(&this.url.get_untracked()) {
                this.show(target, (this.mode == Mode::Page).then_some(scroll_y));
            } else {
                this.url.set(target);
            }
        });
    }

    /// `target` with the page's other parameters as they are in the address bar now.
    fn with_current_foreign(&self, target: UrlState) -> UrlState {
        target.with_foreign_of(&self.current_url())
    }

    /// The state the page's file shows without its query string: what a prerendered page
    /// was rendered as.
    pub fn prerendered_state(&self) -> UrlState {
        let file = self.entry_file.read_value();
        UrlState::from_url(&file, "", &self.prefix.read_value(), self.addressing)
    }

    /// The state in the address bar now.
    fn current_url(&self) -> UrlState {
        let path = platform::current_path();
        let file = path.rsplit('/').next().unwrap_or_default();
        let query = platform::current_query();
        UrlState::from_url(file, &query, &self.prefix.read_value(), self.addressing)
    }

    fn show(&self, target: UrlState, restore_scroll: Option<f64>) {
        let left_notice = match (&self.url.get_untracked().view, &target.view) {
            (View::Notice(id), View::List) => Some(id.clone()),
            _ => None,
        };
        self.url.set(target);
        let root_id = self.root_id.get_value();
        let mode = self.mode;
        self.when_shown(move || match (left_notice, mode) {
            (Some(id), _) => platform::focus_notice_link_or_heading(&root_id, &id, restore_scroll),
            // On its own page a new view starts at the top; in a host page the board only
            // brings its heading into view.
            (None, Mode::Page) => {
                platform::scroll_to(restore_scroll.unwrap_or(0.0));
                platform::focus_first(&root_id, platform::HEADING, Scroll::Stay);
            }
            (None, Mode::Widget) => {
                platform::focus_first(&root_id, platform::HEADING, Scroll::IntoView)
            }
        });
    }

    /// Focus on the current view's heading, e.g. after the data has been reloaded.
    pub fn focus_heading(&self) {
        let root_id = self.root_id.get_value();
        self.when_shown(move || {
            platform::focus_first(&root_id, platform::HEADING, Scroll::IntoView)
        });
    }

    /// Says whether the view for the URL is still being fetched.
    pub fn set_busy(&self, busy: bool) {
        if self.busy.get_untracked() != busy {
            self.busy.set(busy);
        }
    }

    /// Runs `then` once the view for the URL is rendered.
    fn when_shown(&self, then: impl FnOnce() + 'static) {
        fn after_each_render(busy: RwSignal<bool>, then: Box<dyn FnOnce()>) {
            platform::after_render(move || match busy.get_untracked() {
                true => after_each_render(busy, then),
                false => then(),
            });
        }
        after_each_render(self.busy, Box::new(then));
    }

    pub fn root_id(&self) -> String {
        self.root_id.get_value()
    }
}
