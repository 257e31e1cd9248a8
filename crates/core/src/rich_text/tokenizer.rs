//! Splits HTML from a CMS export into tags and text, the way a browser's tokenizer would for
//! the cases that matter: comments, attributes in any quoting, character references, and the
//! raw-text elements (`script`, `style`…) whose content is skipped, never read as markup.
//!
//! What comes out is only read by the sanitiser, never handed back to a browser as HTML, so
//! an exotic construct read differently here than in a browser can lose text, not add markup.

/// One piece of the input.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Token {
    Start {
        /// Lower case.
        name: String,
        /// Names in lower case, values with character references decoded; first one wins.
        attributes: Vec<(String, String)>,
    },
    End {
        name: String,
    },
    Text(String),
}

/// Elements whose content is text to the browser, not markup. Their content is dropped here:
/// nothing inside them is ever shown.
const RAW_TEXT: [&str; 10] = [
    "script",
    "style",
    "textarea",
    "title",
    "xmp",
    "iframe",
    "noembed",
    "noframes",
    "noscript",
    "plaintext",
];

/// Every token of `html` at once.
#[cfg(test)]
pub fn tokenize(html: &str) -> Vec<Token> {
    let mut tokenizer = Tokenizer::default();
    std::iter::from_fn(|| tokenizer.next(html)).collect()
}

/// Reads the tokens of `html` one at a time, so that a long body can be read over several
/// slices of work. It keeps positions, not the text: each call is given the same `html`.
#[derive(Default)]
pub struct Tokenizer {
    at: usize,
    /// Where the text before the next tag starts.
    text_start: usize,
    /// A tag read together with the text before it, given out after that text.
    queued: Option<Token>,
}

impl Tokenizer {
    pub fn next(&mut self, html: &str) -> Option<Token> {
        if let Some(token) = self.queued.take() {
            return Some(token);
        }
        let bytes = html.as_bytes();
        while self.at < bytes.len() {
            let at = self.at;
            if bytes[at] != b'<' {
                self.at += 1;
                continue;
            }
            let letter_at = |i: usize| bytes.get(i).is_some_and(u8::is_ascii_alphabetic);
            let (token, mut next) = if letter_at(at + 1) {
                read_tag(html, at + 1, false)
            } else if bytes.get(at + 1) == Some(&b'/') && letter_at(at + 2) {
                read_tag(html, at + 2, true)
            } else if html[at..].starts_with("<!--") {
                (None, comment_end(html, at + 4))
            } else if matches!(bytes.get(at + 1), Some(b'!' | b'?' | b'/')) {
                // A "bogus comment": `<!DOCTYPE …>`, `<?xml …?>`, `</ …>`.
                (None, after_next(html, at + 2, b'>'))
            } else {
                self.at += 1;
                continue;
            };
            let text = (self.text_start < at)
                .then(|| Token::Text(decode_references(&html[self.text_start..at], false)));
            if let Some(Token::Start { name, .. }) = &token {
                if let Some(raw) = RAW_TEXT.iter().find(|raw| *raw == name) {
                    next = raw_text_end(html, next, raw);
                }
            }
            self.at = next;
            self.text_start = next;
            match (text, token) {
                (Some(text), token) => {
                    self.queued = token;
                    return Some(text);
                }
                (None, Some(token)) => return Some(token),
                (None, None) => {}
            }
        }
        if self.text_start < bytes.len() {
            let text = decode_references(&html[self.text_start..], false);
            self.text_start = bytes.len();
            return Some(Token::Text(text));
        }
        None
    }
}

