//! Data that is valid but probably not what the editor meant: `notices validate` reports it
//! as warnings, and the board shows it as it is.

use notice_core::dataset::MOST_PINNED_ON_TOP;
use notice_core::{Dataset, Date, Place, Problem};
use std::collections::HashMap;

const UNREADABLE: &str = "has “\u{fffd}” where a character could not be read, shown as it is: often half of an emoji or another character cut in two by the exporting system (a lone escape such as \\ud83c).";

/// Warnings about `data`, in the file's order: dates after `today`, titles used by more
/// than one notice, characters that could not be read, empty bodies, HTML the sanitiser
/// changes, images from other sites (when the board does not list the hosts it trusts),
/// attachments without a size, pinned notices the list does not show on top.
pub fn warnings(data: &Dataset, today: Date) -> Vec<Problem> {
    let mut notices: Vec<_> = data.notices.iter().enumerate().collect();
    notices.sort_by_key(|(_, notice)| notice.position);
    let mut first_with_title: HashMap<&str, usize> = HashMap::new();
    let mut found = Vec::new();
    for (notice_index, notice) in notices {
        let mut warn = |field: String, message: String| {
            found.push(Problem {
                place: Place::Notice {
                    position: notice.position,
                    id: Some(notice.id.as_str().to_string()),
                },
                field,
                message,
            })
        };
        if notice.date > today {
            warn(
                "date".into(),
                format!(
                    "is in the future ({}): the notice is shown as published on that day.",
                    notice.date
                ),
            );
        }
        match first_with_title.get(notice.title.as_str()) {
            Some(first) => warn(
                "title".into(),
                format!(
                    "is the same as notice {first}'s: people cannot tell them apart in the list."
                ),
            ),
            None => {
                first_with_title.insert(&notice.title, notice.position);
            }
        }
        let names = notice.attachments.iter().enumerate();
        let texts = [("title".to_string(), notice.title.as_str())]
            .into_iter()
            .chain(
                notice
                    .category
                    .as_deref()
                    .map(|c| ("category".to_string(), c)),
            )
            .chain([("body".to_string(), notice.body.as_str())])
            .chain(names.map(|(i, file)| (format!("attachments[{i}].name"), file.name.as_str())));
        for (field, text) in texts {
            if text.contains('\u{fffd}') {
                warn(field, UNREADABLE.into());
            }
        }
        if notice.pinned && !data.is_on_top(notice_index) {
            warn(
                "pinned".into(),
                format!("is true, but {MOST_PINNED_ON_TOP} newer notices are pinned: the list shows those on top, and this one in its place by date."),
            );
        }
        if notice.body.trim().is_empty() {
            warn(
                "body".into(),
                "is empty: the notice has only a title.".into(),
            );
        }
        if let Some(rich) = notice.rich_body.as_ref().filter(|r| !r.removed.is_empty()) {
            let removed: Vec<String> = rich
                .removed
                .iter()
                .map(|(what, count)| match count {
                    1 => what.clone(),
                    n => format!("{what} (×{n})"),
                })
                .collect();
            warn(
                "body".into(),
                format!(
                    "has HTML the board does not show as written; it removes: {}.",
                    removed.join("; ")
                ),
            );
        }
        let off_site_images = notice.rich_body.as_ref().map(|rich| &rich.image_hosts);
        if let Some(hosts) = off_site_images.filter(|hosts| !hosts.is_empty()) {
            if data.board.image_hosts.is_none() {
                warn(
                    "body".into(),
                    format!(
                        "shows images from another site than the data file's ({}): every reader's browser asks that site for them. List the sites you trust in board.imageHosts to leave out images from any other.",
                        hosts.join(", ")
                    ),
                );
            }
        }
        for (index, attachment) in notice.attachments.iter().enumerate() {
            if attachment.size.is_none() {
                warn(
                    format!("attachments[{index}].size"),
                    format!(
                        "is missing: people on a phone plan cannot tell how large “{}” is.",
                        attachment.name
                    ),
                );
            }
        }
    }
    // What the reader changed, with the rest of each notice's warnings, in file order.
    found.extend(data.notes.iter().cloned());
    found.sort_by_key(|problem| match problem.place {
        Place::Notice { position, .. } => position,
        Place::Board => 0,
    });
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use notice_core::parse_data_file;

    #[test]
    fn suspicious_but_valid_data_is_reported() {
        let text = r#"{"version": 1, "board": {"title": "B"}, "notices": [
            {"id": 1, "title": "Same", "date": "2030-01-01", "views": 1, "body": "Text"},
            {"id": 2, "title": "Same", "date": "2024-01-01", "views": 1, "body": "  ",
             "attachments": [{"name": "a.pdf", "url": "a.pdf"}, {"name": "b.pdf", "url": "b.pdf", "size": 10}]}
        ]}"#;
        let data = parse_data_file(text, "notices.json").unwrap();
        let today = Date::parse("2026-11-28").unwrap();
        let found: Vec<String> = warnings(&data, today)
            .iter()
            .map(ToString::to_string)
            .collect();
        assert_eq!(
            found,
            [
                "Notice 1 (id “1”), field “date”: is in the future (2030-01-01): the notice is shown as published on that day.",
                "Notice 2 (id “2”), field “title”: is the same as notice 1's: people cannot tell them apart in the list.",
                "Notice 2 (id “2”), field “body”: is empty: the notice has only a title.",
                "Notice 2 (id “2”), field “attachments[0].size”: is missing: people on a phone plan cannot tell how large “a.pdf” is.",
            ]
        );
    }

    #[test]
    fn pinned_notices_beyond_the_five_on_top_are_reported() {
        let notices: Vec<String> = (1..=7)
            .map(|id| format!(r#"{{"id": {id}, "title": "N{id}", "date": "2024-01-0{id}", "views": 1, "body": "Text", "pinned": true}}"#))
            .collect();
        let text = format!(
            r#"{{"version": 1, "board": {{"title": "B"}}, "notices": [{}]}}"#,
            notices.join(",")
        );
        let data = parse_data_file(&text, "notices.json").unwrap();
        let today = Date::parse("2026-11-28").unwrap();
        let found: Vec<String> = warnings(&data, today)
            .iter()
            .map(ToString::to_string)
            .collect();
        let in_place = "field “pinned”: is true, but 5 newer notices are pinned: the list shows those on top, and this one in its place by date.";
        assert_eq!(
            found,
            [
                format!("Notice 1 (id “1”), {in_place}"),
                format!("Notice 2 (id “2”), {in_place}"),
            ]
        );
    }

    #[test]
    fn html_the_sanitiser_changes_is_reported_with_what_it_removes() {
        let text = r#"{"version": 1, "board": {"title": "B"}, "notices": [
            {"id": 1, "title": "A", "date": "2024-01-01", "views": 1, "bodyFormat": "html",
             "body": "<p style=x onclick=y>a</p><p style=z>b</p><script>c</script><a href='javascript:d'>e</a>"},
            {"id": 2, "title": "B", "date": "2024-01-01", "views": 1, "bodyFormat": "html",
             "body": "<p>Fine <span class=x>as is</span></p>"}
        ]}"#;
        let data = parse_data_file(text, "notices.json").unwrap();
        let today = Date::parse("2026-11-28").unwrap();
        let found: Vec<String> = warnings(&data, today)
            .iter()
            .map(ToString::to_string)
            .collect();
        assert_eq!(
            found,
            ["Notice 1 (id “1”), field “body”: has HTML the board does not show as written; it removes: <script> with its content; a link to javascript:; style attributes (×2); the onclick attribute of <p>."]
        );
    }

    #[test]
    fn the_sample_data_has_no_warnings() {
        let data =
            parse_data_file(include_str!("../../../public/notices.json"), "notices.json").unwrap();
        let today = Date::parse("2026-11-28").unwrap();
        assert_eq!(warnings(&data, today), []);
    }

    #[test]
    fn images_from_other_sites_are_reported_unless_the_board_lists_its_image_hosts() {
        let notices = r#""notices": [
            {"id": 1, "title": "A", "date": "2024-01-01", "views": 1, "bodyFormat": "html",
             "body": "Maps: <img src='maps/a.png' alt='Own'><img src='\\\\cdn.example\\b.png' alt='B'><img src='https://x.example/c.png' alt='C'>"},
            {"id": 2, "title": "B", "date": "2024-01-01", "views": 1, "bodyFormat": "html",
             "body": "Maps: <img src='maps/a.png' alt='Own'>"}
        ]}"#;
        let today = Date::parse("2026-11-28").unwrap();
        let found = |board: &str| -> Vec<String> {
            let text = format!(r#"{{"version": 1, "board": {board}, {notices}"#);
            let data = parse_data_file(&text, "notices.json").unwrap();
            warnings(&data, today)
                .iter()
                .map(ToString::to_string)
                .collect()
        };
        assert_eq!(
            found(r#"{"title": "B"}"#),
            ["Notice 1 (id “1”), field “body”: shows images from another site than the data file's (cdn.example, x.example): every reader's browser asks that site for them. List the sites you trust in board.imageHosts to leave out images from any other."]
        );
        assert_eq!(
            found(r#"{"title": "B", "imageHosts": ["CDN.example"]}"#),
            ["Notice 1 (id “1”), field “body”: has HTML the board does not show as written; it removes: an image from x.example, not one of board.imageHosts."]
        );
    }
}

#[cfg(test)]
mod unreadable_tests {
    use super::*;
    use notice_core::parse_data_file;

    #[test]
    fn a_character_that_could_not_be_read_is_reported_with_its_field() {
        let text = r#"{"version": 1, "board": {"title": "B"}, "notices": [
            {"id": 1, "title": "Party \ud83c", "date": "2024-01-01", "views": 1, "body": "Fine",
             "attachments": [{"name": "a\udc00.pdf", "url": "a.pdf", "size": 1}]}
        ]}"#;
        let data = parse_data_file(text, "notices.json").unwrap();
        let today = Date::parse("2026-11-28").unwrap();
        let fields: Vec<String> = warnings(&data, today)
            .into_iter()
            .filter(|w| w.message == UNREADABLE)
            .map(|w| w.field)
            .collect();
        assert_eq!(fields, ["title", "attachments[0].name"]);
    }
}
