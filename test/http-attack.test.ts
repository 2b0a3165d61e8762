/**
 * The second outside attack (after issue 10), each defect it found as a regression over a real
 * socket: what Node answers before fastify sees a request (no Host, CONNECT, a bad request
 * pipelined after a good one) is a problem+json with an `instance`; a malformed multipart upload
 * is a 400, not a 500; bytes that are not UTF-8 and unpaired surrogates are refused
 * (INVALID_UTF8) instead of being silently turned into U+FFFD; a missing file under a GET route
 * is a 404, not a 405 that allows GET; the Idempotency-Key problem speaks the request's language.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t, { type Test } from 'tap';
import type { FastifyRequest } from 'fastify';
import { createKey } from '../src/auth/keys.js';
import { buildApp } from '../src/http/app.js';
import { instanceFromRaw, mapError } from '../src/http/errors.js';
import { hasLoneSurrogate, parseJson, utf8Text } from '../src/http/json.js';
import { ndjsonLines, type NdjsonLine } from '../src/http/ndjson.js';
import { openStore } from '../src/store/index.js';
import { seedLine } from './support/http.js';
import { listen, type RawAnswer } from './support/socket.js';

t.setTimeout(240_000);

const CLI = { keyId: null, name: 'test', role: 'cli' as const };
const SEED = seedLine('01-jingban');

function tmp(t: Test): string {
  const dir = mkdtempSync(join(tmpdir(), 'jx-attack-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** The service with a store and a unit key of the seed form's unit, on loopback. */
async function service(t: Test, config: Record<string, unknown> = {}) {
  const store = await openStore({ dataDir: tmp(t) });
  const { key } = await createKey(store, { name: 'u', role: 'unit', unit: '209100', region: '140000' }, CLI);
  const { key: bureau } = await createKey(store, { name: 'b', role: 'bureau' }, CLI);
  const app = await buildApp({ config: { logLevel: 'silent', ...config }, store });
  t.teardown(async () => {
    await app.close();
    await store.close();
  });
  const port = await listen(app);
  return { port, key, bureau, base: `http://127.0.0.1:${port}` };
}

/** Every complete answer (Content-Length bodies) in `buf`. */
function answers(buf: Buffer): RawAnswer[] {
  const out: RawAnswer[] = [];
  let off = 0;
  for (;;) {
    const head = buf.indexOf('\r\n\r\n', off);
    if (head < 0) break;
    const lines = buf.subarray(off, head).toString('latin1').split('\r\n');
    const headers: Record<string, string> = {};
    for (const l of lines.slice(1)) {
      const i = l.indexOf(':');
      if (i > 0) headers[l.slice(0, i).trim().toLowerCase()] = l.slice(i + 1).trim();
    }
    const len = Number(headers['content-length'] ?? 0);
    if (head + 4 + len > buf.length) break;
    const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(lines[0])?.[1] ?? 0);
    out.push({ status, headers, body: buf.subarray(head + 4, head + 4 + len).toString('utf8'), ended: 'end' });
    off = head + 4 + len;
  }
  return out;
}

/** Send `bytes`, read until `want` answers are in, the server closes, or `maxMs` (then 'timeout'). */
function exchange(port: number, bytes: string | Buffer, want = 1, maxMs = 30_000): Promise<{ answers: RawAnswer[]; how: string }> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    const parts: Buffer[] = [];
    let done = false;
    const finish = (how: string) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      socket.destroy();
      resolve({ answers: answers(Buffer.concat(parts)), how });
    };
    const timer = setTimeout(() => finish('timeout'), maxMs);
    socket.on('data', (d) => {
      parts.push(d);
      if (answers(Buffer.concat(parts)).length >= want) finish('answered');
    });
    socket.on('error', () => finish('reset'));
    socket.on('close', () => finish('closed'));
    socket.once('connect', () => socket.write(bytes));
  });
}

