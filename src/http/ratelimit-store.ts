/**
 * The rate-limit counters in PostgreSQL (RATE_LIMIT_STORE=database), shared by every instance
 * behind a load balancer: a `store` for @fastify/rate-limit over one table, `rate_limits`
 * (migration 005). Each count is one statement, an atomic upsert of the bucket's row
 * (INSERT … ON CONFLICT (bucket) DO UPDATE SET n = n + 1 … RETURNING n, ttl), with the window
 * rules of the plugin's own in-memory store: a window starts at the bucket's first request,
 * `continueExceeding` restarts it on every request over the limit, `exponentialBackoff` makes the
 * block `window · 2^(n − max − 1)`. The database's clock decides, so instances whose clocks differ
 * still agree. Expired rows are reset in place by the next request of their bucket, and deleted
 * by a sweep each instance runs at most once a minute (indexed, `SKIP LOCKED`, bounded).
 *
 * The limiter must never turn a request into a 5xx: when the database does not answer within
 * RATE_LIMIT_DB_WAIT_MS (down, frozen, pool exhausted, table missing), the counters fail over to
 * the plugin's in-memory store of this instance — the limits then hold per instance, as in
 * `memory` mode — with one warning in the log. RETRY_MS later one request tries the database
 * again (the others keep counting in memory meanwhile), and its return is logged too.
 * Connections: a pool of its own (at most POOL_MAX, and PG_POOL_MAX), so a flood of limited
 * requests never takes the store's connections.
 */
import { createRequire } from 'node:module';
import type { FastifyBaseLogger } from 'fastify';
import type { FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import type { Driver } from '../store/driver.js';
import { openPostgres } from '../store/postgres.js';

/** After a failure, the database is tried again this much later. */
export const RETRY_MS = 5000;
/** Expired rows are deleted at most this often per instance, at most SWEEP_ROWS at a time. */
const SWEEP_MS = 60_000;
const SWEEP_ROWS = 10_000;
const POOL_MAX = 4;

type Mode = 'window' | 'continue' | 'backoff';
export interface Count {
  current: number;
  /** Milliseconds until the window (or the block) ends. */
  ttl: number;
}

const NOW = `CAST(EXTRACT(EPOCH FROM now()) * 1000 AS BIGINT)`;
const p = (col: string) => `(SELECT ${col} FROM p)`;

/** The window rule for a request over the limit, per mode (see the plugin's store/LocalStore.js). */
const OVER: Record<Mode, string> = {
  window: '',
  continue: `WHEN r.n + 1 > ${p('max')} THEN ${p('now')} + ${p('win')}`,
  backoff: `WHEN r.n + 1 > ${p('max')} THEN ${p('now')} + CAST(LEAST(${p('win')} * POWER(2.0, LEAST(r.n - ${p('max')}, 60)), 9007199254740991) AS BIGINT)`,
};

/** One count: params bucket, window (ms), max. */
const incrSql = (mode: Mode) => `
WITH p AS (SELECT CAST(? AS TEXT) AS bucket, CAST(? AS BIGINT) AS win, CAST(? AS BIGINT) AS max, ${NOW} AS now)
INSERT INTO rate_limits AS r (bucket, n, expires_ms)
SELECT bucket, 1, now + win FROM p
ON CONFLICT (bucket) DO UPDATE SET
  n = CASE WHEN r.expires_ms <= ${p('now')} THEN 1 ELSE r.n + 1 END,
  expires_ms = CASE WHEN r.expires_ms <= ${p('now')} THEN ${p('now')} + ${p('win')} ${OVER[mode]} ELSE r.expires_ms END
RETURNING n, expires_ms - ${p('now')} AS ttl`;
const INCR: Record<Mode, string> = { window: incrSql('window'), continue: incrSql('continue'), backoff: incrSql('backoff') };

/** A bucket over `max` in a window not yet ended: the milliseconds left (params bucket, max). */
const PEEK = `SELECT expires_ms - ${NOW} AS ttl FROM rate_limits WHERE bucket = ? AND n > ? AND expires_ms > ${NOW}`;

const SWEEP = `DELETE FROM rate_limits WHERE bucket IN (
  SELECT bucket FROM rate_limits WHERE expires_ms <= ${NOW} ORDER BY expires_ms LIMIT ${SWEEP_ROWS} FOR UPDATE SKIP LOCKED)`;

export interface PgCounterOptions {
  url: string;
  connectTimeoutMs: number;
  statementTimeoutMs: number;
  poolMax: number;
  /** Longest wait for one answer (a connection included) before this instance counts in memory. */
  waitMs: number;
  log: FastifyBaseLogger;
}

/** The shared counters; every method answers null when the database cannot (the caller counts in memory). */
export class PgCounters {
  private readonly db: Driver;
  private readonly log: FastifyBaseLogger;
  private readonly waitMs: number;
  /** While Date.now() is below this, the database is not asked. */
  private downUntil = 0;
  private down = false;
  /** While down: one request at a time asks whether the database is back. */
  private probing = false;
  private lastSweep = 0;
  private sweeping: Promise<unknown> | null = null;

  constructor(opts: PgCounterOptions) {
    this.log = opts.log;
    this.waitMs = opts.waitMs;
    this.db = openPostgres({
      url: opts.url,
      connectTimeoutMs: Math.min(opts.connectTimeoutMs, opts.waitMs),
      statementTimeoutMs: Math.min(opts.statementTimeoutMs, opts.waitMs),
      max: Math.min(opts.poolMax, POOL_MAX),
    });
  }

  /** Counts one request of `bucket`; null when the database cannot answer now. */
  async incr(bucket: string, windowMs: number, max: number, mode: Mode): Promise<Count | null> {
    const row = await this.ask(() => this.db.get<{ n: number | string; ttl: number | string }>(INCR[mode], [bucket, windowMs, max]));
    if (row === null) return null;
    this.sweep();
    if (!row) return null;
    return { current: Number(row.n), ttl: Math.max(0, Number(row.ttl)) };
  }

  /** Milliseconds left while `bucket` is over `max` (0: not), without counting; null when the database cannot answer now. */
  async blockedFor(bucket: string, max: number): Promise<number | null> {
    const row = await this.ask(() => this.db.get<{ ttl: number | string }>(PEEK, [bucket, max]));
    if (row === null) return null;
    return row ? Math.max(0, Number(row.ttl)) : 0;
  }

  async close(): Promise<void> {
    await this.sweeping;
    await this.db.close();
  }

  /** Runs `q` within waitMs; null (and the database left alone for RETRY_MS) when it fails. */
  private async ask<T>(q: () => Promise<T>): Promise<T | null> {
    if (Date.now() < this.downUntil || (this.down && this.probing)) return null;
    const probe = this.down;
    if (probe) this.probing = true;
    let timer: NodeJS.Timeout | undefined;
    try {
      const out = await Promise.race([
        q(),
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error(`no answer within ${this.waitMs} ms`)), this.waitMs);
          timer.unref();
        }),
      ]);
      if (this.down) {
        this.down = false;
        this.log.info('rate-limit counters: PostgreSQL answers again; counting there');
      }
      return out;
    } catch (err) {
      this.downUntil = Date.now() + RETRY_MS;
      if (!this.down) {
        this.down = true;
        this.log.warn(
          { err: (err as Error).message ?? String(err), retryMs: RETRY_MS },
          'rate-limit counters: PostgreSQL unavailable; counting in this instance’s memory until it answers (fail open, never 5xx)',
        );
      }
      return null;
    } finally {
      clearTimeout(timer);
      if (probe) this.probing = false;
    }
  }

  /** Deletes expired rows (at most SWEEP_ROWS); the number deleted. */
  sweepExpired(): Promise<number> {
    return this.db.run(SWEEP);
  }

  /** Sweeps in the background, at most once per SWEEP_MS and one sweep at a time. */
  private sweep(): void {
    const now = Date.now();
    if (this.sweeping || now - this.lastSweep < SWEEP_MS) return;
    this.lastSweep = now;
    this.sweeping = this.sweepExpired()
      .catch((err: unknown) => this.log.debug({ err: (err as Error).message }, 'rate-limit counters: sweep failed'))
      .finally(() => {
        this.sweeping = null;
      });
  }
}

