/**
 * A parsed target or actual as it crosses JSON (ParsedValueSchema): used by the indicator
 * results and by the target lint of the HTTP service.
 */
import type { ParsedValueOut } from '../model/result.js';
import type { Operator, ParsedValue } from '../parse/types.js';

export const OPERATOR_SYMBOL: Record<Operator, string> = { GE: '≥', GT: '>', EQ: '=', LE: '≤', LT: '<' };

/** Parsed values are frozen and memoised by the parser, so their description is cached too. */
const described = new WeakMap<ParsedValue, ParsedValueOut>();

export function describe(v: ParsedValue): ParsedValueOut {
  let out = described.get(v);
  if (!out) {
    out = Object.freeze(describeUncached(v)) as ParsedValueOut;
    described.set(v, out);
  }
  return out;
}

function describeUncached(v: ParsedValue): ParsedValueOut {
  const out: ParsedValueOut = {
    raw: v.raw,
    kind: v.kind,
    operator: null,
    operatorSymbol: null,
    value: null,
    lower: null,
    upper: null,
    unit: null,
    baseUnit: null,
    baseValue: null,
    tier: null,
    grade: null,
    isDate: false,
    answer: null,
  };
  if (v.kind === 'quantitative') {
    out.operator = v.operator;
    out.operatorSymbol = v.operator ? OPERATOR_SYMBOL[v.operator] : null;
    out.value = v.value.toString();
    out.unit = v.unit.raw || null;
    out.baseUnit = v.unit.base || null;
    out.baseValue = v.baseValue.toString();
  } else if (v.kind === 'range') {
    out.lower = v.lower.toString();
    out.upper = v.upper.toString();
    out.unit = v.unit.raw || null;
    out.baseUnit = v.unit.base || null;
  } else if (v.kind === 'qualitative') {
    out.tier = v.tier;
    out.grade = v.grade;
    out.isDate = v.isDate;
    out.answer = v.answer;
  }
  return out;
}