interface ProblemJson {
  status: number;
  code: string;
  detail: string;
  instance?: string;
}
const HAN = /[\u4e00-\u9fff]/;

/** An answer is an RFC 9457 problem: its type, a status equal to the answer's, a Chinese detail, an instance. */
function isProblem(t: Test, a: RawAnswer | undefined, status: number, code: string, instance: string | RegExp, what: string): void {
  if (!a) {
    t.fail(`${what}: no answer`);
    return;
  }
  t.equal(a.status, status, `${what}: status`);
  t.match(a.headers['content-type'], /^application\/problem\+json/, `${what}: problem+json`);
  const p = JSON.parse(a.body) as ProblemJson;
  t.equal(p.status, status, `${what}: problem.status`);
  t.equal(p.code, code, `${what}: code`);
  t.match(p.detail, HAN, `${what}: Chinese detail`);
  if (typeof instance === 'string') t.equal(p.instance, instance, `${what}: instance`);
  else t.match(p.instance, instance, `${what}: instance`);
}

const UUID_URN = /^urn:uuid:[0-9a-f-]{36}$/;

t.test('what Node answers before a route runs is a problem+json with an instance (over a socket)', async (t) => {
  const { port } = await service(t);
  // [what, request bytes, status, code, instance]
  const rows: [string, string | Buffer, number, string, string | RegExp][] = [
    ['HTTP/1.1 without Host (Node answered a bare 400)', 'GET /healthz HTTP/1.1\r\n\r\n', 400, 'BAD_REQUEST', '/healthz'],
    ['a POST without Host', 'POST /v1/score HTTP/1.1\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}', 400, 'BAD_REQUEST', '/v1/score'],
    ['CONNECT to a host (Node closed the socket unanswered)', 'CONNECT 127.0.0.1:22 HTTP/1.1\r\nHost: 127.0.0.1:22\r\n\r\n', 405, 'METHOD_NOT_ALLOWED', UUID_URN],
    ['CONNECT to a path', 'CONNECT /v1/policies HTTP/1.1\r\nHost: x\r\n\r\n', 405, 'METHOD_NOT_ALLOWED', '/v1/policies'],
    ['a NUL byte in a header (no instance before)', 'GET /v1/policies HTTP/1.1\r\nHost: x\r\nX-A: a\0b\r\n\r\n', 400, 'BAD_REQUEST', '/v1/policies'],
    ['an unknown method', 'FOO /healthz HTTP/1.1\r\nHost: x\r\n\r\n', 400, 'BAD_REQUEST', '/healthz'],
    ['raw UTF-8 in the path', Buffer.from('GET /v1/policies/政策 HTTP/1.1\r\nHost: x\r\n\r\n'), 400, 'BAD_REQUEST', '/v1/policies/'],
    ['a header over MAX_HEADER_SIZE', `GET /healthz HTTP/1.1\r\nHost: x\r\nX-A: ${'a'.repeat(20_000)}\r\n\r\n`, 431, 'HEADERS_TOO_LARGE', '/healthz'],
    ['a request line over MAX_HEADER_SIZE', `GET /v1/policies?a=${'x'.repeat(20_000)} HTTP/1.1\r\nHost: x\r\n\r\n`, 431, 'HEADERS_TOO_LARGE', '/v1/policies'],
    ['not HTTP at all', 'GARBAGE\r\n\r\n', 400, 'BAD_REQUEST', UUID_URN],
  ];
  for (const [what, bytes, status, code, instance] of rows) {
    const r = await exchange(port, bytes);
    isProblem(t, r.answers[0], status, code, instance, what);
    if (status === 405) t.equal(r.answers[0]?.headers.allow, 'DELETE, GET, HEAD, POST', `${what}: Allow`);
  }
  // HTTP/1.0 needs no Host.
  const r = await exchange(port, 'GET /healthz HTTP/1.0\r\n\r\n');
  t.equal(r.answers[0]?.status, 200, 'HTTP/1.0 without Host is served');
});

