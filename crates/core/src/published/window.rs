//! What the browser has fetched of a published board, what it still needs for a URL, and
//! what it shows for that URL once it has it (which `screen` turns into a screen).

use super::meta::{bad, first_ids, id_order, locations, names, number_list, Locations, Meta};
use super::search_index::{word_places, Directory, IndexFile, Part, WordMatch};
use super::ORDER_CHUNK;
use crate::dataset::NoticeOrder;
use crate::listing::{ListQuery, Listing, PageBounds, Sort};
use crate::parse::DataReader;
use crate::search::Terms;
use crate::url_state::{UrlState, View};
use crate::{Board, Category, Dataset, LoadError, Notice, NoticeId};
use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::sync::{Arc, Mutex};

/// The most row directories read at once for a notice opened from a filtered or reordered
/// list (about 1 KB each with brotli; 64 cover 262,144 notices).
const PREFETCHED_DIRECTORIES: usize = 64;

/// A file the window needs before it can show a URL.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Need {
    /// The `n`th directory of row blocks, or of buckets.
    RowDirectory(usize),
    BucketDirectory(usize),
    /// A row block or a bucket (its name).
    Shard(String),
    /// The file of the categories of the notices that are not pinned.
    Categories,
    /// A file of a most-read order: the order (0: the whole list, else 1 + a category's
    /// place in the entry's list) and which file of it.
    MostRead {
        order: usize,
        chunk: usize,
    },
    /// The search index's directory, and file `n` of one of its parts.
    SearchDirectory,
    SearchFile(Part, usize),
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

/// The part of a published board fetched so far. Grows by [`Window::with_read`] (or
/// [`Window::with_fetched`]), which gives a new window (screens hold the one they were made
/// from).
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
    /// The categories file (see [`Meta::category_file`]), once fetched.
    codes: Option<Arc<Vec<usize>>>,
    /// The files of most-read orders fetched, by order and number.
    most_read: HashMap<(usize, usize), Arc<Vec<usize>>>,
    /// The search index's directory and files, once fetched.
    index: Option<Arc<Directory>>,
    /// For each part (by `Part as usize`), each of its files once fetched.
    index_files: [Vec<Option<Arc<IndexFile>>>; 3],
    /// What each search word matched (shared by the windows of one publish, as `last_list`).
    matches: Arc<Mutex<WordMatches>>,
    /// The last filtered or reordered list worked out, with the query (on its first page)
    /// it answers. It is the same for every window of one publish, so they share it: a
    /// view asks for its list several times, and a large board's takes a pass over it.
    last_list: Arc<Mutex<Option<Answered>>>,
    /// The fetched notices as a data set, which the views read.
    data: Arc<Dataset>,
}

/// Search words typed, each with what it matched.
type WordMatches = Vec<(String, Arc<WordMatch>)>;

/// A query (on its first page) and the places of its list.
type Answered = (ListQuery, Arc<Vec<usize>>);

/// The buckets a directory names, each with the first id it holds.
type BucketDirectory = Vec<(NoticeId, String)>;

/// A directory or list file that does not fit the entry (read, or added to a window).
/// Not inlined: one copy serves its dozen checks (the wasm is smaller by 35 B than with a
/// closure in each of `read` and `with_read`, and by 122 B than this one inlined).
#[inline(never)]
fn wrong_file() -> LoadError {
    bad("a directory or list file is wrong")
}

/// A fetched file, read and checked ([`Window::read`]), to be added to a window.
#[derive(Debug)]
pub struct ReadFile(Contents);

/// What a fetched file says, with what it was fetched for.
#[derive(Debug)]
enum Contents {
    Shard(String, Box<Dataset>),
    RowDirectory(usize, Vec<String>),
    BucketDirectory(usize, BucketDirectory),
    Categories(Vec<usize>),
    MostRead {
        order: usize,
        chunk: usize,
        places: Vec<usize>,
    },
    SearchDirectory(Directory),
    SearchFile(Part, usize, IndexFile),
}

