//! Where a problem is in the data file's text: line and column of a notice's field, so that
//! `notices validate` can point an editor at it (`notices.json:12:7: …`).

use super::problem::Place;

/// The line and column (both from 1, columns in characters) of the value of `field` of the
/// problem's place (`title`, `attachments[0].url`), or of the nearest enclosing value found.
pub fn locate(text: &str, place: &Place, field: &str) -> Option<(usize, usize)> {
    let mut path: Vec<Segment> = match place {
        Place::Board => vec![Segment::Key("board".into())],
        Place::Notice { position, .. } => vec![
            Segment::Key("notices".into()),
            Segment::Index(position.checked_sub(1)?),
        ],
    };
    // Board problems name their field from the top (`board.menu`).
    let field = match place {
        Place::Board => field.strip_prefix("board.").unwrap_or(field),
        Place::Notice { .. } => field,
    };
    for part in field.split('.') {
        let (name, indexes) = part.split_once('[').unwrap_or((part, ""));
        if !name.is_empty() {
            path.push(Segment::Key(name.to_string()));
        }
        for index in indexes.split('[') {
            if let Ok(index) = index.trim_end_matches(']').parse() {
                path.push(Segment::Index(index));
            }
        }
    }
    let offset = find(text.as_bytes(), &path);
    Some(line_and_column(text.as_bytes(), offset))
}

enum Segment {
    Key(String),
    Index(usize),
}

/// The byte offset of the value at `path`, or of the deepest value of it that exists.
fn find(bytes: &[u8], path: &[Segment]) -> usize {
    let mut at = skip_space(bytes, 0);
    for segment in path {
        let found = match (segment, bytes.get(at)) {
            (Segment::Key(key), Some(b'{')) => member(bytes, at, key),
            (Segment::Index(index), Some(b'[')) => element(bytes, at, *index),
            _ => None,
        };
        match found {
            Some(value) => at = value,
            None => break,
        }
    }
    at
}

/// In the object at `at`, the offset of `key`'s value.
fn member(bytes: &[u8], at: usize, key: &str) -> Option<usize> {
    let mut at = skip_space(bytes, at + 1);
    while bytes.get(at) == Some(&b'"') {
        let end = skip_value(bytes, at)?;
        let name: String = serde_json::from_slice(&bytes[at..end]).ok()?;
        at = skip_space(bytes, end);
        if bytes.get(at) != Some(&b':') {
            return None;
        }
        let value = skip_space(bytes, at + 1);
        if name == key {
            return Some(value);
        }
        at = skip_space(bytes, skip_value(bytes, value)?);
        if bytes.get(at) == Some(&b',') {
            at = skip_space(bytes, at + 1);
        }
    }
    None
}

/// In the array at `at`, the offset of element `index`.
fn element(bytes: &[u8], at: usize, index: usize) -> Option<usize> {
    let mut at = skip_space(bytes, at + 1);
    for _ in 0..index {
        if bytes.get(at) == Some(&b']') {
            return None;
        }
        at = skip_space(bytes, skip_value(bytes, at)?);
        if bytes.get(at) != Some(&b',') {
            return None;
        }
        at = skip_space(bytes, at + 1);
    }
    (bytes.get(at) != Some(&b']')).then_some(at)
}

/// The offset just after the value starting at `at` (nesting is counted, not recursed).
fn skip_value(bytes: &[u8], at: usize) -> Option<usize> {
    let mut depth = 0usize;
    let mut index = at;
    loop {
        match bytes.get(index)? {
            b'"' => {
                index += 1;
                loop {
                    match bytes.get(index)? {
                        b'\\' => index += 2,
                        b'"' => break,
                        _ => index += 1,
                    }
                }
            }
            b'{' | b'[' => depth += 1,
            b'}' | b']' => depth = depth.checked_sub(1)?,
            b',' | b':' if depth == 0 => return Some(index),
            byte if depth == 0 && byte.is_ascii_whitespace() => return Some(index),
            _ => {}
        }
        index += 1;
        if depth == 0 && matches!(bytes.get(index - 1), Some(b'"' | b'}' | b']')) {
            return Some(index);
        }
    }
}

fn skip_space(bytes: &[u8], mut at: usize) -> usize {
    while bytes.get(at).is_some_and(u8::is_ascii_whitespace) {
        at += 1;
    }
    at
}

/// The line and column (from 1; columns in characters) of byte `offset` of a text.
pub fn line_and_column(bytes: &[u8], offset: usize) -> (usize, usize) {
    let before = &bytes[..offset.min(bytes.len())];
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let line_start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |at| at + 1);
    let column = String::from_utf8_lossy(&before[line_start..])
        .chars()
        .count()
        + 1;
    (line, column)
}

#[cfg(test)]
mod tests {
    use super::*;

    const FILE: &str = r#"{
  "version": 1,
  "board": { "title": "B", "menu": [{ "label": "x", "url": "javascript:1" }] },
  "notices": [
    { "id": 1, "title": "A \"quoted\" [title]", "date": "2024-01-01" },
    {
      "id": "공지-2",
      "date": "2024.01.02",
      "attachments": [{ "name": "a" }, { "name": "b", "url": "data:x" }]
    }
  ]
}"#;

    fn notice(position: usize) -> Place {
        Place::Notice { position, id: None }
    }

    #[test]
    fn finds_a_notice_field() {
        assert_eq!(locate(FILE, &notice(2), "date"), Some((8, 15)));
        assert_eq!(locate(FILE, &notice(1), "date"), Some((5, 57)));
        assert_eq!(
            locate(FILE, &notice(2), "attachments[1].url"),
            Some((9, 62))
        );
    }

    #[test]
    fn finds_a_board_field() {
        assert_eq!(locate(FILE, &Place::Board, "menu[0].url"), Some((3, 60)));
        assert_eq!(locate(FILE, &Place::Board, "board.menu"), Some((3, 36)));
    }

    #[test]
    fn a_missing_field_points_at_its_notice() {
        assert_eq!(locate(FILE, &notice(2), "title"), Some((6, 5)));
        assert_eq!(locate(FILE, &notice(9), "title"), Some((4, 14)));
    }

    proptest::proptest! {
        #[test]
        fn never_panics(text in "\\PC{0,300}", position in 0usize..5, field in "[a-z\\[\\]0-9.]{0,12}") {
            let _ = locate(&text, &Place::Notice { position, id: None }, &field);
        }
    }
}
