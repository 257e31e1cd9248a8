//! Addresses to share and print, the share sheet and the clipboard.

use super::{document, window};
use wasm_bindgen::{JsCast, JsValue};

/// `href` written out in full (`https://…`), as the person's browser resolves it: for the
/// addresses a print-out shows.
pub fn absolute_address(href: &str) -> String {
    let base = document()
        .base_uri()
        .ok()
        .flatten()
        .unwrap_or_else(|| window().location().href().unwrap_or_default());
    notice_core::safe_url::resolve(&base, href)
}

/// Whether the device offers a share sheet (`navigator.share`: phones, some desktops).
pub fn can_share() -> bool {
    js_sys::Reflect::has(&window().navigator(), &JsValue::from_str("share")).unwrap_or(false)
}

/// Opens the device's share sheet for a page; returns once it is closed (shared or not).
pub async fn share(title: &str, url: &str) {
    let data = web_sys::ShareData::new();
    data.set_title(title);
    data.set_url(url);
    let promise = window().navigator().share_with_data(&data);
    // Closing the sheet without sharing rejects it: nothing to say then.
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Puts `text` on the clipboard; false when the browser has no clipboard (an `http:` page)
/// or refuses it (a permission denied).
pub async fn copy_text(text: &str) -> bool {
    let navigator = window().navigator();
    let clipboard = js_sys::Reflect::get(&navigator, &JsValue::from_str("clipboard"))
        .unwrap_or(JsValue::UNDEFINED);
    if !clipboard.is_object() {
        return false;
    }
    let promise = clipboard
        .unchecked_into::<web_sys::Clipboard>()
        .write_text(text);
    wasm_bindgen_futures::JsFuture::from(promise).await.is_ok()
}

/// Which page address a shared link is resolved against.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Base {
    /// The page's canonical address when it has one (the prerendered pages do, when built
    /// with the public address), so the public address is shared even from a copy served
    /// elsewhere; else the page's own.
    Canonical,
    /// The address of the page as it is shown (a host page's, for a widget).
    Shown,
}

/// `href` (relative to the page) as an absolute address to share.
pub fn absolute_url(href: &str, base: Base) -> String {
    let canonical_base = match base {
        Base::Canonical => document()
            .query_selector("link[rel=canonical]")
            .ok()
            .flatten()
            .and_then(|link| link.get_attribute("href")),
        Base::Shown => None,
    };
    let base = canonical_base.unwrap_or_else(|| window().location().href().unwrap_or_default());
    web_sys::Url::new_with_base(href, &base).map_or_else(|_| href.to_string(), |url| url.href())
}
