/**
 * Cursor pagination (issue 12 item 4): every list route (submissions, versions, audit, keys) takes
 * `limit` and an opaque `cursor` and answers `{items, next}`; paging through while rows are being
 * inserted returns every row that existed at the start exactly once and no row twice. Bad cursors,
 * cursors of another list and out-of-range limits are 400 problems. On SQLite always, on
 * PostgreSQL when JIXIAO_TEST_PG_URL is set.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t, { type Test } from 'tap';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { createKey, ensureBootstrapKey } from '../src/auth/keys.js';
import { buildApp } from '../src/http/app.js';
import { cursorCodec, decodeCursor, encodeCursor } from '../src/store/cursor.js';
import { openStore } from '../src/store/index.js';
import type { Repository } from '../src/store/repository.js';
import { freshPgDatabase, PG_SKIP } from './support/pg.js';

const SEED = JSON.parse(readFileSync(new URL('./fixtures/seed/01-jingban.json', import.meta.url), 'utf8')) as Record<string, unknown>;
const CLI = { keyId: null, name: 'test', role: 'cli' as const };

/** The seed form as project `n` of the same unit. */
const project = (n: number, note = '') => ({ ...structuredClone(SEED), id: `eval-${n}${note}`, proCode: `P${String(n).padStart(4, '0')}`, proName: `项目${n}${note}` });

t.test('cursor codec: round trips, and refuses what it did not write', async (t) => {
  const seq = cursorCodec('submissions', ['int']);
  const pair = cursorCodec('keys', ['string', 'string']);
  t.same(seq.decode(seq.encode([42])), [42]);
  t.same(pair.decode(pair.encode(['2026-11-29T00:00:00.000Z', 'k_1'])), ['2026-11-29T00:00:00.000Z', 'k_1']);
  t.match(seq.encode([42]), /^[A-Za-z0-9_-]+$/, 'base64url, safe in a query string');
  // [text, why it is refused]
  const refused: [string, string][] = [
    ['', 'empty'],
    ['%%%', 'not base64url'],
    ['bm90IGpzb24', 'not JSON'],
    [encodeCursor([42], 'audit'), 'another list'],
    [encodeCursor(['42'], 'submissions'), 'a string where an integer goes'],
    [encodeCursor([-1], 'submissions'), 'a negative integer'],
    [encodeCursor([1.5], 'submissions'), 'not an integer'],
    [encodeCursor([1, 2], 'submissions'), 'too many keys'],
    [encodeCursor([], 'submissions'), 'too few keys'],
    [encodeCursor(['x'.repeat(201), 'a'], 'keys'), 'an over-long string'],
    ['A'.repeat(513), 'over 512 characters'],
  ];
  for (const [text, why] of refused) t.equal(seq.decode(text) ?? pair.decode(text), null, why);
  t.same(decodeCursor(encodeCursor([7, 'x']), ['int', 'string']), [7, 'x'], 'untagged cursors work too');
});

interface Ctx {
  app: FastifyInstance;
  store: Repository;
  bureau: string;
  unit: string;
}

async function setup(store: Repository): Promise<Ctx> {
  const boot = await ensureBootstrapKey(store);
  if (!boot.created || !boot.key) throw new Error('no bootstrap key');
  const unit = (await createKey(store, { name: 'unit 209100', role: 'unit', unit: '209100', region: '140000' }, CLI)).key;
  const app = await buildApp({ config: { logLevel: 'silent' }, store });
  return { app, store, bureau: boot.key, unit };
}

const auth = (key: string) => ({ authorization: `Bearer ${key}` });

interface Page {
  items: Record<string, unknown>[];
  next: string | null;
}

/**
 * Pages through `url` with `limit`, calling `during(i)` concurrently with the fetch of page i.
 * Resolves to the ids seen, in order.
 */
async function pageThrough(t: Test, app: FastifyInstance, key: string, url: string, limit: number, idOf: (x: Record<string, unknown>) => string, during: (i: number) => Promise<unknown>): Promise<string[]> {
  const seen: string[] = [];
  let cursor: string | null = null;
  for (let i = 0; i < 1000; i++) {
    const sep = url.includes('?') ? '&' : '?';
    const q: string = `${url}${sep}limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`;
    const [res]: [LightMyRequestResponse, unknown] = await Promise.all([app.inject({ method: 'GET', url: q, headers: auth(key) }), during(i)]);
    t.equal(res.statusCode, 200, q);
    const page = res.json() as Page;
    t.ok(page.items.length <= limit, 'at most limit items');
    seen.push(...page.items.map(idOf));
    if (page.next === null) return seen;
    cursor = page.next;
  }
  throw new Error('never ended');
}

