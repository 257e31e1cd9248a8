//! Every word the board itself writes (labels, buttons, announcements, page titles,
//! screen-reader labels), one catalogue per interface language. Views never hold text of
//! their own: they read it from [`Text`].
//!
//! A catalogue is a value of [`Text`], so a catalogue that lacks a key does not compile.
//! To add a language: write a catalogue like `ko.rs` and name it in [`Locale`].

pub(crate) mod en;
pub(crate) mod ko;
mod problems;

pub use crate::date::DateStyle;
use crate::listing::Sort;
use crate::Date;

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
    /// The language tag of this catalogue's text (`lang` where it meets text in another).
    pub lang: &'static str,
    /// A board's interface text names its dates this way unless `board.dateStyle` says otherwise.
    pub default_date_style: DateStyle,
    /// A long date: `12 July 2026`, `2026년 7월 12일`.
    pub long_date: fn(year: u16, month: u8, day: u8) -> String,
    // The page chrome.
    pub main_menu: &'static str,
    pub breadcrumb: &'static str,
    pub footer_note: &'static str,
    // Page titles.
    pub loading_title: &'static str,
    pub error_title: &'static str,
    pub not_found: &'static str,
    /// `Search results for “q”`.
    pub search_title: fn(query: &str) -> String,
    /// Names the filters of a filtered list: `Category: Safety, Year: 2024`.
    pub filters_title: fn(filters: &[String]) -> String,
    /// ` (page 2 of 4)`.
    pub page_of: fn(page: usize, pages: usize) -> String,
    // The list: counts and status messages.
    pub loading_notices: &'static str,
    /// `1 notice`, `32 notices`.
    pub count_notices: fn(count: usize) -> String,
    /// The whole result on one page; `searched` when a search narrowed it.
    pub showing: fn(total: usize, searched: bool) -> String,
    /// One page of a longer result: `Showing 11–20 of 245 notices.`
    pub showing_range: fn(first: usize, last: usize, total: usize, searched: bool) -> String,
    pub no_notices_yet: &'static str,
    pub no_match_filters: &'static str,
    /// Nothing matches the search, with or without the filters.
    pub no_match_search: fn(query: &str) -> String,
    /// The search matches `matches` notices, but the filters exclude them all.
    pub filters_exclude: fn(query: &str, matches: usize) -> String,
    /// Said before the count when the person changes the order.
    pub sorted_by: fn(sort: Sort) -> String,
    /// Added to the count: ` 2 notices could not be shown.`
    pub skipped_status: fn(count: usize) -> String,
    pub clear_search: &'static str,
    pub remove_filters: &'static str,
    pub subscribe: &'static str,
    pub subscribe_hint: &'static str,
    /// The feed's name in the page head: `News & Notices (Atom feed)`.
    pub feed_title: fn(board: &str) -> String,
    /// A list page's description: its board, site and newest titles.
    pub list_description: fn(board: &str, site: &str, titles: &str) -> String,
    pub pinned: &'static str,
    pub new: &'static str,
    /// Read (visually hidden) between a marker and the title, so that they are not run
    /// together. It ends with the space before the title: the row has no space of its own
    /// there (`src/views/list.rs`).
    pub marker_pause: &'static str,
    // The finder.
    /// The search form's name: `Search News & Notices`.
    pub search_board: fn(board: &str) -> String,
    pub search_label: &'static str,
    pub search_button: &'static str,
    pub category: &'static str,
    pub all_categories: &'static str,
    pub year: &'static str,
    pub all_years: &'static str,
    pub sort_by: &'static str,
    pub sort_newest: &'static str,
    pub sort_oldest: &'static str,
    pub sort_most_read: &'static str,
    // Active filters.
    pub active_filters: &'static str,
    /// Visually hidden, before and after a filter's name on the link that removes it (one
    /// of the two may be empty: languages put the verb on either side).
    pub remove_before: &'static str,
    pub remove_after: &'static str,
    pub filter_search: fn(query: &str) -> String,
    pub filter_category: fn(label: &str) -> String,
    pub filter_year: fn(year: u16) -> String,
    pub clear_filters: &'static str,
    // Pagination.
    pub pagination: &'static str,
    /// In a widget, named after its board: `Pagination: News & Notices`.
    pub pagination_of: fn(board: &str) -> String,
    pub previous: &'static str,
    pub next: &'static str,
    /// Visually hidden after Previous and Next: ` page`.
    pub page_suffix: &'static str,
    pub page_number: fn(page: usize) -> String,
    /// The current page's link name (English screen readers say "current page" for
    /// `aria-current`; Korean ones do not all do it).
    pub current_page: fn(page: usize) -> String,
    // A notice.
    pub date: &'static str,
    pub reads: &'static str,
    pub previous_notice: &'static str,
    pub next_notice: &'static str,
    pub notice_pager: &'static str,
    pub back_to_list: &'static str,
    pub attachments: &'static str,
    /// An attachment kept on another site: `on law.go.kr` (`None`: a site with no name).
    pub off_site: fn(host: Option<&str>) -> String,
    /// A file size under a kilobyte: `512 bytes`.
    pub bytes: fn(count: u64) -> String,
    pub opens_in_new_tab: &'static str,
    pub table: &'static str,
    // Not found.
    pub not_found_body: fn(id: &str) -> String,
    pub see_all_notices: &'static str,
    // Errors.
    pub error_heading: &'static str,
    pub try_again: &'static str,
    pub details_for_team: &'static str,
    /// `The notices could not be loaded because {reason}.`
    pub load_failed: fn(reason: &str) -> String,
    pub reason_not_found: &'static str,
    pub reason_server: &'static str,
    pub reason_refused: &'static str,
    pub reason_unreachable: &'static str,
    pub reason_too_large: &'static str,
    pub reason_damaged: &'static str,
    pub reason_wrong_format: &'static str,
    pub reason_none_readable: &'static str,
    pub advice_network: &'static str,
    pub advice_soon: &'static str,
    pub advice_later: &'static str,
    // The "could not be shown" report, for editors.
    pub skipped_summary: fn(count: usize) -> String,
    pub board_settings_errors: &'static str,
    /// `… and 12 more: “notices validate” lists every problem.`
    pub more_problems: fn(more: &str) -> String,
    /// Where a problem is: `Board settings`, `Notice 3 (id “63605”)`.
    pub problem_board: &'static str,
    pub problem_notice: fn(position: usize, id: Option<&str>) -> String,
    /// `, field “date”: ` before the parser's message (which stays in English).
    pub problem_field: fn(field: &str) -> String,
    // Language samples and mixed-language text (korean).

    // Finder, filters, print and contrast (finder).
    /// The narrow-screen disclosure that holds the category, year and sort drop-downs.
    pub filters: &'static str,
    /// The same, with the number of filters in force: "Filters (2 active)".
    pub filters_active: fn(usize) -> String,
    /// Printed under a notice, before its full address.
    pub notice_address: &'static str,
    // Sharing and the compact widget (share).
    /// The button that copies a notice's address.
    pub copy_link: &'static str,
    /// Said (and shown next to the button) once the address is on the clipboard.
    pub link_copied: &'static str,
    /// When the browser refuses the clipboard: the address is shown, selected, below it.
    pub copy_failed: &'static str,
    // (The address field is labelled with `notice_address`, as on paper.)
    /// The button that opens the device's share sheet.
    pub share: &'static str,
    /// The compact widget's link to the full board, around the board's name (which screen
    /// readers read, and which is hidden on screen): `[visible before, hidden, visible after]`.
    pub more_link: fn(board: &str) -> [String; 3],
    /// A board's landmark name when an earlier board on the page has the same one (`n` ≥ 2).
    pub numbered_board: fn(name: &str, n: usize) -> String,
}

