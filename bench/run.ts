/**
 * `npm run bench`: three measurements, each against a baseline measured in the same run.
 *   1. engine: forms scored per second (JSON.parse + validate + score) over an NDJSON corpus of
 *      generated forms, vs JSON.parse alone on the same lines;
 *   2. HTTP single: POST /v1/score under autocannon vs POST /bench/echo (parse and return the
 *      same body) in the same server: requests per second and p99;
 *   3. HTTP batch: NDJSON forms streamed from a generator through /v1/score/batch: forms per
 *      second and the server's peak RSS (VmHWM).
 * The engine (1.) and the server (node dist/server.js, BENCH_BASELINE=1, LOG_LEVEL=warn) are the
 * built ones: production runs compiled JavaScript, not the TypeScript sources under tsx.
 * Sizes: BENCH_CORPUS (100000), BENCH_SECONDS (10), BENCH_CONNECTIONS (32), BENCH_BATCH (1000000),
 * BENCH_DETAIL (brief | full: what each batch answer line carries).
 * BENCH_ONLY=engine | single | batch runs that section alone (the whole run takes a quarter of an hour).
 * Results are printed and appended to bench/RESULTS.md.
 */
import { execSync, spawn } from 'node:child_process';
import { appendFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import autocannon from 'autocannon';
import { ndjson } from './generate.js';

const env = (k: string, d: number) => (process.env[k] ? Number(process.env[k]) : d);
const CORPUS = env('BENCH_CORPUS', 100_000);
const SECONDS = env('BENCH_SECONDS', 10);
const CONNECTIONS = env('BENCH_CONNECTIONS', 32);
const BATCH = env('BENCH_BATCH', 1_000_000);
/** brief: total, grade, status and counts a line; full: the whole result (about 23 KB a form). */
const DETAIL = process.env.BENCH_DETAIL === 'full' ? 'full' : 'brief';
const ONLY = process.env.BENCH_ONLY ?? '';
/** Keep in step with `start` in package.json and CMD in the Dockerfile. */
const SERVER_NODE_ARGS = ['--max-old-space-size=1024'];
const root = new URL('..', import.meta.url).pathname;
const out: string[] = [];
const say = (s: string) => {
  out.push(s);
  process.stdout.write(s + '\n');
};
const fmt = (n: number, d = 0) => n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });

// ---- 1. engine ---------------------------------------------------------------------------
async function engine() {
  execSync('node scripts/ensure-build.mjs', { cwd: root, stdio: 'inherit' });
  // The compiled engine, as production runs it (a computed specifier: dist/ may not exist at typecheck).
  const dist = new URL('../dist/jixiao.js', import.meta.url).href;
  const { loadJixiao } = (await import(dist)) as typeof import('../src/jixiao.js');
  const jx = loadJixiao();
  const lines = [...ndjson(CORPUS)];
  const bytes = lines.reduce((a, l) => a + l.length, 0);
  // Untimed pass over every line: `JSON.stringify(…) + '\n'` is a cons string that V8 flattens on
  // its first read, and the first timed loop would pay that alone (3× slower than a second pass).
  let sink = 0;
  for (const l of lines) sink += (JSON.parse(l) as { indicators: unknown[] }).indicators.length;
  // warm-up
  for (let i = 0; i < Math.min(2000, lines.length); i++) jx.scoreInput(JSON.parse(lines[i]));
  let t0 = performance.now();
  for (const l of lines) sink += (JSON.parse(l) as { indicators: unknown[] }).indicators.length;
  const parseS = (performance.now() - t0) / 1000;
  t0 = performance.now();
  let scored = 0;
  for (const l of lines) if (jx.scoreInput(JSON.parse(l)).ok) scored++;
  const scoreS = (performance.now() - t0) / 1000;
  const parseRate = lines.length / parseS;
  const scoreRate = lines.length / scoreS;
  say(`## 1. Engine, compiled (dist/jixiao.js; ${fmt(lines.length)} forms, ${fmt(bytes / lines.length)} chars a line, ${fmt(scored)} scorable; sink ${sink})`);
  say('');
  say(`| | forms/s |`);
  say(`|---|---|`);
  say(`| JSON.parse alone | ${fmt(parseRate)} |`);
  say(`| JSON.parse + validate + score | ${fmt(scoreRate)} |`);
  say(`| **ratio** | **${fmt((scoreRate / parseRate) * 100, 1)} %** (target ≥ 30 %) |`);
  say('');
}

// ---- server ----------------------------------------------------------------------------------
async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

