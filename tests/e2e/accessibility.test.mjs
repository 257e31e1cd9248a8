// The behaviour in ../shared/notes/accessibility.md, checked in the real browser: axe on
// every view at 1280 and 320 px, the keyboard journeys (skip links, Top, focus after
// navigation), focus indicators, reflow at 320 px, text spacing and target sizes.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { DIST, CLIENT_RENDERED } from './support/server.mjs';
import { serveAndLaunch, openPage, waitForView, axeViolations, focused, WIDTHS } from './support/browser.mjs';

const sampleText = fs.readFileSync(path.join(DIST, 'notices.json'), 'utf8');

// Each view, and how to reach it.
const VIEWS = {
  list: { query: '', heading: 'News & Notices' },
  detail: { query: '?id=66021', heading: 'Take Part in the Earthquake Drill on May. 16th' },
  'detail with a Korean title': { query: '?id=96642', heading: '행정안전부 영문 누리집 개편 안내' },
  'detail with an HTML body (headings, table, list, links)': { query: '?id=93314', heading: 'Global Digital Government Fellowship 2025' },
  'not found': { query: '?id=nope', heading: 'Notice not found' },
  error: { query: CLIENT_RENDERED, heading: 'Sorry, the notices could not be loaded', response: { status: 500, body: 'x' } },
  loading: { query: CLIENT_RENDERED, heading: 'News & Notices', response: { delayMs: 4000, body: sampleText }, waitText: 'Loading notices…' },
};

async function openView(browser, server, name, width) {
  const view = VIEWS[name];
  server.dataOverride = view.response ?? null;
  const page = await openPage(browser, { width });
  await page.goto(server.url + view.query);
  await waitForView(page, view.heading, { loading: Boolean(view.waitText) });
  if (view.waitText) await page.getByText(view.waitText).first().waitFor();
  else await page.locator('[role="status"]').waitFor({ state: 'attached' });
  return page;
}

