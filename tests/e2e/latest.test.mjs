// The compact widget for home pages (examples/home.html): the newest titles with their
// dates and "More", in a shadow root on a host page; and boards titled alike on one host
// page, whose landmarks must still be told apart.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { DIST } from './support/server.mjs';
import { openPage, axeViolations, WIDTHS } from './support/browser.mjs';
import { serveHostAndCdn, waitForBoards } from './support/host.mjs';

const sample = JSON.parse(fs.readFileSync(path.join(DIST, 'notices.json'), 'utf8'));
const newestFirst = (notices) => [...notices].sort((a, b) => b.date.localeCompare(a.date) || b.id - a.id);
// The second box's data: an old notice pinned, so "newest by date" and "pinned first" differ.
const oldPinned = newestFirst(sample.notices)[10];
const egovNotices = sample.notices.map((n) => ({ ...n, pinned: n.id === oldPinned.id }));
const egov = JSON.stringify({ ...sample, board: { ...sample.board, title: 'Digital government notices' }, notices: egovNotices });

const titles = (page, box) => page.locator(`${box} .latest-list li a`).allTextContents();

describe('the compact “latest” widget on a home page', () => {
  const env = serveHostAndCdn({ cdnFiles: { 'egov.json': egov } });

  async function openHome(width = 1280) {
    const page = await openPage(env.browser, { width });
    await page.goto(`${env.host.url}home.html`);
    await waitForBoards(page, 2);
    return page;
  }

  it('shows the newest titles by date with their dates, pinned notices not lifted, as many as asked', async () => {
    const page = await openHome();
    assert.deepEqual(await titles(page, '#home-news'), newestFirst(sample.notices).slice(0, 5).map((n) => n.title), 'five by default, newest first');
    const dates = await page.locator('#home-news .latest-list li time').evaluateAll((times) => times.map((t) => t.getAttribute('datetime')));
    assert.deepEqual(dates, newestFirst(sample.notices).slice(0, 5).map((n) => n.date));
    assert.equal(await page.locator('#home-news .view-heading').evaluate((h) => `${h.tagName} ${h.textContent}`), 'H2 News & Notices');
    const pinnedFirst = [oldPinned, ...newestFirst(egovNotices).filter((n) => n.id !== oldPinned.id)].slice(0, 3).map((n) => n.title);
    assert.deepEqual(await titles(page, '#home-egov'), pinnedFirst, 'data-count="3" data-pinned="top"');
    assert.deepEqual(page.problems, []);
  });

  it('has no search, filters, pagination, count or announcement', async () => {
    const page = await openHome();
    for (const selector of ['form', 'select', '.pagination', '.result-count', '.notice-row', '.back-to-top']) {
      assert.equal(await page.locator(`#home-news ${selector}`).count(), 0, selector);
    }
    // Whatever was said while loading, nothing is left to say once the titles are in.
    await page.waitForFunction(() => document.querySelector('#home-news').shadowRoot.querySelector('[role="status"]').textContent === '');
  });

  it('links each title to its page on the full board, and “More” to the board, named for where it goes', async () => {
    const page = await openHome();
    const first = newestFirst(sample.notices)[0];
    const link = page.locator('#home-news .latest-list a').first();
    assert.equal(await link.getAttribute('href'), `${env.cdn.url}notice-${first.id}.html`);
    const more = page.locator('#home-news').getByRole('link', { name: 'More News & Notices', exact: true });
    assert.equal(await more.getAttribute('href'), env.cdn.url);
    const onScreen = await more.evaluate((a) => {
      const copy = a.cloneNode(true);
      copy.querySelectorAll('.visually-hidden').forEach((hidden) => hidden.remove());
      return copy.textContent.trim();
    });
    assert.equal(onScreen, 'More', 'on screen it says “More”');
    await Promise.all([page.waitForURL(`${env.cdn.url}notice-${first.id}.html`), link.click()]);
    await page.locator('h1', { hasText: first.title }).waitFor();
  });

  it('opens a title in place with the keyboard when there is no board address, and comes back to it', async () => {
    const page = await openHome();
    const box = page.locator('#home-egov');
    const second = box.locator('.latest-list a').nth(1);
    const title = await second.textContent();
    await second.focus();
    await page.keyboard.press('Enter');
    await box.locator('.notice-title', { hasText: title }).waitFor();
    const focusedClass = () => page.evaluate(() => document.querySelector('#home-egov').shadowRoot.activeElement?.className ?? '');
    assert.match(await focusedClass(), /view-heading/);
    await box.getByRole('link', { name: 'Back to list' }).focus();
    await page.keyboard.press('Enter');
    await box.locator('.latest-list').waitFor();
    await page.waitForFunction(() => document.querySelector('#home-egov').shadowRoot.activeElement?.hasAttribute('data-notice-id'));
    assert.equal(await page.evaluate(() => document.querySelector('#home-egov').shadowRoot.activeElement.textContent), title);
    assert.equal(await box.locator('form').count(), 0, 'still the compact list');
  });

  it('names the region by the board or by the host’s label', async () => {
    const page = await openHome();
    assert.equal(await page.locator('#home-news .board').getAttribute('aria-label'), 'News & Notices');
    assert.equal(await page.locator('#home-egov .board').getAttribute('aria-label'), 'Digital government news');
    assert.equal(await page.locator('#home-news .board').getAttribute('role'), 'region');
  });

  it('leaves the host page as it was', async () => {
    const bare = await openPage(env.browser);
    await bare.route('**/widget.js', (route) => route.abort());
    await bare.goto(`${env.host.url}home.html`);
    const host = (page) => page.evaluate(() => ({
      title: document.title, lang: document.documentElement.lang, body: document.body.innerHTML,
      link: getComputedStyle(document.querySelector('header a')).color, h1: getComputedStyle(document.querySelector('h1')).fontFamily,
    }));
    const expected = await host(bare);
    const page = await openHome();
    assert.deepEqual(await host(page), expected);
    assert.equal(await page.evaluate(() => location.search), '');
  });

  for (const width of WIDTHS) {
    it(`has no axe violations at ${width} px, and nothing wider than the screen`, async () => {
      const page = await openHome(width);
      assert.deepEqual(await axeViolations(page), []);
      const wide = await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);
      assert.ok(wide);
    });
  }
});

