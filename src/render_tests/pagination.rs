//! The list's page links.

use super::{sample, Element, Html, Setup};
use crate::components::Pagination;
use leptos::prelude::*;
use notice_core::listing::{ListQuery, Listing};

/// The sample's plain list at 12 notices a page: 3 pages.
const PAGE_SIZE: usize = 12;

fn pagination(setup: &Setup, query: ListQuery) -> Html {
    let listing = Listing::new(&sample(), &query, PAGE_SIZE);
    assert_eq!(listing.pages, 3, "the sample makes three pages");
    setup.render(move || view! { <Pagination query listing /> })
}

fn on_page(page: usize) -> ListQuery {
    ListQuery {
        page,
        ..ListQuery::default()
    }
}

/// The numbered link whose accessible name is `label`.
fn numbered(html: &Html, label: &str) -> Element {
    let found: Vec<Element> = html
        .all("a")
        .into_iter()
        .filter(|a| a.attr("aria-label") == Some(label))
        .collect();
    assert_eq!(found.len(), 1, "one link named {label:?} in {}", html.0);
    found.into_iter().next().unwrap()
}

fn rel(html: &Html, rel: &str) -> Option<Element> {
    html.all("a")
        .into_iter()
        .find(|a| a.attr("rel") == Some(rel))
}

#[test]
fn the_other_pages_link_to_their_own_files_on_the_boards_page() {
    let html = pagination(&Setup::page("page-2.html", ""), on_page(2));
    assert_eq!(numbered(&html, "Page 1").attr("href"), Some("index.html"));
    assert_eq!(numbered(&html, "Page 3").attr("href"), Some("page-3.html"));
    assert_eq!(numbered(&html, "Page 1").text(), "1");
    assert_eq!(numbered(&html, "Page 3").text(), "3");
}

#[test]
fn only_the_current_page_is_marked_current() {
    let html = pagination(&Setup::page("page-2.html", ""), on_page(2));
    let current = html.with_attribute("aria-current", "page");
    assert_eq!(current.len(), 1, "{}", html.0);
    assert_eq!(current[0].text(), "2");
    assert_eq!(current[0].attr("aria-label"), Some("Page 2"));
    let items = html.all("li");
    let marked: Vec<String> = items
        .iter()
        .filter(|li| li.has_class("pagination-current"))
        .map(Element::text)
        .collect();
    assert_eq!(marked, ["2"]);
}

#[test]
fn the_page_numbers_come_in_order_between_previous_and_next() {
    let html = pagination(&Setup::page("page-2.html", ""), on_page(2));
    let links: Vec<String> = html.all("a").iter().map(Element::text).collect();
    assert_eq!(
        links,
        ["‹Previous page", "1", "2", "3", "Next page›"],
        "{}",
        html.0
    );
}

#[test]
fn previous_and_next_lead_to_the_neighbouring_pages() {
    let html = pagination(&Setup::page("page-2.html", ""), on_page(2));
    assert_eq!(rel(&html, "prev").unwrap().attr("href"), Some("index.html"));
    assert_eq!(
        rel(&html, "next").unwrap().attr("href"),
        Some("page-3.html")
    );
    // "page" completes the link's name for screen readers only; the arrows are not read.
    let next = rel(&html, "next").unwrap();
    let hidden = next.all("span");
    assert!(hidden
        .iter()
        .any(|s| s.has_class("visually-hidden") && s.text() == "page"));
    assert!(hidden
        .iter()
        .any(|s| s.attr("aria-hidden") == Some("true") && s.text() == "›"));
}

#[test]
fn the_first_page_has_no_previous_and_the_last_no_next() {
    let first = pagination(&Setup::page("index.html", ""), on_page(1));
    assert!(rel(&first, "prev").is_none(), "{}", first.0);
    assert_eq!(
        rel(&first, "next").unwrap().attr("href"),
        Some("page-2.html")
    );
    let last = pagination(&Setup::page("page-3.html", ""), on_page(3));
    assert!(rel(&last, "next").is_none(), "{}", last.0);
    assert_eq!(
        rel(&last, "prev").unwrap().attr("href"),
        Some("page-2.html")
    );
}

#[test]
fn the_navigation_is_named_pagination_on_the_boards_page() {
    let html = pagination(&Setup::page("page-2.html", ""), on_page(2));
    assert_eq!(html.one("nav").attr("aria-label"), Some("Pagination"));
    assert!(html.one("nav").has_class("pagination"));
}

