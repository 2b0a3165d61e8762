/**
 * The tenant matrix, over a real socket: two regions, two departments each, two units each; a
 * unit key per unit, a department key and a department reviewer per department, a bureau key and
 * a bureau reviewer per region (region-bound), one unbound bureau key. Each unit stores projects
 * (with versions) and a 部门整体支出 form, the reviewers review, every key posts a job (the bureau
 * keys also with store=true). Then every route of the service's own /openapi.json is asked by
 * every key (and no key) about every object of another tenant:
 *   - a route with an object in its path answers exactly what it answers for an object that does
 *     not exist (same status, same body but the id; 404 where the role may call it), also with
 *     that object's ETag in If-None-Match (never a 304), and writes nothing;
 *   - a route without one (lists, statistics, disclosure, inflation, what-if, audit, keys, the
 *     scoring routes) answers nothing that names another tenant's object, whatever filter or
 *     cursor (another key's) it is given;
 *   - nobody is locked out: a unit submitting under a project code, eval_id or Idempotency-Key
 *     another unit used first gets the answer a fresh one gets;
 *   - the writes of the bureau's tools (re-score, keys, store=true jobs) stay in the key's region.
 * A documented route that no rule below covers fails the test: a new route gets its row here.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t from 'tap';
import { createKey } from '../src/auth/keys.js';
import { buildApp } from '../src/http/app.js';
import { callbackSecret } from '../src/jobs/callback.js';
import { openStore } from '../src/store/index.js';
import type { Role } from '../src/store/types.js';
import { seed, type Json } from './support/forms.js';
import { listen } from './support/socket.js';

// About ten thousand requests on a shared 2-core machine: sized by work, the bound is generous.
t.setTimeout(20 * 60_000);

const CLI = { keyId: null, name: 'test', role: 'cli' as const };
const REGIONS = ['140000', '510000'] as const;
const DEPTS = ['209', '301'] as const;
const unitsOf = (d: string) => [`${d}100`, `${d}200`];
const DEPT_FORM = JSON.parse(readFileSync(new URL('./fixtures/department/complete-2023.json', import.meta.url), 'utf8')) as Json;

interface Key {
  label: string;
  key: string | null;
  id: string | null;
  role: Role | 'none';
  region: string | null;
  dept: string | null;
  unit: string | null;
}

/** Where a stored object lives. */
interface Place {
  region: string;
  dept: string;
  unit: string;
}

interface Sub extends Place {
  id: string;
  /** A text that appears only in this submission (its names). */
  tag: string;
  versions: number;
  etag?: string;
}

interface Review extends Place {
  id: string;
  etag?: string;
}

interface Job {
  id: string;
  owner: Key;
  proCode: string;
  /** Texts only this job's answers carry. */
  marks: string[];
}

/** The README's tenancy, written out here (not src/auth's scopeOf): who may read a record. */
function sees(k: Key, p: Place): boolean {
  if (k.role === 'none') return false;
  if (k.region !== null && k.region !== p.region) return false;
  if (k.role === 'unit') return k.unit === p.unit;
  if (k.role === 'department') return k.dept === p.dept;
  if (k.role === 'reviewer' && k.dept !== null) return k.dept === p.dept;
  return true; // bureau, bureau reviewer (within their region when bound)
}

interface Answer {
  status: number;
  headers: Headers;
  text: string;
}

interface Ask {
  method: string;
  path: string;
  key: Key;
  json?: unknown;
  ndjson?: string;
  headers?: Record<string, string>;
}