// Two departments' boards on one page, both titled "News & Notices", and a third the host names.
const alike = `<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Two boards</title></head>
<body>
  <main>
    <h1>Notices of two departments</h1>
    <div id="first" data-notice-board data-src="https://cdn.example.go.kr/notice-board/notices.json" data-param-prefix="a-" data-page-size="2"></div>
    <div id="second" data-notice-board data-src="https://cdn.example.go.kr/notice-board/other.json" data-param-prefix="b-" data-page-size="2"></div>
    <div id="third" data-notice-board data-src="https://cdn.example.go.kr/notice-board/other.json" data-param-prefix="c-" data-page-size="2" data-label="Safety notices"></div>
  </main>
  <script type="module" src="https://cdn.example.go.kr/notice-board/widget.js"></script>
</body>
</html>`;

describe('boards titled alike on one host page', () => {
  const env = serveHostAndCdn({ cdnFiles: { 'other.json': JSON.stringify(sample) }, hostFiles: { 'alike.html': alike } });

  it('get distinct landmark names: the first keeps its title, the next is numbered, a host’s label is used', async () => {
    const page = await openPage(env.browser);
    await page.goto(`${env.host.url}alike.html`);
    await waitForBoards(page, 3);
    const expected = [
      ['News & Notices', 'Search News & Notices'],
      ['News & Notices (2)', 'Search News & Notices (2)'],
      ['Safety notices', 'Search Safety notices'],
    ];
    const names = () => page.evaluate(() => ['first', 'second', 'third'].map((id) => {
      const root = document.getElementById(id).shadowRoot;
      return [root.querySelector('.board').getAttribute('aria-label'), root.querySelector('form[role="search"]').getAttribute('aria-label')];
    }));
    // Each board learns the others' names as their data arrives.
    await page.waitForFunction((expected) => JSON.stringify(['first', 'second', 'third'].map((id) => {
      const root = document.getElementById(id).shadowRoot;
      return [root.querySelector('.board').getAttribute('aria-label'), root.querySelector('form[role="search"]')?.getAttribute('aria-label')];
    })) === JSON.stringify(expected), expected, { timeout: 5000 }).catch(() => {});
    assert.deepEqual(await names(), expected);
    assert.deepEqual(await axeViolations(page), []);
    const unique = await page.evaluate(async () => (await window.axe.run(document, { runOnly: { type: 'rule', values: ['landmark-unique'] } })).violations);
    assert.deepEqual(unique, [], 'axe landmark-unique passes');
  });
});
