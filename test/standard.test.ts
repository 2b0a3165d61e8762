/**
 * The 一体化 standard shape without HTTP (issue 12 item 1): every fixture form round-trips through
 * it with identical scores; computesign 1–6 give what the text operators give, 9 / 10 need review;
 * 元 and 万元 twins score the same; garbage is refused with pointers in the standard body's terms;
 * the README's mapping table is the one generated from the code.
 */
import { readFileSync, readdirSync } from 'node:fs';
import t from 'tap';
import type { ScoreResult } from '../src/core/model/result.js';
import { importWorkbook } from '../src/excel/import/index.js';
import { loadJixiao } from '../src/jixiao.js';
import {
  COLUMNS,
  formToStandard,
  isStandardShape,
  mappingMarkdown,
  scoreAny,
  standardAnswer,
  standardKey,
  standardPointer,
  standardToForm,
  stripUnknown,
  type Json,
} from '../src/standard/index.js';
import { loadStandardCodes } from '../src/standard/load.js';

const jx = loadJixiao();
const codes = loadStandardCodes();
const SEED_DIR = new URL('./fixtures/seed/', import.meta.url);
const XLSX_DIR = new URL('./fixtures/xlsx/', import.meta.url);
const read = (u: URL) => JSON.parse(readFileSync(u, 'utf8')) as Json;
const clone = <T>(v: T): T => structuredClone(v);

function scored(body: unknown): ScoreResult {
  const out = scoreAny(jx, body, codes);
  if (!out.ok) throw new Error('not scored: ' + JSON.stringify(out.problems.slice(0, 3)));
  return out.lean.full();
}

function problemsOf(body: unknown): { code: string; pointer: string }[] {
  const out = scoreAny(jx, body, codes);
  if (out.ok) throw new Error('scored, expected problems');
  return out.problems.map((p) => ({ code: p.code, pointer: p.pointer }));
}

/** Total, grade, 执行率 and each indicator's score and status: what must survive the round trip. */
function scores(r: ScoreResult) {
  return { total: r.total, grade: r.grade, rate: r.funds.rate, fundScore: r.funds.score, indicators: r.indicators.map((i) => [i.index, i.score, i.status]) };
}

async function fixtureForms(): Promise<{ name: string; form: Json }[]> {
  const out: { name: string; form: Json }[] = [];
  for (const f of readdirSync(SEED_DIR).filter((f) => f.endsWith('.json'))) out.push({ name: f, form: read(new URL(f, SEED_DIR)) });
  for (const f of readdirSync(XLSX_DIR).filter((f) => f.endsWith('.json'))) out.push({ name: f, form: read(new URL(f, XLSX_DIR)) });
  for (const f of readdirSync(XLSX_DIR).filter((f) => f.endsWith('.xlsx'))) {
    const r = await importWorkbook(readFileSync(new URL(f, XLSX_DIR)));
    if (!r.ok) continue;
    r.forms.forEach((it, i) => out.push({ name: `${f}#${i}`, form: it.form as Json }));
  }
  return out;
}

t.test('every fixture form round-trips through the standard shape with identical scores', async (t) => {
  const forms = await fixtureForms();
  t.ok(forms.length >= 12, `${forms.length} forms (seeds, JSON fixtures and imported workbooks)`);
  for (const { name, form } of forms) {
    const direct = jx.scoreInput(form);
    if (!direct.ok) continue;
    for (const unit of [undefined, '元', '万元'] as const) {
      const std = formToStandard(form, codes, { moneyUnit: unit });
      t.equal(isStandardShape(std.body), true);
      t.same(std.findings, [], `${name}: everything placed`);
      const viaStandard = scored(std.body);
      t.same(scores(viaStandard), scores(direct.result), `${name} through the standard shape in ${unit ?? 'its own unit'}`);
    }
  }
});

/** A small national-2020 standard body in 元: one 10-point fund row and indicators for 90 points. */
function body(indicators: Json[], over: Json = {}): Json {
  return {
    pm_perf_self_eval: { eval_id: 'E-1', fiscal_year: '2023', mof_div_code: '110000', agency_code: '101001', pro_code: '11000023Y000000000001', pro_name: '测试项目', ...over },
    pm_perf_self_bgt: [{ found_type_code: '1', found_type_name: '资金总额', cur_amt: 1000000, year_exe_amt: 950000 }],
    pm_self_eval_indicator: indicators,
  };
}
const row = (over: Json): Json => ({ lv1_perf_ind_name: '产出指标', lv2_perf_ind_name: '数量指标', lv3_perf_ind_name: '培训人次', ind_weight: 90, ...over });

