/**
 * Reviews (复核 / 抽评) as use-cases over the store, for the HTTP routes: check the reviewer's
 * tenancy, read the reviewed version, validate the review, score it (compare.ts) and store it
 * with its audit row.
 *
 * Who reviews: a key of role `reviewer`. With a department code it is that department's
 * reviewer (office "dept:209": its units' submissions only); without one it is the bureau's
 * (office "bureau:140000" for a key bound to a region, else "bureau:*": every region).
 */
import { z } from 'zod';
import { finding, type Finding, type Lang } from '../core/codes.js';
import type { Jixiao } from '../jixiao.js';
import { actorOf, scopeOf, type Principal } from '../auth/keys.js';
import type { Repository } from '../store/repository.js';
import { StoreConflictError } from '../store/driver.js';
import type { NewReview, ReviewLevel, ReviewStore } from '../store/reviews.js';
import type { StoredResponse } from '../store/types.js';
import { canonicalJson, sha256 } from '../store/service.js';
import { runReview, type ReviewerInfo, type ReviewSubject } from './compare.js';
import type { RulePack } from './rules.js';
import { ReviewInputSchema, type ReviewInput, type ReviewResult } from './schema.js';

/** The reviewing office of a reviewer key; null for any other role. */
export function officeOf(p: Principal): { level: ReviewLevel; office: string } | null {
  if (p.role !== 'reviewer') return null;
  if (p.deptCode) return { level: 'department', office: `dept:${p.deptCode}` };
  return { level: 'bureau', office: `bureau:${p.mofDivCode ?? '*'}` };
}

const LABELS: Record<string, string> = {
  grade: '抽评等级',
  conclusion: '复核结论',
  indicators: '复核指标',
  index: '序号',
  pointer: '指针',
  name: '指标名称',
  actual: '复核完成值',
  score: '复核得分',
  reason: '理由',
  evidence: '佐证材料',
  survey: '满意度调查',
};

function label(path: readonly PropertyKey[]): string {
  const last = String(path.at(-1) ?? '');
  const item = path[0] === 'indicators' && typeof path[1] === 'number' ? `复核指标第${path[1] + 1}项的` : '';
  return item + (LABELS[last] ?? last);
}

const shown = (v: unknown): string => {
  const s = typeof v === 'string' ? v : JSON.stringify(v) ?? String(v);
  return s.length > 40 ? s.slice(0, 40) + '…' : s;
};

