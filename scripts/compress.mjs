// Writes precompressed copies next to every text or wasm file in dist/ (file.br, file.gz),
// so nginx (brotli_static, gzip_static) or a CDN can serve them without compressing on the
// fly. Run by scripts/build after trunk, and by scripts/prerender. Usage: node compress.mjs [DIR]
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const dist = path.resolve(process.argv[2] ?? path.join(import.meta.dirname, '../dist'));
const COMPRESSIBLE = /\.(html|js|mjs|css|json|wasm|svg|xml|txt)$/;
// The published board (`notices publish`, run by the prerender step) writes its own copies:
// the entry's by rename and last, so a visitor never reads half of one; the content-named
// files' once. Writing them again here would do both in place, and every time.
const PUBLISHED = /(^|[\\/])published([\\/]|\.json$)/;
let count = 0;
for (const name of fs.readdirSync(dist, { recursive: true })) {
  const file = path.join(dist, name);
  if (!COMPRESSIBLE.test(file) || PUBLISHED.test(name) || !fs.statSync(file).isFile()) continue;
  const bytes = fs.readFileSync(file);
  fs.writeFileSync(`${file}.br`, zlib.brotliCompressSync(bytes, {
    params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
  }));
  fs.writeFileSync(`${file}.gz`, zlib.gzipSync(bytes, { level: 9 }));
  count++;
}
console.log(`compress: .br and .gz written for ${count} files in ${dist}`);
