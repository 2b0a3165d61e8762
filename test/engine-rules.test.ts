/**
 * Issue 8, "Rules to get right": each rule as a table, expected values from the rule text
 * (scoring-rules.md §6.4–§6.6 and the issue), never from the engine's output.
 */
import t, { type Test } from 'tap';
import { loadJixiao } from '../src/jixiao.js';
import type { Policy } from '../src/core/policy/types.js';
import { form, indicator, seed, single, type Json } from './support/forms.js';

const jx = loadJixiao();
const policy = (id: string): Policy => {
  const p = jx.policies.get(id);
  if (!p) throw new Error('no policy ' + id);
  return p;
};
function scoreWith(input: Json, p: Policy | string = 'national-2020') {
  const out = jx.scoreInput(input, { policy: typeof p === 'string' ? policy(p) : p });
  if (!out.ok) throw new Error(JSON.stringify(out.problems));
  return out.result;
}
/** The first row of a one-indicator form worth `points`, with its own finding codes. */
function row(ind: Json, p: Policy | string = 'national-2020', points = 10) {
  const r = scoreWith(single({ deviationNote: '原因已分析', ...ind }, points), p);
  const codes: string[] = r.findings.filter((f) => f.pointer.startsWith('/indicators/0/') || f.pointer === '/indicators/0').map((f) => f.code);
  return { ...r.indicators[0], codes, form: r };
}

// [why, row, expected score, expected status, codes that must appear, codes that must not]
type Case = [string, Json, string, string, string[], string[]?];

function run(t: Test, cases: Case[], p: Policy | string = 'national-2020', points = 10) {
  for (const [why, ind, score, status, must, mustNot = []] of cases) {
    const r = row(ind, p, points);
    t.equal(r.score, score, `${why}: score`);
    t.equal(r.status, status, `${why}: status`);
    for (const c of must) t.ok(r.codes.includes(c), `${why}: ${c} (got ${r.codes.join(', ')})`);
    for (const c of mustNot) t.notOk(r.codes.includes(c), `${why}: no ${c}`);
  }
}

t.test('rule 1: 是 / 否 answers depend on the target', async (t) => {
  run(t, [
    ['违规违纪 target 否, actual 是 → 0', { name: '是否存在违规违纪问题', target: '否', actual: '是' }, '0.00', 'not_met', ['ANSWER_MISMATCH']],
    ['安全事故 target 否, actual 否 → full', { name: '是否发生重大安全事故', target: '否', actual: '否' }, '10.00', 'qualitative_tier', [], ['ANSWER_MISMATCH', 'REASON_REQUIRED']],
    ['target 是, actual 是 → full', { name: '是否按规定公示', target: '是', actual: '是' }, '10.00', 'qualitative_tier', []],
    ['target 是, actual 否 → 0', { name: '是否按规定公示', target: '是', actual: '否' }, '0.00', 'not_met', ['ANSWER_MISMATCH']],
    ['是 against 及时 → review', { name: '完成及时性', target: '及时', actual: '是' }, '0.00', 'needs_review', ['ANSWER_UNCLEAR']],
    ['是 against ≥95% → review', { name: '合格率', target: '≥95%', actual: '是' }, '0.00', 'needs_review', ['ANSWER_UNCLEAR']],
    ['opposite answer, manual 3 in tier C [0, 6) → 3', { name: '是否存在违规', target: '否', actual: '是', manualScore: 3 }, '3.00', 'partly_met', []],
    ['opposite answer, manual 7 outside tier C → 0', { name: '是否存在违规', target: '否', actual: '是', manualScore: 7 }, '0.00', 'not_met', ['QUAL_SCORE_OUT_OF_RANGE']],
  ]);
});

t.test('rule 2: an actual repeating the target; 无 under a zero count', async (t) => {
  run(t, [
    ['及时 / 及时', { name: '完成及时性', target: '及时', actual: '及时' }, '10.00', 'qualitative_tier', [], ['QUAL_TIER_UNKNOWN']],
    ['健全 / 健全', { name: '制度健全性', target: '健全', actual: '健全' }, '10.00', 'qualitative_tier', []],
    ['无 / 无 under 安全事故', { name: '安全事故', target: '无', actual: '无' }, '10.00', 'qualitative_tier', []],
    ['无 under =0次 is 0, achieved', { name: '安全事故发生次数', target: '=0次', actual: '无' }, '10.00', 'met', [], ['ACTUAL_MISSING']],
    ['无 under 0起 is 0, achieved', { name: '投诉事件', target: '0起', actual: '无' }, '10.00', 'met', [], ['ACTUAL_MISSING']],
    ['无 elsewhere needs review, not 缺少', { name: '培训人次', target: '≥100人次', actual: '无' }, '0.00', 'needs_review', ['ANSWER_UNCLEAR'], ['ACTUAL_MISSING']],
  ]);
});

