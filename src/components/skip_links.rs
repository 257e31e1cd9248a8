use super::text;
use crate::platform;
use leptos::prelude::*;

/// "Skip to main content" and "Skip to main menu": first in the tab order, visible when
/// focused. They move keyboard focus (not just the scroll position) to their target and
/// leave no `#fragment` in the URL. The `href` still works if the app has not started.
#[component]
pub fn SkipLinks() -> impl IntoView {
    let skip_to = |target: &'static str| {
        move |event: leptos::ev::MouseEvent| {
            event.prevent_default();
            platform::focus_target(target);
        }
    };
    view! {
        <div class="skip-links">
            <a class="skip-link" href="#main-content" on:click=skip_to("main-content")>
                {move || text().skip_to_content}
            </a>
            <a class="skip-link" href="#main-menu" on:click=skip_to("main-menu")>
                {move || text().skip_to_menu}
            </a>
        </div>
    }
}
