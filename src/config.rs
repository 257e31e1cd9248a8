//! How a board is set up: where it lives, where its data comes from and how it starts, read
//! from its mount element's `data-` attributes (docs/embedding.md). Pure: the browser
//! adapter (`platform::mount`) only hands over the attributes, so every rule here (defaults,
//! ranges, the widgets' parameter prefixes) is unit-tested natively.

use notice_core::screen::Load;
use notice_core::url_state::{Addressing, Prerendered, UrlState};
use notice_core::{Dataset, Date};
use std::sync::Arc;

/// The data file's URL when the mount element names none (`data-src`).
pub const DEFAULT_DATA_URL: &str = "notices.json";
/// The page sizes a host may ask for (`data-page-size`).
pub const PAGE_SIZES: std::ops::RangeInclusive<usize> = 1..=100;

/// How a board is set up on its page.
#[derive(Clone, Debug)]
pub struct BoardConfig {
    /// Where the data file is; relative URLs resolve against the page.
    pub data_url: String,
    /// Where the entry of the board's published form is (`data-published`, which the
    /// prerender step writes): read first, the data file only if it cannot be.
    pub published_url: Option<String>,
    /// The page's path, for the board's own links.
    pub page_path: String,
    /// The page's query string when the board starts.
    pub initial_query: String,
    /// Prefix of the board's query parameters (empty on its own page).
    pub param_prefix: String,
    /// The id of the element the board is mounted in.
    pub root_id: String,
    /// The viewer's date, for "New" markers (none when rendered ahead of time).
    pub today: Option<Date>,
    pub mode: Mode,
    /// How its links name its views: [`Mode::addressing`], except in a widget's prerendered
    /// first view, whose links go to the board's own pages.
    pub addressing: Addressing,
    /// The level of the view's main heading (1 on its own page; 2 or more in a host page's
    /// outline). Sub-headings are one level below.
    pub heading_level: u8,
    /// Which of its views have a prerendered file (`data-prerendered-notices`, which the
    /// prerender step writes on the board's own page): its links name those files, and
    /// reach the others through the query string.
    pub prerendered: Prerendered,
    /// Overrides the data file's `board.pageSize`.
    pub page_size: Option<usize>,
    /// Overrides the data file's `board.lang`.
    pub lang: Option<String>,
    /// The board's Atom feed, relative to the page (`data-feed`, written by the prerender
    /// step when it writes the feed): the list links to it.
    pub feed: Option<String>,
    pub start: Start,
    /// What a host page says about an embedded board beyond the above.
    pub embed: Embed,
}

/// Where the board lives.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// The board is the page: it owns the title, the skip links, the site chrome and scrolling.
    Page,
    /// The board is embedded in a host page, in a shadow root: it changes nothing outside
    /// itself (title, `lang`, scroll restoration, history state, the host's links).
    Widget,
}

impl Mode {
    /// How the board's URLs name its views: files on its own page (`notice-7.html`, which
    /// the prerender step writes), the query string in a host page (`?nb1-id=7`).
    pub fn addressing(self) -> Addressing {
        match self {
            Mode::Page => Addressing::Files,
            Mode::Widget => Addressing::Query,
        }
    }
}

/// How the board gets its data and onto the screen.
#[derive(Clone, Debug)]
pub enum Start {
    /// It shows "Loading" and fetches `data_url`.
    Fetch,
    /// The data is at hand (prerendering): the board renders it at once.
    Preloaded(Arc<Dataset>),
    /// The page holds the prerendered board and what its first view shows has been fetched
    /// (`Load::Ready` or `Load::Published`): the app renders its own copy off the page and
    /// swaps it in (`platform::takeover`).
    TakeOver(Load),
}

/// A host page's naming and choice of view for an embedded board (`data-label`,
/// `data-view="latest"`); the defaults on the board's own page.
#[derive(Clone, Debug, Default)]
pub struct Embed {
    /// The board's name for its landmarks (`data-label`); else its title.
    pub label: Option<String>,
    /// Its place among the widgets of the page: a board named like an earlier one is
    /// numbered ([`crate::board_names`]).
    pub place: usize,
    /// The compact widget of the newest titles, instead of the list.
    pub latest: Option<Latest>,
}

/// Titles the compact widget shows when the host does not say (`data-count`), and the most
/// it may ask for.
pub const DEFAULT_COUNT: usize = 5;
pub const MAX_COUNT: usize = 20;

