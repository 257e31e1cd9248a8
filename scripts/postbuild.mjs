// After trunk (whose hook has prerendered dist/, widget.js with it): the Korean sample board
// beside the English one, and precompressed .br/.gz copies of the text and wasm files.
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';

const dist = path.resolve(import.meta.dirname, '../dist');
const html = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');

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
