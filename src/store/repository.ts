/**
 * The one repository of jixiao, written once over the Driver surface and so shared by SQLite and
 * PostgreSQL. Every write is one transaction that also appends its audit row: a submission is
 * its head, its version, its score snapshot with findings, its audit row and its idempotency
 * record, all committed together or not at all.
 */
import { randomUUID } from 'node:crypto';
import { cursorCodec, pageFrom } from './cursor.js';
import { StoreConflictError, type Driver, type Param, type Queryable } from './driver.js';
import { MIGRATIONS } from './migrations/index.js';
import * as AUDIT from './sql/audit.js';
import * as IDEM from './sql/idempotency.js';
import * as KEYS from './sql/keys.js';
import * as SNAP from './sql/snapshots.js';
import * as SUB from './sql/submissions.js';
import type {
  Actor,
  ApiKeyRecord,
  AuditEntry,
  ListFilter,
  NewSnapshot,
  Page,
  RescoreTarget,
  Role,
  Scope,
  Snapshot,
  SnapshotSummary,
  StatRow,
  StoreInfo,
  StoredResponse,
  SubmissionHead,
  SubmitOutcome,
  SubmitRequest,
  VersionRecord,
  VersionSummary,
} from './types.js';

type Row = Record<string, unknown>;

const str = (v: unknown): string => (v == null ? '' : String(v));
const strOrNull = (v: unknown): string | null => (v == null ? null : String(v));

/** Total as a fixed-width key: "93.76" → "000093.760000", so string order is numeric order (totals are ≥ 0). */
export function totalKey(total: string): string {
  const m = /^(\d+)(?:\.(\d+))?$/.exec(total.trim());
  if (!m) throw new Error(`not a non-negative decimal: ${total}`);
  const int = m[1].replace(/^0+(?=\d)/, '');
  if (int.length > 6) return '999999.999999';
  return int.padStart(6, '0') + '.' + (m[2] ?? '').slice(0, 6).padEnd(6, '0');
}

function keyFromRow(r: Row): ApiKeyRecord {
  return {
    id: str(r.id),
    name: str(r.name),
    role: str(r.role) as Role,
    agencyCode: strOrNull(r.agency_code),
    deptCode: strOrNull(r.dept_code),
    mofDivCode: strOrNull(r.mof_div_code),
    prefix: str(r.key_prefix),
    createdAt: str(r.created_at),
    createdBy: strOrNull(r.created_by),
    revokedAt: strOrNull(r.revoked_at),
  };
}

function summaryFromRow(r: Row): SnapshotSummary | null {
  if (r.snapshot_id == null) return null;
  return {
    snapshotId: Number(r.snapshot_id),
    version: Number(r.snapshot_version),
    reason: str(r.reason) as 'submit' | 'rescore',
    rescoreId: strOrNull(r.rescore_id),
    policy: { id: str(r.policy_id), version: str(r.policy_version), hash: str(r.policy_hash) },
    status: str(r.status),
    total: str(r.total),
    grade: strOrNull(r.grade),
    gradeCode: strOrNull(r.grade_code),
    reportedTotal: strOrNull(r.reported_total),
    reportedGrade: strOrNull(r.reported_grade),
    pointsTotal: str(r.points_total),
    budgetWan: str(r.budget_wan),
    createdAt: str(r.snapshot_at),
  };
}

function headFromRow(r: Row): SubmissionHead {
  return {
    id: str(r.id),
    mofDivCode: str(r.mof_div_code),
    fiscalYear: Number(r.fiscal_year),
    proCode: strOrNull(r.pro_code),
    deptCode: str(r.dept_code),
    agencyCode: str(r.agency_code),
    proName: str(r.pro_name),
    agencyName: strOrNull(r.agency_name),
    deptName: strOrNull(r.dept_name),
    currentVersion: Number(r.current_version),
    createdAt: str(r.created_at),
    updatedAt: str(r.updated_at),
    score: summaryFromRow(r),
  };
}

function versionFromRow(r: Row): VersionSummary {
  return {
    version: Number(r.version),
    evalId: strOrNull(r.eval_id),
    inputHash: str(r.input_hash),
    createdAt: str(r.created_at),
    keyId: strOrNull(r.key_id),
  };
}

