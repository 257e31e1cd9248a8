// A board of 1,000, 10,000 and 100,000 notices, read from its single data file and from its
// published form (docs/deploying.md), side by side in one run, under the phone profile: 4× CPU
// slowdown, 1.6 Mbps down, 150 ms round trip, cache off, every file served brotli-compressed.
// For each interaction it reports the data bytes on the wire (brotli, data files only) and
// the time until the result is on screen (the pages themselves are not counted), and the
// longest main-thread task meanwhile:
//   first list view (page, widget) · a notice (clicked in the list) · page 50 (its address
//   opened, and reached from the list) · a category filter, then the most-read order, then
//   a notice of that list opened from its link on a fresh page · a year filter · a first
//   search (Latin word, Korean syllables, initial consonants) · the next keystrokes (the
//   median of nine: time from the key event to the end of the painted frame with its
//   results, in the page; the most bytes and longest task of any).
// Beside the first list view and each first search, the same view as a static page: the
// page's HTML once the view is on screen, without its scripts, loaded under the same profile
// (the median of three loads).
// Its longest task is the browser's own work (parsing, style, layout, paint) to show that
// view from nothing, as a ministry's server-rendered board has it shown.
// Boards come from bench/generate.mjs (prose-like text, a third of the titles Korean; the
// 100,000-notice board with --short bodies, to stay under the 150 MB a data file may have).
// Usage (after scripts/build): node bench/published.mjs [1000 10000 100000] [--keep DIR]
//   [--searches]  (the searches alone, after the first list view: a quicker run)
//   [--reuse]  (with --keep: a board already prerendered there is used as it is)
//   [--log]  (each data request on stderr: when it started and ended after the action, its
//   bytes and its file, to see what an interaction fetches and in how many round trips)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { startServer, DIST, withoutPrerenderedBoard } from '../tests/e2e/support/server.mjs';
import { launch } from '../tests/e2e/support/browser.mjs';
import { phonePage } from './phone.mjs';

const args = process.argv.slice(2);
const keepAt = args.indexOf('--keep');
const keep = keepAt >= 0 ? args.splice(keepAt, 2)[1] : null;
const searchesAt = args.indexOf('--searches');
const searchesOnly = searchesAt >= 0 && args.splice(searchesAt, 1).length > 0;
const flag = (name) => args.includes(name) && args.splice(args.indexOf(name), 1).length > 0;
const reuse = flag('--reuse');
const log = flag('--log');
const sizes = args.length ? args.map(Number) : [1000, 10000, 100000];
const root = path.resolve(import.meta.dirname, '..');
const run = (command, ...rest) => execFileSync(command, rest, { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });

// The board's page without its prerendered list (the app renders it, so what is measured is
// the data), reading the data file alone or the published form; and a host page with a widget.
const index = withoutPrerenderedBoard(fs.readFileSync(path.join(DIST, 'index.html'), 'utf8'))
  .replace(/ data-published="[^"]*"/, '');
const pages = {
  'single.html': index,
  'published.html': index
    .replace('<link rel="preload" href="notices.json"', '<link rel="preload" href="published.json"')
    .replace('data-src="notices.json"', 'data-src="notices.json" data-published="published.json"'),
};
const host = (src) => `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Host</title></head>
<body><main><h1>Host page</h1><div data-notice-board data-src="${src}"></div></main><script type="module" src="widget.js"></script></body></html>`;
pages['single-widget.html'] = host('notices.json');
pages['published-widget.html'] = host('published.json');

const QUERIES = [['Latin word', 'cooperation'], ['Korean syllables', '안전'], ['initial consonants', 'ㅇㅈ']];

