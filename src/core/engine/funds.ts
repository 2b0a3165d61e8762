/**
 * The budget-execution block: 执行率 = 全年执行数 / 全年预算数 and its points
 * (scoring-rules.md §1.5, §6.3), each beside what the filer reported.
 */
import { ptr, type Code } from '../codes.js';
import { pending, type Pending } from './pending.js';
import { HUNDRED, ZERO, fmt, min, mulDivRound, round, sum, type Dec as D } from '../decimal.js';
import type { Form, FundRow } from '../model/form.js';
import type { FundsResult } from '../model/result.js';
import type { Vocabulary } from '../parse/vocabulary.js';
import type { Policy } from '../policy/types.js';
import { differs, isEmptyNote } from './compare.js';
import { implausible } from './indicator/units.js';

/**
 * Findings that leave the block's points undecided, so the form needs review and its total is
 * provisional: a figure left blank (blank is not 0), two 资金总额 rows that disagree, 年初 + 调整
 * ≠ 全年预算数 (rule 13), sources above the total, spending without a budget (6.3), a rate over
 * 100 % where the policy refuses it (rule 15: production will not save it), execution and budget
 * more than 100 times apart (the 万元 / 元 typo of issue 8 rule 3).
 */
const REVIEW_CODES: ReadonlySet<Code> = new Set<Code>([
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
  /** Not scored automatically: a figure is blank, or execution and budget are 100 times apart. */
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
    rate = mulDivRound(executed, HUNDRED, budget, b.rateDecimals);
  }
  const capped = rate.greaterThan(HUNDRED);
  let score: D;
  if (b.formula === 'tiered') {
    const tier = b.tiers.find((t) => rate!.greaterThanOrEqualTo(t.minRate));
    score = tier ? round(points.times(tier.share), policy.scoreDecimals) : ZERO;
  } else {
    // Computed from the rounded rate, as production does (bgtget / 10 rounded to 2 places, C3).
    score = mulDivRound(min(rate, HUNDRED), points, HUNDRED, policy.scoreDecimals);
  }
  return { rate, score, capped };
}

/** The figures the block's 执行率 is computed from: the total row's, else the sum of the sources. */
interface Block {
  budget: D;
  executed: D;
  basis: FundsResult['basis'];
  /** The figures the filer left blank in every row the block is read from (blank is not 0). */
  missing: ('全年预算数' | '全年执行数')[];
}

/** Which of the two figures no row of `idx` carries. */
function missingIn(idx: number[], rows: FundRow[], budgets: { value: D | undefined }[]): Block['missing'] {
  const out: Block['missing'] = [];
  if (!idx.some((i) => budgets[i].value !== undefined)) out.push('全年预算数');
  if (!idx.some((i) => rows[i].executed !== undefined)) out.push('全年执行数');
  return out;
}

/** The block's 资金总额 row: the first total row that carries a figure, else the first one (−1: none). */
function totalRowIndex(rows: FundRow[], roles: string[], budgets: { value: D | undefined }[]): number {
  const filled = roles.findIndex((r, i) => r === 'total' && (budgets[i].value !== undefined || rows[i].executed !== undefined));
  return filled >= 0 ? filled : roles.indexOf('total');
}

function blockFigures(rows: FundRow[], totals: boolean[], roles: string[], budgets: { value: D | undefined }[], findings: Pending[]): Block {
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
        findings.push(pending('FUNDS_SUM_MISMATCH', ptr('funds', 'rows', totalIdx, 'budget'), { field: '全年预算数', sum: fmt(sourceBudget), total: fmt(budget) }));
      }
      if (sourceExecuted.greaterThan(executed)) {
        findings.push(pending('FUNDS_SUM_MISMATCH', ptr('funds', 'rows', totalIdx, 'executed'), { field: '全年执行数', sum: fmt(sourceExecuted), total: fmt(executed) }));
      }
    }
    return { budget, executed, basis: 'total_row', missing: missingIn([totalIdx, ...sourceIdx], rows, budgets) };
  }
  return {
    budget: sourceIdx.length ? sourceBudget : sum(budgets.map((b) => b.value ?? ZERO)),
    executed: sourceIdx.length ? sourceExecuted : sum(rows.map((r) => r.executed ?? ZERO)),
    basis: 'sum_of_rows',
    missing: missingIn(sourceIdx.length ? sourceIdx : rows.map((_, i) => i), rows, budgets),
  };
}

/** A second 资金总额 row whose figures differ from the first's: which one is right is not the engine's guess. */
function totalConflicts(rows: FundRow[], roles: string[], budgets: { value: D | undefined }[]): Pending[] {
  const first = totalRowIndex(rows, roles, budgets);
  const out: Pending[] = [];
  const differ = (a: D | undefined, b: D | undefined) => a !== undefined && b !== undefined && !a.equals(b);
  roles.forEach((role, j) => {
    if (role !== 'total' || j === first) return;
    if (!differ(budgets[j].value, budgets[first].value) && !differ(rows[j].executed, rows[first].executed)) return;
    const show = (i: number) => `${budgets[i].value ? fmt(budgets[i].value!) : '—'} / ${rows[i].executed ? fmt(rows[i].executed!) : '—'}`;
    out.push(pending('FUNDS_TOTAL_CONFLICT', ptr('funds', 'rows', j), { row: rows[j].name, figures: show(j), first: rows[first].name, firstFigures: show(first) }));
  });
  return out;
}

