/**
 * Validate untrusted input against the form schema and say every problem at once, each with
 * a stable code, a JSON pointer and a Chinese (or English) message. Never throws.
 */
import type { z } from 'zod';
import { finding, ptr, type Code, type Finding, type Lang } from '../codes.js';
import { DOUBT, fastParseForm } from './fast.js';
import { FormSchema, LIMITS, type Form } from './form.js';
import { moneyUnitProblems } from './fields.js';
import { fieldLabel } from './labels.js';
import { requiredInRows } from './rows.js';
import { duplicateIndicators, unknownFieldFindings, unknownFields } from './structure.js';

export { FIELD_LABELS, fieldLabel } from './labels.js';

const TYPE_NAMES: Record<string, string> = {
  string: '文本',
  number: '数值',
  boolean: '布尔值',
  object: '对象',
  array: '数组',
  null: '空值',
  undefined: '空',
  int: '整数',
};

function typeOfInput(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  return typeof v;
}

const SHOWN = 40;

/**
 * A value as quoted in a message: at most 40 characters. Arrays and objects are written only
 * as deep and as long as that needs, so a 10 000-level or a megabyte value costs nothing.
 */
function show(v: unknown): string {
  const s = typeof v === 'string' ? v : preview(v, 3);
  return s.length > SHOWN ? s.slice(0, SHOWN) + '…' : s;
}

function preview(v: unknown, depth: number): string {
  if (typeof v === 'string') return JSON.stringify(v.length > SHOWN ? v.slice(0, SHOWN) : v);
  if (typeof v !== 'object' || v === null) return String(v);
  const array = Array.isArray(v);
  if (depth === 0) return array ? '[…]' : '{…}';
  const parts: string[] = [];
  let length = 0;
  const add = (part: string) => {
    parts.push(part);
    length += part.length + 1;
  };
  if (array) for (let i = 0; i < v.length && length <= SHOWN; i++) add(preview(v[i], depth - 1));
  else {
    for (const k in v) {
      if (length > SHOWN) break;
      add(JSON.stringify(k.slice(0, SHOWN)) + ':' + preview((v as Record<string, unknown>)[k], depth - 1));
    }
  }
  return (array ? '[' : '{') + parts.join(',') + (array ? ']' : '}');
}

export function issueToFinding(issue: z.core.$ZodIssue, lang: Lang): Finding {
  const path = issue.path;
  const pointer = ptr(...path.map((p) => (typeof p === 'symbol' ? String(p) : p)));
  const field = fieldLabel(path);
  const hasInput = 'input' in issue;
  const input = (issue as { input?: unknown }).input;
  const mk = (code: Code, params: Record<string, string | number> = {}) =>
    finding(code, pointer, { field, ...params }, lang);

  if (!hasInput && issue.code !== 'custom' && issue.code !== 'too_small' && issue.code !== 'too_big') {
    return mk('REQUIRED');
  }
  switch (issue.code) {
    case 'custom': {
      // Custom issues name their code (fields.ts) and may carry more parameters (the bounds of VALUE_OUT_OF_RANGE).
      const { jx, ...more } = (issue.params ?? {}) as { jx?: Code } & Record<string, string>;
      return mk(jx ?? 'INVALID_VALUE', { value: show(input), ...more });
    }
    case 'invalid_union':
    case 'invalid_type': {
      if (input === undefined) return mk('REQUIRED');
      if (path.at(-1) === 'fiscalYear') return finding('INVALID_YEAR', pointer, { value: show(input) }, lang);
      if (typeof input === 'number' && !Number.isFinite(input)) return mk('NOT_A_NUMBER', { value: String(input) });
      const expected =
        issue.code === 'invalid_type' ? TYPE_NAMES[issue.expected] ?? issue.expected : '数值或文本';
      return mk('INVALID_TYPE', { expected, received: TYPE_NAMES[typeOfInput(input)] ?? typeOfInput(input) });
    }
    case 'too_small': {
      if (path.at(-1) === 'indicators') return finding('EMPTY_INDICATORS', pointer, {}, lang);
      if (path.at(-1) === 'rows') return finding('EMPTY_FUNDS', pointer, {}, lang);
      if (path.at(-1) === 'fiscalYear') return finding('INVALID_YEAR', pointer, { value: show(input) }, lang);
      if (issue.origin === 'string') return mk('EMPTY_TEXT');
      return mk('INVALID_VALUE', { value: show(input) });
    }
    case 'too_big': {
      if (path.at(-1) === 'fiscalYear') return finding('INVALID_YEAR', pointer, { value: show(input) }, lang);
      if (issue.origin === 'array') return mk('TOO_MANY_ITEMS', { max: String(issue.maximum) });
      if (issue.origin === 'string') return mk('TEXT_TOO_LONG', { max: String(issue.maximum) });
      return mk('INVALID_VALUE', { value: show(input) });
    }
    case 'invalid_format':
      return mk('INVALID_CODE', { value: show(input) });
    case 'invalid_value':
      return mk('INVALID_VALUE', { value: show(input) });
    default:
      return mk('INVALID_VALUE', { value: show(input) });
  }
}

