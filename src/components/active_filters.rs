use super::{text, Heading};
use crate::navigation::{History, Navigation};
use crate::platform;
use leptos::prelude::*;
use notice_core::listing::ListQuery;
use notice_core::url_state::UrlState;
use notice_core::Dataset;

/// The search and filters in force, each removable with one click, and "Clear all".
#[component]
pub fn ActiveFilters(data: std::sync::Arc<Dataset>, query: ListQuery) -> impl IntoView {
    let nav = expect_context::<Navigation>();
    let text = text();
    let without = |change: &dyn Fn(&mut ListQuery)| {
        let mut list = query.clone().first_page();
        change(&mut list);
        nav.url_untracked().with_list(list)
    };
    let mut tags = Vec::new();
    if !query.q.is_empty() {
        tags.push((
            (text.filter_search)(&query.q),
            without(&|list| list.q.clear()),
        ));
    }
    if let Some(key) = &query.category {
        if data.has_category(key) {
            let label = data.board.category_label(key).to_string();
            tags.push((
                (text.filter_category)(&label),
                without(&|list| list.category = None),
            ));
        }
    }
    if let Some(year) = query.year {
        tags.push(((text.filter_year)(year), without(&|list| list.year = None)));
    }
    let clear_all = without(&|list| {
        *list = ListQuery {
            sort: list.sort,
            page: 1,
            ..ListQuery::default()
        }
    });
    let several = tags.len() > 1;
    // Removing one keeps the keyboard where it was: on the chip that takes its place, else
    // on the result count (not on the heading above the finder).
    let remove = move |to: UrlState, index: Option<usize>| {
        move |event: leptos::ev::MouseEvent| {
            if !platform::is_plain_click(&event) {
                return;
            }
            event.prevent_default();
            nav.update_list(to.list.clone(), History::Push);
            let root_id = nav.root_id();
            let in_place = index.map(|i| format!(".active-filters li:nth-child({}) a", i + 1));
            let targets: Vec<String> = in_place
                .into_iter()
                .chain([".result-count".into()])
                .collect();
            platform::after_render(move || platform::focus_first_of(&root_id, &targets));
        }
    };
    (!tags.is_empty()).then(|| {
        let tags = tags
            .into_iter()
            .enumerate()
            .map(|(index, (label, to))| {
                view! {
                    <li>
                        <a href=nav.href(&to) class="filter-tag" on:click=remove(to, Some(index))>
                            <span class="visually-hidden">{text.remove_before}</span>
                            {label}
                            <span class="visually-hidden">{text.remove_after}</span>
                            <span class="filter-tag-x" aria-hidden="true">"×"</span>
                        </a>
                    </li>
                }
            })
            .collect_view();
        view! {
            <div class="active-filters">
                <Heading sub=true class="visually-hidden">{text.active_filters}</Heading>
                <ul>
                    {tags}
                    {several.then(|| view! { <li><a href=nav.href(&clear_all) class="filter-clear" on:click=remove(clear_all, None)>{text.clear_filters}</a></li> })}
                </ul>
            </div>
        }
    })
}
