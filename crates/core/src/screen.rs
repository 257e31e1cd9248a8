//! What the page shows for a given data state and URL: which view, the list page, its title,
//! breadcrumb and status message. Pure, so every view's words are unit-tested natively.

use crate::format::isolated;
use crate::i18n::Text;
use crate::listing::{ListQuery, Listing};
use crate::published::{Shown, Window};
use crate::url_state::{UrlState, View};
use crate::{Board, Dataset, LoadError, NavLink, Notice};
use std::sync::Arc;

/// Where loading the data file stands.
#[derive(Clone, Debug)]
pub enum Load {
    Loading,
    Ready(Arc<Dataset>),
    /// A published board, of which only a part has been fetched.
    Published(Arc<Window>),
    Failed(LoadError),
}

impl Load {
    /// Where notice `id` is in the plain list, and how many pinned notices lead it, when
    /// its data is at hand.
    pub fn plain_place(&self, id: &str) -> Option<(usize, usize)> {
        match self {
            Load::Ready(data) => {
                let order = data.plain_order();
                Some((order.place_of(data.index_of(id)?)?, order.pinned_on_top()))
            }
            Load::Published(window) => window.plain_place(id),
            Load::Loading | Load::Failed(_) => None,
        }
    }

    /// The board's page size, once its data (or published entry) is read.
    pub fn page_size(&self) -> Option<usize> {
        match self {
            Load::Ready(data) => Some(data.board.page_size),
            Load::Published(window) => Some(window.data().board.page_size),
            Load::Loading | Load::Failed(_) => None,
        }
    }
}

/// The view to show, with everything it needs: one variant per view, each view taking
/// exactly its own.
#[derive(Clone, Debug, PartialEq)]
pub enum Screen {
    Loading,
    Failed(LoadError),
    List(ListScreen),
    Notice(NoticeScreen),
    NotFound(NotFoundScreen),
}

/// A page of the list (searched, filtered, sorted as the URL says).
#[derive(Clone, Debug, PartialEq)]
pub struct ListScreen {
    pub data: Shared<Dataset>,
    pub query: ListQuery,
    pub listing: Arc<Listing>,
}

/// One notice, with the list the person came from (for previous/next and "Back to list").
#[derive(Clone, Debug, PartialEq)]
pub struct NoticeScreen {
    pub data: Shared<Dataset>,
    /// The notice's place in `data.notices`: always a notice of `data` (only
    /// [`Screen::new`] makes a `NoticeScreen`, from an id it found).
    index: usize,
    pub query: ListQuery,
    pub listing: Arc<Listing>,
}

impl NoticeScreen {
    pub fn index(&self) -> usize {
        self.index
    }

    pub fn notice(&self) -> &Notice {
        &self.data.notices[self.index]
    }
}

/// A link to a notice that is not on the board.
#[derive(Clone, Debug, PartialEq)]
pub struct NotFoundScreen {
    pub data: Shared<Dataset>,
    /// The id asked for.
    pub id: String,
}

/// Data shared between screens, compared by identity: a data set never changes once loaded,
/// so two screens show the same data exactly when they hold the same one (and comparing
/// them costs nothing, however many notices there are).
#[derive(Debug)]
pub struct Shared<T>(pub Arc<T>);

impl<T> Clone for Shared<T> {
    fn clone(&self) -> Self {
        Shared(self.0.clone())
    }
}

impl<T> PartialEq for Shared<T> {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

impl<T> std::ops::Deref for Shared<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

/// Which view component is on screen. The list stays the same component while its search,
/// filters and page change, so the search box keeps focus as the person types.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ViewKind {
    Loading,
    Failed,
    List,
    Notice(usize),
    NotFound,
}

/// One breadcrumb item: a link, or (for the current page) plain text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Crumb {
    Link(NavLink),
    /// The board's own list, linked through the app's URL state rather than a fixed URL.
    List(String),
    Current(String),
}

