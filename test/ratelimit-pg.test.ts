/**
 * RATE_LIMIT_STORE=database (src/http/ratelimit-store.ts): two instances over one PostgreSQL
 * share the per-IP and per-key counters and the wrong-key back-off, over real sockets; the
 * counters' window rules match the plugin's in-memory store; expired rows are swept. Always
 * (no PostgreSQL needed): `database` without DATABASE_URL is a configuration error, and a database
 * that refuses or never answers fails open to this instance's memory (limits per instance, one
 * warning, never a 5xx). `memory` mode is tested by http-plugins.test.ts.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t, { type Test } from 'tap';
import type { FastifyInstance } from 'fastify';
import pino from 'pino';
import { createKey } from '../src/auth/keys.js';
import { ConfigError, loadConfig, type Config } from '../src/config.js';
import { buildApp } from '../src/http/app.js';
import { PgCounters, RETRY_MS } from '../src/http/ratelimit-store.js';
import { openStore, type Repository } from '../src/store/index.js';
import { testApp } from './support/http.js';
import { freshPgDatabase, PG_SKIP } from './support/pg.js';
import { listen } from './support/socket.js';

t.setTimeout(180_000);

/** Shared counters; a generous wait, so that a busy machine never makes an instance fail over to memory. */
const shared = (url: string, c: Partial<Config>): Partial<Config> => ({ logLevel: 'silent', databaseUrl: url, rateLimitStore: 'database', rateLimitDbWaitMs: 30_000, ...c });

interface Instance {
  app: FastifyInstance;
  store: Repository;
  port: number;
}

/** One service instance as `npm start` makes it: its own store (pool) over `url`, listening on loopback. */
async function instance(t: Test, url: string, config: Partial<Config>): Promise<Instance> {
  const store = await openStore({ dataDir: '', databaseUrl: url });
  const app = await buildApp({ config, store });
  t.teardown(async () => {
    await app.close();
    await store.close();
  });
  return { app, store, port: await listen(app) };
}

async function get(port: number, path: string, key?: string): Promise<{ status: number; retryAfter: number; type: string; code: string | null }> {
  const res = await fetch(`http://127.0.0.1:${port}${path}`, { headers: key ? { authorization: `Bearer ${key}` } : {} });
  const type = res.headers.get('content-type') ?? '';
  const body = await res.text();
  const code = type.startsWith('application/problem+json') ? (JSON.parse(body) as { code: string }).code : null;
  return { status: res.status, retryAfter: Number(res.headers.get('retry-after') ?? 0), type, code };
}

t.test('database without a PostgreSQL DATABASE_URL: a configuration error at start', async (t) => {
  await t.rejects(buildApp({ config: { logLevel: 'silent', rateLimitStore: 'database', databaseUrl: null } }), ConfigError);
  await t.rejects(buildApp({ config: { logLevel: 'silent', rateLimitStore: 'database', databaseUrl: null } }), /RATE_LIMIT_STORE: .*DATABASE_URL/);
  t.equal(loadConfig({ RATE_LIMIT_STORE: 'Database', DATABASE_URL: 'postgres://h/db' }).rateLimitStore, 'database');
  t.equal(loadConfig({}).rateLimitStore, 'memory', 'memory by default');
  t.throws(() => loadConfig({ RATE_LIMIT_STORE: 'redis' }), /RATE_LIMIT_STORE: must be one of memory, database/);
});

