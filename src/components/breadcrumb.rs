use super::AppLink;
use crate::screen::Crumb;
use crate::url_state::View;
use leptos::prelude::*;

/// `HOME > What's New > News & Notices`, before `<main>`. The current page is plain text
/// with `aria-current="page"`; separators are drawn by CSS and never read aloud.
#[component]
pub fn Breadcrumb(crumbs: Signal<Vec<Crumb>>) -> impl IntoView {
    let items = move || {
        crumbs
            .get()
            .into_iter()
            .map(|crumb| match crumb {
                Crumb::Link(link) => {
                    view! { <li><a href=link.url>{link.label}</a></li> }.into_any()
                }
                Crumb::List(label) => {
                    view! { <li><AppLink to=View::List>{label}</AppLink></li> }.into_any()
                }
                Crumb::Current(label) => {
                    view! { <li><span aria-current="page">{label}</span></li> }.into_any()
                }
            })
            .collect_view()
    };
    view! {
        <nav class="breadcrumb container" aria-label="Breadcrumb">
            <ol>{items}</ol>
        </nav>
    }
}
