//! The search index of a published board: what a search fetches instead of the whole data
//! file, and gives the same notices as [`Terms::all_in`] over the whole file.
//!
//! A search word never holds a space, so it is inside a notice's search text exactly when it
//! is inside one of the text's words (its runs of characters between spaces); an
//! initial-consonant word, when it is inside one of the runs of initials of the title. The
//! index lists those words (both kinds: an initials run holds only consonants, which only
//! an initials word can be inside) and reads them three ways, each cut into files of keys
//! in order, so that a key's file is found from the first key of each (the directory):
//! - **pieces**: every one- and two-character piece of a word → the notices that have it.
//!   A word of one or two characters is answered by its own piece, exactly.
//! - **words**: every word, in order (its number is its place in that order) → the notices
//!   that have it.
//! - **trigrams**: every three-character piece → the numbers of the words it is in. A
//!   longer search word is inside the words that have both its first and its last trigram
//!   and hold it, checked on the words themselves: two files, with the file of words where
//!   the search word itself would be (the words that begin with it follow it there), then
//!   the files of any other words it may be inside.
//!
//! Notices are named by their place in the plain list; every list is written as the first
//! number, then the differences between each and the one before, separated by spaces.
//!
//! [`Terms::all_in`]: crate::search::Terms::all_in

use super::write::{add_named, PublishedFile};
use crate::search::title_initial_runs;
use crate::Dataset;
use serde_json::{json, Value};
use std::collections::{HashMap, HashSet};

/// The parts of the index.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Part {
    Pieces,
    Trigrams,
    Words,
}

impl Part {
    pub const ALL: [Part; 3] = [Part::Pieces, Part::Trigrams, Part::Words];

    fn key(self) -> &'static str {
        match self {
            Part::Pieces => "pieces",
            Part::Trigrams => "trigrams",
            Part::Words => "words",
        }
    }

    /// At most this many files of the part (besides the directory), so that the folder of
    /// a 100,000-notice board stays under 25,000 files (`tests/folder_size.rs` counts the
    /// index at its most): 20–30 KB each with brotli at that size (at most 42 KB measured).
    const fn most_files(self) -> usize {
        match self {
            Part::Pieces => 256,
            Part::Trigrams => 64,
            Part::Words => 384,
        }
    }
}

/// The most files the index has, its directory left out.
pub const MOST_INDEX_FILES: usize =
    Part::Pieces.most_files() + Part::Trigrams.most_files() + Part::Words.most_files();

/// Files are cut at about this many bytes (with brotli, as [`compressed_size`] reckons them)
/// at least: a small board's index is a few files.
const LEAST_FILE_BYTES: f64 = 4_000.0;

/// The directory's member listing the number of each file of words' first word.
const WORD_NUMBERS: &str = "wordNumbers";

/// The index's directory: for each part, its files in key order, each with its first key; and
/// the number of each file of words' first word.
#[derive(Clone, Debug, PartialEq)]
pub struct Directory {
    /// Indexed by `Part as usize`.
    files: [Vec<(String, String)>; 3],
    /// The number of the first word of each file of words.
    first_words: Vec<usize>,
}

impl Directory {
    /// Reads a directory file; `None` if it is not one.
    pub fn from_bytes(bytes: &[u8]) -> Option<Directory> {
        let value: Value = serde_json::from_slice(bytes).ok()?;
        let mut files: [Vec<(String, String)>; 3] = Default::default();
        for part in Part::ALL {
            let pairs = value.get(part.key())?.as_array()?;
            let pairs = pairs
                .iter()
                .map(|pair| match pair.as_array()?.as_slice() {
                    [Value::String(first), Value::String(name)] => {
                        Some((first.clone(), name.clone()))
                    }
                    _ => None,
                })
                .collect::<Option<Vec<_>>>()?;
            if !pairs.windows(2).all(|two| two[0].0 < two[1].0) {
                return None;
            }
            files[part as usize] = pairs;
        }
        let first_words = (value.get(WORD_NUMBERS)?.as_array()?.iter())
            .map(|n| usize::try_from(n.as_u64()?).ok())
            .collect::<Option<Vec<usize>>>()?;
        let ascending = first_words.windows(2).all(|two| two[0] < two[1]);
        let from_zero = first_words.first().is_none_or(|&first| first == 0);
        if !ascending || !from_zero || first_words.len() != files[Part::Words as usize].len() {
            return None;
        }
        Some(Directory { files, first_words })
    }

