/**
 * Writing a target back as text and as 计算符号 codes, for the 一体化 round trip
 * (the vendor displays computesignstr + indexval + unit, integration.md §1.6.1).
 * Codes: 1 ≥, 2 ＞, 3 ＝, 4 ＜, 5 ≤ (four vendor files agree on 4 = ＜, 5 = ≤).
 * Symbols match indicators/operators.json "symbols" (a test checks it): the seed's style,
 * ASCII where ASCII exists ("=0次"), since the parser folds ＞ ＜ ＝ to ASCII anyway.
 */
import type { Operator } from './types.js';

const SYMBOL: Readonly<Record<Operator, string>> = { GE: '≥', GT: '>', EQ: '=', LT: '<', LE: '≤' };
const CODE: Readonly<Record<Operator, 1 | 2 | 3 | 4 | 5>> = { GE: 1, GT: 2, EQ: 3, LT: 4, LE: 5 };
const BY_CODE: Readonly<Record<string, Operator>> = { '1': 'GE', '2': 'GT', '3': 'EQ', '4': 'LT', '5': 'LE' };

/** "≥" for GE …; "" for null (no operator written). */
export function operatorSymbol(op: Operator | null): string {
  return op ? SYMBOL[op] : '';
}

/** The 计算符号 code 1..5. */
export function operatorCode(op: Operator): 1 | 2 | 3 | 4 | 5 {
  return CODE[op];
}

/** The operator of a 计算符号 code 1..5; null for 6 (定性), 9, 10 and anything else. */
export function operatorFromCode(code: string | number | null | undefined): Operator | null {
  if (code === null || code === undefined) return null;
  return BY_CODE[String(code).trim()] ?? null;
}

/** composeTarget('GE', '95', '%') → "≥95%". */
export function composeTarget(op: Operator | null, value: string, unit: string): string {
  return operatorSymbol(op) + value.trim() + unit.trim();
}
