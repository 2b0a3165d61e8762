/** The storage use-cases without HTTP, and the remaining edges of the submission routes (SQLite). */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t, { type Test } from 'tap';
import { createKey, type Principal } from '../src/auth/keys.js';
import { buildApp } from '../src/http/app.js';
import { loadJixiao } from '../src/jixiao.js';
import { openStore } from '../src/store/index.js';
import { canonicalJson, prepareSubmission, rescore, sha256, submit } from '../src/store/service.js';

const SEED = JSON.parse(readFileSync(new URL('./fixtures/seed/01-jingban.json', import.meta.url), 'utf8')) as Record<string, unknown>;
const jx = loadJixiao();
const unit = (agencyCode: string, mofDivCode: string | null = '140000', deptCode: string | null = null): Principal => ({
  keyId: 'key_t',
  name: 't',
  role: 'unit',
  agencyCode,
  deptCode,
  mofDivCode,
});

async function store(t: Test) {
  const dir = mkdtempSync(join(tmpdir(), 'jx-svc-'));
  const s = await openStore({ dataDir: dir });
  t.teardown(async () => {
    await s.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return s;
}

t.test('canonical JSON sorts keys and drops undefined', async (t) => {
  t.equal(canonicalJson({ b: 1, a: [1, { d: undefined, c: 'x' }], e: null }), '{"a":[1,{"c":"x"}],"b":1,"e":null}');
  t.equal(canonicalJson(undefined), 'null');
});

t.test('amounts in 元 are stored in 万元; a short unit code is its own department', async (t) => {
  const s = await store(t);
  const form = { ...SEED, moneyUnit: '元', agencyCode: '209', proCode: 'YUAN' };
  delete (form as Record<string, unknown>).deptCode;
  const out = await submit(jx, s, unit('209'), form);
  t.equal(out.kind, 'stored');
  const rows = await s.statRows({ year: 2022 });
  t.equal(rows[0].budgetWan, '0.025283', '252.83 元 = 0.025283 万元, exactly');
  t.equal(rows[0].deptCode, '209');
});

t.test('tenancy of a submission: role, unit and region of the key', async (t) => {
  t.equal(prepareSubmission(jx, unit('209100', '510000'), SEED).kind, 'forbidden', 'a key bound to another region');
  t.equal(prepareSubmission(jx, unit('209100', '140000'), SEED).kind, 'ok');
  t.equal(prepareSubmission(jx, unit('209100', null), SEED).kind, 'forbidden', 'a unit key bound to no region (made before keys had one)');
  t.equal(prepareSubmission(jx, unit('209100', '140000', '2091'), SEED).kind, 'invalid', "the form's department must be the key's");
  const hidden = prepareSubmission(jx, unit('209100'), { ...SEED, deptCode: '2' });
  t.equal(hidden.kind, 'invalid', 'a shorter department code that still prefixes the unit code');
  t.equal(hidden.kind === 'invalid' && hidden.problems[0].pointer, '/deptCode');
  const none: Record<string, unknown> = { ...SEED };
  delete none.deptCode;
  const filled = prepareSubmission(jx, unit('209100'), none);
  t.equal(filled.kind === 'ok' && filled.submission.deptCode, '209', "no department in the form: the key's");
  t.equal(prepareSubmission(jx, { ...unit('209100'), role: 'bureau' }, SEED).kind, 'forbidden');
  const en = prepareSubmission(jx, unit('209100'), { ...SEED, agencyCode: undefined }, 'en');
  t.equal(en.kind, 'invalid');
  t.match(en.kind === 'invalid' && en.problems[0].message, /Required field/);
});

t.test('submit validates before it hashes: a 10 000-level unknown field is stripped, never walked', async (t) => {
  const s = await store(t);
  let deep: unknown = 1;
  for (let i = 0; i < 10_000; i++) deep = { a: deep };
  const body = { ...SEED, junk: deep, proCode: 'DEEP' };
  const out = await submit(jx, s, unit('209100'), body, { idempotencyKey: 'deep-1' });
  t.equal(out.kind, 'stored');
  const id = out.kind === 'stored' ? (out.response.body as { id: string }).id : '';
  const version = await s.getVersion(id, 1);
  t.equal(JSON.stringify(version?.input).includes('junk'), false, 'stored without the unknown field');
  t.equal(version?.inputHash, sha256(canonicalJson({ ...SEED, proCode: 'DEEP' })), 'the hash is of the stripped form');
  // [body, idempotency key, outcome]
  const rows: [unknown, string, string][] = [
    [{ ...SEED, proCode: 'DEEP' }, 'deep-1', 'replayed'],
    [{ ...SEED, proCode: 'DEEP', other: [1, 2, 3] }, 'deep-1', 'replayed'],
    [{ ...SEED, proCode: 'DEEP', proName: '另一个项目' }, 'deep-1', 'idempotency_mismatch'],
    [{ ...SEED, proCode: 'DEEP', junk: deep, fiscalYear: 'x' }, 'deep-1', 'invalid'],
  ];
  for (const [b, key, kind] of rows) t.equal((await submit(jx, s, unit('209100'), b, { idempotencyKey: key })).kind, kind, kind);
});

t.test('re-scoring: a stored form the validator now refuses is reported, not lost', async (t) => {
  const s = await store(t);
  const a = await submit(jx, s, unit('209100'), { ...SEED, proCode: 'A' });
  await submit(jx, s, unit('209100'), { ...SEED, proCode: 'B' });
  const id = (a as { response: { body: { id: string } } }).response.body.id;
  await s.db.run('UPDATE submission_versions SET input_json = ? WHERE submission_id = ?', ['{"fiscalYear": 2022}', id]);
  const out = await rescore(jx, s, unit('x'), { year: 2022, policy: null, filter: {} });
  t.equal(out.rescored, 1);
  t.equal(out.failed.length, 1);
  t.equal(out.failed[0].id, id);
  t.equal(out.totalChanged, 0);
  t.equal(out.changed, 0);
});

t.test('route edges: empty body, English conflict, bad ids', async (t) => {
  const s = await store(t);
  const { key } = await createKey(s, { name: 'u', role: 'unit', unit: '209100', region: '140000' }, { keyId: null, name: 't', role: 'cli' });
  const app = await buildApp({ config: { logLevel: 'silent' }, store: s });
  t.teardown(() => app.close());
  const h = { authorization: `Bearer ${key}` };
  const empty = await app.inject({ method: 'POST', url: '/v1/submissions', headers: h });
  t.equal(empty.statusCode, 400);
  t.equal(empty.json().code, 'EMPTY_BODY');
  const idem = { ...h, 'idempotency-key': 'k1' };
  t.equal((await app.inject({ method: 'POST', url: '/v1/submissions', headers: idem, payload: SEED })).statusCode, 201);
  const c = await app.inject({ method: 'POST', url: '/v1/submissions', headers: { ...idem, 'accept-language': 'en' }, payload: { ...SEED, proName: 'x' } });
  t.equal(c.statusCode, 409);
  t.match(c.json().detail, /used for another request/);
  t.equal((await app.inject({ method: 'GET', url: '/v1/submissions/nope/versions/1', headers: h })).statusCode, 404);
  const inv = await app.inject({ method: 'POST', url: '/v1/submissions', headers: h, payload: { ...SEED, fiscalYear: 'x' } });
  t.equal(inv.statusCode, 422);
  t.equal(inv.json().code, 'INVALID_FORM');
});
