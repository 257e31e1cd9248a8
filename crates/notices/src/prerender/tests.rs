use super::*;
use notice_core::format::escape_markup;
use notice_core::parse_data_file;
use notice_core::url_state::{Prerendered, View};

/// The shape of the built `index.html` that matters here.
const TEMPLATE: &str = r#"<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <!--page-head-->
  <title>Placeholder</title>
  <meta name="description" content="Placeholder">
  <!--/page-head-->
  <link rel="preload" href="notices.json" as="fetch" crossorigin="anonymous">
</head>
<body>
  <div id="notice-board" data-notice-board="page" data-src="notices.json"><!--board-->
    <p>Loading notices…</p>
  <!--/board--></div>
</body>
</html>"#;

fn sample() -> Arc<Dataset> {
    let text = include_str!("../../../../public/notices.json");
    Arc::new(parse_data_file(text, "notices.json").expect("the sample data file is valid"))
}

fn options() -> Options {
    Options {
        data_url: "notices.json".into(),
        published: None,
        base_url: Some("https://www.example.go.kr/eng/news".into()),
        feed: Some("feed.xml".into()),
        prerendered: Prerendered::ALL,
        today: None,
    }
}

/// The page written as `file`, without the empty comments (`<!>`) the view machinery leaves
/// between pieces of text: no reader sees them.
fn page(pages: &[PrerenderedPage], file: &str) -> String {
    let html = &pages.iter().find(|p| p.file == file).expect(file).html;
    html.replace("<!>", "")
}

#[test]
fn writes_every_list_page_and_every_notice() {
    let data = sample();
    let pages = prerender(TEMPLATE, data.clone(), &options()).unwrap();
    let list_pages = data.notices.len().div_ceil(data.board.page_size);
    assert_eq!(pages.len(), list_pages + data.notices.len());
    assert_eq!(pages[0].file, "index.html");
    assert_eq!(pages[1].file, "page-2.html");
    let newest = &data.notices[0];
    let notice = page(&pages, &format!("notice-{}.html", newest.id.as_str()));
    assert!(notice.contains(&format!("<title>{} – ", escape_markup(&newest.title))));
    assert!(notice.contains(&format!(
        "<link rel=\"canonical\" href=\"https://www.example.go.kr/eng/news/notice-{}.html\">",
        newest.id.as_str()
    )));
    assert!(notice.contains("<meta property=\"og:type\" content=\"article\">"));
}

#[test]
fn the_board_replaces_the_first_paint_and_is_marked_prerendered() {
    let pages = prerender(TEMPLATE, sample(), &options()).unwrap();
    let index = page(&pages, "index.html");
    assert!(!index.contains("Loading notices…"));
    assert!(!index.contains("Placeholder"));
    assert!(index.contains("data-notice-board=\"page\" data-prerendered data-lang=\"en\" data-feed=\"feed.xml\" data-src=\"notices.json\""));
    // Links are the prerendered files, so they work without JavaScript.
    assert!(index.contains("href=\"page-2.html\""));
    assert!(index.contains("href=\"notice-"));
    assert!(index.contains("Skip to main content"));
    assert!(index.contains("<nav") && index.contains("News &amp; Notices"));
    // Still one head and one body.
    assert_eq!(index.matches("<head>").count(), 1);
    assert_eq!(index.matches("<title>").count(), 1);
    assert_eq!(index.matches("name=\"description\"").count(), 1);
}

#[test]
fn every_page_is_first_painted_with_its_board_whole() {
    // A part of the board painted before the rest arrives could move when it does.
    let pages = prerender(TEMPLATE, sample(), &options()).unwrap();
    for page in &pages {
        let head = &page.html[..page.html.find("<body").unwrap()];
        let body = &page.html[head.len()..];
        assert!(
            head.contains("<link rel=\"expect\" href=\"#site-footer\" blocking=\"render\">"),
            "{}",
            page.file
        );
        // Rendering waits for the footer, after the board: it is there, once.
        assert_eq!(
            body.matches("id=\"site-footer\"").count(),
            1,
            "{}",
            page.file
        );
        assert!(body.find("id=\"site-footer\"") > body.find("id=\"main-content\""));
    }
}

