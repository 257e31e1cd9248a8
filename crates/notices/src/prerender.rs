//! Prerendering: the board's pages as static HTML, written at build time by the same
//! components the app renders in the browser (Leptos renders them to a string natively).
//!
//! Every page is `index.html` (the built page, used as the template) with the board's view
//! rendered into its mount element, and its own title, description, canonical URL and
//! Open Graph tags. The files are named as the app names its views on its own page
//! ([`notice_core::url_state::Addressing::Files`]): `index.html`, `page-2.html`…,
//! `notice-<id>.html`. The app takes a prerendered page over without redrawing it
//! ([`crate::platform::take_over`]); without JavaScript the pages work through plain links.

use crate::pages::SitePages;
use any_spawner::{CustomExecutor, Executor, PinnedFuture, PinnedLocalFuture};
use leptos::prelude::*;
use leptos::tachys::html::attribute::custom::{custom_attribute, CustomAttribute};
use leptos::tachys::html::element::{attributes_to_html, link, meta};
use notice_board::config::{Embed, Latest, MAX_COUNT};
use notice_board::{App, BoardConfig, Mode, Start};
use notice_core::format::{first_words, folder_and_file, with_trailing_slash};
use notice_core::i18n::{Locale, Text};
use notice_core::screen::{ListScreen, Load, Screen};
use notice_core::url_state::{Addressing, Prerendered, UrlState, LIST_FILE};
use notice_core::{Dataset, Date};
use std::sync::Arc;

/// `index.html` marks what changes from page to page: the head's title and description,
/// and the board's first paint, which is replaced by the rendered board. The markers stay
/// in the output, so prerendering the pages again (when the data changes) works.
const HEAD_START: &str = "<!--page-head-->";
const HEAD_END: &str = "<!--/page-head-->";
const BOARD_START: &str = "<!--board-->";
const BOARD_END: &str = "<!--/board-->";
/// The mount element: the app checks `data-prerendered` to take the page over.
const MOUNT: &str = "data-notice-board=\"page\"";
const PRERENDERED: &str = "data-prerendered";
/// The widget's prerendered first views ([`widget_views`]), written next to the data file,
/// where `widget.js` fetches them from unless it holds them
/// ([`crate::widget_script`]).
pub const WIDGET_LIST: &str = "widget.html";
pub const WIDGET_LATEST: &str = "widget-latest.html";
/// The attribute of a first view's root that names its data files.
const DATA_FOR: &str = "data-for";

/// A description for link previews and search results is cut at about this many characters.
const DESCRIPTION_CHARS: usize = 160;

/// One file to write into `dist/`.
pub struct PrerenderedPage {
    pub file: String,
    pub html: String,
}

pub struct Options {
    /// The data file's URL relative to the pages, as in the mount element's `data-src`.
    pub data_url: String,
    /// The published form's entry ([`notice_core::published::ENTRY_FILE`]) relative to the
    /// pages, when the board is published next to its data file: the mount element's
    /// `data-published`, which the app reads first (falling back to `data-src`).
    pub published: Option<String>,
    /// Where the pages are published (`https://www.example.go.kr/eng/news/`), for canonical
    /// and Open Graph URLs, which are left out without it.
    pub base_url: Option<String>,
    /// The board's Atom feed (a file next to the pages), linked from every page.
    pub feed: Option<String>,
    /// Which views get a page: the newest notices' and the list pages that show them.
    pub prerendered: Prerendered,
    /// The date the pages are built, for "New" markers (the app updates them to the
    /// reader's date when it takes over).
    pub today: Option<Date>,
}

/// Renders the pages [`SitePages`] names: the plain list's and the notices' that
/// `options.prerendered` says. Fails if `template` is not the
/// built `index.html` (its board markers are missing).
pub fn prerender(
    template: &str,
    data: Arc<Dataset>,
    options: &Options,
) -> Result<Vec<PrerenderedPage>, String> {
    let mut pages = Vec::new();
    prerender_each(template, data, options, |page| {
        pages.push(page);
        Ok(())
    })?;
    Ok(pages)
}

/// [`prerender`], handing each page to `each` as soon as it is rendered, so that a board of
/// 100,000 notices is never held in memory as 100,000 pages at once.
pub fn prerender_each(
    template: &str,
    data: Arc<Dataset>,
    options: &Options,
    mut each: impl FnMut(PrerenderedPage) -> Result<(), String>,
) -> Result<(), String> {
    let template = Template::parse(template, options, &data.board.lang)?;
    let site = SitePages::new(&data, options.prerendered);
    distinct_without_case(site.iter().map(|page| page.file))?;
    for page in site.iter() {
        let html = template.fill(&data, &page.url, &page.file, options);
        each(PrerenderedPage {
            file: page.file,
            html,
        })?;
    }
    Ok(())
}

