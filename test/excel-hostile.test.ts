/**
 * Hostile workbooks against the import readers (issue 10, defect 1), over a real socket: uploads of
 * a kilobyte, within every zip check and the row limit, that make exceljs allocate without end (a
 * data validation or a merged range over a whole sheet is expanded cell by cell). Read in a worker
 * thread they aborted the whole server ("FATAL ERROR: … JavaScript heap out of memory", SIGABRT);
 * in a reader process only that reader dies: the upload gets 413 problem+json, the server stays
 * up, health checks answer and the next import gets a fresh reader. Sized by work: the readers'
 * budgets are what ends each workbook, the test's own timeouts are generous.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t, { type Test } from 'tap';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../src/http/app.js';
import { ImportPool, readerRssLimitMb } from '../src/excel/pool.js';
import { bigWorkbook } from './support/big-xlsx.js';
import { hostileWorkbook } from './support/hostile-xlsx.js';
import type { Config } from '../src/config.js';
import { ensureBootstrapKey } from '../src/auth/keys.js';
import { openStore } from '../src/store/index.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const SLOW = { timeout: 900_000 };

async function serve(t: Test, config: Partial<Config>): Promise<{ host: string; port: number }> {
  const app: FastifyInstance = await buildApp({ config: { logLevel: 'silent', ...config } });
  t.teardown(() => app.close());
  await app.listen({ port: 0, host: '127.0.0.1' });
  return { host: '127.0.0.1', port: (app.server.address() as { port: number }).port };
}

function send(base: { host: string; port: number }, method: string, path: string, body?: Buffer) {
  return new Promise<{ status: number; type: string; json: any }>((resolve, reject) => {
    const req = request({ ...base, method, path, agent: false, headers: body ? { 'content-type': XLSX, 'content-length': body.length } : {} }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (text += d));
      res.on('end', () => {
        let json: unknown = text;
        try {
          json = JSON.parse(text);
        } catch {
          // not JSON: kept as text for the failure message
        }
        resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type'] ?? ''), json });
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}

const VALIDATION = hostileWorkbook('validation');
const MERGE = hostileWorkbook('merge');
const SMALL = bigWorkbook({ rows: 5 });

t.test('the hostile workbooks pass every check made before exceljs reads them', async (t) => {
  const { checkXlsxBuffer } = await import('../src/excel/import/zipcheck.js');
  const { checkSheetRows } = await import('../src/excel/rows.js');
  for (const book of [VALIDATION, MERGE]) {
    t.equal(checkXlsxBuffer(book).ok, true);
    t.equal((await checkSheetRows(book, 10_000)).ok, true);
    t.ok(book.length < 4096, `${book.length} bytes`);
  }
});

t.test('a workbook over IMPORT_MEMORY_MB kills its reader, not the server', SLOW, async (t) => {
  // No time budget to speak of and no idle cut: the memory budget is what ends these workbooks.
  const base = await serve(t, { importWorkers: 2, importQueue: 2, importMemoryMb: 128, importTimeoutMs: 600_000, idleTimeoutMs: 0 });
  let peak = 0;
  const rss = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 100);
  t.teardown(() => clearInterval(rss));
  const uploads = [VALIDATION, MERGE].map((b) => send(base, 'POST', '/v1/import', b));
  let done = false;
  void Promise.all(uploads).then(() => (done = true));
  const health: number[] = [];
  while (!done) {
    health.push((await send(base, 'GET', '/healthz')).status);
    await new Promise((r) => setTimeout(r, 200));
  }
  for (const res of await Promise.all(uploads)) {
    t.equal(res.status, 413, JSON.stringify(res.json).slice(0, 300));
    t.match(res.type, /^application\/problem\+json/);
    t.equal(res.json.code, 'IMPORT_TOO_LARGE');
    t.match(res.json.detail, /读取所需内存超过128 MB/);
  }
  t.ok(health.length > 0 && health.every((s) => s === 200), `${health.length} health checks during the imports, all 200`);
  t.equal((await send(base, 'GET', '/healthz')).status, 200, 'the server is up afterwards');
  t.equal((await send(base, 'POST', '/v1/import', SMALL)).status, 422, 'a fresh reader takes the next workbook (no form in it: 422)');
  // The server's own memory never held the readers' heaps.
  t.ok(peak < 1024 * 2 ** 20, `server RSS peak ${(peak / 2 ** 20).toFixed(0)} MB`);
});

t.test('a workbook over IMPORT_TIMEOUT_MS gets 413 and its reader is replaced', SLOW, async (t) => {
  // A heap far larger than the reader reaches in 8 s: the time budget ends it.
  const base = await serve(t, { importWorkers: 1, importQueue: 1, importMemoryMb: 4096, importTimeoutMs: 8000, idleTimeoutMs: 0 });
  const late = await send(base, 'POST', '/v1/import', VALIDATION);
  t.equal(late.status, 413, JSON.stringify(late.json).slice(0, 300));
  t.equal(late.json.code, 'IMPORT_TOO_LARGE');
  t.match(late.json.detail, /读取超过8000毫秒/);
  t.equal((await send(base, 'POST', '/v1/import', SMALL)).status, 422, 'the pool takes work again');
});

t.test('a workbook job (POST /v1/jobs) over IMPORT_MEMORY_MB gets 413, the server carries on', SLOW, async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-hostile-'));
  const store = await openStore({ dataDir: dir });
  t.teardown(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const boot = await ensureBootstrapKey(store);
  if (!boot.created || !boot.key) throw new Error('no bootstrap key');
  const key = boot.key;
  const app = await buildApp({ config: { logLevel: 'silent', importWorkers: 1, importMemoryMb: 128, importTimeoutMs: 600_000, idleTimeoutMs: 0 }, store });
  t.teardown(() => app.close());
  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = { host: '127.0.0.1', port: (app.server.address() as { port: number }).port };
  const res = await new Promise<{ status: number; type: string; json: any }>((resolve, reject) => {
    const req = request(
      { ...base, method: 'POST', path: '/v1/jobs', agent: false, headers: { 'content-type': XLSX, 'content-length': MERGE.length, authorization: `Bearer ${key}` } },
      (r) => {
        let text = '';
        r.setEncoding('utf8');
        r.on('data', (d: string) => (text += d));
        r.on('end', () => resolve({ status: r.statusCode ?? 0, type: String(r.headers['content-type'] ?? ''), json: JSON.parse(text) }));
      },
    );
    req.on('error', reject);
    req.end(MERGE);
  });
  t.equal(res.status, 413, JSON.stringify(res.json).slice(0, 300));
  t.match(res.type, /^application\/problem\+json/);
  t.equal(res.json.code, 'IMPORT_TOO_LARGE');
  t.equal((await send(base, 'GET', '/healthz')).status, 200, 'the server is up afterwards');
});

t.test('closing the pool ends its readers and answers what waits', SLOW, async (t) => {
  const pool = new ImportPool({ workers: 1, queue: 1, timeoutMs: 600_000, memoryMb: 4096, maxRows: 10_000 });
  const running = pool.run(VALIDATION, { lang: 'zh' });
  const queued = pool.run(SMALL, { lang: 'zh' });
  t.equal(pool.full, true);
  t.same(await pool.run(SMALL, { lang: 'zh' }), { kind: 'busy' }, 'a third is refused at once');
  await new Promise((r) => setTimeout(r, 1000));
  await pool.close();
  t.same(await running, { kind: 'busy' });
  t.same(await queued, { kind: 'busy' });
  t.equal(pool.pending, 0);
  t.same(await pool.run(SMALL, { lang: 'zh' }), { kind: 'busy' }, 'a closed pool takes no work');
});

t.test('the resident-memory ceiling of a reader follows IMPORT_MEMORY_MB', async (t) => {
  for (const [heap, rss] of [
    [128, 352],
    [512, 928],
  ] as const) {
    t.equal(readerRssLimitMb(heap), rss, `${heap} MB heap`);
  }
});
