// What the status region says, and when (audit items 3 and 10): once the person pauses
// typing, again when they press Search, the new order when they sort, nothing for "not
// found" (the focused heading says it) and nothing from a widget until it is used; an empty
// result says once whether the search or the filters cause it, with the fix.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { startServer, DIST } from './support/server.mjs';
import { serveAndLaunch, launch, isolateTests, openPage, waitForView, waitForStatus } from './support/browser.mjs';

const sample = JSON.parse(fs.readFileSync(path.join(DIST, 'notices.json'), 'utf8'));

/** Records every message the status regions say (in the page and in shadow roots), in order. */
async function recordAnnouncements(page) {
  await page.addInitScript(() => {
    window.announced = [];
    const last = new WeakMap();
    const watch = (root) => new MutationObserver(() => {
      for (const region of root.querySelectorAll('[role="status"]')) {
        const text = region.textContent;
        if (text !== last.get(region) && text) window.announced.push(text);
        last.set(region, text);
      }
    }).observe(root, { subtree: true, childList: true, characterData: true });
    const attach = Element.prototype.attachShadow;
    Element.prototype.attachShadow = function (init) {
      const root = attach.call(this, init);
      watch(root);
      return root;
    };
    document.addEventListener('DOMContentLoaded', () => watch(document));
  });
}
const announced = (page) => page.evaluate(() => window.announced);
const forget = (page) => page.evaluate(() => { window.announced = []; });
const waitForAnnouncements = (page, count) => page.waitForFunction((count) => window.announced.length >= count, count);

describe('announcements', () => {
  const env = serveAndLaunch();

  async function open(query = '') {
    const page = await openPage(env.browser);
    await recordAnnouncements(page);
    await page.goto(env.server.url + query);
    await waitForView(page);
    return page;
  }

  it('says the count once the person pauses typing, not after every key', async () => {
    const page = await open();
    const box = page.getByRole('searchbox', { name: 'Search notices' });
    await forget(page);
    await box.pressSequentially('dril', { delay: 300 });
    await page.waitForFunction(() => window.announced.length > 0);
    const count = await page.locator('.result-count').textContent();
    await waitForStatus(page, count);
    assert.deepEqual(await announced(page), [count]);
  });

  it('says the result again when Search is pressed on the same search', async () => {
    const page = await open('?q=drill');
    const count = await page.locator('.result-count').textContent();
    await forget(page);
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await waitForAnnouncements(page, 1);
    assert.deepEqual(await announced(page), [count]);
  });

  it('says what changed when the sort changes', async () => {
    const page = await open();
    await page.getByLabel('Sort by').selectOption('oldest');
    await page.waitForFunction(() => window.announced.some((text) => text.startsWith('Sorted')));
    assert.match((await announced(page)).at(-1), /^Sorted by oldest first\. Showing 1–\d+ of 34 notices\.$/);
  });

  it('says “not found” only through the heading, never in the status region', async () => {
    const page = await open('?id=999999');
    await waitForView(page, 'Notice not found');
    await page.getByRole('link', { name: 'See all notices' }).click();
    await waitForStatus(page, 'Showing 1–12 of 34 notices.');
    assert.ok((await announced(page)).every((text) => !/not found/i.test(text)), String(await announced(page)));
  });

  it('says the filters cause an empty search, once, and offers to remove them', async () => {
    // "earthquake" is in two notices, neither of them a press release.
    const page = await open('?q=earthquake&category=press');
    const message = '2 notices match “earthquake”, but not with these filters.';
    assert.equal(await page.locator('.result-count').textContent(), message);
    const main = await page.locator('main').innerText();
    assert.equal(main.split('but not with these filters').length, 2, 'said once on the page');
    assert.equal(await page.getByRole('link', { name: 'Clear the search' }).count(), 0);
    await page.getByRole('link', { name: 'Remove the filters' }).click();
    await page.waitForFunction(() => document.querySelectorAll('.notice-row').length === 2);
    assert.equal(new URL(page.url()).search, '?q=earthquake');
  });

  it('names the filters in the page title of a filtered list', async () => {
    const page = await open('?category=safety&year=2024');
    await page.waitForFunction(() => document.title.startsWith('Category:'));
    assert.match(await page.title(), /^Category: Safety and drills, Year: 2024 – News & Notices/);
  });

  it('pauses between Pinned or New and the title', async () => {
    const page = await open();
    const pinned = sample.notices.filter((notice) => notice.pinned);
    // "Pinned, title" or, for a pinned notice that is also new, "Pinned, New, title" (the
    // marker being an inline block, Chromium may put a space before the comma).
    const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    for (const notice of pinned) {
      const name = new RegExp(`^Pinned ?,( New ?,)? ${escape(notice.title)}$`);
      assert.equal(await page.getByRole('heading', { name }).count(), 1, notice.title);
    }
  });
});

describe('a widget on a host page', () => {
  const env = { cdn: null, host: null, browser: null };
  const CDN_PLACEHOLDER = 'https://cdn.example.go.kr/notice-board/';
  before(async () => {
    const egov = JSON.stringify({ ...sample, board: { ...sample.board, title: 'Digital government notices' }, notices: sample.notices.filter((n) => n.category === 'egov') });
    env.cdn = await startServer({ base: '/notice-board/', headers: { 'access-control-allow-origin': '*' }, files: { 'egov.json': egov } });
    env.host = await startServer({
      root: path.resolve(import.meta.dirname, '../../examples'),
      files: { 'favicon.ico': '' },
      transform: (file, bytes) => (file.endsWith('.html') ? bytes.toString().replaceAll(CDN_PLACEHOLDER, env.cdn.url).replaceAll('https://cdn.example.go.kr', new URL(env.cdn.url).origin) : bytes),
    });
    env.browser = await launch();
  });
  after(async () => {
    await env.browser?.close();
    await env.host?.close();
    await env.cdn?.close();
  });
  isolateTests(env);

  it('says nothing when the host page loads, only once the person uses it', async () => {
    const page = await openPage(env.browser);
    await recordAnnouncements(page);
    await page.goto(`${env.host.url}embed.html`);
    await page.locator('#notice-board-1 .notice-row').first().waitFor();
    await page.locator('#notice-board-2 .notice-row').first().waitFor();
    await page.locator('#notice-board-1').getByRole('link', { name: 'Next page' }).click();
    await waitForAnnouncements(page, 1);
    const said = await announced(page);
    assert.equal(said.length, 1, `only the person's action is announced: ${said}`);
    assert.match(said[0], /^Showing \d+–\d+ of \d+ notices\.$/);
  });
});