/// How the host set up the compact widget.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Latest {
    /// How many titles, 1–[`MAX_COUNT`].
    pub count: usize,
    /// The full board's address (`data-board-url`): titles open the notice there, and
    /// "More" goes there. Without it, titles open in place, as in the full widget.
    pub board_url: Option<String>,
    /// Pinned notices first (`data-pinned="top"`), else strictly newest first.
    pub pinned_on_top: bool,
}

/// The page a board is mounted in, as the browser reports it.
#[derive(Clone, Debug, Default)]
pub struct PageAddress {
    /// The page's path (`/eng/news/index.html`).
    pub path: String,
    /// Its query string, with its `?`.
    pub query: String,
    /// The viewer's date.
    pub today: Option<Date>,
}

/// Which kind of board a mount element is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Placement {
    /// `data-notice-board="page"`: the board is the page.
    Page,
    /// Any other `data-notice-board`: a widget, the `place`-th (from 0) on its host page.
    Widget { place: usize },
}

impl BoardConfig {
    /// The configuration of the board mounted in element `root_id` at `placement`, from
    /// that element's attributes (`attribute("data-src")`, as written in the HTML). It
    /// starts by fetching its data.
    pub fn from_attributes(
        placement: Placement,
        root_id: String,
        page: PageAddress,
        attribute: impl Fn(&str) -> Option<String>,
    ) -> BoardConfig {
        // An attribute left blank counts as absent.
        let given = |name: &str| attribute(name).filter(|value| !value.trim().is_empty());
        let (mode, param_prefix, heading_level, embed) = match placement {
            Placement::Page => (Mode::Page, String::new(), 1, Embed::default()),
            Placement::Widget { place } => (
                Mode::Widget,
                // Each widget on a page keeps its state under its own names (`nb1-q`,
                // `nb2-q`), unless the host chooses them.
                attribute("data-param-prefix").unwrap_or_else(|| format!("nb{}-", place + 1)),
                attribute("data-heading-level")
                    .and_then(|level| level.parse().ok())
                    .unwrap_or(2),
                embed(place, &given),
            ),
        };
        BoardConfig {
            data_url: given("data-src").unwrap_or_else(|| DEFAULT_DATA_URL.into()),
            published_url: given("data-published"),
            page_path: page.path,
            initial_query: page.query,
            param_prefix,
            root_id,
            today: page.today,
            mode,
            addressing: mode.addressing(),
            heading_level: u8::clamp(heading_level, 1, 6),
            prerendered: given("data-prerendered-notices")
                .and_then(|count| count.trim().parse().ok())
                .map_or(Prerendered::ALL, Prerendered::newest),
            page_size: given("data-page-size")
                .and_then(|size| size.parse().ok())
                .filter(|size| PAGE_SIZES.contains(size)),
            lang: given("data-lang"),
            feed: given("data-feed"),
            start: Start::Fetch,
            embed,
        }
    }
}

impl BoardConfig {
    /// The URL state the board starts in.
    pub fn initial_url(&self) -> UrlState {
        let file = &self.page_path[self.page_path.rfind('/').map_or(0, |i| i + 1)..];
        UrlState::from_url(
            file,
            &self.initial_query,
            &self.param_prefix,
            self.addressing,
        )
    }

    /// The host's `data-page-size` and `data-lang`, which override the data file's.
    pub fn overrides(&self) -> Overrides {
        Overrides {
            page_size: self.page_size,
            lang: self.lang.clone(),
        }
    }
}

/// The settings of the mount element that override the data file's board.
#[derive(Clone, Debug, Default)]
pub struct Overrides {
    pub page_size: Option<usize>,
    pub lang: Option<String>,
}

impl Overrides {
    /// The data set with these settings in place of the data file's, copied only when they
    /// change something: prerendering shares one data set between all the pages it renders.
    pub fn apply(&self, data: Arc<Dataset>) -> Arc<Dataset> {
        let same_page_size = self
            .page_size
            .is_none_or(|size| size == data.board.page_size);
        let same_lang = self
            .lang
            .as_ref()
            .is_none_or(|lang| *lang == data.board.lang);
        if same_page_size && same_lang {
            return data;
        }
        let mut data = Arc::unwrap_or_clone(data);
        data.board.page_size = self.page_size.unwrap_or(data.board.page_size);
        data.board.lang = self.lang.clone().unwrap_or(data.board.lang);
        Arc::new(data)
    }
}

