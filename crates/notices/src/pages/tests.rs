use super::*;
use crate::feed::sitemaps;
use crate::prerender::{prerender, Options};
use notice_core::parse_data_file;
use std::sync::Arc;

const BASE: &str = "https://www.example.go.kr/eng/news/";

/// The sample data (with pinned notices, which lead the first list page without counting
/// to its size) and a notice whose id is not a file name, so it has no page of its own.
fn data() -> Dataset {
    let text = include_str!("../../../../public/notices.json").replacen(
        "\"id\": 99940",
        "\"id\": \"a b\"",
        1,
    );
    let data = parse_data_file(&text, "notices.json").unwrap();
    assert!(data.notices.iter().any(|n| n.id.as_str() == "a b"));
    assert!(data.notices.iter().any(|n| n.pinned));
    data
}

fn options() -> Options {
    Options {
        data_url: "notices.json".into(),
        published: None,
        base_url: Some(BASE.into()),
        feed: None,
        prerendered: Prerendered::ALL,
        today: None,
    }
}

/// What the sitemap lists, in its order, relative to the board's folder: the pages' files,
/// and `index.html?id=…` for the notices without a page.
fn sitemap_urls(data: &Dataset, prerendered: Prerendered) -> Vec<String> {
    let [(_, map)] = &sitemaps(data, BASE, prerendered)[..] else {
        panic!("one sitemap");
    };
    map.split("<loc>")
        .skip(1)
        .map(|url| url[..url.find("</loc>").unwrap()].replace(BASE, ""))
        .collect()
}

/// The pages `prerendered` writes of `data`, in their order.
fn written(data: &Dataset, prerendered: Prerendered) -> Vec<String> {
    let options = Options {
        prerendered,
        ..options()
    };
    prerender(
        include_str!("../../../../index.html"),
        Arc::new(data.clone()),
        &options,
    )
    .unwrap()
    .into_iter()
    .map(|page| page.file)
    .collect()
}

#[test]
fn prerendering_the_sitemap_and_the_cleanup_agree_on_which_pages_exist() {
    let data = data();
    let written = written(&data, Prerendered::ALL);
    let list_pages = (data.notices.len() - 1).div_ceil(data.board.page_size);
    assert_eq!(
        written.len(),
        list_pages + data.notices.len() - 1,
        "no page for “a b”"
    );
    let (listed_files, listed_views): (Vec<String>, Vec<String>) =
        sitemap_urls(&data, Prerendered::ALL)
            .into_iter()
            .partition(|url| !url.contains('?'));
    assert_eq!(
        listed_files, written,
        "the sitemap lists them, in the same order"
    );
    assert_eq!(
        listed_views,
        ["index.html?id=a%20b"],
        "and the notice without a page"
    );
    let files = SitePages::new(&data, Prerendered::ALL).files();
    for file in &written {
        for copy in ["", ".br", ".gz"] {
            assert!(
                !files.is_stale(&format!("{file}{copy}")),
                "kept: {file}{copy}"
            );
        }
    }
    let past_the_last = format!("page-{}.html", list_pages + 1);
    for old in [
        "notice-deleted.html",
        "notice-deleted.html.gz",
        &past_the_last,
    ] {
        assert!(files.is_stale(old), "removed: {old}");
    }
    for other in [
        "notices.json",
        "feed.xml",
        "sitemap.xml",
        "sitemap-2.xml",
        "main.css",
        "notice-a b.html",
        "page-1.html",
        // The published form (`notices publish`) lives beside the pages.
        "published",
        "published.json",
        "published.json.br",
        "published.json.gz",
        "published.json.tmp",
    ] {
        assert!(!files.is_stale(other), "never a page: {other}");
    }
}

#[test]
fn only_the_newest_notices_and_the_list_pages_showing_them_get_pages() {
    let data = data();
    let prerendered = Prerendered::newest(25);
    let written = written(&data, prerendered);
    let order = data.plain_order();
    let pinned = order.pinned_on_top();
    let newest: Vec<String> = order.indices()[..pinned + 25]
        .iter()
        .map(|&index| data.notices[index].id.as_str())
        .filter(|id| *id != "a b")
        .map(|id| format!("notice-{id}.html"))
        .collect();
    // Pages of 10: the 25 newest are on the first three.
    let lists = ["index.html", "page-2.html", "page-3.html"].map(String::from);
    assert_eq!(written, [&lists[..], &newest].concat());
    let urls = sitemap_urls(&data, prerendered);
    let (listed_files, listed_views): (Vec<String>, Vec<String>) =
        urls.iter().cloned().partition(|url| !url.contains('?'));
    assert_eq!(listed_files, written);
    assert_eq!(
        listed_views.len() + newest.len(),
        data.notices.len(),
        "every other notice, as a view of the list"
    );
    let oldest = &order.indices()[order.total() - 1];
    assert!(urls.contains(&format!(
        "index.html?id={}",
        data.notices[*oldest].id.as_str()
    )));
    let files = SitePages::new(&data, prerendered).files();
    assert!(
        files.is_stale("page-4.html"),
        "a page of older notices goes"
    );
    let older = data.notices[order.indices()[pinned + 25]].id.as_str();
    assert!(files.is_stale(&format!("notice-{older}.html")));
    assert!(!files.is_stale(&newest[pinned + 24 - 1]));
}

#[test]
fn each_page_is_named_as_the_app_reads_its_view_from_the_file_name() {
    let data = data();
    for page in SitePages::new(&data, Prerendered::newest(25)).iter() {
        assert_eq!(
            UrlState::from_url(&page.file, "", "", Addressing::Files),
            page.url,
            "{}",
            page.file
        );
        let shown = match &page.url.view {
            View::Notice(id) => Some(id.as_str()),
            View::List => None,
        };
        assert_eq!(page.notice.map(|n| n.id.as_str()), shown, "{}", page.file);
    }
}

#[test]
fn a_board_without_notices_still_has_its_first_page() {
    let text = r#"{ "version": 1, "board": { "title": "B" }, "notices": [] }"#;
    let data = parse_data_file(text, "notices.json").unwrap();
    let files: Vec<String> = SitePages::new(&data, Prerendered::ALL)
        .iter()
        .map(|page| page.file)
        .collect();
    assert_eq!(files, ["index.html"]);
    assert_eq!(sitemap_urls(&data, Prerendered::ALL), files);
}
