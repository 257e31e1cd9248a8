//! Rebuilds a body's HTML from an allow-list. Each tag is kept (with only its own safe
//! attributes), unwrapped (its content kept), or dropped with everything inside it. End tags
//! that a browser would imply (`<p>` before a list, `<li>` before the next) are implied here
//! too, so the tree has the shape the editor saw.

use super::tokenizer::{Token, Tokenizer};
use super::{has_text, Kind, RichElement, RichNode, RichText};
use crate::language::is_language_tag;
use crate::safe_url::{host, leaves_the_board, origin, resolve, safe_url};
use std::collections::{BTreeMap, BTreeSet};

/// Deeper nesting is flattened (its tags unwrapped), so that showing a body never recurses
/// deeper than this.
const MAX_DEPTH: usize = 32;

/// The report of what was removed names at most this many different things; the rest are
/// counted together (a tag with thousands of invented attributes is one finding, not a
/// report of thousands of lines).
const MAX_NOTED_KINDS: usize = 50;

/// Elements dropped with everything inside them: code, embedded documents, forms' controls,
/// and markup languages with their own parsing rules.
const DROPPED: [&str; 28] = [
    "script",
    "style",
    "iframe",
    "frame",
    "frameset",
    "object",
    "embed",
    "applet",
    "svg",
    "math",
    "template",
    "noscript",
    "noembed",
    "noframes",
    "textarea",
    "xmp",
    "plaintext",
    "select",
    "button",
    "input",
    "head",
    "title",
    "meta",
    "base",
    "link",
    "audio",
    "video",
    "canvas",
];

/// Tags unwrapped into a plain block, so their content stays apart from what is around it.
const BLOCKS: [&str; 21] = [
    "div",
    "section",
    "article",
    "aside",
    "header",
    "footer",
    "main",
    "nav",
    "address",
    "center",
    "figure",
    "figcaption",
    "dl",
    "dt",
    "dd",
    "details",
    "summary",
    "fieldset",
    "legend",
    "hgroup",
    "form",
];

/// Elements that cannot have content.
const VOID: [&str; 14] = [
    "br", "hr", "img", "input", "meta", "link", "base", "col", "area", "embed", "param", "source",
    "track", "wbr",
];

/// Sanitises `html`, a notice body fetched from `data_url` (relative links and images are
/// resolved against it), with images from any site.
pub fn sanitise(html: &str, data_url: &str) -> RichText {
    sanitise_for(html, data_url, None)
}

/// [`sanitise`], keeping only the images of the board's own site and, when the board lists
/// them (`board.imageHosts`), of `image_hosts`.
pub fn sanitise_for(html: &str, data_url: &str, image_hosts: Option<&[String]>) -> RichText {
    let mut sanitising = Sanitising::new(data_url, image_hosts);
    sanitising.run(html, || true);
    sanitising.finish()
}

/// A body being sanitised a slice of work at a time, so that a browser page loading a huge
/// body still answers between slices. Each [`Sanitising::run`] is given the same `html`.
pub struct Sanitising {
    builder: Builder,
    tokens: Tokenizer,
}

/// How many tokens are taken between two questions whether to go on.
const TOKENS_PER_SLICE: usize = 256;

impl Sanitising {
    pub fn new(data_url: &str, image_hosts: Option<&[String]>) -> Sanitising {
        Sanitising {
            builder: Builder {
                data_url: data_url.to_string(),
                data_origin: origin(data_url).map(str::to_string),
                image_hosts: image_hosts.map(<[String]>::to_vec),
                ..Builder::default()
            },
            tokens: Tokenizer::default(),
        }
    }

    /// Sanitises on as long as `more()` says so (asked every few hundred tokens). Returns
    /// whether all of `html` has been read.
    pub fn run(&mut self, html: &str, mut more: impl FnMut() -> bool) -> bool {
        loop {
            for _ in 0..TOKENS_PER_SLICE {
                match self.tokens.next(html) {
                    Some(token) => self.builder.take(token),
                    None => return true,
                }
            }
            if !more() {
                return false;
            }
        }
    }

