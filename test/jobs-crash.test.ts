/**
 * The Done-when test of issue 12: a client that only knows the standard tables posts a
 * 1,000-project job in the standard shape (store=true, bureau key), the SERVER process is killed
 * with SIGKILL half-way and started again on the same data, and the client then reads all 1,000
 * results by pro_code: the same as POST /v1/score gives one by one, each project once in the
 * results, and each stored once as a submission (one version, one idempotency record).
 * In `npm run test:long` (two server starts and 2,000 requests); test/jobs.test.ts holds the
 * in-process restart test of the normal suite.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t from 'tap';
import { formToStandard } from '../src/standard/convert.js';
import { loadStandardCodes } from '../src/standard/load.js';
import { openStore } from '../src/store/index.js';
import { childEnv } from './support/child-env.js';
import { seed, type Json } from './support/forms.js';

const N = Number(process.env.JX_JOBS_CRASH_N ?? 1000);
const KEY = 'jx_crash_test_bureau_key_000000000000000000';
const ROOT = new URL('..', import.meta.url).pathname;

async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const port = (s.address() as { port: number }).port;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

interface Server {
  kid: ChildProcess;
  exited: Promise<NodeJS.Signals | number | null>;
  base: string;
}

async function startServer(dir: string, port: number): Promise<Server> {
  const kid = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    cwd: ROOT,
    env: childEnv({ PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dir, BOOTSTRAP_KEY: KEY, LOG_LEVEL: 'warn', JOB_CHUNK: '20', JOB_IDLE_MS: '50', RATE_LIMIT_MAX: '0', RATE_LIMIT_KEY_MAX: '0' }),
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let err = '';
  kid.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const exited = new Promise<NodeJS.Signals | number | null>((resolve) => kid.on('exit', (code, sig) => resolve(sig ?? code)));
  const base = `http://127.0.0.1:${port}`;
  // Ready when /healthz answers; a server that exits first fails the test with its stderr.
  for (;;) {
    const dead = await Promise.race([exited.then(() => true), new Promise<false>((r) => setTimeout(() => r(false), 100))]);
    if (dead) throw new Error(`server exited: ${err}`);
    try {
      if ((await fetch(`${base}/healthz`)).ok) return { kid, exited, base };
    } catch {
      // not listening yet
    }
  }
}

const H = { authorization: `Bearer ${KEY}` };

async function getJson(url: string): Promise<Json> {
  const r = await fetch(url, { headers: H });
  return (await r.json()) as Json;
}

t.setTimeout(Math.max(600_000, N * 600));

t.test(`a ${N}-project job in the standard shape survives kill -9 of the server half-way`, async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'jx-jobs-crash-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const port = await freePort();
  const codes = loadStandardCodes();
  const seeds = [seed('01-jingban'), seed('02-dangan'), seed('03-dalou')];
  const bodies = Array.from({ length: N }, (_, i) => {
    const form = { ...structuredClone(seeds[i % 3]), proCode: `KC${String(i).padStart(6, '0')}`, id: `kc-eval-${i}`, reportedTotal: String(80 + (i % 20)) };
    return formToStandard(form, codes, { moneyUnit: '元' }).body;
  });

  let server = await startServer(dir, port);
  const post = await fetch(`${server.base}/v1/jobs?shape=standard&store=true`, {
    method: 'POST',
    headers: { ...H, 'content-type': 'application/x-ndjson' },
    body: bodies.map((b) => JSON.stringify(b)).join('\n') + '\n',
  });
  t.equal(post.status, 202, 'accepted');
  const jobUrl = `${server.base}${post.headers.get('location')}`;

  // Half-way: kill -9 once a third of the projects are done.
  let atKill = 0;
  for (;;) {
    const job = await getJson(jobUrl);
    atKill = (job.counts as Json).done as number;
    if (atKill >= N / 3) break;
    await new Promise((r) => setTimeout(r, 10));
  }
  server.kid.kill('SIGKILL');
  t.equal(await server.exited, 'SIGKILL', 'the server was killed with -9');
  t.ok(atKill < N, `killed with ${atKill} of ${N} done`);

  server = await startServer(dir, port);
  t.teardown(async () => {
    server.kid.kill('SIGKILL');
    await server.exited;
  });
  const restarted = await getJson(jobUrl);
  t.comment(`after the restart: ${JSON.stringify(restarted.counts)}`);
  let job: Json;
  for (;;) {
    job = await getJson(jobUrl);
    if (job.state === 'done') break;
    await new Promise((r) => setTimeout(r, 50));
  }
  t.same(job.counts, { pending: 0, done: N, failed: 0 }, 'every project done, none lost');

  const nd = await (await fetch(`${jobUrl}/results`, { headers: H })).text();
  const lines = nd.split('\n').filter((l) => l !== '').map((l) => JSON.parse(l) as Json);
  t.equal(lines.length, N, 'one result line per project');
  t.equal(new Set(lines.map((l) => l.proCode)).size, N, 'no project twice');

  let same = 0;
  for (let i = 0; i < N; i++) {
    const proCode = `KC${String(i).padStart(6, '0')}`;
    const byCode = await getJson(`${jobUrl}/results/${proCode}`);
    const one = await (
      await fetch(`${server.base}/v1/score?shape=standard&detail=brief`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(bodies[i]) })
    ).json();
    if (byCode.status === 'done' && (byCode.otherLines as number[]).length === 0 && JSON.stringify(byCode.result) === JSON.stringify(one)) same++;
    else t.fail(`${proCode}: ${JSON.stringify(byCode).slice(0, 300)}`);
  }
  t.equal(same, N, `all ${N} results read by pro_code equal POST /v1/score one by one`);

  server.kid.kill('SIGTERM');
  await server.exited;
  const store = await openStore({ dataDir: dir });
  const one = async (sql: string) => Number((await store.db.get<{ n: number }>(sql))!.n);
  t.equal(await one(`SELECT CAST(COUNT(*) AS INTEGER) AS n FROM submissions WHERE pro_code LIKE 'KC%'`), N, 'each project stored');
  t.equal(await one(`SELECT CAST(COUNT(*) AS INTEGER) AS n FROM submission_versions`), N, 'each stored once (no second version)');
  t.equal(await one(`SELECT CAST(COUNT(*) AS INTEGER) AS n FROM job_lines WHERE status = 'done'`), N);
  await store.close();
});
