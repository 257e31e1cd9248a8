//! Every stage a data file goes through (reading and checking it, `notices validate`'s
//! warnings and their places in the file, prerendering, the feed, search) takes time linear
//! in its size, whatever the file holds: each pathological pattern is run at one size and at
//! four times that size, and the larger must take less than six times as long (a quadratic
//! stage takes sixteen times).
//!
//! The bounds are generous on purpose: this guards against quadratic work, not for speed.
//! `cargo run --profile tools --example adversarial` reports the actual times.
//!
//! Timing needs optimised code (an unoptimised build spends its time elsewhere), so these
//! tests are left out of a plain `cargo test`; `scripts/test` runs them one at a time (two
//! at once would time each other) as
//! `cargo test --profile tools --test linear_time -- --ignored --test-threads=1`.

#[path = "support/hostile.rs"]
mod hostile;

use notice_board::feed;
use notice_board::model::listing::{ListQuery, Listing};
use notice_board::model::locate::locate_all;
use notice_board::model::warnings::warnings;
use notice_board::model::{parse_data_file, Date};
use notice_board::prerender::{prerender_each, Options};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// The built page's shape that prerendering needs (the real `index.html`).
const TEMPLATE: &str = include_str!("../index.html");

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

/// Everything done with a data file: reading and checking it, the editors' warnings, the
/// prerendered pages (every view's formatting and sanitised bodies), the feed and sitemap,
/// and a search over it.
fn every_stage(text: &str) {
    let data = Arc::new(parse_data_file(text, "notices.json").expect("a readable data file"));
    let found = warnings(&data, Date::parse("2026-01-01").expect("a date"));
    let places: Vec<_> = (data.problems.iter().chain(&found))
        .map(|problem| (&problem.place, problem.field.as_str()))
        .collect();
    let _ = locate_all(text, &places);
    let options = Options {
        data_url: "notices.json".into(),
        base_url: Some("https://www.example.go.kr/news/".into()),
        feed: Some("feed.xml".into()),
        today: None,
    };
    // Each page is dropped once written, as `notices prerender` does.
    prerender_each(TEMPLATE, data.clone(), &options, |page| {
        std::hint::black_box(page);
        Ok(())
    })
    .expect("pages");
    let _ = feed::atom(&data, "https://www.example.go.kr/news/");
    let _ = feed::sitemap(&data, "https://www.example.go.kr/news/");
    let query = ListQuery {
        q: "a 행정 kisa".into(),
        page: 1,
        ..ListQuery::default()
    };
    let _ = Listing::new(&data, &query, 10);
}

fn assert_linear(what: &str, small: &str, large: &str) {
    let (small_time, large_time) = times(|| every_stage(small), || every_stage(large));
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
