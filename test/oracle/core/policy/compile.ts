/**
 * Turns a policy file into the `Policy` the engine uses: the file is parsed by
 * `PolicyFileSchema` (decimal strings become `Dec`), checked across fields (check.ts), and
 * reshaped — grade bands and budget tiers highest first, joined level keys split, a null
 * `grades` replaced by the national bands. Pure (no fs).
 */
import { createHash } from 'node:crypto';
import { Dec } from '../decimal.js';
import { checkPolicyFile } from './check.js';
import { parsePolicyFile, type PolicyFile, type PolicyFileParsed, type PolicyIssue } from './file.js';
import type { GradeBand, Policy, Tier } from './types.js';

export type { PolicyFile, PolicyFileParsed, PolicyIssue, DecimalString } from './file.js';

/** A file that passed the schema but breaks a cross-field rule (see check.ts). */
export class PolicyCompileError extends Error {
  constructor(readonly policyId: string, readonly issues: PolicyIssue[]) {
    super(`policy ${policyId}: ` + issues.map((i) => `${i.pointer} ${i.message}`).join('; '));
    this.name = 'PolicyCompileError';
  }
}

/** JSON with object keys sorted recursively, so equal content always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    const s = JSON.stringify(value);
    if (s === undefined) throw new TypeError(`canonicalJson: ${typeof value} is not JSON`);
    return s;
  }
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  const entries = Object.keys(value)
    .sort()
    .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
    .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`);
  return `{${entries.join(',')}}`;
}

/** sha256 (hex) of the canonical JSON: formatting and key order do not change it, content does. */
export function policyHash(raw: unknown): string {
  return createHash('sha256').update(canonicalJson(raw), 'utf8').digest('hex');
}

/**
 * The national bands of 财预〔2020〕10号 (优 ≥ 90, 良 ≥ 80, 中 ≥ 60, 差 ≥ 0), as in
 * scoring/national-2020.json (test/policy.test.ts checks that they agree). A file whose
 * `grades` is null (grading optional, Hubei) still computes its grade with these.
 */
export const NATIONAL_GRADES: readonly { min: string; label: string; code: string }[] = [
  { min: '90', label: '优', code: '1' },
  { min: '80', label: '良', code: '2' },
  { min: '60', label: '中', code: '3' },
  { min: '0', label: '差', code: '4' },
];

const highestFirst = <T>(items: readonly T[], key: (x: T) => Dec) => [...items].sort((a, b) => key(b).comparedTo(key(a)));

/** Parse (any JSON value), check and compile a policy file; throws `PolicyCompileError` with every problem. */
export function compilePolicy(raw: PolicyFile | unknown, hash: string): Policy {
  const parsed = parsePolicyFile(raw);
  const rawId = typeof raw === 'object' && raw !== null ? (raw as { id?: unknown }).id : undefined;
  const id = typeof rawId === 'string' ? rawId : '(no id)';
  if (!parsed.ok) throw new PolicyCompileError(id, parsed.issues);
  const issues = checkPolicyFile(parsed.file);
  if (issues.length > 0) throw new PolicyCompileError(id, issues);
  return deepFreeze(buildPolicy(parsed.file, hash));
}

function buildPolicy(f: PolicyFileParsed, hash: string): Policy {
  const gradedActuals: Record<string, Tier> = {};
  for (const [k, v] of Object.entries(f.qualitative.gradedActuals)) if (v !== undefined) gradedActuals[k] = v;
  const grades: GradeBand[] = f.grades ?? NATIONAL_GRADES.map((g) => ({ ...g, min: new Dec(g.min) }));
  const { $schema: _editorOnly, id, version, name, description, default: isDefault, appliesTo, levelPoints, gradeRequired, sources, ...params } = f;
  return {
    id,
    version,
    name,
    description,
    hash,
    isDefault,
    appliesTo: { regions: [...appliesTo.regions], yearFrom: appliesTo.years.from, yearTo: appliesTo.years.to },
    ...params,
    budget: { ...f.budget, tiers: highestFirst(f.budget.tiers, (t) => t.minRate) },
    levelPoints: Object.entries(levelPoints).map(([group, points]) => ({ keys: group.split('+'), points })),
    qualitative: { ...f.qualitative, gradedActuals },
    grades: highestFirst(grades, (g) => g.min),
    gradeRequired: gradeRequired ?? f.grades !== null,
    sources,
  };
}

/** Policies are shared by every evaluation in the process; freezing stops one from leaking into the next. */
function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !(value instanceof Dec) && !Object.isFrozen(value)) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}
