// The Korean sample board (public/ko/notices.json, built into dist/ko/) as a Korean reader
// meets it, on its own page and as a widget with data-lang="ko": every view at 1280 and
// 320 px with axe, the Korean interface (skip links, Top, page titles, status and error
// messages, in the words of Korean government sites), and the language of each part of a
// mixed Korean/English title, on the Korean board and on the English one (WCAG 3.1.2, H58).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { DIST, withoutPrerenderedBoard } from './support/server.mjs';
import { serveAndLaunch, openPage, waitForView, waitForStatus, axeViolations, focused, statusText, wideContent, WIDTHS, widgetsRunning } from './support/browser.mjs';
import { languageParts, hasHangul, hasLatin } from './support/language.mjs';

const koText = fs.readFileSync(path.join(DIST, 'ko', 'notices.json'), 'utf8');
const ko = JSON.parse(koText);
const BOARD = ko.board.title;
const SITE = ko.board.siteName;
const MIXED = ko.notices.find((n) => n.title.startsWith('행정안전부 영문 누리집 개편 안내'));
const EXAM = ko.notices.find((n) => n.title === '2026년 국가공무원 7급 공채 필기시험 장소 공고');
const SEARCH = '시험';
// The search ignores case and reads every notice's title and body (HTML bodies as text).
const searchCount = ko.notices.filter((n) => `${n.title} ${n.body.replace(/<[^>]*>/g, '')}`.includes(SEARCH)).length;

// The Korean page without its prerendered board, so the app renders its error view.
const CLIENT_RENDERED_KO = 'ko/client-rendered.html';
const clientRendered = withoutPrerenderedBoard(fs.readFileSync(path.join(DIST, 'ko', 'index.html'), 'utf8'));
// A Korean host page with the Korean board as a widget.
const WIDGET_HOST = 'widget-ko.html';
const widgetHost = `<!DOCTYPE html>
<html lang="ko"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>알림소식 | 행정안전부</title></head>
<body><header><p>행정안전부</p></header>
<main><h1>알림소식</h1>
<div id="board-ko" data-notice-board data-src="ko/notices.json" data-lang="ko" data-param-prefix="ko-"><a href="ko/">공지사항</a></div>
</main><script type="module" src="widget.js"></script></body></html>`;

// Each view, and how to reach it on the page (`page`) and in the widget (`widget`).
const VIEWS = {
  list: { page: 'ko/', widget: '' },
  'search results': { page: `ko/?q=${encodeURIComponent(SEARCH)}`, widget: `?ko-q=${encodeURIComponent(SEARCH)}` },
  'filtered list': { page: 'ko/?category=exam', widget: '?ko-category=exam' },
  notice: { page: `ko/notice-${EXAM.id}.html`, widget: `?ko-id=${EXAM.id}`, heading: EXAM.title },
  'not found': { page: 'ko/?id=nope', widget: '?ko-id=nope' },
  error: { page: CLIENT_RENDERED_KO, widget: '', response: { status: 500, body: 'x' } },
};

