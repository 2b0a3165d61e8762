/**
 * Read-only queries of the bureau's tools (src/stats/): the current version of every stored
 * submission matching a filter, with its input (the form as filed) and the result of its current
 * score snapshot. Written over the Repository's driver, like the repository's own queries, so it
 * runs on SQLite and PostgreSQL alike. Nothing here writes.
 */
import type { Param } from './driver.js';
import type { Repository } from './repository.js';
import * as SUB from './sql/submissions.js';
import type { Scope } from './types.js';
import { DEPARTMENT_PROJECT_KEY } from '../core/department/index.js';

type Row = Record<string, unknown>;

/** One stored submission as the statistics read it: its current version, what was filed, how it scored. */
export interface CurrentForm {
  id: string;
  version: number;
  mofDivCode: string;
  fiscalYear: number;
  /** The natural key within the unit: 项目代码, or "name:<unit>:<项目名称>". */
  projectKey: string;
  proCode: string | null;
  proName: string;
  deptCode: string;
  deptName: string | null;
  agencyCode: string;
  agencyName: string | null;
  /** The form's kind as filed (`kind` of the input; "project" when absent). */
  kind: string;
  /** The stored input of the current version (the form as filed, unknown fields stripped). */
  input: Record<string, unknown>;
  /** The current score snapshot: its numbers and its full result (null when never scored). */
  snapshot: {
    id: number;
    policyId: string;
    total: string;
    grade: string | null;
    status: string;
    reportedTotal: string | null;
    reportedGrade: string | null;
    budgetWan: string;
    result: unknown;
  } | null;
}

export interface FormFilter extends Scope {
  year: number;
}

const SELECT = `SELECT s.seq, s.id, s.current_version, s.mof_div_code, s.fiscal_year, s.project_key, s.pro_code, s.pro_name, s.dept_code, s.dept_name,
  s.agency_code, s.agency_name, v.input_json,
  c.id AS snapshot_id, c.policy_id, c.total, c.grade, c.status, c.reported_total, c.reported_grade, c.budget_wan, c.result_json
FROM submissions s
JOIN submission_versions v ON v.submission_id = s.id AND v.version = s.current_version
LEFT JOIN score_snapshots c ON c.id = s.current_snapshot_id`;

const str = (v: unknown): string => (v == null ? '' : String(v));
const strOrNull = (v: unknown): string | null => (v == null ? null : String(v));

function parse(text: unknown): unknown {
  try {
    return JSON.parse(str(text));
  } catch {
    return null;
  }
}

function fromRow(r: Row): CurrentForm {
  const input = (parse(r.input_json) ?? {}) as Record<string, unknown>;
  return {
    id: str(r.id),
    version: Number(r.current_version),
    mofDivCode: str(r.mof_div_code),
    fiscalYear: Number(r.fiscal_year),
    projectKey: str(r.project_key),
    proCode: strOrNull(r.pro_code),
    proName: str(r.pro_name),
    deptCode: str(r.dept_code),
    deptName: strOrNull(r.dept_name),
    agencyCode: str(r.agency_code),
    agencyName: strOrNull(r.agency_name),
    kind: typeof input.kind === 'string' && input.kind !== '' ? input.kind : 'project',
    input,
    snapshot:
      r.snapshot_id == null
        ? null
        : {
            id: Number(r.snapshot_id),
            policyId: str(r.policy_id),
            total: str(r.total),
            grade: strOrNull(r.grade),
            status: str(r.status),
            reportedTotal: strOrNull(r.reported_total),
            reportedGrade: strOrNull(r.reported_grade),
            budgetWan: str(r.budget_wan),
            result: parse(r.result_json),
          },
  };
}

function where(filter: Scope & { year?: number }): { sql: string[]; params: Param[] } {
  const sql: string[] = [];
  const params: Param[] = [];
  if (filter.year !== undefined) {
    sql.push(SUB.where.year);
    params.push(filter.year);
  }
  const add = (frag: string, v: string | undefined) => {
    if (v === undefined) return;
    sql.push(frag);
    params.push(v);
  };
  add(SUB.where.dept, filter.deptCode);
  add(SUB.where.agency, filter.agencyCode);
  add(SUB.where.region, filter.mofDivCode);
  return { sql, params };
}

/** The current version of every submission of a year within a scope (and an optional region), in filing order. */
export async function currentForms(repo: Repository, filter: FormFilter): Promise<CurrentForm[]> {
  const out: CurrentForm[] = [];
  await eachCurrentForm(repo, filter, (page) => void out.push(...page));
  return out;
}

/**
 * The same, a page at a time (keyset on the filing order), for a whole year: each page is handed
 * to `fn` and can be dropped before the next is read, so memory holds one page of results.
 */
export async function eachCurrentForm(
  repo: Repository,
  filter: FormFilter,
  fn: (page: CurrentForm[]) => void | Promise<void>,
  pageSize = 500,
): Promise<void> {
  const w = where(filter);
  let after = 0;
  for (;;) {
    const rows = await repo.db.all<Row>(`${SELECT} WHERE ${[...w.sql, 's.seq > ?'].join(' AND ')} ORDER BY s.seq LIMIT ?`, [...w.params, after, pageSize]);
    if (rows.length === 0) return;
    after = Number(rows[rows.length - 1].seq);
    await fn(rows.map(fromRow));
    if (rows.length < pageSize) return;
  }
}

/**
 * The ids of the stored 部门整体支出 forms within a scope (year optional): read from the natural
 * key alone (DEPARTMENT_PROJECT_KEY), so the project statistics can leave them out without
 * reading any stored form.
 */
export async function departmentFormIds(repo: Repository, filter: Scope & { year?: number }): Promise<Set<string>> {
  const w = where(filter);
  const rows = await repo.db.all<Row>(
    `SELECT s.id FROM submissions s WHERE ${[...w.sql, 's.project_key = ?'].join(' AND ')}`,
    [...w.params, DEPARTMENT_PROJECT_KEY],
  );
  return new Set(rows.map((r) => str(r.id)));
}
