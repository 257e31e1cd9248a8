//! The English interface.

use super::{DateStyle, Text};
use crate::format::thousands;
use crate::listing::Sort;

pub static TEXT: Text = Text {
    skip_to_content: "Skip to main content",
    skip_to_menu: "Skip to main menu",
    back_to_top: "Top",
    // Views and messages (i18n).
    lang: "en",
    default_date_style: DateStyle::Long,
    long_date: |year, month, day| format!("{day} {} {year}", MONTHS[usize::from(month.clamp(1, 12)) - 1]),
    main_menu: "Main menu",
    breadcrumb: "Breadcrumb",
    footer_note: "Notices are published by the ministry. For questions about a notice, contact the department named in it.",
    loading_title: "Loading",
    error_title: "Error: notices could not be loaded",
    not_found: "Notice not found",
    search_title: |query| format!("Search results for “{query}”"),
    filters_title: |filters| filters.join(", "),
    page_of: |page, pages| format!(" (page {page} of {pages})"),
    loading_notices: "Loading notices…",
    count_notices: |count| match count {
        0 => "No notices".into(),
        1 => "1 notice".into(),
        n => format!("{} notices", thousands(n as u64)),
    },
    showing: |total, _| format!("Showing {}.", (TEXT.count_notices)(total)),
    showing_range: |first, last, total, _| {
        format!(
            "Showing {}–{} of {}.",
            thousands(first as u64),
            thousands(last as u64),
            (TEXT.count_notices)(total)
        )
    },
    no_notices_yet: "There are no notices yet.",
    no_match_filters: "No notices match these filters.",
    no_match_search: |query| format!("No notices match “{query}”."),
    filters_exclude: |query, matches| {
        format!(
            "{} “{query}”, but not with these filters.",
            match matches {
                1 => "1 notice matches".to_string(),
                n => format!("{} notices match", thousands(n as u64)),
            }
        )
    },
    sorted_by: |sort| {
        let order = match sort {
            Sort::Newest => "newest first",
            Sort::Oldest => "oldest first",
            Sort::MostRead => "most read",
        };
        format!("Sorted by {order}.")
    },
    skipped_status: |count| format!(" {} could not be shown.", (TEXT.count_notices)(count)),
    clear_search: "Clear the search",
    remove_filters: "Remove the filters",
    subscribe: "Subscribe to new notices",
    subscribe_hint: " (Atom feed, for a feed reader)",
    feed_title: |board| format!("{board} (Atom feed)"),
    list_description: |board, site, titles| format!("{board} from {site}: {titles}"),
    pinned: "Pinned",
    new: "New",
    marker_pause: ", ",
    search_board: |board| format!("Search {board}"),
    search_label: "Search notices",
    search_button: "Search",
    category: "Category",
    all_categories: "All categories",
    year: "Year",
    all_years: "All years",
    sort_by: "Sort by",
    sort_newest: "Newest first",
    sort_oldest: "Oldest first",
    sort_most_read: "Most read",
    active_filters: "Active filters",
    remove_before: "Remove ",
    remove_after: "",
    filter_search: |query| format!("Search: {query}"),
    filter_category: |label| format!("Category: {label}"),
    filter_year: |year| format!("Year: {year}"),
    clear_filters: "Clear all filters",
    pagination: "Pagination",
    pagination_of: |board| format!("Pagination: {board}"),
    previous: "Previous",
    next: "Next",
    page_suffix: " page",
    page_number: |page| format!("Page {page}"),
    current_page: |page| format!("Page {page}"),
    date: "Date",
    reads: "Read",
    previous_notice: "Previous notice",
    next_notice: "Next notice",
    notice_pager: "Previous and next notices",
    back_to_list: "Back to list",
    attachments: "Attachments",
    off_site: |host| format!("on {}", host.unwrap_or("another site")),
    bytes: |count| match count {
        1 => "1 byte".into(),
        n => format!("{n} bytes"),
    },
    opens_in_new_tab: " (opens in a new tab)",
    table: "Table",
    not_found_body: |id| {
        format!("There is no notice with the id “{id}”. It may have been removed, or the link may have been copied incompletely.")
    },
    see_all_notices: "See all notices",
    error_heading: "Sorry, the notices could not be loaded",
    try_again: "Try again",
    details_for_team: "Details for the web team",
    load_failed: |reason| format!("The notices could not be loaded because {reason}."),
    reason_not_found: "the notices file was not found",
    reason_server: "the server had a problem",
    reason_refused: "the server refused the request",
    reason_unreachable: "the server could not be reached",
    reason_too_large: "the notices file is too large for this page",
    reason_damaged: "the notices file is damaged",
    reason_wrong_format: "the notices file is in a format this page does not read",
    reason_none_readable: "none of the notices in the file could be read",
    advice_network: "Check your internet connection, then try again.",
    advice_soon: "Please try again in a few minutes.",
    advice_later: "Please try again later. If the problem continues, the ministry's web team has been given the details below.",
    skipped_summary: |count| {
        format!("{} could not be shown because of errors in the data file", (TEXT.count_notices)(count))
    },
    board_settings_errors: "The data file has errors in its board settings",
    more_problems: |more| {
        format!("… and {more} more: “notices validate” lists every problem with its line in the file.")
    },
    problem_board: "Board settings",
    problem_notice: |position, id| match id {
        Some(id) => format!("Notice {position} (id “{id}”)"),
        None => format!("Notice {position}"),
    },
    problem_field: |field| format!(", field “{field}”: "),

    // Language samples and mixed-language text (korean).

    // Finder, filters, print and contrast (finder).
    filters: "Filters",
    filters_active: |count| format!("Filters ({count} active)"),
    notice_address: "Address of this notice",
    // Sharing and the compact widget (share).
    copy_link: "Copy link",
    link_copied: "Link copied.",
    copy_failed: "The link could not be copied. Select the address below and copy it.",
    share: "Share",
    more_link: |board| ["More".into(), format!(" {board}"), String::new()],
    numbered_board: |name, n| format!("{name} ({n})"),
};

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
