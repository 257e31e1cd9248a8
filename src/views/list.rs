use crate::components::{AppLink, MetaList};
use crate::model::format::lang_attribute;
use crate::model::{Board, Dataset, Notice};
use crate::screen::count_notices;
use crate::url_state::View;
use leptos::prelude::*;
use std::sync::Arc;

/// The board's notices, pinned first, then newest first.
#[component]
pub fn NoticeList(data: Arc<Dataset>) -> impl IntoView {
    let board = &data.board;
    let rows = data
        .notices
        .iter()
        .map(|notice| view! { <NoticeRow notice=notice.clone() board=board.clone() /> })
        .collect_view();
    let empty = data
        .notices
        .is_empty()
        .then(|| view! { <p class="empty">"There are no notices yet."</p> });
    view! {
        <h1 class="page-title">{board.title.clone()}</h1>
        <p class="result-count">{count_notices(data.notices.len())}</p>
        <SkippedReport data=data.clone() />
        {empty}
        <ol class="notice-list">{rows}</ol>
    }
}

#[component]
fn NoticeRow(notice: Notice, board: Board) -> impl IntoView {
    let title_lang = lang_attribute(&notice.title, notice.lang(&board), &board.lang);
    let is_pinned = notice.pinned;
    let title = notice.title.clone();
    let pinned = notice
        .pinned
        .then(|| view! { <span class="tag tag-pinned">"Pinned"</span> " " });
    view! {
        <li class="notice-row" class:notice-row-pinned=is_pinned>
            <h2 class="notice-row-title">
                {pinned}
                <AppLink to=View::Notice(notice.id.0.clone())>
                    <span lang=title_lang>{title}</span>
                </AppLink>
            </h2>
            <MetaList notice board />
        </li>
    }
}

/// For editors: which notices the data file had but the board could not show, and why.
#[component]
fn SkippedReport(data: Arc<Dataset>) -> impl IntoView {
    let skipped = data.skipped_count();
    (!data.problems.is_empty()).then(|| {
        let summary = if skipped > 0 {
            format!("{} could not be shown because of errors in the data file", count_notices(skipped))
        } else {
            "The data file has errors in its board settings".to_string()
        };
        view! {
            <details class="problem-details">
                <summary>{summary}</summary>
                <ul>
                    {data.problems.iter().map(|problem| view! { <li>{problem.to_string()}</li> }).collect_view()}
                </ul>
            </details>
        }
    })
}
