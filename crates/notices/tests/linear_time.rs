//! Every stage a data file goes through (reading and checking it, `notices validate`'s
//! warnings and their places in the file, prerendering, the feed, search) takes time linear
//! in its size, whatever the file holds: each pathological pattern is run at one size and at
//! four times that size, and the larger must take less than six times as long (a quadratic
//! stage takes sixteen times).
//!
//! The bounds are generous on purpose: this guards against quadratic work, not for speed.
//! `cargo run --profile tools -p notices --example adversarial` reports the actual times.
//!
//! Timing needs optimised code (an unoptimised build spends its time elsewhere), so these
//! tests are left out of a plain `cargo test`; `scripts/test` runs them one at a time (two
//! at once would time each other) as
//! `cargo test --profile tools -p notices --test linear_time -- --ignored --test-threads=1`.

#[path = "support/hostile.rs"]
mod hostile;

use hostile::stages;

use std::time::{Duration, Instant};

/// How much longer the input is in the second run, and the most its time may grow.
const GROWTH: usize = 4;
const MAX_TIME_GROWTH: u32 = 6;
/// Times this short are noise, not a trend.
const FLOOR: Duration = Duration::from_millis(25);

/// The shortest of five runs of each, taken in turns so that a busy moment of the machine
/// does not fall on one size only.
fn times(small: impl Fn(), large: impl Fn()) -> (Duration, Duration) {
    let time = |work: &dyn Fn()| {
        let start = Instant::now();
        work();
        start.elapsed()
    };
    let mut best = (Duration::MAX, Duration::MAX);
    for _ in 0..5 {
        best.0 = best.0.min(time(&small));
        best.1 = best.1.min(time(&large));
    }
    best
}

fn assert_linear(what: &str, small: &str, large: &str) {
    let (small_time, large_time) = times(
        || {
            stages(small);
        },
        || {
            stages(large);
        },
    );
    assert!(
        large_time <= small_time.max(FLOOR) * MAX_TIME_GROWTH,
        "{what}: {} bytes took {small_time:?}, {} bytes took {large_time:?}",
        small.len(),
        large.len(),
    );
}

#[test]
#[ignore = "timing: run with --profile tools, as scripts/test does"]
fn every_pathological_body_takes_linear_time() {
    let size = 1024 * 1024;
    for pattern in hostile::patterns() {
        let small = hostile::data_file_with_body(&(pattern.make)(size), pattern.place);
        let large = hostile::data_file_with_body(&(pattern.make)(size * GROWTH), pattern.place);
        assert_linear(pattern.name, &small, &large);
    }
}

#[test]
#[ignore = "timing: run with --profile tools, as scripts/test does"]
fn many_notices_take_linear_time() {
    // From 2,000 notices on, the time per page is steady (below, caches flatter the small).
    let small = hostile::data_file_with_notices(2000);
    let large = hostile::data_file_with_notices(2000 * GROWTH);
    assert_linear("notices", &small, &large);
}

#[test]
#[ignore = "timing: run with --profile tools, as scripts/test does"]
fn marking_the_language_of_parts_takes_linear_time() {
    use notice_core::language::language_runs;
    // Alternating scripts (most runs), and one long run with long edges to extend.
    for pattern in ["가 a 나b ", "(((((가 a b)))))     ", "가가가가 "] {
        let small = pattern.repeat(50_000);
        let large = pattern.repeat(50_000 * GROWTH);
        let runs = |text: &str| {
            for board in ["en", "ko"] {
                std::hint::black_box(language_runs(text, "ko", board));
            }
        };
        let (small_time, large_time) = times(|| runs(&small), || runs(&large));
        assert!(
            large_time <= small_time.max(FLOOR) * MAX_TIME_GROWTH,
            "{pattern:?}: {small_time:?} for the text, {large_time:?} for {GROWTH} times it"
        );
    }
}

#[test]
#[ignore = "timing: run with --profile tools, as scripts/test does"]
fn searching_by_initial_consonants_takes_linear_time_in_the_title() {
    use notice_core::search::{fold, Terms};
    // The worst case for a naive search: a title of one syllable over and over, and a search
    // of its consonant that fails only at its last letter. And a title with a space between
    // every syllable, which the initials skip.
    let terms = Terms::new(&format!("{}ㄴ", "ㄱ".repeat(150)));
    for pattern in ["가", "가 "] {
        let small = fold(&format!("{}\nbody", pattern.repeat(200_000)));
        let large = fold(&format!("{}\nbody", pattern.repeat(200_000 * GROWTH)));
        let search = |text: &str| assert!(!terms.all_in(std::hint::black_box(text)));
        let (small_time, large_time) = times(|| search(&small), || search(&large));
        assert!(
            large_time <= small_time.max(FLOOR) * MAX_TIME_GROWTH,
            "{pattern:?}: {small_time:?} for the title, {large_time:?} for {GROWTH} times it"
        );
    }
}

