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
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    std::fs::copy(root.join("index.html"), dir.join("index.html")).unwrap();
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
