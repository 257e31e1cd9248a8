//! Data files made of the patterns that made parts of the board take quadratic time, or
//! that a hostile or broken CMS export can contain: each pattern repeated to a given size.
//! Shared by the linear-time test (`tests/linear_time.rs`) and the benchmark
//! (`examples/adversarial.rs`), with the stages both time.

use notice_core::format::{link_spans, paragraphs, unbroken_pieces};
use notice_core::listing::{ListQuery, Listing};
use notice_core::url_state::Prerendered;
use notice_core::{parse_data_file, Date};
use notices::feed;
use notices::locate::locate_all;
use notices::prerender::{prerender_each, Options};
use notices::warnings::warnings;
use std::sync::Arc;
use std::time::Instant;

/// How a pattern is used in a notice.
#[derive(Clone, Copy)]
pub enum Place {
    /// The body, read as HTML (`"bodyFormat": "html"`).
    HtmlBody,
    /// The body, read as plain text (paragraphs, lines, autolinked addresses).
    TextBody,
}

/// One pathological input: its name, where it goes, and a function that makes it about
/// `bytes` long.
pub struct Pattern {
    pub name: &'static str,
    pub place: Place,
    pub make: fn(usize) -> String,
}

fn repeat(unit: &str, bytes: usize) -> String {
    unit.repeat(bytes / unit.len().max(1) + 1)
}

