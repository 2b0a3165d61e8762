/**
 * Refresh the answers in api/examples/*.json from the running code: each example's request is
 * sent through the app (inject) and its documented response replaced by what comes back.
 * `npx tsx scripts/write-examples.ts` after a change that alters results on purpose; review the
 * diff. test/http-contract.test.ts sends every example through the API and compares.
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { testApp } from '../test/support/http.js';

const dir = new URL('../api/examples/', import.meta.url);
const { app } = await testApp({ logLevel: 'silent' });
for (const file of readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
  const url = new URL(file, dir);
  const ex = JSON.parse(readFileSync(url, 'utf8'));
  const rq = ex.request;
  const res = await app.inject({
    method: rq.method, url: rq.url, headers: rq.headers,
    payload: rq.bodyText ?? (rq.body === undefined ? undefined : JSON.stringify(rq.body)),
  });
  ex.response.status = res.statusCode;
  ex.response.contentType = String(res.headers['content-type']).split(';')[0];
  if (ex.response.lines) ex.response.lines = res.body.trim().split('\n').map((l) => JSON.parse(l));
  else ex.response.body = res.json();
  writeFileSync(url, JSON.stringify(ex, null, 2) + '\n');
}
await app.close();
