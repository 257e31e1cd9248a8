//! The site's pages: which files make up a prerendered board. Prerendering writes exactly
//! these ([`crate::prerender`]), the sitemap lists these ([`crate::feed::sitemaps`]),
//! and cleaning a folder after prerendering keeps exactly these ([`PageFiles::is_stale`]).
//!
//! The pages are the plain list's first pages (`index.html`, `page-2.html`…) and one page
//! per notice (`notice-<id>.html`), named as the app names its views on its own page
//! ([`Addressing::Files`]), for the notices [`Prerendered`] says: the newest and the pinned
//! ones, whose ids are safe in a file name. The rest are views of `index.html` that the app
//! renders (`index.html?id=…`, `index.html?page=…`).

use notice_core::listing::{ListQuery, Listing};
use notice_core::url_state::{is_view_file, notice_file, Addressing, Prerendered, UrlState, View};
use notice_core::{Dataset, Notice};
use std::collections::HashSet;

/// One page of the site.
#[derive(Clone, Debug, PartialEq)]
pub struct Page<'a> {
    /// Its file name, as the app links to it.
    pub file: String,
    /// What it shows, as the app reads it from the file name.
    pub url: UrlState,
    /// The notice it shows; `None` on the list's pages.
    pub notice: Option<&'a Notice>,
}

/// Every page of a board's site: the list's pages in order, then the notices in the plain
/// list's order (pinned ones, then the others newest first).
#[derive(Clone, Copy)]
pub struct SitePages<'a> {
    data: &'a Dataset,
    prerendered: Prerendered,
    list_pages: usize,
}

impl<'a> SitePages<'a> {
    pub fn new(data: &'a Dataset, prerendered: Prerendered) -> Self {
        // The plain list's pages (pinned notices on top of the first do not count): never
        // fewer than one, so an empty board still has its `index.html`.
        let list_pages = Listing::new(data, &ListQuery::default(), data.board.page_size).pages;
        SitePages {
            data,
            prerendered,
            list_pages,
        }
    }

    /// The pages, one at a time (a board of 100,000 notices is never held as a list).
    pub fn iter(&self) -> impl Iterator<Item = Page<'a>> + 'a {
        let notices = self
            .notices()
            .filter(|&(_, has_page)| has_page)
            .map(|(notice, _)| {
                let id = notice.id.as_str().to_string();
                Page::new(UrlState::list().with_view(View::Notice(id)), Some(notice))
            });
        self.list_pages().chain(notices)
    }

    /// The list's prerendered pages, in order.
    pub fn list_pages(&self) -> impl Iterator<Item = Page<'a>> + 'a {
        let (data, prerendered) = (self.data, self.prerendered);
        (1..=self.list_pages)
            .take_while(move |&page| prerendered.has_list_page(page, data.board.page_size))
            .map(|page| {
                let url = UrlState::list().with_list(ListQuery {
                    page,
                    ..ListQuery::default()
                });
                Page::new(url, None)
            })
    }

    /// Every notice in the plain list's order (pinned ones, then the others newest first),
    /// with whether it has a page of its own.
    pub fn notices(&self) -> impl Iterator<Item = (&'a Notice, bool)> + 'a {
        let (data, prerendered) = (self.data, self.prerendered);
        let order = data.plain_order();
        order
            .indices()
            .iter()
            .enumerate()
            .map(move |(place, &index)| {
                let notice = &data.notices[index];
                let has_page = prerendered.has_notice_at(place, order.pinned_on_top())
                    && notice_file(notice.id.as_str()).is_some();
                (notice, has_page)
            })
    }

    /// The pages' file names, to tell which files in a folder belong to the site.
    pub fn files(&self) -> PageFiles {
        PageFiles(self.iter().map(|page| page.file).collect())
    }
}

impl<'a> Page<'a> {
    fn new(url: UrlState, notice: Option<&'a Notice>) -> Self {
        let (file, _) = url.to_url("", Addressing::Files);
        Page { file, url, notice }
    }
}

/// The file names of a site's pages.
pub struct PageFiles(HashSet<String>);

impl PageFiles {
    /// Whether `name`, a file in the prerendered folder, is a page (or its compressed copy,
    /// `.br`, `.gz`) of an earlier run that the site no longer has: the page of a deleted
    /// notice, or a list page past the last. The template and other files are never stale.
    pub fn is_stale(&self, name: &str) -> bool {
        let page = name.trim_end_matches(".br").trim_end_matches(".gz");
        is_view_file(page) && !self.0.contains(page)
    }
}

#[cfg(test)]
mod tests;
