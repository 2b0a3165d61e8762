/**
 * The budget-execution block: 执行率 = 全年执行数 / 全年预算数 and its points
 * (scoring-rules.md §1.5, §6.3), each beside what the filer reported.
 */
import { finding, ptr, type Finding, type Lang } from '../codes.js';
import { HUNDRED, ZERO, fmt, min, round, sum, type Dec as D } from '../decimal.js';
import type { Form, FundRow } from '../model/form.js';
import type { FundsResult } from '../model/result.js';
import type { Policy } from '../policy/types.js';
import { differs } from './compare.js';

const TOTAL_NAME = /总额|合计|总计|小计/;

export function isTotalRow(row: FundRow): boolean {
  return row.isTotal ?? TOTAL_NAME.test(row.name);
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

export function scoreFunds(form: Form, policy: Policy, lang: Lang): { result: FundsResult; findings: Finding[]; score: D; points: D } {
  const findings: Finding[] = [];
  const points = form.funds.points ?? policy.budget.points;
  const rows = form.funds.rows;
  const totals = rows.map(isTotalRow);
  const budgets = rows.map(rowBudget);
  const totalIdx = totals.indexOf(true);
  const sourceIdx = rows.map((_, i) => i).filter((i) => !totals[i]);

  budgets.forEach((b, i) => {
    if (b.derived && rows[i].adjustment !== undefined) {
      findings.push(finding('BUDGET_FROM_PARTS', ptr('funds', 'rows', i, 'budget'), { row: rows[i].name, value: fmt(b.value!) }, lang));
    }
  });

  const sourceBudget = sum(sourceIdx.map((i) => budgets[i].value ?? ZERO));
  const sourceExecuted = sum(sourceIdx.map((i) => rows[i].executed ?? ZERO));
  let budget: D;
  let executed: D;
  let basis: FundsResult['basis'];
  if (totalIdx >= 0 && (budgets[totalIdx].value !== undefined || rows[totalIdx].executed !== undefined)) {
    basis = 'total_row';
    budget = budgets[totalIdx].value ?? sourceBudget;
    executed = rows[totalIdx].executed ?? sourceExecuted;
    // 其中 rows may list only some sources, so only a sum above the total is impossible.
    if (sourceIdx.length > 0) {
      if (sourceBudget.greaterThan(budget)) {
        findings.push(finding('FUNDS_SUM_MISMATCH', ptr('funds', 'rows', totalIdx, 'budget'), { field: '全年预算数', sum: fmt(sourceBudget), total: fmt(budget) }, lang));
      }
      if (sourceExecuted.greaterThan(executed)) {
        findings.push(finding('FUNDS_SUM_MISMATCH', ptr('funds', 'rows', totalIdx, 'executed'), { field: '全年执行数', sum: fmt(sourceExecuted), total: fmt(executed) }, lang));
      }
    }
  } else {
    basis = 'sum_of_rows';
    budget = sourceIdx.length ? sourceBudget : sum(budgets.map((b) => b.value ?? ZERO));
    executed = sourceIdx.length ? sourceExecuted : sum(rows.map((r) => r.executed ?? ZERO));
  }

  const main = executionScore(budget, executed, points, policy);
  const mainPtr = ptr('funds', 'rows', totalIdx >= 0 ? totalIdx : 0);
  if (budget.isZero()) {
    if (executed.isZero()) {
      if (main.rate === null) findings.push(finding('ZERO_BUDGET', mainPtr + '/budget', { score: fmt(main.score) }, lang));
    } else {
      findings.push(finding('EXEC_WITHOUT_BUDGET', mainPtr + '/executed', { executed: fmt(executed) }, lang));
    }
  }
  if (main.capped && policy.budget.over100 === 'error') {
    findings.push(finding('EXEC_RATE_OVER_100', mainPtr + '/executed', { rate: fmt(main.rate!, policy.budget.rateDecimals), points: fmt(points) }, lang));
  }
  const threshold = policy.budget.lowExecReasonThreshold;
  if (threshold && main.rate && main.rate.lessThan(threshold) && !rows.some((r) => r.reason)) {
    findings.push(finding('LOW_EXEC_REASON_REQUIRED', mainPtr + '/reason', { rate: fmt(main.rate, policy.budget.rateDecimals), threshold: threshold.toString() }, lang));
  }

  const rowResults = rows.map((row, i) => {
    const b = budgets[i].value;
    const e = row.executed;
    // A row with the block's own figures (资金总额, or a single source) needs no second computation.
    const same = b !== undefined && e !== undefined && b.equals(budget) && e.equals(executed);
    const rs = same ? main : b !== undefined && e !== undefined ? executionScore(b, e, points, policy) : null;
    const balance = b !== undefined ? b.minus(e ?? ZERO) : null;
    const base = ptr('funds', 'rows', i);
    const tol = policy.tolerance;
    if (row.reportedRate !== undefined && rs?.rate && differs(row.reportedRate, rs.rate, tol)) {
      findings.push(finding('EXEC_RATE_MISMATCH', base + '/reportedRate', { row: row.name, reported: row.reportedRate.toString(), computed: fmt(rs.rate, policy.budget.rateDecimals) }, lang));
    }
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
      isTotal: totals[i],
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
  });

  const balance = budget.minus(executed);
  const rateText = main.rate ? fmt(main.rate, policy.budget.rateDecimals) : null;
  const unit = form.moneyUnit;
  const explanation = main.rate
    ? budget.isZero()
      ? `全年预算数与执行数均为0，按政策执行率记${rateText}%；得分${fmt(main.score)}分`
      : `执行率 = 全年执行数${fmt(executed)}${unit} ÷ 全年预算数${fmt(budget)}${unit} = ${rateText}%；` +
        (policy.budget.formula === 'tiered'
          ? `按分档计分得${fmt(main.score)}分（满分${fmt(points)}分）`
          : `得分 = ${main.capped ? '100%（封顶）' : rateText + '%'} × ${fmt(points)} = ${fmt(main.score)}分`)
    : `全年预算数为0，执行率无法计算；得分${fmt(main.score)}分`;

  return {
    findings,
    score: main.score,
    points,
    result: {
      points: fmt(points),
      budget: fmt(budget),
      executed: fmt(executed),
      balance: fmt(balance),
      rate: rateText,
      score: fmt(main.score),
      basis,
      method: policy.budget.formula,
      capped: main.capped,
      moneyUnit: unit,
      explanation,
      rows: rowResults,
    },
  };
}

