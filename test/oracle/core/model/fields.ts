/**
 * Field builders shared by the form schemas. Amounts and scores arrive as JSON numbers or
 * decimal strings (Excel exports both) and leave the boundary as Decimals; nothing passes
 * through a binary float after JSON.parse.
 */
import { z } from 'zod';
import { fieldLabel } from './labels.js';
import { finding, ptr, type Finding, type Lang } from '../codes.js';
import { Dec } from '../decimal.js';
import { readNumberText, type MoneyUnit, type NumberKind } from '../text.js';

/**
 * What each field builder makes, for the validation fast path (fast.ts), which walks the form
 * schema once and converts these fields without zod. A registry of its own, not `.meta()`:
 * meta keys would leak into the JSON Schema and the OpenAPI document.
 */
export type FieldKind =
  | { kind: 'decimal'; required: boolean; signed: boolean; percent: boolean; points: boolean }
  | { kind: 'text'; required: boolean; max: number }
  | { kind: 'code'; max: number; pattern: RegExp };
export const fieldKinds = z.registry<FieldKind>();

/** `long`: digits enough to be out of every bound (MAX_NUMBER_TEXT), refused before they are read. */
export type DecimalParse = { ok: true; value: Dec | undefined; unit?: MoneyUnit } | { ok: false; long?: true };

/**
 * The bounds of every number a form carries, in one place (README "Security and limits"): far
 * beyond any real form, they keep absurd values (1e308 yuan, 10^15 points, 0.000…1 with a
 * thousand zeros) out of scores, the store and the statistics. A value outside them is
 * VALUE_OUT_OF_RANGE (the form is invalid, 422).
 * - amounts, in the form's own unit: |x| ≤ 10^13 (ten trillion — more than a year's national
 *   budget in 元);
 * - points and scores (分值, 得分, 人工评分, 扣减, 总分, 执行率分值): at most 1000;
 * - rates (执行率, %): at most 10^7 (a 元 / 万元 mix-up gives 10^4 × the real rate);
 * - every one of them with at most 20 decimals. Not fewer: a workbook cell holds what its formula
 *   computed, to 15 significant digits (a third of 252.83 万元 is 84.2766666666667, 100/7 points
 *   14.2857142857143), and a JSON client's double prints up to 17; the import reads the value, not
 *   what the cell displays. Statistics print amounts to 2 decimals.
 */
export const NUMBER_BOUNDS: Record<'amount' | 'points' | 'percent', { max: string; decimals: number }> = {
  amount: { max: '10000000000000', decimals: 20 },
  points: { max: '1000', decimals: 20 },
  percent: { max: '10000000', decimals: 20 },
};

/**
 * A number written with more characters than this (sign, digits and point, after grouping and
 * units are removed) lies outside every bound, and is refused before it becomes a Dec: reading a
 * megabyte of digits exactly would take seconds. The widest number within the bounds (an amount,
 * -9999999999999.99999999999999999999) has 35.
 */
export const MAX_NUMBER_TEXT = 64;

const BOUND_MAX = {
  amount: new Dec(NUMBER_BOUNDS.amount.max),
  points: new Dec(NUMBER_BOUNDS.points.max),
  percent: new Dec(NUMBER_BOUNDS.percent.max),
};

/** True when `d` lies outside the bounds of its kind (NUMBER_BOUNDS). */
export function outOfBounds(d: Dec, percent: boolean, points: boolean): boolean {
  const kind = percent ? 'percent' : points ? 'points' : 'amount';
  const max = BOUND_MAX[kind];
  return d.decimalPlaces() > NUMBER_BOUNDS[kind].decimals || d.gt(max) || d.lt(max.neg());
}

/** The parameters of a VALUE_OUT_OF_RANGE problem: the bound that was passed. */
export function boundParams(percent: boolean, points: boolean): { max: string; decimals: string } {
  const b = NUMBER_BOUNDS[percent ? 'percent' : points ? 'points' : 'amount'];
  return { max: b.max, decimals: String(b.decimals) };
}

/** A decimal field that is neither a percentage nor points is an amount of money. */
function numberKind(percent: boolean, points: boolean): NumberKind {
  return percent ? 'percent' : points ? 'points' : 'amount';
}

/**
 * Read one decimal from JSON input through the project's one number reader (core/text.ts):
 * empty strings, null and the placeholders - — / 无 mean "not filled in"; "1,234.50" and
 * full-width digits are accepted; a percent field may end in % or 百分比, a points field in 分,
 * an amount in a money unit (万元 / 元 / 亿元: returned as `unit`, checked against the form's
 * moneyUnit by moneyUnitProblems, never converted).
 */
export function readDecimal(v: unknown, percent = false, points = false): DecimalParse {
  if (v === undefined || v === null) return { ok: true, value: undefined };
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return { ok: false };
    // String(v) is the shortest round-trip form, so 0.1 becomes exactly "0.1".
    return { ok: true, value: new Dec(String(v)) };
  }
  if (typeof v !== 'string') return { ok: false };
  const r = readNumberText(v, numberKind(percent, points));
  if (r.kind === 'bad') return { ok: false };
  if (r.kind === 'number' && r.value.length > MAX_NUMBER_TEXT) return { ok: false, long: true };
  if (r.kind === 'blank') return { ok: true, value: undefined };
  return r.unit ? { ok: true, value: new Dec(r.value), unit: r.unit } : { ok: true, value: new Dec(r.value) };
}