/// A widget's name (`data-label`), its place among the page's widgets, and the compact
/// view's settings (`data-view="latest"`, `data-count`, `data-board-url`, `data-pinned`).
fn embed(place: usize, given: &impl Fn(&str) -> Option<String>) -> Embed {
    let trimmed = |name: &str| given(name).map(|value| value.trim().to_string());
    let latest = (trimmed("data-view").as_deref() == Some("latest")).then(|| Latest {
        count: trimmed("data-count")
            .and_then(|count| count.parse().ok())
            .map_or(DEFAULT_COUNT, |count: usize| count.clamp(1, MAX_COUNT)),
        board_url: trimmed("data-board-url"),
        pinned_on_top: trimmed("data-pinned").as_deref() == Some("top"),
    });
    Embed {
        label: trimmed("data-label"),
        place,
        latest,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config(placement: Placement, attributes: &[(&str, &str)]) -> BoardConfig {
        BoardConfig::from_attributes(placement, "board".into(), PageAddress::default(), |name| {
            attributes
                .iter()
                .find(|(key, _)| *key == name)
                .map(|(_, value)| value.to_string())
        })
    }

    #[test]
    fn a_board_without_attributes_reads_notices_json_next_to_the_page() {
        let page = config(Placement::Page, &[]);
        assert_eq!(page.data_url, "notices.json");
        assert_eq!((page.mode, page.heading_level), (Mode::Page, 1));
        assert_eq!(page.param_prefix, "");
        assert!(matches!(page.start, Start::Fetch));
        let blank = config(Placement::Page, &[("data-src", "  ")]);
        assert_eq!(blank.data_url, "notices.json");
    }

    #[test]
    fn widgets_are_numbered_in_their_parameters_unless_the_host_names_them() {
        let second = config(Placement::Widget { place: 1 }, &[]);
        assert_eq!(second.param_prefix, "nb2-");
        assert_eq!(second.heading_level, 2);
        assert_eq!(second.mode.addressing(), Addressing::Query);
        let named = config(
            Placement::Widget { place: 1 },
            &[("data-param-prefix", "ko-")],
        );
        assert_eq!(named.param_prefix, "ko-");
        // On its own page the board's views are files.
        assert_eq!(Mode::Page.addressing(), Addressing::Files);
    }

    #[test]
    fn numbers_out_of_range_fall_back_to_what_the_board_would_choose() {
        let asked =
            |attributes: &[(&str, &str)]| config(Placement::Widget { place: 0 }, attributes);
        assert_eq!(asked(&[("data-page-size", "20")]).page_size, Some(20));
        assert_eq!(asked(&[("data-page-size", "0")]).page_size, None);
        assert_eq!(asked(&[("data-page-size", "101")]).page_size, None);
        assert_eq!(asked(&[("data-page-size", "ten")]).page_size, None);
        assert_eq!(asked(&[("data-heading-level", "9")]).heading_level, 6);
        assert_eq!(asked(&[("data-heading-level", "0")]).heading_level, 1);
        assert_eq!(asked(&[("data-heading-level", "x")]).heading_level, 2);
        let page = |attributes: &[(&str, &str)]| config(Placement::Page, attributes).prerendered;
        assert_eq!(
            page(&[]),
            Prerendered::ALL,
            "pages prerendered before the limit"
        );
        assert_eq!(
            page(&[("data-prerendered-notices", "1000")]),
            Prerendered::newest(1000)
        );
        assert_eq!(
            page(&[("data-prerendered-notices", "many")]),
            Prerendered::ALL
        );
        assert_eq!(
            page(&[("data-prerendered-notices", "3")]),
            Prerendered::newest(Prerendered::MIN_NEWEST)
        );
    }

    #[test]
    fn the_compact_widget_shows_five_titles_unless_asked_for_one_to_twenty() {
        let latest = |attributes: &[(&str, &str)]| {
            let mut all = vec![("data-view", " latest ")];
            all.extend_from_slice(attributes);
            config(Placement::Widget { place: 0 }, &all)
                .embed
                .latest
                .unwrap()
        };
        assert_eq!(latest(&[]).count, DEFAULT_COUNT);
        assert_eq!(latest(&[("data-count", "50")]).count, MAX_COUNT);
        assert_eq!(latest(&[("data-count", "0")]).count, 1);
        assert!(latest(&[("data-pinned", "top")]).pinned_on_top);
        assert_eq!(
            latest(&[("data-board-url", " /news/ ")])
                .board_url
                .as_deref(),
            Some("/news/")
        );
        let full = config(Placement::Widget { place: 0 }, &[("data-label", " 안전 ")]);
        assert!(full.embed.latest.is_none());
        assert_eq!(full.embed.label.as_deref(), Some("안전"));
    }
}
