/**
 * The page's calls to the service (same origin). Every error the API answers is problem+json:
 * the page shows its Chinese `detail` (and the messages of its `errors`), never the raw JSON.
 */
import type { ScoreResult } from '../../src/core/model/result.js';
import type { Finding } from '../../src/core/codes.js';
import { tr } from './i18n.js';

export type { ScoreResult, Finding };
export type FormJson = Record<string, unknown>;

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly detail: string,
    readonly errors: { code?: string; pointer?: string; message: string }[] = [],
  ) {
    super(detail);
  }
}

let apiKey: string | null = null;
export function setApiKey(key: string | null): void {
  apiKey = key;
}

interface CallOptions {
  method?: string;
  body?: BodyInit | null;
  type?: string;
  headers?: Record<string, string>;
}

/** fetch with the key (when signed in); a non-2xx answer becomes an ApiError with the Chinese detail. */
export async function call(url: string, opts: CallOptions = {}): Promise<Response> {
  const headers: Record<string, string> = { ...opts.headers };
  if (opts.type) headers['content-type'] = opts.type;
  if (apiKey) headers.authorization = `Bearer ${apiKey}`;
  let res: Response;
  try {
    res = await fetch(url, { method: opts.method ?? 'GET', body: opts.body ?? null, headers });
  } catch {
    throw new ApiError(0, tr('无法连接服务器，请检查网络后重试。', 'Cannot reach the server; check the network and try again.'));
  }
  if (res.ok) return res;
  throw await errorOf(res);
}

export async function errorOf(res: Response): Promise<ApiError> {
  const text = await res.text().catch(() => '');
  try {
    const p = JSON.parse(text) as { detail?: string; title?: string; errors?: { message: string }[] };
    return new ApiError(res.status, p.detail ?? p.title ?? String(res.status), Array.isArray(p.errors) ? p.errors : []);
  } catch {
    return new ApiError(res.status, tr(`服务器返回错误（${res.status}）`, `The server answered ${res.status}`));
  }
}

export async function getJson<T>(url: string): Promise<T> {
  return (await call(url)).json() as Promise<T>;
}

export async function postJson<T>(url: string, body: unknown, headers?: Record<string, string>): Promise<T> {
  return (await call(url, { method: 'POST', body: JSON.stringify(body), type: 'application/json', headers })).json() as Promise<T>;
}

export interface PolicySummary {
  id: string;
  name: string;
  isDefault: boolean;
}

export interface ImportedForm {
  sheet: string;
  layout: string;
  form: FormJson;
  cells: Record<string, string>;
  findings: Finding[];
  result?: ScoreResult;
  problems?: Finding[];
}

export interface Session {
  role: 'unit' | 'department' | 'bureau';
  name: string;
  agencyCode: string | null;
  deptCode: string | null;
  mofDivCode: string | null;
}

export interface SnapshotSummary {
  version: number;
  reason: string;
  status: string;
  total: string;
  grade: string | null;
  reportedTotal: string | null;
  reportedGrade: string | null;
  budgetWan: string;
  createdAt: string;
  policy: { id: string };
}

export interface SubmissionHead {
  id: string;
  mofDivCode: string;
  fiscalYear: number;
  deptCode: string;
  agencyCode: string;
  proName: string;
  agencyName: string | null;
  deptName: string | null;
  currentVersion: number;
  updatedAt: string;
  score: SnapshotSummary | null;
}

export interface SubmissionDetail extends SubmissionHead {
  form: FormJson;
  versions: { version: number; createdAt: string; evalId: string | null }[];
}

export interface VersionDetail {
  version: number;
  input: FormJson;
  snapshots: (SnapshotSummary & { result: ScoreResult })[];
}

export const api = {
  policies: () => getJson<{ default: string; policies: PolicySummary[] }>('/v1/policies'),
  score: (form: FormJson, policy: string) => postJson<ScoreResult>(`/v1/score${policy ? `?policy=${encodeURIComponent(policy)}` : ''}`, form),
  importXlsx: async (file: Blob) =>
    (await call('/v1/import', { method: 'POST', body: file, type: XLSX_TYPE })).json() as Promise<{ forms: ImportedForm[]; findings: Finding[] }>,
  export: async (forms: FormJson | FormJson[], format: 'xlsx' | 'html') =>
    (await call(`/v1/export?format=${format}`, { method: 'POST', body: JSON.stringify(forms), type: 'application/json' })).blob(),
  narrative: (form: FormJson) => postJson<{ text: string }>('/v1/narrative', form),
  session: () => getJson<Session>('/ui/session'),
  submit: (form: FormJson, idempotencyKey: string) =>
    postJson<{ id: string; version: number; created: boolean; duplicate: boolean; score: { total: string; grade: string | null } }>(
      '/v1/submissions',
      form,
      { 'idempotency-key': idempotencyKey },
    ),
  list: (query: string) => getJson<{ items: SubmissionHead[]; next: string | null }>(`/v1/submissions?${query}`),
  detail: (id: string) => getJson<SubmissionDetail>(`/v1/submissions/${encodeURIComponent(id)}`),
  version: (id: string, n: number) => getJson<VersionDetail>(`/v1/submissions/${encodeURIComponent(id)}/versions/${n}`),
  disclosure: (year: number, unit: string) =>
    getJson<{ paragraph: string }>(`/v1/stats/disclosure?year=${year}&unit=${encodeURIComponent(unit)}`),
};

/** Every submission of a query, page after page (the dashboard's table). */
export async function listAll(query: string, max = 2000): Promise<SubmissionHead[]> {
  const out: SubmissionHead[] = [];
  let cursor: string | null = null;
  do {
    const page: { items: SubmissionHead[]; next: string | null } = await api.list(`${query}&limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    out.push(...page.items);
    cursor = page.next;
  } while (cursor && out.length < max);
  return out;
}

/** Reads an NDJSON answer line by line as it streams in. */
export async function readNdjson(res: Response, onLine: (value: unknown) => void): Promise<void> {
  const reader = res.body!.getReader();
  const dec = new TextDecoder();
  let buf = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (value) buf += dec.decode(value, { stream: true });
    let nl: number;
    while ((nl = buf.indexOf('\n')) >= 0) {
      const line = buf.slice(0, nl).trim();
      buf = buf.slice(nl + 1);
      if (line) onLine(JSON.parse(line));
    }
    if (done) break;
  }
  if (buf.trim()) onLine(JSON.parse(buf));
}

/** Saves a blob as a file (the browser's download). */
export function download(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/** A fresh Idempotency-Key. */
export function newKey(): string {
  return typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : `k-${Date.now()}-${Math.random().toString(36).slice(2)}`;
}

export function messageOf(err: unknown): { detail: string; errors: string[] } {
  if (err instanceof ApiError) return { detail: err.detail, errors: err.errors.map((e) => e.message) };
  return { detail: err instanceof Error ? err.message : String(err), errors: [] };
}
