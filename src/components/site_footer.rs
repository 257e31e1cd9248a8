use super::{text, BackToTop};
use leptos::prelude::*;
use notice_core::Board;

/// The page footer, with the "Top" control first (where the seed page has it, after the
/// content) so that it sits inside a landmark.
#[component]
pub fn SiteFooter(board: Signal<Board>) -> impl IntoView {
    view! {
        <footer class="site-footer" id="site-footer">
            <BackToTop />
            <div class="container">
                <p>
                    <a href=move || board.read().site_url.clone()>{move || board.read().site_name.clone()}</a>
                </p>
                <p class="site-footer-note">
                    {move || text().footer_note}
                </p>
            </div>
        </footer>
    }
}
