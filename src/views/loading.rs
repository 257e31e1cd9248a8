use crate::model::Board;
use leptos::prelude::*;

#[component]
pub fn LoadingView(board: Board) -> impl IntoView {
    view! {
        <h1 class="page-title">{board.title}</h1>
        <p class="loading">"Loading notices…"</p>
    }
}
