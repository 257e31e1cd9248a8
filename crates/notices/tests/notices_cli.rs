//! The `notices` command-line tool, run as editors and the build run it.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn notices(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_notices"))
        .args(args)
        .output()
        .expect("the notices binary runs")
}

/// A fresh folder with the given data file and the repository's index.html in it, as trunk
/// builds it (naming the app's files and its stylesheet, with a stylesheet).
fn site(name: &str, data: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("notices-cli-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let page = std::fs::read_to_string(root.join("index.html"))
        .unwrap()
        .replace(
            r#"<link data-trunk rel="css" href="style/main.css">"#,
            r#"<link rel="stylesheet" href="./main-0a1b.css">"#,
        )
        .replace(
            r#"<link data-trunk rel="rust" data-bin="notice-board" data-wasm-opt="z" data-integrity="none">"#,
            r#"<script type="module" src="./start.js" data-glue="./notice-board-12ab.js" data-wasm="./notice-board-12ab_bg.wasm"></script>"#,
        );
    assert!(page.contains("data-glue") && page.contains("main-0a1b.css"));
    std::fs::write(dir.join("index.html"), page).unwrap();
    std::fs::write(dir.join("main-0a1b.css"), ".board{color:#111}").unwrap();
    std::fs::write(dir.join("notices.json"), data).unwrap();
    dir
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn prerender_writes_the_pages_and_removes_those_of_deleted_notices() {
    let sample = include_str!("../../../public/notices.json");
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
    // The script host pages include, naming this build's files and holding the stylesheet
    // and the first views beside it.
    let script = std::fs::read_to_string(dir.join("widget.js")).unwrap();
    let first_view = std::fs::read_to_string(dir.join("widget.html")).unwrap();
    assert!(script.contains("import('./notice-board-12ab.js')"));
    assert!(script.contains(r#"const STYLE = ".board{color:#111}";"#));
    let first_view = serde_json::to_string(&first_view).unwrap();
    assert!(script.contains(&format!("\"widget.html\":{first_view}")));
}

#[test]
fn after_prerendering_the_folder_holds_exactly_the_pages_the_sitemap_lists() {
    let dir = site("sitemap", include_str!("../../../public/notices.json"));
    for old in ["notice-deleted.html", "page-99.html", "page-99.html.gz"] {
        std::fs::write(dir.join(old), "old").unwrap();
    }
    let base = "https://www.example.go.kr/eng/news/";
    let output = notices(&["prerender", dir.to_str().unwrap(), "--base-url", base]);
    assert!(output.status.success(), "{}", text(&output.stderr));
    let mut pages: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.contains(".html"))
        .collect();
    pages.sort();
    // Beside the pages, the widget's first views, which are fragments, not pages to list.
    for fragment in ["widget.html", "widget-latest.html"] {
        assert_eq!(pages.pop().as_deref(), Some(fragment));
    }
    let sitemap = std::fs::read_to_string(dir.join("sitemap.xml")).unwrap();
    let mut listed: Vec<String> = sitemap
        .split("<loc>")
        .skip(1)
        .map(|url| url[..url.find("</loc>").unwrap()].replace(base, ""))
        .collect();
    listed.sort();
    assert_eq!(pages, listed);
    assert_eq!(pages.len(), 4 + 34, "four list pages and the 34 notices");
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
    let dir = site("template", include_str!("../../../public/notices.json"));
    std::fs::write(dir.join("index.html"), "<html><body>hi</body></html>").unwrap();
    let output = notices(&["prerender", dir.to_str().unwrap()]);
    assert!(!output.status.success());
    assert!(text(&output.stderr).contains("index.html has no"));
}

#[test]
fn validate_lists_every_problem_with_its_place_and_fails() {
    let dir = site(
        "validate",
        r#"{
  "version": 1,
  "board": { "title": "News" },
  "notices": [
    { "id": 1, "title": "Fine", "date": "2024-01-01", "views": 3, "body": "ok" },
    { "id": 2, "title": "Fine", "date": "2024.01.02", "views": "many", "body": "x" },
    { "id": 3, "title": "Fine", "date": "2999-01-01", "views": 1, "body": "",
      "attachments": [{ "name": "x.pdf", "url": "x.pdf" }] }
  ]
}"#,
    );
    let file = dir.join("notices.json");
    let output = notices(&["validate", file.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    let name = file.display().to_string();
    let lines: Vec<String> = text(&output.stdout)
        .lines()
        .map(|line| line.replace(&name, "F"))
        .collect();
    assert_eq!(
        lines,
        [
            "F:6:41: error: Notice 2 (id “2”), field “date”: must be a date written as YYYY-MM-DD, for example 2024-05-16 (found “2024.01.02”).",
            "F:6:64: error: Notice 2 (id “2”), field “views”: must be a whole number of 0 or more (found the text “many”).",
            "F:7:41: warning: Notice 3 (id “3”), field “date”: is in the future (2999-01-01): the notice is shown as published on that day.",
            "F:7:25: warning: Notice 3 (id “3”), field “title”: is the same as notice 1's: people cannot tell them apart in the list.",
            "F:7:75: warning: Notice 3 (id “3”), field “body”: is empty: the notice has only a title.",
            "F:8:23: warning: Notice 3 (id “3”), field “attachments[0].size”: is missing: people on a phone plan cannot tell how large “x.pdf” is.",
            "F: 2 notices read, 2 errors, 4 warnings",
        ]
    );
}

#[test]
fn validate_passes_the_sample_and_locates_broken_json() {
    let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../public/notices.json");
    let output = notices(&["validate", sample.to_str().unwrap()]);
    assert!(output.status.success(), "{}", text(&output.stdout));
    assert!(text(&output.stdout).ends_with("34 notices read, 0 errors, 0 warnings\n"));

    let dir = site("broken", "{\n  \"version\": 1,\n  \"notices\": [1,]\n}");
    let output = notices(&["validate", dir.join("notices.json").to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    assert!(text(&output.stdout).contains("notices.json:3:17: error: The data file is not valid JSON at line 3, column 17: trailing comma."), "{}", text(&output.stdout));
}

#[test]
fn import_builds_a_valid_data_file_from_a_spreadsheet() {
    let dir = site("import", include_str!("../../../public/notices.json"));
    let csv = dir.join("notices.csv");
    std::fs::write(
        &csv,
        "id,title,date,views,category,body\n1,\"Drill, May 16\",2024-05-16,10,safety,\"Line one\nLine two\"\n2,Second,2024-05-17,3,,Text\n",
    )
    .unwrap();
    let output_file = dir.join("imported.json");
    let output = notices(&[
        "import",
        csv.to_str().unwrap(),
        "--output",
        output_file.to_str().unwrap(),
        "--board",
        dir.join("notices.json").to_str().unwrap(),
    ]);
    assert!(
        output.status.success(),
        "{}{}",
        text(&output.stdout),
        text(&output.stderr)
    );
    let check = notices(&["validate", output_file.to_str().unwrap()]);
    assert!(check.status.success(), "{}", text(&check.stdout));
    let written = std::fs::read_to_string(&output_file).unwrap();
    assert!(written.contains("\"title\": \"Drill, May 16\""));
    assert!(
        written.contains("Ministry of the Interior and Safety"),
        "board settings kept"
    );

    std::fs::write(&csv, "id,title,date,views,body\n1,A,16/05/2024,10,x\n").unwrap();
    let output = notices(&[
        "import",
        csv.to_str().unwrap(),
        "--output",
        output_file.to_str().unwrap(),
    ]);
    assert_eq!(output.status.code(), Some(1));
    let said = text(&output.stdout) + &text(&output.stderr);
    assert!(
        said.contains("field “date”: must be a date written as YYYY-MM-DD"),
        "{said}"
    );
}

/// Whether `output` holds anything a terminal would act on: control characters other than
/// a line break (escape sequences, bells, C1 controls) or bidi controls.
fn terminal_controls(output: &str) -> Vec<char> {
    output
        .chars()
        .filter(|&c| {
            (c.is_control() && c != '\n')
                || matches!(c, '\u{200e}' | '\u{200f}' | '\u{061c}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
        })
        .collect()
}

#[test]
fn values_from_the_data_reach_the_terminal_as_text_not_as_commands() {
    let link = r"\u001b]8;;https://evil.example/\u0007click\u001b]8;;\u0007";
    let data = format!(
        r#"{{"version": 1, "board": {{"title": "News"}}, "notices": [
  {{ "id": 1, "title": "Fine", "date": "{link}", "views": 1, "body": "x" }},
  {{ "id": "x\u001b[2J", "title": "Fine", "date": "2024-01-01", "views": 1, "body": "x" }},
  {{ "id": 3, "title": "Fine \u202egnp.exe", "date": "2024-01-01", "views": "\u009b31m\u2066", "body": "x" }},
  {{ "id": 4, "title": "Four", "date": "2024-01-01", "views": 1, "body": "x",
     "attachments": [{{ "name": "invoice\u202efdp.exe\u0007", "url": "a.exe" }}] }}
]}}"#
    );
    let dir = site("terminal", &data);
    let file = dir.join("notices.json");
    let validate = notices(&["validate", file.to_str().unwrap()]);
    let prerender = notices(&["prerender", dir.to_str().unwrap()]);
    let csv = dir.join("notices.csv");
    std::fs::write(
        &csv,
        "id,title,date,views,body\n1,A,\"\u{1b}]8;;https://evil.example/\u{7}x\u{202e}\",10,x\n",
    )
    .unwrap();
    let import = notices(&[
        "import",
        csv.to_str().unwrap(),
        "--output",
        dir.join("o.json").to_str().unwrap(),
    ]);
    for (what, output) in [
        ("validate", validate),
        ("prerender", prerender),
        ("import", import),
    ] {
        for (stream, bytes) in [("stdout", &output.stdout), ("stderr", &output.stderr)] {
            let said = text(bytes);
            assert_eq!(terminal_controls(&said), [], "{what} {stream}: {said}");
        }
        let said = text(&output.stdout) + &text(&output.stderr);
        assert!(
            said.contains(r"\u{1b}]8;;https://evil.example/\u{7}"),
            "{what} still shows the value, as text: {said}"
        );
    }
}

#[test]
fn validate_reports_bidi_controls_and_ids_that_differ_only_in_case() {
    let dir = site(
        "bidi",
        r#"{
  "version": 1,
  "board": { "title": "News" },
  "notices": [
    { "id": "Case", "title": "Pay \u202eelif", "date": "2024-01-01", "views": 3, "body": "ok",
      "attachments": [{ "name": "invoice\u202efdp.exe", "url": "invoice.exe", "size": 1 }] },
    { "id": "case", "title": "Other", "date": "2024-01-02", "views": 3, "body": "ok" }
  ]
}"#,
    );
    let file = dir.join("notices.json");
    let output = notices(&["validate", file.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    let name = file.display().to_string();
    let lines: Vec<String> = text(&output.stdout)
        .lines()
        .map(|line| line.replace(&name, "F"))
        .collect();
    assert_eq!(
        lines,
        [
            "F:7:13: error: Notice 2 (id “case”), field “id”: differs only in upper and lower case from the id “Case” of notice 1: on servers that ignore case both would have the same page. Every notice needs its own id.",
            "F:5:30: warning: Notice 1 (id “Case”), field “title”: has bidirectional text controls (U+202E), which can make it read in another order than it is written; the board leaves them out.",
            "F:6:33: warning: Notice 1 (id “Case”), field “attachments[0].name”: has bidirectional text controls (U+202E), which can make it read in another order than it is written and disguise the file's real type (“invoice” U+202E “fdp.exe” shows as “invoiceexe.pdf”); the board leaves them out.",
            "F: 1 notices read, 1 errors, 2 warnings",
        ]
    );
}

#[test]
fn validate_reads_a_title_cut_inside_an_emoji_and_leaves_out_only_a_notice_with_a_bad_escape() {
    let dir = site(
        "surrogate",
        r#"{
  "version": 1,
  "board": { "title": "News" },
  "notices": [
    { "id": 1, "title": "Party \ud83c", "date": "2024-01-01", "views": 3, "body": "ok" },
    { "id": 2, "title": "Path", "date": "2024-01-02", "views": 3, "body": "C:\xampp" },
    { "id": 3, "title": "Fine \\ud83c", "date": "2024-01-03", "views": 3, "body": "ok" }
  ]
}"#,
    );
    let file = dir.join("notices.json");
    let output = notices(&["validate", file.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    let name = file.display().to_string();
    let lines: Vec<String> = text(&output.stdout)
        .lines()
        .map(|line| line.replace(&name, "F"))
        .collect();
    assert_eq!(
        lines,
        [
            r#"F:6:75: error: Notice 2 (id “2”), field “body”: has an invalid escape: in a text, a backslash must start one of \" \\ \/ \b \f \n \r \t or \u with four hex digits (write \\ for a backslash itself)."#,
            r"F:5:25: warning: Notice 1 (id “1”), field “title”: has “�” where a character could not be read, shown as it is: often half of an emoji or another character cut in two by the exporting system (a lone escape such as \ud83c).",
            "F: 2 notices read, 1 errors, 1 warnings",
        ]
    );
}

/// The names in `dir`'s published/ folder.
fn published_files(dir: &Path) -> std::collections::BTreeSet<String> {
    std::fs::read_dir(dir.join("published"))
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .collect()
}

/// The sample data file with `count` more notices, newer than any, with ids from 70,000.
fn sample_with_new_notices(count: usize) -> String {
    let mut data: serde_json::Value =
        serde_json::from_str(include_str!("../../../public/notices.json")).unwrap();
    let notices = data["notices"].as_array_mut().unwrap();
    for n in 0..count {
        notices.push(serde_json::json!({
            "id": 70_000 + n, "title": format!("New notice {n}"), "date": "2025-12-01",
            "views": 1, "body": "Fresh text."
        }));
    }
    serde_json::to_string_pretty(&data).unwrap()
}

fn publish(dir: &Path) -> String {
    let output = notices(&["publish", dir.to_str().unwrap()]);
    assert!(output.status.success(), "{}", text(&output.stderr));
    text(&output.stdout)
}

fn unpacked(path: &Path) -> Vec<u8> {
    use std::io::Read;
    let packed = std::fs::read(path).unwrap();
    let mut bytes = Vec::new();
    match path.extension().and_then(|e| e.to_str()) {
        Some("br") => brotli::Decompressor::new(&packed[..], 4096)
            .read_to_end(&mut bytes)
            .unwrap(),
        _ => flate2::read::GzDecoder::new(&packed[..])
            .read_to_end(&mut bytes)
            .unwrap(),
    };
    bytes
}

#[test]
fn publish_writes_the_entry_and_content_named_files_each_with_brotli_and_gzip_copies() {
    let dir = site("publish", include_str!("../../../public/notices.json"));
    let said = publish(&dir);
    // 36 files, each with .br and .gz: the entry, blocks, buckets and their directories, the
    // copy, the categories file, 7 most-read files (the list's and its 6 categories') and
    // the search index (its directory and 13 files of its 3 parts, of about 4 KB each with
    // brotli).
    assert!(said.starts_with("publish: 108 files into"), "{said}");
    let entry: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.join("published.json")).unwrap()).unwrap();
    let meta = notice_core::published::Meta::from_json(&entry["published"]).unwrap();
    assert_eq!(meta.total(), 34);
    let files = published_files(&dir);
    let plain: Vec<&String> = files.iter().filter(|f| f.ends_with(".json")).collect();
    assert_eq!(
        files.len(),
        plain.len() * 3,
        "each with .br and .gz: {files:?}"
    );
    assert!(files.contains(meta.data_file.trim_start_matches("published/")));
    for name in ["published.json".to_string()]
        .into_iter()
        .chain(plain.iter().map(|f| format!("published/{f}")))
    {
        let bytes = std::fs::read(dir.join(&name)).unwrap();
        if name != "published.json" {
            let prefix = &name["published/".len()..][..1];
            let text = std::str::from_utf8(&bytes).unwrap();
            assert_eq!(notice_core::published::content_name(prefix, text), name);
        }
        for copy in [".br", ".gz"] {
            let path = dir.join(format!("{name}{copy}"));
            assert_eq!(unpacked(&path), bytes, "{name}{copy}");
        }
    }
    assert!(!files.iter().any(|f| f.ends_with(".tmp")));
}

/// The copy of the data file that the entry in `dir` names.
fn data_copy(dir: &Path) -> String {
    let entry: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.join("published.json")).unwrap()).unwrap();
    let name = entry["published"]["dataFile"].as_str().unwrap();
    name.trim_start_matches("published/").to_string()
}

#[test]
fn a_publish_keeps_the_previous_publishs_files_and_removes_those_two_publishes_old() {
    let dir = site("generations", include_str!("../../../public/notices.json"));
    publish(&dir);
    let first = published_files(&dir);
    let first_copy = data_copy(&dir);
    let modified = |files: &std::collections::BTreeSet<String>| -> Vec<_> {
        let at = |f: &String| std::fs::metadata(dir.join("published").join(f)).unwrap();
        files.iter().map(|f| at(f).modified().unwrap()).collect()
    };
    let first_written = modified(&first);

    std::fs::write(dir.join("notices.json"), sample_with_new_notices(1)).unwrap();
    let said = publish(&dir);
    assert!(said.contains("removed 0 old files"), "{said}");
    assert!(!said.contains("(0 unchanged)"), "most buckets stay: {said}");
    let second = published_files(&dir);
    let second_copy = data_copy(&dir);
    assert!(first.is_subset(&second), "the first publish's files stay");
    assert_ne!(first_copy, second_copy);
    assert_eq!(
        modified(&first),
        first_written,
        "files already there with the same content are not written again"
    );
    let check = notices(&["publish", "--check", dir.to_str().unwrap()]);
    assert!(check.status.success(), "{}", text(&check.stdout));

    // Publishing the same board again starts no new generation: nothing goes.
    assert!(publish(&dir).contains("removed 0 old files"));
    assert_eq!(published_files(&dir), second);

    std::fs::write(dir.join("notices.json"), sample_with_new_notices(2)).unwrap();
    let said = publish(&dir);
    let third = published_files(&dir);
    let gone: Vec<&String> = second.difference(&third).collect();
    assert!(!gone.is_empty());
    assert!(
        said.contains(&format!("removed {} old files", gone.len())),
        "{said}"
    );
    assert!(
        gone.iter().all(|file| first.contains(*file)),
        "only files of the first publish go: {gone:?}"
    );
    for copy in ["", ".br", ".gz"] {
        assert!(
            !third.contains(&format!("{first_copy}{copy}")),
            "two publishes old: {first_copy}{copy}"
        );
        assert!(
            third.contains(&format!("{second_copy}{copy}")),
            "kept for pages open: {second_copy}{copy}"
        );
    }
    for file in second.difference(&first) {
        assert!(
            third.contains(file),
            "the second publish's files stay: {file}"
        );
    }
    let check = notices(&["publish", "--check", dir.to_str().unwrap()]);
    assert!(check.status.success(), "{}", text(&check.stdout));
}

/// A folder with the sample published, broken by `damage` (given the published/ folder and
/// its files): `publish --check` must fail and say `expected`.
fn check_finds(name: &str, damage: impl Fn(&Path, &[String]), expected: &str) {
    let dir = site(name, include_str!("../../../public/notices.json"));
    publish(&dir);
    let folder = dir.join("published");
    let files: Vec<String> = published_files(&dir).into_iter().collect();
    damage(&folder, &files);
    let output = notices(&["publish", "--check", dir.to_str().unwrap()]);
    let said = text(&output.stdout);
    assert_eq!(output.status.code(), Some(1), "{name}: {said}");
    assert!(
        said.contains(expected),
        "{name}: expected “{expected}” in: {said}"
    );
    assert!(text(&output.stderr).contains("publish it again"), "{name}");
}

/// The first of `files` that starts with `prefix` and ends with `suffix`.
fn first_of<'a>(files: &'a [String], prefix: &str, suffix: &str) -> &'a str {
    files
        .iter()
        .find(|f| f.starts_with(prefix) && f.ends_with(suffix))
        .unwrap()
}

