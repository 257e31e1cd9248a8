use crate::app::HeadingLevel;
use crate::model::format::language_switch;
use crate::model::rich_text::{plain_text, Kind, RichElement, RichNode, RichText};
use leptos::prelude::*;

/// A notice body given as HTML, after sanitising: each allowed element becomes a view of the
/// same element, text stays text. Nothing here parses markup, so nothing outside the
/// sanitiser's allow-list can reach the page.
#[component]
pub fn RichBody(body: std::sync::Arc<RichText>, lang: String) -> impl IntoView {
    // Body headings go under the notice's title, whatever level the title has.
    let title_level = expect_context::<HeadingLevel>().0.max(1);
    let context = Context {
        heading_base: title_level + 1,
        lang: &lang,
    };
    view! { <div class="notice-body rich-body">{nodes_view(&body.nodes, context)}</div> }
}

#[derive(Clone, Copy)]
struct Context<'a> {
    /// The level of a rank-0 body heading.
    heading_base: u8,
    /// The language the text around is in, to mark passages in another one.
    lang: &'a str,
}

fn nodes_view(nodes: &[RichNode], context: Context) -> AnyView {
    nodes
        .iter()
        .map(|node| match node {
            RichNode::Text(text) => text.clone().into_any(),
            RichNode::Element(element) => element_view(element, context),
        })
        .collect_view()
        .into_any()
}

fn element_view(element: &RichElement, context: Context) -> AnyView {
    // A paragraph, item or heading in another language than the notice says so, as in
    // plain-text bodies; a `lang` from the HTML wins.
    let lang = element.lang.clone().or_else(|| {
        matches!(
            element.kind,
            Kind::Paragraph | Kind::ListItem | Kind::Heading { .. } | Kind::Cell { .. }
        )
        .then(|| language_switch(&plain_text(&element.children), context.lang))
        .flatten()
        .map(str::to_string)
    });
    let inner = Context {
        lang: lang.as_deref().unwrap_or(context.lang),
        ..context
    };
    let children = || nodes_view(&element.children, inner);
    match &element.kind {
        Kind::Paragraph => view! { <p lang=lang>{children()}</p> }.into_any(),
        Kind::Block => view! { <div lang=lang>{children()}</div> }.into_any(),
        Kind::LineBreak => view! { <br /> }.into_any(),
        Kind::Rule => view! { <hr /> }.into_any(),
        Kind::Heading { rank } => match context.heading_base.saturating_add(*rank) {
            0..=2 => view! { <h2 lang=lang>{children()}</h2> }.into_any(),
            3 => view! { <h3 lang=lang>{children()}</h3> }.into_any(),
            4 => view! { <h4 lang=lang>{children()}</h4> }.into_any(),
            5 => view! { <h5 lang=lang>{children()}</h5> }.into_any(),
            _ => view! { <h6 lang=lang>{children()}</h6> }.into_any(),
        },
        Kind::Strong => view! { <strong lang=lang>{children()}</strong> }.into_any(),
        Kind::Emphasis => view! { <em lang=lang>{children()}</em> }.into_any(),
        Kind::Underline => view! { <u lang=lang>{children()}</u> }.into_any(),
        Kind::Subscript => view! { <sub lang=lang>{children()}</sub> }.into_any(),
        Kind::Superscript => view! { <sup lang=lang>{children()}</sup> }.into_any(),
        Kind::List { ordered: false, .. } => view! { <ul lang=lang>{children()}</ul> }.into_any(),
        Kind::List {
            ordered: true,
            start,
        } => view! { <ol lang=lang start=*start>{children()}</ol> }.into_any(),
        Kind::ListItem => view! { <li lang=lang>{children()}</li> }.into_any(),
        Kind::BlockQuote => view! { <blockquote lang=lang>{children()}</blockquote> }.into_any(),
        Kind::Table => {
            // A wide table scrolls inside its own box on a narrow screen; the box can take
            // focus so that keyboard users can scroll it too, and is named by the caption.
            let name = caption_of(element).unwrap_or_else(|| "Table".into());
            view! {
                <div class="table-scroll" role="region" tabindex="0" aria-label=name>
                    <table lang=lang>{children()}</table>
                </div>
            }
            .into_any()
        }
        Kind::Caption => view! { <caption lang=lang>{children()}</caption> }.into_any(),
        Kind::TableHead => view! { <thead lang=lang>{children()}</thead> }.into_any(),
        Kind::TableBody => view! { <tbody lang=lang>{children()}</tbody> }.into_any(),
        Kind::TableFoot => view! { <tfoot lang=lang>{children()}</tfoot> }.into_any(),
        Kind::Row => view! { <tr lang=lang>{children()}</tr> }.into_any(),
        Kind::Cell {
            header: true,
            scope,
            colspan,
            rowspan,
        } => view! {
            <th lang=lang scope=*scope colspan=*colspan rowspan=*rowspan>{children()}</th>
        }
        .into_any(),
        Kind::Cell {
            header: false,
            colspan,
            rowspan,
            ..
        } => view! { <td lang=lang colspan=*colspan rowspan=*rowspan>{children()}</td> }.into_any(),
        Kind::Link {
            href,
            external,
            new_tab,
        } => {
            let rel = external.then_some("noopener noreferrer");
            let target = new_tab.then_some("_blank");
            let warning = new_tab.then_some(" (opens in a new tab)");
            view! {
                <a class="body-link" href=href.clone() rel=rel target=target lang=lang>
                    {children()}
                    {warning}
                </a>
            }
            .into_any()
        }
        Kind::Image {
            src,
            alt,
            width,
            height,
        } => view! {
            <img
                src=src.clone()
                alt=alt.clone()
                width=*width
                height=*height
                loading="lazy"
                decoding="async"
                lang=lang
            />
        }
        .into_any(),
    }
}

/// The text of the table's caption, to name its scrolling box.
fn caption_of(table: &RichElement) -> Option<String> {
    table.children.iter().find_map(|child| match child {
        RichNode::Element(
            caption @ RichElement {
                kind: Kind::Caption,
                ..
            },
        ) => Some(plain_text(&caption.children)).filter(|text| !text.trim().is_empty()),
        _ => None,
    })
}
