/**
 * The store of asynchronous jobs (migration 003), over the same Driver as the submissions, so
 * SQLite and PostgreSQL share it. What makes a job durable:
 *   - its lines are inserted (in transactions of LINE_BATCH rows) while the body is read, and the
 *     job becomes `queued` only when all of them are in: the 202 is answered after that commit;
 *   - a line's result is written by an UPDATE guarded on `status = 'pending'`, in one transaction
 *     per chunk together with the job's counters; a crash before COMMIT leaves the whole chunk
 *     pending (scored again on the next start), a crash after leaves it done: never both, never twice;
 *   - PostgreSQL claims a chunk with FOR UPDATE SKIP LOCKED inside that same transaction, so
 *     instances sharing the database score disjoint chunks; SQLite has one writer (one process),
 *     reads the chunk, scores it outside the lock and writes it with the same guard.
 */
import type { Driver, Param, Queryable } from './driver.js';
import * as SQL from './sql/jobs.js';

export type JobState = 'receiving' | 'queued' | 'running' | 'done' | 'cancelled';
export type LineStatus = 'pending' | 'done' | 'failed';
export type CallbackState = 'pending' | 'delivered' | 'failed';

export interface JobRecord {
  seq: number;
  id: string;
  keyId: string;
  /** The posting key's 财政区划, when it is bound to one (stored submissions must be in it). */
  keyRegion: string | null;
  state: JobState;
  /** ndjson | json | xlsx */
  source: string;
  policy: string | null;
  detail: 'brief' | 'full';
  /** form: results as jixiao answers them; standard: as rows of the 一体化 standard shape. */
  shape: 'form' | 'standard';
  lang: 'zh' | 'en';
  store: boolean;
  total: number;
  done: number;
  failed: number;
  callbackUrl: string | null;
  callbackState: CallbackState | null;
  callbackNextAt: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

export interface NewJob {
  id: string;
  keyId: string;
  keyRegion: string | null;
  source: string;
  policy: string | null;
  detail: 'brief' | 'full';
  shape: 'form' | 'standard';
  lang: 'zh' | 'en';
  store: boolean;
  callbackUrl: string | null;
  callbackSecret: string | null;
}

/** One input line as stored when the job is posted (a line refused on reading is stored failed, with its problem). */
export interface NewLine {
  line: number;
  status: 'pending' | 'failed';
  proCode: string | null;
  evalId: string | null;
  formKey: string | null;
  input: string | null;
  /** JSON text: the problem of a line failed on reading. */
  result: string | null;
}

export interface ClaimedLine {
  line: number;
  input: string;
}

export interface LineOutcome {
  line: number;
  status: 'done' | 'failed';
  proCode: string | null;
  evalId: string | null;
  formKey: string | null;
  /** JSON text of the result (done) or of the problem (failed). */
  result: string;
}

export interface LineRow {
  line: number;
  status: LineStatus;
  proCode: string | null;
  evalId: string | null;
  formKey: string | null;
  /** JSON text, null while pending. */
  result: string | null;
}

export interface CallbackAttempt {
  attempt: number;
  at: string;
  status: number | null;
  error: string | null;
  ms: number;
}

type Row = Record<string, unknown>;
const strOrNull = (v: unknown): string | null => (v == null ? null : String(v));

/** Rows a multi-row INSERT carries (8 parameters each: SQLite's limit is 32766, PostgreSQL's 65535). */
const INSERT_ROWS = 100;

function jobFromRow(r: Row): JobRecord {
  return {
    seq: Number(r.seq),
    id: String(r.id),
    keyId: String(r.key_id),
    keyRegion: strOrNull(r.key_region),
    state: String(r.state) as JobState,
    source: String(r.source),
    policy: strOrNull(r.policy_id),
    detail: String(r.detail) === 'full' ? 'full' : 'brief',
    shape: String(r.shape) === 'standard' ? 'standard' : 'form',
    lang: String(r.lang) === 'en' ? 'en' : 'zh',
    store: Number(r.store_forms) === 1,
    total: Number(r.total),
    done: Number(r.done),
    failed: Number(r.failed),
    callbackUrl: strOrNull(r.callback_url),
    callbackState: strOrNull(r.callback_state) as CallbackState | null,
    callbackNextAt: strOrNull(r.callback_next_at),
    createdAt: String(r.created_at),
    startedAt: strOrNull(r.started_at),
    finishedAt: strOrNull(r.finished_at),
  };
}

function lineFromRow(r: Row): LineRow {
  return {
    line: Number(r.line),
    status: String(r.status) as LineStatus,
    proCode: strOrNull(r.pro_code),
    evalId: strOrNull(r.eval_id),
    formKey: strOrNull(r.form_key),
    result: strOrNull(r.result),
  };
}

export class JobStore {
  constructor(readonly db: Driver) {}

