// The board's own page under a strict Content-Security-Policy, as a ministry site may send
// on every page: no inline script, so the app starts from its external start.js and runs on
// the prerendered list, a prerendered notice and the page without prerendered markup. And a
// host page embedding the board under the policy docs/embedding.md gives, with no inline
// style either: widget.js styles the board from the stylesheet in it.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { DIST, CLIENT_RENDERED } from './support/server.mjs';
import { serveAndLaunch, openPage, waitForView, widgetsRunning, HOST_PAGE } from './support/browser.mjs';

const POLICY = "script-src 'self' 'wasm-unsafe-eval'";
const sample = JSON.parse(fs.readFileSync(path.join(DIST, 'notices.json'), 'utf8'));
const drill = sample.notices.find((n) => /drill/i.test(n.title));

/** A page that records every CSP violation (and, through openPage, every console error). */
async function openRecorded(browser) {
  const page = await openPage(browser);
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective}: ${e.blockedURI || 'inline'}`));
  });
  return page;
}
const violations = (page) => page.evaluate(() => window.__violations);

describe(`the board's own page under "${POLICY}"`, () => {
  const env = serveAndLaunch({
    base: '/eng/news/',
    headers: { 'content-security-policy': POLICY },
    files: { 'inline.html': '<!DOCTYPE html><title>Inline</title><script>window.ran = true</script>' },
  });

  it('reports an inline script (so the checks below can fail)', async () => {
    const page = await openRecorded(env.browser);
    await page.goto(`${env.server.url}inline.html`);
    await page.waitForFunction(() => window.__violations.length > 0);
    assert.equal(await page.evaluate(() => window.ran), undefined);
    assert.deepEqual(await violations(page), ['script-src-elem: inline']);
  });

  for (const [name, file] of [['the prerendered list', ''], ['a prerendered notice', `notice-${drill.id}.html`], ['the page without prerendered markup', CLIENT_RENDERED]]) {
    it(`runs the app on ${name}: search and open a notice, with no violation or console error`, async () => {
      const page = await openRecorded(env.browser);
      const response = await page.goto(env.server.url + file);
      assert.equal(response.headers()['content-security-policy'], POLICY);
      assert.equal(await page.locator('script:not([src])').count(), 0, 'no inline script in the page');
      if (file.startsWith('notice-')) {
        await waitForView(page, drill.title);
        await page.getByRole('link', { name: 'Back to list' }).click();
      }
      await waitForView(page, 'News & Notices');
      await page.getByLabel('Search notices').fill('drill');
      // The search's own results (the word marked in the title), not the list before them:
      // a published board shows the list it had until the whole file is in, and a row
      // clicked as the results replace it would be another notice.
      await page.locator('.notice-row', { hasText: drill.title }).locator('mark').first().waitFor();
      await page.getByRole('link', { name: drill.title }).click();
      await waitForView(page, drill.title);
      assert.equal(await page.locator('.board main h1').textContent(), drill.title);
      assert.deepEqual(await violations(page), []);
      assert.deepEqual(page.problems, []);
    });
  }
});

const HOST_POLICY = "script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; connect-src 'self'";

describe(`a host page with the widget under "${HOST_POLICY}"`, () => {
  const env = serveAndLaunch({ headers: { 'content-security-policy': HOST_POLICY }, files: { 'host.html': HOST_PAGE } });

  it('shows the first view styled before the app, then runs it, with no violation or console error', async () => {
    const page = await openRecorded(env.browser);
    let release;
    const held = new Promise((resolve) => (release = resolve));
    await page.route('**/*.wasm', async (route) => { await held; await route.continue(); });
    await page.goto(`${env.server.url}host.html`);
    const board = page.locator('[data-notice-board]');
    await board.locator('.notice-row').first().waitFor();
    // The stylesheet is in force: the status region is hidden the board's way.
    assert.equal(await board.locator('[role="status"]').evaluate((status) => getComputedStyle(status).position), 'absolute');
    release();
    await widgetsRunning(page);
    await board.getByLabel('Search notices').fill('drill');
    await board.locator('.notice-row', { hasText: drill.title }).locator('mark').first().waitFor();
    await board.getByRole('link', { name: drill.title }).click();
    await board.locator('h2, h3', { hasText: drill.title }).first().waitFor();
    assert.deepEqual(await violations(page), []);
    assert.deepEqual(page.problems, []);
  });
});
