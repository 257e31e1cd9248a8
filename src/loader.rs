//! Getting a board's data: its whole data file, or the entry of its published form and then,
//! view by view, only the files that view shows (`notice_core::published`).

use crate::config::{BoardConfig, Overrides};
use crate::navigation::Navigation;
use crate::platform::{self, Cache};
use futures::future::join_all;
use leptos::prelude::*;
use notice_core::published::{Need, Window};
use notice_core::screen::Load;
use notice_core::url_state::UrlState;
use notice_core::{Dataset, LoadError};
use std::sync::Arc;

/// Where a board's data is.
#[derive(Clone, Debug)]
pub struct Source {
    pub data_url: String,
    /// The published form's entry, if the board has one.
    pub published_url: Option<String>,
    pub overrides: Overrides,
}

impl Source {
    pub fn of(config: &BoardConfig) -> Source {
        Source {
            data_url: config.data_url.clone(),
            published_url: config.published_url.clone(),
            overrides: config.overrides(),
        }
    }

    /// Everything the board at `url` shows first: the whole data file, or the published
    /// form's entry with the files the view needs (or, for a search, the whole file). The
    /// data file is read when there is no entry or it cannot be read.
    pub async fn load_for(&self, url: &UrlState, cache: Cache) -> Load {
        if let Some(entry) = &self.published_url {
            if let Ok(load) = self.read(entry, cache).await {
                return self.fill(load, url).await;
            }
        }
        match self.read(&self.data_url, cache).await {
            Ok(load) => self.fill(load, url).await,
            Err(error) => Load::Failed(error),
        }
    }

    /// `load` with what it still needs to show `url`.
    pub async fn fill(&self, load: Load, url: &UrlState) -> Load {
        let Load::Published(window) = load else {
            return load;
        };
        match self.fetch_needs(window.clone(), url).await {
            Ok(load) => load,
            // A file of the publish may have gone (a newer publish replaced it): the entry
            // is read again, and the view filled from the new publish if there is one.
            Err(error) => match self.read(window.entry_url(), Cache::Bypass).await {
                Ok(Load::Published(new)) if !new.same_publish(&window) => self
                    .fetch_needs(new, url)
                    .await
                    .unwrap_or_else(Load::Failed),
                _ => Load::Failed(error),
            },
        }
    }

    /// Reads a data file, or a published form's entry.
    async fn read(&self, url: &str, cache: Cache) -> Result<Load, LoadError> {
        let data = platform::fetch_dataset(url, url, cache).await?;
        let data = self.overrides.apply(Arc::new(data));
        Ok(match data.published {
            None => Load::Ready(data),
            Some(_) => Load::Published(Arc::new(Window::from_entry(&data, url)?)),
        })
    }

    /// Fetches, a round of requests at a time, the files the window needs to show `url`.
    async fn fetch_needs(
        &self,
        mut window: Arc<Window>,
        url: &UrlState,
    ) -> Result<Load, LoadError> {
        loop {
            let needs = window.needs(url);
            if needs.is_empty() {
                return Ok(Load::Published(window));
            }
            if needs.contains(&Need::WholeFile) {
                return Ok(Load::Ready(self.whole_file(&window).await?));
            }
            let urls = needs.iter().map(|need| window.url_of(need));
            let fetched = join_all(
                urls.map(|url| async move { platform::fetch_bytes(&url, Cache::Use).await }),
            )
            .await;
            let files: Vec<(Need, Vec<u8>)> = needs
                .into_iter()
                .zip(fetched)
                .map(|(need, bytes)| Ok((need, bytes?)))
                .collect::<Result<_, LoadError>>()?;
            window = Arc::new(window.with_fetched(files)?);
        }
    }

    /// The whole data file of the window's publish, for searching, filtering and sorting.
    pub async fn whole_file(&self, window: &Window) -> Result<Arc<Dataset>, LoadError> {
        let url = window.url_of(&Need::WholeFile);
        let data = platform::fetch_dataset(&url, window.entry_url(), Cache::Use).await?;
        Ok(self.overrides.apply(Arc::new(data)))
    }
}

/// A published board's whole data file, which searching, filtering and sorting read: fetched
/// once, as soon as the person reaches the search form (or a link asks for it), and then
/// the board reads nothing else. Shared through context.
#[derive(Clone, Copy)]
pub struct WholeFile {
    load: RwSignal<Load>,
    source: StoredValue<Source>,
    nav: Navigation,
    asked: StoredValue<bool>,
}

impl WholeFile {
    pub fn new(load: RwSignal<Load>, source: StoredValue<Source>, nav: Navigation) -> Self {
        WholeFile {
            load,
            source,
            nav,
            asked: StoredValue::new(false),
        }
    }

    /// Starts fetching it, unless it is being fetched or the board is not a published one.
    pub fn fetch(self) {
        let Load::Published(window) = self.load.get_untracked() else {
            return;
        };
        if self.asked.get_value() {
            return;
        }
        self.asked.set_value(true);
        leptos::task::spawn_local(async move {
            let result = self.source.get_value().whole_file(&window).await;
            // Only into the same publish's window: a newer publish's needs its own copy.
            let Load::Published(now) = self.load.get_untracked() else {
                return;
            };
            if !now.same_publish(&window) {
                self.asked.set_value(false);
                return;
            }
            match result {
                Ok(data) => self.load.set(Load::Ready(data)),
                Err(error) => {
                    self.asked.set_value(false);
                    // Said only when the view on screen needs it; else the next try may work.
                    if now
                        .needs(&self.nav.url_untracked())
                        .contains(&Need::WholeFile)
                    {
                        self.load.set(Load::Failed(error));
                    }
                }
            }
        });
    }
}
