/**
 * `npm run soak`: the built server (node --max-old-space-size=1024 dist/server.js, as `npm start`
 * runs it) under SOAK_CONNECTIONS (64) concurrent keep-alive connections of mixed traffic for
 * SOAK_SECONDS (600), on loopback only, with a fresh temporary DATA_DIR and the rate limits off
 * (RATE_LIMIT_MAX=0 RATE_LIMIT_KEY_MAX=0, LOG_LEVEL=warn).
 *
 * The mix: POST /v1/score with the seed forms and generated ones (bench/generate.ts), small NDJSON
 * batches, submissions created and read back with unit keys (made through POST /v1/keys with the
 * bootstrap bureau key the server writes to DATA_DIR/bootstrap-key), the bureau's /v1/stats, the
 * probes, /v1/policies, and a share of deliberately bad requests that must answer 4xx.
 * Submissions come from a bounded pool (units × projects × 3 variants), so the store grows to a
 * fixed size and then only adds duplicates and replays: memory growth in the window is the
 * server's, not the data's.
 *
 * Every status is recorded by route; the server's RSS (VmRSS of /proc/<pid>/status) is sampled
 * every 5 s. Checks: no 5xx; every deliberately bad request answered 4xx; the server alive to the
 * end; RSS max/min − 1 ≤ 10 % from the second minute to the last (when SOAK_SECONDS < 120, from a
 * third of the run). The report is printed and appended to bench/RESULTS.md; the exit code is 1
 * when a check fails.
 */
import { execSync, spawn } from 'node:child_process';
import { appendFileSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { createServer } from 'node:net';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateForm, rng } from './generate.js';

const envNum = (k: string, d: number) => {
  const v = process.env[k];
  if (v === undefined || v.trim() === '') return d;
  const n = Number(v);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`${k}: a positive number, got ${JSON.stringify(v)}`);
  return n;
};
const SECONDS = envNum('SOAK_SECONDS', 600);
const CONNECTIONS = Math.round(envNum('SOAK_CONNECTIONS', 64));
const SAMPLE_MS = 5000;
/** The RSS window: from the second minute, or from a third of a run shorter than two minutes. */
const WINDOW_FROM_S = SECONDS >= 120 ? 60 : Math.round(SECONDS / 3);
const RSS_TOLERANCE = 0.1;
const REQUEST_TIMEOUT_MS = 30_000;
/** Keep in step with `start` in package.json and CMD in the Dockerfile. */
const SERVER_NODE_ARGS = ['--max-old-space-size=1024'];
const SERVER_ENV = { HOST: '127.0.0.1', RATE_LIMIT_MAX: '0', RATE_LIMIT_KEY_MAX: '0', LOG_LEVEL: 'warn' };
const root = new URL('..', import.meta.url).pathname;

const out: string[] = [];
const say = (s = '') => {
  out.push(s);
  process.stdout.write(s + '\n');
};
const fmt = (n: number, d = 0) => n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });
const mb = (bytes: number) => `${fmt(bytes / 2 ** 20, 1)} MB`;
const clock = (sec: number) => {
  const s = Math.round(sec);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
};
const snippet = (s: string, n = 300) => (s.length > n ? s.slice(0, n) + `… (${fmt(s.length)} chars)` : s).replace(/\s+/g, ' ');

// ---- the server ---------------------------------------------------------------------------------
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer()
      .once('error', reject)
      .listen(0, '127.0.0.1', () => {
        const { port } = s.address() as { port: number };
        s.close(() => resolve(port));
      });
  });
}

function vmRss(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) * 1024 : NaN;
}

function dirBytes(dir: string): number {
  let n = 0;
  for (const f of readdirSync(dir)) {
    const st = statSync(join(dir, f));
    n += st.isDirectory() ? dirBytes(join(dir, f)) : st.size;
  }
  return n;
}

