/**
 * The 部门（单位）整体支出绩效自评表 (scoring-rules.md §4), table-driven, expected values from the rule
 * text: execution points as for projects (rule 62 → rules 13–16), the 资金来源 / 资金方向 tables
 * reconciled with the categories (rule 42, §6.7 rule 6), 资金总额 = Σ categories (rule 54), the
 * 权重比例 mode (rule 63, C9: weightscore = scoresum × ratio / 100), common department-wide
 * indicators read in their direction when no operator is written (rule 63, P11), a policy's
 * department section, and validation errors.
 */
import { readFileSync } from 'node:fs';
import t from 'tap';
import { compilePolicy } from '../src/core/policy/compile.js';
import type { Policy } from '../src/core/policy/types.js';
import { loadJixiao } from '../src/jixiao.js';

type Json = Record<string, any>;
const jx = loadJixiao();
const national = jx.policies.get('national-2020')!;

function fixture(name: string): Json {
  return JSON.parse(readFileSync(new URL(`./fixtures/department/${name}.json`, import.meta.url), 'utf8')) as Json;
}

/** A row that is met in full: ≥ target, actual at the target. */
const met = (name: string, points: number): Json => ({ level1: '产出指标', level2: '数量指标', name, target: '≥10次', actual: '10次', points });

/** A valid department form: 4 categories 1000 / 950, one goal of 90 points met in full. */
function dept(over: Json = {}): Json {
  return {
    kind: 'department', fiscalYear: 2023, agencyName: '示范单位', agencyCode: '101001', mofDivCode: '110000',
    funds: {
      rows: [
        { name: '人员类', budget: '600', executed: '600' },
        { name: '运转类公用经费', budget: '150', executed: '140' },
        { name: '其他运转类', budget: '50', executed: '40' },
        { name: '特定目标类', budget: '200', executed: '170' },
      ],
    },
    goals: [{ name: '目标一', indicators: [met('甲', 40), met('乙', 50)] }],
    ...over,
  };
}

function score(input: Json, policy: Policy = national) {
  const out = jx.scoreInput(input, { policy });
  if (!out.ok) throw new Error(JSON.stringify(out.problems));
  return out.result;
}

function policyWith(department: Json): Policy {
  const raw = JSON.parse(readFileSync(new URL('../scoring/national-2020.json', import.meta.url), 'utf8')) as Json;
  return compilePolicy({ ...raw, id: 'national-dept-test', default: false, department }, 'test');
}

t.test('execution points: Σ执行数 / Σ全年预算数 × points, as for projects (rules 13–16, 62)', async (t) => {
  // [case, category rows, rate, score, basis, codes]
  const cases: [string, Json[], string | null, string, string, string[]][] = [
    ['four categories, summed', dept().funds.rows, '95.00', '9.50', 'sum_of_rows', []],
    ['with a 资金总额 row', [{ name: '资金总额', budget: '1000', executed: '950' }, ...dept().funds.rows], '95.00', '9.50', 'total_row', []],
    ['T1: 252.83 / 221.51', [{ name: '特定目标类', budget: '252.83', executed: '221.51' }], '87.61', '8.76', 'sum_of_rows', []],
    ['zero budget (rule 16)', [{ name: '人员类', budget: '0', executed: '0' }], null, '0.00', 'sum_of_rows', ['ZERO_BUDGET']],
    ['over 100% capped, an error (rule 15)', [{ name: '人员类', budget: '100', executed: '100.5' }], '100.50', '10.00', 'sum_of_rows', ['EXEC_RATE_OVER_100']],
  ];
  for (const [name, rows, rate, points, basis, codes] of cases) {
    const r = score(dept({ funds: { rows } }));
    t.equal(r.funds.rate, rate, `${name}: rate`);
    t.equal(r.funds.score, points, `${name}: score`);
    t.equal(r.funds.basis, basis, `${name}: basis`);
    for (const c of codes) t.ok(r.summary.byCode[c], `${name}: ${c}`);
  }
  const r = score(dept());
  t.equal(r.kind, 'department');
  t.equal(r.total, '99.50', '9.50 + 90.00');
  t.equal(r.grade, '优');
  t.equal(r.explanation.total, '预算执行率得分 9.50 + 目标一 90.00 = 99.50分');
});

