/**
 * The job life cycle through the typed client (see drive.ts): post the seed forms as a job, poll
 * it until it is done, read the results by page and one project by its pro_code.
 *
 *   JX=… KEY=<key> FORM=form.json node --import tsx drive-job.ts
 */
import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import createClient from 'openapi-fetch';
import type { components, paths } from './api.js';

type Form = components['schemas']['ProjectFormInput'];

const env = (name: string): string => {
  const v = process.env[name];
  if (!v) throw new Error(`${name} is not set`);
  return v;
};

const jx = createClient<paths>({ baseUrl: env('JX'), headers: { authorization: `Bearer ${env('KEY')}` } });
const form = JSON.parse(readFileSync(env('FORM'), 'utf8')) as Form;
const forms: Form[] = [1, 2, 3].map((n) => ({ ...form, id: `job-${n}`, proCode: `J${n}` }));

const posted = await jx.POST('/v1/jobs', { body: forms });
if (!posted.data) throw new Error(`post: ${posted.response.status} ${JSON.stringify(posted.error)}`);
const id = posted.data.id;

let job = posted.data;
for (let i = 0; job.state !== 'done' && i < 600; i++) {
  await sleep(100);
  const r = await jx.GET('/v1/jobs/{id}', { params: { path: { id } } });
  if (!r.data) throw new Error(`poll: ${r.response.status}`);
  job = r.data;
}

const results: { proCode: string | null; status: string }[] = [];
let cursor: string | undefined;
for (;;) {
  const page = await jx.GET('/v1/jobs/{id}/results', { params: { path: { id }, query: { format: 'json', limit: 2, cursor } }, parseAs: 'json' });
  const data = page.data as components['schemas']['JobResultPage'] | undefined;
  if (!data) throw new Error(`results: ${page.response.status}`);
  results.push(...data.items.map((l) => ({ proCode: l.proCode, status: l.status })));
  if (data.next === null) break;
  cursor = data.next;
}

const one = await jx.GET('/v1/jobs/{id}/results/{proCode}', { params: { path: { id, proCode: 'J2' } } });
if (!one.data) throw new Error(`by pro_code: ${one.response.status}`);

process.stdout.write(JSON.stringify({ state: job.state, counts: job.counts, results, one: { proCode: one.data.proCode, status: one.data.status } }) + '\n');
