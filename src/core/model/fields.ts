/**
 * Field builders shared by the form schemas. Amounts and scores arrive as JSON numbers or
 * decimal strings (Excel exports both) and leave the boundary as Decimals; nothing passes
 * through a binary float after JSON.parse.
 */
import { z } from 'zod';
import { Dec } from '../decimal.js';

const FULLWIDTH_DIGITS = /[０-９．－＋]/g;
const DECIMAL_RE = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;
const GROUPED_RE = /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/;

function halfWidth(s: string): string {
  return s.replace(FULLWIDTH_DIGITS, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

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

export type DecimalParse = { ok: true; value: Dec | undefined } | { ok: false };

/**
 * Read one decimal from JSON input. Empty strings and null mean "not filled in" (blank Excel
 * cells); "1,234.50", full-width digits and, where `percent` is set, a trailing % are accepted.
 */
export function readDecimal(v: unknown, percent = false, points = false): DecimalParse {
  if (v === undefined || v === null) return { ok: true, value: undefined };
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return { ok: false };
    // String(v) is the shortest round-trip form, so 0.1 becomes exactly "0.1".
    return { ok: true, value: new Dec(String(v)) };
  }
  if (typeof v !== 'string') return { ok: false };
  let s = halfWidth(v.trim()).replace(/\s+/g, '');
  if (s === '') return { ok: true, value: undefined };
  if (percent) s = s.replace(/(%|％|百分比)$/, '');
  if (points) s = s.replace(/分$/, '');
  if (GROUPED_RE.test(s)) s = s.replace(/,/g, '');
  if (!DECIMAL_RE.test(s)) return { ok: false };
  return { ok: true, value: new Dec(s) };
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
        ctx.addIssue({ code: 'custom', message: 'not a number', params: { jx: 'NOT_A_NUMBER' }, input: v });
        return z.NEVER;
      }
      if (r.value && !opts.signed && r.value.isNegative() && !r.value.isZero()) {
        ctx.addIssue({ code: 'custom', message: 'negative', params: { jx: 'NEGATIVE_NUMBER' }, input: v });
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
