// Low vision: text at 200 % on a phone fits the screen, the widget honours a person's own
// text-spacing settings (WCAG 1.4.12), and a table's scrolling box is a tab stop only when
// there is something to scroll.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { serveAndLaunch, openPage, waitForView, wideContent, HOST_PAGE, widgetsRunning } from './support/browser.mjs';


// A text-spacing bookmarklet: the person's settings, on every element of the host page.
const TEXT_SPACING = '* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; } p { margin-bottom: 2em !important; }';

describe('large text and text spacing', () => {
  const env = serveAndLaunch({ files: { 'host.html': HOST_PAGE } });

  for (const width of [360, 412]) {
    it(`with text at 200 %, the list and a notice with its neighbours fit ${width} px`, async () => {
      const page = await openPage(env.browser, { width, height: 800 });
      for (const [file, heading] of [['', 'News & Notices'], ['notice-66021.html', 'Take Part in the Earthquake Drill']]) {
        await page.goto(env.server.url + file);
        await waitForView(page, heading);
        await page.evaluate(() => { document.documentElement.style.fontSize = '200%'; });
        if (file) assert.equal(await page.locator('.notice-pager li').count(), 2);
        assert.deepEqual(await wideContent(page), [], `${file || 'list'} fits`);
      }
      if (width === 360) await page.screenshot({ path: '/tmp/x/notice-360-200.png', fullPage: true });
    });
  }

  it('the widget honours a text-spacing override set on the host page', async () => {
    const page = await openPage(env.browser, { width: 320, height: 640 });
    await page.goto(`${env.server.url}host.html`);
    const board = page.locator('[data-notice-board] .board');
    await board.locator('.notice-row').first().waitFor();
    await widgetsRunning(page);
    const plain = await board.evaluate((el) => getComputedStyle(el).letterSpacing);
    assert.equal(plain, 'normal', 'without an override the host page does not reach in');
    await page.addStyleTag({ content: TEXT_SPACING });
    const spacing = await board.locator('.notice-row-meta').first().evaluate((el) => {
      const style = getComputedStyle(el);
      const host = getComputedStyle(document.querySelector('[data-notice-board]'));
      return {
        letter: style.letterSpacing, hostLetter: host.letterSpacing,
        word: style.wordSpacing, hostWord: host.wordSpacing,
        lineHeight: parseFloat(style.lineHeight) / parseFloat(style.fontSize),
      };
    });
    assert.notEqual(spacing.letter, 'normal');
    assert.equal(spacing.letter, spacing.hostLetter, 'letter spacing');
    assert.equal(spacing.word, spacing.hostWord, 'word spacing');
    assert.ok(Math.abs(spacing.lineHeight - 1.5) < 0.01, `line height ${spacing.lineHeight}`);
    const clipped = await board.evaluate((root) => [...root.querySelectorAll('*')]
      .filter((el) => !el.closest('.visually-hidden'))
      .filter((el) => {
        const style = getComputedStyle(el);
        const clips = [style.overflowX, style.overflowY].some((o) => o !== 'visible');
        return clips && (el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1);
      })
      .map((el) => el.outerHTML.slice(0, 80)));
    assert.deepEqual(clipped, [], 'nothing clipped');
    assert.deepEqual(await wideContent(page), []);
    assert.deepEqual(page.problems, []);
  });

  it('a table’s scrolling box is a tab stop only while the table is wider than it, with the board’s focus style', async () => {
    const page = await openPage(env.browser, { width: 1280 });
    await page.goto(`${env.server.url}notice-93314.html`);
    await waitForView(page, 'Global Digital Government Fellowship');
    const box = page.locator('.table-scroll');
    await page.waitForFunction(() => !document.querySelector('.table-scroll').hasAttribute('tabindex'));
    assert.equal(await box.evaluate((el) => el.scrollWidth <= el.clientWidth), true, 'the table fits');
    await page.addStyleTag({ content: '.rich-body table { min-width: 700px; }' });
    await page.setViewportSize({ width: 600, height: 900 });
    await page.waitForFunction(() => document.querySelector('.table-scroll').getAttribute('tabindex') === '0');
    await page.locator('.notice-body p').first().click();
    await page.keyboard.press('Tab');
    let guard = 0;
    while (!(await box.evaluate((el) => el === document.activeElement)) && guard++ < 20) await page.keyboard.press('Tab');
    const look = await box.evaluate((el) => {
      const style = getComputedStyle(el);
      return { outline: `${style.outlineStyle} ${style.outlineWidth}`, shadow: style.boxShadow !== 'none' };
    });
    assert.deepEqual(look, { outline: 'solid 3px', shadow: true }, 'focused by Tab, with the board’s focus style');
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.waitForFunction(() => !document.querySelector('.table-scroll').hasAttribute('tabindex'));
    assert.deepEqual(page.problems, []);
  });
});