async function startServer() {
  execSync('node scripts/ensure-build.mjs', { cwd: root, stdio: 'inherit' });
  const port = await freePort();
  // The server runs as it is deployed: the heap flag of `npm start` and the Dockerfile.
  const child = spawn(process.execPath, [...SERVER_NODE_ARGS, 'dist/server.js'], {
    cwd: root,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', BENCH_BASELINE: '1', RATE_LIMIT_MAX: '0', RATE_LIMIT_KEY_MAX: '0', DATA_DIR: mkdtempSync(join(tmpdir(), 'jixiao-bench-')) },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  for (let i = 0; i < 100; i++) {
    try {
      const r = await fetch(`http://127.0.0.1:${port}/healthz`);
      if (r.ok) break;
    } catch {
      /* not yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  const peakRss = () => {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : NaN;
  };
  return { port, child, peakRss };
}

async function cannon(port: number, path: string, body: string, seconds: number) {
  const r = await autocannon({
    url: `http://127.0.0.1:${port}${path}`,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
    connections: CONNECTIONS,
    duration: seconds,
  });
  if (r.non2xx > 0 || r.errors > 0) throw new Error(`${path}: ${r.non2xx} non-2xx, ${r.errors} errors`);
  return { rps: r.requests.average, p99: r.latency.p99, p50: r.latency.p50 };
}

// ---- 2. HTTP single ---------------------------------------------------------------------------
async function single(port: number) {
  const body = JSON.stringify(JSON.parse(readFileSync(join(root, 'test/fixtures/seed/01-jingban.json'), 'utf8')));
  await cannon(port, '/bench/echo', body, 2); // warm-up
  await cannon(port, '/v1/score', body, 2);
  const base = await cannon(port, '/bench/echo', body, SECONDS);
  const score = await cannon(port, '/v1/score', body, SECONDS);
  say(`## 2. HTTP single form (autocannon, ${CONNECTIONS} connections, ${SECONDS} s each, the seed form 01-jingban, ${fmt(body.length)} bytes)`);
  say('');
  say(`| route | req/s | p50 ms | p99 ms |`);
  say(`|---|---|---|---|`);
  say(`| POST /bench/echo (parse + return the body) | ${fmt(base.rps)} | ${base.p50} | ${base.p99} |`);
  say(`| POST /v1/score | ${fmt(score.rps)} | ${score.p50} | ${score.p99} |`);
  say(`| **ratio** | **${fmt((score.rps / base.rps) * 100, 1)} %** (target ≥ 70 %) | | p99 target < 25 ms |`);
  say('');
}

// ---- 3. HTTP batch ------------------------------------------------------------------------------
async function batch(port: number, peakRss: () => number) {
  const before = peakRss();
  const t0 = performance.now();
  let lines = 0;
  let bytesOut = 0;
  let last = '';
  await new Promise<void>((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, method: 'POST', path: `/v1/score/batch?detail=${DETAIL}`, headers: { 'content-type': 'application/x-ndjson' } },
      (res) => {
        res.setEncoding('utf8');
        res.on('data', (s: string) => {
          bytesOut += s.length;
          for (let i = s.indexOf('\n'); i !== -1; i = s.indexOf('\n', i + 1)) lines++;
          last = (last + s).slice(-2000);
        });
        res.on('end', () => resolve());
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    Readable.from(ndjson(BATCH, 7)).pipe(req);
  });
  const s = (performance.now() - t0) / 1000;
  const summary = JSON.parse(last.trim().split('\n').pop()!).summary as { scored: number; failed: number };
  say(`## 3. HTTP batch (${fmt(BATCH)} generated forms streamed as NDJSON through POST /v1/score/batch?detail=${DETAIL})`);
  say('');
  say(`| forms | scored | failed | seconds | forms/s | answer MB | server peak RSS |`);
  say(`|---|---|---|---|---|---|---|`);
  say(
    `| ${fmt(lines - 1)} | ${fmt(summary.scored)} | ${fmt(summary.failed)} | ${fmt(s, 1)} | ${fmt(BATCH / s)} | ${fmt(bytesOut / 1e6)} | **${fmt(peakRss() / 2 ** 20)} MB** (before: ${fmt(before / 2 ** 20)} MB; target < 250 MB) |`,
  );
  say('');
}

const started = new Date();
say(`# Bench run ${started.toISOString()}`);
say('');
say(`- machine: nproc ${cpus().length} (${cpus()[0]?.model ?? '?'}), node ${process.version}`);
say(`- command: \`npm run bench\` (${ONLY ? `BENCH_ONLY=${ONLY} ` : ''}BENCH_CORPUS=${CORPUS} BENCH_SECONDS=${SECONDS} BENCH_CONNECTIONS=${CONNECTIONS} BENCH_BATCH=${BATCH} BENCH_DETAIL=${DETAIL})`);
say('');
if (ONLY === '' || ONLY === 'engine') await engine();
if (ONLY !== 'engine') {
  const server = await startServer();
  try {
    if (ONLY === '' || ONLY === 'single') await single(server.port);
    if (ONLY === '' || ONLY === 'batch') await batch(server.port, server.peakRss);
  } finally {
    server.child.kill('SIGTERM');
  }
}
appendFileSync(join(root, 'bench/RESULTS.md'), out.join('\n') + '\n');
