use crate::model::format::thousands;
use crate::model::{Board, Notice};
use leptos::prelude::*;

/// A notice's date, read count and category as a description list, each with a visible label.
/// Dates are written in the board's language, like the labels around them.
#[component]
pub fn MetaList(notice: Notice, board: Board) -> impl IntoView {
    let category = notice
        .category
        .as_deref()
        .map(|key| board.category_label(key).to_string());
    view! {
        <dl class="notice-meta">
            <div>
                <dt>"Date"</dt>
                <dd><time datetime=notice.date.iso()>{notice.date.human(&board.lang)}</time></dd>
            </div>
            <div>
                <dt>"Read"</dt>
                <dd>{thousands(notice.views)}</dd>
            </div>
            {category.map(|label| view! {
                <div>
                    <dt>"Category"</dt>
                    <dd>{label}</dd>
                </div>
            })}
        </dl>
    }
}
