//! A board published as small static files, so that a visit fetches only what it shows.
//!
//! Editors keep writing one data file. `notices publish` (and the prerender step) writes,
//! next to it:
//! - the **entry** [`ENTRY_FILE`] (served no-cache, written last): itself a data file of format
//!   1, whose notices are the pinned ones and the newest others (without their bodies: enough
//!   for the first list page and the compact widget), plus a `"published"` member ([`Meta`])
//!   naming everything else;
//! - in [`FOLDER`], files named by a hash of their content, so they can be cached for ever:
//!   - **row blocks** (`r-…`): the other notices without bodies, [`ROWS_PER_BLOCK`] to a
//!     block, numbered from the oldest notice (adding notices changes only the newest block);
//!   - **buckets** (`b-…`): whole notices, grouped in id order so that a notice is found by
//!     its id, each with the rows of its neighbours in the list (for "Previous" / "Next");
//!   - **directories** (`d-…`): the names of up to [`FILES_PER_DIRECTORY`] blocks or buckets;
//!   - the search index ([`search_index`]): its directory (`x-…`) and files (`s-…`);
//!   - a copy of the whole data file (`n-…`), which `notices publish --check` compares the
//!     rest with.
//!
//! Every block and bucket is a data file of format 1 too, read by the same reader as a plain
//! one, whose `"published"` member says where each of its notices is in the plain list
//! ([`Location`]) and, for the entry's and a block's rows, which bucket holds it. The app keeps what it has fetched in a [`Window`], which says what it still
//! needs for a URL and, once it has it, the same screen the whole file would give.

mod meta;
mod search_index;
mod window;
mod write;

// The readers of the files' parts, for the tool that checks a deployed folder
// (`notices publish --check`) to read them as the app does.
pub use meta::{
    first_ids, id_order, locations, names, number_list, Location, Locations, Meta, MostRead,
};
pub use search_index::{Directory, IndexFile, Part, MOST_INDEX_FILES};
pub use window::{Need, ReadFile, Shown, Window};
pub use write::{index_files, list_files, publish, ListFiles, Publication, PublishedFile};

/// The entry file's name, next to the data file.
pub const ENTRY_FILE: &str = "published.json";
/// The folder of the content-named files, next to the entry.
pub const FOLDER: &str = "published";
/// Notices in a row block: two blocks hold any page of 10–30 rows in a few kilobytes.
pub const ROWS_PER_BLOCK: usize = 32;
/// Names in a directory file: opening a notice fetches one (about 1 KB) and its bucket, a
/// page one and its blocks (a page 50 of a 10,000-notice board: under 5 KB in all).
pub const FILES_PER_DIRECTORY: usize = 128;
/// Hex digits of the hash in a content name: 48 bits, so two files of one board are as
/// likely to get the same name as a 1-in-10^7 accident even at 25,000 files.
pub const HASH_DIGITS: usize = 12;
/// Places in a file of a most-read order: a page of it needs one file (at most two), of
/// about 10 KB at 100,000 notices.
pub const ORDER_CHUNK: usize = 4096;
/// The entry holds at least this many of the newest notices: the compact widget's most.
pub const ENTRY_ROWS: usize = 20;

/// Whole notices in a bucket: few on a small board (opening a notice costs little), more on
/// a large one (the folder keeps few files): 4 up to 12,288 notices, 32 from 98,304.
pub fn notices_per_bucket(notices: usize) -> usize {
    (notices / 3072).next_power_of_two().clamp(4, 32)
}

/// A file's name from its content: the top [`HASH_DIGITS`] hex digits of its FNV-1a hash.
/// Not for security; names are short because directories list thousands of them.
pub fn content_name(prefix: &str, text: &str) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in text.bytes() {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    let hash = hash >> (64 - 4 * HASH_DIGITS);
    format!("{FOLDER}/{prefix}-{hash:0HASH_DIGITS$x}.json")
}

#[cfg(test)]
mod tests;
