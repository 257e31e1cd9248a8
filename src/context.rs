//! What the app shares with its views and components through Leptos' context: the board's
//! settings that components read (heading level, feed, today's date, name) and its status
//! region. The app provides them ([`crate::app::App`]); components only read them.

use crate::platform::Debouncer;
use leptos::prelude::*;
use notice_core::Date;
use std::time::Duration;

/// The level of the view's main heading, shared through context.
#[derive(Clone, Copy)]
pub struct HeadingLevel(pub u8);

/// The board's Atom feed, if it has one, shared through context.
#[derive(Clone)]
pub struct Feed(pub Option<String>);

/// The board's status region, shared through context: what a control says it did
/// ("Link copied") is announced there too.
#[derive(Clone, Copy)]
pub struct Status {
    message: RwSignal<String>,
    /// A count waiting for the page to settle (see [`STATUS_DELAY`]).
    waiting: Debouncer,
}

impl Status {
    pub fn new() -> Self {
        Status {
            message: RwSignal::new(String::new()),
            waiting: Debouncer::new(),
        }
    }

    /// What the region says now (reactive).
    pub fn message(self) -> String {
        self.message.get()
    }

    /// Says `message` after [`STATUS_DELAY`], unless something else is said before.
    pub fn say_when_settled(self, message: String) {
        // Emptied first, so that the same message said again is announced again.
        self.message.set(String::new());
        self.waiting
            .run(STATUS_DELAY, move || self.message.set(message));
    }

    /// Says `message` now, in place of anything still waiting to be said (a control's answer
    /// to a press must not be replaced by the count of the view it was pressed on).
    pub fn say_now(self, message: &str) {
        self.waiting.cancel();
        // The same words again are still a change, so they are said again.
        self.message.update(|now| {
            *now = match now.as_str() == message {
                true => format!("{message}\u{a0}"),
                false => message.to_string(),
            }
        });
    }
}

impl Default for Status {
    fn default() -> Self {
        Self::new()
    }
}

/// The name of the board's landmarks (its region in a host page, its search form), distinct
/// from the other boards' on the page; shared through context.
#[derive(Clone, Copy)]
pub struct BoardName(pub Signal<String>);

/// The viewer's date, shared through context.
#[derive(Clone, Copy)]
pub struct Today(pub Option<Date>);

/// Announcements wait until the page has settled: a search is announced once the person
/// pauses typing (about a second), not after every key.
const STATUS_DELAY: Duration = Duration::from_millis(1000);

/// Asks for the status to be said again though nothing changed (the person pressed Search
/// on the search already shown), shared through context.
#[derive(Clone, Copy)]
pub struct Announce(pub RwSignal<u32>);
