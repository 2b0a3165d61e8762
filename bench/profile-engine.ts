/** `npx tsx bench/profile-engine.ts [N]`: score N generated forms (run under node --cpu-prof to see where the time goes). */
import { loadJixiao } from '../src/jixiao.js';
import { ndjson } from './generate.js';

const jx = loadJixiao();
const n = Number(process.argv[2] ?? 3000);
let scored = 0;
for (const line of ndjson(n)) if (jx.scoreInput(JSON.parse(line)).ok) scored++;
process.stdout.write(`scored ${scored} of ${n}\n`);
