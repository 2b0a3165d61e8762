/**
 * The filer's 执行率 beside the computed one, and the funds explanation in the filer's money unit.
 * Rule (issue 8): a reported rate equal to the computed rate rounded half-up to the decimals the
 * filer wrote is an info finding (EXEC_RATE_ROUNDED), not EXEC_RATE_MISMATCH; a blank reported
 * rate beside a computable one is info (EXEC_RATE_NOT_REPORTED). 执行率 = 全年执行数 / 全年预算数,
 * kept to the policy's rateDecimals (2 nationally, 0 in Beijing 2016), tolerance 0.01.
 */
import t from 'tap';
import { loadJixiao } from '../src/jixiao.js';
import { form, type Json } from './support/forms.js';

const jx = loadJixiao();
function score(input: Json, policyId = 'national-2020') {
  const out = jx.scoreInput(input, { policy: jx.policies.get(policyId)! });
  if (!out.ok) throw new Error(JSON.stringify(out.problems));
  return out.result;
}
const RATE_CODES = new Set(['EXEC_RATE_ROUNDED', 'EXEC_RATE_NOT_REPORTED', 'EXEC_RATE_MISMATCH']);
const rateFindings = (input: Json, policy?: string) => score(input, policy).findings.filter((f) => RATE_CODES.has(f.code));
const oneRow = (budget: string, executed: string, reportedRate: unknown) => form({ funds: { rows: [{ name: '资金总额', budget, executed, reportedRate }] } });

t.test('the reported rate at the filer’s own precision', async (t) => {
  // [why, budget, executed, reported rate, policy, expected code or null, computed rate in the message]
  const rows: [string, string, string, unknown, string, string | null, string][] = [
    ['99% for 99.10%: 99.10 to 0 decimals is 99', '100', '99.1', '99', 'national-2020', 'EXEC_RATE_ROUNDED', '99.10'],
    ['86% for 86.20% (written with a %)', '100', '86.2', '86%', 'national-2020', 'EXEC_RATE_ROUNDED', '86.20'],
    ['87.6% for 87.61% (221.51 / 252.83)', '252.83', '221.51', '87.6', 'national-2020', 'EXEC_RATE_ROUNDED', '87.61'],
    ['88% for 87.61%: half-up to 0 decimals is 88', '252.83', '221.51', 88, 'national-2020', 'EXEC_RATE_ROUNDED', '87.61'],
    ['87% for 86.50%: half-up gives 87, not 86', '100', '86.5', '87', 'national-2020', 'EXEC_RATE_ROUNDED', '86.50'],
    ['86% for 86.50%: half-up gives 87, so 86 is a difference', '100', '86.5', '86', 'national-2020', 'EXEC_RATE_MISMATCH', '86.50'],
    ['87% for 87.61%: 87.61 rounds to 88', '252.83', '221.51', '87', 'national-2020', 'EXEC_RATE_MISMATCH', '87.61'],
    ['87.5% for 87.61%: 87.61 to 1 decimal is 87.6', '252.83', '221.51', '87.5', 'national-2020', 'EXEC_RATE_MISMATCH', '87.61'],
    ['95% for 90.00%', '100', '90', '95%', 'national-2020', 'EXEC_RATE_MISMATCH', '90.00'],
    ['"99.0" is read as 99: the written trailing zero does not survive the form model', '100', '99.1', '99.0', 'national-2020', 'EXEC_RATE_ROUNDED', '99.10'],
    ['blank beside a computable rate', '100', '90', '', 'national-2020', 'EXEC_RATE_NOT_REPORTED', '90.00'],
    ['null beside a computable rate', '252.83', '221.51', null, 'national-2020', 'EXEC_RATE_NOT_REPORTED', '87.61'],
    ['Beijing 2016 keeps 0 decimals: 50.4 written with more is compared within the tolerance', '100', '50.4', '50.4', 'beijing-2016', 'EXEC_RATE_MISMATCH', '50'],
  ];
  for (const [why, budget, executed, reported, policy, code, computed] of rows) {
    const found = rateFindings(oneRow(budget, executed, reported), policy);
    t.equal(found.length, 1, `${why}: one rate finding`);
    t.equal(found[0]?.code, code, why);
    t.equal(found[0]?.pointer, '/funds/rows/0/reportedRate', why);
    t.equal(found[0]?.params.computed, computed, `${why}: the computed rate`);
    t.match(found[0]?.message ?? '', computed + '%', `${why}: the message shows the computed rate`);
  }
});

