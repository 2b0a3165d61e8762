/**
 * The quantitative formulas of scoring-rules.md §6.4, exact: every score is
 * round_half_up(numerator × W ÷ denominator, dp) with the multiplication first, so an exact half
 * (155 ÷ 600 × 3 = 0.775) rounds up. Inputs are base values (万 multiplied out).
 */
import { Dec, ZERO, divRound, mulDivRound } from '../../decimal.js';
import type { Method } from '../../model/result.js';

export interface Formula {
  score: Dec;
  met: boolean;
  /** The completion ratio the score was scaled by, to 4 places; null when the rule is all or nothing. */
  ratio: Dec | null;
  /** Which case of the rule applied, for the explanation. */
  case: 'met' | 'ratio' | 'zero' | 'linear';
  method: Method;
}

const TWO = new Dec(2);

/** round_half_up(n × w ÷ d, dp), multiplying first. */
export function scaled(n: Dec, w: Dec, d: Dec, dp: number): Dec {
  return mulDivRound(n, w, d, dp);
}

/** A ratio as the result shows it: round_half_up(n ÷ d, 4). */
export function ratioOf(n: Dec, d: Dec): Dec {
  return divRound(n, d, 4);
}

/** ≥ / > (and = with T > 0): full points when met, else A ÷ T × W. Needs T > 0 when A < T. */
export function positive(a: Dec, t: Dec, w: Dec, dp: number, method: Method = 'positive_ratio'): Formula {
  if (a.greaterThanOrEqualTo(t)) return { score: w, met: true, ratio: t.isZero() ? null : ratioOf(a, t), case: 'met', method };
  return { score: scaled(a, w, t, dp), met: false, ratio: ratioOf(a, t), case: 'ratio', method };
}

/** = 0: all or nothing (C6). */
export function equalZero(a: Dec, w: Dec): Formula {
  const met = a.lessThanOrEqualTo(ZERO);
  return { score: met ? w : ZERO, met, ratio: null, case: met ? 'met' : 'zero', method: 'equal_zero' };
}

/** ≤ / <: full points when met; then linear to 0 at 2T, or T ÷ A × W under the "ratio" variant. */
export function reverse(a: Dec, t: Dec, w: Dec, dp: number, formula: 'linear_to_2T' | 'ratio'): Formula {
  const method: Method = formula === 'ratio' ? 'reverse_ratio' : 'reverse_linear_to_2T';
  if (a.lessThanOrEqualTo(t)) return { score: w, met: true, ratio: null, case: 'met', method };
  if (t.lessThanOrEqualTo(ZERO)) return { score: ZERO, met: false, ratio: ZERO, case: 'zero', method };
  if (formula === 'ratio') return { score: scaled(t, w, a, dp), met: false, ratio: ratioOf(t, a), case: 'ratio', method };
  const twoT = t.times(TWO);
  if (a.greaterThanOrEqualTo(twoT)) return { score: ZERO, met: false, ratio: ZERO, case: 'zero', method };
  // (1 − (A − T) ÷ T) × W = (2T − A) × W ÷ T
  return { score: scaled(twoT.minus(a), w, t, dp), met: false, ratio: ratioOf(twoT.minus(a), t), case: 'linear', method };
}
