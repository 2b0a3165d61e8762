/**
 * Adversarial forms against the funds block, the total and the grade (scoring-rules.md §1.5,
 * §1.6, §6.3, §6.7, §6.8, §3.11). Expected values come from the rule text; where the rules are
 * silent the answer is needs-review with a finding, never a confident score ("blank is not 0").
 */
import t from 'tap';
import { loadJixiao } from '../src/jixiao.js';
import type { Policy } from '../src/core/policy/types.js';
import { form, indicator, seed, type Json } from './support/forms.js';

const jx = loadJixiao();
function score(input: Json, policy: string | Policy = 'national-2020') {
  const p = typeof policy === 'string' ? jx.policies.get(policy)! : policy;
  const out = jx.scoreInput(input, { policy: p });
  if (!out.ok) throw new Error(JSON.stringify(out.problems));
  return out.result;
}
const funds = (rows: Json[], over: Json = {}) => form({ funds: { rows }, ...over });
const T = (o: Json) => ({ name: '资金总额', ...o });

t.test('the funds block: blank, zero, over 100 %, unit slips, conflicting rows', async (t) => {
  // [why (rule), rows, policy, score, rate, status, code that must be there (pointer), code that must not]
  const rows: [string, Json[], string, string, string | null, string, [string, string] | null, string | null][] = [
    ['T1: 221.51 / 252.83 = 87.61 % → 8.76 (S1)', [T({ budget: '252.83', executed: '221.51' })], 'national-2020', '8.76', '87.61', 'scored', null, null],
    ['executed blank is not 0: no rate, needs review', [T({ budget: '100' })], 'national-2020', '0.00', null, 'needs_review', ['FUNDS_FIGURE_MISSING', '/funds/rows/0/executed'], null],
    ['executed written 0: 0 % → 0 (rule 14), scored', [T({ budget: '100', executed: '0' })], 'national-2020', '0.00', '0.00', 'scored', null, 'FUNDS_FIGURE_MISSING'],
    ['budget blank: not "budget 0", needs review', [T({ executed: '5' })], 'national-2020', '0.00', null, 'needs_review', ['FUNDS_FIGURE_MISSING', '/funds/rows/0/budget'], 'EXEC_WITHOUT_BUDGET'],
    ['both blank under Zhejiang: its 100 % is for written zeros only (rule 16)', [T({})], 'zhejiang-2024', '0.00', null, 'needs_review', ['FUNDS_FIGURE_MISSING', '/funds/rows/0/budget'], null],
    ['both written 0 under Zhejiang: 100 % → 10 (rule 16, 49)', [T({ budget: '0', executed: '0' })], 'zhejiang-2024', '10.00', '100.00', 'scored', null, null],
    ['both written 0 nationally: 0 and ZERO_BUDGET (rule 16)', [T({ budget: '0', executed: '0' })], 'national-2020', '0.00', null, 'scored', ['ZERO_BUDGET', '/funds/rows/0/budget'], null],
    ['spent without a budget: 0, an error (6.3), needs review', [T({ budget: '0', executed: '3' })], 'national-2020', '0.00', null, 'needs_review', ['EXEC_WITHOUT_BUDGET', '/funds/rows/0/executed'], null],
    ['110 % nationally: capped 10, an error production refuses to save (rule 15)', [T({ budget: '100', executed: '110' })], 'national-2020', '10.00', '110.00', 'needs_review', ['EXEC_RATE_OVER_100', '/funds/rows/0/executed'], null],
    ['110 % in Zhejiang 2024: allowed, capped 10 (rule 15)', [T({ budget: '100', executed: '110' })], 'zhejiang-2024', '10.00', '110.00', 'scored', null, 'EXEC_RATE_OVER_100'],
    ['executed in 元 beside a budget in 万元 (10^4 ×): not scored, needs review', [T({ budget: '31.59', executed: '315900' })], 'national-2020', '0.00', '1000000.00', 'needs_review', ['FUNDS_UNIT_SUSPECT', '/funds/rows/0/executed'], 'EXEC_RATE_OVER_100'],
    ['the same slip where over 100 % is allowed', [T({ budget: '31.59', executed: '315900' })], 'zhejiang-2024', '0.00', '1000000.00', 'needs_review', ['FUNDS_UNIT_SUSPECT', '/funds/rows/0/executed'], null],
    ['budget in 元 beside execution in 万元 (below 1/100)', [T({ budget: '2528300', executed: '221.51' })], 'national-2020', '0.00', '0.01', 'needs_review', ['FUNDS_UNIT_SUSPECT', '/funds/rows/0/executed'], null],
    ['two 资金总额 rows that disagree: the first is used, needs review', [T({ budget: '100', executed: '90' }), { name: '年度资金总额', budget: '200', executed: '100' }], 'national-2020', '9.00', '90.00', 'needs_review', ['FUNDS_TOTAL_CONFLICT', '/funds/rows/1'], null],
    ['two 资金总额 rows that agree', [T({ budget: '100', executed: '90' }), T({ budget: '100', executed: '90' })], 'national-2020', '9.00', '90.00', 'scored', null, 'FUNDS_TOTAL_CONFLICT'],
    ['年初 100 + 调整 20 ≠ 全年 100 (rule 13): 全年 used, needs review', [T({ initial: '100', adjustment: '20', budget: '100', executed: '90' })], 'national-2020', '9.00', '90.00', 'needs_review', ['BUDGET_PARTS_MISMATCH', '/funds/rows/0/budget'], null],
    ['年初 100 + 调整 −20 = 全年 80 (rule 13)', [T({ initial: '100', adjustment: '-20', budget: '80', executed: '72' })], 'national-2020', '9.00', '90.00', 'scored', null, 'BUDGET_PARTS_MISMATCH'],
    ['sources above the total: one of them is wrong, needs review', [T({ budget: '100', executed: '90' }), { name: '本年财政拨款', budget: '80', executed: '70' }, { name: '上年结转资金', budget: '30', executed: '30' }], 'national-2020', '9.00', '90.00', 'needs_review', ['FUNDS_SUM_MISMATCH', '/funds/rows/0/budget'], null],
    ['a blank 资金总额 before a filled 合计: the filled one is the total', [T({}), { name: '合计', budget: '100', executed: '90' }, { name: '本年财政拨款', budget: '80', executed: '70' }], 'national-2020', '9.00', '90.00', 'scored', null, 'FUNDS_TOTAL_CONFLICT'],
    ['no total row, a source with its executed blank: added as 0, needs review', [{ name: '本年财政拨款', budget: '80', executed: '70' }, { name: '上年结转资金', budget: '20' }], 'national-2020', '7.00', '70.00', 'needs_review', ['FUNDS_ROW_FIGURE_MISSING', '/funds/rows/1/executed'], null],
    ['the total’s 执行数 blank, taken from sources one of which is blank', [T({ budget: '100' }), { name: '本年财政拨款', budget: '80', executed: '70' }, { name: '上年结转资金', budget: '20' }], 'national-2020', '7.00', '70.00', 'needs_review', ['FUNDS_ROW_FIGURE_MISSING', '/funds/rows/2/executed'], null],
    ['the total carries both figures: a blank source cell changes nothing', [T({ budget: '100', executed: '90' }), { name: '本年财政拨款', budget: '80', executed: '70' }, { name: '上年结转资金', budget: '20' }], 'national-2020', '9.00', '90.00', 'scored', null, 'FUNDS_ROW_FIGURE_MISSING'],
    ['total row not first: still the total (rule 17)', [{ name: '本年财政拨款', budget: '80', executed: '70' }, T({ budget: '100', executed: '90' })], 'national-2020', '9.00', '90.00', 'scored', null, null],
    ['no total row: the sum of the sources (6.3)', [{ name: '本年财政拨款', budget: '80', executed: '70' }, { name: '上年结转资金', budget: '20', executed: '20' }], 'national-2020', '9.00', '90.00', 'scored', null, null],
    ['Jiangxi 99.99 % → 7 (T17)', [T({ budget: '10000', executed: '9999' })], 'jiangxi', '7.00', '99.99', 'scored', null, null],
    ['Beijing 2016 49.88 % → 50 % → 5.00 (T4)', [T({ budget: '310.2', executed: '154.74' })], 'beijing-2016', '5.00', '50', 'scored', null, null],
  ];
  for (const [why, fundRows, policy, expScore, expRate, status, must, mustNot] of rows) {
    const r = score(funds(fundRows), policy);
    t.equal(r.funds.score, expScore, `${why}: score`);
    t.equal(r.funds.rate, expRate, `${why}: rate`);
    t.equal(r.status, status, `${why}: status`);
    t.equal(r.provisional, status === 'needs_review', `${why}: provisional`);
    if (must) t.equal(r.findings.some((f) => f.code === must[0] && f.pointer === must[1]), true, `${why}: ${must[0]} at ${must[1]}`);
    if (mustNot) t.equal(r.findings.some((f) => f.code === mustNot), false, `${why}: no ${mustNot}`);
  }
});

