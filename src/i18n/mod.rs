//! Every word the board itself writes (labels, buttons, announcements, page titles,
//! screen-reader labels), one catalogue per interface language. Views never hold text of
//! their own: they read it from [`Text`].
//!
//! A catalogue is a value of [`Text`], so a catalogue that lacks a key does not compile.
//! To add a language: write a catalogue like `ko.rs` and name it in [`Locale`].

mod en;
mod ko;

/// An interface language.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Locale {
    #[default]
    En,
    Ko,
}

impl Locale {
    pub const ALL: [Locale; 2] = [Locale::En, Locale::Ko];

    /// The interface language for a board's language tag (BCP 47): Korean for `ko` and its
    /// regional forms (`ko-KR`), English for everything else.
    pub fn for_tag(tag: &str) -> Locale {
        let primary = tag.split(['-', '_']).next().unwrap_or_default();
        if primary.eq_ignore_ascii_case("ko") {
            Locale::Ko
        } else {
            Locale::En
        }
    }

    /// The tag written in `lang` attributes for the board's own text.
    pub fn tag(self) -> &'static str {
        match self {
            Locale::En => "en",
            Locale::Ko => "ko",
        }
    }

    pub fn text(self) -> &'static Text {
        match self {
            Locale::En => &en::TEXT,
            Locale::Ko => &ko::TEXT,
        }
    }
}

/// One field per thing the board says. Fixed texts are `&'static str`; texts with numbers
/// or names in them are functions, so that each language orders the words its own way.
pub struct Text {
    // Page chrome.
    pub skip_to_content: &'static str,
    pub skip_to_menu: &'static str,
    pub back_to_top: &'static str,
    // Views and messages (i18n).

    // Language samples and mixed-language text (korean).

    // Finder, filters, print and contrast (finder).

    // Sharing and the compact widget (share).
    /// The button that copies a notice's address.
    pub copy_link: &'static str,
    /// Said (and shown next to the button) once the address is on the clipboard.
    pub link_copied: &'static str,
    /// When the browser refuses the clipboard: the address is shown, selected, below it.
    pub copy_failed: &'static str,
    /// The label of that address field.
    pub notice_address: &'static str,
    /// The button that opens the device's share sheet.
    pub share: &'static str,
    /// The compact widget's link to the full board, around the board's name (which screen
    /// readers read, and which is hidden on screen): `[visible before, hidden, visible after]`.
    pub more_link: fn(board: &str) -> [String; 3],
    /// A board's landmark name when an earlier board on the page has the same one (`n` ≥ 2).
    pub numbered_board: fn(name: &str, n: usize) -> String,
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every text of every catalogue, to check them all alike.
    fn fixed_texts(text: &Text) -> Vec<(&'static str, &'static str)> {
        vec![
            ("skip_to_content", text.skip_to_content),
            ("skip_to_menu", text.skip_to_menu),
            ("back_to_top", text.back_to_top),
            // Views and messages (i18n).
            // Language samples and mixed-language text (korean).
            // Finder, filters, print and contrast (finder).
            // Sharing and the compact widget (share).
            ("copy_link", text.copy_link),
            ("link_copied", text.link_copied),
            ("copy_failed", text.copy_failed),
            ("notice_address", text.notice_address),
            ("share", text.share),
        ]
    }

    #[test]
    fn no_catalogue_leaves_a_text_empty() {
        for locale in Locale::ALL {
            for (key, value) in fixed_texts(locale.text()) {
                assert!(!value.trim().is_empty(), "{locale:?} has no text for {key}");
            }
        }
    }

    #[test]
    fn the_more_link_says_more_and_names_the_board() {
        for (locale, more) in [(Locale::En, "More"), (Locale::Ko, "더보기")] {
            let [before, hidden, after] = (locale.text().more_link)("Notices");
            assert!(format!("{before}{after}").contains(more), "{locale:?}");
            assert!(hidden.contains("Notices"), "{locale:?}");
            let name = format!("{before}{hidden}{after}");
            assert!(
                !name.contains("  ") && name.trim() == name,
                "{locale:?}: {name:?}"
            );
        }
    }

    #[test]
    fn numbered_boards_keep_their_name_and_differ() {
        for locale in Locale::ALL {
            let numbered = (locale.text().numbered_board)("공지사항", 2);
            assert!(
                numbered.contains("공지사항") && numbered.contains('2'),
                "{locale:?}"
            );
        }
    }

    #[test]
    fn korean_boards_get_the_korean_interface_and_others_english() {
        assert_eq!(Locale::for_tag("ko"), Locale::Ko);
        assert_eq!(Locale::for_tag("ko-KR"), Locale::Ko);
        assert_eq!(Locale::for_tag("KO"), Locale::Ko);
        assert_eq!(Locale::for_tag("en"), Locale::En);
        assert_eq!(Locale::for_tag("kok"), Locale::En);
        assert_eq!(Locale::for_tag("fr"), Locale::En);
        assert_eq!(Locale::for_tag(""), Locale::En);
    }
}