    /// The file of `part` that would hold `key`, if the part has any file.
    pub fn file_for(&self, part: Part, key: &str) -> Option<usize> {
        let files = &self.files[part as usize];
        let after = files.partition_point(|(first, _)| first.as_str() <= key);
        Some(after.saturating_sub(1)).filter(|_| !files.is_empty())
    }

    /// The files of words where the words that begin with `word` are: the one `word` would
    /// be in, and the next when its first word begins with `word` too (most such runs are a
    /// few words; a longer one is found through the trigrams).
    fn files_beginning_with(&self, word: &str) -> impl Iterator<Item = usize> + Clone + '_ {
        let own = self.file_for(Part::Words, word);
        let next = own.map(|own| own + 1).filter(|&next| {
            let files = &self.files[Part::Words as usize];
            files
                .get(next)
                .is_some_and(|(first, _)| first.starts_with(word))
        });
        own.into_iter().chain(next)
    }

    /// The file of words that holds word number `n`.
    pub fn file_for_word(&self, n: usize) -> Option<usize> {
        let after = self.first_words.partition_point(|&first| first <= n);
        after.checked_sub(1)
    }

    /// The name of file `n` of `part`.
    pub fn name(&self, part: Part, n: usize) -> Option<&str> {
        Some(self.files[part as usize].get(n)?.1.as_str())
    }

    /// How many files `part` has.
    pub fn files(&self, part: Part) -> usize {
        self.files[part as usize].len()
    }

    /// The names of every file of the index.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        let files = Part::ALL
            .into_iter()
            .flat_map(|part| &self.files[part as usize]);
        files.map(|(_, name)| name.as_str())
    }
}

/// A fetched file of the index: its keys in order, each with its list.
#[derive(Clone, Debug, PartialEq)]
pub struct IndexFile {
    entries: Vec<(String, Vec<usize>)>,
    /// For a file of words, the number of its first.
    first_word: usize,
}

impl IndexFile {
    /// Reads file `n` of `part`, each list checked to ascend and to name only numbers below
    /// `below` (the board's notices; for trigrams, which name words the directory does not
    /// count, `usize::MAX`).
    pub fn from_bytes(
        bytes: &[u8],
        directory: &Directory,
        part: Part,
        n: usize,
        below: usize,
    ) -> Option<IndexFile> {
        // Read as JSON values, as every other file: a reader of its own would add code.
        let value: Value = serde_json::from_slice(bytes).ok()?;
        let flat = value.as_array()?;
        if !flat.len().is_multiple_of(2) {
            return None;
        }
        let mut entries = Vec::with_capacity(flat.len() / 2);
        for pair in flat.chunks(2) {
            let (key, list) = (pair[0].as_str()?, pair[1].as_str()?);
            let list = decode(list).filter(|list| list.last().is_none_or(|&last| last < below))?;
            entries.push((key.to_string(), list));
        }
        let ascending = entries.windows(2).all(|two| two[0].0 < two[1].0);
        let first_word = match part {
            Part::Words => *directory.first_words.get(n)?,
            _ => 0,
        };
        // A file of words holds every word up to the next file's first: word numbers count
        // on from file to file.
        let next_word = (directory.first_words.get(n + 1)).filter(|_| part == Part::Words);
        if next_word.is_some_and(|&next| next - first_word != entries.len()) {
            return None;
        }
        let first_key = directory.files[part as usize].get(n)?.0.as_str();
        let starts_right = (entries.first()).is_none_or(|(key, _)| key.as_str() >= first_key);
        (ascending && starts_right).then_some(IndexFile {
            entries,
            first_word,
        })
    }

