/**
 * Reading a policy file: `PolicyFileSchema` (schema.ts) parses it, and every problem becomes
 * a JSON pointer into the file with a short English message in the wording of JSON Schema
 * validators ("must be string", "must NOT have additional properties"), so that a problem reads
 * the same whether an editor found it with scoring/policy.schema.json or the loader did. Pure.
 */
import { z } from 'zod';
import { PolicyFileSchema, type PolicyFileParsed } from './schema.js';

export type { PolicyFile, PolicyFileParsed, DecimalString } from './schema.js';

/** One problem in a policy file, located by a JSON pointer into the file. */
export interface PolicyIssue {
  pointer: string;
  message: string;
}

const escapePointer = (key: PropertyKey) => String(key).replace(/~/g, '~0').replace(/\//g, '~1');
const pointerOf = (path: readonly PropertyKey[]) => path.map((k) => '/' + escapePointer(k)).join('');

const TYPE_NAMES: Record<string, string> = { record: 'object', int: 'integer', nan: 'number' };

/** A regex issue's pattern without its slashes and flags: "/^\d+$/u" → "^\d+$". */
const patternOf = (p: string) => p.replace(/^\/(.*)\/[a-z]*$/s, '$1');

function tooSmallOrBig(iss: z.core.$ZodRawIssue): string {
  const small = iss.code === 'too_small';
  const n = String(small ? iss.minimum : iss.maximum);
  if (iss.origin === 'string') return `must NOT have ${small ? 'fewer' : 'more'} than ${n} characters`;
  if (iss.origin === 'array') return `must NOT have ${small ? 'fewer' : 'more'} than ${n} items`;
  const op = (small ? '>' : '<') + (iss.inclusive === false ? '' : '=');
  return `must be ${op} ${n}`;
}

/** The message of one zod issue, as a JSON Schema validator would put it. */
function messageOf(iss: z.core.$ZodRawIssue): string | undefined {
  switch (iss.code) {
    case 'invalid_type': {
      if (iss.input === undefined) return `must have required property '${String(iss.path?.at(-1) ?? '')}'`;
      const int = iss.expected === 'int' || (iss.inst instanceof z.ZodNumber && iss.inst.format === 'safeint');
      return `must be ${int ? 'integer' : (TYPE_NAMES[iss.expected] ?? iss.expected)}`;
    }
    case 'invalid_value':
      return 'must be equal to one of the allowed values';
    case 'invalid_union':
      return iss.discriminator !== undefined ? 'must be equal to one of the allowed values' : 'must match a schema in anyOf';
    case 'invalid_format':
      return iss.format === 'regex' && iss.pattern ? `must match pattern "${patternOf(iss.pattern)}"` : `must match format "${iss.format}"`;
    case 'invalid_key': {
      const inner = iss.issues.find((i) => i.code === 'invalid_format' && i.format === 'regex');
      const pattern = inner && 'pattern' in inner && typeof inner.pattern === 'string' ? `: must match pattern "${patternOf(inner.pattern)}"` : '';
      return `is not an allowed key${pattern}`;
    }
    case 'too_small':
    case 'too_big':
      return tooSmallOrBig(iss);
    default:
      return undefined;
  }
}

/** Every issue of a failed parse, unknown keys one pointer each. */
export function policyIssuesOf(error: z.ZodError): PolicyIssue[] {
  const out: PolicyIssue[] = [];
  for (const iss of error.issues) {
    if (iss.code === 'unrecognized_keys') {
      for (const k of iss.keys) out.push({ pointer: pointerOf([...iss.path, k]), message: 'must NOT have additional properties' });
    } else {
      out.push({ pointer: pointerOf(iss.path), message: iss.message });
    }
  }
  return out;
}

export type PolicyParse = { ok: true; file: PolicyFileParsed } | { ok: false; issues: PolicyIssue[] };

/** Validate a policy file's JSON against `PolicyFileSchema`: the parsed file, or every problem. */
export function parsePolicyFile(json: unknown): PolicyParse {
  const r = PolicyFileSchema.safeParse(json, { error: messageOf });
  return r.success ? { ok: true, file: r.data } : { ok: false, issues: policyIssuesOf(r.error) };
}
