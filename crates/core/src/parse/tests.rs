use super::*;
use crate::date::DateStyle;
use serde_json::json;

const URL: &str = "notices.json";

fn notice_json(id: i64, date: &str) -> Value {
    json!({ "id": id, "title": format!("Notice {id}"), "date": date, "views": 10, "body": "Text." })
}

fn file_with(notices: Vec<Value>) -> String {
    json!({ "version": 1, "board": { "title": "News & Notices" }, "notices": notices }).to_string()
}

fn parse(text: &str) -> Result<Dataset, LoadError> {
    parse_data_file(text, URL)
}

#[test]
fn reads_a_complete_notice() {
    let text = json!({
        "version": 1,
        "board": {
            "title": "News & Notices", "siteName": "Ministry", "lang": "en",
            "breadcrumb": [{ "label": "HOME", "url": "/" }],
            "menu": [{ "label": "What's New", "url": "/new/", "current": true }],
            "categories": { "press": "Press release" }
        },
        "notices": [{
            "id": 63605, "title": "  Korean Delegation Visits Argentina ", "date": "2016-07-12", "views": 16118,
            "body": "First.\n\nSecond.", "category": "press", "pinned": true, "lang": "en-GB",
            "attachments": [{ "name": "programme.pdf", "url": "files/programme.pdf", "size": 1024 }],
            "futureField": { "ignored": true }
        }]
    })
    .to_string();
    let data = parse(&text).unwrap();
    assert!(data.problems.is_empty(), "{:?}", data.problems);
    assert_eq!(data.board.menu[0].url, "/new/");
    assert!(data.board.menu[0].current);
    assert_eq!(data.board.category_label("press"), "Press release");
    let notice = &data.notices[0];
    assert_eq!(notice.id.as_str(), "63605");
    assert_eq!(notice.title, "Korean Delegation Visits Argentina");
    assert_eq!(notice.date.iso(), "2016-07-12");
    assert_eq!(notice.views, 16118);
    assert!(notice.pinned);
    assert_eq!(notice.lang.as_deref(), Some("en-GB"));
    assert_eq!(notice.attachments[0].kind.as_deref(), Some("PDF"));
    assert_eq!(notice.attachments[0].size, Some(1024));
}

#[test]
fn a_file_read_without_search_text_has_the_same_notices_unfolded() {
    let mut html = notice_json(2, "2024-01-02");
    html["bodyFormat"] = json!("html");
    html["body"] = json!("<p>Rich <b>Text</b></p>");
    let text = file_with(vec![notice_json(1, "2024-01-01"), html]);
    let searchable = parse(&text).unwrap();
    let unsearched = (DataReader::from_text(&text, URL).unwrap())
        .without_search_text()
        .finish()
        .unwrap();
    assert_eq!(unsearched.notices, searchable.notices);
    assert!(searchable
        .folded
        .iter()
        .all(|folded| folded.contains("text")));
    assert!(unsearched.folded.iter().all(String::is_empty));
}

#[test]
fn string_and_integer_ids_are_both_accepted() {
    let mut text_id = notice_json(0, "2020-01-02");
    text_id["id"] = json!("press-7");
    let data = parse(&file_with(vec![notice_json(5, "2020-01-01"), text_id])).unwrap();
    assert!(data.index_of("press-7").is_some());
    assert!(data.index_of("5").is_some());
}

#[test]
fn notices_are_sorted_newest_first() {
    let mut pinned = notice_json(1, "2010-01-01");
    pinned["pinned"] = json!(true);
    let data = parse(&file_with(vec![
        notice_json(2, "2019-01-01"),
        pinned,
        notice_json(3, "2020-01-01"),
    ]))
    .unwrap();
    let ids: Vec<_> = data.notices.iter().map(|n| n.id.as_str()).collect();
    assert_eq!(
        ids,
        ["3", "2", "1"],
        "pinned notices are put on top by the list, not the data"
    );
}

#[test]
fn notices_of_the_same_day_are_ordered_by_id_numbers_before_texts() {
    let mut text_id = notice_json(0, "2020-01-01");
    text_id["id"] = json!("press-1");
    let notices = vec![
        notice_json(9, "2020-01-01"),
        text_id,
        notice_json(10, "2020-01-01"),
    ];
    let data = parse(&file_with(notices)).unwrap();
    let ids: Vec<_> = data.notices.iter().map(|n| n.id.as_str()).collect();
    assert_eq!(
        ids,
        ["press-1", "10", "9"],
        "highest first: text ids sort after numbers"
    );
}

