/**
 * 002: the natural key of a submission includes the unit: (mof_div_code, fiscal_year,
 * agency_code, project_key). Before, two units of one region could not both use a project code:
 * whoever submitted first owned it, the other was locked out of its own project, and the 403 it
 * got told it that the code existed. Also:
 *   - a unit key carries its department (dept_code): filled here for the unit keys that have
 *     none, as the unit code less its last three digits (integration.md §1.5: 209 → 209100);
 *   - a stored submission whose department code is shorter than that (a form that wrote "2" or
 *     "2091" for unit 209100, which hid it from its department) is put back under it.
 * PostgreSQL drops the old unique constraint; SQLite cannot drop one, so the table is rebuilt
 * (with foreign keys off during this migration only; foreign_key_check runs before COMMIT).
 */
import type { Migration } from './types.js';

const COMMON = `
UPDATE api_keys SET dept_code = substr(agency_code, 1, length(agency_code) - 3)
  WHERE role = 'unit' AND dept_code IS NULL AND agency_code IS NOT NULL AND length(agency_code) > 3;
UPDATE api_keys SET dept_code = agency_code
  WHERE role = 'unit' AND dept_code IS NULL AND agency_code IS NOT NULL;
UPDATE submissions SET dept_code = substr(agency_code, 1, length(agency_code) - 3)
  WHERE length(agency_code) > 3 AND length(dept_code) < length(agency_code) - 3;
`;

export const unitNaturalKey: Migration = {
  version: 2,
  name: 'unit_natural_key',
  rebuildsTables: true,
  sql: `
ALTER TABLE submissions DROP CONSTRAINT IF EXISTS submissions_mof_div_code_fiscal_year_project_key_key;
CREATE UNIQUE INDEX submissions_natural_key ON submissions (mof_div_code, fiscal_year, agency_code, project_key);
${COMMON}`,
  sqlite: `
CREATE TABLE submissions_new (
  seq                  INTEGER PRIMARY KEY AUTOINCREMENT,
  id                   TEXT NOT NULL UNIQUE,
  mof_div_code         TEXT NOT NULL,
  fiscal_year          INTEGER NOT NULL,
  project_key          TEXT NOT NULL,
  pro_code             TEXT,
  dept_code            TEXT NOT NULL,
  agency_code          TEXT NOT NULL,
  pro_name             TEXT NOT NULL,
  agency_name          TEXT,
  dept_name            TEXT,
  current_version      INTEGER NOT NULL,
  current_snapshot_id  INTEGER,
  created_at           TEXT NOT NULL,
  updated_at           TEXT NOT NULL
);
INSERT INTO submissions_new (seq, id, mof_div_code, fiscal_year, project_key, pro_code, dept_code, agency_code, pro_name, agency_name,
  dept_name, current_version, current_snapshot_id, created_at, updated_at)
SELECT seq, id, mof_div_code, fiscal_year, project_key, pro_code, dept_code, agency_code, pro_name, agency_name,
  dept_name, current_version, current_snapshot_id, created_at, updated_at FROM submissions;
DROP TABLE submissions;
ALTER TABLE submissions_new RENAME TO submissions;
CREATE UNIQUE INDEX submissions_natural_key ON submissions (mof_div_code, fiscal_year, agency_code, project_key);
CREATE INDEX submissions_by_scope ON submissions (fiscal_year, dept_code, agency_code);
${COMMON}`,
};