  /**
   * Creates a job in state `receiving` unless its key already has `maxActive` unfinished jobs
   * (counted and inserted in one transaction; PostgreSQL serialises a key's posts with an advisory lock).
   */
  async create(job: NewJob, maxActive: number): Promise<{ kind: 'created' } | { kind: 'limit'; count: number }> {
    return this.db.tx(async (q) => {
      if (this.db.dialect === 'postgres') await q.get(SQL.pgLockKey, [job.keyId]);
      const active = Number((await q.get<{ n: number }>(SQL.countActive, [job.keyId]))?.n ?? 0);
      if (active >= maxActive) return { kind: 'limit', count: active } as const;
      await q.run(SQL.insertJob, [
        job.id, job.keyId, job.keyRegion, job.source, job.policy, job.detail, job.shape, job.lang, job.store ? 1 : 0, job.callbackUrl, job.callbackSecret,
        new Date().toISOString(),
      ]);
      return { kind: 'created' } as const;
    });
  }

  /** Stores input lines, in one transaction. */
  async addLines(jobId: string, lines: readonly NewLine[]): Promise<void> {
    if (lines.length === 0) return;
    await this.db.tx(async (q) => {
      for (let i = 0; i < lines.length; i += INSERT_ROWS) {
        const part = lines.slice(i, i + INSERT_ROWS);
        const params: Param[] = [];
        for (const l of part) params.push(jobId, l.line, l.status, l.proCode, l.evalId, l.formKey, l.input, l.result);
        await q.run(SQL.insertLines(part.length), params);
      }
    });
  }

  /** The whole body is stored: the job is queued (the answer 202 follows this commit). */
  async accept(jobId: string, total: number, failed: number): Promise<boolean> {
    return (await this.db.run(SQL.accept, [total, failed, jobId])) === 1;
  }

  async get(id: string, keyId?: string): Promise<JobRecord | null> {
    const r = keyId === undefined ? await this.db.get<Row>(SQL.byId, [id]) : await this.db.get<Row>(SQL.byIdForKey, [id, keyId]);
    return r ? jobFromRow(r) : null;
  }

  /** A key's jobs, newest first; the cursor is the last seq seen. */
  async list(keyId: string, cursor: number | null, limit: number): Promise<{ items: JobRecord[]; lastSeq: number | null }> {
    const rows = await this.db.all<Row>(SQL.listForKey, [keyId, cursor ?? Number.MAX_SAFE_INTEGER, limit + 1]);
    const more = rows.length > limit;
    const items = rows.slice(0, limit).map(jobFromRow);
    const lastSeq = more ? items[items.length - 1].seq : null;
    return { items, lastSeq };
  }

  async attempts(jobId: string): Promise<CallbackAttempt[]> {
    return (await this.db.all<Row>(SQL.attempts, [jobId])).map((r) => ({
      attempt: Number(r.attempt),
      at: String(r.at),
      status: r.status == null ? null : Number(r.status),
      error: strOrNull(r.error),
      ms: Number(r.ms),
    }));
  }

  /** Cancels a queued or running job; else says the state it has already ended in. */
  async cancel(jobId: string): Promise<{ ok: true } | { ok: false; state: JobState }> {
    const n = await this.db.run(SQL.cancel, [new Date().toISOString(), jobId]);
    if (n === 1) return { ok: true };
    return { ok: false, state: (await this.get(jobId))?.state ?? 'cancelled' };
  }

  /** Results after a line number, optionally of one status. */
  async results(jobId: string, after: number, status: LineStatus | null, limit: number): Promise<LineRow[]> {
    return (await this.db.all<Row>(SQL.results, [jobId, after, status, status, limit])).map(lineFromRow);
  }

  async byProCode(jobId: string, proCode: string): Promise<LineRow[]> {
    return (await this.db.all<Row>(SQL.byProCode, [jobId, proCode])).map(lineFromRow);
  }

  // ---- the worker ----------------------------------------------------------------------------------

  /** The next job with work left whose seq is above `afterSeq`. */
  async nextJob(afterSeq: number): Promise<JobRecord | null> {
    const r = await this.db.get<Row>(SQL.nextJob, [afterSeq]);
    return r ? jobFromRow(r) : null;
  }

  async markStarted(jobId: string): Promise<void> {
    await this.db.run(SQL.start, [new Date().toISOString(), jobId]);
  }