t.test('a tenant never sees, changes or blocks another (every documented route × every key)', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-tenant-'));
  const store = await openStore({ dataDir: dir });
  const app = await buildApp({ config: { logLevel: 'silent', rateLimitMax: 0, rateLimitKeyMax: 0, jobIdleMs: 20, callbackOrigins: ['http://127.0.0.1:9'], callbackMaxAttempts: 1 }, store });
  t.teardown(async () => {
    await app.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const port = await listen(app);
  const base = `http://127.0.0.1:${port}`;
  let asked = 0;
  const ask = async (a: Ask): Promise<Answer> => {
    const headers: Record<string, string> = { ...a.headers };
    if (a.key.key) headers.authorization = `Bearer ${a.key.key}`;
    let body: string | undefined;
    if (a.json !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(a.json);
    } else if (a.ndjson !== undefined) {
      headers['content-type'] = 'application/x-ndjson';
      body = a.ndjson;
    }
    const r = await fetch(base + a.path, { method: a.method, headers, body });
    asked++;
    return { status: r.status, headers: r.headers, text: await r.text() };
  };
  /** Runs `tasks` a few at a time (a handful of connections, as clients would). */
  const all = async <T>(tasks: (() => Promise<T>)[], width = 6): Promise<T[]> => {
    const out: T[] = new Array(tasks.length);
    let next = 0;
    await Promise.all(
      Array.from({ length: width }, async () => {
        while (next < tasks.length) {
          const i = next++;
          out[i] = await tasks[i]();
        }
      }),
    );
    return out;
  };

  // ---- keys --------------------------------------------------------------------------------------
  const keys: Key[] = [];
  const make = async (label: string, role: Role, spec: { region?: string; dept?: string; unit?: string }) => {
    const { key, record } = await createKey(store, { name: label, role, ...spec }, CLI);
    const k: Key = { label, key, id: record.id, role, region: spec.region ?? null, dept: role === 'unit' ? record.deptCode : spec.dept ?? null, unit: spec.unit ?? null };
    keys.push(k);
    return k;
  };
  const root = await make('bureau *', 'bureau', {});
  for (const region of REGIONS) {
    await make(`bureau ${region}`, 'bureau', { region });
    await make(`bureau reviewer ${region}`, 'reviewer', { region });
    for (const dept of DEPTS) {
      await make(`department ${region}/${dept}`, 'department', { region, dept });
      await make(`reviewer ${region}/${dept}`, 'reviewer', { region, dept });
      for (const unit of unitsOf(dept)) await make(`unit ${region}/${unit}`, 'unit', { region, unit });
    }
  }
  const NOBODY: Key = { label: 'no key', key: null, id: null, role: 'none', region: null, dept: null, unit: null };
  const unitKeys = keys.filter((k) => k.role === 'unit');
  const unitKey = (p: Place) => unitKeys.find((k) => k.region === p.region && k.unit === p.unit)!;
  // Victims of DELETE /v1/keys/:id, one per region (revoking them harms nobody else's test).
  const victims: Key[] = [];
  for (const region of REGIONS) {
    const { key, record } = await createKey(store, { name: `victim ${region}`, role: 'unit', unit: '999100', region }, CLI);
    victims.push({ label: `victim ${region}`, key, id: record.id, role: 'unit', region, dept: '999', unit: '999100' });
  }

  // ---- data --------------------------------------------------------------------------------------
  const subs: Sub[] = [];
  const projectForm = (p: Place, code: string, name: string, evalId: string): Json => ({
    ...seed('01-jingban'),
    mofDivCode: p.region,
    deptCode: p.dept,
    agencyCode: p.unit,
    agencyName: `单位T${p.region}${p.unit}`,
    proCode: code,
    proName: `${name}T${p.region}${p.unit}`,
    id: evalId,
  });
  const submitted = async (k: Key, form: Json, idem?: string) => {
    const r = await ask({ method: 'POST', path: '/v1/submissions', key: k, json: form, headers: idem ? { 'idempotency-key': idem } : {} });
    return { ...r, body: JSON.parse(r.text) as { id: string; version: number; created: boolean; duplicate: boolean } };
  };
  const lockOut: string[] = [];
  for (const region of REGIONS) {
    for (const dept of DEPTS) {
      for (const unit of unitsOf(dept)) {
        const p: Place = { region, dept, unit };
        const k = unitKey(p);
        // Its own project, two versions.
        const v1 = await submitted(k, projectForm(p, `P${region}${unit}`, '项目', `E${region}${unit}-1`));
        t.equal(v1.status, 201, `${k.label} submits`);
        const v2form = projectForm(p, `P${region}${unit}`, '项目', `E${region}${unit}-2`);
        (v2form.goals as Json[])[0].completion = '第二版';
        const v2 = await submitted(k, v2form);
        t.equal(v2.body.version, 2, `${k.label}: a second version`);
        subs.push({ ...p, id: v1.body.id, tag: `项目T${region}${unit}`, versions: 2 });
        // The same project code, eval_id and Idempotency-Key as every other unit: each gets the
        // answer of a fresh project (201, version 1, a record of its own, not a replay).
        const shared = await submitted(k, projectForm(p, 'SHARED000000001', '共享', 'E-SHARED'), 'idem-shared');
        const fresh = await submitted(k, projectForm(p, `F${region}${unit}`, '新项目', `EF${region}${unit}`), `idem-fresh-${region}${unit}`);
        const shape = (a: typeof shared) => [a.status, a.body.version, a.body.created, a.body.duplicate, a.headers.get('idempotent-replayed')];
        if (JSON.stringify(shape(shared)) !== JSON.stringify(shape(fresh))) {
          lockOut.push(`${k.label}: shared code/eval_id/Idempotency-Key → ${JSON.stringify(shape(shared))}, fresh → ${JSON.stringify(shape(fresh))}`);
        }
        t.notOk(subs.some((s) => s.id === shared.body.id), `${k.label}: the shared code is a record of its own`);
        subs.push({ ...p, id: shared.body.id, tag: `共享T${region}${unit}`, versions: 1 });
        subs.push({ ...p, id: fresh.body.id, tag: `新项目T${region}${unit}`, versions: 1 });
        // Its 部门整体支出 form (project key dept:DEPT in every unit).
        const dform = { ...structuredClone(DEPT_FORM), mofDivCode: region, deptCode: dept, agencyCode: unit, agencyName: `单位T${region}${unit}部门`, deptName: `部门T${region}${dept}` };
        const d = await submitted(k, dform);
        t.equal(d.status, 201, `${k.label}: its department form`);
        t.equal(d.body.version, 1, `${k.label}: its department form is its own (version 1)`);
        subs.push({ ...p, id: d.body.id, tag: `单位T${region}${unit}部门`, versions: 1 });
      }
    }
  }
  t.equal(lockOut.join('\n'), '', 'no unit is locked out by a code, eval_id or Idempotency-Key another unit used first');

  // Reviews: each department's reviewer reviews its first unit's project, each region's bureau
  // reviewer its second unit's.
  const reviews: Review[] = [];
  for (const k of keys.filter((x) => x.role === 'reviewer')) {
    for (const s of subs.filter((x) => x.tag.startsWith('项目') && sees(k, x))) {
      if (k.dept !== null ? !s.unit.endsWith('100') : !s.unit.endsWith('200')) continue;
      const r = await ask({ method: 'POST', path: `/v1/submissions/${s.id}/versions/1/reviews`, key: k, json: { grade: 2, conclusion: `复核T${s.region}${s.unit}` } });
      t.equal(r.status, 201, `${k.label} reviews ${s.tag}`);
      reviews.push({ region: s.region, dept: s.dept, unit: s.unit, id: (JSON.parse(r.text) as { id: string }).id });
    }
  }
  t.equal(reviews.length, REGIONS.length * DEPTS.length * 2, 'every reviewer reviewed (a department\'s its first unit, a region\'s its second units)');

  // Jobs: every key posts one (the bureau keys also a store=true one for a unit of their region).
  const jobs: Job[] = [];
  const postJob = async (k: Key, forms: Json[], query = '') => {
    const r = await ask({ method: 'POST', path: `/v1/jobs${query}`, key: k, ndjson: forms.map((f) => JSON.stringify(f)).join('\n') + '\n' });
    t.equal(r.status, 202, `${k.label} posts a job ${query}`);
    return (JSON.parse(r.text) as { id: string }).id;
  };
  for (const [i, k] of keys.entries()) {
    const proCode = `JOBCODE${String(i).padStart(3, '0')}X`;
    const form = { ...seed('02-dangan'), proCode, proName: `作业T${proCode}`, id: `EJ${i}` };
    const id = await postJob(k, [form]);
    jobs.push({ id, owner: k, proCode, marks: [id, proCode] });
  }
  {
    // A job with a callback: the server keeps the key's derived secret on it; nobody else may ever read it.
    const form = { ...seed('03-dalou'), proCode: 'CALLBACKJOB01X', proName: '回调作业', id: 'EJCB' };
    const id = await postJob(root, [form], '?callback=' + encodeURIComponent('http://127.0.0.1:9/hook'));
    jobs.push({ id, owner: root, proCode: 'CALLBACKJOB01X', marks: [id, 'CALLBACKJOB01X', callbackSecret(root.key!)] });
  }
  for (const k of keys.filter((x) => x.role === 'bureau' && x.region !== null)) {
    const p: Place = { region: k.region!, dept: '209', unit: '209100' };
    const stored = projectForm(p, `S${p.region}`, '入库', `ES${p.region}`);
    const other = projectForm({ ...p, region: REGIONS.find((r) => r !== k.region)! }, `X${p.region}`, '越区', `EX${p.region}`);
    // A unit of the key's region placed under another department (where that department would read it).
    const moved = { ...projectForm(p, `Y${p.region}`, '错部门', `EY${p.region}`), deptCode: '301' };
    const id = await postJob(k, [stored, other, moved], '?store=true');
    jobs.push({ id, owner: k, proCode: `S${p.region}`, marks: [id] });
  }
  const state = async (j: Job) => (JSON.parse((await ask({ method: 'GET', path: `/v1/jobs/${j.id}`, key: j.owner })).text) as { state: string }).state;
  for (const j of jobs) {
    for (let n = 0; (await state(j)) !== 'done'; n++) {
      if (n > 3000) throw new Error(`job ${j.id} never finished`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }
  for (const j of jobs.filter((x) => x.marks.length === 1)) {
    const counts = (JSON.parse((await ask({ method: 'GET', path: `/v1/jobs/${j.id}`, key: j.owner })).text) as { counts: unknown }).counts;
    t.match(counts, { pending: 0, done: 1, failed: 2 }, `${j.owner.label}: the forms of another region and of a moved unit are failed lines`);
  }
  // What the store=true jobs stored: the project of the key's region only.
  for (const region of REGIONS) {
    const list = JSON.parse((await ask({ method: 'GET', path: `/v1/submissions?proCode=S${region}`, key: root })).text) as { items: { id: string; mofDivCode: string }[] };
    t.equal(list.items.length, 1, `the store=true job of bureau ${region} stored its own region's form`);
    subs.push({ region, dept: '209', unit: '209100', id: list.items[0].id, tag: `入库T${region}209100`, versions: 1 });
    const other = JSON.parse((await ask({ method: 'GET', path: `/v1/submissions?proCode=X${region}`, key: root })).text) as { items: unknown[] };
    t.equal(other.items.length, 0, `the store=true job of bureau ${region} stored nothing in another region`);
    const moved = JSON.parse((await ask({ method: 'GET', path: `/v1/submissions?proCode=Y${region}`, key: root })).text) as { items: unknown[] };
    t.equal(moved.items.length, 0, `the store=true job of bureau ${region} placed no unit under another department`);
  }

  // The ETag each object has for someone who may see it.
  for (const s of subs) s.etag = (await ask({ method: 'GET', path: `/v1/submissions/${s.id}`, key: root })).headers.get('etag') ?? undefined;
  for (const r of reviews) r.etag = (await ask({ method: 'GET', path: `/v1/reviews/${r.id}`, key: root })).headers.get('etag') ?? undefined;
  t.ok(subs.every((s) => s.etag) && reviews.every((r) => r.etag), 'every object has an ETag');

  /** What key k must never read: the names and ids of what it may not see, other keys' jobs. */
  const foreignMarks = (k: Key, withJobs = true): string[] => [
    ...subs.filter((s) => !sees(k, s)).flatMap((s) => [s.tag, s.id]),
    ...reviews.filter((r) => !sees(k, r)).flatMap((r) => [r.id, `复核T${r.region}${r.unit}`]),
    ...(withJobs ? jobs.filter((j) => j.owner !== k).flatMap((j) => j.marks) : []),
    // A department's name (on its units' 部门整体支出 forms) where k sees nothing of that department.
    ...REGIONS.flatMap((region) => DEPTS.filter((dept) => !subs.some((s) => s.region === region && s.dept === dept && sees(k, s))).map((dept) => `部门T${region}${dept}`)),
  ];
  const leaks: string[] = [];
  const noLeak = (k: Key, what: string, a: Answer, marks = foreignMarks(k)) => {
    if (a.status >= 500) leaks.push(`${what} (${k.label}) → ${a.status}`);
    const hit = marks.find((m) => a.text.includes(m));
    if (hit) leaks.push(`${what} (${k.label}) → ${a.status}, names ${hit}: ${a.text.slice(0, 200)}`);
  };

  // ---- the routes --------------------------------------------------------------------------------
  const doc = JSON.parse((await ask({ method: 'GET', path: '/openapi.json', key: NOBODY })).text) as { paths: Record<string, Record<string, unknown>> };
  const ops: { method: string; path: string }[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const m of Object.keys(item)) if (['get', 'post', 'put', 'patch', 'delete'].includes(m)) ops.push({ method: m.toUpperCase(), path });
  }
  // The page's own route, hidden from the contract.
  ops.push({ method: 'GET', path: '/ui/session' });
  t.ok(ops.length >= 38, `${ops.length} operations`);
  const askers = [NOBODY, ...keys];

  /** Objects of a path with parameters: how to fill it for one object, and for one that does not exist. */
  interface ObjectRule {
    objects: (k: Key) => { id: string; fill: (path: string) => string; etag?: string; missing: (path: string) => string; foreignId: string }[];
  }
  /** The id of an object that does not exist (its answers are asked once per key, route and headers). */
  const MISSING = randomUUID();
  const missingAnswers = new Map<string, Promise<Answer>>();
  const fillWith = (vals: Record<string, string>) => (path: string) => path.replace(/\{([^}]+)\}/g, (_m, name: string) => vals[name] ?? 'x');
  const RULES: { match: RegExp; rule: ObjectRule }[] = [
    {
      match: /^\/v1\/submissions\/\{id\}/,
      rule: {
        objects: (k) =>
          subs
            .filter((s) => !sees(k, s))
            .map((s) => {
              return { id: s.id, foreignId: s.id, etag: s.etag, fill: fillWith({ id: s.id, n: String(s.versions) }), missing: fillWith({ id: MISSING, n: String(s.versions) }) };
            }),
      },
    },
    {
      match: /^\/v1\/reviews\/\{rid\}/,
      rule: {
        objects: (k) =>
          reviews
            .filter((r) => !sees(k, r))
            .map((r) => ({ id: r.id, foreignId: r.id, etag: r.etag, fill: fillWith({ rid: r.id, v: '1' }), missing: fillWith({ rid: MISSING, v: '1' }) })),
      },
    },
    {
      match: /^\/v1\/jobs\/\{id\}/,
      rule: {
        objects: (k) =>
          jobs
            .filter((j) => j.owner !== k)
            .map((j) => ({ id: j.id, foreignId: j.id, fill: fillWith({ id: j.id, proCode: j.proCode }), missing: fillWith({ id: MISSING, proCode: j.proCode }) })),
      },
    },
    {
      match: /^\/v1\/keys\/\{id\}/,
      rule: {
        // Only a bureau key may call it at all; a region-bound one must not reach another region's keys.
        objects: (k) =>
          victims
            .filter((v) => k.role !== 'bureau' || (k.region !== null && k.region !== v.region))
            .map((v) => ({ id: v.id!, foreignId: v.id!, fill: fillWith({ id: v.id! }), missing: fillWith({ id: 'key_000000000000' }) })),
      },
    },
    // Policies are the same for everybody: no tenant object.
    { match: /^\/v1\/policies\/\{id\}/, rule: { objects: () => [] } },
  ];

  const mismatches: string[] = [];
  const neutral = (a: Answer, id: string, path: string) => a.text.split(path).join('PATH').split(id).join('ID');
  let objectRequests = 0;
  const paramOps = ops.filter((o) => o.path.includes('{'));
  const uncovered = paramOps.filter((o) => !RULES.some((r) => r.match.test(o.path)));
  t.same(uncovered, [], 'every documented route with an object in its path has a rule here');
  for (const op of paramOps) {
    const rule = RULES.find((r) => r.match.test(op.path))?.rule;
    if (!rule) continue;
    const body = op.method === 'POST' ? { grade: 1, conclusion: '越权复核' } : undefined;
    for (const k of askers) {
      const tasks = rule.objects(k).flatMap((o) => {
        const variants: Record<string, string>[] = [{}];
        if (op.method === 'GET' && o.etag) variants.push({ 'if-none-match': o.etag }, { 'if-none-match': '*' });
        return variants.map((headers) => async () => {
          const foreignPath = o.fill(op.path);
          const missingPath = o.missing(op.path);
          const a = await ask({ method: op.method, path: foreignPath, key: k, json: body, headers });
          objectRequests++;
          const once = `${k.label} ${op.method} ${missingPath} ${JSON.stringify(headers)}`;
          if (!missingAnswers.has(once)) {
            objectRequests++;
            missingAnswers.set(once, ask({ method: op.method, path: missingPath, key: k, json: body, headers }));
          }
          const b = await missingAnswers.get(once)!;
          const what = `${op.method} ${op.path} ${JSON.stringify(headers)}`;
          // What the caller itself sent (the id in the path, echoed in detail and instance) is no leak.
          noLeak(k, what, a, foreignMarks(k).filter((m) => !foreignPath.includes(m)));
          const missId = missingPath.split('/').find((seg) => !foreignPath.split('/').includes(seg)) ?? '';
          if (a.status !== b.status || neutral(a, o.foreignId, foreignPath) !== neutral(b, missId, missingPath)) {
            mismatches.push(`${what} (${k.label}) another tenant's → ${a.status} ${a.text.slice(0, 160)} | missing → ${b.status} ${b.text.slice(0, 160)}`);
          } else if (k.role !== 'none' && b.status !== 404 && b.status !== 403 && b.status !== 400) {
            mismatches.push(`${what} (${k.label}) → ${b.status} for a missing object`);
          }
        });
      });
      await all(tasks);
    }
  }
  t.equal(mismatches.join('\n'), '', `another tenant's object answers like a missing one (${objectRequests} requests)`);

  // Nothing written by those requests: no review, no cancelled job, no revoked key.
  const reviewCount = (JSON.parse((await ask({ method: 'GET', path: '/v1/reviews?limit=500', key: root })).text) as { items: unknown[] }).items.length;
  t.equal(reviewCount, reviews.length, 'no review was written on another tenant\'s submission');
  for (const j of jobs) t.equal(await state(j), 'done', `job of ${j.owner.label} untouched`);
  for (const v of victims) t.equal((await ask({ method: 'GET', path: '/ui/session', key: v })).status, 200, `${v.label} not revoked by another region`);

  // ---- routes without an object in the path: filters, cursors, tools ------------------------------
  const cursorOf = async (path: string, k: Key) => {
    const a = await ask({ method: 'GET', path, key: k });
    return a.status === 200 ? ((JSON.parse(a.text) as { next?: string | null }).next ?? null) : null;
  };
  const rootCursors: Record<string, string | null> = {
    '/v1/submissions': await cursorOf('/v1/submissions?limit=1', root),
    '/v1/reviews': await cursorOf('/v1/reviews?limit=1', root),
    '/v1/audit': await cursorOf('/v1/audit?limit=1', root),
    '/v1/keys': await cursorOf('/v1/keys?limit=1', root),
    '/v1/jobs': await cursorOf('/v1/jobs?limit=1', root),
  };
  /** Representative foreign places of a key: the same codes in the other region, another department, another unit. */
  const foreignPlaces = (k: Key): Place[] => {
    const out: Place[] = [];
    for (const region of REGIONS) for (const dept of DEPTS) for (const unit of unitsOf(dept)) if (!sees(k, { region, dept, unit })) out.push({ region, dept, unit });
    const pick = (f: (p: Place) => boolean) => out.find(f);
    return [
      pick((p) => p.region !== k.region && p.unit === (k.unit ?? '209100')),
      pick((p) => p.region === (k.region ?? '140000') && p.dept !== (k.dept ?? '209')),
      pick((p) => p.region === (k.region ?? '140000') && p.dept === (k.dept ?? '209')),
    ].filter((p): p is Place => p !== undefined);
  };
  const q = (o: Record<string, string | number | undefined>) =>
    '?' + new URLSearchParams(Object.entries(o).flatMap(([a, b]): [string, string][] => (b === undefined ? [] : [[a, String(b)]]))).toString();
  const seedForm = seed('01-jingban');
  /** Whether a unit / department code names something k may see (then asking for it is no probe of another tenant). */
  const ownUnit = (k: Key, unit: string) => subs.some((s) => sees(k, s) && s.unit === unit);
  const ownDept = (k: Key, dept: string) => subs.some((s) => sees(k, s) && s.dept === dept);
  const unlessOwn = <T>(own: boolean, x: T): T | undefined => (own ? undefined : x);
  type Probe = (k: Key, f: Place | null) => (Omit<Ask, 'key'> & { marks?: string[]; sameAs?: Omit<Ask, 'key'> })[];
  const listProbe =
    (path: string, filters: (f: Place) => Record<string, string | number | undefined>[]): Probe =>
    (_k, f) => [
      { method: 'GET', path: `${path}?limit=500` },
      ...(rootCursors[path] ? [{ method: 'GET', path: `${path}${q({ limit: 500, cursor: rootCursors[path]! })}` }] : []),
      ...(f ? filters(f).map((o) => ({ method: 'GET', path: path + q({ limit: 500, ...o }) })) : []),
    ];
  const placeFilters = (f: Place): Record<string, string>[] => [{ region: f.region }, { department: f.dept }, { unit: f.unit }, { region: f.region, department: f.dept, unit: f.unit }];
  const PROBES: Record<string, Probe> = {
    'GET /healthz': () => [{ method: 'GET', path: '/healthz' }],
    'GET /readyz': () => [{ method: 'GET', path: '/readyz' }],
    'GET /metrics': () => [{ method: 'GET', path: '/metrics' }],
    'GET /v1/policies': () => [{ method: 'GET', path: '/v1/policies' }],
    'POST /v1/score': () => [{ method: 'POST', path: '/v1/score', json: seedForm }, { method: 'POST', path: '/v1/score?shape=standard', json: seedForm }],
    'POST /v1/score/batch': () => [{ method: 'POST', path: '/v1/score/batch', json: [seedForm] }],
    'POST /v1/targets/check': () => [{ method: 'POST', path: '/v1/targets/check', json: { targets: ['≥95%'] } }],
    'POST /v1/import': () => [{ method: 'POST', path: '/v1/import', json: seedForm }],
    'POST /v1/export': () => [{ method: 'POST', path: '/v1/export?format=html', json: seedForm }],
    'POST /v1/narrative': () => [{ method: 'POST', path: '/v1/narrative', json: seedForm }],
    // The lock-out cases are above; here: a form of another unit is refused alike whether that unit stored the code or not.
    'POST /v1/submissions': (_k, f) =>
      f
        ? [
            {
              method: 'POST',
              path: '/v1/submissions',
              json: projectForm(f, `P${f.region}${f.unit}`, '项目', `E${f.region}${f.unit}-1`),
              sameAs: { method: 'POST', path: '/v1/submissions', json: projectForm(f, `Q${f.region}${f.unit}`, '项目', `EQ${f.region}${f.unit}`) },
            },
          ]
        : [],
    'GET /v1/submissions': listProbe('/v1/submissions', (f) => [...placeFilters(f), { proCode: `P${f.region}${f.unit}` }, { proCode: 'SHARED000000001' }, { year: 2023 }]),
    'GET /v1/reviews': listProbe('/v1/reviews', (f) => [
      ...placeFilters(f),
      ...subs.filter((s) => s.unit === f.unit && s.region === f.region).map((s) => ({ submission: s.id })),
      { level: 'department' },
      { level: 'bureau' },
    ]),
    'POST /v1/rescore': () => [], // a write: below
    'GET /v1/stats': listProbe('/v1/stats', (f) => [...placeFilters(f), { year: 2022, region: f.region }, { year: 2023 }]),
    'GET /v1/stats/disclosure': (k, f) =>
      f ? [{ method: 'GET', path: `/v1/stats/disclosure${q({ year: 2022, unit: f.unit })}`, sameAs: unlessOwn(ownUnit(k, f.unit), { method: 'GET', path: `/v1/stats/disclosure${q({ year: 2022, unit: '888100' })}` }) }] : [],
    'GET /v1/stats/disclosure/document': (k, f) =>
      f
        ? [
            {
              method: 'GET',
              path: `/v1/stats/disclosure/document${q({ year: 2022, unit: f.unit })}`,
              sameAs: unlessOwn(ownUnit(k, f.unit), { method: 'GET', path: `/v1/stats/disclosure/document${q({ year: 2022, unit: '888100' })}` }),
            },
            {
              method: 'GET',
              path: `/v1/stats/disclosure/document${q({ year: 2023, department: f.dept })}`,
              sameAs: unlessOwn(ownDept(k, f.dept), { method: 'GET', path: `/v1/stats/disclosure/document${q({ year: 2023, department: '888' })}` }),
            },
          ]
        : [],
    'POST /v1/stats/disclosure/document': (k, f) =>
      f
        ? [
            {
              method: 'POST',
              path: '/v1/stats/disclosure/document',
              json: { year: 2022, unit: f.unit },
              sameAs: unlessOwn(ownUnit(k, f.unit), { method: 'POST', path: '/v1/stats/disclosure/document', json: { year: 2022, unit: '888100' } }),
            },
          ]
        : [],
    'GET /v1/stats/inflation': (_k, f) => [
      { method: 'GET', path: '/v1/stats/inflation?year=2022' },
      { method: 'GET', path: '/v1/stats/inflation?year=2023' },
      ...(f ? [{ method: 'GET', path: `/v1/stats/inflation${q({ year: 2022, region: f.region })}` }] : []),
    ],
    'POST /v1/whatif': (_k, f) => [
      { method: 'POST', path: '/v1/whatif', json: { year: 2022, policy: 'national-2020' } },
      { method: 'POST', path: '/v1/whatif', json: { year: 2023, policy: 'national-2020' } },
      ...(f ? [{ method: 'POST', path: '/v1/whatif', json: { year: 2022, policy: 'national-2020', filter: { region: f.region, department: f.dept, unit: f.unit } } }] : []),
    ],
    'GET /v1/audit': listProbe('/v1/audit', () => subs.slice(0, 4).map((s) => ({ target: s.id }))),
    'GET /v1/keys': listProbe('/v1/keys', () => []),
    'POST /v1/keys': () => [], // a write: below
    'POST /v1/jobs': () => [], // posted above by every key
    'GET /v1/jobs': listProbe('/v1/jobs', () => []),
    'POST /v1/jobs/callback-secret': () => [{ method: 'POST', path: '/v1/jobs/callback-secret' }],
    'GET /ui/session': () => [{ method: 'GET', path: '/ui/session' }],
  };
  /** Keys and key ids a region-bound bureau must not see (other regions' and unbound keys). */
  const keyMarks = (k: Key): string[] =>
    k.role === 'bureau' && k.region !== null ? [...keys, ...victims].filter((x) => x.region !== k.region).flatMap((x) => [x.id!, x.label]) : [];
  const plainOps = ops.filter((o) => !o.path.includes('{'));
  t.same(
    plainOps.map((o) => `${o.method} ${o.path}`).filter((o) => !(o in PROBES)),
    [],
    'every documented route without an object in its path has a probe here',
  );
  let plainRequests = 0;
  const sameAsFailures: string[] = [];
  for (const op of plainOps) {
    const probe = PROBES[`${op.method} ${op.path}`];
    if (!probe) continue;
    for (const k of askers) {
      const places = foreignPlaces(k);
      const asks = [...probe(k, null), ...places.flatMap((f) => probe(k, f))];
      const marks = [...foreignMarks(k, !(op.path === '/v1/audit' && k === root)), ...(op.path === '/v1/keys' || op.path === '/v1/audit' ? keyMarks(k) : [])];
      await all(
        asks.map((a) => async () => {
          const r = await ask({ ...a, key: k });
          plainRequests++;
          noLeak(k, `${a.method} ${a.path} ${a.json ? JSON.stringify(a.json).slice(0, 80) : ''}`, r, marks);
          if (a.sameAs) {
            const s = await ask({ ...a.sameAs, key: k });
            plainRequests++;
            if (r.status !== s.status) sameAsFailures.push(`${a.method} ${a.path} (${k.label}) → ${r.status}, for nothing stored → ${s.status}`);
          }
          if (op.path === '/v1/jobs/callback-secret' && k.key && r.status === 200) {
            t.equal((JSON.parse(r.text) as { secret: string }).secret, callbackSecret(k.key), `${k.label}: its own callback secret`);
          }
          if (op.path === '/ui/session' && k.key && r.status === 200) {
            t.equal((JSON.parse(r.text) as { name: string }).name, k.label, `${k.label}: /ui/session is itself`);
          }
        }),
      );
    }
  }
  t.equal(sameAsFailures.join('\n'), '', 'another tenant\'s unit answers like a unit with nothing stored');

  // ---- counts: what a list or a statistic counts is what the key may see -------------------------
  const isProject = (s: Sub) => !s.tag.includes('部门');
  const countOf = async (k: Key, a: Omit<Ask, 'key'>, read: (body: never) => number) => {
    const r = await ask({ ...a, key: k });
    return r.status === 200 ? read(JSON.parse(r.text) as never) : null;
  };
  const counted: string[] = [];
  for (const k of keys) {
    const want = (n: number, roles: Role[]) => (roles.includes(k.role as Role) ? n : null);
    const projects2022 = subs.filter((s) => sees(k, s) && isProject(s)).length;
    const rows: [string, number | null, number | null][] = [
      ['GET /v1/submissions', await countOf(k, { method: 'GET', path: '/v1/submissions?limit=500' }, (b: { items: unknown[] }) => b.items.length), want(subs.filter((s) => sees(k, s)).length, ['unit', 'department', 'bureau', 'reviewer'])],
      ['GET /v1/reviews', await countOf(k, { method: 'GET', path: '/v1/reviews?limit=500' }, (b: { items: unknown[] }) => b.items.length), want(reviews.filter((r) => sees(k, r)).length, ['unit', 'department', 'bureau', 'reviewer'])],
      ['GET /v1/jobs', await countOf(k, { method: 'GET', path: '/v1/jobs?limit=500' }, (b: { items: unknown[] }) => b.items.length), jobs.filter((j) => j.owner === k).length],
      ['GET /v1/stats', await countOf(k, { method: 'GET', path: '/v1/stats?year=2022' }, (b: { count: number }) => b.count), want(projects2022, ['bureau'])],
      [
        'GET /v1/stats/inflation',
        await countOf(k, { method: 'GET', path: '/v1/stats/inflation?year=2022' }, (b: { departments: { forms: number }[] }) => b.departments.reduce((n, d) => n + d.forms, 0)),
        want(projects2022, ['department', 'bureau']),
      ],
      ['POST /v1/whatif', await countOf(k, { method: 'POST', path: '/v1/whatif', json: { year: 2022, policy: 'national-2020' } }, (b: { count: number }) => b.count), want(projects2022, ['bureau'])],
      [
        'GET /v1/keys',
        await countOf(k, { method: 'GET', path: '/v1/keys?limit=500' }, (b: { items: unknown[] }) => b.items.length),
        want([...keys, ...victims].filter((x) => k.region === null || x.region === k.region).length, ['bureau']),
      ],
    ];
    for (const [what, got, expected] of rows) if (got !== expected) counted.push(`${what} (${k.label}) counts ${got}, may see ${expected}`);
  }
  t.equal(counted.join('\n'), '', 'every list and statistic counts what the key may see, no more');

  // ---- the bureau's writes stay in the key's region -----------------------------------------------
  const snapshots = async (s: Sub) =>
    (JSON.parse((await ask({ method: 'GET', path: `/v1/submissions/${s.id}/versions/${s.versions}`, key: root })).text) as { snapshots: unknown[] }).snapshots.length;
  const before = await Promise.all(subs.map(snapshots));
  for (const k of keys.filter((x) => x.region !== null)) {
    const other = REGIONS.find((r) => r !== k.region)!;
    for (const body of [{ year: 2022 }, { year: 2023 }, { year: 2022, filter: { region: other } }, { year: 2022, policy: 'national-2020', filter: { unit: '209100' } }]) {
      const r = await ask({ method: 'POST', path: '/v1/rescore', key: k, json: body });
      plainRequests++;
      noLeak(k, `POST /v1/rescore ${JSON.stringify(body)}`, r);
    }
  }
  const after = await Promise.all(subs.map(snapshots));
  // A region-bound bureau re-scored its own region only: region R's submissions got as many new
  // snapshots as region R's bureau asked for, never the other region's asks.
  const perRegion = (region: string) => subs.map((s, i) => (s.region === region ? after[i] - before[i] : 0)).reduce((a, b) => a + b, 0);
  const bureauOf = (region: string) => keys.filter((k) => k.role === 'bureau' && k.region === region).length;
  for (const region of REGIONS) {
    const mine = subs.filter((s) => s.region === region);
    // 2022 projects are re-scored by {year: 2022} and the unit filter (209100 only); 2023 department forms by {year: 2023}.
    const expected = mine.reduce((n, s) => n + (s.tag.includes('部门') ? 1 : 1 + (s.unit === '209100' ? 1 : 0)), 0) * bureauOf(region);
    t.equal(perRegion(region), expected, `only bureau ${region} re-scored region ${region}'s submissions`);
  }

  for (const k of keys) {
    const other = REGIONS.find((r) => r !== k.region)!;
    for (const body of [
      { name: `new unit ${other} by ${k.label}`, role: 'unit', unit: '209100', region: other },
      { name: `new bureau by ${k.label}`, role: 'bureau' },
      { name: `new dept by ${k.label}`, role: 'department', dept: '209' },
    ]) {
      const r = await ask({ method: 'POST', path: '/v1/keys', key: k, json: body });
      plainRequests++;
      const outside = body.region !== k.region;
      const allowed = k.role === 'bureau' && (k.region === null || !outside);
      if (!allowed && r.status === 201) leaks.push(`POST /v1/keys ${JSON.stringify(body)} (${k.label}) → 201: a key outside its region`);
    }
  }
  t.equal(leaks.join('\n'), '', `no answer names another tenant's object (${plainRequests} more requests)`);
  t.ok(asked > 10_000, `${asked} requests in all`);
});