/** WHERE fragments and their parameters for a filter within a scope. */
function conditions(filter: ListFilter, scope: Scope): { sql: string[]; params: Param[] } {
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
  add(SUB.where.year, filter.year);
  add(SUB.where.dept, filter.deptCode);
  add(SUB.where.agency, filter.agencyCode);
  add(SUB.where.region, filter.mofDivCode);
  add(SUB.where.proCode, filter.proCode);
  add(SUB.where.grade, filter.grade);
  add(SUB.where.finding, filter.finding);
  add(SUB.where.minTotal, filter.minTotal === undefined ? undefined : totalKey(filter.minTotal));
  add(SUB.where.maxTotal, filter.maxTotal === undefined ? undefined : totalKey(filter.maxTotal));
  return { sql, params };
}

const whereClause = (parts: string[]): string => (parts.length ? ` WHERE ${parts.join(' AND ')}` : '');

/** The cursors of the store's lists (src/store/cursor.ts): each list's sort key, newest or oldest first. */
export const CURSORS = {
  /** GET /v1/submissions: s.seq, newest first. */
  submissions: cursorCodec('submissions', ['int']),
  /** GET /v1/submissions/:id/versions: the version number, oldest first. */
  versions: cursorCodec('versions', ['int']),
  /** GET /v1/audit: the row id, newest first. */
  audit: cursorCodec('audit', ['int']),
  /** GET /v1/keys: (created_at, id), oldest first. */
  keys: cursorCodec('keys', ['string', 'string']),
} as const;

/** A cursor over one positive seq (the submissions list's). */
export const encodeCursor = (n: number): string => CURSORS.submissions.encode([n]);

export function decodeCursor(c: string): number | null {
  const v = CURSORS.submissions.decode(c);
  return v && v[0] >= 1 ? v[0] : null;
}

export interface NewKeyRow {
  id: string;
  name: string;
  role: Role;
  agencyCode: string | null;
  deptCode: string | null;
  mofDivCode: string | null;
  hash: string;
  prefix: string;
}

export class Repository {
  constructor(readonly db: Driver) {}

  async info(): Promise<StoreInfo> {
    const r = await this.db.get<{ v: number | null }>('SELECT MAX(version) AS v FROM schema_migrations');
    return { dialect: this.db.dialect, where: this.db.where, schemaVersion: Number(r?.v ?? 0) };
  }

  /** A cheap round trip, for readiness checks. */
  async ping(): Promise<void> {
    await this.db.get('SELECT 1 AS ok');
  }

  private pinging: Promise<void> | null = null;

