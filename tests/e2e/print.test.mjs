// Printing: a notice prints as a clean document (title, details, body, attachments and the
// notice's own address written out in full), a list as a plain table of titles and dates,
// without the menu, search, filters, pagination, skip links or Top; in a widget too.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { serveAndLaunch, openPage, waitForView } from './support/browser.mjs';

const HOST_PAGE = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Host page</title><link rel="icon" href="favicon.svg"></head>
<body><header id="host-header"><a href="/">Host site</a></header><main><h1>Host page</h1>
<div data-notice-board data-src="notices.json"><a href="./">News and notices</a></div>
</main><script type="module" src="widget.js"></script></body></html>`;

// Whether each element matching a selector in `root` (the document or a widget's shadow
// root) takes up room on the page.
const shown = (page, selectors, board = null) => page.evaluate(([selectors, board]) => {
  const root = board ? document.querySelector(board).shadowRoot : document;
  return Object.fromEntries(selectors.map((selector) => {
    const element = root.querySelector(selector);
    return [selector, Boolean(element && element.getClientRects().length > 0)];
  }));
}, [selectors, board]);

const CHROME = ['.skip-links a', '.main-menu', '.breadcrumb', '.finder', '.pagination', '.notice-pager', '.back-link-row', '.back-to-top', '.site-footer'];

describe('printing', () => {
  const env = serveAndLaunch({ files: { 'host.html': HOST_PAGE } });

  it('prints a notice with its details, body, the full address of each attachment and its own address, and no page chrome', async () => {
    const page = await openPage(env.browser);
    await page.goto(`${env.server.url}notice-66021.html?q=drill`);
    await waitForView(page, 'Take Part in the Earthquake Drill');
    assert.equal(await page.locator('.notice-address').isVisible(), false, 'on screen the addresses are not repeated');
    await page.emulateMedia({ media: 'print' });
    const chrome = await shown(page, CHROME);
    assert.deepEqual(Object.entries(chrome).filter(([, visible]) => visible), [], 'no chrome on paper');
    const document = await shown(page, ['h1', '.notice .notice-meta', '.notice-body', '.attachments', '.notice-address']);
    assert.ok(Object.values(document).every(Boolean), JSON.stringify(document));
    const files = await page.locator('.attachments li').evaluateAll((items) => items.map((item) => ({
      href: item.querySelector('a').href,
      printed: item.querySelector('.printed-address').textContent,
      visible: item.querySelector('.printed-address').getClientRects().length > 0,
    })));
    assert.ok(files.length > 0);
    for (const file of files) {
      assert.ok(file.visible, 'the address is printed');
      assert.match(file.printed, /^https?:\/\//, 'in full');
      assert.equal(file.printed, file.href, 'the address the link goes to');
    }
    assert.equal(await page.locator('.notice-address').innerText(), `Address of this notice ${env.server.url}notice-66021.html`, 'the notice’s own address, without the list it came from');
    const meta = await page.locator('.notice .notice-meta').innerText();
    for (const label of ['Date', 'Read', 'Category']) assert.match(meta, new RegExp(label));
    await page.screenshot({ path: '/tmp/x/print-notice.png', fullPage: true });
    assert.deepEqual(page.problems, []);
  });

  it('prints a list as a plain table of titles and dates', async () => {
    const page = await openPage(env.browser);
    await page.goto(`${env.server.url}?category=safety`);
    await waitForView(page);
    await page.emulateMedia({ media: 'print' });
    const chrome = await shown(page, [...CHROME, '.active-filters']);
    assert.deepEqual(Object.entries(chrome).filter(([, visible]) => visible), [], 'no finder, chips or pagination');
    const table = await page.locator('.notice-list').evaluate((list) => {
      const row = list.querySelector('.notice-row');
      const meta = [...row.querySelectorAll('.notice-row-meta > span')];
      return {
        list: getComputedStyle(list).display,
        row: getComputedStyle(row).display,
        cells: [...row.children].map((cell) => getComputedStyle(cell).display),
        shownMeta: meta.filter((item) => item.getClientRects().length > 0).map((item) => item.innerText),
      };
    });
    assert.equal(table.list, 'table');
    assert.equal(table.row, 'table-row');
    assert.deepEqual(table.cells, ['table-cell', 'table-cell']);
    assert.equal(table.shownMeta.length, 1, 'the date only');
    assert.match(table.shownMeta[0], /^Date/);
    await page.screenshot({ path: '/tmp/x/print-list.png', fullPage: true });
  });

  it('prints the board of a host page cleanly, with the host page’s address of the notice, and leaves the host page alone', async () => {
    const page = await openPage(env.browser);
    await page.goto(`${env.server.url}host.html?nb1-id=66021`);
    const board = page.locator('[data-notice-board] .board');
    await board.locator('.notice-title').waitFor();
    await page.emulateMedia({ media: 'print' });
    const chrome = await shown(page, ['.notice-pager', '.back-link-row', '.back-to-top'], '[data-notice-board]');
    assert.deepEqual(Object.entries(chrome).filter(([, visible]) => visible), []);
    assert.equal(await board.locator('.notice-address').innerText(), `Address of this notice ${env.server.url}host.html?nb1-id=66021`);
    assert.match(await board.locator('.printed-address').first().innerText(), /^http:\/\/.+\/files\/.+\.pdf$/);
    assert.deepEqual(await shown(page, ['#host-header', 'main > h1']), { '#host-header': true, 'main > h1': true }, 'the host page prints as it did');
    await page.emulateMedia({ media: 'screen' });
    await board.getByRole('link', { name: 'Back to list' }).click();
    await board.locator('.notice-row').first().waitFor();
    await page.emulateMedia({ media: 'print' });
    assert.deepEqual(Object.entries(await shown(page, ['.finder', '.pagination'], '[data-notice-board]')).filter(([, visible]) => visible), []);
    await page.screenshot({ path: '/tmp/x/print-widget.png', fullPage: true });
    assert.deepEqual(page.problems, []);
  });
});