#[test]
fn text_from_the_data_is_escaped() {
    let text = include_str!("../../../../public/notices.json").replacen(
        "\"title\": \"",
        "\"title\": \"<script>alert(1)</script> \\\" ",
        1,
    );
    let data = Arc::new(parse_data_file(&text, "notices.json").unwrap());
    let pages = prerender(TEMPLATE, data, &options()).unwrap();
    for page in &pages {
        assert!(!page.html.contains("<script>alert"), "{}", page.file);
    }
}

#[test]
fn the_head_escapes_what_the_data_says_in_text_and_attributes() {
    let mut data = Arc::unwrap_or_clone(sample());
    data.board.site_name = "A \"quoted\" <b>site</b> & co".into();
    let pages = prerender(TEMPLATE, Arc::new(data), &options()).unwrap();
    let index = page(&pages, "index.html");
    let head = &index[..index.find("</head>").unwrap()];
    assert!(head.contains(
        "<meta property=\"og:site_name\" content=\"A &quot;quoted&quot; &lt;b&gt;site&lt;/b&gt; &amp; co\">"
    ));
    assert!(
        head.contains("&lt;b&gt;site&lt;/b&gt; &amp; co</title>"),
        "{head}"
    );
    assert!(!head.contains("<b>"), "{head}");
}

#[test]
fn prerendering_a_prerendered_page_again_gives_the_same_page() {
    let first = prerender(TEMPLATE, sample(), &options()).unwrap();
    let again = prerender(&first[0].html, sample(), &options()).unwrap();
    assert_eq!(again[0].html, first[0].html);
    assert_eq!(again[3].html, first[3].html);
}

#[test]
fn a_page_that_is_not_the_built_index_is_refused() {
    let error = prerender("<html><body>hello</body></html>", sample(), &options())
        .err()
        .unwrap();
    assert!(error.contains("index.html has no"), "{error}");
}

#[test]
fn descriptions_are_short_and_whole_words() {
    let data = sample();
    let mut cut = 0;
    for notice in &data.notices {
        let url = UrlState::list().with_view(View::Notice(notice.id.as_str().into()));
        let screen = Screen::new(&Load::Ready(data.clone()), &url, None);
        let description = describe(&screen, notice_core::i18n::Locale::En.text());
        assert!(description.chars().count() <= DESCRIPTION_CHARS);
        assert!(!description.contains('\n'));
        // A description is the text itself, or its start cut after a whole word, with "…".
        let text = notice.body.split_whitespace().collect::<Vec<_>>().join(" ");
        if description != text {
            cut += 1;
            let start = description.strip_suffix('…').expect(&description);
            assert!(text.starts_with(start), "{description}");
            assert!(
                text[start.len()..].starts_with(' '),
                "ends in a cut word: {description}"
            );
        }
    }
    assert!(cut > 0, "the sample has bodies longer than a description");
}

#[test]
fn stylesheets_go_into_the_page_and_can_be_refreshed() {
    let page = r#"<head><link rel="stylesheet" href="./main-1a.css" integrity="sha384-x"/><link rel="icon" href="favicon.svg"></head>"#;
    let css = |href: &str| (href == "./main-1a.css").then(|| "body { color: red }".to_string());
    let inlined = inline_stylesheets(page, css);
    assert_eq!(
        inlined,
        r#"<head><style data-href="./main-1a.css">body { color: red }</style><link rel="icon" href="favicon.svg"></head>"#
    );
    let newer = |_: &str| Some("body { color: blue }".to_string());
    assert!(inline_stylesheets(&inlined, newer)
        .contains("<style data-href=\"./main-1a.css\">body { color: blue }</style>"));
    // A stylesheet that cannot be read stays a link.
    assert_eq!(inline_stylesheets(page, |_| None), page);
}