/** 年初预算数 + 调整数 written beside a 全年预算数 that differs from their sum (rule 13: amt3 = amt1 + amt2). */
function partsFindings(rows: FundRow[], budgets: { value: D | undefined; derived: boolean }[]): Pending[] {
  const out: Pending[] = [];
  rows.forEach((row, i) => {
    const at = ptr('funds', 'rows', i, 'budget');
    if (budgets[i].derived && row.adjustment !== undefined) {
      out.push(pending('BUDGET_FROM_PARTS', at, { row: row.name, value: fmt(budgets[i].value!) }));
    }
    if (row.budget === undefined || row.initial === undefined || row.adjustment === undefined) return;
    const parts = row.initial.plus(row.adjustment);
    if (!parts.equals(row.budget)) {
      out.push(pending('BUDGET_PARTS_MISMATCH', at, { row: row.name, initial: fmt(row.initial), adjustment: fmt(row.adjustment), sum: fmt(parts), budget: fmt(row.budget) }));
    }
  });
  return out;
}

/**
 * A figure the block takes from the sum of the sources (no total row, or the total's cell blank)
 * while a source row left it blank beside its other figure: that blank was added as 0.
 */
function blankInSum(block: Block, rows: FundRow[], roles: string[], budgets: { value: D | undefined }[], totalIdx: number): Pending[] {
  const out: Pending[] = [];
  const get = { budget: (i: number) => budgets[i].value, executed: (i: number) => rows[i].executed };
  const word = { budget: '全年预算数', executed: '全年执行数' } as const;
  for (const [key, other] of [['budget', 'executed'], ['executed', 'budget']] as const) {
    if (block.missing.includes(word[key])) continue;
    if (block.basis === 'total_row' && get[key](totalIdx) !== undefined) continue;
    roles.forEach((role, i) => {
      if (role === 'source' && get[key](i) === undefined && get[other](i) !== undefined) {
        out.push(pending('FUNDS_ROW_FIGURE_MISSING', ptr('funds', 'rows', i, key), { row: rows[i].name, field: word[key] }));
      }
    });
  }
  return out;
}

/** The block's rate and points; none when a figure is blank or the two are 100 times apart. */
function blockScore(block: Block, points: D, policy: Policy): RateScore {
  if (block.missing.length > 0) return { rate: null, score: ZERO, capped: false, unscored: 'missing' };
  const main = executionScore(block.budget, block.executed, points, policy);
  return implausible(block.executed, block.budget) ? { ...main, score: ZERO, unscored: 'unit' } : main;
}

/** Zero budget, over 100%, low execution without a reason: findings on the block as a whole. */
function blockFindings(block: Block, main: RateScore, points: D, rows: FundRow[], mainPtr: string, policy: Policy, vocab: Vocabulary): Pending[] {
  const out: Pending[] = [];
  const { budget, executed } = block;
  for (const field of block.missing) out.push(pending('FUNDS_FIGURE_MISSING', mainPtr + (field === '全年预算数' ? '/budget' : '/executed'), { field }));
  if (main.unscored === 'unit') {
    out.push(pending('FUNDS_UNIT_SUSPECT', mainPtr + '/executed', { executed: fmt(executed), budget: fmt(budget) }));
  }
  if (budget.isZero() && !block.missing.includes('全年预算数')) {
    if (executed.isZero()) {
      if (main.rate === null) out.push(pending('ZERO_BUDGET', mainPtr + '/budget', { score: fmt(main.score) }));
    } else {
      out.push(pending('EXEC_WITHOUT_BUDGET', mainPtr + '/executed', { executed: fmt(executed) }));
    }
  }
  const dp = policy.budget.rateDecimals;
  if (main.capped && !main.unscored && policy.budget.over100 === 'error') {
    out.push(pending('EXEC_RATE_OVER_100', mainPtr + '/executed', { rate: fmt(main.rate!, dp), points: fmt(points) }));
  }
  const threshold = policy.budget.lowExecReasonThreshold;
  // A reason that says nothing (无, /, 无偏差) is no reason (6.6.4).
  if (threshold && main.rate && main.rate.lessThan(threshold) && rows.every((r) => isEmptyNote(r.reason, vocab))) {
    out.push(pending('LOW_EXEC_REASON_REQUIRED', mainPtr + '/reason', { rate: fmt(main.rate, dp), threshold: threshold.toString() }));
  }
  return out;
}

/**
 * The filer's 执行率 beside the computed one. Blank → info. Written with fewer decimals than the
 * policy keeps (99 for 99.10, 87.6 for 87.61) and equal to the computed rate rounded half-up to
 * those decimals → info, not a difference. Otherwise a difference above the tolerance → warning.
 * The written decimals are those of the Decimal: "99.0" reads as 99, zero decimals.
 */