export type ValidationResult =
  /** warnings: what validation dropped (UNKNOWN_FIELD, UNKNOWN_FIELDS_MORE); scoring appends them to the result's findings. */
  | { ok: true; form: Form; problems: Finding[]; warnings: Finding[] }
  | { ok: false; problems: Finding[] };

/**
 * Parse a form. `problems` lists every error (the form is invalid when there is one) and,
 * for an invalid form, the structural warnings found in what could be read, so the filer
 * gets everything in one answer. Unknown fields are stripped (the Form never has them) and
 * each is a warning: in `warnings` of a valid form, among the `problems` of an invalid one.
 */
export function validateForm(input: unknown, lang: Lang = 'zh'): ValidationResult {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { ok: false, problems: [finding('NOT_AN_OBJECT', '', {}, lang)] };
  }
  const unknown = unknownFields(input);
  const warnings = unknown.count > 0 ? unknownFieldFindings(unknown, lang) : [];
  // Valid forms (nearly all of them) take the fast path; anything it doubts gets zod's full answer.
  const fast = fastParseForm(input);
  // Checks zod cannot make field by field: money units against the form's unit, and the names
  // and points of every row that is scored (blank template rows and cleared rows need none).
  const extra = [...moneyUnitProblems(input, lang), ...requiredInRows((input as { indicators?: unknown }).indicators, lang)];
  if (fast !== DOUBT && extra.length === 0) return { ok: true, form: fast, problems: [], warnings };
  const r = FormSchema.safeParse(input, { reportInput: true });
  if (r.success && extra.length === 0) return { ok: true, form: r.data, problems: [], warnings };
  const problems = [...(r.success ? [] : r.error.issues.map((i) => issueToFinding(i, lang))), ...extra, ...warnings];
  // The year is coerced before it is checked, so zod reports NaN: name what the filer wrote.
  const year = problems.find((p) => p.code === 'INVALID_YEAR' && p.pointer === '/fiscalYear');
  if (year) Object.assign(year, finding('INVALID_YEAR', '/fiscalYear', { value: show((input as { fiscalYear?: unknown }).fiscalYear) }, lang));
  const indicators = (input as { indicators?: unknown }).indicators;
  if (Array.isArray(indicators) && indicators.length <= LIMITS.indicators) {
    problems.push(...duplicateIndicators(indicators, lang));
  }
  return { ok: false, problems: dedupe(problems) };
}

/** A union can report the same pointer twice; keep the first of each (code, pointer). */
function dedupe(list: Finding[]): Finding[] {
  const seen = new Set<string>();
  return list.filter((f) => {
    const k = f.code + ' ' + f.pointer;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
