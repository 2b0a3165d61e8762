/**
 * One job line (a jixiao form or a body of the standard shape) → its outcome, as POST /v1/score
 * would answer it (brief or full, form or standard shape, under the job's policy) and, for a job posted with store=true by a bureau key, stored as a submission.
 * Never throws on bad input: a line that cannot be read or scored is `failed` with its problem.
 */
import { finding, type Finding, type Lang } from '../core/codes.js';
import type { Form } from '../core/model/form.js';
import type { ScoreResult } from '../core/model/result.js';
import type { Policy } from '../core/policy/types.js';
import { fieldLabel } from '../core/model/validate.js';
import { defaultDept } from '../auth/keys.js';
import { attachCells, type CellMap } from '../excel/import/index.js';
import { parseJson } from '../http/json.js';
import { problemBody } from '../http/problem.js';
import type { Jixiao } from '../jixiao.js';
import type { ClaimedLine, JobRecord, LineOutcome } from '../store/jobs.js';
import type { Repository } from '../store/repository.js';
import { canonicalJson, sha256, snapshotOf } from '../store/service.js';
import { answerOf, lineKeys, scoreEither, storedInput } from './shape.js';

export interface LineContext {
  jx: Jixiao;
  job: JobRecord;
  /** The job's policy; undefined: each form's own (region and year). */
  policy: Policy | undefined;
  /** The store, for store=true jobs. */
  repo: Repository | null;
}

const problemText = (lang: Lang, code: Parameters<typeof problemBody>[0], params: Record<string, string | number> = {}, errors?: Parameters<typeof problemBody>[3]) =>
  JSON.stringify(problemBody(code, params, lang, errors));

/** A line of a job posted as a workbook: the form with its sheet, its cells and the importer's findings. */
export interface WorkbookLine {
  sheet: string;
  form: unknown;
  cells: CellMap;
  findings: Finding[];
}

function workbookLine(value: unknown): WorkbookLine | null {
  const v = value as Partial<WorkbookLine> | null;
  return v && typeof v === 'object' && typeof v.sheet === 'string' && v.cells && Array.isArray(v.findings) ? (v as WorkbookLine) : null;
}

/** As POST /v1/import answers: the sheet, the importer's findings first, then every finding with its cell. */
function located(answer: unknown, wb: WorkbookLine | null): unknown {
  if (!wb || !answer || typeof answer !== 'object') return answer;
  const a = answer as { findings?: Finding[] };
  return Array.isArray(a.findings) ? { sheet: wb.sheet, ...a, findings: [...wb.findings, ...attachCells(a.findings, wb.cells)] } : { sheet: wb.sheet, ...a };
}

export async function scoreLine(ctx: LineContext, l: ClaimedLine): Promise<LineOutcome> {
  const { job } = ctx;
  const lang = job.lang;
  const fail = (result: string, keys = { proCode: null as string | null, evalId: null as string | null, formKey: null as string | null }): LineOutcome => ({
    line: l.line,
    status: 'failed',
    ...keys,
    result,
  });
  const parsed = parseJson(l.input);
  if (!parsed.ok) {
    if (parsed.code === 'BAD_REQUEST') {
      const detail = lang === 'en' ? `forbidden key "${parsed.forbiddenKey}"` : `禁止使用的键“${parsed.forbiddenKey}”`;
      return fail(problemText(lang, 'BAD_REQUEST', { detail }));
    }
    return fail(problemText(lang, parsed.code));
  }
  const wb = job.source === 'xlsx' ? workbookLine(parsed.value) : null;
  const input = wb ? wb.form : parsed.value;
  const keys = lineKeys(input);
  const out = scoreEither(ctx.jx, input, { policy: ctx.policy, lang });
  if (!out.ok) {
    const problems = wb ? [...wb.findings, ...attachCells(out.problems, wb.cells)] : out.problems;
    return fail(problemText(lang, 'INVALID_FORM', { count: out.problems.length }, problems), keys);
  }
  let full: ScoreResult | undefined;
  if (job.store) {
    full = out.lean.full();
    const stored = await storeForm(ctx, l.line, storedInput(out, input), out.form, full);
    if (stored !== null) return fail(stored, keys);
  }
  return { line: l.line, status: 'done', ...keys, result: JSON.stringify(located(answerOf(out, input, job.shape, job.detail, full), wb)) };
}

/**
 * Stores a scored form as a submission of its unit (a bureau key's job: any unit, within the key's
 * region when it has one). The Idempotency-Key "job:<job>:<line>" makes a line that is scored again
 * after a crash replay its first storage instead of adding a version. Resolves to null when stored,
 * else the problem (JSON text) that makes the line failed.
 */
async function storeForm(ctx: LineContext, line: number, input: unknown, form: Form, result: ScoreResult): Promise<string | null> {
  const { job, repo } = ctx;
  const lang = job.lang;
  if (!repo) return problemText(lang, 'SERVICE_UNAVAILABLE', { detail: lang === 'en' ? 'no storage configured' : '未配置存储' });
  const missing = (['mofDivCode', 'agencyCode'] as const).filter((f) => !form[f]);
  if (missing.length) {
    const errors = missing.map((f) => ({ code: 'REQUIRED' as const, pointer: `/${f}`, message: lang === 'en' ? `"${f}" is required to store the form` : `保存表单须填写“${f === 'mofDivCode' ? '财政区划代码' : '单位代码'}”` }));
    return problemText(lang, 'INVALID_FORM', { count: errors.length }, errors);
  }
  if (job.keyRegion && form.mofDivCode !== job.keyRegion) return problemText(lang, 'FORBIDDEN');
  const agency = form.agencyCode!;
  // As a unit key's department (auth/keys.ts): a prefix of the unit code, so that no form places a
  // unit's project under another department (where that department would read it).
  if (form.deptCode && !agency.startsWith(form.deptCode)) {
    const bad = finding('INVALID_CODE', '/deptCode', { field: fieldLabel(['deptCode']), value: form.deptCode }, lang);
    return problemText(lang, 'INVALID_FORM', { count: 1 }, [bad]);
  }
  const inputHash = sha256(canonicalJson(input));
  const out = await repo.submit({
    submission: {
      mofDivCode: form.mofDivCode!,
      fiscalYear: form.fiscalYear,
      projectKey: form.proCode ?? `name:${agency}:${form.proName}`,
      proCode: form.proCode ?? null,
      deptCode: form.deptCode ?? defaultDept(agency),
      agencyCode: agency,
      proName: form.proName,
      agencyName: form.agencyName ?? null,
      deptName: form.deptName ?? null,
      evalId: form.id ?? null,
      inputJson: JSON.stringify(input),
      inputHash,
      snapshot: snapshotOf(result),
    },
    actor: { keyId: job.keyId, name: `job ${job.id}`, role: 'bureau' },
    idempotency: { key: `job:${job.id}:${line}`, requestHash: inputHash },
    respond: ({ id, version }) => ({ status: 201, body: { id, version } }),
  });
  if (out.kind === 'idempotency_mismatch') return problemText(lang, 'CONFLICT', { detail: `job:${job.id}:${line}` });
  return null;
}
