//! The one place that owns the URL: views read it and move through it only via [`Navigation`].

use crate::platform;
use crate::url_state::{UrlState, View};
use leptos::prelude::*;

/// Shared through context. Copy, so event handlers can capture it freely.
#[derive(Clone, Copy)]
pub struct Navigation {
    url: RwSignal<UrlState>,
    /// The page's path (`/eng/news/`), so links keep the page and change only the query.
    page_path: StoredValue<String>,
    /// Prefix of this board's query parameters.
    prefix: StoredValue<String>,
    /// The id of the element the board is mounted in.
    root_id: StoredValue<String>,
}

impl Navigation {
    pub fn new(initial_query: &str, page_path: String, prefix: String, root_id: String) -> Self {
        Navigation {
            url: RwSignal::new(UrlState::from_query(initial_query, &prefix)),
            page_path: StoredValue::new(page_path),
            prefix: StoredValue::new(prefix),
            root_id: StoredValue::new(root_id),
        }
    }

    /// The current URL state (reactive).
    pub fn url(&self) -> UrlState {
        self.url.get()
    }

    /// The `href` of a link to `view`, keeping everything else in the URL (reactive).
    pub fn href(&self, view: View) -> String {
        let query = self
            .url
            .with(|url| url.with_view(view).to_query(&self.prefix.read_value()));
        format!("{}{}", self.page_path.read_value(), query)
    }

    /// Follows one of the board's own links: a new history entry, the new view at the top
    /// of the page, and keyboard focus on its heading.
    pub fn go(&self, view: View) {
        let href = self.href(view.clone());
        platform::push_url(&href);
        self.url.update(|url| *url = url.with_view(view));
        let root_id = self.root_id.get_value();
        platform::after_render(move || {
            platform::scroll_to(0.0);
            platform::focus_first(&root_id, "h1");
        });
    }

    /// Listens for Back and Forward: the entry's view, its scroll position, focus on its heading.
    pub fn follow_history(&self) {
        let this = *self;
        platform::take_over_scroll_restoration();
        platform::on_history_change(move |query, scroll_y| {
            this.url
                .set(UrlState::from_query(&query, &this.prefix.read_value()));
            let root_id = this.root_id.get_value();
            platform::after_render(move || {
                platform::scroll_to(scroll_y);
                platform::focus_first(&root_id, "h1");
            });
        });
    }

    /// Focus on the current view's heading, e.g. after the data has been reloaded.
    pub fn focus_heading(&self) {
        let root_id = self.root_id.get_value();
        platform::after_render(move || platform::focus_first(&root_id, "h1"));
    }

    pub fn root_id(&self) -> String {
        self.root_id.get_value()
    }
}
