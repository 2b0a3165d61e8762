/**
 * SQLite through better-sqlite3 (synchronous, one connection per process).
 *
 * journal_mode=WAL and synchronous=FULL: in WAL mode NORMAL already survives a process crash
 * (kill -9) without corruption or loss, but a power failure may roll back the last commits.
 * A submission is acknowledged only after COMMIT, so the acknowledgement must also survive a
 * power cut: FULL syncs the WAL on every commit. The cost is one fsync per submission (see the
 * README for the measurement).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Mutex, StoreConflictError, StoreUnavailableError, type Driver, type Param, type Queryable } from './driver.js';

/** SQLite result codes that mean the database cannot take the request now, not that it is wrong. */
const UNAVAILABLE = /^SQLITE_(FULL|IOERR|BUSY|LOCKED|READONLY|CANTOPEN|NOLFS|PROTOCOL|CORRUPT|NOTADB|NOMEM)/;

export function mapSqliteError(err: unknown): unknown {
  const code = (err as { code?: unknown }).code;
  if (typeof code === 'string') {
    if (UNAVAILABLE.test(code)) return new StoreUnavailableError(`SQLite: ${code}`, err);
    if (code.startsWith('SQLITE_CONSTRAINT_UNIQUE') || code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
      return new StoreConflictError(`SQLite: ${code}`, err);
    }
  }
  return err;
}

export interface SqliteOptions {
  dataDir: string;
  /** File name inside dataDir; default jixiao.db. */
  file?: string;
  busyTimeoutMs?: number;
}

export function openSqlite(opts: SqliteOptions): Driver {
  const path = join(opts.dataDir, opts.file ?? 'jixiao.db');
  let db: Database.Database;
  try {
    mkdirSync(opts.dataDir, { recursive: true });
    db = new Database(path);
    db.pragma(`busy_timeout = ${opts.busyTimeoutMs ?? 5000}`);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
  } catch (err) {
    const mapped = mapSqliteError(err);
    if (mapped instanceof StoreUnavailableError) throw mapped;
    throw new StoreUnavailableError(`SQLite: cannot open ${path}: ${(err as Error).message}`, err);
  }
  return new SqliteDriver(db, path);
}

class SqliteDriver implements Driver {
  readonly dialect = 'sqlite' as const;
  private readonly lock = new Mutex();
  private readonly q: Queryable;

  constructor(
    readonly db: Database.Database,
    readonly where: string,
  ) {
    this.q = {
      all: async <T>(sql: string, params: Param[] = []) => this.call(() => this.stmt(sql).all(...params) as T[]),
      get: async <T>(sql: string, params: Param[] = []) => this.call(() => this.stmt(sql).get(...params) as T | undefined),
      run: async (sql: string, params: Param[] = []) => this.call(() => this.stmt(sql).run(...params).changes),
    };
  }

  private readonly cache = new Map<string, Database.Statement>();

  private stmt(sql: string): Database.Statement {
    let s = this.cache.get(sql);
    if (!s) {
      s = this.db.prepare(sql);
      this.cache.set(sql, s);
    }
    return s;
  }

  private call<T>(fn: () => T): T {
    try {
      return fn();
    } catch (err) {
      throw mapSqliteError(err);
    }
  }

  all<T>(sql: string, params?: Param[]): Promise<T[]> {
    return this.lock.run(() => this.q.all<T>(sql, params));
  }

  get<T>(sql: string, params?: Param[]): Promise<T | undefined> {
    return this.lock.run(() => this.q.get<T>(sql, params));
  }

  run(sql: string, params?: Param[]): Promise<number> {
    return this.lock.run(() => this.q.run(sql, params));
  }

  tx<T>(fn: (q: Queryable) => Promise<T>): Promise<T> {
    return this.lock.run(async () => {
      // IMMEDIATE takes the write lock now, so a second process (the CLI) waits on busy_timeout
      // instead of failing half-way with SQLITE_BUSY on its first write.
      this.call(() => this.db.exec('BEGIN IMMEDIATE'));
      try {
        const out = await fn(this.q);
        this.call(() => this.db.exec('COMMIT'));
        return out;
      } catch (err) {
        if (this.db.inTransaction) {
          try {
            this.db.exec('ROLLBACK');
          } catch {
            // SQLite has already rolled back (e.g. after SQLITE_FULL); nothing left to undo.
          }
        }
        throw err;
      }
    });
  }

  close(): Promise<void> {
    return this.lock.run(() => {
      if (this.db.open) this.db.close();
    });
  }
}
