//! Render tests: each component rendered natively to HTML with the contexts it reads, as
//! the prerender step renders it, and its markup checked as a reader or a screen reader
//! meets it (links and where they go, `aria-current`, names, what is left out). In the
//! spirit of GOV.UK Frontend's `template.test.js`; no browser involved, so a component that
//! called the browser while being built would fail here.
//!
//! [`Setup`] provides the contexts [`crate::app::App`] provides; [`Html`] finds elements in
//! the output by tag, with their attributes and text.

mod active_filters;
mod breadcrumb;
mod chrome;
mod notice_parts;
mod pagination;
mod views;

use crate::config::{BoardConfig, Embed, Mode, Start};
use crate::context::{Announce, BoardName, Feed, HeadingLevel, Status, Today};
use crate::navigation::Navigation;
use any_spawner::{CustomExecutor, Executor, PinnedFuture, PinnedLocalFuture};
use leptos::prelude::*;
use notice_core::i18n::Locale;
use notice_core::screen::Load;
use notice_core::url_state::Prerendered;
use notice_core::{parse_data_file, Dataset};
use std::sync::{Arc, OnceLock};

/// The sample data file the app ships with (34 notices, six categories, in English).
pub fn sample() -> Arc<Dataset> {
    static SAMPLE: OnceLock<Arc<Dataset>> = OnceLock::new();
    SAMPLE
        .get_or_init(|| {
            let text = include_str!("../../public/notices.json");
            Arc::new(parse_data_file(text, "notices.json").expect("the sample is valid"))
        })
        .clone()
}

/// The board a component is rendered in: where it is, at which URL, in which language.
pub struct Setup {
    config: BoardConfig,
    locale: Locale,
    name: String,
}

impl Setup {
    /// The board on its own page, opened as `file` (`index.html`, `page-2.html`,
    /// `notice-7.html`) with `query` (`?q=drill`, or empty).
    pub fn page(file: &str, query: &str) -> Self {
        Setup::new(Mode::Page, file, query, "")
    }

    /// The board as a widget (parameters prefixed `nb1-`) on the host page `host.html`,
    /// opened with `query`.
    pub fn widget(query: &str) -> Self {
        Setup::new(Mode::Widget, "host.html", query, "nb1-")
    }

    fn new(mode: Mode, file: &str, query: &str, prefix: &str) -> Self {
        Setup {
            config: BoardConfig {
                data_url: "notices.json".into(),
                published_url: None,
                page_path: file.into(),
                initial_query: query.into(),
                param_prefix: prefix.into(),
                root_id: "notice-board".into(),
                today: None,
                mode,
                addressing: mode.addressing(),
                heading_level: 1,
                prerendered: Prerendered::ALL,
                page_size: None,
                lang: None,
                start: Start::Fetch,
                feed: None,
                embed: Embed::default(),
            },
            locale: Locale::En,
            name: "News & Notices".into(),
        }
    }

    /// The interface in Korean.
    pub fn korean(mut self) -> Self {
        self.locale = Locale::Ko;
        self
    }

    /// The board's landmark name (its title, or the host's `data-label`).
    pub fn named(mut self, name: &str) -> Self {
        self.name = name.into();
        self
    }

    /// The level of the view's main heading (`data-heading-level`).
    pub fn heading_level(mut self, level: u8) -> Self {
        self.config.heading_level = level;
        self
    }

    /// `view` rendered to HTML with the contexts the app provides. Effects are dropped
    /// unrun, as when prerendering.
    pub fn render<V: RenderHtml>(&self, view: impl FnOnce() -> V) -> Html {
        let _ = Executor::init_custom_executor(NoEffects);
        let owner = Owner::new();
        let html = owner.with(|| {
            provide_context(Navigation::new(&self.config, Signal::stored(Load::Loading)));
            provide_context(self.config.mode);
            provide_context(Today(self.config.today));
            provide_context(HeadingLevel(self.config.heading_level));
            provide_context(Feed(self.config.feed.clone()));
            let locale = self.locale;
            provide_context(Memo::new(move |_| locale));
            let name = self.name.clone();
            provide_context(BoardName(Signal::derive(move || name.clone())));
            provide_context(Status::new());
            provide_context(Announce(RwSignal::new(0)));
            // Components read their contexts once, untracked, as the app's views do.
            untrack(|| view().to_html())
        });
        // The empty comments the view machinery leaves between pieces of text: no reader
        // meets them.
        Html(html.replace("<!>", ""))
    }
}

/// An executor that never runs what it is given.
struct NoEffects;

impl CustomExecutor for NoEffects {
    fn spawn(&self, _: PinnedFuture<()>) {}
    fn spawn_local(&self, _: PinnedLocalFuture<()>) {}
    fn poll_local(&self) {}
}

/// Rendered markup.
#[derive(Clone, Debug)]
pub struct Html(pub String);

const VOID: [&str; 6] = ["br", "hr", "img", "input", "link", "meta"];

