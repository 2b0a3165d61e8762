/**
 * PostgreSQL through a pg Pool, for several service instances behind a load balancer.
 * Every wait is bounded: connecting (connectionTimeoutMillis), a statement (statement_timeout on
 * the server, query_timeout on the client), a transaction left idle. A lost or unreachable server
 * therefore gives StoreUnavailableError (→ 503) within seconds instead of a hanging request.
 */
import pg from 'pg';
import { StoreConflictError, StoreUnavailableError, type Driver, type Param, type Queryable } from './driver.js';

export interface PostgresOptions {
  url: string;
  /** Default 5000 ms. */
  connectTimeoutMs?: number;
  /** Default 15000 ms. */
  statementTimeoutMs?: number;
  /** Default 10. */
  max?: number;
}

/** SQLSTATE classes that mean "not now": 08 connection, 53 resources (53100 disk full), 57 operator intervention (57014 statement timeout, 57P01 shutdown), 58 system error. */
const UNAVAILABLE_SQLSTATE = /^(08|53|57|58)/;
const UNAVAILABLE_ERRNO = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

export function mapPgError(err: unknown): unknown {
  if (err instanceof StoreUnavailableError || err instanceof StoreConflictError) return err;
  const e = err as { code?: unknown; message?: unknown };
  const code = typeof e.code === 'string' ? e.code : '';
  const msg = typeof e.message === 'string' ? e.message : String(err);
  if (code === '23505') return new StoreConflictError(`PostgreSQL: ${msg}`, err);
  if (UNAVAILABLE_SQLSTATE.test(code) || UNAVAILABLE_ERRNO.has(code)) return new StoreUnavailableError(`PostgreSQL: ${code} ${msg}`, err);
  // pg's own messages for timeouts and dropped connections carry no code.
  if (!code && /timeout|terminated|Connection terminated|not queryable|ended|closed/i.test(msg)) {
    return new StoreUnavailableError(`PostgreSQL: ${msg}`, err);
  }
  return err;
}

/** `?` → `$1, $2 …` (the SQL of this project has no `?` inside string literals). */
export function numberPlaceholders(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

/** int8 (counts, identity columns) as a JS number: our ids and counts stay far below 2^53. */
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === 20 ? (v: string) => Number(v) : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

function queryable(c: pg.Pool | pg.PoolClient): Queryable {
  const q = async <T>(sql: string, params: Param[] = []): Promise<pg.QueryResult> => {
    try {
      return await c.query({ text: numberPlaceholders(sql), values: params });
    } catch (err) {
      throw mapPgError(err);
    }
  };
  return {
    all: async <T>(sql: string, params?: Param[]) => (await q(sql, params)).rows as T[],
    get: async <T>(sql: string, params?: Param[]) => (await q(sql, params)).rows[0] as T | undefined,
    run: async (sql: string, params?: Param[]) => (await q(sql, params)).rowCount ?? 0,
  };
}

export function openPostgres(opts: PostgresOptions): Driver {
  const statementTimeout = opts.statementTimeoutMs ?? 15000;
  const pool = new pg.Pool({
    connectionString: opts.url,
    max: opts.max ?? 10,
    connectionTimeoutMillis: opts.connectTimeoutMs ?? 5000,
    statement_timeout: statementTimeout,
    query_timeout: statementTimeout + 2000,
    idle_in_transaction_session_timeout: statementTimeout * 2,
    idleTimeoutMillis: 30000,
    types,
    application_name: 'jixiao',
  });
  // An idle client whose server went away emits 'error' on the pool; without a listener that
  // would crash the process. The next query gets a fresh connection (or a 503).
  pool.on('error', () => undefined);
  return new PostgresDriver(pool, redact(opts.url));
}

function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres';
  }
}

class PostgresDriver implements Driver {
  readonly dialect = 'postgres' as const;
  private readonly q: Queryable;

  constructor(
    private readonly pool: pg.Pool,
    readonly where: string,
  ) {
    this.q = queryable(pool);
  }

  all<T>(sql: string, params?: Param[]): Promise<T[]> {
    return this.q.all<T>(sql, params);
  }

  get<T>(sql: string, params?: Param[]): Promise<T | undefined> {
    return this.q.get<T>(sql, params);
  }

  run(sql: string, params?: Param[]): Promise<number> {
    return this.q.run(sql, params);
  }

  async tx<T>(fn: (q: Queryable) => Promise<T>): Promise<T> {
    let client: pg.PoolClient;
    try {
      client = await this.pool.connect();
    } catch (err) {
      throw mapPgError(err);
    }
    const q = queryable(client);
    try {
      await q.run('BEGIN');
      const out = await fn(q);
      await q.run('COMMIT');
      client.release();
      return out;
    } catch (err) {
      let broken: Error | undefined;
      try {
        await client.query('ROLLBACK');
      } catch (e) {
        broken = e as Error; // the connection is gone: destroy it rather than return it to the pool
      }
      client.release(broken);
      throw err;
    }
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
