// Writes a large, realistic data file for benchmarks: N notices with titles of 20–120
// characters, bodies of 3–12 paragraphs (some with Korean passages and □/○ outlines),
// categories, a few pinned, some attachments. Deterministic (seeded), so runs compare.
// Usage: node bench/generate.mjs 10000 target/bench/notices-10000.json
import fs from 'node:fs';
import path from 'node:path';

const count = Number(process.argv[2] ?? 10000);
const out = process.argv[3] ?? `target/bench/notices-${count}.json`;
const base = JSON.parse(fs.readFileSync(new URL('../public/notices.json', import.meta.url), 'utf8'));

let seed = 20261128;
const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const pick = (list) => list[Math.floor(random() * list.length)];
const words = base.notices.flatMap((n) => n.body.split(/\s+/)).filter((w) => /^[A-Za-z][a-z’-]{2,}$/.test(w));
const korean = ['지진 대피 훈련', '민방위 훈련 안내', '정부24 서비스 점검', '한파쉼터 운영', '외국인 주민 안전 교육', '전자정부 협력'];
const categories = Object.keys(base.board.categories);
const sentence = (min, max) => {
  const length = min + Math.floor(random() * (max - min));
  const text = Array.from({ length }, () => pick(words)).join(' ');
  return text[0].toUpperCase() + text.slice(1) + '.';
};

const notices = [];
let day = Date.UTC(2026, 10, 27);
for (let i = 0; i < count; i++) {
  day -= Math.floor(random() * 2) * 86400000;
  const paragraphs = Array.from({ length: 3 + Math.floor(random() * 10) }, () =>
    random() < 0.15 ? `□ ${sentence(3, 8)}\n ○ ${sentence(4, 10)}\n ○ ${sentence(4, 10)}` : sentence(12, 40));
  if (random() < 0.2) paragraphs.push(`${pick(korean)}: ${new Date(day).toISOString().slice(0, 10)} 실시.`);
  const notice = {
    id: 100000 + i * 3 + Math.floor(random() * 3),
    title: sentence(3, 16).slice(0, -1).slice(0, 120),
    date: new Date(day).toISOString().slice(0, 10),
    views: Math.floor(random() * 20000),
    category: pick(categories),
    body: paragraphs.join('\n\n'),
  };
  if (i % 2000 === 0) notice.pinned = true;
  if (random() < 0.1) notice.attachments = [{ name: 'Notice.pdf', url: 'files/recruitment-notice.pdf', size: 660 }];
  notices.push(notice);
}
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out, JSON.stringify({ version: 1, board: base.board, notices }));
console.log(`${out}: ${count} notices, ${(fs.statSync(out).size / 1048576).toFixed(1)} MB`);