impl Html {
    /// Every `<tag>` element, outer ones first, in document order.
    pub fn all(&self, tag: &str) -> Vec<Element> {
        let html = &self.0;
        let open = format!("<{tag}");
        let close = format!("</{tag}>");
        let starts_element = |at: usize| {
            html[at..].starts_with(&open)
                && matches!(
                    html.as_bytes().get(at + open.len()),
                    Some(b' ' | b'>' | b'/')
                )
        };
        let mut found = Vec::new();
        for (at, _) in html.match_indices(&open) {
            if !starts_element(at) {
                continue;
            }
            let (attributes, open_end) = parse_attributes(&html[at + open.len()..]);
            let content_start = at + open.len() + open_end;
            let inner = if VOID.contains(&tag) {
                String::new()
            } else {
                // The matching end tag: same-named elements inside are skipped.
                let mut depth = 1;
                let mut i = content_start;
                loop {
                    let next_close = html[i..].find(&close).map(|p| i + p);
                    let next_open = html[i..]
                        .match_indices(&open)
                        .map(|(p, _)| i + p)
                        .find(|&p| starts_element(p));
                    match (next_open, next_close) {
                        (Some(o), Some(c)) if o < c => {
                            depth += 1;
                            i = o + open.len();
                        }
                        (_, Some(c)) => {
                            depth -= 1;
                            if depth == 0 {
                                break html[content_start..c].to_string();
                            }
                            i = c + close.len();
                        }
                        (_, None) => panic!("<{tag}> is never closed in {html}"),
                    }
                }
            };
            found.push(Element {
                tag: tag.to_string(),
                attributes,
                inner: Html(inner),
            });
        }
        found
    }

    /// The only `<tag>` element; fails if there is none or more than one.
    pub fn one(&self, tag: &str) -> Element {
        let mut all = self.all(tag);
        assert_eq!(all.len(), 1, "expected one <{tag}> in {}", self.0);
        all.remove(0)
    }

    /// Every element with the attribute `name="value"`, whatever its tag.
    pub fn with_attribute(&self, name: &str, value: &str) -> Vec<Element> {
        let html = &self.0;
        let mut tags: Vec<String> = html
            .match_indices('<')
            .filter_map(|(at, _)| {
                let rest = &html[at + 1..];
                let end = rest.find([' ', '>', '/'])?;
                let tag = &rest[..end];
                (!tag.is_empty() && tag.chars().all(|c| c.is_ascii_alphanumeric()))
                    .then(|| tag.to_string())
            })
            .collect();
        tags.sort();
        tags.dedup();
        tags.iter()
            .flat_map(|tag| self.all(tag))
            .filter(|element| element.attr(name) == Some(value))
            .collect()
    }

    /// The text a reader sees (and hears): tags dropped, spaces collapsed, entities decoded.
    pub fn text(&self) -> String {
        let mut text = String::new();
        let mut in_tag = false;
        for c in self.0.chars() {
            match (c, in_tag) {
                ('<', _) => in_tag = true,
                ('>', true) => in_tag = false,
                (c, false) => text.push(c),
                _ => {}
            }
        }
        decode(&text.split_whitespace().collect::<Vec<_>>().join(" "))
    }

    pub fn contains(&self, needle: &str) -> bool {
        self.0.contains(needle)
    }

    pub fn is_empty(&self) -> bool {
        self.0.trim().is_empty()
    }
}

/// One element of rendered markup.
#[derive(Clone, Debug)]
pub struct Element {
    pub tag: String,
    attributes: Vec<(String, Option<String>)>,
    /// What is between its start and end tags.
    pub inner: Html,
}

impl Element {
    /// The value of the attribute `name` (empty for an attribute without a value), decoded.
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attributes
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, value)| value.as_deref().unwrap_or(""))
    }

    pub fn has_class(&self, class: &str) -> bool {
        self.attr("class")
            .is_some_and(|classes| classes.split_whitespace().any(|c| c == class))
    }

    /// Its text, as [`Html::text`].
    pub fn text(&self) -> String {
        self.inner.text()
    }

    pub fn all(&self, tag: &str) -> Vec<Element> {
        self.inner.all(tag)
    }

    /// The `lang` of the one `<span lang>` inside, if there is one.
    pub fn one_lang(&self) -> Option<String> {
        let spans: Vec<Element> = self
            .all("span")
            .into_iter()
            .filter(|span| span.attr("lang").is_some())
            .collect();
        assert!(
            spans.len() <= 1,
            "more than one language in {}",
            self.inner.0
        );
        spans
            .first()
            .map(|span| span.attr("lang").unwrap().to_string())
    }
}

/// The attributes of a start tag from just after its name, and where the tag ends.
fn parse_attributes(tag: &str) -> (Vec<(String, Option<String>)>, usize) {
    let bytes = tag.as_bytes();
    let mut attributes = Vec::new();
    let mut i = 0;
    loop {
        while bytes[i] == b' ' || bytes[i] == b'/' {
            i += 1;
        }
        if bytes[i] == b'>' {
            return (attributes, i + 1);
        }
        let name_end = i + tag[i..].find([' ', '=', '>', '/']).expect("a tag ends");
        let name = tag[i..name_end].to_string();
        i = name_end;
        if bytes[i] == b'=' {
            assert_eq!(bytes[i + 1], b'"', "attribute values are quoted: {tag}");
            let value_end = i + 2 + tag[i + 2..].find('"').expect("a value ends");
            attributes.push((name, Some(decode(&tag[i + 2..value_end]))));
            i = value_end + 1;
        } else {
            attributes.push((name, None));
        }
    }
}

fn decode(text: &str) -> String {
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&nbsp;", "\u{a0}")
        .replace("&amp;", "&")
}
