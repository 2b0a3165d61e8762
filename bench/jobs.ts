/**
 * `npx tsx bench/jobs.ts`: an asynchronous job of BENCH_JOBS (1000000) generated brief forms
 * against the streamed batch route, in the same run, each in a fresh server process (so that each
 * peak RSS, VmHWM, is its own):
 *   1. POST /v1/score/batch?detail=brief, the forms streamed as NDJSON: forms/s, peak RSS;
 *   2. POST /v1/jobs?detail=brief with the same forms as NDJSON, then GET /v1/jobs/:id until
 *      done: the time to the 202 (every line stored), the time to done, forms/s from the first
 *      byte sent to done, the reading of every result (GET …/results, NDJSON), and peak RSS.
 * Targets (issue 12): jobs ≥ 70 % of the batch's forms/s, peak RSS < 300 MB.
 * The servers run as `npm start` runs them (--max-old-space-size=1024), from dist/ when it builds,
 * else from the sources under tsx (said in the table). Appends a section to bench/RESULTS.md.
 */
import { execSync, spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { ndjson } from './generate.js';

const N = process.env.BENCH_JOBS ? Number(process.env.BENCH_JOBS) : 1_000_000;
const KEY = 'jx_bench_jobs_key_0000000000000000000000000';
const root = new URL('..', import.meta.url).pathname;
const TARGET = { ratio: 70, rssMb: 300 };
const fmt = (n: number, d = 0) => n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });
const out: string[] = [];
const say = (s: string) => {
  out.push(s);
  process.stdout.write(s + '\n');
};

