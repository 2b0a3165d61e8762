/** Score snapshots: immutable; a re-score adds one, nothing is updated in place. */
export const insert = `INSERT INTO score_snapshots
  (submission_id, version, reason, rescore_id, policy_id, policy_version, policy_hash, status, total, total_key, grade, grade_code,
   reported_total, reported_grade, points_total, budget_wan, result_json, created_at, key_id)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
RETURNING id`;

export const insertFinding = `INSERT INTO snapshot_findings (snapshot_id, code, n) VALUES (?, ?, ?)`;

export const ofVersion = `SELECT id AS snapshot_id, version AS snapshot_version, reason, rescore_id, policy_id, policy_version, policy_hash, status,
  total, grade, grade_code, reported_total, reported_grade, points_total, budget_wan, created_at AS snapshot_at, result_json
FROM score_snapshots WHERE submission_id = ? AND version = ? ORDER BY id`;

export const findingsOf = (n: number): string =>
  `SELECT snapshot_id, code, n FROM snapshot_findings WHERE snapshot_id IN (${Array.from({ length: n }, () => '?').join(', ')})`;
