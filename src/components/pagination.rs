use super::{text, AppLink};
use crate::config::Mode;
use crate::context::BoardName;
use crate::navigation::Navigation;
use leptos::prelude::*;
use notice_core::listing::{page_window, ListQuery, Listing};

/// Numbered pages with Previous/Next, the first and last page always reachable and a window
/// around the current one (at most 7 numbers, so it fits 320 px). Nothing for a single page.
#[component]
pub fn Pagination(query: ListQuery, listing: Listing) -> impl IntoView {
    let nav = expect_context::<Navigation>();
    let text = text();
    // Landmark names must be unique on the page, and a host page may hold several boards
    // (named apart even when titled alike: see `crate::board_names`).
    let mode = expect_context::<Mode>();
    let name = expect_context::<BoardName>().0;
    let label = move || match mode {
        Mode::Page => text.pagination.to_string(),
        Mode::Widget => (text.pagination_of)(&name.get()),
    };
    let (page, pages) = (listing.page, listing.pages);
    let to_page = move |page: usize| {
        nav.url_untracked().with_list(ListQuery {
            page,
            ..query.clone()
        })
    };
    let previous = (page > 1).then(|| {
        view! {
            <li class="pagination-previous">
                <AppLink to=to_page(page - 1) attr:rel="prev">
                    <span class="pagination-arrow" aria-hidden="true">"‹"</span>
                    {text.previous}<span class="visually-hidden">{text.page_suffix}</span>
                </AppLink>
            </li>
        }
    });
    let next = (page < pages).then(|| {
        view! {
            <li class="pagination-next">
                <AppLink to=to_page(page + 1) attr:rel="next">
                    {text.next}<span class="visually-hidden">{text.page_suffix}</span>
                    <span class="pagination-arrow" aria-hidden="true">"›"</span>
                </AppLink>
            </li>
        }
    });
    let numbers = page_window(page, pages)
        .into_iter()
        .map(|entry| match entry {
            Some(number) => view! {
                <li class="pagination-item" class:pagination-current=number == page>
                    <AppLink
                        to=to_page(number)
                        attr:aria-label=match number == page {
                            true => (text.current_page)(number),
                            false => (text.page_number)(number),
                        }
                        attr:aria-current=(number == page).then_some("page")
                    >
                        {number}
                    </AppLink>
                </li>
            }
            .into_any(),
            None => view! { <li class="pagination-gap" aria-hidden="true">"…"</li> }.into_any(),
        })
        .collect_view();
    (pages > 1).then(|| {
        view! {
            <nav class="pagination" aria-label=label>
                <ul>{previous} {numbers} {next}</ul>
            </nav>
        }
    })
}
