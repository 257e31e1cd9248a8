//! The parts of a notice: its details (on its page and in a list row), links, share buttons,
//! title and body.

use super::{sample, Setup};
use crate::components::{AppLink, MetaList, MixedText, RichBody, RowMeta, ShareLinks};
use crate::navigation::Navigation;
use leptos::prelude::*;
use notice_core::rich_text::sanitise;
use notice_core::url_state::{UrlState, View};
use std::sync::Arc;

/// A notice of the sample board with a category ("Digital government"), and its board.
fn a_digital_government_notice() -> (notice_core::Notice, notice_core::Board) {
    let data = sample();
    let notice = data
        .notices
        .iter()
        .find(|n| n.category.as_deref() == Some("egov"))
        .unwrap()
        .clone();
    (notice, data.board.clone())
}

#[test]
fn a_notices_details_are_labelled_date_read_count_and_category() {
    let (notice, board) = a_digital_government_notice();
    let (date, views) = (notice.date.iso(), notice.views);
    let html = Setup::page("index.html", "").render(move || view! { <MetaList notice board /> });
    let terms: Vec<String> = html.all("dt").iter().map(|dt| dt.text()).collect();
    assert_eq!(terms, ["Date", "Read", "Category"]);
    let values: Vec<String> = html.all("dd").iter().map(|dd| dd.text()).collect();
    assert_eq!(values[1], notice_core::format::thousands(views));
    assert_eq!(values[2], "Digital government");
    assert_eq!(html.one("time").attr("datetime"), Some(date.as_str()));
}

#[test]
fn a_notice_without_a_category_has_no_category_on_its_page_or_in_its_row() {
    let data = sample();
    let mut notice = data.notices[0].clone();
    notice.category = None;
    let board = data.board.clone();
    let setup = Setup::page("index.html", "").korean();
    let (in_row, row_board) = (notice.clone(), board.clone());
    let html = setup.render(move || view! { <MetaList notice board /> });
    let terms: Vec<String> = html.all("dt").iter().map(|dt| dt.text()).collect();
    assert_eq!(terms, ["등록일", "조회"]);
    let html = setup.render(move || view! { <RowMeta notice=in_row board=row_board /> });
    let labels: Vec<String> = html
        .all("span")
        .iter()
        .map(|item| item.text().split(' ').next().unwrap().to_string())
        .collect();
    assert_eq!(labels, ["등록일:", "조회:"]);
}

#[test]
fn a_list_rows_details_are_one_line_each_label_kept_with_its_value() {
    let (notice, board) = a_digital_government_notice();
    let (date, views) = (notice.date.iso(), notice.views);
    let html = Setup::page("index.html", "").render(move || view! { <RowMeta notice board /> });
    assert!(
        html.all("dl").is_empty(),
        "a paragraph, not a list in every row"
    );
    let items: Vec<String> = html.all("span").iter().map(|item| item.text()).collect();
    let views = notice_core::format::thousands(views);
    assert_eq!(
        items[1..],
        [
            format!("Read: {views}"),
            "Category: Digital government".into()
        ]
    );
    assert!(items[0].starts_with("Date: "), "{items:?}");
    assert_eq!(html.one("time").attr("datetime"), Some(date.as_str()));
    // A no-break space: a label does not end a line without its value.
    for label in ["Date:", "Read:", "Category:"] {
        assert!(
            html.contains(&format!("{label}\u{a0}")),
            "{label} {}",
            html.0
        );
    }
}

#[test]
fn a_link_to_a_notice_is_its_own_file_on_the_boards_page() {
    let to = UrlState::list().with_view(View::Notice("63605".into()));
    let html = Setup::page("page-2.html", "").render(move || {
        view! { <AppLink to class="notice-link" attr:data-notice-id="63605">"Title"</AppLink> }
    });
    let link = html.one("a");
    assert_eq!(link.attr("href"), Some("notice-63605.html"));
    assert!(link.has_class("notice-link"));
    assert_eq!(link.attr("data-notice-id"), Some("63605"));
    assert_eq!(link.text(), "Title");
}

#[test]
fn a_link_to_a_notice_in_a_widget_is_the_host_page_with_its_id() {
    let html = Setup::widget("?lang=en&nb1-page=2").render(|| {
        // As the list makes them: from the URL the board is at.
        let to = expect_context::<Navigation>()
            .url_untracked()
            .with_view(View::Notice("63605".into()));
        view! { <AppLink to>"Title"</AppLink> }
    });
    assert_eq!(
        html.one("a").attr("href"),
        Some("host.html?lang=en&nb1-page=2&nb1-id=63605")
    );
}

