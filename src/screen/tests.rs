use super::*;
use crate::model::parse_data_file;
use serde_json::json;

fn ready(count: usize) -> Load {
    let mut notices = vec![
        json!({ "id": 1, "title": "Earthquake drill", "date": "2018-05-14", "views": 2131, "body": "" }),
        json!({ "id": 2, "title": "Bad", "date": "someday", "views": 1, "body": "" }),
    ];
    for n in 3..count + 2 {
        notices.push(json!({ "id": n, "title": format!("Notice {n}"), "date": "2020-01-01", "views": n, "body": "" }));
    }
    let text = json!({
        "version": 1,
        "board": { "title": "News & Notices", "siteName": "Ministry", "breadcrumb": [
            { "label": "HOME", "url": "/" }, { "label": "What's New", "url": "/new/" }
        ]},
        "notices": notices
    });
    Load::Ready(Arc::new(
        parse_data_file(&text.to_string(), "n.json").unwrap(),
    ))
}

fn screen(query: &str) -> Screen {
    Screen::new(&ready(1), &UrlState::from_query(query, ""), None)
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
        None,
    );
    assert!(failed.title().starts_with("Error: "));
}

#[test]
fn list_titles_name_the_search_and_the_page() {
    let many = |query: &str| Screen::new(&ready(25), &UrlState::from_query(query, ""), None);
    assert_eq!(
        many("?page=2").title(),
        "News & Notices (page 2 of 3) – Ministry"
    );
    assert_eq!(
        many("?q=notice").title(),
        "Search results for “notice” – News & Notices (page 1 of 3) – Ministry"
    );
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
fn status_counts_results_and_reports_skipped_notices() {
    assert_eq!(
        screen("").status(),
        "Showing 1 notice. 1 notice could not be shown."
    );
    assert_eq!(screen("?id=1").status(), "");
    assert_eq!(
        Screen::new(&Load::Loading, &UrlState::list(), None).status(),
        "Loading notices…"
    );
    let many =
        |query: &str| Screen::new(&ready(245), &UrlState::from_query(query, ""), None).status();
    assert_eq!(
        many("?page=2"),
        "Showing 11–20 of 245 notices. 1 notice could not be shown."
    );
    assert_eq!(
        many("?q=xyz"),
        "No notices match “xyz”. 1 notice could not be shown."
    );
    assert_eq!(
        many("?year=1999"),
        "No notices match these filters. 1 notice could not be shown."
    );
}

#[test]
fn a_search_typed_further_refines_the_previous_listing() {
    let load = ready(30);
    let at = |query: &str, previous: Option<&Screen>| {
        Screen::new(&load, &UrlState::from_query(query, ""), previous)
    };
    let first = at("?q=notice", None);
    let refined = at("?q=notice+2", Some(&first));
    assert_eq!(refined, at("?q=notice+2", None));
    assert_eq!(
        refined.status(),
        "Showing 1–10 of 11 notices. 1 notice could not be shown."
    );
}

#[test]
fn an_unknown_id_is_not_found() {
    assert!(matches!(screen("?id=404"), Screen::NotFound { id, .. } if id == "404"));
}

#[test]
fn the_list_view_stays_while_its_query_changes() {
    assert_eq!(screen("?q=a").kind(), screen("?page=3").kind());
    assert_ne!(screen("?q=a"), screen("?q=b"));
}
