// Start-up under the phone profile (bench/phone.mjs: 4× CPU, 1.6 Mbps, 150 ms RTT, cache off),
// every file served brotli-compressed as from a CDN, against the built dist/:
//   - "page": the board's prerendered index.html, then the app taking it over;
//   - "static page": a plain HTML page with the same first notices and no script;
//   - "client-only page": the board's page without its prerendered markup, for reference;
//   - "widget": a host page with one board (default options), whose first view widget.js
//     shows before the app takes it over;
//   - "widget, no first view": the same with a page size set (the first view is the default
//     one's, so widget.js shows none: as for a board pointed at a data file with nothing
//     beside it);
//   - "static host page": the same host page with the same notices as static HTML.
// Loads them in turn, several times, and reports the medians of: when the newest notice's
// title is visible, when the app is ready (has taken over, or rendered), the longest
// main-thread task, the layout shift and the bytes on the wire.
// Usage: node bench/startup.mjs [runs] (after scripts/build).
import fs from 'node:fs';
import path from 'node:path';
import { startServer, DIST, CLIENT_RENDERED } from '../tests/e2e/support/server.mjs';
import { launch } from '../tests/e2e/support/browser.mjs';
import { phonePage } from './phone.mjs';

const runs = Number(process.argv[2] ?? 5);
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

const data = JSON.parse(fs.readFileSync(path.join(DIST, 'notices.json'), 'utf8'));
const byDate = [...data.notices].sort((a, b) => b.date.localeCompare(a.date));
const newest = byDate[0].title;
const escape = (text) => String(text).replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
const staticList = `<h2>News &amp; Notices</h2><ol>${byDate.slice(0, 10).map((n) => `
<li><a href="notice-${escape(n.id)}.html">${escape(n.title)}</a><br>Date: ${escape(n.date)} Read: ${escape(n.views)}</li>`).join('')}
</ol>`;
const page = (body, head = '') => `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Host</title>
<style>body{font-family:system-ui,sans-serif;margin:0 1rem;line-height:1.5}li{margin:1rem 0}</style>${head}
</head><body><header><a href="/">Ministry</a></header><main><h1>Welcome</h1>${body}</main></body></html>`;
const FILES = {
  'static.html': page(staticList),
  // With the link docs/embedding.md puts inside, for readers without the app.
  'host.html': page('<div data-notice-board data-src="notices.json"><a href="./">News and notices</a></div><script type="module" src="widget.js"></script>'),
  'host-sized.html': page('<div data-notice-board data-src="notices.json" data-page-size="10"><a href="./">News and notices</a></div><script type="module" src="widget.js"></script>'),
  'static-host.html': page(staticList),
};
// The static pages stand for what a ministry's server sends today; the host page is the
// same page with the widget instead of the list.
const PAGES = {
  page: { file: '' },
  'static page': { file: 'static.html', isStatic: true },
  'client-only page': { file: CLIENT_RENDERED },
  widget: { file: 'host.html' },
  'widget, no first view': { file: 'host-sized.html' },
  'static host page': { file: 'static-host.html', isStatic: true },
};

const server = await startServer({ files: FILES, brotli: true });
const browser = await launch();
const samples = Object.fromEntries(Object.keys(PAGES).map((name) => [name, []]));

async function measure({ file, isStatic }) {
  const { context, page, cdp } = await phonePage(browser);
  let bytes = 0;
  cdp.on('Network.loadingFinished', (e) => { bytes += e.encodedDataLength; });
  await page.addInitScript((title) => {
    Object.assign(window, { __lcp: 0, __shift: 0, __tasks: [] });
    new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__lcp = e.startTime; })
      .observe({ type: 'largest-contentful-paint', buffered: true });
    new PerformanceObserver((list) => { for (const e of list.getEntries()) if (!e.hadRecentInput) window.__shift += e.value; })
      .observe({ type: 'layout-shift', buffered: true });
    new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__tasks.push(e.duration); })
      .observe({ type: 'longtask', buffered: true });
    // The board's root: the page's mount element, or the widget's in its shadow root.
    const root = () => document.querySelector('[data-notice-board=page]')
      ?? document.querySelector('[data-notice-board]')?.shadowRoot?.querySelector('[data-board-root]');
    const visible = (element) => element && element.checkVisibility() && !element.closest('[hidden]');
    const check = () => {
      const board = root();
      if (!window.__title) {
        const links = board ? board.querySelectorAll('a') : document.querySelectorAll('a');
        if ([...links].some((a) => a.textContent.includes(title) && visible(a))) window.__title = performance.now();
      }
      if (!window.__ready && board && !board.hasAttribute('data-prerendered') && board.querySelector('.notice-row')
        && (board.hasAttribute('data-started') || board.matches('[data-notice-board=page]'))) window.__ready = performance.now();
      if (!window.__done) requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  }, newest);
  await page.goto(server.url + file);
  await page.waitForFunction(() => window.__title, null, { timeout: 120_000 });
  if (!isStatic) {
    await page.waitForFunction(() => window.__ready, null, { timeout: 120_000 });
  }
  await page.waitForTimeout(1500);
  const result = await page.evaluate(() => {
    window.__done = true;
    return { title: window.__title, ready: window.__ready, lcp: window.__lcp, shift: window.__shift, task: Math.max(0, ...window.__tasks) };
  });
  await context.close();
  return { ...result, bytes };
}

try {
  for (let run = 0; run < runs; run++) {
    for (const [name, setup] of Object.entries(PAGES)) samples[name].push(await measure(setup));
  }
} finally {
  await browser.close();
  await server.close();
}

const report = (name, key) => median(samples[name].map((s) => s[key] ?? NaN));
const ms = (value) => (Number.isNaN(value) ? '–' : `${value.toFixed(0)} ms`);
console.log(`runs: ${runs} of each, alternately (median); phone profile: 4× CPU, 1.6 Mbps, 150 ms RTT, cache off, brotli`);
console.log(`sample board (${data.notices.length} notices); newest notice: “${newest}”`);
console.log('| | newest title visible | app ready | longest task | LCP | layout shift | bytes on the wire |');
console.log('|---|---|---|---|---|---|---|');
for (const name of Object.keys(PAGES)) {
  console.log(`| ${name} | ${ms(report(name, 'title'))} | ${ms(report(name, 'ready'))} | ${report(name, 'task') ? ms(report(name, 'task')) : '< 50 ms'} | ${ms(report(name, 'lcp'))} | ${report(name, 'shift').toFixed(3)} | ${(report(name, 'bytes') / 1024).toFixed(1)} KB |`);
}
const ratio = (a, b) => (report(a, 'title') / report(b, 'title')).toFixed(2);
console.log(`title visible, page / static page: ${ratio('page', 'static page')}×; widget / static host page: ${ratio('widget', 'static host page')}× (target ≤ 1.3×); without the first view: ${ratio('widget, no first view', 'static host page')}×`);
