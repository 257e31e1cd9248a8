use super::{text, AppLink, MixedText};
use crate::navigation::Navigation;
use leptos::prelude::*;
use notice_core::screen::Crumb;
use notice_core::url_state::View;

/// `HOME > What's New > News & Notices`, before `<main>`. The current page is plain text
/// with `aria-current="page"`; separators are drawn by CSS and never read aloud.
#[component]
pub fn Breadcrumb(crumbs: Signal<Vec<Crumb>>) -> impl IntoView {
    let nav = expect_context::<Navigation>();
    let items = move || {
        crumbs
            .get()
            .into_iter()
            .map(|crumb| match crumb {
                Crumb::Link(link) => {
                    view! { <li><a href=link.url>{link.label}</a></li> }.into_any()
                }
                Crumb::List(label) => {
                    // Back to the list as the person left it: same search, filters and page.
                    let to = nav.url_untracked().with_view(View::List);
                    view! { <li><AppLink to>{label}</AppLink></li> }.into_any()
                }
                Crumb::Current(label) => {
                    // Isolated: the notice's title may be right-to-left text. A title in
                    // another language than the board's is marked as such, part by part.
                    let lang = board_lang();
                    view! {
                        <li>
                            <span aria-current="page" dir="auto">
                                <MixedText text=label own=lang.clone() around=lang />
                            </span>
                        </li>
                    }
                    .into_any()
                }
            })
            .collect_view()
    };
    view! {
        <nav class="breadcrumb container" aria-label=move || text().breadcrumb>
            <ol>{items}</ol>
        </nav>
    }
}

/// The board's interface language tag (`en`, `ko`), around which titles are marked.
fn board_lang() -> String {
    use_context::<Memo<notice_core::i18n::Locale>>()
        .map(|locale| locale.get())
        .unwrap_or_default()
        .tag()
        .to_string()
}
