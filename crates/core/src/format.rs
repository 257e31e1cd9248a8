//! Turning data into the words people read: body paragraphs, counts, sizes, languages.

/// A notice body split into paragraphs (at blank lines), each a list of its lines.
pub fn paragraphs(body: &str) -> Vec<Vec<&str>> {
    let mut paragraphs = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    for line in body.lines() {
        let line = line.trim_end();
        if line.trim().is_empty() {
            if !current.is_empty() {
                paragraphs.push(std::mem::take(&mut current));
            }
        } else {
            current.push(line);
        }
    }
    if !current.is_empty() {
        paragraphs.push(current);
    }
    paragraphs
}

/// A piece of a body line: text, or a bare `https://` address to show as a link.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Span<'a> {
    Text(&'a str),
    Link(&'a str),
}

/// Splits a line of a plain-text body at its `https://` addresses. An address ends at a space
/// or at characters that cannot be in one (`<>"` and full-width punctuation), and leaves
/// out punctuation that ends the sentence around it (`…see https://x.go.kr/a.` or
/// `(https://x.go.kr)`).
///
/// One pass over the line: every search starts where the previous one ended, so a line of
/// a million `https://` takes linear time.
pub fn link_spans(line: &str) -> Vec<Span<'_>> {
    const SCHEME: &str = "https://";
    let mut spans = Vec::new();
    let mut text_start = 0;
    let mut from = 0;
    while let Some(start) = find_address(line, from) {
        let tail = &line[start..];
        let end = address_length(tail);
        let address = &tail[..end];
        if address.len() <= SCHEME.len() || crate::safe_url(address).is_none() {
            from = start + SCHEME.len();
            continue;
        }
        if text_start < start {
            spans.push(Span::Text(&line[text_start..start]));
        }
        spans.push(Span::Link(address));
        text_start = start + end;
        from = text_start;
    }
    if text_start < line.len() {
        spans.push(Span::Text(&line[text_start..]));
    }
    spans
}

/// The length of the address at the start of `tail`, without the punctuation around it.
fn address_length(tail: &str) -> usize {
    let mut end = tail
        .find(|c: char| c.is_whitespace() || matches!(c, '<' | '>' | '"') || (c as u32) >= 0x3000)
        .unwrap_or(tail.len());
    // Parentheses are counted once; each `)` taken off the end is then one fewer.
    let bytes = tail.as_bytes();
    let open = bytes[..end].iter().filter(|&&b| b == b'(').count();
    let mut close = bytes[..end].iter().filter(|&&b| b == b')').count();
    loop {
        match bytes[end - 1] {
            b')' if open < close => {
                close -= 1;
                end -= 1;
            }
            b'.' | b',' | b';' | b':' | b'!' | b'?' | b'\'' => end -= 1,
            _ => break,
        }
    }
    end
}

/// Where the next `https://` address at or after `from` starts (case-insensitive scheme,
/// at a word start).
fn find_address(text: &str, mut from: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    while let Some(found) = bytes[from..].iter().position(|b| matches!(b, b'h' | b'H')) {
        let at = from + found;
        let is_scheme = bytes
            .get(at..at + 8)
            .is_some_and(|s| s.eq_ignore_ascii_case(b"https://"));
        let word_start = text[..at]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric());
        if is_scheme && word_start {
            return Some(at);
        }
        from = at + 1;
    }
    None
}

/// How deep a line of a Korean official document is in its outline: `□` items are level 1,
/// `○`, `ㅇ`, `-` and `•` items level 2, anything else 0. Used to indent, never to change text.
pub fn outline_level(line: &str) -> u8 {
    match line.trim_start().chars().next() {
        Some('□' | '■') => 1,
        Some('○' | 'ㅇ' | '◦' | '-' | '•' | '※') => 2,
        _ => 0,
    }
}

/// The longest run of characters without a break opportunity that a view writes out as is.
/// Browsers lay out a long unbroken word in time that grows with the square of its length
/// (a 12,500-letter word froze Chromium for 5.7 s at phone speed); real words and addresses
/// and most addresses are shorter than this.
pub const MAX_UNBROKEN_CHARS: usize = 64;

/// `text` cut into pieces between which a view puts a line-break opportunity (`<wbr>`), so
/// that no run without whitespace is longer than [`MAX_UNBROKEN_CHARS`]. One piece (the
/// whole text) when it has no such run, which is nearly always. Never cuts before a
/// combining mark, joiner or variation selector, so a character and its marks stay together.
pub fn unbroken_pieces(text: &str) -> Vec<&str> {
    let mut pieces = Vec::new();
    let (mut piece_start, mut run) = (0, 0);
    for (at, c) in text.char_indices() {
        if c.is_whitespace() {
            run = 0;
            continue;
        }
        if run >= MAX_UNBROKEN_CHARS && !continues_character(c) {
            pieces.push(&text[piece_start..at]);
            piece_start = at;
            run = 0;
        }
        run += 1;
    }
    pieces.push(&text[piece_start..]);
    pieces
}

