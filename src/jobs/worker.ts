/**
 * The job worker: one loop per service instance, started and stopped with the app (routes/jobs.ts
 * hooks onReady / onClose). Each turn it
 *   1. takes the next job with pending lines (round robin: a chunk of each job in turn, so one
 *      tenant's million-form job does not hold back another's ten forms), scores a chunk
 *      (JOB_CHUNK lines) and commits the outcomes in one transaction (src/store/jobs.ts);
 *   2. delivers due callbacks (signed, retried with backoff, each attempt recorded);
 *   3. once a minute, purges jobs past JOB_RETENTION_HOURS.
 * When there is nothing to do it sleeps JOB_IDLE_MS; a job accepted by this instance wakes it at
 * once (wake()). Between chunks it yields to the event loop, so requests are answered meanwhile.
 * Several instances on one PostgreSQL database share the work (FOR UPDATE SKIP LOCKED).
 */
import { setImmediate as yieldLoop } from 'node:timers/promises';
import type { Config } from '../config.js';
import type { Jixiao } from '../jixiao.js';
import { problemBody } from '../http/problem.js';
import { StoreUnavailableError } from '../store/driver.js';
import type { JobRecord, JobStore } from '../store/jobs.js';
import type { Repository } from '../store/repository.js';
import { backoffMs, deliver } from './callback.js';
import { scoreLine } from './score.js';
import { jobSummary } from './view.js';

export interface WorkerLog {
  info(o: object, msg: string): void;
  warn(o: object, msg: string): void;
  error(o: object, msg: string): void;
}

export type WorkerConfig = Pick<
  Config,
  'jobChunk' | 'jobIdleMs' | 'jobRetentionHours' | 'callbackMaxAttempts' | 'callbackBackoffMs' | 'callbackBackoffMaxMs' | 'callbackTimeoutMs' | 'requestTimeoutMs'
>;

const PURGE_EVERY_MS = 60_000;

export class JobWorker {
  private running: Promise<void> | null = null;
  private stopping = false;
  private wakeUp: (() => void) | null = null;
  private woken = false;
  private lastSeq = 0;
  private lastPurge = 0;
  /** Lines scored since start (for tests and the log). */
  scored = 0;

  constructor(
    private readonly jobs: JobStore,
    private readonly repo: Repository,
    private readonly jx: Jixiao,
    private readonly config: WorkerConfig,
    private readonly log: WorkerLog,
  ) {}

  start(): void {
    if (this.running) return;
    this.stopping = false;
    this.running = this.loop();
  }

  /** Finishes the chunk under way (its transaction commits or rolls back whole), then stops. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.wake();
    await this.running;
    this.running = null;
  }

  /** New work: end the idle sleep now. */
  wake(): void {
    this.woken = true;
    this.wakeUp?.();
  }

  private sleep(ms: number): Promise<void> {
    if (this.woken) {
      this.woken = false;
      return Promise.resolve();
    }
    return new Promise<void>((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wakeUp = () => {
        this.wakeUp = null;
        done();
      };
    }).then(() => {
      this.woken = false;
    });
  }

  private async loop(): Promise<void> {
    while (!this.stopping) {
      let busy = false;
      try {
        busy = await this.scoreChunk();
        if (!this.stopping) busy = (await this.deliverDue()) || busy;
        if (!this.stopping && Date.now() - this.lastPurge >= PURGE_EVERY_MS) {
          this.lastPurge = Date.now();
          await this.purge();
        }
      } catch (err) {
        // The database is away (503 for requests meanwhile) or a bug: log it, wait, try again.
        const level = err instanceof StoreUnavailableError ? 'warn' : 'error';
        this.log[level]({ err: (err as Error).message }, 'job worker: turn failed');
        busy = false;
      }
      if (this.stopping) break;
      if (busy) await yieldLoop();
      else await this.sleep(this.config.jobIdleMs);
    }
  }

  /** One chunk of the next job in turn; false when no job has work this instance can take. */
  private async scoreChunk(): Promise<boolean> {
    const seen = new Set<string>();
    for (;;) {
      let job = await this.jobs.nextJob(this.lastSeq);
      if (!job && this.lastSeq > 0) {
        this.lastSeq = 0;
        job = await this.jobs.nextJob(0);
      }
      if (!job || seen.has(job.id)) return false;
      seen.add(job.id);
      this.lastSeq = job.seq;
      if (job.state === 'queued') await this.jobs.markStarted(job.id);
      const n = await this.jobs.work(job, this.config.jobChunk, (lines) => this.scoreLines(job, lines), 0);
      if (n > 0) {
        this.scored += n;
        return true;
      }
    }
  }

  private async scoreLines(job: JobRecord, lines: { line: number; input: string }[]) {
    const policy = job.policy ? this.jx.policies.get(job.policy) : undefined;
    const ctx = { jx: this.jx, job, policy, repo: this.repo };
    const out = [];
    for (const l of lines) {
      try {
        out.push(await scoreLine(ctx, l));
      } catch (err) {
        // The store away (store=true): the chunk is left pending and tried again later.
        if (err instanceof StoreUnavailableError) throw err;
        // A bug met by this input: the line fails with INTERNAL, as a batch line does, instead of
        // being retried for ever; the log has the rest.
        this.log.error({ err: (err as Error).message, job: job.id, line: l.line }, 'job worker: scoring failed');
        out.push({ line: l.line, status: 'failed' as const, proCode: null, evalId: null, formKey: null, result: JSON.stringify(problemBody('INTERNAL', {}, job.lang)) });
      }
    }
    return out;
  }

  /** Delivers the callbacks that are due; true when one was attempted. */
  private async deliverDue(): Promise<boolean> {
    const now = new Date();
    const due = await this.jobs.dueCallbacks(now);
    let any = false;
    for (const id of due) {
      if (this.stopping) break;
      const until = new Date(now.getTime() + this.config.callbackTimeoutMs + 30_000);
      if (!(await this.jobs.leaseCallback(id, now, until))) continue;
      const job = await this.jobs.get(id);
      const secret = await this.jobs.callbackSecret(id);
      if (!job || !job.callbackUrl || !secret) continue;
      any = true;
      const body = JSON.stringify({ event: 'job.finished', job: jobSummary(job) });
      const at = new Date().toISOString();
      const d = await deliver(job.callbackUrl, secret, body, this.config.callbackTimeoutMs, { 'x-jixiao-job': job.id });
      const c = this.config;
      const n = await this.jobs.recordAttempt(id, { at, status: d.status, error: d.error, ms: d.ms }, (attempt) => {
        if (d.error === null) return { state: 'delivered', at: null };
        if (attempt >= c.callbackMaxAttempts) return { state: 'failed', at: null };
        return { state: 'pending', at: new Date(Date.now() + backoffMs(attempt, c.callbackBackoffMs, c.callbackBackoffMaxMs)).toISOString() };
      });
      this.log.info({ job: id, attempt: n, status: d.status, error: d.error, ms: d.ms }, 'job callback');
    }
    return any;
  }

  private async purge(): Promise<void> {
    const now = Date.now();
    const finishedBefore = new Date(now - this.config.jobRetentionHours * 3_600_000);
    // A body still arriving after the longest a request may take is a dead upload (never answered 202).
    const receivingBefore = new Date(now - (this.config.requestTimeoutMs || 86_400_000) - 60_000);
    const n = await this.jobs.purge(finishedBefore, receivingBefore);
    if (n > 0) this.log.info({ purged: n }, 'jobs purged');
  }
}
