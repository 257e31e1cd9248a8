// Hostile data under a phone profile: a ~2 MB data file made of pathological notices (the
// patterns of issue 15), loaded by the board in headless Chromium with 4× CPU slowdown,
// 1.6 Mbps down, 150 ms round trip, cache off, every file served brotli-compressed as from
// a CDN. Reports the longest main-thread task (PerformanceObserver "longtask") while the
// board loads the file and renders the list, while it opens each hostile notice (a click in
// the list, as a citizen would), and for one search keystroke. Target: none over 200 ms.
// Usage (after scripts/build): node bench/adversarial.mjs [--keep DIR]
// The board runs on its page without prerendered markup, so the app does all the work.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { startServer, DIST, CLIENT_RENDERED } from '../tests/e2e/support/server.mjs';
import { launch } from '../tests/e2e/support/browser.mjs';
import { phonePage } from './phone.mjs';

const TARGET_MS = 200;
// A step still busy after this long is reported as such; the run goes on on a fresh page.
const STEP_TIMEOUT = 4 * 60_000;
const keepAt = process.argv.indexOf('--keep');

const repeat = (unit, bytes) => unit.repeat(Math.ceil(bytes / unit.length));
const prose = 'The drill starts at two in the afternoon and lasts twenty minutes. ';
const attributes = Array.from({ length: 60_000 }, (_, i) => ` a${i.toString(36)}=1`).join('');
const marks = (n) => `e${'\u0301'.repeat(n)}`;
// [what, body format, body]; each pattern is one notice. About 2 MB in all.
const PATTERNS = [
  ['<!----> repeated', 'html', `<p>Before</p>${repeat('<!---->', 175_000)}<p>After</p>`],
  ['<!-- x --!> repeated', 'html', `<p>Before</p>${repeat('<!-- x --!>', 175_000)}<p>After</p>`],
  ['unclosed <!--', 'html', `<p>Before</p><!--${repeat(prose, 180_000)}`],
  ['a tag with 60,000 attributes', 'html', `<p${attributes}>One paragraph.</p>`],
  ['5,000 nested unclosed <div>', 'html', `${'<div>'.repeat(5_000)}Deep text`],
  ['5,000 nested unclosed <b>', 'html', `${'<b>'.repeat(5_000)}Deep text`],
  ['&amp; run', 'html', `<p>${repeat('&amp;', 100_000)}</p>`],
  ['&#x41; run', 'html', `<p>${repeat('&#x41;', 100_000)}</p>`],
  ['https:// repeated (text)', 'text', repeat('https:// ', 180_000)],
  ['https://a then ) × 170,000 (text)', 'text', `See https://a${')'.repeat(170_000)} end.`],
  ['a 500 KB single line (text)', 'text', repeat(prose, 500_000)],
  ['combining marks (title and text)', 'text', repeat(`${marks(40)} `, 160_000), marks(900)],
];

const sample = JSON.parse(fs.readFileSync(path.join(DIST, 'notices.json'), 'utf8'));
const notices = PATTERNS.map(([what, format, body, title], i) => ({
  id: 70_001 + i,
  title: title ?? `Hostile ${i + 1}: ${what}`,
  date: `2026-11-${String(28 - i).padStart(2, '0')}`,
  views: i,
  bodyFormat: format,
  body,
}));
const data = JSON.stringify({ ...sample, board: { ...sample.board, pageSize: 20 }, notices });

// A copy of dist/ with the hostile file (and its .br) as notices.json.
const site = keepAt >= 0 ? path.resolve(process.argv[keepAt + 1]) : fs.mkdtempSync(path.join(os.tmpdir(), 'adversarial-'));
fs.cpSync(DIST, site, { recursive: true });
fs.writeFileSync(path.join(site, 'notices.json'), data);
const brotli = zlib.brotliCompressSync(data, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 9 } });
fs.writeFileSync(path.join(site, 'notices.json.br'), brotli);
fs.rmSync(path.join(site, 'notices.json.gz'), { force: true });

