/**
 * The store suite, on SQLite always and on PostgreSQL when JIXIAO_TEST_PG_URL is set: the seed's
 * forms submitted and read back identical, the tenant matrix, idempotent retries, versions,
 * re-scoring, statistics, the disclosure paragraph, the audit log, and broken requests storing
 * nothing.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t, { type Test } from 'tap';
import type { FastifyInstance } from 'fastify';
import { createKey, ensureBootstrapKey } from '../src/auth/keys.js';
import { buildApp } from '../src/http/app.js';
import { openDriver, openStore } from '../src/store/index.js';
import { migrate } from '../src/store/migrate.js';
import { MIGRATIONS } from '../src/store/migrations/index.js';
import type { StoreConfig } from '../src/store/index.js';
import type { Repository } from '../src/store/repository.js';
import { freshPgDatabase, PG_SKIP } from './support/pg.js';

const SEED = ['01-jingban', '02-dangan', '03-dalou'].map(
  (f) => JSON.parse(readFileSync(new URL(`./fixtures/seed/${f}.json`, import.meta.url), 'utf8')) as Record<string, unknown>,
);
const CLI = { keyId: null, name: 'test', role: 'cli' as const };

/** A seed form moved to another unit (and department): tenant B. */
function otherTenantForm(): Record<string, unknown> {
  return { ...structuredClone(SEED[0]), agencyCode: '301100', deptCode: '301', agencyName: '另一单位', deptName: '另一部门', id: 'b-eval-1' };
}

interface Ctx {
  app: FastifyInstance;
  store: Repository;
  keys: { bureau: string; unitA: string; unitB: string; deptA: string; deptB: string };
}

async function setup(store: Repository): Promise<Ctx> {
  const boot = await ensureBootstrapKey(store);
  if (!boot.created || !boot.key) throw new Error('no bootstrap key');
  const mk = async (role: 'unit' | 'department', code: string) =>
    (
      await createKey(
        store,
        { name: `${role} ${code}`, role, unit: role === 'unit' ? code : null, dept: role === 'department' ? code : null, region: role === 'unit' ? '140000' : null },
        CLI,
      )
    ).key;
  const keys = {
    bureau: boot.key,
    unitA: await mk('unit', '209100'),
    unitB: await mk('unit', '301100'),
    deptA: await mk('department', '209'),
    deptB: await mk('department', '301'),
  };
  const app = await buildApp({ config: { logLevel: 'silent' }, store });
  return { app, store, keys };
}

const auth = (key?: string) => (key ? { authorization: `Bearer ${key}` } : {});

async function count(store: Repository): Promise<{ subs: number; versions: number; snaps: number; audit: number }> {
  const one = async (table: string) => Number((await store.db.get<{ n: number }>(`SELECT CAST(COUNT(*) AS INTEGER) AS n FROM ${table}`))!.n);
  return { subs: await one('submissions'), versions: await one('submission_versions'), snaps: await one('score_snapshots'), audit: await one('audit_log') };
}

