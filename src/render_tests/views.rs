//! The views shown instead of the board: loading, not found, and the error.

use super::{sample, Setup};
use crate::views::{ErrorView, LoadingView, NotFound};
use leptos::prelude::*;
use notice_core::LoadError;

#[test]
fn a_missing_notice_says_so_and_leads_back_to_the_list() {
    let html = Setup::page("notice-999.html", "?q=drill")
        .render(|| view! { <NotFound id="999".to_string() /> });
    assert_eq!(html.one("h1").text(), "Notice not found");
    assert!(html.text().contains("999"), "{}", html.0);
    let back = html.one("a");
    assert_eq!(back.text(), "See all notices");
    assert_eq!(back.attr("href"), Some("index.html?q=drill"));
    assert!(back.has_class("button-link"));
}

#[test]
fn a_missing_notice_in_a_korean_widget_heads_at_the_hosts_level() {
    let html = Setup::widget("?nb1-id=999")
        .korean()
        .heading_level(2)
        .render(|| view! { <NotFound id="999".to_string() /> });
    assert_eq!(html.one("h2").text(), "공지사항을 찾을 수 없습니다");
    assert_eq!(html.one("a").attr("href"), Some("host.html"));
}

fn not_found_error() -> LoadError {
    LoadError::NotFound {
        url: "notices.json".into(),
        status: 404,
    }
}

#[test]
fn a_failed_load_explains_offers_to_try_again_and_keeps_the_details() {
    let html = Setup::page("index.html", "")
        .render(|| view! { <ErrorView error=not_found_error() on_retry=|| () /> });
    assert_eq!(
        html.one("h1").text(),
        "Sorry, the notices could not be loaded"
    );
    let summary = html
        .all("div")
        .into_iter()
        .find(|div| div.has_class("error-summary"))
        .unwrap();
    assert_eq!(summary.all("p").len(), 2);
    assert!(summary.text().contains("not found"), "{}", html.0);
    let retry = html.one("button");
    assert_eq!(retry.attr("type"), Some("button"));
    assert_eq!(retry.text(), "Try again");
    assert_eq!(html.one("summary").text(), "Details for the web team");
    let details = html.one("ul");
    assert!(details.text().contains("notices.json"));
    // English already: no language mark.
    assert_eq!(details.attr("lang"), None);
}

#[test]
fn in_korean_the_error_is_explained_in_korean_and_the_details_are_marked_english() {
    let html = Setup::page("index.html", "")
        .korean()
        .render(|| view! { <ErrorView error=not_found_error() on_retry=|| () /> });
    assert_eq!(html.one("button").text(), "다시 시도");
    assert_eq!(html.one("ul").attr("lang"), Some("en"));
}

#[test]
fn while_loading_the_board_shows_its_title_and_says_it_is_loading() {
    let board = sample().board.clone();
    let html = Setup::page("index.html", "").render(move || view! { <LoadingView board /> });
    assert_eq!(html.one("h1").text(), "News & Notices");
    let loading = html.one("p");
    assert!(loading.has_class("loading"));
    assert_eq!(loading.text(), "Loading notices…");
    let korean = Setup::page("index.html", "")
        .korean()
        .render(move || view! { <LoadingView board=sample().board.clone() /> });
    assert_eq!(korean.one("p").text(), "공지사항을 불러오는 중입니다.");
}
