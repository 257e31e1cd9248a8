use crate::components::{text, Heading};
use crate::model::Board;
use leptos::prelude::*;

#[component]
pub fn LoadingView(board: Board) -> impl IntoView {
    view! {
        <Heading class="page-title view-heading">{board.title}</Heading>
        <p class="loading">{move || text().loading_notices}</p>
    }
}
