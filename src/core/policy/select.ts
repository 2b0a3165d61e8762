/**
 * Which policy scores a form: the one whose region is most specific for the form's
 * 财政区划 code, then the most recent; the default policy when none applies. Pure.
 */
import type { Policy } from './types.js';

export interface PolicyWhere {
  /** 财政区划 code of the form, e.g. "140100". Missing → only region-less policies apply. */
  mofDivCode?: string | null;
  /** Fiscal year of the form. Missing → the policies still in force (no yearTo) apply. */
  fiscalYear?: number | null;
}

/** "140000" → "14", "140100" → "1401": a province or city code stands for everything under it. */
export function regionPrefix(code: string): string {
  let p = code;
  while (p.length > 2 && p.endsWith('00')) p = p.slice(0, -2);
  return p;
}

/** Does `code` lie within the region `prefixCode` ("140000" covers "140100" and "140000")? */
export function regionMatches(code: string, prefixCode: string): boolean {
  return code.startsWith(regionPrefix(prefixCode));
}

/** Length of the matching region prefix; 0 for a region-less policy; -1 when it does not apply. */
function regionSpecificity(p: Policy, code: string | null): number {
  if (p.appliesTo.regions.length === 0) return 0;
  if (code === null) return -1;
  let best = -1;
  for (const r of p.appliesTo.regions) if (regionMatches(code, r)) best = Math.max(best, regionPrefix(r).length);
  return best;
}

export function yearMatches(p: Policy, year: number | null): boolean {
  const { yearFrom, yearTo } = p.appliesTo;
  // No year on the form: score it by the rules in force now, not by a closed historical profile.
  if (year === null) return yearTo === null;
  return (yearFrom === null || year >= yearFrom) && (yearTo === null || year <= yearTo);
}

export function selectPolicy(policies: Policy[], where: PolicyWhere): Policy {
  const fallback = policies.find((p) => p.isDefault);
  if (!fallback) throw new Error('selectPolicy: no default policy');
  const code = where.mofDivCode ? where.mofDivCode.trim() || null : null;
  const year = where.fiscalYear ?? null;

  let best: Policy | undefined;
  let bestSpec = -1;
  for (const p of policies) {
    const spec = regionSpecificity(p, code);
    if (spec < 0 || !yearMatches(p, year)) continue;
    if (best === undefined || better(p, spec, best, bestSpec)) {
      best = p;
      bestSpec = spec;
    }
  }
  return best ?? fallback;
}

/** Most specific region, then latest yearFrom, then the default, then id (so the choice never depends on file order). */
function better(p: Policy, spec: number, q: Policy, qSpec: number): boolean {
  if (spec !== qSpec) return spec > qSpec;
  const pf = p.appliesTo.yearFrom ?? -Infinity;
  const qf = q.appliesTo.yearFrom ?? -Infinity;
  if (pf !== qf) return pf > qf;
  if (p.isDefault !== q.isDefault) return p.isDefault;
  return p.id < q.id;
}