#[test]
fn without_the_public_url_there_is_no_canonical_link() {
    let options = Options {
        base_url: None,
        ..options()
    };
    let pages = prerender(TEMPLATE, sample(), &options).unwrap();
    assert!(!pages[0].html.contains("rel=\"canonical\""));
    assert!(!pages[0].html.contains("og:url"));
}

#[test]
fn every_page_links_to_the_feed() {
    let pages = prerender(TEMPLATE, sample(), &options()).unwrap();
    for page in &pages {
        assert!(page.html.contains("<link rel=\"alternate\" type=\"application/atom+xml\" title=\"News &amp; Notices – Ministry of the Interior and Safety (Atom feed)\" href=\"feed.xml\">"), "{}", page.file);
        assert!(
            page.html
                .contains("data-prerendered data-lang=\"en\" data-feed=\"feed.xml\""),
            "{}",
            page.file
        );
    }
    assert!(page(&pages, "index.html").contains(">Subscribe to new notices</a>"));
    let without = Options {
        feed: None,
        ..options()
    };
    let again = prerender(&pages[0].html, sample(), &without).unwrap();
    assert!(!again[0].html.contains("data-feed"));
    assert!(!again[0].html.contains("Subscribe"));
    assert_eq!(again[0].html.matches("data-lang=").count(), 1);
}

#[test]
fn every_page_names_the_published_board_beside_the_data_file() {
    let published = Options {
        published: Some("published.json".into()),
        ..options()
    };
    let pages = prerender(TEMPLATE, sample(), &published).unwrap();
    for page in &pages {
        assert!(
            page.html.contains("data-feed=\"feed.xml\" data-published=\"published.json\" data-src=\"notices.json\""),
            "{}",
            page.file
        );
    }
    // Prerendering again replaces the mark, or leaves it out for a board not published.
    let again = prerender(&pages[0].html, sample(), &published).unwrap();
    assert_eq!(again[0].html.matches("data-published=").count(), 1);
    let unpublished = prerender(&pages[0].html, sample(), &options()).unwrap();
    assert!(!unpublished[0].html.contains("data-published"));
}

#[test]
fn links_images_and_files_on_other_sites_are_shown_as_such_on_the_page() {
    let body = r#"<p><a href="\\evil.example/" target="_blank">a</a> <a href="/\evil.example/">b</a> <a href="\/evil.example/">c</a> <a href="http:\\evil.example/">d</a> <a href="http:evil.example/">e</a> <a href="files/own.pdf">own</a> <img src="\\cdn.example/p.png" alt="Map"></p>"#;
    let notice = serde_json::json!({
        "id": "links", "title": "Links", "date": "2024-01-01", "views": 1,
        "bodyFormat": "html", "body": body,
        "attachments": [
            { "name": "invoice.pdf", "url": r"\\evil.example/invoice.pdf", "size": 10 },
            { "name": "guide.pdf", "url": "files/guide.pdf", "size": 10 }
        ]
    });
    let text = serde_json::json!({ "version": 1, "board": { "title": "B" }, "notices": [notice] });
    let data = Arc::new(parse_data_file(&text.to_string(), "notices.json").unwrap());
    let pages = prerender(TEMPLATE, data, &options()).unwrap();
    let html = page(&pages, "notice-links.html");
    let link = |href: &str| {
        let start = html.find(&format!("href=\"{href}\"")).expect(href);
        let tag_start = html[..start].rfind('<').unwrap();
        &html[tag_start..start + html[start..].find('>').unwrap()]
    };
    for href in ["//evil.example/", "http://evil.example/"] {
        assert!(
            link(href).contains("rel=\"noopener noreferrer\""),
            "{}",
            link(href)
        );
    }
    assert_eq!(html.matches("rel=\"noopener noreferrer\"").count(), 6);
    assert!(link("//evil.example/").contains("target=\"_blank\""));
    assert!(!link("files/own.pdf").contains("rel="));
    assert!(html.contains("src=\"https://cdn.example/p.png\""));
    assert!(html.contains("referrerpolicy=\"no-referrer\""));
    // The file on another site says where it is, and is not offered as the board's download.
    let invoice = link("//evil.example/invoice.pdf");
    assert!(!invoice.contains("download"), "{invoice}");
    assert!(html.contains(
        "<bdi>invoice.pdf</bdi><span class=\"attachment-facts\"> (PDF, 10 bytes, on evil.example)"
    ));
    assert!(link("files/guide.pdf").contains("download"));
}

