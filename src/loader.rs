//! Getting a board's data: its whole data file, or the entry of its published form and then,
//! view by view, only the files that view shows (`notice_core::published`).

use crate::config::{BoardConfig, Overrides};
use crate::platform::{self, Cache};
use futures::future::join_all;
use leptos::prelude::*;
use notice_core::published::{Need, ReadFile, Window};
use notice_core::screen::Load;
use notice_core::url_state::UrlState;
use notice_core::LoadError;
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
    /// form's entry with the files the view needs. The data file is read when there is no
    /// entry or it cannot be read.
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

    /// Fetches the files of `needs` at once, each read as it arrives (in a task of its own,
    /// not all in one long task once the last has come). A few requests are started in each
    /// task: starting one takes a phone a few milliseconds, and the search box's focus starts
    /// some thirty on a large board (one task of 100 ms when started together).
    async fn fetch_round(
        &self,
        window: &Window,
        needs: Vec<Need>,
    ) -> Result<Vec<ReadFile>, LoadError> {
        let mut started = Vec::with_capacity(needs.len());
        for (n, need) in needs.into_iter().enumerate() {
            if n > 0 && n % FETCHES_PER_TASK == 0 {
                platform::next_task().await;
            }
            started.push((
                platform::start_fetch(&window.url_of(&need), Cache::Use),
                need,
            ));
        }
        let reads = started
            .into_iter()
            .map(|(started, need)| async move { window.read(need, started.bytes().await?) });
        join_all(reads).await.into_iter().collect()
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
            let files = self.fetch_round(&window, needs).await?;
            window = Arc::new(window.with_read(files)?);
        }
    }
}

/// Requests started in one task (see [`Source::fetch_round`]): each `fetch` call (and the
/// request it is given) takes 5–10 ms under the phone profile's 4× CPU slowdown, so six made
/// tasks of 51–107 ms at a first search of 100,000 notices; three keep each under 50 ms.
const FETCHES_PER_TASK: usize = 3;

/// What a search on a published board needs before its first word (the index's directory and
/// the directories of blocks: see `Window::search_needs`), fetched once the person reaches
/// the search box, so that typing finds them there. Shared through context.
#[derive(Clone, Copy)]
pub struct SearchFiles {
    load: RwSignal<Load>,
    source: StoredValue<Source>,
    asked: StoredValue<bool>,
}

impl SearchFiles {
    pub fn new(load: RwSignal<Load>, source: StoredValue<Source>) -> Self {
        SearchFiles {
            load,
            source,
            asked: StoredValue::new(false),
        }
    }

    /// Whether they are being fetched: a search typed meanwhile waits for them rather than
    /// fetching them a second time.
    pub fn in_flight(self) -> bool {
        self.asked.get_value()
    }

    /// Starts fetching them, unless they are being fetched, have been, or the board is not a
    /// published one.
    pub fn fetch(self) {
        let Load::Published(window) = self.load.get_untracked() else {
            return;
        };
        let needs = window.search_needs();
        if needs.is_empty() || self.asked.get_value() {
            return;
        }
        self.asked.set_value(true);
        leptos::task::spawn_local(async move {
            let fetched = self.source.get_value().fetch_round(&window, needs).await;
            self.asked.set_value(false);
            let Load::Published(now) = self.load.get_untracked() else {
                return;
            };
            // Into the window on screen now, if it is of the same publish; either way the
            // views look again at what they need (a search typed meanwhile fetches the rest,
            // or says what failed).
            let now = match fetched {
                Ok(files) if now.same_publish(&window) => {
                    now.with_read(files).map(Arc::new).unwrap_or(now)
                }
                _ => now,
            };
            self.load.set(Load::Published(now));
        });
    }
}
