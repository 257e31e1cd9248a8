// The board's published form (docs/deploying.md): the prerender step writes, beside the data
// file, an entry (published.json) and small content-named files (published/), and a visit
// fetches only what its view shows. What is seen must be exactly what the whole file shows.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { DIST, CLIENT_RENDERED, startServer } from './support/server.mjs';
import { serveAndLaunch, openPage, waitForView, HOST_PAGE, isolateTests, launch, widgetsRunning } from './support/browser.mjs';
import { before, after } from 'node:test';

const sample = JSON.parse(fs.readFileSync(path.join(DIST, 'notices.json'), 'utf8'));
const NOTICES = '/notices.json';
// The data requests a page made: the entry, the content-named files, the data file.
const dataRequests = (server) => server.requests.filter((p) => /(notices\.json|published)/.test(p));
const kind = (p) => (p === '/published.json' ? 'entry' : p === NOTICES ? 'data file' : p.replace(/^\/published\/(\w)-.*/, '$1'));

// The plain list as the whole file gives it: pinned on top, then newest first.
const newestFirst = (a, b) => b.date.localeCompare(a.date) || b.id - a.id;
const plain = [...sample.notices.filter((n) => n.pinned).sort(newestFirst), ...sample.notices.filter((n) => !n.pinned).sort(newestFirst)];
const pinned = sample.notices.filter((n) => n.pinned).length;
const pageTitles = (page, n) => (n === 1 ? plain.slice(0, pinned + 10) : plain.slice(pinned + (n - 1) * 10, pinned + n * 10)).map((n) => n.title);
const rowTitles = (page) => page.locator('.notice-row-title').allTextContents().then((all) => all.map(untag));
// A row's title as shown, without the words that say it is pinned to screen readers.
const untag = (title) => title.trim().replace(/^Pinned, /, '');

