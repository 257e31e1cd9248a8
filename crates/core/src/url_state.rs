//! The board's state in its URL: which view (the list or a notice) and the list's search,
//! filters, sort and page. A notice's URL keeps the list's parameters, so its Previous/Next
//! links and "Back to list" follow the list the person came from.
//!
//! A board names its views in one of two ways ([`Addressing`]):
//! - on its own page, after the prerendered files: `notice-63605.html`, `page-2.html`, so
//!   that every notice and list page is a real file that works without JavaScript; the query
//!   string only carries a search or filters (`?q=drill&category=safety`);
//! - in a widget, in the host page's query string only (`?nb1-id=63605`, `?nb1-page=2`),
//!   leaving the host's path alone. Query strings work on every static host and CDN without
//!   rewrite rules and keep `#fragments` for the browser.
//!
//! Parameters that are not the board's (the host page's, another board's) are kept byte for
//! byte.

use crate::listing::{ListQuery, Sort, MAX_QUERY_CHARS};

/// Which view the URL asks for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum View {
    List,
    Notice(String),
}

/// How a board names its views in URLs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Addressing {
    /// Only in the query string (`?id=63605`): for a widget, whose host page is not ours.
    Query,
    /// In the file name of the prerendered pages ([`notice_file`], [`list_page_file`]), with
    /// the search and filters in the query string.
    Files,
}

/// The file of the list's first page.
pub const LIST_FILE: &str = "index.html";

/// The prerendered file of a notice, for ids that are safe in a file name (letters, digits,
/// `-`, `_`); other ids are only reachable as `index.html?id=…`.
pub fn notice_file(id: &str) -> Option<String> {
    let safe = !id.is_empty()
        && id.len() <= 100
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
    safe.then(|| format!("notice-{id}.html"))
}

/// The prerendered file of a page of the plain list (no search, no filters, newest first).
pub fn list_page_file(page: usize) -> String {
    if page <= 1 {
        LIST_FILE.to_string()
    } else {
        format!("page-{page}.html")
    }
}

/// Which views of a board on its own page have a prerendered file. A board of 100,000
/// notices cannot have a page per notice (a static host takes about 20,000 files), so the
/// prerender step writes the pages of its newest notices (and every pinned one) and the
/// list pages that show them; the others are reached as `index.html?id=…` and
/// `index.html?page=…`, which the app renders from the data. The app links to a file only
/// where one is written, by the same rule.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Prerendered {
    /// How many notices, newest first, not counting the pinned ones.
    newest: usize,
}

impl Prerendered {
    /// Every view has its file (pages prerendered before the limit existed, or no limit).
    pub const ALL: Prerendered = Prerendered { newest: usize::MAX };
    /// About a year of a ministry's notices.
    pub const DEFAULT_NEWEST: usize = 1_000;
    /// The compact widget links to up to this many of the newest notices' pages.
    pub const MIN_NEWEST: usize = 20;

    /// The files of the `newest` notices (at least [`Prerendered::MIN_NEWEST`]).
    pub fn newest(newest: usize) -> Prerendered {
        Prerendered {
            newest: newest.max(Self::MIN_NEWEST),
        }
    }

    /// How many of the newest notices have their file.
    pub fn count(self) -> usize {
        self.newest
    }

    /// Whether the notice at `place` of the plain list, whose first `pinned_on_top` places
    /// are the pinned notices, has its file (if its id can be a file name: [`notice_file`]).
    pub fn has_notice_at(self, place: usize, pinned_on_top: usize) -> bool {
        self == Self::ALL || place.saturating_sub(pinned_on_top) < self.newest
    }

    /// Whether page `page` of the plain list, of `page_size` notices, has its file: the
    /// first does, and every page that shows a notice with its file.
    pub fn has_list_page(self, page: usize, page_size: usize) -> bool {
        self == Self::ALL || page <= 1 || (page - 1).saturating_mul(page_size) < self.newest
    }
}