describe('the Korean board', () => {
  const env = serveAndLaunch({ files: { [CLIENT_RENDERED_KO]: clientRendered, [WIDGET_HOST]: widgetHost } });

  async function openKo(view, { width = 1280, widget = false } = {}) {
    env.server.dataOverride = VIEWS[view].response ?? null;
    const page = await openPage(env.browser, { width });
    if (widget) {
      // A widget whose data cannot be read keeps its prerendered first view, as the page
      // does: the error view shows where there is none.
      if (VIEWS[view].response) await page.route('**/widget.html', (route) => route.fulfill({ status: 404 }));
      await page.goto(env.server.url + WIDGET_HOST + VIEWS[view].widget);
      await page.locator('#board-ko .view-heading').waitFor();
      await page.waitForFunction(() => !document.querySelector('#board-ko').shadowRoot.querySelector('.loading'));
      await widgetsRunning(page);
    } else {
      await page.goto(env.server.url + VIEWS[view].page);
      await waitForView(page, VIEWS[view].heading ?? '');
    }
    if (view === 'error') await page.locator('.board main button, #board-ko button.button').first().waitFor();
    return page;
  }

  for (const widget of [false, true]) {
    const where = widget ? 'widget' : 'page';
    for (const view of Object.keys(VIEWS)) {
      for (const width of WIDTHS) {
        it(`${view} (${where}) at ${width} px: no axe violations, Korean language, nothing wider than the screen`, async () => {
          const page = await openKo(view, { width, widget });
          assert.deepEqual(await axeViolations(page), []);
          const lang = widget
            ? await page.locator('#board-ko .board').getAttribute('lang')
            : await page.locator('html').getAttribute('lang');
          assert.equal(lang, 'ko', widget ? 'lang="ko" on the board’s root' : 'lang="ko" on <html>');
          assert.deepEqual(await wideContent(page), []);
        });
      }
    }
  }

  it('“본문 바로가기” and “주메뉴 바로가기” are the first Tab stops and move focus', async () => {
    const page = await openKo('list');
    await page.keyboard.press('Tab');
    assert.equal(await focused(page), 'a: 본문 바로가기');
    await page.keyboard.press('Enter');
    assert.match(await focused(page), /^main#main-content/);
    const reload = await openKo('notice');
    await reload.keyboard.press('Tab');
    await reload.keyboard.press('Tab');
    assert.equal(await focused(reload), 'a: 주메뉴 바로가기');
    await reload.keyboard.press('Enter');
    assert.match(await focused(reload), /^nav#main-menu/);
    await reload.keyboard.press('Tab');
    assert.equal(await focused(reload), `a: ${ko.board.menu[0].label}`);
  });

  it('“맨 위로” returns to the top and the next Tab is the first skip link', async () => {
    const page = await openKo('notice', { width: 320 });
    const top = page.getByRole('link', { name: '맨 위로', exact: true });
    await top.focus();
    assert.ok(await page.evaluate(() => window.scrollY) > 0);
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => window.scrollY === 0);
    await page.keyboard.press('Tab');
    assert.equal(await focused(page), 'a: 본문 바로가기');
  });

  it('“맨 위로” in the widget returns to the top of the board', async () => {
    const page = await openKo('notice', { width: 320, widget: true });
    const top = page.locator('#board-ko').getByRole('link', { name: '맨 위로', exact: true });
    await top.focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => Math.abs(document.querySelector('#board-ko').getBoundingClientRect().top) < 2);
  });

  it('names each page in Korean in its title', async () => {
    const page = await openKo('list');
    assert.match(await page.title(), new RegExp(`^${BOARD}.* – ${SITE}$`));
    assert.ok(!hasLatin(await page.title()), `no English in “${await page.title()}”`);
    const notice = await openKo('notice');
    assert.equal(await notice.title(), `${EXAM.title} – ${BOARD} – ${SITE}`);
    const search = await openKo('search results');
    assert.ok(hasHangul(await search.title()) && !hasLatin(await search.title()), `no English in “${await search.title()}”`);
    assert.ok((await search.title()).includes(SEARCH), 'a search names its query');
    const missing = await openKo('not found');
    assert.ok(!hasLatin(await missing.title()), `no English in “${await missing.title()}”`);
  });

  it('announces counts and search results in Korean (“검색 결과 N건”)', async () => {
    const page = await openKo('list');
    await page.locator('#notice-search').fill(SEARCH);
    await page.locator('#notice-search').press('Enter');
    await page.waitForFunction((text) => document.querySelector('[role="status"]')?.textContent.includes(text), `검색 결과 ${searchCount}건`, { timeout: 5000 })
      .catch(async () => assert.fail(`status says “${await statusText(page)}”, expected “검색 결과 ${searchCount}건”`));
    await page.locator('#notice-search').fill('');
    await page.locator('#notice-search').press('Enter');
    await page.waitForFunction(() => {
      const status = document.querySelector('[role="status"]')?.textContent ?? '';
      return status !== '' && !status.includes('검색 결과');
    });
    const status = await statusText(page);
    assert.ok(hasHangul(status) && !hasLatin(status), `status “${status}” is Korean`);
  });

  it('says in Korean that a notice was not found', async () => {
    const page = await openKo('not found');
    const heading = await page.locator('main h1').innerText();
    assert.ok(hasHangul(heading) && !hasLatin(heading), `heading “${heading}” is Korean`);
    const status = await statusText(page);
    assert.ok(!hasLatin(status), `status “${status}” is Korean (or empty)`);
  });

  it('explains a failed load in Korean, and its “Try again” button is Korean', async () => {
    const page = await openKo('error');
    const heading = await page.locator('main h1').innerText();
    assert.ok(hasHangul(heading) && !hasLatin(heading), `heading “${heading}” is Korean`);
    const button = await page.locator('main button').first().innerText();
    assert.ok(hasHangul(button) && !hasLatin(button), `button “${button}” is Korean`);
    // Announced once the page has settled (the status region waits a moment).
    await page.waitForFunction(() => document.querySelector('[role="status"]')?.textContent.trim());
    const status = await statusText(page);
    assert.ok(hasHangul(status) && !hasLatin(status), `status “${status}” is Korean`);
    env.server.dataOverride = null; // the file is back
    await page.locator('main button').first().click();
    await waitForView(page, BOARD);
  });

  it('uses the Korean words for the board’s labels (조회, 첨부파일, 목록, 이전, 다음, 현재 페이지, 검색어)', async () => {
    const page = await openKo('notice');
    const main = await page.locator('main').innerText();
    for (const word of ['조회', '첨부파일', '목록']) assert.ok(main.includes(word), `the notice says “${word}”`);
    const list = await openPage(env.browser);
    await list.goto(`${env.server.url}ko/page-2.html`);
    await waitForView(list, BOARD);
    const pagination = list.locator('nav.pagination, nav[aria-label*="페이지"]').first();
    const text = `${await pagination.innerText()} ${await pagination.getAttribute('aria-label')}`;
    for (const word of ['이전', '다음']) assert.ok(text.includes(word), `the pagination says “${word}”`);
    const current = await list.locator('.pagination [aria-current="page"]').evaluate((a) => `${a.getAttribute('aria-label') ?? ''} ${a.closest('li').textContent}`);
    assert.ok(current.includes('현재 페이지'), `the current page is announced as “현재 페이지” (“${current}”)`);
    assert.equal(await list.locator('label[for="notice-search"]').innerText().then((t) => t.includes('검색어')), true, 'the search box is labelled “검색어”');
  });
});

