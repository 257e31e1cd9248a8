use super::breakable;
use leptos::prelude::*;
use notice_core::language::{file_name_runs, language_runs, split_pieces};

/// A text from the data (a title, a file name) with each stretch in another language than
/// the element around it in its own `<span lang>` (WCAG 3.1.2, H58), and search matches,
/// when given, in `<mark>`; very long words get line-break opportunities ([`breakable`]). `own` is the notice's language, `around` the element's.
#[component]
pub fn MixedText(
    text: String,
    own: String,
    around: String,
    /// The text cut into `(piece, is_match)`, from the search highlighter.
    #[prop(optional)]
    marks: Option<Vec<(String, bool)>>,
    /// The text is a file name: its extension goes with the part before it.
    #[prop(optional)]
    file_name: bool,
) -> impl IntoView {
    let runs = match file_name {
        true => file_name_runs(&text, &own, &around),
        false => language_runs(&text, &own, &around),
    };
    let marks = marks.unwrap_or_else(|| vec![(text, false)]);
    split_pieces(&runs, &marks)
        .into_iter()
        .map(|(lang, pieces)| {
            let pieces = pieces
                .into_iter()
                .map(|(piece, is_match)| match is_match {
                    true => view! { <mark>{breakable(&piece)}</mark> }.into_any(),
                    false => breakable(&piece),
                })
                .collect_view();
            match lang {
                Some(lang) => view! { <span lang=lang>{pieces}</span> }.into_any(),
                None => pieces.into_any(),
            }
        })
        .collect_view()
}
