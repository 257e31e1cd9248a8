use super::{text, AppLink, Heading};
use crate::model::listing::ListQuery;
use crate::model::Dataset;
use crate::navigation::Navigation;
use leptos::prelude::*;

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
    (!tags.is_empty()).then(|| {
        let tags = tags
            .into_iter()
            .map(|(label, to)| {
                view! {
                    <li>
                        <AppLink to class="filter-tag">
                            <span class="visually-hidden">{text.remove_before}</span>
                            {label}
                            <span class="visually-hidden">{text.remove_after}</span>
                            <span class="filter-tag-x" aria-hidden="true">"×"</span>
                        </AppLink>
                    </li>
                }
            })
            .collect_view();
        view! {
            <div class="active-filters">
                <Heading sub=true class="visually-hidden">{text.active_filters}</Heading>
                <ul>
                    {tags}
                    {several.then(|| view! { <li><AppLink to=clear_all class="filter-clear">{text.clear_filters}</AppLink></li> })}
                </ul>
            </div>
        }
    })
}