t.test('a funds block to review makes the department form needs review and its total provisional, as for projects', async (t) => {
  // [case, category rows, status, provisional, the total's explanation ends with]
  const cases: [string, Json[], string, boolean, string][] = [
    ['all figures written', dept().funds.rows, 'scored', false, '= 99.50分'],
    ['over 100% (rule 15): capped, an error, to review', [{ name: '人员类', budget: '100', executed: '100.5' }], 'needs_review', true, '（暂定：预算执行情况需人工复核）'],
    ['执行数 left blank: not 0, to review', [{ name: '人员类', budget: '100', executed: '' }], 'needs_review', true, '（暂定：预算执行情况需人工复核）'],
  ];
  for (const [name, rows, status, provisional, tail] of cases) {
    const r = score(dept({ funds: { rows } }));
    t.equal(r.status, status, `${name}: status`);
    t.equal(r.provisional, provisional, `${name}: provisional`);
    t.ok(r.explanation.total.endsWith(tail), `${name}: ${r.explanation.total}`);
  }
});

t.test('资金来源 and 资金方向 reconcile with the categories (rule 42), 资金总额 = Σ categories (rule 54)', async (t) => {
  const ok = [{ name: '一般公共预算', budget: '900', executed: '860' }, { name: '政府性基金预算', budget: '100', executed: '90' }];
  // [case, funds, expected findings as "code pointer"]
  const cases: [string, Json, string[]][] = [
    ['both tables agree', { sources: ok, directions: [{ name: '基本支出', budget: '750', executed: '740' }, { name: '项目支出', budget: '250', executed: '210' }] }, []],
    ['sources short by 10 in 全年预算数', { sources: [{ ...ok[0], budget: '890' }, ok[1]] }, ['FUND_TABLES_MISMATCH /funds/sources']],
    ['directions 合计 row off in 全年执行数', { directions: [{ name: '基本支出', budget: '750', executed: '740' }, { name: '项目支出', budget: '250', executed: '200' }, { name: '合计', budget: '1000', executed: '940' }] }, ['FUND_TABLES_MISMATCH /funds/directions/2/executed']],
    ['both fields of both tables off', { sources: [{ name: '一般公共预算', budget: '1', executed: '1' }], directions: [{ name: '基本支出', budget: '2', executed: '2' }] }, [
      'FUND_TABLES_MISMATCH /funds/sources', 'FUND_TABLES_MISMATCH /funds/sources', 'FUND_TABLES_MISMATCH /funds/directions', 'FUND_TABLES_MISMATCH /funds/directions',
    ]],
  ];
  for (const [name, extra, expected] of cases) {
    const r = score(dept({ funds: { ...dept().funds, ...extra } }));
    const got = r.findings.filter((f) => f.code === 'FUND_TABLES_MISMATCH').map((f) => `${f.code} ${f.pointer}`);
    t.same(got, expected, name);
    t.equal(r.department!.reconciliation.every((x) => x.equal), expected.length === 0, `${name}: reconciliation`);
  }
  const off = score(dept({ funds: { ...dept().funds, sources: [{ ...ok[0], budget: '890' }, ok[1]] } }));
  const f = off.findings.find((x) => x.code === 'FUND_TABLES_MISMATCH')!;
  t.equal(f.severity, 'error');
  t.equal(f.message, '资金来源表“全年预算数”合计990.00与资金类别合计1000.00不一致');
  t.same(off.department!.reconciliation[0], { table: 'sources', field: 'budget', pointer: '/funds/sources', sum: '990.00', expected: '1000.00', equal: false });

  // Rule 54: the 资金总额 row is the sum of the categories, above or below.
  for (const [total, pointer] of [['990', '/funds/rows/0/budget'], ['1010', '/funds/rows/0/budget']]) {
    const r = score(dept({ funds: { rows: [{ name: '资金总额', budget: total, executed: '950' }, ...dept().funds.rows] } }));
    t.same(r.findings.filter((x) => x.code === 'FUNDS_SUM_MISMATCH').map((x) => x.pointer), [pointer], `资金总额 ${total} vs Σ 1000`);
  }
});

t.test('money categories come from the province list in indicators/department.json', async (t) => {
  const rows = [{ name: '人员经费', budget: '10', executed: '10' }, { name: '特定目标类项目', budget: '10', executed: '10' }];
  // [policy, expected keys, DEPT_CATEGORY_UNKNOWN pointers]
  const cases: [string, Policy, (string | null)[], string[]][] = [
    ['default list', national, ['personnel', 'specific'], []],
    ['basic-project list', policyWith({ categoryList: 'basic-project' }), ['personnel', null], ['/funds/rows/1/name']],
  ];
  for (const [name, policy, keys, unknown] of cases) {
    const r = score(dept({ funds: { rows } }), policy);
    t.same(r.department!.categories.map((c) => c.key), keys, name);
    t.same(r.findings.filter((f) => f.code === 'DEPT_CATEGORY_UNKNOWN').map((f) => f.pointer), unknown, name);
  }
  const r = score(dept({ funds: { rows: [{ name: '办公楼修缮', budget: '10', executed: '10' }] } }));
  t.equal(r.findings.find((f) => f.code === 'DEPT_CATEGORY_UNKNOWN')!.severity, 'info');
});

