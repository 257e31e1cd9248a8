//! The `notices` command-line tool, run as editors and the build run it.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn notices(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_notices"))
        .args(args)
        .output()
        .expect("the notices binary runs")
}

/// A fresh folder with the repository's index.html and the given data file in it.
fn site(name: &str, data: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("notices-cli-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    std::fs::copy(root.join("index.html"), dir.join("index.html")).unwrap();
    std::fs::write(dir.join("notices.json"), data).unwrap();
    dir
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn prerender_writes_the_pages_and_removes_those_of_deleted_notices() {
    let sample = include_str!("../public/notices.json");
    let dir = site("ok", sample);
    std::fs::write(dir.join("notice-deleted.html"), "old").unwrap();
    std::fs::write(dir.join("notice-deleted.html.br"), "old").unwrap();
    let output = notices(&["prerender", dir.to_str().unwrap()]);
    assert!(output.status.success(), "{}", text(&output.stderr));
    assert!(text(&output.stdout).contains("removed 2 old files"));
    assert!(!dir.join("notice-deleted.html").exists());
    let index = std::fs::read_to_string(dir.join("index.html")).unwrap();
    assert!(index.contains("data-prerendered"));
    assert!(dir.join("page-2.html").exists());
    assert!(dir.join("notice-63605.html").exists());
}

#[test]
fn prerender_refuses_an_invalid_data_file_and_writes_nothing() {
    let dir = site("bad", "{\"version\": 1, \"board\": {}, \"notices\": [");
    let output = notices(&["prerender", dir.to_str().unwrap()]);
    assert!(!output.status.success());
    let message = text(&output.stderr);
    assert!(
        message.contains("is not a valid data file, so no page was written"),
        "{message}"
    );
    assert!(message.contains("line 1"), "says where: {message}");
    let index = std::fs::read_to_string(dir.join("index.html")).unwrap();
    assert!(!index.contains("data-prerendered"), "index.html untouched");
}

#[test]
fn prerender_refuses_a_page_that_is_not_the_board() {
    let dir = site("template", include_str!("../public/notices.json"));
    std::fs::write(dir.join("index.html"), "<html><body>hi</body></html>").unwrap();
    let output = notices(&["prerender", dir.to_str().unwrap()]);
    assert!(!output.status.success());
    assert!(text(&output.stderr).contains("index.html has no"));
}
