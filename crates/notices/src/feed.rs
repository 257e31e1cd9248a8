//! The board's Atom feed and sitemap, written next to the data file by `notices feed` (and
//! by `notices prerender` when it knows the board's public URL), so that a deploy of the
//! folder carries them. Both need absolute URLs: they are made from the public URL of the
//! folder and the prerendered pages' file names.

use crate::pages::SitePages;
use notice_core::format::{escape_markup, first_words, with_trailing_slash};
use notice_core::url_state::{notice_file, percent_encode, Prerendered, LIST_FILE};
use notice_core::{Dataset, Notice};

/// The feed's file name, next to the pages.
pub const FEED_FILE: &str = "feed.xml";
pub const SITEMAP_FILE: &str = "sitemap.xml";

/// How many of the newest notices the feed carries.
pub const FEED_ENTRIES: usize = 20;

/// A summary in the feed is cut at about this many characters.
const SUMMARY_CHARS: usize = 300;

/// The Atom feed (RFC 4287) of the newest notices; `base_url` is the public URL of the
/// folder with the pages.
pub fn atom(data: &Dataset, base_url: &str) -> String {
    let base = with_trailing_slash(base_url);
    let board = &data.board;
    let all = newest_first(data);
    let newest = &all[..all.len().min(FEED_ENTRIES)];
    let updated = newest
        .first()
        .map_or_else(|| "1970-01-01".to_string(), |n| n.date.to_string());
    let mut xml = format!(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n\
         <feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{lang}\">\n  \
         <title>{title} – {site}</title>\n  \
         <id>{base}{FEED_FILE}</id>\n  \
         <link rel=\"self\" type=\"application/atom+xml\" href=\"{base}{FEED_FILE}\"/>\n  \
         <link rel=\"alternate\" type=\"text/html\" href=\"{base}{LIST_FILE}\"/>\n  \
         <updated>{updated}T00:00:00Z</updated>\n  \
         <author><name>{site}</name></author>\n",
        lang = escape_markup(&board.lang),
        title = escape_markup(&board.title),
        site = escape_markup(&board.site_name),
        base = escape_markup(&base),
    );
    for notice in newest {
        let url = notice_url(&base, notice);
        let category = notice
            .category
            .as_deref()
            .map(|key| {
                format!(
                    "\n    <category term=\"{}\" label=\"{}\"/>",
                    escape_markup(key),
                    escape_markup(board.category_label(key))
                )
            })
            .unwrap_or_default();
        xml.push_str(&format!(
            "  <entry>\n    \
             <title>{title}</title>\n    \
             <id>{url}</id>\n    \
             <link rel=\"alternate\" type=\"text/html\" href=\"{url}\"/>\n    \
             <published>{date}T00:00:00Z</published>\n    \
             <updated>{date}T00:00:00Z</updated>{category}\n    \
             <summary>{summary}</summary>\n  \
             </entry>\n",
            title = escape_markup(&notice.title),
            url = escape_markup(&url),
            date = notice.date,
            summary = escape_markup(&first_words(&notice.body, SUMMARY_CHARS)),
        ));
    }
    xml.push_str("</feed>\n");
    xml_chars_only(xml)
}

/// The most URLs one sitemap may hold (sitemaps.org).
const URLS_PER_SITEMAP: usize = 50_000;

/// The sitemaps (sitemaps.org) of the board, each a file name and its text: every
/// prerendered page of the list ([`SitePages`]) and every notice, at its page or, where it
/// has none, as `index.html?id=…`. A board of more than 50,000 gets [`SITEMAP_FILE`] as an
/// index of `sitemap-1.xml`, `sitemap-2.xml`…
pub fn sitemaps(data: &Dataset, base_url: &str, prerendered: Prerendered) -> Vec<(String, String)> {
    let base = with_trailing_slash(base_url);
    let site = SitePages::new(data, prerendered);
    // A list page changes whenever a notice is added: it is as new as the newest notice.
    let newest = newest_first(data).first().map(|notice| notice.date);
    let lists = site
        .list_pages()
        .map(|page| (format!("{base}{}", page.file), newest));
    let notices = site.notices().map(|(notice, has_page)| {
        let url = match has_page {
            true => notice_url(&base, notice),
            false => list_url(&base, notice),
        };
        (url, Some(notice.date))
    });
    let urls: Vec<String> = lists
        .chain(notices)
        .map(|(url, lastmod)| {
            let lastmod = lastmod
                .map(|date| format!("<lastmod>{date}</lastmod>"))
                .unwrap_or_default();
            format!("  <url><loc>{}</loc>{lastmod}</url>\n", escape_markup(&url))
        })
        .collect();
    let urlset = |urls: &[String]| {
        xml_chars_only(format!(
            "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n\
             <urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n{}</urlset>\n",
            urls.concat()
        ))
    };
    if urls.len() <= URLS_PER_SITEMAP {
        return vec![(SITEMAP_FILE.to_string(), urlset(&urls))];
    }
    let parts: Vec<(String, String)> = urls
        .chunks(URLS_PER_SITEMAP)
        .enumerate()
        .map(|(n, urls)| (sitemap_part(n + 1), urlset(urls)))
        .collect();
    let index: String = parts
        .iter()
        .map(|(file, _)| {
            format!(
                "  <sitemap><loc>{}</loc></sitemap>\n",
                escape_markup(&format!("{base}{file}"))
            )
        })
        .collect();
    let index = format!(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n\
         <sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n{index}</sitemapindex>\n"
    );
    std::iter::once((SITEMAP_FILE.to_string(), xml_chars_only(index)))
        .chain(parts)
        .collect()
}

