/**
 * The fastify plugins: rate limits per IP and per key and the wrong-key back-off (429 problem
 * with Retry-After), helmet headers (the HTML export too), CORS off by default and an
 * allow-list when configured, compression (JSON, NDJSON, the contract), ETags on GETs,
 * under-pressure's 503 problem, request ids and traceparent echoed.
 */
import { gunzipSync, brotliDecompressSync } from 'node:zlib';
import t from 'tap';
import type { Config } from '../src/config.js';
import type { HttpSecurity } from '../src/http/app.js';
import { openStore } from '../src/store/index.js';
import { createKey } from '../src/auth/keys.js';
import { buildApp } from '../src/http/app.js';
import { JSON_HEADERS, NDJSON_HEADERS, seedLine, seedText, testApp } from './support/http.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const cfg = (c: Partial<HttpSecurity & Config>) => ({ logLevel: 'silent', ...c }) as Partial<Config>;

t.test('rate limit per IP: 429 problem with Retry-After; the probes are exempt', async (t) => {
  const { app } = await testApp(cfg({ rateLimitMax: 5, rateLimitWindowMs: 60_000 }));
  t.teardown(() => app.close());
  for (let i = 0; i < 5; i++) t.equal((await app.inject({ method: 'GET', url: '/v1/policies' })).statusCode, 200);
  const res = await app.inject({ method: 'GET', url: '/v1/policies' });
  t.equal(res.statusCode, 429);
  t.match(res.headers['content-type'], /^application\/problem\+json/);
  t.equal(res.json().code, 'TOO_MANY_REQUESTS');
  t.ok(Number(res.headers['retry-after']) > 0, 'Retry-After in seconds');
  t.equal((await app.inject({ method: 'GET', url: '/v1/nothing' })).statusCode, 429, '404s count too');
  t.equal((await app.inject({ method: 'GET', url: '/healthz' })).statusCode, 200, 'probes are never limited');
  const other = await app.inject({ method: 'GET', url: '/v1/policies', remoteAddress: '10.0.0.9' });
  t.equal(other.statusCode, 200, 'another IP has its own budget');
});

t.test('rate limit per key, and the wrong-key back-off', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-rl-'));
  const store = await openStore({ dataDir: dir });
  t.teardown(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const app = await buildApp({ config: cfg({ rateLimitMax: 1000, rateLimitKeyMax: 3, authFailMax: 3, authFailWindowMs: 60_000 }), store });
  t.teardown(() => app.close());
  const { key } = await createKey(store, { name: 'b', role: 'bureau' }, { keyId: null, name: 'test', role: 'bureau' } as never);
  const auth = (k: string, ip = '10.1.1.1') => app.inject({ method: 'GET', url: '/v1/keys', headers: { authorization: `Bearer ${k}` }, remoteAddress: ip });

  for (let i = 0; i < 3; i++) t.equal((await auth(key)).statusCode, 200);
  const limited = await auth(key, '10.9.9.9');
  t.equal(limited.statusCode, 429, 'the key is limited whatever the IP');
  t.ok(Number(limited.headers['retry-after']) > 0);

  // Wrong keys from one IP: 401, 401, then 429 (the block starts), and the block holds for a good key too.
  t.equal((await auth('wrong-key-000000000000000001', '10.2.2.2')).statusCode, 401);
  t.equal((await auth('wrong-key-000000000000000002', '10.2.2.2')).statusCode, 401);
  t.equal((await auth('wrong-key-000000000000000003', '10.2.2.2')).statusCode, 401);
  const blocked = await auth('wrong-key-000000000000000004', '10.2.2.2');
  t.equal(blocked.statusCode, 429);
  t.equal(blocked.json().code, 'TOO_MANY_REQUESTS');
  const first = Number(blocked.headers['retry-after']);
  t.ok(first >= 60, `blocked for ${first} s`);
  const again = await auth('wrong-key-000000000000000005', '10.2.2.2');
  t.ok(Number(again.headers['retry-after']) > first, 'each attempt while blocked doubles the block');
  t.equal((await auth('wrong-key-000000000000000006', '10.3.3.3')).statusCode, 401, 'another IP is not blocked');
  t.equal((await app.inject({ method: 'GET', url: '/v1/keys', remoteAddress: '10.2.2.2' })).statusCode, 401, 'no key: 401, not counted');
});

t.test('helmet headers, also on the HTML export; CORS off by default', async (t) => {
  const { app } = await testApp(cfg({}));
  t.teardown(() => app.close());
  const res = await app.inject({ method: 'GET', url: '/v1/policies', headers: { origin: 'https://evil.example' } });
  t.equal(res.headers['x-content-type-options'], 'nosniff');
  t.match(res.headers['strict-transport-security'], /max-age/);
  t.match(res.headers['content-security-policy'], /default-src 'self'/);
  t.equal(res.headers['access-control-allow-origin'], undefined, 'no CORS by default');
  const html = await app.inject({ method: 'POST', url: '/v1/export?format=html', headers: JSON_HEADERS, payload: seedText('01-jingban') });
  t.equal(html.statusCode, 200);
  t.match(html.headers['content-type'], /text\/html/);
  t.match(html.headers['content-security-policy'], /default-src 'self'/);
  t.equal(html.headers['x-frame-options'], 'SAMEORIGIN');
  const docs = await app.inject({ method: 'GET', url: '/docs' });
  t.equal(docs.statusCode, 200, 'the Swagger UI still loads');
});

