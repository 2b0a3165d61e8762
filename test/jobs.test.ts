/**
 * Asynchronous jobs over HTTP, on SQLite always and on PostgreSQL when JIXIAO_TEST_PG_URL is set:
 * the life cycle (202 → counts → results as NDJSON, as JSON pages and by pro_code), results equal
 * to POST /v1/score one by one, tenancy, cancelling, the limits, store=true, a job that resumes
 * after its server stops half-way, and signed callbacks to a receiver on a real socket.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t, { type Test } from 'tap';
import type { FastifyInstance } from 'fastify';
import { createKey, ensureBootstrapKey } from '../src/auth/keys.js';
import { runCli } from '../src/cli/main.js';
import type { CliIO } from '../src/cli/types.js';
import type { Config } from '../src/config.js';
import { buildApp } from '../src/http/app.js';
import { callbackSecret, signature } from '../src/jobs/callback.js';
import { progressOf } from '../src/jobs/view.js';
import { formToStandard } from '../src/standard/convert.js';
import { loadStandardCodes } from '../src/standard/load.js';
import { openStore, type StoreConfig } from '../src/store/index.js';
import { JobStore } from '../src/store/jobs.js';
import type { Repository } from '../src/store/repository.js';
import { seed, type Json } from './support/forms.js';
import { freshPgDatabase, PG_SKIP } from './support/pg.js';

// Generous: these are a few hundred forms, two workbooks and server starts on a shared 2-core machine.
t.setTimeout(10 * 60_000);

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const CLI = { keyId: null, name: 'test', role: 'cli' as const };
const SEEDS = [seed('01-jingban'), seed('02-dangan'), seed('03-dalou')];

/** n forms of the seed with their own pro_code and eval_id (every third one is a different seed). */
function forms(n: number, tag = 'P'): Json[] {
  return Array.from({ length: n }, (_, i) => ({ ...structuredClone(SEEDS[i % 3]), proCode: `${tag}${String(i).padStart(5, '0')}`, id: `eval-${tag}-${i}` }));
}

const ndjson = (items: unknown[]) => items.map((x) => (typeof x === 'string' ? x : JSON.stringify(x))).join('\n') + '\n';
const auth = (key: string) => ({ authorization: `Bearer ${key}` });

interface Keys {
  bureau: string;
  unitA: string;
  unitB: string;
}

async function makeKeys(store: Repository): Promise<Keys> {
  const boot = await ensureBootstrapKey(store);
  if (!boot.created || !boot.key) throw new Error('no bootstrap key');
  const unit = async (code: string) => (await createKey(store, { name: `unit ${code}`, role: 'unit', unit: code, region: '140000' }, CLI)).key;
  return { bureau: boot.key, unitA: await unit('209100'), unitB: await unit('301100') };
}

const FAST: Partial<Config> = { logLevel: 'silent', jobIdleMs: 20, jobChunk: 7 };