t.test('a request that times out before its headers end gets a 408 with an instance (over a socket)', async (t) => {
  const { port } = await service(t, { headersTimeoutMs: 1000 });
  const r = await exchange(port, 'GET /healthz HTTP/1.1\r\n', 1, 60_000);
  isProblem(t, r.answers[0], 408, 'REQUEST_TIMEOUT', UUID_URN, 'headers cut short');
});

t.test('a bad request pipelined after a good one: the good one is answered first (over a socket)', async (t) => {
  const { port } = await service(t);
  // [what, good request, its status, bad request, the bad one's instance: its path when its request
  // line follows a blank line in the bytes Node was parsing; after a body, an occurrence URN]
  const rows: [string, string, number, string, string | RegExp][] = [
    ['GET then a NUL in a header', 'GET /v1/policies HTTP/1.1\r\nHost: x\r\n\r\n', 200, 'GET /v1/score HTTP/1.1\r\nHost: x\r\nX-A: a\0b\r\n\r\n', '/v1/score'],
    ['GET then garbage', 'GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n', 200, 'GARBAGE\r\n\r\n', UUID_URN],
    ['a scored POST then garbage', `POST /v1/score?detail=brief HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(SEED)}\r\n\r\n${SEED}`, 200, 'FOO /x HTTP/1.1\r\n\r\n', UUID_URN],
  ];
  for (const [what, good, status, bad, instance] of rows) {
    const r = await exchange(port, good + bad, 2);
    t.equal(r.answers.length, 2, `${what}: both answered (${r.how})`);
    t.equal(r.answers[0]?.status, status, `${what}: the good request's answer`);
    isProblem(t, r.answers[1], 400, 'BAD_REQUEST', instance, `${what}: the bad request's answer`);
  }
});

t.test('a malformed multipart upload is a 400 problem, never a 500 (over a socket)', async (t) => {
  const { base, key } = await service(t);
  const file = '--X\r\nContent-Disposition: form-data; name="file"; filename="a.xlsx"\r\n\r\nPK\x03\x04';
  // [what, content type, body]
  const rows: [string, string, string][] = [
    ['no boundary', 'multipart/form-data', '--X-'],
    ['the file part cut short', 'multipart/form-data; boundary=X', file],
    ['no closing delimiter after the file', 'multipart/form-data; boundary=X', file + 'xxxx\r\n'],
  ];
  for (const route of ['/v1/import', '/v1/import?shape=standard', '/v1/jobs']) {
    for (const [what, type, body] of rows) {
      const res = await fetch(base + route, { method: 'POST', body, headers: { 'content-type': type, authorization: `Bearer ${key}` } });
      t.equal(res.status, 400, `${route} ${what}`);
      t.match(res.headers.get('content-type'), /^application\/problem\+json/);
      const p = (await res.json()) as ProblemJson;
      t.equal(p.code, 'BAD_REQUEST', `${route} ${what}: code`);
      t.match(p.detail, /multipart/, `${route} ${what}: says the upload is malformed`);
    }
  }
});

