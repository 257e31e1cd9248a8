// Writes a large, realistic data file for benchmarks: N notices with titles of 20–120
// characters, bodies of 3–12 paragraphs (some with Korean passages and □/○ outlines),
// categories, a few pinned, some attachments. Deterministic (seeded), so runs compare. The
// text compresses like prose (about 3–4× with brotli), so transfer figures are honest.
// With --html, bodies are HTML as a CMS exports it (paragraphs, headings, lists, a table,
// links, and the editor's spans and styles): the 10,000-notice file is then about 23 MB.
// With --short, bodies have 1–4 paragraphs instead of 3–12: 100,000 notices then stay under
// the 150 MB a data file may have (the 100,000-notice benchmark of bench/published.mjs).
// Usage: node bench/generate.mjs 10000 target/bench/notices-10000.json [--html] [--short]
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const args = process.argv.slice(2).filter((arg) => !arg.startsWith('--'));
const html = process.argv.includes('--html');
const short = process.argv.includes('--short');
const count = Number(args[0] ?? 10000);
const out = args[1] ?? `target/bench/notices-${html ? 'html-' : ''}${count}.json`;
const base = JSON.parse(fs.readFileSync(new URL('../public/notices.json', import.meta.url), 'utf8'));

// mulberry32: a small PRNG that stays exact in JavaScript numbers. (An LCG computed with
// doubles loses bits and falls into a short cycle: the text then repeated itself and
// compressed 148×, flattering every transfer figure.)
let seed = 20261128;
const random = () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const pick = (list) => list[Math.floor(random() * list.length)];

// Words as prose uses them: a large vocabulary drawn with Zipf's law (a few words very often,
// most rarely), so that text compresses about as much as real notices (3–4× with brotli).
// The sample's own words come first (the most frequent), then made-up words of English-like
// syllables; Korean words are made of common Hangul syllables.
function zipf(vocabulary) {
  const weights = vocabulary.map((_, rank) => 1 / (rank + 2.7));
  const total = weights.reduce((a, b) => a + b, 0);
  let sum = 0;
  const cumulative = weights.map((w) => (sum += w / total));
  return () => {
    const r = random();
    let lo = 0, hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid] < r) lo = mid + 1; else hi = mid;
    }
    return vocabulary[lo];
  };
}
const sampleWords = [...new Set(base.notices.flatMap((n) => n.body.replace(/<[^>]*>/g, ' ').split(/\s+/))
  .filter((w) => /^[A-Za-z][a-z’-]{2,}$/.test(w)).map((w) => w.toLowerCase()))];
const onsets = ['b', 'c', 'd', 'f', 'g', 'h', 'l', 'm', 'n', 'p', 'r', 's', 't', 'v', 'w', 'st', 'pr', 'tr', 'ch', 'sh', 'pl', 'gr'];
const nuclei = ['a', 'e', 'i', 'o', 'u', 'ea', 'ou', 'ai', 'io'];
const codas = ['', '', 'n', 'r', 's', 't', 'l', 'nd', 'st', 'ct', 'ng', 'm'];
const madeUp = new Set(sampleWords);
while (madeUp.size < 40_000) {
  const syllables = 1 + Math.floor(random() * 3.2);
  madeUp.add(Array.from({ length: syllables }, () => pick(onsets) + pick(nuclei) + pick(codas)).join(''));
}
const word = zipf([...madeUp]);
const hangul = Array.from('안전정부행지진대피훈련민방위서비스점검한파쉼터운영외국인주민교육전자협력시험공고채용기관국가공무원일정장소접수기간제출서류결과발표개편누리집개인정보보호재난관리지방자치단체예산사업지원신청방법문의담당부서계획추진현황');
const koreanWords = new Set();
while (koreanWords.size < 8_000) {
  koreanWords.add(Array.from({ length: 2 + Math.floor(random() * 3) }, () => pick(hangul)).join(''));
}
const koreanWord = zipf([...koreanWords]);
const particles = ['은', '는', '이', '가', '을', '를', '에', '의', '와', '및', '에서', '으로'];
const korean = () => Array.from({ length: 6 + Math.floor(random() * 14) }, () =>
  koreanWord() + (random() < 0.5 ? pick(particles) : '')).join(' ') + (random() < 0.5 ? '합니다.' : ' 안내드립니다.');
const koreanTitle = () => Array.from({ length: 3 + Math.floor(random() * 5) }, koreanWord).join(' ').slice(0, 120);
const categories = Object.keys(base.board.categories);
const sentence = (min, max) => {
  const length = min + Math.floor(random() * (max - min));
  const text = Array.from({ length }, () => (random() < 0.03 ? String(Math.floor(random() * 10000)) : word())).join(' ');
  return text[0].toUpperCase() + text.slice(1) + '.';
};

const notices = [];
let day = Date.UTC(2026, 10, 27);
for (let i = 0; i < count; i++) {
  day -= Math.floor(random() * 2) * 86400000;
  const paragraphs = Array.from({ length: short ? 1 + Math.floor(random() * 4) : 3 + Math.floor(random() * 10) }, () =>
    random() < 0.15 ? `□ ${sentence(3, 8)}\n ○ ${sentence(4, 10)}\n ○ ${sentence(4, 10)}` : sentence(12, 40));
  if (random() < 0.2) paragraphs.push(`${korean()} ${new Date(day).toISOString().slice(0, 10)}.`);
  const notice = {
    id: 100000 + i * 3 + Math.floor(random() * 3),
    // A third of the titles are Korean, as on a ministry's Korean board beside its English one.
    title: random() < 0.3 ? koreanTitle() : sentence(3, 16).slice(0, -1).slice(0, 120),
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
// The compression ratio, from the first 4 MB (brotli -q 11 of a whole 100,000-notice file
// would take minutes).
const raw = fs.readFileSync(out);
const head = raw.subarray(0, 4 * 1048576);
const ratio = head.length / zlib.brotliCompressSync(head, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
console.log(`${out}: ${count} notices, ${(raw.length / 1048576).toFixed(1)} MB, compresses ${ratio.toFixed(1)}× with brotli`);
