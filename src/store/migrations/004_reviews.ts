/**
 * 004: reviewer re-scores (复核 / 抽评, src/review/). A review belongs to one version of one
 * submission and to one reviewing office (`office`: "dept:209" for a department's reviewer,
 * "bureau:140000" or "bureau:*" for the bureau's); the same office reviewing the same version
 * again makes a new version of its review, old versions stay (review_versions). Each version keeps
 * the review as sent, the side-by-side it produced (result_json) and its totals; review_findings
 * counts its finding codes. The `reviewer` role joins the CHECK of api_keys: PostgreSQL swaps the
 * constraint, SQLite (which cannot) rebuilds the table, with foreign keys off during this
 * migration only (foreign_key_check runs before COMMIT).
 */
import type { Migration } from './types.js';

const TABLES = `
CREATE TABLE reviews (
  seq                 {{autoid}},
  id                  TEXT NOT NULL UNIQUE,
  submission_id       TEXT NOT NULL,
  submission_version  INTEGER NOT NULL,
  office              TEXT NOT NULL,
  level               TEXT NOT NULL CHECK (level IN ('department', 'bureau')),
  current_version     INTEGER NOT NULL,
  grade_code          TEXT NOT NULL,
  created_at          TEXT NOT NULL,
  updated_at          TEXT NOT NULL,
  UNIQUE (submission_id, submission_version, office),
  FOREIGN KEY (submission_id, submission_version) REFERENCES submission_versions (submission_id, version)
);
CREATE INDEX reviews_by_submission ON reviews (submission_id, submission_version);

CREATE TABLE review_versions (
  review_id            TEXT NOT NULL REFERENCES reviews (id),
  version              INTEGER NOT NULL,
  grade_code           TEXT NOT NULL CHECK (grade_code IN ('1', '2', '3', '4')),
  rules                TEXT,
  policy_id            TEXT NOT NULL,
  policy_version       TEXT NOT NULL,
  policy_hash          TEXT NOT NULL,
  self_total           {{num}} NOT NULL,
  reviewer_total       {{num}} NOT NULL,
  computed_total       {{num}} NOT NULL,
  computed_grade_code  TEXT,
  input_json           TEXT NOT NULL,
  input_hash           TEXT NOT NULL,
  result_json          TEXT NOT NULL,
  created_at           TEXT NOT NULL,
  key_id               TEXT,
  key_name             TEXT,
  PRIMARY KEY (review_id, version)
);

CREATE TABLE review_findings (
  review_id  TEXT NOT NULL,
  version    INTEGER NOT NULL,
  code       TEXT NOT NULL,
  n          INTEGER NOT NULL,
  PRIMARY KEY (review_id, version, code),
  FOREIGN KEY (review_id, version) REFERENCES review_versions (review_id, version)
);
CREATE INDEX review_findings_by_code ON review_findings (code);
`;

const ROLE_CHECK = `role IN ('unit', 'department', 'bureau', 'reviewer')`;

export const reviews: Migration = {
  version: 4,
  name: 'reviews',
  rebuildsTables: true,
  sql: `
ALTER TABLE api_keys DROP CONSTRAINT IF EXISTS api_keys_role_check;
ALTER TABLE api_keys ADD CONSTRAINT api_keys_role_check CHECK (${ROLE_CHECK});
${TABLES}`,
  sqlite: `
CREATE TABLE api_keys_new (
  id            TEXT PRIMARY KEY,
  name          TEXT NOT NULL,
  role          TEXT NOT NULL CHECK (${ROLE_CHECK}),
  mof_div_code  TEXT,
  dept_code     TEXT,
  agency_code   TEXT,
  key_hash      TEXT NOT NULL UNIQUE,
  key_prefix    TEXT NOT NULL,
  created_at    TEXT NOT NULL,
  created_by    TEXT,
  revoked_at    TEXT
);
INSERT INTO api_keys_new (id, name, role, mof_div_code, dept_code, agency_code, key_hash, key_prefix, created_at, created_by, revoked_at)
SELECT id, name, role, mof_div_code, dept_code, agency_code, key_hash, key_prefix, created_at, created_by, revoked_at FROM api_keys;
DROP TABLE api_keys;
ALTER TABLE api_keys_new RENAME TO api_keys;
${TABLES}`,
};