#[test]
fn never_writes_two_pages_whose_names_differ_only_in_case() {
    // The reader leaves such a notice out; a data set made another way is refused.
    let mut notices = sample().notices.clone();
    notices.truncate(2);
    notices[0].id = notice_core::NoticeId("Case".into());
    notices[1].id = notice_core::NoticeId("case".into());
    let data = Arc::new(Dataset::new(sample().board.clone(), notices, Vec::new()));
    let error = prerender(TEMPLATE, data, &options())
        .err()
        .expect("refused");
    assert!(
        error.contains("notice-Case.html and notice-case.html")
            || error.contains("notice-case.html and notice-Case.html"),
        "{error}"
    );
}

#[test]
fn titles_and_file_names_read_in_the_order_they_are_written() {
    let text = include_str!("../../../../public/notices.json")
        .replacen(
            "\"name\": \"Earthquake action guide (English).pdf\"",
            "\"name\": \"invoice\\u202Efdp.exe\"",
            1,
        )
        .replacen(
            "\"url\": \"files/earthquake-action-guide.pdf\",\n          \"size\": 665,\n          \"type\": \"PDF\"",
            "\"url\": \"files/invoice.exe\", \"size\": 665",
            1,
        )
        .replacen("\"Korean Delegation", "\"Pay now \\u202Eelif.exe\\u2066 Korean Delegation", 1)
        .replacen("\"Take Part in the", "\"إعلان هام Take Part in the", 2);
    let data = Arc::new(parse_data_file(&text, "notices.json").unwrap());
    let pages = prerender(TEMPLATE, data.clone(), &options()).unwrap();
    let reorders = |c: char| matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}');
    for page in &pages {
        // No override or embedding is left; isolates only as our own pair in <title>.
        let outside_title = page
            .html
            .replacen("\u{2068}", "", 1)
            .replacen("\u{2069}", "", 1);
        assert!(!outside_title.contains(reorders), "{}", page.file);
    }
    let with_file = data
        .notices
        .iter()
        .find(|n| n.attachments.iter().any(|a| a.name.starts_with("invoice")))
        .unwrap();
    let html = page(&pages, &format!("notice-{}.html", with_file.id.as_str()));
    // What a reader sees: the name as written, its real extension last, and the type it says.
    assert!(
        html.contains("<bdi>invoicefdp.exe</bdi><span class=\"attachment-facts\"> (EXE"),
        "{html}"
    );
    let titled = data
        .notices
        .iter()
        .find(|n| n.title.starts_with("Pay now"))
        .unwrap();
    assert!(titled
        .title
        .starts_with("Pay now elif.exe Korean Delegation"));
    // Right-to-left titles are isolated wherever they appear: list rows, h1, breadcrumb,
    // previous/next, and the document title.
    let arabic = data
        .notices
        .iter()
        .find(|n| n.title.starts_with("إعلان"))
        .unwrap();
    let html = page(&pages, &format!("notice-{}.html", arabic.id.as_str()));
    let title = escape_markup(&arabic.title);
    assert!(
        html.contains(&format!(
            "<title>\u{2068}{title}\u{2069} – News &amp; Notices"
        )),
        "{html}"
    );
    assert!(html.contains(&format!("<bdi>{title}</bdi></h1>")), "h1");
    assert!(
        html.contains(&format!(
            "<span aria-current=\"page\" dir=\"auto\">{title}</span>"
        )),
        "breadcrumb"
    );
    assert!(
        pages
            .iter()
            .any(|p| !p.file.starts_with("notice-") && p.html.contains("<span dir=\"auto\">إعلان")),
        "list row"
    );
    assert!(
        pages.iter().any(|p| p
            .html
            .contains("<span dir=\"auto\" class=\"pager-title\">إعلان")),
        "pager"
    );
}