/// Refuses two file names that differ only in case: on a disk or server that ignores case
/// one page would overwrite the other. The data reader already leaves out the later of two
/// such notices; this holds for any data set.
fn distinct_without_case(files: impl Iterator<Item = String>) -> Result<(), String> {
    let mut seen = std::collections::HashMap::new();
    for file in files {
        if let Some(first) = seen.insert(file.to_ascii_lowercase(), file.clone()) {
            return Err(format!(
                "two pages would be written as {first} and {file}, which are one file where case is ignored: give the notices ids that differ by more than case"
            ));
        }
    }
    Ok(())
}

/// Puts the page's own stylesheets (`<link rel="stylesheet" href="./…">`) into the page as
/// `<style data-href="./…">`, so that the first paint waits for nothing but the HTML (on a
/// slow connection the stylesheet competes with the wasm and the data file). `read` gives a
/// stylesheet's text by its `href`. Running it again refreshes the styles from the files.
pub fn inline_stylesheets(html: &str, read: impl Fn(&str) -> Option<String>) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    loop {
        let link = rest.find("<link rel=\"stylesheet\" href=\"./");
        let style = rest.find("<style data-href=\"./");
        let Some(start) = link.into_iter().chain(style).min() else {
            break;
        };
        let is_link = link == Some(start);
        let tag = &rest[start..];
        let href_start = tag.find("\"./").map(|at| at + 1);
        let href_end = href_start.and_then(|at| tag[at..].find('"').map(|end| at + end));
        let end = if is_link {
            tag.find('>').map(|at| at + 1)
        } else {
            tag.find("</style>").map(|at| at + "</style>".len())
        };
        let (Some(href_start), Some(href_end), Some(end)) = (href_start, href_end, end) else {
            break;
        };
        let href = &tag[href_start..href_end];
        out.push_str(&rest[..start]);
        match read(href) {
            Some(css) => out.push_str(&format!(
                "<style data-href=\"{href}\">{}</style>",
                css.replace("</style", "<\\/style")
            )),
            None => out.push_str(&tag[..end]),
        }
        rest = &tag[end..];
    }
    out.push_str(rest);
    out
}

/// `index.html` cut around the parts each page fills in.
struct Template<'a> {
    /// Up to the `<html>` element's `lang` attribute.
    before_lang: &'a str,
    /// From after the `lang` attribute to the head's page part.
    to_head: &'a str,
    /// From the end of the head's page part to the board's.
    to_board: String,
    /// From the end of the board to the end.
    rest: &'a str,
}

impl<'a> Template<'a> {
    fn parse(html: &'a str, options: &Options, board_lang: &str) -> Result<Self, String> {
        let find = |marker: &str, from: usize| {
            html[from..].find(marker).map(|at| from + at).ok_or_else(|| {
                format!("index.html has no {marker} after byte {from}: is it the page trunk built from this repository's index.html?")
            })
        };
        // The `lang` attribute (` lang="…"`) is written again with the board's language.
        let html_start = find("<html lang=\"", 0)?;
        let lang = html_start + "<html".len();
        let lang_end = find("\"", lang + " lang=\"".len())? + 1;
        let head_start = find(HEAD_START, lang_end)? + HEAD_START.len();
        let head_end = find(HEAD_END, head_start)?;
        let mount = find(MOUNT, head_end)?;
        let board_start = find(BOARD_START, mount)? + BOARD_START.len();
        let board_end = find(BOARD_END, board_start)?;
        // The mount element says the page is prerendered, where its feed is (the app links
        // to it), the board's language (for the views shown before the data file is read,
        // or when it cannot be), where the board is published and how many notices have a
        // page (the app links to those pages); marks from an earlier run are replaced.
        let mut to_board = html[head_end..board_start].to_string();
        for attribute in [
            " data-feed=\"",
            " data-lang=\"",
            " data-published=\"",
            " data-prerendered-notices=\"",
        ] {
            if let Some(start) = to_board.find(attribute) {
                let value = start + attribute.len();
                let end = to_board[value..]
                    .find('"')
                    .map_or(to_board.len(), |at| value + at + 1);
                to_board.replace_range(start..end, "");
            }
        }
        // After the attributes with values, one of which starts with its name.
        to_board = to_board.replacen(&format!(" {PRERENDERED}"), "", 1);
        let mut marks = MOUNT.to_string();
        attributes_to_html(
            (
                custom_attribute(PRERENDERED, true),
                custom_attribute("data-lang", board_lang.to_string()),
                custom_attribute("data-feed", options.feed.clone()),
                custom_attribute("data-published", options.published.clone()),
                custom_attribute(
                    "data-prerendered-notices",
                    (options.prerendered != Prerendered::ALL)
                        .then(|| options.prerendered.count().to_string()),
                ),
            ),
            &mut marks,
        );
        to_board = to_board.replacen(MOUNT, &marks, 1);
        Ok(Template {
            before_lang: &html[..lang],
            to_head: &html[lang_end..head_start],
            to_board,
            rest: &html[board_end..],
        })
    }

