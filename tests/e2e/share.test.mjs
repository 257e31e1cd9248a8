// Sharing a notice: "Copy link" puts the notice's address on the clipboard and says so,
// "Share" opens the device's share sheet where there is one; both with the keyboard, on the
// board's own page and in a widget on a host page.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { DIST } from './support/server.mjs';
import { serveAndLaunch, openPage, waitForView, axeViolations, focused, WIDTHS } from './support/browser.mjs';
import { serveHostAndCdn, waitForBoards } from './support/host.mjs';

const sample = JSON.parse(fs.readFileSync(path.join(DIST, 'notices.json'), 'utf8'));
// examples/embed.html's second board reads another data file.
const egov = JSON.stringify({ ...sample, notices: sample.notices.filter((n) => n.category === 'egov') });
const notice = sample.notices.find((n) => n.id === 66021);

/** A page whose browser lets the board use the clipboard, as a person who allowed it. */
async function withClipboard(browser, url, options) {
  const page = await openPage(browser, options);
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(url).origin });
  return page;
}

const clipboard = (page) => page.evaluate(() => navigator.clipboard.readText());
const status = (page) => page.evaluate(() => document.querySelector('[role="status"]').textContent);
const noShareSheet = () => { delete Navigator.prototype.share; };

describe('sharing a notice on the board’s own page', () => {
  const env = serveAndLaunch();

  it('“Copy link” copies the notice’s own address, without the search it was found by, and says “Link copied”', async () => {
    const page = await withClipboard(env.browser, env.server.url);
    await page.goto(`${env.server.url}index.html?q=earthquake`);
    await waitForView(page, 'News & Notices');
    await page.locator('.notice-row a', { hasText: notice.title }).click();
    await waitForView(page, notice.title);
    await page.getByRole('button', { name: 'Copy link' }).click();
    await page.waitForFunction(() => document.querySelector('[role="status"]').textContent.includes('Link copied'));
    assert.equal(await clipboard(page), `${env.server.url}notice-66021.html`);
    await page.locator('.share-feedback', { hasText: 'Link copied' }).waitFor();
    assert.deepEqual(page.problems, []);
  });

  it('works with the keyboard: Enter and Space on “Copy link”, said again each time', async () => {
    const page = await withClipboard(env.browser, env.server.url);
    await page.goto(`${env.server.url}notice-66021.html`);
    await waitForView(page, notice.title);
    // The control before it in tab order is the last attachment; Tab reaches the button.
    await page.locator('.attachments li a').last().focus();
    await page.keyboard.press('Tab');
    assert.match(await focused(page), /^button: Copy link/);
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('[role="status"]').textContent.includes('Link copied'));
    const first = await status(page);
    await page.evaluate(() => navigator.clipboard.writeText('something else'));
    await page.keyboard.press('Space');
    await page.waitForFunction((first) => document.querySelector('[role="status"]').textContent !== first, first);
    assert.match(await status(page), /Link copied/, 'the second copy is announced too');
    assert.equal(await clipboard(page), `${env.server.url}notice-66021.html`);
  });

  it('when the clipboard is refused, says so and shows the address selected, to copy by hand', async () => {
    const page = await openPage(env.browser);
    await page.addInitScript(() => {
      navigator.clipboard.writeText = () => Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError'));
    });
    await page.goto(`${env.server.url}notice-66021.html`);
    await waitForView(page, notice.title);
    await page.getByRole('button', { name: 'Copy link' }).click();
    await page.waitForFunction(() => document.activeElement?.id === 'notice-address');
    assert.match(await status(page), /could not be copied/);
    const field = await page.evaluate(() => {
      const input = document.activeElement;
      return { value: input.value, start: input.selectionStart, end: input.selectionEnd, readOnly: input.readOnly, label: input.labels[0]?.textContent };
    });
    assert.deepEqual(field, {
      value: `${env.server.url}notice-66021.html`, start: 0, end: field.value.length, readOnly: true, label: 'Address of this notice',
    });
    assert.deepEqual(await axeViolations(page), []);
  });

  it('offers “Share” only where the device has a share sheet', async () => {
    const without = await openPage(env.browser);
    await without.addInitScript(noShareSheet);
    await without.goto(`${env.server.url}notice-66021.html`);
    await waitForView(without, notice.title);
    await without.getByRole('button', { name: 'Copy link' }).waitFor();
    assert.equal(await without.getByRole('button', { name: 'Share' }).count(), 0);
  });

  it('“Share” opens the share sheet with the notice’s title and address', async () => {
    const page = await openPage(env.browser);
    await page.addInitScript(() => {
      Navigator.prototype.share = function share(data) {
        window.sharedData = { title: data.title, url: data.url };
        return Promise.resolve();
      };
    });
    await page.goto(`${env.server.url}notice-66021.html`);
    await waitForView(page, notice.title);
    await page.getByRole('button', { name: 'Share' }).focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => window.sharedData);
    assert.deepEqual(await page.evaluate(() => window.sharedData), { title: notice.title, url: `${env.server.url}notice-66021.html` });
    assert.deepEqual(page.problems, []);
  });

  it('without JavaScript the prerendered notice shows no buttons that could not work', async () => {
    const page = await openPage(env.browser, { javaScriptEnabled: false });
    await page.goto(`${env.server.url}notice-66021.html`);
    await page.locator('.notice-title').waitFor();
    assert.equal(await page.locator('.notice-share').count(), 1, 'the markup is the app’s');
    assert.equal(await page.locator('.notice-share').isVisible(), false);
    assert.equal(await page.getByRole('button', { name: 'Copy link' }).count(), 0, 'hidden from screen readers too');
  });

  for (const width of WIDTHS) {
    it(`a notice with its share buttons has no axe violations at ${width} px`, async () => {
      const page = await openPage(env.browser, { width });
      await page.goto(`${env.server.url}notice-66021.html`);
      await waitForView(page, notice.title);
      await page.getByRole('button', { name: 'Copy link' }).waitFor();
      assert.deepEqual(await axeViolations(page), []);
    });
  }
});

describe('sharing a notice from a widget on a host page', () => {
  const env = serveHostAndCdn({ cdnFiles: { 'egov.json': egov } });

  it('copies the host page’s address with the board’s parameters, as in the address bar', async () => {
    const page = await withClipboard(env.browser, env.host.url);
    await page.goto(`${env.host.url}embed.html?lang=en&news-page=2`);
    await waitForBoards(page, 2);
    const board = page.locator('#notice-board-1');
    await board.locator('.notice-row a').first().click();
    await board.locator('.notice-title').waitFor();
    const id = await page.evaluate(() => new URL(location.href).searchParams.get('news-id'));
    await board.getByRole('button', { name: 'Copy link' }).focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('#notice-board-1').shadowRoot.querySelector('[role="status"]').textContent.includes('Link copied'));
    const copied = new URL(await clipboard(page));
    assert.equal(copied.href, page.url(), 'the address the board wrote in the address bar');
    assert.equal(`${copied.origin}${copied.pathname}`, `${env.host.url}embed.html`, 'the host page');
    assert.deepEqual(Object.fromEntries(copied.searchParams), { lang: 'en', 'news-page': '2', 'news-id': id });
    assert.deepEqual(page.problems, []);
  });
});
