/**
 * The contract: the committed api/openapi.json is the one the code generates (run
 * `npm run openapi` after changing a route or a schema), and every example in api/examples/
 * goes through the API and comes back as written (texts and policy hashes aside) and valid
 * against the route's zod response schema.
 */
import { readdirSync, readFileSync } from 'node:fs';
import t from 'tap';
import type { z } from 'zod';
import { ScoreResultSchema } from '../src/core/model/result.js';
import { openapiText } from '../src/http/openapi.js';
import { ProblemSchema } from '../src/http/schemas/common.js';
import { PolicyListSchema, PolicySchema } from '../src/http/schemas/policies.js';
import { BatchJsonResultSchema, BatchLineSchema, BatchSummaryLineSchema } from '../src/http/schemas/score.js';
import { TargetsResultSchema } from '../src/http/schemas/targets.js';
import { StandardAnswerSchema } from '../src/standard/schema.js';
import { testApp } from './support/http.js';

const API = new URL('../api/', import.meta.url);

t.test('api/openapi.json is current', async (t) => {
  const committed = readFileSync(new URL('openapi.json', API), 'utf8');
  const generated = await openapiText();
  t.equal(committed, generated, 'api/openapi.json differs from the generated document: run `npm run openapi` and commit it');
  const doc = JSON.parse(generated);
  t.equal(doc.openapi, '3.1.0');
  for (const path of ['/v1/score', '/v1/score/batch', '/v1/targets/check', '/v1/policies', '/v1/policies/{id}', '/healthz', '/readyz', '/metrics']) {
    t.ok(doc.paths[path], `documents ${path}`);
  }
  t.same(Object.keys(doc.paths['/v1/score/batch'].post.requestBody.content).sort(), ['application/json', 'application/x-ndjson']);
  t.ok(doc.paths['/v1/score'].post.responses['422'].content['application/problem+json'], 'problems documented as problem+json');
  t.notOk(doc.paths['/openapi.json'] || doc.paths['/bench/echo'], 'internal routes hidden');
});

interface Example {
  summary: string;
  request: { method: 'GET' | 'POST'; url: string; headers?: Record<string, string>; body?: unknown; bodyText?: string };
  response: { status: number; contentType: string; body?: unknown; lines?: unknown[] };
}

/** Texts may be reworded and policy files re-hashed without breaking the contract. */
const VOLATILE = new Set(['hash', 'message', 'detail', 'description', 'explanation', 'name', 'title']);
function stable(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(stable);
  if (typeof v === 'object' && v !== null) {
    return Object.fromEntries(Object.entries(v).filter(([k]) => !VOLATILE.has(k)).map(([k, x]) => [k, stable(x)]));
  }
  return v;
}

function schemaFor(ex: Example, status: number): z.ZodType | undefined {
  if (status >= 400) return ProblemSchema;
  const path = ex.request.url.split('?')[0];
  if (path === '/v1/score') return /[?&]shape=standard/.test(ex.request.url) ? StandardAnswerSchema : ScoreResultSchema;
  if (path === '/v1/score/batch') return ex.response.lines ? undefined : BatchJsonResultSchema;
  if (path === '/v1/targets/check') return TargetsResultSchema;
  if (path === '/v1/policies') return PolicyListSchema;
  if (path.startsWith('/v1/policies/')) return PolicySchema;
  return undefined;
}

t.test('every example in api/examples goes through the API as documented', async (t) => {
  const files = readdirSync(new URL('examples/', API)).filter((f) => f.endsWith('.json')).sort();
  t.ok(files.length >= 8, `${files.length} examples`);
  const { app } = await testApp({ logLevel: 'silent' });
  t.teardown(() => app.close());
  for (const file of files) {
    const ex = JSON.parse(readFileSync(new URL(`examples/${file}`, API), 'utf8')) as Example;
    const { request: rq, response: rs } = ex;
    const res = await app.inject({
      method: rq.method,
      url: rq.url,
      headers: rq.headers,
      payload: rq.bodyText ?? (rq.body === undefined ? undefined : JSON.stringify(rq.body)),
    });
    t.equal(res.statusCode, rs.status, `${file}: status`);
    t.equal(String(res.headers['content-type']).split(';')[0], rs.contentType, `${file}: content type`);
    if (rs.lines) {
      const lines = res.body.trim().split('\n').map((l) => JSON.parse(l) as unknown);
      t.equal(lines.length, rs.lines.length, `${file}: line count`);
      lines.forEach((l, i) => (i === lines.length - 1 ? BatchSummaryLineSchema.parse(l) : BatchLineSchema.parse(l)));
      t.has(stable(lines), stable(rs.lines), `${file}: lines`);
    } else {
      const body = res.json() as unknown;
      const schema = schemaFor(ex, res.statusCode);
      if (schema) t.ok(schema.safeParse(body).success, `${file}: valid against the response schema`);
      t.has(stable(body), stable(rs.body), `${file}: body`);
    }
  }
});
