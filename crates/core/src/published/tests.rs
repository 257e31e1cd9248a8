//! The published form gives the same screens as the whole file: boards and URLs are
//! generated, each URL is shown from the published files the way the app fetches them
//! (counting round trips), and compared with the screen of today's in-memory code.

use super::*;
use crate::dataset::MOST_PINNED_ON_TOP;
use crate::i18n::Text;
use crate::listing::{ListQuery, Sort};
use crate::screen::{Load, Screen};
use crate::url_state::{UrlState, View};
use crate::{parse_data_file, Dataset};
use proptest::prelude::*;
use serde_json::{json, Value};
use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::Arc;

const EN: &Text = &crate::i18n::en::TEXT;
const ENTRY_URL: &str = "https://example.org/board/published.json";

/// A board of `count` notices drawn from `seed`: ids numeric and text (some duplicated),
/// dates with ties, some pinned, some unreadable (left out), some HTML bodies.
fn board_text(seed: u64, count: usize, page_size: usize) -> String {
    let mut state = seed | 1;
    let mut next = move |below: u64| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state % below.max(1)
    };
    let notices: Vec<Value> = (0..count)
        .map(|n| {
            let id = match next(10) {
                0 => json!(format!(" text-{} ", next(count as u64 + 1))),
                1 => json!(next(count as u64 + 1)),
                _ => json!(1000 + n),
            };
            let category = ["press", "safety", "jobs"][next(3) as usize];
            let date = format!(
                "20{:02}-{:02}-{:02}",
                10 + next(4),
                1 + next(3),
                1 + next(3)
            );
            let mut notice = json!({
                "id": id,
                "title": format!("Notice {n} 안전 {}", next(1000)),
                "date": date,
                "views": next(50),
                "body": format!("Body of {n}.\n\nSecond paragraph {}.", next(99)),
                "pinned": next(12) == 0,
                "category": category,
            });
            if next(5) == 0 {
                notice["bodyFormat"] = json!("html");
                notice["body"] = json!(format!("<p>Body <b>{n}</b></p><script>x()</script>"));
            }
            if next(25) == 0 {
                notice["date"] = json!("someday");
            }
            notice
        })
        .collect();
    json!({
        "version": 1,
        "board": {
            "title": "News", "siteName": "Ministry", "pageSize": page_size,
            "breadcrumb": [{ "label": "HOME", "url": "/" }],
            "categories": { "press": "Press", "safety": "Safety" }
        },
        "notices": notices
    })
    .to_string()
}

/// The published files by name, the entry among them.
fn files_of(publication: &Publication) -> HashMap<String, String> {
    let mut files: HashMap<String, String> = publication
        .files
        .iter()
        .map(|file| (file.name.clone(), file.text.clone()))
        .collect();
    files.insert(
        publication.entry.name.clone(),
        publication.entry.text.clone(),
    );
    files
}

/// A published board as the browser sees it: its files, each read once.
struct Served {
    files: HashMap<String, String>,
    read: RefCell<HashMap<String, Arc<Dataset>>>,
}

impl Served {
    fn new(publication: &Publication) -> Served {
        Served {
            files: files_of(publication),
            read: RefCell::default(),
        }
    }

    fn data_file(&self, name: &str) -> Arc<Dataset> {
        let mut read = self.read.borrow_mut();
        let parse = || Arc::new(parse_data_file(&self.files[name], ENTRY_URL).unwrap());
        read.entry(name.to_string()).or_insert_with(parse).clone()
    }
}

/// The screen for `url` from the published files, as the app gets it: the entry, then each
/// round of what the window still needs, fetched together. Also returns the rounds, and
/// what was fetched.
fn published_screen(served: &Served, url: &UrlState) -> (Screen, usize, Load) {
    let files = &served.files;
    let entry = served.data_file(ENTRY_FILE);
    let mut window = Window::from_entry(&entry, ENTRY_URL).unwrap();
    let mut rounds = 1;
    loop {
        let needs = window.needs(url);
        if needs.is_empty() {
            break;
        }
        rounds += 1;
        assert!(rounds < 10, "the window keeps needing files: {needs:?}");
        let round = needs.into_iter().map(|need| {
            let address = window.url_of(&need);
            let text = &files[address.strip_prefix("https://example.org/board/").unwrap()];
            (need, text.clone().into_bytes())
        });
        window = window.with_fetched(round.collect::<Vec<_>>()).unwrap();
    }
    let load = Load::Published(Arc::new(window));
    (Screen::new(&load, url, None), rounds, load)
}

