use crate::components::{text, Heading};
use leptos::prelude::*;
use notice_core::Board;

#[component]
pub fn LoadingView(board: Board) -> impl IntoView {
    view! {
        <Heading class="page-title view-heading">{board.title}</Heading>
        <p class="loading">{move || text().loading_notices}</p>
    }
}