/// What a prerendered file's name says: `Some(Ok(id))` for a notice, `Some(Err(page))` for
/// a list page, `None` for any other file.
fn view_of_file(file: &str) -> Option<Result<String, usize>> {
    let stem = file.strip_suffix(".html")?;
    if let Some(id) = stem.strip_prefix("notice-") {
        return notice_file(id).map(|_| Ok(id.to_string()));
    }
    let page = stem.strip_prefix("page-")?;
    if !page.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    page.parse().ok().filter(|&page| page > 1).map(Err)
}

/// Whether `file` is one of the prerendered view files (so not the list's entry page).
pub fn is_view_file(file: &str) -> bool {
    view_of_file(file).is_some()
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UrlState {
    pub view: View,
    /// The list's search, filters, sort and page (also kept while a notice is open).
    pub list: ListQuery,
    /// Raw `key=value` segments that belong to someone else, in their original order.
    foreign: Vec<String>,
}

impl UrlState {
    pub fn list() -> Self {
        UrlState {
            view: View::List,
            list: ListQuery {
                page: 1,
                ..ListQuery::default()
            },
            foreign: Vec::new(),
        }
    }

    /// Reads a query string (with or without its leading `?`). Our parameters are named with
    /// `prefix` in front (`""` for a standalone page, e.g. `"b1-"` for a widget). Values that
    /// make no sense (`page=-1`, `year=soon`, `sort=random`) fall back to the defaults.
    pub fn from_query(query: &str, prefix: &str) -> Self {
        let query = query.strip_prefix('?').unwrap_or(query);
        let mut state = UrlState::list();
        for segment in query.split('&').filter(|s| !s.is_empty()) {
            let (raw_key, raw_value) = segment.split_once('=').unwrap_or((segment, ""));
            let key = percent_decode(raw_key);
            let value = || percent_decode(raw_value).trim().to_string();
            let list = &mut state.list;
            match key.strip_prefix(prefix) {
                Some("id") => {
                    let id = value();
                    state.view = if id.is_empty() {
                        View::List
                    } else {
                        View::Notice(id)
                    };
                }
                Some("q") => {
                    list.q = value()
                        .chars()
                        .take(MAX_QUERY_CHARS)
                        .collect::<String>()
                        .trim()
                        .to_string()
                }
                Some("category") => list.category = Some(value()).filter(|c| !c.is_empty()),
                Some("year") => list.year = value().parse().ok().filter(|y| (1..=9999).contains(y)),
                Some("sort") => list.sort = Sort::from_key(&value()).unwrap_or_default(),
                Some("page") => list.page = value().parse().unwrap_or(1).max(1),
                // Our own parameters that this version does not know are dropped, so a
                // shared link from a newer version still opens something sensible.
                Some(_) if !prefix.is_empty() => {}
                _ => state.foreign.push(segment.to_string()),
            }
        }
        state
    }

    /// Reads a URL: its last path segment (`file`) and its query string. With
    /// [`Addressing::Files`], the file names the view unless the query says otherwise
    /// (`?id=…` links from before the prerendered pages keep working).
    pub fn from_url(file: &str, query: &str, prefix: &str, addressing: Addressing) -> Self {
        let mut state = UrlState::from_query(query, prefix);
        if addressing == Addressing::Files {
            match view_of_file(file) {
                Some(Ok(id)) if state.view == View::List => state.view = View::Notice(id),
                Some(Err(page)) if state.list.page == 1 => state.list.page = page,
                _ => {}
            }
        }
        state
    }

    /// The URL of this state: a file name ([`LIST_FILE`] when the file does not matter) and
    /// a query string (see [`UrlState::to_query`]).
    pub fn to_url(&self, prefix: &str, addressing: Addressing) -> (String, String) {
        if addressing == Addressing::Files {
            if let View::Notice(id) = &self.view {
                if let Some(file) = notice_file(id) {
                    return (file, self.with_view(View::List).to_query(prefix));
                }
            }
            let plain = ListQuery {
                page: self.list.page,
                ..ListQuery::default()
            };
            if self.view == View::List && self.list == plain {
                let rest = self.with_list(ListQuery::default());
                return (list_page_file(self.list.page), rest.to_query(prefix));
            }
        }
        (LIST_FILE.to_string(), self.to_query(prefix))
    }

    /// The same URL state showing another view.
    pub fn with_view(&self, view: View) -> Self {
        UrlState {
            view,
            ..self.clone()
        }
    }

    /// This board's state with the other parameters taken from `current` (the URL as it is
    /// now: another board on the page or the host may have changed them since).
    pub fn with_foreign_of(&self, current: &UrlState) -> Self {
        UrlState {
            foreign: current.foreign.clone(),
            ..self.clone()
        }
    }

    /// Whether this board shows the same thing in both, whatever the other parameters say.
    pub fn same_board_state(&self, other: &UrlState) -> bool {
        self.view == other.view && self.list == other.list
    }

    /// The list with another query (search, filters, sort or page).
    pub fn with_list(&self, list: ListQuery) -> Self {
        UrlState {
            view: View::List,
            list,
            foreign: self.foreign.clone(),
        }
    }

    /// The query string for this state: `""` when there is nothing to say, else `?…`.
    pub fn to_query(&self, prefix: &str) -> String {
        let mut segments = self.foreign.clone();
        let mut add = |name: &str, value: &str| {
            segments.push(format!(
                "{}{name}={}",
                percent_encode(prefix),
                percent_encode(value)
            ));
        };
        let list = &self.list;
        if !list.q.is_empty() {
            add("q", &list.q);
        }
        if let Some(category) = &list.category {
            add("category", category);
        }
        if let Some(year) = list.year {
            add("year", &year.to_string());
        }
        if list.sort != Sort::default() {
            add("sort", list.sort.key());
        }
        if list.page > 1 {
            add("page", &list.page.to_string());
        }
        if let View::Notice(id) = &self.view {
            add("id", id);
        }
        if segments.is_empty() {
            String::new()
        } else {
            format!("?{}", segments.join("&"))
        }
    }
}

/// Encodes everything but RFC 3986 unreserved characters.
pub fn percent_encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'_' | b'.' | b'~') {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// Decodes `%XX` and `+` (a space in query strings). Malformed escapes are kept as written
/// and invalid UTF-8 becomes U+FFFD, so no URL can make this fail.
pub fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut index = 0;
    while index < bytes.len() {
        match bytes[index] {
            b'+' => out.push(b' '),
            b'%' if index + 2 < bytes.len()
                && hex_pair(bytes[index + 1], bytes[index + 2]).is_some() =>
            {
                out.push(hex_pair(bytes[index + 1], bytes[index + 2]).unwrap_or_default());
                index += 2;
            }
            byte => out.push(byte),
        }
        index += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn hex_pair(high: u8, low: u8) -> Option<u8> {
    let digit = |b: u8| (b as char).to_digit(16);
    Some((digit(high)? * 16 + digit(low)?) as u8)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_parameters_is_the_list() {
        assert_eq!(UrlState::from_query("", "").view, View::List);
        assert_eq!(UrlState::from_query("?", "").view, View::List);
        assert_eq!(UrlState::from_query("?id=", "").view, View::List);
        assert_eq!(UrlState::list().to_query(""), "");
    }

    #[test]
    fn id_selects_a_notice() {
        assert_eq!(
            UrlState::from_query("?id=63605", "").view,
            View::Notice("63605".into())
        );
        assert_eq!(
            UrlState::from_query("id=press%2D7", "").view,
            View::Notice("press-7".into())
        );
    }

    #[test]
    fn round_trips_awkward_ids() {
        for id in ["63605", "a b&c=d", "공지-1", "100%", "x+y", "#top", "?id=2"] {
            let state = UrlState::list().with_view(View::Notice(id.into()));
            let query = state.to_query("");
            assert_eq!(
                UrlState::from_query(&query, "").view,
                View::Notice(id.into()),
                "{query}"
            );
        }
    }

    #[test]
    fn foreign_parameters_are_kept_exactly() {
        let state = UrlState::from_query("?lang=en&b1-id=7&q=a+b%20c&flag", "b1-");
        assert_eq!(state.view, View::Notice("7".into()));
        assert_eq!(state.to_query("b1-"), "?lang=en&q=a+b%20c&flag&b1-id=7");
        assert_eq!(
            state.with_view(View::List).to_query("b1-"),
            "?lang=en&q=a+b%20c&flag"
        );
    }

    #[test]
    fn two_prefixed_boards_do_not_see_each_others_parameters() {
        let query = "?a-id=1&b-id=2";
        assert_eq!(
            UrlState::from_query(query, "a-").view,
            View::Notice("1".into())
        );
        assert_eq!(
            UrlState::from_query(query, "b-").view,
            View::Notice("2".into())
        );
        let moved = UrlState::from_query(query, "a-").with_view(View::List);
        assert_eq!(moved.to_query("a-"), "?b-id=2");
    }

    #[test]
    fn list_state_round_trips_and_defaults_are_left_out() {
        let state = UrlState::from_query(
            "?q=earthquake+drill&category=safety&year=2018&sort=most-read&page=2&id=66021",
            "",
        );
        assert_eq!(state.list.q, "earthquake drill");
        assert_eq!(state.list.category.as_deref(), Some("safety"));
        assert_eq!(
            (state.list.year, state.list.sort, state.list.page),
            (Some(2018), Sort::MostRead, 2)
        );
        assert_eq!(state.view, View::Notice("66021".into()));
        assert_eq!(
            state.to_query(""),
            "?q=earthquake%20drill&category=safety&year=2018&sort=most-read&page=2&id=66021"
        );
        let plain = UrlState::from_query("?sort=newest&page=1&q=+", "");
        assert_eq!(plain.to_query(""), "");
    }

    #[test]
    fn invalid_list_values_fall_back() {
        let state = UrlState::from_query("?page=-1&year=soon&sort=random&category=", "");
        assert_eq!(state.list.page, 1);
        assert_eq!(state.list.year, None);
        assert_eq!(state.list.sort, Sort::Newest);
        assert_eq!(state.list.category, None);
        assert_eq!(
            UrlState::from_query("?page=99999999999999999999999", "")
                .list
                .page,
            1
        );
        let long = UrlState::from_query(&format!("?q={}", "a".repeat(10_000)), "");
        assert_eq!(long.list.q.len(), MAX_QUERY_CHARS);
    }

    proptest::proptest! {
        #[test]
        fn any_state_survives_a_round_trip(
            id in proptest::option::of("[^\\s]{1,20}"),
            q in "\\PC{0,30}",
            category in proptest::option::of("[^\\s]{1,12}"),
            year in proptest::option::of(1u16..=9999),
            sort in proptest::sample::select(Sort::ALL.to_vec()),
            page in 1usize..100_000,
            prefix in proptest::sample::select(vec!["", "b1-"]),
        ) {
            let q: String = q.trim().chars().take(MAX_QUERY_CHARS).collect();
            let list = ListQuery { q: q.trim().to_string(), category, year, sort, page };
            let view = id.map_or(View::List, View::Notice);
            let state = UrlState::list().with_list(list).with_view(view);
            let query = state.to_query(prefix);
            proptest::prop_assert_eq!(UrlState::from_query(&query, prefix), state);
        }

        #[test]
        fn any_state_survives_a_round_trip_through_files(
            id in proptest::option::of("[a-z0-9%-]{1,12}( [a-z0-9]{1,3})?"),
            q in proptest::sample::select(vec!["", "tax"]),
            page in 1usize..1000,
        ) {
            let list = ListQuery { q: q.to_string(), page, ..ListQuery::default() };
            let state = UrlState::list().with_list(list).with_view(id.map_or(View::List, View::Notice));
            let (file, query) = state.to_url("", Addressing::Files);
            proptest::prop_assert_eq!(UrlState::from_url(&file, &query, "", Addressing::Files), state);
        }

        #[test]
        fn parsing_any_query_never_panics(query in "\\PC{0,200}") {
            let _ = UrlState::from_query(&query, "");
        }
    }

    #[test]
    fn files_name_notices_and_list_pages() {
        let files = |query: &str| {
            let state = UrlState::from_query(query, "");
            state.to_url("", Addressing::Files)
        };
        let url = |file: &str, query: &str| (file.to_string(), query.to_string());
        assert_eq!(files(""), url("index.html", ""));
        assert_eq!(files("?page=3"), url("page-3.html", ""));
        assert_eq!(files("?id=63605"), url("notice-63605.html", ""));
        // A notice keeps the list it was opened from.
        assert_eq!(files("?id=7&page=2"), url("notice-7.html", "?page=2"));
        assert_eq!(files("?q=tax&id=7"), url("notice-7.html", "?q=tax"));
        // A search or filter has no file of its own.
        assert_eq!(files("?q=tax&page=2"), url("index.html", "?q=tax&page=2"));
        assert_eq!(files("?sort=oldest"), url("index.html", "?sort=oldest"));
        // Ids that cannot be a file name stay in the query.
        assert_eq!(files("?id=a%20b"), url("index.html", "?id=a%20b"));
        assert_eq!(files("?id=..%2Fx"), url("index.html", "?id=..%2Fx"));
    }

    #[test]
    fn files_are_read_back() {
        let read = |file: &str, query: &str| UrlState::from_url(file, query, "", Addressing::Files);
        assert_eq!(
            read("notice-63605.html", "").view,
            View::Notice("63605".into())
        );
        assert_eq!(read("page-4.html", "").list.page, 4);
        assert_eq!(read("notice-7.html", "?page=2").list.page, 2);
        // The query wins over the file: old `?id=` links work from any page.
        assert_eq!(
            read("notice-7.html", "?id=8").view,
            View::Notice("8".into())
        );
        assert_eq!(read("page-4.html", "?page=2").list.page, 2);
        for other in [
            "",
            "index.html",
            "news.html",
            "page-1.html",
            "page-x.html",
            "notice-.html",
        ] {
            assert_eq!(read(other, ""), UrlState::list(), "{other}");
        }
        // A widget's host page may be called anything.
        let widget = UrlState::from_url("notice-7.html", "", "", Addressing::Query);
        assert_eq!(widget.view, View::List);
        assert!(is_view_file("page-2.html") && !is_view_file("index.html"));
    }

    #[test]
    fn decoding_never_fails() {
        assert_eq!(percent_decode("%"), "%");
        assert_eq!(percent_decode("%4"), "%4");
        assert_eq!(percent_decode("%zz"), "%zz");
        assert_eq!(percent_decode("%FF"), "\u{FFFD}");
        assert_eq!(percent_decode("%EA%B3%B5"), "공");
        assert_eq!(
            UrlState::from_query(&format!("?id={}", "x".repeat(10_000)), "").view,
            View::Notice("x".repeat(10_000))
        );
    }

    #[test]
    fn the_newest_notices_and_the_list_pages_showing_them_have_files() {
        let newest = Prerendered::newest(25);
        // Three pinned notices lead the plain list; the 25 newest of the others follow.
        assert!(newest.has_notice_at(0, 3) && newest.has_notice_at(2, 3));
        assert!(newest.has_notice_at(27, 3) && !newest.has_notice_at(28, 3));
        assert!(newest.has_list_page(1, 10) && newest.has_list_page(3, 10));
        assert!(!newest.has_list_page(4, 10));
        assert!(newest.has_list_page(25, 1) && !newest.has_list_page(26, 1));
        assert_eq!(Prerendered::newest(0).count(), Prerendered::MIN_NEWEST);
        assert!(Prerendered::ALL.has_notice_at(usize::MAX, 0));
        assert!(Prerendered::ALL.has_list_page(usize::MAX, usize::MAX));
    }
}
