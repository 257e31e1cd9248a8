//! Links from the data file end up in `href`s: only schemes that cannot run code get through.

/// Returns the URL to put in an `href`, or `None` when it is unsafe or empty.
///
/// Allowed: relative URLs (`files/a.pdf`, `/eng/`, `?id=1`, `#top`), `http:`, `https:`,
/// `mailto:` and `tel:`. Everything else (`javascript:`, `data:`, `vbscript:`, unknown
/// schemes) is refused. Browsers ignore tabs and newlines inside URLs and leading and trailing
/// spaces/control characters, so the scheme is read the same way to defeat `java\tscript:`.
pub fn safe_url(raw: &str) -> Option<String> {
    let url: String = raw
        .trim_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect();
    if url.is_empty() || url.chars().any(char::is_control) {
        return None;
    }
    let scheme_end = url.find([':', '/', '?', '#']);
    match scheme_end {
        Some(end) if url[end..].starts_with(':') => {
            let scheme = url[..end].to_ascii_lowercase();
            matches!(scheme.as_str(), "http" | "https" | "mailto" | "tel").then_some(url)
        }
        _ => Some(url),
    }
}

/// `reference` (already checked by [`safe_url`]) resolved against `base`, the data file's URL,
/// as a browser would for a relative link: `files/a.pdf` next to `data/notices.json` is
/// `data/files/a.pdf`. A `base` that is itself relative gives a result relative to the same
/// page. Dot segments are left for the browser to remove.
pub fn resolve(base: &str, reference: &str) -> String {
    let base = base.split(['?', '#']).next().unwrap_or_default();
    let has_scheme = reference
        .find([':', '/', '?', '#'])
        .is_some_and(|end| reference[end..].starts_with(':'));
    if has_scheme || reference.starts_with('#') {
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

/// `scheme://host[:port]` of an absolute `http(s)` URL, in lower case, or `None`.
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
    use super::{origin, resolve, safe_url};

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
}
