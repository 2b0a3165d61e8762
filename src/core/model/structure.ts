/**
 * Structural checks that tolerate half-valid input, so that they can run both on a parsed
 * form (the engine) and on a form that failed validation (to report everything at once).
 */
import { z } from 'zod';
import { finding, ptr, type Finding, type Lang } from '../codes.js';
import { FormSchema } from './form.js';
import { fieldLabel } from './labels.js';

/** The keys of one object of the form, and the known objects nested under them (directly or in arrays). */
export interface Known {
  keys: Set<string>;
  nested: Map<string, Known>;
}

function unwrap(s: z.ZodType): z.ZodType {
  let t = s;
  while (t instanceof z.ZodOptional || t instanceof z.ZodDefault || t instanceof z.ZodNullable) t = t.unwrap() as z.ZodType;
  return t;
}

/** The known keys of a form schema, nested objects included (project and department forms alike). */
export function knownOf(schema: z.ZodObject): Known {
  const nested = new Map<string, Known>();
  for (const [key, field] of Object.entries(schema.shape)) {
    let inner = unwrap(field as z.ZodType);
    if (inner instanceof z.ZodArray) inner = unwrap(inner.element as z.ZodType);
    if (inner instanceof z.ZodObject) nested.set(key, knownOf(inner));
  }
  return { keys: new Set(Object.keys(schema.shape)), nested };
}

const FORM_KEYS = knownOf(FormSchema);

/** How many unknown fields are named one by one; the rest are counted in one UNKNOWN_FIELDS_MORE. */
export const UNKNOWN_FIELDS_LISTED = 20;
/** An unknown key is quoted up to this many characters (a key can be a megabyte long). */
const KEY_SHOWN = 64;

export interface UnknownFields {
  /** The paths of the first UNKNOWN_FIELDS_LISTED unknown fields, in input order. */
  paths: (string | number)[][];
  /** How many unknown fields there are in all. */
  count: number;
  /** The input less every unknown field (the very same object when it had none); values are never copied. */
  stripped: unknown;
}

type Found = Omit<UnknownFields, 'stripped'>;

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Whether an object has an unknown key at any level: no allocation, for the forms (nearly all) that have none. */
function hasUnknown(o: Record<string, unknown>, known: Known): boolean {
  for (const key in o) {
    if (!known.keys.has(key)) return true;
    const sub = known.nested.get(key);
    if (sub === undefined) continue;
    const v = o[key];
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        const e = v[i];
        if (isObject(e) && hasUnknown(e, sub)) return true;
      }
    } else if (isObject(v) && hasUnknown(v, sub)) return true;
  }
  return false;
}

/** An object less its unknown keys; the recursion follows the schema (three levels), never the input. */
function stripObject(o: Record<string, unknown>, known: Known, path: (string | number)[], found: Found): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  let changed = false;
  for (const key of Object.keys(o)) {
    if (!known.keys.has(key)) {
      if (found.paths.length < UNKNOWN_FIELDS_LISTED) found.paths.push([...path, key]);
      found.count++;
      changed = true;
      continue;
    }
    const v = o[key];
    const sub = known.nested.get(key);
    let nv = v;
    if (sub && isObject(v)) nv = stripObject(v, sub, [...path, key], found);
    else if (sub && Array.isArray(v)) nv = stripArray(v, sub, [...path, key], found);
    if (nv !== v) changed = true;
    out[key] = nv;
  }
  return changed ? out : o;
}

function stripArray(list: unknown[], known: Known, path: (string | number)[], found: Found): unknown[] {
  let out: unknown[] | null = null;
  for (let i = 0; i < list.length; i++) {
    const v = list[i];
    const nv = isObject(v) ? stripObject(v, known, [...path, i], found) : v;
    if (nv !== v) (out ??= list.slice())[i] = nv;
  }
  return out ?? list;
}

/**
 * The fields of a form that the form does not have (at any level: the form, funds, fund rows,
 * goals, indicators, analysis), and the input without them. Unknown fields are stripped, never
 * stored or echoed: validation reports each as an UNKNOWN_FIELD warning (unknownFieldFindings).
 */
export function unknownFields(input: unknown): UnknownFields {
  if (!isObject(input) || !hasUnknown(input, FORM_KEYS)) return { paths: [], count: 0, stripped: input };
  const found: Found = { paths: [], count: 0 };
  const stripped = stripObject(input, FORM_KEYS, [], found);
  return { ...found, stripped };
}

/** One UNKNOWN_FIELD warning for each listed path (keys cut to 64 characters), one UNKNOWN_FIELDS_MORE for the rest. */
export function unknownFieldFindings(u: Pick<UnknownFields, 'paths' | 'count'>, lang: Lang = 'zh'): Finding[] {
  const out = u.paths.map((path) => {
    const cut = path.map((seg) => (typeof seg === 'string' && seg.length > KEY_SHOWN ? seg.slice(0, KEY_SHOWN) + '…' : seg));
    const key = String(cut[cut.length - 1]);
    const field = cut.length > 1 ? `${fieldLabel(cut.slice(0, -1))}·${key}` : key;
    return finding('UNKNOWN_FIELD', ptr(...cut), { field }, lang);
  });
  if (u.count > u.paths.length) out.push(finding('UNKNOWN_FIELDS_MORE', '', { count: u.count - u.paths.length }, lang));
  return out;
}

/** A level name as written; any other value (an array, an object: the form is invalid then) as nothing. */
function plain(v: unknown): string {
  return typeof v === 'string' ? v.trim() : typeof v === 'number' || typeof v === 'boolean' ? String(v) : '';
}

/** A first look by name alone: nearly every form names each row once, and needs no more. */
function repeatsAName(list: readonly unknown[]): boolean {
  const names = new Set<string>();
  for (const row of list) {
    if (typeof row !== 'object' || row === null) continue;
    const name = text((row as Record<string, unknown>).name);
    if (!name) continue;
    if (names.has(name)) return true;
    names.add(name);
  }
  return false;
}

const SPACE = /\s/;
const SPACES = /\s+/g;

function text(v: unknown): string {
  if (typeof v === 'string') return SPACE.test(v) ? v.replace(SPACES, '') : v;
  return typeof v === 'number' ? String(v) : '';
}

/** The same 三级 name twice under the same 一级 / 二级 is almost always a copy-paste slip. */
export function duplicateIndicators(list: readonly unknown[], lang: Lang = 'zh'): Finding[] {
  if (!repeatsAName(list)) return [];
  const seen = new Map<string, number>();
  const out: Finding[] = [];
  list.forEach((row, i) => {
    if (typeof row !== 'object' || row === null) return;
    const r = row as Record<string, unknown>;
    const name = text(r.name);
    if (!name) return;
    const key = `${text(r.level1)}\u0000${text(r.level2)}\u0000${name}`;
    const first = seen.get(key);
    if (first === undefined) {
      seen.set(key, i);
      return;
    }
    out.push(
      finding('DUPLICATE_INDICATOR', ptr('indicators', i, 'name'), {
        name: String(r.name).trim(),
        level1: plain(r.level1),
        level2: plain(r.level2),
        first: first + 1,
      }, lang),
    );
  });
  return out;
}
