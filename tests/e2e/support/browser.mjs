// Debian's Chromium driven by playwright-core (Playwright's own browser download is not
// available here), with helpers every browser test uses.
import { before, after, beforeEach, afterEach } from 'node:test';
import { chromium } from 'playwright-core';
import { startServer } from './server.mjs';
import { createRequire } from 'node:module';
import fs from 'node:fs';

const CHROMIUM = process.env.CHROME_PATH || '/usr/bin/chromium';
const FLAGS = [
  '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-quic',
];

export const WIDTHS = [1280, 320];

export function launch() {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS });
}

/**
 * A fresh page at `width` CSS px (`deviceScaleFactor` 4 at 320 px is a 1280 px window zoomed
 * to 400 %) that records console errors and uncaught exceptions into
 * `page.problems`, so a test can assert that nothing went wrong behind the scenes.
 */
export async function openPage(browser, { width = 1280, height = 900, javaScriptEnabled = true, deviceScaleFactor = 1 } = {}) {
  const context = await browser.newContext({ viewport: { width, height }, javaScriptEnabled, deviceScaleFactor });
  const page = await context.newPage();
  page.problems = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') page.problems.push(`${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => page.problems.push(`exception: ${error.message}`));
  return page;
}

/**
 * Waits until the board shows a view whose h1 contains `text`, and (unless `loading` is
 * set) until the data has arrived, since the loading view shares the list's heading, and
 * until the app has taken over a prerendered page.
 */
export async function waitForView(page, text = '', { loading = false } = {}) {
  await page.locator('.board main h1', { hasText: text }).first().waitFor();
  if (!loading) await page.waitForFunction(() => !document.querySelector('.board main .loading'));
  // On a prerendered page, the app has taken over (its links are handled in the page).
  await page.waitForFunction(() => !document.querySelector('[data-prerendered]'));
}

/**
 * Waits until the board has what its view needs: on a published board a new search or
 * filter fetches files while the view before stays, marked `aria-busy`.
 */
export async function waitForIdle(page) {
  await page.waitForFunction(() => !document.querySelector('.board-main[aria-busy="true"]'));
}

const require = createRequire(import.meta.url);
const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/** Runs axe-core in the page and returns its violations, formatted for a readable failure. */
export async function axeViolations(page) {
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async (tags) => {
    const result = await window.axe.run(document, { runOnly: { type: 'tag', values: tags } });
    return result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  }, AXE_TAGS);
  return violations;
}

/** Text of the one status region. */
export function statusText(page) {
  return page.locator('[role="status"]').textContent();
}

/** The element that has focus, described as "tag#id.class: text". */
export function focused(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return 'body';
    return `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}: ${(el.textContent || '').trim().slice(0, 80)}`;
  });
}

/** Waits until the status region says `text` (it is updated once the page settles). */
export async function waitForStatus(page, text) {
  try {
    await page.waitForFunction((text) => document.querySelector('[role="status"]')?.textContent === text, text, { timeout: 5000 });
  } catch {
    throw new Error(`status region says “${await statusText(page)}”, expected “${text}”`);
  }
}

/**
 * For a `describe` block: starts a static server for dist/ (with `serverOptions`, see
 * startServer) and Chromium before its tests, and stops both after; each test starts
 * afresh (see isolateTests). Returns an object whose `server` and `browser` are set once
 * they are running.
 */
export function serveAndLaunch(serverOptions = {}) {
  const env = { server: null, browser: null };
  before(async () => {
    env.server = await startServer(serverOptions);
    env.browser = await launch();
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.close();
  });
  isolateTests(env);
  return env;
}

/**
 * For a `describe` block whose tests share `env.browser` and the servers `env.server`,
 * `env.cdn` and `env.host` (whichever exist): each test starts from the same state, however
 * the one before it ended, failures included. Before each test the servers answer as
 * started (no `dataOverride` or `pageCuts`, no recorded `requests`); after each test every
 * page it opened is closed, and with its browser context go its routes, emulated media,
 * viewport and storage. So a test that sets state need not undo it, and one that fails
 * half-way cannot make the next fail.
 */
