/** The bookkeeping of schema migrations. */
export const createTable = `CREATE TABLE IF NOT EXISTS schema_migrations (
  version     INTEGER PRIMARY KEY,
  name        TEXT NOT NULL,
  applied_at  TEXT NOT NULL
)`;

export const listVersions = `SELECT version FROM schema_migrations ORDER BY version`;

export const insertVersion = `INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)`;

/** One lock id for "jixiao migrates"; held until the transaction ends. */
export const pgLock = `SELECT pg_advisory_xact_lock(472019)`;
