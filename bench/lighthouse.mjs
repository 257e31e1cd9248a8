// Lighthouse (mobile, its default simulated throttling) on the built dist/, served with
// brotli: the list, a notice, the Korean list and a host page with one widget. Prints the
// four category scores and the main metrics of each run. Lighthouse is not a dependency of
// the tests (it is large): npx fetches the pinned version from npm the first time.
// Usage: node bench/lighthouse.mjs [runs] (after scripts/build).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { startServer, DIST } from '../tests/e2e/support/server.mjs';

const LIGHTHOUSE = 'lighthouse@13.5.0';
const runs = Number(process.argv[2] ?? 1);
const newest = JSON.parse(fs.readFileSync(path.join(DIST, 'notices.json'), 'utf8')).notices
  .sort((a, b) => b.date.localeCompare(a.date))[0];
const HOST = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>Host page</title>
<meta name="description" content="A ministry page with the notice board embedded"><link rel="icon" href="data:,">
</head><body><main><h1>Welcome</h1><div data-notice-board data-src="notices.json"></div></main>
<script type="module" src="widget.js"></script></body></html>`;
const PAGES = { list: '', notice: `notice-${newest.id}.html`, 'Korean list': 'ko/', 'host page with a widget': 'host.html' };

const server = await startServer({ files: { 'host.html': HOST }, brotli: true });
const out = path.join(os.tmpdir(), 'notice-board-lighthouse.json');
try {
  console.log(`${LIGHTHOUSE}, mobile preset (simulated 4× CPU, slow 4G), ${runs} run(s) each`);
  console.log('| page | performance | accessibility | best practices | SEO | FCP | LCP | TBT | CLS |');
  console.log('|---|---|---|---|---|---|---|---|---|');
  for (const [name, file] of Object.entries(PAGES)) {
    for (let run = 0; run < runs; run++) {
      // Not execFileSync: the server answering Lighthouse runs in this process.
      await promisify(execFile)('npx', ['--yes', LIGHTHOUSE, server.url + file, '--quiet', '--output=json', `--output-path=${out}`,
        '--only-categories=performance,accessibility,best-practices,seo', '--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage'],
      { env: { ...process.env, CHROME_PATH: process.env.CHROME_PATH || '/usr/bin/chromium' } });
      const report = JSON.parse(fs.readFileSync(out, 'utf8'));
      const score = (id) => Math.round(report.categories[id].score * 100);
      const metric = (id) => report.audits[id].displayValue;
      console.log(`| ${name} | ${score('performance')} | ${score('accessibility')} | ${score('best-practices')} | ${score('seo')} | ${metric('first-contentful-paint')} | ${metric('largest-contentful-paint')} | ${metric('total-blocking-time')} | ${metric('cumulative-layout-shift')} |`);
    }
  }
} finally {
  await server.close();
}