    /// The list of `key` (empty when the file, which would hold it, does not).
    pub fn list(&self, key: &str) -> &[usize] {
        match self.entries.binary_search_by(|(k, _)| k.as_str().cmp(key)) {
            Ok(at) => &self.entries[at].1,
            Err(_) => &[],
        }
    }

    /// Word number `n` and its notices, if this file of words holds it.
    pub fn word(&self, n: usize) -> Option<&(String, Vec<usize>)> {
        self.entries.get(n.checked_sub(self.first_word)?)
    }
}

/// A list as written (first number, then differences); `None` if it is not one, or not
/// ascending.
fn decode(text: &str) -> Option<Vec<usize>> {
    let mut list = Vec::new();
    let mut last: Option<usize> = None;
    for number in text.split(' ').filter(|n| !n.is_empty()) {
        if !number.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let step: usize = number.parse().ok()?;
        let next = match last {
            None => step,
            Some(_) if step == 0 => return None,
            Some(last) => last.checked_add(step)?,
        };
        list.push(next);
        last = Some(next);
    }
    Some(list)
}

fn encode(list: &[usize]) -> String {
    let mut text = String::new();
    let mut last = 0;
    for (n, &value) in list.iter().enumerate() {
        if n > 0 {
            text.push(' ');
        }
        text.push_str(&(value - last).to_string());
        last = value;
    }
    text
}

/// The places of the notices that have the search word `word` (folded, without spaces), or
/// what must be fetched first: file `n` of a part, fetched through `file`.
pub fn word_places<'a>(
    word: &str,
    directory: &Directory,
    file: impl Fn(Part, usize) -> Option<&'a IndexFile>,
) -> Result<WordMatch, Vec<(Part, usize)>> {
    let ends = char_ends(word);
    // The file that holds `key` (`None`: the part has no file), or the one to fetch.
    let fetched = |part: Part, n: Option<usize>| -> Result<Option<&'a IndexFile>, (Part, usize)> {
        match n {
            None => Ok(None),
            Some(n) => file(part, n).map(Some).ok_or((part, n)),
        }
    };
    let list = |file: Option<&'a IndexFile>, key: &str| file.map_or(&[][..], |f| f.list(key));
    if ends.len() <= 2 {
        let pieces = fetched(Part::Pieces, directory.file_for(Part::Pieces, word));
        let file = pieces.map_err(|need| vec![need])?;
        return Ok(WordMatch {
            places: list(file, word).to_vec(),
            words: None,
        });
    }
    let first = &word[..ends[2]];
    let last = &word[ends.len().checked_sub(4).map_or(0, |k| ends[k])..];
    let trigrams = |key: &str| fetched(Part::Trigrams, directory.file_for(Part::Trigrams, key));
    // The files where `word` itself would be come with the trigrams: the words that begin
    // with it (the word itself, `budgets`, `행정안전부에서`), most of what it is inside, follow
    // it there, so that most searches need no round for the words.
    let own_files = directory.files_beginning_with(word);
    let own_needs = own_files.filter_map(|n| fetched(Part::Words, Some(n)).err());
    let (first_file, last_file) = match (trigrams(first), trigrams(last)) {
        (Ok(a), Ok(b)) if own_needs.clone().next().is_none() => (a, b),
        (a, b) => {
            let mut needs: Vec<_> = [a.err(), b.err()].into_iter().flatten().collect();
            needs.dedup();
            needs.extend(own_needs);
            return Err(needs);
        }
    };
    let mut needs = Vec::new();
    let mut found = Vec::new();
    // Word numbers ascend, and so do their files: a file is needed once.
    for n in both(list(first_file, first), list(last_file, last)) {
        match fetched(Part::Words, directory.file_for_word(n)) {
            Err(need) if needs.last() != Some(&need) => needs.push(need),
            Err(_) => {}
            Ok(file) => found.extend(file.and_then(|file| file.word(n)).cloned()),
        }
    }
    if !needs.is_empty() {
        return Err(needs);
    }
    let inside = found.into_iter().filter(|(w, _)| w.contains(word));
    Ok(WordMatch::of_words(inside.collect()))
}

