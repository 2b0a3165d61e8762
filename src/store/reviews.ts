/**
 * The store of reviews (复核 / 抽评), written over the shared Driver like the repository. A
 * review belongs to one submission version and one reviewing office; writing it again from the
 * same office adds a version (old versions stay). Each write is one transaction with its audit
 * row ('review.create' for the first version, 'review.revise' after). Reads go through the
 * submission's tenancy: a review is visible to whoever may see the submission it reviews.
 */
import { randomUUID } from 'node:crypto';
import { cursorCodec } from './cursor.js';
import type { Driver, Param, Queryable } from './driver.js';
import * as AUDIT from './sql/audit.js';
import * as IDEM from './sql/idempotency.js';
import * as REV from './sql/reviews.js';
import * as SUB from './sql/submissions.js';
import type { Actor, Scope, StoredResponse } from './types.js';

type Row = Record<string, unknown>;

const str = (v: unknown): string => (v == null ? '' : String(v));
const strOrNull = (v: unknown): string | null => (v == null ? null : String(v));

export const REVIEW_CURSOR = cursorCodec('reviews', ['int']);

export type ReviewLevel = 'department' | 'bureau';

/** One version of a review, without its bodies. */
export interface ReviewVersionSummary {
  version: number;
  gradeCode: string;
  rules: string | null;
  policy: { id: string; version: string; hash: string };
  selfTotal: string;
  reviewerTotal: string;
  computedTotal: string;
  computedGradeCode: string | null;
  inputHash: string;
  createdAt: string;
  keyId: string | null;
  keyName: string | null;
}

export interface ReviewVersionRecord extends ReviewVersionSummary {
  input: unknown;
  result: unknown;
}

export interface ReviewHead {
  id: string;
  submissionId: string;
  submissionVersion: number;
  office: string;
  level: ReviewLevel;
  currentVersion: number;
  createdAt: string;
  updatedAt: string;
  submission: { mofDivCode: string; fiscalYear: number; deptCode: string; agencyCode: string; proCode: string | null; proName: string };
  current: ReviewVersionSummary;
}

export interface NewReview {
  submissionId: string;
  submissionVersion: number;
  office: string;
  level: ReviewLevel;
  gradeCode: string;
  rules: string | null;
  policy: { id: string; version: string; hash: string };
  selfTotal: string;
  reviewerTotal: string;
  computedTotal: string;
  computedGradeCode: string | null;
  inputJson: string;
  inputHash: string;
  resultJson: string;
  findings: Record<string, number>;
}

export interface ReviewFilter {
  submissionId?: string;
  submissionVersion?: number;
  year?: number;
  deptCode?: string;
  agencyCode?: string;
  mofDivCode?: string;
  level?: ReviewLevel;
  gradeCode?: string;
  finding?: string;
}

function versionFromRow(r: Row): ReviewVersionSummary {
  return {
    version: Number(r.version),
    gradeCode: str(r.version_grade_code),
    rules: strOrNull(r.rules),
    policy: { id: str(r.policy_id), version: str(r.policy_version), hash: str(r.policy_hash) },
    selfTotal: str(r.self_total),
    reviewerTotal: str(r.reviewer_total),
    computedTotal: str(r.computed_total),
    computedGradeCode: strOrNull(r.computed_grade_code),
    inputHash: str(r.input_hash),
    createdAt: str(r.version_at),
    keyId: strOrNull(r.key_id),
    keyName: strOrNull(r.key_name),
  };
}

function headFromRow(r: Row): ReviewHead {
  return {
    id: str(r.id),
    submissionId: str(r.submission_id),
    submissionVersion: Number(r.submission_version),
    office: str(r.office),
    level: str(r.level) as ReviewLevel,
    currentVersion: Number(r.current_version),
    createdAt: str(r.created_at),
    updatedAt: str(r.updated_at),
    submission: {
      mofDivCode: str(r.mof_div_code),
      fiscalYear: Number(r.fiscal_year),
      deptCode: str(r.dept_code),
      agencyCode: str(r.agency_code),
      proCode: strOrNull(r.pro_code),
      proName: str(r.pro_name),
    },
    current: versionFromRow(r),
  };
}

/** WHERE fragments for a filter within a scope (the scope is the submission's tenancy). */
function conditions(filter: ReviewFilter, scope: Scope): { sql: string[]; params: Param[] } {
  const sql: string[] = [];
  const params: Param[] = [];
  const add = (frag: string, v: Param | undefined) => {
    if (v === undefined) return;
    sql.push(frag);
    params.push(v);
  };
  add(SUB.where.agency, scope.agencyCode);
  add(SUB.where.dept, scope.deptCode);
  add(SUB.where.region, scope.mofDivCode);
  add(REV.where.submission, filter.submissionId);
  add(REV.where.submissionVersion, filter.submissionVersion);
  add(SUB.where.year, filter.year);
  add(SUB.where.dept, filter.deptCode);
  add(SUB.where.agency, filter.agencyCode);
  add(SUB.where.region, filter.mofDivCode);
  add(REV.where.level, filter.level);
  add(REV.where.grade, filter.gradeCode);
  add(REV.where.finding, filter.finding);
  return { sql, params };
}

