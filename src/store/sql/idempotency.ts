/** Idempotency-Key records: the first answer to a request, replayed for its retries. */
export const find = `SELECT request_hash, status, response_json FROM idempotency_keys WHERE key_id = ? AND idem_key = ?`;

export const insert = `INSERT INTO idempotency_keys (key_id, idem_key, request_hash, status, response_json, created_at) VALUES (?, ?, ?, ?, ?, ?)`;
