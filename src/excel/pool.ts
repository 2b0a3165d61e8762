/**
 * Workbooks are read off the event loop and outside the server process: a small pool of reader
 * processes (`child_process.fork` of src/excel/reader.ts), each started with its own V8 heap limit
 * (`--max-old-space-size` = IMPORT_MEMORY_MB) and watched for resident memory, each task with a
 * time limit. A workbook over either budget kills its reader only (SIGKILL, or V8's own abort on
 * heap exhaustion): the import gets 413 and the next import gets a fresh reader, while the server
 * and every other request carry on. (Worker threads could not promise that: a thread that
 * overshoots its heap aborts the whole process, and a `--max-old-space-size` on the server's
 * command line overrides every thread's own limit.)
 * When every reader is busy and the queue is full, an import is refused at once (`busy`) rather
 * than queued: the HTTP route answers 503 with Retry-After.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Lang } from '../core/codes.js';
import type { ImportResult } from './import/index.js';
import type { ReaderReply, ReaderRequest } from './reader.js';
import type { ImportTask } from './worker.js';

export interface ImportPoolOptions {
  /** Reader processes (IMPORT_WORKERS). */
  workers: number;
  /** Imports that may wait for a reader (IMPORT_QUEUE). */
  queue: number;
  /**
   * Per workbook, from the moment a reader has it (IMPORT_TIMEOUT_MS); a workbook also waits at
   * most half of this for a free reader (then `busy`).
   */
  timeoutMs: number;
  /** Old-generation heap of each reader (IMPORT_MEMORY_MB). */
  memoryMb: number;
  /** Rows in one sheet (IMPORT_MAX_ROWS). */
  maxRows: number;
}

export type PoolOutcome =
  | { kind: 'done'; result: ImportResult }
  /** Every reader busy and the queue full, or no reader free within timeoutMs / 2: try again later. */
  | { kind: 'busy' }
  /** The workbook took longer than timeoutMs, or needed more than memoryMb. */
  | { kind: 'too_costly'; reason: 'time' | 'memory' };

/** Resident memory a reader may reach: its heap, plus room for the upload, the unpacked parts and V8's young generation. */
export function readerRssLimitMb(memoryMb: number): number {
  return Math.round(memoryMb * 1.5) + 160;
}

/** The reader is the compiled .js under dist/, or the .ts source under a TypeScript loader (tests, dev). */
const READER = fileURLToPath(new URL(import.meta.url.endsWith('.ts') ? './reader.ts' : './reader.js', import.meta.url));
/** Idle readers exit after this. */
const IDLE_MS = 30_000;
/** How often a busy reader's resident memory is read. */
const WATCH_MS = 100;

/** The server's own flags, less those that would override the reader's limits or clash with it. */
function readerExecArgv(memoryMb: number): string[] {
  const own = process.execArgv.filter((a) => !/^--(max-old-space-size|max-semi-space-size|inspect|debug)/.test(a));
  return [...own, `--max-old-space-size=${memoryMb}`];
}

/** Resident set of a process in MB (Linux /proc); null where that cannot be read. */
function rssMb(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    const m = /VmRSS:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : null;
  } catch {
    return null;
  }
}

interface Job {
  id: number;
  task: ImportTask;
  settle: (o: PoolOutcome | Error) => void;
  /** Waiting: the wait budget (then busy); with a reader: the time budget (then too_costly). */
  timer: NodeJS.Timeout | null;
  reader: Reader | null;
}

interface Reader {
  proc: ChildProcess;
  ready: boolean;
  job: Job | null;
  /** Why the pool killed it (an exit without this is V8's own heap abort or a crash). */
  killedFor: 'time' | 'memory' | null;
  /** Killed, not yet gone: takes no more work. */
  dying: boolean;
  idle: NodeJS.Timeout | null;
  watch: NodeJS.Timeout | null;
}

export class ImportPool {
  private readers = new Set<Reader>();
  private waiting: Job[] = [];
  private inflight = 0;
  private seq = 0;
  private closed = false;

  constructor(readonly opts: ImportPoolOptions) {}

  /** True when an import now would be refused: decide before reading a large upload. */
  get full(): boolean {
    return this.inflight >= this.opts.workers + this.opts.queue;
  }

  get pending(): number {
    return this.inflight;
  }

  async run(bytes: Uint8Array, opts: { sheet?: string; mofDivCode?: string; lang: Lang }): Promise<PoolOutcome> {
    if (this.full || this.closed) return { kind: 'busy' };
    this.inflight++;
    const task: ImportTask = { bytes, sheet: opts.sheet, mofDivCode: opts.mofDivCode, lang: opts.lang, maxRows: this.opts.maxRows };
    try {
      const outcome = await new Promise<PoolOutcome | Error>((resolve) => {
        let settled = false;
        const job: Job = {
          id: ++this.seq,
          task,
          reader: null,
          timer: null,
          settle: (o) => {
            if (settled) return;
            settled = true;
            if (job.timer) clearTimeout(job.timer);
            resolve(o);
          },
        };
        this.waiting.push(job);
        this.waitFor(job);
        this.dispatch();
      });
      if (outcome instanceof Error) throw outcome;
      return outcome;
    } finally {
      this.inflight--;
    }
  }

