/**
 * Quantitative formulas of scoring-rules.md §6.4 (production SQL C1, C6), on Decimals.
 * Inputs are base values (万 already multiplied out); the actual is clamped at 0 by the caller.
 */
import { Dec, ONE, ZERO, fmt, round } from '../decimal.js';
import type { Method } from '../model/result.js';
import type { Operator } from '../parse/types.js';

export interface QuantScore {
  score: Dec;
  method: Method;
  /** The completion ratio the score was scaled by (null when the rule is all-or-nothing). */
  ratio: Dec | null;
  /** Met in full (score = points). */
  met: boolean;
  /** Chinese sentence: how the number was reached. */
  how: string;
}

const TWO = new Dec(2);

function s(d: Dec): string {
  return d.toString();
}

export function scorePositive(a: Dec, t: Dec, w: Dec, dp: number, method: Method = 'positive_ratio'): QuantScore {
  if (a.greaterThanOrEqualTo(t)) {
    return { score: w, method, ratio: t.isZero() ? null : a.div(t), met: true, how: `实际值${s(a)} ≥ 指标值${s(t)}，得满分${s(w)}分` };
  }
  // a < t with a ≥ 0 implies t > 0, so the division is safe.
  const ratio = a.div(t);
  const score = round(ratio.times(w), dp);
  return { score, method, ratio, met: false, how: `实际值${s(a)} < 指标值${s(t)}，按比例 ${s(a)} ÷ ${s(t)} × ${s(w)} = ${fmt(score, dp)}分` };
}

export function scoreEqual(a: Dec, t: Dec, w: Dec, dp: number): QuantScore {
  if (t.isZero()) {
    // All or nothing (C6): "=0次" is met only by 0.
    return a.lessThanOrEqualTo(ZERO)
      ? { score: w, method: 'equal_zero', ratio: null, met: true, how: `指标值为0，实际值为0，得满分${s(w)}分` }
      : { score: ZERO, method: 'equal_zero', ratio: null, met: false, how: `指标值为0，实际值${s(a)}大于0，得0分` };
  }
  // T > 0 is scored like ≥ in production (rule 9).
  return scorePositive(a, t, w, dp, 'equal');
}

export function scoreReverse(a: Dec, t: Dec, w: Dec, dp: number, formula: 'linear_to_2T' | 'ratio'): QuantScore {
  const method: Method = formula === 'ratio' ? 'reverse_ratio' : 'reverse_linear_to_2T';
  if (a.lessThanOrEqualTo(t)) {
    return { score: w, method, ratio: null, met: true, how: `实际值${s(a)} ≤ 指标值${s(t)}，得满分${s(w)}分` };
  }
  if (t.lessThanOrEqualTo(ZERO)) {
    return { score: ZERO, method, ratio: ZERO, met: false, how: `指标值为${s(t)}，实际值${s(a)}超出，得0分` };
  }
  if (formula === 'ratio') {
    const ratio = t.div(a);
    const score = round(ratio.times(w), dp);
    return { score, method, ratio, met: false, how: `实际值${s(a)}超过指标值${s(t)}，按 ${s(t)} ÷ ${s(a)} × ${s(w)} = ${fmt(score, dp)}分` };
  }
  if (a.greaterThanOrEqualTo(t.times(TWO))) {
    return { score: ZERO, method, ratio: ZERO, met: false, how: `实际值${s(a)}达到指标值${s(t)}的2倍及以上，得0分` };
  }
  const ratio = ONE.minus(a.minus(t).div(t));
  const score = round(ratio.times(w), dp);
  return { score, method, ratio, met: false, how: `实际值${s(a)}超过指标值${s(t)}，按 (1 − (${s(a)} − ${s(t)}) ÷ ${s(t)}) × ${s(w)} = ${fmt(score, dp)}分` };
}

/** "90%-100%": within → full; below → proportional to the lower bound; above → reverse rule on the upper. */
export function scoreRange(a: Dec, lower: Dec, upper: Dec, w: Dec, dp: number, formula: 'linear_to_2T' | 'ratio'): QuantScore {
  if (a.greaterThanOrEqualTo(lower) && a.lessThanOrEqualTo(upper)) {
    return { score: w, method: 'range', ratio: null, met: true, how: `实际值${s(a)}在区间[${s(lower)}, ${s(upper)}]内，得满分${s(w)}分` };
  }
  const r = a.lessThan(lower) ? scorePositive(a, lower, w, dp) : scoreReverse(a, upper, w, dp, formula);
  return { ...r, method: 'range', how: `实际值${s(a)}在区间[${s(lower)}, ${s(upper)}]外：${r.how}` };
}

export function scoreQuant(op: Operator, a: Dec, t: Dec, w: Dec, dp: number, reverseFormula: 'linear_to_2T' | 'ratio'): QuantScore {
  switch (op) {
    case 'GE':
    case 'GT':
      return scorePositive(a, t, w, dp);
    case 'EQ':
      return scoreEqual(a, t, w, dp);
    case 'LE':
    case 'LT':
      return scoreReverse(a, t, w, dp, reverseFormula);
  }
}