/// The notices a screen links to (its rows, or its notice and neighbours).
fn linked(screen: &Screen) -> Vec<String> {
    let indices = match screen {
        Screen::List(list) => list.listing.rows().to_vec(),
        Screen::Notice(notice) => {
            let (before, after) = notice.listing.neighbours(notice.index());
            [Some(notice.index()), before, after]
                .into_iter()
                .flatten()
                .collect()
        }
        _ => Vec::new(),
    };
    let data = screen.data().unwrap();
    indices
        .into_iter()
        .map(|index| data.notices[index].id.as_str().to_string())
        .collect()
}

/// What a person sees and hears of a screen, to compare two of them.
fn seen(screen: &Screen) -> Value {
    let ids = |data: &Dataset, indices: &[usize]| -> Vec<String> {
        indices
            .iter()
            .map(|&i| data.notices[i].id.as_str().to_string())
            .collect()
    };
    let common = json!({ "title": screen.title(EN), "status": screen.status(EN) });
    match screen {
        Screen::List(list) => json!({
            "common": common,
            "rows": ids(&list.data, list.listing.rows()),
            "excerpts": list.listing.rows().iter().map(|&i| {
                let notice = &list.data.notices[i];
                list.listing.terms.excerpt(&notice.title, &notice.body)
            }).collect::<Vec<_>>(),
            "highlights": list.listing.rows().iter().map(|&i| {
                list.listing.terms.highlight(&list.data.notices[i].title)
            }).collect::<Vec<_>>(),
            "page": [list.listing.page, list.listing.pages, list.listing.start, list.listing.end],
            "categories": list.data.categories_in_use().iter().map(|c| &c.label).collect::<Vec<_>>(),
            "years": list.data.years(),
        }),
        Screen::Notice(notice) => {
            let (before, after) = notice.listing.neighbours(notice.index());
            let shown = notice.notice();
            json!({
                "common": common,
                "notice": [shown.id.as_str(), &shown.title, &shown.body, shown.views],
                "html": shown.rich_body.is_some(),
                "neighbours": [before.map(|i| ids(&notice.data, &[i])), after.map(|i| ids(&notice.data, &[i]))],
                "back": notice.listing.page_of(notice.index(), notice.data.board.page_size),
            })
        }
        Screen::NotFound(not_found) => json!({ "common": common, "not found": not_found.id }),
        Screen::Loading | Screen::Failed(_) => json!({ "common": common, "unexpected": true }),
    }
}

