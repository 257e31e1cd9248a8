//! Finds where a data file's top-level members and its notices are, without building them.
//!
//! Parsing a 20 MB file into a JSON tree takes a quarter of a second in a phone's browser,
//! all in one task. The outline is found one member or notice at a time instead, so the
//! work can be split into slices, and each notice is then parsed on its own.
//!
//! The outline does not look inside values: serde_json checks each piece when it is parsed,
//! and the outline checks everything between the pieces, so a file whose pieces all parse is
//! valid JSON. Anything it does not expect (a syntax error, a second "notices", a file that
//! is not an object) ends the outline, and the caller then parses the whole file at once,
//! which gives serde_json's own message for what is wrong.

use std::ops::Range;

/// A data file's top level, as byte ranges into its text.
#[derive(Debug, Default, PartialEq)]
pub struct Outline {
    /// Every top-level member except a "notices" list: its key, and where its value is.
    pub members: Vec<(String, Range<usize>)>,
    /// Where each notice is, when "notices" is a list.
    pub notices: Option<Vec<Range<usize>>>,
}

/// Where the outline has got to.
pub enum Progress {
    /// There is more to find: call [`Outliner::step`] again.
    More,
    Done(Outline),
    /// The file is not a JSON object laid out as expected: parse it whole instead.
    Unexpected,
}

/// Finds an [`Outline`] a step at a time.
#[derive(Default)]
pub struct Outliner {
    at: usize,
    expect: Expect,
    outline: Outline,
    saw_notices: bool,
}

/// What may come next in the text.
#[derive(Clone, Copy, Default)]
enum Expect {
    #[default]
    RootStart,
    /// A member, or the end of an empty root object.
    FirstMember,
    /// A member, after a comma.
    Member,
    /// A comma, or the end of the root object.
    AfterMember,
    /// A notice, or the end of an empty list.
    FirstNotice,
    /// A notice, after a comma.
    Notice,
    /// A comma, or the end of the notices list.
    AfterNotice,
}

impl Outliner {
    /// Reads one member, or one notice of the "notices" list.
    pub fn step(&mut self, text: &str) -> Progress {
        match self.try_step(text) {
            Some(true) => Progress::Done(std::mem::take(&mut self.outline)),
            Some(false) => Progress::More,
            None => Progress::Unexpected,
        }
    }

    /// `Some(done)`, or `None` for anything unexpected.
    fn try_step(&mut self, whole: &str) -> Option<bool> {
        let text = whole.as_bytes();
        self.at = skip_space(text, self.at);
        let next = *text.get(self.at)?;
        match (self.expect, next) {
            (Expect::RootStart, b'{') => self.expect = Expect::FirstMember,
            (Expect::FirstMember | Expect::AfterMember, b'}') => {
                // Only white space may follow the root object.
                return (skip_space(text, self.at + 1) == text.len()).then_some(true);
            }
            (Expect::FirstMember | Expect::Member, b'"') => return self.member(whole),
            (Expect::AfterMember, b',') => self.expect = Expect::Member,
            (Expect::FirstNotice | Expect::AfterNotice, b']') => self.expect = Expect::AfterMember,
            (Expect::FirstNotice | Expect::Notice, _) => {
                let end = skip_value(text, self.at)?;
                let notices = self.outline.notices.as_mut()?;
                notices.push(self.at..end);
                self.at = end;
                self.expect = Expect::AfterNotice;
                return Some(false);
            }
            (Expect::AfterNotice, b',') => self.expect = Expect::Notice,
            _ => return None,
        }
        self.at += 1;
        Some(false)
    }

    /// Reads a member's key and, unless it starts the notices list, its value.
    fn member(&mut self, whole: &str) -> Option<bool> {
        let text = whole.as_bytes();
        let key_end = skip_string(text, self.at)?;
        // Parsed as a `Value`, like every other piece, so the wasm has one parser, not two.
        let Ok(serde_json::Value::String(key)) = serde_json::from_str(&whole[self.at..key_end])
        else {
            return None;
        };
        let colon = skip_space(text, key_end);
        if text.get(colon) != Some(&b':') {
            return None;
        }
        let value = skip_space(text, colon + 1);
        if key == "notices" {
            // Which of two "notices" counts is serde_json's call: the whole-file parse makes it.
            if std::mem::replace(&mut self.saw_notices, true) {
                return None;
            }
            if text.get(value) == Some(&b'[') {
                self.outline.notices = Some(Vec::new());
                self.at = value + 1;
                self.expect = Expect::FirstNotice;
                return Some(false);
            }
        }
        let end = skip_value(text, value)?;
        self.outline.members.push((key, value..end));
        self.at = end;
        self.expect = Expect::AfterMember;
        Some(false)
    }
}