export function isolateTests(env) {
  beforeEach(() => {
    for (const server of [env.server, env.cdn, env.host]) {
      if (!server) continue;
      server.dataOverride = null;
      server.pageCuts = null;
      server.pageRewrite = null;
      server.requests.length = 0;
    }
  });
  afterEach(async () => {
    await Promise.all((env.browser?.contexts() ?? []).map((context) => context.close()));
  });
}

/**
 * What sticks out of the viewport sideways (WCAG 1.4.10 reflow): every visible element or
 * text run, in the document and in open shadow roots, that reaches beyond the window's
 * width or before its left edge, and every element that hides such overflow (overflow
 * hidden or clip). Content of a box that scrolls sideways on purpose (overflow auto or
 * scroll, such as a wide table's box) is left out. Returns descriptions, [] when all fits.
 */
export function wideContent(page) {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const found = [];
    const name = (el) => `<${el.tagName.toLowerCase()}${el.className ? ` class="${el.className}"` : ''}>`;
    const outside = (rect) => rect.width > 0 && (rect.right > width + 0.5 || rect.left < -0.5);
    const walk = (parent) => {
      for (const node of parent.childNodes) {
        if (node.nodeType === Node.TEXT_NODE) {
          if (!node.textContent.trim()) continue;
          const range = document.createRange();
          range.selectNodeContents(node);
          const rect = range.getBoundingClientRect();
          if (outside(rect)) found.push(`text “${node.textContent.trim().slice(0, 40)}…” in ${name(parent.host ?? parent)}: ${Math.round(rect.left)}–${Math.round(rect.right)} px`);
          continue;
        }
        if (node.nodeType !== Node.ELEMENT_NODE) continue;
        const style = getComputedStyle(node);
        if (style.display === 'none' || style.visibility === 'hidden') continue;
        const rect = node.getBoundingClientRect();
        // The visually hidden pattern: a 1 px clipped box, for screen readers only.
        if (rect.width <= 1 && rect.height <= 1) continue;
        if (outside(rect)) found.push(`${name(node)}: ${Math.round(rect.left)}–${Math.round(rect.right)} px`);
        if (style.overflowX === 'auto' || style.overflowX === 'scroll') continue;
        // A text field scrolls its own value: that is not the page overflowing.
        if (/^(INPUT|TEXTAREA|SELECT)$/.test(node.tagName)) continue;
        if ((style.overflowX === 'hidden' || style.overflowX === 'clip') && node.scrollWidth > node.clientWidth + 1) {
          found.push(`${name(node)} hides ${node.scrollWidth - node.clientWidth} px of its content`);
        }
        if (node.shadowRoot) walk(node.shadowRoot);
        walk(node);
      }
    };
    walk(document.body);
    if (document.documentElement.scrollWidth > width) found.push(`the page scrolls sideways: ${document.documentElement.scrollWidth} > ${width} px`);
    return found;
  });
}

/**
 * Waits until the app runs every widget on the page: until then a widget may show its
 * prerendered first view (widget.js), whose links leave the page.
 */
export async function widgetsRunning(page) {
  await page.waitForFunction(() => [...document.querySelectorAll('[data-notice-board]:not([data-notice-board=page])')]
    .every((host) => host.shadowRoot?.querySelector('[data-board-root][data-started]:not([data-prerendered])')));
}

/** A host page on the board's own server with one widget board in it (served as `host.html`). */
export const HOST_PAGE = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Host page</title><link rel="icon" href="favicon.svg"></head>
<body><main><h1>Host page</h1>
<div data-notice-board data-src="notices.json"><a href="./">News and notices</a></div>
</main><script type="module" src="widget.js"></script></body></html>`;
