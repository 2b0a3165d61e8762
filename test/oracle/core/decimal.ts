/**
 * The one Decimal constructor of jixiao. A clone, so that the process-wide
 * Decimal (which other libraries may configure) is never touched.
 * ROUND_HALF_UP rounds half away from zero: 8.765 → 8.77, as finance offices round.
 */
import { Decimal } from 'decimal.js';

export const Dec = Decimal.clone({
  precision: 40,
  rounding: Decimal.ROUND_HALF_UP,
  toExpNeg: -40,
  toExpPos: 40,
});
export type Dec = InstanceType<typeof Dec>;

export const ZERO = new Dec(0);
export const ONE = new Dec(1);
export const HUNDRED = new Dec(100);

/** Round half-up to `dp` decimal places. */
export function round(d: Dec, dp = 2): Dec {
  return d.toDecimalPlaces(dp, Dec.ROUND_HALF_UP);
}

/** Format with exactly `dp` decimals ("95" → "95.00"); the string form that crosses JSON. */
export function fmt(d: Dec, dp = 2): string {
  // Most values already have at most `dp` decimals (points, amounts, rounded scores): then the
  // plain digits padded with zeros are what toFixed gives, without its new Decimal and rounding.
  // (toString is plain, not exponential, well inside toExpNeg/toExpPos; NaN/∞ take toFixed.)
  const places = d.decimalPlaces();
  if (places <= dp && d.e > -30 && d.e < 30) {
    const s = d.toString();
    if (places === dp) return s;
    return (places === 0 ? s + '.' : s) + '0'.repeat(dp - places);
  }
  // toFixed rounds with the clone's ROUND_HALF_UP: one operation instead of two.
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
