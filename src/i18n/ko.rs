//! The Korean interface, in the words of Korean government sites (KRDS).

use super::Text;

pub static TEXT: Text = Text {
    skip_to_content: "본문 바로가기",
    skip_to_menu: "주메뉴 바로가기",
    back_to_top: "맨 위로",
    // Views and messages (i18n).

    // Language samples and mixed-language text (korean).

    // Finder, filters, print and contrast (finder).
    filters: "필터",
    filters_active: |count| format!("필터 ({count}개 적용)"),
    notice_address: "게시물 주소",
    // Sharing and the compact widget (share).
};