/// Marks that belong to the character before them (the common blocks; the cut is only an
/// opportunity, so a rare mark outside them costs a possible break inside a character).
fn continues_character(c: char) -> bool {
    matches!(c,
        '\u{0300}'..='\u{036F}' | '\u{0483}'..='\u{0489}' | '\u{0591}'..='\u{05BD}'
        | '\u{0610}'..='\u{061A}' | '\u{064B}'..='\u{065F}' | '\u{0900}'..='\u{0903}'
        | '\u{093A}'..='\u{094F}' | '\u{1160}'..='\u{11FF}' | '\u{1AB0}'..='\u{1AFF}'
        | '\u{1DC0}'..='\u{1DFF}' | '\u{200C}'..='\u{200D}' | '\u{20D0}'..='\u{20FF}'
        | '\u{302A}'..='\u{302F}' | '\u{3099}'..='\u{309A}' | '\u{FE00}'..='\u{FE0F}'
        | '\u{FE20}'..='\u{FE2F}' | '\u{1F3FB}'..='\u{1F3FF}' | '\u{E0020}'..='\u{E007F}'
        | '\u{E0100}'..='\u{E01EF}')
}

/// `16118` → `16,118`.
pub fn thousands(number: u64) -> String {
    let digits = number.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (index, digit) in digits.chars().enumerate() {
        if index > 0 && (digits.len() - index).is_multiple_of(3) {
            out.push(',');
        }
        out.push(digit);
    }
    out
}

/// A file size as people read it: `512 bytes`, `12 KB`, `1.4 MB` (1 KB = 1024 bytes).
pub fn file_size(bytes: u64) -> String {
    const UNITS: [&str; 4] = ["KB", "MB", "GB", "TB"];
    if bytes < 1024 {
        return if bytes == 1 {
            "1 byte".into()
        } else {
            format!("{bytes} bytes")
        };
    }
    // Integer arithmetic in tenths of a unit: float formatting would add kilobytes of wasm.
    let mut unit = 0;
    let mut divisor: u64 = 1024;
    while bytes / divisor >= 1024 && unit < UNITS.len() - 1 {
        divisor *= 1024;
        unit += 1;
    }
    let tenths = (u128::from(bytes) * 10 + u128::from(divisor) / 2) / u128::from(divisor);
    let (whole, tenth) = (tenths / 10, tenths % 10);
    if whole < 10 && tenth != 0 {
        format!("{whole}.{tenth} {}", UNITS[unit])
    } else {
        format!("{} {}", (tenths + 5) / 10, UNITS[unit])
    }
}

/// The text's first words, whitespace collapsed, cut at a word boundary to at most
/// `max_chars` characters (with "…" when cut): for descriptions and feed summaries.
pub fn first_words(text: &str, max_chars: usize) -> String {
    let words = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if words.chars().count() <= max_chars {
        return words;
    }
    let cut: String = words.chars().take(max_chars.saturating_sub(1)).collect();
    let cut = cut
        .rsplit_once(' ')
        .map_or(cut.as_str(), |(start, _)| start);
    format!("{cut}…")
}

/// Text from the data or the URL inside plain text of ours (the document title): wrapped in
/// FSI…PDI (U+2068, U+2069) when it has right-to-left letters or bidi controls, so that it
/// cannot reorder the words around it (“ – News & Notices”), and without the embeddings,
/// overrides and isolates it had (an unpaired one would end the isolate early); as it is
/// otherwise.
pub fn isolated(text: &str) -> String {
    let explicit = |c: char| matches!(c as u32, 0x202A..=0x202E | 0x2066..=0x2069);
    let bidi = |c: char| {
        explicit(c)
            || matches!(c as u32, 0x590..=0x8FF | 0xFB1D..=0xFDFF | 0xFE70..=0xFEFE | 0x10800..=0x10FFF | 0x1E800..=0x1EFFF | 0x200E | 0x200F)
    };
    if !text.contains(bidi) {
        return text.to_string();
    }
    let mut out = String::from('\u{2068}');
    out.extend(text.chars().filter(|&c| !explicit(c)));
    out.push('\u{2069}');
    out
}