const whereClause = (parts: string[]): string => (parts.length ? ` WHERE ${parts.join(' AND ')}` : '');

export class ReviewStore {
  constructor(readonly db: Driver) {}

  /**
   * Stores a review, or a new version of the office's review of that submission version. With an
   * Idempotency-Key, the answer `respond` builds is recorded in the same transaction (as for
   * submissions: the record is keyed by API key and Idempotency-Key); a retry is answered from it
   * by the caller, and when two retries race the loser's transaction fails on the record's primary
   * key (StoreConflictError) and the caller replays the winner's answer.
   */
  async save(
    r: NewReview,
    actor: Actor,
    idem?: { key: string; requestHash: string; respond(saved: { id: string; version: number; created: boolean }): StoredResponse },
  ): Promise<{ id: string; version: number; created: boolean }> {
    return this.db.tx(async (q) => {
      const now = new Date().toISOString();
      const inserted = await q.run(REV.insertHead, [randomUUID(), r.submissionId, r.submissionVersion, r.office, r.level, r.gradeCode, now, now]);
      const head = (await q.get<Row>(REV.lockHead(this.db.dialect), [r.submissionId, r.submissionVersion, r.office]))!;
      const id = str(head.id);
      const version = Number(head.current_version) + 1;
      await q.run(REV.insertVersion, [
        id, version, r.gradeCode, r.rules, r.policy.id, r.policy.version, r.policy.hash, r.selfTotal, r.reviewerTotal, r.computedTotal,
        r.computedGradeCode, r.inputJson, r.inputHash, r.resultJson, now, actor.keyId, actor.name,
      ]);
      for (const [code, n] of Object.entries(r.findings)) await q.run(REV.insertFinding, [id, version, code, n]);
      await q.run(REV.updateHead, [version, r.gradeCode, now, id]);
      await this.audit(q, actor, version === 1 ? 'review.create' : 'review.revise', id, {
        version,
        submissionId: r.submissionId,
        submissionVersion: r.submissionVersion,
        office: r.office,
        gradeCode: r.gradeCode,
        rules: r.rules,
        selfTotal: r.selfTotal,
        reviewerTotal: r.reviewerTotal,
        computedTotal: r.computedTotal,
        inputHash: r.inputHash,
      });
      const saved = { id, version, created: inserted === 1 };
      if (idem) {
        const response = idem.respond(saved);
        await q.run(IDEM.insert, [actor.keyId ?? actor.name, idem.key, idem.requestHash, response.status, JSON.stringify(response.body), now]);
      }
      return saved;
    });
  }

  private async audit(q: Queryable, actor: Actor, action: string, target: string, detail: unknown): Promise<void> {
    await q.run(AUDIT.insert, [new Date().toISOString(), actor.keyId, actor.name, actor.role, action, target, JSON.stringify(detail)]);
  }

  /** The review within a scope, or null (absent and out of scope look the same: 404). */
  async get(id: string, scope: Scope): Promise<ReviewHead | null> {
    const c = conditions({}, scope);
    const r = await this.db.get<Row>(REV.headSelect + whereClause([REV.where.id, ...c.sql]), [id, ...c.params]);
    return r ? headFromRow(r) : null;
  }

  async versions(id: string): Promise<ReviewVersionSummary[]> {
    return (await this.db.all<Row>(REV.listVersions, [id])).map(versionFromRow);
  }

  async version(id: string, version: number): Promise<ReviewVersionRecord | null> {
    const r = await this.db.get<Row>(REV.getVersion, [id, version]);
    if (!r) return null;
    return { ...versionFromRow(r), input: JSON.parse(str(r.input_json)), result: JSON.parse(str(r.result_json)) };
  }

  /** Newest first; `after` is the seq of the last row of the previous page. */
  async list(filter: ReviewFilter, scope: Scope, after: number | null, limit: number): Promise<{ items: ReviewHead[]; next: string | null }> {
    const c = conditions(filter, scope);
    if (after !== null) {
      c.sql.push(REV.where.before);
      c.params.push(after);
    }
    const rows = await this.db.all<Row>(`${REV.headSelect}${whereClause(c.sql)} ORDER BY r.seq DESC LIMIT ?`, [...c.params, limit + 1]);
    const more = rows.length > limit;
    const page = rows.slice(0, limit);
    const next = more ? REVIEW_CURSOR.encode([Number(page[page.length - 1].seq)]) : null;
    return { items: page.map(headFromRow), next };
  }
}