#[test]
fn a_byte_order_mark_is_tolerated() {
    let text = format!("\u{feff}{}", file_with(vec![notice_json(1, "2020-01-01")]));
    assert_eq!(parse(&text).unwrap().notices.len(), 1);
}

#[test]
fn an_html_page_is_reported_as_not_json() {
    assert_eq!(
        parse("<!DOCTYPE html><html><body>Not found</body></html>"),
        Err(LoadError::NotJson { url: URL.into() })
    );
}

/// The file parsed whole at once, as the reader does when its outline meets something it
/// does not expect: reading by outline must give the same result as this.
fn parse_at_once(bytes: &[u8]) -> Result<Dataset, LoadError> {
    let mut reader = DataReader::from_bytes(bytes.to_vec(), URL)?;
    reader.read_at_once();
    reader.finish()
}

/// Reads `text` one smallest slice at a time (the reader is told to stop at the first chance
/// after one step), as a browser page does; returns the data set and how many slices it took.
fn parse_in_slices(text: &str) -> (Result<Dataset, LoadError>, usize) {
    let mut reader = DataReader::from_text(text, URL).unwrap();
    let mut slices = 1;
    loop {
        let mut first_step = true;
        if reader.read_while(|| std::mem::take(&mut first_step)) {
            break;
        }
        slices += 1;
    }
    (reader.finish(), slices)
}

#[test]
fn a_huge_html_body_is_sanitised_over_many_slices_with_the_same_result() {
    let html = |id: i64, paragraphs: usize| {
        let mut notice = notice_json(id, "2020-01-01");
        notice["bodyFormat"] = json!("html");
        notice["body"] = json!(
            "<p>Drill <b>at</b> <a href=\"files/a.pdf\">two</a><!-- x -->".repeat(paragraphs)
        );
        notice
    };
    let text = file_with(vec![
        html(1, 5_000),
        notice_json(2, "2020-01-02"),
        html(3, 2),
        html(3, 2),
    ]);
    let (sliced, slices) = parse_in_slices(&text);
    assert!(slices > 100, "{slices} slices");
    let at_once = parse(&text);
    assert_eq!(sliced, at_once);
    let data = at_once.unwrap();
    assert_eq!(data.notices.len(), 3);
    assert_eq!(data.problems.len(), 1, "the repeated id");
    let huge = data.notices.iter().find(|n| n.id.as_str() == "1").unwrap();
    assert!(huge.body.starts_with("Drill at two"));
    assert!(huge.rich_body.is_some());
    let terms = crate::search::Terms::new("two");
    assert_eq!(data.folded.iter().filter(|f| terms.all_in(f)).count(), 2);
}

#[test]
fn a_syntax_error_inside_a_notice_is_located_in_the_whole_file() {
    let text = file_with(vec![
        notice_json(1, "2020-01-01"),
        notice_json(2, "2020-01-02"),
    ])
    .replacen("\"views\":", "\"views\" ", 2);
    let error = parse(&text).unwrap_err();
    assert!(
        matches!(error, LoadError::Malformed { line: 1, .. }),
        "{error:?}"
    );
    assert_eq!(Err(error), parse_at_once(text.as_bytes()));
}

#[test]
fn a_file_the_outline_does_not_expect_is_read_as_serde_json_reads_it() {
    let first = file_with(vec![notice_json(1, "2020-01-01")]);
    // A second "notices" list: serde_json keeps the last one.
    let twice = first.replacen(
        "\"notices\":",
        &format!(
            "\"notices\": [{}], \"notices\":",
            notice_json(2, "2020-01-02")
        ),
        1,
    );
    let data = parse(&twice).unwrap();
    assert_eq!(data.notices.len(), 1);
    assert_eq!(data.notices[0].id.as_str(), "1");
}

#[test]
fn malformed_json_reports_line_and_column() {
    let error = parse("{\n  \"version\": 1,\n  \"board\": {\n}").unwrap_err();
    let LoadError::Malformed { line, column, .. } = &error else {
        panic!("{error:?}")
    };
    assert_eq!((*line, *column), (4, 1));
    assert!(
        error.details()[0].contains("line 4, column 1"),
        "{:?}",
        error.details()
    );
}