/// The numbers in both ascending lists, in order.
fn both<'a>(a: &'a [usize], b: &'a [usize]) -> impl Iterator<Item = usize> + 'a {
    let mut rest = b;
    a.iter().copied().filter(move |&n| {
        let skipped = rest.partition_point(|&m| m < n);
        rest = &rest[skipped..];
        rest.first() == Some(&n)
    })
}

/// Where each character of `word` ends.
fn char_ends(word: &str) -> Vec<usize> {
    word.char_indices()
        .map(|(at, c)| at + c.len_utf8())
        .collect()
}

/// What a search word matches: the places of its notices and, for a word of three characters
/// or more, the words of the index it is inside (a longer word typed after it is inside some
/// of those same words: it is worked out from them, fetching nothing).
#[derive(Clone, Debug, Default)]
pub struct WordMatch {
    /// Each place once for each of the word's words that is there (not sorted: sorting
    /// would add code to the app, and the places are only counted).
    pub places: Vec<usize>,
    pub words: Option<Vec<(String, Vec<usize>)>>,
}

impl WordMatch {
    fn of_words(words: Vec<(String, Vec<usize>)>) -> WordMatch {
        let places = words.iter().flat_map(|(_, list)| list).copied().collect();
        WordMatch {
            places,
            words: Some(words),
        }
    }

    /// The match of `longer` (which holds the word this matched), if this knows its words.
    pub fn narrowed_to(&self, longer: &str) -> Option<WordMatch> {
        let words = self.words.as_ref()?;
        let inside = words.iter().filter(|(word, _)| word.contains(longer));
        Some(WordMatch::of_words(inside.cloned().collect()))
    }
}

/// Writes the index of `data` (each notice at `place[index]` of the plain list) into `files`,
/// and gives the name of its directory.
pub fn write_index(data: &Dataset, place: &[usize], files: &mut Vec<PublishedFile>) -> String {
    let runs: Vec<Vec<String>> = data.folded.iter().map(|f| title_initial_runs(f)).collect();
    let mut words: HashMap<&str, Vec<usize>> = HashMap::new();
    let mut pieces: HashMap<&str, Vec<usize>> = HashMap::new();
    let (mut seen_words, mut seen_pieces) = (HashSet::new(), HashSet::new());
    for (index, folded) in data.folded.iter().enumerate() {
        let at = place[index];
        seen_words.clear();
        seen_pieces.clear();
        let title_runs = runs[index].iter().map(String::as_str);
        for word in folded.split_whitespace().chain(title_runs) {
            if !seen_words.insert(word) {
                continue;
            }
            words.entry(word).or_default().push(at);
            // Each character, and each two side by side.
            let ends = char_ends(word);
            for (k, &end) in ends.iter().enumerate() {
                let start = k.checked_sub(1).map_or(0, |before| ends[before]);
                let two = ends.get(k + 1).map(|&end| &word[start..end]);
                for piece in std::iter::once(&word[start..end]).chain(two) {
                    if seen_pieces.insert(piece) {
                        pieces.entry(piece).or_default().push(at);
                    }
                }
            }
        }
    }
    let mut words: Vec<(&str, Vec<usize>)> = words.into_iter().collect();
    words.sort_unstable_by_key(|(word, _)| *word);
    let mut trigrams: HashMap<&str, Vec<usize>> = HashMap::new();
    for (n, (word, _)) in words.iter().enumerate() {
        let ends = char_ends(word);
        for k in 2..ends.len() {
            let start = k.checked_sub(3).map_or(0, |before| ends[before]);
            let list = trigrams.entry(&word[start..ends[k]]).or_default();
            if list.last() != Some(&n) {
                list.push(n);
            }
        }
    }
    let (places, word_count) = (data.notices.len(), words.len());
    let mut directory = serde_json::Map::new();
    let mut word_numbers = Vec::new();
    for (part, entries, universe) in [
        (Part::Pieces, written(pieces), places),
        (Part::Trigrams, written(trigrams), word_count),
        (Part::Words, written(words), places),
    ] {
        let (listed, firsts) = cut(part, entries, universe, files);
        directory.insert(part.key().into(), listed);
        if part == Part::Words {
            word_numbers = firsts;
        }
    }
    directory.insert(WORD_NUMBERS.into(), json!(word_numbers));
    add_named(files, "x", Value::Object(directory).to_string())
}

