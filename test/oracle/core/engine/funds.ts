/**
 * The budget-execution block: 执行率 = 全年执行数 / 全年预算数 and its points
 * (scoring-rules.md §1.5, §6.3), each beside what the filer reported.
 */
import { finding, ptr, type Finding, type Lang } from '../codes.js';
import { HUNDRED, ZERO, fmt, min, round, sum, type Dec as D } from '../decimal.js';
import type { Form, FundRow } from '../model/form.js';
import type { FundsResult } from '../model/result.js';
import type { Vocabulary } from '../parse/vocabulary.js';
import type { Policy } from '../policy/types.js';
import { differs, isEmptyNote } from './compare.js';

/** Funds findings after which the block's points are not decided: the form needs review. */
const REVIEW_CODES = new Set<string>([
  'FUNDS_FIGURE_MISSING', 'FUNDS_ROW_FIGURE_MISSING', 'FUNDS_TOTAL_CONFLICT', 'BUDGET_PARTS_MISMATCH', 'FUNDS_SUM_MISMATCH',
  'EXEC_WITHOUT_BUDGET', 'EXEC_RATE_OVER_100', 'FUNDS_UNIT_SUSPECT',
]);

/** The block's total (资金总额, 合计 …), a subtotal (小计) or a source: words from indicators/labels.json. */
export function fundRowRole(row: FundRow, vocab: Vocabulary): 'total' | 'subtotal' | 'source' {
  if (row.isTotal !== undefined) return row.isTotal ? 'total' : 'source';
  if (vocab.labels.fundSubtotal(row.name)) return 'subtotal';
  return vocab.labels.fundTotal(row.name) ? 'total' : 'source';
}

/** Not a source: the total or a subtotal (neither is added to the sources). */
export function isTotalRow(row: FundRow, vocab: Vocabulary): boolean {
  return fundRowRole(row, vocab) !== 'source';
}

/** 全年预算数 of a row: as written, else 年初预算数 + 调整数 (rule 13). */
function rowBudget(row: FundRow): { value: D | undefined; derived: boolean } {
  if (row.budget !== undefined) return { value: row.budget, derived: false };
  if (row.initial === undefined) return { value: undefined, derived: false };
  return { value: row.initial.plus(row.adjustment ?? ZERO), derived: true };
}

interface RateScore {
  rate: D | null;
  score: D;
  capped: boolean;
  unscored?: 'missing' | 'unit';
}

/** Rate in percent (rounded as the policy says) and the points it earns. */
export function executionScore(budget: D, executed: D, points: D, policy: Policy): RateScore {
  const b = policy.budget;
  let rate: D | null;
  if (budget.isZero()) {
    if (!executed.isZero() || b.zeroBudgetBothZeroRate === null) return { rate: null, score: ZERO, capped: false };
    rate = b.zeroBudgetBothZeroRate;
  } else {
    rate = round(executed.div(budget).times(HUNDRED), b.rateDecimals);
  }
  const capped = rate.greaterThan(HUNDRED);
  let score: D;
  if (b.formula === 'tiered') {
    const tier = b.tiers.find((t) => rate!.greaterThanOrEqualTo(t.minRate));
    score = tier ? round(points.times(tier.share), policy.scoreDecimals) : ZERO;
  } else {
    // Computed from the rounded rate, as production does (bgtget / 10 rounded to 2 places, C3).
    score = round(min(rate, HUNDRED).div(HUNDRED).times(points), policy.scoreDecimals);
  }
  return { rate, score, capped };
}

/** The figures the block's 执行率 is computed from: the total row's, else the sum of the sources. */
interface Block {
  budget: D;
  executed: D;
  basis: FundsResult['basis'];
  missing: string[];
}

function missingIn(idx: number[], rows: FundRow[], budgets: { value: D | undefined }[]): string[] {
  const out: string[] = [];
  if (idx.every((i) => budgets[i].value === undefined)) out.push('全年预算数');
  if (idx.every((i) => rows[i].executed === undefined)) out.push('全年执行数');
  return out;
}