/// The name of the `n`th sitemap (from 1) of a board too large for one.
pub fn sitemap_part(n: usize) -> String {
    format!("sitemap-{n}.xml")
}

/// The document without the characters XML 1.0 forbids (its `Char` production: no control
/// characters but tab and line breaks, no U+FFFE or U+FFFF): a feed reader refuses the whole
/// feed for one of them, and the data may hold them (`\uFFFF` in a title, `&#xFFFF;` in a body).
fn xml_chars_only(mut xml: String) -> String {
    xml.retain(|c| matches!(c, '\t' | '\n' | '\r' | ' '..='\u{fffd}' | '\u{10000}'..));
    xml
}

/// The notices, newest first: the data set's own order ([`Dataset::notices`] is sorted by
/// date, then id, when it is made), so nothing is sorted again.
fn newest_first(data: &Dataset) -> &[Notice] {
    &data.notices
}

/// The notice's prerendered page, or the list with `?id=` for ids that are not file names.
fn notice_url(base: &str, notice: &Notice) -> String {
    match notice_file(notice.id.as_str()) {
        Some(file) => format!("{base}{file}"),
        None => list_url(base, notice),
    }
}

/// The notice as a view of the list's page: `index.html?id=…`.
fn list_url(base: &str, notice: &Notice) -> String {
    let id = percent_encode(notice.id.as_str());
    format!("{base}{LIST_FILE}?id={id}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use notice_core::parse_data_file;

    /// The one sitemap of a board that fits in one, with every page prerendered.
    fn sitemap(data: &Dataset, base_url: &str) -> String {
        let mut maps = sitemaps(data, base_url, Prerendered::ALL);
        assert_eq!(maps.len(), 1);
        maps.remove(0).1
    }

    fn sample() -> Dataset {
        parse_data_file(include_str!("../../../public/notices.json"), "notices.json").unwrap()
    }

    #[test]
    fn the_feed_has_the_newest_notices_with_absolute_links() {
        let data = sample();
        let feed = atom(&data, "https://www.example.go.kr/eng/news");
        assert!(feed.starts_with("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\""));
        assert_eq!(feed.matches("<entry>").count(), FEED_ENTRIES);
        assert!(feed.contains("<link rel=\"self\" type=\"application/atom+xml\" href=\"https://www.example.go.kr/eng/news/feed.xml\"/>"));
        let newest = &newest_first(&data)[0];
        let first_entry = &feed[feed.find("<entry>").unwrap()..];
        assert!(first_entry.contains(&format!(
            "<link rel=\"alternate\" type=\"text/html\" href=\"https://www.example.go.kr/eng/news/notice-{}.html\"/>",
            newest.id.as_str()
        )));
        assert!(feed.contains(&format!("<updated>{}T00:00:00Z</updated>", newest.date)));
        // Every element that is opened is closed.
        for tag in ["feed", "entry", "title", "id", "updated", "summary"] {
            assert_eq!(
                feed.matches(&format!("<{tag}>")).count()
                    + feed.matches(&format!("<{tag} ")).count(),
                feed.matches(&format!("</{tag}>")).count(),
                "{tag}"
            );
        }
    }

    #[test]
    fn text_from_the_data_is_escaped_and_odd_ids_use_the_query() {
        let text = include_str!("../../../public/notices.json")
            .replacen("\"title\": \"", "\"title\": \"<b>&</b> ", 1)
            .replacen("\"id\": 99940", "\"id\": \"a b\"", 1);
        let data = parse_data_file(&text, "notices.json").unwrap();
        let feed = atom(&data, "https://x.example/");
        assert!(!feed.contains("<b>"));
        assert!(feed.contains("&lt;b&gt;&amp;&lt;/b&gt;"));
        assert!(
            feed.contains("<id>https://x.example/index.html?id=a%20b</id>"),
            "a notice without a page of its own links to the list with its id"
        );
        let map = sitemap(&data, "https://x.example/");
        assert!(
            map.contains("<loc>https://x.example/index.html?id=a%20b</loc>"),
            "no page of its own, so the sitemap lists it as a view of the list"
        );
    }

    #[test]
    fn characters_xml_forbids_are_left_out_of_the_feed_and_sitemap() {
        let text = include_str!("../../../public/notices.json")
            .replacen("\"title\": \"", "\"title\": \"A\\uFFFEB\\uFFFFC\\u0001 ", 2)
            .replacen(
                "\"body\": \"",
                "\"bodyFormat\": \"html\", \"body\": \"&#xFFFF;&#xFFFE;&#1;&#x1F600;<b>\\uFFFF</b>",
                3,
            );
        let data = parse_data_file(&text, "notices.json").unwrap();
        let odd = |c: char| matches!(c, '\u{fffe}' | '\u{ffff}') || (c < ' ' && c != '\n');
        assert!(
            data.notices.iter().any(|n| n.title.contains(odd))
                && data.notices.iter().any(|n| n.body.contains(odd)),
            "the data holds them"
        );
        for xml in [
            atom(&data, "https://x.example/\u{ffff}"),
            sitemap(&data, "https://x.example/\u{1}"),
        ] {
            let forbidden: Vec<char> = xml
                .chars()
                .filter(|&c| {
                    !matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{d7ff}' | '\u{e000}'..='\u{fffd}' | '\u{10000}'..='\u{10ffff}')
                })
                .collect();
            assert_eq!(forbidden, Vec::<char>::new());
        }
        assert!(atom(&data, "https://x.example/").contains("<title>ABC "));
    }

    #[test]
    fn the_sitemap_lists_every_page() {
        let data = sample();
        let map = sitemap(&data, "https://www.example.go.kr/eng/news/");
        assert_eq!(map.matches("<url>").count(), 4 + data.notices.len());
        assert!(map.contains("<loc>https://www.example.go.kr/eng/news/index.html</loc>"));
        assert!(map.contains("<loc>https://www.example.go.kr/eng/news/page-4.html</loc>"));
    }

    #[test]
    fn notices_without_a_page_are_listed_as_views_of_the_list() {
        let data = sample();
        let base = "https://x.example/";
        let [(file, map)] = &sitemaps(&data, base, Prerendered::newest(20))[..] else {
            panic!("one sitemap");
        };
        assert_eq!(file, SITEMAP_FILE);
        let pinned = data.notices.iter().filter(|n| n.pinned).count();
        let pages = 20_usize.div_ceil(data.board.page_size);
        assert_eq!(map.matches("<url>").count(), pages + data.notices.len());
        assert_eq!(map.matches(".html</loc>").count(), pages + pinned + 20);
        assert_eq!(
            map.matches("index.html?id=").count(),
            data.notices.len() - pinned - 20
        );
        let oldest = data.notices.iter().rfind(|n| !n.pinned).unwrap();
        assert!(map.contains(&format!("{base}index.html?id={}<", oldest.id.as_str())));
    }

    #[test]
    fn a_board_of_more_than_50_000_urls_gets_a_sitemap_index() {
        let notices: Vec<String> = (0..50_001)
            .map(|n| format!(r#"{{"id": {n}, "title": "T{n}", "date": "2024-01-01", "views": 0, "body": "b"}}"#))
            .collect();
        let text = format!(
            r#"{{"version": 1, "board": {{"title": "B"}}, "notices": [{}]}}"#,
            notices.join(",")
        );
        let data = parse_data_file(&text, "notices.json").unwrap();
        let maps = sitemaps(&data, "https://x.example/", Prerendered::newest(1_000));
        let files: Vec<&str> = maps.iter().map(|(file, _)| file.as_str()).collect();
        assert_eq!(files, [SITEMAP_FILE, "sitemap-1.xml", "sitemap-2.xml"]);
        assert!(maps[0].1.contains("<sitemapindex"));
        assert!(maps[0]
            .1
            .contains("<loc>https://x.example/sitemap-2.xml</loc>"));
        let urls: usize = maps[1..]
            .iter()
            .map(|(_, xml)| xml.matches("<url>").count())
            .sum();
        assert_eq!(maps[1].1.matches("<url>").count(), 50_000);
        assert_eq!(urls, 100 + 50_001, "100 list pages of 10 and every notice");
    }
}
