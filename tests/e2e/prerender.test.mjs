// The prerendered pages (scripts/build runs `notices prerender`): what people without
// JavaScript, search engines and link previews get, and how the app takes a page over.
import { describe, it, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { DIST, withoutRenderWait } from './support/server.mjs';
import { serveAndLaunch, openPage, waitForView, axeViolations, focused, statusText } from './support/browser.mjs';

const sample = JSON.parse(fs.readFileSync(path.join(DIST, 'notices.json'), 'utf8'));
const DATA = fs.readFileSync(path.join(DIST, 'notices.json'));
const pinned = sample.notices.filter((n) => n.pinned);
const newest = [...sample.notices].sort((a, b) => b.date.localeCompare(a.date) || String(b.id).localeCompare(String(a.id)))[0];

/** Resolves once the app has replaced the prerendered board. */
const takenOver = (page) => page.waitForFunction(() => !document.querySelector('[data-prerendered]'));

/** Records each layout shift in `window.__shifts`, with what moved, so that a failure says
 *  where to look. Runs in the page, before its own scripts. */
function recordLayoutShifts() {
  const describe = (node) => node && (node.nodeType === 1
    ? `${node.localName}${node.className ? '.' + String(node.className).split(' ').join('.') : ''}`
    : `${node.nodeName} ${JSON.stringify(node.textContent.slice(0, 20))} in ${describe(node.parentNode)}`);
  const rect = (r) => `${r.x},${r.y} ${r.width}x${r.height}`;
  window.__shifts = [];
  new PerformanceObserver((list) => window.__shifts.push(...list.getEntries().map((entry) => ({
    value: entry.value,
    moved: entry.sources.map((s) => `${describe(s.node)}: ${rect(s.previousRect)} -> ${rect(s.currentRect)}`),
  })))).observe({ type: 'layout-shift', buffered: true });
}

/** Opens `url` without the page's scripts (as it is painted before they run) and asserts
 *  that it arrives without a layout shift. */
async function assertPaintsInPlace(browser, url, width = 390) {
  const page = await openPage(browser, { width, height: 700 });
  await page.route(/\.(js|wasm)$/, (route) => route.abort());
  await page.addInitScript(recordLayoutShifts);
  await page.goto(url);
  await assertNoLayoutShift(page);
}

/** Asserts that the page has had no layout shift, once the last frame's are reported. */
async function assertNoLayoutShift(page) {
  const shifts = await page.evaluate(() => new Promise((settled) =>
    requestAnimationFrame(() => requestAnimationFrame(() => settled(window.__shifts)))));
  assert.deepEqual(shifts.map((s) => s.value), [], `no layout shift: ${JSON.stringify(shifts, null, 1)}`);
}

describe('the prerendered pages without JavaScript', () => {
  const env = serveAndLaunch({ base: '/eng/news/' });
  const noScript = () => openPage(env.browser, { javaScriptEnabled: false });

  it('show the list with its chrome, and every page of it through plain links', async () => {
    const page = await noScript();
    await page.goto(env.server.url);
    assert.equal(await page.title(), 'News & Notices (page 1 of 4) – Ministry of the Interior and Safety');
    assert.equal(await page.locator('html').getAttribute('lang'), 'en');
    assert.deepEqual(await page.locator('.skip-link').allTextContents(), ['Skip to main content', 'Skip to main menu']);
    assert.deepEqual(await page.locator('.breadcrumb li').allTextContents(), ['HOME', "What's New", 'News & Notices']);
    const first = await page.locator('.notice-row h2 a').first().textContent();
    assert.ok(pinned.some((n) => n.title === first), `a pinned notice first: ${first}`);
    assert.equal(await page.locator('.finder').isVisible(), false, 'no search form that cannot work');
    assert.equal(await page.locator('.back-to-top-link').getAttribute('href'), '#notice-board');

    const titles = [];
    for (let number = 1; number <= 4; number++) {
      titles.push(...await page.locator('.notice-row h2 a').allTextContents());
      if (number < 4) {
        await page.getByRole('link', { name: 'Next page' }).click();
        await page.waitForURL(`**/page-${number + 1}.html`);
      }
    }
    assert.equal(new Set(titles).size, sample.notices.length, 'every notice is on a page');
  });

  it('show each notice at its own address, with a breadcrumb and a way back', async () => {
    const page = await noScript();
    await page.goto(env.server.url);
    await page.getByRole('link', { name: newest.title }).click();
    await page.waitForURL(`**/eng/news/notice-${newest.id}.html`);
    assert.equal(await page.locator('h1').textContent(), newest.title);
    assert.equal(await page.title(), `${newest.title} – News & Notices – Ministry of the Interior and Safety`);
    assert.deepEqual(await page.locator('.breadcrumb li').allTextContents(), ['HOME', "What's New", 'News & Notices', newest.title]);
    const head = await page.evaluate(() => ({
      description: document.querySelector('meta[name=description]').content,
      canonical: document.querySelector('link[rel=canonical]')?.getAttribute('href') ?? null,
      ogTitle: document.querySelector('meta[property="og:title"]').content,
      ogType: document.querySelector('meta[property="og:type"]').content,
    }));
    assert.equal(head.canonical, null, 'absolute only: the build was given no --base-url');
    assert.equal(head.ogTitle, newest.title);
    assert.equal(head.ogType, 'article');
    assert.ok(head.description.length > 20 && head.description.length <= 160, head.description);
    await page.getByRole('link', { name: 'News & Notices' }).first().waitFor();
    await page.getByRole('link', { name: 'Back to list' }).click();
    await page.waitForURL(/\/eng\/news\/(index\.html)?$/);
    assert.equal(await page.locator('h1').textContent(), 'News & Notices');
  });

  it('paint the page as it arrives without moving what is already painted', async () => {
    // On a slow network, or a busy phone, the browser paints a page it has parsed only in
    // part. Here the list page arrives cut before every tag of its first screen, a few
    // frames apart: each part painted must stay where it is when the next one comes
    // (invisible spaces included, which the browser counts as layout shifts too). Chromium
    // would wait for the whole board (`rel=expect`): the page is sent without that wait, as
    // other browsers read it.
    env.server.pageRewrite = withoutRenderWait;
    env.server.pageCuts = (html) => {
      const start = html.indexOf('<body');
      const list = html.indexOf('<ol class="notice-list"');
      const end = list + html.slice(list).split('</li>', 4).join('</li>').length;
      return [...html.slice(start, end).matchAll(/</g)].map((match) => start + match.index);
    };
    await assertPaintsInPlace(env.browser, env.server.url);
  });

  it('paint the top of a page whole, however its texts are cut on the way', async () => {
    // The breadcrumb, the search form and a notice's details wrap: an item painted with
    // part of its text could fit where the whole does not, and move to the next line once
    // whole. Here the top of the list page and of a notice arrive with each text cut after
    // its first character.
    const pages = { '': '<ol class="notice-list"', [`notice-${newest.id}.html`]: '<div class="notice-body' };
    for (const [file, after] of Object.entries(pages)) {
      env.server.pageCuts = (html) => {
        const start = html.indexOf('<nav aria-label="Breadcrumb"');
        const top = html.slice(start, html.indexOf(after));
        return [...top.matchAll(/>[^<]{2}/g)].map((text) => start + text.index + 2);
      };
      for (const width of [320, 390]) await assertPaintsInPlace(env.browser, env.server.url + file, width);
    }
  });

  it('have no accessibility violations (axe), list and notice, at 1280 and 320 px', async () => {
    for (const width of [1280, 320]) {
      // axe needs JavaScript, so here the page's own scripts are blocked instead.
      const page = await openPage(env.browser, { width });
      await page.route(/\.(js|wasm)$/, (route) => route.abort());
      for (const file of ['', 'page-2.html', `notice-${newest.id}.html`]) {
        await page.goto(env.server.url + file);
        assert.deepEqual(await axeViolations(page), [], `${file || 'index.html'} at ${width}px`);
      }
    }
  });
});

describe('the app taking over a prerendered page', () => {
  const env = serveAndLaunch({ base: '/eng/news/' });

  it('changes nothing on screen: same text, no layout shift, focus and scroll kept', async () => {
    const page = await openPage(env.browser, { width: 390, height: 700 });
    await page.addInitScript(recordLayoutShifts);
    env.server.dataOverride = { delayMs: 1500, body: DATA };
    await page.goto(env.server.url);
    const before = await page.evaluate(() => document.body.innerText);
    for (let tab = 0; tab < 4; tab++) await page.keyboard.press('Tab');
    const focusBefore = await focused(page);
    await page.evaluate(() => window.scrollTo(0, 250));
    assert.ok(await page.locator('[data-prerendered]').count(), 'still the prerendered page');
    await takenOver(page);
    assert.equal(await page.evaluate(() => document.body.innerText), before);
    assert.equal(await focused(page), focusBefore);
    assert.equal(await page.evaluate(() => window.scrollY), 250);
    await assertNoLayoutShift(page);
    assert.equal(await statusText(page), '', 'nothing to announce: the page was already there');
    assert.deepEqual(page.problems, []);
  });

  it('keeps what was typed or chosen in the form before the app started, and acts on it', async () => {
    const page = await openPage(env.browser);
    env.server.dataOverride = { delayMs: 1500, body: DATA };
    await page.goto(env.server.url);
    await page.getByLabel('Search notices').fill('drill');
    await page.getByLabel('Category').selectOption('safety');
    await takenOver(page);
    assert.equal(await page.getByLabel('Search notices').inputValue(), 'drill');
    assert.equal(await page.getByLabel('Category').inputValue(), 'safety');
    await page.waitForFunction(() => location.search === '?q=drill&category=safety');
    const titles = await page.locator('.notice-row h2 a').allTextContents();
    assert.ok(titles.length > 0 && titles.length < 12, `only the matches: ${titles}`);
    assert.equal(await page.locator('mark').first().textContent().then((t) => t.toLowerCase()), 'drill');
  });

  it('then works as the app: links stay in the page, searches, and notice files reload', async () => {
    const page = await openPage(env.browser);
    await page.goto(env.server.url);
    await takenOver(page);
    await page.evaluate(() => { window.__samePage = true; });
    await page.getByRole('link', { name: newest.title }).click();
    await waitForView(page, newest.title);
    assert.equal(new URL(page.url()).pathname, `/eng/news/notice-${newest.id}.html`);
    assert.equal(await page.evaluate(() => window.__samePage), true, 'no page load');
    await page.reload();
    await waitForView(page, newest.title);
    await page.getByRole('link', { name: 'Back to list' }).click();
    await waitForView(page, 'News & Notices');
    assert.equal(await focused(page), `a: ${newest.title}`);
    await page.getByLabel('Search notices').fill('earthquake');
    await page.waitForFunction(() => location.search === '?q=earthquake' && document.querySelector('mark'));
    assert.deepEqual(page.problems, []);
  });

  it('keeps the prerendered page, whose links work, when the data cannot be loaded', async () => {
    const page = await openPage(env.browser);
    env.server.dataOverride = { status: 503, body: 'unavailable' };
    await page.goto(env.server.url);
    await page.waitForTimeout(1000);
    assert.equal(await page.locator('.notice-row').count() > 0, true);
    await page.getByRole('link', { name: newest.title }).click();
    await page.waitForURL(`**/notice-${newest.id}.html`);
    assert.equal(await page.locator('h1').textContent(), newest.title);
  });
});

describe('the feed, when the build knows the public URL', () => {
  // A copy of dist/ prerendered again with --base-url, as a deploy does.
  const site = fs.mkdtempSync(path.join(os.tmpdir(), 'board-feed-'));
  fs.cpSync(DIST, site, { recursive: true });
  const BASE = 'https://www.example.go.kr/eng/news/';
  execFileSync(path.join(DIST, '../target/tools/notices'), ['prerender', site, '--base-url', BASE], { stdio: 'pipe' });
  const env = serveAndLaunch({ root: site, base: '/eng/news/' });

  it('is linked from every page, in the head and as a visible “Subscribe” link that survives the takeover', async () => {
    const page = await openPage(env.browser);
    await page.goto(env.server.url);
    const alternate = page.locator('link[rel=alternate][type="application/atom+xml"]');
    assert.equal(await alternate.getAttribute('href'), 'feed.xml');
    assert.equal(await page.locator('link[rel=canonical]').getAttribute('href'), `${BASE}index.html`);
    await waitForView(page, 'News & Notices');
    const subscribe = page.getByRole('link', { name: 'Subscribe to new notices' });
    assert.equal(await subscribe.getAttribute('href'), 'feed.xml');
    assert.deepEqual(await axeViolations(page), []);
    assert.deepEqual(page.problems, []);
  });

  it('is well-formed Atom with the newest notices, each linking to its page; the sitemap lists every page', async () => {
    const page = await openPage(env.browser);
    await page.goto(env.server.url);
    const feed = await page.evaluate(async () => {
      const xml = new DOMParser().parseFromString(await (await fetch('feed.xml')).text(), 'application/xml');
      const text = (node, selector) => node.querySelector(selector)?.textContent ?? null;
      return {
        error: xml.querySelector('parsererror')?.textContent ?? null,
        namespace: xml.documentElement.namespaceURI,
        title: text(xml, 'feed > title'), id: text(xml, 'feed > id'), updated: text(xml, 'feed > updated'), author: text(xml, 'feed > author > name'),
        entries: [...xml.querySelectorAll('entry')].map((entry) => ({
          title: text(entry, 'title'), id: text(entry, 'id'), updated: text(entry, 'updated'),
          link: entry.querySelector('link[rel=alternate]')?.getAttribute('href'),
        })),
      };
    });
    assert.equal(feed.error, null);
    assert.equal(feed.namespace, 'http://www.w3.org/2005/Atom');
    assert.equal(feed.title, 'News & Notices – Ministry of the Interior and Safety');
    assert.equal(feed.id, `${BASE}feed.xml`);
    assert.equal(feed.author, 'Ministry of the Interior and Safety');
    assert.equal(feed.entries.length, 20);
    assert.deepEqual(feed.entries[0], { title: newest.title, id: `${BASE}notice-${newest.id}.html`, updated: `${newest.date}T00:00:00Z`, link: `${BASE}notice-${newest.id}.html` });
    for (const entry of feed.entries) assert.match(entry.updated, /^\d{4}-\d\d-\d\dT00:00:00Z$/);
    const dates = feed.entries.map((entry) => entry.updated);
    assert.deepEqual(dates, [...dates].sort().reverse(), 'newest first');

    const urls = await page.evaluate(async () => {
      const xml = new DOMParser().parseFromString(await (await fetch('sitemap.xml')).text(), 'application/xml');
      return [...xml.querySelectorAll('url > loc')].map((loc) => loc.textContent);
    });
    assert.equal(urls.length, 4 + sample.notices.length);
    assert.ok(urls.includes(`${BASE}page-4.html`) && urls.includes(`${BASE}notice-${newest.id}.html`));
  });
});

describe('a board that prerenders only its newest notices', () => {
  // A copy of dist/ prerendered with the smallest limit: as a board of 100,000 notices is
  // with the default of 1,000, so that its folder stays within what a static host takes.
  const site = fs.mkdtempSync(path.join(os.tmpdir(), 'board-newest-'));
  fs.cpSync(DIST, site, { recursive: true });
  const BASE = 'https://www.example.go.kr/eng/news/';
  execFileSync(path.join(DIST, '../target/tools/notices'), ['prerender', site, '--prerendered-notices', '20', '--base-url', BASE], { stdio: 'pipe' });
  const env = serveAndLaunch({ root: site, base: '/eng/news/' });
  after(() => fs.rmSync(site, { recursive: true, force: true }));
  // The app points the canonical link at the view once it is on screen.
  const canonicalIs = async (page, href) => {
    await page.waitForFunction((href) => document.querySelector('link[rel=canonical]').getAttribute('href') === href, href, { timeout: 5000 }).catch(() => {});
    assert.equal(await page.locator('link[rel=canonical]').getAttribute('href'), href);
  };
  const newestFirst = (a, b) => b.date.localeCompare(a.date) || String(b.id).localeCompare(String(a.id));
  const others = sample.notices.filter((n) => !n.pinned).sort(newestFirst);
  // The first notice without a page: the 21st newest, on page 3 of ten.
  const older = others[20];

  it('writes the pages of the pinned and the 20 newest notices, and of the list pages that show them', () => {
    const files = fs.readdirSync(site);
    const noticePages = files.filter((file) => /^notice-.*\.html$/.test(file)).sort();
    const expected = [...pinned, ...others.slice(0, 20)].map((n) => `notice-${n.id}.html`).sort();
    assert.deepEqual(noticePages, expected);
    assert.deepEqual(files.filter((file) => /^page-\d+\.html$/.test(file)), ['page-2.html']);
    const sitemap = fs.readFileSync(path.join(site, 'sitemap.xml'), 'utf8');
    assert.ok(sitemap.includes(`<loc>${BASE}index.html?id=${older.id}</loc>`), 'every notice at its address');
    assert.ok(sitemap.includes(`<loc>${BASE}notice-${others[0].id}.html</loc>`));
  });

  it('links to the others as views of the list, which open from their address and after a reload', async () => {
    const page = await openPage(env.browser);
    await page.goto(`${env.server.url}page-2.html`);
    await takenOver(page);
    const next = page.getByRole('link', { name: 'Next page' });
    assert.equal(await next.getAttribute('href'), '/eng/news/index.html?page=3');
    await next.click();
    await page.waitForURL('**/eng/news/index.html?page=3');
    await canonicalIs(page, `${BASE}index.html?page=3`);
    const link = page.locator('.notice-row a', { hasText: older.title });
    assert.equal(await link.getAttribute('href'), `/eng/news/index.html?page=3&id=${older.id}`);
    await link.click();
    await waitForView(page, older.title);
    assert.equal(await page.locator('h1').textContent(), older.title);
    await canonicalIs(page, `${BASE}index.html?id=${older.id}`);
    await page.reload();
    await waitForView(page, older.title);
    assert.equal(await page.locator('h1').textContent(), older.title);
    await canonicalIs(page, `${BASE}index.html?id=${older.id}`);
    // Its newer neighbour, the last of page 2, has its page.
    assert.equal(await page.locator('.notice-pager a', { hasText: others[19].title }).getAttribute('href'), `/eng/news/notice-${others[19].id}.html?page=3`);
    await page.getByRole('link', { name: 'Back to list' }).click();
    await page.waitForURL('**/eng/news/index.html?page=3');
    await page.locator('.notice-row a', { hasText: older.title }).waitFor();
    assert.deepEqual(await axeViolations(page), []);
    assert.deepEqual(page.problems, []);
  });
});