async function phone(browser) {
  const { context, page, cdp } = await phonePage(browser);
  // Main-thread tasks of 50 ms or more (the "longtask" entries) that started since the last
  // reset: an entry can arrive after the reset for a task that ran before it (the page's own
  // start, still going when its list shows).
  await page.addInitScript(() => {
    Object.assign(window, { __tasks: [], __since: 0 });
    new PerformanceObserver((list) => list.getEntries().forEach((e) => e.startTime >= window.__since && window.__tasks.push(e.duration)))
      .observe({ type: 'longtask' });
  });
  // Data bytes on the wire since the last reset.
  const urls = new Map();
  let bytes = 0;
  let requests = 0;
  // Request times are logged from the interaction's first data request (the network's
  // clock is not the page's).
  let since = null;
  cdp.on('Network.requestWillBeSent', (e) => {
    urls.set(e.requestId, [e.request.url, e.timestamp]);
    if (/(notices\.json|published\.json|\/published\/)/.test(e.request.url)) since ??= e.timestamp * 1000;
  });
  cdp.on('Network.loadingFinished', (e) => {
    const [url, sent] = urls.get(e.requestId) ?? [''];
    if (/(notices\.json|published\.json|\/published\/)/.test(url)) {
      bytes += e.encodedDataLength;
      requests++;
      const ms = (t) => String(Math.round(t * 1000 - since)).padStart(6);
      if (log) console.error(`${ms(sent)} ${ms(e.timestamp)} ms ${String(e.encodedDataLength).padStart(7)} B  ${url.split('/').pop()}`);
    }
  });
  const measure = async (action, done) => {
    bytes = 0;
    requests = 0;
    since = null;
    if (log) console.error('--');
    await page.evaluate(() => Object.assign(window, { __tasks: [], __since: performance.now() })).catch(() => {});
    const start = Date.now();
    await action();
    await page.waitForFunction(done, null, { timeout: 600_000, polling: 'raf' });
    const ms = Date.now() - start;
    const task = await page.evaluate(() => Math.max(0, ...window.__tasks));
    return { ms, bytes, requests, task };
  };
  return { context, page, measure };
}

// The view now on `page` as a static page (served as `name`), and its longest main-thread
// task while it loads under the phone profile: the median of three loads (a first layout's
// cost varies with the fonts it reaches for).
async function asStaticPage(browser, url, page, name) {
  pages[name] = await page.evaluate(() => {
    const html = document.documentElement.cloneNode(true);
    html.querySelectorAll('script, link[rel="preload"], link[rel="modulepreload"]').forEach((element) => element.remove());
    return `<!DOCTYPE html>${html.outerHTML}`;
  });
  const loads = [];
  for (let n = 0; n < 3; n++) {
    const opened = await phone(browser);
    await opened.measure(() => opened.page.goto(`${url}${name}`), 'document.readyState === "complete"');
    // Tasks still to come (the first paint, a late layout) count too.
    await opened.page.waitForTimeout(1500);
    loads.push({ task: await opened.page.evaluate(() => Math.max(0, ...window.__tasks)) });
    await opened.context.close();
  }
  return loads.sort((a, b) => a.task - b.task)[1];
}

const inBoard = (selector) => `(document.querySelector('[data-notice-board]')?.shadowRoot ?? document).querySelector(${JSON.stringify(selector)})`;
const listShown = `!!${inBoard('.notice-row')} && !${inBoard('.loading')}`;
const status = `(${inBoard('[role="status"]')}?.textContent ?? '')`;

// With `firstViewOnly`, only the page's first list view: every other interaction of a
// single data file first downloads and reads the whole file too (at 100,000 notices, many
// minutes each under this profile).
async function board(browser, url, mode, firstViewOnly = false) {
  const results = {};
  let { context, page, measure } = await phone(browser);
  results['first list view (page)'] = await measure(() => page.goto(`${url}${mode}.html`), listShown);
  if (mode === 'published') results['first list view (page)'].static = await asStaticPage(browser, url, page, 'static-list.html');
  if (firstViewOnly) {
    await context.close();
    return results;
  }
  if (!searchesOnly) await others(browser, url, mode, results, page, context, measure);
  else await context.close();
  await searches(browser, url, mode, results);
  return results;
}

