// Measures, in headless Chromium, the time from navigation start until the notice list is
// visible (the first notice row is in the page), over several fresh page loads, and reports
// the median. Also reports when the data file finished arriving, to separate network from
// rendering. Usage: node bench/first-paint.mjs [runs] (after scripts/build).
import { startServer } from '../tests/e2e/support/server.mjs';
import { launch } from '../tests/e2e/support/browser.mjs';

const runs = Number(process.argv[2] ?? 9);
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

const server = await startServer();
const browser = await launch();
const samples = [];
try {
  for (let run = 0; run < runs; run++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    // Runs before any page script: notes the moment the first notice row is added.
    await page.addInitScript(() => {
      new MutationObserver((_, observer) => {
        if (document.querySelector('.board .notice-row')) {
          window.__listVisible = performance.now();
          observer.disconnect();
        }
      }).observe(document, { childList: true, subtree: true });
    });
    await page.goto(server.url);
    await page.waitForFunction(() => window.__listVisible);
    samples.push(await page.evaluate(() => {
      const data = performance.getEntriesByType('resource').find((e) => e.name.endsWith('notices.json'));
      const wasm = performance.getEntriesByType('resource').find((e) => e.name.endsWith('.wasm'));
      return { listVisible: window.__listVisible, dataArrived: data?.responseEnd, wasmArrived: wasm?.responseEnd };
    }));
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
}
const report = (key) => `${median(samples.map((s) => s[key])).toFixed(1)} ms`;
console.log(`runs: ${runs} (median), sample data, loopback server, no throttling`);
console.log(`wasm downloaded:         ${report('wasmArrived')}`);
console.log(`data file downloaded:    ${report('dataArrived')}`);
console.log(`list visible:            ${report('listVisible')}  (navigation start → first notice row in the page)`);