async function suite(t: Test, open: () => Promise<Repository>): Promise<void> {
  const store = await open();
  const ctx = await setup(store);
  const { app, keys } = ctx;
  t.teardown(async () => {
    await app.close();
    await store.close();
  });
  const post = (body: unknown, key?: string, headers: Record<string, string> = {}) =>
    app.inject({ method: 'POST', url: '/v1/submissions', headers: { ...auth(key), ...headers }, payload: body as object });
  const get = (url: string, key?: string) => app.inject({ method: 'GET', url, headers: auth(key) });

  const ids: string[] = [];
  await t.test('the seed forms, submitted with a unit key, are read back identical', async (t) => {
    for (const form of SEED) {
      const res = await post(form, keys.unitA);
      t.equal(res.statusCode, 201, res.body);
      const body = res.json();
      t.equal(body.version, 1);
      t.equal(body.created, true);
      t.equal(body.score.grade, '优');
      t.equal(body.score.policy.id, 'shanxi-2022');
      t.equal(res.headers.location, `/v1/submissions/${body.id}`);
      ids.push(body.id);
      const v = await get(`/v1/submissions/${body.id}/versions/1`, keys.unitA);
      t.equal(v.statusCode, 200);
      t.same(v.json().input, form, 'the stored input equals the submitted form');
      t.strictSame(v.json().input, form);
      t.equal(v.json().snapshots.length, 1);
      t.equal(v.json().snapshots[0].total, body.score.total);
      t.equal(v.json().snapshots[0].policy.id, 'shanxi-2022');
      const h = await get(`/v1/submissions/${body.id}`, keys.unitA);
      t.strictSame(h.json().form, form);
      t.equal(h.json().versions.length, 1);
      t.equal(h.json().agencyCode, '209100');
      t.equal(h.json().deptCode, '209');
    }
    const totals = await Promise.all(ids.map(async (id) => (await get(`/v1/submissions/${id}`, keys.bureau)).json().score.total));
    t.strictSame(totals, ['93.76', '95.00', '90.00']);
  });

  const b = await post(otherTenantForm(), keys.unitB);
  t.equal(b.statusCode, 201, 'tenant B has a submission');
  const idB = b.json().id as string;

  await t.test('the disclosure paragraph for the seed forms', async (t) => {
    const res = await get('/v1/stats/disclosure?year=2022&unit=209100&spending=1000', keys.bureau);
    t.equal(res.statusCode, 200, res.body);
    const d = res.json();
    t.equal(d.projects, 3);
    t.equal(d.funds, '333.20');
    t.equal(d.share, '33.32');
    t.same(d.grades, { 优: 3, 良: 0, 中: 0, 差: 0 });
    t.match(d.paragraph, /山西省社会保险局部门（单位）按照“谁支出、谁自评”的原则/);
    t.match(d.paragraph, /涵盖项目3个，共涉及资金333\.20万元，占本部门（单位）项目支出总额的33\.32%/);
    t.match(d.paragraph, /3个项目自评等级为“优”，0个项目自评等级为“良”，0个项目自评等级为“中”，0个项目自评等级为“差”/);
    t.match(d.paragraph, /3个项目绩效自评结果均为优/);
    const own = await get('/v1/stats/disclosure?year=2022', keys.unitA);
    t.equal(own.statusCode, 200, 'a unit key defaults to its own unit');
    t.equal(own.json().share, null);
    t.notMatch(own.json().paragraph, /占本部门/);
    t.equal((await get('/v1/stats/disclosure?year=2021&unit=209100', keys.bureau)).statusCode, 404, 'no submission that year');
    t.equal((await get('/v1/stats/disclosure?year=2022', keys.bureau)).statusCode, 400, 'the bureau must name a unit');
    t.equal((await get('/v1/stats/disclosure?unit=209100', keys.bureau)).statusCode, 400, 'year is required');
  });

  await t.test('statistics for the bureau', async (t) => {
    const res = await get('/v1/stats?year=2022', keys.bureau);
    t.equal(res.statusCode, 200, res.body);
    const s = res.json();
    t.equal(s.count, 4);
    t.equal(s.grades['优'], 4);
    t.equal(s.funds, '586.03'); // 333.20 + 252.83 of tenant B
    t.equal(s.departments.length, 2);
    const a = s.departments.find((d: { deptCode: string }) => d.deptCode === '209');
    t.equal(a.count, 3);
    t.equal(a.funds, '333.20');
    t.equal(a.score.mean, '92.92');
    t.equal(a.score.min, '90.00');
    t.equal(a.score.max, '95.00');
    t.equal(a.anomalyCounts.total_mismatch, 1, '03-dalou: reported 95, computed 90');
    t.equal(a.anomalyCounts.points_not_100, 1, '03-dalou: points sum to 95');
    t.ok(s.topFindings.some((f: { code: string }) => f.code === 'ACTUAL_HAS_OPERATOR'));
    const byDept = (await get('/v1/stats?year=2022&department=301', keys.bureau)).json();
    t.equal(byDept.count, 1);
    t.equal((await get('/v1/stats?year=22', keys.bureau)).statusCode, 400);
  });

  await t.test('listing: filters and cursor paging within the tenancy', async (t) => {
    const all = (await get('/v1/submissions?year=2022', keys.bureau)).json();
    t.equal(all.items.length, 4);
    t.equal(all.nextCursor, null);
    const mine = (await get('/v1/submissions', keys.unitA)).json();
    t.equal(mine.items.length, 3);
    t.ok(mine.items.every((i: { agencyCode: string }) => i.agencyCode === '209100'));
    t.equal((await get('/v1/submissions?unit=301100', keys.unitA)).json().items.length, 0, "another unit's filter finds nothing");
    t.equal((await get('/v1/submissions', keys.deptA)).json().items.length, 3);
    t.equal((await get('/v1/submissions', keys.deptB)).json().items.length, 1);
    const seen: string[] = [];
    let url = '/v1/submissions?limit=1';
    for (let i = 0; i < 10; i++) {
      const p = (await get(url, keys.bureau)).json();
      seen.push(...p.items.map((x: { id: string }) => x.id));
      if (!p.nextCursor) break;
      url = `/v1/submissions?limit=1&cursor=${p.nextCursor}`;
    }
    t.equal(new Set(seen).size, 4, 'paging visits every submission once');
    t.equal((await get('/v1/submissions?finding=TOTAL_MISMATCH', keys.bureau)).json().items.length, 1);
    t.equal((await get('/v1/submissions?minScore=93&maxScore=95', keys.bureau)).json().items.length, 3);
    t.equal((await get('/v1/submissions?maxScore=90', keys.bureau)).json().items.length, 1);
    t.equal((await get('/v1/submissions?grade=良', keys.bureau)).json().items.length, 0);
    t.equal((await get('/v1/submissions?region=140000&department=209', keys.bureau)).json().items.length, 3);
    t.equal((await get('/v1/submissions?cursor=!!', keys.bureau)).statusCode, 400);
    t.equal((await get('/v1/submissions?limit=0', keys.bureau)).statusCode, 400);
    t.equal((await get('/v1/submissions?minScore=abc', keys.bureau)).statusCode, 400);
  });

  await t.test('idempotent retries', async (t) => {
    const form = { ...structuredClone(SEED[1]), proCode: 'IDEM-1', id: undefined };
    delete (form as Record<string, unknown>).id;
    const before = await count(store);
    const h = { 'idempotency-key': 'retry-1' };
    const first = await post(form, keys.unitA, h);
    t.equal(first.statusCode, 201);
    const again = await post(form, keys.unitA, h);
    t.equal(again.statusCode, 201);
    t.equal(again.headers['idempotent-replayed'], 'true');
    t.strictSame(again.json(), first.json(), 'the retry gets the first answer');
    const racing = await Promise.all([1, 2, 3, 4].map(() => post(form, keys.unitA, { 'idempotency-key': 'race-1' })));
    t.ok(racing.every((r) => r.statusCode === 201));
    t.equal(new Set(racing.map((r) => r.json().version)).size, 1, 'concurrent retries store one version');
    const after = await count(store);
    t.equal(after.versions - before.versions, 2, 'two keys, two versions');
    const other = await post({ ...form, proName: '改过的名称' }, keys.unitA, h);
    t.equal(other.statusCode, 409, 'the same key with another body');
    t.equal(other.json().code, 'CONFLICT');
    t.equal((await post(form, keys.unitA, { 'idempotency-key': 'bad key with spaces' })).statusCode, 400);
    // A key is scoped to the API key that used it: unit B's "retry-1" is its own.
    const bForm = { ...otherTenantForm(), proCode: 'IDEM-B' };
    t.equal((await post(bForm, keys.unitB, h)).statusCode, 201);
  });

  await t.test('versions: the same project again is a new version; the old stays readable', async (t) => {
    const id = ids[0];
    const changed = structuredClone(SEED[0]);
    changed.id = 'seed-2022-209100-01-r2';
    changed.reportedTotal = '90';
    const res = await post(changed, keys.unitA);
    t.equal(res.statusCode, 201);
    t.equal(res.json().id, id, 'same natural key, same submission');
    t.equal(res.json().version, 2);
    t.equal(res.json().created, false);
    const h = (await get(`/v1/submissions/${id}`, keys.unitA)).json();
    t.equal(h.currentVersion, 2);
    t.equal(h.versions.length, 2);
    t.strictSame(h.form, changed);
    t.strictSame((await get(`/v1/submissions/${id}/versions/1`, keys.unitA)).json().input, SEED[0]);
    const dup = await post(changed, keys.unitA);
    t.equal(dup.statusCode, 200, 'the same eval_id with the same content adds no version');
    t.equal(dup.json().duplicate, true);
    t.equal(dup.json().version, 2);
    t.equal((await get(`/v1/submissions/${id}/versions/3`, keys.unitA)).statusCode, 404);
    t.equal((await get(`/v1/submissions/${id}/versions/x`, keys.unitA)).statusCode, 400);
    t.equal((await get(`/v1/submissions/not-a-uuid`, keys.unitA)).statusCode, 404);
  });

  await t.test('re-scoring adds snapshots and returns every grade change', async (t) => {
    const before = await count(store);
    const res = await app.inject({
      method: 'POST',
      url: '/v1/rescore',
      headers: auth(keys.bureau),
      payload: { year: 2022, policy: 'national-2020', filter: { department: '209' } },
    });
    t.equal(res.statusCode, 200, res.body);
    const r = res.json();
    t.equal(r.policy, 'national-2020');
    t.equal(r.rescored, 4, 'the three seed projects and IDEM-1');
    t.ok(r.changed >= 1);
    t.equal(r.changes.length, r.changed);
    for (const c of r.changes) {
      t.not(c.from.grade, c.to.grade);
      t.equal(c.to.policy.id, 'national-2020');
    }
    const after = await count(store);
    t.equal(after.snaps - before.snaps, 4, 'one new snapshot each');
    t.equal(after.versions, before.versions, 'no new version');
    const v1 = (await get(`/v1/submissions/${ids[1]}/versions/1`, keys.bureau)).json();
    t.equal(v1.snapshots.length, 2, 'the submit snapshot is kept beside the re-score');
    t.equal(v1.snapshots[0].policy.id, 'shanxi-2022');
    t.equal(v1.snapshots[1].policy.id, 'national-2020');
    t.equal(v1.snapshots[1].reason, 'rescore');
    const changedIds = new Set(r.changes.map((c: { id: string }) => c.id));
    const stats = (await get('/v1/stats?year=2022&department=209', keys.bureau)).json();
    t.equal(stats.anomalyCounts.grade_changed_by_rescore, changedIds.size, 'every grade the re-score changed is an anomaly');
    // Back to the policy in force: the grades change back.
    const back = await app.inject({ method: 'POST', url: '/v1/rescore', headers: auth(keys.bureau), payload: { year: 2022, filter: { department: '209' } } });
    t.equal(back.json().changed, r.changed);
    t.equal(back.json().policy, null);
    const none = await app.inject({ method: 'POST', url: '/v1/rescore', headers: auth(keys.bureau), payload: { year: 1999 } });
    t.equal(none.json().rescored, 0);
    t.equal(none.json().rescoreId, null);
    const unknown = await app.inject({ method: 'POST', url: '/v1/rescore', headers: auth(keys.bureau), payload: { year: 2022, policy: 'nope' } });
    t.equal(unknown.statusCode, 404);
    t.equal(unknown.json().code, 'UNKNOWN_POLICY');
    const bad = await app.inject({ method: 'POST', url: '/v1/rescore', headers: auth(keys.bureau), payload: { year: '2022', extra: 1 } });
    t.equal(bad.statusCode, 400);
  });

  await t.test('broken requests store nothing', async (t) => {
    const before = await count(store);
    const raw = (payload: string, headers: Record<string, string> = {}) =>
      app.inject({ method: 'POST', url: '/v1/submissions', headers: { ...auth(keys.unitA), 'content-type': 'application/json', ...headers }, payload });
    const text = JSON.stringify(SEED[0]);
    t.equal((await raw(text.slice(0, text.length / 2))).statusCode, 400, 'truncated JSON');
    t.equal((await raw('')).statusCode, 400, 'empty body');
    t.equal((await raw('{"fiscalYear": 2022}')).statusCode, 422, 'not a form');
    t.equal((await raw('[]')).statusCode, 422);
    t.equal((await raw(text, { 'content-type': 'text/plain' })).statusCode, 415);
    const noRegion: Record<string, unknown> = { ...structuredClone(SEED[0]), proCode: 'NOREG' };
    delete noRegion.mofDivCode;
    const r = await post(noRegion, keys.unitA);
    t.equal(r.statusCode, 422);
    t.equal(r.json().errors[0].pointer, '/mofDivCode');
    const wrongDept = { ...structuredClone(SEED[0]), proCode: 'WRONGDEPT', deptCode: '301' };
    const w = await post(wrongDept, keys.unitA);
    t.equal(w.statusCode, 422, 'a unit code that is not under the department code');
    t.equal(w.json().errors[0].pointer, '/deptCode');
    t.equal((await post(otherTenantForm(), keys.unitA)).statusCode, 403, "a form of another unit");
    // The natural key of tenant B's project, claimed by unit A: refused, B's record untouched.
    const steal: Record<string, unknown> = { ...otherTenantForm(), agencyCode: '209100', deptCode: '209', id: 'steal' };
    delete steal.proCode;
    t.equal((await post({ ...steal, proName: SEED[0].proName }, keys.unitA)).statusCode, 201, 'a name-keyed project is per unit');
    const after = await count(store);
    t.equal(after.versions - before.versions, 1, 'only the last, valid form was stored');
    t.equal((await get(`/v1/submissions/${idB}`, keys.unitB)).json().currentVersion, 1);
  });

  await t.test("the same project code in two units: two projects, and nothing tells A about B's", async (t) => {
    const bp = { ...otherTenantForm(), proCode: 'SHARED-1' };
    const b1 = await post(bp, keys.unitB);
    t.equal(b1.statusCode, 201);
    const before = await count(store);
    const ap = { ...structuredClone(SEED[2]), proCode: 'SHARED-1' };
    const a1 = await post(ap, keys.unitA);
    t.equal(a1.statusCode, 201, 'A is not locked out of its own project by B (and learns nothing: the same 201 as for a new code)');
    t.equal(a1.json().version, 1, "A's first version, not a version of B's project");
    t.not(a1.json().id, b1.json().id);
    t.equal((await count(store)).subs, before.subs + 1);
    t.equal((await get(`/v1/submissions/${b1.json().id}`, keys.unitA)).statusCode, 404, "B's project is 404 to A");
    t.equal((await get(`/v1/submissions/${b1.json().id}`, keys.unitB)).json().currentVersion, 1, "B's project is untouched");
    t.equal((await get('/v1/submissions?proCode=SHARED-1', keys.unitA)).json().items.length, 1, 'A lists its own only');
    t.equal((await get('/v1/submissions?proCode=SHARED-1', keys.bureau)).json().items.length, 2);
  });

  await t.test('a unit cannot hide a submission from its department with a shorter department code', async (t) => {
    for (const deptCode of ['2', '20', '2091', '209100']) {
      const res = await post({ ...structuredClone(SEED[1]), proCode: `HIDE-${deptCode}`, deptCode }, keys.unitA);
      t.equal(res.statusCode, 422, `deptCode ${deptCode}`);
      t.equal(res.json().errors[0].pointer, '/deptCode');
    }
    const form: Record<string, unknown> = { ...structuredClone(SEED[1]), proCode: 'HIDE-NONE' };
    delete form.deptCode;
    const res = await post(form, keys.unitA);
    t.equal(res.statusCode, 201, "no department in the form: the key's is used");
    t.equal((await get(`/v1/submissions/${res.json().id}`, keys.deptA)).statusCode, 200, 'its department sees it');
  });

  await t.test('the tenant matrix: every role × endpoint × own / other tenant', async (t) => {
    // "own" is tenant A's (unit 209100, department 209), "other" tenant B's (301100, 301).
    const own = { id: ids[1], unit: '209100' };
    const other = { id: idB, unit: '301100' };
    const matrixForm = (unit: string) =>
      unit === '209100' ? { ...structuredClone(SEED[1]), proCode: 'MATRIX-A' } : { ...otherTenantForm(), proCode: 'MATRIX-B' };
    const throwaway = async () => (await createKey(store, { name: 'throwaway', role: 'unit', unit: '999100', region: '140000' }, CLI)).record.id;
    type Cell = { own: number; other: number };
    type Endpoint = { name: string; call: (key: string | undefined, target: typeof own) => Promise<number> };
    const endpoints: Endpoint[] = [
      { name: 'POST /v1/submissions', call: async (k, x) => (await post(matrixForm(x.unit), k)).statusCode },
      { name: 'GET /v1/submissions', call: async (k, x) => (await get(`/v1/submissions?unit=${x.unit}`, k)).statusCode },
      { name: 'GET /v1/submissions/:id', call: async (k, x) => (await get(`/v1/submissions/${x.id}`, k)).statusCode },
      { name: 'GET /v1/submissions/:id/versions/1', call: async (k, x) => (await get(`/v1/submissions/${x.id}/versions/1`, k)).statusCode },
      {
        name: 'POST /v1/rescore',
        call: async (k, x) =>
          (await app.inject({ method: 'POST', url: '/v1/rescore', headers: auth(k), payload: { year: 2022, filter: { unit: x.unit } } })).statusCode,
      },
      { name: 'GET /v1/stats', call: async (k, x) => (await get(`/v1/stats?year=2022&unit=${x.unit}`, k)).statusCode },
      { name: 'GET /v1/stats/disclosure', call: async (k, x) => (await get(`/v1/stats/disclosure?year=2022&unit=${x.unit}`, k)).statusCode },
      { name: 'GET /v1/audit', call: async (k) => (await get('/v1/audit', k)).statusCode },
      { name: 'GET /v1/keys', call: async (k) => (await get('/v1/keys', k)).statusCode },
      {
        name: 'POST /v1/keys',
        call: async (k, x) =>
          (await app.inject({ method: 'POST', url: '/v1/keys', headers: auth(k), payload: { name: 'm', role: 'unit', unit: x.unit, region: '140000' } })).statusCode,
      },
      { name: 'DELETE /v1/keys/:id', call: async (k) => (await app.inject({ method: 'DELETE', url: `/v1/keys/${await throwaway()}`, headers: auth(k) })).statusCode },
    ];
    const c = (o: number, x: number = o): Cell => ({ own: o, other: x });
    const expected: Record<string, Record<string, Cell>> = {
      none: Object.fromEntries(endpoints.map((e) => [e.name, c(401)])),
      unit: {
        'POST /v1/submissions': c(201, 403),
        'GET /v1/submissions': c(200),
        'GET /v1/submissions/:id': c(200, 404),
        'GET /v1/submissions/:id/versions/1': c(200, 404),
        'POST /v1/rescore': c(403),
        'GET /v1/stats': c(403),
        'GET /v1/stats/disclosure': c(200, 404),
        'GET /v1/audit': c(403),
        'GET /v1/keys': c(403),
        'POST /v1/keys': c(403),
        'DELETE /v1/keys/:id': c(403),
      },
      department: {
        'POST /v1/submissions': c(403),
        'GET /v1/submissions': c(200),
        'GET /v1/submissions/:id': c(200, 404),
        'GET /v1/submissions/:id/versions/1': c(200, 404),
        'POST /v1/rescore': c(403),
        'GET /v1/stats': c(403),
        'GET /v1/stats/disclosure': c(200, 404),
        'GET /v1/audit': c(403),
        'GET /v1/keys': c(403),
        'POST /v1/keys': c(403),
        'DELETE /v1/keys/:id': c(403),
      },
      bureau: {
        'POST /v1/submissions': c(403),
        'GET /v1/submissions': c(200),
        'GET /v1/submissions/:id': c(200),
        'GET /v1/submissions/:id/versions/1': c(200),
        'POST /v1/rescore': c(200),
        'GET /v1/stats': c(200),
        'GET /v1/stats/disclosure': c(200),
        'GET /v1/audit': c(200),
        'GET /v1/keys': c(200),
        'POST /v1/keys': c(201),
        'DELETE /v1/keys/:id': c(204),
      },
    };
    const roleKeys: Record<string, string | undefined> = { none: undefined, unit: keys.unitA, department: keys.deptA, bureau: keys.bureau };
    let cells = 0;
    for (const [role, key] of Object.entries(roleKeys)) {
      for (const e of endpoints) {
        const want = expected[role][e.name];
        t.equal(await e.call(key, own), want.own, `${role} × ${e.name} × own`);
        t.equal(await e.call(key, other), want.other, `${role} × ${e.name} × other`);
        cells += 2;
      }
    }
    t.equal(cells, 4 * 11 * 2);
    // The other tenant's unit and department keys see the mirror image.
    t.equal((await get(`/v1/submissions/${idB}`, keys.unitB)).statusCode, 200);
    t.equal((await get(`/v1/submissions/${ids[1]}`, keys.unitB)).statusCode, 404);
    t.equal((await get(`/v1/submissions/${idB}`, keys.deptB)).statusCode, 200);
    t.equal((await get(`/v1/submissions/${ids[1]}`, keys.deptB)).statusCode, 404);
    // 401 for a malformed, an unknown and a revoked key.
    t.equal((await get('/v1/submissions', 'short')).statusCode, 401);
    t.equal((await get('/v1/submissions', 'jx_' + 'A'.repeat(43))).statusCode, 401);
    const r401 = await app.inject({ method: 'GET', url: '/v1/submissions', headers: { authorization: 'Basic abc' } });
    t.equal(r401.statusCode, 401);
    t.equal(r401.headers['www-authenticate'], 'Bearer realm="jixiao"');
    t.equal(r401.headers['content-type'], 'application/problem+json; charset=utf-8');
    const gone = await createKey(store, { name: 'gone', role: 'unit', unit: '209100', region: '140000' }, CLI);
    t.equal((await get('/v1/submissions', gone.key)).statusCode, 200);
    t.equal((await app.inject({ method: 'DELETE', url: `/v1/keys/${gone.record.id}`, headers: auth(keys.bureau) })).statusCode, 204);
    t.equal((await get('/v1/submissions', gone.key)).statusCode, 401, 'a revoked key');
    t.equal((await app.inject({ method: 'DELETE', url: `/v1/keys/${gone.record.id}`, headers: auth(keys.bureau) })).statusCode, 204, 'revoking twice is fine');
    t.equal((await app.inject({ method: 'DELETE', url: '/v1/keys/key_nope', headers: auth(keys.bureau) })).statusCode, 404);
  });

  await t.test('keys over HTTP: shown once, hashed, validated', async (t) => {
    const res = await app.inject({ method: 'POST', url: '/v1/keys', headers: auth(keys.bureau), payload: { name: '人社厅', role: 'department', dept: '209' } });
    t.equal(res.statusCode, 201);
    const made = res.json();
    t.match(made.key, /^jx_[A-Za-z0-9_-]{43}$/);
    const list = (await get('/v1/keys', keys.bureau)).json().items as { id: string; key?: string; prefix: string }[];
    const row = list.find((k) => k.id === made.id)!;
    t.equal(row.key, undefined, 'a listed key carries no key');
    t.equal(row.prefix, made.key.slice(0, 7));
    const rows = await store.db.all<{ key_hash: string }>('SELECT key_hash FROM api_keys');
    t.notOk(rows.some((r) => r.key_hash === made.key), 'only hashes are stored');
    t.ok(rows.every((r) => /^[0-9a-f]{64}$/.test(r.key_hash)));
    const bad = await app.inject({ method: 'POST', url: '/v1/keys', headers: auth(keys.bureau), payload: { name: 'x', role: 'unit' } });
    t.equal(bad.statusCode, 400);
    t.match(bad.json().detail, /单位密钥须指定单位代码/);
    const badEn = await app.inject({
      method: 'POST',
      url: '/v1/keys',
      headers: { ...auth(keys.bureau), 'accept-language': 'en' },
      payload: { name: 'x', role: 'bureau', unit: '1' },
    });
    t.match(badEn.json().detail, /a bureau key takes no --unit/);
    t.equal((await app.inject({ method: 'POST', url: '/v1/keys', headers: auth(keys.bureau), payload: { name: 'x', role: 'king' } })).statusCode, 400);
  });

  await t.test('the audit log has every write, with who and which key', async (t) => {
    const page = (await get('/v1/audit?limit=200', keys.bureau)).json();
    const actions = new Set(page.items.map((a: { action: string }) => a.action));
    for (const a of ['key.bootstrap', 'key.create', 'key.revoke', 'submission.create', 'rescore']) t.ok(actions.has(a), a);
    const sub = page.items.find((a: { action: string; target: string }) => a.action === 'submission.create' && a.target === idB);
    t.equal(sub.role, 'unit');
    t.match(sub.keyId, /^key_/);
    t.equal(sub.detail.version, 1);
    t.match(sub.at, /^\d{4}-\d\d-\d\dT/);
    const filtered = (await get(`/v1/audit?action=rescore&limit=1`, keys.bureau)).json();
    t.equal(filtered.items.length, 1);
    t.ok(filtered.nextCursor);
    const next = (await get(`/v1/audit?action=rescore&limit=1&cursor=${filtered.nextCursor}`, keys.bureau)).json();
    t.ok(next.items[0].id < filtered.items[0].id);
    t.equal((await get(`/v1/audit?target=${idB}`, keys.bureau)).json().items.length, 1);
    t.equal((await get('/v1/audit?cursor=@@', keys.bureau)).statusCode, 400);
    const n = await count(store);
    const writes = (await get('/v1/audit?action=submission.create&limit=200', keys.bureau)).json().items.length;
    t.equal(writes, n.versions, 'one audit row per stored version');
  });
}

