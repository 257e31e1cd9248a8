use crate::components::{
    text, ActiveFilters, AppLink, Finder, Heading, MixedText, Pagination, RowMeta,
};
use crate::context::{Feed, Today};
use crate::navigation::Navigation;
use leptos::prelude::*;
use notice_core::format::thousands;
use notice_core::listing::ListQuery;
use notice_core::screen::{no_results, result_summary, ListScreen, NoResults, Shared};
use notice_core::search::Terms;
use notice_core::url_state::View;
use notice_core::{Board, Dataset, Notice};
use std::sync::Arc;

/// Notices published within this many days get a "New" marker.
const NEW_FOR_DAYS: i64 = 7;

/// The list: search and filters, then one page of notices (pinned ones on top of the plain
/// list's first page) and the pagination. Only the current page is rendered.
#[component]
pub fn NoticeList(
    /// The list screen now: read inside a closure, it follows the person's searches and pages.
    screen: impl Fn() -> ListScreen + Clone + Send + Sync + 'static,
) -> impl IntoView {
    let data = untrack(&screen).data.0;
    let title = data.board.title.clone();
    let results = move || {
        let ListScreen {
            data: Shared(data),
            query,
            listing,
        } = screen();
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
        let text = text();
        let summary = result_summary(text, &data, &query, &listing);
        // An empty list says why once, with the one change that brings notices back: the
        // search cleared, or (when the search matches but the filters exclude it all) the
        // filters removed.
        let fix = no_results(&data, &query, &listing).and_then(|reason| match reason {
            NoResults::Empty => None,
            NoResults::Search => Some((
                text.clear_search,
                ListQuery {
                    q: String::new(),
                    ..query.clone().first_page()
                },
            )),
            NoResults::Filters | NoResults::FilteredOut(_) => Some((
                text.remove_filters,
                ListQuery {
                    category: None,
                    year: None,
                    ..query.clone().first_page()
                },
            )),
        });
        let count = match fix {
            None => view! { <p class="result-count">{summary}</p> }.into_any(),
            Some((label, to)) => {
                let to = nav.url_untracked().with_list(to);
                view! {
                    <div class="no-results">
                        <p class="result-count">{summary}</p>
                        <p><AppLink to>{label}</AppLink></p>
                    </div>
                }
                .into_any()
            }
        };
        view! {
            <ActiveFilters data=data.clone() query=query.clone() />
            {count}
            <SkippedReport data=data.clone() />
            <ol class="notice-list">{rows}</ol>
            <Pagination query listing=(*listing).clone() />
        }
        .into_any()
    };
    // As on GOV.UK's finders: a way to follow new notices, next to the search.
    let subscribe = use_context::<Feed>().and_then(|feed| feed.0).map(|href| {
        view! {
            <p class="subscribe">
                <a href=href type="application/atom+xml">{text().subscribe}</a>
                {text().subscribe_hint}
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
    to: notice_core::url_state::UrlState,
) -> impl IntoView {
    let today = expect_context::<Today>().0;
    let is_new = today.is_some_and(|today| notice.date.is_within_days_before(today, NEW_FOR_DAYS));
    let own_lang = notice.lang(&board).to_string();
    let board_lang = board.lang.clone();
    let is_pinned = notice.pinned;
    let text = text();
    let id = notice.id.0.clone();
    // Matches are marked inside the one title text, so it is still read as one title.
    let marks = terms.highlight(&notice.title);
    let title = notice.title.clone();
    // Found by its body: the words around the match say why it is in the list.
    let excerpt = terms.excerpt(&notice.title, &notice.body).map(|marks| {
        let text: String = marks.iter().map(|(piece, _)| piece.as_str()).collect();
        let (own, around) = (own_lang.clone(), board_lang.clone());
        view! {
            <p class="notice-row-excerpt" dir="auto">
                <MixedText text own around marks />
            </p>
        }
    });
    view! {
        <li class="notice-row" class:notice-row-pinned=is_pinned>
            <Heading sub=true class="notice-row-title">
                // A pause between a marker and the title, ", ", for screen readers and
                // copied text only; on screen the tag's margin is the gap. (A plain space
                // here moved when a page painted half-parsed got its title.)
                {is_pinned.then(|| view! {
                    <span class="tag tag-pinned">{text.pinned}</span>
                    <span class="visually-hidden">{text.marker_pause}</span>
                })}
                {is_new.then(|| view! {
                    <span class="tag tag-new">{text.new}</span>
                    <span class="visually-hidden">{text.marker_pause}</span>
                })}
                <AppLink to attr:data-notice-id=id>
                    // Isolated: a right-to-left title cannot reorder what is around it.
                    // Each part in its own language (a mixed title is not one language).
                    <span dir="auto">
                        <MixedText text=title own=own_lang around=board_lang marks />
                    </span>
                </AppLink>
            </Heading>
            {excerpt}
            <RowMeta notice board />
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
    let text = text();
    // The place is in the board's language; the parser's message stays in English, as
    // `notices validate` writes it.
    let message_lang = (text.lang != "en").then_some("en");
    (!data.problems.is_empty()).then(|| {
        let summary = if skipped > 0 {
            (text.skipped_summary)(skipped)
        } else {
            text.board_settings_errors.to_string()
        };
        view! {
            <details class="problem-details">
                <summary>{summary}</summary>
                <ul>
                    {data
                        .problems
                        .iter()
                        .take(MAX_LISTED_PROBLEMS)
                        .map(|problem| view! {
                            <li>
                                {problem.place_text(text)}
                                <span lang=message_lang>{problem.message.clone()}</span>
                            </li>
                        })
                        .collect_view()}
                </ul>
                {(data.problems.len() > MAX_LISTED_PROBLEMS).then(|| {
                    let more = thousands((data.problems.len() - MAX_LISTED_PROBLEMS) as u64);
                    view! { <p>{(text.more_problems)(&more)}</p> }
                })}
            </details>
        }
    })
}
