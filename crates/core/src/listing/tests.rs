use super::*;
use crate::dataset::MOST_PINNED_ON_TOP;
use crate::{Board, Date, NoticeId};
use proptest::prelude::*;

fn notice(
    id: u64,
    date: &str,
    views: u64,
    category: Option<&str>,
    pinned: bool,
    title: &str,
) -> Notice {
    Notice {
        id: NoticeId(id.to_string()),
        title: title.into(),
        date: Date::parse(date).unwrap(),
        views,
        body: format!("Body of notice {id}."),
        rich_body: None,
        category: category.map(str::to_string),
        pinned,
        lang: None,
        attachments: Vec::new(),
        position: 1,
    }
}

fn sample() -> Dataset {
    Dataset::new(
        Board::default(),
        vec![
            notice(
                1,
                "2017-08-10",
                2347,
                Some("safety"),
                false,
                "Civil Defense Drill",
            ),
            notice(
                2,
                "2018-05-14",
                2131,
                Some("safety"),
                false,
                "Earthquake Drill",
            ),
            notice(
                3,
                "2018-05-17",
                15649,
                Some("press"),
                false,
                "A safer Korea",
            ),
            notice(4, "2019-12-26", 5844, Some("egov"), true, "Malaysia MOU"),
            notice(
                5,
                "2020-01-02",
                6409,
                Some("egov"),
                false,
                "Delegation to Laos",
            ),
            notice(6, "2020-03-02", 100, None, true, "지진 대피 훈련 안내"),
        ],
        Vec::new(),
    )
}

fn ids(data: &Dataset, indices: &[usize]) -> Vec<u64> {
    indices
        .iter()
        .map(|&i| data.notices[i].id.as_str().parse().unwrap())
        .collect()
}

fn query(q: &str) -> ListQuery {
    ListQuery {
        q: q.into(),
        page: 1,
        ..ListQuery::default()
    }
}

#[test]
fn pinned_notices_lead_the_first_page_of_the_plain_list_only() {
    let data = sample();
    let page1 = Listing::new(&data, &query(""), 2);
    assert_eq!(
        ids(&data, page1.rows()),
        [6, 4, 5, 3],
        "pinned on top, then 2 more"
    );
    assert_eq!(page1.pages, 2);
    let page2 = Listing::new(
        &data,
        &ListQuery {
            page: 2,
            ..query("")
        },
        2,
    );
    assert_eq!(
        ids(&data, page2.rows()),
        [2, 1],
        "pinned notices are not repeated"
    );
    let filtered = Listing::new(
        &data,
        &ListQuery {
            category: Some("egov".into()),
            ..query("")
        },
        10,
    );
    assert_eq!(
        ids(&data, filtered.rows()),
        [5, 4],
        "a filtered list is in plain date order"
    );
    assert_eq!(filtered.pinned_on_top(), 0);
}

/// A board that pins eight notices: the five newest lead the first page; the three older
/// ones keep their place by date (still pinned, so still marked).
#[test]
fn at_most_five_pinned_notices_lead_the_list_the_older_ones_keep_their_date_place() {
    let notices = (1..=20)
        .map(|id| {
            let date = format!("2026-01-{id:02}");
            let pinned = id % 2 == 0 && id <= 16;
            notice(id, &date, 0, None, pinned, "Notice")
        })
        .collect();
    let data = Dataset::new(Board::default(), notices, Vec::new());
    let page1 = Listing::new(&data, &query(""), 3);
    assert_eq!(page1.pinned_on_top(), MOST_PINNED_ON_TOP);
    assert_eq!(ids(&data, page1.rows()), [16, 14, 12, 10, 8, 20, 19, 18]);
    let older_pinned = data.index_of("6").unwrap();
    assert!(data.notices[older_pinned].pinned && !data.is_on_top(older_pinned));
    // 15 others after the five on top: 20, 19, 18 | 17, 15, 13 | 11, 9, 7 | 6, …
    assert_eq!(page1.page_of(older_pinned, 3), 4);
    let page4 = Listing::new(
        &data,
        &ListQuery {
            page: 4,
            ..query("")
        },
        3,
    );
    assert_eq!(ids(&data, page4.rows()), [6, 5, 4]);
    assert_eq!(page1.total(), 20);
    // The same list when it comes from a search emptied (the refining path).
    let searched = Listing::new(&data, &query("notice"), 3);
    let emptied = Listing::refine(&data, &query(""), 3, Some((&query("notice"), &searched)));
    assert_eq!(ids(&data, emptied.rows()), ids(&data, page1.rows()));
}