impl Screen {
    /// The screen for `load` and `url`. `previous` (the screen before) lets a search that
    /// is being typed reuse the matches found so far.
    pub fn new(load: &Load, url: &UrlState, previous: Option<&Screen>) -> Screen {
        let data = match load {
            Load::Loading => return Screen::Loading,
            Load::Failed(error) => return Screen::Failed(error.clone()),
            Load::Ready(data) => data.clone(),
            Load::Published(window) => return Screen::of_window(window, url),
        };
        let query = url.list.clone();
        let previous = match previous {
            Some(
                Screen::List(ListScreen {
                    data: before,
                    query,
                    listing,
                })
                | Screen::Notice(NoticeScreen {
                    data: before,
                    query,
                    listing,
                    ..
                }),
            ) if Arc::ptr_eq(&before.0, &data) => Some((query, listing.as_ref())),
            _ => None,
        };
        // Not made for a notice that is not found: nothing shows a list then.
        let listing = || {
            Arc::new(Listing::refine(
                &data,
                &query,
                data.board.page_size,
                previous,
            ))
        };
        match &url.view {
            View::List => Screen::List(ListScreen {
                listing: listing(),
                data: Shared(data.clone()),
                query,
            }),
            View::Notice(id) => match data.index_of(id) {
                Some(index) => Screen::Notice(NoticeScreen {
                    listing: listing(),
                    data: Shared(data.clone()),
                    index,
                    query,
                }),
                None => Screen::NotFound(NotFoundScreen {
                    data: Shared(data.clone()),
                    id: id.clone(),
                }),
            },
        }
    }

    /// The screen of a published board for `url`: loading until the window has it.
    fn of_window(window: &Window, url: &UrlState) -> Screen {
        let data = Shared(window.data().clone());
        let query = url.list.clone();
        match window.shown(url) {
            None => Screen::Loading,
            Some(Shown::List(listing)) => Screen::List(ListScreen {
                data,
                query,
                listing,
            }),
            Some(Shown::Notice { index, listing }) => Screen::Notice(NoticeScreen {
                data,
                index,
                query,
                listing,
            }),
            Some(Shown::NotFound) => Screen::NotFound(NotFoundScreen {
                data,
                id: match &url.view {
                    View::Notice(id) => id.clone(),
                    View::List => String::new(),
                },
            }),
            Some(Shown::Broken(error)) => Screen::Failed(error),
        }
    }

    pub fn kind(&self) -> ViewKind {
        match self {
            Screen::Loading => ViewKind::Loading,
            Screen::Failed(_) => ViewKind::Failed,
            Screen::List(_) => ViewKind::List,
            Screen::Notice(notice) => ViewKind::Notice(notice.index),
            Screen::NotFound(_) => ViewKind::NotFound,
        }
    }

    pub fn data(&self) -> Option<&Arc<Dataset>> {
        match self {
            Screen::List(ListScreen { data, .. })
            | Screen::Notice(NoticeScreen { data, .. })
            | Screen::NotFound(NotFoundScreen { data, .. }) => Some(&data.0),
            Screen::Loading | Screen::Failed(_) => None,
        }
    }

    /// The list page on screen, if the screen is one.
    pub fn list(&self) -> Option<&ListScreen> {
        match self {
            Screen::List(list) => Some(list),
            _ => None,
        }
    }

    /// The board settings for the chrome: the data file's, or the built-in defaults.
    pub fn board(&self) -> Board {
        self.data()
            .map_or_else(Board::default, |data| data.board.clone())
    }

    pub fn notice(&self) -> Option<&Notice> {
        match self {
            Screen::Notice(screen) => Some(screen.notice()),
            _ => None,
        }
    }

    /// The document title, in the interface language `text`: most specific first, the
    /// organisation last. Text from the data or the URL is isolated ([`isolated`]):
    /// right-to-left text in a title cannot reorder the rest.
    pub fn title(&self, text: &Text) -> String {
        let board = self.board();
        let board_title = isolated(&board.title);
        let suffix = format!("{board_title} – {}", isolated(&board.site_name));
        match self {
            Screen::List(ListScreen {
                data,
                query,
                listing,
            }) => {
                let filters = filter_names(text, data, query);
                let filters = (!filters.is_empty()).then(|| (text.filters_title)(&filters));
                let search =
                    (!query.q.is_empty()).then(|| (text.search_title)(&isolated(&query.q)));
                let lead = match (search, filters) {
                    (None, None) => String::new(),
                    (Some(search), None) => format!("{search} – "),
                    (None, Some(filters)) => format!("{filters} – "),
                    (Some(search), Some(filters)) => format!("{search} ({filters}) – "),
                };
                let page = if listing.pages > 1 {
                    (text.page_of)(listing.page, listing.pages)
                } else {
                    String::new()
                };
                format!("{lead}{board_title}{page} – {}", isolated(&board.site_name))
            }
            Screen::Loading => format!("{} – {suffix}", text.loading_title),
            Screen::Failed(_) => format!("{} – {suffix}", text.error_title),
            Screen::NotFound(_) => format!("{} – {suffix}", text.not_found),
            Screen::Notice(screen) => format!("{} – {suffix}", isolated(&screen.notice().title)),
        }
    }

