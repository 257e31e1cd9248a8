//! The check finds a folder that is wrong though every file in it is whole and named for
//! its content (a directory listing the wrong files), and the sweep removes only the
//! files a publish writes. The command-line tests (tests/notices_cli.rs) cover the rest.

use super::*;
use notice_core::published::PublishedFile;

/// A board of `count` notices, one day apart, the first two pinned.
fn board(count: usize) -> String {
    let notices: Vec<serde_json::Value> = (1..=count)
        .map(|n| {
            serde_json::json!({
                "id": n, "title": format!("Notice {n}"),
                "date": format!("2024-{:02}-{:02}", 1 + n / 28 % 12, 1 + n % 28),
                "views": n, "pinned": n <= 2, "body": format!("Text of notice {n}.")
            })
        })
        .collect();
    serde_json::json!({ "version": 1, "board": { "title": "B" }, "notices": notices }).to_string()
}

/// A folder with `text` published in it.
fn published(name: &str, text: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("notices-publish-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let data = parse_data_file(text, "notices.json").unwrap();
    publish_into(&dir, &data, text).unwrap();
    assert_eq!(check(&dir).problems, [], "{name}: published whole");
    dir
}

fn entry(dir: &Path) -> serde_json::Value {
    serde_json::from_str(&std::fs::read_to_string(dir.join(ENTRY_FILE)).unwrap()).unwrap()
}

/// The first row directory the entry names, and the blocks it lists.
fn first_row_directory(dir: &Path) -> (String, Vec<String>) {
    let directory = entry(dir)["published"]["rowDirectories"][0]
        .as_str()
        .unwrap()
        .to_string();
    let text = std::fs::read_to_string(dir.join(&directory)).unwrap();
    let blocks = names(&serde_json::from_str(&text).unwrap()).unwrap();
    (directory, blocks)
}

/// Writes `value` as the directory that replaces `old` (named for its new content, with its
/// copies) and the entry naming it instead: a folder as a faulty publish would leave it.
fn replace_directory(dir: &Path, old: &str, value: serde_json::Value) {
    let text = value.to_string();
    let name = content_name("d", &text);
    put(
        dir,
        &PublishedFile {
            name: name.clone(),
            text,
        },
    )
    .unwrap();
    let entry = std::fs::read_to_string(dir.join(ENTRY_FILE)).unwrap();
    assert!(entry.contains(old));
    let text = entry.replace(old, &name);
    put(
        dir,
        &PublishedFile {
            name: ENTRY_FILE.into(),
            text,
        },
    )
    .unwrap();
}

fn messages(dir: &Path) -> String {
    let problems = check(dir).problems;
    assert!(!problems.is_empty(), "the check finds the fault");
    problems
        .iter()
        .map(|problem| format!("{}: {}\n", problem.file, problem.message))
        .collect()
}

#[test]
fn the_check_finds_row_blocks_listed_in_each_others_place() {
    let dir = published("swapped", &board(100));
    let (directory, mut blocks) = first_row_directory(&dir);
    assert!(blocks.len() >= 3, "{blocks:?}");
    blocks.swap(0, 1);
    replace_directory(&dir, &directory, serde_json::json!(blocks));
    let said = messages(&dir);
    assert!(said.contains("is not at a place of row block 0"), "{said}");
    assert!(said.contains("is not at a place of row block 1"), "{said}");
}

#[test]
fn the_check_finds_a_bucket_listed_twice_and_the_notices_in_none() {
    let dir = published("twice", &board(40));
    let directory = entry(&dir)["published"]["bucketDirectories"][0][1]
        .as_str()
        .unwrap()
        .to_string();
    let mut buckets = first_ids(
        &serde_json::from_str(&std::fs::read_to_string(dir.join(&directory)).unwrap()).unwrap(),
    )
    .unwrap();
    buckets[2].1 = buckets[1].1.clone();
    let pairs: Vec<_> = buckets
        .iter()
        .map(|(id, name)| serde_json::json!([id.as_str(), name]))
        .collect();
    replace_directory(&dir, &directory, serde_json::json!(pairs));
    let said = messages(&dir);
    assert!(said.contains("is in two buckets"), "{said}");
    assert!(
        said.contains("is not in the run of ids its directory gives the bucket"),
        "{said}"
    );
    assert!(said.contains("4 of its notices are in no bucket"), "{said}");
}

#[test]
fn the_check_finds_an_entry_that_counts_other_notices_than_its_files_hold() {
    let dir = published("counts", &board(40));
    let entry = std::fs::read_to_string(dir.join(ENTRY_FILE)).unwrap();
    let edit = |from: &str, to: &str| {
        assert!(entry.contains(from));
        let text = entry.replace(from, to);
        let file = PublishedFile {
            name: ENTRY_FILE.into(),
            text,
        };
        put(&dir, &file).unwrap();
        messages(&dir)
    };
    let said = edit("\"skipped\":0", "\"skipped\":1");
    assert!(
        said.contains("has 40 notices (0 left out), where published.json says 40 (1 left out)"),
        "{said}"
    );
    // A count the entry's other lists contradict is found before any file is read.
    let said = edit("\"unpinned\":38", "\"unpinned\":37");
    assert!(
        said.contains("says wrongly where pinned notices go"),
        "{said}"
    );
}

#[test]
fn publishing_removes_only_files_named_as_a_publish_names_them() {
    let dir = published("sweep", &board(10));
    let folder = dir.join(FOLDER);
    let theirs = ["README.txt", "r-notahash.json", "a-0123456789abcdef.txt"];
    for file in theirs {
        std::fs::write(folder.join(file), "someone else's").unwrap();
    }
    let stale = "r-0123456789ab.json";
    for file in [
        stale.to_string(),
        format!("{stale}.br"),
        format!("{stale}.gz"),
        "b-0123456789ab.json.tmp".into(),
    ] {
        std::fs::write(folder.join(file), "old").unwrap();
    }
    let text = board(11);
    let data = parse_data_file(&text, "notices.json").unwrap();
    let summary = publish_into(&dir, &data, &text).unwrap();
    assert_eq!(summary.removed, 4, "{summary:?}");
    for file in theirs {
        assert!(folder.join(file).exists(), "kept: {file}");
    }
    assert!(!folder.join(stale).exists());
    assert_eq!(check(&dir).problems, []);
}

#[test]
fn the_check_finds_a_most_read_file_that_orders_the_notices_wrongly() {
    let dir = published("orders", &board(40));
    let meta = Meta::from_json(&entry(&dir)["published"]).unwrap();
    let old = &meta.most_read[0].chunks[0];
    let mut places: Vec<usize> =
        serde_json::from_str(&std::fs::read_to_string(dir.join(old)).unwrap()).unwrap();
    places.swap(0, 1);
    let text = serde_json::json!(places).to_string();
    let name = content_name("m", &text);
    put(
        &dir,
        &PublishedFile {
            name: name.clone(),
            text,
        },
    )
    .unwrap();
    let entry_text = std::fs::read_to_string(dir.join(ENTRY_FILE)).unwrap();
    let text = entry_text.replace(old, &name);
    put(
        &dir,
        &PublishedFile {
            name: ENTRY_FILE.into(),
            text,
        },
    )
    .unwrap();
    let said = messages(&dir);
    assert!(
        said.contains("its lists for filters and orders are not those of"),
        "{said}"
    );
    std::fs::remove_file(dir.join(&name)).unwrap();
    assert!(messages(&dir).contains(&format!("{name}: is missing")));
}

#[test]
fn the_check_finds_a_row_that_names_another_bucket() {
    let dir = published("named", &board(100));
    let (directory, mut blocks) = first_row_directory(&dir);
    let text = std::fs::read_to_string(dir.join(&blocks[0])).unwrap();
    let mut block: serde_json::Value = serde_json::from_str(&text).unwrap();
    // A block's 32 rows are in several buckets of 4: its first row names the next one's.
    let buckets = block["published"]["buckets"].as_array_mut().unwrap();
    let other = buckets.iter().find(|name| **name != buckets[0]).cloned();
    buckets[0] = other.expect("a block's rows are in several buckets");
    let text = block.to_string();
    blocks[0] = content_name("r", &text);
    let name = blocks[0].clone();
    put(&dir, &PublishedFile { name, text }).unwrap();
    replace_directory(&dir, &directory, serde_json::json!(blocks));
    let said = messages(&dir);
    assert!(said.contains(", the bucket it names"), "{said}");
}
