// Bad input never gives a blank page or a panic: each failure of the data file is explained
// in the page and in the status region, "Try again" recovers once the file is fixed, and a
// bad notice is reported without taking the good ones down with it. These run on the page
// without its prerendered board (see CLIENT_RENDERED): a prerendered page whose data cannot
// be loaded keeps its content instead (tests/e2e/prerender.test.mjs).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { DIST, CLIENT_RENDERED } from './support/server.mjs';
import { serveAndLaunch, openPage, waitForView, waitForStatus, focused } from './support/browser.mjs';

const sampleText = fs.readFileSync(path.join(DIST, 'notices.json'), 'utf8');
const sample = JSON.parse(sampleText);
const withNotices = (notices) => JSON.stringify({ ...sample, notices });

const FATAL = [
  { name: 'the file is missing (404)', response: { status: 404, body: 'Not found', contentType: 'text/plain' },
    summary: 'the notices file was not found', detail: /answered 404 \(not found\) for notices\.json/ },
  { name: 'the server fails (500)', response: { status: 500, body: 'Internal error', contentType: 'text/plain' },
    summary: 'the server had a problem', detail: /HTTP status 500/ },
  { name: 'the connection drops', response: { drop: true },
    summary: 'the server could not be reached', detail: /No answer from the server/ },
  { name: 'an HTML page comes back instead of JSON', response: { body: '<!DOCTYPE html><html><body>Welcome</body></html>', contentType: 'text/html' },
    summary: 'the notices file is damaged', detail: /returned a web page \(HTML\) instead of JSON/ },
  { name: 'the JSON is malformed', response: { body: '{\n  "version": 1,\n  "board": { "title": "x" },\n  "notices": [ { "id": 1, } ]\n}' },
    summary: 'the notices file is damaged', detail: /not valid JSON at line 4, column 27: trailing comma\./ },
  { name: 'the file is 200 MB', response: { size: 200_000_000 },
    summary: 'the notices file is too large for this page', detail: /notices\.json is 200 MB; this board reads data files of up to 150 MB/ },
  { name: 'the file is not UTF-8 (an EUC-KR export)', response: { body: Buffer.concat([Buffer.from('{"version": 1, "board": {"title": "'), Buffer.from([0xB0, 0xF8, 0xC1, 0xF6]), Buffer.from('"}, "notices": []}')]) },
    summary: 'the notices file is damaged', detail: /not UTF-8 text: at line 1, column 36 there are bytes in another encoding/ },
  { name: 'the lists are nested 10,000 deep', response: { body: `{"version": 1, "board": {"title": "x"}, "notices": ${'['.repeat(10000)}${']'.repeat(10000)}}` },
    summary: 'the notices file is damaged', detail: /nested too deeply \(more than 128 levels\)/ },
  { name: 'the version is wrong', response: { body: JSON.stringify({ ...sample, version: 2 }) },
    summary: 'the notices file is in a format this page does not read', detail: /“version” is 2; this board reads version 1/ },
  { name: 'the notices are not a list', response: { body: JSON.stringify({ ...sample, notices: { a: 1 } }) },
    summary: 'the notices file is damaged', detail: /Field “notices”: must be a list/ },
  { name: 'no notice is readable', response: { body: withNotices([{ id: 1, title: 'x', date: 'soon', views: 1, body: '' }]) },
    summary: 'none of the notices in the file could be read', detail: /Notice 1 \(id “1”\), field “date”: must be a date written as YYYY-MM-DD/ },
];

describe('when the data file is bad', () => {
  const env = serveAndLaunch();

  for (const { name, response, summary, detail } of FATAL) {
    it(`explains it when ${name}, and “Try again” recovers once it is fixed`, async () => {
      env.server.dataOverride = response;
      const page = await openPage(env.browser);
      await page.goto(env.server.url + CLIENT_RENDERED);
      await waitForView(page, 'Sorry, the notices could not be loaded');
      const expected = `The notices could not be loaded because ${summary}.`;
      await waitForStatus(page, expected);
      assert.match(await page.locator('main').innerText(), new RegExp(expected.replace(/[.()]/g, '\\$&')));
      assert.match(await page.locator('.problem-details li').first().textContent(), detail);
      assert.match(await page.title(), /^Error: notices could not be loaded – /);
      assert.equal(await page.locator('nav[aria-label="Breadcrumb"]').count(), 1, 'the chrome stays');

      env.server.dataOverride = null;
      await page.getByRole('button', { name: 'Try again' }).click();
      await waitForView(page, 'News & Notices');
      await waitForStatus(page, `Showing 1–12 of ${sample.notices.length} notices.`);
      assert.equal(await focused(page), 'h1: News & Notices', 'focus lands on the new heading, not on the body');
      const unexpected = page.problems.filter((p) => !/Failed to load resource|ERR_EMPTY_RESPONSE|preload/.test(p));
      assert.deepEqual(unexpected, [], 'no panic or script error');
    });
  }

  it('shows the good notices and reports a notice with a wrong field type', async () => {
    const notices = structuredClone(sample.notices);
    notices[3].views = 'many';
    notices[5].date = '2016.07.12';
    env.server.dataOverride = { body: withNotices(notices) };
    const page = await openPage(env.browser);
    await page.goto(env.server.url + CLIENT_RENDERED);
    await waitForView(page, 'News & Notices');
    await waitForStatus(page, `Showing 1–12 of ${sample.notices.length - 2} notices. 2 notices could not be shown.`);
    const report = page.locator('.problem-details');
    assert.match(await report.locator('summary').textContent(), /^2 notices could not be shown because of errors in the data file$/);
    const lines = await report.locator('li').allTextContents();
    assert.equal(lines[0], `Notice 4 (id “${notices[3].id}”), field “views”: must be a whole number of 0 or more (found the text “many”).`);
    assert.match(lines[1], /^Notice 6 \(id “.+”\), field “date”: must be a date written as YYYY-MM-DD, for example 2024-05-16 \(found “2016\.07\.12”\)\.$/);
  });

  it('keeps the first of two notices with the same id and reports the second', async () => {
    const notices = structuredClone(sample.notices);
    notices.push({ ...notices[0], title: 'Copy with the same id' });
    env.server.dataOverride = { body: withNotices(notices) };
    const page = await openPage(env.browser);
    await page.goto(env.server.url + CLIENT_RENDERED);
    await waitForView(page);
    await waitForStatus(page, `Showing 1–12 of ${sample.notices.length} notices. 1 notice could not be shown.`);
    assert.equal(await page.getByText('Copy with the same id').count(), 0);
    assert.match(await page.locator('.problem-details li').textContent(), new RegExp(`^Notice ${notices.length} \\(id “${notices[0].id}”\\), field “id”: repeats the id of notice 1`));
  });
});
