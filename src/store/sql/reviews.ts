/** Reviews (复核 / 抽评): one per (submission version, reviewing office), each with its versions. */

/** Creates the review of an office if it has none for this submission version; does nothing when it exists. */
export const insertHead = `INSERT INTO reviews (id, submission_id, submission_version, office, level, current_version, grade_code, created_at, updated_at)
VALUES (?, ?, ?, ?, ?, 0, ?, ?, ?)
ON CONFLICT (submission_id, submission_version, office) DO NOTHING`;

const headByKey = `SELECT id, current_version FROM reviews WHERE submission_id = ? AND submission_version = ? AND office = ?`;

/** The head by its natural key; PostgreSQL locks the row until the transaction ends. */
export const lockHead = (dialect: 'sqlite' | 'postgres'): string => (dialect === 'postgres' ? `${headByKey} FOR UPDATE` : headByKey);

export const updateHead = `UPDATE reviews SET current_version = ?, grade_code = ?, updated_at = ? WHERE id = ?`;

export const insertVersion = `INSERT INTO review_versions
  (review_id, version, grade_code, rules, policy_id, policy_version, policy_hash, self_total, reviewer_total, computed_total, computed_grade_code,
   input_json, input_hash, result_json, created_at, key_id, key_name)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;

export const insertFinding = `INSERT INTO review_findings (review_id, version, code, n) VALUES (?, ?, ?, ?)`;

const VERSION_COLS = `v.version, v.grade_code AS version_grade_code, v.rules, v.policy_id, v.policy_version, v.policy_hash, v.self_total, v.reviewer_total,
  v.computed_total, v.computed_grade_code, v.input_hash, v.created_at AS version_at, v.key_id, v.key_name`;

/** The head with its current version and its submission's codes; the WHERE clause is appended. */
export const headSelect = `SELECT r.seq, r.id, r.submission_id, r.submission_version, r.office, r.level, r.current_version, r.created_at, r.updated_at,
  ${VERSION_COLS},
  s.mof_div_code, s.fiscal_year, s.dept_code, s.agency_code, s.pro_code, s.pro_name
FROM reviews r
JOIN review_versions v ON v.review_id = r.id AND v.version = r.current_version
JOIN submissions s ON s.id = r.submission_id`;

export const listVersions = `SELECT ${VERSION_COLS} FROM review_versions v WHERE v.review_id = ? ORDER BY v.version`;

export const getVersion = `SELECT ${VERSION_COLS}, v.input_json, v.result_json FROM review_versions v WHERE v.review_id = ? AND v.version = ?`;

/** Filter fragments of the reviews list, each with one `?`. */
export const where = {
  id: 'r.id = ?',
  submission: 'r.submission_id = ?',
  submissionVersion: 'r.submission_version = ?',
  level: 'r.level = ?',
  grade: 'r.grade_code = ?',
  finding: 'EXISTS (SELECT 1 FROM review_findings f WHERE f.review_id = r.id AND f.version = r.current_version AND f.code = ?)',
  before: 'r.seq < ?',
} as const;
