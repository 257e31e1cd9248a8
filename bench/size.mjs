// Reports what a citizen downloads: every file in dist/ raw, gzip and brotli (quality 11),
// grouped as wasm, js, css, html and data, and what a first visit costs. Usage: node bench/size.mjs (after scripts/build).
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const dist = path.resolve(import.meta.dirname, '../dist');
const files = fs.readdirSync(dist, { recursive: true })
  .map((name) => path.join(dist, name))
  .filter((file) => fs.statSync(file).isFile() && !/\.(br|gz)$/.test(file));

const kind = (file) => ({ '.wasm': 'wasm', '.js': 'js', '.css': 'css', '.html': 'html', '.json': 'data' })[path.extname(file)] ?? 'other';
const brotli = (bytes) => zlib.brotliCompressSync(bytes, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
const kb = (n) => (n / 1024).toFixed(1).padStart(8) + ' KB';

const totals = {};
console.log('file'.padEnd(44) + 'raw'.padStart(11) + 'gzip'.padStart(11) + 'brotli'.padStart(11));
for (const file of files.sort()) {
  const bytes = fs.readFileSync(file);
  const sizes = [bytes.length, zlib.gzipSync(bytes, { level: 9 }).length, brotli(bytes)];
  const group = (totals[kind(file)] ??= [0, 0, 0]);
  sizes.forEach((size, i) => (group[i] += size));
  console.log(path.relative(dist, file).padEnd(44) + sizes.map(kb).join(' '));
}
console.log('\ntotals by kind');
for (const [name, sizes] of Object.entries(totals)) console.log(name.padEnd(44) + sizes.map(kb).join(' '));
// A first visit: the entry page (with its stylesheet inlined), the glue, the wasm and the data.
const first = ['index.html', /_bg\.wasm$/, /^notice-board-[0-9a-f]+\.js$/, 'notices.json'].reduce((sum, pattern) => {
  const file = files.find((f) => (typeof pattern === 'string' ? path.basename(f) === pattern : pattern.test(path.basename(f))));
  return sum + (file ? brotli(fs.readFileSync(file)) : 0);
}, 0);
console.log(`
a first visit (index.html + glue + wasm + data), brotli: ${(first / 1024).toFixed(1)} KB`);
const pages = files.filter((f) => f.endsWith('.html'));
console.log(`prerendered pages: ${pages.length}, ${(totals.html[2] / 1024).toFixed(1)} KB brotli in all, ${(totals.html[2] / pages.length / 1024).toFixed(1)} KB each on average`);

// The app code a visitor's browser runs, part by part (brotli), and what the page and a
// widget each load of it: the figures issue 16's budget (100 KB) is about.
const parts = [
  ['wasm', /^notice-board-[0-9a-f]+_bg\.wasm$/],
  ['JS glue', /^notice-board-[0-9a-f]+\.js$/],
  ['start.js (the page)', /^start\.js$/],
  ['widget.js (with CSS, first views)', /^widget\.js$/],
  ['CSS', /^main-[0-9a-f]+\.css$/],
].map(([name, pattern]) => {
  const file = files.find((f) => pattern.test(path.relative(dist, f)));
  return [name, file ? brotli(fs.readFileSync(file)) : 0];
});
const size = Object.fromEntries(parts);
console.log('\napp code, brotli');
for (const [name, bytes] of parts) console.log(name.padEnd(44) + kb(bytes));
const app = size.wasm + size['JS glue'];
console.log('the page: wasm + glue + start.js + CSS'.padEnd(44) + kb(app + size['start.js (the page)'] + size.CSS));
console.log('a widget: wasm + glue + widget.js'.padEnd(44) + kb(app + size['widget.js (with CSS, first views)']));
