/**
 * Faults of the store: a full disk and an unreachable or lost database give 503 problem+json
 * quickly (never a hang, never a 500), and store nothing; migrations are forward-only.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t, { type Test } from 'tap';
import type Database from 'better-sqlite3';
import pg from 'pg';
import { createKey, ensureBootstrapKey } from '../src/auth/keys.js';
import { buildApp } from '../src/http/app.js';
import { StoreConflictError, StoreUnavailableError } from '../src/store/driver.js';
import { openStore, storeConfigFromEnv } from '../src/store/index.js';
import { migrate, MigrationError, renderMigration, splitStatements } from '../src/store/migrate.js';
import { openPostgres, mapPgError, numberPlaceholders } from '../src/store/postgres.js';
import { decodeCursor, encodeCursor, LATEST_SCHEMA_VERSION, Repository, totalKey } from '../src/store/repository.js';
import { mapSqliteError, openSqlite } from '../src/store/sqlite.js';
import { freshPgDatabase, PG_SKIP } from './support/pg.js';

const SEED = JSON.parse(readFileSync(new URL('./fixtures/seed/01-jingban.json', import.meta.url), 'utf8')) as Record<string, unknown>;
const CLI = { keyId: null, name: 'test', role: 'cli' as const };

function tmp(t: Test | { teardown(fn: () => void): void }): string {
  const dir = mkdtempSync(join(tmpdir(), 'jx-faults-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

async function nSubmissions(store: Repository): Promise<number> {
  return Number((await store.db.get<{ n: number }>('SELECT CAST(COUNT(*) AS INTEGER) AS n FROM submission_versions'))!.n);
}

t.test('SQLite: a full disk is 503 and stores nothing; the service recovers when space returns', async (t) => {
  const store = await openStore({ dataDir: tmp(t) });
  const { key } = await createKey(store, { name: 'u', role: 'unit', unit: '209100', region: '140000' }, CLI);
  const app = await buildApp({ config: { logLevel: 'silent' }, store });
  t.teardown(async () => {
    await app.close();
    await store.close();
  });
  const raw = (store.db as unknown as { db: Database.Database }).db;
  const pages = raw.pragma('page_count', { simple: true }) as number;
  raw.pragma(`max_page_count = ${pages}`); // the "disk" is full now
  const post = (proCode: string) =>
    app.inject({ method: 'POST', url: '/v1/submissions', headers: { authorization: `Bearer ${key}` }, payload: { ...SEED, proCode } });
  const res = await post('FULL-1');
  t.equal(res.statusCode, 503, res.body);
  t.equal(res.headers['content-type'], 'application/problem+json; charset=utf-8');
  t.equal(res.headers['retry-after'], '5');
  t.equal(res.json().code, 'SERVICE_UNAVAILABLE');
  t.match(res.json().detail, /数据库暂不可用/);
  raw.pragma('max_page_count = 1073741823');
  t.equal(await nSubmissions(store), 0, 'nothing of the refused submission was kept');
  t.equal((await post('FULL-2')).statusCode, 201, 'accepted again once there is room');
  t.equal(await nSubmissions(store), 1);
});

t.test('SQLite: a data folder that cannot be created is StoreUnavailableError', async (t) => {
  const dir = tmp(t);
  const file = join(dir, 'file');
  (await import('node:fs')).writeFileSync(file, 'x');
  await t.rejects(openStore({ dataDir: join(file, 'sub') }), StoreUnavailableError);
});

t.test('no store configured: the store routes answer 503, the rest works', async (t) => {
  const app = await buildApp({ config: { logLevel: 'silent' } });
  t.teardown(() => app.close());
  for (const url of ['/v1/submissions', '/v1/stats', '/v1/audit', '/v1/keys']) {
    const res = await app.inject({ method: 'GET', url, headers: { authorization: 'Bearer ' + 'x'.repeat(30) } });
    t.equal(res.statusCode, 503, url);
    t.match(res.json().detail, /未配置存储/);
  }
  const en = await app.inject({ method: 'GET', url: '/v1/stats', headers: { 'accept-language': 'en' } });
  t.match(en.json().detail, /no storage configured/);
  t.equal((await app.inject({ method: 'GET', url: '/healthz' })).statusCode, 200);
});

/** A TCP server that accepts connections and never says a word: a hung database. */
async function silentServer(t: Test): Promise<number> {
  const sockets: Socket[] = [];
  const srv = createServer((s) => sockets.push(s));
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  t.teardown(() => {
    for (const s of sockets) s.destroy();
    srv.close();
  });
  return (srv.address() as { port: number }).port;
}

