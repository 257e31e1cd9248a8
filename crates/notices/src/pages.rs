//! The site's pages: which files make up a prerendered board. Prerendering writes exactly
//! these ([`crate::prerender`]), the sitemap lists exactly these ([`crate::feed::sitemap`]),
//! and cleaning a folder after prerendering keeps exactly these ([`PageFiles::is_stale`]).
//!
//! The pages are every page of the plain list (`index.html`, `page-2.html`…) and one page
//! per notice whose id is safe in a file name (`notice-<id>.html`), named as the app names
//! its views on its own page ([`Addressing::Files`]).

use notice_core::listing::{ListQuery, Listing};
use notice_core::url_state::{is_view_file, notice_file, Addressing, UrlState, View};
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

/// Every page of a board's site: the list's pages in order, then the notices in the data
/// set's order (newest first).
#[derive(Clone, Copy)]
pub struct SitePages<'a> {
    data: &'a Dataset,
    list_pages: usize,
}

impl<'a> SitePages<'a> {
    pub fn new(data: &'a Dataset) -> Self {
        // The plain list's pages (pinned notices on top of the first do not count): never
        // fewer than one, so an empty board still has its `index.html`.
        let list_pages = Listing::new(data, &ListQuery::default(), data.board.page_size).pages;
        SitePages { data, list_pages }
    }

    /// The pages, one at a time (a board of 100,000 notices is never held as a list).
    pub fn iter(&self) -> impl Iterator<Item = Page<'a>> + 'a {
        let lists = (1..=self.list_pages).map(|page| {
            let url = UrlState::list().with_list(ListQuery {
                page,
                ..ListQuery::default()
            });
            Page::new(url, None)
        });
        let notices = self
            .data
            .notices
            .iter()
            .filter(|notice| notice_file(notice.id.as_str()).is_some())
            .map(|notice| {
                let url = UrlState::list().with_view(View::Notice(notice.id.as_str().to_string()));
                Page::new(url, Some(notice))
            });
        lists.chain(notices)
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