/**
 * A database of schema 1 with data in it, upgraded to the latest: nothing lost, the natural key now
 * per unit, unit keys given their department, a submission hidden under a shorter department code
 * put back under its department, foreign keys still enforced.
 */
async function upgradeSuite(t: Test, cfg: StoreConfig): Promise<void> {
  const v1 = openDriver(cfg);
  t.same(await migrate(v1, MIGRATIONS.slice(0, 1)), [1]);
  const now = '2026-01-01T00:00:00.000Z';
  await v1.run(
    `INSERT INTO api_keys (id, name, role, mof_div_code, dept_code, agency_code, key_hash, key_prefix, created_at) VALUES ('key_old', 'old', 'unit', NULL, NULL, '209100', 'h1', 'jx_old', ?)`,
    [now],
  );
  const head = `INSERT INTO submissions (id, mof_div_code, fiscal_year, project_key, pro_code, dept_code, agency_code, pro_name, current_version, created_at, updated_at)
    VALUES (?, '140000', 2022, ?, ?, ?, ?, 'p', 1, ?, ?)`;
  await v1.run(head, ['00000000-0000-4000-8000-000000000001', 'P-1', 'P-1', '209', '209100', now, now]);
  await v1.run(head, ['00000000-0000-4000-8000-000000000002', 'P-2', 'P-2', '2', '209100', now, now]);
  await v1.run(`INSERT INTO submission_versions (submission_id, version, input_json, input_hash, created_at) VALUES (?, 1, '{}', 'x', ?)`, [
    '00000000-0000-4000-8000-000000000001',
    now,
  ]);
  await v1.close();

  const store = await openStore(cfg);
  t.teardown(() => store.close());
  t.equal((await store.info()).schemaVersion, MIGRATIONS[MIGRATIONS.length - 1].version);
  const rows = await store.db.all<{ id: string; dept_code: string }>('SELECT id, dept_code FROM submissions ORDER BY seq');
  t.same(rows.map((r) => r.dept_code), ['209', '209'], 'the hidden submission is back under its department');
  t.equal((await store.listKeys())[0].deptCode, '209', 'an old unit key gets its department');
  t.equal((await store.listKeys())[0].mofDivCode, null, 'and no region: it may read, not submit, until replaced');
  const sameCodeOtherUnit = `INSERT INTO submissions (id, mof_div_code, fiscal_year, project_key, pro_code, dept_code, agency_code, pro_name, current_version, created_at, updated_at)
    VALUES (?, '140000', 2022, 'P-1', 'P-1', '301', ?, 'p', 1, ?, ?)`;
  await store.db.run(sameCodeOtherUnit, ['00000000-0000-4000-8000-000000000003', '301100', now, now]);
  await t.rejects(store.db.run(sameCodeOtherUnit, ['00000000-0000-4000-8000-000000000004', '301100', now, now]), { name: 'StoreConflictError' }, 'unique per unit');
  await t.rejects(
    store.db.run(`INSERT INTO submission_versions (submission_id, version, input_json, input_hash, created_at) VALUES ('nope', 1, '{}', 'x', ?)`, [now]),
    'foreign keys are still enforced',
  );
  const seq = await store.db.get<{ id: string }>(
    `INSERT INTO submissions (id, mof_div_code, fiscal_year, project_key, pro_code, dept_code, agency_code, pro_name, current_version, created_at, updated_at)
     VALUES ('00000000-0000-4000-8000-000000000005', '140000', 2022, 'P-9', 'P-9', '209', '209100', 'p', 1, ?, ?) RETURNING seq AS id`,
    [now, now],
  );
  t.ok(Number(seq!.id) > 3, 'the sequence goes on after the rebuild');
}

