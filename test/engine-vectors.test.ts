/**
 * The test vectors of scoring-rules.md §6.10, one row each, expected value first.
 */
import t from 'tap';
import { Dec, fmt, sum } from '../src/core/decimal.js';
import { loadJixiao } from '../src/jixiao.js';
import { form, seed, single, type Json } from './support/forms.js';

const jx = loadJixiao();
const policy = (id: string) => {
  const p = jx.policies.get(id);
  if (!p) throw new Error('no policy ' + id);
  return p;
};
function score(input: Json, policyId = 'national-2020') {
  const out = jx.scoreInput(input, { policy: policy(policyId) });
  if (!out.ok) throw new Error(JSON.stringify(out.problems));
  return out.result;
}
const funds = (budget: string, executed: string, extra: Json = {}) => form({ funds: { rows: [{ name: '资金总额', budget, executed, ...extra }] } });
const codes = (r: { findings: { code: string }[] }) => r.findings.map((f) => f.code);

t.test('funds vectors (T1, T4, T5, T15, T16, T17)', async (t) => {
  // [id, expected rate, expected score, budget, executed, policy]
  const rows: [string, string | null, string, string, string, string][] = [
    ['T1', '87.61', '8.76', '252.83', '221.51', 'national-2020'],
    ['T4 national', '49.88', '4.99', '310.2', '154.74', 'national-2020'],
    ['T4 beijing-2016', '50', '5.00', '310.2', '154.74', 'beijing-2016'],
    ['T5', '76.00', '7.60', '100', '76', 'national-2020'],
    ['T15 national', '100.50', '10.00', '200', '201', 'national-2020'],
    ['T15 zhejiang', '100.50', '10.00', '200', '201', 'zhejiang-2024'],
    ['T16 hubei', '95.00', '19.00', '100', '95', 'hubei'],
    ['T17 jiangxi', '99.99', '7.00', '10000', '9999', 'jiangxi'],
    ['jiangxi 100', '100.00', '10.00', '10', '10', 'jiangxi'],
    ['jiangxi 80', '80.00', '7.00', '10', '8', 'jiangxi'],
    ['jiangxi 60', '60.00', '5.00', '10', '6', 'jiangxi'],
    ['jiangxi 59.99', '59.99', '0.00', '10000', '5999', 'jiangxi'],
    ['half-up 0.005', '33.33', '3.33', '3', '1', 'national-2020'],
  ];
  for (const [id, rate, pts, b, e, p] of rows) {
    const r = score(funds(b, e), p);
    t.equal(rate, r.funds.rate, `${id} rate`);
    t.equal(pts, r.funds.score, `${id} score`);
  }
  t.equal('31.32', score(funds('252.83', '221.51')).funds.balance, 'T1 balance = budget − executed');
  t.ok(codes(score(funds('200', '201'))).includes('EXEC_RATE_OVER_100'), 'T15 national: error');
  t.notOk(codes(score(funds('200', '201'), 'zhejiang-2024')).includes('EXEC_RATE_OVER_100'), 'T15 zhejiang: allowed');
});

t.test('zero budget (rule 16)', async (t) => {
  const both = score(funds('0', '0'));
  t.equal(null, both.funds.rate);
  t.equal('0.00', both.funds.score);
  t.ok(codes(both).includes('ZERO_BUDGET'));
  const zj = score(funds('0', '0'), 'zhejiang-2024');
  t.equal('100.00', zj.funds.rate, 'zhejiang: both zero → 100%');
  t.equal('10.00', zj.funds.score);
  const spent = score(funds('0', '5'));
  t.ok(codes(spent).includes('EXEC_WITHOUT_BUDGET'));
  t.equal('0.00', spent.funds.score);
});

t.test('indicator vectors (T6–T13)', async (t) => {
  // [id, expected score, target, actual, points, policy, extra]
  const rows: [string, string, string, string, number, string, Json?][] = [
    ['T6', '10.00', '≥3000册', '≥3000册', 10, 'national-2020'],
    ['T7', '15.00', '=0次', '=0次', 15, 'national-2020'],
    ['T8', '0.00', '=0次', '1', 15, 'national-2020'],
    ['T9 linear', '5.33', '≤90万元', '120', 8, 'national-2020'],
    ['T9 ratio', '6.00', '≤90万元', '120', 8, 'beijing-2016'],
    ['T10', '0.00', '≤90万元', '180', 8, 'national-2020'],
    ['T11', '8.42', '≥95%', '80%', 10, 'national-2020'],
    ['T12', '10.00', '≥100', '130', 10, 'national-2020'],
    ['T13 7.99', '7.99', '及时', '部分达成年度指标并具有一定效果', 10, 'national-2020', { manualScore: '7.99' }],
    ['42万人 vs 420000人', '10.00', '≥42万人', '420000人', 10, 'national-2020'],
    ['reverse at 2T−', '0.08', '≤100', '199', 8, 'national-2020'],
    ['EQ T>0 like ≥', '9.50', '=100%', '95%', 10, 'national-2020'],
    ['negative actual → 0', '0.00', '≥10', '-5', 10, 'national-2020'],
  ];
  for (const [id, expected, target, actual, points, p, extra] of rows) {
    const r = score(single({ target, actual, ...extra }, points), p);
    t.equal(expected, r.indicators[0].score, id);
  }
  const t12 = score(single({ target: '≥100', actual: '130' }));
  t.ok(codes(t12).includes('OVERACHIEVED'), 'T12 flags OVERACHIEVED');
  t.equal('over_achieved', t12.indicators[0].status);
  const t13 = score(single({ target: '及时', actual: '部分达成年度指标并具有一定效果', manualScore: '8' }));
  t.ok(codes(t13).includes('QUAL_SCORE_OUT_OF_RANGE'), 'T13: 8 is not < 8.0');
});