#[test]
fn wrong_or_missing_version_is_refused() {
    let text = json!({ "version": 2, "board": { "title": "t" }, "notices": [] }).to_string();
    assert_eq!(
        parse(&text),
        Err(LoadError::WrongVersion { found: "2".into() })
    );
    let text = json!({ "board": { "title": "t" }, "notices": [] }).to_string();
    assert_eq!(
        parse(&text),
        Err(LoadError::WrongVersion {
            found: "missing".into()
        })
    );
    let text = json!({ "version": "1", "board": { "title": "t" }, "notices": [] }).to_string();
    assert_eq!(
        parse(&text),
        Err(LoadError::WrongVersion {
            found: "\"1\"".into()
        })
    );
}

#[test]
fn wrong_top_level_shapes_are_refused_with_the_field_named() {
    for (text, field) in [
        ("[]".to_string(), "(top level)"),
        (json!({ "version": 1, "notices": [] }).to_string(), "board"),
        (
            json!({ "version": 1, "board": { "title": "" }, "notices": [] }).to_string(),
            "board.title",
        ),
        (
            json!({ "version": 1, "board": { "title": "t" }, "notices": {} }).to_string(),
            "notices",
        ),
    ] {
        match parse(&text) {
            Err(LoadError::BadShape { field: found, .. }) => assert_eq!(found, field),
            other => panic!("{text}: {other:?}"),
        }
    }
}

#[test]
fn a_bad_notice_is_skipped_and_reported_while_good_ones_stay() {
    let mut bad = notice_json(2, "2016.07.12");
    bad["views"] = json!("many");
    let data = parse(&file_with(vec![
        notice_json(1, "2020-01-01"),
        bad,
        notice_json(3, "2020-01-03"),
    ]))
    .unwrap();
    assert_eq!(data.notices.len(), 2);
    assert_eq!(data.skipped_count(), 1);
    let messages: Vec<String> = data.problems.iter().map(ToString::to_string).collect();
    assert_eq!(
        messages.len(),
        2,
        "every problem of the notice is reported: {messages:?}"
    );
    assert!(messages[0]
        .starts_with("Notice 2 (id “2”), field “date”: must be a date written as YYYY-MM-DD"));
    assert!(messages[0].contains("2016.07.12"));
    assert!(messages[1].starts_with("Notice 2 (id “2”), field “views”: must be a whole number"));
}

#[test]
fn every_wrong_field_type_is_caught() {
    let cases = [
        ("id", json!(1.5)),
        ("id", json!(-3)),
        ("id", json!("")),
        ("id", json!(null)),
        ("id", json!([1])),
        ("title", json!(42)),
        ("title", json!("   ")),
        ("date", json!(20160712)),
        ("date", json!("2023-02-29")),
        ("views", json!(-1)),
        ("views", json!(2.5)),
        ("views", json!("16118")),
        ("body", json!(["a"])),
        ("bodyFormat", json!("markdown")),
        ("bodyFormat", json!(true)),
        ("category", json!(3)),
        ("pinned", json!("yes")),
        ("lang", json!("english language")),
        ("attachments", json!("file.pdf")),
    ];
    for (field, value) in cases {
        let mut bad = notice_json(2, "2020-01-02");
        bad[field] = value.clone();
        let data = parse(&file_with(vec![notice_json(1, "2020-01-01"), bad])).unwrap();
        assert_eq!(
            data.notices.len(),
            1,
            "{field} = {value} should skip the notice"
        );
        assert_eq!(data.problems[0].field, field, "{field} = {value}");
    }
}

#[test]
fn missing_required_fields_are_named() {
    for field in ["id", "title", "date", "views", "body"] {
        let mut bad = notice_json(2, "2020-01-02");
        bad.as_object_mut().unwrap().remove(field);
        let data = parse(&file_with(vec![notice_json(1, "2020-01-01"), bad])).unwrap();
        assert_eq!(data.problems[0].field, field);
        assert!(
            data.problems[0].message.contains("missing"),
            "{}",
            data.problems[0]
        );
    }
}

#[test]
fn duplicate_ids_keep_the_first_notice_and_report_the_repeat() {
    let data = parse(&file_with(vec![
        notice_json(7, "2020-01-01"),
        notice_json(7, "2021-01-01"),
    ]))
    .unwrap();
    assert_eq!(data.notices.len(), 1);
    assert_eq!(data.notices[0].date.iso(), "2020-01-01");
    assert_eq!(
        data.problems[0].to_string(),
        "Notice 2 (id “7”), field “id”: repeats the id of notice 1; every notice needs its own id."
    );
}

#[test]
fn a_number_id_and_the_same_text_id_are_duplicates() {
    let mut text_id = notice_json(0, "2020-01-01");
    text_id["id"] = json!("7");
    let data = parse(&file_with(vec![notice_json(7, "2020-01-01"), text_id])).unwrap();
    assert_eq!(data.notices.len(), 1);
}