/// A fetched notice: its row, or the whole notice with its body.
#[derive(Clone, Debug)]
struct Fetched {
    notice: Notice,
    place: usize,
    whole: bool,
    /// The bucket that holds it whole, where the file it came in says.
    bucket: Option<String>,
}

impl Window {
    /// The window of a published board from its entry file, read from `url` (`entry`'s
    /// `published` member is what makes it one).
    pub fn from_entry(entry: &Dataset, url: &str) -> Result<Window, LoadError> {
        let meta = Meta::from_json(entry.published.as_ref().ok_or_else(|| bad("missing"))?)?;
        let path = url.split(['?', '#']).next().unwrap_or_default();
        let base = path[..path.rfind('/').map_or(0, |i| i + 1)].to_string();
        let mut window = Window {
            entry_url: url.to_string(),
            base,
            board: entry.board.clone(),
            notices: HashMap::new(),
            at_place: HashMap::new(),
            row_directories: vec![None; meta.row_directories.len()],
            bucket_directories: vec![None; meta.bucket_directories.len()],
            read: HashSet::new(),
            codes: None,
            most_read: HashMap::new(),
            index: None,
            index_files: Default::default(),
            matches: Arc::default(),
            last_list: Arc::default(),
            data: Arc::new(entry.clone()),
            meta: Arc::new(meta),
        };
        window.add_shard(None, entry)?;
        window.make_data();
        Ok(window)
    }