// Every interaction but the searches, from the page `board` opened.
async function others(browser, url, mode, results, page, context, measure) {
  const title = await page.locator('.notice-row a').nth(4).textContent();
  results['a notice'] = await measure(() => page.locator('.notice-row a').nth(4).click(),
    `document.querySelector('.notice-title')?.textContent.includes(${JSON.stringify(title.trim().slice(0, 20))})`);
  await context.close();

  ({ context, page, measure } = await phone(browser));
  results['first list view (widget)'] = await measure(() => page.goto(`${url}${mode}-widget.html`), listShown);
  await context.close();

  const onPage50 = `${listShown} && document.querySelector('.pagination [aria-current="page"]')?.textContent.trim() === '50'`;
  ({ context, page, measure } = await phone(browser));
  results['page 50 (its address)'] = await measure(() => page.goto(`${url}${mode}.html?page=50`),
    onPage50);
  await context.close();
  // The same page from the list already open: what going there costs once the board is in
  // (the entry is not fetched again). The address is changed as Forward would change it.
  ({ context, page, measure } = await phone(browser));
  await page.goto(`${url}${mode}.html`);
  await page.waitForFunction(listShown, null, { timeout: 600_000 });
  results['page 50 (from the list)'] = await measure(() => page.evaluate(() => {
    history.pushState(null, '', '?page=50');
    dispatchEvent(new PopStateEvent('popstate', { state: 0 }));
  }), `${onPage50} && !document.querySelector('main[aria-busy="true"]')`);
  await context.close();

  // A fresh phone on the list with its filters in reach (on a phone they are behind their
  // button); `choose` picks an option, and the list has changed when its status has.
  const onFilters = async () => {
    const opened = await phone(browser);
    await opened.page.goto(`${url}${mode}.html`);
    await opened.page.waitForFunction(listShown, null, { timeout: 600_000 });
    const toggle = opened.page.locator('[aria-controls="finder-filters"]');
    if (await toggle.isVisible()) await toggle.click();
    const choose = async (select, option) => {
      const before = await opened.page.evaluate(status);
      return opened.measure(() => opened.page.locator(select).selectOption(option),
        `${status} !== ${JSON.stringify(before)} && !document.querySelector('main[aria-busy="true"]')`);
    };
    return { context: opened.context, page: opened.page, choose };
  };
  let choose;
  ({ context, page, choose } = await onFilters());
  results['category filter'] = await choose('#notice-category', { index: 1 });
  results['then sort: most read'] = await choose('#notice-sort', 'most-read');
  // A link to a notice of that list, opened on a fresh page: its Previous/Next follow the
  // list, so where it is in it must be known.
  const linked = page.locator('.notice-row a').nth(4);
  const [href, linkedTitle] = [new URL(await linked.getAttribute('href'), page.url()).href, (await linked.textContent()).trim()];
  await context.close();
  ({ context, page, measure } = await phone(browser));
  results['a notice from a filtered link'] = await measure(() => page.goto(href),
    `document.querySelector('.notice-title')?.textContent.includes(${JSON.stringify(linkedTitle.slice(0, 20))}) && !!document.querySelector('.notice-pager a') && !document.querySelector('main[aria-busy="true"]')`);
  await context.close();
  ({ context, choose } = await onFilters());
  results['year filter'] = await choose('#notice-year', { index: 2 });
  await context.close();
}