#[test]
#[ignore = "timing: run with --profile tools, as scripts/test does"]
fn excerpts_and_list_files_take_linear_time() {
    use notice_core::published::number_list;
    use notice_core::search::Terms;
    // A body of one word that nearly matches everywhere, the match at its very end; and a
    // most-read file of many numbers.
    let terms = Terms::new(&format!("{}b", "a".repeat(150)));
    let body = |n: usize| format!("{}{}b", "a".repeat(n), "a".repeat(150));
    let (small, large) = (body(400_000), body(400_000 * GROWTH));
    let excerpt =
        |body: &str| assert!(terms.excerpt("title", std::hint::black_box(body)).is_some());
    let (small_time, large_time) = times(|| excerpt(&small), || excerpt(&large));
    assert!(
        large_time <= small_time.max(FLOOR) * MAX_TIME_GROWTH,
        "excerpt: {small_time:?}, then {large_time:?} for {GROWTH} times the body"
    );
    let list = |n: usize| format!("[{}]", vec!["123456"; n].join(","));
    let (small, large) = (list(400_000), list(400_000 * GROWTH));
    let read = |text: &str| assert!(number_list(std::hint::black_box(text.as_bytes())).is_some());
    let (small_time, large_time) = times(|| read(&small), || read(&large));
    assert!(
        large_time <= small_time.max(FLOOR) * MAX_TIME_GROWTH,
        "number list: {small_time:?}, then {large_time:?} for {GROWTH} times the numbers"
    );
}

