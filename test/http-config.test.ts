/** Configuration from the environment, and the server process: bad values, start, graceful SIGTERM. */
import { execFileSync, spawn } from 'node:child_process';
import { request } from 'node:http';
import { createServer, type AddressInfo } from 'node:net';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t from 'tap';
import { ConfigError, DEFAULT_CONFIG, envDocs, loadConfig, loadConfigPart } from '../src/config.js';
import { storeConfigFromEnv } from '../src/store/index.js';
import { withConfig } from '../scripts/config-doc.js';
import { NDJSON_HEADERS, SEEDS, seedLine } from './support/http.js';


t.test('defaults, and every variable read', async (t) => {
  t.same(loadConfig({}), DEFAULT_CONFIG);
  t.same(loadConfig({ PORT: '', HOST: '  ', LOG_LEVEL: '' }), DEFAULT_CONFIG, 'empty means unset');
  const c = loadConfig({
    PORT: '8080',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'WARN',
    DEFAULT_POLICY: 'shanxi-2022',
    BODY_LIMIT: '512kb',
    BATCH_BODY_LIMIT: '2mb',
    BATCH_LINE_LIMIT: '65536',
    BATCH_MAX_ITEMS: '50',
    SHUTDOWN_TIMEOUT_MS: '500',
    BENCH_BASELINE: 'true',
  });
  t.match(c, {
    port: 8080,
    host: '127.0.0.1',
    logLevel: 'warn',
    defaultPolicy: 'shanxi-2022',
    bodyLimit: 512 * 1024,
    batchBodyLimit: 2 * 1024 * 1024,
    batchLineLimit: 65536,
    batchMaxItems: 50,
    shutdownTimeoutMs: 500,
    benchBaseline: true,
  });
  t.match(
    loadConfig({
      PG_CONNECT_TIMEOUT_MS: '300',
      PG_STATEMENT_TIMEOUT_MS: '700',
      PG_POOL_MAX: '3',
      READY_TIMEOUT_MS: '250',
      IMPORT_WORKERS: '1',
      IMPORT_QUEUE: '0',
      IMPORT_TIMEOUT_MS: '5000',
      IMPORT_MEMORY_MB: '256',
      IMPORT_MAX_ROWS: '500',
      DATABASE_URL: 'postgres://h/db',
      BOOTSTRAP_KEY: 'k'.repeat(30),
      AUTH_SCORING: 'Required',
    }),
    {
      pgConnectTimeoutMs: 300,
      pgStatementTimeoutMs: 700,
      pgPoolMax: 3,
      readyTimeoutMs: 250,
      importWorkers: 1,
      importQueue: 0,
      importTimeoutMs: 5000,
      importMemoryMb: 256,
      importMaxRows: 500,
      databaseUrl: 'postgres://h/db',
      bootstrapKey: 'k'.repeat(30),
      authScoring: 'required',
    },
  );
  t.equal(loadConfig({ BENCH_BASELINE: 'off' }).benchBaseline, false);
  t.equal(loadConfig({ BODY_LIMIT: '1 GB' }).bodyLimit, 1024 ** 3);
});

t.test('bad values: one clear message naming every variable at fault', async (t) => {
  const bad: [Record<string, string>, RegExp][] = [
    [{ PORT: 'abc' }, /PORT: must be a whole number from 0 to 65535 \(got "abc"\)/],
    [{ PORT: '70000' }, /PORT: .*70000/],
    [{ PORT: '-1' }, /PORT/],
    [{ LOG_LEVEL: 'loud' }, /LOG_LEVEL: must be one of fatal, error, warn, info, debug, trace, silent \(got "loud"\)/],
    [{ BODY_LIMIT: 'huge' }, /BODY_LIMIT: must be a size in bytes/],
    [{ BODY_LIMIT: '0' }, /BODY_LIMIT/],
    [{ BATCH_LINE_LIMIT: '2gb' }, /BATCH_LINE_LIMIT/],
    [{ BATCH_LINE_LIMIT: '5tb' }, /BATCH_LINE_LIMIT/],
    [{ BATCH_MAX_ITEMS: '0' }, /BATCH_MAX_ITEMS/],
    [{ DEFAULT_POLICY: '../etc/passwd' }, /DEFAULT_POLICY: must be a policy id/],
    [{ BENCH_BASELINE: 'maybe' }, /BENCH_BASELINE: must be 1 or 0/],
    [{ SHUTDOWN_TIMEOUT_MS: '1.5' }, /SHUTDOWN_TIMEOUT_MS/],
    [{ PG_STATEMENT_TIMEOUT_MS: 'abc' }, /PG_STATEMENT_TIMEOUT_MS: must be a whole number/],
    [{ PG_POOL_MAX: '0' }, /PG_POOL_MAX/],
    [{ READY_TIMEOUT_MS: '0' }, /READY_TIMEOUT_MS/],
    [{ IMPORT_WORKERS: '0' }, /IMPORT_WORKERS/],
    [{ DATABASE_URL: 'mysql://x' }, /DATABASE_URL: must be a postgres/],
    [{ BOOTSTRAP_KEY: 'short' }, /BOOTSTRAP_KEY: must be 24 to 256/],
    [{ AUTH_SCORING: 'always' }, /AUTH_SCORING: must be one of optional, required/],
  ];
  for (const [env, rx] of bad) {
    t.throws(() => loadConfig(env), { name: 'ConfigError', message: rx }, JSON.stringify(env));
  }
  try {
    loadConfig({ PORT: 'x', LOG_LEVEL: 'y' });
    t.fail('should throw');
  } catch (err) {
    t.ok(err instanceof ConfigError);
    t.same((err as ConfigError).issues.map((i) => i.split(':')[0]), ['PORT', 'LOG_LEVEL'], 'all at once');
  }
});