t.test('a unit never learns about another unit, over a real socket', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'jx-store-sock-'));
  const store = await openStore({ dataDir: dir });
  const ctx = await setup(store);
  t.teardown(async () => {
    await ctx.app.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });
  await ctx.app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(ctx.app.server.address() as { port: number }).port}`;
  const call = async (method: string, path: string, key: string, body?: unknown) => {
    const res = await fetch(base + path, {
      method,
      headers: { authorization: `Bearer ${key}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    return { status: res.status, body: (await res.json()) as Record<string, any> };
  };
  // B files first under a project code; A then files its own project of the same code.
  const b = await call('POST', '/v1/submissions', ctx.keys.unitB, { ...otherTenantForm(), proCode: 'SOCK-1' });
  t.equal(b.status, 201);
  const a = await call('POST', '/v1/submissions', ctx.keys.unitA, { ...structuredClone(SEED[0]), proCode: 'SOCK-1' });
  t.equal(a.status, 201, 'not 403: the code being taken elsewhere is no business of A');
  t.equal(a.body.created, true);
  const fresh = await call('POST', '/v1/submissions', ctx.keys.unitA, { ...structuredClone(SEED[0]), proCode: 'SOCK-NEW' });
  t.equal(fresh.status, a.status, 'a taken code and a new code answer alike');
  t.same(Object.keys(fresh.body).sort(), Object.keys(a.body).sort());
  const peek = await call('GET', `/v1/submissions/${b.body.id}`, ctx.keys.unitA);
  t.equal(peek.status, 404);
  const missing = await call('GET', '/v1/submissions/00000000-0000-4000-8000-00000000dead', ctx.keys.unitA);
  t.same({ ...peek.body, detail: '', instance: '' }, { ...missing.body, detail: '', instance: '' }, "another unit's record looks like a missing one");
  t.equal((await call('GET', `/v1/submissions/${b.body.id}/versions/1`, ctx.keys.unitA)).status, 404);
  t.equal((await call('GET', '/v1/submissions?unit=301100', ctx.keys.unitA)).body.items.length, 0);
  t.equal((await call('GET', '/v1/stats/disclosure?year=2022&unit=301100', ctx.keys.unitA)).status, 404);
  t.equal((await call('GET', `/v1/submissions/${b.body.id}`, ctx.keys.unitB)).body.currentVersion, 1, "B's project is untouched");
  // Another region's form with A's own unit code: the key is bound to 140000.
  const elsewhere = await call('POST', '/v1/submissions', ctx.keys.unitA, { ...structuredClone(SEED[0]), proCode: 'SOCK-2', mofDivCode: '510000' });
  t.equal(elsewhere.status, 403);
  const hide = await call('POST', '/v1/submissions', ctx.keys.unitA, { ...structuredClone(SEED[0]), proCode: 'SOCK-3', deptCode: '2091' });
  t.equal(hide.status, 422);
  t.equal(hide.body.errors[0].pointer, '/deptCode');
});

t.test('upgrade of a schema-1 database (SQLite)', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'jx-store-up-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  await upgradeSuite(t, { dataDir: dir });
});

t.test('upgrade of a schema-1 database (PostgreSQL)', { skip: PG_SKIP }, async (t) => {
  const db = await freshPgDatabase();
  t.teardown(() => db.drop());
  await upgradeSuite(t, { dataDir: '', databaseUrl: db.url });
});

t.test('SQLite', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'jx-store-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  await suite(t, () => openStore({ dataDir: dir }));
});

t.test('PostgreSQL', { skip: PG_SKIP }, async (t) => {
  const db = await freshPgDatabase();
  t.teardown(() => db.drop());
  await suite(t, () => openStore({ dataDir: '', databaseUrl: db.url }));
});