  /**
   * Claims up to `limit` pending lines of a job, scores them with `score` and writes the outcomes
   * and the job's counters in one transaction; finishes the job when nothing is pending any more.
   * Resolves to the number of lines written (0: nothing left to claim here now).
   */
  async work(job: JobRecord, limit: number, score: (lines: ClaimedLine[]) => Promise<LineOutcome[]>, callbackDelayMs = 0): Promise<number> {
    const read = (q: Queryable) => q.all<{ line: number; input: string }>(SQL.claim(this.db.dialect), [job.id, limit]);
    const write = async (q: Queryable, outcomes: LineOutcome[]) => {
      let done = 0;
      let failed = 0;
      for (const o of outcomes) {
        const n = await q.run(SQL.finishLine, [o.status, o.proCode, o.evalId, o.formKey, o.result, job.id, o.line]);
        if (n === 1) {
          if (o.status === 'done') done++;
          else failed++;
        }
      }
      if (done + failed > 0) await q.run(SQL.addCounts, [done, failed, job.id]);
      return done + failed;
    };
    if (this.db.dialect === 'postgres') {
      const n = await this.db.tx(async (q) => {
        const rows = (await read(q)).map((r) => ({ line: Number(r.line), input: String(r.input) }));
        if (rows.length === 0) return 0;
        return write(q, await score(rows));
      });
      if (n === 0) await this.finishIfComplete(job, callbackDelayMs);
      return n;
    }
    const rows = (await read(this.db)).map((r) => ({ line: Number(r.line), input: String(r.input) }));
    if (rows.length === 0) {
      await this.finishIfComplete(job, callbackDelayMs);
      return 0;
    }
    const outcomes = await score(rows);
    return this.db.tx((q) => write(q, outcomes));
  }

  /** Marks a job done when no line is pending; schedules its callback. */
  async finishIfComplete(job: JobRecord, callbackDelayMs = 0): Promise<boolean> {
    return this.db.tx(async (q) => {
      if (await q.get(SQL.anyPending, [job.id])) return false;
      const now = new Date();
      const cb = job.callbackUrl ? 'pending' : null;
      const at = job.callbackUrl ? new Date(now.getTime() + callbackDelayMs).toISOString() : null;
      return (await q.run(SQL.finish, [now.toISOString(), cb, at, job.id])) === 1;
    });
  }

  // ---- callbacks -------------------------------------------------------------------------------------

  async dueCallbacks(now: Date): Promise<string[]> {
    return (await this.db.all<{ id: string }>(SQL.dueCallbacks, [now.toISOString()])).map((r) => String(r.id));
  }

  /** Takes a due delivery until `until` (another instance skips it meanwhile); true when it is ours. */
  async leaseCallback(jobId: string, now: Date, until: Date): Promise<boolean> {
    return (await this.db.run(SQL.leaseCallback, [until.toISOString(), jobId, now.toISOString()])) === 1;
  }

  async callbackSecret(jobId: string): Promise<string | null> {
    return strOrNull((await this.db.get<Row>(SQL.secretOf, [jobId]))?.callback_secret);
  }

  /** Records an attempt and what follows it: delivered, failed for good, or pending until `nextAt`. */
  async recordAttempt(jobId: string, a: Omit<CallbackAttempt, 'attempt'>, next: (attempts: number) => { state: CallbackState; at: string | null }): Promise<number> {
    return this.db.tx(async (q) => {
      const n = Number((await q.get<{ n: number }>(SQL.countAttempts, [jobId]))?.n ?? 0) + 1;
      await q.run(SQL.insertAttempt, [jobId, n, a.at, a.status, a.error, a.ms]);
      const s = next(n);
      await q.run(SQL.setCallback, [s.state, s.at, jobId]);
      return n;
    });
  }

  // ---- retention -------------------------------------------------------------------------------------

  /**
   * Deletes finished jobs that finished before `finishedBefore` (their callback no longer pending)
   * and uploads still `receiving` since before `receivingBefore`, a few thousand lines a transaction.
   */
  async purge(finishedBefore: Date, receivingBefore: Date, batch = 5000): Promise<number> {
    let purged = 0;
    for (;;) {
      const ids = await this.db.all<{ id: string }>(SQL.expired, [finishedBefore.toISOString(), receivingBefore.toISOString()]);
      if (ids.length === 0) return purged;
      for (const { id } of ids) {
        await this.drop(String(id), batch);
        purged++;
      }
    }
  }

  /** Removes a job and everything of it. */
  async drop(jobId: string, batch = 5000): Promise<void> {
    while ((await this.db.run(SQL.deleteLines, [jobId, jobId, batch])) > 0) {
      // a few thousand rows a transaction, so other requests get the database in between
    }
    await this.db.tx(async (q) => {
      await q.run(SQL.deleteAttempts, [jobId]);
      await q.run(SQL.deleteJob, [jobId]);
    });
  }
}
