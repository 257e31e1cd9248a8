//! The wasm entry point. trunk's loader runs `main` once the page has loaded: it starts the
//! board when it is the page. `widget.js` (see scripts/postbuild.mjs) then calls
//! `mount_widgets` to start the boards embedded in a host page.

use wasm_bindgen::prelude::wasm_bindgen;

fn main() {
    notice_board::start_page();
}

/// Starts the embedded boards; `stylesheet` is the URL of the board's CSS.
#[wasm_bindgen]
pub fn mount_widgets(stylesheet: String) {
    notice_board::start_widgets(&stylesheet);
}
