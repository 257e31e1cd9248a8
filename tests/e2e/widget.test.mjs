// The board embedded in a ministry's page (examples/embed.html): two widgets loaded from
// another origin (the "CDN") under a strict Content-Security-Policy, each in its own shadow
// root. They must work independently and leave the host page exactly as it was.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { DIST } from './support/server.mjs';
import { openPage, axeViolations, widgetsRunning } from './support/browser.mjs';
import { serveHostAndCdn } from './support/host.mjs';

const sample = JSON.parse(fs.readFileSync(path.join(DIST, 'notices.json'), 'utf8'));
const egov = JSON.stringify({
  ...sample,
  board: { ...sample.board, title: 'Digital government notices' },
  notices: sample.notices.filter((n) => n.category === 'egov'),
});

// Styles of host elements that the widget must not change.
const HOST_PROBES = ['body', 'header a', '#news-heading', 'main p', 'aside h2', '#host-form button', '#email', 'footer p'];
const hostStyles = (page) => page.evaluate((selectors) => Object.fromEntries(selectors.map((selector) => {
  const style = getComputedStyle(document.querySelector(selector));
  return [selector, ['color', 'font-family', 'font-size', 'line-height', 'letter-spacing', 'box-sizing', 'margin', 'padding', 'background-color', 'text-transform']
    .map((property) => `${property}:${style.getPropertyValue(property)}`).join(';')];
})), HOST_PROBES);

