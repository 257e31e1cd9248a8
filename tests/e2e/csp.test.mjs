// The board's own page under a strict Content-Security-Policy, as a ministry site may send
// on every page: no inline script, so the app starts from its external start.js and runs on
// the prerendered list, a prerendered notice and the page without prerendered markup.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { DIST, CLIENT_RENDERED } from './support/server.mjs';
import { serveAndLaunch, openPage, waitForView } from './support/browser.mjs';

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
