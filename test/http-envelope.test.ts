/**
 * The optional envelope (issue 12 item 5): `?envelope=1`, or ENVELOPE=1 with `?envelope=0` to opt
 * out, wraps every JSON answer as {code, msg, data}: code 0 and msg 成功 for a success, code = the
 * HTTP status and msg = the problem's detail for a problem, the body (or the problem) in data;
 * the HTTP status is unchanged. NDJSON, workbooks, text, 204 and 304 are never wrapped; without
 * the flag, answers are the plain bodies and RFC 9457 problems.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t from 'tap';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { createKey, ensureBootstrapKey } from '../src/auth/keys.js';
import { buildApp } from '../src/http/app.js';
import { EnvelopeSchema } from '../src/http/envelope.js';
import { ProblemSchema } from '../src/http/schemas/common.js';
import { openStore } from '../src/store/index.js';

const SEED_TEXT = readFileSync(new URL('./fixtures/seed/01-jingban.json', import.meta.url), 'utf8');
const SEED = JSON.parse(SEED_TEXT) as Record<string, unknown>;
const CLI = { keyId: null, name: 'test', role: 'cli' as const };
const JSON_TYPE = { 'content-type': 'application/json' };

t.test('?envelope=1: every class of answer', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-env-'));
  const store = await openStore({ dataDir: dir });
  const boot = await ensureBootstrapKey(store);
  if (!boot.created || !boot.key) throw new Error('no bootstrap key');
  const unit = (await createKey(store, { name: 'u', role: 'unit', unit: '209100', region: '140000' }, CLI)).key;
  const app = await buildApp({ config: { logLevel: 'silent', bodyLimit: 64 * 1024 }, store });
  const bare = await buildApp({ config: { logLevel: 'silent' } }); // no store: 503
  t.teardown(async () => {
    await app.close();
    await bare.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const bureau = { authorization: `Bearer ${boot.key}` };
  const unitAuth = { authorization: `Bearer ${unit}` };

  // [what, request, status, problem code (null: a success)]
  type Req = InjectOptions;
  const cases: [string, Req, number, string | null, FastifyInstance?][] = [
    ['score', { method: 'POST', url: '/v1/score?envelope=1', headers: JSON_TYPE, payload: SEED_TEXT }, 200, null],
    ['stored', { method: 'POST', url: '/v1/submissions?envelope=1', headers: { ...JSON_TYPE, ...unitAuth }, payload: SEED_TEXT }, 201, null],
    ['a list', { method: 'GET', url: '/v1/submissions?envelope=true', headers: bureau }, 200, null],
    ['invalid JSON', { method: 'POST', url: '/v1/score?envelope=1', headers: JSON_TYPE, payload: '{' }, 400, 'INVALID_JSON'],
    ['bad query', { method: 'GET', url: '/v1/submissions?envelope=1&limit=9999', headers: bureau }, 400, 'BAD_REQUEST'],
    ['bad cursor', { method: 'GET', url: '/v1/submissions?envelope=1&cursor=x', headers: bureau }, 400, 'BAD_CURSOR'],
    ['no key', { method: 'GET', url: '/v1/submissions?envelope=1' }, 401, 'UNAUTHORIZED'],
    ['wrong role', { method: 'GET', url: '/v1/audit?envelope=1', headers: unitAuth }, 403, 'FORBIDDEN'],
    ['no route', { method: 'GET', url: '/v1/nothing?envelope=1' }, 404, 'NOT_FOUND'],
    ['unknown policy', { method: 'GET', url: '/v1/policies/nope?envelope=1' }, 404, 'UNKNOWN_POLICY'],
    ['wrong method', { method: 'PUT', url: '/v1/score?envelope=1' }, 405, 'METHOD_NOT_ALLOWED'],
    ['export format', { method: 'POST', url: '/v1/export?envelope=1&format=pdf', headers: JSON_TYPE, payload: SEED_TEXT }, 406, 'NOT_ACCEPTABLE'],
    ['idempotent write', { method: 'POST', url: '/v1/submissions?envelope=1', headers: { ...JSON_TYPE, ...unitAuth, 'idempotency-key': 'k1' }, payload: { ...SEED, id: 'idem-1', proName: '幂等' } }, 201, null],
    ['…the same key, another body', { method: 'POST', url: '/v1/submissions?envelope=1', headers: { ...JSON_TYPE, ...unitAuth, 'idempotency-key': 'k1' }, payload: { ...SEED, proName: '另一个' } }, 409, 'CONFLICT'],
    ['too large', { method: 'POST', url: '/v1/score?envelope=1', headers: JSON_TYPE, payload: JSON.stringify({ x: 'x'.repeat(70_000) }) }, 413, 'BODY_TOO_LARGE'],
    ['media type', { method: 'POST', url: '/v1/score?envelope=1', headers: { 'content-type': 'text/plain' }, payload: 'x' }, 415, 'UNSUPPORTED_MEDIA_TYPE'],
    ['invalid form', { method: 'POST', url: '/v1/score?envelope=1', headers: JSON_TYPE, payload: '{}' }, 422, 'INVALID_FORM'],
    ['no store', { method: 'GET', url: '/v1/submissions?envelope=1', headers: bureau }, 503, 'SERVICE_UNAVAILABLE', bare],
  ];
  for (const [what, req, status, code, on] of cases) {
    const r = await (on ?? app).inject(req);
    t.equal(r.statusCode, status, `${what}: the HTTP status is kept`);
    t.match(String(r.headers['content-type']), /^application\/json/, `${what}: application/json`);
    const body = EnvelopeSchema.parse(r.json());
    if (code === null) {
      t.equal(body.code, 0, `${what}: code 0`);
      t.equal(body.msg, '成功');
      t.ok(body.data && typeof body.data === 'object', `${what}: the body in data`);
    } else {
      const problem = ProblemSchema.parse(body.data);
      t.equal(body.code, status, `${what}: code = the HTTP status`);
      t.equal(problem.code, code, `${what}: the problem's own code in data.code`);
      t.equal(body.msg, problem.detail, `${what}: msg = the problem's detail`);
      t.match(body.msg, /[\u4e00-\u9fff]/, `${what}: in Chinese`);
    }
  }

  const en = await app.inject({ method: 'POST', url: '/v1/score?envelope=1', headers: { ...JSON_TYPE, 'accept-language': 'en' }, payload: '{' });
  t.equal(en.json().msg, 'The request body is not valid JSON', 'msg in the answer\'s language');
  t.equal((await app.inject({ url: '/healthz?envelope=1', headers: { 'accept-language': 'en' } })).json().msg, 'OK');

  // Never wrapped: NDJSON, a workbook, text, 204, 304.
  const ndjson = await app.inject({ method: 'POST', url: '/v1/score/batch?envelope=1', headers: { 'content-type': 'application/x-ndjson' }, payload: JSON.stringify(SEED) + '\n' });
  t.equal(ndjson.statusCode, 200);
  t.match(String(ndjson.headers['content-type']), /application\/x-ndjson/);
  t.ok(JSON.parse(ndjson.body.split('\n')[0]).line, 'NDJSON lines as they are');
  const xlsx = await app.inject({ method: 'POST', url: '/v1/export?envelope=1', headers: JSON_TYPE, payload: SEED_TEXT });
  t.equal(xlsx.statusCode, 200);
  t.equal(xlsx.rawPayload.subarray(0, 2).toString(), 'PK', 'the workbook as it is');
  const metrics = await app.inject({ url: '/metrics?envelope=1' });
  t.match(metrics.body, /^# HELP/m, 'text as it is');
  const key = (await app.inject({ method: 'POST', url: '/v1/keys', headers: bureau, payload: { name: 'x', role: 'department', dept: '209' } })).json();
  const revoked = await app.inject({ method: 'DELETE', url: `/v1/keys/${key.id}?envelope=1`, headers: bureau });
  t.equal(revoked.statusCode, 204);
  t.equal(revoked.body, '', '204 has no body to wrap');

  // Without the flag: the plain body and problem+json.
  const plain = await app.inject({ method: 'POST', url: '/v1/score', headers: JSON_TYPE, payload: '{}' });
  t.match(String(plain.headers['content-type']), /^application\/problem\+json/);
  t.equal(plain.json().code, 'INVALID_FORM');
  t.equal((await app.inject({ url: '/healthz?envelope=0' })).json().status, 'ok');
});

t.test('429 and its Retry-After, wrapped', async (t) => {
  const app = await buildApp({ config: { logLevel: 'silent', rateLimitMax: 1 } });
  t.teardown(() => app.close());
  await app.inject({ url: '/v1/policies?envelope=1' });
  const r = await app.inject({ url: '/v1/policies?envelope=1' });
  t.equal(r.statusCode, 429);
  t.ok(r.headers['retry-after']);
  t.equal(r.json().code, 429);
  t.equal(r.json().data.code, 'TOO_MANY_REQUESTS');
});

t.test('ENVELOPE=1 by configuration, ?envelope=0 to opt out, over a real socket', async (t) => {
  const app = await buildApp({ config: { logLevel: 'silent', envelope: true } });
  t.teardown(() => app.close());
  const base = await app.listen({ port: 0, host: '127.0.0.1' });
  const wrapped = await fetch(`${base}/v1/score`, { method: 'POST', headers: JSON_TYPE, body: SEED_TEXT });
  t.equal(wrapped.status, 200);
  const body = (await wrapped.json()) as { code: number; data: { total: string } };
  t.equal(body.code, 0);
  t.equal(body.data.total, '93.76');
  const problem = await fetch(`${base}/v1/score`, { method: 'POST', headers: JSON_TYPE, body: '[' });
  t.equal(problem.status, 400);
  t.same(Object.keys((await problem.json()) as object), ['code', 'msg', 'data']);
  const off = await fetch(`${base}/v1/score?envelope=0`, { method: 'POST', headers: JSON_TYPE, body: SEED_TEXT });
  t.equal(((await off.json()) as { total: string }).total, '93.76', '?envelope=0: the plain body');
});