#[test]
fn unsafe_attachment_and_menu_urls_are_refused() {
    let mut bad = notice_json(2, "2020-01-02");
    bad["attachments"] = json!([{ "name": "x.pdf", "url": "javascript:alert(1)" }]);
    let text = json!({
        "version": 1,
        "board": { "title": "t", "menu": [{ "label": "Evil", "url": " JaVaScRiPt:alert(1)" }] },
        "notices": [notice_json(1, "2020-01-01"), bad]
    })
    .to_string();
    let data = parse(&text).unwrap();
    assert_eq!(data.notices.len(), 1);
    assert_eq!(data.problems[0].field, "board.menu");
    assert_eq!(
        data.board.menu,
        Board::default().menu,
        "a bad menu falls back to the default"
    );
    assert_eq!(data.problems[1].field, "attachments[0].url");
}

#[test]
fn when_no_notice_is_readable_the_board_fails_with_every_problem() {
    let error = parse(&file_with(vec![json!("text"), json!({ "id": 1 })])).unwrap_err();
    let LoadError::NoValidNotices { problems } = &error else {
        panic!("{error:?}")
    };
    assert_eq!(problems[0].field, "(notice)");
    assert_eq!(
        problems.len(),
        1 + 4,
        "the second notice lacks title, date, views and body"
    );
}

#[test]
fn an_empty_board_is_valid() {
    assert!(parse(&file_with(vec![])).unwrap().notices.is_empty());
}

#[test]
fn long_values_are_cut_short_in_messages() {
    let mut bad = notice_json(2, "2020-01-02");
    bad["date"] = json!("x".repeat(10_000));
    let data = parse(&file_with(vec![notice_json(1, "2020-01-01"), bad])).unwrap();
    assert!(data.problems[0].message.len() < 200);
}

#[test]
fn attachment_type_comes_from_the_data_or_the_extension() {
    let mut notice = notice_json(1, "2020-01-01");
    notice["attachments"] = json!([
        { "name": "Guide", "url": "files/guide.hwp?v=2" },
        { "name": "Form.xlsx", "url": "f/1", "type": "Excel" },
        { "name": "Download", "url": "f/2" }
    ]);
    let data = parse(&file_with(vec![notice])).unwrap();
    let kinds: Vec<_> = data.notices[0]
        .attachments
        .iter()
        .map(|a| a.kind.as_deref())
        .collect();
    assert_eq!(kinds, [Some("HWP"), Some("Excel"), None]);
}

#[test]
fn optional_fields_that_are_null_are_read_as_absent() {
    let mut notice = notice_json(1, "2020-01-01");
    for field in ["bodyFormat", "category", "pinned", "lang", "attachments"] {
        notice[field] = Value::Null;
    }
    let text = json!({
        "version": 1,
        "board": { "title": "B", "siteName": null, "siteUrl": null, "lang": null,
                   "breadcrumb": null, "menu": null, "categories": null, "pageSize": null },
        "notices": [notice],
    });
    let data = parse(&text.to_string()).unwrap();
    assert_eq!(data.problems, []);
    assert_eq!(data.notices.len(), 1);
}

#[test]
fn attachment_addresses_are_relative_to_the_data_file() {
    let mut notice = notice_json(1, "2020-01-01");
    notice["attachments"] = json!([
        { "name": "Guide", "url": "files/guide.pdf" },
        { "name": "Rules", "url": "/eng/rules.pdf" },
        { "name": "Law", "url": "https://law.go.kr/a.pdf" }
    ]);
    let text = file_with(vec![notice]);
    let urls = |data_url: &str| -> Vec<String> {
        let data = parse_data_file(&text, data_url).unwrap();
        data.notices[0]
            .attachments
            .iter()
            .map(|a| a.url.clone())
            .collect()
    };
    assert_eq!(
        urls("https://cdn.moel.go.kr/news/notices.json"),
        [
            "https://cdn.moel.go.kr/news/files/guide.pdf",
            "https://cdn.moel.go.kr/eng/rules.pdf",
            "https://law.go.kr/a.pdf"
        ]
    );
    // A data file next to the page: the addresses stay as written.
    assert_eq!(
        urls("notices.json"),
        [
            "files/guide.pdf",
            "/eng/rules.pdf",
            "https://law.go.kr/a.pdf"
        ]
    );
}