// The first searches, each on a fresh page, and the keystroke after the first.
async function searches(browser, url, mode, results) {
  let context, page, measure;
  for (const [what, query] of QUERIES) {
    ({ context, page, measure } = await phone(browser));
    await page.goto(`${url}${mode}.html`);
    await page.waitForFunction(listShown, null, { timeout: 600_000 });
    const search = page.locator('#notice-search');
    const searched = (q) => `document.title.includes(${JSON.stringify(q)}) && !document.querySelector('main[aria-busy="true"]')`;
    results[`first search: ${what}`] = await measure(() => search.fill(query), searched(query));
    if (mode === 'published') results[`first search: ${what}`].static = await asStaticPage(browser, url, page, 'static-search.html');
    if (what === 'Latin word') {
      // Nine keys (a letter, then taking it back, in turn), each once the one before has
      // settled. The time is the page's own: from the key event to the end of the first
      // frame that shows its results (a task queued from that frame's animation callback
      // runs once it is painted), watched from inside the page, so that Playwright's round
      // trips around the key are not counted. The median is reported.
      await search.press('End');
      const keys = [];
      let typedSoFar = query;
      for (const key of ['s', 'Backspace', 's', 'Backspace', 's', 'Backspace', 's', 'Backspace', 's']) {
        typedSoFar = key === 'Backspace' ? typedSoFar.slice(0, -1) : typedSoFar + key;
        await page.waitForTimeout(400);
        // The title quotes the search ("Search results for “…”"), whole.
        const shown = searched(`“${typedSoFar}”`);
        await page.evaluate((shown) => {
          window.__painted = undefined;
          const isShown = new Function(`return ${shown}`);
          addEventListener('keydown', (event) => {
            window.__keyDown = event.timeStamp;
            const frame = () => (isShown() ? setTimeout(() => (window.__painted = performance.now())) : requestAnimationFrame(frame));
            requestAnimationFrame(frame);
          }, { capture: true, once: true });
        }, shown);
        const timed = await measure(() => search.press(key), 'window.__painted !== undefined');
        timed.ms = await page.evaluate(() => window.__painted - window.__keyDown);
        keys.push(timed);
      }
      // Each key's time too: a letter that leaves few rows costs less than a Backspace that
      // brings ten back.
      const each = keys.map((key, n) => `${n % 2 ? '⌫' : 's'} ${Math.round(key.ms)}`).join(', ');
      console.error(`next keystrokes (${mode}): ${each} ms`);
      const typed = keys.sort((a, b) => a.ms - b.ms)[keys.length >> 1];
      typed.bytes = Math.max(...keys.map((key) => key.bytes));
      typed.requests = Math.max(...keys.map((key) => key.requests));
      typed.task = Math.max(...keys.map((key) => key.task));
      results['next keystroke'] = typed;
    }
    await context.close();
  }
}

const browser = await launch();
const table = [];
try {
  for (const size of sizes) {
    const data = path.join(root, `target/bench/notices-${size}${size >= 100000 ? '-short' : ''}.json`);
    if (!fs.existsSync(data)) run('node', 'bench/generate.mjs', String(size), data, ...(size >= 100000 ? ['--short'] : []));
    const site = keep ? path.resolve(keep, String(size)) : fs.mkdtempSync(path.join(os.tmpdir(), `published-${size}-`));
    if (!(reuse && fs.existsSync(path.join(site, 'published.json')))) {
      fs.rmSync(site, { recursive: true, force: true });
      fs.cpSync(DIST, site, { recursive: true, filter: (file) => !/published/.test(path.relative(DIST, file)) });
      fs.copyFileSync(data, path.join(site, 'notices.json'));
      // Prerendered, not only published: the widget's first view (in widget.js) is this board's.
      run('scripts/notices', 'prerender', site);
      run('node', 'scripts/compress.mjs', site);
    }
    const files = fs.readdirSync(path.join(site, 'published')).filter((f) => !/\.(br|gz)$/.test(f)).length;
    console.error(`${size} notices: published ${files} files (and their .br/.gz)`);
    const server = await startServer({ root: site, brotli: true, files: pages });
    try {
      const single = await board(browser, server.url, 'single', size >= 100000);
      const published = await board(browser, server.url, 'published');
      for (const what of Object.keys(published)) table.push({ size, what, single: single[what], published: published[what] });
    } finally {
      await server.close();
      if (!keep) fs.rmSync(site, { recursive: true, force: true });
    }
  }
} finally {
  await browser.close();
}

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const task = (r) => (r.task ? `${r.task.toFixed(0)} ms` : '< 50 ms');
const time = (ms) => (ms < 1000 ? `${ms.toFixed(0)} ms` : `${(ms / 1000).toFixed(2)} s`);
const cell = (r) => (r ? `${kb(r.bytes)} / ${time(r.ms)} / ${task(r)}` : 'not measured (needs the whole file first)');
const floor = (r) => (r.static ? task(r.static) : '–');
console.log('| notices | interaction | single data file: data / time / longest task | published: data / time / longest task (requests) | the same view as a static page: longest task |');
console.log('|---|---|---|---|---|');
for (const row of table) {
  console.log(`| ${row.size.toLocaleString('en')} | ${row.what} | ${cell(row.single)} | ${cell(row.published)} (${row.published.requests}) | ${floor(row.published)} |`);
}
