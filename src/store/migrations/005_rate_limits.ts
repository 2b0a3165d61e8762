/**
 * 005: the rate-limit counters shared by several instances (RATE_LIMIT_STORE=database,
 * src/http/ratelimit-store.ts). One row per bucket ("ip:…", "k:…", "authfail:…"): the requests
 * counted in its current window (`n`) and when that window ends (`expires_ms`, milliseconds since
 * the epoch by the database's clock). An expired row is reset by the next request of its bucket
 * and deleted by a periodic sweep (the index on `expires_ms`).
 * PostgreSQL: UNLOGGED (no WAL for a counter bumped on every request; a crash empties it, which
 * only resets the windows) with room on each page for in-place updates. SQLite runs one
 * instance only and never uses the table; it is created there too, so both engines have the
 * same schema version.
 */
import type { Migration } from './types.js';

const INDEX = `CREATE INDEX rate_limits_by_expiry ON rate_limits (expires_ms);`;

export const rateLimits: Migration = {
  version: 5,
  name: 'rate_limits',
  sql: `
CREATE UNLOGGED TABLE rate_limits (
  bucket      TEXT PRIMARY KEY,
  n           BIGINT NOT NULL,
  expires_ms  BIGINT NOT NULL
) WITH (fillfactor = 70);
${INDEX}`,
  sqlite: `
CREATE TABLE rate_limits (
  bucket      TEXT PRIMARY KEY,
  n           BIGINT NOT NULL,
  expires_ms  BIGINT NOT NULL
);
${INDEX}`,
};