execSync('node scripts/ensure-build.mjs', { cwd: root, stdio: 'inherit' });
const port = await freePort();
const dataDir = mkdtempSync(join(tmpdir(), 'jixiao-soak-'));
const child = spawn(process.execPath, [...SERVER_NODE_ARGS, 'dist/server.js'], {
  cwd: root,
  env: { ...process.env, ...SERVER_ENV, PORT: String(port), DATA_DIR: dataDir },
  stdio: ['ignore', 'pipe', 'pipe'],
});
const pid = child.pid!;
let exited: { code: number | null; signal: NodeJS.Signals | null } | null = null;
let stopping = false;
const exitedP = new Promise<void>((resolve) =>
  child.once('exit', (code, signal) => {
    exited = { code, signal };
    resolve();
  }),
);

/** The server's log (pino JSON at warn and above on stdout) and stderr: counted, the first kept. */
const log = { warn: 0, error: 0, other: 0, first: [] as string[] };
function onLogLine(line: string) {
  if (!line.trim()) return;
  let level = 0;
  try {
    level = (JSON.parse(line) as { level?: number }).level ?? 0;
  } catch {
    /* plain text (stderr) */
  }
  // The bootstrap key notice is expected once; it names a file, never the key.
  if (/first bureau API key/.test(line)) return;
  if (level >= 50) log.error++;
  else if (level >= 40) log.warn++;
  else log.other++;
  if (log.first.length < 5) log.first.push(snippet(line, 400));
}
for (const stream of [child.stdout!, child.stderr!]) {
  let buf = '';
  stream.setEncoding('utf8');
  stream.on('data', (s: string) => {
    buf += s;
    for (let i = buf.indexOf('\n'); i !== -1; i = buf.indexOf('\n')) {
      onLogLine(buf.slice(0, i));
      buf = buf.slice(i + 1);
    }
  });
}

function stopServer() {
  if (exited === null && !stopping) {
    stopping = true;
    child.kill('SIGTERM');
  }
}
process.once('SIGINT', () => {
  stopServer();
  process.exit(130);
});

// ---- one request --------------------------------------------------------------------------------
const agent = new Agent({ keepAlive: true, maxSockets: CONNECTIONS, maxFreeSockets: CONNECTIONS });

interface Req {
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: string;
  /** The unit key a submission was sent with (not sent). */
  unit?: Unit;
}
interface Res {
  status: number; // 0: connection error
  body: string;
  error?: string;
  ms: number;
}

function send(r: Req, keepBody: boolean): Promise<Res> {
  return new Promise((resolve) => {
    const t0 = performance.now();
    let done = false;
    const finish = (x: Omit<Res, 'ms'>) => {
      if (done) return;
      done = true;
      resolve({ ...x, ms: performance.now() - t0 });
    };
    const headers: Record<string, string> = { ...r.headers };
    if (r.body !== undefined) headers['content-length'] = String(Buffer.byteLength(r.body));
    const req = request({ host: '127.0.0.1', port, method: r.method, path: r.path, headers, agent }, (res) => {
      const status = res.statusCode ?? 0;
      const keep = keepBody || status >= 500;
      const chunks: Buffer[] = [];
      if (keep) res.on('data', (c: Buffer) => chunks.push(c));
      else res.resume();
      res.on('end', () => finish({ status, body: keep ? Buffer.concat(chunks).toString('utf8') : '' }));
      res.on('error', (e) => finish({ status: 0, body: '', error: `response: ${(e as NodeJS.ErrnoException).code ?? e.message}` }));
    });
    req.setTimeout(REQUEST_TIMEOUT_MS, () => req.destroy(new Error(`no answer in ${REQUEST_TIMEOUT_MS / 1000} s`)));
    req.on('error', (e) => finish({ status: 0, body: '', error: (e as NodeJS.ErrnoException).code ?? e.message }));
    req.end(r.body);
  });
}

async function must(r: Req, status: number): Promise<string> {
  const res = await send(r, true);
  if (res.status !== status) throw new Error(`${r.method} ${r.path}: expected ${status}, got ${res.status || res.error}: ${snippet(res.body)}`);
  return res.body;
}