t.test('a body that is not UTF-8, or has an unpaired surrogate, is 400 INVALID_UTF8, never stored as U+FFFD (over a socket)', async (t) => {
  const { base, key } = await service(t);
  const withName = (bytes: Buffer | string) => Buffer.concat([Buffer.from(SEED.slice(0, -1) + ',"proName":"'), Buffer.from(bytes as Buffer), Buffer.from('"}')]);
  // [what, body, status, code]
  const rows: [string, Buffer, number, string | null][] = [
    ['an overlong "/"', withName(Buffer.from([0xc0, 0xaf])), 400, 'INVALID_UTF8'],
    ['an encoded surrogate (CESU-8)', withName(Buffer.from([0xed, 0xa0, 0x80])), 400, 'INVALID_UTF8'],
    ['GBK bytes without a charset', withName(Buffer.from([0xc9, 0xe7, 0xbb, 0xe1])), 400, 'INVALID_UTF8'],
    ['a stray 0xFF', withName(Buffer.from([0xff])), 400, 'INVALID_UTF8'],
    ['an unpaired \\ud800 escape', withName('\\ud800x'), 400, 'INVALID_UTF8'],
    ['an unpaired \\udfff escape', withName('x\\udfff'), 400, 'INVALID_UTF8'],
    ['an unpaired surrogate in a key', Buffer.from(SEED.slice(0, -1) + ',"\\udc00":1}'), 400, 'INVALID_UTF8'],
    ['a surrogate pair escape is a character', withName('\\ud83d\\ude00'), 200, null],
    ['an escaped backslash before "ud800" is text', withName('\\\\ud800'), 200, null],
    ['a UTF-8 BOM is skipped', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(SEED)]), 200, null],
    ['Chinese text', withName('社会保险'), 200, null],
  ];
  for (const route of ['/v1/score?detail=brief', '/v1/submissions']) {
    for (const [what, body, status, code] of rows) {
      const res = await fetch(base + route, { method: 'POST', body, headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` } });
      const want = route === '/v1/submissions' && status === 200 ? [200, 201] : [status];
      t.ok(want.includes(res.status), `${route} ${what}: ${res.status}`);
      const out = (await res.json()) as ProblemJson;
      if (code) t.equal(out.code, code, `${route} ${what}: code`);
    }
  }
  const res = await fetch(`${base}/v1/score`, { method: 'POST', body: withName(Buffer.from([0xff])), headers: { 'content-type': 'application/json', 'accept-language': 'en' } });
  t.match(((await res.json()) as ProblemJson).detail, /not valid UTF-8/, 'in English when asked');
});

t.test('an NDJSON line that is not UTF-8 is a failed line INVALID_UTF8, the others are scored (batch and job, over a socket)', async (t) => {
  const { base, key } = await service(t);
  const body = Buffer.concat([
    Buffer.from(SEED + '\n'),
    Buffer.from(SEED.slice(0, -1) + ',"proName":"'),
    Buffer.from([0xc0, 0xaf]),
    Buffer.from('"}\r\n'),
    Buffer.from(SEED.slice(0, -1) + ',"proName":"\\ud800"}\n'),
    Buffer.from(SEED),
  ]);
  const expected = ['ok', 'INVALID_UTF8', 'INVALID_UTF8', 'ok'];
  const batch = await fetch(`${base}/v1/score/batch?detail=brief`, { method: 'POST', body, headers: { 'content-type': 'application/x-ndjson' } });
  t.equal(batch.status, 200);
  const lines = (await batch.text()).trim().split('\n').map((l) => JSON.parse(l) as { ok?: boolean; problem?: { code: string }; summary?: unknown });
  t.same(lines.filter((l) => !l.summary).map((l) => (l.ok ? 'ok' : l.problem?.code)), expected, 'batch lines');

  const auth = { authorization: `Bearer ${key}` };
  const posted = await fetch(`${base}/v1/jobs`, { method: 'POST', body, headers: { ...auth, 'content-type': 'application/x-ndjson' } });
  t.equal(posted.status, 202);
  const { id } = (await posted.json()) as { id: string };
  // The worker scores in the background: wait for the job (generous: a busy machine).
  let state = '';
  for (let i = 0; i < 600 && state !== 'done'; i++) {
    state = ((await (await fetch(`${base}/v1/jobs/${id}`, { headers: auth })).json()) as { state: string }).state;
    if (state !== 'done') await new Promise((r) => setTimeout(r, 100));
  }
  t.equal(state, 'done', 'the job ends');
  const results = (await (await fetch(`${base}/v1/jobs/${id}/results`, { headers: auth })).text()).trim().split('\n');
  const got = results.map((l) => JSON.parse(l) as { status: string; problem?: { code: string } }).map((l) => (l.status === 'done' ? 'ok' : l.problem?.code));
  t.same(got, expected, 'job lines');
});

t.test('an NDJSON what-if body that is not UTF-8 is 400 INVALID_UTF8 (over a socket)', async (t) => {
  const { base, bureau } = await service(t);
  const headers = { 'content-type': 'application/x-ndjson', authorization: `Bearer ${bureau}` };
  // [what, body, status]
  const rows: [string, Buffer, number][] = [
    ['a stray byte in the second line', Buffer.concat([Buffer.from(SEED + '\n' + SEED.slice(0, -1) + ',"proName":"'), Buffer.from([0xff]), Buffer.from('"}\n')]), 400],
    ['UTF-8 lines', Buffer.from(SEED + '\n' + SEED + '\n'), 200],
  ];
  for (const [what, body, status] of rows) {
    const res = await fetch(`${base}/v1/whatif?policy=national-2020`, { method: 'POST', body, headers });
    t.equal(res.status, status, what);
    if (status === 400) t.equal(((await res.json()) as ProblemJson).code, 'INVALID_UTF8', `${what}: code`);
    else await res.arrayBuffer();
  }
});

t.test('a missing file under a GET route is 404, not a 405 that allows GET (over a socket)', async (t) => {
  const { base } = await service(t);
  // [method, path, status, code]
  const rows: [string, string, number, string][] = [
    ['GET', '/docs/static/nope.js', 404, 'NOT_FOUND'],
    ['HEAD', '/docs/static/nope.js', 404, 'NOT_FOUND'],
    ['GET', '/docs/static/..%2f..%2fpackage.json', 404, 'NOT_FOUND'],
    ['PUT', '/docs/static/nope.js', 405, 'METHOD_NOT_ALLOWED'],
    ['PUT', '/v1/policies', 405, 'METHOD_NOT_ALLOWED'],
  ];
  for (const [method, path, status, code] of rows) {
    const res = await fetch(base + path, { method });
    t.equal(res.status, status, `${method} ${path}`);
    if (method !== 'HEAD') t.equal(((await res.json()) as ProblemJson).code, code, `${method} ${path}: code`);
    if (status === 405) t.match(res.headers.get('allow'), /GET/, `${method} ${path}: Allow`);
  }
});

t.test('a bad Idempotency-Key is a 400 in the request\'s language (over a socket)', async (t) => {
  const { base, key } = await service(t);
  // [Idempotency-Key, Accept-Language, detail]
  const rows: [string, string, RegExp][] = [
    ['a b', 'zh-CN', /可打印 ASCII/],
    ['x'.repeat(256), 'zh-CN', /可打印 ASCII/],
    ['a b', 'en', /printable ASCII/],
  ];
  for (const [idem, lang, detail] of rows) {
    const res = await fetch(`${base}/v1/submissions`, {
      method: 'POST',
      body: SEED,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${key}`, 'idempotency-key': idem, 'accept-language': lang },
    });
    t.equal(res.status, 400, `${idem.slice(0, 10)} ${lang}`);
    t.match(((await res.json()) as ProblemJson).detail, detail);
  }
});