function serverEntry(): { args: string[]; label: string } {
  try {
    execSync('node scripts/ensure-build.mjs', { cwd: root, stdio: 'ignore' });
    return { args: ['dist/server.js'], label: 'dist/server.js' };
  } catch {
    return { args: ['--import', 'tsx', 'src/server.ts'], label: 'src/server.ts under tsx (dist/ did not build)' };
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

interface Server {
  child: ChildProcess;
  port: number;
  dir: string;
  peakRss(): number;
  stop(): Promise<void>;
}

async function startServer(entry: string[]): Promise<Server> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-bench-jobs-'));
  const child = spawn(process.execPath, ['--max-old-space-size=1024', ...entry], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      RATE_LIMIT_MAX: '0',
      RATE_LIMIT_KEY_MAX: '0',
      DATA_DIR: dir,
      BOOTSTRAP_KEY: KEY,
      JOB_MAX_FORMS: String(Math.max(N, 1)),
      REQUEST_TIMEOUT_MS: '0',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  for (let i = 0; i < 600; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/healthz`)).ok) break;
    } catch {
      /* not yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  const peakRss = () => {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : NaN;
  };
  const stop = async () => {
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await exited;
    rmSync(dir, { recursive: true, force: true });
  };
  return { child, port, dir, peakRss, stop };
}

/** POSTs the N forms as NDJSON; resolves to the answer's text (the batch: only counted, its tail kept). */
function postNdjson(port: number, path: string, keep: boolean): Promise<{ status: number; tail: string; lines: number; body: string; headers: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    let lines = 0;
    let tail = '';
    let body = '';
    const req = request(
      { host: '127.0.0.1', port, method: 'POST', path, headers: { 'content-type': 'application/x-ndjson', authorization: `Bearer ${KEY}` } },
      (res) => {
        res.setEncoding('utf8');
        res.on('data', (s: string) => {
          for (let i = s.indexOf('\n'); i !== -1; i = s.indexOf('\n', i + 1)) lines++;
          tail = (tail + s).slice(-2000);
          if (keep) body += s;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, tail, lines, body, headers: res.headers }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    Readable.from(ndjson(N, 7)).pipe(req);
  });
}

async function batchRun(entry: string[]) {
  const s = await startServer(entry);
  const t0 = performance.now();
  const r = await postNdjson(s.port, '/v1/score/batch?detail=brief', false);
  const secs = (performance.now() - t0) / 1000;
  const summary = JSON.parse(r.tail.trim().split('\n').pop()!).summary as { scored: number; failed: number };
  const rss = s.peakRss();
  await s.stop();
  return { secs, rate: N / secs, scored: summary.scored, failed: summary.failed, rssMb: rss / 2 ** 20 };
}

async function jobRun(entry: string[]) {
  const s = await startServer(entry);
  const base = `http://127.0.0.1:${s.port}`;
  const h = { authorization: `Bearer ${KEY}` };
  const t0 = performance.now();
  const r = await postNdjson(s.port, '/v1/jobs?detail=brief', true);
  const accepted = (performance.now() - t0) / 1000;
  if (r.status !== 202) throw new Error(`POST /v1/jobs: ${r.status} ${r.body.slice(0, 500)}`);
  const url = `${base}${r.headers.location as string}`;
  let job: { state: string; counts: { done: number; failed: number; pending: number } };
  for (;;) {
    job = (await (await fetch(url, { headers: h })).json()) as typeof job;
    if (job.state === 'done') break;
    await new Promise((res) => setTimeout(res, 500));
  }
  const done = (performance.now() - t0) / 1000;
  const rssDone = s.peakRss();
  // Reading every result back (NDJSON stream), counted.
  const t1 = performance.now();
  let lines = 0;
  const res = await fetch(`${url}/results`, { headers: h });
  const reader = res.body!.getReader();
  for (;;) {
    const { done: end, value } = await reader.read();
    if (end) break;
    for (let i = value.indexOf(10); i !== -1; i = value.indexOf(10, i + 1)) lines++;
  }
  const readSecs = (performance.now() - t1) / 1000;
  const rss = s.peakRss();
  const db = join(s.dir, 'jixiao.db');
  const dbMb = existsSync(db) ? statSync(db).size / 1e6 : NaN;
  await s.stop();
  return { accepted, done, rate: N / done, counts: job.counts, readSecs, lines, rssDoneMb: rssDone / 2 ** 20, rssMb: rss / 2 ** 20, dbMb };
}

const entry = serverEntry();
const started = new Date();
const b = await batchRun(entry.args);
const j = await jobRun(entry.args);
const ratio = (j.rate / b.rate) * 100;
const met = (ok: boolean) => (ok ? '✔' : '✘');
say(`## Jobs: ${fmt(N)} generated brief forms as one job vs the streamed batch (run ${started.toISOString()})`);
say('');
say(`- machine: ${cpus().length} × ${cpus()[0]?.model ?? '?'}, Node ${process.version}; server: ${entry.label}, --max-old-space-size=1024, SQLite (DATA_DIR on ${tmpdir()}), JOB_CHUNK default`);
say(`- command: \`BENCH_JOBS=${N} npx tsx bench/jobs.ts\``);
say('');
say('| run | forms | seconds | forms/s | vs batch | server peak RSS |');
say('|---|---|---|---|---|---|');
say(`| POST /v1/score/batch?detail=brief (NDJSON stream) | ${fmt(b.scored)} scored, ${fmt(b.failed)} failed | ${fmt(b.secs, 1)} | ${fmt(b.rate)} | 100 % | ${fmt(b.rssMb)} MB |`);
say(
  `| POST /v1/jobs?detail=brief (NDJSON) → done | ${fmt(j.counts.done)} done, ${fmt(j.counts.failed)} failed | ${fmt(j.done, 1)} (202 after ${fmt(j.accepted, 1)}) | ${fmt(j.rate)} | **${fmt(ratio, 1)} %** (target ≥ ${TARGET.ratio} % ${met(ratio >= TARGET.ratio)}) | **${fmt(j.rssMb)} MB** (target < ${TARGET.rssMb} MB ${met(j.rssMb < TARGET.rssMb)}) |`,
);
say(`| GET /v1/jobs/:id/results (NDJSON, every line) | ${fmt(j.lines)} lines | ${fmt(j.readSecs, 1)} | ${fmt(j.lines / j.readSecs)} | | (peak at done: ${fmt(j.rssDoneMb)} MB) |`);
say('');
say(`SQLite file after the job: ${fmt(j.dbMb)} MB (inputs are cleared as lines are scored; results kept for JOB_RETENTION_HOURS).`);
say('');
if (process.env.BENCH_NO_WRITE !== '1') appendFileSync(join(root, 'bench/RESULTS.md'), '\n' + out.join('\n') + '\n');
