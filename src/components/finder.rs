use crate::model::listing::{ListQuery, Sort, MAX_QUERY_CHARS};
use crate::model::Dataset;
use crate::navigation::{History, Navigation};
use crate::platform;
use leptos::prelude::*;
use std::sync::Arc;

/// Keystrokes closer together than this belong to one search: they replace the current
/// history entry instead of adding one, so Back goes to the previous search, not letter.
const TYPING_PAUSE_MS: f64 = 1000.0;

/// The search box and the filters. Results update as the person types or chooses; Enter and
/// the "Search" button work too. Without the app, it is a plain GET form with the same
/// parameter names, so it still works.
#[component]
pub fn Finder(data: Arc<Dataset>) -> impl IntoView {
    let nav = expect_context::<Navigation>();
    let list = move || nav.url().list;
    // What is in the box, kept apart from the URL so trailing spaces survive while typing.
    let typed = RwSignal::new(nav.url_untracked().list.q);
    Effect::new(move || {
        let q = list().q;
        if typed.get_untracked().trim() != q {
            typed.set(q);
        }
    });
    let last_keystroke = StoredValue::new(f64::NEG_INFINITY);
    let on_input = move |event: leptos::ev::Event| {
        let value: String = event_target_value(&event)
            .chars()
            .take(MAX_QUERY_CHARS)
            .collect();
        typed.set(value.clone());
        let now = platform::now_ms();
        let history = if now - last_keystroke.get_value() < TYPING_PAUSE_MS {
            History::Replace
        } else {
            History::Push
        };
        last_keystroke.set_value(now);
        let query = ListQuery {
            q: value.trim().to_string(),
            ..nav.url_untracked().list
        }
        .first_page();
        nav.update_list(query, history);
    };
    let on_submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        last_keystroke.set_value(f64::NEG_INFINITY);
        let query = ListQuery {
            q: typed.get_untracked().trim().to_string(),
            ..nav.url_untracked().list
        };
        nav.update_list(query.first_page(), History::Push);
    };
    let choose = move |change: fn(&mut ListQuery, String)| {
        move |event: leptos::ev::Event| {
            let mut query = nav.url_untracked().list.first_page();
            change(&mut query, event_target_value(&event));
            nav.update_list(query, History::Push);
        }
    };

    let search_label = format!("Search {}", data.board.title);
    let categories = data
        .categories_in_use()
        .into_iter()
        .map(|category| view! { <option value=category.key.clone()>{category.label}</option> })
        .collect_view();
    let years = data
        .years()
        .into_iter()
        .map(|year| view! { <option value=year.to_string()>{year}</option> })
        .collect_view();
    let sorts = Sort::ALL
        .into_iter()
        .map(|sort| view! { <option value=sort.key()>{sort.label()}</option> })
        .collect_view();

    view! {
        <form class="finder" role="search" aria-label=search_label method="get" on:submit=on_submit>
            <div class="finder-search">
                <label for="notice-search">"Search notices"</label>
                <div class="finder-search-row">
                    <input
                        id="notice-search"
                        type="search"
                        name="q"
                        autocomplete="off"
                        spellcheck="false"
                        maxlength=MAX_QUERY_CHARS
                        prop:value=move || typed.get()
                        on:input=on_input
                    />
                    <button type="submit" class="button">"Search"</button>
                </div>
            </div>
            <div class="finder-filters">
                <div class="finder-field">
                    <label for="notice-category">"Category"</label>
                    <select
                        id="notice-category"
                        name="category"
                        prop:value=move || list().category.unwrap_or_default()
                        on:change=choose(|query, value| query.category = Some(value).filter(|v| !v.is_empty()))
                    >
                        <option value="">"All categories"</option>
                        {categories}
                    </select>
                </div>
                <div class="finder-field">
                    <label for="notice-year">"Year"</label>
                    <select
                        id="notice-year"
                        name="year"
                        prop:value=move || list().year.map(|y| y.to_string()).unwrap_or_default()
                        on:change=choose(|query, value| query.year = value.parse().ok())
                    >
                        <option value="">"All years"</option>
                        {years}
                    </select>
                </div>
                <div class="finder-field">
                    <label for="notice-sort">"Sort by"</label>
                    <select
                        id="notice-sort"
                        name="sort"
                        prop:value=move || list().sort.key()
                        on:change=choose(|query, value| query.sort = Sort::from_key(&value).unwrap_or_default())
                    >
                        {sorts}
                    </select>
                </div>
            </div>
        </form>
    }
}