/** A PostgreSQL that cannot be used: `refused` (nothing listens) or `silent` (accepts, never answers). */
async function deadDatabase(t: Test, kind: 'refused' | 'silent'): Promise<string> {
  const sockets = new Set<Socket>();
  const server = createServer((s) => {
    sockets.add(s);
    s.on('error', () => undefined);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  const close = () =>
    new Promise<void>((r) => {
      for (const s of sockets) s.destroy();
      server.close(() => r());
    });
  if (kind === 'refused') await close();
  else t.teardown(close);
  return `postgres://jixiao@127.0.0.1:${port}/jixiao`;
}

for (const kind of ['refused', 'silent'] as const) {
  t.test(`a database that is ${kind === 'refused' ? 'down' : 'frozen'}: fail open to this instance's memory, one warning, never a 5xx`, async (t) => {
    const url = await deadDatabase(t, kind);
    const dir = mkdtempSync(join(tmpdir(), 'jixiao-rlpg-'));
    const store = await openStore({ dataDir: dir }); // the keys; the counters' database is the dead one
    t.teardown(async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    });
    const { app, logs } = await testApp({ databaseUrl: url, rateLimitStore: 'database', rateLimitDbWaitMs: 1000, rateLimitMax: 4, rateLimitKeyMax: 0, authFailMax: 2 });
    t.teardown(() => app.close());
    const port = await listen(app);
    const started = Date.now();
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await get(port, '/v1/policies')).status);
    t.same(statuses, [200, 200, 200, 200, 429, 429], 'the per-IP limit still holds, counted in memory');
    t.ok(Date.now() - started < 8 * 1000, `6 requests in ${Date.now() - started} ms: only the first waits for the database (1 s at most)`);
    const warnings = logs.filter((l) => l.level === 40 && /rate-limit counters: PostgreSQL unavailable/.test(String(l.msg)));
    t.equal(warnings.length, 1, 'one warning, not one per request');

    // The wrong-key back-off falls back too (an app with the SQLite store for the keys).
    const keyed = await buildApp({ config: { logLevel: 'silent', databaseUrl: url, rateLimitStore: 'database', rateLimitDbWaitMs: 1000, rateLimitMax: 1000, authFailMax: 2 }, store });
    t.teardown(() => keyed.close());
    const kport = await listen(keyed);
    const wrong = [];
    for (let i = 0; i < 4; i++) wrong.push((await get(kport, '/v1/keys', `wrong-key-00000000000000000${i}`)).status);
    t.same(wrong, [401, 401, 429, 429]);
  });
}

t.test('two instances over one PostgreSQL share the per-IP limit (real sockets)', { skip: PG_SKIP }, async (t) => {
  const db = await freshPgDatabase();
  t.teardown(() => db.drop());
  const cfg = shared(db.url, { rateLimitMax: 5, rateLimitWindowMs: 60_000 });
  const a = await instance(t, db.url, cfg);
  const b = await instance(t, db.url, cfg);
  const answers = [];
  for (let i = 0; i < 8; i++) answers.push(await get(i % 2 === 0 ? a.port : b.port, '/v1/policies'));
  t.same(answers.map((r) => r.status), [200, 200, 200, 200, 200, 429, 429, 429], '5 in all, whichever instance answers');
  for (const r of answers.slice(5)) {
    t.match(r.type, /^application\/problem\+json/);
    t.equal(r.code, 'TOO_MANY_REQUESTS');
    t.ok(r.retryAfter > 0 && r.retryAfter <= 60, `Retry-After ${r.retryAfter} s`);
  }
  t.equal((await get(a.port, '/healthz')).status, 200, 'the probes are never limited');
  t.equal((await get(b.port, '/v1/nothing')).status, 429, '404s count too');

  // Concurrent requests on both instances: the upsert is atomic, exactly the limit gets through.
  const db2 = await freshPgDatabase();
  t.teardown(() => db2.drop());
  const cfg2 = shared(db2.url, { rateLimitMax: 25, rateLimitWindowMs: 60_000 });
  const c = await instance(t, db2.url, cfg2);
  const d = await instance(t, db2.url, cfg2);
  const burst = await Promise.all(Array.from({ length: 40 }, (_, i) => get(i % 2 === 0 ? c.port : d.port, '/v1/policies')));
  t.equal(burst.filter((r) => r.status === 200).length, 25, '25 of 40 concurrent requests get through');
  t.equal(burst.filter((r) => r.status === 429).length, 15, 'the other 15 get 429');
});