t.test('a funds block to review makes the total provisional, and says why', async (t) => {
  const r = score(funds([T({ budget: '100', executed: '110' })]));
  t.equal(r.total, '100.00');
  t.equal(r.explanation.total, '预算执行率得分 10.00 + 产出指标 90.00 = 100.00分（暂定：预算执行情况需人工复核）');
  t.equal(r.explanation.grade, '100.00 ≥ 90 → 优（暂定，待复核后确定）');
  const blank = score(funds([T({ budget: '100' })]));
  t.equal(blank.funds.explanation, '全年执行数未填报，执行率无法计算；得分0.00分，需人工复核');
  const f = blank.findings.find((x) => x.code === 'FUNDS_FIGURE_MISSING')!;
  t.equal(f.severity, 'error');
  t.equal(f.message, '项目资金未填报全年执行数（空白不等于0），执行率无法计算，执行率得分记0分，需人工复核');
});

t.test('a reason that says nothing is no reason (Sichuan, rule 56; 6.6.4)', async (t) => {
  // [reason, LOW_EXEC_REASON_REQUIRED expected]
  const rows: [string | undefined, boolean][] = [[undefined, true], ['无', true], ['/', true], ['无偏差', true], ['年底资金拨付滞后', false]];
  for (const [reason, expected] of rows) {
    const r = score(funds([{ name: '总额', budget: '100', executed: '80', reason }]), 'sichuan');
    t.equal(r.findings.some((f) => f.code === 'LOW_EXEC_REASON_REQUIRED'), expected, `reason ${JSON.stringify(reason)}`);
  }
});