t.test('权重比例 mode: a goal scores Σ indicator scores × ratio / 100 (C9)', async (t) => {
  const half = (name: string) => ({ ...met(name, 45), actual: '9次' }); // 9 / 10 × 45 = 40.50
  const goals = (r1: unknown, r2: unknown, second: Json[] = [met('丙', 45), half('丁')]) => [
    { name: 'G1', ratio: r1, indicators: [met('甲', 45), met('乙', 45)] },
    { name: 'G2', type: '重点工作任务', ratio: r2, indicators: second },
  ];
  // [case, goals, ratioMode, goal scores, total (execution 9.50 + goals), codes]
  const cases: [string, Json[], boolean | undefined, string[], string, string[]][] = [
    ['60 / 40', goals('60', '40'), undefined, ['54.00', '34.20'], '97.70', []],
    ['rounding per policy: 33.33%', goals('33.33', '66.67', [met('丙', 90)]), undefined, ['30.00', '60.00'], '99.50', []],
    ['ratios summing to 90', goals('50', '40'), undefined, ['45.00', '34.20'], '88.70', ['GOAL_RATIO_SUM']],
    ['a goal of 80 points', goals('50', '50', [met('丙', 80)]), undefined, ['45.00', '40.00'], '94.50', ['WEIGHT_SUM']],
    ['mode off: ratios ignored, plain sums', goals('60', '40', [met('丙', 0)]), false, ['90.00', '0.00'], '99.50', []],
  ];
  for (const [name, g, ratioMode, scores, total, codes] of cases) {
    const r = score(dept({ goals: g, ratioMode }));
    t.same(r.department!.goals.map((x) => x.score), scores, `${name}: goal scores`);
    t.equal(r.total, total, `${name}: total`);
    t.same(r.findings.filter((f) => f.code === 'GOAL_RATIO_SUM' || f.code === 'WEIGHT_SUM').map((f) => f.code), codes, `${name}: checks`);
  }
  const r = score(dept({ goals: goals('60', '40') }));
  t.equal(r.department!.ratioMode, true);
  t.equal(r.department!.goals[1].explanation, 'G2：（丙 45.00 + 丁 40.50）× 权重比例40% = 85.50 × 40 ÷ 100 = 34.20分');
  t.equal(r.department!.goals[1].type, '重点工作任务');
  t.equal(r.pointsTotal, '100', '10 + 90 × 60% + 90 × 40%');
  const odd = score(dept({ goals: [{ name: 'G', ratio: '33.33', indicators: [{ ...met('甲', 90), actual: '3次', deviationNote: '未完成' }] }] }));
  t.equal(odd.department!.goals[0].rawScore, '27.00', '3 / 10 × 90');
  t.equal(odd.department!.goals[0].score, '9.00', '27.00 × 33.33 / 100 = 8.9991 → 9.00 (ROUND_HALF_UP, 2 places)');
  const warn = score(dept({ goals: goals('50', '40') })).findings.find((f) => f.code === 'GOAL_RATIO_SUM')!;
  t.equal(warn.message, '权重比例模式下各目标权重比例合计为90%，应为100%');
});

