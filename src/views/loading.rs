use crate::components::Heading;
use crate::model::Board;
use leptos::prelude::*;

#[component]
pub fn LoadingView(board: Board) -> impl IntoView {
    view! {
        <Heading class="page-title view-heading">{board.title}</Heading>
        <p class="loading">"Loading notices…"</p>
    }
}
