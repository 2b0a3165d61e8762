/**
 * Every scoring finding, produced by the smallest form that shows it: [code, pointer, form, policy].
 */
import t from 'tap';
import { loadJixiao } from '../src/jixiao.js';
import type { Policy } from '../src/core/policy/types.js';
import { form, indicator, seed, single, type Json } from './support/forms.js';

const jx = loadJixiao();
function score(input: Json, policyId = 'national-2020') {
  const out = jx.scoreInput(input, { policy: jx.policies.get(policyId)! });
  if (!out.ok) throw new Error(JSON.stringify(out.problems));
  return out.result;
}
const withFunds = (rows: Json[], over: Json = {}) => form({ funds: { rows }, ...over });

const rows: [string, string, Json, string?][] = [
  ['WEIGHT_SUM', '/indicators', form({}, [indicator({ points: 80 })])],
  ['LEVEL_POINTS_DEVIATE', '/indicators', form({}, [indicator({ points: 60 }), indicator({ level1: '效益指标', level2: '社会效益指标', name: 'b', points: 30 })])],
  ['TOTAL_MISMATCH', '/reportedTotal', form({ reportedTotal: '99' })],
  ['GRADE_MISMATCH', '/reportedGrade', form({ reportedGrade: '良' })],
  ['SCORE_MISMATCH', '/indicators/0/reportedScore', single({ target: '≥100', actual: '50', deviationNote: '进度滞后', reportedScore: 10 })],
  ['EXEC_RATE_MISMATCH', '/funds/rows/0/reportedRate', withFunds([{ name: '资金总额', budget: '100', executed: '90', reportedRate: '95%' }])],
  ['EXEC_SCORE_MISMATCH', '/funds/rows/0/reportedScore', withFunds([{ name: '资金总额', budget: '100', executed: '90', reportedScore: '10' }])],
  ['BALANCE_MISMATCH', '/funds/rows/0/reportedBalance', withFunds([{ name: '资金总额', budget: '100', executed: '90', reportedBalance: '0' }])],
  ['FUNDS_SUM_MISMATCH', '/funds/rows/0/budget', withFunds([{ name: '资金总额', budget: '100', executed: '100' }, { name: '本年财政拨款', budget: '120', executed: '100' }])],
  ['BUDGET_FROM_PARTS', '/funds/rows/0/budget', withFunds([{ name: '资金总额', initial: '100', adjustment: '-20', executed: '80' }])],
  ['EXEC_RATE_OVER_100', '/funds/rows/0/executed', withFunds([{ name: '资金总额', budget: '100', executed: '101' }])],
  ['ZERO_BUDGET', '/funds/rows/0/budget', withFunds([{ name: '资金总额', budget: '0', executed: '0' }])],
  ['EXEC_WITHOUT_BUDGET', '/funds/rows/0/executed', withFunds([{ name: '资金总额', budget: '0', executed: '3' }])],
  ['LOW_EXEC_REASON_REQUIRED', '/funds/rows/0/reason', withFunds([{ name: '资金总额', budget: '100', executed: '80' }]), 'sichuan'],
  ['TARGET_MISSING', '/indicators/0/target', single({ target: '' })],
  ['ACTUAL_MISSING', '/indicators/0/actual', single({ actual: '' })],
  ['ACTUAL_NOT_NUMERIC', '/indicators/0/actual', single({ target: '≤30万元', actual: '完成' })],
  ['ACTUAL_HAS_OPERATOR', '/indicators/0/actual', single({ target: '≥98%', actual: '≥99%' })],
  ['ACTUAL_NEGATIVE', '/indicators/0/actual', single({ target: '≥10', actual: '-1', deviationNote: '未完成' })],
  ['UNIT_MISMATCH', '/indicators/0/actual', single({ target: '≥10次', actual: '12人' })],
  ['OPERATOR_INFERRED', '/indicators/0/target', single({ target: '100%', actual: '100%' })],
  ['DATE_TARGET', '/indicators/0/target', single({ target: '12月底前', actual: '达成年度指标' })],
  ['OVERACHIEVED', '/indicators/0/actual', single({ target: '≥100', actual: '120' })],
  ['REASON_REQUIRED', '/indicators/0/deviationNote', single({ target: '≥100', actual: '50', deviationNote: '无偏差' })],
  ['REASON_REQUIRED', '/indicators/0/deviationNote', single({ target: '≥100', actual: '150', deviationNote: '' }), 'guangxi'],
  ['QUAL_TIER_UNKNOWN', '/indicators/0/actual', single({ target: '及时', actual: '还行吧' })],
  ['QUAL_TIER_INFERRED', '/indicators/0/actual', single({ target: '健全', actual: '优' })],
  ['NEEDS_MANUAL_SCORE', '/indicators/0/manualScore', single({ target: '及时', actual: '部分达成年度指标并具有一定效果', deviationNote: '部分延迟' })],
  ['QUAL_SCORE_OUT_OF_RANGE', '/indicators/0/manualScore', single({ target: '及时', actual: '未达成年度指标且效果较差', manualScore: '7' })],
  ['QUAL_SCORE_FROM_REPORTED', '/indicators/0/reportedScore', single({ target: '及时', actual: '部分达成年度指标并具有一定效果', reportedScore: '7', deviationNote: '部分延迟' })],
  ['MANUAL_SCORE_NOT_ALLOWED', '/indicators/0/manualScore', single({ target: '≥100', actual: '100', manualScore: '5' })],
  ['SCORE_OUT_OF_RANGE', '/indicators/0/reportedScore', single({ target: '≥100', actual: '100', reportedScore: '12' })],
  ['SCORE_OUT_OF_RANGE', '/indicators/0/manualScore', single({ target: '≥100', actual: '150', manualScore: '12' })],
  ['DEDUCTION_WITHOUT_REASON', '/indicators/0/deductionReason', single({ target: '≥100', actual: '150', deduction: '2', deviationNote: '' })],
  ['COST_ROW_CAPPED', '/indicators/0/target', single({ level2: '成本指标', name: '成本指标', target: '未填报', actual: '达成预期指标' }), 'shanxi-2022'],
  ['ROW_SKIPPED', '/indicators/0/target', single({ initialTarget: '≥5次', target: '', actual: '' }), 'shanxi-2022'],
  ['DUPLICATE_INDICATOR', '/indicators/1/name', form({}, [indicator({ points: 45 }), indicator({ points: 45 })])],
  ['LEVEL_UNKNOWN', '/indicators/0/level1', single({ level1: '奇怪的一级' })],
  ['POSSIBLE_DOUBLE_COUNT', '/indicators/0/name', single({ name: '预算执行率', target: '≥90%', actual: '95%' })],
];

