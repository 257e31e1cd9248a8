//! Notices from a spreadsheet: `notices import notices.csv` turns a CSV export (one notice
//! per row, a header row naming the columns) into the data file's `notices` list, for teams
//! without a CMS export. The result is then checked by the same parser as any data file.
//!
//! Columns, in any order, names in any case: `id`, `title`, `date` (YYYY-MM-DD), `views`,
//! `body` (required); `category`, `pinned` (yes/true/1), `lang`, and `attachments` (one per
//! line inside the cell: `name | url | size in bytes`, the size optional).
//!
//! The file is read by the `csv` crate (RFC 4180: cells in `"double quotes"` may hold commas,
//! line breaks and `""` for a quote; rows end with `\n`, `\r\n` or `\r`). Every row must have
//! as many cells as the header row; blank rows are skipped. Native only: the board in the
//! browser never reads CSV.
use std::borrow::Cow;

use csv::{ReaderBuilder, StringRecord};
use serde_json::{Map, Value};

const REQUIRED: [&str; 5] = ["id", "title", "date", "views", "body"];
const OPTIONAL: [&str; 4] = ["category", "pinned", "lang", "attachments"];

/// The notices of a CSV text, in its row order. Values are kept as written (a bad date
/// stays a bad date, for the parser to report with its row).
pub fn notices_from_csv(text: &str) -> Result<Vec<Value>, String> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut rows = rows(text)?.into_iter();
    let header: Vec<String> = rows
        .next()
        .ok_or("the file is empty: it needs a header row naming the columns")?
        .cells
        .iter()
        .map(|name| name.trim().to_ascii_lowercase())
        .collect();
    if let Some(missing) = REQUIRED
        .iter()
        .find(|name| !header.iter().any(|h| h == *name))
    {
        return Err(format!(
            "the header row has no “{missing}” column (it needs {}; it may also have {})",
            REQUIRED.join(", "),
            OPTIONAL.join(", ")
        ));
    }
    if let Some(unknown) = header
        .iter()
        .find(|h| !REQUIRED.contains(&h.as_str()) && !OPTIONAL.contains(&h.as_str()))
    {
        return Err(format!(
            "the header row has a column “{unknown}” that is not part of the format"
        ));
    }
    let mut notices = Vec::new();
    for row in rows {
        if row.cells.iter().all(|cell| cell.trim().is_empty()) {
            continue;
        }
        if row.cells.len() != header.len() {
            return Err(format!(
                "row {} (line {}) has {} cells where the header row has {}: a cell holding a \
                 comma, a quote or a line break must be in double quotes",
                row.number,
                row.line,
                row.cells.len(),
                header.len()
            ));
        }
        notices.push(notice(&header, &row.cells));
    }
    Ok(notices)
}

fn notice(header: &[String], row: &StringRecord) -> Value {
    let mut fields = Map::new();
    for (name, cell) in header.iter().zip(row) {
        let cell = unix_line_breaks(cell.trim());
        let value = match name.as_str() {
            "id" | "views" => match cell.parse::<u64>() {
                Ok(number) => Value::from(number),
                Err(_) => Value::String(cell.into()),
            },
            "pinned" => Value::Bool(matches!(
                cell.to_lowercase().as_str(),
                "yes" | "y" | "true" | "1" | "o" | "예"
            )),
            "attachments" => Value::Array(cell.lines().filter_map(attachment).collect()),
            "category" | "lang" if cell.is_empty() => continue,
            _ => Value::String(cell.into()),
        };
        fields.insert(name.clone(), value);
    }
    Value::Object(fields)
}

/// A cell's line breaks as `\n`, whether the file was saved on Windows (`\r\n`) or an old
/// Mac (`\r`): the csv crate keeps a quoted cell's line breaks as written.
fn unix_line_breaks(cell: &str) -> Cow<'_, str> {
    if cell.contains('\r') {
        Cow::Owned(cell.replace("\r\n", "\n").replace('\r', "\n"))
    } else {
        Cow::Borrowed(cell)
    }
}