/** A zod issue of a review body as a problem with its JSON pointer. */
function problemOf(issue: z.core.$ZodIssue, lang: Lang): Finding[] {
  const pointer = issue.path.map((p) => '/' + String(p).replace(/~/g, '~0').replace(/\//g, '~1')).join('');
  const input = (issue as { input?: unknown }).input;
  const field = label(issue.path);
  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.keys.map((k) => finding('INVALID_VALUE', `${pointer}/${k}`, { field: k, value: lang === 'en' ? '(unknown field)' : '（未知字段）' }, lang));
    case 'custom': {
      const { jx, ...more } = (issue.params ?? {}) as { jx?: 'INVALID_VALUE' } & Record<string, string>;
      return [finding(jx ?? 'INVALID_VALUE', pointer, { field, value: shown(input), ...more }, lang)];
    }
    case 'invalid_type':
    case 'invalid_union':
      if (input === undefined) return [finding('REQUIRED', pointer, { field }, lang)];
      return [finding('INVALID_TYPE', pointer, { field, expected: issue.code === 'invalid_type' ? issue.expected : '数值或文本', received: Array.isArray(input) ? 'array' : typeof input }, lang)];
    case 'too_small':
      return [finding(issue.origin === 'string' ? 'EMPTY_TEXT' : 'INVALID_VALUE', pointer, { field, value: shown(input) }, lang)];
    case 'too_big':
      if (issue.origin === 'array') return [finding('TOO_MANY_ITEMS', pointer, { field, max: String(issue.maximum) }, lang)];
      if (issue.origin === 'string') return [finding('TEXT_TOO_LONG', pointer, { field, max: String(issue.maximum) }, lang)];
      return [finding('INVALID_VALUE', pointer, { field, value: shown(input) }, lang)];
    default:
      return [finding('INVALID_VALUE', pointer, { field, value: shown(input) }, lang)];
  }
}

/** Validates a review body; every problem at once, each with its pointer. */
export function parseReview(body: unknown, lang: Lang = 'zh'): { ok: true; review: ReviewInput } | { ok: false; problems: Finding[] } {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return { ok: false, problems: [finding('NOT_AN_OBJECT', '', {}, lang)] };
  const r = ReviewInputSchema.safeParse(body, { reportInput: true });
  return r.success ? { ok: true, review: r.data } : { ok: false, problems: r.error.issues.flatMap((i) => problemOf(i, lang)) };
}

export type CreateOutcome =
  | { kind: 'stored' | 'replayed'; response: StoredResponse }
  | { kind: 'idempotency_mismatch' }
  | { kind: 'not_found' }
  | { kind: 'forbidden' }
  | { kind: 'invalid'; problems: Finding[] };

export interface CreateRequest {
  submissionId: string;
  version: number;
  body: unknown;
  pack: RulePack | null;
  lang?: Lang;
  /** The Idempotency-Key header: a retry gets the first answer, not a new version. */
  idempotencyKey?: string;
}

/** The answer to a stored review (kept for replays of its Idempotency-Key). */
function respond(saved: { id: string; version: number; created: boolean }, review: ReviewResult): StoredResponse {
  const links = { self: `/v1/reviews/${saved.id}`, version: `/v1/reviews/${saved.id}/versions/${saved.version}`, export: `/v1/reviews/${saved.id}/export` };
  return { status: 201, body: { ...saved, links, review } };
}

/** The stored row of a review version. */
function storedRow(r: ReviewResult, office: { level: ReviewLevel; office: string }, body: unknown): NewReview {
  const findings: Record<string, number> = {};
  for (const f of r.findings) findings[f.code] = (findings[f.code] ?? 0) + 1;
  return {
    submissionId: r.submission.id,
    submissionVersion: r.submission.version,
    office: office.office,
    level: office.level,
    gradeCode: r.grade.code,
    rules: r.rules ? `${r.rules.id}@${r.rules.version}` : null,
    policy: { id: r.policy.id, version: r.policy.version, hash: r.policy.hash },
    selfTotal: r.totals.self.computed,
    reviewerTotal: r.totals.reviewer.total!,
    computedTotal: r.totals.computed.total!,
    computedGradeCode: r.totals.computed.gradeCode,
    inputJson: JSON.stringify(body),
    inputHash: sha256(canonicalJson(body)),
    resultJson: JSON.stringify(r),
    findings,
  };
}

/**
 * The reviewed version as the review compares against it, or null when the principal may not see
 * it (absent and out of tenancy look the same: 404). The filer's side is scored again under the
 * policy of the version's current snapshot, so that only the reviewer's values differ.
 */
async function subjectOf(jx: Jixiao, repo: Repository, p: Principal, id: string, n: number, lang: Lang): Promise<ReviewSubject | Finding[] | null> {
  const head = await repo.getHead(id, scopeOf(p));
  const version = head ? await repo.getVersion(id, n) : null;
  if (!head || !version) return null;
  const snapshot = version.snapshots[version.snapshots.length - 1];
  const policy = jx.policies.get(snapshot.policy.id) ?? jx.policyFor({ mofDivCode: head.mofDivCode, fiscalYear: head.fiscalYear });
  const self = jx.scoreInput(version.input, { policy, lang });
  if (!self.ok) return self.problems;
  const { mofDivCode, fiscalYear, deptCode, agencyCode, proCode, proName } = head;
  return { submission: { id, version: n, fiscalYear, mofDivCode, deptCode, agencyCode, proCode, proName }, input: version.input, self: self.result, policy };
}

/** POST /v1/submissions/:id/versions/:n/reviews without HTTP. */
export async function createReview(jx: Jixiao, repo: Repository, reviews: ReviewStore, p: Principal, req: CreateRequest): Promise<CreateOutcome> {
  const office = officeOf(p);
  if (!office) return { kind: 'forbidden' };
  const lang = req.lang ?? 'zh';
  // Out of the reviewer's tenancy and absent look the same (404), before the body is even read.
  const subject = await subjectOf(jx, repo, p, req.submissionId, req.version, lang);
  if (subject === null) return { kind: 'not_found' };
  if (Array.isArray(subject)) return { kind: 'invalid', problems: subject };
  const parsed = parseReview(req.body, lang);
  if (!parsed.ok) return { kind: 'invalid', problems: parsed.problems };
  // Hashed only once valid (bounded); the same body for another version or rule pack is another request.
  const requestHash = sha256(canonicalJson({ submission: req.submissionId, version: req.version, rules: req.pack?.id ?? null, review: req.body }));
  const replay = async (): Promise<CreateOutcome | null> => {
    if (!req.idempotencyKey) return null;
    const prior = await repo.findIdempotent(p.keyId, req.idempotencyKey);
    if (!prior) return null;
    return prior.requestHash === requestHash ? { kind: 'replayed', response: prior.response } : { kind: 'idempotency_mismatch' };
  };
  const first = await replay();
  if (first) return first;
  const reviewer: ReviewerInfo = { ...office, keyId: p.keyId, name: p.name };
  const out = runReview(jx, subject, reviewer, parsed.review, { pack: req.pack, lang });
  if (!out.ok) return { kind: 'invalid', problems: out.problems };
  const r = out.result;
  const idem = req.idempotencyKey ? { key: req.idempotencyKey, requestHash, respond: (saved: Parameters<typeof respond>[0]) => respond(saved, r) } : undefined;
  try {
    return { kind: 'stored', response: respond(await reviews.save(storedRow(r, office, req.body), actorOf(p), idem), r) };
  } catch (err) {
    // Two retries of one Idempotency-Key raced: the loser answers with the winner's record.
    if (err instanceof StoreConflictError) {
      const again = await replay();
      if (again) return again;
    }
    throw err;
  }
}