#[test]
fn a_very_long_word_in_a_body_can_break_every_few_dozen_letters() {
    // Browsers lay out one unbroken word in time that grows with the square of its length.
    let word = "A".repeat(1_000);
    let notice = |id: &str, format: &str, body: &str| {
        serde_json::json!({ "id": id, "title": id, "date": "2024-01-01", "views": 1,
            "bodyFormat": format, "body": body })
    };
    let notices = [
        notice("html", "html", &format!("<p>{word}</p>")),
        notice(
            "text",
            "text",
            &format!("Before {word} after https://example.go.kr/{word}"),
        ),
    ];
    let text = serde_json::json!({ "version": 1, "board": { "title": "B" }, "notices": notices });
    let data = Arc::new(parse_data_file(&text.to_string(), "notices.json").unwrap());
    let pages = prerender(TEMPLATE, data, &options()).unwrap();
    for (file, words) in [("notice-html.html", 1), ("notice-text.html", 2)] {
        let html = page(&pages, file);
        let body = &html[html.find("notice-body").unwrap()..];
        let body = &body[..body.find("</div>").unwrap()];
        // The text between tags (attributes such as the link's address do not count).
        let longest_run = body
            .split('<')
            .filter_map(|tag_and_text| tag_and_text.split_once('>'))
            .flat_map(|(_, text)| text.split([' ', '/']))
            .map(|run| run.chars().count())
            .max()
            .unwrap();
        assert!(longest_run <= 64, "{file}: a run of {longest_run} letters");
        assert_eq!(body.matches("<wbr>").count(), words * 15, "{file}");
    }
}

/// The sample board with Korean as its language: its interface is Korean.
fn korean_sample() -> Arc<Dataset> {
    let mut data = Arc::unwrap_or_clone(sample());
    data.board.lang = "ko".into();
    Arc::new(data)
}

#[test]
fn a_korean_board_is_written_in_korean_words_of_korean_boards() {
    let data = korean_sample();
    let pages = prerender(TEMPLATE, data.clone(), &options()).unwrap();
    let second = page(&pages, "page-2.html");
    assert!(second.starts_with("<!DOCTYPE html>\n<html lang=\"ko\">"));
    // The views shown before the data file is read, or when it cannot be, are Korean too.
    assert!(second.contains("data-prerendered data-lang=\"ko\""));
    assert!(second.contains("쪽 중 2쪽)"), "the title names the page");
    for words in [
        "본문 바로가기",
        "주메뉴 바로가기",
        "맨 위로",
        "검색어",
        "조회",
        "등록일",
    ] {
        assert!(second.contains(words), "the list says {words}");
    }
    assert!(second.contains(">이전<") && second.contains(">다음<"));
    assert!(second.contains("aria-label=\"2 페이지, 현재 페이지\""));
    let with_files = data
        .notices
        .iter()
        .find(|notice| !notice.attachments.is_empty())
        .expect("the sample has attachments");
    let notice = page(&pages, &format!("notice-{}.html", with_files.id.as_str()));
    for words in ["목록", "첨부파일", "조회", &with_files.date.dotted()] {
        assert!(notice.contains(words), "the notice says {words}");
    }
    for english in [
        "Skip to",
        "Search notices",
        ">Read<",
        ">Date<",
        "Previous",
        "Next",
        "Back to list",
        "Attachments",
        "Pagination",
        "Loading",
        "(Atom feed)",
    ] {
        for html in [&second, &notice] {
            assert!(
                !html.contains(english),
                "English interface text left: {english}"
            );
        }
    }
}