t.test('computesign 1–6 score as the operators written in kpi_val', async (t) => {
  const cases: [string, Json, Json][] = [
    ['1 ≥', { computesign: 1, indexval: '100', meterunit: '人次', ind_comp: '80人次' }, { kpi_val: '≥100人次', ind_comp: '80人次' }],
    ['2 ＞', { computesign: '2', indexval: '100', meterunit: '人次', ind_comp: '120人次' }, { kpi_val: '＞100人次', ind_comp: '120人次' }],
    ['3 ＝', { computesign: 3, indexval: '100', meterunit: '%', ind_comp: '90%' }, { kpi_val: '=100%', ind_comp: '90%' }],
    ['4 ＜', { computesign: 4, indexval: '5', meterunit: '次', ind_comp: '8次' }, { kpi_val: '<5次', ind_comp: '8次' }],
    ['5 ≤', { computesign: 5, indexval: '30', meterunit: '万元', ind_comp: '36万元' }, { kpi_val: '≤30万元', ind_comp: '36万元' }],
    ['6 定性', { computesign: 6, indexval: '及时', ind_comp: '部分达成年度指标并具有一定效果', jx_manual_score: 60 }, { kpi_val: '及时', ind_comp: '部分达成年度指标并具有一定效果', jx_manual_score: 60 }],
  ];
  for (const [label, structured, text] of cases) {
    const a = scored(body([row(structured)]));
    const b = scored(body([row(text)]));
    t.same(scores(a), scores(b), `computesign ${label}`);
    t.equal(a.status, b.status);
  }
});

t.test('computesign overrides the operator written in the text, and kpi_val is composed on output', async (t) => {
  const r = scored(body([row({ kpi_val: '≥30万元', computesign: 5, ind_comp: '24万元' })]));
  t.equal(r.indicators[0].target.operator, 'LE');
  t.equal(r.indicators[0].score, '90.00');
  t.ok(r.findings.some((f) => f.code === 'OPERATOR_CONFLICT' && f.pointer === '/pm_self_eval_indicator/0/computesign'));
  const input = body([row({ computesign: 1, indexval: '95', meterunit: '%', actualvalue: '96%' })]);
  const out = scoreAny(jx, input, codes);
  if (!out.ok) throw new Error('not scored');
  const ans = standardAnswer(out, input, codes);
  const ind = ans.pm_self_eval_indicator![0];
  t.equal(ind.kpi_val, '≥95%');
  t.equal(ind.eval_score, '90.00');
  t.equal(ans.pm_perf_self_eval.total_eval_value, '99.50');
  t.equal(ans.pm_perf_self_bgt![0].exe_amt_rate, '95.00');
  t.equal(ans.pm_perf_self_bgt![0].exe_score, '9.50');
  t.equal(ans.moneyUnit, '元');
  t.same(Object.keys(ans).at(-1), 'jixiao', 'everything jixiao adds is under one key, last');
  t.equal((ans.jixiao as ScoreResult).grade, '优');
  // A row that came as text keeps its kpi_val as written.
  const plain = body([row({ kpi_val: '≥95%', ind_comp: '96%', score: 80 })]);
  const o2 = scoreAny(jx, plain, codes);
  if (!o2.ok) throw new Error('not scored');
  const a2 = standardAnswer(o2, plain, codes, 'brief');
  t.equal(a2.pm_self_eval_indicator![0].kpi_val, '≥95%');
  t.equal(a2.pm_self_eval_indicator![0].score, '90.00', 'the vendor score column is filled when sent');
  t.equal('explanation' in a2.jixiao, false, 'detail=brief puts the BriefResult under jixiao');
});

t.test('computesign 9 and 10 are never scored with confidence: needs review with a finding', async (t) => {
  for (const [sign, over] of [
    [9, { kpi_val: '100', ind_comp: '98', jx_initial_kpi_val: '100' }],
    ['9', { indexval: '暂不确定', ind_comp: '达成年度指标' }],
    [10, { kpi_val: '本指标不适用此项目', ind_comp: '' }],
  ] as const) {
    const r = scored(body([row({ computesign: sign, ...over })]));
    t.equal(r.indicators[0].status, 'needs_review', `computesign ${sign}`);
    t.equal(r.indicators[0].score, '0.00');
    t.equal(r.status, 'needs_review');
    t.equal(r.provisional, true);
    const f = r.findings.find((x) => x.code === 'OPERATOR_NOT_AUTOSCORED');
    t.equal(f?.pointer, '/pm_self_eval_indicator/0/computesign');
    t.equal(f?.severity, 'warning');
  }
});

