//! What the browser has fetched of a published board, what it still needs for a URL, and
//! what it shows for that URL once it has it (which `screen` turns into a screen).

use super::meta::{bad, first_ids, id_order, locations, names, Meta};
use crate::dataset::NoticeOrder;
use crate::listing::{ListQuery, Listing, PageBounds, Sort};
use crate::parse::DataReader;
use crate::search::Terms;
use crate::url_state::{UrlState, View};
use crate::{Board, Category, Dataset, LoadError, Notice, NoticeId};
use std::collections::{HashMap, HashSet};
use std::sync::Arc;

/// A file the window needs before it can show a URL.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Need {
    /// The `n`th directory of row blocks, or of buckets.
    RowDirectory(usize),
    BucketDirectory(usize),
    /// A row block or a bucket (its name).
    Shard(String),
    /// The whole data file: for a search, a filter or another order.
    WholeFile,
}

/// What a window shows for a URL (of its [`Window::data`]).
#[derive(Clone, Debug)]
pub enum Shown {
    /// A page of the plain list.
    List(Arc<Listing>),
    /// A notice (an index into the data), with the list around it.
    Notice {
        index: usize,
        listing: Arc<Listing>,
    },
    NotFound,
    /// The published files contradict each other.
    Broken(LoadError),
}

/// The part of a published board fetched so far. Grows by [`Window::with_fetched`], which
/// gives a new window (screens hold the one they were made from).
#[derive(Clone, Debug)]
pub struct Window {
    meta: Arc<Meta>,
    /// The entry's address, and its folder, which the file names are relative to.
    entry_url: String,
    base: String,
    board: Board,
    /// Each fetched notice by id.
    notices: HashMap<String, Fetched>,
    /// The id of the notice at each fetched place of the plain list.
    at_place: HashMap<usize, String>,
    /// The directories, by number, once fetched.
    row_directories: Vec<Option<Arc<Vec<String>>>>,
    bucket_directories: Vec<Option<Arc<BucketDirectory>>>,
    /// The blocks and buckets read: a notice not in the bucket of its id is not on the board.
    read: HashSet<String>,
    /// The fetched notices as a data set, which the views read.
    data: Arc<Dataset>,
}

/// The buckets a directory names, each with the first id it holds.
type BucketDirectory = Vec<(NoticeId, String)>;

/// A fetched notice: its row, or the whole notice with its body.
#[derive(Clone, Debug)]
struct Fetched {
    notice: Notice,
    place: usize,
    whole: bool,
}

impl Window {
    /// The window of a published board from its entry file, read from `url` (`entry`'s
    /// `published` member is what makes it one).
    pub fn from_entry(entry: &Dataset, url: &str) -> Result<Window, LoadError> {
        let meta = Meta::from_json(entry.published.as_ref().ok_or_else(|| bad("missing"))?)?;
        let path = url.split(['?', '#']).next().unwrap_or_default();
        let base = path[..path.rfind('/').map_or(0, |i| i + 1)].to_string();
        let window = Window {
            entry_url: url.to_string(),
            base,
            board: entry.board.clone(),
            notices: HashMap::new(),
            at_place: HashMap::new(),
            row_directories: vec![None; meta.row_directories.len()],
            bucket_directories: vec![None; meta.bucket_directories.len()],
            read: HashSet::new(),
            data: Arc::new(entry.clone()),
            meta: Arc::new(meta),
        };
        window.with_shard(None, entry)
    }

    /// The address of a file of the board (for [`Need::WholeFile`], the data file's copy).
    pub fn url_of(&self, need: &Need) -> String {
        let name = match need {
            Need::RowDirectory(n) => &self.meta.row_directories[*n],
            Need::BucketDirectory(n) => &self.meta.bucket_directories[*n].1,
            Need::Shard(name) => name,
            Need::WholeFile => &self.meta.data_file,
        };
        format!("{}{name}", self.base)
    }

    /// The entry's address: relative links in notices are read against it, as against the
    /// data file next to it.
    pub fn entry_url(&self) -> &str {
        &self.entry_url
    }

    /// Whether `other` is of the same publish (its files name the same data file).
    pub fn same_publish(&self, other: &Window) -> bool {
        self.meta.data_file == other.meta.data_file
    }

    /// The data set of what has been fetched.
    pub fn data(&self) -> &Arc<Dataset> {
        &self.data
    }

    /// The window with the file fetched for `need` added. Blocks and buckets are small:
    /// they are read at once.
    pub fn with_fetched(&self, need: &Need, bytes: Vec<u8>) -> Result<Window, LoadError> {
        match need {
            Need::Shard(name) => {
                let shard = DataReader::from_bytes(bytes, &self.entry_url)?.finish()?;
                self.with_shard(Some(name), &shard)
            }
            _ => self.with_directory(need, &bytes),
        }
    }

    /// The window with a directory added.
    fn with_directory(&self, need: &Need, bytes: &[u8]) -> Result<Window, LoadError> {
        let value: serde_json::Value =
            serde_json::from_slice(bytes).map_err(|_| bad("a directory is not JSON"))?;
        let mut window = self.clone();
        let wrong = || bad("a directory is wrong");
        match need {
            Need::RowDirectory(n) => {
                let names = names(&value).ok_or_else(wrong)?;
                *window.row_directories.get_mut(*n).ok_or_else(wrong)? = Some(Arc::new(names));
            }
            Need::BucketDirectory(n) => {
                let ids = first_ids(&value).ok_or_else(wrong)?;
                *window.bucket_directories.get_mut(*n).ok_or_else(wrong)? = Some(Arc::new(ids));
            }
            Need::Shard(_) | Need::WholeFile => {}
        }
        Ok(window)
    }