describe('the widget on a host page', () => {
  const env = serveHostAndCdn({ cdnFiles: { 'egov.json': egov } });

  async function openHost(width = 1280, query = '') {
    const page = await openPage(env.browser, { width });
    await page.goto(`${env.host.url}embed.html${query}`);
    await page.locator('#notice-board-1 .view-heading').waitFor();
    await page.locator('#notice-board-2 .view-heading').waitFor();
    await page.waitForFunction(() => [1, 2].every((n) => !document.querySelector(`#notice-board-${n}`).shadowRoot.querySelector('.loading')));
    await widgetsRunning(page);
    return page;
  }

  it('renders both boards from the other origin under a strict CSP, without errors', async () => {
    const page = await openHost();
    assert.equal(await page.locator('#notice-board-1 .notice-row').count(), 2 + 5, 'page size 5 plus the pinned notices');
    assert.equal(await page.locator('#notice-board-2 .notice-row').count(), 3);
    assert.equal(await page.locator('#notice-board-1 .view-heading').evaluate((h) => h.tagName), 'H2', 'headings fit the host outline');
    assert.equal(await page.locator('#notice-board-2 .notice-row-title').first().evaluate((h) => h.tagName), 'H4');
    assert.equal(await page.locator('#notice-board-1 .board').getAttribute('lang'), 'en');
    assert.deepEqual(page.problems, []);
  });

  it('never touches the host’s title, language, path or scroll position', async () => {
    const page = await openHost();
    const before = { title: 'Safety Korea – Ministry of the Interior and Safety', lang: 'en', path: '/embed.html', scroll: 0 };
    const now = () => page.evaluate(() => ({ title: document.title, lang: document.documentElement.lang, path: location.pathname, scroll: scrollY }));
    assert.deepEqual(await now(), before);
    await page.locator('#notice-board-1 .notice-row a').first().click();
    await page.locator('#notice-board-1 .notice-title').waitFor();
    const after = await now();
    assert.deepEqual([after.title, after.lang, after.path], [before.title, before.lang, before.path]);
    assert.equal(await page.evaluate(() => history.scrollRestoration), 'auto');
  });

  it('keeps each board’s state in its own URL parameters, through reload and Back', async () => {
    const page = await openHost(1280, '?lang=en');
    const title = await page.locator('#notice-board-1 .notice-row a').nth(3).textContent();
    await page.locator('#notice-board-1 .notice-row a').nth(3).click();
    await page.locator('#notice-board-1 .notice-title', { hasText: title }).waitFor();
    assert.match(new URL(page.url()).search, /^\?lang=en&news-id=\d+$/, 'the host’s own parameter stays first');
    const focused = await page.evaluate(() => document.querySelector('#notice-board-1').shadowRoot.activeElement?.className);
    assert.match(focused, /view-heading/, 'focus moves to the board’s heading, not the top of the host page');
    await page.locator('#notice-board-2').getByRole('link', { name: 'Next page' }).click();
    await page.waitForFunction(() => new URL(location.href).searchParams.get('egov-page') === '2');
    assert.match(new URL(page.url()).search, /news-id=\d+/, 'board 1 keeps its notice');
    await page.reload();
    await page.locator('#notice-board-1 .notice-title', { hasText: title }).waitFor();
    await page.locator('#notice-board-2 .pagination [aria-current="page"]', { hasText: '2' }).waitFor();
    await page.goBack();
    await page.waitForFunction(() => !new URL(location.href).searchParams.has('egov-page'));
    await page.locator('#notice-board-2 .pagination [aria-current="page"]', { hasText: '1' }).waitFor();
    assert.equal(await page.locator('#notice-board-1 .notice-title').textContent(), title, 'board 1 did not move');
    assert.deepEqual(page.problems, []);
  });

  it('links attachments to the files next to its data on the other origin, not on the host', async () => {
    const page = await openHost(1280, '?news-id=66021');
    await page.locator('#notice-board-1 .notice-title').waitFor();
    const file = page.locator('#notice-board-1 .attachments li a').first();
    const href = await file.getAttribute('href');
    assert.equal(href, `${env.cdn.url}files/earthquake-action-guide.pdf`);
    assert.equal((await page.request.get(href)).status(), 200);
    assert.deepEqual(page.problems, []);
  });

  it('leaves clicks on the host’s own links to the browser', async () => {
    const page = await openHost();
    await Promise.all([page.waitForURL('**/drills.html'), page.locator('#host-link').click()]);
  });

  it('isolates styles both ways', async () => {
    const withoutWidget = await openPage(env.browser);
    await withoutWidget.route('**/widget.js', (route) => route.abort());
    await withoutWidget.goto(`${env.host.url}embed.html`);
    const expected = await hostStyles(withoutWidget);
    const page = await openHost();
    assert.deepEqual(await hostStyles(page), expected, 'host elements look the same with the widgets');
    const inside = await page.locator('#notice-board-1 .notice-row a').first().evaluate((a) => {
      const link = getComputedStyle(a);
      const heading = getComputedStyle(a.closest('h3'));
      const box = getComputedStyle(a.closest('li'));
      return { color: link.color, transform: heading.textTransform, headingFont: heading.fontFamily, sizing: box.boxSizing, letterSpacing: getComputedStyle(a.closest('.board')).letterSpacing };
    });
    assert.notEqual(inside.color, 'rgb(255, 0, 0)', 'a { color: red } does not reach in');
    assert.equal(inside.transform, 'none');
    assert.doesNotMatch(inside.headingFont, /Impact/);
    assert.equal(inside.sizing, 'border-box', '* { box-sizing: content-box } does not reach in');
    assert.equal(inside.letterSpacing, 'normal', 'inherited text styles are reset');
    const font = await page.locator('#notice-board-2 .board').evaluate((board) => getComputedStyle(board).fontFamily);
    assert.match(font, /Georgia/, 'the host’s font is inherited');
    const accent = await page.locator('#notice-board-1 .pagination-current a').evaluate((a) => getComputedStyle(a).backgroundColor);
    assert.equal(accent, 'rgb(59, 10, 69)', '--notice-board-accent themes the board');
  });

  it('“Top” returns to the top of the board', async () => {
    const page = await openHost(320);
    const top = page.locator('#notice-board-1').getByRole('link', { name: 'Top', exact: true });
    await top.focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => Math.abs(document.querySelector('#notice-board-1').getBoundingClientRect().top) < 2);
    await page.keyboard.press('Tab');
    const first = await page.evaluate(() => document.querySelector('#notice-board-1').shadowRoot.activeElement?.id);
    assert.equal(first, 'notice-search', 'the next Tab is the board’s first control');
  });

  for (const width of [1280, 320]) {
    it(`has no axe violations on the host page with both boards at ${width} px`, async () => {
      const page = await openHost(width);
      assert.deepEqual(await axeViolations(page), []);
      assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth));
    });
  }
});
