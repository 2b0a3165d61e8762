/**
 * Forms for the differential test: bench/generate.ts's realistic forms, widened with the corners
 * the rules reach — manual scores, deductions with and without a reason, yes/no targets and
 * answers, dates, ranges, strict operators, negative and zero targets, many decimals, huge and
 * tiny amounts, 元 vs 万元, blank and cleared rows, reported totals and grades, broken fields.
 * Deterministic: the same (i, seed) gives the same form.
 */
import { generateForm, rng } from '../../bench/generate.js';

type Row = Record<string, unknown>;

function pick<T>(r: () => number, xs: readonly T[]): T {
  return xs[Math.floor(r() * xs.length)];
}

/** A decimal string with up to `dp` decimals (sometimes many more, sometimes a trailing 5). */
function num(r: () => number, max: number, dp = 2): string {
  const v = r() * max;
  const k = r() < 0.1 ? 6 : r() < 0.2 ? 0 : dp;
  const s = v.toFixed(k);
  return r() < 0.05 ? s + '5' : s;
}

export const TARGETS = [
  '是', '否', '=是', '有', '无', '≥1项', '=0次', '0次', '≤0', '>95%', '<5%', '＞90%', '80%-90%', '80%～90%', '[85,95]',
  '2024年12月31日前', '12月底前', '≥-5%', '≤-10%', '-3', '≥0', '=0', '≤100万元', '≥1.5亿元', '≥3000元', '≥0.000001', '100%',
  '及时', '提升', '达成', '不低于95%', '95%以上', '10万人次以上', '≤90万元', '≥12个月', '≥95', '= 100 %', '≥９５％', '≥%', '不低于％', '≥ 万人', '<',
];
export const ACTUALS = [
  '是', '否', '无', '有', '已完成', '0', '0次', '1次', '96%', '100%', '-2', '-12%', '85%', '92.5%', '1.2亿元', '90万元', '900000元',
  '12000元', '达成预期指标', '部分达成预期指标并具有一定效果', '未达成', '基本完成', '', '  ', '≥96%', '2024年11月30日',
  '０．９５', '95.0000001%', '3000', '1e3', '—', '/', '12个月', '13个月', '9.995%',
];
const NOTES = ['', '无偏差', '无', '/', '资金拨付滞后', '偏差原因：疫情影响', undefined];

function widenRow(r: () => number, row: Row): Row {
  const out: Row = { ...row };
  const m = r();
  if (m < 0.2) out.target = pick(r, TARGETS);
  if (r() < 0.2) out.actual = pick(r, ACTUALS);
  if (r() < 0.08) out.manualScore = num(r, Number(out.points) || 10, 2);
  if (r() < 0.06) {
    out.deduction = num(r, 3, 2);
    if (r() < 0.5) out.deductionReason = '按偏离度调减';
  }
  if (r() < 0.1) out.deviationNote = pick(r, NOTES);
  if (r() < 0.1) out.reportedScore = num(r, 20, 2);
  if (r() < 0.03) out.points = num(r, 15, 1);
  if (r() < 0.03) out.operator = pick(r, ['≥', '≤', '=', '定性', '1', '2', '6', '＞']);
  if (r() < 0.03) out.unit = pick(r, ['%', '万元', '元', '次', '个', '厘米', '元/人*月']);
  if (r() < 0.02) out.name = pick(r, ['项目成本控制', '单位运行费用', '培训人次', '']);
  if (r() < 0.02) out.level1 = pick(r, ['成本指标', '产出', '效益指标', '其他']);
  if (r() < 0.02) out.level2 = pick(r, ['经济成本指标', '数量', '满意度指标', '未知']);
  return out;
}

function widenFunds(r: () => number, funds: { rows: Row[] }): { rows: Row[]; points?: string } {
  const rows = funds.rows.map((row) => ({ ...row }));
  const t = rows[0];
  const m = r();
  if (m < 0.05) t.budget = num(r, 1e9, 2);
  else if (m < 0.1) t.budget = '0';
  else if (m < 0.15) t.budget = num(r, 1, 6);
  if (r() < 0.1) t.executed = num(r, Number(t.budget) * 1.3 + 1, r() < 0.5 ? 2 : 6);
  if (r() < 0.1) t.reportedRate = num(r, 120, 2) + (r() < 0.5 ? '%' : '');
  if (r() < 0.05) t.reportedScore = num(r, 10, 2);
  if (r() < 0.05) {
    delete t.budget;
    t.initial = num(r, 1000, 2);
    t.adjustment = (r() < 0.5 ? '-' : '') + num(r, 100, 2);
  }
  const out: { rows: Row[]; points?: string } = { rows };
  if (r() < 0.05) out.points = pick(r, ['0', '10', '20', '5.5']);
  return out;
}

/** Form `i` of the widened corpus. */
export function widenedForm(i: number, seed = 7): Row {
  const base = generateForm(i, seed);
  const r = rng(seed * 7919 + i);
  const form: Row = { ...base };
  form.indicators = (base.indicators as Row[]).map((row) => widenRow(r, row));
  const inds = form.indicators as Row[];
  if (r() < 0.05) inds.push({});
  if (r() < 0.05) inds.push({ level1: '产出指标', level2: '数量指标', name: '调整后清空', points: 5, target: '', actual: '10' });
  form.funds = widenFunds(r, base.funds as { rows: Row[] });
  if (r() < 0.1) form.moneyUnit = pick(r, ['元', '万元']);
  if (r() < 0.1) form.reportedTotal = num(r, 110, 2);
  if (r() < 0.1) form.reportedGrade = pick(r, ['优', '良', '中', '差', '优秀', '良好', 'A', '']);
  if (r() < 0.05) form.mofDivCode = pick(r, ['140000', '420000', '360000', '450000', '510000', '330000', '110000']);
  if (r() < 0.01) form.fiscalYear = 'two thousand';
  if (r() < 0.01) (inds[0] as Row).points = '-1';
  return form;
}
