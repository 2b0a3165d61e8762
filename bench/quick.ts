/**
 * `npx tsx bench/quick.ts [N]`: a quick engine reading for development (the compiled dist/),
 * JSON.parse alone vs JSON.parse + scoreLean + brief() / full() / JSON.stringify(full()).
 * The figures that count are `npm run bench`'s.
 */
import { ndjson } from './generate.js';

const dist = new URL('../dist/jixiao.js', import.meta.url).href;
const { loadJixiao } = (await import(dist)) as typeof import('../src/jixiao.js');
const jx = loadJixiao();
const n = Number(process.argv[2] ?? 20000);
const lines = [...ndjson(n)].map((l) => l.slice(0, -1) + ' ');
let sink = 0;
for (const l of lines) sink += (JSON.parse(l) as { indicators: unknown[] }).indicators.length;
const time = (f: (l: string) => void) => {
  const t0 = performance.now();
  for (const l of lines) f(l);
  return (performance.now() - t0) / lines.length;
};
for (let round = 0; round < 2; round++) {
  const parse = time((l) => (sink += (JSON.parse(l) as { indicators: unknown[] }).indicators.length));
  const brief = time((l) => {
    const o = jx.scoreLean(JSON.parse(l));
    if (o.ok) sink += o.lean.brief().indicators.length;
  });
  const full = time((l) => {
    const o = jx.scoreLean(JSON.parse(l));
    if (o.ok) sink += o.lean.full().indicators.length;
  });
  const json = time((l) => {
    const o = jx.scoreLean(JSON.parse(l));
    if (o.ok) sink += JSON.stringify(o.lean.full()).length;
  });
  const pct = (x: number) => ((parse / x) * 100).toFixed(1) + ' %';
  console.log(`parse ${(parse * 1000).toFixed(1)} µs | brief ${(brief * 1000).toFixed(1)} µs ${pct(brief)} | full ${(full * 1000).toFixed(1)} µs ${pct(full)} | json ${(json * 1000).toFixed(1)} µs ${pct(json)} (sink ${sink % 10})`);
}