// ---- setup: the server up, the bootstrap key, unit keys ------------------------------------------
const started = new Date();
for (let i = 0; ; i++) {
  if (exited) throw new Error(`the server exited during start (${JSON.stringify(exited)}): ${log.first.join(' | ')}`);
  const r = await send({ method: 'GET', path: '/healthz' }, false);
  if (r.status === 200) break;
  if (i > 300) throw new Error('the server did not answer /healthz within 30 s');
  await new Promise((res) => setTimeout(res, 100));
}
const keyFile = join(dataDir, 'bootstrap-key');
if (!existsSync(keyFile)) throw new Error(`no ${keyFile}: the server did not write its bootstrap key`);
const bureauKey = readFileSync(keyFile, 'utf8').trim();
const bearer = (key: string) => ({ authorization: `Bearer ${key}` });
const JSON_CT = { 'content-type': 'application/json' };

interface Unit {
  unit: string;
  dept: string;
  region: string;
  key: string;
  /** Submission ids seen in answers (for the reads). */
  ids: string[];
}
const UNIT_SPECS = [
  { unit: '209100', dept: '209', region: '140000' },
  { unit: '215003', dept: '215', region: '140000' },
  { unit: '301210', dept: '301', region: '510000' },
  { unit: '118007', dept: '118', region: '420000' },
];
const units: Unit[] = [];
for (const s of UNIT_SPECS) {
  const body = await must(
    { method: 'POST', path: '/v1/keys', headers: { ...JSON_CT, ...bearer(bureauKey) }, body: JSON.stringify({ name: `soak ${s.unit}`, role: 'unit', ...s }) },
    201,
  );
  units.push({ ...s, key: (JSON.parse(body) as { key: string }).key, ids: [] });
}
const deptKey = (
  JSON.parse(
    await must({ method: 'POST', path: '/v1/keys', headers: { ...JSON_CT, ...bearer(bureauKey) }, body: JSON.stringify({ name: 'soak dept 209', role: 'department', dept: '209' }) }, 201),
  ) as { key: string }
).key;

// ---- the bodies -----------------------------------------------------------------------------------
const seedDir = join(root, 'test/fixtures/seed');
const seeds = readdirSync(seedDir)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => JSON.stringify(JSON.parse(readFileSync(join(seedDir, f), 'utf8'))));
const GENERATED = 1000;
const generated = Array.from({ length: GENERATED }, (_, i) => JSON.stringify(generateForm(i, 777)));
/** Projects per unit, and versions per project (distinct contents): the store's bound. */
const PROJECTS = 250;
const VARIANTS = 3;
const GRADES = ['优', '良', '中'];
function submission(u: Unit, i: number, v: number): string {
  const f = generateForm(i, 4242);
  return JSON.stringify({
    ...f,
    id: `soak-${u.unit}-${i}`,
    mofDivCode: u.region,
    deptCode: u.dept,
    agencyCode: u.unit,
    agencyName: `单位${u.unit}`,
    proCode: `S${u.unit}${String(i).padStart(4, '0')}`,
    reportedGrade: GRADES[v],
  });
}

// ---- the mix ----------------------------------------------------------------------------------------
type Kind = { name: string; weight: number; bad?: boolean; keepBody?: boolean; expect: number[]; make: (r: () => number) => Req; seen?: (res: Res, req: Req) => void };
const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
const lang = (r: () => number): Record<string, string> => (r() < 0.2 ? { 'accept-language': 'en' } : {});

