//! Time: tasks of the event loop, the clock, today's date and delayed calls.

use super::window;
use leptos::prelude::*;

/// Resolves in a later task of the browser's event loop, so that long work split around it
/// does not block input in between.
pub async fn next_task() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = window().set_timeout_with_callback(&resolve);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Today's date on the person's device, for "New" markers.
pub fn today() -> Option<notice_core::Date> {
    let now = js_sys::Date::new_0();
    let year = u16::try_from(now.get_full_year()).ok()?;
    Some(notice_core::Date {
        year,
        month: now.get_month() as u8 + 1,
        day: now.get_date() as u8,
    })
}

/// Milliseconds since the page started (typing bursts, slices of reading a data file).
pub fn now_ms() -> f64 {
    window()
        .performance()
        .map_or(0.0, |performance| performance.now())
}

/// Runs only the last of several calls made within `delay`.
#[derive(Clone, Copy)]
pub struct Debouncer(StoredValue<Option<TimeoutHandle>>);

impl Debouncer {
    pub fn new() -> Self {
        Debouncer(StoredValue::new(None))
    }

    pub fn run(&self, delay: std::time::Duration, then: impl FnOnce() + 'static) {
        self.cancel();
        self.0.set_value(set_timeout_with_handle(then, delay).ok());
    }

    /// Drops the call still waiting, if any.
    pub fn cancel(&self) {
        if let Some(pending) = self.0.get_value() {
            pending.clear();
        }
    }
}

impl Default for Debouncer {
    fn default() -> Self {
        Self::new()
    }
}