t.test('PostgreSQL that never answers: 503 within the connect timeout, not a hang', async (t) => {
  const port = await silentServer(t);
  const store = new Repository(openPostgres({ url: `postgres://x:secret@127.0.0.1:${port}/db`, connectTimeoutMs: 300 }));
  t.equal(store.db.where, `postgres://x:***@127.0.0.1:${port}/db`, 'the password is not logged');
  const app = await buildApp({ config: { logLevel: 'silent' }, store });
  t.teardown(async () => {
    await app.close();
    await store.close();
  });
  const started = Date.now();
  const res = await app.inject({ method: 'GET', url: '/v1/submissions', headers: { authorization: 'Bearer ' + 'k'.repeat(40) } });
  t.equal(res.statusCode, 503);
  t.ok(Date.now() - started < 3000, `answered in ${Date.now() - started} ms`);
  await t.rejects(store.db.tx(async () => 1), StoreUnavailableError, 'a transaction cannot start either');
});

t.test('readiness: a hung PostgreSQL makes /readyz 503 within READY_TIMEOUT_MS (over a socket); a live store is ready', async (t) => {
  const port = await silentServer(t);
  // The pool's own waits are long (the defaults): readiness must not wait for them.
  const store = new Repository(openPostgres({ url: `postgres://x@127.0.0.1:${port}/db`, connectTimeoutMs: 5000 }));
  const app = await buildApp({ config: { logLevel: 'silent', readyTimeoutMs: 300 }, store });
  t.teardown(async () => {
    await app.close();
    await store.close().catch(() => undefined);
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const url = `http://127.0.0.1:${(app.server.address() as { port: number }).port}/readyz`;
  const started = Date.now();
  const probes = await Promise.all([1, 2, 3, 4, 5].map(() => fetch(url)));
  const ms = Date.now() - started;
  t.same(probes.map((r) => r.status), [503, 503, 503, 503, 503]);
  t.ok(ms < 2000, `five probes answered in ${ms} ms`);
  const body = (await probes[0].json()) as { code: string; detail: string };
  t.equal(body.code, 'SERVICE_UNAVAILABLE');
  t.equal(body.detail, '服务暂不可用：存储未在300毫秒内应答');
  const en = (await (await fetch(url, { headers: { 'accept-language': 'en' } })).json()) as { detail: string };
  t.equal(en.detail, 'Service unavailable: store: no answer within 300 ms');
  t.equal(probes[0].headers.get('retry-after'), '5');
  t.equal((await fetch(url.replace('/readyz', '/healthz'))).status, 200, 'alive all the same');

  const live = await openStore({ dataDir: tmp(t) });
  const ok = await buildApp({ config: { logLevel: 'silent' }, store: live });
  t.teardown(async () => {
    await ok.close();
    await live.close();
  });
  const r = await ok.inject({ method: 'GET', url: '/readyz' });
  t.equal(r.statusCode, 200);
  t.equal(r.json().status, 'ready');
  const readiness = await live.ready(1000) as { ok: boolean; ms: number };
  t.equal(readiness.ok, true, 'ready() on a live store');
  t.equal(Number.isInteger(readiness.ms) && readiness.ms >= 0, true, 'ready() says how long the check took');
  await live.close();
  const closed = await live.ready(1000);
  t.equal(closed.ok, false, 'a closed store is not ready');
  const failed = await ok.inject({ method: 'GET', url: '/readyz' });
  t.equal(failed.statusCode, 503);
  t.equal(failed.json().detail, '服务暂不可用：存储不可用', "the driver's own text stays in the log");
});

t.test('PostgreSQL refused: opening the store fails with StoreUnavailableError', async (t) => {
  await t.rejects(openStore({ dataDir: '', databaseUrl: 'postgres://u@127.0.0.1:1/db', pg: { connectTimeoutMs: 500 } }), StoreUnavailableError);
});

t.test('PostgreSQL: a lost connection and a statement timeout', { skip: PG_SKIP }, async (t) => {
  const db = await freshPgDatabase();
  t.teardown(() => db.drop());
  const store = await openStore({ dataDir: '', databaseUrl: db.url, pg: { statementTimeoutMs: 300 } });
  const { key } = await createKey(store, { name: 'u', role: 'unit', unit: '209100', region: '140000' }, CLI);
  const app = await buildApp({ config: { logLevel: 'silent' }, store });
  t.teardown(async () => {
    await app.close();
    await store.close();
  });
  const get = () => app.inject({ method: 'GET', url: '/v1/submissions', headers: { authorization: `Bearer ${key}` } });
  t.equal((await get()).statusCode, 200);
  const name = new URL(db.url).pathname.slice(1);
  const admin = new pg.Client({ connectionString: db.url.replace(`/${name}`, '/postgres') });
  await admin.connect();
  await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [name]);
  await admin.end();
  await new Promise((r) => setTimeout(r, 100));
  const after = await get();
  t.ok([200, 503].includes(after.statusCode), `after the server dropped us: ${after.statusCode}, never 500`);
  t.equal((await get()).statusCode, 200, 'the pool reconnects');
  await t.rejects(store.db.get('SELECT pg_sleep(2)'), StoreUnavailableError, 'statement_timeout → unavailable');
  // Transactions roll back on an error and the connection goes back to the pool.
  await t.rejects(
    store.db.tx(async (q) => {
      await q.run("INSERT INTO audit_log (at, action) VALUES ('x', 'test')");
      throw new Error('boom');
    }),
    /boom/,
  );
  t.equal(Number((await store.db.get<{ n: number }>("SELECT CAST(COUNT(*) AS INTEGER) AS n FROM audit_log WHERE action = 'test'"))!.n), 0);
  await t.rejects(store.db.run("INSERT INTO schema_migrations (version, name, applied_at) VALUES (1, 'dup', 'x')"), StoreConflictError);
});

t.test('migrations: forward-only, idempotent, refuse a newer database', async (t) => {
  const dir = tmp(t);
  const a = await openStore({ dataDir: dir });
  t.same(await migrate(a.db), [], 'nothing left to apply on a second run');
  t.equal((await a.info()).schemaVersion, LATEST_SCHEMA_VERSION, 'the last migration of this release');
  await a.db.run("INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, 'future', 'x')");
  await a.close();
  await t.rejects(openStore({ dataDir: dir }), MigrationError);
  const drv = openSqlite({ dataDir: tmp(t), file: 'other.db' });
  t.same(await migrate(drv, [{ version: 1, name: 'one', sql: 'CREATE TABLE a (id {{autoid}}, v {{num}})' }]), [1]);
  t.same(await migrate(drv, [{ version: 1, name: 'one', sql: 'x' }, { version: 2, name: 'two', sql: 'CREATE TABLE b (x TEXT); CREATE TABLE c (y TEXT)' }]), [2]);
  await drv.close();
  t.throws(() => renderMigration('{{nope}}', 'sqlite'), /unknown migration token/);
  t.equal(renderMigration('{{num}}', 'postgres'), 'NUMERIC');
  t.same(splitStatements('a; b;\n ;c'), ['a', 'b', 'c']);
});

t.test('driver errors are mapped', async (t) => {
  t.type(mapSqliteError(Object.assign(new Error('x'), { code: 'SQLITE_FULL' })), StoreUnavailableError);
  t.type(mapSqliteError(Object.assign(new Error('x'), { code: 'SQLITE_IOERR_WRITE' })), StoreUnavailableError);
  t.type(mapSqliteError(Object.assign(new Error('x'), { code: 'SQLITE_CONSTRAINT_UNIQUE' })), StoreConflictError);
  t.type(mapSqliteError(Object.assign(new Error('x'), { code: 'SQLITE_CONSTRAINT_PRIMARYKEY' })), StoreConflictError);
  const other = Object.assign(new Error('x'), { code: 'SQLITE_ERROR' });
  t.equal(mapSqliteError(other), other);
  const plain = new Error('y');
  t.equal(mapSqliteError(plain), plain);
  t.type(mapPgError(Object.assign(new Error('dup'), { code: '23505' })), StoreConflictError);
  t.type(mapPgError(Object.assign(new Error('full'), { code: '53100' })), StoreUnavailableError);
  t.type(mapPgError(Object.assign(new Error('refused'), { code: 'ECONNREFUSED' })), StoreUnavailableError);
  t.type(mapPgError(new Error('Connection terminated unexpectedly')), StoreUnavailableError);
  t.type(mapPgError(new Error('timeout exceeded when trying to connect')), StoreUnavailableError);
  const syntax = Object.assign(new Error('syntax'), { code: '42601' });
  t.equal(mapPgError(syntax), syntax);
  const u = new StoreUnavailableError('u');
  t.equal(mapPgError(u), u);
  t.equal(mapPgError('text'), 'text');
  t.equal(numberPlaceholders('a = ? AND b = ?'), 'a = $1 AND b = $2');
});

t.test('small helpers', async (t) => {
  t.equal(totalKey('93.76'), '000093.760000');
  t.equal(totalKey('100'), '000100.000000');
  t.equal(totalKey('007.5'), '000007.500000');
  t.equal(totalKey('12345678'), '999999.999999');
  t.throws(() => totalKey('-1'));
  t.equal(decodeCursor(encodeCursor(42)), 42);
  t.equal(decodeCursor(encodeCursor(0)), null);
  t.equal(decodeCursor('%%%'), null);
  t.same(storeConfigFromEnv({ DATA_DIR: '/x', PG_POOL_MAX: '3' }).pg?.max, 3, 'the CLI reads the pool size (the rest: test/http-config.test.ts)');
  // The bootstrap key of a fresh store; a second call does nothing.
  const store = await openStore({ dataDir: tmp(t) });
  t.teardown(() => store.close());
  t.equal((await ensureBootstrapKey(store)).created, true);
  t.equal((await ensureBootstrapKey(store)).created, false);
  await store.ping();
});