#[test]
#[ignore = "timing: run with --profile tools, as scripts/test does"]
fn publishing_and_checking_twice_the_notices_takes_about_twice_as_long() {
    use notices::publish::{check, publish_into};
    // Both sizes cut into buckets of the same size (`notices_per_bucket`), so that twice the
    // notices is twice the files; a quadratic step would take four times as long.
    let small = hostile::data_file_with_notices(1000);
    let large = hostile::data_file_with_notices(2000);
    let publish_and_check = |text: &str, name: &str| {
        let dir =
            std::env::temp_dir().join(format!("notices-linear-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        let data = notice_core::parse_data_file(text, "notices.json").expect("a data file");
        publish_into(&dir, &data, text).expect("published");
        let found = check(&dir);
        assert_eq!(found.problems, [], "{name}");
        let _ = std::fs::remove_dir_all(&dir);
    };
    let (small_time, large_time) = times(
        || publish_and_check(&small, "small"),
        || publish_and_check(&large, "large"),
    );
    assert!(
        large_time <= small_time.max(FLOOR) * 3,
        "1,000 notices took {small_time:?}, 2,000 took {large_time:?}"
    );
}

/// The browser's view of a published board: its entry, and each of its files by address.
struct Served {
    entry: notice_core::Dataset,
    entry_url: String,
    files: std::collections::HashMap<String, Vec<u8>>,
    row_directories: usize,
}

impl Served {
    fn new(text: &str) -> Served {
        const BASE: &str = "https://example.org/board/";
        let data = notice_core::parse_data_file(text, "notices.json").expect("a data file");
        let publication = notice_core::published::publish(&data, text).expect("published");
        let entry_url = format!("{BASE}{}", publication.entry.name);
        let entry = notice_core::parse_data_file(&publication.entry.text, &entry_url).unwrap();
        let files = (publication.files.iter())
            .map(|file| {
                (
                    format!("{BASE}{}", file.name),
                    file.text.clone().into_bytes(),
                )
            })
            .collect();
        let row_directories = publication.meta.row_directories.len();
        Served {
            entry,
            entry_url,
            files,
            row_directories,
        }
    }

    /// A new window on the board: the windows of one publish share what searches found.
    fn window(&self) -> notice_core::published::Window {
        notice_core::published::Window::from_entry(&self.entry, &self.entry_url).unwrap()
    }

    /// `window` with the files of `needs`, fetched in one round.
    fn round(
        &self,
        window: &notice_core::published::Window,
        needs: Vec<notice_core::published::Need>,
    ) -> notice_core::published::Window {
        let fetched = needs.into_iter().map(|need| {
            let bytes = self.files[&window.url_of(&need)].clone();
            (need, bytes)
        });
        window.with_fetched(fetched.collect::<Vec<_>>()).unwrap()
    }
}

#[test]
#[ignore = "timing: run with --profile tools, as scripts/test does"]
fn a_round_of_many_fetched_files_is_taken_in_linear_time() {
    use notice_core::published::{names, Need};
    // Every row block of the board in one round, as a long most-read list may need: the
    // notices must be made into the window's data set once for the round, not once a file.
    let every_block = |served: &Served| {
        let directories = served.row_directories;
        let window = served.round(
            &served.window(),
            (0..directories).map(Need::RowDirectory).collect(),
        );
        let blocks = (0..directories).flat_map(|n| {
            let directory = &served.files[&window.url_of(&Need::RowDirectory(n))];
            names(&serde_json::from_slice(directory).unwrap()).unwrap()
        });
        let window = served.round(&window, blocks.map(Need::Shard).collect());
        std::hint::black_box(window);
    };
    let small = Served::new(&hostile::data_file_with_notices(4_000));
    let large = Served::new(&hostile::data_file_with_notices(4_000 * GROWTH));
    let (small_time, large_time) = times(|| every_block(&small), || every_block(&large));
    assert!(
        large_time <= small_time.max(FLOOR) * MAX_TIME_GROWTH,
        "4,000 notices took {small_time:?}, {GROWTH} times as many {large_time:?}"
    );
}

/// A search the index answers by reading every word that holds it, and the lists it is made
/// into, in each order: a later page of it, and it filtered by category and year. Its words
/// are in every notice, and one is inside a word of its own in every notice (its link).
fn searches() -> Vec<notice_core::url_state::UrlState> {
    use notice_core::listing::{ListQuery, Sort};
    use notice_core::url_state::UrlState;
    let with = |list: ListQuery| {
        let mut url = UrlState::list();
        url.list = list;
        url
    };
    [Sort::Newest, Sort::Oldest, Sort::MostRead]
        .into_iter()
        .flat_map(|sort| {
            let found = ListQuery {
                q: "kr/1 drills o".to_string(),
                sort,
                ..UrlState::list().list
            };
            let later_page = ListQuery {
                page: 20,
                ..found.clone()
            };
            let filtered = ListQuery {
                category: Some("c3".to_string()),
                year: Some(2015),
                ..found
            };
            [with(later_page), with(filtered)]
        })
        .collect()
}

/// `window` with every file `url` needs, fetched round by round.
fn fetched_for(
    served: &Served,
    mut window: notice_core::published::Window,
    url: &notice_core::url_state::UrlState,
) -> notice_core::published::Window {
    loop {
        let needs = window.needs(url);
        if needs.is_empty() {
            return window;
        }
        window = served.round(&window, needs);
    }
}

#[test]
#[ignore = "timing: run with --profile tools, as scripts/test does"]
fn a_search_of_a_published_board_takes_linear_time() {
    let searches = searches();
    let search = |served: &Served| {
        for url in &searches {
            let window = fetched_for(served, served.window(), url);
            std::hint::black_box(window.shown(url).expect("shown"));
        }
    };
    let small = Served::new(&hostile::data_file_with_notices(4_000));
    let large = Served::new(&hostile::data_file_with_notices(4_000 * GROWTH));
    let (small_time, large_time) = times(|| search(&small), || search(&large));
    assert!(
        large_time <= small_time.max(FLOOR) * MAX_TIME_GROWTH,
        "4,000 notices took {small_time:?}, {GROWTH} times as many {large_time:?}"
    );
}

#[test]
#[ignore = "timing: run with --profile tools, as scripts/test does"]
fn the_lists_a_search_is_made_into_take_linear_time() {
    // Every file fetched first: this times what each keystroke does once its files are in,
    // making the list (`Window::list`) and its page, alone. (One search after another: the
    // window keeps only the last list it made.)
    let searches = searches();
    let all_fetched = |served: &Served| {
        (searches.iter()).fold(served.window(), |window, url| {
            fetched_for(served, window, url)
        })
    };
    let show_each = |window: &notice_core::published::Window| {
        for url in &searches {
            std::hint::black_box(window.shown(url).expect("shown"));
        }
    };
    let small = Served::new(&hostile::data_file_with_notices(5_000));
    let large = Served::new(&hostile::data_file_with_notices(5_000 * GROWTH));
    let (small, large) = (all_fetched(&small), all_fetched(&large));
    let (small_time, large_time) = times(|| show_each(&small), || show_each(&large));
    assert!(
        large_time <= small_time.max(FLOOR) * MAX_TIME_GROWTH,
        "5,000 notices took {small_time:?}, {GROWTH} times as many {large_time:?}"
    );
}