for (const [code, pointer, input, policy] of rows) {
  t.test(`${code} at ${pointer}`, async (t) => {
    const r = score(input, policy);
    const hit = r.findings.find((f) => f.code === code && f.pointer === pointer);
    t.ok(hit, `${code} at ${pointer}; got ${r.findings.map((f) => f.code + '@' + f.pointer).join(', ')}`);
    t.match(hit?.message ?? '', /\S/, 'has a message');
  });
}

t.test('a clean form has no error or warning', async (t) => {
  const r = score(form());
  t.same([], r.findings.filter((f) => f.severity !== 'info').map((f) => f.code));
  t.equal('100.00', r.total);
  t.equal('scored', r.status);
});

t.test('renormalisation drops skipped rows when the policy says so', async (t) => {
  const base = jx.policies.get('shanxi-2022')!;
  const policy = { ...base, excludeAndRenormalise: true };
  const input = form({}, [indicator({ points: 45 }), indicator({ name: 'b', points: 45, initialTarget: '≥1', target: '', actual: '' })]);
  const out = jx.scoreInput(input, { policy });
  if (!out.ok) throw new Error('invalid');
  t.equal('100.00', out.result.total, '45 of 45 scaled to 90, plus 10');
  t.ok(out.result.findings.some((f) => f.code === 'RENORMALISED'));
});

