/**
 * The one exact number type of jixiao: `Dec` is src/core/exact.ts's scaled integer, with
 * decimal.js's semantics at precision 40 and ROUND_HALF_UP (half away from zero: 8.765 → 8.77,
 * as finance offices round). decimal.js itself stays for what the engine never does on its hot
 * path — statistics' roots and powers, significant-digit rounding of spreadsheet cells — as
 * `BigDec`, a clone, so that the process-wide Decimal (which other libraries may configure) is
 * never touched.
 */
import { Decimal } from 'decimal.js';
import { Exact } from './exact.js';

export { divRound, mulDivRound } from './exact.js';

export const Dec = Exact;
export type Dec = Exact;

export const BigDec = Decimal.clone({
  precision: 40,
  rounding: Decimal.ROUND_HALF_UP,
  toExpNeg: -40,
  toExpPos: 40,
});
export type BigDec = InstanceType<typeof BigDec>;

export const ZERO = new Dec(0);
export const ONE = new Dec(1);
export const HUNDRED = new Dec(100);

/** Round half-up to `dp` decimal places. */
export function round(d: Dec, dp = 2): Dec {
  return d.toDecimalPlaces(dp);
}

/** Format with exactly `dp` decimals ("95" → "95.00"); the string form that crosses JSON. */
export function fmt(d: Dec, dp = 2): string {
  return d.toFixed(dp);
}

/** Format without forcing decimals (trailing zeros dropped). */
export function fmtPlain(d: Dec): string {
  return d.toString();
}

export function min(a: Dec, b: Dec): Dec {
  return a.lessThan(b) ? a : b;
}

export function max(a: Dec, b: Dec): Dec {
  return a.greaterThan(b) ? a : b;
}

export function sum(values: Iterable<Dec>): Dec {
  let s = ZERO;
  for (const v of values) s = s.plus(v);
  return s;
}
