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

#[cfg(test)]
mod tests {
    use super::safe_url;

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
}
