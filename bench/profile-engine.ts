/**
 * `npm run build && node --import tsx --cpu-prof --cpu-prof-dir=bench/out/prof bench/profile-engine.ts [N]`:
 * score N generated forms with the compiled engine (dist/), as production runs it.
 */
import { ndjson } from './generate.js';

const dist = new URL('../dist/jixiao.js', import.meta.url).href;
const { loadJixiao } = (await import(dist)) as typeof import('../src/jixiao.js');
const jx = loadJixiao();
const n = Number(process.argv[2] ?? 3000);
let scored = 0;
for (const line of ndjson(n)) if (jx.scoreInput(JSON.parse(line)).ok) scored++;
process.stdout.write(`scored ${scored} of ${n}\n`);