    /// The window with a block's or bucket's notices added (`name`: `None` for the entry).
    fn with_shard(&self, name: Option<&str>, shard: &Dataset) -> Result<Window, LoadError> {
        let (at, whole) = locations(shard.published.as_ref())?;
        let mut window = self.clone();
        for notice in &shard.notices {
            let location = at.get(notice.position.wrapping_sub(1)).copied();
            let place = location
                .and_then(|location| window.meta.place(location))
                .ok_or_else(|| bad("a notice's place is not on the board"))?;
            let id = notice.id.as_str().to_string();
            let whole = notice.position <= whole;
            // A row never replaces the whole notice.
            if !whole && window.notices.contains_key(&id) {
                continue;
            }
            window.at_place.insert(place, id.clone());
            let notice = notice.clone();
            window.notices.insert(
                id,
                Fetched {
                    notice,
                    place,
                    whole,
                },
            );
        }
        if let Some(name) = name {
            window.read.insert(name.to_string());
        }
        let categories = window
            .meta
            .categories
            .iter()
            .map(|key| Category {
                key: key.clone(),
                label: window.board.category_label(key).to_string(),
            })
            .collect();
        // No search text: a search reads the whole data file.
        let notices = window
            .notices
            .values()
            .map(|fetched| (fetched.notice.clone(), String::new()))
            .collect();
        window.data =
            Arc::new(
                Dataset::from_searchable(window.board.clone(), notices, Vec::new())
                    .with_board_facts(categories, window.meta.years.clone(), window.meta.skipped),
            );
        Ok(window)
    }

    /// What must still be fetched to show `url`; nothing once [`Window::screen`] can.
    pub fn needs(&self, url: &UrlState) -> Vec<Need> {
        if !is_plain(&url.list) {
            return vec![Need::WholeFile];
        }
        let mut needs = Vec::new();
        let places = match &url.view {
            View::List => {
                let bounds = self.bounds(url.list.page);
                (bounds.start..bounds.end).collect()
            }
            View::Notice(id) => match self.notices.get(id.as_str()) {
                Some(&Fetched { place, whole, .. }) if whole => {
                    let after = (place + 1 < self.meta.total()).then_some(place + 1);
                    place.checked_sub(1).into_iter().chain(after).collect()
                }
                _ => {
                    needs.extend(self.bucket_need(id));
                    Vec::new()
                }
            },
        };
        for place in places {
            if self.at_place.contains_key(&place) {
                continue;
            }
            let Some(block) = self.meta.block_of(place) else {
                continue;
            };
            let directory = block / self.meta.per_directory;
            let need = match self.row_directories.get(directory) {
                None => continue,
                Some(None) => Need::RowDirectory(directory),
                Some(Some(names)) => match names.get(block % self.meta.per_directory) {
                    Some(name) => Need::Shard(name.clone()),
                    None => continue,
                },
            };
            if !needs.contains(&need) {
                needs.push(need);
            }
        }
        needs
    }

    /// The bucket that holds notice `id`, or its directory, unless it has been read.
    fn bucket_need(&self, id: &str) -> Option<Need> {
        let id = NoticeId(id.to_string());
        let key = id_order(&id);
        let last_at_or_before = |firsts: &[(NoticeId, String)]| {
            firsts
                .partition_point(|(first, _)| id_order(first) <= key)
                .checked_sub(1)
        };
        let directory = last_at_or_before(&self.meta.bucket_directories)?;
        match self.bucket_directories.get(directory)? {
            None => Some(Need::BucketDirectory(directory)),
            Some(buckets) => {
                let (_, name) = &buckets[last_at_or_before(buckets)?];
                (!self.read.contains(name)).then(|| Need::Shard(name.clone()))
            }
        }
    }

    /// What the window shows for `url`, once [`Window::needs`] says nothing is missing.
    pub fn shown(&self, url: &UrlState) -> Option<Shown> {
        if !self.needs(url).is_empty() {
            return None;
        }
        match &url.view {
            View::List => {
                let bounds = self.bounds(url.list.page);
                self.listing(bounds.start..bounds.end, bounds)
                    .map(Shown::List)
            }
            View::Notice(id) => {
                let Some(&Fetched { place, whole, .. }) = self.notices.get(id.as_str()) else {
                    return Some(Shown::NotFound);
                };
                if !whole {
                    return Some(Shown::Broken(bad("a bucket lacks one of its notices")));
                }
                let index = self.data.index_of(id)?;
                let known = place.saturating_sub(1)..(place + 2).min(self.meta.total());
                // Only the notice and its neighbours are known: the page it is on is not.
                let mut bounds = self.bounds(url.list.page);
                (bounds.start, bounds.end) = (known.start, known.start);
                let listing = self.listing(known, bounds)?;
                Some(Shown::Notice { index, listing })
            }
        }
    }

    /// The places of page `page` of the plain list.
    fn bounds(&self, page: usize) -> PageBounds {
        let page_size = self.board.page_size;
        PageBounds::of(self.meta.total(), self.meta.pinned, page_size, page)
    }

    /// The listing that knows the notices at `places`, on page `bounds`.
    fn listing(&self, places: std::ops::Range<usize>, bounds: PageBounds) -> Option<Arc<Listing>> {
        let first = places.start;
        let indices = places
            .map(|place| self.data.index_of(self.at_place.get(&place)?))
            .collect::<Option<Vec<usize>>>()?;
        let order = NoticeOrder::stretch(indices, first, self.meta.total(), self.meta.pinned);
        Some(Arc::new(Listing::on_page(
            Arc::new(order),
            bounds,
            Terms::default(),
        )))
    }
}

/// Whether the list is the plain one (no search or filter, newest first): the one a
/// published board shows without its whole data file.
fn is_plain(query: &ListQuery) -> bool {
    !query.is_narrowed() && query.sort == Sort::Newest
}