#[test]
fn pages_link_to_the_pages_written_and_to_views_of_the_list_for_the_others() {
    let newest = Options {
        prerendered: Prerendered::newest(25),
        ..options()
    };
    let pages = prerender(TEMPLATE, sample(), &newest).unwrap();
    let written: Vec<&str> = pages.iter().map(|page| page.file.as_str()).collect();
    for page in &pages {
        assert!(
            page.html.contains(" data-prerendered-notices=\"25\""),
            "the app links by the same rule: {}",
            page.file
        );
        for link in page.html.split("href=\"").skip(1) {
            let href = &link[..link.find('"').unwrap()];
            if href.starts_with("notice-") || href.starts_with("page-") {
                let file = href.split('?').next().unwrap();
                assert!(written.contains(&file), "{} links to {href}", page.file);
            }
        }
    }
    // The 25 newest are on the first three pages of ten: the third links onwards, and to
    // its older notices, as views of the list.
    let third = page(&pages, "page-3.html");
    assert!(third.contains("href=\"index.html?page=4\""), "{third}");
    assert!(
        third.contains("href=\"index.html?page=3&amp;id="),
        "{third}"
    );
    assert!(third.contains("href=\"notice-"));
    let again = prerender(&pages[0].html, sample(), &newest).unwrap();
    assert_eq!(again[0].html.matches("data-prerendered").count(), 2);
    let all = prerender(&pages[0].html, sample(), &options()).unwrap();
    assert!(!all[0].html.contains("data-prerendered-notices"));
}

#[test]
fn the_widget_views_are_the_widget_board_linking_to_the_board_pages() {
    let data = sample();
    let options = Options {
        prerendered: Prerendered::newest(20),
        data_url: "data/notices.json".into(),
        published: Some("data/published.json".into()),
        ..options()
    };
    let [list, latest] = widget_views(data.clone(), "../", &options);
    assert_eq!(
        (list.file.as_str(), latest.file.as_str()),
        (WIDGET_LIST, WIDGET_LATEST)
    );
    for view in [&list, &latest] {
        // Its root names the data files beside it that it is the view of.
        assert!(view.html.starts_with(
            "<div data-for=\"notices.json published.json\" lang=\"en\" role=\"region\""
        ));
        assert!(view.html.contains("class=\"board board-widget\""));
        assert!(view.html.contains("<h2 class=\"page-title view-heading\">"));
        assert!(
            !view.html.contains("skip-link"),
            "the host page has its own"
        );
    }
    // The first list page, its notices' pages and the next list page, from the data folder.
    let first = &data.notices[0];
    let row = format!("href=\"../notice-{}.html\"", first.id.as_str());
    assert!(list.html.contains(&row), "{}", list.html);
    assert!(list.html.contains("href=\"../page-2.html\""));
    // A list page without a file of its own is a view of the board's list page.
    assert!(list.html.contains("href=\"../index.html?page=3\""));
    // Its search goes to the board's list page.
    assert!(list.html.contains("<form action=\"../index.html\" "));
    let pinned = data.notices.iter().filter(|notice| notice.pinned).count();
    let rows = list.html.matches("<li class=\"notice-row").count();
    assert_eq!(rows, data.board.page_size + pinned);
    // The newest titles, as many as a host may ask for, and "More" to the board's list.
    assert!(latest.html.contains(&row));
    assert_eq!(latest.html.matches("<li>").count(), MAX_COUNT);
    assert!(latest
        .html
        .contains("<p class=\"latest-more\"><a href=\"../index.html\">"));
}