t.test('rule 3: units of the same kind are converted; implausible ones need review', async (t) => {
  run(t, [
    ['≤90万元 with 85元: the typo', { name: '项目成本', target: '≤90万元', actual: '85元' }, '0.00', 'needs_review', ['UNIT_MISMATCH']],
    ['≥100万元 with 120元: the typo', { name: '带动投资', target: '≥100万元', actual: '120元' }, '0.00', 'needs_review', ['UNIT_MISMATCH']],
    ['≥100万元 with 1100000元 → converted, met', { name: '带动投资', target: '≥100万元', actual: '1100000元' }, '10.00', 'met', ['UNIT_CONVERTED']],
    // 950000元 = 95万元: (2 × 90 − 95) ÷ 90 × 10 = 9.444… → 9.44
    ['≤90万元 with 950000元 → reverse rule on 95万元', { name: '项目成本', target: '≤90万元', actual: '950000元' }, '9.44', 'partly_met', ['UNIT_CONVERTED']],
    // 9000万元 = 0.9亿元: 0.9 ÷ 1 × 10 = 9.00
    ['≥1亿元 with 9000万元', { name: '带动投资', target: '≥1亿元', actual: '9000万元' }, '9.00', 'partly_met', ['UNIT_CONVERTED']],
    // 400000 ÷ 420000 × 10 = 9.5238… → 9.52
    ['≥42万人 with 400000人', { name: '受益人数', target: '≥42万人', actual: '400000人' }, '9.52', 'partly_met', ['UNIT_CONVERTED']],
    ['≤90万元 with 85 (no unit) → 85万元, met', { name: '项目成本', target: '≤90万元', actual: '85' }, '10.00', 'met', [], ['UNIT_MISMATCH', 'UNIT_CONVERTED']],
    ['≤90万元 with 850000 (no unit) → implausible', { name: '项目成本', target: '≤90万元', actual: '850000' }, '0.00', 'needs_review', ['UNIT_MISMATCH']],
    ['个 / 项 are different kinds', { name: '建设数量', target: '≥10个', actual: '10项' }, '0.00', 'needs_review', ['UNIT_MISMATCH']],
    ['% / 人 are different kinds', { name: '覆盖率', target: '≥95%', actual: '95人' }, '0.00', 'needs_review', ['UNIT_MISMATCH']],
    ['厘米 is a unit, not 厘', { name: '管径', target: '≥5厘米', actual: '5厘米' }, '10.00', 'met', [], ['UNIT_MISMATCH']],
    ['元/人*月 is one unit', { name: '补助标准', target: '≥100元/人*月', actual: '100元/人*月' }, '10.00', 'met', [], ['UNIT_MISMATCH']],
    ['元/人*月 is not 元/人', { name: '补助标准', target: '≥100元/人*月', actual: '100元/人' }, '0.00', 'needs_review', ['UNIT_MISMATCH']],
  ]);
  const r = row({ name: '补助标准', target: '≥100元/人*月', actual: '100元/人*月' });
  t.equal(r.target.unit, '元/人*月', 'the compound unit is kept whole');
  t.equal(row({ name: '管径', target: '≥5厘米', actual: '5厘米' }).target.unit, '厘米');
});

t.test('rule 4: a manual score is rounded, then checked against its tier', async (t) => {
  const partly = { name: '管理制度', target: '健全', actual: '部分达成年度指标并具有一定效果' };
  run(t, [
    ['7.995 rounds to 8.00: outside B [6, 8)', { ...partly, manualScore: '7.995' }, '0.00', 'needs_review', ['QUAL_SCORE_OUT_OF_RANGE', 'NEEDS_MANUAL_SCORE']],
    ['7.994 rounds to 7.99: inside B', { ...partly, manualScore: '7.994' }, '7.99', 'qualitative_tier', [], ['QUAL_SCORE_OUT_OF_RANGE']],
  ]);
  const r = row({ ...partly, manualScore: '7.995' });
  t.match(r.explanation, /人工评分8\.00分不在/, 'the rejected manual score is named in the explanation');
  t.notMatch(r.explanation, /8\.00分（区间\[6, 8\)）/);
});

