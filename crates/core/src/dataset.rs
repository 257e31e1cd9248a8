//! A validated data file, and the facts about it that every view asks for, computed once
//! when it is read: a board of 100,000 notices must not be walked again for every page.

use super::date::Date;
use super::notice::{Board, Category, IdKey, Notice};
use super::problem::{Place, Problem};
use super::search::fold;
use std::collections::HashMap;
use std::sync::{Arc, OnceLock};

/// Where a notice goes in a data set: newest first, as `Sort::Newest` orders them (ids, as
/// numbers where they are, tell notices of one day apart).
fn newest_first(notice: &Notice) -> std::cmp::Reverse<(Date, IdKey, String)> {
    let id = &notice.id;
    std::cmp::Reverse((notice.date, id.sort_key(), id.as_str().to_string()))
}

/// At most this many pinned notices lead the plain list: the newest ones, as on eGovFrame
/// boards (which let editors pin five). Older pinned notices keep their place by date, still
/// marked: a CMS export with dozens pinned would otherwise bury the news under them, and
/// make the first page of every visit dozens of rows long.
pub const MOST_PINNED_ON_TOP: usize = 5;

/// A validated data file.
#[derive(Clone, Debug, PartialEq)]
pub struct Dataset {
    pub board: Board,
    /// The readable notices, newest first.
    pub notices: Vec<Notice>,
    /// Everything that was wrong but not fatal, in file order.
    pub problems: Vec<Problem>,
    /// Each notice's title and body folded for search, computed once at load.
    pub folded: Vec<String>,
    /// What the reader changed in notices it kept (bidi controls left out of titles and
    /// file names), for `notices validate` to warn about.
    pub notes: Vec<Problem>,
    /// What a file of a published board says beyond the format ([`crate::published`]).
    pub published: Option<serde_json::Value>,
    facts: Facts,
}

/// What [`Dataset`]'s queries answer, derived from its notices once.
#[derive(Clone, Debug, PartialEq)]
struct Facts {
    index_of_id: HashMap<String, usize>,
    categories_in_use: Vec<Category>,
    years: Vec<u16>,
    skipped_count: usize,
    plain_order: Arc<NoticeOrder>,
    /// The pinned notices before this index are those on top (it is just after the last).
    on_top_before: usize,
}

impl Dataset {
    /// Orders the notices and prepares what search needs.
    pub fn new(board: Board, notices: Vec<Notice>, problems: Vec<Problem>) -> Dataset {
        let notices = notices.into_iter().map(with_search_text).collect();
        Dataset::from_searchable(board, notices, problems)
    }

    /// [`Dataset::new`] for notices whose search text is already prepared.
    pub(crate) fn from_searchable(
        board: Board,
        mut notices: Vec<(Notice, String)>,
        problems: Vec<Problem>,
    ) -> Dataset {
        // Keys computed once: comparing ids would otherwise parse them at every comparison.
        notices.sort_by_cached_key(|(notice, _)| newest_first(notice));
        Dataset::from_ordered(board, notices, problems)
    }

    /// [`Dataset::from_searchable`] for notices already newest first.
    pub(crate) fn from_ordered(
        board: Board,
        notices: Vec<(Notice, String)>,
        problems: Vec<Problem>,
    ) -> Dataset {
        debug_assert!(notices.is_sorted_by_key(|(notice, _)| newest_first(notice)));
        let (notices, folded): (Vec<Notice>, Vec<String>) = notices.into_iter().unzip();
        let facts = Facts::of(&board, &notices, &problems);
        Dataset {
            board,
            notices,
            problems,
            folded,
            notes: Vec::new(),
            published: None,
            facts,
        }
    }

    /// Whether any notice is in the category `key`.
    pub fn has_category(&self, key: &str) -> bool {
        self.facts
            .categories_in_use
            .iter()
            .any(|category| category.key == key)
    }

    /// The categories in use, in the board's order, then any unlisted ones by key.
    pub fn categories_in_use(&self) -> &[Category] {
        &self.facts.categories_in_use
    }

    /// The years that have notices, newest first.
    pub fn years(&self) -> &[u16] {
        &self.facts.years
    }

    /// Where the notice with this id is in `notices`.
    pub fn index_of(&self, id: &str) -> Option<usize> {
        self.facts.index_of_id.get(id).copied()
    }

    /// How many notices were left out because of problems.
    pub fn skipped_count(&self) -> usize {
        self.facts.skipped_count
    }

    /// The data set of part of a published board: the categories, years and count of
    /// skipped notices are the whole board's, as its entry file says.
    pub fn with_board_facts(
        mut self,
        categories_in_use: Vec<Category>,
        years: Vec<u16>,
        skipped_count: usize,
    ) -> Dataset {
        self.facts.categories_in_use = categories_in_use;
        self.facts.years = years;
        self.facts.skipped_count = skipped_count;
        self
    }

    /// The plain list: every notice newest first, the newest pinned ones on top.
    pub fn plain_order(&self) -> &Arc<NoticeOrder> {
        &self.facts.plain_order
    }

    /// True for a notice the plain list shows on top ([`MOST_PINNED_ON_TOP`]).
    pub fn is_on_top(&self, index: usize) -> bool {
        index < self.facts.on_top_before && self.notices[index].pinned
    }
}

