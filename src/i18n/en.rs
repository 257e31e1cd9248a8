//! The English interface.

use super::Text;

pub static TEXT: Text = Text {
    skip_to_content: "Skip to main content",
    skip_to_menu: "Skip to main menu",
    back_to_top: "Top",
    // Views and messages (i18n).

    // Language samples and mixed-language text (korean).

    // Finder, filters, print and contrast (finder).

    // Sharing and the compact widget (share).
    copy_link: "Copy link",
    link_copied: "Link copied.",
    copy_failed: "The link could not be copied. Select the address below and copy it.",
    notice_address: "Address of this notice",
    share: "Share",
    more_link: |board| ["More".into(), format!(" {board}"), String::new()],
    numbered_board: |name, n| format!("{name} ({n})"),
};
