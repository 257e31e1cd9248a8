//! Names for the landmarks of the boards on one page (a widget's region and every board's
//! search form): two departments' boards titled alike must still be told apart. A board is
//! named by its host (`data-label`) or else by its title; a board whose name an earlier
//! board on the page already has gets a number: "공지사항", "공지사항 (2)".

use leptos::prelude::*;

thread_local! {
    /// Each widget's own name, by its place on the page (`None` until it is known).
    static NAMES: ArcRwSignal<Vec<Option<String>>> = ArcRwSignal::new(Vec::new());
}

/// Which of the boards named `own` this one is (1 for the first on the page): one more than
/// the earlier boards with the same name.
pub fn number_among(names: &[Option<String>], place: usize, own: &str) -> usize {
    1 + names
        .iter()
        .take(place)
        .filter(|name| name.as_deref() == Some(own))
        .count()
}

/// The name of the board at `place` among the page's widgets, whose own name is `own`:
/// registered for the other boards (in the browser only: an effect) and numbered if an
/// earlier board has it too.
pub fn distinct_name(place: usize, own: Signal<String>) -> Signal<String> {
    let names = NAMES.with(Clone::clone);
    let locale = use_context::<Memo<notice_core::i18n::Locale>>();
    let register = names.clone();
    Effect::new(move || {
        let own = own.get();
        register.update(|names| {
            if names.len() <= place {
                names.resize(place + 1, None);
            }
            names[place] = Some(own);
        });
    });
    Signal::derive(move || {
        let own = own.get();
        match number_among(&names.read(), place, &own) {
            1 => own,
            n => {
                let text = locale.map(|l| l.get()).unwrap_or_default().text();
                (text.numbered_board)(&own, n)
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(list: &[&str]) -> Vec<Option<String>> {
        list.iter().map(|name| Some(name.to_string())).collect()
    }

    #[test]
    fn the_first_board_of_a_name_keeps_it_and_later_ones_are_numbered() {
        let page = names(&["공지사항", "보도자료", "공지사항", "공지사항"]);
        assert_eq!(number_among(&page, 0, "공지사항"), 1);
        assert_eq!(number_among(&page, 1, "보도자료"), 1);
        assert_eq!(number_among(&page, 2, "공지사항"), 2);
        assert_eq!(number_among(&page, 3, "공지사항"), 3);
    }

    #[test]
    fn boards_not_loaded_yet_do_not_count() {
        let page = vec![None, Some("공지사항".to_string())];
        assert_eq!(number_among(&page, 1, "공지사항"), 1);
    }
}
