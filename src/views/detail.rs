use crate::components::{AppLink, Heading, MetaList, RichBody, ShareLinks};
use crate::model::format::{
    file_size, language_switch, link_spans, outline_level, paragraphs, Span,
};
use crate::model::listing::ListQuery;
use crate::model::Attachment;
use crate::navigation::Navigation;
use crate::screen::Screen;
use crate::url_state::View;
use leptos::prelude::*;

/// One notice: title, metadata, body, attachments, the previous and next notices of the list
/// the person came from, and the way back to that list's page.
#[component]
pub fn NoticeDetail(screen: Screen) -> impl IntoView {
    let Screen::Notice {
        data,
        index,
        query,
        listing,
    } = screen
    else {
        return ().into_any();
    };
    let nav = expect_context::<Navigation>();
    let url = nav.url_untracked();
    let to_notice = |i: usize| url.with_view(View::Notice(data.notices[i].id.0.clone()));
    let (previous, next) = listing.neighbours(index);
    let pager_link = |i: Option<usize>, label: &'static str, class: &'static str| {
        i.map(|i| {
            let title = data.notices[i].title.clone();
            view! {
                <li class=class>
                    <AppLink to=to_notice(i)>
                        <span class="pager-label">{label}</span>
                        <span class="pager-title" dir="auto">{title}</span>
                    </AppLink>
                </li>
            }
        })
    };
    let pager = (previous.is_some() || next.is_some()).then(|| {
        view! {
            <nav class="notice-pager" aria-label="Previous and next notices">
                <ul>
                    {pager_link(previous, "Previous notice", "pager-previous")}
                    {pager_link(next, "Next notice", "pager-next")}
                </ul>
            </nav>
        }
    });
    let back_to_list = url.with_list(ListQuery {
        page: listing.page_of(index, data.board.page_size),
        ..query
    });
    let board = data.board.clone();
    let notice = data.notices[index].clone();
    let own_lang = notice.lang(&board).to_string();
    let article_lang = (own_lang != board.lang).then(|| own_lang.clone());
    let title_lang = language_switch(&notice.title, &own_lang);
    let title = notice.title.clone();

    // An HTML body comes sanitised, as a tree.
    let body = match notice.rich_body.clone() {
        Some(rich) => view! { <RichBody body=rich lang=own_lang.clone() /> }.into_any(),
        None => plain_body(&notice.body, &own_lang),
    };
    let attachments = notice.attachments.clone();
    let has_attachments = !attachments.is_empty();

    view! {
        <article class="notice" lang=article_lang>
            // Titles and names from the data are isolated (`bdi`, `dir="auto"`): right-to-left
            // text in them cannot reorder what is around them.
            <Heading class="page-title notice-title view-heading" lang=title_lang.map(str::to_string)>
                <bdi>{title}</bdi>
            </Heading>
            <MetaList notice=notice.clone() board=board.clone() />
            {body}
            {has_attachments.then(|| view! { <Attachments attachments /> })}
            <ShareLinks title=notice.title.clone() />
        </article>
        {pager}
        <p class="back-link-row">
            <AppLink to=back_to_list class="back-link">"Back to list"</AppLink>
        </p>
    }
    .into_any()
}

/// Files attached to the notice, as "name (PDF, 1.4 MB)". A file on another site says which
/// ("name (PDF, on law.go.kr)") and is linked as any link to another site is.
#[component]
fn Attachments(attachments: Vec<Attachment>) -> impl IntoView {
    let items = attachments
        .into_iter()
        .map(|file| {
            let site = file.off_site.then(|| {
                let host = crate::model::safe_url::host(&file.url);
                format!("on {}", host.as_deref().unwrap_or("another site"))
            });
            let facts: Vec<String> = file
                .kind
                .iter()
                .cloned()
                .chain(file.size.map(file_size))
                .chain(site)
                .collect();
            let facts = (!facts.is_empty()).then(|| format!(" ({})", facts.join(", ")));
            let (download, rel) = match file.off_site {
                false => (Some(""), None),
                true => (None, Some("noopener noreferrer")),
            };
            view! {
                <li>
                    <a href=file.url download=download rel=rel>
                        <bdi>{file.name}</bdi>
                        <span class="attachment-facts">{facts}</span>
                    </a>
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="attachments" aria-labelledby="attachments-heading">
            <Heading sub=true id="attachments-heading">"Attachments"</Heading>
            <ul>{items}</ul>
        </section>
    }
}

/// A plain-text body: paragraphs at blank lines, each line kept, □/○ outlines indented,
/// bare https:// addresses as links.
fn plain_body(body: &str, own_lang: &str) -> AnyView {
    let paragraphs = paragraphs(body)
        .into_iter()
        .map(|lines| {
            let lang = language_switch(&lines.join(" "), own_lang);
            let lines = lines
                .into_iter()
                .map(|line| {
                    let class = format!("line line-level-{}", outline_level(line));
                    let spans = link_spans(line)
                        .into_iter()
                        .map(|span| match span {
                            Span::Text(text) => text.to_string().into_any(),
                            Span::Link(address) => {
                                view! { <a class="body-link" href=address.to_string()>{address.to_string()}</a> }
                                    .into_any()
                            }
                        })
                        .collect_view();
                    view! { <span class=class>{spans}</span> }
                })
                .collect_view();
            view! { <p lang=lang>{lines}</p> }
        })
        .collect_view();
    view! { <div class="notice-body">{paragraphs}</div> }.into_any()
}
