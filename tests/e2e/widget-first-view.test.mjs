// The widget's first view before the app arrives: widget.js shows the board's prerendered
// first view (widget.html, widget-latest.html, written next to the data file), and the app
// takes it over without anything moving. Host pages on another origin under a strict CSP.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { DIST } from './support/server.mjs';
import { openPage, axeViolations, WIDTHS } from './support/browser.mjs';
import { serveHostAndCdn } from './support/host.mjs';

const sample = JSON.parse(fs.readFileSync(path.join(DIST, 'notices.json'), 'utf8'));
const pageSize = sample.board.pageSize ?? 10;
const pinned = sample.notices.filter((n) => n.pinned).length;
const newestFirst = [...sample.notices].sort((a, b) => b.date.localeCompare(a.date) || b.id - a.id);

// The full board with the default options but a deeper heading, and a home page's box.
const host = `<!DOCTYPE html>
<html lang="ko">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>행정안전부</title></head>
<body>
  <main>
    <h1>행정안전부</h1>
    <h2>알림</h2>
    <div id="board" data-notice-board data-src="https://cdn.example.go.kr/notice-board/notices.json" data-heading-level="3">
      <a href="https://cdn.example.go.kr/notice-board/">News and notices</a>
    </div>
    <div id="box" data-notice-board data-view="latest" data-count="4" data-param-prefix="home-"
         data-src="https://cdn.example.go.kr/notice-board/notices.json"
         data-board-url="https://cdn.example.go.kr/notice-board/">
      <a href="https://cdn.example.go.kr/notice-board/">News and notices</a>
    </div>
  </main>
  <script type="module" src="https://cdn.example.go.kr/notice-board/widget.js"></script>
</body>
</html>`;

// Boards of other data files, in the folder of the board published there and in the Korean
// board's, before the board published there.
const beside = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Three boards</title></head>
<body><main><h1>Three boards</h1>
  <div id="other" data-notice-board data-src="https://cdn.example.go.kr/notice-board/other.json"></div>
  <div id="ko-other" data-notice-board data-src="https://cdn.example.go.kr/notice-board/ko/other.json"></div>
  <div id="own" data-notice-board data-src="https://cdn.example.go.kr/notice-board/published.json"></div>
</main><script type="module" src="https://cdn.example.go.kr/notice-board/widget.js"></script></body></html>`;

const inBoard = (page, selector) => page.locator(`#board ${selector}`);