    /// The sanitised body, once [`Sanitising::run`] has read all of it.
    pub fn finish(self) -> RichText {
        let mut builder = self.builder;
        while !builder.open.is_empty() {
            builder.close_top();
        }
        let mut nodes = builder.root;
        relevel_headings(&mut nodes);
        RichText {
            nodes,
            removed: builder.removed.into_iter().collect(),
            image_hosts: builder.off_site_images.into_iter().collect(),
        }
    }
}

#[derive(Default)]
struct Builder {
    data_url: String,
    data_origin: Option<String>,
    /// `board.imageHosts`, when the board limits where images come from.
    image_hosts: Option<Vec<String>>,
    /// Hosts of the images kept from other sites than the data file's.
    off_site_images: BTreeSet<String>,
    root: Vec<RichNode>,
    /// Open elements, innermost last, with their tag name.
    open: Vec<(String, RichElement)>,
    /// Inside a dropped element: its name and how many of it are open.
    dropping: Option<(String, usize)>,
    removed: BTreeMap<String, usize>,
}

impl Builder {
    fn take(&mut self, token: Token) {
        if let Some((name, depth)) = &mut self.dropping {
            match &token {
                Token::Start { name: inner, .. } if inner == name && !VOID.contains(&&**name) => {
                    *depth += 1
                }
                Token::End { name: inner } if inner == name => *depth -= 1,
                _ => {}
            }
            if *depth == 0 {
                self.dropping = None;
            }
            return;
        }
        match token {
            Token::Text(text) => self.text(text),
            Token::Start { name, attributes } => self.start(name, attributes),
            Token::End { name } => self.end(&name),
        }
    }

    fn note(&mut self, what: String) {
        let what = if self.removed.len() >= MAX_NOTED_KINDS && !self.removed.contains_key(&what) {
            "other tags and attributes".to_string()
        } else {
            what
        };
        *self.removed.entry(what).or_default() += 1;
    }

    fn children(&mut self) -> &mut Vec<RichNode> {
        match self.open.last_mut() {
            Some((_, element)) => &mut element.children,
            None => &mut self.root,
        }
    }

    fn text(&mut self, mut text: String) {
        if !self.can_hold_flow() {
            if text.trim().is_empty() {
                return;
            }
            if !self.open_implied_list_item() {
                self.note("text outside table cells".into());
                return;
            }
        }
        // A line break just after `<pre>` is not part of its text, as in a browser.
        if let Some((_, element)) = self.open.last() {
            if element.kind == Kind::Preformatted && element.children.is_empty() {
                let line_break = ["\r\n", "\n"].into_iter().find(|b| text.starts_with(b));
                text.drain(..line_break.map_or(0, str::len));
            }
        }
        match self.children().last_mut() {
            Some(RichNode::Text(previous)) => previous.push_str(&text),
            _ => self.children().push(RichNode::Text(text)),
        }
    }

    /// Whether text and ordinary elements may go into the innermost open element: not
    /// directly into a list or a table's structure.
    fn can_hold_flow(&self) -> bool {
        !self.open.last().is_some_and(|(_, element)| {
            matches!(
                element.kind,
                Kind::List { .. }
                    | Kind::Table
                    | Kind::TableHead
                    | Kind::TableBody
                    | Kind::TableFoot
                    | Kind::Row
            )
        })
    }

    /// Content written straight into a list goes into a list item of its own, as a browser
    /// shows it, so that screen readers still hear a list of items. False outside lists.
    fn open_implied_list_item(&mut self) -> bool {
        let in_list = matches!(
            self.open.last(),
            Some((
                _,
                RichElement {
                    kind: Kind::List { .. },
                    ..
                }
            ))
        );
        if in_list && self.open.len() < MAX_DEPTH {
            let item = RichElement {
                kind: Kind::ListItem,
                lang: None,
                children: Vec::new(),
            };
            self.open.push(("li".into(), item));
        }
        in_list
    }