t.test('a 万元 form and its 元 standard twin give the same 执行率 and scores; the unit is never guessed', async (t) => {
  const form = read(new URL('01-jingban.json', SEED_DIR));
  const wan = scored(form);
  const yuan = formToStandard(form, codes, { moneyUnit: '元' }).body;
  const bgt = (yuan.pm_perf_self_bgt as Json[])[0];
  t.equal(bgt.cur_amt, '2528300');
  t.equal(bgt.year_exe_amt, '2215100');
  const r = scored(yuan);
  t.equal(r.funds.moneyUnit, '元');
  t.equal(r.funds.rate, wan.funds.rate);
  t.equal(r.funds.score, wan.funds.score);
  t.equal(r.total, wan.total);
  // No moneyUnit: 元, even for amounts that look like 万元.
  const small = body([row({ kpi_val: '≥1人次', ind_comp: '1人次' })]);
  (small.pm_perf_self_bgt as Json[])[0] = { found_type_name: '资金总额', cur_amt: '252.83', year_exe_amt: '221.51' };
  t.equal(scored(small).funds.moneyUnit, '元');
  t.equal(standardToForm(small, codes).form.moneyUnit, '元');
  t.equal(standardToForm({ ...small, moneyUnit: '万元' }, codes).form.moneyUnit, '万元');
  t.equal(scored({ ...small, moneyUnit: '万元' }).funds.rate, scored(small).funds.rate);
});

t.test('garbage in standard fields is refused with pointers in the standard body\'s terms', async (t) => {
  const ok = row({ kpi_val: '≥1人次', ind_comp: '1人次' });
  const cases: [string, Json, string, string][] = [
    ['computesign outside the code list', body([row({ kpi_val: '1', ind_comp: '1', computesign: 7 })]), 'INVALID_VALUE', '/pm_self_eval_indicator/0/computesign'],
    ['weight not a number', body([row({ kpi_val: '1', ind_comp: '1', ind_weight: 'abc' })]), 'NOT_A_NUMBER', '/pm_self_eval_indicator/0/ind_weight'],
    ['vendor weight not a number', body([{ ...row({ kpi_val: '1', ind_comp: '1' }), ind_weight: undefined, actualweight: 'x' }]), 'NOT_A_NUMBER', '/pm_self_eval_indicator/0/actualweight'],
    ['negative budget', { ...body([ok]), pm_perf_self_bgt: [{ found_type_name: '资金总额', cur_amt: -5, year_exe_amt: 1 }] }, 'NEGATIVE_NUMBER', '/pm_perf_self_bgt/0/cur_amt'],
    ['unsafe integer pro_code', body([ok], { pro_code: 51000021000000019951 }), 'UNSAFE_INTEGER', '/pm_perf_self_eval/pro_code'],
    ['row of another project', body([{ ...ok, pro_code: 'OTHER' }]), 'STANDARD_KEY_MISMATCH', '/pm_self_eval_indicator/0/pro_code'],
    ['row of another eval_id', body([{ ...ok, eval_id: 'E-2' }]), 'STANDARD_KEY_MISMATCH', '/pm_self_eval_indicator/0/eval_id'],
    ['no header', { pm_self_eval_indicator: [ok], pm_perf_self_bgt: [] }, 'REQUIRED', '/pm_perf_self_eval'],
    ['header not an object', { ...body([ok]), pm_perf_self_eval: [1] }, 'INVALID_TYPE', '/pm_perf_self_eval'],
    ['no project name', body([ok], { pro_name: undefined }), 'REQUIRED', '/pm_perf_self_eval/pro_name'],
    ['bad year', body([ok], { fiscal_year: '20x3' }), 'INVALID_YEAR', '/pm_perf_self_eval/fiscal_year'],
    ['bad money unit', { ...body([ok]), moneyUnit: 'USD' }, 'INVALID_VALUE', '/moneyUnit'],
    ['no indicators', { ...body([]), pm_self_eval_indicator: undefined }, 'REQUIRED', '/pm_self_eval_indicator'],
    ['empty money table', { ...body([ok]), pm_perf_self_bgt: [] }, 'EMPTY_FUNDS', '/pm_perf_self_bgt'],
    ['row not an object', body([ok, 'x' as unknown as Json]), 'INVALID_TYPE', '/pm_self_eval_indicator/1'],
    ['indicator without weight', body([{ ...ok, ind_weight: undefined }]), 'REQUIRED', '/pm_self_eval_indicator/0/ind_weight'],
    ['kept column holding a structure', body([ok], { update_time: { a: 1 } }), 'INVALID_TYPE', '/pm_perf_self_eval/update_time'],
    ['too long eval_ind_id', body([{ ...ok, eval_ind_id: 'x'.repeat(39) }]), 'TEXT_TOO_LONG', '/pm_self_eval_indicator/0/eval_ind_id'],
  ];
  for (const [label, input, code, pointer] of cases) {
    const problems = problemsOf(input);
    t.ok(problems.some((p) => p.code === code && p.pointer === pointer), `${label}: ${code} at ${pointer} in ${JSON.stringify(problems)}`);
    t.equal(problems.some((p) => /^\/(indicators|funds|goals|proName|fiscalYear)/.test(p.pointer)), false, `${label}: no form pointers`);
  }
});

