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
    /// The narrow-screen disclosure that holds the category, year and sort drop-downs.
    pub filters: &'static str,
    /// The same, with the number of filters in force: "Filters (2 active)".
    pub filters_active: fn(usize) -> String,
    /// Printed under a notice, before its full address.
    pub notice_address: &'static str,
    // Sharing and the compact widget (share).
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
            ("filters", text.filters),
            ("notice_address", text.notice_address),
            // Sharing and the compact widget (share).
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
    fn the_filters_disclosure_counts_the_filters_in_force() {
        assert_eq!((Locale::En.text().filters_active)(2), "Filters (2 active)");
        assert_eq!((Locale::Ko.text().filters_active)(2), "필터 (2개 적용)");
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