    fn fill(&self, data: &Arc<Dataset>, url: &UrlState, file: &str, options: &Options) -> String {
        let screen = Screen::new(&Load::Ready(data.clone()), url, None);
        format!(
            "{}{}{}\n  {}\n  {}{}{}",
            self.before_lang,
            attribute("lang", &data.board.lang),
            self.to_head,
            head_tags(&screen, file, options),
            self.to_board,
            render_board(data.clone(), url, file, options),
            self.rest
        )
    }
}

/// The widget's first views, which `widget.js` shows in a host page before the app
/// arrives: [`WIDGET_LIST`], the full board's first page, and [`WIDGET_LATEST`], the compact
/// widget with [`MAX_COUNT`] titles (the host's `data-count` keeps the first ones). They are
/// written next to the data file; `pages` is the folder of the board's pages relative to
/// it (`""`, or `"../"` for `data/notices.json`).
///
/// Each is the markup the app renders as a widget with the default options (heading level
/// 2), so that the app takes it over without anything moving. Its links go to the board's
/// own pages (prerendered files, else `index.html?…`), which work before the app is there.
pub fn widget_views(data: Arc<Dataset>, pages: &str, options: &Options) -> [PrerenderedPage; 2] {
    let widget = |embed: Embed| {
        let config = BoardConfig {
            data_url: options.data_url.clone(),
            published_url: None,
            page_path: format!("{pages}{LIST_FILE}"),
            initial_query: String::new(),
            param_prefix: String::new(),
            // The id the first widget on a page gets; `widget.js` gives its back-to-top
            // link the host element's own.
            root_id: "notice-board-1".into(),
            today: options.today,
            mode: Mode::Widget,
            addressing: Addressing::Files,
            heading_level: 2,
            prerendered: options.prerendered,
            page_size: None,
            lang: None,
            start: Start::Preloaded(data.clone()),
            feed: None,
            embed,
        };
        // Its root names the data files it is the view of (beside it), for `widget.js` to
        // show it for those only: a folder may hold another board's data file too.
        let of_data = [Some(&options.data_url), options.published.as_ref()]
            .into_iter()
            .flatten()
            .map(|url| folder_and_file(url).1)
            .collect::<Vec<_>>()
            .join(" ");
        // Its search form goes to the board's list, as its links go to the board's pages
        // (the app's form needs no address: it handles the search itself).
        let action = attribute("action", &format!("{pages}{LIST_FILE}"));
        let html = render(config).replacen("<form ", &format!("<form{action} "), 1);
        match html.strip_prefix("<div ") {
            Some(rest) => format!("<div{} {rest}", attribute(DATA_FOR, &of_data)),
            None => html,
        }
    };
    let latest = Latest {
        count: MAX_COUNT,
        board_url: Some(format!("{pages}{LIST_FILE}")),
        pinned_on_top: false,
    };
    [
        PrerenderedPage {
            file: WIDGET_LIST.into(),
            html: widget(Embed::default()),
        },
        PrerenderedPage {
            file: WIDGET_LATEST.into(),
            html: widget(Embed {
                latest: Some(latest),
                ..Embed::default()
            }),
        },
    ]
}

/// The board as the app first renders it on the page `file`, once its data is in.
fn render_board(data: Arc<Dataset>, url: &UrlState, file: &str, options: &Options) -> String {
    let (_, query) = url.to_url("", Addressing::Files);
    render(BoardConfig {
        data_url: options.data_url.clone(),
        published_url: None,
        page_path: file.to_string(),
        initial_query: query,
        param_prefix: String::new(),
        root_id: "notice-board".into(),
        today: options.today,
        mode: Mode::Page,
        addressing: Addressing::Files,
        heading_level: 1,
        prerendered: options.prerendered,
        page_size: None,
        lang: None,
        start: Start::Preloaded(data),
        feed: options.feed.clone(),
        embed: Default::default(),
    })
}