t.test('nothing is dropped silently: unknown columns and disagreeing columns are findings', async (t) => {
  const input = body([row({ kpi_val: '≥100人次', indexval: '100', computesign: 1, meterunit: '人次', ind_comp: '100人次', actualvalue: '90人次', foo: 1 })]);
  (input as Json).extra = true;
  const r = scored(input);
  const at = (code: string) => r.findings.filter((f) => f.code === code).map((f) => f.pointer);
  t.same(at('UNKNOWN_FIELD').sort(), ['/extra', '/pm_self_eval_indicator/0/foo']);
  t.same(at('STANDARD_FIELD_CONFLICT'), ['/pm_self_eval_indicator/0/actualvalue'], 'ind_comp is scored, actualvalue disagrees');
  t.equal(r.indicators[0].score, '90.00');
  t.equal(r.summary.byCode.UNKNOWN_FIELD, 2, 'counted in the summary');
  const kept = stripUnknown(input);
  t.equal('extra' in kept, false);
  t.equal('foo' in (kept.pm_self_eval_indicator as Json[])[0], false);
  // Many unknown columns: 20 named, the rest counted.
  const many = body([row({ kpi_val: '1', ind_comp: '1', ...Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`x${i}`, i])) })]);
  const m = scored(many);
  t.equal(m.summary.byCode.UNKNOWN_FIELD, 20);
  t.equal(m.findings.find((f) => f.code === 'UNKNOWN_FIELDS_MORE')?.params.count, '10');
  // Agreeing columns (the same number written two ways) are no conflict.
  const agree = scored(body([row({ kpi_val: '≥1人次', ind_comp: '1人次', ind_weight: '90', actualweight: 90.0 })]));
  t.equal(agree.findings.some((f) => f.code === 'STANDARD_FIELD_CONFLICT'), false);
});

t.test('identity: opaque strings; numbers become strings when they are safe integers', async (t) => {
  const conv = standardToForm(body([row({ eval_ind_id: 42, kpi_val: '1', ind_comp: '1' })], { eval_id: 9007199254740991, pro_code: 51000021 }), codes);
  t.equal(conv.form.id, '9007199254740991');
  t.equal(conv.form.proCode, '51000021');
  t.equal((conv.form.indicators as Json[])[0].id, '42');
  t.same(conv.problems, []);
  t.equal(standardKey(body([], { eval_id: 'E-9' })), 'E-9');
  t.equal(standardKey(body([], { eval_id: undefined, pro_code: 'P-1' })), 'P-1');
  t.equal(standardKey({ proCode: 'x' }), null);
  t.equal(isStandardShape([]), false);
  t.equal(isStandardShape({ proName: 'x' }), false);
});

t.test('form pointers become standard pointers', async (t) => {
  const conv = standardToForm(body([row({ actualvalue: '1', kpi_val: '1' })]), codes);
  const cases: [string, string][] = [
    ['/indicators/0/actual', '/pm_self_eval_indicator/0/actualvalue'],
    ['/indicators/0/target', '/pm_self_eval_indicator/0/kpi_val'],
    ['/indicators/3/points', '/pm_self_eval_indicator/3/ind_weight'],
    ['/indicators/3/operator', '/pm_self_eval_indicator/3/computesign'],
    ['/indicators', '/pm_self_eval_indicator'],
    ['/funds/rows/0/budget', '/pm_perf_self_bgt/0/cur_amt'],
    ['/funds/rows', '/pm_perf_self_bgt'],
    ['/funds/points', '/pm_perf_self_eval/jx_exe_points'],
    ['/funds', '/pm_perf_self_bgt'],
    ['/goals/1/completion', '/pm_self_eval_goal/1/goal_comp'],
    ['/reportedTotal', '/pm_perf_self_eval/total_eval_value'],
    ['/reportedGrade', '/pm_perf_self_eval/jx_grade'],
    ['/analysis/foo', '/pm_perf_self_eval/jx_analysis/foo'],
    ['/moneyUnit', '/moneyUnit'],
    ['', ''],
  ];
  for (const [from, to] of cases) t.equal(standardPointer(from, conv.pointers), to, from);
});

t.test('the README mapping table is the one generated from the code', async (t) => {
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
  const table = mappingMarkdown();
  t.ok(readme.includes(table), 'README.md holds mappingMarkdown() (regenerate: npx tsx -e "import(\'./src/standard/mapping.ts\').then(m => console.log(m.mappingMarkdown()))")');
  for (const col of COLUMNS.filter((c) => c.into && c.kind !== 'key')) t.ok(table.includes('`' + col.column + '`'), col.column);
});
