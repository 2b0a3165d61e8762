/**
 * The bureau's tools over the store, shared by the HTTP routes and the CLI: read the stored
 * forms of a year (src/store/stats-queries.ts) and hand them to the pure builders of document.ts,
 * inflation.ts and whatif.ts. Nothing here writes.
 */
import { isDepartmentInput } from '../core/department/index.js';
import type { Form } from '../core/model/form.js';
import { validateForm } from '../core/model/validate.js';
import type { ScoreResult } from '../core/model/result.js';
import type { Policy } from '../core/policy/types.js';
import type { Jixiao } from '../jixiao.js';
import { isStandardShape, standardToForm, type Json } from '../standard/convert.js';
import { loadStandardCodes } from '../standard/load.js';
import type { Repository } from '../store/repository.js';
import { currentForms, departmentFormIds, eachCurrentForm, type CurrentForm } from '../store/stats-queries.js';
import type { Scope } from '../store/types.js';
import { disclosureDocument, documentItems, type DisclosureDocument, type DocumentInput, type SourceRef } from './document.js';
import { compactResult, inflationTable, type InflationForm, type InflationRow } from './inflation.js';
import { WhatifRun, type WhatifItem, type WhatifReport } from './whatif.js';

export interface DocumentRequest extends Omit<DocumentInput, 'name' | 'mofDivCode' | 'code'> {
  /** 单位代码 or 部门代码: which stored forms make the document. */
  unit?: string;
  department?: string;
}

/** The document, or null when the 部门（单位） has no stored submission that year (within the scope). */
export async function storedDocument(
  repo: Repository,
  scope: Scope,
  req: DocumentRequest,
): Promise<(DisclosureDocument & { unscored: SourceRef[] }) | null> {
  // A scope's own code and the one asked for must agree: another tenant's is "nothing stored".
  if (scope.agencyCode !== undefined && req.unit !== undefined && scope.agencyCode !== req.unit) return null;
  if (scope.deptCode !== undefined && req.department !== undefined && scope.deptCode !== req.department) return null;
  const forms = await currentForms(repo, {
    ...scope,
    year: req.year,
    ...(req.unit !== undefined ? { agencyCode: req.unit } : {}),
    ...(req.department !== undefined ? { deptCode: req.department } : {}),
  });
  if (forms.length === 0) return null;
  const { projects, dept, unscored } = documentItems(forms, storedProjectForm);
  const code = req.unit ?? req.department ?? '';
  const name = (req.unit !== undefined ? forms.find((f) => f.agencyName)?.agencyName : forms.find((f) => f.deptName)?.deptName) ?? code;
  const doc = disclosureDocument({ ...req, code, name, mofDivCode: forms[0].mofDivCode }, projects, dept);
  return { ...doc, unscored };
}

/**
 * A stored project input read back as a Form (the filer's own words: deviation notes, goals,
 * analysis), whichever shape it was filed in (a jixiao form or a 一体化 standard body, src/standard/);
 * undefined for a 部门整体支出 form or an input that no longer validates.
 */
export function storedProjectForm(input: unknown): Form | undefined {
  if (isDepartmentInput(input)) return undefined;
  const body = isStandardShape(input) ? standardToForm(input as Json, loadStandardCodes()).form : input;
  const v = validateForm(body);
  return v.ok ? v.form : undefined;
}

const notesOf = (input: unknown): (string | null)[] => storedProjectForm(input)?.indicators.map((i) => i.deviationNote ?? null) ?? [];

function inflationForm(f: CurrentForm): InflationForm | null {
  if (!f.snapshot || f.kind !== 'project') return null;
  const result = f.snapshot.result as ScoreResult | null;
  if (!result || !Array.isArray(result.indicators)) return null;
  return {
    ref: { id: f.id, version: f.version },
    deptCode: f.deptCode,
    deptName: f.deptName,
    agencyCode: f.agencyCode,
    projectKey: f.projectKey,
    reportedTotal: f.snapshot.reportedTotal,
    result: compactResult(result),
    notes: notesOf(f.input),
  };
}

/** The inflation table of a year within a scope (a department key sees its own row only); a page of results in memory at a time. */
export async function storedInflation(repo: Repository, scope: Scope, year: number): Promise<{ rows: InflationRow[]; previousYearForms: number }> {
  const read = async (y: number) => {
    const out: InflationForm[] = [];
    await eachCurrentForm(repo, { ...scope, year: y }, (page) => {
      for (const f of page) {
        const x = inflationForm(f);
        if (x) out.push(x);
      }
    });
    return out;
  };
  const now = await read(year);
  // The previous year of the same scope: what a target is compared with.
  const prev = now.length ? await read(year - 1) : [];
  return { rows: inflationTable(now, prev), previousYearForms: prev.length };
}

/** A stored form as a what-if item, with its current result as the old score. */
export function storedWhatifItem(f: CurrentForm): WhatifItem {
  return {
    ref: { id: f.id, version: f.version },
    kind: f.kind,
    deptCode: f.deptCode,
    deptName: f.deptName,
    agencyCode: f.agencyCode,
    proCode: f.proCode,
    proName: f.proName,
    input: f.input,
    old: (f.snapshot?.result as ScoreResult | undefined) ?? null,
  };
}

/** What-if over the stored forms of a year (project and 部门整体支出), read a page at a time. */
export async function storedWhatif(jx: Jixiao, repo: Repository, filter: Scope & { year: number }, policy: Policy, uploaded: boolean): Promise<WhatifReport> {
  const run = new WhatifRun(jx, policy, uploaded);
  await eachCurrentForm(repo, filter, (page) => {
    for (const f of page) run.add(storedWhatifItem(f));
  });
  return run.report();
}

/** Batch inputs (a JSON array or NDJSON lines already parsed) as what-if items. */
export function batchWhatifItems(forms: readonly unknown[]): WhatifItem[] {
  return forms.map((input, i) => {
    const o = (input && typeof input === 'object' ? input : {}) as Record<string, unknown>;
    const s = (k: string) => (typeof o[k] === 'string' && o[k] !== '' ? (o[k] as string) : null);
    return { line: i + 1, kind: s('kind') ?? 'project', deptCode: s('deptCode'), deptName: s('deptName'), agencyCode: s('agencyCode'), proCode: s('proCode'), proName: s('proName') ?? '', input };
  });
}

/** Statistics rows less the 部门整体支出 forms (kind "department"), for what counts projects. */
export async function projectRowsOnly<T extends { id: string }>(repo: Repository, filter: Scope & { year?: number }, rows: readonly T[]): Promise<T[]> {
  const skip = await departmentFormIds(repo, filter);
  return skip.size ? rows.filter((r) => !skip.has(r.id)) : [...rows];
}
