//! The compact widget for home pages (`data-view="latest"`): the board's heading, its
//! newest titles with their dates, and a "More" link to the full board. No search, filters,
//! pagination or count. As on Korean ministries' home pages, the newest by date come
//! first; `data-pinned="top"` puts the pinned notices first instead, as the board does.

use crate::components::{text, AppLink, Heading, MixedText};
use crate::config::Latest;
use crate::navigation::Navigation;
use leptos::prelude::*;
use notice_core::safe_url::resolve;
use notice_core::url_state::{notice_file, View};
use notice_core::Dataset;
use std::sync::Arc;

impl Latest {
    /// The notices shown, as indices into the data set's notices (kept newest first).
    pub fn rows(&self, data: &Dataset) -> Vec<usize> {
        match self.pinned_on_top {
            true => data
                .plain_order()
                .indices()
                .iter()
                .copied()
                .take(self.count)
                .collect(),
            false => (0..data.notices.len()).take(self.count).collect(),
        }
    }
}

/// The address of notice `id` on the full board at `board_url` (its folder, or any page in
/// it): the notice's page file, as the board names it on its own page.
pub fn notice_on_board(board_url: &str, id: &str) -> String {
    let page = match notice_file(id) {
        Some(file) => file,
        None => format!(
            "index.html?id={}",
            notice_core::url_state::percent_encode(id)
        ),
    };
    // Resolved as the browser would resolve a link to the page next to `board_url`.
    resolve(board_url, &page)
}

#[component]
pub fn LatestList(data: Arc<Dataset>, latest: Latest) -> impl IntoView {
    let nav = expect_context::<Navigation>();
    let board = &data.board;
    let items = latest
        .rows(&data)
        .into_iter()
        .map(|index| {
            let notice = &data.notices[index];
            let id = notice.id.0.clone();
            let (own, around) = (notice.lang(board).to_string(), board.lang.clone());
            let title = view! {
                <span dir="auto"><MixedText text=notice.title.clone() own around /></span>
            };
            let link = match &latest.board_url {
                Some(board_url) => {
                    let href = notice_on_board(board_url, &id);
                    view! { <a href=href data-notice-id=id>{title}</a> }.into_any()
                }
                None => {
                    let to = nav.url_untracked().with_view(View::Notice(id.clone()));
                    view! { <AppLink to attr:data-notice-id=id>{title}</AppLink> }.into_any()
                }
            };
            view! {
                <li>
                    {link}
                    " "
                    <time datetime=notice.date.iso()>{text().date(&notice.date, board.date_style)}</time>
                </li>
            }
        })
        .collect_view();
    // The board's name follows "More" for screen readers ("More News & Notices", "공지사항
    // 더보기"), so the link says where it goes; on screen it is under the heading already.
    let [before, hidden, after] = (text().more_link)(&board.title);
    let more = latest.board_url.clone().map(|href| {
        view! {
            <p class="latest-more">
                <a href=href>{before}<span class="visually-hidden"><bdi>{hidden}</bdi></span>{after}</a>
            </p>
        }
    });
    let title = board.title.clone();
    view! {
        <Heading class="page-title view-heading">{title}</Heading>
        <ul class="latest-list">{items}</ul>
        {more}
    }
    .into_any()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_link_to_the_notice_page_in_the_full_board_folder() {
        let board = "https://cdn.example.go.kr/notice-board/";
        assert_eq!(
            notice_on_board(board, "66021"),
            format!("{board}notice-66021.html")
        );
        let page = "https://www.mois.go.kr/news/index.html?lang=ko#top";
        assert_eq!(
            notice_on_board(page, "7"),
            "https://www.mois.go.kr/news/notice-7.html"
        );
        assert_eq!(
            notice_on_board("https://www.mois.go.kr", "7"),
            "https://www.mois.go.kr/notice-7.html"
        );
        assert_eq!(notice_on_board("/news/", "7"), "/news/notice-7.html");
        assert_eq!(notice_on_board("news", "7"), "notice-7.html");
    }

    #[test]
    fn an_id_that_is_no_file_name_opens_through_the_query() {
        assert_eq!(
            notice_on_board("/news/", "a b/c"),
            "/news/index.html?id=a%20b%2Fc"
        );
    }
}