#[test]
fn an_attachment_written_with_backslashes_is_on_another_site_not_the_boards_own_file() {
    let mut notice = notice_json(1, "2020-01-01");
    notice["attachments"] = json!([
        { "name": "invoice.pdf", "url": "\\\\evil.example/invoice.pdf" },
        { "name": "Guide", "url": "files\\guide.pdf" },
        { "name": "Law", "url": "http:law.go.kr/a.pdf" }
    ]);
    let text = file_with(vec![notice]);
    let read = |data_url: &str| -> Vec<(String, bool)> {
        let data = parse_data_file(&text, data_url).unwrap();
        assert_eq!(data.problems, []);
        data.notices[0]
            .attachments
            .iter()
            .map(|a| (a.url.clone(), a.off_site))
            .collect()
    };
    let owned = |url: &str, off_site| (url.to_string(), off_site);
    assert_eq!(
        read("notices.json"),
        [
            owned("//evil.example/invoice.pdf", true),
            owned("files/guide.pdf", false),
            owned("http://law.go.kr/a.pdf", true),
        ]
    );
    assert_eq!(
        read("https://cdn.moel.go.kr/news/notices.json"),
        [
            owned("https://evil.example/invoice.pdf", true),
            owned("https://cdn.moel.go.kr/news/files/guide.pdf", false),
            owned("http://law.go.kr/a.pdf", true),
        ]
    );
}

#[test]
fn image_hosts_limit_the_images_of_every_notice() {
    let mut notice = notice_json(1, "2020-01-01");
    notice["bodyFormat"] = json!("html");
    notice["body"] =
        json!("<img src=\"https://cdn.mois.go.kr/a.png\" alt=\"A\"><img src=\"https://x.example/b.png\" alt=\"B\">");
    let read = |hosts: Value| {
        let text = json!({ "version": 1, "board": { "title": "B", "imageHosts": hosts }, "notices": [notice] });
        parse(&text.to_string()).unwrap()
    };
    let data = read(json!([" CDN.mois.go.kr. ", "www.mois.go.kr"]));
    assert_eq!(data.problems, []);
    assert_eq!(
        data.board.image_hosts.as_deref(),
        Some(&["cdn.mois.go.kr".to_string(), "www.mois.go.kr".to_string()][..])
    );
    assert_eq!(data.notices[0].body, "B");
    // A bad entry is reported and left out; the others still limit the images.
    let data = read(json!(["cdn.mois.go.kr", "https://x.example/"]));
    assert_eq!(data.problems.len(), 1);
    assert_eq!(data.problems[0].field, "board.imageHosts");
    assert_eq!(data.notices[0].body, "B");
    // A list that cannot be read keeps only the board's own images: never every host.
    let data = read(json!("cdn.mois.go.kr"));
    assert_eq!(data.problems[0].field, "board.imageHosts");
    assert_eq!(data.notices[0].body, "AB");
    // Absent or null: images from any https site.
    let data = read(Value::Null);
    assert_eq!(data.problems, []);
    assert_eq!(data.board.image_hosts, None);
    assert_eq!(data.notices[0].body, "");
}

// Files that break in the ways real exports break: each is refused with a clear message
// or read sensibly, never a panic or a hang.

#[test]
fn a_file_over_the_limit_is_refused_before_it_is_read() {
    let huge = vec![b' '; MAX_DATA_BYTES + 1];
    let error = parse_data_bytes(&huge, URL).unwrap_err();
    assert!(
        matches!(error, LoadError::TooLarge { bytes, .. } if bytes == MAX_DATA_BYTES as u64 + 1)
    );
    assert_eq!(
        error.summary(crate::i18n::Locale::En.text()),
        "The notices could not be loaded because the notices file is too large for this page."
    );
    assert!(
        error.details()[0].contains("up to 150 MB"),
        "{:?}",
        error.details()
    );
}

#[test]
fn bytes_that_are_not_utf8_are_located() {
    let mut bytes = file_with(vec![notice_json(1, "2024-01-01")]).into_bytes();
    let text = String::from_utf8(bytes.clone()).unwrap();
    let at = text.find("Notice 1").unwrap();
    bytes[at] = 0xB0; // a byte of EUC-KR, the usual culprit
    let error = parse_data_bytes(&bytes, URL).unwrap_err();
    assert_eq!(
        error.details(),
        vec![format!("The data file is not UTF-8 text: at line 1, column {} there are bytes in another encoding. Export or save it as UTF-8.", at + 1)]
    );
    let two_lines = b"{\n  \"version\": 1, \"board\": \"\xff\" }";
    assert!(matches!(
        parse_data_bytes(two_lines, URL),
        Err(LoadError::NotUtf8 {
            line: 2,
            column: 27
        })
    ));
}