function totalRowIndex(rows: FundRow[], roles: string[], budgets: { value: D | undefined }[]): number {
  for (let i = 0; i < rows.length; i++) {
    if (roles[i] === 'total' && (budgets[i].value !== undefined || rows[i].executed !== undefined)) return i;
  }
  return roles.indexOf('total');
}

function blockFigures(rows: FundRow[], totals: boolean[], roles: string[], budgets: { value: D | undefined }[], lang: Lang, findings: Finding[]): Block {
  const totalIdx = totalRowIndex(rows, roles, budgets);
  const sourceIdx = rows.map((_, i) => i).filter((i) => !totals[i]);
  const sourceBudget = sum(sourceIdx.map((i) => budgets[i].value ?? ZERO));
  const sourceExecuted = sum(sourceIdx.map((i) => rows[i].executed ?? ZERO));
  if (totalIdx >= 0 && (budgets[totalIdx].value !== undefined || rows[totalIdx].executed !== undefined)) {
    const budget = budgets[totalIdx].value ?? sourceBudget;
    const executed = rows[totalIdx].executed ?? sourceExecuted;
    // 其中 rows may list only some sources, so only a sum above the total is impossible.
    if (sourceIdx.length > 0) {
      if (sourceBudget.greaterThan(budget)) {
        findings.push(finding('FUNDS_SUM_MISMATCH', ptr('funds', 'rows', totalIdx, 'budget'), { field: '全年预算数', sum: fmt(sourceBudget), total: fmt(budget) }, lang));
      }
      if (sourceExecuted.greaterThan(executed)) {
        findings.push(finding('FUNDS_SUM_MISMATCH', ptr('funds', 'rows', totalIdx, 'executed'), { field: '全年执行数', sum: fmt(sourceExecuted), total: fmt(executed) }, lang));
      }
    }
    return { budget, executed, basis: 'total_row', missing: missingIn([totalIdx, ...sourceIdx], rows, budgets) };
  }
  const used = sourceIdx.length ? sourceIdx : rows.map((_, i) => i);
  return {
    budget: sourceIdx.length ? sourceBudget : sum(budgets.map((b) => b.value ?? ZERO)),
    executed: sourceIdx.length ? sourceExecuted : sum(rows.map((r) => r.executed ?? ZERO)),
    basis: 'sum_of_rows',
    missing: missingIn(used, rows, budgets),
  };
}

function totalConflicts(rows: FundRow[], roles: string[], budgets: { value: D | undefined }[], lang: Lang): Finding[] {
  const first = totalRowIndex(rows, roles, budgets);
  const out: Finding[] = [];
  const show = (i: number) => `${budgets[i].value === undefined ? '—' : fmt(budgets[i].value!)} / ${rows[i].executed === undefined ? '—' : fmt(rows[i].executed!)}`;
  for (let j = first + 1; j < rows.length; j++) {
    if (roles[j] !== 'total') continue;
    const b = budgets[j].value;
    const fb = budgets[first].value;
    const e = rows[j].executed;
    const fe = rows[first].executed;
    const budgetDiffers = b !== undefined && fb !== undefined && !b.equals(fb);
    const executedDiffers = e !== undefined && fe !== undefined && !e.equals(fe);
    if (budgetDiffers || executedDiffers) {
      out.push(finding('FUNDS_TOTAL_CONFLICT', ptr('funds', 'rows', j), { row: rows[j].name, figures: show(j), first: rows[first].name, firstFigures: show(first) }, lang));
    }
  }
  return out;
}

