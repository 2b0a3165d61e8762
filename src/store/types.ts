/** What the store keeps, as the rest of jixiao sees it. Amounts and scores are decimal strings. */
import type { Dialect } from './driver.js';

export type Role = 'unit' | 'department' | 'bureau' | 'reviewer';
export const ROLES: readonly Role[] = ['unit', 'department', 'bureau', 'reviewer'];

export interface ApiKeyRecord {
  id: string;
  name: string;
  role: Role;
  /** Tenancy: a unit key's 单位代码, a department key's 部门代码, an optional 财政区划. */
  agencyCode: string | null;
  deptCode: string | null;
  mofDivCode: string | null;
  /** The first characters of the key, to recognise it in a list; never enough to use it. */
  prefix: string;
  createdAt: string;
  createdBy: string | null;
  revokedAt: string | null;
}

/** Who is asking: a key, or the command line (keys created from the CLI are audited as "cli"). */
export interface Actor {
  keyId: string | null;
  name: string;
  role: Role | 'cli' | 'system';
}

/** What a principal may see: bureau {}, department {deptCode}, unit {agencyCode}, plus a region when the key has one. */
export interface Scope {
  agencyCode?: string;
  deptCode?: string;
  mofDivCode?: string;
}

export interface PolicyRefRow {
  id: string;
  version: string;
  hash: string;
}

/** The numbers of one score, stored with every snapshot. */
export interface SnapshotNumbers {
  policy: PolicyRefRow;
  status: string;
  total: string;
  grade: string | null;
  gradeCode: string | null;
  reportedTotal: string | null;
  reportedGrade: string | null;
  pointsTotal: string;
  /** Σ 全年预算数 in 万元. */
  budgetWan: string;
}

/** One score of one version of a submission, as stored (immutable). */
export interface SnapshotSummary extends SnapshotNumbers {
  snapshotId: number;
  version: number;
  reason: 'submit' | 'rescore';
  rescoreId: string | null;
  createdAt: string;
}

export interface Snapshot extends SnapshotSummary {
  result: unknown;
}

export interface SubmissionHead {
  id: string;
  mofDivCode: string;
  fiscalYear: number;
  proCode: string | null;
  deptCode: string;
  agencyCode: string;
  proName: string;
  agencyName: string | null;
  deptName: string | null;
  currentVersion: number;
  createdAt: string;
  updatedAt: string;
  score: SnapshotSummary | null;
}

export interface VersionSummary {
  version: number;
  evalId: string | null;
  inputHash: string;
  createdAt: string;
  keyId: string | null;
}

export interface VersionRecord extends VersionSummary {
  input: unknown;
  snapshots: Snapshot[];
}

/** The computed numbers of a score, ready to store. */
export interface NewSnapshot extends SnapshotNumbers {
  findings: Record<string, number>;
  resultJson: string;
}

export interface NewSubmission {
  mofDivCode: string;
  fiscalYear: number;
  /** pro_code, or "name:<agency>:<pro_name>" when the form has no 项目代码. */
  projectKey: string;
  proCode: string | null;
  deptCode: string;
  agencyCode: string;
  proName: string;
  agencyName: string | null;
  deptName: string | null;
  evalId: string | null;
  inputJson: string;
  inputHash: string;
  snapshot: NewSnapshot;
}

export interface StoredResponse {
  status: number;
  body: unknown;
}

export interface SubmitRequest {
  submission: NewSubmission;
  actor: Actor;
  /** The Idempotency-Key header, scoped to the API key. */
  idempotency?: { key: string; requestHash: string };
  /** Builds the response from what was stored; it is kept for replays of the same Idempotency-Key. */
  respond(stored: { id: string; version: number; created: boolean; replayOfEvalId: boolean }): StoredResponse;
}

export type SubmitOutcome =
  | { kind: 'stored'; response: StoredResponse }
  | { kind: 'replayed'; response: StoredResponse }
  | { kind: 'idempotency_mismatch' };

export interface ListFilter {
  year?: number;
  deptCode?: string;
  agencyCode?: string;
  mofDivCode?: string;
  grade?: string;
  finding?: string;
  /** Inclusive bounds on the current total (decimal strings). */
  minTotal?: string;
  maxTotal?: string;
  proCode?: string;
}

/** One page of a list (keyset pagination, src/store/cursor.ts): `next` is the cursor of the next page, null on the last. */
export interface Page<T> {
  items: T[];
  next: string | null;
}

export interface RescoreTarget {
  id: string;
  version: number;
  input: unknown;
  proCode: string | null;
  proName: string;
  agencyCode: string;
  deptCode: string;
  current: SnapshotSummary | null;
}

export interface AuditEntry {
  id: number;
  at: string;
  keyId: string | null;
  keyName: string | null;
  role: string | null;
  action: string;
  target: string | null;
  detail: unknown;
}

/** One current score, for statistics. */
export interface StatRow {
  id: string;
  mofDivCode: string;
  fiscalYear: number;
  deptCode: string;
  deptName: string | null;
  agencyCode: string;
  agencyName: string | null;
  proCode: string | null;
  proName: string;
  total: string;
  grade: string | null;
  gradeCode: string | null;
  reportedTotal: string | null;
  reportedGrade: string | null;
  pointsTotal: string;
  budgetWan: string;
  policyId: string;
  /** The grade of the first snapshot of the same version (before any re-score). */
  firstGrade: string | null;
  findings: Record<string, number>;
}

export interface StoreInfo {
  dialect: Dialect;
  where: string;
  schemaVersion: number;
}
