use super::*;
use crate::parse_data_file;
use serde_json::json;

const EN: &Text = &crate::i18n::en::TEXT;
const KO: &Text = &crate::i18n::ko::TEXT;

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
    assert_eq!(screen("").title(EN), "News & Notices – Ministry");
    assert_eq!(
        screen("?id=1").title(EN),
        "Earthquake drill – News & Notices – Ministry"
    );
    assert_eq!(
        screen("?id=9").title(EN),
        "Notice not found – News & Notices – Ministry"
    );
    let failed = Screen::new(
        &Load::Failed(LoadError::Network { url: "n".into() }),
        &UrlState::list(),
        None,
    );
    assert!(failed.title(EN).starts_with("Error: "));
}

#[test]
fn list_titles_name_the_search_and_the_page() {
    let many = |query: &str| Screen::new(&ready(25), &UrlState::from_query(query, ""), None);
    assert_eq!(
        many("?page=2").title(EN),
        "News & Notices (page 2 of 3) – Ministry"
    );
    assert_eq!(
        many("?q=notice").title(EN),
        "Search results for “notice” – News & Notices (page 1 of 3) – Ministry"
    );
}

#[test]
fn breadcrumb_ends_with_the_board_or_the_notice() {
    let labels = |screen: Screen| -> Vec<String> {
        screen
            .breadcrumb(EN)
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
        screen("").status(EN),
        "Showing 1 notice. 1 notice could not be shown."
    );
    assert_eq!(screen("?id=1").status(EN), "");
    assert_eq!(
        Screen::new(&Load::Loading, &UrlState::list(), None).status(EN),
        "Loading notices…"
    );
    let many =
        |query: &str| Screen::new(&ready(245), &UrlState::from_query(query, ""), None).status(EN);
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
        refined.status(EN),
        "Showing 1–10 of 11 notices. 1 notice could not be shown."
    );
    // The refining path really runs: given "previous matches" that leave notices out (the
    // listing of a smaller board), the search typed further looks only among them.
    let Load::Ready(data) = &load else {
        panic!("the board loads")
    };
    let Load::Ready(small) = ready(5) else {
        panic!("the board loads")
    };
    let notice = ListQuery {
        q: "notice".into(),
        ..ListQuery::default()
    };
    let partial = Screen::List(ListScreen {
        data: Shared(data.clone()),
        listing: Arc::new(Listing::new(&small, &notice, 10)),
        query: notice,
    });
    let from_partial = at("?q=notice+2", Some(&partial));
    assert_eq!(
        from_partial.status(EN),
        "Showing 2 notices. 1 notice could not be shown."
    );
}

#[test]
fn an_unknown_id_is_not_found() {
    assert!(
        matches!(screen("?id=404"), Screen::NotFound(NotFoundScreen { id, .. }) if id == "404")
    );
}

#[test]
fn the_list_view_stays_while_its_query_changes() {
    let load = ready(1);
    let at = |query: &str| Screen::new(&load, &UrlState::from_query(query, ""), None);
    assert_eq!(at("?q=a").kind(), ViewKind::List);
    assert_eq!(at("?q=a").kind(), at("?page=3").kind());
    assert_eq!(at("?id=1").kind(), ViewKind::Notice(0));
    // The screen itself changes with the query, so the list follows it.
    assert_eq!(at("?q=a"), at("?q=a"));
    assert_ne!(at("?q=a"), at("?q=b"));
}

#[test]
fn screens_of_two_loads_differ_even_when_the_files_are_alike() {
    // Data sets compare by identity: a file loaded again ("Try again") is a new screen.
    assert_ne!(screen("?q=a"), screen("?q=a"));
}

fn with_categories(query: &str, previous: Option<&Screen>) -> Screen {
    let notices: Vec<_> = (1..=25)
        .map(|n| json!({ "id": n, "title": format!("Safety drill {n}"), "date": "2020-01-01", "views": n, "body": "", "category": if n % 2 == 0 { "safety" } else { "press" } }))
        .collect();
    let text = json!({
        "version": 1,
        "board": { "title": "News & Notices", "siteName": "Ministry",
            "categories": { "safety": "Safety", "press": "Press releases", "jobs": "Jobs" } },
        "notices": notices
    });
    let load = Load::Ready(Arc::new(
        parse_data_file(&text.to_string(), "n.json").unwrap(),
    ));
    Screen::new(&load, &UrlState::from_query(query, ""), previous)
}

#[test]
fn filtered_lists_name_their_filters_in_the_title() {
    assert_eq!(
        with_categories("?category=safety&year=2020", None).title(EN),
        "Category: Safety, Year: 2020 – News & Notices (page 1 of 2) – Ministry"
    );
    assert_eq!(
        with_categories("?q=drill&category=press", None).title(EN),
        "Search results for “drill” (Category: Press releases) – News & Notices (page 1 of 2) – Ministry"
    );
    assert_eq!(
        with_categories("?q=drill&category=press", None).title(KO),
        "“drill” 검색 결과 (분류: Press releases) – News & Notices (2쪽 중 1쪽) – Ministry"
    );
}

#[test]
fn a_search_the_filters_exclude_says_the_filters_cause_it() {
    // "drill" matches 25 notices, but none from 1999.
    let screen = with_categories("?q=drill&year=1999", None);
    assert_eq!(
        screen.status(EN),
        "25 notices match “drill”, but not with these filters."
    );
    assert_eq!(
        screen.status(KO),
        "“drill” 검색 결과 25건이 있으나, 선택한 조건에 맞는 공지사항은 없습니다."
    );
    assert_eq!(
        with_categories("?q=xyz&year=1999", None).status(EN),
        "No notices match “xyz”."
    );
}

#[test]
fn changing_the_sort_says_the_new_order_before_the_count() {
    let before = with_categories("?page=2", None);
    let sorted = with_categories("?sort=oldest", Some(&before));
    assert_eq!(
        sorted.status_after(Some(&before), EN),
        "Sorted by oldest first. Showing 1–10 of 25 notices."
    );
    assert_eq!(
        sorted.status_after(Some(&before), KO),
        "오래된순으로 정렬했습니다. 전체 25건 중 1–10번째"
    );
    let paged = with_categories("?sort=oldest&page=2", Some(&sorted));
    assert_eq!(
        paged.status_after(Some(&sorted), EN),
        "Showing 11–20 of 25 notices."
    );
}

#[test]
fn korean_boards_count_in_korean_and_not_found_is_not_announced() {
    assert_eq!(
        with_categories("", None).status(KO),
        "전체 25건 중 1–10번째"
    );
    assert_eq!(
        with_categories("?q=drill+2", None).status(KO),
        "검색 결과 8건"
    );
    assert_eq!(screen("?id=9").status(EN), "");
    assert_eq!(screen("?id=9").status(KO), "");
    assert_eq!(
        screen("?id=9").title(KO),
        "공지사항을 찾을 수 없습니다 – News & Notices – Ministry"
    );
    assert_eq!(
        Screen::new(&Load::Loading, &UrlState::list(), None).status(KO),
        "공지사항을 불러오는 중입니다."
    );
}