t.test('rule 5: blank rows and cleared rows', async (t) => {
  const blank = { level1: '产出指标', level2: '数量指标', name: '', target: '', actual: '', points: '' };
  for (const [why, extra] of [['template row with levels', blank], ['empty object', {}]] as const) {
    const out = jx.scoreInput(form({}, [indicator({ points: 90 }), extra]), { policy: policy('national-2020') });
    t.equal(out.ok, true, `${why}: the form stays valid`);
    if (!out.ok) continue;
    t.equal(out.result.indicators[1].status, 'skipped', `${why}: skipped`);
    t.equal(out.result.findings.find((f) => f.pointer === '/indicators/1')?.code, 'ROW_BLANK', `${why}: an info finding`);
    t.equal(out.result.pointsTotal, '100', `${why}: no points counted`);
    t.equal(out.result.total, '100.00');
  }
  const half = jx.scoreInput(form({}, [indicator({ points: 90 }), { level1: '产出指标', level2: '数量指标', name: '', points: 10 }]));
  t.equal(half.ok, false, 'a row with points but no name is not blank: REQUIRED');
  // Shanxi: the adjusted target cleared → skipped whole, even with no 分值; its points are out of both sides.
  const cleared = (others: number, points: unknown) => form({ mofDivCode: '140000' }, [indicator({ points: others }), indicator({ name: '取消的指标', initialTarget: '≥10个', target: '', actual: '', points })]);
  for (const [others, pts] of [[90, ''], [80, 10]] as const) {
    const r = scoreWith(cleared(others, pts), 'shanxi-2022');
    t.equal(r.indicators[1].status, 'skipped', `cleared row (points ${JSON.stringify(pts)}) skipped`);
    t.notOk(r.findings.some((f) => f.code === 'WEIGHT_SUM'), `cleared row (points ${JSON.stringify(pts)}): no WEIGHT_SUM`);
    t.notOk(r.findings.some((f) => f.pointer.startsWith('/indicators/1/') && f.code !== 'ROW_SKIPPED'), 'not validated');
  }
});

t.test('rule 6: a missing actual is always reported', async (t) => {
  run(t, [['both missing', { target: '', actual: '' }, '0.00', 'needs_review', ['TARGET_MISSING', 'ACTUAL_MISSING']]]);
});

t.test('rule 7: negative targets', async (t) => {
  run(t, [
    ['≥-5% with -3%: met', { name: '增长率', target: '≥-5%', actual: '-3%' }, '10.00', 'met', [], ['ACTUAL_NEGATIVE']],
    ['≥-5% with -8%: missed, review', { name: '增长率', target: '≥-5%', actual: '-8%' }, '0.00', 'needs_review', ['NEGATIVE_TARGET_MISSED']],
    ['≤-2% with -1%: missed, review', { name: '下降幅度', target: '≤-2%', actual: '-1%' }, '0.00', 'needs_review', ['NEGATIVE_TARGET_MISSED']],
    ['≥0 with -3: the clamp, met', { name: '增长率', target: '≥0', actual: '-3' }, '10.00', 'met', ['ACTUAL_NEGATIVE']],
  ]);
});

t.test('rule 8: ranges', async (t) => {
  run(t, [
    ['inside', { name: '达标率', target: '90%-95%', actual: '92%' }, '10.00', 'met', [], ['ABOVE_RANGE']],
    // 85 ÷ 90 × 10 = 9.444… → 9.44
    ['below: against the lower bound', { name: '达标率', target: '90%-95%', actual: '85%' }, '9.44', 'partly_met', []],
    ['above: full points with a warning', { name: '达标率', target: '90%-95%', actual: '98%' }, '10.00', 'met', ['ABOVE_RANGE']],
    // reverse-read: (2 × 10 − 12) ÷ 10 × 10 = 8.00
    ['above, reverse-read: the miss', { name: '单位成本', target: '5~10元', actual: '12元' }, '8.00', 'partly_met', [], ['ABOVE_RANGE']],
  ]);
  t.equal(row({ name: '达标率', target: '90%-95%', actual: '85%' }).deviation, '-0.0556', '偏离度 against the lower bound: (85 − 90) ÷ 90');
  t.equal(row({ name: '达标率', target: '90%-95%', actual: '98%' }).deviation, '0.0316', '偏离度 against the upper bound: (98 − 95) ÷ 95');
});