fn skip_space(text: &[u8], from: usize) -> usize {
    let spaces = text[from.min(text.len())..]
        .iter()
        .take_while(|byte| matches!(byte, b' ' | b'\t' | b'\n' | b'\r'))
        .count();
    from + spaces
}

/// The end of the string whose opening quote is at `start`.
fn skip_string(text: &[u8], start: usize) -> Option<usize> {
    let mut at = start + 1;
    loop {
        at += text
            .get(at..)?
            .iter()
            .position(|&b| b == b'"' || b == b'\\')?;
        if text[at] == b'"' {
            return Some(at + 1);
        }
        at += 2; // a backslash and the character it escapes
    }
}

/// The end of the value that starts at `start`: a string, a nested object or list (brackets
/// counted, strings skipped), or a number or literal (up to the next delimiter).
fn skip_value(text: &[u8], start: usize) -> Option<usize> {
    match *text.get(start)? {
        b'"' => skip_string(text, start),
        b'{' | b'[' => {
            let mut depth = 0usize;
            let mut at = start;
            loop {
                match *text.get(at)? {
                    b'"' => {
                        at = skip_string(text, at)?;
                        continue;
                    }
                    b'{' | b'[' => depth += 1,
                    b'}' | b']' => {
                        depth -= 1;
                        if depth == 0 {
                            return Some(at + 1);
                        }
                    }
                    _ => {}
                }
                at += 1;
            }
        }
        _ => {
            let length = text[start..]
                .iter()
                .take_while(|byte| {
                    !matches!(byte, b',' | b']' | b'}' | b' ' | b'\t' | b'\n' | b'\r')
                })
                .count();
            (length > 0).then_some(start + length)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn outline(text: &str) -> Option<Outline> {
        let mut outliner = Outliner::default();
        loop {
            match outliner.step(text) {
                Progress::More => continue,
                Progress::Done(outline) => return Some(outline),
                Progress::Unexpected => return None,
            }
        }
    }

    fn pieces<'a>(text: &'a str, ranges: &[Range<usize>]) -> Vec<&'a str> {
        ranges.iter().map(|range| &text[range.clone()]).collect()
    }

    #[test]
    fn finds_the_members_and_each_notice() {
        let text = r#" { "version" : 1, "board": {"title": "B ]}\"", "x": [1, {}]},
            "notices": [ {"id": 1, "body": "a \"}]\\"}, {"id": "2"} ,{} ] } "#;
        let found = outline(text).unwrap();
        let keys: Vec<&str> = found.members.iter().map(|(key, _)| key.as_str()).collect();
        assert_eq!(keys, ["version", "board"]);
        let values: Vec<_> = found
            .members
            .iter()
            .map(|(_, range)| range.clone())
            .collect();
        assert_eq!(
            pieces(text, &values),
            ["1", r#"{"title": "B ]}\"", "x": [1, {}]}"#]
        );
        assert_eq!(
            pieces(text, found.notices.as_ref().unwrap()),
            [r#"{"id": 1, "body": "a \"}]\\"}"#, r#"{"id": "2"}"#, "{}"]
        );
    }

    #[test]
    fn notices_that_are_not_a_list_are_a_member_like_any_other() {
        let found = outline(r#"{"notices": {"a": 1}, "version": 1}"#).unwrap();
        assert_eq!(found.notices, None);
        assert_eq!(found.members[0].0, "notices");
        let found = outline(r#"{"notices": []}"#).unwrap();
        assert_eq!(found.notices, Some(vec![]));
        assert_eq!(outline("{}").unwrap(), Outline::default());
    }

    #[test]
    fn an_escaped_key_is_read_as_its_text() {
        let text = r#"{"not\u0069ces": [1]}"#;
        let found = outline(text).unwrap();
        assert_eq!(pieces(text, found.notices.as_ref().unwrap()), ["1"]);
    }

    #[test]
    fn anything_unexpected_ends_the_outline() {
        for text in [
            "",
            "[]",
            "{",
            r#"{"a" 1}"#,
            r#"{"a": 1,}"#,
            r#"{"a": 1 "b": 2}"#,
            r#"{"a": }"#,
            r#"{"a": 1} x"#,
            r#"{"notices": [1,]}"#,
            r#"{"notices": [1 2]}"#,
            r#"{"notices": [1}"#,
            r#"{"notices": [{"a": "b}]}"#,
            r#"{"notices": [], "notices": []}"#,
            r#"{"notices": 1, "notices": []}"#,
            r#"{1: 2}"#,
        ] {
            assert!(outline(text).is_none(), "{text}");
        }
    }
}
