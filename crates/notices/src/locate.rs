//! Where a problem is in the data file's text: line and column of a notice's field, so that
//! `notices validate` can point an editor at it (`notices.json:12:7: …`).

use notice_core::position::lines_and_columns;
use notice_core::Place;
use std::collections::HashMap;

/// The line and column (both from 1, columns in characters) of the value of `field` of the
/// problem's place (`title`, `attachments[0].url`), or of the nearest enclosing value found.
pub fn locate(text: &str, place: &Place, field: &str) -> Option<(usize, usize)> {
    locate_all(text, &[(place, field)]).pop().flatten()
}

/// [`locate`] for many places at once, in linear time overall when they come in file order
/// (as problems do): a file with a problem in each of 100,000 notices is walked once, not
/// once per problem, and lines and columns are counted in one sweep.
pub fn locate_all(text: &str, places: &[(&Place, &str)]) -> Vec<Option<(usize, usize)>> {
    let bytes = text.as_bytes();
    let mut finder = Finder {
        bytes,
        cursors: HashMap::new(),
    };
    let offsets: Vec<Option<usize>> = places
        .iter()
        .map(|(place, field)| path_of(place, field).map(|path| finder.find(&path)))
        .collect();
    let mut sorted: Vec<usize> = offsets.iter().flatten().copied().collect();
    sorted.sort_unstable();
    sorted.dedup();
    let positions = lines_and_columns(bytes, &sorted);
    offsets
        .into_iter()
        .map(|offset| offset.map(|offset| positions[sorted.binary_search(&offset).unwrap_or(0)]))
        .collect()
}

fn path_of(place: &Place, field: &str) -> Option<Vec<Segment>> {
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
    Some(path)
}

enum Segment {
    Key(String),
    Index(usize),
}

struct Finder<'a> {
    bytes: &'a [u8],
    /// For each array asked about (by its offset), the last element found: the next
    /// element asked for is found from there, not from the array's start.
    cursors: HashMap<usize, (usize, usize)>,
}

impl Finder<'_> {
    /// The byte offset of the value at `path`, or of the deepest value of it that exists.
    fn find(&mut self, path: &[Segment]) -> usize {
        let bytes = self.bytes;
        let mut at = skip_space(bytes, 0);
        for segment in path {
            let found = match (segment, bytes.get(at)) {
                (Segment::Key(key), Some(b'{')) => member(bytes, at, key),
                (Segment::Index(index), Some(b'[')) => self.element(at, *index),
                _ => None,
            };
            match found {
                Some(value) => at = value,
                None => break,
            }
        }
        at
    }

    /// In the array at `at`, the offset of element `index`.
    fn element(&mut self, at: usize, index: usize) -> Option<usize> {
        let bytes = self.bytes;
        let (mut current, mut offset) = match self.cursors.get(&at) {
            Some(&(known, offset)) if known <= index => (known, offset),
            _ => (0, skip_space(bytes, at + 1)),
        };
        while current < index {
            if bytes.get(offset) == Some(&b']') {
                return None;
            }
            offset = skip_space(bytes, skip_value(bytes, offset)?);
            if bytes.get(offset) != Some(&b',') {
                return None;
            }
            offset = skip_space(bytes, offset + 1);
            current += 1;
        }
        self.cursors.insert(at, (current, offset));
        (bytes.get(offset) != Some(&b']')).then_some(offset)
    }
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

    #[test]
    fn many_places_at_once_are_found_as_one_at_a_time() {
        let board = Place::Board;
        let (first, second, missing) = (notice(1), notice(2), notice(9));
        let places = [
            (&second, "attachments[1].url"),
            (&first, "date"),
            (&second, "attachments[0].name"),
            (&second, "date"),
            (&board, "menu[0].url"),
            (&missing, "title"),
            (&second, "attachments[1].url"),
        ];
        let one_at_a_time: Vec<_> = places
            .iter()
            .map(|(place, field)| locate(FILE, place, field))
            .collect();
        assert_eq!(locate_all(FILE, &places), one_at_a_time);
        assert_eq!(one_at_a_time[0], Some((9, 62)));
    }

    proptest::proptest! {
        #[test]
        fn never_panics(text in "\\PC{0,300}", position in 0usize..5, field in "[a-z\\[\\]0-9.]{0,12}") {
            let _ = locate(&text, &Place::Notice { position, id: None }, &field);
        }
    }
}