t.test('rule 10: a cost indicator without an operator is ≤', async (t) => {
  // (2 × 100 − 120) ÷ 100 × 10 = 8.00
  run(t, [
    ['成本指标 二级', { level2: '成本指标', name: '设备采购', target: '100万元', actual: '120万元' }, '8.00', 'partly_met', ['OPERATOR_INFERRED']],
    ['单价 in the name', { name: '设备单价', target: '5000元', actual: '4000元' }, '10.00', 'met', ['OPERATOR_INFERRED']],
  ]);
  const r = row({ name: '设备单价', target: '5000元', actual: '4000元' });
  t.equal(r.form.findings.find((f) => f.code === 'OPERATOR_INFERRED')?.severity, 'warning');
});

t.test('rule 11: Shanxi capped default cost row needs no deviation note', async (t) => {
  const cost = { level1: '产出指标', level2: '成本指标', name: '成本指标', target: '未填报', actual: '达成预期指标' };
  for (const note of ['无偏差', '']) {
    const r = scoreWith(form({ mofDivCode: '140000' }, [indicator({ points: 80 }), indicator({ ...cost, points: 10, deviationNote: note })]), 'shanxi-2022');
    t.equal(r.indicators[1].score, '5.00', `note ${JSON.stringify(note)}: capped at 5`);
    t.notOk(r.findings.some((f) => f.code === 'REASON_REQUIRED'), `note ${JSON.stringify(note)}: no REASON_REQUIRED`);
    t.equal(r.deviations.find((d) => d.index === 1)?.noteRequired, false, 'noteRequired false');
  }
});

t.test('rule 12: exact halves round half-up', async (t) => {
  run(t, [
    // 155 ÷ 600 × 3 = 0.775 exactly → 0.78
    ['positive', { name: '培训人次', target: '≥600人次', actual: '155人次' }, '0.78', 'partly_met', []],
    // (1200 − 1045) ÷ 600 × 3 = 0.775 → 0.78
    ['reverse', { name: '项目成本', target: '≤600元', actual: '1045元' }, '0.78', 'partly_met', []],
  ], 'national-2020', 3);
  // 8765 ÷ 10000 = 87.65 % → 8.765 → 8.77
  const r = scoreWith(form({ funds: { rows: [{ name: '资金总额', budget: '10000', executed: '8765' }] } }));
  t.equal(r.funds.score, '8.77');
});

t.test('a target that asks for a number and gives none is TARGET_UNPARSED, needs review (issue 10)', async (t) => {
  run(t, [
    ['operator, no number', { target: '≥%', actual: '96%' }, '0.00', 'needs_review', ['TARGET_UNPARSED'], ['QUAL_TIER_UNKNOWN', 'REASON_REQUIRED']],
    ['full-width percent, word operator', { target: '不低于％', actual: '达成预期指标' }, '0.00', 'needs_review', ['TARGET_UNPARSED'], ['QUAL_TIER_UNKNOWN']],
    ['operator and unit, no number', { target: '≥ 万人', actual: '12万人' }, '0.00', 'needs_review', ['TARGET_UNPARSED']],
    ['a quantitative operator column over a wordless target', { operator: '≥', target: '提升', actual: '达成预期指标' }, '0.00', 'needs_review', ['TARGET_UNPARSED']],
    ['and no actual either', { target: '≥%', actual: '' }, '0.00', 'needs_review', ['TARGET_UNPARSED', 'ACTUAL_MISSING']],
    ['a word target stays qualitative', { target: '及时', actual: '达成预期指标' }, '10.00', 'qualitative_tier', [], ['TARGET_UNPARSED']],
    ['a deadline stays a date', { target: '12月底前', actual: '达成预期指标' }, '10.00', 'qualitative_tier', ['DATE_TARGET'], ['TARGET_UNPARSED']],
  ]);
  const r = row({ target: '≥%', actual: '96%' });
  t.equal(r.form.provisional, true, 'the total is provisional while a target cannot be read');
});