t.test('the rounded finding is info and names both figures and the decimals', async (t) => {
  const [f] = rateFindings(oneRow('100', '99.1', '99'));
  t.equal(f.severity, 'info');
  t.equal(f.message, '“资金总额”填报执行率99%为计算执行率99.10%保留0位小数的结果，不作差异处理');
  const [g] = rateFindings(oneRow('252.83', '221.51', '87.6'));
  t.equal(g.params.places, '1');
  t.equal(g.params.reported, '87.6');
  const [n] = rateFindings(oneRow('100', '90', ''));
  t.equal(n.severity, 'info');
  t.equal(n.message, '“资金总额”未填报执行率，计算执行率为90.00%');
});

t.test('no rate finding when the figures agree or no rate can be computed', async (t) => {
  // [why, form, policy]
  const rows: [string, Json, string][] = [
    ['equal at the policy precision', oneRow('252.83', '221.51', '87.61'), 'national-2020'],
    ['"100" for 100.00', oneRow('31.59', '31.59', '100'), 'national-2020'],
    ['87.62 for 87.61: within the tolerance 0.01, written at the policy precision', oneRow('252.83', '221.51', '87.62'), 'national-2020'],
    ['Beijing 2016: 50 for 50 (0 decimals)', oneRow('100', '50.4', '50'), 'beijing-2016'],
    ['a source row without figures and without a rate', form({ funds: { rows: [{ name: '资金总额', budget: '100', executed: '90', reportedRate: '90' }, { name: '其他资金' }] } }), 'national-2020'],
  ];
  for (const [why, input, policy] of rows) t.same(rateFindings(input, policy).map((f) => f.code), [], why);
});

t.test('the funds explanation shows amounts in the filer’s money unit as written', async (t) => {
  // [why, money unit, rows, expected explanation]
  const rows: [string, string, Json[], string][] = [
    [
      '万元',
      '万元',
      [{ name: '资金总额', budget: '252.83', executed: '221.51', reportedRate: '87.61' }],
      '执行率 = 全年执行数221.51万元 ÷ 全年预算数252.83万元 = 87.61%；得分 = 87.61% × 10.00 = 8.76分',
    ],
    [
      '元: the amounts stay in 元, not converted',
      '元',
      [{ name: '资金总额', budget: '2528300', executed: '2215100', reportedRate: '87.61' }],
      '执行率 = 全年执行数2215100.00元 ÷ 全年预算数2528300.00元 = 87.61%；得分 = 87.61% × 10.00 = 8.76分',
    ],
    [
      'no total row: the sources summed, 60 + 30 of 80 + 20',
      '万元',
      [
        { name: '本年财政拨款', budget: '80', executed: '60' },
        { name: '上年结转资金', budget: '20', executed: '30' },
      ],
      '执行率 = 全年执行数90.00万元 ÷ 全年预算数100.00万元（各资金来源合计） = 90.00%；得分 = 90.00% × 10.00 = 9.00分',
    ],
  ];
  for (const [why, moneyUnit, fundRows, expected] of rows) {
    const r = score(form({ moneyUnit, funds: { rows: fundRows } }));
    t.equal(r.funds.explanation, expected, why);
    t.equal(r.funds.moneyUnit, moneyUnit, why);
  }
});