async function suite(t: Test, open: () => Promise<Repository>): Promise<void> {
  const store = await open();
  const { app, bureau, unit } = await setup(store);
  t.teardown(async () => {
    await app.close();
    await store.close();
  });
  const submit = async (body: unknown) => {
    const r = await app.inject({ method: 'POST', url: '/v1/submissions', headers: auth(unit), payload: body as object });
    if (r.statusCode !== 201) throw new Error(`submit: ${r.statusCode} ${r.body}`);
    return r.json() as { id: string; version: number };
  };
  const before: string[] = [];
  for (let n = 0; n < 12; n++) before.push((await submit(project(n))).id);

  await t.test('submissions: stable while new ones arrive', async (t) => {
    let n = 100;
    const seen = await pageThrough(t, app, bureau, '/v1/submissions', 5, (x) => String(x.id), async () => {
      await submit(project(n++));
      await submit(project(n++));
    });
    t.equal(new Set(seen).size, seen.length, 'no submission twice');
    t.same(before.filter((id) => !seen.includes(id)), [], 'every submission that existed at the start was seen');
  });

  await t.test('versions: stable while new versions are added', async (t) => {
    const id = before[0];
    for (let v = 1; v < 6; v++) await submit(project(0, `-v${v}`));
    const existing = (await app.inject({ url: `/v1/submissions/${id}`, headers: auth(bureau) })).json().versions.map((v: { version: number }) => String(v.version));
    t.equal(existing.length, 6);
    let v = 100;
    const seen = await pageThrough(t, app, unit, `/v1/submissions/${id}/versions`, 2, (x) => String(x.version), () => submit(project(0, `-v${v++}`)));
    t.equal(new Set(seen).size, seen.length, 'no version twice');
    t.same(existing.filter((x: string) => !seen.includes(x)), [], 'every version that existed at the start was seen');
    t.same(seen.slice(0, 6), existing, 'oldest first');
    const other = await app.inject({ url: '/v1/submissions/00000000-0000-4000-8000-000000000000/versions', headers: auth(bureau) });
    t.equal(other.statusCode, 404);
  });

  await t.test('audit: stable while writes go on', async (t) => {
    const start = (await app.inject({ url: '/v1/audit?limit=500', headers: auth(bureau) })).json() as Page;
    t.equal(start.next, null, 'all in one page of 500');
    const existing = start.items.map((x) => String(x.id));
    let n = 200;
    const seen = await pageThrough(t, app, bureau, '/v1/audit', 4, (x) => String(x.id), () => submit(project(n++)));
    t.equal(new Set(seen).size, seen.length, 'no row twice');
    t.same(existing.filter((id) => !seen.includes(id)), [], 'every row that existed at the start was seen');
  });

  await t.test('keys: stable while keys are created', async (t) => {
    for (let k = 0; k < 5; k++) await createKey(store, { name: `k${k}`, role: 'department', dept: `30${k}` }, CLI);
    const existing = ((await app.inject({ url: '/v1/keys?limit=500', headers: auth(bureau) })).json() as Page).items.map((x) => String(x.id));
    t.equal(existing.length, 7);
    let k = 10;
    const seen = await pageThrough(t, app, bureau, '/v1/keys', 2, (x) => String(x.id), () =>
      app.inject({ method: 'POST', url: '/v1/keys', headers: auth(bureau), payload: { name: `k${k}`, role: 'department', dept: `4${k++}` } }),
    );
    t.equal(new Set(seen).size, seen.length, 'no key twice');
    t.same(existing.filter((id) => !seen.includes(id)), [], 'every key that existed at the start was seen');
    t.same(seen.slice(0, existing.length), existing, 'oldest first');
  });

  await t.test('limits, defaults and bad cursors', async (t) => {
    const get = (url: string) => app.inject({ url, headers: auth(bureau) });
    for (let n = 300; n < 330; n++) await submit(project(n));
    const first = (await get('/v1/submissions')).json() as Page & { nextCursor: string | null };
    t.equal(first.items.length, 50, 'default limit 50');
    t.equal(first.nextCursor, first.next, 'nextCursor: the deprecated alias of next');
    t.equal((await get('/v1/submissions?limit=500')).statusCode, 200, 'limit up to 500');
    const sub = first.next!;
    const audit = ((await get('/v1/audit?limit=1')).json() as Page).next!;
    // [url, status, code]
    const cases: [string, number, string][] = [
      ['/v1/submissions?limit=501', 400, 'BAD_REQUEST'],
      ['/v1/submissions?limit=0', 400, 'BAD_REQUEST'],
      ['/v1/submissions?limit=x', 400, 'BAD_REQUEST'],
      ['/v1/submissions?cursor=nope', 400, 'BAD_CURSOR'],
      [`/v1/submissions?cursor=${audit}`, 400, 'BAD_CURSOR'],
      [`/v1/audit?cursor=${sub}`, 400, 'BAD_CURSOR'],
      [`/v1/keys?cursor=${sub}`, 400, 'BAD_CURSOR'],
      [`/v1/submissions/${before[0]}/versions?cursor=${sub}`, 400, 'BAD_CURSOR'],
      [`/v1/keys?limit=501`, 400, 'BAD_REQUEST'],
    ];
    for (const [url, status, code] of cases) {
      const r = await get(url);
      t.equal(r.statusCode, status, url);
      t.equal(r.json().code, code, url);
      t.match(r.json().detail, /[\u4e00-\u9fff]/, 'a Chinese detail');
    }
    const last = (await get('/v1/keys?limit=500')).json() as Page;
    t.equal(last.next, null, 'the last page has next: null');
  });
}

t.test('SQLite', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-list-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  await suite(t, () => openStore({ dataDir: dir }));
});

t.test('PostgreSQL', { skip: PG_SKIP }, async (t) => {
  const db = await freshPgDatabase();
  t.teardown(() => db.drop());
  await suite(t, () => openStore({ databaseUrl: db.url, dataDir: '' }));
});
