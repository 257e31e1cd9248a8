//! A test that fails when view code writes text for people itself instead of reading it
//! from the catalogue.
//!
//! The rule, over the sources of `src/views` and `src/components` (comments skipped):
//! - inside `view!`, a string literal that is a child (right after a tag's `>`, a `}` or
//!   another literal) is text on the page: it fails if it has a letter in it (symbols such
//!   as "×", "…", "‹" or a space are fine);
//! - inside `view!`, the value of an attribute people hear or read (`aria-label`, `title`,
//!   `alt`, `placeholder`, `aria-description`, `aria-roledescription`) fails if it has a
//!   letter;
//! - anywhere else in those files, a literal fails if it has a capitalised word ("Table",
//!   "Search") or any Hangul: class names, attribute names, tag names and URL parameters are
//!   lower case, and sentences start with a capital.

use std::path::Path;

const READ_ATTRIBUTES: [&str; 6] = [
    "aria-label",
    "title",
    "alt",
    "placeholder",
    "aria-description",
    "aria-roledescription",
];

/// A string literal found in a source, and where.
struct Literal {
    line: usize,
    text: String,
    in_view: bool,
    /// A child of an element (text on the page), inside `view!`.
    child: bool,
    /// The attribute it is the value of, inside `view!`.
    attribute: Option<String>,
}

fn literals(source: &str) -> Vec<Literal> {
    let chars: Vec<char> = source.chars().collect();
    let mut found = Vec::new();
    let (mut i, mut line) = (0, 1);
    // Brace depth of each open `view!` macro.
    let mut depth = 0usize;
    let mut view_depths: Vec<usize> = Vec::new();
    let mut last_code = String::new();
    while i < chars.len() {
        let c = chars[i];
        if c == '\n' {
            line += 1;
        }
        if c == '/' && chars.get(i + 1) == Some(&'/') {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
            continue;
        }
        if c == '\'' {
            // A char literal ('x', '\n', '"'); otherwise a lifetime.
            if chars.get(i + 2) == Some(&'\'') {
                i += 3;
                continue;
            }
            if chars.get(i + 1) == Some(&'\\') {
                i += 2;
                while i < chars.len() && chars[i] != '\'' {
                    i += 1;
                }
                i += 1;
                continue;
            }
        }
        if c == '"' {
            let start_line = line;
            let mut text = String::new();
            i += 1;
            while i < chars.len() && chars[i] != '"' {
                if chars[i] == '\\' {
                    i += 1;
                }
                if chars[i] == '\n' {
                    line += 1;
                }
                text.push(chars[i]);
                i += 1;
            }
            i += 1;
            let before = last_code.trim_end();
            let attribute = before.strip_suffix('=').map(|rest| {
                rest.trim_end()
                    .rsplit(|c: char| c.is_whitespace() || c == '<')
                    .next()
                    .unwrap_or_default()
                    .to_string()
            });
            let child = before.ends_with(['>', '}', '"']);
            found.push(Literal {
                line: start_line,
                text,
                in_view: !view_depths.is_empty(),
                child,
                attribute,
            });
            last_code.push_str("\"\"");
            continue;
        }
        match c {
            '{' => {
                depth += 1;
                if last_code.trim_end().ends_with("view!") {
                    view_depths.push(depth);
                }
            }
            '}' => {
                if view_depths.last() == Some(&depth) {
                    view_depths.pop();
                }
                depth = depth.saturating_sub(1);
            }
            _ => {}
        }
        last_code.push(c);
        if last_code.len() > 200 {
            last_code.drain(..100);
        }
        i += 1;
    }
    found
}

fn people_text(literal: &Literal) -> bool {
    let has_letter = literal.text.chars().any(char::is_alphabetic);
    let hangul = literal
        .text
        .chars()
        .any(|c| ('\u{ac00}'..='\u{d7a3}').contains(&c) || ('\u{3131}'..='\u{318e}').contains(&c));
    let capitalised = literal
        .text
        .split(|c: char| !c.is_alphabetic())
        .any(|word| {
            let mut letters = word.chars();
            letters.next().is_some_and(char::is_uppercase)
                && letters.next().is_some_and(char::is_lowercase)
        });
    if hangul {
        return true;
    }
    match (&literal.attribute, literal.in_view) {
        (None, true) if literal.child => has_letter,
        (Some(name), true) => READ_ATTRIBUTES.contains(&name.as_str()) && has_letter,
        _ => capitalised,
    }
}

fn offences(source: &str) -> Vec<String> {
    literals(source)
        .into_iter()
        .filter(people_text)
        .map(|literal| format!("line {}: {:?}", literal.line, literal.text))
        .collect()
}

#[test]
fn views_and_components_write_no_text_of_their_own() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut all = Vec::new();
    for folder in ["views", "components"] {
        for entry in std::fs::read_dir(root.join(folder)).unwrap() {
            let path = entry.unwrap().path();
            let source = std::fs::read_to_string(&path).unwrap();
            // A file's own tests (at its end) are not view code.
            let source = source.split("#[cfg(test)]").next().unwrap_or_default();
            for offence in offences(source) {
                all.push(format!("{}: {offence}", path.display()));
            }
        }
    }
    assert!(
        all.is_empty(),
        "text for people belongs in src/i18n, not in view code:\n{}",
        all.join("\n")
    );
}

/// The rule catches what it is meant to, and lets class names and symbols through.
#[test]
fn the_scan_tells_text_from_names() {
    let source = r#"
        // "A comment" is skipped.
        let x = format!("on {}", host);
        let y = "Table";
        let z = 'a';
        view! {
            <nav class="pager notice-pager" aria-label="Previous notices" data-x="Kept">
                <span aria-hidden="true">"×"</span>
                "Back to list"
                {move || text().back_to_top}
                " "
                <p>"공지"</p>
            </nav>
        }
    "#;
    let found = offences(source);
    assert_eq!(found.len(), 4, "{found:?}");
    assert!(found[0].contains("Table"));
    assert!(found[1].contains("Previous notices"));
    assert!(found[2].contains("Back to list"));
    assert!(found[3].contains("공지"));
}