    fn start(&mut self, name: String, attributes: Vec<(String, String)>) {
        if DROPPED.contains(&name.as_str()) {
            self.note(format!("<{name}> with its content"));
            if !VOID.contains(&name.as_str()) {
                self.dropping = Some((name, 1));
            }
            return;
        }
        let Some(kind) = self.kind_of(&name, &attributes) else {
            // Links and images say themselves why they were not kept; spans and fonts only
            // carry styling, which a board never shows.
            if !matches!(name.as_str(), "a" | "img" | "span" | "font" | "o:p") {
                self.note(format!("<{name}> tag (its content kept)"));
            }
            return;
        };
        self.close_implied(&kind);
        self.open_implied_row(&kind);
        let fits = self.fits(&kind) || (self.open_implied_list_item() && self.fits(&kind));
        if !fits || self.open.len() >= MAX_DEPTH {
            self.note(format!("<{name}> out of place (its content kept)"));
            return;
        }
        let mut lang = None;
        for (attribute, value) in &attributes {
            match attribute.as_str() {
                "lang" if is_language_tag(value.trim()) => lang = Some(value.trim().to_string()),
                a if is_kept_attribute(&name, a) => {}
                "class" | "style" | "id" | "dir" | "align" | "width" | "height" | "border" => {
                    self.note(format!("{attribute} attributes"))
                }
                _ => self.note(format!("the {attribute} attribute of <{name}>")),
            }
        }
        let element = RichElement {
            kind,
            lang,
            children: Vec::new(),
        };
        if VOID.contains(&name.as_str()) {
            self.children().push(RichNode::Element(element));
        } else {
            self.open.push((name, element));
        }
    }