t.test('mapError: busboy texts and a client gone mid-body are 400s, anything else stays a 500', async (t) => {
  const limits = { bodyLimit: 1024, multipart: { files: 1, fields: 10, parts: 12, fileSize: 1024 } };
  const req = (type: string) => ({ headers: { 'content-type': type }, method: 'POST', url: '/v1/import', routeOptions: {} }) as unknown as FastifyRequest;
  const err = (message: string, code?: string) => Object.assign(new Error(message), code ? { code } : {});
  // [what, error, content type, code or null (a 500)]
  const rows: [string, Error, string, string | null][] = [
    ['no boundary', err('Multipart: Boundary not found'), 'multipart/form-data', 'BAD_REQUEST'],
    ['a part cut short', err('Part terminated early due to unexpected end of multipart data'), 'multipart/form-data; boundary=X', 'BAD_REQUEST'],
    ['the data cut short', err('Unexpected end of multipart data'), 'multipart/form-data; boundary=X', 'BAD_REQUEST'],
    ['a busboy text on a JSON request is ours', err('Unexpected end of multipart data'), 'application/json', null],
    ['the client went away', err('aborted', 'ECONNRESET'), 'application/octet-stream', 'BAD_REQUEST'],
    ['a stream closed early', err('Premature close', 'ERR_STREAM_PREMATURE_CLOSE'), 'multipart/form-data; boundary=X', 'BAD_REQUEST'],
    ['a bug', err('Cannot read properties of undefined'), 'multipart/form-data; boundary=X', null],
  ];
  for (const [what, e, type, code] of rows) t.equal(mapError(e as never, req(type), limits)?.code ?? null, code, what);
});

