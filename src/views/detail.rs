use crate::components::{
    breakable, text, AppLink, Heading, MetaList, MixedText, NoticeAddress, PrintedAddress,
    RichBody, ShareLinks,
};
use crate::navigation::Navigation;
use leptos::prelude::*;
use notice_core::format::{file_size, link_spans, outline_level, paragraphs, Span};
use notice_core::language::language_switch;
use notice_core::listing::ListQuery;
use notice_core::screen::{NoticeScreen, Shared};
use notice_core::url_state::View;
use notice_core::Attachment;

/// One notice: title, metadata, body, attachments, the previous and next notices of the list
/// the person came from, and the way back to that list's page.
#[component]
pub fn NoticeDetail(screen: NoticeScreen) -> impl IntoView {
    let index = screen.index();
    let NoticeScreen {
        data: Shared(data),
        query,
        listing,
        ..
    } = screen;
    let nav = expect_context::<Navigation>();
    let text = text();
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
            <nav class="notice-pager" aria-label=text.notice_pager>
                <ul>
                    {pager_link(previous, text.previous_notice, "pager-previous")}
                    {pager_link(next, text.next_notice, "pager-next")}
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
    // The notice's language goes on its title and body, not on the whole article: the
    // labels (date, reads, category) stay in the board's language.
    let body_lang = (own_lang != board.lang).then(|| own_lang.clone());
    let board_lang = board.lang.clone();
    let (title_own, title_around) = (own_lang.clone(), board_lang.clone());
    let title = notice.title.clone();

    // An HTML body comes sanitised, as a tree.
    let body = match notice.rich_body.clone() {
        Some(rich) => {
            view! { <RichBody body=rich lang=own_lang.clone() attr:lang=body_lang /> }.into_any()
        }
        None => plain_body(&notice.body, &own_lang, body_lang),
    };
    let attachments = notice.attachments.clone();
    let has_attachments = !attachments.is_empty();

    view! {
        <article class="notice">
            // Titles and names from the data are isolated (`bdi`, `dir="auto"`): right-to-left
            // text in them cannot reorder what is around them.
            <Heading class="page-title notice-title view-heading">
                <bdi>
                    <MixedText text=title own=title_own around=title_around />
                </bdi>
            </Heading>
            <MetaList notice=notice.clone() board=board.clone() />
            {body}
            {has_attachments.then(|| view! { <Attachments attachments own_lang board_lang /> })}
            <ShareLinks title=notice.title.clone() />
        </article>
        <NoticeAddress id=notice.id.0.clone() />
        {pager}
        <p class="back-link-row">
            <AppLink to=back_to_list class="back-link">{text.back_to_list}</AppLink>
        </p>
    }
    .into_any()
}

/// Files attached to the notice, as "name (PDF, 1.4 MB)". A file on another site says which
/// ("name (PDF, on law.go.kr)") and is linked as any link to another site is.
#[component]
fn Attachments(
    attachments: Vec<Attachment>,
    own_lang: String,
    board_lang: String,
) -> impl IntoView {
    let text = text();
    let items = attachments
        .into_iter()
        .map(|file| {
            let site = file.off_site.then(|| {
                let host = notice_core::safe_url::host(&file.url);
                (text.off_site)(host.as_deref())
            });
            let facts: Vec<String> = file
                .kind
                .iter()
                .cloned()
                .chain(file.size.map(|size| match size {
                    0..1024 => (text.bytes)(size),
                    _ => file_size(size),
                }))
                .chain(site)
                .collect();
            let facts = (!facts.is_empty()).then(|| format!(" ({})", facts.join(", ")));
            let (download, rel) = match file.off_site {
                false => (Some(""), None),
                true => (None, Some("noopener noreferrer")),
            };
            view! {
                <li>
                    <a href=file.url.clone() download=download rel=rel>
                        <bdi>
                            <MixedText
                                text=file.name
                                own=own_lang.clone()
                                around=board_lang.clone()
                                file_name=true
                            />
                        </bdi>
                        <span class="attachment-facts">{facts}</span>
                    </a>
                    <PrintedAddress href=file.url />
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="attachments" aria-labelledby="attachments-heading">
            <Heading sub=true id="attachments-heading">{text.attachments}</Heading>
            <ul>{items}</ul>
        </section>
    }
}

/// A plain-text body: paragraphs at blank lines, each line kept, □/○ outlines indented,
/// bare https:// addresses as links.
fn plain_body(body: &str, own_lang: &str, body_lang: Option<String>) -> AnyView {
    let paragraphs = paragraphs(body)
        .into_iter()
        .map(|lines| {
            let lang = language_switch(&lines.join(" "), own_lang);
            // Within the paragraph, words in the other language get their own `lang`.
            let around = lang.unwrap_or(own_lang).to_string();
            let lines = lines
                .into_iter()
                .map(|line| {
                    let class = format!("line line-level-{}", outline_level(line));
                    let spans = link_spans(line)
                        .into_iter()
                        .map(|span| match span {
                            Span::Text(text) => {
                                let (own, around) = (around.clone(), around.clone());
                                view! { <MixedText text=text.to_string() own around /> }
                                    .into_any()
                            }
                            Span::Link(address) => {
                                view! { <a class="body-link" href=address.to_string()>{breakable(address)}</a> }
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
    view! { <div class="notice-body" lang=body_lang>{paragraphs}</div> }.into_any()
}
