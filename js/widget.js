// News & Notices board widget. Embed with:
//   <script type="module" src="…/widget.js"></script>
//   <div data-notice-board data-src="…/notices.json"></div>
// See docs/embedding.md for the options. The prerender step writes this file next to the
// board's pages (crates/notices/src/widget_script.rs) with the content-hashed names of the
// app's files, the board's stylesheet and its first views put in (this file has a stable
// name and a short cache; the app's files have a long one). It needs no inline script, so
// it runs under a strict Content-Security-Policy.

const here = (file) => new URL(file, import.meta.url).href;
// The board's stylesheet, and the first views of the board published beside this file by
// their paths from it ("widget.html"): a host page shows that board with no request after
// this script. Boards elsewhere fetch theirs.
const STYLE = __STYLE__;
const FIRST_VIEWS = __FIRST_VIEWS__;
// One stylesheet for every board, built from the text (not subject to the host's
// Content-Security-Policy); a browser without constructable stylesheets links the file.
const sheet = 'adoptedStyleSheets' in ShadowRoot.prototype ? new CSSStyleSheet() : null;
sheet?.replaceSync(STYLE);
const hosts = document.querySelectorAll('[data-notice-board]:not([data-notice-board=page])');
// Each board's first view (a promise of it, or of nothing), the element it goes in, and
// when its stylesheet is in.
const firstViews = [];
const roots = [];
const styled = [];

hosts.forEach((host, index) => {
  if (host.shadowRoot) return; // started by another copy of this script
  const data = new URL(host.dataset.published || host.dataset.src || 'notices.json', document.baseURI);
  // The data file (or the published entry) starts downloading now, beside the app, whose
  // fetch then takes the preloaded response.
  document.head.append(Object.assign(document.createElement('link'), {
    rel: 'preload', as: 'fetch', crossOrigin: 'anonymous', href: data.href,
  }));
  // A shadow root, so that the host's CSS and the board's cannot touch each other, with
  // the board's stylesheet and the element the app renders in, shown once styled.
  let shadow;
  try {
    shadow = host.attachShadow({ mode: 'open' });
  } catch {
    return; // an element that cannot have one: the host's own content stays
  }
  host.id ||= `notice-board-${index + 1}`;
  const root = document.createElement('div');
  root.setAttribute('data-board-root', '');
  if (sheet) {
    shadow.adoptedStyleSheets = [sheet];
  } else {
    const style = Object.assign(document.createElement('link'), { rel: 'stylesheet', href: here('./__CSS__') });
    root.hidden = true;
    styled.push(new Promise((loaded) => {
      style.onload = style.onerror = () => {
        root.hidden = false;
        loaded();
      };
    }));
    shadow.append(style);
  }
  shadow.append(root);
  firstViews[index] = fetchFirstView(host, index, data);
  roots[index] = root;
});
const loadGlue = import('./__GLUE__');
// The wasm (about 250 KB) is fetched once the first views are on screen, styled (or after
// 2 s), so that it does not take the bandwidth from them.
//
// The first views this script holds go in in its own task (showFirstViews waits only for
// those it fetches): a frame painted in between, with the host's fallback links or with
// boards emptied of them, would move the host page below them when the views came in.
const shown = Promise.all([showFirstViews(), ...styled]);
await Promise.race([shown, new Promise((late) => setTimeout(late, 2000))]);
await new Promise((painted) => {
  requestAnimationFrame(() => requestAnimationFrame(painted));
  setTimeout(painted, 200);
});
const { default: init, mount_widgets } = await loadGlue;
await init({ module_or_path: fetch(here('./__WASM__')) });
mount_widgets();

// Shows each board's first view as it arrives, in page order: a board named like an
// earlier one is numbered ("공지사항 (2)"), as the app names it.
async function showFirstViews() {
  const names = [];
  for (const [index, root] of roots.entries()) {
    const board = await firstViews[index];
    if (!board) continue;
    const own = board.getAttribute('aria-label');
    const number = 1 + names.filter((name) => name === own).length;
    names.push(own);
    if (number > 1) rename(board, `${own} (${number})`);
    if (root.hasAttribute('data-started')) continue; // the app came first
    root.setAttribute('data-prerendered', '');
    root.replaceChildren(board);
  }
}

