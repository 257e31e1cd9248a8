//! One pass over the data file's text before it is read, for the escapes serde_json refuses
//! and that would otherwise fail the whole file for one field:
//!
//! - a lone surrogate (`"\ud800"`: a JavaScript CMS cutting a title inside an emoji) becomes
//!   `\uFFFD`, so the field reads "�" and `notices validate` warns about it;
//! - an invalid escape (`\x`, `\u12G4`) becomes [`BAD_ESCAPE`], a character the reader
//!   reports: the notice with it is left out, and one anywhere else fails the file at its
//!   line and column, as serde_json would have.
//!
//! Every change keeps the text's length in bytes, so that every line and column told later
//! (serde_json's, the outline's ranges) is the same as in the file.

/// What an invalid escape reads as: U+0085, a C1 control that the reader drops from every
/// text anyway. The pass turns the file's own U+0085 (raw or `\u0085`) into U+0080, another
/// C1 control dropped the same way, so that this one means an invalid escape and nothing else.
pub const BAD_ESCAPE: char = '\u{85}';

/// The text with its lone surrogates and invalid escapes replaced (see the module), and the
/// line and column of the first invalid escape, if any, as serde_json tells them.
pub fn repair(text: String) -> (String, Option<(usize, usize)>) {
    let bytes = text.as_bytes();
    // The file's own U+0085, so that the mark means an invalid escape and nothing else.
    let nels: Vec<usize> = text.match_indices(BAD_ESCAPE).map(|(at, _)| at).collect();
    let mut edits: Vec<(usize, &'static str)> = Vec::new();
    let mut first_bad = None;
    // Each backslash from the start, with what it escapes. Strings are not told apart from
    // the rest: a backslash outside a string is a syntax error that serde_json reports at
    // that very place, whatever is written there. `find` is a fast search, not a loop by byte.
    let mut at = 0;
    while let Some(found) = text[at..].find('\\') {
        at += found;
        if at + 1 == bytes.len() {
            break;
        }
        let (length, edit) = escape(bytes, at);
        if let Some(edit) = edit {
            if edit.starts_with(BAD_ESCAPE) {
                // serde_json stops after the escaped character or the four digits.
                let read = if bytes[at + 1] == b'u' { 6 } else { 2 };
                first_bad.get_or_insert(at + read);
            }
            edits.push((at, edit));
        }
        at += length;
    }
    if edits.is_empty() && nels.is_empty() {
        return (text, None);
    }
    let first_bad = first_bad.map(|read| serde_position(bytes, read));
    // Both lists are in the order of the text: merged, with what is between them copied.
    let mut out = String::with_capacity(text.len());
    let mut copied = 0;
    let mut nels = nels.into_iter().peekable();
    for (at, edit) in edits.into_iter().chain([(text.len(), "")]) {
        while let Some(nel) = nels.next_if(|&nel| nel < at) {
            // One that was escaped (`\` and it) is part of the escape's edit.
            if nel >= copied {
                out.push_str(&text[copied..nel]);
                out.push('\u{80}');
                copied = nel + BAD_ESCAPE.len_utf8();
            }
        }
        out.push_str(&text[copied..at]);
        out.push_str(edit);
        copied = at + edit.len();
    }
    (out, first_bad)
}

/// The escape at `at` (a backslash, not the last byte): its length in bytes,
/// and what to write in its place, if anything.
fn escape(bytes: &[u8], at: usize) -> (usize, Option<&'static str>) {
    const REPLACEMENT: &str = "\\uFFFD";
    let surrogate = |from: usize, range: std::ops::Range<u32>| {
        bytes.get(from..from + 2) == Some(b"\\u")
            && hex(bytes, from + 2).is_some_and(|code| range.contains(&code))
    };
    match bytes[at + 1] {
        b'"' | b'\\' | b'/' | b'b' | b'f' | b'n' | b'r' | b't' => (2, None),
        // Too short to be an escape: the file ends in it, and serde_json says so.
        b'u' if bytes.len() < at + 6 => (2, None),
        b'u' => match hex(bytes, at + 2) {
            Some(0xD800..0xDC00) if surrogate(at + 6, 0xDC00..0xE000) => (12, None),
            Some(0xD800..0xE000) => (6, Some(REPLACEMENT)),
            Some(0x85) => (6, Some("\\u0080")),
            Some(_) => (6, None),
            None => (2, Some("\u{85}")),
        },
        // Any other character: the backslash and it become the mark (and spaces, to keep the
        // length of a character of several bytes).
        lead => match lead {
            0xF0.. => (5, Some("\u{85}   ")),
            0xE0.. => (4, Some("\u{85}  ")),
            0xC0.. => (3, Some("\u{85} ")),
            _ => (2, Some("\u{85}")),
        },
    }
}

/// The line and column serde_json gives for an error after reading `bytes[..read]`: lines
/// from 1, columns in bytes from the line's start.
fn serde_position(bytes: &[u8], read: usize) -> (usize, usize) {
    let before = &bytes[..read.min(bytes.len())];
    let line_start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |at| at + 1);
    let line = 1 + before[..line_start].iter().filter(|&&b| b == b'\n').count();
    (line, before.len() - line_start)
}

