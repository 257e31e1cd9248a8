//! What the page shows for a given data state and URL: which view, its title, its breadcrumb
//! and its status message. Pure, so every view's words are unit-tested without a browser.

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

/// The view to show.
#[derive(Clone, Debug)]
pub enum Screen {
    Loading,
    Failed(LoadError),
    List(Arc<Dataset>),
    Notice { data: Arc<Dataset>, index: usize },
    NotFound { data: Arc<Dataset>, id: String },
}

/// One breadcrumb item: a link, or (for the current page) plain text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Crumb {
    Link(NavLink),
    /// The board's own list, linked through the app's URL state rather than a fixed URL.
    List(String),
    Current(String),
}

impl Screen {
    pub fn new(load: &Load, url: &UrlState) -> Screen {
        match (load, &url.view) {
            (Load::Loading, _) => Screen::Loading,
            (Load::Failed(error), _) => Screen::Failed(error.clone()),
            (Load::Ready(data), View::List) => Screen::List(data.clone()),
            (Load::Ready(data), View::Notice(id)) => {
                match data
                    .notices
                    .iter()
                    .position(|notice| notice.id.as_str() == id)
                {
                    Some(index) => Screen::Notice {
                        data: data.clone(),
                        index,
                    },
                    None => Screen::NotFound {
                        data: data.clone(),
                        id: id.clone(),
                    },
                }
            }
        }
    }

    /// The board settings for the chrome: the data file's, or the built-in defaults.
    pub fn board(&self) -> Board {
        match self {
            Screen::List(data) | Screen::Notice { data, .. } | Screen::NotFound { data, .. } => {
                data.board.clone()
            }
            Screen::Loading | Screen::Failed(_) => Board::default(),
        }
    }

    pub fn notice(&self) -> Option<&Notice> {
        match self {
            Screen::Notice { data, index } => data.notices.get(*index),
            _ => None,
        }
    }

    /// The document title: most specific first, the organisation last.
    pub fn title(&self) -> String {
        let board = self.board();
        let suffix = format!("{} – {}", board.title, board.site_name);
        match self {
            Screen::List(_) => suffix,
            Screen::Loading => format!("Loading – {suffix}"),
            Screen::Failed(_) => format!("Error: notices could not be loaded – {suffix}"),
            Screen::NotFound { .. } => format!("Notice not found – {suffix}"),
            Screen::Notice { .. } => format!(
                "{} – {suffix}",
                self.notice().map_or("", |n| n.title.as_str())
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
            Screen::List(data) => {
                let mut message = format!("{}.", count_notices(data.notices.len()));
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

/// `1 notice`, `32 notices`, `No notices`.
pub fn count_notices(count: usize) -> String {
    match count {
        0 => "No notices".into(),
        1 => "1 notice".into(),
        n => format!("{} notices", crate::model::format::thousands(n as u64)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::parse_data_file;
    use serde_json::json;

    fn ready() -> Load {
        let text = json!({
            "version": 1,
            "board": { "title": "News & Notices", "siteName": "Ministry", "breadcrumb": [
                { "label": "HOME", "url": "/" }, { "label": "What's New", "url": "/new/" }
            ]},
            "notices": [
                { "id": 1, "title": "Earthquake drill", "date": "2018-05-14", "views": 2131, "body": "" },
                { "id": 2, "title": "Bad", "date": "someday", "views": 1, "body": "" }
            ]
        });
        Load::Ready(Arc::new(
            parse_data_file(&text.to_string(), "n.json").unwrap(),
        ))
    }

    fn screen(query: &str) -> Screen {
        Screen::new(&ready(), &UrlState::from_query(query, ""))
    }

    #[test]
    fn titles_put_the_page_first_and_the_ministry_last() {
        assert_eq!(screen("").title(), "News & Notices – Ministry");
        assert_eq!(
            screen("?id=1").title(),
            "Earthquake drill – News & Notices – Ministry"
        );
        assert_eq!(
            screen("?id=9").title(),
            "Notice not found – News & Notices – Ministry"
        );
        let failed = Screen::new(
            &Load::Failed(LoadError::Network { url: "n".into() }),
            &UrlState::list(),
        );
        assert!(failed.title().starts_with("Error: "));
    }

    #[test]
    fn breadcrumb_ends_with_the_board_or_the_notice() {
        let labels = |screen: Screen| -> Vec<String> {
            screen
                .breadcrumb()
                .into_iter()
                .map(|crumb| match crumb {
                    Crumb::Link(link) => format!("link:{}", link.label),
                    Crumb::List(label) => format!("list:{label}"),
                    Crumb::Current(label) => format!("current:{label}"),
                })
                .collect()
        };
        assert_eq!(
            labels(screen("")),
            ["link:HOME", "link:What's New", "current:News & Notices"]
        );
        assert_eq!(
            labels(screen("?id=1")),
            [
                "link:HOME",
                "link:What's New",
                "list:News & Notices",
                "current:Earthquake drill"
            ]
        );
    }

    #[test]
    fn status_counts_notices_and_reports_skipped_ones() {
        assert_eq!(
            screen("").status(),
            "1 notice. 1 notice could not be shown."
        );
        assert_eq!(screen("?id=1").status(), "");
        assert_eq!(
            Screen::new(&Load::Loading, &UrlState::list()).status(),
            "Loading notices…"
        );
    }

    #[test]
    fn an_unknown_id_is_not_found() {
        assert!(matches!(screen("?id=404"), Screen::NotFound { id, .. } if id == "404"));
    }
}
