use super::*;
use crate::feed::sitemap;
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
        today: None,
    }
}

/// The files the sitemap lists, in its order.
fn sitemap_files(data: &Dataset) -> Vec<String> {
    sitemap(data, BASE)
        .split("<loc>")
        .skip(1)
        .map(|url| url[..url.find("</loc>").unwrap()].replace(BASE, ""))
        .collect()
}

#[test]
fn prerendering_the_sitemap_and_the_cleanup_agree_on_which_pages_exist() {
    let data = data();
    let written: Vec<String> = prerender(
        include_str!("../../../../index.html"),
        Arc::new(data.clone()),
        &options(),
    )
    .unwrap()
    .into_iter()
    .map(|page| page.file)
    .collect();
    let list_pages = (data.notices.len() - 1).div_ceil(data.board.page_size);
    assert_eq!(
        written.len(),
        list_pages + data.notices.len() - 1,
        "no page for “a b”"
    );
    assert_eq!(
        sitemap_files(&data),
        written,
        "the sitemap lists them, in the same order"
    );
    let files = SitePages::new(&data).files();
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
fn each_page_is_named_as_the_app_reads_its_view_from_the_file_name() {
    let data = data();
    for page in SitePages::new(&data).iter() {
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
    let files: Vec<String> = SitePages::new(&data).iter().map(|page| page.file).collect();
    assert_eq!(files, ["index.html"]);
    assert_eq!(sitemap_files(&data), files);
}
