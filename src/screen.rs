//! What the page shows for a given data state and URL: which view, the list page, its title,
//! breadcrumb and status message. Pure, so every view's words are unit-tested natively.

use crate::model::format::isolated;
use crate::model::listing::{ListQuery, Listing};
use crate::model::{Board, Dataset, LoadError, NavLink, Notice};
use crate::url_state::{UrlState, View};
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

    /// The document title: most specific first, the organisation last.
    /// Text from the data or the URL is isolated ([`isolated`]): right-to-left text in a
    /// title cannot reorder the rest.
    pub fn title(&self) -> String {
        let board = self.board();
        let board_title = isolated(&board.title);
        let suffix = format!("{board_title} – {}", isolated(&board.site_name));
        match self {
            Screen::List { query, listing, .. } => {
                let search = if query.q.is_empty() {
                    String::new()
                } else {
                    format!("Search results for “{}” – ", isolated(&query.q))
                };
                let page = if listing.pages > 1 {
                    format!(" (page {} of {})", listing.page, listing.pages)
                } else {
                    String::new()
                };
                format!(
                    "{search}{board_title}{page} – {}",
                    isolated(&board.site_name)
                )
            }
            Screen::Loading => format!("Loading – {suffix}"),
            Screen::Failed(_) => format!("Error: notices could not be loaded – {suffix}"),
            Screen::NotFound { .. } => format!("Notice not found – {suffix}"),
            Screen::Notice { .. } => format!(
                "{} – {suffix}",
                isolated(self.notice().map_or("", |n| n.title.as_str()))
            ),
        }
    }

    /// The breadcrumb trail, ending with the current page.
    pub fn breadcrumb(&self) -> Vec<Crumb> {
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
                trail.push(Crumb::Current("Notice not found".into()));
            }
            _ => trail.push(Crumb::Current(board.title.clone())),
        }
        trail
    }

    /// The message for the `role="status"` region (empty when there is nothing to announce).
    pub fn status(&self) -> String {
        match self {
            Screen::Loading => "Loading notices…".into(),
            Screen::Failed(error) => error.summary(),
            Screen::List {
                data,
                query,
                listing,
            } => {
                let mut message = result_summary(query, listing);
                if data.skipped_count() > 0 {
                    message.push_str(&format!(
                        " {} could not be shown.",
                        count_notices(data.skipped_count())
                    ));
                }
                message
            }
            Screen::NotFound { .. } => "Notice not found.".into(),
            Screen::Notice { .. } => String::new(),
        }
    }
}

/// "Showing 11–20 of 245 notices." or "No notices match “xyz”."
pub fn result_summary(query: &ListQuery, listing: &Listing) -> String {
    if listing.total() == 0 {
        return match query.q.is_empty() {
            true if query.is_narrowed() => "No notices match these filters.".into(),
            true => "There are no notices yet.".into(),
            false => format!("No notices match “{}”.", query.q),
        };
    }
    let total = count_notices(listing.total());
    if listing.pages == 1 {
        return format!("Showing {total}.");
    }
    format!("Showing {}–{} of {total}.", listing.start + 1, listing.end)
}

/// `1 notice`, `32 notices`, `No notices`.
pub fn count_notices(count: usize) -> String {
    match count {
        0 => "No notices".into(),
        1 => "1 notice".into(),
        n => format!("{} notices", crate::model::format::thousands(n as u64)),
    }
}

#[cfg(test)]
mod tests;
