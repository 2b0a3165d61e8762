/**
 * Every route the service documents, asked badly: hostile path parameters, hostile query values,
 * bodies that are not what the route takes, each with no key and with a key of every role. The
 * answer is never a 5xx, and every 4xx is a problem+json (or the {code, msg, data} envelope when
 * asked for one). The routes are read from the service's own OpenAPI document, so a route added
 * later is covered without touching this file.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t from 'tap';
import { createKey } from '../src/auth/keys.js';
import { buildApp } from '../src/http/app.js';
import { openStore } from '../src/store/index.js';
import { ROLES, type Role } from '../src/store/types.js';
import { seedLine } from './support/http.js';

t.setTimeout(600_000);

const CLI = { keyId: null, name: 'test', role: 'cli' } as const;

/** A key spec per role, in one region and department (unknown roles get the bureau's shape). */
function specOf(role: Role) {
  const base = { name: role, region: '140000' };
  switch (role) {
    case 'unit':
      return { ...base, role, unit: '209100' };
    case 'bureau':
      return { ...base, role };
    default:
      return { ...base, role, dept: '209' };
  }
}

const PARAMS = ['x', '0', '-1', '9'.repeat(40), '%2e%2e%2f', '%00', '%E4%B8%AD', 'a'.repeat(300)];
const QUERY = '?limit=-1&cursor=%25%25%25&year=abc&format=zzz&detail=zz&shape=zz&status=zz&policy=%00&sort=%3B';
const BODIES: Array<[string, string | undefined]> = [
  ['application/json', undefined],
  ['application/json', '{}'],
  ['application/json', '[]'],
  ['application/json', 'null'],
  ['application/json', '"x"'],
  ['application/json', '{"a":'],
  ['application/json', '{"__proto__":{"x":1}}'],
  ['application/json', '[1,"x",{"y":[]}]'],
  ['application/x-ndjson', '{}\nnot json\n[]\n'],
  ['text/plain', 'hello'],
  ['multipart/form-data; boundary=zz', '--zz\r\nContent-Disposition: form-data; name="file"; filename="a.xlsx"\r\n\r\nPK\u0003\u0004garbage\r\n--zz--\r\n'],
];

interface Op {
  method: string;
  path: string;
}

function operations(doc: { paths?: Record<string, Record<string, unknown>> }): Op[] {
  const out: Op[] = [];
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    for (const method of Object.keys(item)) {
      if (['get', 'post', 'put', 'patch', 'delete'].includes(method)) out.push({ method: method.toUpperCase(), path });
    }
  }
  return out;
}

/** The path with each {param} replaced by `value`. */
const fill = (path: string, value: string) => path.replace(/\{[^}]+\}/g, value);

t.test('no route answers a hostile request with a 5xx', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-every-route-'));
  const store = await openStore({ dataDir: dir });
  const app = await buildApp({ config: { logLevel: 'silent', rateLimitMax: 0, rateLimitKeyMax: 0 }, store });
  t.teardown(async () => {
    await app.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });
  await app.ready();
  const keys: Array<string | null> = [null];
  for (const role of ROLES) keys.push((await createKey(store, specOf(role) as never, CLI)).key);

  const ops = operations((await app.inject({ method: 'GET', url: '/openapi.json' })).json() as { paths?: Record<string, Record<string, unknown>> });
  t.ok(ops.length >= 20, `the document lists the routes (${ops.length})`);
  const seed = seedLine('01-jingban');
  const bad: string[] = [];
  let asked = 0;
  const ask = async (method: string, url: string, key: string | null, type?: string, payload?: string) => {
    const headers: Record<string, string> = {};
    if (key) headers.authorization = `Bearer ${key}`;
    if (type && payload !== undefined) headers['content-type'] = type;
    const r = await app.inject({ method: method as 'GET', url, headers, payload });
    asked++;
    const ct = String(r.headers['content-type'] ?? '');
    const problemLike = ct.startsWith('application/problem+json') || (ct.startsWith('application/json') && /"code"/.test(r.body));
    if (r.statusCode >= 500 || (r.statusCode >= 400 && r.statusCode !== 405 && !problemLike)) {
      bad.push(`${method} ${url.slice(0, 120)} (${key ? 'key' : 'no key'}, ${type ?? '-'} ${String(payload).slice(0, 20)}) → ${r.statusCode} ${ct} ${r.body.slice(0, 160)}`);
    }
  };
  for (const op of ops) {
    const hasParams = op.path.includes('{');
    const paths = hasParams ? PARAMS.map((p) => fill(op.path, p)) : [op.path];
    for (const key of keys) {
      for (const p of paths) {
        await ask(op.method, p, key);
        await ask(op.method, p + QUERY, key);
      }
      if (op.method === 'GET' || op.method === 'DELETE') continue;
      const target = paths[0];
      for (const [type, body] of BODIES) await ask(op.method, target, key, type, body);
      await ask(op.method, target + QUERY, key, 'application/json', seed);
    }
  }
  t.equal(bad.join('\n'), '', `${asked} requests, no 5xx and every 4xx a problem`);
});