t.test('every variable is declared once, and the README table is generated from the schema', async (t) => {
  const docs = envDocs();
  const names = docs.map((d) => d.env);
  t.equal(new Set(names).size, names.length, 'no variable twice');
  t.same(Object.keys(DEFAULT_CONFIG).sort(), docs.map((d) => d.key).sort(), 'every config field has its variable');
  for (const d of docs) {
    t.match(d.env, /^[A-Z][A-Z0-9_]+$/);
    t.ok(d.doc.length > 5, `${d.env} is documented`);
    // The documented default is the value an empty environment gives.
    if (d.default !== null) t.same(loadConfig({ [d.env]: d.default })[d.key], DEFAULT_CONFIG[d.key], `${d.env} default`);
    else t.equal(DEFAULT_CONFIG[d.key], null, `${d.env} is off by default`);
  }
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
  t.equal(withConfig(readme), readme, 'run `npx tsx scripts/config-doc.ts --write`');
  for (const n of names) t.ok(readme.includes('`' + n + '`'), n);
});

t.test('the CLI reads the storage variables through the same schema', async (t) => {
  t.same(storeConfigFromEnv({}), { databaseUrl: undefined, dataDir: './data', pg: { connectTimeoutMs: 5000, statementTimeoutMs: 15000, max: 10 } });
  t.same(storeConfigFromEnv({ DATABASE_URL: ' postgres://h/db ', DATA_DIR: '/x', PG_CONNECT_TIMEOUT_MS: '100', PG_POOL_MAX: '3', PORT: 'not read' }), {
    databaseUrl: 'postgres://h/db',
    dataDir: '/x',
    pg: { connectTimeoutMs: 100, statementTimeoutMs: 15000, max: 3 },
  });
  t.throws(() => storeConfigFromEnv({ PG_STATEMENT_TIMEOUT_MS: 'abc' }), { name: 'ConfigError', message: /PG_STATEMENT_TIMEOUT_MS/ });
  t.same(loadConfigPart(['port'], { PORT: '1', HOST: '' }), { port: 1 });
});

// The built server, as production runs it (node dist/server.js); built here when stale. A child
// running the TypeScript sources through tsx would report coverage under other source maps.
const ROOT = new URL('..', import.meta.url).pathname;
// JIXIAO_TEST_SERVER names another build of the server (a directory one level below the root).
const SERVER = process.env.JIXIAO_TEST_SERVER ?? join(ROOT, 'dist/server.js');
if (!process.env.JIXIAO_TEST_SERVER) execFileSync(process.execPath, [join(ROOT, 'scripts/ensure-build.mjs')], { cwd: ROOT, stdio: 'ignore' });

