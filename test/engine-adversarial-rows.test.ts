/**
 * Indicator rows an adversarial reviewer would write: values whose *meaning* the bare number does
 * not carry. Expected values come from the rule text (scoring-rules.md §6.2, §6.4; issue 8 rules),
 * and where the rules are silent the row must be needs-review with a finding, never a confident score.
 */
import t, { type Test } from 'tap';
import { loadJixiao } from '../src/jixiao.js';
import { compare } from './support/differential.js';
import { single, type Json } from './support/forms.js';

const jx = loadJixiao();
/** Every form scored here, compared with the oracle (test/oracle/) at the end. */
const seen: Json[] = [];

function row(ind: Json, policy = 'national-2020') {
  const form = single({ deviationNote: '原因已分析', ...ind }, 10);
  seen.push(form);
  const out = jx.scoreInput(form, { policy: jx.policies.get(policy)! });
  if (!out.ok) throw new Error(JSON.stringify(out.problems));
  const r = out.result.indicators[0];
  const codes: string[] = out.result.findings.filter((f) => f.pointer === '/indicators/0' || f.pointer.startsWith('/indicators/0/')).map((f) => f.code);
  return { ...r, codes };
}

// [why, target, actual, expected score, expected status, codes that must appear, codes that must not, more fields]
type Case = [string, string, string, string, string, string[], string[]?, Json?];

function run(t: Test, cases: Case[]) {
  for (const [why, target, actual, score, status, must, mustNot = [], more = {}] of cases) {
    const r = row({ name: '测试指标', target, actual, ...more });
    t.equal(r.score, score, `${why}: score`);
    t.equal(r.status, status, `${why}: status`);
    for (const c of must) t.ok(r.codes.includes(c), `${why}: ${c} (got ${r.codes.join(', ')})`);
    for (const c of mustNot) t.notOk(r.codes.includes(c), `${why}: no ${c}`);
  }
}

t.test('ranges in other spellings (issue 8 rule 8: inside → full, below → against the lower bound)', async (t) => {
  run(t, [
    ['interval notation is a range, not 90100', '[90,100]', '95', '10.00', 'met', [], ['OPERATOR_INFERRED']],
    ['interval with percent, below: 85 ÷ 90 × 10', '[90%,100%]', '85%', '9.44', 'partly_met', []],
    ['full-width brackets and comma', '【90，100】%', '95%', '10.00', 'met', []],
    ['a lower and an upper bound are one range', '≥95%且≤100%', '96%', '10.00', 'met', [], ['VALUE_AMBIGUOUS']],
    ['below the lower bound of a bound pair: 90 ÷ 95 × 10', '≥95%且≤100%', '90%', '9.47', 'partly_met', []],
    ['above a bound pair: full points with ABOVE_RANGE', '不低于95%,不高于100%', '101%', '10.00', 'met', ['ABOVE_RANGE']],
  ]);
});

t.test('several numbers in one value: which one counts is not guessed (needs review)', async (t) => {
  run(t, [
    ['target with a second condition', '2项，其中1项省级', '2项', '0.00', 'needs_review', ['VALUE_AMBIGUOUS']],
    ['two numbers that are not a bound pair', '≥95%且100%', '96%', '0.00', 'needs_review', ['VALUE_AMBIGUOUS']],
    ['actual with a second count', '≥100个', '100个（含在建20个）', '0.00', 'needs_review', ['VALUE_AMBIGUOUS']],
  ]);
});

