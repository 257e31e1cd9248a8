//! The wasm entry point. trunk's loader runs `main` once the page has loaded: it starts the
//! board when it is the page. `widget.js` (js/widget.js) then calls
//! `mount_widgets` to start the boards embedded in a host page.

use wasm_bindgen::prelude::wasm_bindgen;

fn main() {
    notice_board::start_page();
}

/// Starts the embedded boards, in the shadow roots `widget.js` made.
#[wasm_bindgen]
pub fn mount_widgets() {
    notice_board::start_widgets();
}
