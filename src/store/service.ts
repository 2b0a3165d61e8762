/**
 * The storage use-cases on top of the core and the repository, shared by the HTTP routes and
 * the crash-test writer: validate and score a form, store it (with its score snapshot) under the
 * unit's tenancy, and re-score stored submissions under a policy.
 */
import { createHash, randomUUID } from 'node:crypto';
import { finding, type Finding, type Lang } from '../core/codes.js';
import { Dec } from '../core/decimal.js';
import type { Form } from '../core/model/form.js';
import type { ScoreResult } from '../core/model/result.js';
import { unknownFields } from '../core/model/structure.js';
import { DEPARTMENT_PROJECT_KEY, stripUnknown as stripDepartmentUnknown } from '../core/department/index.js';
import { fieldLabel } from '../core/model/validate.js';
import type { Policy } from '../core/policy/types.js';
import type { Jixiao } from '../jixiao.js';
import { standardPointer, stripUnknown } from '../standard/convert.js';
import { loadStandardCodes } from '../standard/load.js';
import { scoreAny } from '../standard/score.js';
import type { Principal } from '../auth/keys.js';
import { actorOf, unitDept } from '../auth/keys.js';
import type { Repository } from './repository.js';
import type { ListFilter, NewSnapshot, NewSubmission, StoredResponse } from './types.js';

/** JSON with object keys sorted, so that the same form always hashes the same. */
export function canonicalJson(v: unknown): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v) ?? 'null';
  if (Array.isArray(v)) return '[' + v.map(canonicalJson).join(',') + ']';
  const o = v as Record<string, unknown>;
  const keys = Object.keys(o)
    .filter((k) => o[k] !== undefined)
    .sort();
  return '{' + keys.map((k) => JSON.stringify(k) + ':' + canonicalJson(o[k])).join(',') + '}';
}

export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** The stored numbers of a result; the money sum in 万元 whatever the form's unit. */
export function snapshotOf(result: ScoreResult): NewSnapshot {
  const budget = new Dec(result.funds.budget);
  return {
    policy: { id: result.policy.id, version: result.policy.version, hash: result.policy.hash },
    status: result.status,
    total: result.total,
    grade: result.grade,
    gradeCode: result.gradeCode,
    reportedTotal: result.reported.total,
    reportedGrade: result.reported.grade,
    pointsTotal: result.pointsTotal,
    budgetWan: (result.funds.moneyUnit === '元' ? budget.div(10000) : budget).toString(),
    findings: { ...result.summary.byCode },
    resultJson: JSON.stringify(result),
  };
}

export type Prepared =
  | { kind: 'ok'; submission: NewSubmission; result: ScoreResult; form: Form }
  | { kind: 'invalid'; problems: Finding[] }
  | { kind: 'forbidden' };

/**
 * Validates, scores and checks the tenancy of a form a unit submits. Never throws on bad input.
 * What is stored and hashed is the form as sent less its unknown fields (UNKNOWN_FIELD warnings in
 * the result), and only once it is valid: the hash never walks anything validation has not bounded.
 */
export function prepareSubmission(jx: Jixiao, p: Principal, body: unknown, lang: Lang = 'zh'): Prepared {
  // Either shape (src/standard/): a standard body's eval_id is the form's id, its pointers its own.
  const any = scoreAny(jx, body, loadStandardCodes(), { lang });
  if (!any.ok) return { kind: 'invalid', problems: any.problems };
  const out = { form: any.form, result: any.lean.full() };
  const std = any.standard;
  const at = (pointer: string) => (std ? standardPointer(pointer, std.conv.pointers) : pointer);
  const form = out.form;
  const problems: Finding[] = [];
  const required = (field: 'mofDivCode' | 'agencyCode') => {
    if (!form[field]) problems.push(finding('REQUIRED', at(`/${field}`), { field: fieldLabel([field]) }, lang));
  };
  required('mofDivCode');
  required('agencyCode');
  const agency = form.agencyCode ?? '';
  if (problems.length) return { kind: 'invalid', problems };
  // The key decides the tenancy: its unit, its region (a unit key is bound to one) and its department.
  if (p.role !== 'unit' || !p.agencyCode || p.agencyCode !== agency || !p.mofDivCode || p.mofDivCode !== form.mofDivCode) return { kind: 'forbidden' };
  // A unit key carries its department; the form's must be that one, so no form can place itself out
  // of its department's sight (a shorter code such as "2" or "2091" for unit 209100 is refused too).
  const dept = unitDept(p);
  if (form.deptCode && form.deptCode !== dept) {
    return { kind: 'invalid', problems: [finding('INVALID_CODE', at('/deptCode'), { field: fieldLabel(['deptCode']), value: form.deptCode }, lang)] };
  }
  // A 部门（单位）整体支出 form keeps its own fields (core/department); one per unit and year.
  const department = out.result.kind === 'department';
  const input = std ? stripUnknown(std.body) : department ? stripDepartmentUnknown(body).stripped : unknownFields(body).stripped;
  return {
    kind: 'ok',
    form,
    result: out.result,
    submission: {
      mofDivCode: form.mofDivCode!,
      fiscalYear: form.fiscalYear,
      projectKey: department ? DEPARTMENT_PROJECT_KEY : form.proCode ?? `name:${agency}:${form.proName}`,
      proCode: form.proCode ?? null,
      deptCode: dept,
      agencyCode: agency,
      proName: form.proName,
      agencyName: form.agencyName ?? null,
      deptName: form.deptName ?? null,
      evalId: form.id ?? null,
      inputJson: JSON.stringify(input),
      inputHash: sha256(canonicalJson(input)),
      snapshot: snapshotOf(out.result),
    },
  };
}