t.test('grade bands (T14, rule 20)', async (t) => {
  // [expected grade, budget score giving the total]
  const rows: [string, string][] = [
    ['优', '90'],
    ['良', '89.99'],
    ['良', '80'],
    ['中', '79.99'],
    ['中', '60'],
    ['差', '59.99'],
  ];
  for (const [grade, total] of rows) {
    // 90 points of indicators at 0 (actual 0 of ≥100) plus a budget block worth `total` points.
    const input = form({ funds: { points: total, rows: [{ name: '资金总额', budget: '1', executed: '1' }] } }, [
      { level1: '产出指标', level2: '数量指标', name: '零分', points: 90, target: '≥100', actual: '0', deviationNote: '未完成' },
    ]);
    const r = score(input);
    t.equal(total.includes('.') ? total : total + '.00', r.total);
    t.equal(grade, r.grade, `${total} → ${grade}`);
  }
  // Issue 8 rule 9: grades: null means grading is optional — the computed grade is still given.
  const hubei = score(form(), 'hubei');
  t.equal(hubei.grade, '优', 'hubei: the computed grade is given');
  t.equal(hubei.gradeRequired, false, 'hubei: marked as not required');
  t.match(hubei.explanation.grade, /仅供参考/, 'hubei: the grade explanation says so');
});

t.test('seed forms (T2, T3 and the third form)', async (t) => {
  // [expected total, grade, form, policy, codes that must be present]
  const rows: [string, string, '01-jingban' | '02-dangan' | '03-dalou', string, string[]][] = [
    ['93.76', '优', '01-jingban', 'shanxi-2022', ['COST_ROW_CAPPED']],
    ['95.00', '优', '02-dangan', 'shanxi-2022', ['COST_ROW_CAPPED']],
    ['90.00', '优', '03-dalou', 'shanxi-2022', ['WEIGHT_SUM', 'TOTAL_MISMATCH']],
    ['88.76', '良', '01-jingban', 'national-2020', ['TARGET_MISSING', 'TOTAL_MISMATCH', 'GRADE_MISMATCH']],
    ['90.00', '优', '02-dangan', 'national-2020', ['TARGET_MISSING']],
    ['85.00', '良', '03-dalou', 'national-2020', ['TARGET_MISSING', 'WEIGHT_SUM']],
  ];
  for (const [total, grade, name, p, must] of rows) {
    const r = score(seed(name), p);
    t.equal(total, r.total, `${name} ${p} total`);
    t.equal(grade, r.grade, `${name} ${p} grade`);
    for (const c of must) t.ok(codes(r).includes(c), `${name} ${p} has ${c}`);
  }
  const t2 = score(seed('01-jingban'), 'shanxi-2022');
  t.equal('8.76', t2.funds.score);
  t.equal('87.61', t2.funds.rate);
  t.equal('31.32', t2.funds.balance);
  t.equal('85.00', fmt(sum(t2.indicators.map((i) => new Dec(i.score)))), 'indicators sum to 85');
  t.equal(0, t2.summary.errors, '01 under shanxi-2022 has no error');
  t.same([], codes(t2).filter((c) => c === 'SCORE_MISMATCH' || c === 'TOTAL_MISMATCH'), 'the filer’s figures reconcile');
  const r3 = score(seed('03-dalou'), 'shanxi-2022');
  const weight = r3.findings.find((f) => f.code === 'WEIGHT_SUM');
  t.equal('95', weight?.params.sum, 'points sum to 95');
  t.equal('95', r3.findings.find((f) => f.code === 'TOTAL_MISMATCH')?.params.reported);
});

t.test('the policy in force is chosen by region and year', async (t) => {
  const inForce = (input: Json) => {
    const out = jx.scoreInput(input);
    return out.ok ? out.result.policy.id : null;
  };
  t.equal('shanxi-2022', inForce(seed('01-jingban')));
  t.equal('93.76', score(seed('01-jingban'), 'shanxi-2022').total);
  t.equal('national-2020', inForce({ ...seed('01-jingban'), mofDivCode: undefined }));
  t.equal('national-2020', inForce({ ...seed('01-jingban'), fiscalYear: 2021 }), 'shanxi-2022 starts in 2022');
});