function partsFindings(rows: FundRow[], budgets: { value: D | undefined; derived: boolean }[], lang: Lang): Finding[] {
  const out: Finding[] = [];
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    const at = ptr('funds', 'rows', i, 'budget');
    if (budgets[i].derived && row.adjustment !== undefined) out.push(finding('BUDGET_FROM_PARTS', at, { row: row.name, value: fmt(budgets[i].value!) }, lang));
    if (row.budget !== undefined && row.initial !== undefined && row.adjustment !== undefined && !row.initial.plus(row.adjustment).equals(row.budget)) {
      out.push(finding('BUDGET_PARTS_MISMATCH', at, { row: row.name, initial: fmt(row.initial), adjustment: fmt(row.adjustment), sum: fmt(row.initial.plus(row.adjustment)), budget: fmt(row.budget) }, lang));
    }
  }
  return out;
}

/** More than 100 times apart either way (both non-zero): the ratio itself, by division. */
function unitSlip(executed: D, budget: D): boolean {
  if (executed.isZero() || budget.isZero()) return false;
  const ratio = executed.div(budget).abs();
  return ratio.greaterThan(100) || ratio.lessThan('0.01');
}

function blankInSum(block: Block, rows: FundRow[], roles: string[], budgets: { value: D | undefined }[], totalIdx: number, lang: Lang): Finding[] {
  const out: Finding[] = [];
  const budgetFromSources = !block.missing.includes('全年预算数') && (block.basis === 'sum_of_rows' || budgets[totalIdx].value === undefined);
  if (budgetFromSources) {
    for (let i = 0; i < rows.length; i++) {
      if (roles[i] === 'source' && budgets[i].value === undefined && rows[i].executed !== undefined) {
        out.push(finding('FUNDS_ROW_FIGURE_MISSING', ptr('funds', 'rows', i, 'budget'), { row: rows[i].name, field: '全年预算数' }, lang));
      }
    }
  }
  const executedFromSources = !block.missing.includes('全年执行数') && (block.basis === 'sum_of_rows' || rows[totalIdx].executed === undefined);
  if (executedFromSources) {
    for (let i = 0; i < rows.length; i++) {
      if (roles[i] === 'source' && rows[i].executed === undefined && budgets[i].value !== undefined) {
        out.push(finding('FUNDS_ROW_FIGURE_MISSING', ptr('funds', 'rows', i, 'executed'), { row: rows[i].name, field: '全年执行数' }, lang));
      }
    }
  }
  return out;
}

function blockScore(block: Block, points: D, policy: Policy): RateScore {
  if (block.missing.length > 0) return { rate: null, score: ZERO, capped: false, unscored: 'missing' };
  const main = executionScore(block.budget, block.executed, points, policy);
  if (unitSlip(block.executed, block.budget)) return { rate: main.rate, score: ZERO, capped: main.capped, unscored: 'unit' };
  return main;
}

/** Zero budget, over 100%, low execution without a reason: findings on the block as a whole. */
function blockFindings(block: Block, main: RateScore, points: D, rows: FundRow[], mainPtr: string, policy: Policy, vocab: Vocabulary, lang: Lang): Finding[] {
  const out: Finding[] = [];
  const { budget, executed } = block;
  for (const field of block.missing) out.push(finding('FUNDS_FIGURE_MISSING', mainPtr + (field === '全年预算数' ? '/budget' : '/executed'), { field }, lang));
  if (main.unscored === 'unit') out.push(finding('FUNDS_UNIT_SUSPECT', mainPtr + '/executed', { executed: fmt(executed), budget: fmt(budget) }, lang));
  if (budget.isZero() && !block.missing.includes('全年预算数')) {
    if (executed.isZero()) {
      if (main.rate === null) out.push(finding('ZERO_BUDGET', mainPtr + '/budget', { score: fmt(main.score) }, lang));
    } else {
      out.push(finding('EXEC_WITHOUT_BUDGET', mainPtr + '/executed', { executed: fmt(executed) }, lang));
    }
  }
  const dp = policy.budget.rateDecimals;
  if (main.capped && main.unscored === undefined && policy.budget.over100 === 'error') {
    out.push(finding('EXEC_RATE_OVER_100', mainPtr + '/executed', { rate: fmt(main.rate!, dp), points: fmt(points) }, lang));
  }
  const threshold = policy.budget.lowExecReasonThreshold;
  if (threshold && main.rate && main.rate.lessThan(threshold) && rows.every((r) => isEmptyNote(r.reason, vocab))) {
    out.push(finding('LOW_EXEC_REASON_REQUIRED', mainPtr + '/reason', { rate: fmt(main.rate, dp), threshold: threshold.toString() }, lang));
  }
  return out;
}