#[test]
fn searches_fold_case_and_need_every_word() {
    let data = sample();
    assert_eq!(
        ids(&data, Listing::new(&data, &query("DRILL"), 10).rows()),
        [2, 1]
    );
    assert_eq!(
        ids(
            &data,
            Listing::new(&data, &query("drill earthquake"), 10).rows()
        ),
        [2]
    );
    assert_eq!(
        ids(&data, Listing::new(&data, &query("notice 3"), 10).rows()),
        [3],
        "body text is searched"
    );
    assert_eq!(
        ids(&data, Listing::new(&data, &query("지진"), 10).rows()),
        [6]
    );
    assert!(Listing::new(&data, &query("xyz"), 10).rows().is_empty());
}

#[test]
fn initial_consonants_find_titles_and_typing_more_of_them_narrows_the_list() {
    let data = sample();
    let search = |q: &str| ids(&data, Listing::new(&data, &query(q), 10).rows());
    assert_eq!(search("ㅈㅈ 훈련"), [6]);
    assert_eq!(search("ㅈㅈㄷㅍ"), [6]);
    assert!(search("ㄷㅍㅈㅈ").is_empty());
    let before = query("ㅈㅈ");
    let previous = Listing::new(&data, &before, 10);
    assert_eq!(ids(&data, previous.rows()), [6]);
    for more in ["ㅈㅈㄷ", "ㅈㅈㄷㅎ"] {
        assert_eq!(
            Listing::refine(&data, &query(more), 10, Some((&before, &previous))),
            Listing::new(&data, &query(more), 10),
            "{more}"
        );
    }
}

#[test]
fn filters_and_sorts_combine() {
    let data = sample();
    let q = ListQuery {
        year: Some(2018),
        sort: Sort::MostRead,
        ..query("")
    };
    assert_eq!(ids(&data, Listing::new(&data, &q, 10).rows()), [3, 2]);
    let q = ListQuery {
        sort: Sort::Oldest,
        ..query("")
    };
    assert_eq!(
        ids(&data, Listing::new(&data, &q, 10).rows()),
        [1, 2, 3, 4, 5, 6]
    );
}

#[test]
fn unknown_categories_and_impossible_pages_fall_back() {
    let data = sample();
    let q = ListQuery {
        category: Some("nope".into()),
        page: 9999,
        ..query("")
    };
    let listing = Listing::new(&data, &q, 2);
    assert_eq!(listing.total(), 6, "an unknown category does not filter");
    assert_eq!(listing.page, 2, "page 9999 shows the last page");
    let listing = Listing::new(
        &data,
        &ListQuery {
            page: 0,
            ..query("")
        },
        2,
    );
    assert_eq!(listing.page, 1);
    let empty = Listing::new(&data, &query("xyz"), 2);
    assert_eq!((empty.page, empty.pages, empty.rows().len()), (1, 1, 0));
}

#[test]
fn neighbours_and_pages_follow_the_list_order() {
    let data = sample();
    let listing = Listing::new(&data, &query("drill"), 10);
    let earthquake = data
        .notices
        .iter()
        .position(|n| n.id.as_str() == "2")
        .unwrap();
    let civil = data
        .notices
        .iter()
        .position(|n| n.id.as_str() == "1")
        .unwrap();
    assert_eq!(listing.neighbours(earthquake), (None, Some(civil)));
    assert_eq!(listing.neighbours(civil), (Some(earthquake), None));
    let plain = Listing::new(&data, &query(""), 2);
    assert_eq!(plain.page_of(civil, 2), 2);
    assert_eq!(
        plain.page_of(data.notices.iter().position(|n| n.pinned).unwrap(), 2),
        1
    );
}

#[test]
fn the_page_window_keeps_first_and_last_and_at_most_seven_entries() {
    assert_eq!(page_window(1, 1), [Some(1)]);
    assert_eq!(page_window(3, 7), (1..=7).map(Some).collect::<Vec<_>>());
    assert_eq!(
        page_window(1, 25),
        [Some(1), Some(2), Some(3), Some(4), Some(5), None, Some(25)]
    );
    assert_eq!(
        page_window(12, 25),
        [Some(1), None, Some(11), Some(12), Some(13), None, Some(25)]
    );
    assert_eq!(
        page_window(25, 25),
        [
            Some(1),
            None,
            Some(21),
            Some(22),
            Some(23),
            Some(24),
            Some(25)
        ]
    );
}

