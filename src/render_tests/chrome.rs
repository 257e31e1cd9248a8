//! The page chrome around the board: skip links, "Top", and headings at the board's level.

use super::Setup;
use crate::components::{BackToTop, Heading, SkipLinks};
use leptos::prelude::*;

#[test]
fn the_skip_links_lead_to_the_main_content_and_the_menu() {
    let html = Setup::page("index.html", "").render(|| view! { <SkipLinks /> });
    let links: Vec<(String, String)> = html
        .all("a")
        .iter()
        .map(|a| (a.attr("href").unwrap().to_string(), a.text()))
        .collect();
    assert_eq!(
        links,
        [
            ("#main-content".into(), "Skip to main content".into()),
            ("#main-menu".into(), "Skip to main menu".into()),
        ]
    );
    assert!(html.all("a").iter().all(|a| a.has_class("skip-link")));
}

#[test]
fn the_skip_links_speak_korean_on_a_korean_board() {
    let html = Setup::page("index.html", "")
        .korean()
        .render(|| view! { <SkipLinks /> });
    let texts: Vec<String> = html.all("a").iter().map(|a| a.text()).collect();
    assert_eq!(texts, ["본문 바로가기", "주메뉴 바로가기"]);
}

#[test]
fn top_leads_to_the_top_of_the_board() {
    let html = Setup::page("index.html", "").render(|| view! { <BackToTop /> });
    let link = html.one("a");
    assert_eq!(link.attr("href"), Some("#notice-board"));
    assert_eq!(link.text(), "Top");
    // The arrow is drawn, not read.
    assert_eq!(link.all("span")[0].attr("aria-hidden"), Some("true"));
    let korean = Setup::widget("")
        .korean()
        .render(|| view! { <BackToTop /> });
    assert_eq!(korean.one("a").text(), "맨 위로");
    assert_eq!(korean.one("a").attr("href"), Some("#notice-board"));
}

#[test]
fn the_main_heading_is_at_the_level_the_host_asks_for() {
    let setup = Setup::widget("").heading_level(3);
    let html = setup.render(|| view! { <Heading class="page-title" id="title">"x"</Heading> });
    let heading = html.one("h3");
    assert!(heading.has_class("page-title"));
    assert_eq!(heading.attr("id"), Some("title"));
    let sub = setup.render(|| view! { <Heading sub=true>"x"</Heading> });
    sub.one("h4");
}

#[test]
fn on_its_own_page_the_main_heading_is_h1_without_an_id_or_language_it_was_not_given() {
    let html = Setup::page("index.html", "").render(|| view! { <Heading>"x"</Heading> });
    let heading = html.one("h1");
    // (An absent class is rendered natively as `class=""`: harmless, so not checked.)
    assert_eq!(heading.attr("id"), None, "{}", html.0);
    assert_eq!(heading.attr("lang"), None);
}

#[test]
fn headings_go_no_deeper_than_h6() {
    let html = Setup::widget("")
        .heading_level(6)
        .render(|| view! { <Heading sub=true>"x"</Heading> });
    html.one("h6");
}