/** The plugin's own in-memory store (not exported by name; same package, same version). */
interface LocalStoreLike {
  incr(key: string, cb: (err: Error | null, res?: Count) => void, timeWindow: number, max: number): void;
}
type LocalStoreCtor = new (continueExceeding: boolean, exponentialBackoff: boolean, cache?: number) => LocalStoreLike;
const LocalStore = createRequire(import.meta.url)('@fastify/rate-limit/store/LocalStore.js') as LocalStoreCtor;

interface StoreOptions {
  continueExceeding?: boolean;
  exponentialBackoff?: boolean;
  routeInfo?: { method?: string | string[]; url?: string };
}

/**
 * A store class for @fastify/rate-limit's `store` option: counts in `counters`, and in memory
 * (a LocalStore of `cache` entries) while the database cannot. A child (a route's own limit)
 * prefixes its buckets with the route, as the plugin's Redis store does; the limiters of
 * createRateLimit() have no route and no prefix.
 */
export function pgStore(counters: PgCounters, cache: number): FastifyRateLimitStoreCtor {
  class PgStore implements FastifyRateLimitStore {
    private readonly mode: Mode;
    private readonly local: LocalStoreLike;
    private readonly prefix: string;

    constructor(options: StoreOptions) {
      const o = options ?? {};
      this.mode = o.continueExceeding ? 'continue' : o.exponentialBackoff ? 'backoff' : 'window';
      this.local = new LocalStore(o.continueExceeding === true, o.exponentialBackoff === true, cache);
      const r = o.routeInfo;
      this.prefix = r?.url ? `${[r.method ?? ''].flat().join(',')}${r.url}:` : '';
    }

    incr(key: string, cb: (err: Error | null, res?: Count) => void, timeWindow = 60_000, max = 1000): void {
      counters.incr(this.prefix + key, timeWindow, max, this.mode).then(
        (res) => (res ? cb(null, res) : this.local.incr(key, cb, timeWindow, max)),
        () => this.local.incr(key, cb, timeWindow, max),
      );
    }

    child(routeOptions: unknown): FastifyRateLimitStore {
      return new PgStore(routeOptions as StoreOptions);
    }
  }
  return PgStore as unknown as FastifyRateLimitStoreCtor;
}