async function waitDone(app: FastifyInstance, key: string, url: string, states = ['done', 'cancelled']): Promise<Json> {
  // Sized by work: the jobs here hold at most a few hundred forms; a busy machine gets minutes.
  const deadline = Date.now() + 180_000;
  for (;;) {
    const res = await app.inject({ method: 'GET', url, headers: auth(key) });
    const job = res.json() as Json;
    if (states.includes(job.state as string)) return job;
    if (Date.now() > deadline) throw new Error(`job not finished: ${res.body}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

const parseLines = (body: string) =>
  body
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as Json);

async function suite(t: Test, open: () => Promise<{ store: Repository; cfg: StoreConfig; close(): Promise<void> }>): Promise<void> {
  const opened = await open();
  const store = opened.store;
  const keys = await makeKeys(store);
  const apps: FastifyInstance[] = [];
  const app = async (over: Partial<Config> = {}, s: Repository = store) => {
    const a = await buildApp({ config: { ...FAST, ...over }, store: s });
    apps.push(a);
    return a;
  };
  t.teardown(async () => {
    for (const a of apps) await a.close();
    await opened.close();
  });
  // First what needs no worker (no instance scores meanwhile), then the instance that does.
  await t.test('cancel: pending lines stay pending, a finished job answers 409', async (t) => {
    const idle = await app({ jobWorker: false });
    const res = await idle.inject({ method: 'POST', url: '/v1/jobs', headers: auth(keys.unitB), payload: forms(3, 'CAN') });
    t.equal(res.statusCode, 202);
    const url = res.headers.location as string;
    const del = await idle.inject({ method: 'DELETE', url, headers: auth(keys.unitB) });
    t.equal(del.statusCode, 200);
    t.equal(del.json().state, 'cancelled');
    t.same(del.json().counts, { pending: 3, done: 0, failed: 0 });
    const again = await idle.inject({ method: 'DELETE', url, headers: auth(keys.unitB) });
    t.equal(again.statusCode, 409);
    t.equal(again.json().code, 'JOB_FINISHED');
    const pending = parseLines((await idle.inject({ method: 'GET', url: `${url}/results?status=pending`, headers: auth(keys.unitB) })).body);
    t.same(pending.map((l) => l.label), ['审核中', '审核中', '审核中']);
  });

  await t.test('limits and refusals: forms per job, jobs per key, body, store=true, policy, callbacks', async (t) => {
    const limited = await app({ jobWorker: false, jobMaxForms: 3, jobMaxActive: 1 });
    const h = { ...auth(keys.unitA), 'content-type': 'application/x-ndjson' };
    const cases: [string, Record<string, string>, string, number, string][] = [
      ['/v1/jobs', h, ndjson(forms(4, 'BIG')), 413, 'JOB_TOO_LARGE'],
      ['/v1/jobs', h, '\n\n', 400, 'EMPTY_BODY'],
      ['/v1/jobs?store=true', h, ndjson(forms(1)), 403, 'FORBIDDEN'],
      ['/v1/jobs?policy=nope', h, ndjson(forms(1)), 404, 'UNKNOWN_POLICY'],
      ['/v1/jobs?callback=http://127.0.0.1:9/x', h, ndjson(forms(1)), 422, 'CALLBACK_NOT_ALLOWED'],
      ['/v1/jobs', { ...auth(keys.unitA), 'content-type': 'application/json' }, '{"a":1}', 400, 'BAD_REQUEST'],
      ['/v1/jobs', { ...auth(keys.unitA), 'content-type': XLSX }, 'not a workbook', 415, 'IMPORT_NOT_XLSX'],
    ];
    for (const [url, headers, payload, status, code] of cases) {
      const r = await limited.inject({ method: 'POST', url, headers, payload });
      t.equal(r.statusCode, status, `${url}: ${r.body}`);
      t.equal(r.json().code, code);
    }
    const ok = await limited.inject({ method: 'POST', url: '/v1/jobs', headers: h, payload: ndjson(forms(3, 'LIM')) });
    t.equal(ok.statusCode, 202);
    const busy = await limited.inject({ method: 'POST', url: '/v1/jobs', headers: h, payload: ndjson(forms(1, 'LIM2')) });
    t.equal(busy.statusCode, 429);
    t.equal(busy.json().code, 'JOB_LIMIT');
    t.equal(busy.headers['retry-after'], '60');
    const other = await limited.inject({ method: 'POST', url: '/v1/jobs', headers: { ...h, ...auth(keys.unitB) }, payload: ndjson(forms(1, 'LIM3')) });
    t.equal(other.statusCode, 202, 'another key is not held back');
    await limited.inject({ method: 'DELETE', url: ok.headers.location as string, headers: auth(keys.unitA) });
    await limited.inject({ method: 'DELETE', url: other.headers.location as string, headers: auth(keys.unitB) });
    const jobs = new JobStore(store.db);
    const left = await store.db.get<{ n: number }>(`SELECT CAST(COUNT(*) AS INTEGER) AS n FROM jobs WHERE state = 'receiving'`);
    t.equal(Number(left!.n), 0, 'a refused body leaves no job behind');
    t.ok(jobs, 'store');
    // Over a real socket, the refusal is read as an answer, not a reset, though the body is not read to its end.
    const sock = await app({ jobWorker: false, jobMaxForms: 3 });
    await sock.listen({ port: 0, host: '127.0.0.1' });
    const port = (sock.server.address() as AddressInfo).port;
    for (const [body, code] of [[ndjson(forms(400, 'SOCK')), 'JOB_TOO_LARGE']] as const) {
      const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
        const req = httpRequest({ host: '127.0.0.1', port, method: 'POST', path: '/v1/jobs', headers: { ...h, 'content-length': Buffer.byteLength(body) } }, (res) => {
          let text = '';
          res.setEncoding('utf8').on('data', (c: string) => (text += c)).on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
        });
        req.on('error', reject);
        req.end(body);
      });
      t.equal(answer.status, 413, 'over a socket');
      t.equal(JSON.parse(answer.body).code, code);
    }
    const small = await app({ jobWorker: false, jobBodyLimit: 2000 });
    const big = await small.inject({ method: 'POST', url: '/v1/jobs', headers: h, payload: ndjson(forms(2, 'BODY')) });
    t.equal(big.statusCode, 413);
    t.equal(big.json().code, 'BODY_TOO_LARGE');
  });

  await t.test('a chunk whose transaction does not commit stays pending whole (kill -9 between scoring and COMMIT)', async (t) => {
    const jobs = new JobStore(store.db);
    const idle = await app({ jobWorker: false });
    const res = await idle.inject({ method: 'POST', url: '/v1/jobs', headers: auth(keys.unitA), payload: forms(4, 'TX') });
    const job = (await jobs.get(res.json().id))!;
    await t.rejects(
      jobs.work(job, 10, async (lines) => {
        t.equal(lines.length, 4);
        throw new Error('killed');
      }),
      /killed/,
    );
    const after = (await jobs.get(job.id))!;
    t.same([after.done, after.failed], [0, 0]);
    t.equal((await jobs.results(job.id, 0, 'pending', 10)).length, 4);
    // The same line written twice (two instances, or a retry after a crash) counts once.
    const outcome = { line: 1, status: 'done' as const, proCode: 'TX00000', evalId: null, formKey: null, result: '{}' };
    t.equal(await jobs.work(job, 1, async () => [outcome]), 1);
    t.equal(await store.db.run(`UPDATE job_lines SET status = 'pending' WHERE job_id = ? AND line = 99`, [job.id]), 0);
    await jobs.cancel(job.id);
  });

  await t.test('retention: finished jobs past JOB_RETENTION_HOURS are purged with their lines', async (t) => {
    const jobs = new JobStore(store.db);
    const idle = await app({ jobWorker: false });
    const res = await idle.inject({ method: 'POST', url: '/v1/jobs', headers: auth(keys.unitB), payload: forms(2, 'OLD') });
    const id = res.json().id as string;
    await idle.inject({ method: 'DELETE', url: `/v1/jobs/${id}`, headers: auth(keys.unitB) });
    await store.db.run(`UPDATE jobs SET finished_at = ? WHERE id = ?`, ['2020-01-01T00:00:00.000Z', id]);
    const n = await jobs.purge(new Date(Date.now() - 3_600_000), new Date(0), 1);
    t.ok(n >= 1);
    t.equal(await jobs.get(id), null);
    t.equal((await jobs.results(id, 0, null, 10)).length, 0);
    t.equal((await idle.inject({ method: 'GET', url: `/v1/jobs/${id}`, headers: auth(keys.unitB) })).statusCode, 404);
  });
  await t.test('restart: a job stopped half-way is finished by the next instance, each line once', async (t) => {
    const first = await buildApp({ config: { ...FAST, jobChunk: 5, jobIdleMs: 20 }, store });
    const items = forms(60, 'RS');
    const res = await first.inject({ method: 'POST', url: '/v1/jobs', headers: auth(keys.unitA), payload: items });
    t.equal(res.statusCode, 202);
    await waitDone(first, keys.unitA, res.headers.location as string, ['running']);
    await first.close();
    const mid = (await (await app({ jobWorker: false })).inject({ method: 'GET', url: res.headers.location as string, headers: auth(keys.unitA) })).json();
    t.comment(`stopped at ${mid.counts.done} of 60`);
    const second = await app();
    const done = await waitDone(second, keys.unitA, res.headers.location as string);
    t.same(done.counts, { pending: 0, done: 60, failed: 0 });
    const lines = parseLines((await second.inject({ method: 'GET', url: `${res.headers.location}/results`, headers: auth(keys.unitA) })).body);
    t.equal(lines.length, 60);
    t.equal(new Set(lines.map((l) => l.proCode)).size, 60);
  });

  const main = await app();

  await t.test('life cycle: 202 with Location, counts by status, results equal to POST /v1/score one by one', async (t) => {
    const items: unknown[] = forms(12, 'LC');
    items.splice(3, 0, '{"not json');
    items.splice(6, 0, { ...forms(1, 'BAD')[0], indicators: 'none' });
    const res = await main.inject({ method: 'POST', url: '/v1/jobs', headers: { ...auth(keys.unitA), 'content-type': 'application/x-ndjson' }, payload: ndjson(items) });
    t.equal(res.statusCode, 202, res.body);
    const job = res.json() as Json;
    t.equal(res.headers.location, `/v1/jobs/${job.id}`);
    t.equal(job.total, 14);
    t.same(job.labels, { pending: '审核中', done: '已审核', failed: '审核失败' });
    const done = await waitDone(main, keys.unitA, res.headers.location as string);
    t.same(done.counts, { pending: 0, done: 12, failed: 2 });
    t.equal(done.progress, '100.00');
    t.ok(done.startedAt && done.finishedAt, 'started and finished times');

    const nd = await main.inject({ method: 'GET', url: `${res.headers.location}/results`, headers: auth(keys.unitA) });
    t.equal(nd.statusCode, 200);
    t.match(nd.headers['content-type'], /application\/x-ndjson/);
    const lines = parseLines(nd.body);
    t.equal(lines.length, 14);
    t.same(lines.map((l) => l.line), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14], 'in input order, each line once');
    t.equal(lines[3].status, 'failed');
    t.equal((lines[3].problem as Json).code, 'INVALID_JSON');
    t.equal(lines[6].status, 'failed');
    t.equal(lines[6].label, '审核失败');
    t.equal((lines[6].problem as Json).code, 'INVALID_FORM');
    for (const l of lines.filter((x) => x.status === 'done')) {
      const form = items[(l.line as number) - 1];
      const one = await main.inject({ method: 'POST', url: '/v1/score?detail=brief', payload: form as object });
      t.same(l.result, one.json(), `line ${l.line} as POST /v1/score?detail=brief`);
      t.equal(l.proCode, (form as Json).proCode);
      t.equal(l.evalId, (form as Json).id);
      t.equal(l.label, '已审核');
    }

    // JSON pages of 5, by cursor; the failed ones only.
    const seen: number[] = [];
    let cursor: string | null = null;
    do {
      const page: Json = (
        await main.inject({ method: 'GET', url: `${res.headers.location}/results?format=json&limit=5${cursor ? `&cursor=${cursor}` : ''}`, headers: auth(keys.unitA) })
      ).json();
      seen.push(...(page.items as Json[]).map((i) => i.line as number));
      cursor = page.next as string | null;
    } while (cursor);
    t.same(seen, lines.map((l) => l.line), 'JSON pages cover every line once');
    const failed = parseLines((await main.inject({ method: 'GET', url: `${res.headers.location}/results?status=failed`, headers: auth(keys.unitA) })).body);
    t.same(failed.map((l) => l.line), [4, 7]);
    const bad = await main.inject({ method: 'GET', url: `${res.headers.location}/results?format=json&cursor=xyz`, headers: auth(keys.unitA) });
    t.equal(bad.json().code, 'BAD_CURSOR');

    const one = await main.inject({ method: 'GET', url: `${res.headers.location}/results/LC00005`, headers: auth(keys.unitA) });
    t.equal(one.statusCode, 200);
    t.equal(one.json().proCode, 'LC00005');
    t.equal(one.json().status, 'done');
    t.same(one.json().otherLines, []);
    const none = await main.inject({ method: 'GET', url: `${res.headers.location}/results/NOPE`, headers: auth(keys.unitA) });
    t.equal(none.statusCode, 404);
  });

  await t.test('the standard shape in and out: rows of the 一体化 tables, results equal to POST /v1/score?shape=standard', async (t) => {
    const codes = loadStandardCodes();
    const items = forms(5, 'STD').map((f) => formToStandard(f, codes, { moneyUnit: '元' }).body);
    t.equal((items[2].pm_perf_self_eval as Json).pro_code, 'STD00002', 'a standard body');
    const res = await main.inject({ method: 'POST', url: '/v1/jobs?shape=standard', headers: { ...auth(keys.unitA), 'content-type': 'application/x-ndjson' }, payload: ndjson(items) });
    t.equal(res.statusCode, 202, res.body);
    t.equal(res.json().shape, 'standard');
    await waitDone(main, keys.unitA, res.headers.location as string);
    for (let i = 0; i < items.length; i++) {
      const byCode = (await main.inject({ method: 'GET', url: `${res.headers.location}/results/STD0000${i}`, headers: auth(keys.unitA) })).json();
      const one = await main.inject({ method: 'POST', url: '/v1/score?shape=standard&detail=brief', payload: items[i] });
      t.equal(byCode.status, 'done');
      t.equal(byCode.evalId, `eval-STD-${i}`);
      t.same(byCode.result, one.json(), `pro_code STD0000${i}`);
      t.type((byCode.result as Json).pm_perf_self_eval, 'object');
    }
  });

  await t.test('a JSON array with detail=full: each result is POST /v1/score’s full answer', async (t) => {
    const items = forms(4, 'FULL');
    const res = await main.inject({ method: 'POST', url: '/v1/jobs?detail=full', headers: auth(keys.unitA), payload: items });
    t.equal(res.statusCode, 202, res.body);
    t.equal(res.json().source, 'json');
    await waitDone(main, keys.unitA, res.headers.location as string);
    const lines = parseLines((await main.inject({ method: 'GET', url: `${res.headers.location}/results`, headers: auth(keys.unitA) })).body);
    for (let i = 0; i < items.length; i++) {
      const one = await main.inject({ method: 'POST', url: '/v1/score', payload: items[i] });
      t.same(lines[i].result, one.json(), `form ${i}`);
    }
  });

  await t.test('a batch workbook (xlsx body or multipart): one line per sheet, scored as POST /v1/import scores it', async (t) => {
    const xlsx = readFileSync(new URL('./fixtures/xlsx/06-seed-all.xlsx', import.meta.url));
    const imported = (await main.inject({ method: 'POST', url: '/v1/import', headers: { 'content-type': XLSX }, payload: xlsx })).json();
    const boundary = 'jxjobsboundary';
    const multipart = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="b.xlsx"\r\nContent-Type: ${XLSX}\r\n\r\n`),
      xlsx,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const uploads: [string, string, Buffer][] = [
      ['xlsx body', XLSX, xlsx],
      ['multipart', `multipart/form-data; boundary=${boundary}`, multipart],
    ];
    for (const [what, type, payload] of uploads) {
      const res = await main.inject({ method: 'POST', url: '/v1/jobs?detail=full', headers: { ...auth(keys.unitA), 'content-type': type }, payload });
      t.equal(res.statusCode, 202, `${what}: ${res.body}`);
      t.equal(res.json().source, 'xlsx');
      t.equal(res.json().total, 3);
      await waitDone(main, keys.unitA, res.headers.location as string);
      const lines = parseLines((await main.inject({ method: 'GET', url: `${res.headers.location}/results`, headers: auth(keys.unitA) })).body);
      t.same(
        lines.map((l) => [(l.result as Json).total, (l.result as Json).grade]),
        (imported.forms as Json[]).map((f) => [(f.result as Json).total, (f.result as Json).grade]),
        `${what}: each sheet's total and grade as the import gives them`,
      );
      // Nothing of the importer is lost on the way through the job: the sheet, its findings, each finding's cell.
      t.same(lines.map((l) => (l.result as Json).sheet), (imported.forms as Json[]).map((f) => f.sheet), `${what}: the sheet of each line`);
      t.same(
        lines.map((l) => (l.result as Json).findings),
        (imported.forms as Json[]).map((f) => [...(f.findings as Json[]), ...((f.result as Json).findings as Json[])]),
        `${what}: the importer's findings, then the result's, each with its cell`,
      );
      t.ok(((lines[0].result as Json).findings as Json[]).some((f) => typeof f.cell === 'string'), `${what}: findings carry cells`);
    }
  });

  await t.test('two instances on one store share a job: each line scored into the results once', async (t) => {
    const second = await app();
    const res = await main.inject({ method: 'POST', url: '/v1/jobs', headers: auth(keys.unitB), payload: forms(80, 'TWO') });
    t.equal(res.statusCode, 202);
    const done = await waitDone(second, keys.unitB, res.headers.location as string);
    t.same(done.counts, { pending: 0, done: 80, failed: 0 });
    const lines = parseLines((await second.inject({ method: 'GET', url: `${res.headers.location}/results`, headers: auth(keys.unitB) })).body);
    t.equal(lines.length, 80);
    t.equal(new Set(lines.map((l) => l.line)).size, 80, 'no line twice');
  });

  await t.test('tenancy: another key’s job is 404 everywhere, and its list is its own', async (t) => {
    const res = await main.inject({ method: 'POST', url: '/v1/jobs', headers: auth(keys.unitA), payload: forms(2, 'TEN') });
    const url = res.headers.location as string;
    for (const [method, path] of [['GET', url], ['GET', `${url}/results`], ['GET', `${url}/results/TEN00000`], ['DELETE', url]] as const) {
      const r = await main.inject({ method, url: path, headers: auth(keys.unitB) });
      t.equal(r.statusCode, 404, `${method} ${path} with another unit's key`);
      const b = await main.inject({ method, url: path, headers: auth(keys.bureau) });
      t.equal(b.statusCode, 404, `${method} ${path} with the bureau key`);
    }
    const mine = (await main.inject({ method: 'GET', url: '/v1/jobs?limit=500', headers: auth(keys.unitB) })).json();
    t.equal(mine.items.some((j: Json) => j.id === res.json().id), false, 'not in the other key’s list');
    const theirs = (await main.inject({ method: 'GET', url: '/v1/jobs?limit=1', headers: auth(keys.unitA) })).json();
    t.equal(theirs.items.length, 1);
    t.type(theirs.next, 'string', 'more than one job: a next cursor');
    const rest = (await main.inject({ method: 'GET', url: `/v1/jobs?limit=100&cursor=${theirs.next}`, headers: auth(keys.unitA) })).json();
    const ids = [theirs.items[0].id, ...rest.items.map((j: Json) => j.id)];
    t.equal(new Set(ids).size, ids.length, 'no job twice');
    t.equal(rest.next, null);
    t.equal((await main.inject({ method: 'GET', url: '/v1/jobs' })).statusCode, 401, 'a key is needed');
    await waitDone(main, keys.unitA, url);
  });

  await t.test('store=true (bureau key): every scored form becomes a submission, once', async (t) => {
    const items = forms(3, 'STO').map((f, i) => ({ ...f, agencyCode: '209100', mofDivCode: '140000', fiscalYear: 2022 + (i % 1) }));
    const res = await main.inject({ method: 'POST', url: '/v1/jobs?store=true', headers: auth(keys.bureau), payload: items });
    t.equal(res.statusCode, 202, res.body);
    const done = await waitDone(main, keys.bureau, res.headers.location as string);
    t.same(done.counts, { pending: 0, done: 3, failed: 0 });
    const list = (await main.inject({ method: 'GET', url: '/v1/submissions?proCode=STO00001', headers: auth(keys.bureau) })).json();
    t.equal(list.items.length, 1);
    t.equal(list.items[0].currentVersion, 1);
  });

}