/** The amount fields of a fund row (their labels come from labels.ts). */
const AMOUNT_FIELDS = ['declared', 'initial', 'adjustment', 'budget', 'executed', 'reportedBalance'] as const;

/**
 * The money-unit rule: an amount may carry a money unit ("31.59万元") only when it is the form's
 * moneyUnit (default 万元). Any other unit is a MONEY_UNIT_MISMATCH naming the field, both units
 * and the value: jixiao never converts between units and never guesses a magnitude. Works on raw
 * input (valid or not), so validation can say it beside every other problem.
 */
export function moneyUnitProblems(input: unknown, lang: Lang = 'zh'): Finding[] {
  if (typeof input !== 'object' || input === null) return [];
  const form = input as { moneyUnit?: unknown; funds?: { rows?: unknown } };
  const formUnit = typeof form.moneyUnit === 'string' && form.moneyUnit.trim() !== '' ? form.moneyUnit.trim() : '万元';
  const rows = form.funds && typeof form.funds === 'object' ? form.funds.rows : undefined;
  if (!Array.isArray(rows)) return [];
  const out: Finding[] = [];
  rows.forEach((row, i) => {
    if (typeof row !== 'object' || row === null) return;
    for (const key of AMOUNT_FIELDS) {
      const v = (row as Record<string, unknown>)[key];
      if (typeof v !== 'string') continue;
      const r = readDecimal(v);
      if (!r.ok || !r.unit || r.unit === formUnit) continue;
      out.push(finding('MONEY_UNIT_MISMATCH', ptr('funds', 'rows', i, key), { field: fieldLabel(['rows', i, key]), unit: r.unit, moneyUnit: formUnit, value: v.trim() }, lang));
    }
  });
  return out;
}

interface DecimalOpts {
  /** Negative values are refused (points, amounts); adjustments and balances may be negative. */
  signed?: boolean;
  percent?: boolean;
  /** Scores and points: a trailing 分 ("10分") is accepted. */
  points?: boolean;
  description: string;
}

function decimalBase(opts: DecimalOpts) {
  return z
    .union([z.number(), z.string(), z.null()])
    .transform((v, ctx): Dec | undefined => {
      const r = readDecimal(v, opts.percent, opts.points);
      if (!r.ok) {
        const params = r.long ? { jx: 'VALUE_OUT_OF_RANGE', ...boundParams(!!opts.percent, !!opts.points) } : { jx: 'NOT_A_NUMBER' };
        ctx.addIssue({ code: 'custom', message: 'not a number', params, input: v });
        return z.NEVER;
      }
      if (r.value && !opts.signed && r.value.isNegative() && !r.value.isZero()) {
        ctx.addIssue({ code: 'custom', message: 'negative', params: { jx: 'NEGATIVE_NUMBER' }, input: v });
        return z.NEVER;
      }
      if (r.value && outOfBounds(r.value, !!opts.percent, !!opts.points)) {
        const params = { jx: 'VALUE_OUT_OF_RANGE', ...boundParams(!!opts.percent, !!opts.points) };
        ctx.addIssue({ code: 'custom', message: 'out of range', params, input: v });
        return z.NEVER;
      }
      return r.value;
    });
}

/** An optional decimal: number, decimal string, "", or null. */
export function optDecimal(opts: DecimalOpts) {
  return decimalBase(opts)
    .optional()
    .meta({ description: opts.description })
    .register(fieldKinds, decimalKind(opts, false));
}

function decimalKind(opts: DecimalOpts, required: boolean): FieldKind {
  return { kind: 'decimal', required, signed: !!opts.signed, percent: !!opts.percent, points: !!opts.points };
}

/** A required decimal: present and not blank. */
export function reqDecimal(opts: DecimalOpts) {
  return decimalBase(opts)
    .refine((d) => d !== undefined, { params: { jx: 'REQUIRED' } })
    .transform((d) => d as Dec)
    .meta({ description: opts.description })
    .register(fieldKinds, decimalKind(opts, true));
}

/** Free text, trimmed; numbers are accepted and kept as written (Excel gives 2100, not "2100"). */
export function optText(max: number, description: string) {
  return z
    .union([z.string(), z.number()])
    .transform((v) => (typeof v === 'number' ? String(v) : v.trim()))
    .pipe(z.string().max(max))
    .optional()
    .meta({ description })
    .register(fieldKinds, { kind: 'text', required: false, max });
}

export function reqText(max: number, description: string) {
  return z
    .union([z.string(), z.number()])
    .transform((v) => (typeof v === 'number' ? String(v) : v.trim()))
    .pipe(z.string().min(1).max(max))
    .meta({ description })
    .register(fieldKinds, { kind: 'text', required: true, max });
}

/** An identifier code of the 一体化 standard: digits and capital letters. */
export function optCode(max: number, description: string, pattern = /^[0-9A-Za-z._-]+$/) {
  return z
    .union([z.string(), z.number()])
    .transform((v) => {
      const s = typeof v === 'number' ? String(v) : v.trim();
      return s === '' ? undefined : s;
    })
    .pipe(z.string().max(max).regex(pattern).optional())
    .optional()
    .meta({ description })
    .register(fieldKinds, { kind: 'code', max, pattern });
}