/// `name | url | size` (size optional) as an attachment object.
fn attachment(line: &str) -> Option<Value> {
    let mut parts = line.split('|').map(str::trim);
    let name = parts.next().filter(|name| !name.is_empty())?;
    let mut fields = Map::new();
    fields.insert("name".into(), name.into());
    fields.insert("url".into(), parts.next().unwrap_or_default().into());
    if let Some(size) = parts.next().filter(|size| !size.is_empty()) {
        let size = size
            .parse::<u64>()
            .map_or_else(|_| Value::from(size), Value::from);
        fields.insert("size".into(), size);
    }
    Some(Value::Object(fields))
}

/// A row of the file as the csv crate reads it, and where it is, for messages.
struct Row {
    cells: StringRecord,
    /// 1 for the header row, as a spreadsheet numbers them.
    number: u64,
    /// The line of the file the row starts on (a quoted cell may span several).
    line: u64,
    /// Its first byte in the file.
    start: usize,
}

/// Every row of `text`, rows of any length (the caller holds them to the header's).
fn rows(text: &str) -> Result<Vec<Row>, String> {
    let bytes = text.as_bytes();
    let mut reader = ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(bytes);
    let mut rows = Vec::new();
    loop {
        // Where the previous row ended: the reader steps over blank lines before the next.
        let end = reader.position().clone();
        let mut cells = StringRecord::new();
        if !reader
            .read_record(&mut cells)
            .map_err(|error| error.to_string())?
        {
            break;
        }
        let from = usize::try_from(end.byte()).unwrap_or(bytes.len());
        let blank = &bytes[from.min(bytes.len())..];
        let blank = &blank[..blank
            .iter()
            .position(|byte| !matches!(byte, b'\r' | b'\n'))
            .unwrap_or(blank.len())];
        rows.push(Row {
            cells,
            number: rows.len() as u64 + 1,
            line: end.line() + newlines(blank),
            start: from + blank.len(),
        });
    }
    // A quoted cell that is never closed runs to the end of the file, so it is in the last
    // row; the csv crate reads it without complaint, taking every row after it in.
    if let Some(last) = rows.last() {
        if let Some(line) = open_quote(&bytes[last.start..], last.line) {
            return Err(format!(
                "the quoted cell that starts on line {line} is never closed"
            ));
        }
    }
    Ok(rows)
}

fn newlines(bytes: &[u8]) -> u64 {
    bytes.iter().filter(|&&byte| byte == b'\n').count() as u64
}