    /// The address of a file of the board.
    pub fn url_of(&self, need: &Need) -> String {
        let name = match need {
            Need::RowDirectory(n) => &self.meta.row_directories[*n],
            Need::BucketDirectory(n) => &self.meta.bucket_directories[*n].1,
            Need::Shard(name) => name,
            Need::Categories => self.meta.category_file.as_deref().unwrap_or_default(),
            Need::MostRead { order, chunk } => &self.meta.most_read[*order].chunks[*chunk],
            Need::SearchDirectory => &self.meta.search,
            Need::SearchFile(part, n) => (self.index.as_ref())
                .and_then(|index| index.name(*part, *n))
                .unwrap_or_default(),
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

    /// Where fetched notice `id` is in the plain list, and how many pinned notices lead it.
    pub fn plain_place(&self, id: &str) -> Option<(usize, usize)> {
        let fetched = self.notices.get(id)?;
        Some((fetched.place, self.meta.pinned))
    }

    /// The window with the files of a round of fetches added, each with what it was fetched
    /// for: [`Window::read`], then [`Window::with_read`].
    pub fn with_fetched(
        &self,
        files: impl IntoIterator<Item = (Need, Vec<u8>)>,
    ) -> Result<Window, LoadError> {
        let read = files
            .into_iter()
            .map(|(need, bytes)| self.read(need, bytes));
        self.with_read(read.collect::<Result<Vec<_>, _>>()?)
    }

    /// Reads a file fetched for `need` and checks it against the entry. Reading is most of
    /// the work of a round, so the app reads each file as it arrives, in its own task.
    pub fn read(&self, need: Need, bytes: Vec<u8>) -> Result<ReadFile, LoadError> {
        let value = || -> Result<serde_json::Value, LoadError> {
            serde_json::from_slice(&bytes).map_err(|_| bad("a directory is not JSON"))
        };
        let meta = &self.meta;
        let contents = match need {
            Need::Shard(name) => Contents::Shard(
                name,
                Box::new(
                    DataReader::from_bytes(bytes, &self.entry_url)?
                        .without_search_text()
                        .finish()?,
                ),
            ),
            Need::RowDirectory(n) => {
                Contents::RowDirectory(n, names(&value()?).ok_or_else(wrong_file)?)
            }
            Need::BucketDirectory(n) => {
                Contents::BucketDirectory(n, first_ids(&value()?).ok_or_else(wrong_file)?)
            }
            // Read as numbers, not as JSON values: 100,000 of them must take one short task.
            Need::Categories => Contents::Categories(
                number_list(&bytes)
                    .filter(|codes| codes.len() == meta.unpinned)
                    .filter(|codes| codes.iter().all(|&code| code <= meta.categories.len()))
                    .ok_or_else(wrong_file)?,
            ),
            Need::MostRead { order, chunk } => {
                let count = meta.most_read.get(order).ok_or_else(wrong_file)?.count;
                let length = count.saturating_sub(chunk * ORDER_CHUNK).min(ORDER_CHUNK);
                let places = number_list(&bytes)
                    .filter(|places| places.len() == length)
                    .filter(|places| places.iter().all(|&place| place < meta.total()))
                    .ok_or_else(wrong_file)?;
                Contents::MostRead {
                    order,
                    chunk,
                    places,
                }
            }
            Need::SearchDirectory => {
                Contents::SearchDirectory(Directory::from_bytes(&bytes).ok_or_else(wrong_file)?)
            }
            Need::SearchFile(part, n) => {
                let index = self.index.as_ref().ok_or_else(wrong_file)?;
                // Pieces and words name notices; trigrams name words, which are not counted.
                let below = match part {
                    Part::Trigrams => usize::MAX,
                    _ => meta.total(),
                };
                let file =
                    IndexFile::from_bytes(&bytes, index, part, n, below).ok_or_else(wrong_file)?;
                Contents::SearchFile(part, n, file)
            }
        };
        Ok(ReadFile(contents))
    }

    /// The window with the files of a round added. The fetched notices are made into the
    /// window's data set once for the round: a round may bring twenty files, and the set
    /// grows with every file.
    pub fn with_read(&self, files: Vec<ReadFile>) -> Result<Window, LoadError> {
        let mut window = self.clone();
        let mut shards = false;
        for ReadFile(contents) in files {
            match contents {
                Contents::Shard(name, shard) => {
                    window.add_shard(Some(&name), &shard)?;
                    shards = true;
                }
                Contents::RowDirectory(n, names) => {
                    *window.row_directories.get_mut(n).ok_or_else(wrong_file)? =
                        Some(Arc::new(names));
                }
                Contents::BucketDirectory(n, ids) => {
                    *window
                        .bucket_directories
                        .get_mut(n)
                        .ok_or_else(wrong_file)? = Some(Arc::new(ids));
                }
                Contents::Categories(codes) => window.codes = Some(Arc::new(codes)),
                Contents::MostRead {
                    order,
                    chunk,
                    places,
                } => {
                    window.most_read.insert((order, chunk), Arc::new(places));
                }
                // A search typed while the focus's round was on its way may have read it,
                // and the files it found since.
                Contents::SearchDirectory(_) if window.index.is_some() => {}
                Contents::SearchDirectory(index) => {
                    for part in Part::ALL {
                        window.index_files[part as usize] = vec![None; index.files(part)];
                    }
                    window.index = Some(Arc::new(index));
                }
                Contents::SearchFile(part, n, file) => {
                    let slot = window.index_files[part as usize].get_mut(n);
                    *slot.ok_or_else(wrong_file)? = Some(Arc::new(file));
                }
            }
        }
        if shards {
            window.make_data();
        }
        Ok(window)
    }

    /// Adds a block's or bucket's notices (`name`: `None` for the entry); the data set is
    /// made again afterwards ([`Window::make_data`]).
    fn add_shard(&mut self, name: Option<&str>, shard: &Dataset) -> Result<(), LoadError> {
        let Locations { at, whole, buckets } = locations(shard.published.as_ref())?;
        for notice in &shard.notices {
            let n = notice.position.wrapping_sub(1);
            let location = at.get(n).copied();
            let place = location
                .and_then(|location| self.meta.place(location))
                .ok_or_else(|| bad("a notice's place is not on the board"))?;
            let id = notice.id.as_str().to_string();
            let whole = notice.position <= whole;
            let bucket = buckets.as_ref().and_then(|buckets| buckets.get(n)).cloned();
            // A row never replaces the whole notice, nor a row that names its bucket with
            // one that does not (a bucket's neighbours).
            let known = self.notices.get(&id);
            if !whole && known.is_some_and(|known| known.whole || bucket.is_none()) {
                continue;
            }
            self.at_place.insert(place, id.clone());
            let notice = notice.clone();
            self.notices.insert(
                id,
                Fetched {
                    notice,
                    place,
                    whole,
                    bucket,
                },
            );
        }
        if let Some(name) = name {
            self.read.insert(name.to_string());
        }
        Ok(())
    }

    /// Makes the data set the views read from the notices fetched so far.
    fn make_data(&mut self) {
        let categories = self
            .meta
            .categories
            .iter()
            .map(|key| Category {
                key: key.clone(),
                label: self.board.category_label(key).to_string(),
            })
            .collect();
        // In the data set's order, from where each is in the plain list: numbers sorted,
        // not dates and ids compared (a large board's round took 40 ms of it on a phone).
        let mut in_order: Vec<(usize, &Fetched)> = (self.notices.values())
            .map(|fetched| (self.meta.rank(fetched.place), fetched))
            .collect();
        in_order.sort_unstable_by_key(|&(rank, _)| rank);
        // No search text: a search reads the index.
        let notices = (in_order.into_iter())
            .map(|(_, fetched)| (fetched.notice.clone(), String::new()))
            .collect();
        self.data = Arc::new(
            Dataset::from_ordered(self.board.clone(), notices, Vec::new()).with_board_facts(
                categories,
                self.meta.years.clone(),
                self.meta.skipped,
            ),
        );
    }

    /// What must still be fetched to show `url`; nothing once [`Window::shown`] can.
    pub fn needs(&self, url: &UrlState) -> Vec<Need> {
        let mut needs = Vec::new();
        // A notice's bucket is fetched with the files of its list, in the same round.
        if let View::Notice(id) = &url.view {
            if !self
                .notices
                .get(id.as_str())
                .is_some_and(|fetched| fetched.whole)
            {
                needs.extend(self.bucket_need(id));
            }
        }
        let list = match self.list(&url.list) {
            Ok(list) => list,
            Err(more) => {
                needs.extend(more);
                return needs;
            }
        };
        let positions = match &url.view {
            View::List => {
                let bounds = list.bounds(self, url.list.page);
                (bounds.start..bounds.end).collect()
            }
            View::Notice(id) => match self.notices.get(id.as_str()) {
                Some(fetched) if fetched.whole => match list.position_of(self, fetched, url) {
                    Err(more) => return more,
                    Ok(None) => Vec::new(),
                    Ok(Some(at)) => {
                        let after = (at + 1 < list.total(self)).then_some(at + 1);
                        at.checked_sub(1).into_iter().chain(after).collect()
                    }
                },
                // Its bucket is needed; so is the page of a most-read list it is likely on. In
                // a filtered or reordered list its neighbours may be anywhere, and where it is
                // is known only from its bucket: the row directories come with the bucket, so
                // that the neighbours' blocks come in the next round, not two rounds on.
                _ => {
                    if !matches!(list, List::Plain) {
                        needs.extend(self.unread_row_directories());
                    }
                    if let List::MostRead { order, .. } = list {
                        needs.extend(self.missing_chunks(order, list.page_chunks(self, url)));
                    }
                    Vec::new()
                }
            },
        };
        // A row found by its body needs the whole notice: its excerpt says why it is there.
        let terms = Terms::new(&url.list.q);
        let excerpt_of = |place: usize| {
            let fetched = self.notices.get(self.at_place.get(&place)?)?;
            let by_title = fetched.whole || terms.all_in_title(&fetched.notice.title);
            (!by_title).then(|| self.bucket_need(fetched.notice.id.as_str()))?
        };
        let on_page = matches!(url.view, View::List) && !terms.is_empty();
        for position in positions {
            let need = match list.at(self, position) {
                Err(need) => Some(need),
                Ok(place) => self
                    .row_need(place)
                    .or_else(|| on_page.then(|| excerpt_of(place)).flatten()),
            };
            if let Some(need) = need.filter(|need| !needs.contains(need)) {
                needs.push(need);
            }
        }
        needs
    }

    /// Every row directory not read yet, unless the board has so many that reading them all
    /// would cost more than the round trip it saves.
    fn unread_row_directories(&self) -> Vec<Need> {
        if self.row_directories.len() > PREFETCHED_DIRECTORIES {
            return Vec::new();
        }
        let unread = self.row_directories.iter().enumerate();
        unread
            .filter(|(_, names)| names.is_none())
            .map(|(n, _)| Need::RowDirectory(n))
            .collect()
    }

    /// The block that holds the row at `place`, or its directory, unless it has been read.
    fn row_need(&self, place: usize) -> Option<Need> {
        if self.at_place.contains_key(&place) {
            return None;
        }
        let block = self.meta.block_of(place)?;
        let directory = block / self.meta.per_directory;
        match self.row_directories.get(directory)? {
            None => Some(Need::RowDirectory(directory)),
            Some(names) => Some(Need::Shard(
                names.get(block % self.meta.per_directory)?.clone(),
            )),
        }
    }

    /// The bucket that holds notice `id`, or its directory, unless it has been read.
    fn bucket_need(&self, id: &str) -> Option<Need> {
        let named = self.notices.get(id).and_then(|row| row.bucket.as_ref());
        if let Some(name) = named {
            return (!self.read.contains(name)).then(|| Need::Shard(name.clone()));
        }
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
        let list = self.list(&url.list).ok()?;
        let bounds = list.bounds(self, url.list.page);
        match &url.view {
            View::List => self
                .listing(&list, bounds.start..bounds.end, bounds, &url.list)
                .map(Shown::List),
            View::Notice(id) => {
                let Some(fetched) = self.notices.get(id.as_str()) else {
                    return Some(Shown::NotFound);
                };
                if !fetched.whole {
                    return Some(Shown::Broken(bad("a bucket lacks one of its notices")));
                }
                let index = self.data.index_of(id)?;
                let known = match list.position_of(self, fetched, url).ok()? {
                    Some(at) => at.saturating_sub(1)..(at + 2).min(list.total(self)),
                    None => 0..0,
                };
                // Only the notice and its neighbours are known: the page it is on is not.
                let mut bounds = bounds;
                (bounds.start, bounds.end) = (known.start, known.start);
                let listing = self.listing(&list, known, bounds, &url.list)?;
                Some(Shown::Notice { index, listing })
            }
        }
    }

    /// The listing that knows the notices at `positions` of `list`, on page `bounds`, found
    /// for `query`.
    fn listing(
        &self,
        list: &List,
        positions: Range<usize>,
        bounds: PageBounds,
        query: &ListQuery,
    ) -> Option<Arc<Listing>> {
        let first = positions.start;
        let indices = positions
            .map(|at| {
                let place = list.at(self, at).ok()?;
                self.data.index_of(self.at_place.get(&place)?)
            })
            .collect::<Option<Vec<usize>>>()?;
        let total = list.total(self);
        let order = NoticeOrder::stretch(indices, first, total, list.pinned_on_top(self));
        let terms = Terms::new(&query.q);
        // An empty filtered search says how many the search alone finds (an empty search
        // without filters has nothing more to say: see `screen::no_results`).
        let filtered = query.category.is_some() || query.year.is_some();
        let search_total = (total == 0 && filtered && !terms.is_empty())
            .then(|| self.found(&terms).ok())
            .flatten()
            .map(|found| found.into_iter().filter(|&found| found).count());
        let mut listing = Listing::on_page(Arc::new(order), bounds, terms);
        listing.search_total = search_total;
        Some(Arc::new(listing))
    }

    /// The list `query` asks for, or the files that say which notices it holds.
    fn list(&self, query: &ListQuery) -> Result<List, Vec<Need>> {
        let terms = Terms::new(&query.q);
        // As in the whole file, a category no notice has filters nothing.
        let category = query.category.as_deref().and_then(|key| {
            let n = self.meta.categories.iter().position(|known| known == key)?;
            Some((n + 1, key))
        });
        let year = query.year.map(|year| (year, self.year_range(year)));
        if terms.is_empty() && category.is_none() && year.is_none() && query.sort == Sort::Newest {
            return Ok(List::Plain);
        }
        let asked = query.clone().first_page();
        let last = self.last_list.lock().map(|last| last.clone());
        if let Ok(Some((answered, places))) = last {
            if answered == asked {
                return Ok(List::Places(places));
            }
        }
        // Which notices the search finds (`None`: every one). A most-read order is fetched
        // with the index's files, not after them.
        let found = match terms.is_empty() {
            true => None,
            false => Some(self.found(&terms).map_err(|mut needs| {
                if query.sort == Sort::MostRead {
                    let order = category.map_or(0, |(code, _)| code);
                    let chunks = 0..self.meta.most_read[order].count.div_ceil(ORDER_CHUNK);
                    needs.extend(self.missing_chunks(order, chunks));
                }
                needs
            })?),
        };
        // Whether the notice at `place` is in the list; `None` until the file that says so
        // is fetched. A category's most-read order holds only that category.
        let by_category = category.filter(|_| query.sort != Sort::MostRead);
        let in_list = |place: usize| -> Option<bool> {
            // The search first: on a large board it leaves most places out with one check.
            if found.as_ref().is_some_and(|found| !found[place]) {
                return Some(false);
            }
            let unpinned = place.checked_sub(self.meta.pinned);
            let row = || self.notices.get(self.at_place.get(&place)?);
            let in_category = match (by_category, unpinned) {
                (None, _) => true,
                (Some((code, _)), Some(n)) => self.codes.as_ref()?.get(n) == Some(&code),
                (Some((_, key)), None) => row()?.notice.category.as_deref() == Some(key),
            };
            let in_year = match (&year, unpinned) {
                (None, _) => true,
                (Some((_, range)), Some(n)) => range.contains(&n),
                (Some((year, _)), None) => row()?.notice.date.year == *year,
            };
            Some(in_category && in_year)
        };
        let places = match query.sort {
            Sort::MostRead => {
                let order = category.map_or(0, |(code, _)| code);
                let count = self.meta.most_read[order].count;
                if year.is_none() && found.is_none() {
                    return Ok(List::MostRead { order, count });
                }
                let needs = self.missing_chunks(order, 0..count.div_ceil(ORDER_CHUNK));
                if !needs.is_empty() {
                    return Err(needs);
                }
                let chunks = 0..count.div_ceil(ORDER_CHUNK);
                let places = chunks.flat_map(|chunk| self.most_read[&(order, chunk)].iter());
                places
                    .copied()
                    .filter(|&place| in_list(place) == Some(true))
                    .collect()
            }
            Sort::Newest | Sort::Oldest => {
                if by_category.is_some() && self.codes.is_none() {
                    return Err(vec![Need::Categories]);
                }
                let kept = (0..self.meta.total()).filter(|&place| in_list(place) == Some(true));
                let mut places = self.newest_first(kept);
                if query.sort == Sort::Oldest {
                    places.reverse();
                }
                places
            }
        };
        let places = Arc::new(places);
        if let Ok(mut last) = self.last_list.lock() {
            *last = Some((asked, places.clone()));
        }
        Ok(List::Places(places))
    }

    /// The places `kept` (ascending: pinned notices first, then the others newest first) in
    /// the order of the plain list: each pinned notice among the others where its date puts
    /// it. Its work is for the places kept alone (the caller's filter leaves the others out),
    /// so a search's few places cost little on a large board.
    fn newest_first(&self, kept: impl Iterator<Item = usize>) -> Vec<usize> {
        let mut places = Vec::new();
        let mut pinned = Vec::new();
        let mut pinned_placed = 0;
        for place in kept {
            let Some(n) = place.checked_sub(self.meta.pinned) else {
                pinned.push(place);
                continue;
            };
            // The pinned notices that come before the nth other notice (the entry's
            // `pinnedAfter` is checked to ascend, one number per pinned notice).
            while let Some(&k) = pinned.get(pinned_placed) {
                if self.meta.pinned_after[k] > n {
                    break;
                }
                places.push(k);
                pinned_placed += 1;
            }
            places.push(place);
        }
        places.extend_from_slice(&pinned[pinned_placed..]);
        places
    }

    /// Which places of the plain list hold a notice with every word of `terms`, or the index
    /// files that say.
    fn found(&self, terms: &Terms) -> Result<Vec<bool>, Vec<Need>> {
        let Some(index) = &self.index else {
            return Err(self.search_needs());
        };
        let mut needs = Vec::new();
        let mut matches = Vec::new();
        for word in terms.words() {
            match self.word_match(index, word) {
                Ok(found) => matches.push(found),
                Err(more) => {
                    for need in more {
                        if !needs.contains(&need) {
                            needs.push(need);
                        }
                    }
                }
            }
        }
        if !needs.is_empty() {
            return Err(needs);
        }
        // A place is found when every word found it: how many words, taken in turn, found
        // each place (a word that finds a place twice counts once; one that does not stops
        // the count there).
        let mut words_found = vec![0; self.meta.total()];
        for (word, found) in matches.iter().enumerate() {
            for &place in &found.places {
                if words_found[place] == word {
                    words_found[place] = word + 1;
                }
            }
        }
        Ok(words_found
            .into_iter()
            .map(|n| n == matches.len())
            .collect())
    }

    /// What the search word `word` matches, from what an earlier, shorter word matched when
    /// it can be, else from the index files (or those still to fetch).
    fn word_match(&self, index: &Directory, word: &str) -> Result<Arc<WordMatch>, Vec<Need>> {
        let mut matches = self.matches.lock().map_err(|_| Vec::new())?;
        // A few words a search: looked through, not hashed (less code in the app).
        let shorter = matches
            .iter()
            .filter(|(shorter, _)| word.contains(shorter.as_str()));
        if let Some((_, found)) = shorter.clone().find(|(same, _)| same == word) {
            return Ok(found.clone());
        }
        let shorter = shorter
            .clone()
            .find_map(|(_, found)| found.narrowed_to(word));
        let found = match shorter {
            Some(found) => found,
            None => {
                let file = |part: Part, n: usize| {
                    let file = self.index_files[part as usize].get(n)?;
                    file.as_deref()
                };
                word_places(word, index, file).map_err(|needs| {
                    let needs = needs.into_iter();
                    needs
                        .map(|(part, n)| Need::SearchFile(part, n))
                        .collect::<Vec<_>>()
                })?
            }
        };
        let found = Arc::new(found);
        matches.push((word.to_string(), found.clone()));
        Ok(found)
    }

    /// What a search needs before its first word: the index's directory and, on a board
    /// small enough, the directories of blocks (for the rows of what it finds). Fetched when
    /// the search box gets focus, so that typing finds them there. (The directories of
    /// buckets, for the bodies of rows found by them, are fetched only for those rows: most
    /// searches need few or none.)
    pub fn search_needs(&self) -> Vec<Need> {
        let mut needs = Vec::new();
        if self.index.is_none() {
            needs.push(Need::SearchDirectory);
        }
        needs.extend(self.unread_row_directories());
        needs
    }

    /// The run of notices that are not pinned (counted newest first) dated in `year`.
    fn year_range(&self, year: u16) -> Range<usize> {
        let Some(n) = self.meta.years.iter().position(|&known| known == year) else {
            return 0..0;
        };
        let start = self.meta.year_rows[..n].iter().sum();
        start..start + self.meta.year_rows[n]
    }

    /// The files of most-read order `order` among `chunks` not fetched yet.
    fn missing_chunks(&self, order: usize, chunks: Range<usize>) -> Vec<Need> {
        chunks
            .filter(|&chunk| !self.most_read.contains_key(&(order, chunk)))
            .map(|chunk| Need::MostRead { order, chunk })
            .collect()
    }
}

/// The list a query asks for, as places of the plain list.
enum List {
    /// The plain list itself, pinned notices on top.
    Plain,
    /// Every place of a filtered or reordered list, in order.
    Places(Arc<Vec<usize>>),
    /// A most-read order (of the whole list, or of a category), known file by file.
    MostRead { order: usize, count: usize },
}

impl List {
    fn total(&self, window: &Window) -> usize {
        match self {
            List::Plain => window.meta.total(),
            List::Places(places) => places.len(),
            List::MostRead { count, .. } => *count,
        }
    }

    /// Pinned notices lead only the plain list (as on eGovFrame boards).
    fn pinned_on_top(&self, window: &Window) -> usize {
        match self {
            List::Plain => window.meta.pinned,
            List::Places(_) | List::MostRead { .. } => 0,
        }
    }

    /// The places of page `page`.
    fn bounds(&self, window: &Window, page: usize) -> PageBounds {
        let page_size = window.board.page_size;
        let pinned = self.pinned_on_top(window);
        PageBounds::of(self.total(window), pinned, page_size, page)
    }

    /// The files of a most-read order that hold the page `url` names.
    fn page_chunks(&self, window: &Window, url: &UrlState) -> Range<usize> {
        let bounds = self.bounds(window, url.list.page);
        bounds.start / ORDER_CHUNK..bounds.end.div_ceil(ORDER_CHUNK)
    }

    /// The place of the plain list at `position` of this list (below its total), or the
    /// file that says.
    fn at(&self, window: &Window, position: usize) -> Result<usize, Need> {
        match self {
            List::Plain => Ok(position),
            List::Places(places) => Ok(places[position]),
            &List::MostRead { order, .. } => {
                let chunk = position / ORDER_CHUNK;
                match window.most_read.get(&(order, chunk)) {
                    Some(places) => Ok(places[position % ORDER_CHUNK]),
                    None => Err(Need::MostRead { order, chunk }),
                }
            }
        }
    }

    /// Where the notice `fetched` is in this list (`None`: it is not), or the files that
    /// say: for a most-read order, first those of the page `url` names, then all.
    fn position_of(
        &self,
        window: &Window,
        fetched: &Fetched,
        url: &UrlState,
    ) -> Result<Option<usize>, Vec<Need>> {
        let place = fetched.place;
        match self {
            List::Plain => Ok(Some(place)),
            List::Places(places) => Ok(places.iter().position(|&at| at == place)),
            &List::MostRead { order, count } => {
                let category = order.checked_sub(1).map(|n| &window.meta.categories[n]);
                if category.is_some_and(|key| fetched.notice.category.as_ref() != Some(key)) {
                    return Ok(None);
                }
                let fetched_chunks = window.most_read.iter().filter(|((o, _), _)| *o == order);
                for (&(_, chunk), places) in fetched_chunks {
                    if let Some(n) = places.iter().position(|&at| at == place) {
                        return Ok(Some(chunk * ORDER_CHUNK + n));
                    }
                }
                let guessed = window.missing_chunks(order, self.page_chunks(window, url));
                let all = || window.missing_chunks(order, 0..count.div_ceil(ORDER_CHUNK));
                match (guessed.is_empty(), all()) {
                    (false, _) => Err(guessed),
                    (true, all) if all.is_empty() => Ok(None),
                    (true, all) => Err(all),
                }
            }
        }
    }
}