function recordLongTasks() {
  window.__tasks = [];
  new PerformanceObserver((list) => list.getEntries().forEach((e) => window.__tasks.push(e.duration)))
    .observe({ type: 'longtask' });
}
const longest = (page) => page.evaluate(() => Math.max(0, ...window.__tasks));
const reset = (page) => page.evaluate(() => (window.__tasks = []));
const listShown = (page) => page.waitForFunction(
  () => document.querySelectorAll('.board .notice-row').length > 0 && !document.querySelector('.board .loading'),
  null, { timeout: STEP_TIMEOUT });

const kb = (bytes) => `${(bytes / 1024).toFixed(0)} KB`;
const rows = [];
const row = (step, bytes, task, time) => {
  rows.push(task);
  const flag = task > TARGET_MS ? `  over ${TARGET_MS} ms` : '';
  const longestTask = task === Infinity ? `> ${STEP_TIMEOUT / 1000} s` : `${task.toFixed(0)} ms`;
  console.log(`${step.padEnd(44)} ${kb(bytes).padStart(8)} ${longestTask.padStart(13)} ${`${time} ms`.padStart(9)}${flag}`);
};
console.log(`Hostile data file: ${notices.length} notices, ${(data.length / 1048576).toFixed(2)} MB (${kb(brotli.length)} brotli)`);
console.log('Phone profile: 4× CPU slowdown, 1.6 Mbps down, 150 ms RTT, cache off; Chromium headless\n');
console.log(`${'step'.padEnd(44)} ${'input'.padStart(8)} ${'longest task'.padStart(13)} ${'time'.padStart(9)}`);

const server = await startServer({ root: site, brotli: true });
const browser = await launch();

/** A fresh phone-profile page with the board loaded and its list shown. */
async function openBoard(url = server.url + CLIENT_RENDERED) {
  const { context, page } = await phonePage(browser);
  context.setDefaultTimeout(STEP_TIMEOUT);
  await page.addInitScript(recordLongTasks);
  const start = Date.now();
  await page.goto(url);
  await listShown(page);
  return { context, page, time: Date.now() - start };
}

try {
  // The same start with the ordinary 46-notice sample, for comparison: its longest task is
  // the app's own start (compiling the wasm, the first render), whatever the data.
  const plain = await startServer({ brotli: true });
  const baseline = await openBoard(plain.url + CLIENT_RENDERED);
  await baseline.page.waitForTimeout(1000);
  const sampleBytes = fs.statSync(path.join(DIST, 'notices.json')).size;
  row('baseline: the 46-notice sample instead', sampleBytes, await longest(baseline.page), baseline.time);
  await baseline.context.close();
  await plain.close();

  let board = await openBoard();
  await board.page.waitForTimeout(1000);
  row('load the file, show the list', data.length, await longest(board.page), board.time);

  for (const [i, notice] of notices.entries()) {
    const { page } = board;
    await reset(page);
    const start = Date.now();
    const step = `open: ${PATTERNS[i][0]}`;
    try {
      await page.locator('.board .notice-row h2 a').nth(i).click();
      await page.locator('.board .notice-body').waitFor();
    } catch {
      // Still busy: report it, and go on with the next notice on a fresh page.
      row(step, Buffer.byteLength(notice.body), Infinity, Date.now() - start);
      await board.context.close();
      board = await openBoard();
      continue;
    }
    const time = Date.now() - start;
    await page.waitForTimeout(500);
    row(step, Buffer.byteLength(notice.body), await longest(page), time);
    await page.goBack();
    await listShown(page);
    await page.waitForTimeout(300);
  }

  const { page } = board;
  await reset(page);
  const start = Date.now();
  await page.getByLabel('Search notices').fill('drill');
  await page.waitForFunction(() => document.title.includes('drill'));
  await page.waitForTimeout(1000);
  row('search "drill" in all of them', data.length, await longest(page), Date.now() - start);
  await board.context.close();
} finally {
  await browser.close();
  await server.close();
  if (keepAt < 0) fs.rmSync(site, { recursive: true, force: true });
}

const over = rows.filter((task) => task > TARGET_MS).length;
console.log(`\n${over ? `${over} of ${rows.length} steps have a task over ${TARGET_MS} ms` : `no task over ${TARGET_MS} ms`}`);
