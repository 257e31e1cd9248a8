// One release build hosted as a CDN would: under a sub-path of a plain static server (no
// rewrite rules) and behind the example nginx configuration (deploy/nginx-locations.conf),
// with deep links, reload, Back and Forward; the right headers and precompressed files;
// and a plain message when JavaScript is off.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import net from 'node:net';
import { spawn, execFileSync } from 'node:child_process';
import { DIST } from './support/server.mjs';
import { launch, isolateTests, openPage, waitForView } from './support/browser.mjs';

const ROOT = path.resolve(import.meta.dirname, '../..');

function freePort() {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function waitForHttp(url) {
  for (let attempt = 0; attempt < 100; attempt++) {
    try {
      if ((await fetch(url)).status < 500) return;
    } catch {}
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${url} did not answer`);
}

// Start page, then a notice by click, reload, Back and Forward, all under /eng/news/.
async function browseUnderSubPath(browser, base) {
  const page = await openPage(browser);
  await page.goto(base);
  await waitForView(page, 'News & Notices');
  const link = page.locator('.notice-row a').nth(2);
  const title = await link.textContent();
  await link.click();
  await waitForView(page, title);
  const url = new URL(page.url());
  assert.match(url.pathname, /^\/eng\/news\/notice-\d+\.html$/);
  assert.equal(url.search, '');
  await page.reload();
  await waitForView(page, title);
  await page.goBack();
  await waitForView(page, 'News & Notices');
  await page.goForward();
  await waitForView(page, title);
  await page.goto(`${base}?page=2&sort=oldest`);
  await waitForView(page);
  assert.equal(await page.locator('.pagination [aria-current="page"]').textContent(), '2');
  const problems = page.problems.filter((p) => !p.includes('favicon.ico'));
  assert.deepEqual(problems, []);
}

describe('hosting the built dist/', () => {
  const env = { browser: null };
  const children = [];
  const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'notice-board-'));
  before(async () => {
    env.browser = await launch();
  });
  after(async () => {
    await env.browser?.close();
    for (const child of children) child.kill();
    fs.rmSync(temp, { recursive: true, force: true });
  });
  isolateTests(env);

  // dist/ copied under eng/news/ of a directory for python's server (once, for the tests
  // that use it, in whichever order they run).
  function pythonSite() {
    const site = path.join(temp, 'python');
    if (!fs.existsSync(site)) {
      fs.mkdirSync(path.join(site, 'eng'), { recursive: true });
      fs.cpSync(DIST, path.join(site, 'eng', 'news'), { recursive: true });
    }
    return site;
  }

  it('works under a sub-path of a plain static server (python -m http.server)', async () => {
    const site = pythonSite();
    const port = await freePort();
    children.push(spawn('python3', ['-m', 'http.server', String(port), '--bind', '127.0.0.1', '--directory', site], { stdio: 'ignore' }));
    await waitForHttp(`http://127.0.0.1:${port}/eng/news/`);
    await browseUnderSubPath(env.browser, `http://127.0.0.1:${port}/eng/news/`);
  });

  it('works behind the example nginx configuration, with its caching and compression', async () => {
    const dir = path.join(temp, 'nginx');
    fs.mkdirSync(dir, { recursive: true });
    const locations = fs.readFileSync(path.join(ROOT, 'deploy/nginx-locations.conf'), 'utf8').replaceAll('/srv/notice-board/', `${DIST}/`);
    fs.writeFileSync(path.join(dir, 'locations.conf'), locations);
    const port = await freePort();
    fs.writeFileSync(path.join(dir, 'nginx.conf'), `
      load_module /usr/lib/nginx/modules/ngx_http_brotli_static_module.so;
      worker_processes 1;
      pid ${dir}/nginx.pid;
      error_log ${dir}/error.log;
      events {}
      http {
        include /etc/nginx/mime.types;
        access_log off;
        client_body_temp_path ${dir}/body;
        server { listen 127.0.0.1:${port}; include ${dir}/locations.conf; }
      }`);
    execFileSync('nginx', ['-t', '-p', dir, '-c', path.join(dir, 'nginx.conf')], { stdio: 'pipe' });
    children.push(spawn('nginx', ['-p', dir, '-c', path.join(dir, 'nginx.conf'), '-g', 'daemon off;'], { stdio: 'ignore' }));
    const base = `http://127.0.0.1:${port}/eng/news/`;
    await waitForHttp(base);

    const wasm = fs.readdirSync(DIST).find((f) => f.endsWith('_bg.wasm'));
    const asset = await fetch(base + wasm, { headers: { 'accept-encoding': 'br' } });
    assert.equal(asset.headers.get('content-type'), 'application/wasm');
    assert.equal(asset.headers.get('content-encoding'), 'br', 'the precompressed .br file is served');
    assert.equal(asset.headers.get('cache-control'), 'public, max-age=31536000, immutable');
    assert.equal(asset.headers.get('access-control-allow-origin'), '*');
    const gzip = await fetch(base + wasm, { headers: { 'accept-encoding': 'gzip' } });
    assert.equal(gzip.headers.get('content-encoding'), 'gzip');
    for (const file of ['', 'index.html', 'notices.json', 'widget.js']) {
      const response = await fetch(base + file, { headers: { 'accept-encoding': 'br' } });
      assert.equal(response.status, 200, file);
      assert.equal(response.headers.get('cache-control'), 'no-cache', `${file || 'the directory'} is revalidated`);
    }
    const policy = (await fetch(base)).headers.get('content-security-policy');
    assert.match(policy, /script-src 'self' 'wasm-unsafe-eval'/, 'the pages are served with a strict policy (and work under it, below)');
    await browseUnderSubPath(env.browser, base);
  });

  it('works without JavaScript under a sub-path: the prerendered list and notices', async () => {
    const site = pythonSite();
    const port = await freePort();
    children.push(spawn('python3', ['-m', 'http.server', String(port), '--bind', '127.0.0.1', '--directory', site], { stdio: 'ignore' }));
    await waitForHttp(`http://127.0.0.1:${port}/eng/news/`);
    const page = await openPage(env.browser, { javaScriptEnabled: false });
    await page.goto(`http://127.0.0.1:${port}/eng/news/`);
    const text = await page.locator('body').innerText();
    assert.doesNotMatch(text, /Loading notices|needs JavaScript/, 'it shows the notices, not a message');
    const link = page.locator('.notice-row h2 a').nth(3);
    const title = await link.textContent();
    await link.click();
    await page.waitForURL(/\/eng\/news\/notice-[\w-]+\.html$/);
    assert.equal(await page.locator('h1').textContent(), title);
  });
});