/// The app's first render for `config`, whose data is preloaded.
fn render(config: BoardConfig) -> String {
    // Effects (loading, focus, the title) only run in the browser: here they are dropped.
    let _ = Executor::init_custom_executor(NoEffects);
    let owner = Owner::new();
    owner.with(|| view! { <App config /> }.to_html())
}

/// An executor that never runs what it is given.
struct NoEffects;

impl CustomExecutor for NoEffects {
    fn spawn(&self, _: PinnedFuture<()>) {}
    fn spawn_local(&self, _: PinnedLocalFuture<()>) {}
    fn poll_local(&self) {}
}

/// The title, description, canonical link and Open Graph tags of one page, one per line.
/// They are rendered as views, so the text in them is escaped as in the board.
fn head_tags(screen: &Screen, file: &str, options: &Options) -> String {
    let board = screen.board();
    let text = Locale::for_tag(&board.lang).text();
    let title = screen.title(text);
    let description = describe(screen, text);
    let kind = if screen.notice().is_some() {
        "article"
    } else {
        "website"
    };
    let og_title = screen.notice().map_or(title.clone(), |n| n.title.clone());
    let mut tags = vec![
        view! { <title>{title}</title> }.to_html(),
        view! { <meta name="description" content=description.clone() /> }.to_html(),
        open_graph("og:type", kind.to_string()),
        open_graph("og:title", og_title),
        open_graph("og:description", description),
        open_graph("og:site_name", board.site_name.clone()),
        open_graph("og:locale", board.lang.replace('-', "_")),
        view! { <meta name="twitter:card" content="summary" /> }.to_html(),
    ];
    // Canonical and `og:url` must be absolute: without the public URL they are left out.
    if let Some(base) = &options.base_url {
        let url = format!("{}{file}", with_trailing_slash(base));
        tags.push(view! { <link rel="canonical" href=url.clone() /> }.to_html());
        tags.push(open_graph("og:url", url));
    }
    if let Some(notice) = screen.notice() {
        tags.push(open_graph(
            "article:published_time",
            notice.date.to_string(),
        ));
    }
    if let Some(feed) = &options.feed {
        let title = (text.feed_title)(&format!("{} – {}", board.title, board.site_name));
        tags.push(
            view! {
                <link rel="alternate" type="application/atom+xml" title=title href=feed.clone() />
            }
            .to_html(),
        );
    }
    // A browser paints a page it has parsed only in part, and an item of text that cannot
    // break (a breadcrumb item, the search button, a notice's details, a row's read count)
    // moves to the next line when, whole, it no longer fits where its first part was painted.
    // So the first render waits for the board's footer, which follows it (`rel=expect`:
    // Chromium waits until it is inserted, the standard until it is parsed; other browsers
    // ignore it and paint as before). Rendering already waits for the head and its styles:
    // this adds only the board's own bytes.
    tags.push(
        link()
            .rel("expect")
            .href("#site-footer")
            .attr("blocking", "render")
            .to_html(),
    );
    // Without the app the search cannot run: the pages are browsed through their links.
    tags.push(view! { <noscript><style>".finder { display: none; }"</style></noscript> }.to_html());
    tags.join("\n  ")
}

/// ` name="value"`, escaped as the view machinery escapes attributes.
fn attribute(name: &'static str, value: &str) -> String {
    let mut html = String::new();
    attributes_to_html(custom_attribute(name, value.to_string()), &mut html);
    html
}

/// An Open Graph tag: `<meta property="og:…" content="…">` (`view!` knows no `property`).
fn open_graph(property: &'static str, content: String) -> String {
    meta().attr("property", property).content(content).to_html()
}

/// A page's meta description: the start of a notice's text, or the newest titles of a list page.
fn describe(screen: &Screen, text: &Text) -> String {
    let text = match screen {
        Screen::Notice(notice) => notice.notice().body.clone(),
        Screen::List(ListScreen { data, listing, .. }) => {
            let titles: Vec<&str> = listing
                .rows()
                .iter()
                .filter_map(|&index| data.notices.get(index))
                .map(|notice| notice.title.as_str())
                .take(3)
                .collect();
            (text.list_description)(&data.board.title, &data.board.site_name, &titles.join("; "))
        }
        _ => String::new(),
    };
    first_words(&text, DESCRIPTION_CHARS)
}

#[cfg(test)]
mod tests;