t.test('approximate values: the rules give no test for "about" (needs review unless equal)', async (t) => {
  run(t, [
    ['约 target, actual below', '约95%', '90%', '0.00', 'needs_review', ['TARGET_APPROXIMATE']],
    ['左右 target, actual above', '95%左右', '99%', '0.00', 'needs_review', ['TARGET_APPROXIMATE']],
    ['约 target, actual equal: the "=" rule applies', '约95%', '95%', '10.00', 'met', [], ['TARGET_APPROXIMATE']],
    ['约 in the actual', '≥95%', '约98%', '0.00', 'needs_review', ['ACTUAL_NOT_EXACT'], ['ACTUAL_HAS_OPERATOR']],
    ['近 in the actual means below', '≥100个', '近100个', '0.00', 'needs_review', ['ACTUAL_NOT_EXACT']],
    ['an actual copying an approximate target is its value', '约12000平方米', '约12000平方米', '10.00', 'met', ['ACTUAL_HAS_OPERATOR'], ['ACTUAL_NOT_EXACT', 'TARGET_APPROXIMATE']],
    ['an approximate actual under an approximate target, other value', '约12000平方米', '约11000平方米', '0.00', 'needs_review', ['ACTUAL_NOT_EXACT']],
  ]);
});

t.test('an operator in the actual: a copy of the target\'s is stripped (§6.2.4), a bound the other way is not', async (t) => {
  run(t, [
    ['copied ≥ (S1 style)', '≥98%', '≥99%', '10.00', 'met', ['ACTUAL_HAS_OPERATOR']],
    ['copied "以上" under ≥', '≥100个', '100个以上', '10.00', 'met', ['ACTUAL_HAS_OPERATOR']],
    ['copied ≤ under ≤', '≤5%', '＜3%', '10.00', 'met', ['ACTUAL_HAS_OPERATOR']],
    ['≤ under a zero "=" target', '=0次', '≤0次', '10.00', 'met', []],
    ['≤ under ≥: an upper bound says nothing of reaching 100', '≥100个', '≤100个', '0.00', 'needs_review', ['ACTUAL_NOT_EXACT']],
    ['未达到 is below, never the number', '100个以上', '未达到100个', '0.00', 'needs_review', ['ACTUAL_NOT_EXACT']],
    ['不到 under ≥', '≥95%', '不到95%', '0.00', 'needs_review', ['ACTUAL_NOT_EXACT']],
    ['≥ under ≤: a lower bound says nothing of staying under', '≤90万元', '≥80万元', '0.00', 'needs_review', ['ACTUAL_NOT_EXACT']],
    ['a bound under a range', '90%-100%', '≥95%', '0.00', 'needs_review', ['ACTUAL_NOT_EXACT']],
    ['超过 under ≤', '≤90万元', '超过90万元', '0.00', 'needs_review', ['ACTUAL_NOT_EXACT']],
    ['低于 under ≤ agrees', '≤90万元', '低于90万元', '10.00', 'met', ['ACTUAL_HAS_OPERATOR']],
  ]);
});

t.test('a unitless actual up to 1 under a percent target may be a ratio (needs review, never 0.01 of the points)', async (t) => {
  run(t, [
    ['0.95 under ≥95%', '≥95%', '0.95', '0.00', 'needs_review', ['UNIT_MISMATCH']],
    ['0.5 under ≤5%: 0.5 % is met, 50 % is 0', '≤5%', '0.5', '0.00', 'needs_review', ['UNIT_MISMATCH']],
    ['0.95% is written as a percent: the ratio rule applies, 0.95 ÷ 95 × 10', '≥95%', '0.95%', '0.10', 'partly_met', [], ['UNIT_MISMATCH']],
    ['96 without a unit takes the target\'s percent', '≥95%', '96', '10.00', 'met', [], ['UNIT_MISMATCH']],
    ['a target at or below 1 %: no ratio reading', '≥0.5%', '0.3', '6.00', 'partly_met', [], ['UNIT_MISMATCH']],
  ]);
});

