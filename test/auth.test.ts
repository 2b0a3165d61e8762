/** API keys: specs, the bootstrap key, AUTH_SCORING=required, and `jixiao keys`. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t, { type Test } from 'tap';
import { authenticate, checkKeySpec, createKey, ensureBootstrapKey, inScope, KeySpecError, scopeOf, type Principal } from '../src/auth/keys.js';
import { runCli } from '../src/cli/main.js';
import type { CliIO } from '../src/cli/types.js';
import { buildApp } from '../src/http/app.js';
import { openStore } from '../src/store/index.js';

const SEED = JSON.parse(readFileSync(new URL('./fixtures/seed/01-jingban.json', import.meta.url), 'utf8')) as Record<string, unknown>;
const CLI = { keyId: null, name: 'test', role: 'cli' as const };

function tmp(t: Test): string {
  const dir = mkdtempSync(join(tmpdir(), 'jx-auth-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

t.test('key specs: role and tenancy are checked', async (t) => {
  t.same(checkKeySpec({ name: ' 社保局 ', role: 'unit', unit: '209100', region: '140000' }), {
    name: '社保局',
    role: 'unit',
    agencyCode: '209100',
    deptCode: '209',
    mofDivCode: '140000',
  }, 'a unit key carries its region and its department (by default the unit code less three digits)');
  t.equal(checkKeySpec({ name: 'u', role: 'unit', unit: '2091001', dept: '2091', region: '140000' }).deptCode, '2091', 'or the one given');
  t.equal(checkKeySpec({ name: 'u', role: 'unit', unit: '209', region: '140000' }).deptCode, '209', 'a short unit code is its own department');
  t.same(checkKeySpec({ name: 'd', role: 'department', dept: '209', region: '140000' }).mofDivCode, '140000');
  t.equal(checkKeySpec({ name: 'b', role: 'bureau' }).role, 'bureau');
  const bad: [Parameters<typeof checkKeySpec>[0], RegExp][] = [
    [{ name: '', role: 'unit', unit: '1', region: '140000' }, /name/],
    [{ name: 'x'.repeat(201), role: 'unit', unit: '1', region: '140000' }, /name/],
    [{ name: 'x', role: 'king' as 'unit' }, /role/],
    [{ name: 'x', role: 'unit', unit: '20-9' }, /unit/],
    [{ name: 'x', role: 'department', dept: '2 0' }, /dept/],
    [{ name: 'x', role: 'bureau', region: '14' }, /region/],
    [{ name: 'x', role: 'unit' }, /needs --unit/],
    [{ name: 'x', role: 'unit', unit: '209100' }, /needs --region/],
    [{ name: 'x', role: 'unit', unit: '209100', dept: '301', region: '140000' }, /does not start with 301/],
    [{ name: 'x', role: 'department' }, /needs --dept/],
    [{ name: 'x', role: 'department', dept: '209', unit: '209100' }, /--dept only/],
    [{ name: 'x', role: 'bureau', dept: '209' }, /bureau key takes no/],
  ];
  for (const [spec, rx] of bad) t.throws(() => checkKeySpec(spec), rx);
});

t.test('scopes', async (t) => {
  const p = (role: Principal['role'], agencyCode: string | null, deptCode: string | null, mofDivCode: string | null = null): Principal => ({
    keyId: 'k',
    name: 'n',
    role,
    agencyCode,
    deptCode,
    mofDivCode,
  });
  const rec = { agencyCode: '209100', deptCode: '209', mofDivCode: '140000' };
  t.ok(inScope(p('bureau', null, null), rec));
  t.ok(inScope(p('unit', '209100', null), rec));
  t.notOk(inScope(p('unit', '209200', null), rec));
  t.ok(inScope(p('department', null, '209'), rec));
  t.notOk(inScope(p('department', null, '301'), rec));
  t.notOk(inScope(p('bureau', null, null, '510000'), rec), 'a key bound to another region');
  t.same(scopeOf(p('unit', null, null)), { agencyCode: '\u0000' }, 'a unit key without a unit sees nothing');
  t.same(scopeOf(p('department', null, null)), { deptCode: '\u0000' });
});

t.test('the first bureau key: generated once, or taken from BOOTSTRAP_KEY', async (t) => {
  const store = await openStore({ dataDir: tmp(t) });
  t.teardown(() => store.close());
  await t.rejects(ensureBootstrapKey(store, 'too-short'), KeySpecError);
  const given = 'bootstrap-' + 'k'.repeat(30);
  const r = await ensureBootstrapKey(store, given);
  t.equal(r.created, true);
  t.equal(r.created && r.key, null, 'a given key is not printed');
  const p = await authenticate(store, given);
  t.equal(p?.role, 'bureau');
  t.equal((await ensureBootstrapKey(store, given)).created, false);
  t.equal((await ensureBootstrapKey(store)).created, false, 'an active bureau key exists');
  // Revoked: the same BOOTSTRAP_KEY is not brought back; a generated one replaces it.
  t.equal(await store.revokeKey(p!.keyId, CLI), 'revoked');
  t.equal(await authenticate(store, given), null);
  t.equal((await ensureBootstrapKey(store, given)).created, false);
  const fresh = await ensureBootstrapKey(store);
  t.equal(fresh.created, true);
  t.match(fresh.created && fresh.key, /^jx_/);
});

t.test('AUTH_SCORING=required: the scoring routes ask for a key', async (t) => {
  const store = await openStore({ dataDir: tmp(t) });
  const { key } = await createKey(store, { name: 'u', role: 'unit', unit: '209100', region: '140000' }, CLI);
  const app = await buildApp({ config: { logLevel: 'silent', authScoring: 'required' }, store });
  t.teardown(async () => {
    await app.close();
    await store.close();
  });
  t.equal((await app.inject({ method: 'POST', url: '/v1/score', payload: SEED })).statusCode, 401);
  t.equal((await app.inject({ method: 'GET', url: '/v1/policies' })).statusCode, 401);
  t.equal((await app.inject({ method: 'POST', url: '/v1/score', payload: SEED, headers: { authorization: `Bearer ${key}` } })).statusCode, 200);
  t.equal((await app.inject({ method: 'GET', url: '/healthz' })).statusCode, 200, 'health stays open');
  t.equal((await app.inject({ method: 'GET', url: '/v1/nope' })).statusCode, 404, 'an unknown route stays 404');
  t.equal((await app.inject({ method: 'GET', url: '/v1/submissions' })).statusCode, 401);
  const open = await buildApp({ config: { logLevel: 'silent' }, store });
  t.teardown(() => open.close());
  t.equal((await open.inject({ method: 'POST', url: '/v1/score', payload: SEED })).statusCode, 200, 'open by default');
});

function io(env: Record<string, string>): CliIO & { out: string; err: string } {
  const o = {
    out: '',
    err: '',
    env,
    stdout: (s: string) => void (o.out += s),
    stderr: (s: string) => void (o.err += s),
    readStdin: async () => '',
  };
  return o;
}

t.test('jixiao keys create | list | revoke', async (t) => {
  const env = { DATA_DIR: tmp(t) };
  let c = io(env);
  t.equal(await runCli(['keys', 'create', '--role', 'unit', '--unit', '209100', '--region', '140000', '--name', '社保局'], c), 0);
  const key = c.out.trim();
  t.match(key, /^jx_[A-Za-z0-9_-]{43}$/);
  t.match(c.err, /只显示这一次/);
  c = io(env);
  t.equal(await runCli(['keys', 'create', '--role', 'department', '--dept', '209', '--name', '人社厅'], c), 0);
  c = io(env);
  t.equal(await runCli(['keys', 'create', '--role', 'bureau', '--region', '140000', '--name', '财政厅'], c), 0);
  t.match(c.err, /bureau -/);
  c = io(env);
  t.equal(await runCli(['keys', 'list'], c), 0);
  t.match(c.out, /140000/);
  t.match(c.out, /209100/);
  t.match(c.out, /社保局/);
  t.notMatch(c.out, new RegExp(key), 'the list never shows a key');
  c = io(env);
  t.equal(await runCli(['keys', 'list', '--format', 'json'], c), 0);
  const list = JSON.parse(c.out) as { id: string; role: string }[];
  t.equal(list.length, 3);
  const id = list.find((k) => k.role === 'unit')!.id;
  c = io(env);
  t.equal(await runCli(['keys', 'revoke', id], c), 0);
  t.match(c.err, /已吊销/);
  c = io(env);
  t.equal(await runCli(['keys', 'revoke', id], c), 0);
  t.match(c.err, /already revoked/);
  c = io(env);
  t.equal(await runCli(['keys', 'revoke', 'key_nope'], c), 1);
  for (const args of [['keys'], ['keys', 'frob'], ['keys', 'list', 'x'], ['keys', 'revoke'], ['keys', 'create', 'x'], ['keys', 'list', '--bogus', '1']]) {
    c = io(env);
    t.equal(await runCli(args, c), 2, args.join(' '));
    t.match(c.err, /usage/);
  }
  c = io(env);
  t.equal(await runCli(['keys', 'create', '--role', 'unit', '--name', 'x'], c), 2);
  t.match(c.err, /needs --unit/);
  // The CLI and the service share the store: the key works over HTTP, and the audit log has "cli".
  const store = await openStore({ dataDir: env.DATA_DIR });
  t.teardown(() => store.close());
  const audit = await store.auditPage({ cursor: null, limit: 10 });
  t.ok(audit.items.every((a) => a.keyName === 'cli' && a.role === 'cli'));
  t.equal(audit.items.length, 4, 'three creates and one revoke');
});