t.test('two instances in memory mode (the default) each count on their own: the difference', async (t) => {
  const cfg: Partial<Config> = { logLevel: 'silent', rateLimitMax: 5, rateLimitWindowMs: 60_000 };
  const ports = [];
  for (let i = 0; i < 2; i++) {
    const app = await buildApp({ config: cfg });
    t.teardown(() => app.close());
    ports.push(await listen(app));
  }
  const [a, b] = ports.map((port) => ({ port }));
  const statuses = [];
  for (let i = 0; i < 12; i++) statuses.push((await get(i % 2 === 0 ? a.port : b.port, '/v1/policies')).status);
  t.same(statuses, [200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 429, 429], '5 per instance');
});

t.test('two instances share the per-key limit and the wrong-key back-off', { skip: PG_SKIP }, async (t) => {
  const db = await freshPgDatabase();
  t.teardown(() => db.drop());
  const cfg = shared(db.url, { rateLimitMax: 1000, rateLimitKeyMax: 3, authFailMax: 3, authFailWindowMs: 60_000 });
  const a = await instance(t, db.url, cfg);
  const b = await instance(t, db.url, cfg);
  const { key } = await createKey(a.store, { name: 'b', role: 'bureau' }, { keyId: null, name: 'test', role: 'cli' });
  const other = (await createKey(a.store, { name: 'b2', role: 'bureau' }, { keyId: null, name: 'test', role: 'cli' })).key;

  const perKey = [];
  for (let i = 0; i < 4; i++) perKey.push(await get(i % 2 === 0 ? a.port : b.port, '/v1/keys', key));
  t.same(perKey.map((r) => r.status), [200, 200, 200, 429], 'the key has 3 requests in all');
  t.equal(perKey[3].code, 'TOO_MANY_REQUESTS');

  // Wrong keys on A, B, A: 401 ×3; the fourth, on B, starts the block; A then blocks a good key.
  const wrong = (i: number) => `wrong-key-00000000000000000${i}`;
  const tries = [];
  for (let i = 0; i < 4; i++) tries.push(await get(i % 2 === 0 ? a.port : b.port, '/v1/keys', wrong(i)));
  t.same(tries.map((r) => r.status), [401, 401, 401, 429], 'wrong keys on both instances count together');
  const first = tries[3].retryAfter;
  t.ok(first >= 59 && first <= 60, `blocked for ${first} s`);
  const good = await get(a.port, '/v1/keys', other);
  t.equal(good.status, 429, 'the other instance blocks the IP too, even with a good key');
  t.equal(good.code, 'TOO_MANY_REQUESTS');
  t.ok(good.retryAfter > first, `each attempt during the block doubles it (${first} s → ${good.retryAfter} s)`);
  t.equal((await get(b.port, '/v1/keys')).status, 401, 'no key: 401, not counted');
});

