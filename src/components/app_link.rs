use crate::navigation::Navigation;
use crate::platform;
use leptos::prelude::*;
use notice_core::url_state::UrlState;

/// A real `<a href>` to one of the board's views. A plain click stays in the app; a
/// Ctrl/Cmd/Shift-click or middle click opens the same URL in a new tab or window as usual.
/// Only these links are handled by the app: every other link on the page is left alone.
/// Extra attributes (`attr:aria-current`, `attr:data-notice-id`…) go on the `<a>`.
#[component]
pub fn AppLink(
    to: UrlState,
    #[prop(optional)] class: &'static str,
    children: Children,
) -> impl IntoView {
    let nav = expect_context::<Navigation>();
    let href = nav.href(&to);
    let on_click = move |event: leptos::ev::MouseEvent| {
        if platform::is_plain_click(&event) {
            event.prevent_default();
            nav.go(to.clone());
        }
    };
    view! {
        <a href=href class=(!class.is_empty()).then_some(class) on:click=on_click>
            {children()}
        </a>
    }
}
