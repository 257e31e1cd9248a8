//! The Korean interface, in the words of Korean government sites (KRDS).

use super::Text;

pub static TEXT: Text = Text {
    skip_to_content: "본문 바로가기",
    skip_to_menu: "주메뉴 바로가기",
    back_to_top: "맨 위로",
    // Views and messages (i18n).

    // Language samples and mixed-language text (korean).

    // Finder, filters, print and contrast (finder).

    // Sharing and the compact widget (share).
    copy_link: "링크 복사",
    link_copied: "링크가 복사되었습니다.",
    copy_failed: "링크를 복사하지 못했습니다. 아래 주소를 선택해 복사해 주세요.",
    notice_address: "게시물 주소",
    share: "공유하기",
    more_link: |board| [String::new(), format!("{board} "), "더보기".into()],
    numbered_board: |name, n| format!("{name} ({n})"),
};
