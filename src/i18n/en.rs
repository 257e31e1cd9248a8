//! The English interface.

use super::Text;

pub static TEXT: Text = Text {
    skip_to_content: "Skip to main content",
    skip_to_menu: "Skip to main menu",
    back_to_top: "Top",
    // Views and messages (i18n).

    // Language samples and mixed-language text (korean).

    // Finder, filters, print and contrast (finder).
    filters: "Filters",
    filters_active: |count| format!("Filters ({count} active)"),
    notice_address: "Address of this notice",
    // Sharing and the compact widget (share).
};
