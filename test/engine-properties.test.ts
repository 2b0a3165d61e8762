/**
 * Properties over 10 000 generated forms (fast-check): scores stay within their points, the total
 * is the sum of its parts, scoring is deterministic, and ≥ / ≤ indicators are monotonic.
 */
import fc from 'fast-check';
import t from 'tap';
import { Dec, sum } from '../src/core/decimal.js';
import { loadJixiao } from '../src/jixiao.js';

const jx = loadJixiao();
const policies = jx.policies.list;

const decimal = (max: number) =>
  fc.tuple(fc.integer({ min: 0, max }), fc.integer({ min: 0, max: 99 })).map(([i, f]) => `${i}.${String(f).padStart(2, '0')}`);
const OPS = ['≥', '>=', '＞＝', '不低于', '≤', '<=', '不超过', '=', '＝', '>', '<', ''];
const UNITS = ['%', '次', '人', '万人', '万元', '元', '个', '平方米', ''];
const TIERS = ['达成年度指标', '部分达成年度指标并具有一定效果', '未达成年度指标且效果较差', '达成预期指标', '达成', '部分达成', '未达成', '完成了一些'];

const quantRow = fc.record({
  op: fc.constantFrom(...OPS),
  target: decimal(1000),
  actual: decimal(2000),
  unit: fc.constantFrom(...UNITS),
  actualUnit: fc.constantFrom('same', 'none', 'other'),
  points: fc.integer({ min: 0, max: 30 }),
  note: fc.constantFrom('', '无偏差', '资金拨付滞后'),
  reported: fc.option(decimal(30), { nil: undefined }),
}).map((r) => ({
  level1: '产出指标',
  level2: '数量指标',
  points: r.points,
  target: `${r.op}${r.target}${r.unit}`,
  actual: r.actualUnit === 'same' ? `${r.actual}${r.unit}` : r.actualUnit === 'none' ? r.actual : `${r.actual}吨`,
  deviationNote: r.note,
  reportedScore: r.reported,
}));

const qualRow = fc.record({
  target: fc.constantFrom('及时', '提升', '健全', '有效', '效果明显', '12月底前'),
  actual: fc.constantFrom(...TIERS),
  points: fc.integer({ min: 0, max: 30 }),
  manual: fc.option(decimal(30), { nil: undefined }),
}).map((r) => ({ level1: '效益指标', level2: '社会效益指标', points: r.points, target: r.target, actual: r.actual, manualScore: r.manual, deviationNote: '有偏差' }));

const formArb = fc.record({
  budget: decimal(5000),
  executed: decimal(6000),
  rows: fc.array(fc.oneof(quantRow, qualRow, fc.constant({ level1: '产出指标', level2: '成本指标', points: 10, target: '未填报', actual: '达成预期指标' })), { minLength: 1, maxLength: 20 }),
  policy: fc.integer({ min: 0, max: policies.length - 1 }),
  region: fc.constantFrom('140000', '420000', '360000', undefined),
}).map((f) => ({
  policy: policies[f.policy],
  input: {
    fiscalYear: 2024,
    mofDivCode: f.region,
    proName: 'p',
    funds: { rows: [{ name: '资金总额', budget: f.budget, executed: f.executed }] },
    indicators: f.rows.map((r, i) => ({ ...r, name: `指标${i}` })),
  },
}));

// Sized by work, not by wall-clock: time 200 generated forms here (the calibration run), then allow
// the 13 000 forms of this file four times what that rate predicts, plus start-up slack, so a
// loaded machine slows the file down without failing it (the runner's default is 30 s).
{
  const sample = fc.sample(formArb, { numRuns: 200, seed: 1 });
  const started = performance.now();
  for (const { policy, input } of sample) jx.scoreInput(input, { policy });
  const perForm = (performance.now() - started) / sample.length;
  t.setTimeout(Math.max(120_000, Math.ceil(perForm * 2 * 13_000 * 4) + 60_000)); // ×2: each property scores twice
}

t.test('scores are bounded, totals add up, output is deterministic (10 000 forms)', async (t) => {
  let checked = 0;
  fc.assert(
    fc.property(formArb, ({ policy, input }) => {
      const out = jx.scoreInput(input, { policy });
      if (!out.ok) throw new Error(JSON.stringify(out.problems));
      const r = out.result;
      for (const i of r.indicators) {
        const s = new Dec(i.score);
        if (s.isNegative() || s.greaterThan(new Dec(i.points))) throw new Error(`${i.name}: ${i.score} of ${i.points}`);
      }
      const f = new Dec(r.funds.score);
      if (f.isNegative() || f.greaterThan(new Dec(r.funds.points))) throw new Error('funds score out of range');
      const parts = sum(r.indicators.map((i) => new Dec(i.score))).plus(f);
      if (!parts.equals(new Dec(r.total))) throw new Error(`total ${r.total} ≠ Σ parts ${parts.toString()}`);
      const again = jx.scoreInput(structuredClone(input), { policy });
      if (JSON.stringify(again) !== JSON.stringify(out)) throw new Error('not deterministic');
      checked++;
    }),
    { numRuns: 10_000, seed: 20221231 },
  );
  t.equal(10_000, checked);
});

t.test('a higher actual never lowers a ≥ score nor raises a ≤ score', async (t) => {
  const policy = jx.policies.get('national-2020')!;
  const one = (target: string, actual: string) => {
    const out = jx.scoreInput(
      { fiscalYear: 2023, proName: 'p', funds: { rows: [{ name: '资金总额', budget: 1, executed: 1 }] }, indicators: [{ level1: '产出指标', level2: '数量指标', name: 'x', points: 10, target, actual }] },
      { policy },
    );
    if (!out.ok) throw new Error('invalid');
    return new Dec(out.result.indicators[0].score);
  };
  let checked = 0;
  fc.assert(
    fc.property(decimal(1000), decimal(2000), decimal(2000), fc.constantFrom('%', '人', '万元'), (tg, a, b, unit) => {
      const [lo, hi] = new Dec(a).lessThanOrEqualTo(new Dec(b)) ? [a + unit, b + unit] : [b + unit, a + unit];
      if (one(`≥${tg}${unit}`, hi).lessThan(one(`≥${tg}${unit}`, lo))) throw new Error(`≥${tg}: ${hi} scored below ${lo}`);
      if (one(`≤${tg}${unit}`, hi).greaterThan(one(`≤${tg}${unit}`, lo))) throw new Error(`≤${tg}: ${hi} scored above ${lo}`);
      checked++;
    }),
    { numRuns: 3_000, seed: 7 },
  );
  t.equal(3_000, checked);
});