t.test('common department-wide indicators without an operator are read in their direction (P11)', async (t) => {
  // [name, target, actual, points, operator (from the data), score] — formulas of rule 9 / §6.4
  const rows: [string, string, string, number, string, string][] = [
    ['财政供养人员控制率', '100%', '98%', 10, 'LE', '10.00'],
    ['预算调整率', '10%', '12%', 10, 'LE', '8.00'],
    ['结转结余率', '5%', '10%', 10, 'LE', '0.00'],
    ['“三公”经费变动率', '0%', '5%', 10, 'LE', '0.00'],
    ['"三公"经费控制率', '100%', '90%', 10, 'LE', '10.00'],
    ['公用经费控制率', '100%', '150%', 10, 'LE', '5.00'],
    ['预算完成率', '95%', '90%', 10, 'GE', '9.47'],
    ['政府采购执行率', '98%', '99%', 10, 'GE', '10.00'],
    ['固定资产利用率', '95%', '90%', 5, 'GE', '4.74'],
    ['资金使用合规性', '100%', '100%', 5, 'EQ', '5.00'],
  ];
  for (const [name, target, actual, points, op, expected] of rows) {
    const row = { level1: '产出指标', level2: '质量指标', name, target, actual, points, deviationNote: '说明' };
    const r = score(dept({ goals: [{ name: 'G', indicators: [row, met('其余', 90 - points)] }] }));
    const res = r.indicators[0];
    t.equal(res.target.operator, op, `${name}: operator`);
    t.equal(res.score, expected, `${name}: score`);
    const inferred = r.findings.find((f) => f.code === 'OPERATOR_INFERRED' && f.pointer === '/goals/0/indicators/0/target');
    t.equal(inferred?.params.operator, jx.vocabulary.symbols[op as 'LE'], `${name}: OPERATOR_INFERRED says which`);
  }
  // What the filer wrote wins: an inline operator, or a 指标性质 column.
  const written: [Json, string, string][] = [
    [{ name: '预算调整率', target: '≥10%', actual: '12%' }, 'GE', '10.00'],
    [{ name: '财政供养人员控制率', target: '100', operator: '≥', unit: '%', actual: '98' }, 'GE', '9.80'],
  ];
  for (const [over, op, expected] of written) {
    const row = { level1: '产出指标', level2: '质量指标', points: 10, deviationNote: '说明', ...over };
    const r = score(dept({ goals: [{ name: 'G', indicators: [row, met('其余', 80)] }] }));
    t.equal(r.indicators[0].target.operator, op, `${over.target}: as written`);
    t.equal(r.indicators[0].score, expected);
    t.notOk(r.findings.some((f) => f.code === 'OPERATOR_INFERRED' && f.pointer.startsWith('/goals/0/indicators/0/')), 'no inference');
  }
  // The department list does not reach project forms: there the name alone decides (≥ by default).
  const project = JSON.parse(readFileSync(new URL('./fixtures/seed/01-jingban.json', import.meta.url), 'utf8')) as Json;
  project.indicators[0] = { ...project.indicators[0], name: '财政供养人员控制率', target: '100%', actual: '98%' };
  const p = jx.scoreInput(project, { policy: national });
  t.ok(p.ok);
  if (p.ok) t.equal(p.result.indicators[0].target.operator, null, 'project form: no operator from the department list');
});

t.test('a policy department section: execution points and grade bands (rules 62, 64)', async (t) => {
  const twenty = policyWith({ budgetPoints: '20' });
  const r = score(dept({ goals: [{ name: 'G', indicators: [met('甲', 80)] }] }), twenty);
  t.equal(r.funds.points, '20.00');
  t.equal(r.funds.score, '19.00', '95% × 20');
  t.equal(r.total, '99.00');
  t.equal(r.findings.some((f) => f.code === 'WEIGHT_SUM'), false, '20 + 80 = 100');
  const older = policyWith({ grades: [{ min: '80', label: '优', code: '1' }, { min: '70', label: '良', code: '2' }, { min: '60', label: '中', code: '3' }, { min: '0', label: '差', code: '4' }] });
  const low = dept({ goals: [{ name: 'G', indicators: [met('甲', 45), { ...met('乙', 45), actual: '4次', deviationNote: '未完成' }] }] });
  // 9.50 + 45 + 18.00 = 72.50: 中 under 10号's bands, 良 under the older 80/70/60 (C5)
  t.equal(score(low).total, '72.50');
  t.equal(score(low).grade, '中');
  t.equal(score(low, older).grade, '良');
  t.equal(score(low, older).policy.id, 'national-dept-test');
  t.equal(jx.policies.get('shanxi-2022')!.department, undefined, 'the policies in scoring/ have no department section');
});

