/**
 * A client of jixiao written only from the committed contract: its types are generated from
 * api/openapi.json (openapi-typescript) by test/contract-client.test.ts, which type-checks this
 * script against them and runs it against a real server. It scores the seed form, submits it,
 * and pages through the submissions with the cursor, then prints what it saw as JSON.
 *
 *   JX=http://127.0.0.1:3000 KEY=<bureau key> UNIT_KEY=<unit key> FORM=form.json node --import tsx drive.ts
 */
import { readFileSync } from 'node:fs';
import createClient from 'openapi-fetch';
import type { components, paths } from './api.js';

type Form = components['schemas']['ProjectFormInput'];

const env = (name: string): string => {
  const v = process.env[name];
  if (!v) throw new Error(`${name} is not set`);
  return v;
};

const jx = createClient<paths>({ baseUrl: env('JX') });
const bearer = (key: string) => ({ authorization: `Bearer ${key}` });
const form = JSON.parse(readFileSync(env('FORM'), 'utf8')) as Form;

// 1. Score one form, the brief answer.
const scored = await jx.POST('/v1/score', { body: form, params: { query: { detail: 'brief' } } });
if (!scored.data) throw new Error(`score: ${scored.response.status} ${JSON.stringify(scored.error)}`);
// The answer is a ScoreResult, a BriefResult or (with ?shape=standard) the standard rows: narrow it.
if (!('total' in scored.data)) throw new Error('score: not a jixiao result');
const total: string = scored.data.total;

// 2. Submit it (unit key), three projects.
const ids: string[] = [];
for (const n of [1, 2, 3]) {
  const body: Form = { ...form, id: `client-${n}`, proCode: `C${n}` };
  const stored = await jx.POST('/v1/submissions', { body, headers: bearer(env('UNIT_KEY')) });
  if (!stored.data) throw new Error(`submit: ${stored.response.status} ${JSON.stringify(stored.error)}`);
  ids.push(stored.data.id);
  if (stored.data.score.total !== total) throw new Error('the stored score differs from the scored one');
}

// 3. Page through the submissions, one a page, following `next`.
const listed: string[] = [];
let cursor: string | undefined;
for (;;) {
  const page = await jx.GET('/v1/submissions', { params: { query: { limit: 1, cursor } }, headers: bearer(env('KEY')) });
  if (!page.data) throw new Error(`list: ${page.response.status} ${JSON.stringify(page.error)}`);
  listed.push(...page.data.items.map((s) => s.id));
  if (page.data.next === null) break;
  cursor = page.data.next;
}

// 4. A problem comes back typed as a problem.
const bad = await jx.GET('/v1/submissions', { params: { query: { cursor: 'not-a-cursor' } }, headers: bearer(env('KEY')) });
const badCode: string | undefined = bad.error?.code;

process.stdout.write(JSON.stringify({ total, ids, listed, badStatus: bad.response.status, badCode }) + '\n');
