/**
 * The inflation index per department on generated years where every answer is known by
 * construction: department 401 files every total 5 points above the computed one, full marks on
 * every row, no deviation notes and targets below last year's actuals; department 402 files
 * honestly, half of its actuals copy their target.
 */
import t from 'tap';
import { Dec } from '../src/core/decimal.js';
import { quantile, quantiles } from '../src/stats/inflation.js';
import { known, knownTotal, storeApp, type StoreApp } from './stats-helpers.js';
import { indicator } from './support/forms.js';

async function generate(s: StoreApp): Promise<void> {
  // 401: computed 82, 82, 64, 64; filed +5; the row filed at its full 90; note "无偏差" although below full.
  for (const [n, a] of [80, 80, 60, 60].entries()) {
    const f = known('401', n, a, { reportedTotal: new Dec(knownTotal(a)).plus(5).toString() });
    (f.indicators as Record<string, unknown>[])[0] = indicator({ points: 90, actual: `${a}人次`, reportedScore: 90, deviationNote: '无偏差' });
    await s.submit(f);
    // The same project and indicator a year earlier: 150人次 achieved, so a target of ≥100 is at or below it.
    await s.submit(known('401', n, 150, { fiscalYear: 2021 }));
  }
  // 402: filed = computed; 100人次 (= the target) twice, 120人次 twice; nothing below full points; no 2021.
  for (const [n, a] of [100, 100, 120, 120].entries()) await s.submit(known('402', n, a, { reportedTotal: knownTotal(Math.min(a, 100)) }));
}

t.test('quantiles interpolate between order statistics, exactly', async (t) => {
  const xs = ['4', '1', '3', '2'].map((x) => new Dec(x));
  t.same(quantiles(xs), { min: '1.00', p25: '1.75', median: '2.50', p75: '3.25', max: '4.00' });
  t.same(quantiles([new Dec('5')]), { min: '5.00', p25: '5.00', median: '5.00', p75: '5.00', max: '5.00' });
  t.equal(quantiles([]), null);
  t.equal(quantile([new Dec('0.1'), new Dec('0.2')], new Dec('0.5')).toString(), '0.15');
});

t.test('the inflation table of a generated year', async (t) => {
  const s = await storeApp(t);
  await generate(s);
  const res = await s.get('/v1/stats/inflation?year=2022', s.bureau);
  t.equal(res.statusCode, 200);
  const body = res.json();
  t.equal(body.previousYearForms, 4);
  t.equal(body.sort, '-index');
  t.match(body.formula, /index = 100 × Σ wᵢ·cᵢ \/ Σ wᵢ/);
  const [a, b] = body.departments;
  t.equal(a.deptCode, '401', 'the highest index first');
  t.equal(a.forms, 4);
  t.same(a.gap, { forms: 4, mean: '5.00', quantiles: { min: '5.00', p25: '5.00', median: '5.00', p75: '5.00', max: '5.00' } });
  t.same(a.fullMarks, { forms: 4, count: 4, share: '100.00' });
  t.same(a.equalActual, { rows: 4, count: 0, share: '0.00' });
  t.same(a.noNote, { rows: 4, count: 4, share: '100.00' });
  t.same(a.belowPrevious, { rows: 4, count: 4, share: '100.00' });
  // 100 × (0.30 × 5/10 + 0.20 × 1 + 0.20 × 0 + 0.15 × 1 + 0.15 × 1) / 1.00
  t.equal(a.index, '65.00');
  t.equal(a.sources.length, 4);

  t.equal(b.deptCode, '402');
  t.same(b.gap.mean, '0.00');
  t.same(b.fullMarks, { forms: 4, count: 4, share: '100.00' });
  t.same(b.equalActual, { rows: 4, count: 2, share: '50.00' });
  t.same(b.noNote, { rows: 0, count: 0, share: null }, 'no row below full points');
  t.same(b.belowPrevious, { rows: 0, count: 0, share: null }, 'no previous year stored');
  // 100 × (0.30 × 0 + 0.20 × 1 + 0.20 × 0.5) / 0.70 = 42.857…
  t.equal(b.index, '42.86');

  const sorts: [string, string[]][] = [
    ['index', ['402', '401']],
    ['-gap', ['401', '402']],
    ['equalActual', ['401', '402']],
    ['-noNote', ['401', '402']],
    ['noNote', ['401', '402']],
    ['department', ['401', '402']],
    ['-department', ['402', '401']],
  ];
  for (const [sort, order] of sorts) {
    const r = await s.get(`/v1/stats/inflation?year=2022&sort=${sort}`, s.bureau);
    t.same(r.json().departments.map((d: { deptCode: string }) => d.deptCode), order, sort);
  }
  t.equal((await s.get('/v1/stats/inflation?year=2022&sort=bogus', s.bureau)).statusCode, 400);

  const csv = await s.get('/v1/stats/inflation?year=2022', s.bureau, { accept: 'text/csv' });
  t.equal(csv.statusCode, 200);
  t.match(csv.headers['content-type'], /^text\/csv/);
  const lines = csv.body.trimEnd().split('\r\n');
  t.equal(lines.length, 3);
  t.equal(lines[0].split(',')[0], 'deptCode');
  t.equal(lines[1], '401,部门401,4,4,5.00,5.00,5.00,5.00,5.00,5.00,4,100.00,4,0.00,4,100.00,4,100.00,65.00');
  t.equal(lines[2], '402,部门402,4,4,0.00,0.00,0.00,0.00,0.00,0.00,4,100.00,4,50.00,0,,0,,42.86');
  t.equal((await s.get('/v1/stats/inflation?year=2022&format=csv', s.bureau)).body, csv.body);
});

t.test('who sees which rows', async (t) => {
  const s = await storeApp(t);
  await generate(s);
  const own = await s.get('/v1/stats/inflation?year=2022', await s.deptKey('401'));
  t.equal(own.statusCode, 200);
  t.same(own.json().departments.map((d: { deptCode: string }) => d.deptCode), ['401'], 'a department sees its own row only');
  t.equal(own.json().departments[0].index, '65.00', 'and the same numbers as the bureau');
  const none = await s.get('/v1/stats/inflation?year=2022', await s.deptKey('403'));
  t.same(none.json().departments, []);
  t.equal((await s.get('/v1/stats/inflation?year=2022', await s.unitKey('401100'))).statusCode, 403, 'a unit may not');
  t.equal((await s.get('/v1/stats/inflation?year=22', s.bureau)).statusCode, 400);
  t.same((await s.get('/v1/stats/inflation?year=2019', s.bureau)).json().departments, []);
});
