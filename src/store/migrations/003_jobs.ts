/**
 * 003: asynchronous batch jobs (POST /v1/jobs). A job is one row of `jobs`; each form it was given
 * is one row of `job_lines`, keyed (job_id, line), stored before the 202 is answered. The worker
 * (src/jobs/worker.ts) turns a line from `pending` into `done` or `failed` by an UPDATE guarded on
 * `status = 'pending'`, in one transaction per chunk together with the job's counters, so a line
 * is scored into the results once, whatever crash or second instance comes in between.
 *   jobs.state          receiving (the body is being read; not yet accepted) → queued → running
 *                       → done | cancelled
 *   job_lines.status    pending | done | failed (审核中 / 已审核 / 审核失败)
 *   job_callbacks       one row per delivery attempt of the job's callback
 * The callback secret is derived from the API key that posted the job (src/jobs/callback.ts) and
 * kept on the job until it is purged.
 */
import type { Migration } from './types.js';

export const jobs: Migration = {
  version: 3,
  name: 'jobs',
  sql: `
CREATE TABLE jobs (
  seq               {{autoid}},
  id                TEXT NOT NULL UNIQUE,
  key_id            TEXT NOT NULL,
  key_region        TEXT,
  state             TEXT NOT NULL CHECK (state IN ('receiving', 'queued', 'running', 'done', 'cancelled')),
  source            TEXT NOT NULL,
  policy_id         TEXT,
  detail            TEXT NOT NULL,
  shape             TEXT NOT NULL,
  lang              TEXT NOT NULL,
  store_forms       INTEGER NOT NULL,
  total             INTEGER NOT NULL,
  done              INTEGER NOT NULL,
  failed            INTEGER NOT NULL,
  callback_url      TEXT,
  callback_secret   TEXT,
  callback_state    TEXT,
  callback_next_at  TEXT,
  created_at        TEXT NOT NULL,
  started_at        TEXT,
  finished_at       TEXT
);
CREATE INDEX jobs_by_key ON jobs (key_id, seq);
CREATE INDEX jobs_by_state ON jobs (state, seq);

CREATE TABLE job_lines (
  job_id    TEXT NOT NULL,
  line      INTEGER NOT NULL,
  status    TEXT NOT NULL CHECK (status IN ('pending', 'done', 'failed')),
  pro_code  TEXT,
  eval_id   TEXT,
  form_key  TEXT,
  input     TEXT,
  result    TEXT,
  PRIMARY KEY (job_id, line)
);
CREATE INDEX job_lines_by_status ON job_lines (job_id, status, line);
CREATE INDEX job_lines_by_pro_code ON job_lines (job_id, pro_code);

CREATE TABLE job_callbacks (
  job_id   TEXT NOT NULL,
  attempt  INTEGER NOT NULL,
  at       TEXT NOT NULL,
  status   INTEGER,
  error    TEXT,
  ms       INTEGER NOT NULL,
  PRIMARY KEY (job_id, attempt)
)
`,
};
