//! Fetching the data file and reading it in slices that keep the page responsive.

use super::time::{next_task, now_ms};
use notice_core::parse::DataReader;
use notice_core::problem::MAX_DATA_BYTES;
use notice_core::{Dataset, LoadError};
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Whether a fetch may be answered from the browser's cache.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cache {
    Use,
    /// Ask the server again ("Try again" must see a file that has just been fixed).
    Bypass,
}

/// Fetches and validates a data file, whose relative links are read against `base` (its own
/// address; for a published board's copy of it, the entry's, next to the original).
pub async fn fetch_dataset(url: &str, base: &str, cache: Cache) -> Result<Dataset, LoadError> {
    let bytes = fetch_bytes(url, cache).await?;
    read_dataset(bytes, base).await
}

/// Fetches a file's bytes, refusing one too large for the tab.
pub async fn fetch_bytes(url: &str, cache: Cache) -> Result<Vec<u8>, LoadError> {
    start_fetch(url, cache).bytes().await
}

#[wasm_bindgen]
extern "C" {
    /// The global `fetch`, as gloo-net binds it: it starts the request when called.
    #[wasm_bindgen(js_name = "fetch")]
    fn fetch_with_request(request: &web_sys::Request) -> js_sys::Promise;
}

/// Starts fetching a file now; its bytes are awaited later (`Started::bytes`), so that the
/// files of a round start a few per task and are read as each arrives.
pub fn start_fetch(url: &str, cache: Cache) -> Started {
    let mut request = gloo_net::http::Request::get(url);
    if cache == Cache::Bypass {
        request = request.cache(web_sys::RequestCache::NoCache);
    }
    let response = (request.build().ok()).map(|request| {
        let request: web_sys::Request = request.into();
        JsFuture::from(fetch_with_request(&request))
    });
    Started {
        url: url.to_string(),
        response,
    }
}

/// A request started by [`start_fetch`] (`None` if the request could not be made).
pub struct Started {
    url: String,
    response: Option<JsFuture>,
}

impl Started {
    /// The file's bytes, once they have all arrived.
    pub async fn bytes(self) -> Result<Vec<u8>, LoadError> {
        let Started { url, response } = self;
        let network = || LoadError::Network { url: url.clone() };
        let response = response.ok_or_else(network)?.await.map_err(|_| network())?;
        let response =
            gloo_net::http::Response::from(response.unchecked_into::<web_sys::Response>());
        if !response.ok() {
            return Err(LoadError::from_status(&url, response.status()));
        }
        // A file too large for the tab is refused before its body is read, when the server
        // says its size (compressed responses say the compressed size: checked again below).
        let declared = response.headers().get("content-length");
        if let Some(bytes) = declared.and_then(|length| length.trim().parse::<u64>().ok()) {
            if bytes > MAX_DATA_BYTES as u64 {
                return Err(LoadError::TooLarge { url, bytes });
            }
        }
        response.binary().await.map_err(|_| network())
    }
}

/// Reads and validates a data file fetched from `url`.
async fn read_dataset(bytes: Vec<u8>, url: &str) -> Result<Dataset, LoadError> {
    // A large file is read in short slices, each in its own task (copying the bytes in and
    // checking they are UTF-8 is a task of its own), so that the page keeps answering taps
    // and scrolls while thousands of notices are parsed and checked.
    let mut reader = DataReader::from_bytes(bytes, url)?;
    loop {
        next_task().await;
        let slice_end = now_ms() + SLICE_MS;
        if reader.read_while(|| now_ms() < slice_end) {
            break;
        }
    }
    // Sorting, and the first render of the list that follows, get a task of their own.
    next_task().await;
    reader.finish()
}

/// How long a slice of loading work may take: under the 50 ms after which a browser counts
/// a task as long (a slice stops at the first notice that ends past it).
const SLICE_MS: f64 = 30.0;