t.test('progress is a two-decimal percentage by integer arithmetic', async (t) => {
  const cases: [number, number, string][] = [
    [0, 3, '0.00'],
    [1, 3, '33.33'],
    [2, 3, '66.66'],
    [3, 3, '100.00'],
    [0, 0, '100.00'],
  ];
  for (const [a, b, want] of cases) t.equal(progressOf(a, b), want, `${a}/${b}`);
});

t.test('SQLite', async (t) => {
  await suite(t, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jx-jobs-'));
    const cfg = { dataDir: dir };
    const store = await openStore(cfg);
    return {
      store,
      cfg,
      close: async () => {
        await store.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  });
});

t.test('PostgreSQL', { skip: PG_SKIP }, async (t) => {
  await suite(t, async () => {
    const db = await freshPgDatabase();
    const cfg = { dataDir: '/nonexistent', databaseUrl: db.url };
    const store = await openStore(cfg);
    return {
      store,
      cfg,
      close: async () => {
        await store.close();
        await db.drop();
      },
    };
  });
});

// ---- callbacks --------------------------------------------------------------------------------------

interface Received {
  headers: IncomingMessage['headers'];
  body: string;
}

/** A receiver on a real socket: answers the statuses given in turn (then 200). */
async function receiver(statuses: number[]) {
  const got: Received[] = [];
  const waiters: (() => void)[] = [];
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => (body += c));
    req.on('end', () => {
      got.push({ headers: req.headers, body });
      res.statusCode = statuses.shift() ?? 200;
      res.end('ok');
      waiters.splice(0).forEach((w) => w());
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    got,
    async waitFor(n: number) {
      while (got.length < n) await new Promise<void>((r) => waiters.push(r));
    },
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

/** What a receiver does (README "Callbacks"): HMAC over timestamp + "." + raw body, compared in constant time. */
function verify(secret: string, r: Received): boolean {
  const ts = String(r.headers['x-jixiao-timestamp']);
  const sig = String(r.headers['x-jixiao-signature']);
  const want = 'sha256=' + createHmac('sha256', secret).update(`${ts}.${r.body}`).digest('hex');
  return sig.length === want.length && timingSafeEqual(Buffer.from(sig), Buffer.from(want)) && Math.abs(Date.now() / 1000 - Number(ts)) < 300;
}

t.test('callbacks: signed, retried after a 500 with backoff, each attempt recorded; only allowed origins', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'jx-jobs-cb-'));
  const store = await openStore({ dataDir: dir });
  const keys = await makeKeys(store);
  const rcv = await receiver([500]);
  const app = await buildApp({ config: { ...FAST, callbackOrigins: [rcv.origin], callbackBackoffMs: 50, callbackMaxAttempts: 3 }, store });
  t.teardown(async () => {
    await app.close();
    await rcv.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const sec = await app.inject({ method: 'POST', url: '/v1/jobs/callback-secret', headers: auth(keys.unitA) });
  t.equal(sec.statusCode, 200);
  t.equal(sec.headers['cache-control'], 'no-store');
  const secret = sec.json().secret as string;
  t.equal(secret, createHmac('sha256', keys.unitA).update('jixiao-callback-v1').digest('hex'), 'derived from the key as documented');
  t.equal(secret, callbackSecret(keys.unitA));
  t.not(callbackSecret(keys.unitB), secret, 'each key its own secret');

  const url = `${rcv.origin}/hooks/jixiao?x=1`;
  const res = await app.inject({ method: 'POST', url: `/v1/jobs?callback=${encodeURIComponent(url)}`, headers: auth(keys.unitA), payload: forms(3, 'CB') });
  t.equal(res.statusCode, 202, res.body);
  await rcv.waitFor(2);
  const job = await waitDone(app, keys.unitA, res.headers.location as string);
  // The record of the second attempt is written just after the receiver answered it.
  let view = job;
  for (let i = 0; i < 400 && (view.callback as Json).state !== 'delivered'; i++) {
    await new Promise((r) => setTimeout(r, 25));
    view = (await app.inject({ method: 'GET', url: res.headers.location as string, headers: auth(keys.unitA) })).json();
  }
  const cb = view.callback as { url: string; state: string; attempts: Json[] };
  t.equal(cb.url, url);
  t.equal(cb.state, 'delivered');
  t.same(cb.attempts.map((a) => [a.attempt, a.status, a.error]), [[1, 500, 'HTTP 500'], [2, 200, null]]);
  t.equal(rcv.got.length, 2, 'no delivery after success');
  for (const r of rcv.got) {
    t.ok(verify(secret, r), 'the signature verifies with the key’s secret');
    t.notOk(verify(callbackSecret(keys.unitB), r), 'and not with another key’s');
    t.equal(r.headers['x-jixiao-job'], view.id);
    t.match(String(r.headers['content-type']), /application\/json/);
  }
  const summary = JSON.parse(rcv.got[1].body) as Json;
  t.equal(summary.event, 'job.finished');
  t.same((summary.job as Json).counts, { pending: 0, done: 3, failed: 0 });
  t.equal(signature(secret, String(rcv.got[0].headers['x-jixiao-timestamp']), rcv.got[0].body), rcv.got[0].headers['x-jixiao-signature']);

  for (const bad of ['http://127.0.0.1:1/x', 'https://evil.example/x', `${rcv.origin.replace('http:', 'https:')}/x`, 'ftp://127.0.0.1/x', `http://u:p@${rcv.origin.slice(7)}/x`, 'not a url']) {
    const r = await app.inject({ method: 'POST', url: `/v1/jobs?callback=${encodeURIComponent(bad)}`, headers: auth(keys.unitA), payload: forms(1, 'NO') });
    t.equal(r.statusCode, 422, bad);
    t.equal(r.json().code, 'CALLBACK_NOT_ALLOWED');
  }
});

t.test('callbacks: a receiver that never accepts is given up after CALLBACK_MAX_ATTEMPTS', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'jx-jobs-cb2-'));
  const store = await openStore({ dataDir: dir });
  const keys = await makeKeys(store);
  const rcv = await receiver([503, 500, 502, 500]);
  const app = await buildApp({ config: { ...FAST, callbackOrigins: [rcv.origin], callbackBackoffMs: 20, callbackMaxAttempts: 3 }, store });
  t.teardown(async () => {
    await app.close();
    await rcv.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const res = await app.inject({ method: 'POST', url: `/v1/jobs?callback=${encodeURIComponent(rcv.origin + '/h')}`, headers: auth(keys.unitA), payload: forms(1, 'GU') });
  t.equal(res.statusCode, 202);
  await rcv.waitFor(3);
  let view: Json = {};
  for (let i = 0; i < 400; i++) {
    view = (await app.inject({ method: 'GET', url: res.headers.location as string, headers: auth(keys.unitA) })).json();
    if ((view.callback as Json).state === 'failed') break;
    await new Promise((r) => setTimeout(r, 25));
  }
  const cb = view.callback as { state: string; attempts: Json[] };
  t.equal(cb.state, 'failed');
  t.same(cb.attempts.map((a) => a.status), [503, 500, 502]);
  await new Promise((r) => setTimeout(r, 200));
  t.equal(rcv.got.length, 3, 'no fourth attempt');
});

t.test('jixiao keys create shows the new key’s callback secret once, derived as documented', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'jx-jobs-cli-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  let out = '';
  let err = '';
  const io: CliIO = { stdout: (s) => void (out += s), stderr: (s) => void (err += s), readStdin: async () => '', env: { DATA_DIR: dir } };
  t.equal(await runCli(['keys', 'create', '--role', 'bureau', '--name', 'yth'], io), 0);
  const key = out.trim();
  t.match(err, new RegExp(`callback signing secret: ${callbackSecret(key)}\n`));
});