fn arbitrary_dataset() -> impl Strategy<Value = Dataset> {
    prop::collection::vec(
        (
            0u64..5000,
            2000u16..2027,
            1u8..13,
            0u64..100,
            any::<bool>(),
            0usize..3,
        ),
        0..60,
    )
    .prop_map(|rows| {
        let mut seen = std::collections::HashSet::new();
        let notices = rows
            .into_iter()
            .filter(|row| seen.insert(row.0))
            .map(|(id, year, month, views, pinned, category)| {
                let date = format!("{year:04}-{month:02}-01");
                notice(
                    id,
                    &date,
                    views,
                    ["a", "b", "c"].get(category).copied(),
                    pinned,
                    "Title",
                )
            })
            .collect();
        Dataset::new(Board::default(), notices, Vec::new())
    })
}

proptest! {
    #[test]
    fn every_notice_appears_on_exactly_one_page(
        data in arbitrary_dataset(),
        page_size in 1usize..15,
        sort in prop::sample::select(Sort::ALL.to_vec()),
        category in prop::option::of(prop::sample::select(vec!["a".to_string(), "b".to_string()])),
    ) {
        let base = ListQuery { sort, category, page: 1, ..ListQuery::default() };
        let first = Listing::new(&data, &base, page_size);
        let mut shown: Vec<usize> = Vec::new();
        for page in 1..=first.pages {
            let listing = Listing::new(&data, &ListQuery { page, ..base.clone() }, page_size);
            prop_assert!(listing.rows().len() <= page_size + listing.pinned_on_top());
            prop_assert!(page == first.pages || listing.rows().len() >= page_size);
            for &index in listing.rows() {
                prop_assert_eq!(listing.page_of(index, page_size), page);
            }
            shown.extend_from_slice(listing.rows());
        }
        let mut sorted = shown.clone();
        sorted.sort_unstable();
        sorted.dedup();
        prop_assert_eq!(sorted.len(), shown.len(), "no notice twice");
        prop_assert_eq!(shown.len(), first.total(), "every match once");
    }

    #[test]
    fn the_page_window_always_has_the_current_first_and_last_page(pages in 1usize..500, page in 1usize..500) {
        let page = page.min(pages);
        let window = page_window(page, pages);
        prop_assert!(window.len() <= 7);
        prop_assert!(window.contains(&Some(page)));
        prop_assert_eq!(window.first(), Some(&Some(1)));
        prop_assert_eq!(window.last(), Some(&Some(pages)));
        let numbers: Vec<usize> = window.iter().flatten().copied().collect();
        prop_assert!(numbers.windows(2).all(|pair| pair[0] < pair[1]));
    }
}

proptest! {
    #[test]
    fn refining_a_listing_gives_the_same_result_as_starting_over(
        first in "[a-e ]{0,4}",
        more in "[a-e ]{0,4}",
        page in 1usize..4,
        sort in prop::sample::select(Sort::ALL.to_vec()),
    ) {
        let data = Dataset::new(
            Board::default(),
            ["abc", "bcd", "cde", "ace bd", "ea", "d c b", "aa bb"]
                .iter()
                .enumerate()
                .map(|(i, title)| notice(i as u64, &format!("2020-01-{:02}", i + 1), i as u64, None, i == 2, title))
                .collect(),
            Vec::new(),
        );
        let before = ListQuery { q: first.clone(), sort, page: 1, ..ListQuery::default() };
        let previous = Listing::new(&data, &before, 2);
        let after = ListQuery { q: format!("{first}{more}"), sort, page, ..ListQuery::default() };
        prop_assert_eq!(
            Listing::refine(&data, &after, 2, Some((&before, &previous))),
            Listing::new(&data, &after, 2)
        );
    }

    #[test]
    fn refining_a_korean_search_gives_the_same_result_as_starting_over(
        first in "[ㄱㄴㅎ가나하 ]{0,4}",
        more in "[ㄱㄴㅎ가나하 ]{0,4}",
    ) {
        let titles = ["가나", "나 가", "ㄱㄴ", "하가나", "가ㄴ", "나하 하", "가.나"];
        let data = Dataset::new(
            Board::default(),
            titles
                .iter()
                .enumerate()
                .map(|(i, title)| {
                    let mut notice = notice(i as u64, &format!("2020-01-{:02}", i + 1), 0, None, false, title);
                    notice.body = ["", "ㄱㄴ ㅎ", "하나"][i % 3].to_string();
                    notice
                })
                .collect(),
            Vec::new(),
        );
        let before = ListQuery { q: first.clone(), page: 1, ..ListQuery::default() };
        let previous = Listing::new(&data, &before, 2);
        let after = ListQuery { q: format!("{first}{more}"), page: 1, ..ListQuery::default() };
        prop_assert_eq!(
            Listing::refine(&data, &after, 2, Some((&before, &previous))),
            Listing::new(&data, &after, 2)
        );
    }
}