describe('a published board', { skip: process.env.E2E_DATA === 'single' && 'the published form is not served' }, () => {
  const env = serveAndLaunch();

  it('shows its first list page from the entry alone', async () => {
    const page = await openPage(env.browser);
    await page.goto(`${env.server.url}${CLIENT_RENDERED}`);
    await waitForView(page, 'News');
    assert.deepEqual(await rowTitles(page), pageTitles(page, 1));
    assert.deepEqual(dataRequests(env.server).map(kind), ['entry']);
    assert.deepEqual(page.problems, []);
  });

  it('fetches one directory and one block for a later page, and shows what the whole file shows', async () => {
    const page = await openPage(env.browser);
    await page.goto(env.server.url);
    await waitForView(page, 'News');
    env.server.requests.length = 0;
    await page.locator('.pagination').getByRole('link', { name: /^(Page )?3$/ }).click();
    await page.locator('.pagination [aria-current="page"]', { hasText: '3' }).waitFor();
    assert.deepEqual(await rowTitles(page), pageTitles(page, 3));
    assert.deepEqual(dataRequests(env.server).map(kind), ['d', 'r']);
    assert.deepEqual(page.problems, []);
  });

  it('opens a notice by its address from one bucket, with its neighbours in the list', async () => {
    const oldest = plain.at(-1);
    const page = await openPage(env.browser);
    await page.goto(`${env.server.url}${CLIENT_RENDERED}?id=${oldest.id}`);
    await waitForView(page, oldest.title);
    assert.deepEqual(dataRequests(env.server).map(kind), ['entry', 'd', 'b']);
    const previous = page.locator('.notice-pager a', { hasText: plain.at(-2).title });
    assert.equal(await previous.count(), 1, 'the notice before it in the list is linked');
    await page.getByRole('link', { name: /back to list/i }).click();
    await page.locator('.pagination [aria-current="page"]', { hasText: String(Math.ceil((plain.length - pinned) / 10)) }).waitFor();
    assert.deepEqual(page.problems, []);
  });

  it('searches from its index: fetched from the focus on, a few files a word, never the whole copy', async () => {
    const page = await openPage(env.browser);
    await page.goto(env.server.url);
    await waitForView(page, 'News');
    env.server.requests.length = 0;
    // Focus alone fetches the index's directory, before any key.
    const directory = page.waitForRequest(/\/published\/x-[0-9a-f]+\.json$/);
    await page.locator('#notice-search').focus();
    await directory;
    await page.locator('#notice-search').fill('evacuat');
    const found = (q) => sample.notices.filter((n) => `${n.title}\n${n.body}`.toLowerCase().includes(q));
    const status = (n) => page.waitForFunction((n) => document.querySelector('[role="status"]')?.textContent.includes(String(n)), n);
    await status(found('evacuat').length);
    const kinds = dataRequests(env.server).map(kind);
    assert.ok(kinds.includes('x') && kinds.includes('s'), kinds.join());
    assert.ok(!kinds.includes('n') && !kinds.includes('data file'), `no whole file: ${kinds}`);
    // Typed further, the word is worked out from what the shorter one found: no index file.
    env.server.requests.length = 0;
    await page.locator('#notice-search').press('End');
    await page.locator('#notice-search').type('i');
    await page.waitForFunction(() => document.title.includes('evacuati'));
    await status(found('evacuati').length);
    assert.ok(!dataRequests(env.server).map(kind).includes('s'), dataRequests(env.server).join());
    assert.deepEqual(page.problems, []);
  });

  it('filters and sorts from its small list files, never the whole copy, showing what the whole file shows', async () => {
    const page = await openPage(env.browser);
    await page.goto(env.server.url);
    await waitForView(page, 'News');
    env.server.requests.length = 0;
    const showing = (notices) => page.waitForFunction(
      (want) => [...document.querySelectorAll('.notice-row-title')].map((e) => e.textContent.trim().replace(/^Pinned, /, '')).join('\n') === want,
      notices.map((n) => n.title).join('\n'),
    );
    const safety = sample.notices.filter((n) => n.category === 'safety').sort(newestFirst);
    await page.getByLabel('Category').selectOption('safety');
    await showing(safety.slice(0, 10));
    const mostRead = [...safety].sort((a, b) => b.views - a.views || newestFirst(a, b));
    await page.getByLabel('Sort by').selectOption('most-read');
    await showing(mostRead.slice(0, 10));
    const year = mostRead[1].date.slice(0, 4);
    await page.getByLabel('Year').selectOption(year);
    await showing(mostRead.filter((n) => n.date.startsWith(year)).slice(0, 10));
    const kinds = dataRequests(env.server).map(kind);
    assert.ok(kinds.includes('c') && kinds.includes('m'), kinds.join());
    assert.ok(!kinds.includes('n') && !kinds.includes('data file'), `no whole file: ${kinds}`);
    // A notice opened from the list has its neighbours in that list.
    await page.getByLabel('Year').selectOption('');
    await showing(mostRead.slice(0, 10));
    await page.locator('.notice-row a').nth(1).click();
    await waitForView(page, mostRead[1].title);
    const pager = await page.locator('.notice-pager a').allTextContents();
    assert.ok(pager.some((t) => t.includes(mostRead[0].title)) && pager.some((t) => t.includes(mostRead[2].title)), pager.join());
    assert.deepEqual(page.problems, []);
  });

  it('says a missing file with “Try again”, never a wrong or empty list, and recovers', async () => {
    const page = await openPage(env.browser);
    await page.goto(env.server.url);
    await waitForView(page, 'News');
    await page.route(/\/published\/r-/, (route) => route.fulfill({ status: 404, body: 'Not found' }));
    await page.locator('.pagination').getByRole('link', { name: /^(Page )?3$/ }).click();
    const retry = page.getByRole('button', { name: 'Try again' });
    await retry.waitFor();
    assert.equal(await page.locator('.notice-row').count(), 0, 'no list is shown');
    await page.unroute(/\/published\/r-/);
    await retry.click();
    await page.locator('.pagination [aria-current="page"]', { hasText: '3' }).waitFor();
    assert.deepEqual(await rowTitles(page), pageTitles(page, 3));
  });

  it('reads a widget’s first list from the entry when its data-src names it', async () => {
    await onHostPage('data-src="published.json"', async (page, server) => {
      await page.waitForFunction(() => document.querySelector('[data-notice-board]').shadowRoot?.querySelectorAll('.notice-row').length > 0);
      const titles = await page.locator('[data-notice-board] .notice-row-title').allTextContents();
      assert.deepEqual(titles.map(untag), pageTitles(page, 1));
      assert.deepEqual(dataRequests(server).map(kind), ['entry']);
      await page.locator('[data-notice-board] .notice-row a').nth(4).click();
      await page.locator('[data-notice-board] .notice-title').waitFor();
      // The row names its bucket: no bucket directory first.
      assert.deepEqual(dataRequests(server).map(kind), ['entry', 'b']);
      assert.deepEqual(page.problems, []);
    });
  });

  it('gives a home page’s “latest” box its titles from the entry alone', async () => {
    await onHostPage('data-src="published.json" data-view="latest" data-count="20"', async (page, server) => {
      await page.waitForFunction(() => document.querySelector('[data-notice-board]').shadowRoot?.querySelectorAll('.latest-list li a').length === 20);
      const titles = await page.locator('[data-notice-board] .latest-list li a').allTextContents();
      const newest = [...sample.notices].sort(newestFirst).slice(0, 20).map((n) => n.title);
      assert.deepEqual(titles.map(untag), newest);
      assert.deepEqual(dataRequests(server).map(kind), ['entry']);
      assert.deepEqual(page.problems, []);
    });
  });

  // A host page whose one widget has `attributes` in place of data-src="notices.json",
  // served by a server of its own (whose requests `check` reads), open in a fresh page.
  async function onHostPage(attributes, check) {
    const server = await startServer({ files: { 'host.html': HOST_PAGE.replace('data-src="notices.json"', attributes) } });
    try {
      const page = await openPage(env.browser);
      await page.goto(`${server.url}host.html`);
      await widgetsRunning(page);
      await check(page, server);
    } finally {
      await server.close();
    }
  }
});