#[test]
fn the_share_buttons_wait_hidden_until_the_app_runs() {
    let html = Setup::page("notice-63605.html", "")
        .render(|| view! { <ShareLinks title="Title".to_string() /> });
    let share = html
        .all("div")
        .into_iter()
        .find(|div| div.has_class("notice-share"))
        .unwrap();
    assert!(share.attr("hidden").is_some(), "{}", html.0);
    let buttons: Vec<String> = html.all("button").iter().map(|b| b.text()).collect();
    // "Share" needs to know the device has a share sheet: only the app can tell.
    assert_eq!(buttons, ["Copy link"]);
    assert_eq!(html.one("button").attr("type"), Some("button"));
    assert!(html.all("input").is_empty() && html.all("p").is_empty());
}

#[test]
fn korean_words_in_an_english_title_are_marked_korean() {
    let html = Setup::page("index.html", "").render(|| {
        view! {
            <MixedText text="Visit to 행정안전부 in Seoul".to_string() own="en".to_string() around="en".to_string() />
        }
    });
    let marked = html.one("span");
    assert_eq!(marked.attr("lang"), Some("ko"));
    assert!(marked.text().contains("행정안전부"), "{}", html.0);
    assert!(!marked.text().contains("Visit"));
    assert_eq!(html.text(), "Visit to 행정안전부 in Seoul");
}

#[test]
fn a_title_in_the_language_around_it_has_no_language_marks() {
    let html = Setup::page("index.html", "").render(|| {
        view! { <MixedText text="Earthquake Drill".to_string() own="en".to_string() around="en".to_string() /> }
    });
    assert!(!html.contains("lang="), "{}", html.0);
    assert_eq!(html.text(), "Earthquake Drill");
}

#[test]
fn search_matches_are_marked() {
    let marks = vec![
        ("Earthquake ".to_string(), false),
        ("Drill".to_string(), true),
    ];
    let html = Setup::page("index.html", "").render(move || {
        view! { <MixedText text="Earthquake Drill".to_string() own="en".to_string() around="en".to_string() marks /> }
    });
    assert_eq!(html.one("mark").text(), "Drill");
}

fn body(html: &str, setup: &Setup) -> super::Html {
    let body = Arc::new(sanitise(html, "notices.json"));
    setup.render(move || view! { <RichBody body lang="en".to_string() /> })
}

#[test]
fn a_body_never_carries_scripts_or_event_handlers() {
    let html = body(
        r#"<p onclick="steal()" style="color:red">Hello <a href="javascript:alert(1)" onmouseover="x()">there</a></p>
           <script>alert(1)</script><img src="x.png" onerror="alert(2)" alt="A map">
           <iframe src="https://evil.example"></iframe>"#,
        &Setup::page("notice-1.html", ""),
    );
    let lower = html.0.to_lowercase();
    for banned in [
        "<script",
        "onclick",
        "onmouseover",
        "onerror",
        "javascript:",
        "<iframe",
        "style=",
    ] {
        assert!(!lower.contains(banned), "{banned} in {}", html.0);
    }
    assert!(html.text().contains("Hello there"), "{}", html.0);
}

#[test]
fn a_table_scrolls_in_its_own_focusable_box_named_by_its_caption() {
    let html = body(
        "<table><caption>Fees 2024</caption><tr><th>Item</th><td>1</td></tr></table>",
        &Setup::page("notice-1.html", ""),
    );
    let mut boxes = html.with_attribute("role", "region");
    assert_eq!(boxes.len(), 1, "{}", html.0);
    let scroll = boxes.remove(0);
    assert!(scroll.has_class("table-scroll"), "{}", html.0);
    assert_eq!(scroll.attr("tabindex"), Some("0"));
    assert_eq!(scroll.attr("aria-label"), Some("Fees 2024"));
    assert_eq!(scroll.all("table").len(), 1);
}

#[test]
fn a_table_without_a_caption_is_named_table_in_the_boards_language() {
    let html = body(
        "<table><tr><td>1</td></tr></table>",
        &Setup::page("notice-1.html", "").korean(),
    );
    let scroll = html.with_attribute("role", "region");
    assert_eq!(scroll[0].attr("aria-label"), Some("표"), "{}", html.0);
}

#[test]
fn body_headings_sit_below_the_notices_title() {
    let html = body(
        "<h2>Who can apply</h2><p>Anyone.</p>",
        &Setup::widget("").heading_level(3),
    );
    assert_eq!(html.one("h4").text(), "Who can apply", "{}", html.0);
    let own_page = body("<h2>Who can apply</h2>", &Setup::page("notice-1.html", ""));
    own_page.one("h2");
}

#[test]
fn a_link_that_opens_a_new_tab_says_so() {
    let html = body(
        r#"<a href="https://www.example.go.kr/form.pdf" target="_blank">the form</a>"#,
        &Setup::page("notice-1.html", ""),
    );
    let link = html.one("a");
    assert_eq!(link.attr("target"), Some("_blank"), "{}", html.0);
    assert_eq!(link.attr("rel"), Some("noopener noreferrer"));
    assert_eq!(link.text(), "the form (opens in a new tab)");
}
