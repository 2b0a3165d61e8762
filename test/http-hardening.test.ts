/**
 * Issue 10, defects 3–5 over real sockets: deep bodies are a 400 (never a 500), unknown fields are
 * stripped (never stored or echoed) with a warning each, numbers out of bounds are a 422 and never
 * stored; and the contract of AUTH_SCORING=required, and import details in the answer's language.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t, { type Test } from 'tap';
import { createKey } from '../src/auth/keys.js';
import { buildApp } from '../src/http/app.js';
import { XLSX_TYPE } from '../src/http/routes/excel.js';
import { openStore } from '../src/store/index.js';
import { seed, type Json } from './support/forms.js';
import { listen } from './support/socket.js';

const CLI = { keyId: null, name: 'test', role: 'cli' as const };

function tmp(t: Test): string {
  const dir = mkdtempSync(join(tmpdir(), 'jx-hard-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** The service with a store and a unit key for the seed form's unit, listening on loopback. */
async function service(t: Test) {
  const store = await openStore({ dataDir: tmp(t) });
  const { key } = await createKey(store, { name: 'u', role: 'unit', unit: '209100', region: '140000' }, CLI);
  const app = await buildApp({ config: { logLevel: 'silent' }, store });
  t.teardown(async () => {
    await app.close();
    await store.close();
  });
  const base = `http://127.0.0.1:${await listen(app)}`;
  const post = (path: string, body: string, headers: Record<string, string> = {}) =>
    fetch(base + path, { method: 'POST', body, headers: { 'content-type': 'application/json', authorization: `Bearer ${key}`, ...headers } });
  const get = (path: string) => fetch(base + path, { headers: { authorization: `Bearer ${key}` } });
  return { post, get };
}

/** The seed form's text with `raw` (any JSON text) as the value of a field `junk` at the top. */
const withJunk = (raw: string, form: Json = seed('01-jingban')) => JSON.stringify({ ...form, junk: '@@' }).replace('"@@"', raw);
const deepObject = (n: number) => '{"a":'.repeat(n) + '1' + '}'.repeat(n);

t.test('defect 3: a 10 000-level nested unknown field is 400 JSON_TOO_DEEP, never a 500 (over a socket)', async (t) => {
  const { post } = await service(t);
  // [route, body]
  const rows: [string, string][] = [
    ['/v1/score', withJunk(deepObject(10_000))],
    ['/v1/submissions', withJunk(deepObject(10_000))],
    ['/v1/score', '['.repeat(10_000) + ']'.repeat(10_000)],
    ['/v1/submissions', withJunk('['.repeat(100_000) + ']'.repeat(100_000))],
    ['/v1/export', withJunk(deepObject(33))],
  ];
  for (const [route, body] of rows) {
    const res = await post(route, body);
    t.equal(res.status, 400, `${route} ${body.length} bytes`);
    t.match(res.headers.get('content-type'), /^application\/problem\+json/);
    t.equal(((await res.json()) as { code: string }).code, 'JSON_TOO_DEEP');
  }
});

t.test('defect 4: unknown fields are stripped, never stored or echoed; each is a warning (over a socket)', async (t) => {
  const { post, get } = await service(t);
  const form = seed('01-jingban');
  (form.indicators as Json[])[3] = { ...(form.indicators as Json[])[3], bar: { nested: [1, 2, { x: 'y' }] } };
  const junk = 'J'.repeat(900_000);
  const body = withJunk(JSON.stringify({ deep: JSON.parse(deepObject(20)), junk }), form);
  const res = await post('/v1/submissions', body, { 'idempotency-key': 'hardening-1' });
  t.equal(res.status, 201);
  const text = await res.text();
  t.ok(text.length < 100_000, `the answer is ${text.length} characters`);
  t.equal(text.includes('JJJJJJJJ'), false, 'the junk is not echoed');
  const created = JSON.parse(text) as { id: string; result: { findings: { code: string; pointer: string }[]; summary: { byCode: Record<string, number> } } };
  t.same(created.result.findings.filter((f) => f.code === 'UNKNOWN_FIELD').map((f) => f.pointer), ['/indicators/3/bar', '/junk']);
  t.equal(created.result.summary.byCode.UNKNOWN_FIELD, 2);
  // What is stored is the form as sent less its unknown fields, in every view of it.
  // [path, where the form is in the answer]
  const views: [string, (body: Json) => unknown][] = [
    [`/v1/submissions/${created.id}`, (b) => b.form],
    [`/v1/submissions/${created.id}/versions/1`, (b) => b.input],
  ];
  for (const [path, formOf] of views) {
    const text = await (await get(path)).text();
    t.equal(text.includes('JJJJJJJJ'), false, `${path}: the junk is not stored`);
    const stored = formOf(JSON.parse(text) as Json) as Json;
    t.equal(stored.proName, '社会保险经办专项业务工作经费', `${path}: the form is`);
    t.same(['junk' in stored, 'bar' in (stored.indicators as Json[])[3]], [false, false], `${path}: without its unknown fields`);
  }
  // The same form without the junk is the same request: the retry is replayed, not a conflict.
  const retry = await post('/v1/submissions', JSON.stringify(seed('01-jingban')), { 'idempotency-key': 'hardening-1' });
  t.equal(retry.status, 201);
  t.equal(retry.headers.get('idempotent-replayed'), 'true');
  const scored = await post('/v1/score', withJunk('"x"'));
  t.equal(scored.status, 200);
  const findings = ((await scored.json()) as { findings: Json[] }).findings;
  t.same(findings.find((f) => f.code === 'UNKNOWN_FIELD'), {
    code: 'UNKNOWN_FIELD', severity: 'warning', pointer: '/junk', message: '未知字段“junk”已忽略（不评分、不保存）', params: { field: 'junk' },
  });
});

