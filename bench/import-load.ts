/**
 * `/healthz` latency while 4 large workbooks are imported (issue 10, defect 1), over a real socket:
 *   npx tsx bench/import-load.ts          # prints one Markdown row for bench/RESULTS.md
 * The workbooks are ~10 MB each (10 000 rows × 48 columns of CJK text, within every limit).
 * Also checks that the pool takes work again after a reader was stopped by IMPORT_TIMEOUT_MS.
 *   npx tsx bench/import-load.ts --hostile [kind,kind…]
 * sends 4 of each hostile workbook (test/support/hostile-xlsx.ts) at once, with IMPORT_MEMORY_MB,
 * IMPORT_WORKERS, IMPORT_TIMEOUT_MS from the environment: one Markdown row per kind (answers,
 * /healthz latency, peak RSS of the server and its reader processes). A server that dies ends it.
 */
import { request } from 'node:http';
import { availableParallelism } from 'node:os';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { loadConfig } from '../src/config.js';
import { buildApp } from '../src/http/app.js';
import { bigWorkbook } from '../test/support/big-xlsx.js';
import { HOSTILE_KINDS, hostileWorkbook, type HostileKind } from '../test/support/hostile-xlsx.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function send(port: number, method: string, path: string, body?: Buffer): Promise<{ status: number; ms: number }> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const req = request({ host: '127.0.0.1', port, method, path, agent: false, headers: body ? { 'content-type': XLSX } : {} }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, ms: performance.now() - t0 }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

if (process.argv.includes('--hostile')) {
  await hostile();
  process.exit(0);
}

const book = bigWorkbook({ rows: 10_000, cols: 48 });
const small = bigWorkbook({ rows: 5 });
const app = await buildApp({ config: { logLevel: 'silent' } });
await app.listen({ port: 0, host: '127.0.0.1' });
const port = (app.server.address() as { port: number }).port;
let peakRss = 0;
const rss = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);
const t0 = performance.now();
const imports = [1, 2, 3, 4].map(() => send(port, 'POST', '/v1/import', book));
let done = false;
void Promise.all(imports).then(() => (done = true));
const lat: number[] = [];
while (!done) {
  lat.push((await send(port, 'GET', '/healthz')).ms);
  await new Promise((r) => setTimeout(r, 10));
}
const statuses = (await Promise.all(imports)).map((r) => r.status);
const wall = performance.now() - t0;
clearInterval(rss);
lat.sort((a, b) => a - b);
const q = (p: number) => lat[Math.min(lat.length - 1, Math.floor(lat.length * p))].toFixed(1);
await app.close();

// Recovery after a stopped worker (plain node / tsx).
const slow = await buildApp({ config: { logLevel: 'silent', importWorkers: 1, importTimeoutMs: 1000 } });
await slow.listen({ port: 0, host: '127.0.0.1' });
const sp = (slow.server.address() as { port: number }).port;
const stopped = await send(sp, 'POST', '/v1/import', book);
const after = await send(sp, 'POST', '/v1/import', small);
await slow.close();

console.log(
  `| ${new Date().toISOString().slice(0, 10)} | ${availableParallelism()} | ${process.version} | ${(book.length / 2 ** 20).toFixed(1)} MB × 4 (${statuses.join(', ')}) | ${(wall / 1000).toFixed(1)} s | ${lat.length} | ${q(0.5)} | ${q(0.99)} | ${lat[lat.length - 1].toFixed(1)} | ${(peakRss / 2 ** 20).toFixed(0)} MB | timeout ${stopped.status}, then ${after.status} |`,
);

/** Resident MB of this process and its children (the import readers); Linux /proc. */
function treeRssMb(): number {
  let pids = [process.pid];
  try {
    pids = pids.concat(execFileSync('ps', ['-o', 'pid=', '--ppid', String(process.pid)], { encoding: 'utf8' }).trim().split(/\s+/).filter(Boolean).map(Number));
  } catch {
    // no children
  }
  let kb = 0;
  for (const pid of pids) {
    try {
      kb += Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
    } catch {
      // gone
    }
  }
  return kb / 1024;
}

async function hostile(): Promise<void> {
  const arg = process.argv[process.argv.indexOf('--hostile') + 1];
  const kinds = (arg && !arg.startsWith('-') ? arg.split(',') : [...HOSTILE_KINDS]) as HostileKind[];
  const c = loadConfig(process.env);
  console.log(`IMPORT_MEMORY_MB=${c.importMemoryMb} IMPORT_WORKERS=${c.importWorkers} IMPORT_TIMEOUT_MS=${c.importTimeoutMs} IDLE_TIMEOUT_MS=${c.idleTimeoutMs}`);
  console.log('| workbook | upload | answers (4 at once) | wall | /healthz n | p50 ms | p99 ms | peak RSS (server + readers) |');
  console.log('|---|---|---|---|---|---|---|---|');
  for (const kind of kinds) {
    const book = hostileWorkbook(kind);
    const app = await buildApp({ config: { ...c, logLevel: 'silent' } });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const port = (app.server.address() as { port: number }).port;
    let peak = 0;
    const rss = setInterval(() => (peak = Math.max(peak, treeRssMb())), 100);
    const t0 = performance.now();
    const uploads = [1, 2, 3, 4].map(() => send(port, 'POST', '/v1/import', book));
    let done = false;
    void Promise.all(uploads).then(() => (done = true));
    const lat: number[] = [];
    while (!done) {
      lat.push((await send(port, 'GET', '/healthz')).ms);
      await new Promise((r) => setTimeout(r, 20));
    }
    const statuses = (await Promise.all(uploads)).map((r) => r.status);
    const wall = performance.now() - t0;
    clearInterval(rss);
    await app.close();
    lat.sort((a, b) => a - b);
    const q = (p: number) => (lat.length ? lat[Math.min(lat.length - 1, Math.floor(lat.length * p))].toFixed(0) : '-');
    console.log(`| ${kind} | ${(book.length / 1024).toFixed(0)} KB | ${statuses.join(', ')} | ${(wall / 1000).toFixed(1)} s | ${lat.length} | ${q(0.5)} | ${q(0.99)} | ${peak.toFixed(0)} MB |`);
  }
}