// The board's first view, which the prerender step writes next to its data file, to show
// until the app takes it over (it renders the same markup). Only where that is the view the
// app will show: the plain list (or the newest titles) with the default page size and
// language, and none of the board's state in the page's address.
async function fetchFirstView(host, index, data) {
  const options = host.dataset;
  const latest = options.view?.trim() === 'latest';
  const prefix = options.paramPrefix ?? `nb${index + 1}-`;
  const ownState = [...new URLSearchParams(location.search).keys()].some((key) => key.startsWith(prefix));
  const given = (name) => Boolean(options[name]?.trim());
  if (ownState || given('pageSize') || (latest && options.pinned?.trim() === 'top')) return null;
  const file = new URL(latest ? 'widget-latest.html' : 'widget.html', data);
  let html = Object.entries(FIRST_VIEWS).find(([path]) => here(path) === file.href)?.[1];
  if (html === undefined) {
    try {
      const response = await fetch(file);
      if (!response.ok) return null;
      html = await response.text();
    } catch {
      return null;
    }
  }
  const template = document.createElement('template');
  try {
    template.innerHTML = html; // our own prerendered, sanitised markup
  } catch {
    return null; // a host that enforces Trusted Types
  }
  const board = template.content.firstElementChild;
  if (!board?.classList.contains('board-widget')) return null;
  // Only the view of this board's data file (or published entry): the folder may hold
  // another board's data file, whose view this is not.
  const dataFile = data.href.split(/[?#]/)[0];
  const of = (board.dataset.for ?? '').split(' ').filter(Boolean).map((name) => new URL(name, file).href);
  if (!of.includes(dataFile)) return null;
  if (given('lang') && options.lang.trim() !== board.lang) return null;
  if (given('label')) rename(board, options.label.trim());
  // Its links go to the board's own pages, next to the file (or at `data-board-url`); its
  // search goes to the board's list; "Top" goes to the top of the board in this page.
  const boardUrl = latest && given('boardUrl') ? new URL(options.boardUrl.trim(), document.baseURI) : null;
  for (const link of board.querySelectorAll('a[href]')) {
    const href = link.getAttribute('href');
    link.href = href.startsWith('#') ? `#${host.id}` : new URL(href, boardUrl ?? file).href;
  }
  for (const form of board.querySelectorAll('form[action]')) form.action = new URL(form.getAttribute('action'), file).href;
  if (latest) {
    const more = board.querySelector('.latest-more');
    if (boardUrl) more?.querySelector('a')?.setAttribute('href', boardUrl.href);
    else more?.remove(); // titles open in place: no "More"
    const count = /^\+?\d+$/.test(options.count?.trim() ?? '') ? Math.min(20, Math.max(1, Number(options.count))) : 5;
    for (const item of [...board.querySelectorAll('.latest-list > li')].slice(count)) item.remove();
  }
  // Its headings at the host's level (`data-heading-level`; the file's are at 2).
  const level = /^\+?\d+$/.test(options.headingLevel ?? '') && Number(options.headingLevel) <= 255
    ? Math.min(6, Math.max(1, Number(options.headingLevel))) : 2;
  if (level !== 2) {
    for (const heading of board.querySelectorAll('h2, h3, h4, h5, h6')) {
      const renamed = document.createElement(`h${Math.min(6, Number(heading.tagName[1]) - 2 + level)}`);
      for (const attribute of heading.attributes) renamed.setAttribute(attribute.name, attribute.value);
      renamed.append(...heading.childNodes);
      heading.replaceWith(renamed);
    }
  }
  return board;
}

// Gives a board another name for its landmarks: its region, and its search form, whose name
// ("Search …", "… 검색") holds the board's.
function rename(board, name) {
  const own = board.getAttribute('aria-label');
  const form = board.querySelector('form[aria-label]');
  form?.setAttribute('aria-label', form.getAttribute('aria-label').replace(own, name));
  board.setAttribute('aria-label', name);
}
