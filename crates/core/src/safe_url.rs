//! Links from the data file end up in `href`s: only schemes that cannot run code get through,
//! and each is written the way a browser reads it, so that what the board classifies (its
//! own page, or another site) is what the browser follows.

/// Returns the URL to put in an `href`, or `None` when it is unsafe or empty.
///
/// Allowed: relative URLs (`files/a.pdf`, `/eng/`, `?id=1`, `#top`), `http:`, `https:`,
/// `mailto:` and `tel:`. Everything else (`javascript:`, `data:`, `vbscript:`, unknown
/// schemes) is refused. Browsers ignore tabs and newlines inside URLs and leading and trailing
/// spaces/control characters, so the scheme is read the same way to defeat `java\tscript:`.
///
/// Web addresses and relative ones come back as the WHATWG URL parser reads them on an
/// `http(s)` page: `\` is `/` before the query (`\\evil.example/` and `/\evil.example/` are
/// `//evil.example/`, another site), and `http:` without `//` is followed by a host however
/// many slashes come first (`http:evil.example/` is `http://evil.example/`, as an `https`
/// page reads it; an `http` page would read it as a path, but the href written is the
/// absolute form, so both follow the same link). An address whose host is empty is refused.
pub fn safe_url(raw: &str) -> Option<String> {
    let url: String = raw
        .trim_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect();
    if url.is_empty() || url.chars().any(char::is_control) {
        return None;
    }
    // `\` ends a scheme as `/` does: `java\script:x` is a relative path in a browser.
    let scheme_end = url.find([':', '/', '\\', '?', '#']);
    let (prefix, rest) = match scheme_end {
        Some(end) if url[end..].starts_with(':') => {
            match url[..end].to_ascii_lowercase().as_str() {
                "http" | "https" => (
                    format!("{}://", &url[..end]),
                    url[end + 1..].trim_start_matches(['/', '\\']),
                ),
                "mailto" | "tel" => return Some(url),
                _ => return None,
            }
        }
        _ => {
            let rest = url.trim_start_matches(['/', '\\']);
            let slashes = ["", "/"].get(url.len() - rest.len()).unwrap_or(&"//");
            (slashes.to_string(), rest)
        }
    };
    if prefix.ends_with("//") && (rest.is_empty() || rest.starts_with(['?', '#'])) {
        return None;
    }
    let path_end = rest.find(['?', '#']).unwrap_or(rest.len());
    Some(format!(
        "{prefix}{}{}",
        rest[..path_end].replace('\\', "/"),
        &rest[path_end..]
    ))
}

/// Whether a link to `href` (checked by [`safe_url`] and [`resolve`]d) leaves the board, whose
/// data file is at `board_origin` (`None` when it is next to the page). Only a path-relative
/// address, a query, a fragment or an address with the board's origin stays on the board;
/// another site, a protocol-relative address, `mailto:` and `tel:` leave it.
pub fn leaves_the_board(href: &str, board_origin: Option<&str>) -> bool {
    match origin(href) {
        Some(link) => board_origin.is_none_or(|board| !link.eq_ignore_ascii_case(board)),
        None => href.starts_with("//") || has_scheme(href),
    }
}

/// The host of an absolute `http(s)` or protocol-relative address, in lower case, without
/// user name or port: what `board.imageHosts` lists.
pub fn host(url: &str) -> Option<String> {
    let authority = match url.strip_prefix("//") {
        Some(rest) => &rest[..rest.find(['/', '?', '#']).unwrap_or(rest.len())],
        None => &origin(url)?[url.find("://")? + 3..],
    };
    let host = authority.rsplit('@').next().unwrap_or_default();
    let port = host
        .rfind(':')
        .filter(|&colon| !host[colon..].contains(']'));
    let host = &host[..port.unwrap_or(host.len())];
    Some(host.trim_end_matches('.').to_ascii_lowercase())
}

fn has_scheme(url: &str) -> bool {
    url.find([':', '/', '?', '#'])
        .is_some_and(|end| url[end..].starts_with(':'))
}

