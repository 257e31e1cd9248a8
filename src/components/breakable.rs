use leptos::prelude::*;
use notice_core::format::unbroken_pieces;

/// Text from the data, with a line-break opportunity (`<wbr>`) inside any very long run
/// without whitespace: browsers take time growing with the square of a word's length to lay
/// it out (see [`unbroken_pieces`]). Ordinary text stays one text node.
pub fn breakable(text: &str) -> AnyView {
    let pieces = unbroken_pieces(text);
    if pieces.len() == 1 {
        return text.to_string().into_any();
    }
    pieces
        .into_iter()
        .enumerate()
        .map(|(index, piece)| view! { {(index > 0).then(|| view! { <wbr /> })}{piece.to_string()} })
        .collect_view()
        .into_any()
}
