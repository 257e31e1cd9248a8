// Reflow (WCAG 1.4.10) with hostile data: words longer than a phone is wide, in every place
// text from the data file appears — the breadcrumb, titles in the list, the h1 and the
// previous/next links, file names, categories, filter chips, search highlights and table
// cells — wrap at 320 px and at 400 % zoom, on the prerendered pages, once the app has
// taken over, and in the widget's shadow root.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { DIST } from './support/server.mjs';
import { serveAndLaunch, openPage, waitForView, wideContent, HOST_PAGE, widgetsRunning } from './support/browser.mjs';
import { longWordData, TITLE, SECOND, KOREAN, FILE, CATEGORY } from './support/long-words.mjs';

const sample = JSON.parse(fs.readFileSync(path.join(DIST, 'notices.json'), 'utf8'));
const DATA = longWordData(sample);

// The site as deployed after `notices prerender` with the hostile data.
const site = fs.mkdtempSync(path.join(os.tmpdir(), 'notice-board-reflow-'));
fs.cpSync(DIST, site, { recursive: true });
fs.writeFileSync(path.join(site, 'notices.json'), DATA);
execFileSync(path.join(DIST, '../target/tools/notices'), ['prerender', site], { stdio: 'pipe' });


async function assertFits(page, where) {
  assert.deepEqual(await wideContent(page), [], `${where}: nothing wider than the ${await page.evaluate(() => innerWidth)} px window`);
  // The long value wraps, not the label beside it ("Category:" one letter a line).
  // On the notice the labels are `dt`s; in a list row, each item's first text ("Category:").
  const labels = await page.locator('.notice-meta dt, .notice-row-meta > span').evaluateAll((items) => items.filter((item) => {
    const text = document.createRange();
    const label = [...item.childNodes].find((node) => node.nodeType === Node.TEXT_NODE);
    if (item.tagName === 'DT') text.selectNodeContents(item);
    else text.setStart(label, 0), text.setEnd(label, label.textContent.indexOf(':') + 1);
    return text.getClientRects().length > 1;
  }).map((item) => item.textContent.slice(0, 40)));
  assert.deepEqual(labels, [], `${where}: metadata labels stay on one line`);
}

describe('long unbroken words from the data at 320 px', () => {
  const env = serveAndLaunch({ root: site, base: '/eng/news/', files: { 'host.html': HOST_PAGE } });

  for (const [name, options] of [['320 px', { width: 320 }], ['400 % zoom of 1280 px', { width: 320, deviceScaleFactor: 4 }]]) {
    it(`wrap on the list and the notice, with the breadcrumb, file name and neighbours (${name})`, async () => {
      const page = await openPage(env.browser, { ...options, height: 640 });
      await page.goto(env.server.url);
      await waitForView(page, 'News & Notices');
      assert.equal(await page.locator('.notice-row h2 a').first().textContent(), TITLE);
      await assertFits(page, 'list');
      await page.getByRole('link', { name: SECOND }).click();
      await waitForView(page, SECOND);
      assert.equal(await page.locator('.breadcrumb [aria-current]').textContent(), SECOND);
      assert.match(await page.locator('.attachments').textContent(), new RegExp(FILE.slice(0, 40)));
      assert.match(await page.locator('.notice-pager').textContent(), new RegExp(KOREAN.slice(0, 10)));
      assert.match(await page.locator('.notice-meta').textContent(), new RegExp(CATEGORY.slice(0, 20)));
      await assertFits(page, 'notice');
      const table = await page.locator('.table-scroll').evaluate((box) => box.scrollWidth - box.clientWidth);
      assert.ok(table <= 1, `a long word in a table cell wraps too (the table box would scroll ${table} px)`);
      await page.context().close();
    });
  }

  it('wrap in the filter chips and the search highlight', async () => {
    const page = await openPage(env.browser, { width: 320 });
    await page.goto(`${env.server.url}?q=${TITLE}&category=unbroken`);
    await waitForView(page, 'News & Notices');
    assert.equal(await page.locator('.notice-row').count(), 1);
    const highlight = await page.locator('.notice-row mark').first().textContent();
    assert.ok(highlight.length >= 100 && TITLE.startsWith(highlight), `highlighted: ${highlight}`);
    assert.match(await page.locator('.active-filters').textContent(), new RegExp(CATEGORY.slice(0, 20)));
    await assertFits(page, 'filtered list');
  });

  it('wrap on the prerendered pages before the app starts', async () => {
    const page = await openPage(env.browser, { width: 320, javaScriptEnabled: false });
    for (const file of ['', 'notice-900002.html', 'notice-900003.html']) {
      await page.goto(env.server.url + file);
      await assertFits(page, file || 'index.html');
    }
    assert.equal(await page.locator('.breadcrumb [aria-current]').textContent(), KOREAN);
  });

  it('wrap in the widget on a host page', async () => {
    const page = await openPage(env.browser, { width: 320, height: 640 });
    await page.goto(`${env.server.url}host.html`);
    const board = page.locator('[data-notice-board] .board');
    await board.locator('.notice-row').first().waitFor();
    await page.waitForFunction(() => !document.querySelector('[data-notice-board]').shadowRoot.querySelector('.loading'));
    await widgetsRunning(page);
    await assertFits(page, 'widget list');
    await board.getByRole('link', { name: SECOND }).click();
    await board.locator('h2', { hasText: SECOND }).waitFor();
    assert.match(await board.locator('.attachments').textContent(), new RegExp(FILE.slice(0, 40)));
    await assertFits(page, 'widget notice');
    assert.deepEqual(page.problems, []);
  });
});