t.test('a change stated in the actual must point the way the target asks (the bare number would have the wrong sign)', async (t) => {
  run(t, [
    ['上升 under 下降≥', '下降≥5%', '上升6%', '0.00', 'needs_review', ['ACTUAL_NOT_EXACT']],
    ['下降 under a target with no direction', '≥5%', '下降3%', '0.00', 'needs_review', ['ACTUAL_NOT_EXACT']],
    ['下降 under 增长≥', '增长≥5%', '下降3%', '0.00', 'needs_review', ['ACTUAL_NOT_EXACT']],
    ['提前5天 is a margin, not a duration', '≤30天', '提前5天完成', '0.00', 'needs_review', ['ACTUAL_NOT_EXACT']],
    ['延期3天 under ≤30天 is not 3 days', '≤30天', '延期3天', '0.00', 'needs_review', ['ACTUAL_NOT_EXACT']],
    ['a margin the target asks for is compared', '提前≥5天', '提前4天', '8.00', 'partly_met', [], ['ACTUAL_NOT_EXACT']],
    ['same direction: the ratio rule, 3 ÷ 5 × 10', '增长≥5%', '增长3%', '6.00', 'partly_met', [], ['ACTUAL_NOT_EXACT']],
    ['same direction: met, and 6 ≥ 1.2 × 5 is flagged (§6.4)', '下降≥5%', '下降6%', '10.00', 'over_achieved', ['OVERACHIEVED'], ['ACTUAL_NOT_EXACT']],
  ]);
});

t.test('quarters are dates, not counts (§6.2.3: dates are qualitative; an actual date needs review)', async (t) => {
  run(t, [
    ['Q4 against Q3 is not 3 ÷ 4', 'Q4', 'Q3', '0.00', 'needs_review', ['DATE_TARGET', 'QUAL_TIER_UNKNOWN']],
    ['第4季度 against 3季度', '第4季度', '3季度', '0.00', 'needs_review', ['DATE_TARGET', 'QUAL_TIER_UNKNOWN']],
    ['a quarter target answered with an official label', '第4季度', '达成预期指标', '10.00', 'qualitative_tier', ['DATE_TARGET']],
  ]);
});

t.test('qualitative synonyms count only where they mean what the target asks (§6.2: other text → review)', async (t) => {
  run(t, [
    ['提升 under 下降', '下降', '提升', '0.00', 'needs_review', ['QUAL_MEANING_CONFLICT']],
    ['明显提高 under 降低', '降低', '明显提高', '0.00', 'needs_review', ['QUAL_MEANING_CONFLICT']],
    ['有所提升 under 明显提升', '明显提升', '有所提升', '0.00', 'needs_review', ['QUAL_MEANING_CONFLICT']],
    ['提升 under 显著提升', '显著提升', '提升', '0.00', 'needs_review', ['QUAL_MEANING_CONFLICT']],
    ['合格 under 优秀', '优秀', '合格', '0.00', 'needs_review', ['QUAL_MEANING_CONFLICT']],
    ['良 under 优: the tier the policy gives 良 (manual score in tier B)', '优', '良', '0.00', 'needs_review', ['NEEDS_MANUAL_SCORE'], ['QUAL_MEANING_CONFLICT']],
    ['达标 (not a grade) under 良好', '良好', '达标', '0.00', 'needs_review', ['QUAL_MEANING_CONFLICT']],
    ['良 repeats 良好: achieved (issue 8 rule 2)', '良好', '良', '10.00', 'qualitative_tier', ['QUAL_TIER_INFERRED'], ['NEEDS_MANUAL_SCORE']],
    ['优 above 良好: achieved', '良好', '优', '10.00', 'qualitative_tier', []],
    ['the same word: achieved', '提升', '提升', '10.00', 'qualitative_tier', [], ['QUAL_MEANING_CONFLICT']],
    ['stronger than asked: achieved', '提升', '明显提升', '10.00', 'qualitative_tier', [], ['QUAL_MEANING_CONFLICT']],
    ['strong and strong: achieved', '效果显著', '明显提升', '10.00', 'qualitative_tier', [], ['QUAL_MEANING_CONFLICT']],
    ['official label under a strong target: the rules\' own tier', '显著提升', '达成年度指标', '10.00', 'qualitative_tier', [], ['QUAL_MEANING_CONFLICT']],
    ['a tier-C synonym stays tier C (manual score)', '明显提升', '不合格', '0.00', 'needs_review', ['NEEDS_MANUAL_SCORE'], ['QUAL_MEANING_CONFLICT']],
  ]);
});

