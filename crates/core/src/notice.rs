//! The board's data model: what the app knows after the data file has been validated.
//! Every string here is plain text from a CMS export; views insert it as text, never as HTML.

use super::date::Date;
use super::rich_text::RichText;
use std::cmp::Ordering;
use std::sync::Arc;

/// A notice id as written in the data file (`63605` or `"press-2024-01"`), kept as text
/// because that is how it appears in the URL (`?id=63605`).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct NoticeId(pub String);

impl NoticeId {
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The id's place in order: numeric ids as numbers (`9 < 10`), before text ids.
    pub fn sort_key(&self) -> IdKey {
        match self.0.parse::<u64>() {
            Ok(number) => IdKey::Number(number),
            Err(_) => IdKey::Text(self.0.clone()),
        }
    }
}

/// See [`NoticeId::sort_key`]; variants order numbers first.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum IdKey {
    Number(u64),
    Text(String),
}

impl Ord for NoticeId {
    fn cmp(&self, other: &Self) -> Ordering {
        self.sort_key().cmp(&other.sort_key())
    }
}

impl PartialOrd for NoticeId {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// A link in the board's chrome (breadcrumb, main menu).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NavLink {
    pub label: String,
    /// Already checked by [`super::safe_url`]: relative, `http:` or `https:` only.
    pub url: String,
    /// Marks the menu section this board belongs to.
    pub current: bool,
}

/// A category key with the label people see.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Category {
    pub key: String,
    pub label: String,
}

/// Board-wide settings: the page chrome around the notices.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Board {
    /// The board's own name, the last breadcrumb item on the list: "News & Notices".
    pub title: String,
    /// The publishing organisation, shown in the header and at the end of every page title.
    pub site_name: String,
    pub site_url: String,
    /// Default language of the notices (BCP 47).
    pub lang: String,
    /// Breadcrumb items above the board, e.g. HOME > What's New.
    pub breadcrumb: Vec<NavLink>,
    /// The site's main menu (the board's sibling sections).
    pub menu: Vec<NavLink>,
    pub categories: Vec<Category>,
    /// Notices on one list page (pinned notices on page 1 come on top of these).
    pub page_size: usize,
    /// Hosts that images in HTML bodies may come from besides the board's own site (in lower
    /// case), when the board limits them (`board.imageHosts`).
    pub image_hosts: Option<Vec<String>>,
    /// How dates are written (`board.dateStyle`); `None`: the interface language's way.
    pub date_style: Option<super::date::DateStyle>,
}

impl Board {
    /// The label people see for a category key; an unlisted key is shown as written.
    pub fn category_label<'a>(&'a self, key: &'a str) -> &'a str {
        self.categories
            .iter()
            .find(|category| category.key == key)
            .map_or(key, |category| category.label.as_str())
    }
}

impl Default for Board {
    /// The ministry's own chrome, used while the data file loads and when it cannot be read,
    /// so that those views keep the same header, menu and breadcrumb as every other view.
    fn default() -> Self {
        let link = |label: &str, url: &str, current: bool| NavLink {
            label: label.into(),
            url: url.into(),
            current,
        };
        Board {
            title: "News & Notices".into(),
            site_name: "Ministry of the Interior and Safety".into(),
            site_url: "/".into(),
            lang: "en".into(),
            breadcrumb: vec![link("HOME", "/", false), link("What's New", "./", false)],
            menu: vec![link("What's New", "./", true)],
            categories: Vec::new(),
            page_size: 10,
            image_hosts: None,
            date_style: None,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Attachment {
    pub name: String,
    /// Already checked by [`super::safe_url`].
    pub url: String,
    /// On another site than the data file's: shown with that site's name, never as one of
    /// the board's own files.
    pub off_site: bool,
    /// Size in bytes, when the export knows it.
    pub size: Option<u64>,
    /// File type as people know it ("PDF", "HWP"): from the data, or the extension of the
    /// downloaded file (the URL), or else of the name.
    pub kind: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notice {
    pub id: NoticeId,
    pub title: String,
    pub date: Date,
    pub views: u64,
    /// Plain text: blank lines separate paragraphs, single line breaks are kept. For an HTML
    /// body, its text (what search and summaries read).
    pub body: String,
    /// The sanitised body, when the data file gave it as HTML (`"bodyFormat": "html"`).
    pub rich_body: Option<Arc<RichText>>,
    pub category: Option<String>,
    pub pinned: bool,
    /// The notice's language when it differs from the board's.
    pub lang: Option<String>,
    pub attachments: Vec<Attachment>,
    /// Where the notice is in the file's `notices` list (from 1), for messages.
    pub position: usize,
}

impl Notice {
    /// The language the notice is written in.
    pub fn lang<'a>(&'a self, board: &'a Board) -> &'a str {
        self.lang.as_deref().unwrap_or(&board.lang)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numeric_ids_compare_as_numbers_and_before_text_ids() {
        let id = |s: &str| NoticeId(s.into());
        assert!(id("9") < id("10"));
        assert!(id("63605") < id("a"));
        assert!(id("press-1") < id("press-2"));
    }

    #[test]
    fn category_label_falls_back_to_the_key() {
        let mut board = Board::default();
        board.categories.push(Category {
            key: "press".into(),
            label: "Press release".into(),
        });
        assert_eq!(board.category_label("press"), "Press release");
        assert_eq!(board.category_label("other"), "other");
    }
}
