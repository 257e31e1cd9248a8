// The board as a citizen uses it: the list, a notice by click and by URL, reload, Back and
// Forward, links that open in a new tab, and an unknown notice.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { DIST } from './support/server.mjs';
import { serveAndLaunch, openPage, waitForView, waitForStatus, focused } from './support/browser.mjs';

const sample = JSON.parse(fs.readFileSync(path.join(DIST, 'notices.json'), 'utf8'));
const titleOf = (id) => sample.notices.find((n) => String(n.id) === String(id)).title;

describe('the notice board', () => {
  const env = serveAndLaunch({ base: '/eng/news/' });

  it('lists every sample notice across its pages, pinned first, then newest first', async () => {
    const page = await openPage(env.browser);
    const items = [];
    for (let number = 1; number <= 4; number++) {
      await page.goto(number === 1 ? env.server.url : `${env.server.url}?page=${number}`);
      await waitForView(page, 'News & Notices');
      items.push(...await page.locator('.notice-row').evaluateAll((lis) => lis.map((li) => ({
        pinned: li.querySelector('.tag-pinned')?.textContent ?? null,
        date: li.querySelector('time').getAttribute('datetime'),
        title: li.querySelector('h2 a').textContent,
      }))));
      if (number === 1) {
        assert.equal(await page.title(), 'News & Notices (page 1 of 4) – Ministry of the Interior and Safety');
        assert.equal(await page.locator('.result-count').textContent(), `Showing 1–12 of ${sample.notices.length} notices.`);
      }
    }
    assert.equal(items.length, sample.notices.length, 'every notice on exactly one page');
    assert.equal(new Set(items.map((item) => item.title)).size, items.length);
    const pinnedCount = sample.notices.filter((n) => n.pinned).length;
    assert.ok(pinnedCount >= 2);
    items.slice(0, pinnedCount).forEach((item) => assert.equal(item.pinned, 'Pinned', 'pinned notices say so in text'));
    items.slice(pinnedCount).forEach((item) => assert.equal(item.pinned, null));
    const rest = items.slice(pinnedCount).map((item) => item.date);
    assert.deepEqual(rest, [...rest].sort().reverse(), 'unpinned notices are newest first');
    assert.equal(items[pinnedCount].title, 'Year-end closure of the Government Complex visitor centre');
    assert.deepEqual(page.problems, []);
  });

  it('shows each row’s date and read count with visible labels, and its category', async () => {
    const page = await openPage(env.browser);
    await page.goto(`${env.server.url}?year=2018`);
    await waitForView(page);
    const row = page.locator('.notice-row', { hasText: 'Take Part in the Earthquake Drill on May. 16th' });
    // One line of text; each label stays with its value (a no-break space) when it wraps.
    assert.deepEqual(await row.locator('.notice-row-meta > span').allTextContents(),
      ['Date:\u00a014 May 2018', 'Read:\u00a02,131', 'Category:\u00a0Safety and drills']);
    assert.equal(await row.locator('time').getAttribute('datetime'), '2018-05-14');
  });

  it('opens a notice by click, with its title, metadata, body and attachments', async () => {
    const page = await openPage(env.browser);
    await page.goto(`${env.server.url}?year=2018`);
    await waitForView(page);
    await page.getByRole('link', { name: 'Take Part in the Earthquake Drill on May. 16th' }).click();
    await waitForView(page, 'Take Part in the Earthquake Drill on May. 16th');
    assert.equal(new URL(page.url()).search, '?year=2018', 'the list state stays in the URL');
    assert.equal(new URL(page.url()).pathname, '/eng/news/notice-66021.html', 'the notice’s own page');
    assert.equal(await page.title(), 'Take Part in the Earthquake Drill on May. 16th – News & Notices – Ministry of the Interior and Safety');
    const meta = page.locator('article dl');
    assert.equal(await meta.locator('time').getAttribute('datetime'), '2018-05-14');
    assert.deepEqual(await meta.locator('dt').allTextContents(), ['Date', 'Read', 'Category']);
    assert.equal(await meta.locator('dd').nth(1).textContent(), '2,131');
    const body = page.locator('.notice-body');
    assert.match(await body.innerText(), /□ Drill schedule\n○ 14:00 – Drill alert/);
    assert.equal(await body.locator('p').count(), 4, 'blank lines separate paragraphs');
    const files = page.locator('.attachments li a');
    assert.equal(await files.count(), 2);
    assert.match(await files.first().textContent(), /^Earthquake action guide \(English\)\.pdf \(PDF, \d+ bytes\)$/);
    assert.equal(await files.first().getAttribute('href'), 'files/earthquake-action-guide.pdf');
    const download = await page.request.get(new URL('files/earthquake-action-guide.pdf', page.url()).href);
    assert.equal(download.status(), 200, 'attachments in the sample data exist');
    assert.equal(await focused(page), 'h1: Take Part in the Earthquake Drill on May. 16th');
    const crumbs = await page.locator('nav[aria-label="Breadcrumb"] li').allTextContents();
    assert.deepEqual(crumbs, ['HOME', "What's New", 'News & Notices', 'Take Part in the Earthquake Drill on May. 16th']);
    assert.deepEqual(page.problems, []);
  });

  it('opens a notice directly by URL and keeps it on reload', async () => {
    const page = await openPage(env.browser);
    await page.goto(`${env.server.url}?id=63605`);
    await waitForView(page, titleOf(63605));
    assert.equal(await focused(page), 'body', 'focus is not moved on first load');
    await page.reload();
    await waitForView(page, titleOf(63605));
    assert.equal(await page.title(), `${titleOf(63605)} – News & Notices – Ministry of the Interior and Safety`);
  });

  it('opens notices with text ids', async () => {
    const page = await openPage(env.browser);
    await page.goto(`${env.server.url}?id=press-2023-118`);
    await waitForView(page, titleOf('press-2023-118'));
  });

  it('goes Back and Forward between the list and notices, restoring titles and scroll', async () => {
    const page = await openPage(env.browser, { height: 600 });
    await page.goto(env.server.url);
    await waitForView(page);
    const link = page.locator('.notice-row a').nth(10);
    const title = await link.textContent();
    await link.scrollIntoViewIfNeeded();
    const listScroll = await page.evaluate(() => window.scrollY);
    assert.ok(listScroll > 300, `the link is far down the list (${listScroll})`);
    await link.click();
    await waitForView(page, title);
    assert.equal(await page.evaluate(() => window.scrollY), 0, 'a new view starts at the top');
    await page.getByRole('link', { name: 'Back to list' }).click();
    await waitForView(page, 'News & Notices');
    assert.equal(new URL(page.url()).search, '');
    assert.equal(await focused(page), `a: ${title}`, '“Back to list” returns focus to the notice the person left');
    await page.goBack();
    await waitForView(page, title);
    await page.goBack();
    await waitForView(page, 'News & Notices');
    await page.waitForFunction((y) => Math.abs(window.scrollY - y) < 2, listScroll);
    assert.equal(await page.title(), 'News & Notices (page 1 of 4) – Ministry of the Interior and Safety');
    assert.equal(await focused(page), `a: ${title}`, 'after Back, focus is on the link the person followed');
    await page.goForward();
    await waitForView(page, title);
    assert.equal(await page.title(), `${title} – News & Notices – Ministry of the Interior and Safety`);
    assert.deepEqual(page.problems, []);
  });

  it('opens a notice in a new tab on Ctrl+click, leaving the list in this one', async () => {
    const page = await openPage(env.browser);
    await page.goto(env.server.url);
    await waitForView(page);
    const link = page.getByRole('link', { name: titleOf(99120) });
    assert.equal(await link.getAttribute('href'), '/eng/news/notice-99120.html');
    const [popup] = await Promise.all([
      page.context().waitForEvent('page'),
      link.click({ modifiers: ['Control'] }),
    ]);
    await popup.waitForLoadState();
    await waitForView(popup, titleOf(99120));
    assert.equal(new URL(page.url()).search, '', 'the original tab stays on the list');
  });

  it('shows “not found” for an unknown id, with a way back', async () => {
    const page = await openPage(env.browser);
    await page.goto(`${env.server.url}?id=999999`);
    await waitForView(page, 'Notice not found');
    assert.match(await page.locator('main').innerText(), /There is no notice with the id “999999”/);
    assert.equal(await page.title(), 'Notice not found – News & Notices – Ministry of the Interior and Safety');
    // Not announced in the status region too: the heading says it (announcements.test.mjs).
    await page.getByRole('link', { name: 'See all notices' }).click();
    await waitForView(page, 'News & Notices');
  });

  it('marks Korean passages inside English notices with lang="ko"', async () => {
    const page = await openPage(env.browser);
    await page.goto(`${env.server.url}?id=91070`);
    await waitForView(page);
    const langs = await page.locator('.notice-body p').evaluateAll((ps) => ps.map((p) => p.lang));
    assert.equal(langs.at(-1), 'ko');
    assert.ok(langs.slice(0, -1).every((lang) => lang === ''));
  });

  it('links bare https:// addresses in a notice’s text, and only those', async () => {
    const hostile = structuredClone(sample);
    hostile.notices[0].body = 'Status: https://www.gov.kr/portal/main. Not: javascript:alert(1) http://plain.example <a href="https://x.example">x</a>';
    env.server.dataOverride = { body: JSON.stringify(hostile) };
    const page = await openPage(env.browser, { width: 320 });
    await page.goto(`${env.server.url}?id=${hostile.notices[0].id}`);
    await waitForView(page, hostile.notices[0].title);
    const links = await page.locator('.notice-body a').evaluateAll((as) => as.map((a) => [a.textContent, a.getAttribute('href')]));
    assert.deepEqual(links, [['https://www.gov.kr/portal/main', 'https://www.gov.kr/portal/main'], ['https://x.example', 'https://x.example']]);
    assert.match(await page.locator('.notice-body').innerText(), /<a href="https:\/\/x\.example">x<\/a>/, 'markup stays text');
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth), 'long addresses wrap at 320 px');
  });

  it('never treats data as HTML', async () => {
    const hostile = structuredClone(sample);
    hostile.notices[0].title = '<img src=x onerror="window.hacked=1">Hostile';
    hostile.notices[0].body = '<script>window.hacked=1</script>\n\n<b>bold?</b>';
    env.server.dataOverride = { body: JSON.stringify(hostile) };
    const page = await openPage(env.browser);
    await page.goto(`${env.server.url}?id=${hostile.notices[0].id}`);
    await waitForView(page, '<img src=x onerror="window.hacked=1">Hostile');
    assert.equal(await page.locator('main img, main script, main b').count(), 0);
    assert.match(await page.locator('.notice-body').innerText(), /<script>window.hacked=1<\/script>/);
    assert.equal(await page.evaluate(() => window.hacked), undefined);
  });

  it('shows an HTML body with its structure: headings under the title, a captioned table, lists, links', async () => {
    const page = await openPage(env.browser, { width: 320 });
    await page.goto(`${env.server.url}?id=93314`);
    await waitForView(page, titleOf(93314));
    const outline = await page.locator('main :is(h1, h2, h3, h4)').evaluateAll((hs) => hs.map((h) => `${h.tagName} ${h.textContent}`));
    assert.deepEqual(outline, [`H1 ${titleOf(93314)}`, 'H2 At a glance', 'H2 How to apply', 'H2 Attachments'], 'body h3s become h2s under the h1');
    const table = page.getByRole('region', { name: 'Fellowship 2025' });
    assert.equal(await table.getAttribute('tabindex'), '0', 'a wide table can be scrolled by keyboard');
    assert.equal(await table.locator('caption').textContent(), 'Fellowship 2025');
    assert.deepEqual(await table.locator('th').evaluateAll((ths) => ths.map((th) => th.scope)), ['row', 'row', 'row', 'row']);
    assert.equal(await page.locator('.notice-body ol > li').count(), 3);
    const external = page.getByRole('link', { name: 'the Ministry’s website (opens in a new tab)' });
    assert.equal(await external.getAttribute('target'), '_blank');
    assert.equal(await external.getAttribute('rel'), 'noopener noreferrer');
    assert.equal(await page.getByRole('link', { name: 'fellowship@mois.go.kr' }).getAttribute('href'), 'mailto:fellowship@mois.go.kr');
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth), 'nothing but the table box scrolls at 320 px');
  });

  it('marks a link written with backslashes as another site and loads body images without a Referer', async () => {
    const hostile = structuredClone(sample);
    Object.assign(hostile.notices[0], {
      title: 'Backslash links',
      bodyFormat: 'html',
      body: '<p><a href="\\\\evil.example/" target="_blank">Pay the invoice</a></p><p><img src="\\\\cdn.example/map.png" alt="Map"></p>',
    });
    env.server.dataOverride = { body: JSON.stringify(hostile) };
    const page = await openPage(env.browser);
    await page.goto(`${env.server.url}?id=${hostile.notices[0].id}`);
    await waitForView(page, 'Backslash links');
    const link = page.getByRole('link', { name: 'Pay the invoice (opens in a new tab)' });
    assert.equal(await link.getAttribute('rel'), 'noopener noreferrer');
    assert.equal(await link.getAttribute('target'), '_blank');
    assert.equal(await link.evaluate((a) => new URL(a.href).host), 'evil.example', 'what is marked is where the browser goes');
    const image = page.locator('.notice-body img');
    assert.equal(await image.getAttribute('referrerpolicy'), 'no-referrer');
    assert.equal(await image.evaluate((img) => img.src), 'https://cdn.example/map.png');
  });
});
