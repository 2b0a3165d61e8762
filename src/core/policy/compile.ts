/**
 * Turns a validated policy file into the `Policy` the engine uses: decimal strings
 * become `Dec`, grade bands and budget tiers are ordered highest first. Pure (no fs).
 */
import { createHash } from 'node:crypto';
import { Dec } from '../decimal.js';
import { checkPolicyFile } from './check.js';
import type { PolicyFile, PolicyIssue } from './file.js';
import type { Policy, Tier } from './types.js';

export type { PolicyFile, PolicyIssue, DecimalString } from './file.js';

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

const dec = (s: string) => new Dec(s);
const decOrNull = (s: string | null) => (s === null ? null : new Dec(s));

export function compilePolicy(raw: PolicyFile, hash: string): Policy {
  const issues = checkPolicyFile(raw);
  if (issues.length > 0) throw new PolicyCompileError(raw.id, issues);

  const levelPoints: Record<string, Dec> = {};
  for (const [k, v] of Object.entries(raw.levelPoints)) if (v !== undefined) levelPoints[k] = dec(v);
  const gradedActuals: Record<string, Tier> = {};
  for (const [k, v] of Object.entries(raw.qualitative.gradedActuals)) if (v !== undefined) gradedActuals[k] = v;
  const q = raw.qualitative;

  const policy: Policy = {
    id: raw.id,
    version: raw.version,
    name: raw.name,
    description: raw.description,
    hash,
    isDefault: raw.default,
    appliesTo: {
      regions: [...raw.appliesTo.regions],
      yearFrom: raw.appliesTo.years.from,
      yearTo: raw.appliesTo.years.to,
    },
    totalPoints: dec(raw.totalPoints),
    scoreDecimals: raw.scoreDecimals,
    tolerance: dec(raw.tolerance),
    budget: {
      points: dec(raw.budget.points),
      formula: raw.budget.formula,
      tiers: raw.budget.tiers
        .map((t) => ({ minRate: dec(t.minRate), share: dec(t.share) }))
        .sort((a, b) => b.minRate.comparedTo(a.minRate)),
      rateDecimals: raw.budget.rateDecimals,
      over100: raw.budget.over100,
      zeroBudgetBothZeroRate: decOrNull(raw.budget.zeroBudgetBothZeroRate),
      lowExecReasonThreshold: decOrNull(raw.budget.lowExecReasonThreshold),
    },
    levelPoints,
    quantitative: {
      reverseFormula: raw.quantitative.reverseFormula,
      strictOperators: raw.quantitative.strictOperators,
      overachieveFactor: dec(raw.quantitative.overachieveFactor),
      overachieveRequiresReason: raw.quantitative.overachieveRequiresReason,
      allowManualOverride: raw.quantitative.allowManualOverride,
    },
    qualitative: {
      tierMin: { A: dec(q.tierMin.A), B: dec(q.tierMin.B), C: dec(q.tierMin.C) },
      defaults: { A: decOrNull(q.defaults.A), B: decOrNull(q.defaults.B), C: decOrNull(q.defaults.C) },
      gradedActuals,
      acceptReportedScoreInTier: q.acceptReportedScoreInTier,
    },
    costRow: { defaultRowCap: decOrNull(raw.costRow.defaultRowCap) },
    adjustedTargetSkip: raw.adjustedTargetSkip,
    manualDeduction: raw.manualDeduction,
    excludeAndRenormalise: raw.excludeAndRenormalise,
    grades:
      raw.grades === null
        ? null
        : raw.grades
            .map((g) => ({ min: dec(g.min), label: g.label, code: g.code }))
            .sort((a, b) => b.min.comparedTo(a.min)),
    sources: [...raw.sources],
  };
  return deepFreeze(policy);
}

/** Policies are shared by every evaluation in the process; freezing stops one from leaking into the next. */
function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !(value instanceof Dec) && !Object.isFrozen(value)) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}
