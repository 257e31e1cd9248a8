use super::text;
use crate::context::{Announce, BoardName};
use crate::loader::SearchFiles;
use crate::navigation::{History, Navigation};
use crate::platform;
use leptos::prelude::*;
use notice_core::listing::{ListQuery, Sort, MAX_QUERY_CHARS};
use notice_core::Dataset;
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
    // A published board fetches the first files of its search index as soon as the person
    // reaches the search box, not at the first key.
    let search_files = use_context::<SearchFiles>();
    let on_focus = move |_| search_files.map_or((), SearchFiles::fetch);
    let announce = use_context::<Announce>();
    let on_submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        // Search pressed: the result is said again, even when the search has not changed.
        if let Some(Announce(asked)) = announce {
            asked.update(|count| *count += 1);
        }
        last_keystroke.set_value(f64::NEG_INFINITY);
        let query = ListQuery {
            q: typed.get_untracked().trim().to_string(),
            ..nav.url_untracked().list
        };
        nav.update_list(query.first_page(), History::Push);
    };
    let text = text();
    let categories: Vec<(String, String)> =
        std::iter::once((String::new(), text.all_categories.into()))
            .chain(
                data.categories_in_use()
                    .iter()
                    .map(|c| (c.key.clone(), c.label.clone())),
            )
            .collect();
    let years: Vec<(String, String)> = std::iter::once((String::new(), text.all_years.into()))
        .chain(data.years().iter().map(|y| (y.to_string(), y.to_string())))
        .collect();
    let sorts: Vec<(String, String)> = Sort::ALL
        .into_iter()
        .map(|sort| (sort.key().into(), text.sort(sort).into()))
        .collect();
    // Named like the board's other landmarks: distinct from another board's on the page.
    let name = expect_context::<BoardName>().0;
    let search_label = move || (text.search_board)(&name.get());
    // On a phone the drop-downs would fill the first screen: they fold away behind a
    // "Filters" button (CSS shows it on narrow screens only).
    let filters_open = RwSignal::new(false);
    let in_force = {
        let data = data.clone();
        move || {
            let list = list();
            let category = list.category.is_some_and(|key| data.has_category(&key));
            usize::from(category) + usize::from(list.year.is_some())
        }
    };
    let filters_label = move || match in_force() {
        0 => text.filters.to_string(),
        count => (text.filters_active)(count),
    };

    view! {
        <form class="finder" role="search" aria-label=search_label method="get" on:submit=on_submit>
            <div class="finder-search">
                <label for="notice-search">{text.search_label}</label>
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
                        on:focus=on_focus
                    />
                    <button type="submit" class="button">{text.search_button}</button>
                </div>
            </div>
            <button
                type="button"
                class="finder-toggle"
                aria-controls="finder-filters"
                aria-expanded=move || filters_open.get().to_string()
                on:click=move |_| filters_open.update(|open| *open = !*open)
            >
                {filters_label}
            </button>
            <div class="finder-filters" id="finder-filters">
                <FilterField
                    name="category"
                    label=text.category
                    options=categories
                    current=Signal::derive(move || list().category.unwrap_or_default())
                    apply=|query, value| query.category = Some(value).filter(|v| !v.is_empty())
                />
                <FilterField
                    name="year"
                    label=text.year
                    options=years
                    current=Signal::derive(move || list().year.map(|y| y.to_string()).unwrap_or_default())
                    apply=|query, value| query.year = value.parse().ok()
                />
                <FilterField
                    name="sort"
                    label=text.sort_by
                    options=sorts
                    current=Signal::derive(move || list().sort.key().to_string())
                    apply=|query, value| query.sort = Sort::from_key(&value).unwrap_or_default()
                />
            </div>
        </form>
    }
}

/// One labelled drop-down of the finder. Choosing applies at once, from the first page, and
/// focus stays on the drop-down. The first choice is a new history entry; later ones while
/// focus stays replace it: the arrow keys step through the options one `change` at a time,
/// and Back must return to the list as it was before the drop-down, not to each option.
/// `name` is also the URL parameter, so the form works without the app.
#[component]
fn FilterField(
    name: &'static str,
    label: &'static str,
    /// `(value, label)` pairs.
    options: Vec<(String, String)>,
    current: Signal<String>,
    apply: fn(&mut ListQuery, String),
) -> impl IntoView {
    let nav = expect_context::<Navigation>();
    let id = format!("notice-{name}");
    let changed_since_focus = StoredValue::new(false);
    let on_change = move |event: leptos::ev::Event| {
        let mut query = nav.url_untracked().list.first_page();
        apply(&mut query, event_target_value(&event));
        let history = match changed_since_focus.get_value() {
            true => History::Replace,
            false => History::Push,
        };
        changed_since_focus.set_value(true);
        nav.update_list(query, history);
    };
    let options = options
        .into_iter()
        .map(|(value, text)| view! { <option value=value>{text}</option> })
        .collect_view();
    view! {
        <div class="finder-field">
            <label for=id.clone()>{label}</label>
            <select id=id name=name prop:value=move || current.get() on:change=on_change
                on:focus=move |_| changed_since_focus.set_value(false)>
                {options}
            </select>
        </div>
    }
}