const KINDS: Kind[] = [
  { name: 'POST /v1/score (seed form)', weight: 12, expect: [200], make: (r) => ({ method: 'POST', path: r() < 0.2 ? '/v1/score?policy=national-2020' : '/v1/score', headers: { ...JSON_CT, ...lang(r) }, body: pick(r, seeds) }) },
  { name: 'POST /v1/score (generated form)', weight: 20, expect: [200, 422], make: (r) => ({ method: 'POST', path: '/v1/score', headers: { ...JSON_CT, ...lang(r) }, body: pick(r, generated) }) },
  {
    name: 'POST /v1/score/batch (NDJSON, 2–12 forms)',
    weight: 8,
    expect: [200],
    make: (r) => {
      const n = 2 + Math.floor(r() * 11);
      const lines: string[] = [];
      for (let i = 0; i < n; i++) lines.push(r() < 0.5 ? pick(r, generated) : pick(r, seeds));
      if (r() < 0.1) lines.push('{"not json'); // a bad line: an error line in a 200 answer
      return { method: 'POST', path: `/v1/score/batch?detail=${r() < 0.8 ? 'brief' : 'full'}`, headers: { 'content-type': 'application/x-ndjson' }, body: lines.join('\n') + '\n' };
    },
  },
  {
    name: 'POST /v1/submissions (unit key)',
    weight: 8,
    keepBody: true,
    expect: [200, 201, 422],
    make: (r) => {
      const u = pick(r, units);
      const i = Math.floor(r() * PROJECTS);
      const v = Math.floor(r() * VARIANTS);
      const headers: Record<string, string> = { ...JSON_CT, ...bearer(u.key) };
      if (r() < 0.3) headers['idempotency-key'] = `soak-${u.unit}-${i}-${v}`;
      return { method: 'POST', path: '/v1/submissions', headers, body: submission(u, i, v), unit: u };
    },
    seen: (res, req) => {
      if (res.status !== 200 && res.status !== 201) return;
      const u = req.unit!;
      const id = (JSON.parse(res.body) as { id?: string }).id;
      if (id && !u.ids.includes(id)) u.ids.push(id); // at most PROJECTS per unit
    },
  },
  {
    name: 'GET /v1/submissions/:id[/versions/1] (unit key)',
    weight: 6,
    expect: [200],
    make: (r) => {
      const u = pick(r, units);
      if (u.ids.length === 0) return { method: 'GET', path: '/v1/submissions?limit=5', headers: bearer(u.key) };
      const id = pick(r, u.ids);
      return { method: 'GET', path: r() < 0.3 ? `/v1/submissions/${id}/versions/1` : `/v1/submissions/${id}`, headers: bearer(u.key) };
    },
  },
  {
    name: 'GET /v1/submissions (list: unit, department, bureau)',
    weight: 3,
    expect: [200],
    make: (r) => {
      const who = r();
      const key = who < 0.4 ? pick(r, units).key : who < 0.7 ? deptKey : bureauKey;
      const q = pick(r, ['?limit=20', '?limit=50&grade=%E4%BC%98', '?year=2022', '?finding=TOTAL_MISMATCH&limit=10', '']);
      return { method: 'GET', path: `/v1/submissions${q}`, headers: bearer(key) };
    },
  },
  { name: 'GET /v1/stats (bureau key)', weight: 3, expect: [200], make: (r) => ({ method: 'GET', path: pick(r, ['/v1/stats', '/v1/stats?year=2022', '/v1/stats?region=140000']), headers: bearer(bureauKey) }) },
  { name: 'GET /healthz', weight: 5, expect: [200], make: () => ({ method: 'GET', path: '/healthz' }) },
  { name: 'GET /readyz', weight: 5, expect: [200], make: () => ({ method: 'GET', path: '/readyz' }) },
  { name: 'GET /v1/policies', weight: 5, expect: [200], make: (r) => ({ method: 'GET', path: '/v1/policies', headers: lang(r) }) },
  // Deliberately bad: each must answer 4xx (the expected code is listed; any other 4xx is noted).
  { name: 'bad: malformed JSON → POST /v1/score', weight: 3, bad: true, expect: [400], make: (r) => ({ method: 'POST', path: '/v1/score', headers: JSON_CT, body: pick(r, ['{"fiscalYear": 2022, "proName": "x",', '{', 'nul', '[1,2', '{"a":1}}']) }) },
  { name: 'bad: wrong content-type → POST /v1/score', weight: 2, bad: true, expect: [415], make: (r) => ({ method: 'POST', path: '/v1/score', headers: { 'content-type': pick(r, ['text/plain', 'application/xml', 'application/json; charset=gbk']) }, body: pick(r, seeds) }) },
  { name: 'bad: unknown route', weight: 2, bad: true, expect: [404], make: (r) => ({ method: pick(r, ['GET', 'POST']), path: pick(r, ['/v1/nope', '/v2/score', '/v1/score/batchx', '/favicon.ico']), headers: JSON_CT, body: '{}' }) },
  { name: 'bad: wrong method', weight: 2, bad: true, expect: [405], make: (r) => pick(r, [{ method: 'GET', path: '/v1/score' }, { method: 'DELETE', path: '/v1/policies' }, { method: 'PUT', path: '/v1/score/batch' }, { method: 'POST', path: '/healthz' }]) },
  { name: 'bad: no key → GET /v1/stats', weight: 1, bad: true, expect: [401], make: () => ({ method: 'GET', path: '/v1/stats' }) },
  { name: 'bad: unit key → GET /v1/stats', weight: 1, bad: true, expect: [403], make: (r) => ({ method: 'GET', path: '/v1/stats', headers: bearer(pick(r, units).key) }) },
];
// SOAK_ONLY: a regular expression over the route names above, to run a part of the mix (diagnosis).
if (process.env.SOAK_ONLY) {
  const only = new RegExp(process.env.SOAK_ONLY, 'i');
  for (const k of KINDS) if (!only.test(k.name)) k.weight = 0;
  if (KINDS.every((k) => k.weight === 0)) throw new Error(`SOAK_ONLY=${process.env.SOAK_ONLY} matches no route`);
}
const TOTAL_WEIGHT = KINDS.reduce((a, k) => a + k.weight, 0);
function choose(r: () => number): Kind {
  let x = r() * TOTAL_WEIGHT;
  for (const k of KINDS) if ((x -= k.weight) < 0) return k;
  return KINDS[KINDS.length - 1];
}

