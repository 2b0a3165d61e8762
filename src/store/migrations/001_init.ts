/**
 * 001: keys, submissions with their versions and score snapshots, idempotency records, the
 * audit log. Amounts and scores are NUMERIC in PostgreSQL and TEXT decimal strings in SQLite;
 * `total_key` is the total as a fixed-width string so that both engines can filter a score range
 * by plain string comparison. The natural key is (mof_div_code, fiscal_year, project_key), where
 * project_key is the 项目代码 (pro_code) or, for a form without one (the published forms print
 * none), "name:" + 单位代码 + ":" + 项目名称.
 */
import type { Migration } from './types.js';

export const init: Migration = {
  version: 1,
  name: 'init',
  sql: `
CREATE TABLE api_keys (
  id            TEXT PRIMARY KEY,
  name          TEXT NOT NULL,
  role          TEXT NOT NULL CHECK (role IN ('unit', 'department', 'bureau')),
  mof_div_code  TEXT,
  dept_code     TEXT,
  agency_code   TEXT,
  key_hash      TEXT NOT NULL UNIQUE,
  key_prefix    TEXT NOT NULL,
  created_at    TEXT NOT NULL,
  created_by    TEXT,
  revoked_at    TEXT
);

CREATE TABLE submissions (
  seq                  {{autoid}},
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
  current_snapshot_id  {{idref}},
  created_at           TEXT NOT NULL,
  updated_at           TEXT NOT NULL,
  UNIQUE (mof_div_code, fiscal_year, project_key)
);
CREATE INDEX submissions_by_scope ON submissions (fiscal_year, dept_code, agency_code);

CREATE TABLE submission_versions (
  submission_id  TEXT NOT NULL REFERENCES submissions (id),
  version        INTEGER NOT NULL,
  eval_id        TEXT,
  input_json     TEXT NOT NULL,
  input_hash     TEXT NOT NULL,
  created_at     TEXT NOT NULL,
  key_id         TEXT,
  PRIMARY KEY (submission_id, version)
);

CREATE TABLE score_snapshots (
  id              {{autoid}},
  submission_id   TEXT NOT NULL,
  version         INTEGER NOT NULL,
  reason          TEXT NOT NULL CHECK (reason IN ('submit', 'rescore')),
  rescore_id      TEXT,
  policy_id       TEXT NOT NULL,
  policy_version  TEXT NOT NULL,
  policy_hash     TEXT NOT NULL,
  status          TEXT NOT NULL,
  total           {{num}} NOT NULL,
  total_key       TEXT NOT NULL,
  grade           TEXT,
  grade_code      TEXT,
  reported_total  {{num}},
  reported_grade  TEXT,
  points_total    {{num}} NOT NULL,
  budget_wan      {{num}} NOT NULL,
  result_json     TEXT NOT NULL,
  created_at      TEXT NOT NULL,
  key_id          TEXT,
  FOREIGN KEY (submission_id, version) REFERENCES submission_versions (submission_id, version)
);
CREATE INDEX score_snapshots_by_version ON score_snapshots (submission_id, version);

CREATE TABLE snapshot_findings (
  snapshot_id  {{idref}} NOT NULL REFERENCES score_snapshots (id),
  code         TEXT NOT NULL,
  n            INTEGER NOT NULL,
  PRIMARY KEY (snapshot_id, code)
);
CREATE INDEX snapshot_findings_by_code ON snapshot_findings (code);

CREATE TABLE idempotency_keys (
  key_id         TEXT NOT NULL,
  idem_key       TEXT NOT NULL,
  request_hash   TEXT NOT NULL,
  status         INTEGER NOT NULL,
  response_json  TEXT NOT NULL,
  created_at     TEXT NOT NULL,
  PRIMARY KEY (key_id, idem_key)
);

CREATE TABLE audit_log (
  id        {{autoid}},
  at        TEXT NOT NULL,
  key_id    TEXT,
  key_name  TEXT,
  role      TEXT,
  action    TEXT NOT NULL,
  target    TEXT,
  detail    TEXT
);
`,
};
