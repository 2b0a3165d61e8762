/** Asynchronous jobs (migration 003): the job, its lines (input, then result), its callback attempts. */
const JOB_COLS = `seq, id, key_id, key_region, state, source, policy_id, detail, shape, lang, store_forms, total, done, failed,
  callback_url, callback_state, callback_next_at, created_at, started_at, finished_at`;

export const insertJob = `INSERT INTO jobs (id, key_id, key_region, state, source, policy_id, detail, shape, lang, store_forms, total, done, failed,
  callback_url, callback_secret, created_at)
VALUES (?, ?, ?, 'receiving', ?, ?, ?, ?, ?, ?, 0, 0, 0, ?, ?, ?)`;

export const insertLine = `INSERT INTO job_lines (job_id, line, status, pro_code, eval_id, form_key, input, result) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`;

/** Rows of `insertLine` at once (SQLite takes 999 parameters a statement by default: 100 rows of 8). */
export const insertLines = (n: number): string =>
  `INSERT INTO job_lines (job_id, line, status, pro_code, eval_id, form_key, input, result) VALUES ${Array(n).fill('(?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}`;

/** The body is in: the job becomes visible to the worker. Lines refused on reading (too long) count as failed already. */
export const accept = `UPDATE jobs SET state = 'queued', total = ?, failed = ? WHERE id = ? AND state = 'receiving'`;

export const byId = `SELECT ${JOB_COLS} FROM jobs WHERE id = ?`;

export const byIdForKey = `SELECT ${JOB_COLS} FROM jobs WHERE id = ? AND key_id = ?`;

export const secretOf = `SELECT callback_secret FROM jobs WHERE id = ?`;

/** The caller's jobs, newest first, before a cursor (seq). */
export const listForKey = `SELECT ${JOB_COLS} FROM jobs WHERE key_id = ? AND state <> 'receiving' AND seq < ? ORDER BY seq DESC LIMIT ?`;

export const countActive = `SELECT CAST(COUNT(*) AS INTEGER) AS n FROM jobs WHERE key_id = ? AND state IN ('receiving', 'queued', 'running')`;

/** PostgreSQL: serialises two job posts of one key, so the active-job count cannot be raced past. */
export const pgLockKey = `SELECT pg_advisory_xact_lock(472021, hashtext(?))`;

/** The next job with work left after a seq (the worker goes round the jobs, a chunk each). */
export const nextJob = `SELECT ${JOB_COLS} FROM jobs WHERE state IN ('queued', 'running') AND seq > ? ORDER BY seq LIMIT 1`;

export const start = `UPDATE jobs SET state = 'running', started_at = ? WHERE id = ? AND state = 'queued'`;

/** Pending lines of a job, in order; PostgreSQL claims them (FOR UPDATE SKIP LOCKED, see claim). */
const pendingLines = `SELECT line, input FROM job_lines WHERE job_id = ? AND status = 'pending' ORDER BY line LIMIT ?`;

export const claim = (dialect: 'sqlite' | 'postgres'): string => (dialect === 'postgres' ? `${pendingLines} FOR UPDATE SKIP LOCKED` : pendingLines);

/** A line's result; guarded, so a line already scored (by another instance, or before a crash) is not counted twice. */
export const finishLine = `UPDATE job_lines SET status = ?, pro_code = COALESCE(?, pro_code), eval_id = COALESCE(?, eval_id), form_key = COALESCE(?, form_key),
  input = NULL, result = ? WHERE job_id = ? AND line = ? AND status = 'pending'`;

export const addCounts = `UPDATE jobs SET done = done + ?, failed = failed + ? WHERE id = ?`;

export const countsOf = `SELECT state, total, done, failed, callback_url FROM jobs WHERE id = ?`;

export const anyPending = `SELECT line FROM job_lines WHERE job_id = ? AND status = 'pending' LIMIT 1`;

export const finish = `UPDATE jobs SET state = 'done', finished_at = ?, callback_state = ?, callback_next_at = ? WHERE id = ? AND state IN ('queued', 'running')`;

export const cancel = `UPDATE jobs SET state = 'cancelled', finished_at = ? WHERE id = ? AND state IN ('queued', 'running')`;

/** One page of results: lines after a cursor (line number), optionally of one status. */
export const results = `SELECT line, status, pro_code, eval_id, form_key, result FROM job_lines
WHERE job_id = ? AND line > ? AND (CAST(? AS TEXT) IS NULL OR status = ?) ORDER BY line LIMIT ?`;

export const byProCode = `SELECT line, status, pro_code, eval_id, form_key, result FROM job_lines WHERE job_id = ? AND pro_code = ? ORDER BY line`;

// ---- callbacks ----------------------------------------------------------------------------------

export const dueCallbacks = `SELECT id FROM jobs WHERE callback_state = 'pending' AND callback_next_at <= ? ORDER BY callback_next_at LIMIT 10`;

/** Takes a due delivery for `lease` (the next_at moves past the attempt's time-out); 1 row changed = ours. */
export const leaseCallback = `UPDATE jobs SET callback_next_at = ? WHERE id = ? AND callback_state = 'pending' AND callback_next_at <= ?`;

export const attempts = `SELECT attempt, at, status, error, ms FROM job_callbacks WHERE job_id = ? ORDER BY attempt`;

export const insertAttempt = `INSERT INTO job_callbacks (job_id, attempt, at, status, error, ms) VALUES (?, ?, ?, ?, ?, ?)`;

export const countAttempts = `SELECT CAST(COUNT(*) AS INTEGER) AS n FROM job_callbacks WHERE job_id = ?`;

export const setCallback = `UPDATE jobs SET callback_state = ?, callback_next_at = ? WHERE id = ?`;

// ---- retention -------------------------------------------------------------------------------------

/** Finished jobs past retention, and bodies that never finished arriving (a dead upload). */
export const expired = `SELECT id FROM jobs WHERE (state IN ('done', 'cancelled') AND finished_at < ? AND (callback_state IS NULL OR callback_state <> 'pending'))
  OR (state = 'receiving' AND created_at < ?) LIMIT 10`;

export const deleteLines = `DELETE FROM job_lines WHERE job_id = ? AND line IN (SELECT line FROM job_lines WHERE job_id = ? ORDER BY line LIMIT ?)`;

export const deleteAttempts = `DELETE FROM job_callbacks WHERE job_id = ?`;

export const deleteJob = `DELETE FROM jobs WHERE id = ?`;
