// Takes screenshots of the built board (list, notice, error; English and Korean) at 1280 and 320 px, so a person
// can look at what the tests cannot judge, and the list and a notice with 300-character
// unbroken words from the data at 320 px (long-words-*). Usage: node scripts/screenshots.mjs [out-dir]
// (after scripts/build). The README's screenshot is docs/screenshot.png from this script.
import { startServer, CLIENT_RENDERED, DIST } from '../tests/e2e/support/server.mjs';
import { launch, openPage, waitForView, waitForIdle } from '../tests/e2e/support/browser.mjs';
import { longWordData, SECOND } from '../tests/e2e/support/long-words.mjs';
import fs from 'node:fs';

const out = process.argv[2] ?? 'target/screenshots';
fs.mkdirSync(out, { recursive: true });
const server = await startServer({ base: '/eng/news/' });
const browser = await launch();
try {
  const shots = [
    ['list', '', 'News & Notices'],
    // Found by their bodies: each row shows the words around its match.
    ['search-body', '?q=shelter', 'News & Notices'],
    ['detail', '?id=66021', 'Earthquake'],
    ['detail-korean', '?id=96642', '행정안전부'],
    ['detail-html', '?id=93314', 'Fellowship'],
    ['not-found', '?id=none', 'Notice not found'],
    // The Korean board (dist/ko/).
    ['ko-list', 'ko/', '공지사항'],
    ['ko-search-body', 'ko/?q=신청', '공지사항'],
    ['ko-detail', 'ko/notice-103988.html', '7급 공채'],
    ['ko-detail-mixed', 'ko/notice-102500.html', '누리집 개편'],
    ['ko-detail-html', 'ko/notice-104330.html', '면접시험 일정'],
  ];
  for (const width of [1280, 320]) {
    for (const [name, query, heading] of shots) {
      const page = await openPage(browser, { width, height: width > 400 ? 900 : 640 });
      await page.goto(server.url + query);
      await waitForView(page, heading);
      await waitForIdle(page);
      await page.screenshot({ path: `${out}/${name}-${width}.png`, fullPage: width <= 400 && name !== 'list' });
      await page.context().close();
    }
    server.dataOverride = { status: 500, body: 'x' };
    const page = await openPage(browser, { width });
    // A prerendered page keeps its content when the data fails: the error view is shown
    // by the page without a prerendered board.
    await page.goto(server.url + CLIENT_RENDERED);
    await waitForView(page, 'Sorry');
    await page.screenshot({ path: `${out}/error-${width}.png` });
    server.dataOverride = null;
  }
  // Words longer than the screen is wide, in titles, the breadcrumb, a file name, a table.
  server.dataOverride = { body: longWordData(JSON.parse(fs.readFileSync(`${DIST}/notices.json`, 'utf8'))) };
  for (const [name, query, heading] of [['list', '', 'News & Notices'], ['detail', '?id=900002', SECOND]]) {
    const page = await openPage(browser, { width: 320, height: 640 });
    await page.goto(server.url + CLIENT_RENDERED + query);
    await waitForView(page, heading);
    await page.screenshot({ path: `${out}/long-words-${name}-320.png`, fullPage: true });
    await page.context().close();
  }
  server.dataOverride = null;
  console.log(`screenshots in ${out}/`);
} finally {
  await browser.close();
  await server.close();
}
