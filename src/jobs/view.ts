/**
 * How a job and its results are answered: GET /v1/jobs/:id, the callback's summary, and the result
 * lines (written as text around the stored JSON, which is never parsed again on the way out).
 */
import type { CallbackAttempt, JobRecord, LineRow, LineStatus } from '../store/jobs.js';

/** The status of a project in a job, with the labels the 一体化 systems show (integration.md §2.2 d). */
export const STATUS_LABELS: Readonly<Record<LineStatus, string>> = { pending: '审核中', done: '已审核', failed: '审核失败' };

export const jobUrl = (id: string) => `/v1/jobs/${id}`;

/** Lines processed / total as a percentage with two decimals, by integer arithmetic ("37.50"). */
export function progressOf(processed: number, total: number): string {
  if (total <= 0) return '100.00';
  const hundredths = Math.floor((processed * 10000) / total);
  return `${Math.floor(hundredths / 100)}.${String(hundredths % 100).padStart(2, '0')}`;
}

export function jobSummary(job: JobRecord) {
  const pending = Math.max(0, job.total - job.done - job.failed);
  return {
    id: job.id,
    state: job.state,
    total: job.total,
    counts: { pending, done: job.done, failed: job.failed },
    labels: STATUS_LABELS,
    progress: progressOf(job.done + job.failed, job.total),
    policy: job.policy,
    detail: job.detail,
    shape: job.shape,
    store: job.store,
    source: job.source,
    createdAt: job.createdAt,
    startedAt: job.startedAt,
    finishedAt: job.finishedAt,
    links: { self: jobUrl(job.id), results: `${jobUrl(job.id)}/results` },
  };
}

export function jobView(job: JobRecord, attempts: CallbackAttempt[]) {
  return {
    ...jobSummary(job),
    callback: job.callbackUrl ? { url: job.callbackUrl, state: job.callbackState, nextAt: job.callbackState === 'pending' ? job.callbackNextAt : null, attempts } : null,
  };
}

/** One result as JSON text: {line, proCode, evalId, id, status, label, result | problem}. */
export function lineJson(r: LineRow): string {
  let s = `{"line":${r.line},"proCode":${JSON.stringify(r.proCode)},"evalId":${JSON.stringify(r.evalId)},"id":${JSON.stringify(r.formKey)},"status":"${r.status}","label":"${STATUS_LABELS[r.status]}"`;
  if (r.status === 'done' && r.result !== null) s += `,"result":${r.result}`;
  else if (r.status === 'failed' && r.result !== null) s += `,"problem":${r.result}`;
  return s + '}';
}