t.test('defect 5: numbers out of bounds are 422 VALUE_OUT_OF_RANGE and never stored (over a socket)', async (t) => {
  const { post, get } = await service(t);
  const form = (edit: (f: Json) => void) => {
    const f = seed('01-jingban');
    edit(f);
    return JSON.stringify(f);
  };
  const rows = (f: Json) => (f.funds as { rows: Json[] }).rows;
  const ind = (f: Json) => f.indicators as Json[];
  // [body, the pointer named]
  const cases: [string, string][] = [
    [form((f) => void (rows(f)[0].budget = '1' + '0'.repeat(300))), '/funds/rows/0/budget'],
    [form((f) => void (rows(f)[0].budget = 1e308)), '/funds/rows/0/budget'],
    [form((f) => void (ind(f)[0].points = 1e15)), '/indicators/0/points'],
    [form((f) => void (ind(f)[0].reportedScore = '99999')), '/indicators/0/reportedScore'],
    [form((f) => void (f.reportedTotal = 1e300)), '/reportedTotal'],
  ];
  for (const route of ['/v1/submissions', '/v1/score']) {
    for (const [body, pointer] of cases) {
      const res = await post(route, body, { 'accept-language': 'en' });
      t.equal(res.status, 422, `${route} ${pointer}`);
      const p = (await res.json()) as { code: string; errors: { code: string; pointer: string; message: string }[] };
      t.equal(p.code, 'INVALID_FORM');
      const e = p.errors.find((x) => x.pointer === pointer);
      t.equal(e?.code, 'VALUE_OUT_OF_RANGE', pointer);
      t.match(e?.message, /is out of range: .{1,41} \(at most \d+ in absolute value, at most \d+ decimal places\)$/);
    }
  }
  const list = (await (await get('/v1/submissions')).json()) as { items: unknown[] };
  t.equal(list.items.length, 0, 'nothing was stored');
});

t.test('AUTH_SCORING=required: the contract declares the bearer scheme and the 401 on the scoring routes', async (t) => {
  const docOf = async (authScoring: 'optional' | 'required') => {
    const app = await buildApp({ config: { logLevel: 'silent', authScoring } });
    t.teardown(() => app.close());
    return (await app.inject({ method: 'GET', url: '/openapi.json' })).json() as {
      paths: Record<string, Record<string, { security?: unknown; responses: Record<string, unknown> }>>;
    };
  };
  const open = await docOf('optional');
  const closed = await docOf('required');
  const bearer = [{ bearerAuth: [] }];
  // [path, method, security when required]
  const rows: [string, string, unknown][] = [
    ['/v1/score', 'post', bearer],
    ['/v1/score/batch', 'post', bearer],
    ['/v1/targets/check', 'post', bearer],
    ['/v1/policies', 'get', bearer],
    ['/v1/policies/{id}', 'get', bearer],
    ['/v1/import', 'post', bearer],
    ['/v1/export', 'post', bearer],
    ['/v1/narrative', 'post', bearer],
    ['/v1/submissions', 'post', bearer],
    ['/healthz', 'get', undefined],
    ['/readyz', 'get', undefined],
    ['/metrics', 'get', undefined],
  ];
  for (const [path, method, security] of rows) {
    t.same(closed.paths[path][method].security, security, `${method} ${path} required`);
    t.equal('401' in closed.paths[path][method].responses, security !== undefined, `${method} ${path} documents 401`);
    const store = path.startsWith('/v1/submissions');
    t.same(open.paths[path][method].security, store ? bearer : undefined, `${method} ${path} by default`);
  }
});

t.test('import problems are in the answer’s language (zipcheck details)', async (t) => {
  const app = await buildApp({ config: { logLevel: 'silent' } });
  t.teardown(() => app.close());
  const base = `http://127.0.0.1:${await listen(app)}`;
  // [bytes, Accept-Language, detail]
  const rows: [Buffer, string, RegExp][] = [
    [Buffer.from('not a workbook at all'), 'en', /: not a zip archive$/],
    [Buffer.from('not a workbook at all'), 'zh', /：不是 zip 压缩包$/],
    [Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(100)]), 'en', /a legacy \.xls file; save it as \.xlsx$/],
  ];
  for (const [bytes, lang, detail] of rows) {
    const res = await fetch(`${base}/v1/import`, { method: 'POST', body: bytes, headers: { 'content-type': XLSX_TYPE, 'accept-language': lang } });
    t.equal(res.status, 415);
    const p = (await res.json()) as { code: string; detail: string };
    t.equal(p.code, 'IMPORT_NOT_XLSX');
    t.match(p.detail, detail);
  }
});
