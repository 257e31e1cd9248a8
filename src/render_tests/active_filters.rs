//! The search and filters in force, each removable, above the list.

use super::{sample, Element, Html, Setup};
use crate::components::ActiveFilters;
use leptos::prelude::*;
use notice_core::listing::{ListQuery, Sort};

fn filters(setup: &Setup, query: ListQuery) -> Html {
    let data = sample();
    setup.render(move || view! { <ActiveFilters data query /> })
}

fn search_category_year() -> ListQuery {
    ListQuery {
        q: "drill".into(),
        category: Some("safety".into()),
        year: Some(2018),
        sort: Sort::default(),
        page: 2,
    }
}

/// Each chip's words and where it leads.
fn chips(html: &Html) -> Vec<(String, String)> {
    html.all("a")
        .iter()
        .map(|a| (a.text(), a.attr("href").unwrap_or_default().to_string()))
        .collect()
}

#[test]
fn each_filter_in_force_can_be_removed_alone_keeping_the_others() {
    let html = filters(
        &Setup::page("index.html", "?q=drill&category=safety&year=2018&page=2"),
        search_category_year(),
    );
    assert_eq!(
        chips(&html),
        [
            (
                "Remove Search: drill ×".into(),
                "index.html?category=safety&year=2018".into()
            ),
            (
                "Remove Category: Safety and drills ×".into(),
                "index.html?q=drill&year=2018".into()
            ),
            (
                "Remove Year: 2018 ×".into(),
                "index.html?q=drill&category=safety".into()
            ),
            ("Clear all filters".into(), "index.html".into()),
        ]
    );
}

#[test]
fn remove_is_said_to_screen_readers_and_the_cross_is_not() {
    let html = filters(&Setup::page("index.html", ""), search_category_year());
    let chip = &html.all("a")[0];
    assert!(chip.has_class("filter-tag"));
    let spans = chip.all("span");
    assert!(spans[0].has_class("visually-hidden") && spans[0].text() == "Remove");
    let cross = spans.last().unwrap();
    assert_eq!(
        (cross.attr("aria-hidden"), cross.text().as_str()),
        (Some("true"), "×")
    );
}

#[test]
fn clearing_all_filters_keeps_the_sort_order() {
    let query = ListQuery {
        sort: Sort::MostRead,
        ..search_category_year()
    };
    let html = filters(&Setup::page("index.html", ""), query);
    let clear = html
        .all("a")
        .into_iter()
        .find(|a| a.has_class("filter-clear"))
        .unwrap();
    assert_eq!(clear.attr("href"), Some("index.html?sort=most-read"));
}

#[test]
fn a_single_filter_has_no_clear_all() {
    let query = ListQuery {
        year: Some(2018),
        ..ListQuery::default()
    };
    let html = filters(&Setup::page("index.html", ""), query);
    assert_eq!(
        chips(&html),
        [("Remove Year: 2018 ×".into(), "index.html".into())]
    );
}

#[test]
fn nothing_is_shown_without_a_search_or_filter() {
    let html = filters(&Setup::page("index.html", ""), ListQuery::default());
    assert!(html.is_empty(), "{}", html.0);
}

#[test]
fn a_category_the_board_does_not_have_shows_no_chip() {
    let query = ListQuery {
        category: Some("no-such-category".into()),
        ..ListQuery::default()
    };
    let html = filters(&Setup::page("index.html", ""), query);
    assert!(html.is_empty(), "{}", html.0);
}

#[test]
fn the_filters_have_a_hidden_heading_below_the_views_heading() {
    let html = filters(&Setup::widget("").heading_level(2), search_category_year());
    let heading = html.one("h3");
    assert!(heading.has_class("visually-hidden"));
    assert_eq!(heading.text(), "Active filters");
}

#[test]
fn in_a_widget_the_chips_lead_to_the_host_page_with_the_boards_parameters() {
    let html = filters(&Setup::widget("?lang=en"), search_category_year());
    let links: Vec<String> = chips(&html).into_iter().map(|(_, href)| href).collect();
    assert_eq!(
        links[0],
        "host.html?lang=en&nb1-category=safety&nb1-year=2018"
    );
    assert_eq!(links[3], "host.html?lang=en");
}

#[test]
fn in_korean_the_chips_say_remove_after_the_filter() {
    let html = filters(
        &Setup::page("index.html", "").korean(),
        search_category_year(),
    );
    let words: Vec<String> = html.all("a").iter().map(Element::text).collect();
    assert_eq!(words[0], "검색어: drill 해제×");
    assert_eq!(words[2], "연도: 2018 해제×");
    assert_eq!(words[3], "조건 모두 해제");
}
