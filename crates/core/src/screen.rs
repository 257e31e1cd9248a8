//! What the page shows for a given data state and URL: which view, the list page, its title,
//! breadcrumb and status message. Pure, so every view's words are unit-tested natively.

use crate::format::isolated;
use crate::i18n::Text;
use crate::listing::{ListQuery, Listing};
use crate::url_state::{UrlState, View};
use crate::{Board, Dataset, LoadError, NavLink, Notice};
use std::sync::Arc;

/// Where loading the data file stands.
#[derive(Clone, Debug)]
pub enum Load {
    Loading,
    Ready(Arc<Dataset>),
    Failed(LoadError),
}

/// The view to show, with everything it needs.
#[derive(Clone, Debug)]
pub enum Screen {
    Loading,
    Failed(LoadError),
    List {
        data: Arc<Dataset>,
        query: ListQuery,
        listing: Arc<Listing>,
    },
    Notice {
        data: Arc<Dataset>,
        index: usize,
        query: ListQuery,
        listing: Arc<Listing>,
    },
    NotFound {
        data: Arc<Dataset>,
        id: String,
    },
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

impl PartialEq for Screen {
    /// Datasets compare by identity: a dataset is never changed once loaded.
    fn eq(&self, other: &Self) -> bool {
        use Screen::*;
        match (self, other) {
            (Loading, Loading) => true,
            (Failed(a), Failed(b)) => a == b,
            (
                List {
                    data: a,
                    query: qa,
                    listing: la,
                },
                List {
                    data: b,
                    query: qb,
                    listing: lb,
                },
            ) => Arc::ptr_eq(a, b) && qa == qb && la == lb,
            (
                Notice {
                    data: a,
                    index: ia,
                    query: qa,
                    ..
                },
                Notice {
                    data: b,
                    index: ib,
                    query: qb,
                    ..
                },
            ) => Arc::ptr_eq(a, b) && ia == ib && qa == qb,
            (NotFound { data: a, id: ia }, NotFound { data: b, id: ib }) => {
                Arc::ptr_eq(a, b) && ia == ib
            }
            _ => false,
        }
    }
}

impl Screen {
    /// The screen for `load` and `url`. `previous` (the screen before) lets a search that
    /// is being typed reuse the matches found so far.
    pub fn new(load: &Load, url: &UrlState, previous: Option<&Screen>) -> Screen {
        let data = match load {
            Load::Loading => return Screen::Loading,
            Load::Failed(error) => return Screen::Failed(error.clone()),
            Load::Ready(data) => data.clone(),
        };
        let query = url.list.clone();
        let previous = match previous {
            Some(
                Screen::List {
                    data: before,
                    query,
                    listing,
                }
                | Screen::Notice {
                    data: before,
                    query,
                    listing,
                    ..
                },
            ) if Arc::ptr_eq(before, &data) => Some((query, listing.as_ref())),
            _ => None,
        };
        let listing = |data: &Dataset| {
            Arc::new(Listing::refine(
                data,
                &query,
                data.board.page_size,
                previous,
            ))
        };
        match &url.view {
            View::List => {
                let listing = listing(&data);
                Screen::List {
                    data,
                    query,
                    listing,
                }
            }
            View::Notice(id) => match data.index_of(id) {
                Some(index) => {
                    let listing = listing(&data);
                    Screen::Notice {
                        data,
                        index,
                        query,
                        listing,
                    }
                }
                None => Screen::NotFound {
                    data,
                    id: id.clone(),
                },
            },
        }
    }

    pub fn kind(&self) -> ViewKind {
        match self {
            Screen::Loading => ViewKind::Loading,
            Screen::Failed(_) => ViewKind::Failed,
            Screen::List { .. } => ViewKind::List,
            Screen::Notice { index, .. } => ViewKind::Notice(*index),
            Screen::NotFound { .. } => ViewKind::NotFound,
        }
    }

    pub fn data(&self) -> Option<&Arc<Dataset>> {
        match self {
            Screen::List { data, .. }
            | Screen::Notice { data, .. }
            | Screen::NotFound { data, .. } => Some(data),
            Screen::Loading | Screen::Failed(_) => None,
        }
    }

    /// The board settings for the chrome: the data file's, or the built-in defaults.
    pub fn board(&self) -> Board {
        self.data()
            .map_or_else(Board::default, |data| data.board.clone())
    }

    pub fn notice(&self) -> Option<&Notice> {
        match self {
            Screen::Notice { data, index, .. } => data.notices.get(*index),
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
            Screen::List {
                data,
                query,
                listing,
            } => {
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
            Screen::NotFound { .. } => format!("{} – {suffix}", text.not_found),
            Screen::Notice { .. } => format!(
                "{} – {suffix}",
                isolated(self.notice().map_or("", |n| n.title.as_str()))
            ),
        }
    }

    /// The breadcrumb trail, ending with the current page.
    pub fn breadcrumb(&self, text: &Text) -> Vec<Crumb> {
        let board = self.board();
        let mut trail: Vec<Crumb> = board.breadcrumb.iter().cloned().map(Crumb::Link).collect();
        match self {
            Screen::Notice { .. } => {
                trail.push(Crumb::List(board.title.clone()));
                trail.push(Crumb::Current(
                    self.notice().map(|n| n.title.clone()).unwrap_or_default(),
                ));
            }
            Screen::NotFound { .. } => {
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
            Screen::List {
                data,
                query,
                listing,
            } => {
                let mut message = result_summary(text, data, query, listing);
                if data.skipped_count() > 0 {
                    message.push_str(&(text.skipped_status)(data.skipped_count()));
                }
                message
            }
            Screen::NotFound { .. } | Screen::Notice { .. } => String::new(),
        }
    }

    /// The status message after the person moved from `before` to this screen: the count,
    /// led by the new order when they changed the sort.
    pub fn status_after(&self, before: Option<&Screen>, text: &Text) -> String {
        let status = self.status(text);
        match (before, self) {
            (Some(Screen::List { query: old, .. }), Screen::List { query, .. })
                if old.sort != query.sort =>
            {
                format!("{} {status}", (text.sorted_by)(query.sort))
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
            match Listing::new(data, &search_only, data.board.page_size).total() {
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