/**
 * The filer's 执行率 beside the computed one. Blank → info. Written with fewer decimals than the
 * policy keeps (99 for 99.10, 87.6 for 87.61) and equal to the computed rate rounded half-up to
 * those decimals → info, not a difference. Otherwise a difference above the tolerance → warning.
 * The written decimals are those of the Decimal: "99.0" reads as 99, zero decimals.
 */
export function rateFinding(row: FundRow, rate: D | null, pointer: string, policy: Policy, lang: Lang): Finding | null {
  if (rate === null) return null;
  const dp = policy.budget.rateDecimals;
  const computed = fmt(rate, dp);
  const reported = row.reportedRate;
  if (reported === undefined) return finding('EXEC_RATE_NOT_REPORTED', pointer, { row: row.name, computed }, lang);
  if (reported.equals(rate)) return null;
  const places = reported.decimalPlaces();
  if (places < dp && round(rate, places).equals(reported)) {
    return finding('EXEC_RATE_ROUNDED', pointer, { row: row.name, reported: reported.toString(), computed, places }, lang);
  }
  if (!differs(reported, rate, policy.tolerance)) return null;
  return finding('EXEC_RATE_MISMATCH', pointer, { row: row.name, reported: reported.toString(), computed }, lang);
}

type RowResult = FundsResult['rows'][number];

/** One row's own rate, balance and score, and the filer's figures reconciled with them. */
function rowResult(row: FundRow, i: number, isTotal: boolean, b: D | undefined, ctx: { block: Block; main: RateScore; points: D; policy: Policy; lang: Lang }, findings: Finding[]): RowResult {
  const { block, main, points, policy, lang } = ctx;
  const e = row.executed;
  // A row with the block's own figures (资金总额, or a single source) needs no second computation.
  const same = b !== undefined && e !== undefined && b.equals(block.budget) && e.equals(block.executed);
  const rs = same ? main : b !== undefined && e !== undefined ? executionScore(b, e, points, policy) : null;
  const balance = b !== undefined ? b.minus(e ?? ZERO) : null;
  const base = ptr('funds', 'rows', i);
  const tol = policy.tolerance;
  const rf = rateFinding(row, rs?.rate ?? null, base + '/reportedRate', policy, lang);
  if (rf) findings.push(rf);
  if (row.reportedBalance !== undefined && balance && differs(row.reportedBalance, balance, tol)) {
    findings.push(finding('BALANCE_MISMATCH', base + '/reportedBalance', { row: row.name, reported: row.reportedBalance.toString(), computed: fmt(balance) }, lang));
  }
  if (row.reportedScore !== undefined && rs && differs(row.reportedScore, rs.score, tol)) {
    findings.push(finding('EXEC_SCORE_MISMATCH', base + '/reportedScore', { row: row.name, reported: row.reportedScore.toString(), computed: fmt(rs.score) }, lang));
  }
  return {
    index: i,
    pointer: base,
    name: row.name,
    isTotal,
    budget: b !== undefined ? fmt(b) : null,
    executed: e !== undefined ? fmt(e) : null,
    balance: balance ? fmt(balance) : null,
    rate: rs?.rate ? fmt(rs.rate, policy.budget.rateDecimals) : null,
    score: rs ? fmt(rs.score) : null,
    reported: {
      rate: row.reportedRate?.toString() ?? null,
      balance: row.reportedBalance?.toString() ?? null,
      score: row.reportedScore?.toString() ?? null,
    },
  };
}