/// Every pattern, each of which once took (or could take) time quadratic in its size.
pub fn patterns() -> Vec<Pattern> {
    use Place::{HtmlBody, TextBody};
    vec![
        Pattern {
            name: "empty comments <!---->",
            place: HtmlBody,
            make: |n| repeat("<!---->", n),
        },
        Pattern {
            name: "comments closed by --!>",
            place: HtmlBody,
            make: |n| repeat("<!-- x --!>", n),
        },
        Pattern {
            name: "abrupt comments <!--> <!--->",
            place: HtmlBody,
            make: |n| repeat("<!--><!--->", n),
        },
        Pattern {
            name: "comments of dashes <!-- -- - -->",
            place: HtmlBody,
            make: |n| repeat("<!-- -- - --->a", n),
        },
        Pattern {
            name: "unclosed comment",
            place: HtmlBody,
            make: |n| format!("<p>a</p><!--{}", repeat("- -", n)),
        },
        Pattern {
            name: "unclosed comments <!--",
            place: HtmlBody,
            make: |n| repeat("<!--", n),
        },
        Pattern {
            name: "bogus comments <!x> <?x>",
            place: HtmlBody,
            make: |n| repeat("<!x><?y></ >", n),
        },
        Pattern {
            name: "unclosed bogus comments <!",
            place: HtmlBody,
            make: |n| repeat("<!", n),
        },
        Pattern {
            name: "one tag, distinct attributes",
            place: HtmlBody,
            make: |n| {
                let mut tag = String::from("<p");
                let mut i = 0;
                while tag.len() < n {
                    tag.push_str(&format!(" a{i}=\"{i}\""));
                    i += 1;
                }
                tag + ">text</p>"
            },
        },
        Pattern {
            name: "one tag, repeated attribute",
            place: HtmlBody,
            make: |n| format!("<a{}href=x>t</a>", repeat(" title=t", n)),
        },
        Pattern {
            name: "one tag, on* attributes",
            place: HtmlBody,
            make: |n| format!("<img alt=a{}>", repeat(" onerror=x", n)),
        },
        Pattern {
            name: "nested unclosed <div>",
            place: HtmlBody,
            make: |n| repeat("<div>a", n),
        },
        Pattern {
            name: "nested unclosed <b><i>",
            place: HtmlBody,
            make: |n| repeat("<b><i>a", n),
        },
        Pattern {
            name: "unclosed list items",
            place: HtmlBody,
            make: |n| format!("<ul>{}", repeat("<li><ol><li>x", n)),
        },
        Pattern {
            name: "unclosed table cells",
            place: HtmlBody,
            make: |n| format!("<table>{}", repeat("<td><table><tr><th>x", n)),
        },
        Pattern {
            name: "end tags without start",
            place: HtmlBody,
            make: |n| repeat("</p></div></li></h2>", n),
        },
        Pattern {
            name: "unclosed paragraphs",
            place: HtmlBody,
            make: |n| repeat("<p>a", n),
        },
        Pattern {
            name: "headings h1-h6",
            place: HtmlBody,
            make: |n| repeat("<h1>a<h3>b<h6>c", n),
        },
        Pattern {
            name: "dropped <script> elements",
            place: HtmlBody,
            make: |n| repeat("<script>x</script>", n),
        },
        Pattern {
            name: "unclosed <script>, almost-closing",
            place: HtmlBody,
            make: |n| format!("<script>{}", repeat("</scrip", n)),
        },
        Pattern {
            name: "nested dropped <svg>",
            place: HtmlBody,
            make: |n| repeat("<svg><svg>", n),
        },
        Pattern {
            name: "unclosed tags <a<a<a",
            place: HtmlBody,
            make: |n| repeat("<a", n),
        },
        Pattern {
            name: "unclosed quote",
            place: HtmlBody,
            make: |n| format!("<a href=\"{}", repeat("x", n)),
        },
        Pattern {
            name: "lone < and </",
            place: HtmlBody,
            make: |n| repeat("< </ <1 ", n),
        },
        Pattern {
            name: "links, many",
            place: HtmlBody,
            make: |n| repeat("<a href=\"https://x.kr/a\">x</a> ", n),
        },
        Pattern {
            name: "links to \\\\host",
            place: HtmlBody,
            make: |n| repeat("<a href=\"\\\\h/\" target=_blank>x</a>", n),
        },
        Pattern {
            name: "images",
            place: HtmlBody,
            make: |n| repeat("<img src=\"p.png\" alt=\"a\">", n),
        },
        Pattern {
            name: "reference run &amp;",
            place: HtmlBody,
            make: |n| repeat("&amp;", n),
        },
        Pattern {
            name: "reference run &#x41;",
            place: HtmlBody,
            make: |n| repeat("&#x41;&#65", n),
        },
        Pattern {
            name: "bare ampersands",
            place: HtmlBody,
            make: |n| repeat("&", n),
        },
        Pattern {
            name: "long unknown reference",
            place: HtmlBody,
            make: |n| format!("&{}", repeat("a", n)),
        },
        Pattern {
            name: "long numeric reference",
            place: HtmlBody,
            make: |n| format!("&#{}", repeat("9", n)),
        },
        Pattern {
            name: "references in an attribute",
            place: HtmlBody,
            make: |n| format!("<a href=\"{}\">x</a>", repeat("&colon;", n)),
        },
        Pattern {
            name: "<pre> with line breaks",
            place: HtmlBody,
            make: |n| repeat("<pre>\n a\n</pre>", n),
        },
        Pattern {
            name: "text: https:// alone",
            place: TextBody,
            make: |n| repeat("https:// ", n),
        },
        Pattern {
            name: "text: HTTPS:// glued",
            place: TextBody,
            make: |n| repeat("HTTPS://", n),
        },
        Pattern {
            name: "text: address of )))",
            place: TextBody,
            make: |n| format!("https://a.kr/{}", repeat(")", n)),
        },
        Pattern {
            name: "text: address of (((",
            place: TextBody,
            make: |n| format!("(https://a.kr/{}", repeat("(", n)),
        },
        Pattern {
            name: "text: address ending in dots",
            place: TextBody,
            make: |n| format!("https://a.kr/{}", repeat(".,;:", n)),
        },
        Pattern {
            name: "text: many addresses",
            place: TextBody,
            make: |n| repeat("see https://a.kr/x. ", n),
        },
        Pattern {
            name: "text: one long word",
            place: TextBody,
            make: |n| repeat("a", n),
        },
        Pattern {
            name: "text: many short lines",
            place: TextBody,
            make: |n| repeat("□ a\n", n),
        },
        Pattern {
            name: "text: blank lines",
            place: TextBody,
            make: |n| repeat("\n \n", n),
        },
        Pattern {
            name: "text: combining marks",
            place: TextBody,
            make: |n| format!("e{}", repeat("\u{301}", n)),
        },
        Pattern {
            name: "text: Korean",
            place: TextBody,
            make: |n| repeat("행정안전부 ", n),
        },
        Pattern {
            name: "text: full-width",
            place: TextBody,
            make: |n| repeat("ＫＩＳＡ　", n),
        },
        Pattern {
            name: "text: JSON escapes of quotes and backslashes",
            place: TextBody,
            make: |n| repeat("\"\\", n),
        },
        Pattern {
            name: "text: control characters",
            place: TextBody,
            make: |n| repeat("\u{1}a\u{7f}", n),
        },
        Pattern {
            name: "text: CRLF lines",
            place: TextBody,
            make: |n| repeat("a\r\n\r\n", n),
        },
    ]
}