// ---- records --------------------------------------------------------------------------------------
interface Tally {
  statuses: Map<number, number>;
  errors: number;
  unexpected: number;
  ms: number[];
}
const tally = new Map<string, Tally>(KINDS.map((k) => [k.name, { statuses: new Map(), errors: 0, unexpected: 0, ms: [] }]));
/** The first few requests that answered 5xx, a bad request answered other than 4xx, and connection errors. */
const incidents: string[] = [];
const incident = (s: string) => {
  if (incidents.length < 12) incidents.push(s);
};
const errorCodes = new Map<string, number>();
const describe = (q: Req) => `${q.method} ${q.path}${q.headers?.['content-type'] ? ` (content-type: ${q.headers['content-type']})` : ''}${q.body !== undefined ? ` body: ${snippet(q.body, 160)}` : ''}`;

// ---- the run --------------------------------------------------------------------------------------
const rss: { t: number; bytes: number }[] = [];
const t0 = performance.now();
const elapsed = () => (performance.now() - t0) / 1000;
const sample = () => {
  if (exited) return;
  try {
    rss.push({ t: elapsed(), bytes: vmRss(pid) });
  } catch {
    /* the process is gone: noticed by the checks */
  }
};
sample();
const sampler = setInterval(sample, SAMPLE_MS);
const deadline = t0 + SECONDS * 1000;
let lastReport = 0;
const progress = setInterval(() => {
  let n = 0;
  for (const t of tally.values()) n += t.ms.length;
  const last = rss[rss.length - 1];
  process.stderr.write(`soak: ${clock(elapsed())} / ${clock(SECONDS)}  ${fmt(n)} requests (${fmt((n - lastReport) / 30)}/s)  RSS ${last ? mb(last.bytes) : '?'}\n`);
  lastReport = n;
}, 30_000);

async function worker(w: number) {
  const r = rng(0x50a4 + w);
  while (performance.now() < deadline && !exited) {
    const k = choose(r);
    const q = k.make(r);
    const res = await send(q, !!k.keepBody);
    const t = tally.get(k.name)!;
    t.ms.push(res.ms);
    if (res.status === 0) {
      t.errors++;
      errorCodes.set(res.error!, (errorCodes.get(res.error!) ?? 0) + 1);
      incident(`connection error ${res.error} at ${clock(elapsed())}: [${k.name}] ${describe(q)}`);
      continue;
    }
    t.statuses.set(res.status, (t.statuses.get(res.status) ?? 0) + 1);
    if (!k.expect.includes(res.status)) t.unexpected++;
    if (res.status >= 500) incident(`${res.status} at ${clock(elapsed())}: [${k.name}] ${describe(q)} → ${snippet(res.body)}`);
    else if (k.bad && (res.status < 400 || res.status >= 500)) incident(`bad request answered ${res.status}: [${k.name}] ${describe(q)}`);
    k.seen?.(res, q);
  }
}
await Promise.all(Array.from({ length: CONNECTIONS }, (_, w) => worker(w)));
const ran = elapsed();
clearInterval(progress);
clearInterval(sampler);
sample(); // the end
agent.destroy();