describe('the language of each part of a mixed title', () => {
  const env = serveAndLaunch();

  it('on the Korean board: only the English half of the title is English, in the list, the heading and the breadcrumb', async () => {
    const page = await openPage(env.browser);
    await page.goto(`${env.server.url}ko/?q=${encodeURIComponent('영문 누리집')}`);
    await waitForView(page);
    const expected = [['행정안전부 영문 누리집 개편 안내 ', 'ko'], ['(Notice on the renewal of the English website)', 'en']];
    const row = page.locator('.notice-row-title a', { hasText: '누리집 개편' });
    assert.deepEqual(await languageParts(row), expected, 'list row');
    await row.click();
    await waitForView(page, MIXED.title);
    assert.deepEqual(await languageParts(page.locator('main h1')), expected, 'heading');
    assert.deepEqual(await languageParts(page.locator('[aria-current="page"]').first()), expected, 'breadcrumb');
    assert.equal(await page.locator('main h1').getAttribute('lang'), null, 'the heading is not wrapped whole in one language');
  });

  it('on the English board: only the Korean half of a Korean notice’s title is Korean, and the labels stay English', async () => {
    const page = await openPage(env.browser);
    await page.goto(`${env.server.url}?id=96642`);
    await waitForView(page, '행정안전부 영문 누리집 개편 안내');
    const expected = [['행정안전부 영문 누리집 개편 안내', 'ko'], [' (Notice on the renewal of the English website)', 'en']];
    assert.deepEqual(await languageParts(page.locator('main h1')), expected, 'heading');
    assert.deepEqual(await languageParts(page.locator('[aria-current="page"]').first()), expected, 'breadcrumb');
    assert.equal(await page.locator('article').getAttribute('lang'), null, 'the article is not wrapped in lang="ko"');
    const labels = await page.locator('.notice-meta dt').evaluateAll((dts) => dts.map((dt) => dt.closest('[lang]').lang));
    assert.ok(labels.length > 0 && labels.every((lang) => lang === 'en'), `Date/Read/Category stay English (${labels})`);
    assert.equal(await page.locator('.notice-body').evaluate((body) => body.closest('[lang]').lang), 'ko', 'the body is Korean');
    await page.getByRole('link', { name: 'Back to list' }).click();
    const row = page.locator('.notice-row-title a[data-notice-id="96642"]');
    assert.deepEqual(await languageParts(row), expected, 'list row');
  });

  it('on the English board: Korean words in English text and Korean file names are Korean', async () => {
    const page = await openPage(env.browser);
    await page.goto(`${env.server.url}?id=99940`);
    await waitForView(page);
    const line = page.locator('.notice-body .line', { hasText: '한파쉼터' });
    assert.deepEqual(await languageParts(line), [
      [' ○ Heating shelters ', 'en'], ['(한파쉼터)', 'ko'], [' are open at community centres from 09:00 to 21:00', 'en'],
    ]);
    await page.goto(`${env.server.url}?id=66021`);
    await waitForView(page, 'Earthquake');
    const files = page.locator('.attachments a bdi');
    assert.deepEqual(await languageParts(files.nth(0)), [['Earthquake action guide (English).pdf', 'en']]);
    assert.deepEqual(await languageParts(files.nth(1)), [['지진 국민행동요령.pdf', 'ko']]);
  });

  it('on the Korean board: an English file name is English, a single English word in a Korean title is not marked', async () => {
    const page = await openPage(env.browser);
    const drill = ko.notices.find((n) => n.attachments?.some((a) => a.name.startsWith('Earthquake action guide')));
    await page.goto(`${env.server.url}ko/notice-${drill.id}.html`);
    await waitForView(page, drill.title);
    const files = page.locator('.attachments a bdi');
    assert.deepEqual(await languageParts(files.nth(0)), [['지진 국민행동요령.pdf', 'ko']]);
    assert.deepEqual(await languageParts(files.nth(1)), [['Earthquake action guide (English).pdf', 'en']]);
    const ai = ko.notices.find((n) => n.title.startsWith('AI '));
    await page.goto(`${env.server.url}ko/notice-${ai.id}.html`);
    await waitForView(page, ai.title);
    assert.deepEqual(await languageParts(page.locator('main h1')), [[ai.title, 'ko']]);
  });
});