/// Reads a tag whose name starts at `from`. Returns `None` for a tag the input ends inside
/// (browsers drop it too), and where reading goes on.
fn read_tag(html: &str, from: usize, is_end: bool) -> (Option<Token>, usize) {
    let bytes = html.as_bytes();
    let is_space = |b: u8| matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'\x0c');
    let mut at = from;
    while at < bytes.len() && !is_space(bytes[at]) && bytes[at] != b'/' && bytes[at] != b'>' {
        at += 1;
    }
    let name = html[from..at].to_ascii_lowercase();
    let mut attributes: Vec<(String, String)> = Vec::new();
    loop {
        while at < bytes.len() && (is_space(bytes[at]) || bytes[at] == b'/') {
            at += 1;
        }
        match bytes.get(at) {
            None => return (None, bytes.len()),
            Some(b'>') => break,
            Some(_) => {}
        }
        // An attribute name may start with `=`; it ends at a space, `/`, `>` or `=`.
        let name_start = at;
        at += 1;
        while at < bytes.len() && !is_space(bytes[at]) && !matches!(bytes[at], b'/' | b'>' | b'=') {
            at += 1;
        }
        let attribute = html[name_start..at].to_ascii_lowercase();
        let mut after_name = at;
        while after_name < bytes.len() && is_space(bytes[after_name]) {
            after_name += 1;
        }
        let mut value = String::new();
        if bytes.get(after_name) == Some(&b'=') {
            at = after_name + 1;
            while at < bytes.len() && is_space(bytes[at]) {
                at += 1;
            }
            let raw = match bytes.get(at) {
                Some(&quote @ (b'"' | b'\'')) => {
                    let Some(close) = html[at + 1..].find(quote as char) else {
                        return (None, bytes.len());
                    };
                    let raw = &html[at + 1..at + 1 + close];
                    at += close + 2;
                    raw
                }
                _ => {
                    let start = at;
                    while at < bytes.len() && !is_space(bytes[at]) && bytes[at] != b'>' {
                        at += 1;
                    }
                    &html[start..at]
                }
            };
            value = decode_references(raw, true);
        }
        attributes.push((attribute, value));
    }
    drop_repeated_attributes(&mut attributes);
    let token = if is_end {
        Token::End { name }
    } else {
        Token::Start { name, attributes }
    };
    (Some(token), at + 1)
}

/// Keeps the first of attributes with the same name, as a browser does, in their order.
/// Names are compared after a stable sort, not each against all before it: a tag with
/// thousands of attributes must not take quadratic time.
fn drop_repeated_attributes(attributes: &mut Vec<(String, String)>) {
    let mut by_name: Vec<usize> = (0..attributes.len()).collect();
    crate::listing::sort_indices(&mut by_name, &|a, b| attributes[a].0.cmp(&attributes[b].0));
    let mut repeated = vec![false; attributes.len()];
    for pair in by_name.windows(2) {
        repeated[pair[1]] = attributes[pair[0]].0 == attributes[pair[1]].0;
    }
    let mut repeated = repeated.into_iter();
    attributes.retain(|_| !repeated.next().unwrap_or(false));
}

/// Where a comment whose text starts at `from` ends (`-->`, `--!>`, or `>` right away).
/// One forward scan: looking for each closing form over the whole rest of the input would
/// make a body of many comments take quadratic time.
fn comment_end(html: &str, from: usize) -> usize {
    let rest = &html[from..];
    if rest.starts_with('>') {
        return from + 1;
    }
    if rest.starts_with("->") {
        return from + 2;
    }
    let mut at = 0;
    while let Some(found) = rest[at..].find("--") {
        let dashes_end = at + found + 2;
        let after = &rest[dashes_end..];
        if after.starts_with('>') {
            return from + dashes_end + 1;
        }
        if after.starts_with("!>") {
            return from + dashes_end + 2;
        }
        at = dashes_end - 1;
    }
    html.len()
}

fn after_next(html: &str, from: usize, byte: u8) -> usize {
    html.as_bytes()[from.min(html.len())..]
        .iter()
        .position(|&b| b == byte)
        .map_or(html.len(), |i| from + i + 1)
}

/// Where the content of a raw-text element ends: at its end tag (`</script` followed by a
/// space, `/` or `>`), or at the end of the input. `plaintext` never ends.
fn raw_text_end(html: &str, from: usize, name: &str) -> usize {
    if name == "plaintext" {
        return html.len();
    }
    let bytes = html.as_bytes();
    let mut at = from;
    while let Some(found) = html[at..].find("</") {
        let start = at + found;
        let name_end = start + 2 + name.len();
        let closes = bytes
            .get(start + 2..name_end)
            .is_some_and(|candidate| candidate.eq_ignore_ascii_case(name.as_bytes()))
            && bytes
                .get(name_end)
                .is_none_or(|b| matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'\x0c' | b'/' | b'>'));
        if closes {
            return start;
        }
        at = start + 2;
    }
    html.len()
}

