use super::MixedText;
use crate::context::HeadingLevel;
use leptos::prelude::*;
use notice_core::language::language_switch;
use notice_core::rich_text::{plain_text, Kind, RichElement, RichNode, RichText};

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
    let root_id = use_context::<crate::navigation::Navigation>().map(|nav| nav.root_id());
    Effect::new(move || {
        if let Some(root_id) = root_id.clone() {
            let listener = crate::platform::tables_focusable_when_they_scroll(root_id);
            on_cleanup(move || listener.remove());
        }
    });
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
            // Words in another language than the element's get their own `lang`.
            RichNode::Text(text) => {
                let lang = context.lang.to_string();
                view! { <MixedText text=text.clone() own=lang.clone() around=lang /> }.into_any()
            }
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
    let children = nodes_view(&element.children, inner);
    let heading_level = |rank: u8| context.heading_base.saturating_add(rank).clamp(2, 6);
    let mut attributes = Attributes {
        lang,
        ..Attributes::default()
    };
    let tag: &'static str = match &element.kind {
        // Void elements are written out: a generic element would be closed with `</br>`.
        Kind::LineBreak => return view! { <br /> }.into_any(),
        Kind::Rule => return view! { <hr /> }.into_any(),
        Kind::Image {
            src,
            alt,
            width,
            height,
        } => {
            return view! {
                <img
                    src=src.clone()
                    alt=alt.clone()
                    width=*width
                    height=*height
                    loading="lazy"
                    decoding="async"
                    referrerpolicy="no-referrer"
                    lang=attributes.lang
                />
            }
            .into_any()
        }
        Kind::Table => {
            // A wide table scrolls inside its own box on a narrow screen; the box can take
            // focus so that keyboard users can scroll it too, and is named by the caption.
            // Once the app runs, only a box that does scroll stays a tab stop.
            let name = caption_of(element).unwrap_or_else(|| super::text().table.into());
            let table = generic("table", attributes, children);
            return view! {
                <div class="table-scroll" role="region" tabindex="0" aria-label=name>
                    {table}
                </div>
            }
            .into_any();
        }
        Kind::Paragraph => "p",
        Kind::Block => "div",
        Kind::Preformatted => "pre",
        Kind::Heading { rank } => {
            ["h2", "h3", "h4", "h5", "h6"][usize::from(heading_level(*rank) - 2)]
        }
        Kind::Strong => "strong",
        Kind::Emphasis => "em",
        Kind::Underline => "u",
        Kind::Subscript => "sub",
        Kind::Superscript => "sup",
        Kind::List { ordered, start } => {
            attributes.start = start.map(|n| n.to_string());
            if *ordered {
                "ol"
            } else {
                "ul"
            }
        }
        Kind::ListItem => "li",
        Kind::BlockQuote => "blockquote",
        Kind::Caption => "caption",
        Kind::TableHead => "thead",
        Kind::TableBody => "tbody",
        Kind::TableFoot => "tfoot",
        Kind::Row => "tr",
        Kind::Cell {
            header,
            scope,
            colspan,
            rowspan,
        } => {
            attributes.scope = *scope;
            attributes.colspan = colspan.map(|n| n.to_string());
            attributes.rowspan = rowspan.map(|n| n.to_string());
            if *header {
                "th"
            } else {
                "td"
            }
        }
        Kind::Link {
            href,
            external,
            new_tab,
        } => {
            attributes.class = Some("body-link");
            attributes.href = Some(href.clone());
            attributes.rel = external.then_some("noopener noreferrer");
            attributes.target = new_tab.then_some("_blank");
            let warning = new_tab.then(|| super::text().opens_in_new_tab);
            return generic("a", attributes, view! { {children}{warning} }.into_any());
        }
    };
    generic(tag, attributes, children)
}

/// The attributes a body element can have; `None` ones are left out.
#[derive(Default)]
struct Attributes {
    lang: Option<String>,
    class: Option<&'static str>,
    href: Option<String>,
    rel: Option<&'static str>,
    target: Option<&'static str>,
    start: Option<String>,
    scope: Option<&'static str>,
    colspan: Option<String>,
    rowspan: Option<String>,
}

/// One code path for every element with content: each tag written out as its own view
/// costs the wasm several kilobytes.
fn generic(tag: &'static str, attributes: Attributes, children: AnyView) -> AnyView {
    use leptos::tachys::html::attribute::custom::CustomAttribute;
    leptos::tachys::html::element::custom(tag)
        .attr("lang", attributes.lang)
        .attr("class", attributes.class)
        .attr("href", attributes.href)
        .attr("rel", attributes.rel)
        .attr("target", attributes.target)
        .attr("start", attributes.start)
        .attr("scope", attributes.scope)
        .attr("colspan", attributes.colspan)
        .attr("rowspan", attributes.rowspan)
        .child(children)
        .into_any()
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