fn check_board(seed: u64, count: usize, page_size: usize) {
    let text = board_text(seed, count, page_size);
    let Ok(data) = parse_data_file(&text, "https://example.org/board/notices.json") else {
        return; // Not one readable notice: nothing to publish.
    };
    let publication = publish(&data, &text).unwrap();
    let files = Served::new(&publication);
    let whole = Load::Ready(Arc::new(data.clone()));
    let mut urls = Vec::new();
    let pages = data.notices.len().div_ceil(page_size) + 2;
    for page in 1..=pages {
        let mut url = UrlState::list();
        url.list.page = page;
        urls.push(url);
    }
    for notice in &data.notices {
        urls.push(UrlState::list().with_view(View::Notice(notice.id.as_str().to_string())));
    }
    for missing in ["0", "999999", "zzz", "text-", "01000"] {
        urls.push(UrlState::list().with_view(View::Notice(missing.to_string())));
    }
    // Counting the entry, which a board that is open has: then a page of the plain list
    // takes at most 2 rounds (a row directory, the blocks), a notice too (a bucket directory,
    // the bucket, which holds its neighbours' rows).
    let mut urls: Vec<(UrlState, usize)> = urls.into_iter().map(|url| (url, 3)).collect();
    // Filtered and sorted lists, and notices opened from them: a list takes at most 3 rounds
    // (its order's file, a row directory, the blocks); a notice opened from its link alone
    // too (its bucket's directory and the list's file, then its bucket with every row
    // directory, then its neighbours' blocks).
    let year = data.years().first().copied();
    let last = data.notices.len().div_ceil(page_size);
    for query in queries(year) {
        // A search takes at most 6: the index's directory with those of blocks, the pieces
        // or trigrams of its words, the files of the words they are in, the blocks of the
        // rows found, then for rows found by their bodies the buckets the rows name.
        let most = if query.q.is_empty() { 4 } else { 6 };
        for page in [1, 2, last, last + 1] {
            let mut url = UrlState::list();
            url.list = ListQuery {
                page,
                ..query.clone()
            };
            urls.push((url, most));
        }
        for notice in data.notices.iter().step_by(5) {
            let mut url = UrlState::list().with_view(View::Notice(notice.id.as_str().to_string()));
            url.list = ListQuery {
                page: 1 + notice.views as usize % 3,
                ..query.clone()
            };
            urls.push((url, most.max(5)));
        }
    }
    for (url, most) in urls {
        let (shown, rounds, fetched) = published_screen(&files, &url);
        assert_eq!(
            seen(&shown),
            seen(&Screen::new(&whole, &url, None)),
            "seed {seed}, {count} notices, page size {page_size}, {url:?}"
        );
        assert!(rounds <= most, "{rounds} round trips for {url:?}");
        // Where each notice linked to is in the plain list, which says whether it has a
        // prerendered page to link to, is known as it is from the whole file.
        for id in linked(&shown) {
            assert_eq!(
                fetched.plain_place(&id),
                whole.plain_place(&id),
                "{id}, {url:?}"
            );
        }
    }
}

/// Every filter and order a list offers: each category (and one no notice has), a year that
/// has notices and one that has not, each sort; and searches of every kind, alone and with
/// a filter or another order.
fn queries(year: Option<u16>) -> Vec<ListQuery> {
    let mut queries = Vec::new();
    for q in SEARCHES {
        for (category, sort) in [(None, Sort::Newest), (Some("press"), Sort::MostRead)] {
            queries.push(ListQuery {
                q: q.to_string(),
                category: category.map(str::to_string),
                sort,
                ..ListQuery::default()
            });
        }
    }
    for category in [None, Some("press"), Some("jobs"), Some("nope")] {
        for year in [None, year, Some(1999)] {
            for sort in Sort::ALL {
                queries.push(ListQuery {
                    category: category.map(str::to_string),
                    year,
                    sort,
                    ..ListQuery::default()
                });
            }
        }
    }
    queries
}

/// Searches: Latin words whole and in part, of one, two, three and more characters, in titles
/// and in bodies, several words, Korean inside words, initial consonants, words found nowhere.
const SEARCHES: [&str; 14] = [
    "notice",
    "o",
    "od",
    "ody",
    "paragraph 4",
    "body 1",
    "안전",
    "안",
    "ㅇㅈ",
    "ㅇ",
    "9 안전",
    "NOTICE 1",
    "zzz",
    "ragra",
];

#[test]
fn a_small_board_shows_the_same_from_its_published_files() {
    check_board(7, 40, 10);
    check_board(8, 0, 10);
    check_board(9, 1, 1);
}

/// A notice of the first page is opened with one fetch after the entry: its row names its
/// bucket, so its bucket's directory is not needed first.
#[test]
fn a_notice_of_the_first_page_takes_one_round() {
    let text = board_text(7, 400, 10);
    let data = parse_data_file(&text, "n.json").unwrap();
    let files = Served::new(&publish(&data, &text).unwrap());
    let (first_page, ..) = published_screen(&files, &UrlState::list());
    let ids = linked(&first_page);
    assert!(
        ids.len() >= 10,
        "the pinned notices and a page of the others"
    );
    for id in ids {
        let (_, rounds, _) =
            published_screen(&files, &UrlState::list().with_view(View::Notice(id)));
        assert_eq!(rounds, 2, "the entry, then the bucket");
    }
}