#[test]
fn a_byte_order_mark_is_skipped() {
    let text = file_with(vec![notice_json(1, "2024-01-01")]);
    let with_bom = [b"\xEF\xBB\xBF".as_slice(), text.as_bytes()].concat();
    assert_eq!(parse_data_bytes(&with_bom, URL).unwrap().notices.len(), 1);
}

#[test]
fn control_characters_are_removed_and_line_breaks_kept() {
    let notice = json!({ "id": 1, "title": "Null\u{0000} and\u{001b}[31m escape", "date": "2024-01-01",
        "views": 1, "body": "One\r\nTwo\rThree\u{0007}" });
    let data = parse(&file_with(vec![notice])).unwrap();
    assert_eq!(data.notices[0].title, "Null and[31m escape");
    assert_eq!(data.notices[0].body, "One\nTwo\nThree");
}

#[test]
fn numbers_beyond_exact_integers_are_told_apart() {
    // Ids are kept as written (as text) even beyond 2^53, where JavaScript would round them.
    let text = r#"{"version": 1, "board": {"title": "B"}, "notices": [
        {"id": 9007199254740993, "title": "A", "date": "2024-01-01", "views": 1, "body": ""},
        {"id": 2, "title": "B", "date": "2024-01-01", "views": 18446744073709551616, "body": ""}]}"#;
    let data = parse(text).unwrap();
    assert_eq!(data.notices.len(), 1);
    assert_eq!(data.notices[0].id.as_str(), "9007199254740993");
    assert_eq!(data.problems.len(), 1);
    assert_eq!(
        data.problems[0].to_string(),
        "Notice 2 (id “2”), field “views”: must be a whole number of 0 or more (found 1.8446744073709552e+19)."
    );
    // A number too large for any number type is malformed JSON, with its place.
    let error = parse(&text.replace("18446744073709551616", "1e400")).unwrap_err();
    assert_eq!(
        error.details(),
        ["The data file is not valid JSON at line 3, column 68: a number is too large to read."]
    );
}

#[test]
fn deep_nesting_is_refused_without_overflowing_the_stack() {
    let depth = 10_000;
    let text = format!(
        r#"{{"version": 1, "board": {{"title": "B"}}, "notices": {}{}}}"#,
        "[".repeat(depth),
        "]".repeat(depth)
    );
    let error = parse(&text).unwrap_err();
    assert!(
        error.details()[0].contains("nested too deeply (more than 128 levels)"),
        "{:?}",
        error.details()
    );
}

#[test]
fn a_title_of_a_megabyte_is_reported_not_shown() {
    let mut long = notice_json(1, "2024-01-01");
    long["title"] = Value::String("x".repeat(1 << 20));
    let data = parse(&file_with(vec![long, notice_json(2, "2024-01-02")])).unwrap();
    assert_eq!(data.notices.len(), 1);
    assert_eq!(data.problems[0].field, "title");
    assert_eq!(
        data.problems[0].message,
        "is 1,048,576 characters long; it can have at most 1,000."
    );
}

// Fuzzing by property: whatever the bytes, reading them ends in a dataset or a message,
// never a panic (cargo fuzz needs a nightly compiler, which these machines do not have).
// Longer runs: PROPTEST_CASES=200000 cargo test --release --lib parse::tests
proptest::proptest! {
    #[test]
    fn any_bytes_are_read_or_refused(bytes in proptest::collection::vec(proptest::num::u8::ANY, 0..400)) {
        proptest::prop_assert_eq!(parse_data_bytes(&bytes, URL), parse_at_once(&bytes));
    }

    #[test]
    fn the_sample_with_bytes_changed_is_read_or_refused(
        changes in proptest::collection::vec((0usize..22_000, proptest::num::u8::ANY), 1..8),
    ) {
        let mut bytes = include_bytes!("../../../../public/notices.json").to_vec();
        for (at, byte) in changes {
            let at = at % bytes.len();
            bytes[at] = byte;
        }
        let read = parse_data_bytes(&bytes, URL);
        proptest::prop_assert_eq!(&read, &parse_at_once(&bytes));
        if let Ok(data) = read {
            // What is read is usable: every notice has an id and a title, and is findable.
            for notice in &data.notices {
                proptest::prop_assert!(!notice.title.is_empty());
                proptest::prop_assert!(data.index_of(notice.id.as_str()).is_some());
            }
        }
    }

    #[test]
    fn the_sample_with_punctuation_changed_is_read_as_when_parsed_at_once(
        changes in proptest::collection::vec(
            (0usize..22_000, proptest::sample::select(b"{}[]\",:\\ 0tn".to_vec())),
            1..4,
        ),
    ) {
        // Mostly broken structure: where the outline has to agree with serde_json.
        let mut bytes = include_bytes!("../../../../public/notices.json").to_vec();
        for (at, byte) in changes {
            let at = at % bytes.len();
            bytes[at] = byte;
        }
        proptest::prop_assert_eq!(parse_data_bytes(&bytes, URL), parse_at_once(&bytes));
    }

    #[test]
    fn notices_of_any_shape_are_read_or_reported(
        id in proptest::option::of("\\PC{0,12}"),
        title in proptest::option::of("\\PC{0,30}"),
        date in proptest::option::of("[0-9.-]{0,12}"),
        views in proptest::option::of(proptest::num::i64::ANY),
        body in proptest::option::of("\\PC{0,60}"),
    ) {
        let mut notice = serde_json::Map::new();
        let mut put = |key: &str, value: Option<Value>| { if let Some(value) = value { notice.insert(key.into(), value); } };
        put("id", id.map(Value::String));
        put("title", title.map(Value::String));
        put("date", date.map(Value::String));
        put("views", views.map(Value::from));
        put("body", body.map(Value::String));
        let text = file_with(vec![Value::Object(notice), notice_json(7, "2024-01-01")]);
        let data = parse(&text).unwrap();
        proptest::prop_assert_eq!(data.notices.len() + data.skipped_count(), 2);
    }
}

