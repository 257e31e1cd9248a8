// Forced colours (Windows high contrast) drop backgrounds and box shadows: focus indicators,
// the current page and the Pinned/New markers must be drawn with outlines or borders, which
// they paint. The current page's link takes focus like every other control; people who ask
// for less motion get no smooth scrolling.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { serveAndLaunch, openPage, waitForView } from './support/browser.mjs';

// What of an element's look survives forced colours: its outline and border.
const lines = (locator) => locator.evaluate((el) => {
  const style = getComputedStyle(el);
  return {
    focusVisible: el.matches(':focus-visible'),
    outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2,
    border: ['Top', 'Right', 'Bottom', 'Left'].every((side) => style[`border${side}Style`] !== 'none' && parseFloat(style[`border${side}Width`]) >= 2),
  };
});

const focusLook = (locator) => locator.evaluate((el) => {
  const style = getComputedStyle(el);
  return [style.outlineStyle, style.outlineWidth, style.outlineColor, style.boxShadow, style.backgroundColor, style.color, style.textDecorationLine].join(' | ');
});

describe('high contrast and reduced motion', () => {
  const env = serveAndLaunch();

  it('in forced colours, focus indicators, the current page and the Pinned marker keep an outline or border', async () => {
    const page = await openPage(env.browser);
    await page.emulateMedia({ forcedColors: 'active' });
    await page.goto(`${env.server.url}page-2.html`);
    await waitForView(page);
    assert.equal(await page.evaluate(() => matchMedia('(forced-colors: active)').matches), true);
    const current = page.locator('.pagination [aria-current="page"]');
    assert.equal((await lines(current)).border, true, 'the current page is boxed');
    assert.equal((await lines(page.locator('.pagination a:not([aria-current])').first())).border, false, 'the other pages are not');
    await page.keyboard.press('Tab');
    for (const control of [current, page.getByRole('link', { name: 'Page 1', exact: true }), page.getByRole('button', { name: 'Search', exact: true })]) {
      await control.focus();
      const look = await lines(control);
      assert.ok(look.focusVisible && look.outline, `${await control.textContent()}: an outline while focused`);
    }
    for (const field of [page.getByLabel('Category'), page.getByRole('searchbox')]) {
      await field.focus();
      assert.equal((await lines(field)).outline, true, 'form fields too');
    }
    await page.goto(env.server.url);
    await waitForView(page);
    assert.equal((await lines(page.locator('.tag-pinned').first())).border, true, 'Pinned is boxed, not only coloured');
    const newTag = await page.evaluate(() => {
      const probe = Object.assign(document.createElement('span'), { className: 'tag tag-new', textContent: 'New' });
      document.querySelector('.notice-row-title').append(probe);
      const style = getComputedStyle(probe);
      return style.borderTopStyle !== 'none' && parseFloat(style.borderTopWidth) >= 2;
    });
    assert.equal(newTag, true, 'New is boxed');
    await page.screenshot({ path: '/tmp/x/forced-colors.png' });
    assert.deepEqual(page.problems, []);
  });

  it('the current page’s link shows the same focus indicator as the other page links', async () => {
    const page = await openPage(env.browser);
    await page.goto(`${env.server.url}page-2.html`);
    await waitForView(page);
    await page.keyboard.press('Tab');
    const current = page.locator('.pagination [aria-current="page"]');
    await current.focus();
    const currentLook = await focusLook(current);
    const other = page.getByRole('link', { name: 'Page 3', exact: true });
    await other.focus();
    assert.equal(currentLook, await focusLook(other));
  });

  it('with reduced motion, nothing scrolls smoothly', async () => {
    const page = await openPage(env.browser);
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.addInitScript(() => {
      document.addEventListener('DOMContentLoaded', () => {
        const style = document.createElement('style');
        style.textContent = 'html, .table-scroll { scroll-behavior: smooth; }';
        document.head.prepend(style);
      });
    });
    await page.goto(`${env.server.url}notice-93314.html`);
    await waitForView(page);
    const behaviours = await page.evaluate(() => [document.documentElement, document.querySelector('.table-scroll')].map((el) => getComputedStyle(el).scrollBehavior));
    assert.deepEqual(behaviours, ['auto', 'auto']);
  });
});
