// Hostile HTML bodies in the real browser: every vector of a published XSS corpus
// (tests/fixtures/xss-vectors.json names its sources) becomes the HTML body of a notice, and
// each notice is shown twice: rendered by the app, and as its prerendered page (with the
// app's own scripts blocked, so that only what the page's HTML carries could run).
// Nothing may run (`alert` and friends are trapped before any page script), nothing may be
// fetched from anywhere but the board's own server, and no element in the body may carry an
// event handler, a style, or an address that runs script.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { DIST } from './support/server.mjs';
import { serveAndLaunch, openPage, waitForView } from './support/browser.mjs';

const corpus = JSON.parse(fs.readFileSync(path.join(import.meta.dirname, '../fixtures/xss-vectors.json'), 'utf8'));
const sample = JSON.parse(fs.readFileSync(path.join(DIST, 'notices.json'), 'utf8'));
const id = (index) => `xss-${String(index).padStart(4, '0')}`;
const notices = corpus.vectors.map((vector, index) => ({
  id: id(index),
  title: `Vector ${id(index)}`,
  date: '2024-01-01',
  views: index,
  bodyFormat: 'html',
  body: vector.payload,
}));
const DATA = JSON.stringify({ ...sample, notices });

// A copy of dist/ with the corpus as its data, prerendered as a deploy would be.
const site = fs.mkdtempSync(path.join(os.tmpdir(), 'board-xss-'));
fs.cpSync(DIST, site, { recursive: true });
fs.writeFileSync(path.join(site, 'notices.json'), DATA);
execFileSync(path.join(DIST, '../target/tools/notices'), ['prerender', site], { stdio: 'pipe' });

/** Runs before any script of the page: traps every way a vector shows it ran. */
function trapScripts() {
  window.__ran = [];
  for (const name of ['alert', 'confirm', 'prompt', 'print']) {
    window[name] = (message) => window.__ran.push(`${name}(${String(message).slice(0, 80)})`);
  }
}

/** What in the notice body could run script or reach out, as readable strings. */
function hostileMarkup() {
  const body = document.querySelector('.notice-body');
  if (!body) return ['no notice body on the page'];
  const found = [];
  // WBR: the board's own line-break opportunities inside very long words (never from the data;
  // their attributes are checked like every other element's).
  const allowed = new Set(['P', 'DIV', 'BR', 'WBR', 'HR', 'H2', 'H3', 'H4', 'H5', 'H6', 'STRONG', 'EM', 'U', 'SUB', 'SUP', 'UL', 'OL', 'LI',
    'BLOCKQUOTE', 'TABLE', 'CAPTION', 'THEAD', 'TBODY', 'TFOOT', 'TR', 'TH', 'TD', 'A', 'IMG', 'SPAN']);
  for (const element of body.querySelectorAll('*')) {
    if (!allowed.has(element.tagName)) found.push(`<${element.tagName.toLowerCase()}>`);
    for (const attribute of element.attributes) {
      const name = attribute.name.toLowerCase();
      if (name.startsWith('on') || ['style', 'srcdoc', 'formaction', 'action', 'background', 'xlink:href', 'srcset'].includes(name)) {
        found.push(`${name} on <${element.tagName.toLowerCase()}>`);
      }
    }
    for (const name of ['href', 'src']) {
      const value = element.getAttribute(name);
      if (value === null) continue;
      const scheme = new URL(value, document.baseURI).protocol;
      const allowedSchemes = name === 'src' ? ['https:', 'http:'] : ['https:', 'http:', 'mailto:', 'tel:'];
      if (!allowedSchemes.includes(scheme)) found.push(`${name}=${value.slice(0, 60)}`);
    }
  }
  return found;
}

/** Opens a page that records dialogs and every request leaving the board's server. */
async function guardedPage(env, { blockApp = false } = {}) {
  const page = await openPage(env.browser);
  const origin = new URL(env.server.url).origin;
  const seen = { dialogs: [], requests: [] };
  page.on('dialog', (dialog) => {
    seen.dialogs.push(dialog.message());
    dialog.dismiss().catch(() => {});
  });
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (!url.startsWith(origin + '/')) {
      seen.requests.push(url.slice(0, 100));
      return route.abort();
    }
    if (blockApp && /\.(js|wasm)(\?|$)/.test(url)) return route.abort();
    return route.continue();
  });
  await page.addInitScript(trapScripts);
  return { page, seen };
}

describe(`the ${corpus.vectors.length} XSS vectors of ${corpus.sources.map((s) => s.name).join(' and ')}`, () => {
  const env = serveAndLaunch({ root: site });

  it('run nothing, fetch nothing from elsewhere, and leave no handler in the app-rendered body', async () => {
    const { page, seen } = await guardedPage(env);
    const failures = [];
    // The app walks the list by its "Next notice" links, so every vector is rendered by the
    // running app, one after another in the same document.
    const order = [...notices].sort((a, b) => b.id.localeCompare(a.id));
    await page.goto(`${env.server.url}?id=${order[0].id}`);
    for (const [step, notice] of order.entries()) {
      await waitForView(page, notice.title);
      const found = await page.evaluate(hostileMarkup);
      if (found.length) failures.push(`${notice.id}: ${found.join(', ')}`);
      if (step + 1 < order.length) await page.locator('.pager-next a').click();
    }
    await page.waitForTimeout(500); // lets anything deferred (timers, image errors) happen
    const ran = await page.evaluate(() => window.__ran);
    assert.deepEqual(ran, [], 'no alert, confirm, prompt or print ran');
    assert.deepEqual(seen.dialogs, [], 'no dialog opened');
    assert.deepEqual(seen.requests, [], 'no request left the board’s server');
    assert.deepEqual(failures, [], 'no hostile markup in any body');
  });

  it('run nothing and fetch nothing from elsewhere in the prerendered pages either', async () => {
    const { page, seen } = await guardedPage(env, { blockApp: true });
    const failures = [];
    for (const notice of notices) {
      await page.goto(`${env.server.url}notice-${notice.id}.html`);
      const found = await page.evaluate(hostileMarkup);
      if (found.length) failures.push(`${notice.id}: ${found.join(', ')}`);
      const ran = await page.evaluate(() => window.__ran);
      if (ran.length) failures.push(`${notice.id} ran ${ran.join(', ')}`);
    }
    assert.deepEqual(seen.dialogs, [], 'no dialog opened');
    assert.deepEqual(seen.requests, [], 'no request left the board’s server');
    assert.deepEqual(failures, []);
  });
});
