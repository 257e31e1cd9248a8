use super::text;
use leptos::prelude::*;
use notice_core::Board;

/// The site's name and its main menu (the board's sibling sections, from the data file).
/// The menu's links are the site's own pages: the app does not handle them.
#[component]
pub fn SiteHeader(board: Signal<Board>) -> impl IntoView {
    let menu = move || {
        board.with(|board| {
            board
                .menu
                .iter()
                .map(|link| {
                    view! {
                        <li>
                            <a href=link.url.clone() aria-current=link.current.then_some("true")>
                                {link.label.clone()}
                            </a>
                        </li>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <header class="site-header">
            <div class="container site-header-inner">
                <a class="site-name" href=move || board.read().site_url.clone()>
                    {move || board.read().site_name.clone()}
                </a>
                <nav id="main-menu" class="main-menu" aria-label=move || text().main_menu>
                    <ul>{menu}</ul>
                </nav>
            </div>
        </header>
    }
}