export function rateFinding(row: FundRow, rate: D | null, pointer: string, policy: Policy): Pending | null {
  if (rate === null) return null;
  const dp = policy.budget.rateDecimals;
  const computed = fmt(rate, dp);
  const reported = row.reportedRate;
  if (reported === undefined) return pending('EXEC_RATE_NOT_REPORTED', pointer, { row: row.name, computed });
  if (reported.equals(rate)) return null;
  const places = reported.decimalPlaces();
  if (places < dp && round(rate, places).equals(reported)) {
    return pending('EXEC_RATE_ROUNDED', pointer, { row: row.name, reported: reported.toString(), computed, places });
  }
  if (!differs(reported, rate, policy.tolerance)) return null;
  return pending('EXEC_RATE_MISMATCH', pointer, { row: row.name, reported: reported.toString(), computed });
}

type RowResult = FundsResult['rows'][number];

/** One row's own rate, balance and score, and the filer's figures reconciled with them. */
interface RowFigures {
  row: FundRow;
  i: number;
  isTotal: boolean;
  b: D | undefined;
  rs: RateScore | null;
  balance: D | null;
}

/** One row's own rate, balance and score, and the filer's figures reconciled with them. */
function rowFigures(row: FundRow, i: number, isTotal: boolean, b: D | undefined, ctx: { block: Block; main: RateScore; points: D; policy: Policy }, findings: Pending[]): RowFigures {
  const { block, main, points, policy } = ctx;
  const e = row.executed;
  // A row with the block's own figures (资金总额, or a single source) needs no second computation.
  const same = b !== undefined && e !== undefined && b.equals(block.budget) && e.equals(block.executed);
  const rs = same ? main : b !== undefined && e !== undefined ? executionScore(b, e, points, policy) : null;
  const balance = b !== undefined ? b.minus(e ?? ZERO) : null;
  const base = ptr('funds', 'rows', i);
  const tol = policy.tolerance;
  const rf = rateFinding(row, rs?.rate ?? null, base + '/reportedRate', policy);
  if (rf) findings.push(rf);
  if (row.reportedBalance !== undefined && balance && differs(row.reportedBalance, balance, tol)) {
    findings.push(pending('BALANCE_MISMATCH', base + '/reportedBalance', { row: row.name, reported: row.reportedBalance.toString(), computed: fmt(balance) }));
  }
  if (row.reportedScore !== undefined && rs && differs(row.reportedScore, rs.score, tol)) {
    findings.push(pending('EXEC_SCORE_MISMATCH', base + '/reportedScore', { row: row.name, reported: row.reportedScore.toString(), computed: fmt(rs.score) }));
  }
  return { row, i, isTotal, b, rs, balance };
}

function rowResult(f: RowFigures, policy: Policy): RowResult {
  const { row, i, isTotal, b, rs, balance } = f;
  const e = row.executed;
  return {
    index: i,
    pointer: ptr('funds', 'rows', i),
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

export interface FundsOutcome {
  /** The block's findings, in order. */
  findings: Pending[];
  score: D;
  points: D;
  /** The block's points are not decided (a finding of REVIEW_CODES): the form needs review. */
  review: boolean;
  /** The block as it crosses JSON, built when asked for. */
  result: () => FundsResult;
}

export function scoreFunds(form: Form, policy: Policy, vocab: Vocabulary): FundsOutcome {
  const findings: Pending[] = [];
  const points = form.funds.points ?? policy.budget.points;
  const rows = form.funds.rows;
  const roles = rows.map((r) => fundRowRole(r, vocab));
  const totals = roles.map((r) => r !== 'source');
  const budgets = rows.map(rowBudget);
  const totalIdx = totalRowIndex(rows, roles, budgets);

  findings.push(...partsFindings(rows, budgets), ...totalConflicts(rows, roles, budgets));
  const block = blockFigures(rows, totals, roles, budgets, findings);
  findings.push(...blankInSum(block, rows, roles, budgets, totalIdx));
  const main = blockScore(block, points, policy);
  findings.push(...blockFindings(block, main, points, rows, ptr('funds', 'rows', totalIdx >= 0 ? totalIdx : 0), policy, vocab));
  if (form.funds.points !== undefined && !form.funds.points.equals(policy.budget.points)) {
    // The execution points are a 一级 weight like the others (rule 3: adjustable, summing to 100).
    findings.push(pending('LEVEL_POINTS_DEVIATE', '/funds/points', { level1: '预算执行率', sum: form.funds.points.toString(), expected: policy.budget.points.toString() }));
  }
  const ctx = { block, main, points, policy };
  const figures = rows.map((row, i) => rowFigures(row, i, totals[i], budgets[i].value, ctx, findings));
  const result = (): FundsResult => ({
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
    rows: figures.map((f) => rowResult(f, policy)),
  });
  return { findings, score: main.score, points, review: findings.some((f) => REVIEW_CODES.has(f.code)), result };
}