describe('a board published again while a page of it is open', { skip: process.env.E2E_DATA === 'single' && 'the published form is not served' }, () => {
  const env = { server: null, browser: null, dir: null };
  before(async () => {
    env.dir = fs.mkdtempSync(path.join(os.tmpdir(), 'board-'));
    fs.cpSync(DIST, env.dir, { recursive: true });
    env.server = await startServer({ root: env.dir });
    env.browser = await launch();
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.close();
    fs.rmSync(env.dir, { recursive: true, force: true });
  });
  isolateTests(env);

  const publishWith = (title, date) => {
    const data = JSON.parse(fs.readFileSync(path.join(env.dir, 'notices.json'), 'utf8'));
    data.notices.push({ id: 90000 + data.notices.length, title, date, views: 0, body: `${title}.` });
    fs.writeFileSync(path.join(env.dir, 'notices.json'), JSON.stringify(data));
    execFileSync(path.resolve(import.meta.dirname, '../../scripts/notices'), ['publish', env.dir], { stdio: 'pipe' });
  };

  it('keeps working from its own publish, then moves to the newest once its files are gone', async () => {
    const page = await openPage(env.browser);
    await page.goto(`${env.server.url}${CLIENT_RENDERED}`);
    await waitForView(page, 'News');
    publishWith('Second publish', '2099-01-01');
    // The first publish's files are kept: the open page goes on with its own data.
    await page.locator('.pagination').getByRole('link', { name: /^(Page )?3$/ }).click();
    await page.locator('.pagination [aria-current="page"]', { hasText: '3' }).waitFor();
    assert.deepEqual(await rowTitles(page), pageTitles(page, 3));
    publishWith('Third publish', '2099-02-01');
    // Two publishes on, the bucket of the first publish's newest notice is gone (its
    // neighbours changed): the page reads the entry again and shows the notice as the
    // newest publish has it, between the two new notices and the rest.
    await page.locator('.pagination').getByRole('link', { name: /^(Page )?1$/ }).click();
    await page.locator('.pagination [aria-current="page"]', { hasText: '1' }).waitFor();
    const newest = plain[pinned];
    await page.locator('.notice-row a', { hasText: newest.title }).click();
    await waitForView(page, newest.title);
    assert.equal(await page.locator('.notice-pager a', { hasText: 'Second publish' }).count(), 1);
    // The one thing the browser says: the first publish's bucket is gone (a 404).
    assert.deepEqual(page.problems, ['error: Failed to load resource: the server responded with a status of 404 (Not Found)']);
  });
});
