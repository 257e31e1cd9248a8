// A host page on one origin embedding the board from another (the "CDN"), as a ministry's
// site does: the pages of examples/ with the CDN's placeholder address replaced by the
// test server's, served under a strict Content-Security-Policy.
import { before, after } from 'node:test';
import path from 'node:path';
import { startServer } from './server.mjs';
import { launch, isolateTests, widgetsRunning } from './browser.mjs';

const EXAMPLES = path.resolve(import.meta.dirname, '../../../examples');
const CDN_PLACEHOLDER = 'https://cdn.example.go.kr/notice-board/';

/**
 * For a `describe` block: starts the CDN (dist/ under /notice-board/, plus `cdnFiles`), the
 * host (examples/, plus `hostFiles`) and Chromium; each test starts afresh (see
 * isolateTests). Returns `{ cdn, host, browser }`, set once they run.
 */
export function serveHostAndCdn({ cdnFiles = {}, hostFiles = {} } = {}) {
  const env = { cdn: null, host: null, browser: null };
  before(async () => {
    env.cdn = await startServer({ base: '/notice-board/', headers: { 'access-control-allow-origin': '*' }, files: cdnFiles });
    const origin = new URL(env.cdn.url).origin;
    const csp = `default-src 'self'; script-src 'self' ${origin} 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline' ${origin}; connect-src 'self' ${origin}; img-src 'self'`;
    const rewrite = (text) => text.replaceAll(CDN_PLACEHOLDER, env.cdn.url).replaceAll('https://cdn.example.go.kr', origin);
    env.host = await startServer({
      root: EXAMPLES,
      files: { 'favicon.ico': '', ...Object.fromEntries(Object.entries(hostFiles).map(([name, html]) => [name, rewrite(html)])) },
      headers: { 'content-security-policy': csp },
      transform: (file, bytes) => (file.endsWith('.html') ? rewrite(bytes.toString()) : bytes),
    });
    env.browser = await launch();
  });
  after(async () => {
    await env.browser?.close();
    await env.host?.close();
    await env.cdn?.close();
  });
  isolateTests(env);
  return env;
}

/** Waits until every board on the host page has its data in. */
export async function waitForBoards(page, count) {
  await page.waitForFunction((count) => {
    const hosts = [...document.querySelectorAll('[data-notice-board]')];
    return hosts.length === count && hosts.every((host) => host.shadowRoot?.querySelector('.view-heading') && !host.shadowRoot.querySelector('.loading'));
  }, count);
  await widgetsRunning(page);
}
