// The filter drop-downs and chips, for keyboard and screen-reader users: stepping through a
// drop-down's options with the arrow keys makes one history entry and keeps focus there,
// removing a chip keeps focus in place, and on a phone the drop-downs fold away behind a
// "Filters" button that says how many filters are in force.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { serveAndLaunch, openPage, waitForView, focused } from './support/browser.mjs';

const params = (page) => new URL(page.url()).search;
const historyLength = (page) => page.evaluate(() => history.length);

describe('filters', () => {
  const env = serveAndLaunch();

  it('arrow keys on a filter add one history entry, not one per option, and keep focus on it', async () => {
    const page = await openPage(env.browser);
    await page.goto(env.server.url);
    await waitForView(page);
    const before = await historyLength(page);
    const category = page.getByLabel('Category');
    await category.focus();
    for (let step = 0; step < 4; step++) await page.keyboard.press('ArrowDown');
    const chosen = await category.inputValue();
    assert.notEqual(chosen, '', 'the arrow keys chose an option');
    await page.waitForFunction((chosen) => new URL(location.href).searchParams.get('category') === chosen, chosen);
    assert.equal(await historyLength(page), before + 1, 'one entry for the visit to the drop-down');
    assert.match(await focused(page), /^select#notice-category/, 'focus stays on the drop-down');
    // Leaving and coming back to the drop-down is a new choice: a new entry.
    await page.keyboard.press('Tab');
    await category.focus();
    await page.keyboard.press('ArrowUp');
    await page.waitForFunction((chosen) => new URL(location.href).searchParams.get('category') !== chosen, chosen);
    assert.equal(await historyLength(page), before + 2);
    await page.goBack();
    await page.waitForFunction((chosen) => new URL(location.href).searchParams.get('category') === chosen, chosen);
    await page.goBack();
    await page.waitForFunction(() => location.search === '');
    assert.equal(await category.inputValue(), '', 'Back returns to the list as it was before the drop-down');
    assert.deepEqual(page.problems, []);
  });

  it('removing a filter chip keeps focus in place: on the chip now in its place, else on the result count', async () => {
    const page = await openPage(env.browser);
    await page.goto(`${env.server.url}?q=drill&category=safety&year=2018`);
    await waitForView(page);
    await page.getByRole('link', { name: 'Remove Category: Safety and drills' }).focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => location.search === '?q=drill&year=2018');
    assert.equal(await focused(page), 'a: Remove Year: 2018×', 'the next chip');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => location.search === '?q=drill');
    assert.match(await focused(page), /^p: Showing/, 'the last chip gone: the result count');
    await page.goto(`${env.server.url}?q=drill&year=2018`);
    await waitForView(page);
    await page.getByRole('link', { name: 'Clear all filters' }).focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => location.search === '');
    assert.match(await focused(page), /^p: Showing/, '“Clear all filters”: the result count');
    await page.keyboard.press('Tab');
    assert.match(await focused(page), /^a: /, 'and the next Tab goes on to the notices');
    assert.deepEqual(page.problems, []);
  });

  it('on a 320 px screen, folds the drop-downs behind a “Filters” button that counts the filters in force and opens with the keyboard', async () => {
    const page = await openPage(env.browser, { width: 320, height: 640 });
    await page.goto(`${env.server.url}?category=safety&year=2018`);
    await waitForView(page);
    const toggle = page.getByRole('button', { name: 'Filters (2 active)' });
    assert.equal(await toggle.getAttribute('aria-expanded'), 'false', 'closed at first');
    assert.equal(await page.getByLabel('Category').isVisible(), false);
    assert.equal(await page.getByRole('searchbox', { name: 'Search notices' }).isVisible(), true, 'search stays in view');
    await page.goto(env.server.url);
    await waitForView(page);
    const top = await page.locator('.notice-row').first().evaluate((row) => row.getBoundingClientRect().top);
    assert.ok(top < 640, `the list starts on the first screen (at ${Math.round(top)} px)`);
    const plain = page.getByRole('button', { name: 'Filters', exact: true });
    await page.getByRole('button', { name: 'Search', exact: true }).focus();
    await page.keyboard.press('Tab');
    assert.equal(await focused(page), 'button: Filters', 'the next Tab stop after Search');
    await page.keyboard.press('Enter');
    assert.equal(await plain.getAttribute('aria-expanded'), 'true');
    await page.keyboard.press('Tab');
    assert.match(await focused(page), /^select#notice-category/, 'the drop-downs follow it');
    await page.getByLabel('Year').selectOption('2018');
    await page.getByRole('button', { name: 'Filters (1 active)' }).waitFor();
    assert.equal(await page.getByLabel('Year').isVisible(), true, 'stays open while filtering');
    await page.getByRole('button', { name: 'Filters (1 active)' }).focus();
    await page.keyboard.press('Space');
    assert.equal(await page.getByLabel('Year').isVisible(), false, 'closes again');
    await page.screenshot({ path: '/tmp/x/filters-320.png' });
    assert.deepEqual(page.problems, []);
  });

  it('at 1280 px shows the drop-downs and no “Filters” button', async () => {
    const page = await openPage(env.browser, { width: 1280 });
    await page.goto(`${env.server.url}?category=safety`);
    await waitForView(page);
    assert.equal(await page.locator('.finder-toggle').isVisible(), false);
    for (const label of ['Category', 'Year', 'Sort by']) assert.equal(await page.getByLabel(label).isVisible(), true, label);
  });
});
