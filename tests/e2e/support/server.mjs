// A plain static file server for the built dist/, as a CDN would serve it (no rewrites, no
// SPA fallback), mounted under any sub-path. Tests can replace the data file's response to
// simulate a missing file, a server error, a dropped connection or a broken export.
import http from 'node:http';
import fs from 'node:fs/promises';
import path from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.pdf': 'application/pdf',
  '.ico': 'image/x-icon',
};

export const DIST = path.resolve(import.meta.dirname, '../../../dist');
/** See startServer. */
export const CLIENT_RENDERED = 'client-rendered.html';

/** A built page whose first render does not wait for the board's footer (`rel=expect`),
 *  as browsers without that wait read it. */
export const withoutRenderWait = (html) => html.replace(/<link rel="expect"[^>]*>\s*/, '');

/** A built page without its prerendered board, which the app renders alone: the board's
 *  markup goes, and with it the head's wait for the board's footer. */
export const withoutPrerenderedBoard = (html) => withoutRenderWait(html
  .replace(' data-prerendered', '')
  .replace(/(<!--board-->)[\s\S]*(<!--\/board-->)/, '$1$2'));

/**
 * Starts a server on a free loopback port. `base` is the sub-path the board lives under;
 * `headers` are added to every response; `files` maps extra paths (under `base`) to bodies;
 * `transform(file, bytes)` may rewrite served files; with `brotli`, the precompressed `.br`
 * copies are served to browsers that accept them, as a CDN would.
 * The board's published form (published.json and published/, written by the prerender step)
 * is served only while the data file is the built one: a test that changes the data file
 * gets a board with nothing published beside it, whose pages do not name it (no
 * `data-published`, the data file preloaded), as the folder of a board never published.
 * With E2E_DATA=single in the environment it is never served: the whole suite then runs
 * against the single data file.
 * Returns { url, dataOverride, pageCuts, pageRewrite, requests, close }: set `server.dataOverride` to
 * { status, body, contentType, delayMs }, { drop: true } or { size } (a file of that many
 * bytes) to change how the data file is answered. Set `server.pageCuts` to a function
 * (html → offsets) to send HTML pages in parts, cut at those offsets, 40 ms apart (a few
 * frames): as a slow network delivers them, so that the browser paints each part parsed;
 * and `server.pageRewrite` (html → html) to change those pages first.
 */
export async function startServer({ root = DIST, base = '/', headers = {}, files = {}, transform, brotli = false } = {}) {
  const state = { dataOverride: null, pageCuts: null, pageRewrite: null, requests: [] };
  async function send(res, status, type, body) {
    res.writeHead(status, { 'content-type': type, 'cache-control': 'no-cache', ...headers });
    if (type !== TYPES['.html'] || !state.pageCuts) return res.end(body);
    const html = state.pageRewrite ? state.pageRewrite(body.toString()) : body.toString();
    let sent = 0;
    for (const cut of state.pageCuts(html)) {
      res.write(html.slice(sent, cut));
      sent = cut;
      await new Promise((resolve) => setTimeout(resolve, 40));
    }
    res.end(html.slice(sent));
  }
  // A data file of `size` bytes (a valid start, then spaces), sent as long as it is read.
  function sendFiller(res, size) {
    res.writeHead(200, { 'content-type': TYPES['.json'], 'content-length': String(size), 'cache-control': 'no-cache', ...headers });
    const chunk = Buffer.alloc(1 << 20, ' ');
    let sent = 0;
    const more = () => {
      while (sent < size && !res.destroyed) {
        const part = chunk.subarray(0, Math.min(chunk.length, size - sent));
        sent += part.length;
        if (!res.write(part)) return res.once('drain', more);
      }
      res.end();
    };
    res.write('{"version": 1, "notices": [');
    sent += 27;
    more();
  }
  const builtData = async () => {
    if (process.env.E2E_DATA === 'single' || state.dataOverride) return false;
    if (Object.keys(files).some((name) => name.endsWith('notices.json'))) return false;
    if (!transform) return true;
    // A folder without a data file (a host page's) has nothing published either.
    const bytes = await fs.readFile(path.join(root, 'notices.json')).catch(() => null);
    return bytes !== null && Buffer.compare(Buffer.from(transform('notices.json', bytes)), bytes) === 0;
  };
  // A page as the folder of a board never published has it, unless the data is the built one.
  const unpublished = async (html) => ((await builtData()) ? html : html
    .replaceAll(/ data-published="[^"]*"/g, '')
    .replace('<link rel="preload" href="published.json"', '<link rel="preload" href="notices.json"'));
  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url, 'http://localhost');
    state.requests.push(url.pathname);
    if (!url.pathname.startsWith(base)) return send(res, 404, 'text/plain', 'Not found');
    let file = decodeURIComponent(url.pathname.slice(base.length));
    if (file === '' || file.endsWith('/')) file += 'index.html';
    // The board's page without its prerendered board: the app renders it alone, so its
    // loading and error views show (a prerendered page keeps its content when the data
    // cannot be loaded).
    if (file === CLIENT_RENDERED) {
      const html = await unpublished(await fs.readFile(path.join(root, 'index.html'), 'utf8'));
      return send(res, 200, TYPES['.html'], withoutPrerenderedBoard(html));
    }
    if (/^published(\.json|\/)/.test(file) && !files[file] && !(await builtData())) {
      return send(res, 404, 'text/html; charset=utf-8', '<!DOCTYPE html><title>Not found</title><h1>Not found</h1>');
    }
    if (files[file] !== undefined) return send(res, 200, TYPES[path.extname(file)] ?? 'application/octet-stream', files[file]);
    if (file.endsWith('notices.json') && state.dataOverride) {
      const o = state.dataOverride;
      if (o.delayMs) await new Promise((resolve) => setTimeout(resolve, o.delayMs));
      if (o.drop) return req.socket.destroy();
      if (o.size) return sendFiller(res, o.size);
      return send(res, o.status ?? 200, o.contentType ?? TYPES['.json'], o.body ?? '');
    }
    const full = path.join(root, path.normalize('/' + file));
    if (brotli && /\bbr\b/.test(req.headers['accept-encoding'] ?? '')) {
      try {
        const body = await fs.readFile(`${full}.br`);
        res.writeHead(200, { 'content-type': TYPES[path.extname(full)] ?? 'application/octet-stream', 'content-encoding': 'br', 'cache-control': 'no-cache', ...headers });
        return res.end(body);
      } catch {}
    }
    try {
      let body = await fs.readFile(full);
      if (file.endsWith('.html')) body = await unpublished(body.toString());
      if (transform) body = transform(file, body);
      send(res, 200, TYPES[path.extname(full)] ?? 'application/octet-stream', body);
    } catch {
      send(res, 404, 'text/html; charset=utf-8', '<!DOCTYPE html><title>Not found</title><h1>Not found</h1>');
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return Object.assign(state, {
    url: `http://127.0.0.1:${port}${base}`,
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(resolve); }),
  });
}
