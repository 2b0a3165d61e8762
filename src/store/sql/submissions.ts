/** Submissions (one per natural key: region, year, unit, project key) and their versions. */

/** Creates the head row if the project is new; does nothing when it exists. */
export const insertHead = `INSERT INTO submissions
  (id, mof_div_code, fiscal_year, project_key, pro_code, dept_code, agency_code, pro_name, agency_name, dept_name, current_version, created_at, updated_at)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)
ON CONFLICT (mof_div_code, fiscal_year, agency_code, project_key) DO NOTHING`;

/** The head by natural key; PostgreSQL appends FOR UPDATE (see lockHead). */
export const headByNaturalKey = `SELECT id, agency_code, current_version FROM submissions WHERE mof_div_code = ? AND fiscal_year = ? AND agency_code = ? AND project_key = ?`;

export const lockHead = (dialect: 'sqlite' | 'postgres'): string =>
  dialect === 'postgres' ? `${headByNaturalKey} FOR UPDATE` : headByNaturalKey;

export const updateHead = `UPDATE submissions SET current_version = ?, current_snapshot_id = ?, pro_code = ?, dept_code = ?, agency_code = ?,
  pro_name = ?, agency_name = ?, dept_name = ?, updated_at = ? WHERE id = ?`;

export const setCurrentSnapshot = `UPDATE submissions SET current_snapshot_id = ?, updated_at = ? WHERE id = ?`;

export const insertVersion = `INSERT INTO submission_versions (submission_id, version, eval_id, input_json, input_hash, created_at, key_id)
VALUES (?, ?, ?, ?, ?, ?, ?)`;

export const versionByEvalIdAndHash = `SELECT version FROM submission_versions WHERE submission_id = ? AND eval_id = ? AND input_hash = ?
ORDER BY version DESC LIMIT 1`;

export const listVersions = `SELECT version, eval_id, input_hash, created_at, key_id FROM submission_versions WHERE submission_id = ? ORDER BY version`;

/** A keyset page of the versions: `version > ?`, oldest first. */
export const versionsPage = `SELECT version, eval_id, input_hash, created_at, key_id FROM submission_versions WHERE submission_id = ? AND version > ? ORDER BY version LIMIT ?`;

export const getVersion = `SELECT version, eval_id, input_json, input_hash, created_at, key_id FROM submission_versions WHERE submission_id = ? AND version = ?`;

/** The head with its current score; the WHERE clause (id plus tenancy) is appended. */
export const headSelect = `SELECT s.seq, s.id, s.mof_div_code, s.fiscal_year, s.pro_code, s.dept_code, s.agency_code, s.pro_name, s.agency_name, s.dept_name,
  s.current_version, s.created_at, s.updated_at,
  c.id AS snapshot_id, c.version AS snapshot_version, c.reason, c.rescore_id, c.policy_id, c.policy_version, c.policy_hash, c.status,
  c.total, c.grade, c.grade_code, c.reported_total, c.reported_grade, c.points_total, c.budget_wan, c.created_at AS snapshot_at
FROM submissions s LEFT JOIN score_snapshots c ON c.id = s.current_snapshot_id`;

/** The current version's input of every head matching a WHERE clause (appended), for re-scoring. */
export const rescoreSelect = `SELECT s.id, s.current_version, s.pro_code, s.pro_name, s.agency_code, s.dept_code, v.input_json,
  c.id AS snapshot_id, c.version AS snapshot_version, c.reason, c.rescore_id, c.policy_id, c.policy_version, c.policy_hash, c.status,
  c.total, c.grade, c.grade_code, c.reported_total, c.reported_grade, c.points_total, c.budget_wan, c.created_at AS snapshot_at
FROM submissions s
JOIN submission_versions v ON v.submission_id = s.id AND v.version = s.current_version
LEFT JOIN score_snapshots c ON c.id = s.current_snapshot_id`;

/** Current scores for statistics, with the grade of the version's first snapshot; WHERE appended. */
export const statSelect = `SELECT s.id, s.mof_div_code, s.fiscal_year, s.dept_code, s.dept_name, s.agency_code, s.agency_name, s.pro_code, s.pro_name,
  c.id AS snapshot_id, c.total, c.grade, c.grade_code, c.reported_total, c.reported_grade, c.points_total, c.budget_wan, c.policy_id,
  (SELECT f.grade FROM score_snapshots f WHERE f.submission_id = s.id AND f.version = c.version ORDER BY f.id LIMIT 1) AS first_grade
FROM submissions s JOIN score_snapshots c ON c.id = s.current_snapshot_id`;

/** Filter fragments, each with one `?`; joined with AND. */
export const where = {
  id: 's.id = ?',
  year: 's.fiscal_year = ?',
  dept: 's.dept_code = ?',
  agency: 's.agency_code = ?',
  region: 's.mof_div_code = ?',
  proCode: 's.pro_code = ?',
  grade: 'c.grade = ?',
  minTotal: 'c.total_key >= ?',
  maxTotal: 'c.total_key <= ?',
  finding: 'EXISTS (SELECT 1 FROM snapshot_findings sf WHERE sf.snapshot_id = c.id AND sf.code = ?)',
  before: 's.seq < ?',
} as const;