#[test]
fn an_html_body_is_sanitised_and_searched_as_its_text() {
    let mut notice = notice_json(1, "2020-01-01");
    notice["bodyFormat"] = json!("html");
    notice["body"] = json!("<p>Apply <b>now</b><script>steal()</script></p><p>Second</p>");
    let data = parse(&file_with(vec![notice])).unwrap();
    let notice = &data.notices[0];
    assert_eq!(notice.body, "Apply now\n\nSecond");
    assert!(data.folded[0].contains("apply now"));
    let rich = notice.rich_body.as_ref().expect("an HTML body");
    assert_eq!(rich.removed, [("<script> with its content".to_string(), 1)]);
}

#[test]
fn a_title_cut_inside_an_emoji_is_read_with_a_replacement_character() {
    // A JavaScript CMS cut "🎉" (\ud83c\udf89) in half; the escaped backslash is just text.
    let text = file_with(vec![
        notice_json(1, "2024-01-01"),
        notice_json(2, "2024-01-02"),
    ])
    .replacen("Notice 1", r"Party \ud83c", 1)
    .replacen("Notice 2", r"Lone \udf89 and \\ud800 \ud83c\udf89", 1);
    let data = parse(&text).unwrap();
    assert_eq!(data.problems, []);
    let titles: Vec<&str> = data.notices.iter().map(|n| n.title.as_str()).collect();
    assert_eq!(titles, ["Lone \u{fffd} and \\ud800 🎉", "Party \u{fffd}"]);
    assert_eq!(Ok(data), parse_at_once(text.as_bytes()));
}