/// `reference` (already checked by [`safe_url`]) resolved against `base`, the data file's URL,
/// as a browser would for a relative link: `files/a.pdf` next to `data/notices.json` is
/// `data/files/a.pdf`. A `base` that is itself relative gives a result relative to the same
/// page. Dot segments are left for the browser to remove.
pub fn resolve(base: &str, reference: &str) -> String {
    let base = base.split(['?', '#']).next().unwrap_or_default();
    if has_scheme(reference) || reference.starts_with('#') {
        return reference.to_string();
    }
    let origin = origin(base);
    if reference.starts_with("//") {
        let scheme = origin.and_then(|o| o.split_once(':')).map(|(s, _)| s);
        return scheme.map_or(reference.to_string(), |s| format!("{s}:{reference}"));
    }
    if reference.starts_with('/') {
        return format!("{}{reference}", origin.unwrap_or_default());
    }
    if reference.starts_with('?') {
        return format!("{base}{reference}");
    }
    let path_start = origin.map_or(0, str::len);
    let directory_end = base[path_start..]
        .rfind('/')
        .map_or(path_start, |slash| path_start + slash + 1);
    let directory = &base[..directory_end];
    let directory = if origin.is_some() && directory.len() == path_start {
        format!("{directory}/")
    } else {
        directory.to_string()
    };
    format!("{directory}{reference}")
}

/// `scheme://host[:port]` of an absolute `http(s)` URL, as written in `url` (not lower-cased:
/// compare origins with `eq_ignore_ascii_case`), or `None`.
pub fn origin(url: &str) -> Option<&str> {
    let (scheme, rest) = url.split_once("://")?;
    if !(scheme.eq_ignore_ascii_case("http") || scheme.eq_ignore_ascii_case("https")) {
        return None;
    }
    let host_end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    (host_end > 0).then(|| &url[..scheme.len() + 3 + host_end])
}

#[cfg(test)]
mod tests {
    use super::{host, leaves_the_board, origin, resolve, safe_url};

    #[test]
    fn keeps_relative_and_web_urls() {
        for ok in [
            "files/a.pdf",
            "/eng/news/",
            "?id=1",
            "#main",
            "https://www.mois.go.kr/",
            "HTTP://x",
            "mailto:a@b.kr",
            "tel:+82-2-2100-3399",
            "a/b:c",
        ] {
            assert_eq!(safe_url(ok).as_deref(), Some(ok));
        }
    }

    #[test]
    fn trims_what_browsers_trim() {
        assert_eq!(
            safe_url("  https://a.kr/ \n").as_deref(),
            Some("https://a.kr/")
        );
    }

    #[test]
    fn refuses_script_and_data_urls_however_written() {
        for bad in [
            "javascript:alert(1)",
            "JavaScript:alert(1)",
            " javascript:alert(1)",
            "java\tscript:alert(1)",
            "java\nscript:alert(1)",
            "\u{1}javascript:alert(1)",
            "data:text/html,<script>",
            "vbscript:msgbox",
            "jav\u{0}ascript:x",
            "file:///etc/passwd",
            "",
            "   ",
        ] {
            assert_eq!(safe_url(bad), None, "{bad:?} must be refused");
        }
    }

    #[test]
    fn resolves_like_a_browser_against_the_data_file() {
        let cdn = "https://cdn.example.kr/news/notices.json?v=2";
        for (reference, resolved) in [
            ("files/a.pdf", "https://cdn.example.kr/news/files/a.pdf"),
            ("../a.pdf", "https://cdn.example.kr/news/../a.pdf"),
            ("/eng/", "https://cdn.example.kr/eng/"),
            ("//other.kr/x", "https://other.kr/x"),
            ("?id=3", "https://cdn.example.kr/news/notices.json?id=3"),
            ("#part", "#part"),
            ("mailto:a@b.kr", "mailto:a@b.kr"),
            ("https://www.gov.kr/", "https://www.gov.kr/"),
        ] {
            assert_eq!(resolve(cdn, reference), resolved, "{reference}");
        }
        assert_eq!(resolve("https://a.kr", "x.png"), "https://a.kr/x.png");
        assert_eq!(resolve("notices.json", "files/a.pdf"), "files/a.pdf");
        assert_eq!(
            resolve("data/notices.json", "files/a.pdf"),
            "data/files/a.pdf"
        );
        assert_eq!(resolve("data/notices.json", "/eng/"), "/eng/");
        assert_eq!(resolve("data/notices.json", "//x.kr/a"), "//x.kr/a");
    }