/// Each key with its list as written (sorted, then [`encode`]d), in key order.
fn written<'a>(keys: impl IntoIterator<Item = (&'a str, Vec<usize>)>) -> Vec<(String, String)> {
    let mut entries: Vec<(String, String)> = keys
        .into_iter()
        .map(|(key, mut list)| {
            list.sort_unstable();
            (key.to_string(), encode(&list))
        })
        .collect();
    entries.sort_unstable();
    entries
}

/// Cuts the entries of `part` (in key order) into files of about equal size on the wire, adds
/// them to `files`, and gives the directory's list of them (`[first key, name]` each) and the
/// number of each file's first entry. Each list's numbers are among `universe` (places, or
/// words for trigrams).
fn cut(
    part: Part,
    entries: Vec<(String, String)>,
    universe: usize,
    files: &mut Vec<PublishedFile>,
) -> (Value, Vec<usize>) {
    let weights: Vec<f64> = (entries.iter())
        .map(|(key, list)| (key.len() + 6) as f64 + compressed_size(list, universe))
        .collect();
    let total: f64 = weights.iter().sum();
    let target = (total / part.most_files() as f64).max(LEAST_FILE_BYTES);
    // An entry goes into the file its middle falls in: the files are never more than the
    // part's most, and a large list moves a cut rather than adding a file.
    let (mut listed, mut firsts) = (Vec::new(), Vec::new());
    let mut flat: Vec<&str> = Vec::new();
    let (mut before, mut file) = (0.0, 0);
    // A file is listed under the shortest start of its first key that sorts after the key
    // before it: all a lookup needs, a few characters where a word is ten.
    let mut list_file = |flat: &[&str], first: usize| {
        let name = add_named(files, "s", json!(flat).to_string());
        let after = first.checked_sub(1).map_or("", |n| entries[n].0.as_str());
        listed.push(json!([separator(after, flat[0]), name]));
    };
    for (n, ((key, list), weight)) in entries.iter().zip(weights).enumerate() {
        let its_file = (((before + weight / 2.0) / target) as usize).min(part.most_files() - 1);
        before += weight;
        if its_file != file && !flat.is_empty() {
            list_file(&flat, *firsts.last().unwrap_or(&0));
            flat.clear();
        }
        file = its_file;
        if flat.is_empty() {
            firsts.push(n);
        }
        flat.extend([key.as_str(), list.as_str()]);
    }
    if !flat.is_empty() {
        list_file(&flat, *firsts.last().unwrap_or(&0));
    }
    (Value::Array(listed), firsts)
}

/// The shortest start of `key` (whole characters) that sorts after `after`, which sorts
/// before `key`. A search word sorting before it sorts before `key`, and a key that begins
/// with it begins with the search word too when it sorts after the search word.
fn separator<'a>(after: &str, key: &'a str) -> &'a str {
    let mut starts = key.char_indices().map(|(at, c)| &key[..at + c.len_utf8()]);
    starts.find(|start| *start > after).unwrap_or(key)
}

/// About how many bytes a list (as [`encode`]d) of numbers among `universe` takes with brotli:
/// the entropy of choosing that many. Its length as written says little: a list of nearly
/// every notice ("1 1 1 …") is long and costs next to nothing on the wire, a list of a few
/// far apart costs what it is.
fn compressed_size(list: &str, universe: usize) -> f64 {
    let count = list.split(' ').count();
    let share = count as f64 / universe.max(count).max(1) as f64;
    let bits = |p: f64| {
        if p > 0.0 && p < 1.0 {
            -p * p.log2()
        } else {
            0.0
        }
    };
    universe as f64 * (bits(share) + bits(1.0 - share)) / 8.0
}

#[cfg(test)]
mod tests;
