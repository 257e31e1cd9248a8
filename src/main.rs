//! The wasm entry point: trunk builds this binary and runs `main` once the page has loaded.

fn main() {
    notice_board::start();
}
