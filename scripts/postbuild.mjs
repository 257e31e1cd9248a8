// After trunk: writes dist/widget.js (the one script a host page includes to embed boards)
// and precompressed .br/.gz copies of the text and wasm files.
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';

const dist = path.resolve(import.meta.dirname, '../dist');
const html = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
const find = (pattern, what) => {
  const match = html.match(pattern);
  if (!match) throw new Error(`postbuild: no ${what} in dist/index.html`);
  return match[1];
};
// trunk writes them into the page's start.js tag (Trunk.toml, pattern_script).
const glue = find(/data-glue="\.\/(notice-board-[0-9a-f]+\.js)"/, 'wasm-bindgen glue');
const wasm = find(/data-wasm="\.\/(notice-board-[0-9a-f]+_bg\.wasm)"/, 'wasm file');
// The prerender step puts the stylesheet into the page as <style data-href="./main-….css">.
const css = find(/href="\.\/(main-[0-9a-f]+\.css)"/, 'stylesheet');

// The one script a host page includes (js/widget.js), naming this build's files.
const widget = fs.readFileSync(path.resolve(import.meta.dirname, '../js/widget.js'), 'utf8')
  .replace('__GLUE__', glue).replace('__WASM__', wasm).replace('__CSS__', css);
fs.writeFileSync(path.join(dist, 'widget.js'), widget);
console.log(`postbuild: widget.js → ${glue}, ${wasm}, ${css}`);

// The Korean sample board (public/ko/notices.json) at ko/, beside the English one: the same
// page with its asset addresses one folder up, prerendered from its own data file (whose
// attachments are ../files/…). The board's address there is ko/ (ko/notice-103988.html…).
const ko = path.join(dist, 'ko');
fs.mkdirSync(ko, { recursive: true });
fs.copyFileSync(path.resolve(import.meta.dirname, '../public/ko/notices.json'), path.join(ko, 'notices.json'));
fs.writeFileSync(path.join(ko, 'index.html'), html
  .replace(/\b(href|src|data-glue|data-wasm|data-href)="\.\//g, '$1="../')
  .replace('href="favicon.svg"', 'href="../favicon.svg"'));
const base = process.env.NOTICE_BOARD_BASE_URL;
execFileSync('cargo', ['run', '--quiet', '--profile', 'tools', '-p', 'notices', '--', 'prerender', ko,
  ...(base ? ['--base-url', new URL('ko/', base.endsWith('/') ? base : `${base}/`).href] : [])], { stdio: 'inherit' });
execFileSync('node', [path.join(import.meta.dirname, 'compress.mjs')], { stdio: 'inherit' });
