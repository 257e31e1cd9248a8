use super::text;
use leptos::prelude::*;
use notice_core::format::thousands;
use notice_core::{Board, Notice};

/// A notice's date, read count and category as a description list, each with a visible label.
/// Dates are written in the board's language, like the labels around them.
#[component]
pub fn MetaList(notice: Notice, board: Board) -> impl IntoView {
    let category = notice
        .category
        .as_deref()
        .map(|key| board.category_label(key).to_string());
    let text = text();
    let date = text.date(&notice.date, board.date_style);
    view! {
        <dl class="notice-meta">
            <div>
                <dt>{text.date}</dt>
                <dd><time datetime=notice.date.iso()>{date}</time></dd>
            </div>
            <div>
                <dt>{text.reads}</dt>
                <dd>{thousands(notice.views)}</dd>
            </div>
            {category.map(|label| view! {
                <div>
                    <dt>{text.category}</dt>
                    <dd>{label}</dd>
                </div>
            })}
        </dl>
    }
}