t.test('helpers: utf8Text, hasLoneSurrogate, parseJson, instanceFromRaw, ndjsonLines', async (t) => {
  // [bytes, text or null]
  const texts: [number[], string | null][] = [
    [[0x7b, 0x7d], '{}'],
    [[0xe7, 0xa4, 0xbe], '社'],
    [[0xc0, 0xaf], null],
    [[0xed, 0xa0, 0x80], null],
    [[0xf4, 0x90, 0x80, 0x80], null],
    [[0xe7, 0xa4], null],
  ];
  for (const [bytes, text] of texts) t.equal(utf8Text(Buffer.from(bytes)), text, bytes.map((b) => b.toString(16)).join(' '));
  // [value, has a lone surrogate]
  const values: [unknown, boolean][] = [
    ['a\ud800', true],
    ['\udc00b', true],
    ['\ud83d\ude00', false],
    [{ a: [{ b: 'x\udbff' }] }, true],
    [{ '\ud800': 1 }, true],
    [{ a: ['社会', 1, null] }, false],
  ];
  for (const [v, lone] of values) t.equal(hasLoneSurrogate(v), lone, JSON.stringify(v));
  // [JSON text, ok or its code]
  const parses: [string, string][] = [
    ['{"a":"\\ud800"}', 'INVALID_UTF8'],
    ['["\\uDFFF"]', 'INVALID_UTF8'],
    ['{"a":"\\ud83d\\ude00"}', 'ok'],
    ['{"a":"\\\\ud800"}', 'ok'],
  ];
  for (const [text, want] of parses) {
    const r = parseJson(text);
    t.equal(r.ok ? 'ok' : r.code, want, text);
  }
  // [raw bytes, bytes parsed, instance]
  const raws: [string, number | undefined, string | undefined][] = [
    ['GET /v1/policies HTTP/1.1\r\nX: \0', undefined, '/v1/policies'],
    ['GET /a HTTP/1.1\r\nHost: x\r\n\r\nPOST /b?x=1 HTTP/1.1\r\nX: \0', undefined, '/b'],
    ['GET /a HTTP/1.1\r\nHost: x\r\n\r\nPOST /b HTTP/1.1\r\n', 10, '/a'],
    ['GET /a HTTP/1.1\r\nHost: x\r\n\r\nFOO /b HTTP/1.1\r\n', 29, '/b'],
    ['GET /a HTTP/1.1\r\nHost: x\r\n\r\nGARBAGE\r\n\r\n', 30, undefined],
    ['GARBAGE', undefined, undefined],
  ];
  for (const [raw, upTo, want] of raws) t.equal(instanceFromRaw(Buffer.from(raw, 'latin1'), upTo), want, JSON.stringify(raw));
  t.equal(instanceFromRaw('not a buffer'), undefined);
  const lines: NdjsonLine[] = [];
  for await (const l of ndjsonLines([Buffer.from('{"a":1}\n'), Buffer.from([0x22, 0xff, 0x22, 0x0a]), Buffer.from('"社"')], 1024)) if (l) lines.push(l);
  t.same(lines.map((l) => [l.n, l.invalidUtf8 === true]), [[1, false], [2, true], [3, false]], 'NDJSON lines that are not UTF-8 are marked');
});