/// A data file with one notice whose body is `body`.
pub fn data_file_with_body(body: &str, place: Place) -> String {
    let format = match place {
        Place::HtmlBody => r#","bodyFormat":"html""#,
        Place::TextBody => "",
    };
    format!(
        r#"{{"version":1,"board":{{"title":"Board"}},"notices":[{{"id":1,"title":"T","date":"2024-01-01","views":1,"body":{}{format}}}]}}"#,
        serde_json::to_string(body).expect("a string serialises")
    )
}

/// A data file of `count` notices (for the stages whose cost grows with the number of
/// notices: reading, validation, prerendering, the feed). One in ten has an error (a date
/// that is not one) and one in three a warning (a title used before), so that problems are
/// located in the file too.
pub fn data_file_with_notices(count: usize) -> String {
    let notices: Vec<String> = (0..count)
        .map(|i| {
            let date = if i % 10 == 9 {
                "2024.13.45".to_string()
            } else {
                format!("20{:02}-{:02}-{:02}", 10 + i % 15, 1 + i % 12, 1 + i % 28)
            };
            format!(
                r#"{{"id":{id},"title":"Notice {t} on drills","date":"{date}","views":{i},"category":"c{c}","pinned":{pinned},"body":"Line one of notice {i}.\n\nSee https://www.example.go.kr/{i}."}}"#,
                id = 100_000 + i,
                t = if i % 3 == 2 { i - 1 } else { i },
                c = i % 7,
                pinned = i % 997 == 0,
            )
        })
        .collect();
    format!(
        r#"{{"version":1,"board":{{"title":"Board","pageSize":10}},"notices":[{}]}}"#,
        notices.join(",")
    )
}

fn millis(start: Instant) -> f64 {
    start.elapsed().as_secs_f64() * 1000.0
}

/// Everything done with a data file, in milliseconds per stage: reading (parse, check,
/// sanitise, fold), warnings and locating every problem in the file (`notices validate`),
/// prerendering, the feed and sitemap, and plain-text formatting with a search.
pub fn stages(text: &str) -> [f64; 5] {
    let start = Instant::now();
    let data = Arc::new(parse_data_file(text, "notices.json").expect("a readable data file"));
    let read = millis(start);
    let start = Instant::now();
    let found = warnings(&data, Date::parse("2026-01-01").expect("a date"));
    let places: Vec<_> = (data.problems.iter().chain(&found))
        .map(|problem| (&problem.place, problem.field.as_str()))
        .collect();
    let _ = locate_all(text, &places);
    let warn = millis(start);
    let start = Instant::now();
    let options = Options {
        data_url: "notices.json".into(),
        published: None,
        base_url: Some("https://www.example.go.kr/news/".into()),
        feed: Some("feed.xml".into()),
        prerendered: Prerendered::ALL,
        today: None,
    };
    // Each page is dropped once written, as `notices prerender` does.
    prerender_each(
        include_str!("../../../../index.html"),
        data.clone(),
        &options,
        |page| {
            std::hint::black_box(page);
            Ok(())
        },
    )
    .expect("pages");
    let pages = millis(start);
    let start = Instant::now();
    let _ = feed::atom(&data, "https://www.example.go.kr/news/");
    let _ = feed::sitemaps(&data, "https://www.example.go.kr/news/", Prerendered::ALL);
    let feeds = millis(start);
    let start = Instant::now();
    for notice in &data.notices {
        for paragraph in paragraphs(&notice.body) {
            for line in paragraph {
                std::hint::black_box(link_spans(line));
                std::hint::black_box(unbroken_pieces(line));
            }
        }
    }
    let query = ListQuery {
        q: "a 행정 kisa".into(),
        page: 1,
        ..ListQuery::default()
    };
    std::hint::black_box(Listing::new(&data, &query, 10));
    let format = millis(start);
    [read, warn, pages, feeds, format]
}