    #[test]
    fn origin_of_web_addresses_only() {
        assert_eq!(origin("HTTPS://A.kr:8443/x?y"), Some("HTTPS://A.kr:8443"));
        assert_eq!(origin("https://a.kr"), Some("https://a.kr"));
        assert_eq!(origin("mailto:a@b.kr"), None);
        assert_eq!(origin("notices.json"), None);
        assert_eq!(origin("https:///x"), None);
    }

    #[test]
    fn reads_backslashes_and_missing_slashes_as_a_browser_on_a_web_page_does() {
        for (written, read) in [
            ("\\\\evil.example/", "//evil.example/"),
            ("/\\evil.example/", "//evil.example/"),
            ("\\/evil.example/", "//evil.example/"),
            ("///evil.example/", "//evil.example/"),
            ("\\\\evil.example/invoice.pdf", "//evil.example/invoice.pdf"),
            ("\\evil.example/invoice.pdf", "/evil.example/invoice.pdf"),
            ("http:\\\\evil.example/", "http://evil.example/"),
            ("http:evil.example/", "http://evil.example/"),
            (
                "HTTPS:/\\evil.example\\a?q=\\b#c\\d",
                "HTTPS://evil.example/a?q=\\b#c\\d",
            ),
            ("https:////evil.example", "https://evil.example"),
            ("files\\guide.pdf", "files/guide.pdf"),
            ("java\\script:alert(1)", "java/script:alert(1)"),
            ("\\\\evil.example:8080/", "//evil.example:8080/"),
            ("ht\ttp:\\\\evil.example/", "http://evil.example/"),
        ] {
            assert_eq!(safe_url(written).as_deref(), Some(read), "{written}");
        }
        for no_host in ["//", "\\\\", "http:", "https:///", "http:?x", "//#top"] {
            assert_eq!(safe_url(no_host), None, "{no_host:?} has no host to follow");
        }
    }

    #[test]
    fn only_the_boards_own_addresses_stay_on_the_board() {
        let board = Some("https://www.mois.go.kr");
        for (href, leaves_on_cdn, leaves_next_to_page) in [
            ("files/a.pdf", false, false),
            ("/eng/", false, false),
            ("?id=3", false, false),
            ("#part", false, false),
            ("https://www.mois.go.kr/eng/", false, true),
            ("HTTPS://WWW.MOIS.GO.KR/eng/", false, true),
            ("http://www.mois.go.kr/eng/", true, true),
            ("https://www.mois.go.kr:8443/", true, true),
            ("https://www.mois.go.kr@evil.example/", true, true),
            ("//evil.example/", true, true),
            ("https://evil.example/", true, true),
            ("mailto:a@b.kr", true, true),
            ("tel:+82-2", true, true),
        ] {
            assert_eq!(leaves_the_board(href, board), leaves_on_cdn, "{href} (cdn)");
            assert_eq!(leaves_the_board(href, None), leaves_next_to_page, "{href}");
        }
        // What a browser reads off-site is off-site, once read as the browser reads it.
        for written in [
            "\\\\evil.example/",
            "/\\evil.example/",
            "\\/evil.example/",
            "http:\\\\evil.example/",
            "http:evil.example/",
        ] {
            let href = resolve("notices.json", &safe_url(written).unwrap());
            assert!(leaves_the_board(&href, None), "{written} leaves the board");
            let href = resolve(
                "https://www.mois.go.kr/eng/notices.json",
                &safe_url(written).unwrap(),
            );
            assert!(leaves_the_board(&href, board), "{written} leaves the board");
        }
    }

    #[test]
    fn host_names_as_image_hosts_lists_them() {
        assert_eq!(
            host("https://CDN.mois.go.kr./a.png").as_deref(),
            Some("cdn.mois.go.kr")
        );
        assert_eq!(host("https://u:p@cdn.kr:8443/a").as_deref(), Some("cdn.kr"));
        assert_eq!(host("https://[::1]:8080/a").as_deref(), Some("[::1]"));
        assert_eq!(host("https://[::1]/a").as_deref(), Some("[::1]"));
        assert_eq!(host("a.png"), None);
        assert_eq!(host("//cdn.kr/a.png").as_deref(), Some("cdn.kr"));
        assert_eq!(host("mailto:a@b.kr"), None);
    }
}
