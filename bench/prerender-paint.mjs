// Static first paint under a simulated mid-range phone (4× CPU slowdown, 1.6 Mbps down,
// 750 kbps up, 150 ms round trip), in headless Chromium, against the built dist/:
//   - "app": the board's prerendered index.html, then the app taking it over;
//   - "static": a plain static HTML page with the same first ten notices and no script;
//   - "client-only": the same board without its prerendered markup (the app renders it
//     alone), for reference: what the prerender step saves.
// The board's files are served brotli-compressed (the .br copies), as from a CDN.
// Loads them in turn, several times, and reports the medians of: the time until the newest
// notice's title is in the page, the largest contentful paint, the layout shift, and for
// the app when it had taken over. Usage: node bench/prerender-paint.mjs [runs] (after scripts/build).
import fs from 'node:fs';
import path from 'node:path';
import { startServer, DIST, CLIENT_RENDERED } from '../tests/e2e/support/server.mjs';
import { launch } from '../tests/e2e/support/browser.mjs';
import { phonePage } from './phone.mjs';

const runs = Number(process.argv[2] ?? 7);
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

const data = JSON.parse(fs.readFileSync(path.join(DIST, 'notices.json'), 'utf8'));
const byDate = [...data.notices].sort((a, b) => b.date.localeCompare(a.date));
const newest = byDate[0].title;
const escape = (text) => String(text).replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
const STATIC_PAGE = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>News &amp; Notices</title>
<style>body{font-family:system-ui,sans-serif;margin:0 1rem;line-height:1.5}li{margin:1rem 0}</style>
</head><body>
<h1>News &amp; Notices</h1>
<ol>${byDate.slice(0, 10).map((n) => `
<li><a href="notice-${escape(n.id)}.html">${escape(n.title)}</a><br>Date: ${escape(n.date)} Read: ${escape(n.views)}</li>`).join('')}
</ol></body></html>`;

const PAGES = { app: '', static: 'static.html', 'client-only': CLIENT_RENDERED };

const server = await startServer({ files: { 'static.html': STATIC_PAGE }, brotli: true });
const browser = await launch();
const samples = Object.fromEntries(Object.keys(PAGES).map((name) => [name, []]));

async function measure(file) {
  const { context, page, cdp } = await phonePage(browser);
  await page.addInitScript((title) => {
    window.__lcp = 0;
    window.__shift = 0;
    new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__lcp = e.startTime; })
      .observe({ type: 'largest-contentful-paint', buffered: true });
    new PerformanceObserver((list) => { for (const e of list.getEntries()) if (!e.hadRecentInput) window.__shift += e.value; })
      .observe({ type: 'layout-shift', buffered: true });
    const check = () => {
      if (!window.__titleShown && document.body?.textContent.includes(title)) window.__titleShown = performance.now();
      if (window.__titleShown && !window.__takenOver && document.body && !document.querySelector('[data-prerendered]')
        && (document.querySelector('.board') || !document.querySelector('[data-notice-board]'))) window.__takenOver = performance.now();
    };
    new MutationObserver(check).observe(document, { childList: true, subtree: true, attributes: true });
  }, newest);
  await page.goto(server.url + file);
  await page.waitForFunction(() => window.__titleShown && window.__takenOver, null, { timeout: 60_000 });
  await page.waitForTimeout(1000);
  const result = await page.evaluate(() => ({
    title: window.__titleShown, lcp: window.__lcp, shift: window.__shift, takeover: window.__takenOver,
    html: performance.getEntriesByType('navigation')[0].responseEnd,
    fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime,
  }));
  await context.close();
  return result;
}

try {
  for (let run = 0; run < runs; run++) {
    for (const [name, file] of Object.entries(PAGES)) samples[name].push(await measure(file));
  }
} finally {
  await browser.close();
  await server.close();
}

const report = (name, key) => median(samples[name].map((s) => s[key]));
console.log(`runs: ${runs} of each, alternately (median); 4× CPU slowdown, 1.6 Mbps, 150 ms RTT, cache off`);
console.log(`newest notice: “${newest}”`);
for (const name of Object.keys(PAGES)) {
  console.log(`${name.padEnd(12)} HTML in ${report(name, 'html').toFixed(0).padStart(5)} ms   title in page ${report(name, 'title').toFixed(0).padStart(5)} ms   FCP ${report(name, 'fcp').toFixed(0).padStart(5)} ms   LCP ${report(name, 'lcp').toFixed(0).padStart(5)} ms   layout shift ${report(name, 'shift').toFixed(3)}` +
    (name === 'static' ? '' : `   app running ${report(name, 'takeover').toFixed(0).padStart(5)} ms`));
}
const ratio = (key) => (report('app', key) / report('static', key)).toFixed(2);
console.log(`app / static: title ${ratio('title')}×, LCP ${ratio('lcp')}× (target ≤ 1.3×); client-only / static: title ${(report('client-only', 'title') / report('static', 'title')).toFixed(2)}×`);