impl Facts {
    fn of(board: &Board, notices: &[Notice], problems: &[Problem]) -> Facts {
        let mut index_of_id = HashMap::with_capacity(notices.len());
        for (index, notice) in notices.iter().enumerate() {
            index_of_id
                .entry(notice.id.as_str().to_string())
                .or_insert(index);
        }
        let mut keys: Vec<&str> = notices
            .iter()
            .filter_map(|n| n.category.as_deref())
            .collect();
        keys.sort_unstable();
        keys.dedup();
        let in_use = |key: &str| keys.binary_search(&key).is_ok();
        let listed = board.categories.iter().filter(|c| in_use(&c.key)).cloned();
        let unlisted = keys
            .iter()
            .filter(|key| !board.categories.iter().any(|c| c.key == **key))
            .map(|key| Category {
                key: key.to_string(),
                label: key.to_string(),
            });
        let categories_in_use = listed.chain(unlisted).collect();
        let mut years: Vec<u16> = notices.iter().map(|notice| notice.date.year).collect();
        years.sort_unstable_by(|a, b| b.cmp(a));
        years.dedup();
        let mut skipped: Vec<usize> = problems
            .iter()
            .filter_map(|problem| match problem.place {
                Place::Notice { position, .. } => Some(position),
                Place::Board => None,
            })
            .collect();
        skipped.dedup();
        let (mut on_top, mut rest) = (Vec::new(), Vec::with_capacity(notices.len()));
        for (index, notice) in notices.iter().enumerate() {
            match notice.pinned && on_top.len() < MOST_PINNED_ON_TOP {
                true => on_top.push(index),
                false => rest.push(index),
            }
        }
        let on_top_before = on_top.last().map_or(0, |&index| index + 1);
        let plain_order = Arc::new(NoticeOrder::new(
            on_top.iter().chain(&rest).copied().collect(),
            on_top.len(),
        ));
        Facts {
            index_of_id,
            categories_in_use,
            years,
            skipped_count: skipped.len(),
            plain_order,
            on_top_before,
        }
    }
}

/// Notices in the order of a list (indices into [`Dataset::notices`]), shared by every page
/// of that list and by the notices opened from it. Usually the whole list; for a published
/// board ([`crate::published`]), only the stretch of it that has been fetched.
#[derive(Clone, Debug, Default)]
pub struct NoticeOrder {
    /// The notices at places `first..first + indices.len()` of the list.
    indices: Vec<usize>,
    first: usize,
    /// How many notices the whole list has.
    total: usize,
    /// How many notices of the list are pinned notices shown on top of the first page.
    pinned_on_top: usize,
    /// Each notice's place in `indices`, found once when first asked (previous and next on
    /// every notice page would otherwise search the list each time).
    places: OnceLock<Vec<usize>>,
}

impl NoticeOrder {
    pub fn new(indices: Vec<usize>, pinned_on_top: usize) -> NoticeOrder {
        let total = indices.len();
        NoticeOrder::stretch(indices, 0, total, pinned_on_top)
    }

    /// The notices at places `first..first + indices.len()` of a list of `total`.
    pub fn stretch(
        indices: Vec<usize>,
        first: usize,
        total: usize,
        pinned_on_top: usize,
    ) -> NoticeOrder {
        NoticeOrder {
            indices,
            first,
            total,
            pinned_on_top,
            places: OnceLock::new(),
        }
    }

    /// The notices known, from place [`NoticeOrder::first`] on.
    pub fn indices(&self) -> &[usize] {
        &self.indices
    }

    /// The place of the first of [`NoticeOrder::indices`] in the list.
    pub fn first(&self) -> usize {
        self.first
    }

    /// How many notices the list has.
    pub fn total(&self) -> usize {
        self.total
    }

    /// Whether every notice of the list is known.
    pub fn is_whole(&self) -> bool {
        self.first == 0 && self.indices.len() == self.total
    }

    /// The notice at `place` of the list, when it is known.
    pub fn at(&self, place: usize) -> Option<usize> {
        let local = place.checked_sub(self.first)?;
        self.indices.get(local).copied()
    }

    pub fn pinned_on_top(&self) -> usize {
        self.pinned_on_top
    }

    /// Where notice `index` is in this order (its place in the whole list).
    pub fn place_of(&self, index: usize) -> Option<usize> {
        // Indexed by notice (indices are below the number of notices); `usize::MAX` where a
        // notice is not in this order.
        let places = self.places.get_or_init(|| {
            let size = self.indices.iter().max().map_or(0, |&max| max + 1);
            let mut places = vec![usize::MAX; size];
            for (place, &index) in self.indices.iter().enumerate().rev() {
                places[index] = place;
            }
            places
        });
        places
            .get(index)
            .copied()
            .filter(|&place| place != usize::MAX)
            .map(|place| self.first + place)
    }
}

impl PartialEq for NoticeOrder {
    /// The same notices in the same order (the cache of places is not compared).
    fn eq(&self, other: &Self) -> bool {
        self.indices == other.indices
            && (self.first, self.total, self.pinned_on_top)
                == (other.first, other.total, other.pinned_on_top)
    }
}

impl Eq for NoticeOrder {}

/// The notice with its title and body folded for search.
pub(super) fn with_search_text(notice: Notice) -> (Notice, String) {
    let folded = search_text(&notice);
    (notice, folded)
}

/// The notice's title and body folded for search.
pub(super) fn search_text(notice: &Notice) -> String {
    fold(&format!("{}\n{}", notice.title, notice.body))
}
