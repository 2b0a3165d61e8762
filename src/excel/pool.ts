/**
 * Workbooks are read off the event loop: a small pool of worker threads (piscina) runs
 * src/excel/worker.ts, each thread with a heap limit (resourceLimits) and each task with a time
 * limit (an aborted task's thread is terminated and replaced). When every thread is busy and the
 * queue is full, an import is refused at once (`busy`) rather than queued: the HTTP route answers
 * 503 with Retry-After, and health checks and every other request keep their latency.
 */
import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import type { Lang } from '../core/codes.js';
import type { ImportResult } from './import/index.js';
import type { ImportTask } from './worker.js';

export interface ImportPoolOptions {
  /** Threads (IMPORT_WORKERS). */
  workers: number;
  /** Imports that may wait for a thread (IMPORT_QUEUE). */
  queue: number;
  /** Per workbook (IMPORT_TIMEOUT_MS). */
  timeoutMs: number;
  /** Old-generation heap of each thread (IMPORT_MEMORY_MB). */
  memoryMb: number;
  /** Rows in one sheet (IMPORT_MAX_ROWS). */
  maxRows: number;
}

export type PoolOutcome =
  | { kind: 'done'; result: ImportResult }
  /** Every thread busy and the queue full: try again later. */
  | { kind: 'busy' }
  /** The workbook took longer than timeoutMs, or needed more than memoryMb. */
  | { kind: 'too_costly'; reason: 'time' | 'memory' };

// The worker is the compiled .js under dist/, or the .ts source under a TypeScript loader (tests, dev).
const WORKER = new URL(import.meta.url.endsWith('.ts') ? './worker.ts' : './worker.js', import.meta.url).href;

export class ImportPool {
  private pool: Piscina | null = null;
  private inflight = 0;

  constructor(readonly opts: ImportPoolOptions) {}

  /** Threads start on the first import, not with the app. */
  private piscina(): Piscina {
    this.pool ??= new Piscina({
      filename: WORKER,
      minThreads: 0,
      maxThreads: Math.max(1, Math.min(this.opts.workers, availableParallelism() * 4)),
      maxQueue: this.opts.queue,
      idleTimeout: 30_000,
      resourceLimits: {
        maxOldGenerationSizeMb: this.opts.memoryMb,
        maxYoungGenerationSizeMb: Math.max(8, Math.min(64, Math.floor(this.opts.memoryMb / 8))),
      },
    });
    return this.pool;
  }

  /** True when an import now would be refused: decide before reading a large upload. */
  get full(): boolean {
    return this.inflight >= this.opts.workers + this.opts.queue;
  }

  get pending(): number {
    return this.inflight;
  }

  async run(bytes: Uint8Array, opts: { sheet?: string; mofDivCode?: string; lang: Lang }): Promise<PoolOutcome> {
    if (this.full) return { kind: 'busy' };
    this.inflight++;
    const task: ImportTask = { bytes, sheet: opts.sheet, mofDivCode: opts.mofDivCode, lang: opts.lang, maxRows: this.opts.maxRows };
    try {
      const result = (await this.piscina().run(task, { signal: AbortSignal.timeout(this.opts.timeoutMs) })) as ImportResult;
      return { kind: 'done', result };
    } catch (err) {
      const e = err as { name?: string; code?: string; message?: string };
      if (e.name === 'AbortError' || e.name === 'TimeoutError') return { kind: 'too_costly', reason: 'time' };
      if (e.code === 'ERR_WORKER_OUT_OF_MEMORY') return { kind: 'too_costly', reason: 'memory' };
      if (/queue is at limit/i.test(e.message ?? '')) return { kind: 'busy' };
      throw err;
    } finally {
      this.inflight--;
    }
  }

  async close(): Promise<void> {
    const p = this.pool;
    this.pool = null;
    if (p) await p.close({ force: true });
  }
}