t.test('execution points other than the policy’s are a 一级 weight that deviates (rule 3), like the others', async (t) => {
  const inds = [indicator({ points: 80 })];
  const r = score(form({ funds: { points: 20, rows: [T({ budget: '100', executed: '95' })] } }, inds));
  t.equal(r.funds.score, '19.00', '95 % × 20');
  t.equal(r.total, '99.00');
  t.equal(r.status, 'scored');
  const f = r.findings.find((x) => x.code === 'LEVEL_POINTS_DEVIATE' && x.pointer === '/funds/points');
  t.equal(f?.message, '一级指标“预算执行率”分值合计20分，政策默认10分');
  t.equal(score(form({ funds: { points: 20, rows: [T({ budget: '100', executed: '100' })] } }, inds), 'hubei').findings.some((x) => x.pointer === '/funds/points'), false, 'Hubei: 20 is its own default');
});

t.test('grade bands on the 2-decimal total, lower bound inclusive (rule 20, 6.8)', async (t) => {
  // 10 execution points + one 90-point row scored actual ÷ 100 × 90
  const rows: [string, string, string][] = [
    ['88.8889', '90.00', '优'], ['88.8778', '89.99', '良'], ['77.7778', '80.00', '良'],
    ['77.7667', '79.99', '中'], ['55.5556', '60.00', '中'], ['55.5445', '59.99', '差'],
  ];
  for (const [actual, total, grade] of rows) {
    const r = score(form({}, [indicator({ points: 90, actual: actual + '人次', deviationNote: '未完成' })]));
    t.equal(r.total, total, `actual ${actual}`);
    t.equal(r.grade, grade, `${total} → ${grade}`);
  }
});

