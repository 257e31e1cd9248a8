//! Notices from a spreadsheet: `notices import notices.csv` turns a CSV export (one notice
//! per row, a header row naming the columns) into the data file's `notices` list, for teams
//! without a CMS export. The result is then checked by the same parser as any data file.
//!
//! Columns, in any order, names in any case: `id`, `title`, `date` (YYYY-MM-DD), `views`,
//! `body` (required); `category`, `pinned` (yes/true/1), `lang`, and `attachments` (one per
//! line inside the cell: `name | url | size in bytes`, the size optional).

use serde_json::{Map, Value};

const REQUIRED: [&str; 5] = ["id", "title", "date", "views", "body"];
const OPTIONAL: [&str; 4] = ["category", "pinned", "lang", "attachments"];

/// The notices of a CSV text, in its row order. Values are kept as written (a bad date
/// stays a bad date, for the parser to report with its row).
pub fn notices_from_csv(text: &str) -> Result<Vec<Value>, String> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut rows = records(text)?.into_iter();
    let header: Vec<String> = rows
        .next()
        .ok_or("the file is empty: it needs a header row naming the columns")?
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
    Ok(rows
        .filter(|row| row.iter().any(|cell| !cell.trim().is_empty()))
        .map(|row| notice(&header, &row))
        .collect())
}

fn notice(header: &[String], row: &[String]) -> Value {
    let mut fields = Map::new();
    for (name, cell) in header.iter().zip(row) {
        let cell = cell.trim();
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

/// RFC 4180 records: comma-separated, `"quoted"` cells may hold commas, line breaks and
/// `""` for a quote; rows end with `\n` or `\r\n`.
fn records(text: &str) -> Result<Vec<Vec<String>>, String> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut cell = String::new();
    let mut chars = text.chars().peekable();
    let mut line = 1;
    while let Some(c) = chars.next() {
        match c {
            '"' if cell.trim().is_empty() => {
                cell.clear();
                let start = line;
                loop {
                    match chars.next() {
                        Some('"') if chars.peek() == Some(&'"') => {
                            chars.next();
                            cell.push('"');
                        }
                        Some('"') => break,
                        Some(c) => {
                            line += usize::from(c == '\n');
                            if c != '\r' {
                                cell.push(c);
                            }
                        }
                        None => {
                            return Err(format!(
                                "the quoted cell that starts on line {start} is never closed"
                            ))
                        }
                    }
                }
            }
            ',' => row.push(std::mem::take(&mut cell)),
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' => {
                line += 1;
                row.push(std::mem::take(&mut cell));
                rows.push(std::mem::take(&mut row));
            }
            c => cell.push(c),
        }
    }
    if !cell.is_empty() || !row.is_empty() {
        row.push(cell);
        rows.push(row);
    }
    Ok(rows)
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

    proptest::proptest! {
        #[test]
        fn any_text_is_read_or_refused(text in "\\PC{0,200}") {
            let _ = notices_from_csv(&format!("id,title,date,views,body\n{text}"));
        }
    }
}
