use crate::components::{AppLink, MetaList};
use crate::model::format::{file_size, language_switch, outline_level, paragraphs};
use crate::model::{Attachment, Dataset};
use crate::url_state::View;
use leptos::prelude::*;
use std::sync::Arc;

/// One notice: title, metadata, body, attachments and the way back to the list.
#[component]
pub fn NoticeDetail(data: Arc<Dataset>, index: usize) -> impl IntoView {
    let board = data.board.clone();
    let notice = data.notices[index].clone();
    let own_lang = notice.lang(&board).to_string();
    let article_lang = (own_lang != board.lang).then(|| own_lang.clone());
    let title_lang = language_switch(&notice.title, &own_lang);

    // The body is plain text: paragraphs at blank lines, each line kept, □/○ outlines indented.
    let body = paragraphs(&notice.body)
        .into_iter()
        .map(|lines| {
            let lang = language_switch(&lines.join(" "), &own_lang);
            let lines = lines
                .into_iter()
                .map(|line| {
                    let class = format!("line line-level-{}", outline_level(line));
                    view! { <span class=class>{line.to_string()}</span> }
                })
                .collect_view();
            view! { <p lang=lang>{lines}</p> }
        })
        .collect_view();
    let attachments = notice.attachments.clone();
    let has_attachments = !attachments.is_empty();

    view! {
        <article class="notice" lang=article_lang>
            <h1 class="page-title notice-title" lang=title_lang>{notice.title.clone()}</h1>
            <MetaList notice=notice.clone() board=board.clone() />
            <div class="notice-body">{body}</div>
            {has_attachments.then(|| view! { <Attachments attachments /> })}
        </article>
        <p class="back-link-row">
            <AppLink to=View::List class="back-link">"Back to list"</AppLink>
        </p>
    }
}

/// Files attached to the notice, as "name (PDF, 1.4 MB)".
#[component]
fn Attachments(attachments: Vec<Attachment>) -> impl IntoView {
    let items = attachments
        .into_iter()
        .map(|file| {
            let facts: Vec<String> = file
                .kind
                .iter()
                .cloned()
                .chain(file.size.map(file_size))
                .collect();
            let facts = (!facts.is_empty()).then(|| format!(" ({})", facts.join(", ")));
            view! {
                <li>
                    <a href=file.url download="">
                        {file.name}
                        <span class="attachment-facts">{facts}</span>
                    </a>
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="attachments" aria-labelledby="attachments-heading">
            <h2 id="attachments-heading">"Attachments"</h2>
            <ul>{items}</ul>
        </section>
    }
}
