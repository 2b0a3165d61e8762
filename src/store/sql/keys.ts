/** API keys: stored as sha256 hashes only. */
const COLS = `id, name, role, mof_div_code, dept_code, agency_code, key_prefix, created_at, created_by, revoked_at`;

export const insert = `INSERT INTO api_keys (id, name, role, mof_div_code, dept_code, agency_code, key_hash, key_prefix, created_at, created_by)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;

export const byHash = `SELECT ${COLS} FROM api_keys WHERE key_hash = ?`;

export const byId = `SELECT ${COLS} FROM api_keys WHERE id = ?`;

export const list = `SELECT ${COLS} FROM api_keys ORDER BY created_at, id`;

/** Keyset pages of the list: the first, and the one after (created_at, id); the first parameter pair is a region (null: every key). */
const IN_REGION = `(CAST(? AS TEXT) IS NULL OR mof_div_code = ?)`;
export const pageFirst = `SELECT ${COLS} FROM api_keys WHERE ${IN_REGION} ORDER BY created_at, id LIMIT ?`;
export const pageAfter = `SELECT ${COLS} FROM api_keys WHERE ${IN_REGION} AND (created_at > ? OR (created_at = ? AND id > ?)) ORDER BY created_at, id LIMIT ?`;

export const revoke = `UPDATE api_keys SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL`;

export const countActiveBureau = `SELECT CAST(COUNT(*) AS INTEGER) AS n FROM api_keys WHERE role = 'bureau' AND revoked_at IS NULL`;

export const hashExists = `SELECT id FROM api_keys WHERE key_hash = ?`;

/** Serialises the first-start bootstrap of several PostgreSQL instances. */
export const pgBootstrapLock = `SELECT pg_advisory_xact_lock(472020)`;