// ---- the end: the server stops as deployed (SIGTERM) -------------------------------------------------
const aliveAtEnd = exited === null;
const storeBytes = dirBytes(dataDir);
stopServer();
const killTimer = setTimeout(() => child.kill('SIGKILL'), 15_000);
await exitedP;
clearTimeout(killTimer);
rmSync(dataDir, { recursive: true, force: true });
const exit = exited as { code: number | null; signal: NodeJS.Signals | null } | null;

// ---- the report -------------------------------------------------------------------------------------
const q = (xs: number[], p: number) => {
  if (!xs.length) return NaN;
  const s = Float64Array.from(xs).sort();
  return s[Math.min(s.length - 1, Math.floor(s.length * p))];
};
const cls = (t: Tally, c: number) => [...t.statuses].filter(([s]) => Math.floor(s / 100) === c).reduce((a, [, n]) => a + n, 0);
const all: Tally = { statuses: new Map(), errors: 0, unexpected: 0, ms: [] };
for (const t of tally.values()) {
  for (const [s, n] of t.statuses) all.statuses.set(s, (all.statuses.get(s) ?? 0) + n);
  all.errors += t.errors;
  all.unexpected += t.unexpected;
  for (const m of t.ms) all.ms.push(m);
}
const fivexx = cls(all, 5);
const badNot4xx = KINDS.filter((k) => k.bad).reduce((a, k) => {
  const t = tally.get(k.name)!;
  return a + t.ms.length - t.errors - cls(t, 4);
}, 0);

const win = rss.filter((s) => s.t >= WINDOW_FROM_S - 0.5);
const winMin = win.length ? Math.min(...win.map((s) => s.bytes)) : NaN;
const winMax = win.length ? Math.max(...win.map((s) => s.bytes)) : NaN;
const growth = winMax / winMin - 1;
const rssOk = win.length >= 2 && growth <= RSS_TOLERANCE;
const ok = fivexx === 0 && badNot4xx === 0 && rssOk && aliveAtEnd;