t.test('validation errors, each with its pointer', async (t) => {
  const { goals: _g, ...noGoals } = dept();
  const { agencyName: _a, ...noUnit } = dept();
  // [case, input, expected "code pointer"]
  const cases: [string, Json, string][] = [
    ['no goals', noGoals, 'REQUIRED /goals'],
    ['empty goals', dept({ goals: [] }), 'INVALID_VALUE /goals'],
    ['no category rows', dept({ funds: { rows: [] } }), 'EMPTY_FUNDS /funds/rows'],
    ['no unit name', noUnit, 'REQUIRED /agencyName'],
    ['a row without points', dept({ goals: [{ indicators: [{ level1: '产出指标', level2: '数量指标', name: '甲', target: '1', actual: '1' }] }] }), 'REQUIRED /goals/0/indicators/0/points'],
    ['a negative source', dept({ funds: { ...dept().funds, sources: [{ name: '一般公共预算', budget: '-1', executed: '0' }] } }), 'NEGATIVE_NUMBER /funds/sources/0/budget'],
    ['元 in a 万元 form', dept({ funds: { ...dept().funds, directions: [{ name: '基本支出', budget: '5元', executed: '0' }] } }), 'MONEY_UNIT_MISMATCH /funds/directions/0/budget'],
    ['a goal type', dept({ goals: [{ type: '任务', indicators: [] }] }), 'INVALID_VALUE /goals/0/type'],
    ['a ratio that is no number', dept({ goals: [{ ratio: 'abc', indicators: [] }] }), 'NOT_A_NUMBER /goals/0/ratio'],
    ['more than 500 rows across goals', dept({ goals: Array.from({ length: 11 }, (_, g) => ({ indicators: Array.from({ length: 50 }, (_, i) => met(`${g}-${i}`, 1)) })) }), 'TOO_MANY_ITEMS /goals'],
  ];
  for (const [name, input, expected] of cases) {
    const out = jx.scoreInput(input);
    t.equal(out.ok, false, name);
    if (!out.ok) t.ok(out.problems.some((p) => `${p.code} ${p.pointer}` === expected), `${name}: ${expected} in ${out.problems.map((p) => p.code + ' ' + p.pointer).join(', ')}`);
  }
  const extra = jx.scoreInput(dept({ goals: [{ name: 'G', foo: 1, indicators: [met('甲', 90)] }] }));
  t.ok(extra.ok);
  if (extra.ok) t.same(extra.result.findings.filter((f) => f.code === 'UNKNOWN_FIELD').map((f) => f.pointer), ['/goals/0/foo']);
  const dup = score(dept({ goals: [{ name: 'G', indicators: [met('甲', 45), met('甲', 45)] }, { name: 'H', indicators: [met('甲', 0)] }] }));
  t.same(dup.findings.filter((f) => f.code === 'DUPLICATE_INDICATOR').map((f) => f.pointer), ['/goals/0/indicators/1/name'], 'the same name in two goals is no duplicate');
});

t.test('fixture (a): the seed department-wide paragraph — all zeros', async (t) => {
  const out = jx.scoreInput(fixture('seed-shebao-2022'));
  t.ok(out.ok);
  if (!out.ok) return;
  const r = out.result;
  t.equal(r.policy.id, 'shanxi-2022', '140000, 2022');
  t.equal(r.total, '0.00', '得分为0分');
  t.equal(r.funds.budget, '0.00', '全年预算数为0万元');
  t.equal(r.funds.executed, '0.00', '执行数为0万元');
  t.equal(r.funds.rate, null, '执行率 not computable (the narrative prints 0%, rule 16)');
  t.equal(r.form.proName, '山西省社会保险局部门（单位）整体支出');
  t.same(r.department!.reconciliation.map((x) => x.equal), [true, true], 'four 预算 kinds, all 0');
  t.same(r.findings.map((f) => f.code), ['ZERO_BUDGET', 'WEIGHT_SUM'], 'no indicator rows: the points do not add up');
  t.equal(r.provisional, true);
});

t.test('fixture (b): the complete hand-built form', async (t) => {
  const out = jx.scoreInput(fixture('complete-2023'));
  t.ok(out.ok);
  if (!out.ok) return;
  const r = out.result;
  t.equal(r.funds.rate, '95.00');
  t.equal(r.funds.score, '9.50');
  t.same(r.department!.goals.map((g) => [g.name, g.points, g.score]), [['保障机构正常运转', '50', '48.00'], ['社会保险经办服务', '40', '39.74']]);
  t.equal(r.total, '97.24');
  t.equal(r.grade, '优');
  t.equal(r.summary.errors, 0);
  t.notOk(r.findings.some((f) => f.code === 'TOTAL_MISMATCH' || f.code === 'GRADE_MISMATCH'), 'the filed 97.24 优 agrees');
  t.same(r.indicators.map((i) => i.pointer).slice(4, 6), ['/goals/0/indicators/4', '/goals/1/indicators/0']);
  t.same(r.deviations.map((d) => [d.pointer, d.noteGiven]), [['/goals/0/indicators/2', true], ['/goals/1/indicators/3', true]]);
  t.equal(r.department!.directions!.basis, 'total_row');
  t.equal(out.form.proName, '示范市社会保险事业服务中心部门（单位）整体支出');
  t.equal(out.department!.goals.length, 2);
  const brief = jx.scoreLean(fixture('complete-2023'), {});
  t.ok(brief.ok);
  if (brief.ok) t.same(brief.lean.brief().indicators.map((i) => i.score), r.indicators.map((i) => i.score));
});
