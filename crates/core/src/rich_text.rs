//! Notice bodies written in HTML (`"bodyFormat": "html"`), reduced to an allow-listed tree.
//!
//! The HTML is read by [`tokenizer`], rebuilt by [`sanitise`] from an allow-list of elements
//! and attributes, and shown by rendering this tree as ordinary views: no string from the
//! data ever reaches `innerHTML`, so nothing outside the allow-list can exist on the page.

mod sanitise;
mod tokenizer;

#[cfg(test)]
mod tests;

pub use sanitise::{sanitise, sanitise_for, Sanitising};

/// A sanitised HTML body.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct RichText {
    pub nodes: Vec<RichNode>,
    /// What the sanitiser removed or changed, with how often: for `notices validate`.
    pub removed: Vec<(String, usize)>,
    /// Hosts of the images it shows from other sites than the data file's: for
    /// `notices validate`, when the board does not limit them (`board.imageHosts`).
    pub image_hosts: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RichNode {
    Text(String),
    Element(RichElement),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RichElement {
    pub kind: Kind,
    /// A valid language tag, when the HTML gave one.
    pub lang: Option<String>,
    pub children: Vec<RichNode>,
}

/// Every element a body can contain, with the attributes each keeps.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Kind {
    Paragraph,
    /// `div` and other blocks (`section`, `dl`…) that keep their content apart.
    Block,
    /// `pre`: its spaces and line breaks are kept.
    Preformatted,
    LineBreak,
    Rule,
    /// `rank` 0 is the body's highest heading level: shown one level below the notice's title.
    Heading {
        rank: u8,
    },
    /// `strong` and `b`.
    Strong,
    /// `em` and `i`.
    Emphasis,
    Underline,
    Subscript,
    Superscript,
    List {
        ordered: bool,
        start: Option<u32>,
    },
    ListItem,
    BlockQuote,
    Table,
    Caption,
    TableHead,
    TableBody,
    TableFoot,
    Row,
    Cell {
        header: bool,
        /// `row`, `col`, `rowgroup` or `colgroup`.
        scope: Option<&'static str>,
        colspan: Option<u16>,
        rowspan: Option<u16>,
    },
    Link {
        /// Checked by [`super::safe_url`] and resolved against the data file's URL.
        href: String,
        /// To another site than the data file's: gets `rel="noopener noreferrer"`.
        external: bool,
        /// The HTML asked for a new tab (`target="_blank"`): kept, and said in the link text.
        new_tab: bool,
    },
    Image {
        /// `https:` or relative (resolved against the data file's URL).
        src: String,
        alt: String,
        width: Option<u16>,
        height: Option<u16>,
    },
}

impl Kind {
    /// Whether the element starts a new line of text (for [`RichText::plain_text`]).
    fn is_block(&self) -> bool {
        !matches!(
            self,
            Kind::Strong
                | Kind::Emphasis
                | Kind::Underline
                | Kind::Subscript
                | Kind::Superscript
                | Kind::Link { .. }
                | Kind::Image { .. }
                | Kind::LineBreak
        )
    }
}

impl RichText {
    /// The body as plain text, for search, the page description and the feed: blocks
    /// separated by blank lines, line breaks kept, runs of spaces collapsed.
    pub fn plain_text(&self) -> String {
        plain_text(&self.nodes)
    }
}

/// The text of `nodes`, as [`RichText::plain_text`].
pub fn plain_text(nodes: &[RichNode]) -> String {
    let mut writer = TextWriter::default();
    writer.nodes(nodes);
    writer.out
}

/// What separates the next word from the text before it; a larger one wins.
#[derive(Clone, Copy, Default, PartialEq, PartialOrd)]
enum Gap {
    #[default]
    None,
    Space,
    Line,
    Paragraph,
}

/// Writes text word by word, so that runs of spaces and of block boundaries become one
/// separator, and nothing is written before the first word or after the last.
#[derive(Default)]
struct TextWriter {
    out: String,
    gap: Gap,
    /// Inside `pre`, where line breaks in the text are kept.
    preformatted: bool,
}

impl TextWriter {
    fn gap(&mut self, gap: Gap) {
        if gap > self.gap {
            self.gap = gap;
        }
    }

    fn nodes(&mut self, nodes: &[RichNode]) {
        for node in nodes {
            match node {
                RichNode::Text(text) if self.preformatted => {
                    for (index, line) in text.split('\n').enumerate() {
                        if index > 0 {
                            self.gap(Gap::Line);
                        }
                        self.text(line);
                    }
                }
                RichNode::Text(text) => self.text(text),
                RichNode::Element(element) => match element.kind {
                    Kind::LineBreak => self.gap(Gap::Line),
                    Kind::Preformatted => {
                        let outer = std::mem::replace(&mut self.preformatted, true);
                        self.gap(Gap::Paragraph);
                        self.nodes(&element.children);
                        self.gap(Gap::Paragraph);
                        self.preformatted = outer;
                    }
                    ref kind if kind.is_block() => {
                        self.gap(Gap::Paragraph);
                        self.nodes(&element.children);
                        self.gap(Gap::Paragraph);
                    }
                    _ => self.nodes(&element.children),
                },
            }
        }
    }

    fn text(&mut self, text: &str) {
        if text.starts_with(char::is_whitespace) {
            self.gap(Gap::Space);
        }
        for (index, word) in text.split_whitespace().enumerate() {
            if index > 0 {
                self.gap(Gap::Space);
            }
            if !self.out.is_empty() {
                self.out.push_str(match self.gap {
                    Gap::None => "",
                    Gap::Space => " ",
                    Gap::Line => "\n",
                    Gap::Paragraph => "\n\n",
                });
            }
            self.gap = Gap::None;
            self.out.push_str(word);
        }
        if text.ends_with(char::is_whitespace) {
            self.gap(Gap::Space);
        }
    }
}

/// The text of `nodes` with image descriptions, to tell whether an element says anything.
pub fn has_text(nodes: &[RichNode]) -> bool {
    nodes.iter().any(|node| match node {
        RichNode::Text(text) => !text.trim().is_empty(),
        RichNode::Element(RichElement {
            kind: Kind::Image { alt, .. },
            ..
        }) => !alt.trim().is_empty(),
        RichNode::Element(element) => has_text(&element.children),
    })
}
