use super::text;
use leptos::prelude::*;
use notice_core::format::thousands;
use notice_core::{Board, Notice};

/// A list row's date, read count and category: one line of labelled text. The notice's own
/// page lists the same as a description list ([`super::MetaList`]); in the list it is a
/// plain paragraph, because every element of a row is laid out again at each keystroke of a
/// search (this line has 5 elements where the description list had 11 and 3 generated
/// colons), and a screen reader reads one sentence per row instead of a list in each row.
#[component]
pub fn RowMeta(notice: Notice, board: Board) -> impl IntoView {
    let text = text();
    // The label stays with its value when the line wraps (a no-break space).
    let label = |name: &str| format!("{name}:\u{a0}");
    let category = notice.category.as_deref().map(|key| {
        let value = board.category_label(key);
        view! { {BETWEEN_ITEMS} <span>{label(text.category)}{value.to_string()}</span> }
    });
    let date = text.date(&notice.date, board.date_style);
    view! {
        <p class="notice-row-meta">
            <span>{label(text.date)}<time datetime=notice.date.iso()>{date}</time></span>
            {BETWEEN_ITEMS}
            <span>{label(text.reads)}{thousands(notice.views)}</span>
            {category}
        </p>
    }
}

/// Between two items: a space that is never collapsed (no-break), then a place to wrap (a
/// zero-width space). A plain space between elements is collapsed while it ends the text
/// parsed so far, and the browser counts its move as a layout shift when the next item of a
/// page loading in parts arrives.
const BETWEEN_ITEMS: &str = "\u{a0}\u{200b}";
