//! Which notices a list page shows: search, filters, sort, pinned notices and paging.

use super::dataset::NoticeOrder;
use super::search::Terms;
use super::{Dataset, Notice};
use std::cmp::Ordering;
use std::sync::Arc;

/// Longest search kept from a URL; a longer one is cut (nobody types 10,000 characters).
pub const MAX_QUERY_CHARS: usize = 200;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Sort {
    #[default]
    Newest,
    Oldest,
    MostRead,
}

impl Sort {
    pub const ALL: [Sort; 3] = [Sort::Newest, Sort::Oldest, Sort::MostRead];

    /// The value in the URL (`sort=oldest`).
    pub fn key(self) -> &'static str {
        match self {
            Sort::Newest => "newest",
            Sort::Oldest => "oldest",
            Sort::MostRead => "most-read",
        }
    }

    pub fn from_key(key: &str) -> Option<Sort> {
        Sort::ALL.into_iter().find(|sort| sort.key() == key)
    }

    /// A total order (ids `7` and `007` compare by their text last), so that oldest first
    /// is exactly newest first reversed, as a published board computes it.
    pub(crate) fn compare(self, a: &Notice, b: &Notice) -> Ordering {
        let newest = (b.date.cmp(&a.date))
            .then_with(|| b.id.cmp(&a.id))
            .then_with(|| b.id.as_str().cmp(a.id.as_str()));
        match self {
            Sort::Newest => newest,
            Sort::Oldest => newest.reverse(),
            Sort::MostRead => b.views.cmp(&a.views).then(newest),
        }
    }
}

/// What the person asked the list for; every field lives in the URL.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct ListQuery {
    /// The search as typed.
    pub q: String,
    /// A category key.
    pub category: Option<String>,
    pub year: Option<u16>,
    pub sort: Sort,
    /// 1-based.
    pub page: usize,
}

impl ListQuery {
    /// True when a search or a filter narrows the list (sorting does not).
    pub fn is_narrowed(&self) -> bool {
        !self.q.trim().is_empty() || self.category.is_some() || self.year.is_some()
    }

    /// The same query on its first page: what a new search or filter starts from.
    pub fn first_page(mut self) -> Self {
        self.page = 1;
        self
    }
}

/// One page of the list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Listing {
    /// Every matching notice in list order; pinned ones lead when they are shown on top.
    /// Shared, not copied, between the pages of one list.
    pub order: Arc<NoticeOrder>,
    /// The range of `order` on this page.
    pub start: usize,
    pub end: usize,
    /// 1-based, after clamping to the pages that exist.
    pub page: usize,
    pub pages: usize,
    /// The search words, for highlighting.
    pub terms: Terms,
    /// How many notices the search alone finds, when the list's maker knows it and the data
    /// set cannot say (a published board's holds only what was fetched).
    pub search_total: Option<usize>,
}

impl Listing {
    pub fn new(data: &Dataset, query: &ListQuery, page_size: usize) -> Listing {
        if !query.is_narrowed() && query.sort == Sort::Newest {
            // The plain list is the data set's own order: no notice is looked at again.
            return Listing::paged(
                data.plain_order().clone(),
                query,
                page_size,
                Terms::default(),
            );
        }
        Listing::from_candidates(data, query, page_size, 0..data.notices.len())
    }

    /// Like [`Listing::new`], reusing `previous` (the listing of the query before, on the
    /// same data) when it holds every possible match: the person typed more of the same
    /// search with the same filters. Then only its matches are searched again, which keeps
    /// typing fast on large boards.
    pub fn refine(
        data: &Dataset,
        query: &ListQuery,
        page_size: usize,
        previous: Option<(&ListQuery, &Listing)>,
    ) -> Listing {
        match previous {
            Some((before, listing))
                if listing.order.is_whole()
                    && before.category == query.category
                    && before.year == query.year
                    && before.sort == query.sort
                    && listing.terms.narrowed_by(&Terms::new(&query.q)) =>
            {
                let candidates = listing.order.indices().iter().copied();
                Listing::from_candidates(data, query, page_size, candidates)
            }
            _ => Listing::new(data, query, page_size),
        }
    }