t.test('a 不适用 row (code 10) is dropped and the rest rescaled when the policy says so, reviewed otherwise (rule 61)', async (t) => {
  const base = jx.policies.get('national-2020')!;
  const input = form({}, [indicator({ points: 45 }), indicator({ name: 'b', points: 45, operator: '10', target: '本指标不适用此项目', actual: '' })]);
  // [policy, total, status, the row's status, its code]
  const cases: [string, Policy, string, string, string, string][] = [
    ['exclude and renormalise', { ...base, excludeAndRenormalise: true }, '100.00', 'scored', 'skipped', 'ROW_NOT_APPLICABLE'],
    ['the national policy', base, '55.00', 'needs_review', 'needs_review', 'OPERATOR_NOT_AUTOSCORED'],
  ];
  for (const [why, policy, total, status, rowStatus, code] of cases) {
    const out = jx.scoreInput(input, { policy });
    if (!out.ok) throw new Error('invalid');
    t.equal(out.result.total, total, `${why}: total`);
    t.equal(out.result.status, status, `${why}: status`);
    t.equal(out.result.indicators[1].status, rowStatus, `${why}: the row`);
    t.ok(out.result.findings.some((f) => f.code === code && f.pointer === '/indicators/1/operator'), `${why}: ${code}`);
  }
});

t.test('a manual deduction applies with its reason', async (t) => {
  const r = score(single({ target: '≥100', actual: '150', deduction: '2', deductionReason: '指标值设定偏低', deviationNote: '指标值设定偏低' }));
  t.equal('8.00', r.indicators[0].score);
  t.equal('2', r.indicators[0].deduction);
  t.notOk(r.findings.some((f) => f.code === 'DEDUCTION_WITHOUT_REASON'));
});

t.test('an over-achieved row may take a manual score', async (t) => {
  const r = score(single({ target: '≥100', actual: '150', manualScore: '9', deviationNote: '指标值偏低' }));
  t.equal('9.00', r.indicators[0].score);
  t.equal('manual', r.indicators[0].method);
});

t.test('deviation report lists misses, over-shoots and reviews', async (t) => {
  const input = form({}, [
    indicator({ name: 'miss', points: 30, target: '≥100', actual: '50', deviationNote: '资金晚到' }),
    indicator({ name: 'over', points: 30, target: '≥100', actual: '200' }),
    indicator({ name: 'review', points: 30, target: '≥100', actual: '完成' }),
  ]);
  const r = score(input);
  t.same(['missed', 'over_achieved', 'needs_review'], r.deviations.map((d) => d.reason));
  t.equal(true, r.deviations[0].noteGiven);
  t.equal('-0.5', r.deviations[0].deviation);
  t.equal('needs_review', r.status);
});

t.test('English messages on request', async (t) => {
  const out = jx.scoreInput(form({ reportedTotal: '1' }), { lang: 'en' });
  t.match(out.ok ? out.result.findings.find((f) => f.code === 'TOTAL_MISMATCH')?.message : '', /^Reported total 1 differs from the computed 100\.00$/);
});

t.test('the seed forms keep their explanation of every number', async (t) => {
  const r = score(seed('01-jingban'), 'shanxi-2022');
  for (const i of r.indicators) {
    t.match(i.explanation, /\S/, `${i.name} explained`);
    t.match(i.rounding, /ROUND_HALF_UP/);
  }
  t.match(r.funds.explanation, /221\.51.*252\.83.*87\.61%/);
  t.equal('shanxi-2022', r.policy.id);
  t.match(r.policy.hash, /^[0-9a-f]{64}$/);
});