/**
 * How the block's score came about, in the form's own money unit: the amounts are the figures
 * as written in the form (万元 or 元), never converted to a base unit.
 */
export function fundsExplanation(block: Block, main: RateScore, points: D, unit: string, policy: Policy): string {
  const score = fmt(main.score);
  if (main.unscored === 'missing') return `${block.missing.join('、')}未填报，执行率无法计算；得分${score}分，需人工复核`;
  if (main.unscored === 'unit') {
    return `全年执行数${fmt(block.executed)}${unit}与全年预算数${fmt(block.budget)}${unit}相差100倍以上，疑为金额单位填写错误，未自动评分；得分${score}分，需人工复核`;
  }
  if (!main.rate) return `全年预算数为0，执行率无法计算；得分${score}分`;
  const rateText = fmt(main.rate, policy.budget.rateDecimals);
  if (block.budget.isZero()) return `全年预算数与执行数均为0，按政策执行率记${rateText}%；得分${score}分`;
  const source = block.basis === 'sum_of_rows' ? '（各资金来源合计）' : '';
  const head = `执行率 = 全年执行数${fmt(block.executed)}${unit} ÷ 全年预算数${fmt(block.budget)}${unit}${source} = ${rateText}%；`;
  if (policy.budget.formula === 'tiered') return head + `按分档计分得${score}分（满分${fmt(points)}分）`;
  return head + `得分 = ${main.capped ? '100%（封顶）' : rateText + '%'} × ${fmt(points)} = ${score}分`;
}

export function scoreFunds(form: Form, policy: Policy, vocab: Vocabulary, lang: Lang): { result: FundsResult; findings: Finding[]; score: D; points: D; review: boolean } {
  const findings: Finding[] = [];
  const points = form.funds.points ?? policy.budget.points;
  const rows = form.funds.rows;
  const roles = rows.map((r) => fundRowRole(r, vocab));
  const totals = roles.map((r) => r !== 'source');
  const budgets = rows.map(rowBudget);
  const totalIdx = totalRowIndex(rows, roles, budgets);

  findings.push(...partsFindings(rows, budgets, lang));
  if (totalIdx >= 0) findings.push(...totalConflicts(rows, roles, budgets, lang));
  const block = blockFigures(rows, totals, roles, budgets, lang, findings);
  findings.push(...blankInSum(block, rows, roles, budgets, totalIdx, lang));
  const main = blockScore(block, points, policy);
  findings.push(...blockFindings(block, main, points, rows, ptr('funds', 'rows', totalIdx >= 0 ? totalIdx : 0), policy, vocab, lang));
  if (form.funds.points !== undefined && !form.funds.points.equals(policy.budget.points)) {
    findings.push(finding('LEVEL_POINTS_DEVIATE', '/funds/points', { level1: '预算执行率', sum: form.funds.points.toString(), expected: policy.budget.points.toString() }, lang));
  }
  const ctx = { block, main, points, policy, lang };
  const rowResults = rows.map((row, i) => rowResult(row, i, totals[i], budgets[i].value, ctx, findings));

  return {
    findings,
    score: main.score,
    points,
    review: findings.some((f) => REVIEW_CODES.has(f.code)),
    result: {
      points: fmt(points),
      budget: fmt(block.budget),
      executed: fmt(block.executed),
      balance: fmt(block.budget.minus(block.executed)),
      rate: main.rate ? fmt(main.rate, policy.budget.rateDecimals) : null,
      score: fmt(main.score),
      basis: block.basis,
      method: policy.budget.formula,
      capped: main.capped,
      moneyUnit: form.moneyUnit,
      explanation: fundsExplanation(block, main, points, form.moneyUnit, policy),
      rows: rowResults,
    },
  };
}
