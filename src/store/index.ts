/**
 * openStore(): SQLite in DATA_DIR (default ./data, file jixiao.db) unless DATABASE_URL is set,
 * then PostgreSQL. Migrations run before the store is handed out. The HTTP server and the CLI
 * both call this with the same environment, so they see the same data.
 */
import { loadConfigPart, type Config } from '../config.js';
import type { Driver } from './driver.js';
import { migrate } from './migrate.js';
import { openPostgres } from './postgres.js';
import { Repository } from './repository.js';
import { openSqlite } from './sqlite.js';

export interface StoreConfig {
  /** postgres://…; when set, PostgreSQL is used and dataDir is ignored. */
  databaseUrl?: string;
  dataDir: string;
  pg?: { connectTimeoutMs?: number; statementTimeoutMs?: number; max?: number };
}

/** The store's part of the configuration (src/config.ts): what the CLI reads, as the service does. Throws ConfigError. */
export function storeConfigFromEnv(env: Record<string, string | undefined> = process.env): StoreConfig {
  return storeConfigOf(loadConfigPart(['dataDir', 'databaseUrl', 'pgConnectTimeoutMs', 'pgStatementTimeoutMs', 'pgPoolMax'], env));
}

export function storeConfigOf(c: Pick<Config, 'dataDir' | 'databaseUrl' | 'pgConnectTimeoutMs' | 'pgStatementTimeoutMs' | 'pgPoolMax'>): StoreConfig {
  return {
    databaseUrl: c.databaseUrl ?? undefined,
    dataDir: c.dataDir,
    pg: { connectTimeoutMs: c.pgConnectTimeoutMs, statementTimeoutMs: c.pgStatementTimeoutMs, max: c.pgPoolMax },
  };
}

export function openDriver(cfg: StoreConfig): Driver {
  return cfg.databaseUrl ? openPostgres({ url: cfg.databaseUrl, ...cfg.pg }) : openSqlite({ dataDir: cfg.dataDir });
}

/** Opens the database and brings its schema up to date. */
export async function openStore(cfg: StoreConfig): Promise<Repository> {
  const db = openDriver(cfg);
  try {
    await migrate(db);
  } catch (err) {
    await db.close().catch(() => undefined);
    throw err;
  }
  return new Repository(db);
}

export { Repository } from './repository.js';
export { StoreUnavailableError, StoreConflictError } from './driver.js';
export type * from './types.js';
