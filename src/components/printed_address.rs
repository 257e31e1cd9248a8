use super::text;
use crate::navigation::Navigation;
use crate::platform;
use leptos::prelude::*;
use notice_core::url_state::{UrlState, View};

/// An address written out in full, for paper only (hidden on screen, where the link is
/// enough): a print-out cannot be clicked. Rendered as the `href` (relative on the board's
/// own page), then written out absolute by the browser once the app runs.
#[component]
pub fn PrintedAddress(href: String) -> impl IntoView {
    let address = RwSignal::new(href.clone());
    Effect::new(move || address.set(platform::absolute_address(&href)));
    view! { <span class="print-only printed-address">{address}</span> }
}

/// "Address of this notice: https://…/notice-63605.html" under a printed notice, so that a
/// reader of the print-out can find it again. Only the notice's own address: the list it
/// was opened from is left out. In a widget it is the host page's address with the board's
/// parameters.
#[component]
pub fn NoticeAddress(id: String) -> impl IntoView {
    let nav = expect_context::<Navigation>();
    let notice = nav
        .url_untracked()
        .with_list(UrlState::list().list)
        .with_view(View::Notice(id));
    view! {
        <p class="print-only notice-address">
            <span class="notice-address-label">{move || text().notice_address}</span>
            " "
            <PrintedAddress href=nav.href(&notice) />
        </p>
    }
}
