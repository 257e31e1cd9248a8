use crate::components::{text, AppLink, Heading};
use crate::navigation::Navigation;
use leptos::prelude::*;
use notice_core::url_state::View;

#[component]
pub fn NotFound(id: String) -> impl IntoView {
    let to_list = expect_context::<Navigation>()
        .url_untracked()
        .with_view(View::List);
    let text = text();
    view! {
        <Heading class="page-title view-heading">{text.not_found}</Heading>
        <p>{(text.not_found_body)(&id)}</p>
        <p>
            <AppLink to=to_list class="button-link">{text.see_all_notices}</AppLink>
        </p>
    }
}