t.test('exclude and renormalise (rule 61): only for dropped rows, never for points that do not add up', async (t) => {
  const policy: Policy = { ...jx.policies.get('national-2020')!, excludeAndRenormalise: true };
  const na = (points: number) => indicator({ name: '不适用指标', operator: '不适用', points, target: '≥1次', actual: '' });
  // 50 + 20 (不适用) + 20 + 10 = 100: the 70 that apply are rescaled to 90.
  const ok = score(form({}, [indicator({ points: 50 }), na(20), indicator({ name: 'b', points: 20 })]), policy);
  t.equal(ok.total, '100.00');
  t.equal(ok.findings.some((f) => f.code === 'RENORMALISED'), true);
  t.equal(ok.findings.some((f) => f.code === 'WEIGHT_SUM'), false);
  // 50 + 20 (不适用) + 10 + 10 = 90: rescaling must not hide the missing 10 points.
  const short = score(form({}, [indicator({ points: 50 }), na(20), indicator({ name: 'b', points: 10 })]), policy);
  t.equal(short.findings.some((f) => f.code === 'WEIGHT_SUM'), true, 'WEIGHT_SUM stands');
  t.equal(short.provisional, true);
  // A blank template row is no indicator that does not apply: nothing is rescaled, the 80 + 10 are short.
  const blank = score(form({}, [indicator({ points: 80 }), {}]), policy);
  t.equal(blank.findings.some((f) => f.code === 'RENORMALISED'), false, 'no rescaling for a blank row');
  t.equal(blank.total, '90.00');
  t.equal(blank.findings.some((f) => f.code === 'WEIGHT_SUM'), true);
});

t.test('the seed forms keep their totals (S1)', async (t) => {
  const rows: [Parameters<typeof seed>[0], string, string][] = [['01-jingban', '93.76', '88.76'], ['02-dangan', '95.00', '90.00'], ['03-dalou', '90.00', '85.00']];
  for (const [name, shanxi, national] of rows) {
    t.equal(score(seed(name), 'shanxi-2022').total, shanxi, `${name} shanxi-2022`);
    t.equal(score(seed(name), 'national-2020').total, national, `${name} national-2020`);
    t.equal(score(seed(name), 'shanxi-2022').findings.some((f) => f.pointer.startsWith('/funds') && f.severity !== 'info'), false, `${name}: no funds problem`);
  }
});

t.test('policy selection by region prefix and year (§6.9): the default outside its years says so', async (t) => {
  // [why, mofDivCode, fiscalYear, policy chosen, POLICY_YEAR_FALLBACK expected]
  const rows: [string, string | undefined, number, string, boolean][] = [
    ['Shanxi 2022', '140000', 2022, 'shanxi-2022', false],
    ['a Shanxi city (prefix 14)', '140100', 2022, 'shanxi-2022', false],
    ['Shanxi before 2022: the national policy', '140000', 2021, 'national-2020', false],
    ['Beijing 2019: its 2016 form', '110000', 2019, 'beijing-2016', false],
    ['Beijing 2020: past its 2016 form', '110000', 2020, 'national-2020', false],
    ['Zhejiang 2023: before its 2024 rule', '330000', 2023, 'national-2020', false],
    ['an unknown region: the national policy', '990000', 2023, 'national-2020', false],
    ['2015: no policy covers it; the default is used and it is said', undefined, 2015, 'national-2020', true],
  ];
  for (const [why, mofDivCode, fiscalYear, id, fallback] of rows) {
    const out = jx.scoreInput(form({ mofDivCode, fiscalYear }));
    if (!out.ok) throw new Error(why);
    t.equal(out.result.policy.id, id, why);
    t.equal(out.result.findings.some((f) => f.code === 'POLICY_YEAR_FALLBACK' && f.pointer === '/fiscalYear'), fallback, `${why}: fallback finding`);
  }
});