t.test('the counters: window, continue, back-off and peek as the in-memory store; expired rows swept', { skip: PG_SKIP }, async (t) => {
  const db = await freshPgDatabase();
  t.teardown(() => db.drop());
  const store = await openStore({ dataDir: '', databaseUrl: db.url }); // migrates
  t.teardown(() => store.close());
  const c = new PgCounters({ url: db.url, connectTimeoutMs: 30_000, statementTimeoutMs: 30_000, poolMax: 2, waitMs: 30_000, log: pino({ level: 'silent' }) });
  t.teardown(() => c.close());
  const counts = async (bucket: string, n: number, windowMs: number, max: number, mode: 'window' | 'continue' | 'backoff') => {
    const out = [];
    for (let i = 0; i < n; i++) out.push(await c.incr(bucket, windowMs, max, mode));
    return out;
  };
  // Table: mode → the counts and the ttl (ms) each answer may have, from the plugin's LocalStore rules.
  const W = 60_000;
  const win = await counts('w', 4, W, 2, 'window');
  t.same(win.map((r) => r?.current), [1, 2, 3, 4], 'window: counts on');
  t.ok(win.every((r) => r !== null && r.ttl <= W && r.ttl > W - 5000), 'window: one window from the first request');
  const back = await counts('b', 5, W, 2, 'backoff');
  t.same(back.map((r) => r?.current), [1, 2, 3, 4, 5]);
  const blocks = back.slice(2).map((r) => Math.round(r!.ttl / 1000));
  t.same(blocks, [60, 120, 240], 'back-off: window · 2^(n − max − 1)');
  t.equal(Math.round(((await c.blockedFor('b', 2)) ?? 0) / 1000), 240, 'peek: the block left, without counting');
  t.equal((await c.incr('b', W, 2, 'backoff'))?.current, 6, 'the peek did not count');
  t.equal(await c.blockedFor('w-none', 2), 0, 'no row: not blocked');
  t.equal(await c.blockedFor('w', 4), 0, 'at the limit, not over it: not blocked');

  // A short window ends: the next count starts a new one; the sweep deletes what has ended.
  // continue: a request over the limit restarts the window (window: it keeps its end).
  await counts('short', 3, 1000, 10, 'window');
  await counts('short2', 1, 1000, 10, 'window');
  await counts('c', 2, W, 2, 'continue');
  await counts('w2', 2, W, 2, 'window');
  await new Promise((r) => setTimeout(r, 1200));
  t.same((await c.incr('short', 1000, 10, 'window'))?.current, 1, 'an ended window restarts at 1');
  const cont = await c.incr('c', W, 2, 'continue');
  t.equal(cont?.current, 3);
  t.ok(cont!.ttl > W - 500, `continue: over the limit, the window restarts (${cont!.ttl} ms left)`);
  const kept = await c.incr('w2', W, 2, 'window');
  t.ok(kept!.ttl <= W - 1000, `window: over the limit, the window keeps its end (${kept!.ttl} ms left)`);
  await new Promise((r) => setTimeout(r, 1200));
  t.equal(await c.sweepExpired(), 2, 'the sweep deletes the two ended rows');
  const left = await store.db.all<{ bucket: string }>('SELECT bucket FROM rate_limits ORDER BY bucket');
  t.same(left.map((r) => r.bucket), ['b', 'c', 'w', 'w2'], 'the live rows stay');
});

t.test('a table that is missing fails over to memory; after RETRY_MS one count finds the database back', { skip: PG_SKIP }, async (t) => {
  const db = await freshPgDatabase(); // not migrated yet: no rate_limits
  t.teardown(() => db.drop());
  const lines: { level: number; msg: string }[] = [];
  const log = pino({ level: 'info' }, { write: (l: string) => void lines.push(JSON.parse(l) as { level: number; msg: string }) });
  const c = new PgCounters({ url: db.url, connectTimeoutMs: 30_000, statementTimeoutMs: 30_000, poolMax: 2, waitMs: 30_000, log });
  t.teardown(() => c.close());
  t.equal(await c.incr('x', 60_000, 5, 'window'), null, 'no table: null (the caller counts in memory)');
  t.equal(await c.blockedFor('x', 5), null, 'not asked again before RETRY_MS');
  t.same(lines.map((l) => [l.level, /PostgreSQL unavailable/.test(l.msg)]), [[40, true]], 'one warning');
  const store = await openStore({ dataDir: '', databaseUrl: db.url }); // migrates
  t.teardown(() => store.close());
  await new Promise((r) => setTimeout(r, RETRY_MS + 200));
  const back = await c.incr('x', 60_000, 5, 'window');
  t.equal(back?.current, 1, 'counted in the database again');
  t.ok(back !== null && back.ttl > 55_000 && back.ttl <= 60_000, `a new window (${back?.ttl} ms)`);
  t.equal((await store.db.get<{ n: number }>('SELECT n FROM rate_limits WHERE bucket = ?', ['x']))?.n, 1, 'the row is there');
  t.match(lines.at(-1), { level: 30, msg: /answers again/ }, 'its return is logged');
});
