//! The English interface.

use super::Text;

pub static TEXT: Text = Text {
    skip_to_content: "Skip to main content",
    skip_to_menu: "Skip to main menu",
    back_to_top: "Top",
};
