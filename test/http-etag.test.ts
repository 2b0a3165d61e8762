/**
 * ETag / If-None-Match (issue 12 item 4) on the GETs of policies, submissions and versions:
 * a weak tag of the body as sent (before compression), equal for equal bodies, different when
 * the body differs (another version, the envelope); If-None-Match with the tag, a list holding
 * it, or "*" gives 304 without a body; errors and writes carry no tag and never become 304.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t from 'tap';
import { createKey, ensureBootstrapKey } from '../src/auth/keys.js';
import { buildApp, etagMatches } from '../src/http/app.js';
import { openStore } from '../src/store/index.js';

const SEED = JSON.parse(readFileSync(new URL('./fixtures/seed/01-jingban.json', import.meta.url), 'utf8')) as Record<string, unknown>;
const CLI = { keyId: null, name: 'test', role: 'cli' as const };

t.test('If-None-Match matching (RFC 9110 weak comparison)', async (t) => {
  // [If-None-Match, ETag, matches]
  const cases: [string | undefined, string, boolean][] = [
    [undefined, 'W/"a"', false],
    ['W/"a"', 'W/"a"', true],
    ['"a"', 'W/"a"', true],
    ['W/"a"', '"a"', true],
    ['"b", W/"a"', 'W/"a"', true],
    ['*', 'W/"a"', true],
    ['"b"', 'W/"a"', false],
    ['W/"ab"', 'W/"a"', false],
  ];
  for (const [header, etag, expected] of cases) t.equal(etagMatches(header, etag), expected, `${header} vs ${etag}`);
  t.equal(etagMatches('*', undefined), false, 'no tag, no match');
});

t.test('policies, submissions and versions', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-etag-'));
  const store = await openStore({ dataDir: dir });
  const boot = await ensureBootstrapKey(store);
  if (!boot.created || !boot.key) throw new Error('no bootstrap key');
  const unit = (await createKey(store, { name: 'u', role: 'unit', unit: '209100', region: '140000' }, CLI)).key;
  const app = await buildApp({ config: { logLevel: 'silent' }, store });
  t.teardown(async () => {
    await app.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const auth = { authorization: `Bearer ${boot.key}` };
  const get = (url: string, headers: Record<string, string> = {}) => app.inject({ url, headers: { ...auth, ...headers } });

  const posted = await app.inject({ method: 'POST', url: '/v1/submissions', headers: { authorization: `Bearer ${unit}` }, payload: SEED });
  t.equal(posted.statusCode, 201);
  t.equal(posted.headers.etag, undefined, 'a write has no ETag');
  const id = posted.json().id as string;
  const policy = (await get('/v1/policies')).json().default as string;

  for (const url of ['/v1/policies', `/v1/policies/${policy}`, `/v1/submissions/${id}`, `/v1/submissions/${id}/versions/1`, `/v1/submissions/${id}/versions`, '/v1/submissions']) {
    const a = await get(url);
    const etag = String(a.headers.etag);
    t.match(etag, /^W\/"[^"]+"$/, `${url}: a weak ETag`);
    t.match(String(a.headers.vary), /Accept-Language/i, 'Vary: Accept-Language (a tag is of one language\'s body)');
    t.equal((await get(url)).headers.etag, etag, `${url}: the same body, the same tag`);
    t.equal((await get(url, { 'accept-encoding': 'gzip' })).headers.etag, etag, `${url}: the same tag when compressed`);
    const hit = await get(url, { 'if-none-match': etag });
    t.equal(hit.statusCode, 304, `${url}: 304`);
    t.equal(hit.body, '', 'without a body');
    t.equal(hit.headers.etag, etag, 'with the tag');
    t.equal((await get(url, { 'if-none-match': `"other", ${etag}` })).statusCode, 304, 'a list holding the tag');
    t.equal((await get(url, { 'if-none-match': '*' })).statusCode, 304, '*');
    t.equal((await get(url, { 'if-none-match': 'W/"other"' })).statusCode, 200, 'another tag: 200');
    const wrapped = await get(`${url}${url.includes('?') ? '&' : '?'}envelope=1`);
    t.not(wrapped.headers.etag, etag, `${url}: the envelope is another representation, another tag`);
  }

  const before = String((await get(`/v1/submissions/${id}`)).headers.etag);
  const again = await app.inject({ method: 'POST', url: '/v1/submissions', headers: { authorization: `Bearer ${unit}` }, payload: { ...SEED, id: 'v2', reportedTotal: '90' } });
  t.equal(again.statusCode, 201);
  const after = await get(`/v1/submissions/${id}`, { 'if-none-match': before });
  t.equal(after.statusCode, 200, 'a new version: the old tag no longer matches');
  t.not(after.headers.etag, before);

  const missing = await get('/v1/submissions/00000000-0000-4000-8000-000000000000', { 'if-none-match': '*' });
  t.equal(missing.statusCode, 404, 'an error never becomes 304');
  t.equal(missing.headers.etag, undefined, 'nor has a tag');
});

t.test('over a real socket, compressed', async (t) => {
  const app = await buildApp({ config: { logLevel: 'silent' } });
  t.teardown(() => app.close());
  const base = await app.listen({ port: 0, host: '127.0.0.1' });
  const policy = ((await (await fetch(`${base}/v1/policies`)).json()) as { default: string }).default;
  const url = `${base}/v1/policies/${policy}`;
  const first = await fetch(url, { headers: { 'accept-encoding': 'br, gzip' } });
  t.equal(first.status, 200);
  t.ok(first.headers.get('content-encoding'), 'compressed');
  await first.arrayBuffer();
  const etag = first.headers.get('etag')!;
  const second = await fetch(url, { headers: { 'if-none-match': etag, 'accept-encoding': 'br, gzip' } });
  t.equal(second.status, 304);
  t.equal((await second.arrayBuffer()).byteLength, 0);
});
