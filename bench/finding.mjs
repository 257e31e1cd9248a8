// How fast the board finds things, in headless Chromium, median of several runs:
//  - data arrival → first list paint (data file fully received → first frame with the list);
//  - search keystroke → updated list painted (keydown → first frame after the list changed);
//  - page change (click on "Next page" → first frame with the new page);
//  - the longest main-thread task while loading (until the list is painted; also only those
//    that started once the data had arrived, since the page's own start has one of about
//    50-80 ms on these machines, whatever the data) and while typing (PerformanceObserver
//    "longtask").
// Usage (after scripts/build): node bench/finding.mjs [data-file ...] [--runs N]
// Without files: the sample data, then target/bench/notices-10000.json and -100000.json
// (made by bench/generate.mjs when missing; a name with "-html-" gets HTML bodies).
// The board is measured on its page without the prerendered list (the app renders it).
import fs from 'node:fs';
import { execFileSync } from 'node:child_process';
import { startServer, DIST, CLIENT_RENDERED } from '../tests/e2e/support/server.mjs';
import { launch } from '../tests/e2e/support/browser.mjs';

const args = process.argv.slice(2);
const runsAt = args.indexOf('--runs');
const runs = runsAt >= 0 ? Number(args.splice(runsAt, 2)[1]) : 5;
const files = args.length ? args : [`${DIST}/notices.json`, 'target/bench/notices-10000.json', 'target/bench/notices-100000.json'];
for (const file of files) {
  const generated = file.match(/notices-(html-)?(\d+)\.json$/);
  const html = generated?.[1] ? ['--html'] : [];
  if (!fs.existsSync(file) && generated) execFileSync('node', ['bench/generate.mjs', generated[2], file, ...html], { stdio: 'inherit' });
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const KEYS = 'drill';

// Installed before the page's scripts: timestamps for "the list changed, then painted".
function instrument() {
  window.__marks = { listPainted: null, changes: [], longTasks: [], appStarted: null };
  addEventListener('TrunkApplicationStarted', () => (window.__marks.appStarted = performance.now()));
  const afterPaint = (record) => requestAnimationFrame(() => record(performance.now()));
  const observer = new MutationObserver(() => {
    const list = document.querySelector('.board .notice-list');
    if (!list) return;
    if (window.__marks.listPainted === null && list.children.length) {
      window.__marks.listPainted = 0;
      afterPaint((t) => (window.__marks.listPainted = t));
    }
    if (window.__marks.pending) {
      const start = window.__marks.pending;
      window.__marks.pending = null;
      afterPaint((t) => window.__marks.changes.push(t - start));
    }
  });
  observer.observe(document, { childList: true, subtree: true, characterData: true });
  addEventListener('keydown', () => (window.__marks.pending = performance.now()), true);
  addEventListener('click', () => (window.__marks.pending = performance.now()), true);
  new PerformanceObserver((list) => list.getEntries().forEach((e) => window.__marks.longTasks.push({ start: e.startTime, duration: e.duration }))).observe({ type: 'longtask' });
}

const server = await startServer();
const browser = await launch();
try {
  for (const file of files) {
    server.dataOverride = { body: fs.readFileSync(file) };
    const results = { firstPaint: [], longestWhileLoading: [], longestAfterData: [], keystroke: [], pageChange: [], longestWhileTyping: [] };
    for (let run = 0; run < runs; run++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      await page.addInitScript(instrument);
      await page.goto(server.url + CLIENT_RENDERED, { timeout: 120000 });
      await page.waitForFunction(() => window.__marks.listPainted > 0, null, { timeout: 120000 });
      results.firstPaint.push(await page.evaluate(() => {
        const data = performance.getEntriesByType('resource').find((e) => e.name.endsWith('notices.json'));
        // The data is usable once it has arrived and the app has started, whichever is later.
        return window.__marks.listPainted - Math.max(data.responseEnd, window.__marks.appStarted ?? 0);
      }));
      const loading = await page.evaluate(() => {
        const data = performance.getEntriesByType('resource').find((e) => e.name.endsWith('notices.json'));
        const longest = (tasks) => Math.max(0, ...tasks.map((task) => task.duration));
        const tasks = window.__marks.longTasks;
        return { all: longest(tasks), afterData: longest(tasks.filter((task) => task.start >= data.responseEnd)) };
      });
      results.longestWhileLoading.push(loading.all);
      results.longestAfterData.push(loading.afterData);
      await page.waitForTimeout(300);
      // Page change.
      await page.evaluate(() => (window.__marks.changes = []));
      await page.getByRole('link', { name: 'Next page' }).click();
      await page.waitForFunction(() => window.__marks.changes.length > 0);
      results.pageChange.push(await page.evaluate(() => window.__marks.changes[0]));
      // Typing, one key at a time, each followed by a pause.
      await page.getByRole('searchbox', { name: 'Search notices' }).focus();
      await page.evaluate(() => { window.__marks.changes = []; window.__marks.longTasks = []; });
      for (const key of KEYS) {
        const before = await page.evaluate(() => window.__marks.changes.length);
        await page.keyboard.press(key);
        await page.waitForFunction((n) => window.__marks.changes.length > n, before, { timeout: 60000 });
        await page.waitForTimeout(50);
      }
      const typing = await page.evaluate(() => ({ changes: window.__marks.changes, longest: Math.max(0, ...window.__marks.longTasks.map((task) => task.duration)) }));
      results.keystroke.push(median(typing.changes));
      results.longestWhileTyping.push(typing.longest);
      await context.close();
    }
    const notices = JSON.parse(fs.readFileSync(file, 'utf8')).notices.length;
    const ms = (values) => `${median(values).toFixed(1)} ms`;
    console.log(`\n${file} (${notices} notices, ${(fs.statSync(file).size / 1048576).toFixed(1)} MB), median of ${runs} runs`);
    console.log(`  data arrival → first list paint:   ${ms(results.firstPaint)}`);
    console.log(`  longest main-thread task loading:  ${ms(results.longestWhileLoading)}`);
    console.log(`    of those once the data arrived:  ${ms(results.longestAfterData)}`);
    console.log(`  search keystroke → list painted:   ${ms(results.keystroke)}`);
    console.log(`  page change → painted:             ${ms(results.pageChange)}`);
    console.log(`  longest main-thread task typing:   ${ms(results.longestWhileTyping)}`);
  }
} finally {
  await browser.close();
  await server.close();
}