/// A word of three characters or more that begins the words it is in (`paragraph`, and
/// `notice` of `notices`) is answered by its trigrams and the file of words it would be in,
/// fetched together: the search is one round of the index, on a board whose words fill many
/// files.
#[test]
fn a_word_that_begins_its_words_takes_one_round_of_the_index() {
    let text = board_text(5, 3_000, 10);
    let data = parse_data_file(&text, "n.json").unwrap();
    let publication = publish(&data, &text).unwrap();
    let files = Served::new(&publication);
    let directory = Directory::from_bytes(files.files[&publication.meta.search].as_bytes());
    assert!(directory.unwrap().files(Part::Words) > 2);
    let whole = Load::Ready(Arc::new(data.clone()));
    // The entry, the focus's directories, the index (the first page's rows are the entry's);
    // then, for a word found in bodies, the buckets of the excerpts. A word no notice has
    // (`notices`: the titles say `Notice`) costs the same.
    for (q, most) in [("notice", 3), ("NOTICES", 3), ("paragraph", 4)] {
        let mut url = UrlState::list();
        url.list.q = q.to_string();
        let (shown, rounds, _) = published_screen(&files, &url);
        assert_eq!(seen(&shown), seen(&Screen::new(&whole, &url, None)), "{q}");
        assert_eq!(rounds, most, "round trips for {q}");
    }
}

#[test]
fn a_board_of_several_directories_shows_the_same() {
    // 128 blocks of 32 rows to a directory: 24,000 notices (some pinned or unreadable) need several.
    let text = board_text(11, 24_000, 10);
    let data = parse_data_file(&text, "n.json").unwrap();
    let publication = publish(&data, &text).unwrap();
    assert!(publication.meta.row_directories.len() >= 2);
    let files = Served::new(&publication);
    let whole = Load::Ready(Arc::new(data.clone()));
    let notice = |n: usize| UrlState::list().with_view(View::Notice(data.notices[n].id.0.clone()));
    let mut last_page = UrlState::list();
    last_page.list.page = data.notices.len() / 10;
    let last = data.notices.len() - 1;
    for url in [last_page, notice(0), notice(last / 2), notice(last)] {
        let (shown, rounds, _) = published_screen(&files, &url);
        assert_eq!(seen(&shown), seen(&Screen::new(&whole, &url, None)));
        assert!(rounds <= 3);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(32))]
    #[test]
    fn published_boards_show_what_the_whole_file_shows(
        seed in any::<u64>(),
        count in 0usize..300,
        page_size in 1usize..=25,
    ) {
        check_board(seed, count, page_size);
    }
}

#[test]
fn the_entry_is_written_last_and_names_only_files_of_its_publish() {
    let text = board_text(3, 100, 10);
    let data = parse_data_file(&text, "n.json").unwrap();
    let publication = publish(&data, &text).unwrap();
    let names: Vec<&str> = publication.files.iter().map(|f| f.name.as_str()).collect();
    let entry: Value = serde_json::from_str(&publication.entry.text).unwrap();
    let meta = Meta::from_json(&entry["published"]).unwrap();
    for name in meta.row_directories.iter().chain([&meta.data_file]) {
        assert!(names.contains(&name.as_str()), "{name}");
    }
    for name in &names {
        assert!(
            name.starts_with("published/") && name.ends_with(".json"),
            "{name}"
        );
    }
}

/// Adding the newest notice to a board whose ids follow its dates, as a CMS numbers them,
/// changes only the newest row block: each row names its bucket, and only the newest
/// bucket (the new notice's, which holds the one before it too) changes. (Where ids do not
/// follow dates, the blocks of the changed buckets' notices change too.)
#[test]
fn adding_a_notice_changes_only_the_newest_block() {
    let notice = |n: usize| {
        let date = format!(
            "20{:02}-{:02}-{:02}",
            10 + n / 336,
            1 + n / 28 % 12,
            1 + n % 28
        );
        json!({ "id": 1000 + n, "title": format!("Notice {n}"), "date": date, "views": n,
                "body": format!("Body of {n}.") })
    };
    let mut notices: Vec<Value> = (0..200).map(notice).collect();
    let board = |notices: &[Value]| {
        json!({ "version": 1, "board": { "title": "News" }, "notices": notices }).to_string()
    };
    let before = board(&notices);
    notices.push(notice(200));
    let after = board(&notices);
    let blocks = |text: &str| -> Vec<String> {
        let data = parse_data_file(text, "n.json").unwrap();
        let publication = publish(&data, text).unwrap();
        let files = files_of(&publication);
        let directory: Vec<String> =
            serde_json::from_str(&files[&publication.meta.row_directories[0]]).unwrap();
        directory
    };
    let (before, after) = (blocks(&before), blocks(&after));
    let unchanged = before
        .iter()
        .zip(&after)
        .take_while(|(a, b)| a == b)
        .count();
    assert!(
        unchanged >= before.len() - 1,
        "{unchanged} of {} kept",
        before.len()
    );
}

