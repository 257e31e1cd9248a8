// Starts the board on its own page. trunk writes the content-hashed names of the app's
// files into this script's tag (Trunk.toml, pattern_script), so the page needs no inline
// script and runs under a Content-Security-Policy of script-src 'self' 'wasm-unsafe-eval'.
// The names are relative to the page, as trunk's own loader reads them.
const { glue, wasm } = document.querySelector('script[data-glue]').dataset;
const here = (file) => new URL(file, document.baseURI).href;
const loadGlue = import(here(glue));
// The wasm (about 250 KB) is fetched once the page has painted, so that it does not take
// the bandwidth from the page's own first paint (a background tab starts it after 200 ms).
await new Promise((painted) => {
  requestAnimationFrame(() => requestAnimationFrame(painted));
  setTimeout(painted, 200);
});
const { default: init } = await loadGlue;
const instance = await init({ module_or_path: fetch(here(wasm)) });
dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm: instance } }));
