//! Reusable pieces of the page chrome and the board's own links.

mod active_filters;
mod app_link;
mod back_to_top;
mod breadcrumb;
mod breakable;
mod finder;
mod heading;
mod meta_list;
mod mixed_text;
mod pagination;
mod printed_address;
mod rich_body;
mod row_meta;
mod share_links;
mod site_footer;
mod site_header;
mod skip_links;

pub use active_filters::ActiveFilters;
pub use app_link::AppLink;
pub use back_to_top::BackToTop;
pub use breadcrumb::Breadcrumb;
pub use breakable::breakable;
pub use finder::Finder;
pub use heading::Heading;
pub use meta_list::MetaList;
pub use mixed_text::MixedText;
pub use pagination::Pagination;
pub use printed_address::{NoticeAddress, PrintedAddress};
pub use rich_body::RichBody;
pub use row_meta::RowMeta;
pub use share_links::ShareLinks;
pub use site_footer::SiteFooter;
pub use site_header::SiteHeader;
pub use skip_links::SkipLinks;

use leptos::prelude::*;

/// The board's interface text, in the board's language (from the context the app provides).
/// Read inside a closure it follows the language, which is known once the data file is read.
pub fn text() -> &'static notice_core::i18n::Text {
    use_context::<Memo<notice_core::i18n::Locale>>()
        .map(|locale| locale.get())
        .unwrap_or_default()
        .text()
}