#[test]
fn a_single_page_has_no_pagination() {
    let query = ListQuery::default();
    let listing = Listing::new(&sample(), &query, 100);
    let html = Setup::page("index.html", "").render(move || view! { <Pagination query listing /> });
    assert!(html.is_empty(), "{}", html.0);
}

#[test]
fn a_search_and_its_filters_stay_on_every_page() {
    let query = ListQuery {
        category: Some("safety".into()),
        page: 1,
        ..ListQuery::default()
    };
    let listing = Listing::new(&sample(), &query, 4);
    assert!(listing.pages >= 2);
    let html = Setup::page("index.html", "?category=safety")
        .render(move || view! { <Pagination query listing /> });
    let next = rel(&html, "next").unwrap();
    assert_eq!(next.attr("href"), Some("index.html?category=safety&page=2"));
}

#[test]
fn in_a_widget_pages_are_the_host_pages_address_with_the_boards_parameter() {
    let html = pagination(&Setup::widget("?nb1-page=2"), on_page(2));
    assert_eq!(
        numbered(&html, "Page 3").attr("href"),
        Some("host.html?nb1-page=3")
    );
    assert_eq!(numbered(&html, "Page 1").attr("href"), Some("host.html"));
    assert_eq!(
        rel(&html, "next").unwrap().attr("href"),
        Some("host.html?nb1-page=3")
    );
}

#[test]
fn in_a_widget_the_host_pages_own_parameters_stay_in_the_links() {
    let html = pagination(&Setup::widget("?lang=en&nb1-page=2"), on_page(2));
    assert_eq!(
        numbered(&html, "Page 3").attr("href"),
        Some("host.html?lang=en&nb1-page=3")
    );
}

#[test]
fn in_a_widget_the_navigation_is_named_after_its_board() {
    let html = pagination(
        &Setup::widget("?nb1-page=2").named("Press releases"),
        on_page(2),
    );
    assert_eq!(
        html.one("nav").attr("aria-label"),
        Some("Pagination: Press releases")
    );
}

#[test]
fn in_korean_the_pages_are_named_and_the_current_one_says_so() {
    let html = pagination(&Setup::page("page-2.html", "").korean(), on_page(2));
    assert_eq!(numbered(&html, "1 페이지").attr("href"), Some("index.html"));
    assert_eq!(
        numbered(&html, "3 페이지").attr("href"),
        Some("page-3.html")
    );
    let current = numbered(&html, "2 페이지, 현재 페이지");
    assert_eq!(current.attr("aria-current"), Some("page"));
    assert_eq!(html.one("nav").attr("aria-label"), Some("페이지 이동"));
    assert_eq!(rel(&html, "prev").unwrap().text(), "‹이전 페이지");
    assert_eq!(rel(&html, "next").unwrap().text(), "다음 페이지›");
}

#[test]
fn in_a_korean_widget_the_navigation_is_named_after_its_board() {
    let setup = Setup::widget("?nb1-page=2").korean().named("보도자료");
    let html = pagination(&setup, on_page(2));
    assert_eq!(
        html.one("nav").attr("aria-label"),
        Some("보도자료 페이지 이동")
    );
}

#[test]
fn many_pages_keep_the_first_and_last_reachable_and_the_gaps_are_not_read() {
    let query = on_page(6);
    let listing = Listing::new(&sample(), &query, 3);
    let last = listing.pages;
    assert!(last >= 10, "enough pages for two gaps: {last}");
    let html =
        Setup::page("page-6.html", "").render(move || view! { <Pagination query listing /> });
    let numbers: Vec<String> = html
        .all("li")
        .iter()
        .filter(|li| li.has_class("pagination-item") || li.has_class("pagination-gap"))
        .map(Element::text)
        .collect();
    assert_eq!(numbers.first().map(String::as_str), Some("1"));
    assert_eq!(numbers.last(), Some(&last.to_string()));
    assert!(numbers.len() <= 7, "{numbers:?}");
    let gaps: Vec<Element> = html
        .all("li")
        .into_iter()
        .filter(|li| li.has_class("pagination-gap"))
        .collect();
    assert_eq!(gaps.len(), 2, "{}", html.0);
    assert!(gaps
        .iter()
        .all(|gap| gap.attr("aria-hidden") == Some("true")));
    let to_last = numbered(&html, &format!("Page {last}"));
    assert_eq!(
        to_last.attr("href"),
        Some(format!("page-{last}.html").as_str())
    );
}