    /// The listing built from `candidates`, a superset of the matches in list order.
    fn from_candidates(
        data: &Dataset,
        query: &ListQuery,
        page_size: usize,
        candidates: impl Iterator<Item = usize>,
    ) -> Listing {
        let terms = Terms::new(&query.q);
        let category = query
            .category
            .as_deref()
            .filter(|key| data.has_category(key));
        let mut order: Vec<usize> = candidates
            .filter(|&index| {
                let notice = &data.notices[index];
                category.is_none_or(|key| notice.category.as_deref() == Some(key))
                    && query.year.is_none_or(|year| notice.date.year == year)
                    && (terms.is_empty() || terms.all_in(&data.folded[index]))
            })
            .collect();
        // `Dataset::notices` is already newest first; other orders sort (stably) from there.
        if query.sort != Sort::Newest {
            sort_indices(&mut order, &|a, b| {
                query.sort.compare(&data.notices[a], &data.notices[b])
            });
        }
        // As on eGovFrame boards, pinned notices lead the first page of the plain list only.
        let narrowed = !terms.is_empty() || category.is_some() || query.year.is_some();
        let pinned_on_top = if narrowed || query.sort != Sort::Newest {
            0
        } else {
            let (pinned, rest): (Vec<usize>, Vec<usize>) =
                order.iter().partition(|&&index| data.is_on_top(index));
            let count = pinned.len();
            order = pinned.into_iter().chain(rest).collect();
            count
        };
        let order = Arc::new(NoticeOrder::new(order, pinned_on_top));
        Listing::paged(order, query, page_size, terms)
    }

    /// The page of `order` that `query` asks for.
    fn paged(
        order: Arc<NoticeOrder>,
        query: &ListQuery,
        page_size: usize,
        terms: Terms,
    ) -> Listing {
        let bounds = PageBounds::of(order.total(), order.pinned_on_top(), page_size, query.page);
        Listing::on_page(order, bounds, terms)
    }

    /// The listing of the page `bounds` of `order`, which must hold at least that page.
    pub fn on_page(order: Arc<NoticeOrder>, bounds: PageBounds, terms: Terms) -> Listing {
        Listing {
            order,
            start: bounds.start,
            end: bounds.end,
            page: bounds.page,
            pages: bounds.pages,
            terms,
            search_total: None,
        }
    }

    /// The notices on this page.
    pub fn rows(&self) -> &[usize] {
        let first = self.order.first();
        &self.order.indices()[self.start - first..self.end - first]
    }

    pub fn total(&self) -> usize {
        self.order.total()
    }

    /// How many pinned notices lead the first page.
    pub fn pinned_on_top(&self) -> usize {
        self.order.pinned_on_top()
    }

    /// The notices before and after `index` in list order (for "Previous" / "Next" links).
    pub fn neighbours(&self, index: usize) -> (Option<usize>, Option<usize>) {
        match self.order.place_of(index) {
            Some(place) => (
                place.checked_sub(1).and_then(|p| self.order.at(p)),
                self.order.at(place + 1),
            ),
            None => (None, None),
        }
    }

    /// The page (1-based) that shows `index`, to return to it from the notice.
    pub fn page_of(&self, index: usize, page_size: usize) -> usize {
        match self.order.place_of(index) {
            Some(place) if place >= self.pinned_on_top() => {
                (place - self.pinned_on_top()) / page_size.max(1) + 1
            }
            _ => 1,
        }
    }
}

/// Which places of a list a page shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PageBounds {
    /// The range of places on the page.
    pub start: usize,
    pub end: usize,
    /// 1-based, after clamping to the pages that exist.
    pub page: usize,
    pub pages: usize,
}

impl PageBounds {
    /// Page `page` of a list of `total` notices, `pinned_on_top` of them on top of page 1.
    pub fn of(total: usize, pinned_on_top: usize, page_size: usize, page: usize) -> PageBounds {
        let page_size = page_size.max(1);
        // Pinned notices come on top of page 1 and do not count towards its size.
        let paged = total - pinned_on_top;
        let pages = paged.div_ceil(page_size).max(1);
        let page = page.clamp(1, pages);
        let (start, end) = if page == 1 {
            (0, pinned_on_top + paged.min(page_size))
        } else {
            let start = pinned_on_top + (page - 1) * page_size;
            (start, (start + page_size).min(total))
        };
        PageBounds {
            start,
            end,
            page,
            pages,
        }
    }
}

/// The page numbers to offer: the first, the last, and a window around the current page,
/// with `None` for a gap ("…"). At most 7 entries, so the control fits 320 px.
pub fn page_window(page: usize, pages: usize) -> Vec<Option<usize>> {
    if pages <= 7 {
        return (1..=pages).map(Some).collect();
    }
    let (low, high) = if page <= 4 {
        (2, 5)
    } else if page >= pages - 3 {
        (pages - 4, pages - 1)
    } else {
        (page - 1, page + 1)
    };
    let mut window = vec![Some(1)];
    if low > 2 {
        window.push(None);
    }
    window.extend((low..=high).map(Some));
    if high < pages - 1 {
        window.push(None);
    }
    window.push(Some(pages));
    window
}

/// Sorts indices stably by `compare`. Every caller shares this one copy of the sort in the
/// app's wasm: a sort called with its own closure is a copy of its own (about 3 KB each).
pub(crate) fn sort_indices(indices: &mut [usize], compare: &dyn Fn(usize, usize) -> Ordering) {
    indices.sort_by(|&a, &b| compare(a, b));
}

#[cfg(test)]
mod tests;