t.test('a misspelt 成本 二级 is still a cost row (issue 8 rule 10: no operator on a cost indicator is ≤)', async (t) => {
  run(t, [
    ['成本指木: 100 against 90 is (1 − 10 ÷ 90) × 10', '90万元', '100万元', '8.89', 'partly_met', ['LEVEL_UNKNOWN', 'OPERATOR_INFERRED'], [], { level2: '成本指木', name: '项目总额' }],
    ['an unknown 二级 without a cost word keeps "="', '90万元', '100万元', '10.00', 'met', ['LEVEL_UNKNOWN', 'OPERATOR_INFERRED'], [], { level2: '数量指木', name: '项目总额' }],
  ]);
});

t.test('the explanation writes the operator where the filer did, never a column code', async (t) => {
  const cases: Array<[string, Json, string]> = [
    ['suffix operator after the value', { target: '95%以上', actual: '94%' }, '指标值95%以上，实际值94%'],
    ['prefix word before the value', { target: '不少于95%', actual: '94%' }, '指标值不少于95%，实际值94%'],
    ['计算符号 code 1 is shown as ≥', { target: '95', actual: '90', operator: '1', unit: '%' }, '指标值≥95%，实际值90%'],
    ['column word 反向 is shown as ≤', { target: '95%', actual: '90%', operator: '反向' }, '指标值≤95%，实际值90%'],
  ];
  for (const [why, ind, head] of cases) {
    const r = row({ name: '测试指标', ...ind });
    t.equal(r.explanation.slice(0, head.length), head, why);
  }
});

t.test('the oracle (decimal.js reference of the rules) agrees on every row above', async (t) => {
  t.ok(seen.length >= 50, `${seen.length} forms`);
  for (const [i, form] of seen.entries()) {
    for (const lang of ['zh', 'en'] as const) {
      const diffs = compare(`row ${i}`, form, 'national-2020', lang);
      t.equal(diffs.length, 0, `row ${i} (${lang}): ${diffs.map((d) => `${d.what}: ${d.expected} ≠ ${d.actual}`).join('; ')}`);
    }
  }
});

t.test('Shanxi default cost row (rule 35) with a blank actual: ACTUAL_MISSING is reported (§6.6.6, issue 8 rule 6)', async (t) => {
  const form = single({ name: '成本指标', level2: '成本指标', target: '未填报', actual: '', deviationNote: '' }, 10);
  const out = jx.scoreInput(form, { policy: jx.policies.get('shanxi-2022')! });
  if (!out.ok) throw new Error(JSON.stringify(out.problems));
  const r = out.result.indicators[0];
  t.equal(r.score, '0.00');
  t.equal(r.status, 'needs_review');
  t.equal(r.findings.includes('ACTUAL_MISSING'), true, r.findings.join(', '));
  t.equal(r.findings.includes('QUAL_TIER_UNKNOWN'), false);
  t.equal(compare('shanxi cost row', form, 'shanxi-2022', 'zh').length, 0, 'the oracle agrees');
});

t.test('a deduction the policy does not allow is said, not dropped silently', async (t) => {
  const base = jx.policies.get('national-2020')!;
  const policy = { ...base, manualDeduction: false };
  const form = single({ name: '测试指标', target: '≥95%', actual: '96%', deduction: 2, deviationNote: '原因已分析' }, 10);
  const out = jx.scoreInput(form, { policy });
  if (!out.ok) throw new Error(JSON.stringify(out.problems));
  const r = out.result.indicators[0];
  t.equal(r.score, '10.00', 'the formula score stands');
  t.equal(r.findings.includes('DEDUCTION_NOT_ALLOWED'), true, r.findings.join(', '));
  t.equal(r.explanation.includes('扣减2分未计入'), true, r.explanation);
});
