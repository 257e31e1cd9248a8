use crate::components::{AppLink, Heading};
use crate::navigation::Navigation;
use crate::url_state::View;
use leptos::prelude::*;

#[component]
pub fn NotFound(id: String) -> impl IntoView {
    let to_list = expect_context::<Navigation>()
        .url_untracked()
        .with_view(View::List);
    view! {
        <Heading class="page-title view-heading">"Notice not found"</Heading>
        <p>
            "There is no notice with the id “" {id}
            "”. It may have been removed, or the link may have been copied incompletely."
        </p>
        <p>
            <AppLink to=to_list class="button-link">"See all notices"</AppLink>
        </p>
    }
}
