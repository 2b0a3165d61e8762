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

/**
 * One object's converter, generated once as straight-line code with each key written out: an
 * input's fields are then read and the output's written through V8's named-property caches (a
 * loop over the keys went through its slow keyed path and cost most of the validation). The
 * logic per key is zod's handlePropertyResult: which keys appear in the output, and with what.
 */
function objectOf(shape: Record<string, z.ZodType>): Convert {
  const props: Prop[] = Object.keys(shape)
    .filter((key) => key !== '__proto__')
    .map((key) => ({ key, convert: build(shape[key]), optin: zi(shape[key]).optin, optout: zi(shape[key]).optout }));
  const lines = props.map((p, i) => propCode(p, i));
  const body = `return function convertObject(input) {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return DOUBT;
  const out = {};
  let v;
${lines.join('\n')}
  return out;
};`;
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- generated from the schema's own keys, never from input
  return new Function('DOUBT', ...props.map((_, i) => `c${i}`), body)(DOUBT, ...props.map((p) => p.convert)) as Convert;
}

function propCode(p: Prop, i: number): string {
  const k = JSON.stringify(p.key);
  const skipAbsent = p.optout === 'optional' && p.optin === 'optional';
  const requiredKey = p.optin === undefined;
  const undefinedWhenAbsent = p.optin === 'defaulted' && p.optout !== 'optional';
  // An absent key: its converter sees undefined (a default may apply); a required key is DOUBT.
  const absent = `v = c${i}(undefined); if (v === DOUBT) return DOUBT;` +
    (requiredKey ? ' return DOUBT;' : undefinedWhenAbsent ? ` out[${k}] = v;` : ` if (v !== undefined) out[${k}] = v;`);
  const present = `v = c${i}(input[${k}]); if (v === DOUBT) return DOUBT; out[${k}] = v;`;
  return skipAbsent ? `  if (${k} in input) { ${present} }` : `  if (${k} in input) { ${present} } else { ${absent} }`;
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
