/**
 * `npm run build && node --import tsx --cpu-prof --cpu-prof-dir=bench/out/prof bench/profile-engine.ts [N] [brief|full]`:
 * score N generated forms with the compiled engine (dist/), as production runs it, writing the
 * brief answer (default) or the full result.
 */
import { ndjson } from './generate.js';

const dist = new URL('../dist/jixiao.js', import.meta.url).href;
const { loadJixiao } = (await import(dist)) as typeof import('../src/jixiao.js');
const jx = loadJixiao();
const n = Number(process.argv[2] ?? 3000);
const full = process.argv[3] === 'full';
const lines = [...ndjson(n)];
let scored = 0;
for (const line of lines) {
  const out = jx.scoreLean(JSON.parse(line));
  if (out.ok) {
    scored++;
    if (full) out.lean.full();
    else out.lean.brief();
  }
}
process.stdout.write(`scored ${scored} of ${n}\n`);