t.test('计算符号 9 定量（其他） and 10 不适用 are not scored automatically: needs review, a manual score is taken (integration.md §1.6.1, §2.2)', async (t) => {
  run(t, [
    ['code 9 over a number', { operator: '9', target: '100', actual: '98' }, '0.00', 'needs_review', ['OPERATOR_NOT_AUTOSCORED'], ['TARGET_MISSING', 'OPERATOR_INFERRED']],
    ['定量（其他） over a text', { operator: '定量（其他）', target: '暂不确定', actual: '达成年度指标' }, '0.00', 'needs_review', ['OPERATOR_NOT_AUTOSCORED'], ['QUAL_TIER_UNKNOWN']],
    ['code 10', { operator: '10', target: '本指标不适用此项目', actual: '' }, '0.00', 'needs_review', ['OPERATOR_NOT_AUTOSCORED'], ['TARGET_MISSING', 'ACTUAL_MISSING']],
    ['不适用, nothing written', { operator: '不适用', target: '', actual: '' }, '0.00', 'needs_review', ['OPERATOR_NOT_AUTOSCORED'], ['TARGET_MISSING']],
    ['a manual score is taken', { operator: '9', target: '100', actual: '98', manualScore: '8', deviationNote: '核实后按完成情况评分' }, '8.00', 'partly_met', ['OPERATOR_NOT_AUTOSCORED']],
    ['plain 定量 is still compared', { operator: '定量', target: '≥95%', actual: '96%' }, '10.00', 'met', [], ['OPERATOR_NOT_AUTOSCORED']],
  ]);
  t.equal(row({ operator: '9', target: '100', actual: '98' }).form.provisional, true, 'the total is provisional until a person scores the row');
});

t.test('strictOperators: an actual equal to a > target is not met', async (t) => {
  const strict = { ...policy('national-2020'), quantitative: { ...policy('national-2020').quantitative, strictOperators: true } };
  run(t, [['> 95% with 95%, strict', { name: '合格率', target: '>95%', actual: '95%' }, '0.00', 'needs_review', ['STRICT_OPERATOR_NOT_MET']]], strict);
  run(t, [['> 95% with 95%, not strict', { name: '合格率', target: '>95%', actual: '95%' }, '10.00', 'met', []]]);
  t.match(row({ name: '合格率', target: '>95%', actual: '95%' }, strict).explanation, /“>95%”/, 'the operator as written');
});

t.test('explanations a finance officer can follow', async (t) => {
  const r = scoreWith(seed('01-jingban'), 'shanxi-2022');
  t.equal(r.total, '93.76');
  t.match(r.explanation.total, /^预算执行率得分 8\.76 \+ .* = 93\.76分$/, 'the total is explained');
  t.equal(r.explanation.grade, '93.76 ≥ 90 → 优');
  for (const s of [...r.subtotals.level1, ...r.subtotals.level2]) t.match(s.explanation, new RegExp(`= ${s.score}分$`), `subtotal ${s.name}`);
  const money = row({ name: '项目成本', target: '≤90万元', actual: '120万元' });
  t.match(money.explanation, /120万元/, 'the actual in the filer’s unit');
  t.match(money.explanation, /90万元/, 'the target in the filer’s unit');
  t.notMatch(money.explanation, /1200000|900000/, 'never base values');
  const review = row({ target: '≥100人次', actual: '很多' });
  t.equal(review.form.provisional, true, 'needs review → provisional');
  t.match(review.form.explanation.grade, /暂定/);
  const heavy = scoreWith(form({}, [indicator({ points: 100 })]));
  t.equal(heavy.provisional, true, 'WEIGHT_SUM → provisional');
  t.match(heavy.explanation.total, /分值合计110分/);
  t.equal(scoreWith(form()).provisional, false);
  // deviations: noteRequired, and an over-achieved row reduced by hand stays over-achieved
  const missed = row({ target: '≥100人次', actual: '50人次' });
  t.equal(missed.form.deviations[0].noteRequired, true);
  const over = row({ target: '≥100人次', actual: '150人次', deduction: 2, deductionReason: '指标值偏低' });
  t.equal(over.score, '8.00');
  t.equal(over.form.deviations[0].reason, 'over_achieved');
});