  /**
   * Waiting for a reader is bounded too (half the time budget, so that waiting and reading stay
   * within a connection's idle time): then the server is busy, try again later. The time a reader
   * takes to start is not counted.
   */
  private waitFor(job: Job): void {
    job.timer = setTimeout(() => {
      if (job.reader) return;
      if ([...this.readers].some((r) => !r.ready)) return this.waitFor(job);
      this.waiting = this.waiting.filter((j) => j !== job);
      job.settle({ kind: 'busy' });
    }, Math.ceil(this.opts.timeoutMs / 2));
    job.timer.unref();
  }

  /** Hand waiting jobs to free readers; start readers (up to `workers`) for the rest. */
  private dispatch(): void {
    while (this.waiting.length > 0 && !this.closed) {
      const free = [...this.readers].find((r) => r.ready && !r.job && !r.dying);
      if (free) {
        this.assign(free, this.waiting.shift()!);
        continue;
      }
      const starting = [...this.readers].filter((r) => !r.ready).length;
      if (this.readers.size >= this.opts.workers || starting >= this.waiting.length) return;
      this.spawn();
    }
  }

  private assign(r: Reader, job: Job): void {
    if (r.idle) clearTimeout(r.idle);
    r.idle = null;
    r.job = job;
    job.reader = r;
    this.hold(r, true);
    const limit = readerRssLimitMb(this.opts.memoryMb);
    r.watch = setInterval(() => {
      const rss = rssMb(r.proc.pid);
      if (rss !== null && rss > limit) this.kill(r, 'memory');
    }, WATCH_MS);
    r.watch.unref();
    if (job.timer) clearTimeout(job.timer);
    job.timer = setTimeout(() => this.kill(r, 'time'), this.opts.timeoutMs);
    const req: ReaderRequest = { id: job.id, task: job.task };
    r.proc.send(req);
  }

  private spawn(): void {
    const proc = fork(READER, [], {
      execArgv: readerExecArgv(this.opts.memoryMb),
      serialization: 'advanced',
      // V8's out-of-memory report is the reader's last words; the import's 413 says it for the client.
      stdio: ['ignore', 'ignore', 'ignore', 'ipc'],
    });
    const r: Reader = { proc, ready: false, job: null, killedFor: null, dying: false, idle: null, watch: null };
    this.readers.add(r);
    proc.on('message', (m: ReaderReply) => this.onReply(r, m));
    proc.on('exit', () => this.onExit(r));
    proc.on('error', () => this.onExit(r));
  }

  private onReply(r: Reader, m: ReaderReply): void {
    if ('ready' in m) {
      r.ready = true;
      this.dispatch();
      if (!r.job) this.hold(r, false);
      return;
    }
    const job = r.job;
    if (!job || job.id !== m.id || r.killedFor) return;
    this.release(r);
    job.settle(m.ok ? { kind: 'done', result: m.result as ImportResult } : new Error(m.message));
    r.idle = setTimeout(() => this.kill(r, null), IDLE_MS);
    r.idle.unref();
    this.dispatch();
  }

  private onExit(r: Reader): void {
    if (!this.readers.delete(r)) return;
    const job = r.job;
    this.release(r);
    if (r.idle) clearTimeout(r.idle);
    // Killed for its time or memory, or aborted by V8 when its heap ran out.
    if (job) job.settle({ kind: 'too_costly', reason: r.killedFor ?? 'memory' });
    if (!r.ready && !job && !this.closed) {
      // A reader that dies before it could start would die again: fail what waits instead of looping.
      for (const j of this.waiting.splice(0)) j.settle(new Error('the workbook reader process did not start'));
      return;
    }
    this.dispatch();
  }

  private release(r: Reader): void {
    if (r.watch) clearInterval(r.watch);
    r.watch = null;
    if (r.job) r.job.reader = null;
    r.job = null;
    this.hold(r, false);
  }

  /** Starting or busy, a reader keeps the process alive (a caller awaits it); idle, it does not. */
  private hold(r: Reader, on: boolean): void {
    if (on) {
      r.proc.ref();
      r.proc.channel?.ref();
    } else {
      r.proc.unref();
      r.proc.channel?.unref();
    }
  }

  private kill(r: Reader, why: 'time' | 'memory' | null): void {
    if (why && r.job && !r.killedFor) {
      r.killedFor = why;
      const job = r.job;
      this.release(r);
      // The answer does not wait for the process to go.
      job.settle({ kind: 'too_costly', reason: why });
    }
    r.dying = true;
    r.proc.kill('SIGKILL');
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const j of this.waiting.splice(0)) j.settle({ kind: 'busy' });
    const exits = [...this.readers].map((r) => new Promise<void>((resolve) => {
      if (r.proc.exitCode !== null || r.proc.signalCode !== null) return resolve();
      r.proc.once('exit', () => resolve());
      r.proc.ref(); // wait for it to go
      if (r.job) r.job.settle({ kind: 'busy' });
      r.proc.kill('SIGKILL');
    }));
    await Promise.all(exits);
    this.readers.clear();
  }
}
