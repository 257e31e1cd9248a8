// Finding a notice: paging, instant search (Korean and accented text too), filters, sort,
// previous/next notices, and a URL that keeps every state through reload, Back and Forward.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { DIST } from './support/server.mjs';
import { serveAndLaunch, openPage, waitForView, waitForStatus, waitForIdle, focused, axeViolations, WIDTHS } from './support/browser.mjs';

const sample = JSON.parse(fs.readFileSync(path.join(DIST, 'notices.json'), 'utf8'));
const rowTitles = (page) => page.locator('.notice-row h2 a').allTextContents();
const search = (page) => page.getByRole('searchbox', { name: 'Search notices' });
// The board's address: its file (the list's first page is the folder itself) and query.
const query = (page) => { const url = new URL(page.url()); return url.pathname.replace(/^.*\//, '') + url.search; };

describe('finding a notice', () => {
  const env = serveAndLaunch();

  it('pages through to the last page and back', async () => {
    const page = await openPage(env.browser);
    await page.goto(env.server.url);
    await waitForView(page);
    const seen = new Set(await rowTitles(page));
    for (let number = 2; number <= 4; number++) {
      await page.getByRole('link', { name: 'Next page' }).click();
      await waitForStatus(page, number < 4 ? `Showing ${3 + (number - 1) * 10}–${2 + number * 10} of 34 notices.` : 'Showing 33–34 of 34 notices.');
      assert.equal(query(page), number === 1 ? '' : `page-${number}.html`);
      assert.equal(await page.title(), `News & Notices (page ${number} of 4) – Ministry of the Interior and Safety`);
      assert.equal(await page.locator('.pagination [aria-current="page"]').textContent(), String(number));
      assert.equal(await focused(page), 'h1: News & Notices');
      (await rowTitles(page)).forEach((title) => seen.add(title));
    }
    assert.equal(seen.size, sample.notices.length, 'every notice was on a page');
    assert.equal(await page.getByRole('link', { name: 'Next page' }).count(), 0, 'no Next on the last page');
    await page.getByRole('link', { name: 'Page 1', exact: true }).click();
    await waitForStatus(page, 'Showing 1–12 of 34 notices.');
    assert.equal(query(page), '');
    assert.equal(await page.getByRole('link', { name: 'Previous page' }).count(), 0, 'no Previous on page 1');
    assert.equal(await page.locator('.tag-pinned').count(), 2, 'pinned notices lead page 1');
    await page.getByRole('link', { name: 'Page 2', exact: true }).click();
    await waitForView(page);
    assert.equal(await page.locator('.tag-pinned').count(), 0, 'and only page 1');
  });

  it('updates results as the person types, with matches highlighted in titles', async () => {
    const page = await openPage(env.browser);
    await page.goto(env.server.url);
    await waitForView(page);
    await search(page).pressSequentially('earthquake dri', { delay: 30 });
    await page.waitForFunction(() => document.querySelectorAll('.notice-row').length === 2);
    assert.deepEqual(await rowTitles(page), ['2024 Earthquake drill on May 16: what foreign residents need to know', 'Take Part in the Earthquake Drill on May. 16th']);
    assert.deepEqual(await page.locator('.notice-row mark').first().allTextContents(), ['Earthquake']);
    assert.equal(await page.locator('.notice-row h2 a').first().textContent(), '2024 Earthquake drill on May 16: what foreign residents need to know', 'the title reads as one text');
    assert.equal(await search(page).evaluate((input) => input === document.activeElement), true, 'focus stays in the box');
    await waitForStatus(page, 'Showing 2 notices.');
    assert.equal(query(page), '?q=earthquake%20dri');
    assert.equal(await page.title(), 'Search results for “earthquake dri” – News & Notices – Ministry of the Interior and Safety');
  });

  it('finds words in the body, ignoring case, accents and full-width forms', async () => {
    const page = await openPage(env.browser);
    for (const [q, expected] of [['casa rosada', 63605], ['ＣＡＳＡ', 63605], ['présidential MODERNIZATION', 63605]]) {
      await page.goto(`${env.server.url}?q=${encodeURIComponent(q)}`);
      await waitForView(page);
      assert.deepEqual(await rowTitles(page), [sample.notices.find((n) => n.id === expected).title], q);
      assert.equal(await search(page).inputValue(), q, 'the box shows the search from the URL');
    }
  });

  it('searches Korean text', async () => {
    const page = await openPage(env.browser);
    await page.goto(env.server.url);
    await waitForView(page);
    await search(page).fill('한파쉼터');
    await page.waitForFunction(() => document.title.includes('한파쉼터'));
    await waitForIdle(page);
    assert.deepEqual(await rowTitles(page), ['Winter 2026 heavy snow and cold wave: what to prepare']);
    await search(page).fill('지진 훈련');
    await page.waitForFunction(() => document.title.includes('지진 훈련'));
    await waitForIdle(page);
    assert.deepEqual(await rowTitles(page), ['2024 Earthquake drill on May 16: what foreign residents need to know']);
  });

  it('says when nothing matches, with a way to clear the search', async () => {
    const page = await openPage(env.browser);
    await page.goto(`${env.server.url}?q=xyz`);
    await waitForView(page);
    assert.match(await page.locator('.no-results').innerText(), /No notices match “xyz”\./);
    await waitForStatus(page, 'No notices match “xyz”.');
    await page.getByRole('link', { name: 'Clear the search' }).click();
    await waitForStatus(page, 'Showing 1–12 of 34 notices.');
    assert.equal(await search(page).inputValue(), '');
  });

  it('says why a notice found by its body is listed: the words around the match, marked', async () => {
    const page = await openPage(env.browser);
    await page.goto(`${env.server.url}?q=shelter`);
    await waitForView(page);
    const found = sample.notices.filter((n) => /shelter/i.test(n.body));
    assert.ok(found.length > 0 && found.every((n) => !/shelter/i.test(n.title)), 'found by their bodies only');
    await page.waitForFunction((n) => document.querySelectorAll('.notice-row').length === n, found.length);
    const excerpts = page.locator('.notice-row-excerpt');
    assert.equal(await excerpts.count(), found.length, 'one excerpt a row');
    for (const excerpt of await excerpts.all()) {
      const marked = await excerpt.locator('mark').allTextContents();
      assert.ok(marked.length > 0 && marked.every((m) => m.toLowerCase() === 'shelter'), marked.join());
      assert.ok((await excerpt.textContent()).length <= 150, 'short');
    }
    // A title that holds every word needs no excerpt.
    await search(page).fill('drill');
    await page.waitForFunction(() => /drill/i.test(document.title));
    for (const row of await page.locator('.notice-row').all()) {
      const title = await row.locator('h2 a').textContent();
      assert.equal(await row.locator('.notice-row-excerpt').count(), /drill/i.test(title) ? 0 : 1, title);
    }
    assert.deepEqual(await axeViolations(page), []);
  });

  it('combines filter, search and sort, keeps them through reload, and removes each in one click', async () => {
    const page = await openPage(env.browser);
    await page.goto(env.server.url);
    await waitForView(page);
    await page.getByLabel('Category').selectOption('safety');
    await search(page).fill('drill');
    await page.getByLabel('Sort by').selectOption('most-read');
    await page.waitForFunction(() => new URL(location.href).search === '?q=drill&category=safety&sort=most-read');
    await waitForIdle(page);
    const before = await rowTitles(page);
    assert.deepEqual(before, [
      '2024 Earthquake drill on May 16: what foreign residents need to know',
      'Take Part in the Civil Defense Drill on Aug. 23th',
      'Take Part in the Earthquake Drill on May. 16th',
      'Civil Defense Drill 2025: new evacuation guide for high-rise buildings',
    ]);
    await page.reload();
    await waitForView(page);
    assert.deepEqual(await rowTitles(page), before);
    assert.equal(await page.getByLabel('Category').inputValue(), 'safety');
    assert.equal(await page.getByLabel('Sort by').inputValue(), 'most-read');
    assert.equal(await search(page).inputValue(), 'drill');
    await page.getByLabel('Year').selectOption('2018');
    await page.waitForFunction(() => document.querySelectorAll('.notice-row').length === 1);
    const tags = await page.locator('.active-filters a').allTextContents();
    assert.deepEqual(tags.map((t) => t.replace('×', '').trim()), ['Remove Search: drill', 'Remove Category: Safety and drills', 'Remove Year: 2018', 'Clear all filters']);
    await page.getByRole('link', { name: 'Remove Year: 2018' }).click();
    await page.waitForFunction(() => document.querySelectorAll('.notice-row').length === 4);
    assert.equal(query(page), '?q=drill&category=safety&sort=most-read');
    await page.getByRole('link', { name: 'Clear all filters' }).click();
    await waitForStatus(page, 'Showing 1–10 of 34 notices.');
    assert.equal(query(page), '?sort=most-read', 'the sort order is kept');
  });

  it('walks Back and Forward through three searches', async () => {
    const page = await openPage(env.browser);
    await page.goto(env.server.url);
    await waitForView(page);
    for (const q of ['drill', 'korea', 'government24']) {
      await search(page).fill(q);
      await page.waitForFunction((q) => new URL(location.href).searchParams.get('q') === q, q);
      await page.waitForTimeout(1100); // a pause in typing: the next search is a new entry
    }
    await page.goBack();
    await page.waitForFunction(() => new URL(location.href).searchParams.get('q') === 'korea');
    assert.equal(await search(page).inputValue(), 'korea');
    await page.goBack();
    await page.waitForFunction(() => new URL(location.href).searchParams.get('q') === 'drill');
    assert.equal(await search(page).inputValue(), 'drill');
    assert.equal((await rowTitles(page)).length, 4);
    await page.goForward();
    await page.waitForFunction(() => new URL(location.href).searchParams.get('q') === 'korea');
    await page.goBack();
    await page.goBack();
    await page.waitForFunction(() => new URL(location.href).search === '');
    assert.equal(await search(page).inputValue(), '');
  });

  it('links a notice to the previous and next notices of the same search', async () => {
    const page = await openPage(env.browser);
    await page.goto(`${env.server.url}?q=drill&id=66021`);
    await waitForView(page, 'Take Part in the Earthquake Drill on May. 16th');
    const pager = page.getByRole('navigation', { name: 'Previous and next notices' });
    assert.deepEqual(await pager.locator('a').allInnerTexts(), [
      'Previous notice\n2024 Earthquake drill on May 16: what foreign residents need to know',
      'Next notice\nTake Part in the Civil Defense Drill on Aug. 23th',
    ]);
    await pager.getByRole('link', { name: /Next notice/ }).click();
    await waitForView(page, 'Take Part in the Civil Defense Drill on Aug. 23th');
    assert.equal(query(page), 'notice-64410.html?q=drill');
    assert.equal(await pager.locator('a').count(), 1, 'the last match has no Next');
  });

  it('“Back to list” returns to the same page, filters and the notice’s link', async () => {
    const page = await openPage(env.browser);
    await page.goto(`${env.server.url}?sort=oldest&page=2`);
    await waitForView(page);
    const link = page.locator('.notice-row h2 a').nth(6);
    const title = await link.textContent();
    await link.click();
    await waitForView(page, title);
    await page.getByRole('link', { name: 'Next notice' }).click();
    await page.getByRole('link', { name: 'Previous notice' }).click();
    await waitForView(page, title);
    await page.getByRole('link', { name: 'Back to list' }).click();
    await waitForView(page, 'News & Notices');
    assert.equal(query(page), '?sort=oldest&page=2');
    assert.equal(await focused(page), `a: ${title}`);
    assert.equal(await page.getByLabel('Sort by').inputValue(), 'oldest');
  });

  it('falls back gracefully from impossible URL values', async () => {
    const page = await openPage(env.browser);
    for (const [q, status] of [
      ['?page=9999', 'Showing 33–34 of 34 notices.'],
      ['?page=-1', 'Showing 1–12 of 34 notices.'],
      ['?category=unknown&year=soon&sort=random', 'Showing 1–12 of 34 notices.'],
      [`?q=${'x'.repeat(10000)}`, `No notices match “${'x'.repeat(200)}”.`],
    ]) {
      await page.goto(env.server.url + q);
      await waitForView(page);
      // Announced only where the app shows another list than the prerendered page.
      assert.equal(await page.locator('.result-count').textContent(), status);
    }
    assert.deepEqual(page.problems, []);
  });

  it('marks notices from the last 7 days as “New”, in text', async () => {
    const day = (offset) => new Date(Date.now() - offset * 86400000).toLocaleDateString('sv');
    const notices = [
      { id: 1, title: 'Published today', date: day(0), views: 1, body: '' },
      { id: 2, title: 'Published six days ago', date: day(6), views: 1, body: '' },
      { id: 3, title: 'Published eight days ago', date: day(8), views: 1, body: '' },
    ];
    env.server.dataOverride = { body: JSON.stringify({ ...sample, notices }) };
    const page = await openPage(env.browser);
    await page.goto(env.server.url);
    await waitForView(page);
    const marked = await page.locator('.notice-row').evaluateAll((rows) => rows.map((row) => Boolean(row.querySelector('.tag-new'))));
    assert.deepEqual(marked, [true, true, false]);
    assert.equal(await page.locator('.tag-new').first().textContent(), 'New');
  });

  for (const width of WIDTHS) {
    for (const [name, q] of [['filtered', '?q=drill&category=safety&year=2018'], ['paged', '?page=2'], ['empty result', '?q=xyz&year=2016']]) {
      it(`${name} list at ${width} px has no axe violations and no sideways scrolling`, async () => {
        const page = await openPage(env.browser, { width });
        await page.goto(env.server.url + q);
        await waitForView(page);
        assert.deepEqual(await axeViolations(page), []);
        assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth));
      });
    }
  }
});
