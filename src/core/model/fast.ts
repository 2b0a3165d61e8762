/**
 * The validation fast path: a converter built once from FormSchema's shape that turns a valid
 * input into exactly the Form `FormSchema.safeParse` would give, without zod's per-field
 * machinery (≈ 0.3 µs a field with transforms). It knows the field builders of fields.ts through
 * their registry (`fieldKinds`), walks nested objects and arrays, and parses any other field with
 * that field's own zod schema. On any doubt — a wrong type, a missing required field, a decimal
 * that does not read, a negative where none is allowed, a number outside its bounds, a text or
 * array of the wrong length — it answers DOUBT and the caller runs the full zod parse, which says
 * every problem in Chinese.
 * Pure: no I/O.
 */
import type { z } from 'zod';
import { fieldKinds, outOfBounds, readDecimal, type FieldKind } from './fields.js';
import { FormSchema, type Form } from './form.js';

export const DOUBT: unique symbol = Symbol('DOUBT');
type Convert = (v: unknown) => unknown;

// zod's internals as far as the walk needs them (stable in zod 4: def.type, optin/optout, checks).
interface Internals {
  def: { type: string; shape?: Record<string, z.ZodType>; element?: z.ZodType; innerType?: z.ZodType; checks?: { _zod: { def: { check: string; minimum?: number; maximum?: number } } }[] };
  optin?: 'optional' | 'defaulted';
  optout?: 'optional';
}
const zi = (s: z.ZodType) => (s as unknown as { _zod: Internals })._zod;

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A field's value converted as zod would, DOUBT when zod would report an issue. */
function leaf(kind: FieldKind): Convert {
  switch (kind.kind) {
    case 'decimal': {
      const { required, signed, percent, points } = kind;
      return (v) => {
        if (v === undefined) return required ? DOUBT : undefined;
        if (typeof v !== 'number' && typeof v !== 'string' && v !== null) return DOUBT;
        const r = readDecimal(v, percent, points);
        if (!r.ok) return DOUBT;
        const d = r.value;
        if (d === undefined) return required ? DOUBT : undefined;
        if (!signed && d.isNegative() && !d.isZero()) return DOUBT;
        return outOfBounds(d, percent, points) ? DOUBT : d;
      };
    }
    case 'text': {
      const { required, max } = kind;
      return (v) => {
        let s: string;
        if (typeof v === 'string') s = v.trim();
        else if (typeof v === 'number' && Number.isFinite(v)) s = String(v);
        else return v === undefined && !required ? undefined : DOUBT;
        return s.length > max || (required && s.length === 0) ? DOUBT : s;
      };
    }
    case 'code': {
      const { max, pattern } = kind;
      return (v) => {
        let s: string;
        if (typeof v === 'string') s = v.trim();
        else if (typeof v === 'number' && Number.isFinite(v)) s = String(v);
        else return v === undefined ? undefined : DOUBT;
        if (s === '') return undefined;
        pattern.lastIndex = 0;
        return s.length > max || !pattern.test(s) ? DOUBT : s;
      };
    }
  }
}

/** Any other field: its own zod schema decides (year, booleans, enums, defaults). */
function byZod(schema: z.ZodType): Convert {
  return (v) => {
    const r = schema.safeParse(v);
    return r.success ? r.data : DOUBT;
  };
}

interface Prop {
  key: string;
  convert: Convert;
  optin: Internals['optin'];
  optout: Internals['optout'];
}

function objectOf(shape: Record<string, z.ZodType>): Convert {
  const props: Prop[] = Object.keys(shape)
    .filter((key) => key !== '__proto__')
    .map((key) => ({ key, convert: build(shape[key]), optin: zi(shape[key]).optin, optout: zi(shape[key]).optout }));
  return (input) => {
    if (!isObject(input)) return DOUBT;
    const out: Record<string, unknown> = {};
    for (let i = 0; i < props.length; i++) {
      const { key, convert, optin, optout } = props[i];
      // As zod's handlePropertyResult: which keys appear in the output, and with what.
      const present = key in input;
      if (!present && optout === 'optional' && optin === 'optional') continue;
      const value = convert(input[key]);
      if (value === DOUBT) return DOUBT;
      if (!present && optin === undefined) return DOUBT;
      if (value === undefined) {
        if (present || (optin === 'defaulted' && optout !== 'optional')) out[key] = undefined;
      } else {
        out[key] = value;
      }
    }
    return out;
  };
}

function arrayOf(schema: z.ZodType): Convert | null {
  const def = zi(schema).def;
  let min = 0;
  let max = Infinity;
  for (const c of def.checks ?? []) {
    const cd = c._zod.def;
    if (cd.check === 'min_length') min = Math.max(min, cd.minimum!);
    else if (cd.check === 'max_length') max = Math.min(max, cd.maximum!);
    else return null; // a check the walk does not know: let zod decide
  }
  const element = build(def.element!);
  return (v) => {
    if (!Array.isArray(v) || v.length < min || v.length > max) return DOUBT;
    const out = new Array<unknown>(v.length);
    for (let i = 0; i < v.length; i++) {
      const e = element(v[i]);
      if (e === DOUBT) return DOUBT;
      out[i] = e;
    }
    return out;
  };
}

function build(schema: z.ZodType): Convert {
  // has() first: get() would also lend a registered schema's kind to a clone with more checks.
  if (fieldKinds.has(schema)) return leaf(fieldKinds.get(schema) as FieldKind);
  const { def } = zi(schema);
  if (def.type === 'object' && !def.checks?.length && !(def as { catchall?: unknown }).catchall) return objectOf(def.shape!);
  if (def.type === 'array') return arrayOf(schema) ?? byZod(schema);
  if (def.type === 'optional' && !def.checks?.length && zi(def.innerType!).optin === undefined) {
    const inner = build(def.innerType!);
    return (v) => (v === undefined ? undefined : inner(v));
  }
  return byZod(schema);
}

const convertForm = build(FormSchema);

/** The Form zod would give for a valid input; DOUBT when the full parse must decide. */
export function fastParseForm(input: unknown): Form | typeof DOUBT {
  return convertForm(input) as Form | typeof DOUBT;
}
