// Starts the board on its own page. trunk writes the content-hashed names of the app's
// files into this script's tag (Trunk.toml, pattern_script), so the page needs no inline
// script and runs under a Content-Security-Policy of script-src 'self' 'wasm-unsafe-eval'.
// The names are relative to the page, as trunk's own loader reads them.
const { glue, wasm } = document.querySelector('script[data-glue]').dataset;
const here = (file) => new URL(file, document.baseURI).href;
const { default: init } = await import(here(glue));
const instance = await init({ module_or_path: here(wasm) });
dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm: instance } }));