function startServer(env: Record<string, string>) {
  const child = spawn(process.execPath, [SERVER], {
    env: { ...process.env, DATA_DIR: mkdtempSync(join(tmpdir(), 'jixiao-http-')), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (s: string) => (stdout += s));
  child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const listening = new Promise<number>((resolve, reject) => {
    const onData = () => {
      const m = /listening at http:\/\/127\.0\.0\.1:(\d+)/.exec(stdout);
      if (m) resolve(Number(m[1]));
    };
    child.stdout.on('data', onData);
    void exited.then(() => reject(new Error(`exited early: ${stderr}`)));
  });
  listening.catch(() => undefined); // a test that expects the exit does not wait for it

  return { child, exited, listening, out: () => stdout, err: () => stderr };
}

t.test('the server exits 1 with the message and no stack trace on a bad configuration', async (t) => {
  for (const [env, rx] of [
    [{ PORT: 'abc' }, /PORT: must be a whole number/],
    [{ DEFAULT_POLICY: 'atlantis' }, /DEFAULT_POLICY: no policy "atlantis"/],
  ] as const) {
    const s = startServer(env);
    const code = await s.exited;
    t.equal(code, 1, `${JSON.stringify(env)}: exit 1`);
    t.match(s.err(), rx);
    t.notMatch(s.err(), /\n\s+at /, 'no stack trace');
  }
  // A port that is already taken (port 1 is no test: root may bind it, and CI runs as root).
  const holder = createServer();
  await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', resolve));
  const busy = (holder.address() as AddressInfo).port;
  try {
    const taken = startServer({ PORT: String(busy), HOST: '127.0.0.1', LOG_LEVEL: 'silent' });
    t.equal(await taken.exited, 1, 'a port it cannot bind');
    t.match(taken.err(), /cannot start/);
    t.match(taken.err(), new RegExp(`^jixiao：无法启动：端口 ${busy} 已被占用`, "m"), 'the cause, in Chinese first');
  } finally {
    holder.close();
  }
});

t.test('SIGTERM lets the request in flight finish, then the process exits 0', async (t) => {
  const s = startServer({ PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info' });
  const port = await s.listening;
  const answer = new Promise<string>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method: 'POST', path: '/v1/score/batch?detail=brief', headers: NDJSON_HEADERS }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => {
        if (body === '') {
          // The first answer line is back: the request is in flight. Stop the server now,
          // then send the rest of the body.
          s.child.kill('SIGTERM');
          setTimeout(() => {
            req.write(seedLine(SEEDS[1]) + '\n');
            req.end(seedLine(SEEDS[2]) + '\n');
          }, 300);
        }
        body += d;
      });
      res.on('end', () => resolve(body));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.write(seedLine(SEEDS[0]) + '\n');
  });
  const body = await answer;
  const lines = body.trim().split('\n').map((l) => JSON.parse(l));
  t.equal(lines.length, 4, 'three results and the summary');
  t.same(lines[3].summary.scored, 3);
  t.equal(await s.exited, 0, 'clean exit');
  t.match(s.out(), /"msg":"closing: letting requests in flight finish"/);
  t.match(s.out(), /"route":"\/v1\/score\/batch".*"forms":3/);
});

t.test('npm start honours the PostgreSQL limits: a database that never answers fails the start within PG_CONNECT_TIMEOUT_MS', async (t) => {
  const sockets: import('node:net').Socket[] = [];
  const silent = createServer((sock) => sockets.push(sock));
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  t.teardown(() => {
    for (const sock of sockets) sock.destroy();
    silent.close();
  });
  const port = (silent.address() as AddressInfo).port;
  const url = `postgres://u@127.0.0.1:${port}/db`;
  // Sized by order, not by the clock: the same start with a 60 s budget must still be waiting when the 300 ms one gives up.
  const slow = startServer({ DATABASE_URL: url, PG_CONNECT_TIMEOUT_MS: '60000', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent' });
  t.teardown(() => slow.child.kill('SIGKILL'));
  const s = startServer({ DATABASE_URL: url, PG_CONNECT_TIMEOUT_MS: '300', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent' });
  t.equal(await s.exited, 1);
  t.match(s.err(), /cannot start/);
  t.equal(slow.child.exitCode, null, 'the start with PG_CONNECT_TIMEOUT_MS=60000 is still waiting');
});

t.test('the first bureau key goes to DATA_DIR/bootstrap-key (mode 0600), never into the log', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-boot-'));
  const s = startServer({ DATA_DIR: dir, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'trace' });
  const port = await s.listening;
  const file = join(dir, 'bootstrap-key');
  const key = readFileSync(file, 'utf8').trim();
  t.match(key, /^jx_[A-Za-z0-9_-]{43}$/);
  t.equal(statSync(file).mode & 0o777, 0o600, 'readable by the owner only');
  t.notOk(s.out().includes(key), 'not in the log stream');
  t.notOk(s.err().includes(key), 'not on stderr either');
  t.match(s.err(), /bootstrap-key \(mode 0600\)/, 'stderr says where it is');
  t.match(s.err(), /^jixiao：首个财政局（bureau）API 密钥/, 'in Chinese first');
  t.match(s.out(), /"file":".*bootstrap-key"/, 'the log says where, not what');
  const status = await new Promise<number>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: '/v1/keys', headers: { authorization: `Bearer ${key}` } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
  t.equal(status, 200, 'the key in the file is the bureau key');
  s.child.kill('SIGTERM');
  t.equal(await s.exited, 0);
  // A second start finds the key and creates none.
  const again = startServer({ DATA_DIR: dir, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info' });
  await again.listening;
  again.child.kill('SIGTERM');
  t.equal(await again.exited, 0);
  t.notMatch(again.err(), /bootstrap-key/);
});