    fn end(&mut self, name: &str) {
        if name == "br" {
            // `</br>` is read as `<br>` by browsers.
            return self.start("br".into(), Vec::new());
        }
        let name = match name {
            "b" => "strong",
            "i" => "em",
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                match self.open.iter().rposition(|(open, _)| is_heading(open)) {
                    Some(at) => return self.close_down_to(at),
                    None => return,
                }
            }
            other => other,
        };
        if let Some(at) = self
            .open
            .iter()
            .rposition(|(open, _)| canonical(open) == name)
        {
            self.close_down_to(at);
        }
    }

    fn close_down_to(&mut self, at: usize) {
        while self.open.len() > at {
            self.close_top();
        }
    }

    /// Closes the innermost element, moving it into its parent. A heading or link with
    /// nothing to read is unwrapped: an empty one is a trap for screen readers.
    fn close_top(&mut self) {
        let Some((name, element)) = self.open.pop() else {
            return;
        };
        let speechless = matches!(element.kind, Kind::Heading { .. } | Kind::Link { .. })
            && !has_text(&element.children);
        if speechless {
            self.note(format!("<{name}> without text (its content kept)"));
            self.children().extend(element.children);
        } else {
            self.children().push(RichNode::Element(element));
        }
    }

    /// End tags a browser implies before this element starts.
    fn close_implied(&mut self, kind: &Kind) {
        let innermost = |builder: &Self, names: &[&str], stop: &[&str]| {
            builder
                .open
                .iter()
                .rposition(|(open, _)| names.contains(&open.as_str()) || stop.contains(&&**open))
                .filter(|&at| names.contains(&builder.open[at].0.as_str()))
        };
        const LISTS: [&str; 2] = ["ul", "ol"];
        const TABLE: [&str; 1] = ["table"];
        let close = match kind {
            Kind::ListItem => innermost(self, &["li"], &LISTS),
            Kind::Row => innermost(self, &["tr"], &TABLE),
            Kind::Cell { .. } => innermost(self, &["td", "th"], &["tr", "table"]),
            Kind::TableHead | Kind::TableBody | Kind::TableFoot => {
                innermost(self, &["thead", "tbody", "tfoot"], &TABLE)
            }
            Kind::Link { .. } => innermost(self, &["a"], &[]),
            Kind::Heading { .. } => self.open.iter().rposition(|(open, _)| is_heading(open)),
            _ => None,
        };
        if let Some(at) = close {
            self.close_down_to(at);
        }
        if kind.is_block() && !matches!(kind, Kind::Cell { .. } | Kind::ListItem | Kind::Row) {
            if let Some(at) = innermost(self, &["p"], &["td", "th", "li", "blockquote", "caption"])
            {
                self.close_down_to(at);
            }
        }
    }

    /// A cell written straight into a table goes into a row of its own, as a browser does.
    fn open_implied_row(&mut self, kind: &Kind) {
        let in_table = matches!(
            self.open.last(),
            Some((
                _,
                RichElement {
                    kind: Kind::Table | Kind::TableHead | Kind::TableBody | Kind::TableFoot,
                    ..
                }
            ))
        );
        if matches!(kind, Kind::Cell { .. }) && in_table && self.open.len() < MAX_DEPTH {
            let row = RichElement {
                kind: Kind::Row,
                lang: None,
                children: Vec::new(),
            };
            self.open.push(("tr".into(), row));
        }
    }

    /// Whether `kind` may start here: list items only in lists, table parts only in tables.
    fn fits(&self, kind: &Kind) -> bool {
        let parent = self.open.last().map(|(_, element)| &element.kind);
        match kind {
            Kind::ListItem => matches!(parent, Some(Kind::List { .. })),
            Kind::Caption | Kind::TableHead | Kind::TableBody | Kind::TableFoot => {
                matches!(parent, Some(Kind::Table))
            }
            Kind::Row => matches!(
                parent,
                Some(Kind::Table | Kind::TableHead | Kind::TableBody | Kind::TableFoot)
            ),
            Kind::Cell { .. } => matches!(parent, Some(Kind::Row)),
            _ => self.can_hold_flow(),
        }
    }

    /// The element a kept tag becomes, or `None` for a tag that is unwrapped.
    fn kind_of(&mut self, name: &str, attributes: &[(String, String)]) -> Option<Kind> {
        let attribute = |wanted: &str| {
            attributes
                .iter()
                .find(|(attribute, _)| attribute == wanted)
                .map(|(_, value)| value.trim())
        };
        let number = |wanted: &str, max: u32| {
            attribute(wanted)
                .and_then(|v| v.parse::<u32>().ok())
                .filter(|n| (1..=max).contains(n))
        };
        Some(match name {
            "p" => Kind::Paragraph,
            "br" => Kind::LineBreak,
            "hr" => Kind::Rule,
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => Kind::Heading {
                rank: name.as_bytes()[1] - b'0',
            },
            "strong" | "b" => Kind::Strong,
            "em" | "i" => Kind::Emphasis,
            "u" => Kind::Underline,
            "sub" => Kind::Subscript,
            "sup" => Kind::Superscript,
            "ul" | "ol" => Kind::List {
                ordered: name == "ol",
                start: (name == "ol").then(|| number("start", 1_000_000)).flatten(),
            },
            "li" => Kind::ListItem,
            "blockquote" => Kind::BlockQuote,
            "pre" => Kind::Preformatted,
            "table" => Kind::Table,
            "caption" => Kind::Caption,
            "thead" => Kind::TableHead,
            "tbody" => Kind::TableBody,
            "tfoot" => Kind::TableFoot,
            "tr" => Kind::Row,
            "td" | "th" => Kind::Cell {
                header: name == "th",
                scope: attribute("scope").and_then(|scope| {
                    ["row", "col", "rowgroup", "colgroup"]
                        .into_iter()
                        .find(|known| scope.eq_ignore_ascii_case(known))
                }),
                colspan: number("colspan", 1000).map(|n| n as u16),
                rowspan: number("rowspan", 1000).map(|n| n as u16),
            },
            "a" => return self.link(attribute("href"), attribute("target")),
            "img" => return self.image(attribute("src"), attributes),
            _ if BLOCKS.contains(&name) => Kind::Block,
            _ => return None,
        })
    }

    fn link(&mut self, href: Option<&str>, target: Option<&str>) -> Option<Kind> {
        let raw = href.filter(|h| !h.is_empty())?;
        let Some(url) = safe_url(raw) else {
            self.note(format!("a link to {}", scheme_of(raw)));
            return None;
        };
        let href = resolve(&self.data_url, &url);
        Some(Kind::Link {
            external: leaves_the_board(&href, self.data_origin.as_deref()),
            href,
            new_tab: target.is_some_and(|t| t.eq_ignore_ascii_case("_blank")),
        })
    }

    /// An image is kept with its alt text (empty for a decorative one) when it loads over
    /// `https` (or is the board's own) and, when the board lists image hosts, from one of
    /// them. One refused for its address leaves its alt text in its place.
    fn image(&mut self, src: Option<&str>, attributes: &[(String, String)]) -> Option<Kind> {
        let alt = attributes.iter().find(|(name, _)| name == "alt");
        let Some((_, alt)) = alt else {
            self.note("an image without alt text".into());
            return None;
        };
        let alt = alt.split_whitespace().collect::<Vec<_>>().join(" ");
        let raw = src;
        // A protocol-relative address loads over the page's scheme: https is the one allowed.
        let src = src.and_then(safe_url).map(|url| {
            let src = resolve(&self.data_url, &url);
            let own = !leaves_the_board(&src, self.data_origin.as_deref());
            let src = match src.starts_with("//") {
                true => format!("https:{src}"),
                false => src,
            };
            (src, own)
        });
        let refused = match &src {
            Some((src, own))
                if *own
                    || src
                        .get(..6)
                        .is_some_and(|s| s.eq_ignore_ascii_case("https:")) =>
            {
                let host = host(src).filter(|_| !own);
                match (host, self.image_hosts.as_deref()) {
                    (Some(host), Some(allowed)) if !allowed.contains(&host) => {
                        Some(format!("an image from {host}, not one of board.imageHosts"))
                    }
                    (host, _) => {
                        self.off_site_images.extend(host);
                        None
                    }
                }
            }
            Some((src, _)) => Some(format!("an image from {}", scheme_of(src))),
            None => Some(format!(
                "an image from {}",
                raw.map_or("nowhere".into(), scheme_of)
            )),
        };
        if let Some(why) = refused {
            self.note(why);
            if !alt.is_empty() {
                self.text(alt);
            }
            return None;
        }
        let size = |name: &str| {
            attributes
                .iter()
                .find(|(attribute, _)| attribute == name)
                .and_then(|(_, value)| value.trim().parse::<u16>().ok())
                .filter(|n| *n > 0)
        };
        Some(Kind::Image {
            src: src.map(|(src, _)| src).unwrap_or_default(),
            alt,
            width: size("width"),
            height: size("height"),
        })
    }
}

