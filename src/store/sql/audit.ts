/** The audit log: one row per write, in the same transaction as the write. */
export const insert = `INSERT INTO audit_log (at, key_id, key_name, role, action, target, detail) VALUES (?, ?, ?, ?, ?, ?, ?)`;

/** Newest first; `id < ?` is the cursor. */
export const page = `SELECT id, at, key_id, key_name, role, action, target, detail FROM audit_log
WHERE id < ? AND (CAST(? AS TEXT) IS NULL OR action = ?) AND (CAST(? AS TEXT) IS NULL OR target = ?)
ORDER BY id DESC LIMIT ?`;
