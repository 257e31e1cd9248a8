// Writes a large, realistic data file for benchmarks: N notices with titles of 20–120
// characters, bodies of 3–12 paragraphs (some with Korean passages and □/○ outlines),
// categories, a few pinned, some attachments. Deterministic (seeded), so runs compare.
// With --html, bodies are HTML as a CMS exports it (paragraphs, headings, lists, a table,
// links, and the editor's spans and styles): the 10,000-notice file is then about 23 MB.
// Usage: node bench/generate.mjs 10000 target/bench/notices-10000.json [--html]
import fs from 'node:fs';
import path from 'node:path';

const args = process.argv.slice(2).filter((arg) => arg !== '--html');
const html = process.argv.includes('--html');
const count = Number(args[0] ?? 10000);
const out = args[1] ?? `target/bench/notices-${html ? 'html-' : ''}${count}.json`;
const base = JSON.parse(fs.readFileSync(new URL('../public/notices.json', import.meta.url), 'utf8'));

let seed = 20261128;
const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const pick = (list) => list[Math.floor(random() * list.length)];
const words = base.notices.flatMap((n) => n.body.replace(/<[^>]*>/g, ' ').split(/\s+/)).filter((w) => /^[A-Za-z][a-z’-]{2,}$/.test(w));
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
    body: html ? htmlBody(paragraphs) : paragraphs.join('\n\n'),
  };
  if (html) notice.bodyFormat = 'html';
  if (i % 2000 === 0) notice.pinned = true;
  if (random() < 0.1) notice.attachments = [{ name: 'Notice.pdf', url: 'files/recruitment-notice.pdf', size: 660 }];
  notices.push(notice);
}
/** The same paragraphs as a rich-text editor would export them. */
function htmlBody(paragraphs) {
  const styled = (text) => (random() < 0.3 ? `<span style="font-family: 'Malgun Gothic'; font-size: 11pt;">${text}</span>` : text);
  const parts = paragraphs.map((paragraph, index) => {
    if (paragraph.startsWith('□')) {
      const [head, ...items] = paragraph.split('\n');
      return `<h3>${head.slice(2)}</h3><ul>${items.map((item) => `<li>${styled(item.trim().slice(2))}</li>`).join('')}</ul>`;
    }
    const link = index === 1 && random() < 0.5 ? ` See <a href="https://www.mois.go.kr/eng/" target="_blank">the Ministry’s website</a>.` : '';
    return `<p class="MsoNormal" style="margin: 0 0 8pt; line-height: 1.5;">${styled(paragraph.replace(/^(\S+ \S+)/, '<strong>$1</strong>'))}${link}</p>`;
  });
  if (random() < 0.3) {
    parts.push('<table border="1"><caption>Schedule</caption><thead><tr><th scope="col">Date</th><th scope="col">Place</th></tr></thead>'
      + `<tbody><tr><td>${sentence(2, 4)}</td><td>${sentence(2, 5)}</td></tr><tr><td>${sentence(2, 4)}</td><td>${sentence(2, 5)}</td></tr></tbody></table>`);
  }
  return parts.join('\n');
}

fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out, JSON.stringify({ version: 1, board: base.board, notices }));
console.log(`${out}: ${count} notices, ${(fs.statSync(out).size / 1048576).toFixed(1)} MB`);