/// `b` and `i` close like `strong` and `em`, which they become.
fn canonical(name: &str) -> &str {
    match name {
        "b" => "strong",
        "i" => "em",
        other => other,
    }
}

fn is_heading(name: &str) -> bool {
    matches!(name, "h1" | "h2" | "h3" | "h4" | "h5" | "h6")
}

/// Attributes a kept element keeps (read in [`Builder::kind_of`]).
fn is_kept_attribute(element: &str, attribute: &str) -> bool {
    matches!(
        (element, attribute),
        ("a", "href" | "target")
            | ("img", "src" | "alt" | "width" | "height")
            | ("ol", "start")
            | ("td" | "th", "colspan" | "rowspan")
            | ("th", "scope")
    )
}

/// How a refused address starts, for the report: "javascript:", or the address itself.
fn scheme_of(raw: &str) -> String {
    let cleaned: String = raw
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .take(40)
        .collect();
    match cleaned.find(':') {
        Some(end) => cleaned[..=end].to_ascii_lowercase(),
        None => format!("“{cleaned}”"),
    }
}

/// Renumbers heading levels from 0 (the highest level the body uses), so that a body written
/// with `h1`/`h3` shows as the two levels under the notice's title.
fn relevel_headings(nodes: &mut [RichNode]) {
    let mut used = [false; 7];
    visit_headings(nodes, &mut |rank| used[usize::from(*rank)] = true);
    let mut new_rank = [0u8; 7];
    let mut next = 0;
    for level in 1..7 {
        new_rank[level] = next;
        if used[level] {
            next += 1;
        }
    }
    visit_headings(nodes, &mut |rank| *rank = new_rank[usize::from(*rank)]);
}

fn visit_headings(nodes: &mut [RichNode], f: &mut impl FnMut(&mut u8)) {
    for node in nodes {
        if let RichNode::Element(element) = node {
            if let Kind::Heading { rank } = &mut element.kind {
                f(rank);
            }
            visit_headings(&mut element.children, f);
        }
    }
}