    /// The breadcrumb trail, ending with the current page.
    pub fn breadcrumb(&self, text: &Text) -> Vec<Crumb> {
        let board = self.board();
        let mut trail: Vec<Crumb> = board.breadcrumb.iter().cloned().map(Crumb::Link).collect();
        match self {
            Screen::Notice(screen) => {
                trail.push(Crumb::List(board.title.clone()));
                trail.push(Crumb::Current(screen.notice().title.clone()));
            }
            Screen::NotFound(_) => {
                trail.push(Crumb::List(board.title.clone()));
                trail.push(Crumb::Current(text.not_found.into()));
            }
            _ => trail.push(Crumb::Current(board.title.clone())),
        }
        trail
    }

    /// The message for the `role="status"` region (empty when there is nothing to announce:
    /// a notice, and "not found", which the focused heading says).
    pub fn status(&self, text: &Text) -> String {
        match self {
            Screen::Loading => text.loading_notices.into(),
            Screen::Failed(error) => error.summary(text),
            Screen::List(ListScreen {
                data,
                query,
                listing,
            }) => {
                let mut message = result_summary(text, data, query, listing);
                if data.skipped_count() > 0 {
                    message.push_str(&(text.skipped_status)(data.skipped_count()));
                }
                message
            }
            Screen::NotFound(_) | Screen::Notice(_) => String::new(),
        }
    }

    /// The status message after the person moved from `before` to this screen: the count,
    /// led by the new order when they changed the sort.
    pub fn status_after(&self, before: Option<&Screen>, text: &Text) -> String {
        let status = self.status(text);
        match (before, self) {
            (Some(Screen::List(before)), Screen::List(now))
                if before.query.sort != now.query.sort =>
            {
                format!("{} {status}", (text.sorted_by)(now.query.sort))
            }
            _ => status,
        }
    }
}

/// The filters a list is narrowed by, named as their chips name them: `Category: Safety`.
pub fn filter_names(text: &Text, data: &Dataset, query: &ListQuery) -> Vec<String> {
    let category = query
        .category
        .as_deref()
        .filter(|key| data.has_category(key))
        .map(|key| (text.filter_category)(&isolated(data.board.category_label(key))));
    let year = query.year.map(text.filter_year);
    category.into_iter().chain(year).collect()
}

/// Why a narrowed list is empty.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NoResults {
    /// The board has no notices at all.
    Empty,
    /// No notices are in the chosen category and year (there is no search).
    Filters,
    /// Nothing matches the search, filters or not.
    Search,
    /// The search matches this many notices, but none in the chosen category and year.
    FilteredOut(usize),
}

/// Why the list is empty, or `None` when it is not.
pub fn no_results(data: &Dataset, query: &ListQuery, listing: &Listing) -> Option<NoResults> {
    if listing.total() > 0 {
        return None;
    }
    let filtered = query.category.is_some() || query.year.is_some();
    Some(match (query.q.is_empty(), filtered) {
        (true, true) => NoResults::Filters,
        (true, false) => NoResults::Empty,
        (false, false) => NoResults::Search,
        (false, true) => {
            let search_only = ListQuery {
                q: query.q.clone(),
                ..ListQuery::default()
            };
            let total = listing.search_total;
            match total
                .unwrap_or_else(|| Listing::new(data, &search_only, data.board.page_size).total())
            {
                0 => NoResults::Search,
                matches => NoResults::FilteredOut(matches),
            }
        }
    })
}

/// "Showing 11–20 of 245 notices.", "No notices match “xyz”.", "검색 결과 12건".
pub fn result_summary(text: &Text, data: &Dataset, query: &ListQuery, listing: &Listing) -> String {
    if let Some(reason) = no_results(data, query, listing) {
        return match reason {
            NoResults::Empty => text.no_notices_yet.into(),
            NoResults::Filters => text.no_match_filters.into(),
            NoResults::Search => (text.no_match_search)(&query.q),
            NoResults::FilteredOut(matches) => (text.filters_exclude)(&query.q, matches),
        };
    }
    let searched = !query.q.is_empty();
    if listing.pages == 1 {
        return (text.showing)(listing.total(), searched);
    }
    (text.showing_range)(listing.start + 1, listing.end, listing.total(), searched)
}

#[cfg(test)]
mod tests;
