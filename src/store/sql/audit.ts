/** The audit log: one row per write, in the same transaction as the write. */
export const insert = `INSERT INTO audit_log (at, key_id, key_name, role, action, target, detail) VALUES (?, ?, ?, ?, ?, ?, ?)`;

/**
 * Newest first; `id < ?` is the cursor. The last condition keeps a region-bound reader to the writes
 * made by keys of its region (a key of one region writes in that region only).
 */
export const page = `SELECT id, at, key_id, key_name, role, action, target, detail FROM audit_log
WHERE id < ? AND (CAST(? AS TEXT) IS NULL OR action = ?) AND (CAST(? AS TEXT) IS NULL OR target = ?)
AND (CAST(? AS TEXT) IS NULL OR key_id IN (SELECT id FROM api_keys WHERE mof_div_code = ?))
ORDER BY id DESC LIMIT ?`;