impl Text {
    /// A date as people read it, in the board's date style or else the language's.
    pub fn date(&self, date: &Date, style: Option<DateStyle>) -> String {
        match style.unwrap_or(self.default_date_style) {
            DateStyle::Dotted => date.dotted(),
            DateStyle::Long => (self.long_date)(date.year, date.month, date.day),
        }
    }

    /// The name of a sort order in the sort menu.
    pub fn sort(&self, sort: Sort) -> &'static str {
        match sort {
            Sort::Newest => self.sort_newest,
            Sort::Oldest => self.sort_oldest,
            Sort::MostRead => self.sort_most_read,
        }
    }
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
            ("lang", text.lang),
            ("main_menu", text.main_menu),
            ("breadcrumb", text.breadcrumb),
            ("footer_note", text.footer_note),
            ("loading_title", text.loading_title),
            ("error_title", text.error_title),
            ("not_found", text.not_found),
            ("loading_notices", text.loading_notices),
            ("no_notices_yet", text.no_notices_yet),
            ("no_match_filters", text.no_match_filters),
            ("clear_search", text.clear_search),
            ("remove_filters", text.remove_filters),
            ("subscribe", text.subscribe),
            ("subscribe_hint", text.subscribe_hint),
            ("pinned", text.pinned),
            ("new", text.new),
            ("marker_pause", text.marker_pause),
            ("search_label", text.search_label),
            ("search_button", text.search_button),
            ("category", text.category),
            ("all_categories", text.all_categories),
            ("year", text.year),
            ("all_years", text.all_years),
            ("sort_by", text.sort_by),
            ("sort_newest", text.sort_newest),
            ("sort_oldest", text.sort_oldest),
            ("sort_most_read", text.sort_most_read),
            ("active_filters", text.active_filters),
            ("clear_filters", text.clear_filters),
            ("pagination", text.pagination),
            ("previous", text.previous),
            ("next", text.next),
            ("page_suffix", text.page_suffix),
            ("date", text.date),
            ("reads", text.reads),
            ("previous_notice", text.previous_notice),
            ("next_notice", text.next_notice),
            ("notice_pager", text.notice_pager),
            ("back_to_list", text.back_to_list),
            ("attachments", text.attachments),
            ("opens_in_new_tab", text.opens_in_new_tab),
            ("table", text.table),
            ("see_all_notices", text.see_all_notices),
            ("error_heading", text.error_heading),
            ("try_again", text.try_again),
            ("details_for_team", text.details_for_team),
            ("reason_not_found", text.reason_not_found),
            ("reason_server", text.reason_server),
            ("reason_refused", text.reason_refused),
            ("reason_unreachable", text.reason_unreachable),
            ("reason_too_large", text.reason_too_large),
            ("reason_damaged", text.reason_damaged),
            ("reason_wrong_format", text.reason_wrong_format),
            ("reason_none_readable", text.reason_none_readable),
            ("advice_network", text.advice_network),
            ("advice_soon", text.advice_soon),
            ("advice_later", text.advice_later),
            ("board_settings_errors", text.board_settings_errors),
            ("problem_board", text.problem_board),
            // Language samples and mixed-language text (korean).
            // Finder, filters, print and contrast (finder).
            ("filters", text.filters),
            ("notice_address", text.notice_address),
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

    /// Every text made from numbers or names has them in it, in every language: a
    /// translation cannot drop the count it is meant to say.
    #[test]
    fn every_text_with_numbers_or_names_says_them() {
        for locale in Locale::ALL {
            let text = locale.text();
            let has = |made: String, parts: &[&str], key: &str| {
                assert!(!made.trim().is_empty(), "{locale:?}: {key} is empty");
                for part in parts {
                    assert!(
                        made.contains(part),
                        "{locale:?}: {key} = {made:?} lacks {part:?}"
                    );
                }
            };
            has((text.long_date)(2026, 7, 12), &["2026", "12"], "long_date");
            has((text.search_title)("drill"), &["drill"], "search_title");
            has(
                (text.filters_title)(&["A1".into(), "B2".into()]),
                &["A1", "B2"],
                "filters_title",
            );
            has((text.page_of)(2, 34), &["2", "34"], "page_of");
            has((text.count_notices)(1234), &["1,234"], "count_notices");
            for searched in [false, true] {
                has((text.showing)(1234, searched), &["1,234"], "showing");
                has(
                    (text.showing_range)(11, 20, 245, searched),
                    &["11", "20", "245"],
                    "showing_range",
                );
            }
            has(
                (text.no_match_search)("drill"),
                &["drill"],
                "no_match_search",
            );
            has(
                (text.filters_exclude)("drill", 37),
                &["drill", "37"],
                "filters_exclude",
            );
            // The order is named as the sort control names it (in a sentence, in lower case).
            for sort in Sort::ALL {
                let said = (text.sorted_by)(sort).to_lowercase();
                has(said, &[&text.sort(sort).to_lowercase()], "sorted_by");
            }
            has((text.skipped_status)(37), &["37"], "skipped_status");
            has((text.feed_title)("Board X"), &["Board X"], "feed_title");
            has(
                (text.list_description)("Board X", "Site Y", "T1; T2"),
                &["Board X", "Site Y", "T1; T2"],
                "list_description",
            );
            has((text.search_board)("Board X"), &["Board X"], "search_board");
            has((text.filter_search)("drill"), &["drill"], "filter_search");
            has(
                (text.filter_category)("Safety"),
                &["Safety", text.category],
                "filter_category",
            );
            has(
                (text.filter_year)(2024),
                &["2024", text.year],
                "filter_year",
            );
            has(
                (text.pagination_of)("Board X"),
                &["Board X"],
                "pagination_of",
            );
            has((text.page_number)(37), &["37"], "page_number");
            has((text.current_page)(37), &["37"], "current_page");
            has(
                (text.off_site)(Some("law.go.kr")),
                &["law.go.kr"],
                "off_site",
            );
            has((text.off_site)(None), &[], "off_site");
            has((text.bytes)(512), &["512"], "bytes");
            has((text.not_found_body)("n-99"), &["n-99"], "not_found_body");
            has((text.load_failed)("REASON"), &["REASON"], "load_failed");
            has((text.skipped_summary)(37), &["37"], "skipped_summary");
            has((text.more_problems)("1,234"), &["1,234"], "more_problems");
            has(
                (text.problem_notice)(3, Some("n-99")),
                &["3", "n-99"],
                "problem_notice",
            );
            has((text.problem_notice)(3, None), &["3"], "problem_notice");
            has((text.problem_field)("date"), &["date"], "problem_field");
            assert!(
                !format!("{}{}", text.remove_before, text.remove_after)
                    .trim()
                    .is_empty(),
                "{locale:?}: a filter chip must say it removes the filter"
            );
        }
    }

    /// The Korean interface says what Korean government boards say (KRDS).
    #[test]
    fn the_korean_interface_uses_the_words_of_korean_boards() {
        let ko = Locale::Ko.text();
        assert_eq!(ko.reads, "조회");
        assert_eq!((ko.previous, ko.next), ("이전", "다음"));
        assert!((ko.current_page)(3).contains("현재 페이지"));
        assert_eq!(ko.back_to_list, "목록");
        assert_eq!(ko.attachments, "첨부파일");
        assert_eq!(ko.search_label, "검색어");
        assert_eq!((ko.showing)(12, true), "검색 결과 12건");
        assert_eq!(ko.back_to_top, "맨 위로");
        let date = Date::parse("2026-07-12").unwrap();
        assert_eq!(ko.date(&date, None), "2026.07.12");
    }

    #[test]
    fn the_filters_disclosure_counts_the_filters_in_force() {
        assert_eq!((Locale::En.text().filters_active)(2), "Filters (2 active)");
        assert_eq!((Locale::Ko.text().filters_active)(2), "필터 (2개 적용)");
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