#[test]
fn publish_check_passes_on_a_complete_folder() {
    let dir = site("check-ok", include_str!("../../../public/notices.json"));
    publish(&dir);
    let output = notices(&["publish", "--check", dir.to_str().unwrap()]);
    assert!(output.status.success(), "{}", text(&output.stdout));
    assert!(
        text(&output.stdout).contains("108 files read"),
        "{}",
        text(&output.stdout)
    );
    assert!(text(&output.stdout).ends_with(", 0 problems\n"));

    let empty = site(
        "check-nothing",
        include_str!("../../../public/notices.json"),
    );
    let output = notices(&["publish", "--check", empty.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    assert!(text(&output.stdout).contains("published.json: error: is missing"));
}

#[test]
fn publish_check_fails_on_a_deleted_shard_and_names_it() {
    check_finds(
        "check-deleted",
        |folder, files| {
            let bucket = first_of(files, "b-", ".json");
            std::fs::remove_file(folder.join(bucket)).unwrap();
        },
        ".json: error: is missing",
    );
    check_finds(
        "check-deleted-block",
        |folder, files| {
            let block = first_of(files, "r-", ".json");
            std::fs::remove_file(folder.join(block)).unwrap();
        },
        "its row blocks hold",
    );
}

#[test]
fn publish_check_fails_on_a_shard_changed_after_publishing() {
    check_finds(
        "check-tampered",
        |folder, files| {
            let block = folder.join(first_of(files, "r-", ".json"));
            let text = std::fs::read_to_string(&block).unwrap();
            std::fs::write(
                &block,
                text.replacen("\"title\":\"", "\"title\":\"Changed ", 1),
            )
            .unwrap();
        },
        "does not hold what its name says",
    );
}

#[test]
fn publish_check_fails_on_a_missing_compressed_copy() {
    check_finds(
        "check-br",
        |folder, files| {
            let copy = first_of(files, "d-", ".json.br");
            std::fs::remove_file(folder.join(copy)).unwrap();
        },
        ".json.br: error: is missing",
    );
}

#[test]
fn prerender_publishes_the_board_and_its_pages_name_the_entry() {
    let dir = site(
        "prerender-publish",
        include_str!("../../../public/notices.json"),
    );
    for _ in 0..2 {
        let output = notices(&["prerender", dir.to_str().unwrap()]);
        assert!(output.status.success(), "{}", text(&output.stderr));
        assert!(
            text(&output.stdout).contains("\npublish: 108 files into"),
            "{}",
            text(&output.stdout)
        );
        for file in ["published.json", "published.json.br", "published.json.gz"] {
            assert!(
                dir.join(file).is_file(),
                "{file}, kept by the pages' cleanup"
            );
        }
        for page in ["index.html", "page-2.html", "notice-63605.html"] {
            let html = std::fs::read_to_string(dir.join(page)).unwrap();
            assert!(
                html.contains(" data-published=\"published.json\""),
                "{page}"
            );
            assert!(html.contains(" data-src=\"notices.json\""), "{page}");
            assert_eq!(html.matches("data-published=").count(), 1, "{page}");
            assert!(
                html.contains("<link rel=\"preload\" href=\"published.json\"")
                    && !html.contains("<link rel=\"preload\" href=\"notices.json\""),
                "{page} preloads the entry, not the whole file"
            );
        }
    }
    let check = notices(&["publish", "--check", dir.to_str().unwrap()]);
    assert!(check.status.success(), "{}", text(&check.stdout));
}