/// Escapes text for HTML or XML, in content and in quoted attribute values.
pub fn escape_markup(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// A folder's URL ends with `/`, so that file names can be added to it.
pub fn with_trailing_slash(url: &str) -> String {
    if url.ends_with('/') {
        url.to_string()
    } else {
        format!("{url}/")
    }
}

/// A relative path split after its last `/`: its folder (`""`, or ending with `/`) and the
/// file's name.
pub fn folder_and_file(path: &str) -> (&str, &str) {
    path.split_at(path.rfind('/').map_or(0, |at| at + 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinary_text_is_one_piece() {
        let text =
            "The drill starts at 14:00 https://www.mois.go.kr/eng/sub/a03/safety.do 지진 대피 훈련";
        assert_eq!(unbroken_pieces(text), vec![text]);
        assert_eq!(unbroken_pieces(""), vec![""]);
    }

    #[test]
    fn a_long_word_is_cut_into_pieces_of_at_most_the_limit() {
        let word = "A".repeat(150);
        let pieces = unbroken_pieces(&word);
        assert_eq!(pieces.concat(), word);
        assert_eq!(
            pieces.iter().map(|p| p.len()).collect::<Vec<_>>(),
            [64, 64, 22]
        );
        // Whitespace starts a new run.
        let text = format!("{} {}", "b".repeat(63), "c".repeat(63));
        assert_eq!(unbroken_pieces(&text), vec![text.as_str()]);
    }

    #[test]
    fn a_character_keeps_its_combining_marks() {
        let word = format!("{}e\u{301}\u{301}x", "a".repeat(64));
        let pieces = unbroken_pieces(&word);
        assert_eq!(pieces.concat(), word);
        assert_eq!(pieces[1], "e\u{301}\u{301}x");
        let marks = format!("e{}", "\u{301}".repeat(900));
        assert_eq!(unbroken_pieces(&marks), vec![marks.as_str()]);
    }

    #[test]
    fn blank_lines_separate_paragraphs_and_line_breaks_stay() {
        let body = "First line\nsecond line\n\n  \n\nNext paragraph\r\n\r\nLast";
        assert_eq!(
            paragraphs(body),
            vec![
                vec!["First line", "second line"],
                vec!["Next paragraph"],
                vec!["Last"]
            ]
        );
        assert!(paragraphs("").is_empty());
        assert!(paragraphs("\n\n \n").is_empty());
    }

    #[test]
    fn outline_markers_set_the_indent_level() {
        assert_eq!(outline_level("□ Purpose"), 1);
        assert_eq!(outline_level("  ○ Date: 16 May"), 2);
        assert_eq!(outline_level("ㅇ 일시"), 2);
        assert_eq!(outline_level("Plain text"), 0);
    }

    #[test]
    fn counts_get_thousands_separators() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(16118), "16,118");
        assert_eq!(thousands(1_234_567), "1,234,567");
    }

    #[test]
    fn file_sizes_read_naturally() {
        assert_eq!(file_size(1), "1 byte");
        assert_eq!(file_size(512), "512 bytes");
        assert_eq!(file_size(1024), "1 KB");
        assert_eq!(file_size(1536), "1.5 KB");
        assert_eq!(file_size(250 * 1024), "250 KB");
        assert_eq!(file_size(1_468_006), "1.4 MB");
        assert_eq!(file_size(3 * 1024 * 1024 * 1024), "3 GB");
        assert_eq!(file_size(1023 * 1024), "1023 KB");
        assert_eq!(file_size(10 * 1024 - 1), "10 KB");
        assert_eq!(file_size(u64::MAX), "16777216 TB");
    }

    #[test]
    fn first_words_cut_at_a_word() {
        assert_eq!(first_words("  one\n two  ", 20), "one two");
        assert_eq!(first_words("alpha beta gamma", 12), "alpha beta…");
        assert!(first_words(&"word ".repeat(100), 160).chars().count() <= 160);
    }

    #[test]
    fn markup_is_escaped() {
        assert_eq!(
            escape_markup(r#"<a href="x">&'"#),
            "&lt;a href=&quot;x&quot;&gt;&amp;&#39;"
        );
        assert_eq!(with_trailing_slash("https://x/a"), "https://x/a/");
    }

    #[test]
    fn bare_https_addresses_become_links() {
        use Span::{Link, Text};
        assert_eq!(link_spans("no address"), [Text("no address")]);
        assert_eq!(
            link_spans("See https://www.gov.kr/portal. Then (https://x.go.kr/a_(b)) and https://x.go.kr/?q=1,"),
            [
                Text("See "),
                Link("https://www.gov.kr/portal"),
                Text(". Then ("),
                Link("https://x.go.kr/a_(b)"),
                Text(") and "),
                Link("https://x.go.kr/?q=1"),
                Text(","),
            ]
        );
        assert_eq!(
            link_spans("안내: https://www.mois.go.kr/eng。"),
            [
                Text("안내: "),
                Link("https://www.mois.go.kr/eng"),
                Text("。")
            ]
        );
        // Only https, only real addresses, never inside a word.
        assert_eq!(
            link_spans("http://x.kr xhttps://x.kr"),
            [Text("http://x.kr xhttps://x.kr")]
        );
        assert_eq!(
            link_spans("javascript:https://x.kr"),
            [Text("javascript:"), Link("https://x.kr")],
            "the scheme before it stays text"
        );
        assert_eq!(
            link_spans("https:// alone"),
            [Text("https:// alone")],
            "a scheme alone stays text, in one piece with what follows"
        );
        assert_eq!(link_spans("HTTPS://X.GO.KR"), [Link("HTTPS://X.GO.KR")]);
    }

    proptest::proptest! {
        #[test]
        fn link_spans_keep_every_character(line in "\\PC{0,80}") {
            let joined: String = link_spans(&line)
                .into_iter()
                .map(|span| match span { Span::Text(t) | Span::Link(t) => t })
                .collect();
            proptest::prop_assert_eq!(joined, line);
        }
    }

    #[test]
    fn a_path_splits_after_its_last_slash() {
        assert_eq!(folder_and_file("notices.json"), ("", "notices.json"));
        assert_eq!(
            folder_and_file("./data/notices.json"),
            ("./data/", "notices.json")
        );
    }
}
