//! The Korean interface, in the words of Korean government sites (KRDS).

use super::{DateStyle, Text};
use crate::format::thousands;
use crate::listing::Sort;

pub static TEXT: Text = Text {
    skip_to_content: "본문 바로가기",
    skip_to_menu: "주메뉴 바로가기",
    back_to_top: "맨 위로",
    // Views and messages (i18n).
    lang: "ko",
    default_date_style: DateStyle::Dotted,
    long_date: |year, month, day| format!("{year}년 {month}월 {day}일"),
    main_menu: "주메뉴",
    breadcrumb: "현재 위치",
    footer_note: "공지사항은 각 담당 부서에서 게시합니다. 공지 내용에 관한 문의는 해당 공지에 적힌 부서로 해 주십시오.",
    loading_title: "불러오는 중",
    error_title: "오류: 공지사항을 불러오지 못했습니다",
    not_found: "공지사항을 찾을 수 없습니다",
    search_title: |query| format!("“{query}” 검색 결과"),
    filters_title: |filters| filters.join(", "),
    page_of: |page, pages| format!(" ({pages}쪽 중 {page}쪽)"),
    loading_notices: "공지사항을 불러오는 중입니다.",
    count_notices: |count| format!("공지사항 {}건", thousands(count as u64)),
    showing: |total, searched| format!("{} {}건", whole(searched), thousands(total as u64)),
    showing_range: |first, last, total, searched| {
        format!(
            "{} {}건 중 {}–{}번째",
            whole(searched),
            thousands(total as u64),
            thousands(first as u64),
            thousands(last as u64)
        )
    },
    no_notices_yet: "등록된 공지사항이 없습니다.",
    no_match_filters: "조건에 맞는 공지사항이 없습니다.",
    no_match_search: |query| format!("“{query}”에 대한 검색 결과가 없습니다."),
    filters_exclude: |query, matches| {
        format!(
            "“{query}” 검색 결과 {}건이 있으나, 선택한 조건에 맞는 공지사항은 없습니다.",
            thousands(matches as u64)
        )
    },
    sorted_by: |sort| {
        let order = match sort {
            Sort::Newest => "최신순",
            Sort::Oldest => "오래된순",
            Sort::MostRead => "조회순",
        };
        format!("{order}으로 정렬했습니다.")
    },
    skipped_status: |count| format!(" {}을 표시하지 못했습니다.", (TEXT.count_notices)(count)),
    clear_search: "검색어 지우기",
    remove_filters: "조건 해제",
    subscribe: "새 공지사항 구독",
    subscribe_hint: " (Atom 피드, 피드 리더에서 구독)",
    feed_title: |board| format!("{board} (Atom 피드)"),
    list_description: |board, site, titles| format!("{site} {board}: {titles}"),
    pinned: "공지",
    new: "새 글",
    marker_pause: ", ",
    search_board: |board| format!("{board} 검색"),
    search_label: "검색어",
    search_button: "검색",
    category: "분류",
    all_categories: "전체 분류",
    year: "연도",
    all_years: "전체 연도",
    sort_by: "정렬",
    sort_newest: "최신순",
    sort_oldest: "오래된순",
    sort_most_read: "조회순",
    active_filters: "적용된 검색 조건",
    remove_before: "",
    remove_after: " 해제",
    filter_search: |query| format!("검색어: {query}"),
    filter_category: |label| format!("분류: {label}"),
    filter_year: |year| format!("연도: {year}"),
    clear_filters: "조건 모두 해제",
    pagination: "페이지 이동",
    pagination_of: |board| format!("{board} 페이지 이동"),
    previous: "이전",
    next: "다음",
    page_suffix: " 페이지",
    // Spaced as the spelling rules write a unit after a number, and so that the link's
    // visible number is a word of its name (WCAG 2.5.3).
    page_number: |page| format!("{page} 페이지"),
    current_page: |page| format!("{page} 페이지, 현재 페이지"),
    date: "등록일",
    reads: "조회",
    previous_notice: "이전 글",
    next_notice: "다음 글",
    notice_pager: "이전 글, 다음 글",
    back_to_list: "목록",
    attachments: "첨부파일",
    off_site: |host| match host {
        Some(host) => format!("외부 사이트 {host}"),
        None => "외부 사이트".into(),
    },
    bytes: |count| format!("{count}바이트"),
    opens_in_new_tab: " (새 창 열림)",
    table: "표",
    not_found_body: |id| {
        format!("번호가 “{id}”인 공지사항이 없습니다. 삭제되었거나 주소가 일부만 복사되었을 수 있습니다.")
    },
    see_all_notices: "공지사항 목록 보기",
    error_heading: "죄송합니다. 공지사항을 불러오지 못했습니다",
    try_again: "다시 시도",
    details_for_team: "누리집 담당자용 상세 정보",
    load_failed: |reason| format!("{reason} 공지사항을 불러오지 못했습니다."),
    reason_not_found: "공지사항 파일을 찾을 수 없어",
    reason_server: "서버에 문제가 있어",
    reason_refused: "서버가 요청을 거부하여",
    reason_unreachable: "서버에 연결할 수 없어",
    reason_too_large: "공지사항 파일이 이 페이지에서 읽기에는 너무 커서",
    reason_damaged: "공지사항 파일이 손상되어",
    reason_wrong_format: "공지사항 파일이 이 페이지에서 읽을 수 없는 형식이어서",
    reason_none_readable: "파일에 있는 공지사항을 하나도 읽을 수 없어",
    advice_network: "인터넷 연결을 확인한 뒤 다시 시도해 주십시오.",
    advice_soon: "잠시 후 다시 시도해 주십시오.",
    advice_later: "나중에 다시 시도해 주십시오. 문제가 계속되면 아래 상세 정보를 누리집 담당자에게 알려 주십시오.",
    skipped_summary: |count| {
        format!("데이터 파일의 오류로 {}을 표시하지 못했습니다", (TEXT.count_notices)(count))
    },
    board_settings_errors: "데이터 파일의 게시판 설정에 오류가 있습니다",
    more_problems: |more| {
        format!("… 외 {more}건: “notices validate” 명령으로 모든 문제와 파일의 해당 줄을 확인할 수 있습니다.")
    },
    problem_board: "게시판 설정",
    problem_notice: |position, id| match id {
        Some(id) => format!("{position}번째 공지사항(번호 “{id}”)"),
        None => format!("{position}번째 공지사항"),
    },
    problem_field: |field| format!(", “{field}” 항목: "),

    // Language samples and mixed-language text (korean).

    // Finder, filters, print and contrast (finder).
    filters: "필터",
    filters_active: |count| format!("필터 ({count}개 적용)"),
    notice_address: "게시물 주소",
    // Sharing and the compact widget (share).
    copy_link: "링크 복사",
    link_copied: "링크가 복사되었습니다.",
    copy_failed: "링크를 복사하지 못했습니다. 아래 주소를 선택해 복사해 주세요.",
    share: "공유하기",
    more_link: |board| [String::new(), format!("{board} "), "더보기".into()],
    numbered_board: |name, n| format!("{name} ({n})"),
};

/// A count is of the whole board, or of a search's results.
fn whole(searched: bool) -> &'static str {
    if searched {
        "검색 결과"
    } else {
        "전체"
    }
}