say(`# Soak run ${started.toISOString()}`);
say();
say(`- command: \`${process.env.SOAK_ONLY ? `SOAK_ONLY='${process.env.SOAK_ONLY}' ` : ''}SOAK_SECONDS=${SECONDS} SOAK_CONNECTIONS=${CONNECTIONS} npm run soak\` (bench/soak.ts)`);
say(
  `- server: \`node ${SERVER_NODE_ARGS.join(' ')} dist/server.js\` with ${Object.entries(SERVER_ENV)
    .map(([k, v]) => `${k}=${v}`)
    .join(' ')}, a fresh temporary DATA_DIR (SQLite), every other variable at its default`,
);
say(`- machine: nproc ${cpus().length} (${cpus()[0]?.model ?? '?'}), node ${process.version}`);
say(
  `- load: ${CONNECTIONS} keep-alive connections on loopback, each sending its next request when the last one is answered, for ${fmt(ran, 1)} s; ` +
    `mix by weight: ${KINDS.filter((k) => k.weight > 0).map((k) => `${k.weight} ${k.name.replace(/ \(.*\)$/, '').replace(/ → .*$/, '')}`).join(', ')}`,
);
say(
  `- data: 3 seed forms, ${fmt(GENERATED)} generated forms; submissions from ${units.length} unit keys × ${PROJECTS} projects × ${VARIANTS} contents ` +
    `(30 % with an Idempotency-Key), so the store grows to at most ${fmt(units.length * PROJECTS * VARIANTS)} versions; store at the end ${mb(storeBytes)}`,
);
say();
say(`## Requests by route and status class (${fmt(all.ms.length)} requests, ${fmt(all.ms.length / ran)} req/s)`);
say();
say('| route | requests | 2xx | 4xx | 5xx | conn. errors | statuses | not as expected | p50 ms | p99 ms |');
say('|---|---|---|---|---|---|---|---|---|---|');
const row = (name: string, t: Tally, k?: Kind) => {
  const st = [...t.statuses].sort(([a], [b]) => a - b).map(([s, n]) => `${s}×${fmt(n)}`).join(', ') || '—';
  say(
    `| ${name} | ${fmt(t.ms.length)} | ${fmt(cls(t, 2))} | ${fmt(cls(t, 4))} | ${fmt(cls(t, 5))} | ${fmt(t.errors)} | ${st} | ${t.unexpected ? `${fmt(t.unexpected)} (expected ${k ? k.expect.join('/') : '—'})` : '0'} | ${fmt(q(t.ms, 0.5), 1)} | ${fmt(q(t.ms, 0.99), 1)} |`,
  );
};
for (const k of KINDS) row(k.name, tally.get(k.name)!, k);
row('**all**', all);
say();
say(`- 5xx: **${fmt(fivexx)}** (must be 0)`);
say(`- deliberately bad requests answered other than 4xx: **${fmt(badNot4xx)}** (must be 0)`);
say(`- connection errors: ${fmt(all.errors)}${errorCodes.size ? ` (${[...errorCodes].map(([c, n]) => `${c}×${n}`).join(', ')})` : ''}`);
say(`- server log at warn and above: ${fmt(log.warn)} warn, ${fmt(log.error)} error${log.first.length ? `; first: ${log.first.map((l) => `\`${l.replace(/`/g, "'")}\``).join('; ')}` : ''}`);
say(`- server: ${aliveAtEnd ? 'alive at the end' : `**exited during the run** (${JSON.stringify(exit)})`}; after SIGTERM ${exit ? `exit code ${exit.code}${exit.signal ? `, signal ${exit.signal}` : ''}` : '?'}`);
if (incidents.length) {
  say();
  say('Incidents (the first 12):');
  say();
  for (const s of incidents) say(`- ${s}`);
}
say();
say(`## Server RSS (VmRSS every ${SAMPLE_MS / 1000} s)`);
say();
if (SECONDS < 120) say(`- SOAK_SECONDS < 120: the window starts at a third of the run (${WINDOW_FROM_S} s) instead of the second minute`);
const atStart = win[0];
const atEnd = rss[rss.length - 1];
say(`- at the start: ${rss[0] ? mb(rss[0].bytes) : '?'}; at ${clock(WINDOW_FROM_S)} (${SECONDS >= 120 ? 'minute 2' : 'start of the window'}): ${atStart ? mb(atStart.bytes) : '?'}; at the end (${atEnd ? clock(atEnd.t) : '?'}): ${atEnd ? mb(atEnd.bytes) : '?'}`);
say(`- window ${clock(WINDOW_FROM_S)}–${atEnd ? clock(atEnd.t) : '?'} (${win.length} samples): min ${mb(winMin)}, max ${mb(winMax)}, max/min − 1 = **${fmt(growth * 100, 1)} %** (must be ≤ ${RSS_TOLERANCE * 100} %): ${rssOk ? 'within' : '**not within**'}`);
const step = Math.max(SAMPLE_MS / 1000, Math.ceil(SECONDS / 12 / 5) * 5);
const shown = rss.filter((s, i) => i === rss.length - 1 || (i < rss.length - 1 && Math.round(s.t / (SAMPLE_MS / 1000)) % (step / (SAMPLE_MS / 1000)) === 0));
say(`- timeline (MB): ${shown.map((s, i) => `${i === shown.length - 1 ? 'end' : clock(s.t)} ${fmt(s.bytes / 2 ** 20)}`).join(', ')}`);
say();
say(`**Result: ${ok ? 'pass' : 'FAIL'}** (0 5xx: ${fivexx === 0 ? 'yes' : 'no'}; bad requests all 4xx: ${badNot4xx === 0 ? 'yes' : 'no'}; RSS within ${RSS_TOLERANCE * 100} %: ${rssOk ? 'yes' : 'no'}; server alive: ${aliveAtEnd ? 'yes' : 'no'})`);
say();

appendFileSync(join(root, 'bench/RESULTS.md'), '\n' + out.join('\n') + '\n');
process.exitCode = ok ? 0 : 1;