describe('accessibility', () => {
  const env = serveAndLaunch();

  for (const name of Object.keys(VIEWS)) {
    for (const width of WIDTHS) {
      it(`${name} view at ${width} px: no axe violations, one main and h1, labelled navs, no sideways scrolling`, async () => {
        const page = await openView(env.browser, env.server, name, width);
        assert.deepEqual(await axeViolations(page), []);
        const structure = await page.evaluate(() => ({
          mains: document.querySelectorAll('main').length,
          h1s: document.querySelectorAll('h1').length,
          navLabels: [...document.querySelectorAll('nav')].map((nav) => nav.getAttribute('aria-label')),
          statusRegions: document.querySelectorAll('[role="status"]').length,
          overflow: document.documentElement.scrollWidth - window.innerWidth,
        }));
        assert.equal(structure.mains, 1);
        assert.equal(structure.h1s, 1);
        assert.equal(structure.statusRegions, 1);
        assert.ok(structure.navLabels.every(Boolean), 'every nav has a label');
        assert.equal(new Set(structure.navLabels).size, structure.navLabels.length, 'nav labels are unique');
        assert.ok(structure.overflow <= 0, `no horizontal scrolling (${structure.overflow}px too wide)`);
      });
    }
  }

  for (const width of WIDTHS) {
    it(`keeps all text visible with WCAG text-spacing overrides at ${width} px`, async () => {
      for (const name of ['list', 'detail']) {
        const page = await openView(env.browser, env.server, name, width);
        await page.addStyleTag({ content: '* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; } p { margin-bottom: 2em !important; }' });
        const clipped = await page.evaluate(() => [...document.querySelectorAll('.board *')]
          .filter((el) => !el.closest('.visually-hidden, .skip-links'))
          .filter((el) => {
            const style = getComputedStyle(el);
            const clips = [style.overflowX, style.overflowY].some((o) => o !== 'visible');
            return clips && (el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1);
          })
          .map((el) => el.outerHTML.slice(0, 80)));
        assert.deepEqual(clipped, [], `${name}: nothing clipped`);
        assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), `${name}: no sideways scrolling`);
      }
    });
  }

  it('“Skip to main content” is the first Tab stop, visible, and moves focus into main', async () => {
    const page = await openView(env.browser, env.server, 'list', 1280);
    await page.keyboard.press('Tab');
    assert.equal(await focused(page), 'a: Skip to main content');
    const box = await page.locator('.skip-link', { hasText: 'Skip to main content' }).boundingBox();
    assert.ok(box.y >= 0 && box.height >= 24, `visible and at least 24 px tall (${JSON.stringify(box)})`);
    const covering = await page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.textContent, { x: box.x + box.width / 2, y: box.y + box.height / 2 });
    assert.equal(covering, 'Skip to main content', 'nothing covers it');
    await page.keyboard.press('Enter');
    assert.equal(await focused(page).then((f) => f.split(':')[0]), 'main#main-content');
    assert.equal(new URL(page.url()).hash, '', 'no #fragment is left in the URL');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'notice-search', 'the next Tab is the first control in the content');
    // A second use works too, and the temporary tabindex is gone once focus has left.
    assert.equal(await page.locator('main').getAttribute('tabindex'), null);
    await page.keyboard.press('Shift+Tab');
    await page.focus('.skip-link >> nth=0');
    await page.keyboard.press('Enter');
    assert.match(await focused(page), /^main#main-content/);
  });

  it('“Skip to main menu” moves focus to the site navigation', async () => {
    const page = await openView(env.browser, env.server, 'detail', 1280);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    assert.equal(await focused(page), 'a: Skip to main menu');
    await page.keyboard.press('Enter');
    assert.match(await focused(page), /^nav#main-menu/);
    await page.keyboard.press('Tab');
    assert.equal(await focused(page), 'a: About MOIS');
  });

  it('“Top” scrolls to the top and the next Tab is the first skip link', async () => {
    const page = await openView(env.browser, env.server, 'detail', 320);
    const top = page.getByRole('link', { name: 'Top', exact: true });
    const box = await top.boundingBox();
    assert.ok(box.width >= 24 && box.height >= 24, 'at least 24 x 24 px');
    await top.focus();
    assert.ok(await page.evaluate(() => window.scrollY) > 0);
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => window.scrollY === 0);
    await page.keyboard.press('Tab');
    assert.equal(await focused(page), 'a: Skip to main content');
    assert.equal(new URL(page.url()).hash, '');
  });

  it('after in-app navigation the title changes and focus moves to the new heading', async () => {
    const page = await openView(env.browser, env.server, 'list', 1280);
    const link = page.locator('.notice-row a').nth(4);
    const title = await link.textContent();
    await link.focus();
    await page.keyboard.press('Enter');
    await waitForView(page, title);
    assert.equal(await page.title(), `${title} – News & Notices – Ministry of the Interior and Safety`);
    assert.equal(await focused(page), `h1: ${title}`);
    // Breadcrumb link back to the list, by keyboard.
    await page.locator('nav[aria-label="Breadcrumb"] a', { hasText: 'News & Notices' }).focus();
    await page.keyboard.press('Enter');
    await waitForView(page, 'News & Notices');
    assert.equal(await focused(page), `a: ${title}`, 'back on the list, focus returns to the notice the person left');
    assert.equal(await page.locator('nav[aria-label="Breadcrumb"] [aria-current="page"]').textContent(), 'News & Notices');
    // Following a page link moves focus to the heading.
    await page.getByRole('link', { name: 'Page 2', exact: true }).focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.title.includes('page 2'));
    assert.equal(await focused(page), 'h1: News & Notices');
  });

  for (const name of ['list', 'detail', 'error']) {
    it(`${name} view: every Tab stop shows a visible focus indicator and is at least 24 x 24 px`, async () => {
      const page = await openView(env.browser, env.server, name, 320);
      // Each focusable element's look while nothing has focus, to compare with its focused look.
      await page.evaluate(() => {
        const look = (el) => { const s = getComputedStyle(el); return [s.outlineStyle, s.outlineWidth, s.outlineColor, s.boxShadow, s.backgroundColor, s.color, s.textDecorationLine].join('|'); };
        window.__look = look;
        window.__unfocused = new Map([...document.querySelectorAll('a[href], button, summary')].map((el) => [el, look(el)]));
      });
      const failures = [];
      const seen = [];
      for (let step = 0; step < 150; step++) {
        await page.keyboard.press('Tab');
        const stop = await page.evaluate(() => {
          const el = document.activeElement;
          if (!el || el === document.body || el.dataset.visited) return null;
          el.dataset.visited = 'yes';
          const rect = el.getBoundingClientRect();
          return {
            name: `${el.tagName.toLowerCase()} “${el.textContent.trim().slice(0, 40)}”`,
            changed: window.__unfocused.get(el) !== window.__look(el),
            width: rect.width, height: rect.height,
          };
        });
        if (!stop) break;
        seen.push(stop.name);
        if (stop.height < 24 || stop.width < 24) failures.push(`${stop.name}: ${Math.round(stop.width)}x${Math.round(stop.height)} px`);
        if (!stop.changed) failures.push(`${stop.name}: no visible focus indicator`);
      }
      assert.ok(seen.length > 5, `reached the Tab stops: ${seen.join(', ')}`);
      assert.deepEqual(failures, []);
    });
  }
});