/// The line on which a quoted cell opens and is not closed by the end of `row` (the text of
/// a row to the end of the file, starting on line `line`), as the csv crate quotes: a `"`
/// opens a quoted cell only as its first character, `""` inside one is a quote, and the next
/// `"` closes it.
fn open_quote(row: &[u8], mut line: u64) -> Option<u64> {
    let mut opened_on = None;
    let mut cell_starts = true;
    let mut bytes = row.iter().peekable();
    while let Some(&byte) = bytes.next() {
        match (opened_on, byte) {
            (None, b'"') if cell_starts => opened_on = Some(line),
            (Some(_), b'"') if bytes.peek() == Some(&&b'"') => {
                bytes.next();
            }
            (Some(_), b'"') => opened_on = None,
            (None, b',' | b'\r' | b'\n') => {
                line += u64::from(byte == b'\n');
                cell_starts = true;
                continue;
            }
            _ => {}
        }
        line += u64::from(byte == b'\n');
        cell_starts = false;
    }
    opened_on
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn reads_a_spreadsheet_export() {
        let csv = "\u{feff}ID,Title,Date,Views,Category,Pinned,Body,Attachments\r\n\
                   63605,\"Visit, with a comma\",2016-07-12,16118,press,yes,\"First line\r\n\"\"quoted\"\"\",\"guide.pdf | files/guide.pdf | 1024\nmap.hwp | files/map.hwp\"\r\n\
                   press-7,Plain,2024-01-02,x,,,Text,\r\n\
                   ,,,,,,,\r\n";
        let notices = notices_from_csv(csv).unwrap();
        assert_eq!(
            notices,
            [
                json!({ "id": 63605, "title": "Visit, with a comma", "date": "2016-07-12", "views": 16118,
                        "category": "press", "pinned": true, "body": "First line\n\"quoted\"",
                        "attachments": [{ "name": "guide.pdf", "url": "files/guide.pdf", "size": 1024 },
                                        { "name": "map.hwp", "url": "files/map.hwp" }] }),
                json!({ "id": "press-7", "title": "Plain", "date": "2024-01-02", "views": "x",
                        "pinned": false, "body": "Text", "attachments": [] }),
            ]
        );
    }

    #[test]
    fn says_what_is_wrong_with_the_header_or_the_quotes() {
        assert!(notices_from_csv("").unwrap_err().contains("header row"));
        assert!(notices_from_csv("id,title,date,views\n")
            .unwrap_err()
            .contains("no “body” column"));
        assert!(notices_from_csv("id,title,date,views,body,colour\n")
            .unwrap_err()
            .contains("“colour”"));
        assert!(
            notices_from_csv("id,title,date,views,body\n1,\"open,2024-01-01,1,x\n")
                .unwrap_err()
                .contains("starts on line 2 is never closed")
        );
    }

    #[test]
    fn names_the_line_of_an_unclosed_quote_after_cells_that_span_lines() {
        let csv = "id,title,date,views,body\n\
                   1,\"Two\nlines\",2024-01-01,1,x\n\
                   2,\"Also\ntwo\",2024-01-02,1,\"never\nclosed\n\
                   3,Swallowed,2024-01-03,1,x\n";
        assert_eq!(
            notices_from_csv(csv).unwrap_err(),
            "the quoted cell that starts on line 5 is never closed"
        );
        // A quote inside a cell, or a closed one followed by text, opens nothing.
        let csv = "id,title,date,views,body\n1,5\" floppy,2024-01-01,1,\"said \"\"hi\"\"\"\n";
        assert_eq!(
            notices_from_csv(csv).unwrap()[0],
            json!({ "id": 1, "title": "5\" floppy", "date": "2024-01-01", "views": 1, "body": "said \"hi\"" })
        );
    }

    #[test]
    fn reads_windows_and_old_mac_line_endings_alike() {
        let expected = [
            json!({ "id": 1, "title": "A", "date": "2024-01-01", "views": 1, "body": "one\ntwo" }),
            json!({ "id": 2, "title": "B", "date": "2024-01-02", "views": 2, "body": "x" }),
        ];
        for ending in ["\n", "\r\n", "\r"] {
            let csv = format!(
                "id,title,date,views,body{ending}1,A,2024-01-01,1,\"one{ending}two\"{ending}2,B,2024-01-02,2,x{ending}"
            );
            assert_eq!(notices_from_csv(&csv).unwrap(), expected, "{ending:?}");
        }
    }

    #[test]
    fn refuses_a_row_whose_cells_do_not_match_the_header_naming_its_row_and_line() {
        // An unquoted comma splits a title: the row has a cell too many.
        let csv = "id,title,date,views,body\n\
                   1,\"Two\nlines\",2024-01-01,1,x\n\
                   \n\
                   2,Drill, May 16,2024-01-02,1,x\n";
        assert_eq!(
            notices_from_csv(csv).unwrap_err(),
            "row 3 (line 5) has 6 cells where the header row has 5: a cell holding a comma, \
             a quote or a line break must be in double quotes"
        );
        let csv = "id,title,date,views,body\r\n1,A,2024-01-01,1,x\r\n2,B,2024-01-02\r\n";
        assert!(notices_from_csv(csv)
            .unwrap_err()
            .starts_with("row 3 (line 3) has 3 cells where the header row has 5"));
        // Blank rows are skipped whatever their shape.
        let csv = "id,title,date,views,body\n,,\n1,A,2024-01-01,1,x\n  \n";
        assert_eq!(notices_from_csv(csv).unwrap().len(), 1);
    }

    proptest::proptest! {
        #[test]
        fn any_text_is_read_or_refused(text in "\\PC{0,200}") {
            let _ = notices_from_csv(&format!("id,title,date,views,body\n{text}"));
        }
    }
}