#[test]
fn an_invalid_escape_leaves_out_only_its_notice() {
    let text = file_with(vec![
        notice_json(1, "2024-01-01"),
        notice_json(2, "2024-01-02"),
        notice_json(3, "2024-01-03"),
    ])
    .replacen("Text.", r"C:\xampp\u12G4", 1)
    .replacen("\"Notice 3\"", r#""Notice \é""#, 1);
    let data = parse(&text).unwrap();
    let ids: Vec<&str> = data.notices.iter().map(|n| n.id.as_str()).collect();
    assert_eq!(ids, ["2"]);
    let places: Vec<(String, String)> = data
        .problems
        .iter()
        .map(|p| {
            (
                p.to_string().split(':').next().unwrap().to_string(),
                p.field.clone(),
            )
        })
        .collect();
    assert_eq!(
        places,
        [
            (
                "Notice 1 (id “1”), field “body”".to_string(),
                "body".to_string()
            ),
            (
                "Notice 3 (id “3”), field “title”".to_string(),
                "title".to_string()
            ),
        ]
    );
    assert!(data.problems[0].message.contains("invalid escape"));
    assert_eq!(Ok(data), parse_at_once(text.as_bytes()));
}

#[test]
fn an_invalid_escape_outside_the_notices_fails_the_file_where_serde_json_says() {
    let text = file_with(vec![notice_json(1, "2024-01-01")])
        .replacen("\"board\"", "\n\"board\"", 1)
        .replacen("News & Notices", r"News \x Notices", 1)
        .replacen("Notice 1", r"Notice \q", 1);
    let expected = serde_json::from_str::<Value>(&text).unwrap_err();
    let error = parse(&text).unwrap_err();
    assert_eq!(
        error,
        LoadError::Malformed {
            line: expected.line(),
            column: expected.column(),
            detail: "invalid escape".into()
        }
    );
    assert_eq!((expected.line(), expected.column()), (2, 25));
    assert_eq!(Err(error), parse_at_once(text.as_bytes()));
}

#[test]
fn ids_that_differ_only_in_case_keep_the_first_notice_and_name_both() {
    let mut upper = notice_json(0, "2020-01-01");
    upper["id"] = json!("Case");
    let mut lower = notice_json(0, "2021-01-01");
    lower["id"] = json!("case");
    let data = parse(&file_with(vec![upper, notice_json(1, "2020-01-02"), lower])).unwrap();
    let ids: Vec<&str> = data.notices.iter().map(|n| n.id.as_str()).collect();
    assert_eq!(ids, ["1", "Case"]);
    assert_eq!(
        data.problems[0].to_string(),
        "Notice 3 (id “case”), field “id”: differs only in upper and lower case from the id “Case” of notice 1: on servers that ignore case both would have the same page. Every notice needs its own id."
    );
}

#[test]
fn bidi_controls_are_left_out_of_titles_and_file_names() {
    let mut notice = notice_json(1, "2024-01-01");
    notice["title"] = json!("Pay \u{202e}elif\u{2066} now \u{200f}");
    notice["attachments"] = json!([{ "name": "\u{200e}invoice\u{202e}fdp.exe", "url": "a.exe" }]);
    let mut only_controls = notice_json(2, "2024-01-01");
    only_controls["title"] = json!("\u{202e}\u{2066}");
    let data = parse(&file_with(vec![notice, only_controls])).unwrap();
    let read = &data.notices[0];
    assert_eq!(
        read.title, "Pay elif now \u{200f}",
        "marks are kept in titles"
    );
    assert_eq!(read.attachments[0].name, "invoicefdp.exe");
    assert_eq!(read.attachments[0].kind.as_deref(), Some("EXE"));
    let noted: Vec<&str> = data.notes.iter().map(|n| n.field.as_str()).collect();
    assert_eq!(noted, ["title", "attachments[0].name"]);
    assert_eq!(
        data.problems[0].to_string(),
        "Notice 2 (id “2”), field “title”: must not be empty."
    );
}

#[test]
fn the_type_of_a_file_is_that_of_what_is_downloaded_not_of_its_name() {
    let mut notice = notice_json(1, "2020-01-01");
    notice["attachments"] = json!([{ "name": "invoice.pdf", "url": "files/invoice.exe" }]);
    let data = parse(&file_with(vec![notice])).unwrap();
    assert_eq!(data.notices[0].attachments[0].kind.as_deref(), Some("EXE"));
}

proptest::proptest! {
    #[test]
    fn any_escapes_in_one_notice_never_take_the_others(raw in "[\\\\ud80cAx9 ]{0,24}") {
        let text = file_with(vec![notice_json(1, "2024-01-01"), notice_json(2, "2024-01-02")])
            .replacen("Notice 1", &raw, 1);
        let read = parse(&text);
        proptest::prop_assert_eq!(&read, &parse_at_once(text.as_bytes()));
        // Unless a last backslash escapes the closing quote, the file's structure holds.
        let trailing = raw.len() - raw.trim_end_matches('\\').len();
        if trailing % 2 == 0 {
            let data = read.unwrap();
            proptest::prop_assert!(data.index_of("2").is_some());
            proptest::prop_assert_eq!(data.notices.len() + data.skipped_count(), 2);
        }
    }
}

#[test]
fn the_date_style_is_read_and_a_wrong_one_reported() {
    let board = |style: Value| {
        let text = json!({ "version": 1, "board": { "title": "B", "dateStyle": style },
            "notices": [notice_json(1, "2024-05-16")] });
        parse(&text.to_string()).unwrap()
    };
    assert_eq!(
        board(json!("dotted")).board.date_style,
        Some(DateStyle::Dotted)
    );
    assert_eq!(board(json!("long")).board.date_style, Some(DateStyle::Long));
    assert_eq!(board(Value::Null).board.date_style, None);
    let wrong = board(json!("iso"));
    assert_eq!(wrong.board.date_style, None);
    assert_eq!(wrong.problems[0].field, "board.dateStyle");
}
