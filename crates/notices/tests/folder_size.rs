//! The deployed folder of a board of 100,000 notices (a cross-ministry portal) stays within
//! what static hosts take: fewer than 25,000 files and less than 1 GB, the `.br` and `.gz`
//! copies of every file counted. What makes it so: the prerender step writes pages for the
//! newest notices only ([`Prerendered`]), and the published form groups notices into blocks
//! and buckets rather than a file each.
//!
//! The folder is worked out in memory, as `scripts/build` would write it: every page the
//! prerender step renders (with the stylesheet it inlines), every file of the publish, the
//! data file, and the app's own files. Each compressed copy is counted as large as gzip's
//! fastest setting makes it (the build's gzip at level 9 and brotli at 11 make smaller
//! ones), so the size is an upper bound.
//!
//! Making a board of 100,000 notices takes a while unoptimised, so this test is left out of
//! a plain `cargo test`; `scripts/test` runs it as
//! `cargo test --profile tools -p notices --test folder_size -- --ignored`.

use notice_core::dataset::MOST_PINNED_ON_TOP;
use notice_core::parse_data_file;
use notice_core::published::{publish, MOST_INDEX_FILES};
use notice_core::url_state::Prerendered;
use notices::pages::SitePages;
use notices::prerender::{prerender_each, widget_views, Options};
use std::io::Write;
use std::sync::Arc;

/// The bytes of `text` and of its two compressed copies, at most.
fn with_copies(text: &str) -> usize {
    let mut gzip = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    gzip.write_all(text.as_bytes()).unwrap();
    text.len() + 2 * gzip.finish().unwrap().len()
}

const FILE_LIMIT: usize = 25_000;
const BYTE_LIMIT: usize = 1_000_000_000;
/// Every file is written with a `.br` and a `.gz` copy.
const COPIES: usize = 3;
/// The app's own files in a build (`index.html`, the wasm and its script, the stylesheet,
/// `widget.js`, `start.js`, the schema, the favicon, the sample attachments, the feed):
/// fewer than this many, of fewer than this many bytes.
const APP_FILES: usize = 40;
const APP_BYTES: usize = 4 << 20;

/// A board of `count` notices of about 600 bytes of English and Korean prose each, every
/// tenth pinned for the first 30, in five categories over ten years.
fn board(count: usize) -> String {
    const WORDS: [&str; 12] = [
        "safety",
        "drill",
        "ministry",
        "residents",
        "shelter",
        "announced",
        "행정안전부",
        "지진",
        "대피",
        "훈련을",
        "실시합니다",
        "안내",
    ];
    let mut seed: u64 = 7;
    let mut next = move || {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (seed >> 33) as usize
    };
    let notices: Vec<String> = (0..count)
        .map(|n| {
            let body: Vec<&str> = (0..70).map(|_| WORDS[next() % WORDS.len()]).collect();
            let title: Vec<&str> = (0..6).map(|_| WORDS[next() % WORDS.len()]).collect();
            let date = format!("{}-{:02}-{:02}", 2015 + n % 10, 1 + n % 12, 1 + n % 28);
            format!(
                r#"{{"id": {id}, "title": "{title} {n}", "date": "{date}", "views": {views}, "category": "c{category}", "pinned": {pinned}, "body": "{body}"}}"#,
                id = 10_000 + n,
                title = title.join(" "),
                views = next() % 5_000,
                category = n % 5,
                pinned = n < 300 && n % 10 == 0,
                body = body.join(" "),
            )
        })
        .collect();
    format!(
        r#"{{"version": 1, "board": {{"title": "Notices", "lang": "ko"}}, "notices": [{}]}}"#,
        notices.join(",\n")
    )
}

#[test]
#[ignore = "large: run with --profile tools, as scripts/test does"]
fn a_board_of_100_000_notices_deploys_as_fewer_than_25_000_files_under_1_gb() {
    let text = board(100_000);
    let data = Arc::new(parse_data_file(&text, "notices.json").unwrap());
    assert_eq!(data.notices.len(), 100_000);
    let prerendered = Prerendered::newest(Prerendered::DEFAULT_NEWEST);

    let stylesheet = include_str!("../../../style/main.css").len();
    let options = Options {
        data_url: "notices.json".into(),
        published: Some("published.json".into()),
        base_url: Some("https://www.example.go.kr/eng/news/".into()),
        feed: Some("feed.xml".into()),
        prerendered,
        today: None,
    };
    let (mut pages, mut page_bytes) = (0, 0);
    prerender_each(
        include_str!("../../../index.html"),
        data.clone(),
        &options,
        |page| {
            pages += 1;
            page_bytes += with_copies(&page.html) + 3 * stylesheet;
            Ok(())
        },
    )
    .unwrap();
    assert_eq!(pages, SitePages::new(&data, prerendered).iter().count());
    // 1,000 notices and the pinned ones on top (five of the 30 pinned, all older), and the
    // 100 list pages of ten that show them.
    assert_eq!(pages, 1_000 + MOST_PINNED_ON_TOP + 100);
    // The widget's first views, beside the data file.
    for view in widget_views(data.clone(), "", &options) {
        pages += 1;
        page_bytes += with_copies(&view.html);
    }

    let publication = publish(&data, &text).unwrap();
    // The search index takes as many files as the board's words need, up to its most: this
    // board's words are fewer than real prose's, so the index is counted at its most.
    let index_files = (publication.files.iter())
        .filter(|file| file.name.starts_with("published/s-"))
        .count();
    assert!(index_files <= MOST_INDEX_FILES, "{index_files} index files");
    let published = publication.files.len() + 1 - index_files + MOST_INDEX_FILES;
    let published_bytes: usize = publication
        .files
        .iter()
        .chain([&publication.entry])
        .map(|file| with_copies(&file.text))
        .sum();
    // The sitemaps: two of 50,000 addresses and their index, of about 80 bytes each.
    let (sitemaps, sitemap_bytes) = (3, 100_100 * 80);

    let files = COPIES * (pages + published + 1 + sitemaps + APP_FILES);
    let bytes =
        page_bytes + published_bytes + with_copies(&text) + COPIES * (sitemap_bytes + APP_BYTES);
    println!(
        "{pages} pages ({page_bytes} bytes with copies), {published} published files \
         ({published_bytes} bytes with copies), data file {} bytes: {files} files, {bytes} \
         bytes at most",
        text.len()
    );
    assert!(files < FILE_LIMIT, "{files} files");
    assert!(bytes < BYTE_LIMIT, "{bytes} bytes");
}
