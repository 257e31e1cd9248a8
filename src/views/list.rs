use crate::app::{Feed, Today};
use crate::components::{ActiveFilters, AppLink, Finder, Heading, MetaList, Pagination};
use crate::model::format::{lang_attribute, thousands};
use crate::model::search::Terms;
use crate::model::{Board, Dataset, Notice};
use crate::navigation::Navigation;
use crate::screen::{count_notices, result_summary, Screen};
use crate::url_state::View;
use leptos::prelude::*;
use std::sync::Arc;

/// Notices published within this many days get a "New" marker.
const NEW_FOR_DAYS: i64 = 7;

/// The list: search and filters, then one page of notices (pinned ones on top of the plain
/// list's first page) and the pagination. Only the current page is rendered.
#[component]
pub fn NoticeList(screen: Memo<Screen>) -> impl IntoView {
    let Some(data) = screen.with_untracked(|screen| screen.data().cloned()) else {
        return ().into_any();
    };
    let title = data.board.title.clone();
    let results = move || {
        let Screen::List {
            data,
            query,
            listing,
        } = screen.get()
        else {
            return ().into_any();
        };
        let nav = expect_context::<Navigation>();
        let rows = listing
            .rows()
            .iter()
            .map(|&index| {
                let notice = data.notices[index].clone();
                let to = nav.url_untracked().with_view(View::Notice(notice.id.0.clone()));
                view! { <NoticeRow notice board=data.board.clone() terms=listing.terms.clone() to /> }
            })
            .collect_view();
        let clear_search = nav
            .url_untracked()
            .with_list(crate::model::listing::ListQuery {
                q: String::new(),
                ..query.clone().first_page()
            });
        let no_match = (listing.total() == 0 && query.is_narrowed()).then(|| {
            view! {
                <div class="no-results">
                    <p>{result_summary(&query, &listing)}</p>
                    <p>
                        {(!query.q.is_empty()).then(|| view! {
                            <AppLink to=clear_search>"Clear the search"</AppLink>
                        })}
                    </p>
                </div>
            }
        });
        view! {
            <ActiveFilters data=data.clone() query=query.clone() />
            <p class="result-count">{result_summary(&query, &listing)}</p>
            <SkippedReport data=data.clone() />
            {no_match}
            <ol class="notice-list">{rows}</ol>
            <Pagination query listing=(*listing).clone() />
        }
        .into_any()
    };
    // As on GOV.UK's finders: a way to follow new notices, next to the search.
    let subscribe = use_context::<Feed>().and_then(|feed| feed.0).map(|href| {
        view! {
            <p class="subscribe">
                <a href=href type="application/atom+xml">"Subscribe to new notices"</a>
                " (Atom feed, for a feed reader)"
            </p>
        }
    });
    view! {
        <Heading class="page-title view-heading">{title}</Heading>
        <Finder data />
        {subscribe}
        {results}
    }
    .into_any()
}

#[component]
fn NoticeRow(
    notice: Notice,
    board: Board,
    terms: Terms,
    to: crate::url_state::UrlState,
) -> impl IntoView {
    let today = expect_context::<Today>().0;
    let is_new = today.is_some_and(|today| notice.date.is_within_days_before(today, NEW_FOR_DAYS));
    let title_lang = lang_attribute(&notice.title, notice.lang(&board), &board.lang);
    let is_pinned = notice.pinned;
    let id = notice.id.0.clone();
    // Matches are marked inside the one title text, so it is still read as one title.
    let title = terms
        .highlight(&notice.title)
        .into_iter()
        .map(|(text, is_match)| match is_match {
            true => view! { <mark>{text}</mark> }.into_any(),
            false => text.into_any(),
        })
        .collect_view();
    view! {
        <li class="notice-row" class:notice-row-pinned=is_pinned>
            <Heading sub=true class="notice-row-title">
                {is_pinned.then(|| view! { <span class="tag tag-pinned">"Pinned"</span> " " })}
                {is_new.then(|| view! { <span class="tag tag-new">"New"</span> " " })}
                <AppLink to attr:data-notice-id=id>
                    // Isolated: a right-to-left title cannot reorder what is around it.
                    <span lang=title_lang dir="auto">{title}</span>
                </AppLink>
            </Heading>
            <MetaList notice board />
        </li>
    }
}

/// The report lists this many problems at most: it is on every list page, and a file with
/// thousands of broken notices must not make every page as long (`notices validate` lists
/// them all).
const MAX_LISTED_PROBLEMS: usize = 20;

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
                    {data
                        .problems
                        .iter()
                        .take(MAX_LISTED_PROBLEMS)
                        .map(|problem| view! { <li>{problem.to_string()}</li> })
                        .collect_view()}
                </ul>
                {(data.problems.len() > MAX_LISTED_PROBLEMS).then(|| {
                    let more = thousands((data.problems.len() - MAX_LISTED_PROBLEMS) as u64);
                    view! {
                        <p>{format!("… and {more} more: “notices validate” lists every problem with its line in the file.")}</p>
                    }
                })}
            </details>
        }
    })
}