t.test('CORS with an allow-list', async (t) => {
  const { app } = await testApp(cfg({ corsOrigins: ['https://jixiao.example.gov.cn'] }));
  t.teardown(() => app.close());
  const pre = await app.inject({
    method: 'OPTIONS',
    url: '/v1/score',
    headers: { origin: 'https://jixiao.example.gov.cn', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,authorization' },
  });
  t.equal(pre.statusCode, 204);
  t.equal(pre.headers['access-control-allow-origin'], 'https://jixiao.example.gov.cn');
  t.match(pre.headers['access-control-allow-headers'], /authorization/);
  const ok = await app.inject({ method: 'GET', url: '/v1/policies', headers: { origin: 'https://jixiao.example.gov.cn' } });
  t.equal(ok.headers['access-control-allow-origin'], 'https://jixiao.example.gov.cn');
  const evil = await app.inject({ method: 'GET', url: '/v1/policies', headers: { origin: 'https://evil.example' } });
  t.equal(evil.headers['access-control-allow-origin'], undefined);
});

t.test('compression: JSON, NDJSON, the contract; ETag and 304 on GETs', async (t) => {
  const { app } = await testApp(cfg({}));
  t.teardown(() => app.close());
  const spec = await app.inject({ method: 'GET', url: '/openapi.json', headers: { 'accept-encoding': 'br' } });
  t.equal(spec.headers['content-encoding'], 'br');
  t.equal(JSON.parse(brotliDecompressSync(spec.rawPayload).toString()).openapi, '3.1.0');
  const score = await app.inject({ method: 'POST', url: '/v1/score', headers: { ...JSON_HEADERS, 'accept-encoding': 'gzip' }, payload: seedText('01-jingban') });
  t.equal(score.headers['content-encoding'], 'gzip');
  t.ok('total' in JSON.parse(gunzipSync(score.rawPayload).toString()), 'a score result');
  t.equal(score.headers.etag, undefined, 'no ETag on a POST');
  const nd = await app.inject({ method: 'POST', url: '/v1/score/batch', headers: { ...NDJSON_HEADERS, 'accept-encoding': 'gzip' }, payload: seedLine('01-jingban') + '\n' + seedLine('02-dangan') + '\n' });
  t.equal(nd.headers['content-encoding'], 'gzip');
  t.equal(gunzipSync(nd.rawPayload).toString().trim().split('\n').length, 3);

  const p = await app.inject({ method: 'GET', url: '/v1/policies/national-2020' });
  t.match(p.headers.etag, /^W\/"/);
  const again = await app.inject({ method: 'GET', url: '/v1/policies/national-2020', headers: { 'if-none-match': String(p.headers.etag) } });
  t.equal(again.statusCode, 304);
});

t.test('x-request-id and traceparent are honoured and echoed', async (t) => {
  const { app, logs } = await testApp({});
  t.teardown(() => app.close());
  const tp = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';
  const a = await app.inject({ method: 'GET', url: '/v1/policies', headers: { traceparent: tp } });
  t.equal(a.headers.traceparent, tp);
  t.equal(a.headers['x-request-id'], '4bf92f3577b34da6a3ce929d0e0e4736', 'the trace id is the request id');
  t.ok(logs.some((l) => l.reqId === '4bf92f3577b34da6a3ce929d0e0e4736'));
  const b = await app.inject({ method: 'GET', url: '/v1/policies', headers: { traceparent: tp, 'x-request-id': 'req-1' } });
  t.equal(b.headers['x-request-id'], 'req-1');
  const bad = await app.inject({ method: 'GET', url: '/v1/policies', headers: { traceparent: 'nonsense' } });
  t.equal(bad.headers.traceparent, undefined);
});

t.test('under pressure: 503 problem with Retry-After', async (t) => {
  const { app } = await testApp(cfg({ maxEventLoopDelayMs: 30 }));
  t.teardown(() => app.close());
  await app.ready();
  // Keep the event loop busy (100 ms blocks, short gaps) until the sampler reports it: bounded, 80 blocks.
  let res = await app.inject({ method: 'GET', url: '/v1/policies' });
  for (let i = 0; i < 80 && res.statusCode !== 503; i++) {
    const until = Date.now() + 100;
    while (Date.now() < until) {
      /* busy */
    }
    await new Promise((r) => setTimeout(r, 1));
    res = await app.inject({ method: 'GET', url: '/v1/policies' });
  }
  t.equal(res.statusCode, 503);
  t.equal(res.json().code, 'SERVICE_UNAVAILABLE');
  t.equal(res.headers['retry-after'], '10');
});