/// Named character references the sanitiser decodes: the ones rich-text editors write, and
/// the ones used to hide `javascript:` in a link (`&colon;`, `&Tab;`, `&NewLine;`).
/// An unknown name is left as written.
const NAMED: [(&str, &str); 44] = [
    ("amp", "&"),
    ("lt", "<"),
    ("gt", ">"),
    ("quot", "\""),
    ("apos", "'"),
    ("nbsp", "\u{a0}"),
    ("copy", "©"),
    ("reg", "®"),
    ("trade", "™"),
    ("hellip", "…"),
    ("mdash", "—"),
    ("ndash", "–"),
    ("lsquo", "‘"),
    ("rsquo", "’"),
    ("ldquo", "“"),
    ("rdquo", "”"),
    ("laquo", "«"),
    ("raquo", "»"),
    ("middot", "·"),
    ("bull", "•"),
    ("times", "×"),
    ("divide", "÷"),
    ("deg", "°"),
    ("plusmn", "±"),
    ("sect", "§"),
    ("para", "¶"),
    ("euro", "€"),
    ("pound", "£"),
    ("yen", "¥"),
    ("won", "₩"),
    ("cent", "¢"),
    ("larr", "←"),
    ("rarr", "→"),
    ("uarr", "↑"),
    ("darr", "↓"),
    ("colon", ":"),
    ("Tab", "\t"),
    ("NewLine", "\n"),
    ("lpar", "("),
    ("rpar", ")"),
    ("sol", "/"),
    ("semi", ";"),
    ("comma", ","),
    ("period", "."),
];

/// Names a browser also decodes without the final `;` (legacy HTML).
const WITHOUT_SEMICOLON: [&str; 7] = ["amp", "lt", "gt", "quot", "nbsp", "copy", "reg"];

/// Decodes character references (`&amp;`, `&#106;`, `&#x6A;`, `&colon;`…). In an attribute
/// value, a legacy reference without `;` followed by a letter, digit or `=` stays as written,
/// as browsers do (`?a=1&copy=2`).
pub fn decode_references(text: &str, in_attribute: bool) -> String {
    if !text.contains('&') {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        match read_reference(rest, in_attribute) {
            Some((decoded, length)) => {
                out.push_str(&decoded);
                rest = &rest[length..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// The text a reference at the start of `text` stands for, and its length.
fn read_reference(text: &str, in_attribute: bool) -> Option<(String, usize)> {
    let body = &text[1..];
    if let Some(number) = body.strip_prefix('#') {
        let (digits, radix, prefix) = match number.strip_prefix(['x', 'X']) {
            Some(hex) => (hex, 16, 2),
            None => (number, 10, 1),
        };
        let count = digits
            .bytes()
            .take_while(|b| (*b as char).is_digit(radix))
            .count();
        if count == 0 {
            return None;
        }
        let value = u32::from_str_radix(&digits[..count.min(8)], radix).unwrap_or(u32::MAX);
        let value = if count > 8 { u32::MAX } else { value };
        let semicolon = usize::from(digits[count..].starts_with(';'));
        // Like browsers: NUL, surrogates and numbers beyond Unicode become U+FFFD; other
        // control characters are dropped, as everywhere in the data.
        let decoded = match char::from_u32(value) {
            Some(c) if c != '\0' && (!c.is_control() || matches!(c, '\t' | '\n')) => c.to_string(),
            Some(c) if c.is_control() && c != '\0' => String::new(),
            _ => '\u{fffd}'.to_string(),
        };
        return Some((decoded, 1 + prefix + count + semicolon));
    }
    let name_length = body.bytes().take_while(u8::is_ascii_alphanumeric).count();
    let name = &body[..name_length];
    let (_, decoded) = NAMED.iter().find(|(known, _)| *known == name)?;
    if body[name_length..].starts_with(';') {
        return Some((decoded.to_string(), 1 + name_length + 1));
    }
    let next = body[name_length..].bytes().next();
    let legacy_ok = WITHOUT_SEMICOLON.contains(&name)
        && !(in_attribute && next.is_some_and(|b| b.is_ascii_alphanumeric() || b == b'='));
    legacy_ok.then(|| (decoded.to_string(), 1 + name_length))
}