/// The value of the four hex digits at `at`.
fn hex(bytes: &[u8], at: usize) -> Option<u32> {
    bytes.get(at..at + 4)?.iter().try_fold(0, |value, &b| {
        Some(value * 16 + char::from(b).to_digit(16)?)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn repaired(text: &str) -> (String, Option<(usize, usize)>) {
        repair(text.to_string())
    }

    #[test]
    fn a_lone_surrogate_becomes_the_replacement_character() {
        for (text, expected) in [
            (r#""a\ud800 b""#, r#""a\uFFFD b""#),
            (r#""\uDC00""#, r#""\uFFFD""#),
            (r#""\ud800\u0041""#, r#""\uFFFD\u0041""#),
            (r#""\ud800\ud800\udc00""#, r#""\uFFFD\ud800\udc00""#),
            (r#""\ud83d""#, r#""\uFFFD""#),
        ] {
            assert_eq!(repaired(text), (expected.to_string(), None), "{text}");
        }
    }

    #[test]
    fn valid_escapes_and_escaped_backslashes_are_left_alone() {
        for text in [
            r#""\ud83d\ude00 \\ud800 \\\" \n \u0041 \/""#,
            r#""ends in \u12"#,
            "\"\\",
        ] {
            assert_eq!(repaired(text), (text.to_string(), None), "{text}");
        }
    }

    #[test]
    fn an_invalid_escape_becomes_the_mark_with_the_same_length() {
        for (text, expected) in [
            (r#""a\x""#, "\"a\u{85}\""),
            (r#""\u12G4""#, "\"\u{85}12G4\""),
            ("\"\\é\"", "\"\u{85} \""),
            ("\"\\가\"", "\"\u{85}  \""),
            ("\"\\\n\"", "\"\u{85}\""),
            ("\"\\\u{85}\"", "\"\u{85} \""),
        ] {
            let (text_after, _) = repaired(text);
            assert_eq!(text_after, expected);
            assert_eq!(text_after.len(), text.len());
        }
    }

    #[test]
    fn the_first_invalid_escape_is_placed_where_serde_json_places_it() {
        for text in [
            "{\"a\": \"\\x\"}",
            "{\"a\": \"\\u12G4\"}",
            "{\n \"a\": \"가\\x\", \"b\": \"\\q\"}",
            "{\"a\": \"\\\n\"}",
            "{\"a\": \"\\u12\"}",
        ] {
            let error = serde_json::from_str::<serde_json::Value>(text).unwrap_err();
            assert_eq!(
                repaired(text).1,
                Some((error.line(), error.column())),
                "{text}"
            );
        }
    }

    #[test]
    fn the_mark_means_nothing_else() {
        let (text, first) = repaired("\"\u{85} \\u0085\"");
        assert_eq!(text, "\"\u{80} \\u0080\"");
        assert_eq!(first, None);
        assert!(serde_json::from_str::<String>(&text)
            .unwrap()
            .chars()
            .all(|c| c != BAD_ESCAPE));
    }
}