export function scoreSummary(r: ScoreResult) {
  return { total: r.total, grade: r.grade, gradeCode: r.gradeCode, status: r.status, policy: r.policy };
}

export type SubmitResult =
  | { kind: 'stored' | 'replayed'; response: StoredResponse }
  | { kind: 'invalid'; problems: Finding[] }
  | { kind: 'forbidden' }
  | { kind: 'idempotency_mismatch' };

/** POST /v1/submissions without HTTP: what the route and the crash-test writer call. */
export async function submit(
  jx: Jixiao,
  repo: Repository,
  p: Principal,
  body: unknown,
  opts: { idempotencyKey?: string; lang?: Lang } = {},
): Promise<SubmitResult> {
  // Validate first: only a valid form (its unknown fields stripped) is hashed, so no input can make
  // the hash recurse without bound. An invalid body was never stored, so it has nothing to replay.
  const prep = prepareSubmission(jx, p, body, opts.lang);
  if (prep.kind !== 'ok') return prep;
  const idem = opts.idempotencyKey ? { key: opts.idempotencyKey, requestHash: prep.submission.inputHash } : undefined;
  // A retry is answered from the record (its first answer), not from this scoring.
  if (idem) {
    const prior = await repo.findIdempotent(p.keyId, idem.key);
    if (prior) return prior.requestHash === idem.requestHash ? { kind: 'replayed', response: prior.response } : { kind: 'idempotency_mismatch' };
  }
  const out = await repo.submit({
    submission: prep.submission,
    actor: actorOf(p),
    idempotency: idem,
    respond: ({ id, version, created, replayOfEvalId }) => ({
      status: replayOfEvalId ? 200 : 201,
      body: {
        id,
        version,
        created,
        duplicate: replayOfEvalId,
        links: { self: `/v1/submissions/${id}`, version: `/v1/submissions/${id}/versions/${version}` },
        score: scoreSummary(prep.result),
        result: prep.result,
      },
    }),
  });
  return out;
}

export interface RescoreRequest {
  year: number;
  /** A policy id; null = the policy in force for each form's region and year. */
  policy: Policy | null;
  filter: Omit<ListFilter, 'year'>;
}

export interface GradeChange {
  id: string;
  proCode: string | null;
  proName: string;
  agencyCode: string;
  deptCode: string;
  version: number;
  from: { total: string; grade: string | null; policy: { id: string; version: string } } | null;
  to: { total: string; grade: string | null; policy: { id: string; version: string } };
}

export interface RescoreOutcome {
  rescoreId: string | null;
  policy: string | null;
  year: number;
  rescored: number;
  changed: number;
  totalChanged: number;
  changes: GradeChange[];
  failed: { id: string; problems: Finding[] }[];
}

/** Re-scores the current version of every matching submission; adds snapshots, overwrites none. */
export async function rescore(jx: Jixiao, repo: Repository, p: Principal, req: RescoreRequest): Promise<RescoreOutcome> {
  const targets = await repo.rescoreTargets({ ...req.filter, year: req.year });
  const items: { id: string; version: number; snapshot: NewSnapshot }[] = [];
  const changes: GradeChange[] = [];
  const failed: RescoreOutcome['failed'] = [];
  let totalChanged = 0;
  for (const t of targets) {
    const any = scoreAny(jx, t.input, loadStandardCodes(), req.policy ? { policy: req.policy } : {});
    const out = any.ok ? { ok: true as const, result: any.lean.full() } : any;
    if (!out.ok) {
      failed.push({ id: t.id, problems: out.problems });
      continue;
    }
    const snap = snapshotOf(out.result);
    items.push({ id: t.id, version: t.version, snapshot: snap });
    const before = t.current;
    if (!before || !new Dec(before.total).eq(new Dec(snap.total))) totalChanged++;
    if (!before || before.grade !== snap.grade) {
      changes.push({
        id: t.id,
        proCode: t.proCode,
        proName: t.proName,
        agencyCode: t.agencyCode,
        deptCode: t.deptCode,
        version: t.version,
        from: before ? { total: before.total, grade: before.grade, policy: { id: before.policy.id, version: before.policy.version } } : null,
        to: { total: snap.total, grade: snap.grade, policy: { id: snap.policy.id, version: snap.policy.version } },
      });
    }
  }
  const rescoreId = items.length ? randomUUID() : null;
  if (rescoreId) {
    await repo.addRescore(rescoreId, items, actorOf(p), {
      year: req.year,
      policy: req.policy?.id ?? null,
      filter: req.filter,
      rescored: items.length,
      changed: changes.length,
    });
  }
  return {
    rescoreId,
    policy: req.policy?.id ?? null,
    year: req.year,
    rescored: items.length,
    changed: changes.length,
    totalChanged,
    changes,
    failed,
  };
}