describe('a widget’s first view before the app', () => {
  const env = serveHostAndCdn({
    cdnFiles: Object.fromEntries(['other.json', 'ko/other.json']
      .map((file) => [file, JSON.stringify({ ...sample, notices: sample.notices.slice(0, 3) })])),
    hostFiles: { 'first.html': host, 'beside.html': beside },
  });

  /** The host page with the app's wasm never arriving: what shows is widget.js's doing. */
  async function withoutApp(width = 1280, query = '') {
    const page = await openPage(env.browser, { width });
    await page.route('**/*.wasm', (route) => route.abort());
    await page.goto(`${env.host.url}first.html${query}`);
    await inBoard(page, '.notice-row').first().waitFor();
    await page.locator('#box .latest-list').waitFor();
    return page;
  }

  it('shows the list and the newest titles with the wasm blocked, headings at the host’s level', async () => {
    const page = await withoutApp();
    assert.equal(await inBoard(page, '.notice-row').count(), pageSize + pinned);
    assert.equal(await inBoard(page, '.view-heading').evaluate((h) => h.tagName), 'H3');
    assert.equal(await inBoard(page, '.notice-row-title').first().evaluate((h) => h.tagName), 'H4');
    assert.equal(await inBoard(page, '[data-board-root]').isVisible(), true, 'styled and shown');
    assert.deepEqual(await page.locator('#box .latest-list li a').allTextContents(),
      newestFirst.slice(0, 4).map((n) => n.title), 'data-count keeps the first titles');
  });

  it('links to the board’s own pages, which work without the app', async () => {
    const page = await withoutApp();
    const cdn = env.cdn.url;
    const first = inBoard(page, '.notice-row a[data-notice-id]').first();
    const id = await first.getAttribute('data-notice-id');
    assert.equal(await first.getAttribute('href'), `${cdn}notice-${id}.html`);
    assert.equal(await inBoard(page, '.pagination a[rel="next"]').getAttribute('href'), `${cdn}page-2.html`);
    assert.equal(await inBoard(page, 'form').evaluate((form) => form.action), `${cdn}index.html`);
    assert.equal(await inBoard(page, '.back-to-top-link').getAttribute('href'), '#board');
    assert.equal(await page.locator('#box .latest-more a').getAttribute('href'), cdn);
    const title = await first.textContent();
    await first.click();
    await page.waitForURL(`${cdn}notice-${id}.html`);
    await page.locator('.notice-title', { hasText: title }).waitFor();
  });

  it('comes with widget.js for the board beside it, and only for that board', async () => {
    const page = await openPage(env.browser);
    await page.route('**/*.wasm', (route) => route.abort());
    const fetched = [];
    page.on('request', (request) => /widget(-latest)?\.html/.test(request.url()) && fetched.push(request.url()));
    await page.goto(`${env.host.url}beside.html`);
    await page.locator('#own .notice-row').first().waitFor();
    assert.equal(await page.locator('#own .notice-row').count(), pageSize + pinned, 'its published entry names it too');
    // The others' folders have a widget.html (held by widget.js, or fetched), but it is the
    // view of another data file.
    await page.waitForTimeout(500);
    for (const other of ['#other', '#ko-other']) {
      assert.equal(await page.locator(`${other} .notice-row`).count(), 0, `${other}: not another board’s first view`);
    }
    assert.deepEqual(fetched, [`${env.cdn.url}ko/widget.html`], 'only a view widget.js does not hold is fetched');
  });

  it('shows nothing prerendered when the page’s address holds the board’s state', async () => {
    const page = await openPage(env.browser);
    await page.route('**/*.wasm', (route) => route.abort());
    await page.goto(`${env.host.url}first.html?nb1-page=2`);
    await page.locator('#box .latest-list').waitFor();
    assert.equal(await inBoard(page, '.notice-row').count(), 0, 'page 2 is the app’s to show');
  });

  it('stays, with its links, when the data cannot be read, as a prerendered page does', async () => {
    env.cdn.dataOverride = { status: 500, body: 'x' };
    const page = await openPage(env.browser);
    await page.goto(`${env.host.url}first.html`);
    await inBoard(page, '.notice-row').first().waitFor();
    // The app started, read nothing and left the first view as it was.
    await page.waitForFunction(() => document.querySelector('#board').shadowRoot.querySelector('[data-board-root][data-started]'));
    await page.waitForTimeout(500);
    assert.equal(await inBoard(page, '[data-board-root]').getAttribute('data-prerendered'), '');
    assert.equal(await inBoard(page, '.notice-row').count(), pageSize + pinned);
    assert.match(await inBoard(page, '.notice-row a').first().getAttribute('href'), /notice-\w+\.html$/);
  });

  for (const width of WIDTHS) {
    it(`has no axe violations at ${width} px`, async () => {
      const page = await withoutApp(width);
      assert.deepEqual(await axeViolations(page), []);
    });
  }

  /** The host page with the app's wasm held back until `release()`. */
  async function appHeldBack() {
    const page = await openPage(env.browser);
    let release;
    const held = new Promise((resolve) => { release = resolve; });
    await page.route('**/*.wasm', async (route) => { await held; await route.continue(); });
    await page.addInitScript(() => {
      window.shifts = [];
      new PerformanceObserver((list) => window.shifts.push(...list.getEntries().map((entry) => ({ at: entry.startTime, value: entry.value }))))
        .observe({ type: 'layout-shift', buffered: true });
    });
    await page.goto(`${env.host.url}first.html`);
    await inBoard(page, '.notice-row').first().waitFor();
    await page.locator('#box .latest-list').waitFor();
    const takenOver = () => page.waitForFunction(() => ['#board', '#box'].every((id) =>
      !document.querySelector(id).shadowRoot.querySelector('[data-board-root]').hasAttribute('data-prerendered')));
    const takeOver = async () => {
      await page.evaluate(() => (window.released = performance.now()));
      release();
      await takenOver();
    };
    return { page, takeOver };
  }

  it('is taken over by the app without anything moving', async () => {
    const { page, takeOver } = await appHeldBack();
    const rows = () => page.evaluate(() => ['#board', '#box'].map((id) =>
      [...document.querySelector(id).shadowRoot.querySelectorAll('li')].map((row) => JSON.stringify(row.getBoundingClientRect()))));
    const before = await rows();
    await takeOver();
    assert.deepEqual(await rows(), before);
    const { shifts, released } = await page.evaluate(() => ({ shifts: window.shifts, released: window.released }));
    assert.deepEqual(shifts.filter((shift) => shift.at >= released), [], 'no layout shift at the takeover');
    // Before it, the first views replaced the host's fallback links in one frame (no empty
    // board in between), which moves what follows a board once when the links were painted
    // first, as on a slow network: within a good cumulative layout shift (0.1).
    const shown = shifts.reduce((sum, shift) => sum + shift.value, 0);
    assert.ok(shown < 0.1, `the first views moved the host page by ${shown}`);
    assert.equal(await page.locator('#box .board').getAttribute('aria-label'), 'News & Notices (2)', 'named as the app names it');
    assert.deepEqual(page.problems, []);
  });

  it('keeps focus and what was typed when the app takes over', async () => {
    const { page, takeOver } = await appHeldBack();
    await inBoard(page, 'input[type="search"]').fill('drill');
    const link = page.locator('#box .latest-list a').nth(1);
    await link.focus();
    await takeOver();
    assert.equal(await page.evaluate(() => document.querySelector('#box').shadowRoot.activeElement?.textContent),
      await link.textContent(), 'focus stays on the same title');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('nb1-q') === 'drill');
    assert.equal(await inBoard(page, 'input[type="search"]').inputValue(), 'drill');
    assert.deepEqual(page.problems, []);
  });
});