#[test]
fn list_files_are_read_as_numbers_and_anything_else_is_refused() {
    assert_eq!(number_list(b"[3,0,12]"), Some(vec![3, 0, 12]));
    assert_eq!(number_list(b" [ 3 , 0 ]\n"), Some(vec![3, 0]));
    assert_eq!(number_list(b"[]"), Some(vec![]));
    for wrong in [
        &b"[3,,0]"[..],
        b"[-1]",
        b"[1.5]",
        b"[1e3]",
        b"[\"1\"]",
        b"3,0",
        b"[3,0",
        b"[99999999999999999999999]",
        b"[3]x",
        b"\xff",
    ] {
        assert_eq!(
            number_list(wrong),
            None,
            "{}",
            String::from_utf8_lossy(wrong)
        );
    }
}

#[test]
fn a_published_search_finds_korean_inside_words_and_by_initial_consonants() {
    let notices: Vec<Value> = [
        ("행정안전부 보도자료", "지진 대피 훈련 안내"),
        ("2024년 지진 대피 훈련", "행정안전부는 훈련을 합니다."),
        ("Civil Defense Drill", "walk to the nearest shelter"),
        ("안전 점검", "ㅋㅋ 행정·안전부"),
    ]
    .iter()
    .enumerate()
    .map(|(n, (title, body))| {
        json!({ "id": n + 1, "title": title, "date": format!("2024-01-0{}", n + 1), "views": n, "body": body })
    })
    .collect();
    let text =
        json!({ "version": 1, "board": { "title": "News", "pageSize": 10 }, "notices": notices })
            .to_string();
    let data = parse_data_file(&text, "n.json").unwrap();
    let files = Served::new(&publish(&data, &text).unwrap());
    let whole = Load::Ready(Arc::new(data.clone()));
    for q in [
        "안전부",
        "ㅎㅈㅇㅈㅂ",
        "ㅈㅈ 훈련",
        "ㅈㅈㄷㅍ",
        "행정",
        "ㅋㅋ",
        "ㅎㅈ",
        "shelter",
        "ELT",
        "ㅇㅈㅂ",
        "훈련을",
        "안",
    ] {
        let mut url = UrlState::list();
        url.list.q = q.to_string();
        let (shown, _, _) = published_screen(&files, &url);
        let expected = Screen::new(&whole, &url, None);
        assert_eq!(seen(&shown), seen(&expected), "{q}");
        let Screen::List(list) = &expected else {
            panic!("{q}")
        };
        assert!(list.listing.total() > 0, "{q} finds something");
    }
}

/// A notice's rank, worked out from its place in the plain list (the pinned notices on top
/// first), is its index in the whole data set: the window orders what it fetched by it. The
/// board pins more than the list shows on top, so older pinned notices rank among the others.
#[test]
fn a_place_ranks_where_the_whole_file_puts_the_notice() {
    let text = board_text(13, 400, 10);
    let data = parse_data_file(&text, "n.json").unwrap();
    let meta = publish(&data, &text).unwrap().meta;
    let pinned = data.notices.iter().filter(|notice| notice.pinned).count();
    assert!(pinned > 10, "{pinned} pinned");
    assert_eq!(meta.pinned, MOST_PINNED_ON_TOP);
    let (mut on_top_before, mut others_before) = (0, 0);
    for index in 0..data.notices.len() {
        let on_top = data.is_on_top(index);
        let place = match on_top {
            true => on_top_before,
            false => MOST_PINNED_ON_TOP + others_before,
        };
        assert_eq!(
            meta.rank(place),
            index,
            "{}",
            data.notices[index].id.as_str()
        );
        *(if on_top {
            &mut on_top_before
        } else {
            &mut others_before
        }) += 1;
    }
}
