use super::text;
use crate::navigation::Navigation;
use crate::platform;
use leptos::prelude::*;

/// "Top": scrolls back to the top of the board and puts focus there, so the next Tab
/// reaches the first skip link (on the board's own page) or the board's first link. A real link, in the flow of the page (it never floats over
/// the focused element).
#[component]
pub fn BackToTop() -> impl IntoView {
    let root_id = expect_context::<Navigation>().root_id();
    let href = format!("#{root_id}");
    let on_click = move |event: leptos::ev::MouseEvent| {
        event.prevent_default();
        platform::focus_board_top(&root_id);
    };
    view! {
        <div class="back-to-top container">
            <a class="back-to-top-link" href=href on:click=on_click>
                <span class="back-to-top-arrow" aria-hidden="true"></span>
                {move || text().back_to_top}
            </a>
        </div>
    }
}
