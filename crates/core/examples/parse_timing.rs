//! Native timing of the load path (parse, validate, sort, fold for search) and of one search,
//! to see where time goes without a browser. Numbers in wasm are higher; bench/finding.mjs
//! measures those.
//!
//! Usage: cargo run --release -p notice-core --example parse_timing -- target/bench/notices-10000.json

use notice_core::listing::{ListQuery, Listing};
use notice_core::parse_data_file;
use notice_core::rich_text::sanitise;
use std::time::Instant;

fn main() {
    let path = std::env::args().nth(1).expect("usage: parse_timing FILE");
    let text = std::fs::read_to_string(&path).expect("a readable data file");

    let start = Instant::now();
    let json: serde_json::Value = serde_json::from_str(&text).expect("valid JSON");
    println!("JSON parse alone:   {:?}", start.elapsed());
    let bodies: Vec<&str> = json["notices"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|notice| notice["bodyFormat"] == "html")
        .filter_map(|notice| notice["body"].as_str())
        .collect();
    if !bodies.is_empty() {
        let start = Instant::now();
        let texts: usize = bodies
            .iter()
            .map(|body| sanitise(body, &path).plain_text().len())
            .sum();
        println!(
            "sanitise + text:    {:?} ({} HTML bodies, {texts} bytes of text)",
            start.elapsed(),
            bodies.len()
        );
    }
    drop(json);

    let start = Instant::now();
    let data = parse_data_file(&text, &path).expect("a valid data file");
    println!(
        "parse_data_file:    {:?} ({} notices)",
        start.elapsed(),
        data.notices.len()
    );

    let query = ListQuery {
        q: "drill".into(),
        page: 1,
        ..ListQuery::default()
    };
    let start = Instant::now();
    let listing = Listing::new(&data, &query, data.board.page_size);
    println!(
        "search “drill”:     {:?} ({} matches)",
        start.elapsed(),
        listing.total()
    );
}
