//! "HOME > What's New > News & Notices" above the board.

use super::{Element, Html, Setup};
use crate::components::Breadcrumb;
use leptos::prelude::*;
use notice_core::screen::Crumb;
use notice_core::NavLink;

fn trail() -> Vec<Crumb> {
    let link = |label: &str, url: &str| {
        Crumb::Link(NavLink {
            label: label.into(),
            url: url.into(),
            current: false,
        })
    };
    vec![
        link("HOME", "https://www.example.go.kr/eng/"),
        link("What's New", "https://www.example.go.kr/eng/new.do"),
        Crumb::List("News & Notices".into()),
        Crumb::Current("Earthquake Drill".into()),
    ]
}

fn breadcrumb(setup: &Setup, crumbs: Vec<Crumb>) -> Html {
    setup.render(move || view! { <Breadcrumb crumbs=Signal::stored(crumbs) /> })
}

#[test]
fn every_item_but_the_last_is_a_link_in_order() {
    let html = breadcrumb(&Setup::page("notice-7.html", ""), trail());
    let items: Vec<String> = html.all("li").iter().map(Element::text).collect();
    assert_eq!(
        items,
        ["HOME", "What's New", "News & Notices", "Earthquake Drill"]
    );
    let links: Vec<(String, Option<String>)> = html
        .all("a")
        .iter()
        .map(|a| (a.text(), a.attr("href").map(str::to_string)))
        .collect();
    assert_eq!(
        links,
        [
            ("HOME".into(), Some("https://www.example.go.kr/eng/".into())),
            (
                "What's New".into(),
                Some("https://www.example.go.kr/eng/new.do".into())
            ),
            ("News & Notices".into(), Some("index.html".into())),
        ]
    );
}

#[test]
fn the_current_page_is_announced_as_current_and_is_not_a_link() {
    let html = breadcrumb(&Setup::page("notice-7.html", ""), trail());
    let current = html.with_attribute("aria-current", "page");
    assert_eq!(current.len(), 1, "{}", html.0);
    assert_eq!(current[0].tag, "span");
    assert_eq!(current[0].text(), "Earthquake Drill");
    let last = html.all("li").pop().unwrap();
    assert!(last.all("a").is_empty(), "{}", last.inner.0);
}

#[test]
fn the_list_link_returns_to_the_list_as_it_was_left() {
    let html = breadcrumb(&Setup::page("notice-7.html", "?q=drill&page=2"), trail());
    let list = html
        .all("a")
        .into_iter()
        .find(|a| a.text() == "News & Notices")
        .unwrap();
    assert_eq!(list.attr("href"), Some("index.html?q=drill&page=2"));
}

#[test]
fn the_trail_is_an_ordered_list_in_a_named_navigation() {
    let html = breadcrumb(&Setup::page("index.html", ""), trail());
    let nav = html.one("nav");
    assert_eq!(nav.attr("aria-label"), Some("Breadcrumb"));
    assert_eq!(nav.all("ol").len(), 1);
    let korean = breadcrumb(&Setup::page("index.html", "").korean(), trail());
    assert_eq!(korean.one("nav").attr("aria-label"), Some("현재 위치"));
}

#[test]
fn a_title_in_another_language_is_marked_as_such_in_the_trail() {
    let mut crumbs = trail();
    crumbs.pop();
    crumbs.push(Crumb::Current("지진 대피 훈련".into()));
    let html = breadcrumb(&Setup::page("notice-7.html", ""), crumbs);
    let current = &html.with_attribute("aria-current", "page")[0];
    assert_eq!(current.attr("dir"), Some("auto"));
    assert_eq!(current.one_lang(), Some("ko".to_string()));
}