  /**
   * Readiness: does the store answer a round trip within `timeoutMs`? One ping at a time: probes
   * that arrive while one is out wait on the same one, so a hung database does not pile them up
   * (the ping itself ends within the driver's own timeouts).
   */
  async ready(timeoutMs: number): Promise<{ ok: true; ms: number } | { ok: false; reason: 'timeout' | 'error'; error?: string }> {
    const started = performance.now();
    if (!this.pinging) {
      this.pinging = this.ping().finally(() => {
        this.pinging = null;
      });
    }
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), timeoutMs);
    });
    try {
      const r = await Promise.race([this.pinging.then(() => 'ok' as const), timeout]);
      if (r === 'timeout') return { ok: false, reason: 'timeout' };
      return { ok: true, ms: Math.trunc(performance.now() - started) };
    } catch (err) {
      // The driver's text is for the log, never for the (unauthenticated) prober.
      return { ok: false, reason: 'error', error: (err as Error).message?.slice(0, 200) ?? String(err) };
    } finally {
      clearTimeout(timer);
    }
  }

  close(): Promise<void> {
    return this.db.close();
  }

  private async audit(q: Queryable, actor: Actor, action: string, target: string | null, detail: unknown): Promise<void> {
    await q.run(AUDIT.insert, [new Date().toISOString(), actor.keyId, actor.name, actor.role, action, target, JSON.stringify(detail ?? null)]);
  }

  // ---- keys --------------------------------------------------------------------------------------

  async createKey(k: NewKeyRow, actor: Actor): Promise<ApiKeyRecord> {
    return this.db.tx(async (q) => {
      await this.insertKey(q, k, actor);
      await this.audit(q, actor, 'key.create', k.id, { role: k.role, name: k.name, agencyCode: k.agencyCode, deptCode: k.deptCode, mofDivCode: k.mofDivCode });
      return keyFromRow((await q.get<Row>(KEYS.byId, [k.id]))!);
    });
  }

  private async insertKey(q: Queryable, k: NewKeyRow, actor: Actor): Promise<void> {
    await q.run(KEYS.insert, [k.id, k.name, k.role, k.mofDivCode, k.deptCode, k.agencyCode, k.hash, k.prefix, new Date().toISOString(), actor.keyId ?? actor.name]);
  }

  /**
   * Creates the first bureau key when there is no active one (and, for a key taken from
   * BOOTSTRAP_KEY, when that key was never stored). Resolves to false when nothing was done.
   */
  async bootstrapKey(k: NewKeyRow): Promise<boolean> {
    const actor: Actor = { keyId: null, name: 'bootstrap', role: 'system' };
    return this.db.tx(async (q) => {
      if (this.db.dialect === 'postgres') await q.get(KEYS.pgBootstrapLock);
      const active = await q.get<{ n: number }>(KEYS.countActiveBureau);
      if (Number(active?.n ?? 0) > 0) return false;
      if (await q.get(KEYS.hashExists, [k.hash])) return false; // a revoked BOOTSTRAP_KEY stays revoked
      await this.insertKey(q, k, actor);
      await this.audit(q, actor, 'key.bootstrap', k.id, { role: k.role, name: k.name });
      return true;
    });
  }

  async keyByHash(hash: string): Promise<ApiKeyRecord | null> {
    const r = await this.db.get<Row>(KEYS.byHash, [hash]);
    return r ? keyFromRow(r) : null;
  }

  async listKeys(): Promise<ApiKeyRecord[]> {
    return (await this.db.all<Row>(KEYS.list)).map(keyFromRow);
  }

  /** A page of keys, oldest first, after the key `(createdAt, id)` of the previous page; with `region`, that region's keys only. */
  async keysPage(after: readonly [string, string] | null, limit: number, region: string | null = null): Promise<Page<ApiKeyRecord>> {
    const rows = after
      ? await this.db.all<Row>(KEYS.pageAfter, [region, region, after[0], after[0], after[1], limit + 1])
      : await this.db.all<Row>(KEYS.pageFirst, [region, region, limit + 1]);
    return pageFrom(rows, limit, keyFromRow, (r) => CURSORS.keys.encode([str(r.created_at), str(r.id)]));
  }

  /** 'revoked', 'already' (was revoked before) or 'missing' (also a key outside `region`, when given). */
  async revokeKey(id: string, actor: Actor, region: string | null = null): Promise<'revoked' | 'already' | 'missing'> {
    return this.db.tx(async (q) => {
      const cur = await q.get<Row>(KEYS.byId, [id]);
      if (!cur || (region !== null && cur.mof_div_code !== region)) return 'missing';
      if (cur.revoked_at != null) return 'already';
      await q.run(KEYS.revoke, [new Date().toISOString(), id]);
      await this.audit(q, actor, 'key.revoke', id, { role: cur.role, name: cur.name });
      return 'revoked';
    });
  }

  // ---- submissions -------------------------------------------------------------------------------

  async findIdempotent(keyId: string, idemKey: string): Promise<{ requestHash: string; response: StoredResponse } | null> {
    const r = await this.db.get<Row>(IDEM.find, [keyId, idemKey]);
    if (!r) return null;
    return { requestHash: str(r.request_hash), response: { status: Number(r.status), body: JSON.parse(str(r.response_json)) } };
  }

  /**
   * Stores one submission in one transaction. A retry with the same Idempotency-Key replays the
   * first answer (also when two retries race: the loser's transaction rolls back on the key's
   * primary key and the winner's answer is returned). The same eval_id with the same input adds
   * no version either.
   */
  async submit(req: SubmitRequest): Promise<SubmitOutcome> {
    const idem = req.idempotency;
    const keyId = req.actor.keyId ?? req.actor.name;
    const replay = async (): Promise<SubmitOutcome | null> => {
      if (!idem) return null;
      const prior = await this.findIdempotent(keyId, idem.key);
      if (!prior) return null;
      if (prior.requestHash !== idem.requestHash) return { kind: 'idempotency_mismatch' };
      return { kind: 'replayed', response: prior.response };
    };
    const first = await replay();
    if (first) return first;
    try {
      return await this.db.tx(async (q) => {
        const s = req.submission;
        const now = new Date().toISOString();
        const inserted = await q.run(SUB.insertHead, [
          randomUUID(), s.mofDivCode, s.fiscalYear, s.projectKey, s.proCode, s.deptCode, s.agencyCode, s.proName, s.agencyName, s.deptName, now, now,
        ]);
        // The natural key includes the unit: another unit's project of the same code is another row.
        const head = (await q.get<Row>(SUB.lockHead(this.db.dialect), [s.mofDivCode, s.fiscalYear, s.agencyCode, s.projectKey]))!;
        const id = str(head.id);
        let response: StoredResponse;
        const same = s.evalId ? await q.get<Row>(SUB.versionByEvalIdAndHash, [id, s.evalId, s.inputHash]) : undefined;
        if (same) {
          response = req.respond({ id, version: Number(same.version), created: false, replayOfEvalId: true });
        } else {
          const version = Number(head.current_version) + 1;
          await q.run(SUB.insertVersion, [id, version, s.evalId, s.inputJson, s.inputHash, now, req.actor.keyId]);
          const snapId = await this.insertSnapshot(q, id, version, s.snapshot, 'submit', null, req.actor, now);
          await q.run(SUB.updateHead, [version, snapId, s.proCode, s.deptCode, s.agencyCode, s.proName, s.agencyName, s.deptName, now, id]);
          response = req.respond({ id, version, created: inserted === 1, replayOfEvalId: false });
          await this.audit(q, req.actor, 'submission.create', id, {
            version,
            mofDivCode: s.mofDivCode,
            fiscalYear: s.fiscalYear,
            proCode: s.proCode,
            proName: s.proName,
            agencyCode: s.agencyCode,
            inputHash: s.inputHash,
            policy: s.snapshot.policy,
            total: s.snapshot.total,
            grade: s.snapshot.grade,
            idempotencyKey: idem?.key ?? null,
          });
        }
        if (idem) {
          await q.run(IDEM.insert, [keyId, idem.key, idem.requestHash, response.status, JSON.stringify(response.body), now]);
        }
        return { kind: 'stored', response } as const;
      });
    } catch (err) {
      if (err instanceof StoreConflictError) {
        const again = await replay();
        if (again) return again;
      }
      throw err;
    }
  }

  private async insertSnapshot(
    q: Queryable,
    id: string,
    version: number,
    s: NewSnapshot,
    reason: 'submit' | 'rescore',
    rescoreId: string | null,
    actor: Actor,
    now: string,
  ): Promise<number> {
    const r = await q.get<{ id: number }>(SNAP.insert, [
      id, version, reason, rescoreId, s.policy.id, s.policy.version, s.policy.hash, s.status, s.total, totalKey(s.total), s.grade, s.gradeCode,
      s.reportedTotal, s.reportedGrade, s.pointsTotal, s.budgetWan, s.resultJson, now, actor.keyId,
    ]);
    const snapId = Number(r!.id);
    for (const [code, n] of Object.entries(s.findings)) await q.run(SNAP.insertFinding, [snapId, code, n]);
    return snapId;
  }

  /** The head within a scope, or null (absent and out of scope look the same: 404). */
  async getHead(id: string, scope: Scope): Promise<SubmissionHead | null> {
    const c = conditions({}, scope);
    const r = await this.db.get<Row>(SUB.headSelect + whereClause([SUB.where.id, ...c.sql]), [id, ...c.params]);
    return r ? headFromRow(r) : null;
  }

  async listVersions(id: string): Promise<VersionSummary[]> {
    return (await this.db.all<Row>(SUB.listVersions, [id])).map(versionFromRow);
  }

  /** A page of a submission's versions, oldest first, after version `after`. */
  async versionsPage(id: string, after: number | null, limit: number): Promise<Page<VersionSummary>> {
    const rows = await this.db.all<Row>(SUB.versionsPage, [id, after ?? 0, limit + 1]);
    return pageFrom(rows, limit, versionFromRow, (r) => CURSORS.versions.encode([Number(r.version)]));
  }

  async getVersion(id: string, version: number): Promise<VersionRecord | null> {
    const r = await this.db.get<Row>(SUB.getVersion, [id, version]);
    if (!r) return null;
    const snaps = await this.db.all<Row>(SNAP.ofVersion, [id, version]);
    return {
      ...versionFromRow(r),
      input: JSON.parse(str(r.input_json)),
      snapshots: snaps.map((s) => ({ ...summaryFromRow(s)!, result: JSON.parse(str(s.result_json)) }) satisfies Snapshot),
    };
  }

  async list(filter: ListFilter, scope: Scope, cursor: number | null, limit: number): Promise<Page<SubmissionHead>> {
    const c = conditions(filter, scope);
    if (cursor !== null) {
      c.sql.push(SUB.where.before);
      c.params.push(cursor);
    }
    const rows = await this.db.all<Row>(`${SUB.headSelect}${whereClause(c.sql)} ORDER BY s.seq DESC LIMIT ?`, [...c.params, limit + 1]);
    return pageFrom(rows, limit, headFromRow, (r) => encodeCursor(Number(r.seq)));
  }

  async rescoreTargets(filter: ListFilter): Promise<RescoreTarget[]> {
    const c = conditions(filter, {});
    const rows = await this.db.all<Row>(`${SUB.rescoreSelect}${whereClause(c.sql)} ORDER BY s.seq`, c.params);
    return rows.map((r) => ({
      id: str(r.id),
      version: Number(r.current_version),
      input: JSON.parse(str(r.input_json)),
      proCode: strOrNull(r.pro_code),
      proName: str(r.pro_name),
      agencyCode: str(r.agency_code),
      deptCode: str(r.dept_code),
      current: summaryFromRow(r),
    }));
  }

  /** Adds one snapshot per target and makes it current, all in one transaction. */
  async addRescore(
    rescoreId: string,
    items: { id: string; version: number; snapshot: NewSnapshot }[],
    actor: Actor,
    detail: unknown,
  ): Promise<void> {
    await this.db.tx(async (q) => {
      const now = new Date().toISOString();
      for (const it of items) {
        const snapId = await this.insertSnapshot(q, it.id, it.version, it.snapshot, 'rescore', rescoreId, actor, now);
        await q.run(SUB.setCurrentSnapshot, [snapId, now, it.id]);
      }
      await this.audit(q, actor, 'rescore', rescoreId, detail);
    });
  }

  async statRows(filter: ListFilter): Promise<StatRow[]> {
    const c = conditions(filter, {});
    const rows = await this.db.all<Row>(`${SUB.statSelect}${whereClause(c.sql)} ORDER BY s.seq`, c.params);
    const findings = new Map<number, Record<string, number>>();
    const ids = rows.map((r) => Number(r.snapshot_id));
    for (let i = 0; i < ids.length; i += 500) {
      const chunk = ids.slice(i, i + 500);
      for (const f of await this.db.all<Row>(SNAP.findingsOf(chunk.length), chunk)) {
        const sid = Number(f.snapshot_id);
        const m = findings.get(sid) ?? {};
        m[str(f.code)] = Number(f.n);
        findings.set(sid, m);
      }
    }
    return rows.map((r) => ({
      id: str(r.id),
      mofDivCode: str(r.mof_div_code),
      fiscalYear: Number(r.fiscal_year),
      deptCode: str(r.dept_code),
      deptName: strOrNull(r.dept_name),
      agencyCode: str(r.agency_code),
      agencyName: strOrNull(r.agency_name),
      proCode: strOrNull(r.pro_code),
      proName: str(r.pro_name),
      total: str(r.total),
      grade: strOrNull(r.grade),
      gradeCode: strOrNull(r.grade_code),
      reportedTotal: strOrNull(r.reported_total),
      reportedGrade: strOrNull(r.reported_grade),
      pointsTotal: str(r.points_total),
      budgetWan: str(r.budget_wan),
      policyId: str(r.policy_id),
      firstGrade: strOrNull(r.first_grade),
      findings: findings.get(Number(r.snapshot_id)) ?? {},
    }));
  }

  // ---- audit -------------------------------------------------------------------------------------

  /** A page of the audit log; with `region`, the writes of that region's keys only. */
  async auditPage(opts: { cursor: number | null; limit: number; action?: string; target?: string; region?: string | null }): Promise<Page<AuditEntry>> {
    const action = opts.action ?? null;
    const target = opts.target ?? null;
    const region = opts.region ?? null;
    const rows = await this.db.all<Row>(AUDIT.page, [opts.cursor ?? Number.MAX_SAFE_INTEGER, action, action, target, target, region, region, opts.limit + 1]);
    const entry = (r: Row): AuditEntry => ({
      id: Number(r.id),
      at: str(r.at),
      keyId: strOrNull(r.key_id),
      keyName: strOrNull(r.key_name),
      role: strOrNull(r.role),
      action: str(r.action),
      target: strOrNull(r.target),
      detail: JSON.parse(str(r.detail) || 'null'),
    });
    return pageFrom(rows, opts.limit, entry, (r) => CURSORS.audit.encode([Number(r.id)]));
  }
}

export const LATEST_SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1].version;
