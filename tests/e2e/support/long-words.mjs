// Sample data with words longer than a phone is wide (300 characters, no break
// opportunity) in every place text from the data file appears: titles, a Korean title, a
// file name, a category, a paragraph, a table caption and cell. Used by the reflow tests
// and by scripts/screenshots.mjs.
const unbroken = (word) => word.repeat(Math.ceil(300 / word.length)).slice(0, 300);
export const TITLE = unbroken('Pneumonoultramicroscopicsilicovolcanoconiosis');
export const SECOND = unbroken('Supercalifragilisticexpialidocious');
export const KOREAN = unbroken('행정안전부디지털정부혁신추진계획');
export const FILE = `${unbroken('AnnualReportOfTheMinistryOfTheInteriorAndSafety')}.pdf`;
export const CATEGORY = unbroken('Categorywithoutanyspaceatall');
export const CELL = unbroken('Tablecellwithoutspaces');

const notice = (id, title, extra = {}) => ({
  id, title, date: '2026-11-30', views: 1, category: 'unbroken', lang: 'en',
  bodyFormat: 'html',
  body: `<p>${CELL}</p><table><caption>${CELL}</caption><tr><th scope="row">Name</th><td>${CELL}</td></tr><tr><th scope="row">Date</th><td>2026-11-30</td></tr></table>`,
  attachments: [{ name: FILE, url: 'files/earthquake-action-guide.pdf', size: 1468006 }],
  ...extra,
});

/**
 * `sample` with three such notices added: 900001 (pinned, so first in the list), 900002
 * and 900003 (Korean), which follow 900002 in date order, so 900002's previous/next links
 * carry long titles. Returns the data file's text.
 */
export function longWordData(sample) {
  return JSON.stringify({
    ...sample,
    board: { ...sample.board, categories: { ...sample.board.categories, unbroken: CATEGORY } },
    notices: [
      ...sample.notices,
      notice(900001, TITLE, { pinned: true }),
      notice(900002, SECOND),
      notice(900003, KOREAN, { date: '2026-11-29', lang: 'ko' }),
    ],
  });
}
