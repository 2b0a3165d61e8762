/** Configuration from the environment, and the server process: bad values, start, graceful SIGTERM. */
import { execFileSync, spawn } from 'node:child_process';
import { request } from 'node:http';
import { createServer, type AddressInfo } from 'node:net';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t from 'tap';
import { ConfigError, DEFAULT_CONFIG, loadConfig } from '../src/config.js';
import { NDJSON_HEADERS, SEEDS, seedLine } from './support/http.js';

t.setTimeout(120_000);

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

// The built server, as production runs it (node dist/server.js); built here when stale. A child
// running the TypeScript sources through tsx would report coverage under other source maps.
const ROOT = new URL('..', import.meta.url).pathname;
const SERVER = join(ROOT, 'dist/server.js');
execFileSync(process.execPath, [join(ROOT, 'scripts/ensure-build.mjs')], { cwd: ROOT, stdio: 'ignore' });

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
