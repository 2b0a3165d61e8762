/**
 * The 一体化 standard shape over HTTP (issue 12 item 1): POST /v1/score with a standard body in
 * both answer shapes (?shape=standard, the Accept type), problems in standard terms, batches that
 * mix shapes (JSON and NDJSON), submissions keyed by eval_id, the import answer on request, and
 * the README's curl example.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t, { type Test } from 'tap';
import { createKey } from '../src/auth/keys.js';
import { buildApp } from '../src/http/app.js';
import { loadJixiao } from '../src/jixiao.js';
import { openStore } from '../src/store/index.js';
import { rescore } from '../src/store/service.js';
import { formToStandard, type Json } from '../src/standard/index.js';
import { loadStandardCodes } from '../src/standard/load.js';
import { JSON_HEADERS, NDJSON_HEADERS, seedText, testApp } from './support/http.js';

const codes = loadStandardCodes();
const SEED = JSON.parse(seedText('01-jingban')) as Json;
/** The first seed form in the standard shape, in 元. */
const STD = formToStandard(SEED, codes, { moneyUnit: '元' }).body;
const VND = 'application/vnd.jixiao.standard+json';

t.test('POST /v1/score takes a standard body and answers in either shape', async (t) => {
  const { app } = await testApp({ logLevel: 'silent' });
  t.teardown(() => app.close());
  const plain = await app.inject({ method: 'POST', url: '/v1/score', headers: JSON_HEADERS, payload: SEED });
  const asForm = await app.inject({ method: 'POST', url: '/v1/score', headers: JSON_HEADERS, payload: STD });
  t.equal(asForm.statusCode, 200);
  t.equal(asForm.json().total, plain.json().total);
  t.equal(asForm.json().total, '93.76');
  t.equal(asForm.json().funds.moneyUnit, '元');
  t.ok(asForm.json().findings.every((f: { pointer: string }) => !/^\/(indicators|funds|goals)/.test(f.pointer)), 'pointers in standard terms');
  t.equal(asForm.json().indicators[0].pointer, '/pm_self_eval_indicator/0');

  for (const [label, url, headers] of [
    ['?shape=standard', '/v1/score?shape=standard', JSON_HEADERS],
    ['Accept', '/v1/score', { ...JSON_HEADERS, accept: VND }],
  ] as const) {
    const res = await app.inject({ method: 'POST', url, headers, payload: STD });
    t.equal(res.statusCode, 200, label);
    const body = res.json();
    t.equal(body.pm_perf_self_eval.total_eval_value, '93.76', label);
    t.equal(body.pm_perf_self_bgt[0].exe_amt_rate, '87.61');
    t.equal(body.pm_perf_self_bgt[1].exe_score, '8.76');
    t.same(body.pm_self_eval_indicator.map((r: Json) => r.eval_score), plain.json().indicators.map((r: Json) => r.score));
    t.equal(body.jixiao.grade, '优');
    t.equal(body.jixiao.policy.id, 'shanxi-2022');
    t.match(res.headers.vary, /Accept/);
    t.equal(String(res.headers['content-type']).split(';')[0], label === 'Accept' ? VND : 'application/json');
  }
  // A jixiao form answered in the standard shape; brief under jixiao.
  const brief = await app.inject({ method: 'POST', url: '/v1/score?shape=standard&detail=brief', headers: JSON_HEADERS, payload: SEED });
  t.equal(brief.json().moneyUnit, '万元');
  t.equal(brief.json().pm_perf_self_bgt[0].cur_amt, '252.83');
  t.equal(brief.json().pm_perf_self_eval.total_eval_value, '93.76');
  t.equal(brief.json().jixiao.explanation, undefined);
  t.equal(brief.json().jixiao.total, '93.76');
  // ?shape=form wins over the Accept type.
  const form = await app.inject({ method: 'POST', url: '/v1/score?shape=form', headers: { ...JSON_HEADERS, accept: VND }, payload: STD });
  t.equal(form.json().total, '93.76');
  t.equal(form.json().pm_perf_self_eval, undefined);
  const bad = await app.inject({ method: 'POST', url: '/v1/score?shape=xml', headers: JSON_HEADERS, payload: STD });
  t.equal(bad.statusCode, 400);
});

t.test('garbage in standard fields → 422 with pointers in standard terms', async (t) => {
  const { app } = await testApp({ logLevel: 'silent' });
  t.teardown(() => app.close());
  const body = structuredClone(STD) as Json;
  const rows = body.pm_self_eval_indicator as Json[];
  rows[2] = { ...rows[2], computesign: 'x', ind_comp: undefined, actualvalue: { a: 1 } };
  rows[3] = { ...rows[3], ind_weight: '五分' };
  (body.pm_perf_self_bgt as Json[])[0].cur_amt = 'abc';
  (body.pm_perf_self_eval as Json).pro_code = 12345678901234567890;
  const res = await app.inject({ method: 'POST', url: '/v1/score?shape=standard', headers: { ...JSON_HEADERS, 'accept-language': 'en' }, payload: body });
  t.equal(res.statusCode, 422);
  t.equal(res.json().code, 'INVALID_FORM');
  const got = res.json().errors.map((e: { code: string; pointer: string }) => `${e.code} ${e.pointer}`).sort();
  t.same(got, [
    'INVALID_TYPE /pm_self_eval_indicator/2/actualvalue',
    'INVALID_VALUE /pm_self_eval_indicator/2/computesign',
    'NOT_A_NUMBER /pm_perf_self_bgt/0/cur_amt',
    'NOT_A_NUMBER /pm_self_eval_indicator/3/ind_weight',
    'UNSAFE_INTEGER /pm_perf_self_eval/pro_code',
  ]);
});

t.test('batches mix shapes, per item and per NDJSON line', async (t) => {
  const { app } = await testApp({ logLevel: 'silent' });
  t.teardown(() => app.close());
  const arr = await app.inject({ method: 'POST', url: '/v1/score/batch', headers: JSON_HEADERS, payload: [SEED, STD, { pm_perf_self_eval: {} }] });
  t.equal(arr.statusCode, 200);
  const results = arr.json().results;
  t.same(results.map((r: Json) => [r.id, r.ok]), [['seed-2022-209100-01', true], ['seed-2022-209100-01', true], [null, false]]);
  t.equal(results[0].result.total, results[1].result.total);
  t.ok(results[2].problem.errors.some((e: { pointer: string }) => e.pointer === '/pm_perf_self_eval/pro_name'));
  t.same(arr.json().summary.byGrade, { 优: 2 });

  const lines = [JSON.stringify(STD), JSON.stringify(SEED), 'not json'].join('\n') + '\n';
  const nd = await app.inject({ method: 'POST', url: '/v1/score/batch?shape=standard', headers: NDJSON_HEADERS, payload: lines });
  t.equal(nd.statusCode, 200);
  const out = nd.body.trim().split('\n').map((l) => JSON.parse(l));
  t.equal(out.length, 4);
  t.equal(out[0].result.pm_perf_self_eval.total_eval_value, '93.76');
  t.equal(out[0].result.moneyUnit, '元');
  t.equal(out[1].result.moneyUnit, '万元');
  t.equal(out[1].result.pm_perf_self_eval.total_eval_value, '93.76');
  t.equal(out[1].result.jixiao.total, '93.76', 'brief under jixiao (the batch default)');
  t.equal(out[2].ok, false);
  t.equal(out[3].summary.scored, 2);
});

async function storeApp(t: Test) {
  const dir = mkdtempSync(join(tmpdir(), 'jx-std-'));
  const s = await openStore({ dataDir: dir });
  const { key } = await createKey(s, { name: 'u', role: 'unit', unit: '209100', region: '140000' }, { keyId: null, name: 't', role: 'cli' });
  const app = await buildApp({ config: { logLevel: 'silent' }, store: s });
  t.teardown(async () => {
    await app.close();
    await s.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return { app, s, h: { ...JSON_HEADERS, authorization: `Bearer ${key}` } };
}

t.test('submissions: eval_id is the idempotency key, a new eval_id for the same project a new version', async (t) => {
  const { app, s, h } = await storeApp(t);
  const body = structuredClone(STD) as Json;
  const header = body.pm_perf_self_eval as Json;
  header.pro_code = 'P-STD-1';
  const first = await app.inject({ method: 'POST', url: '/v1/submissions', headers: h, payload: body });
  t.equal(first.statusCode, 201);
  const id = first.json().id;
  t.equal(first.json().version, 1);
  t.equal(first.json().score.total, '93.76');
  // The same eval_id and content: no new version.
  const again = await app.inject({ method: 'POST', url: '/v1/submissions', headers: h, payload: body });
  t.equal(again.statusCode, 200);
  t.equal(again.json().duplicate, true);
  t.equal(again.json().version, 1);
  // An unknown column is not stored, so it changes nothing either.
  const extra = await app.inject({ method: 'POST', url: '/v1/submissions', headers: h, payload: { ...body, foo: 1 } });
  t.equal(extra.json().version, 1);
  // 取消终审 rotates eval_id: the same natural key, a new version.
  const rotated = await app.inject({ method: 'POST', url: '/v1/submissions', headers: h, payload: { ...body, pm_perf_self_eval: { ...header, eval_id: 'rotated-guid' } } });
  t.equal(rotated.statusCode, 201);
  t.equal(rotated.json().id, id);
  t.equal(rotated.json().version, 2);
  const got = await app.inject({ method: 'GET', url: `/v1/submissions/${id}`, headers: h });
  t.equal(got.json().form.pm_perf_self_eval.eval_id, 'rotated-guid', 'stored as sent');
  t.same(got.json().versions.map((v: Json) => v.evalId), ['seed-2022-209100-01', 'rotated-guid']);
  // Another project (pro_code) is another submission.
  const other = await app.inject({ method: 'POST', url: '/v1/submissions', headers: h, payload: { ...body, pm_perf_self_eval: { ...header, pro_code: 'P-STD-2' } } });
  t.not(other.json().id, id);
  // Problems in standard terms, the tenancy checks included.
  const noAgency = await app.inject({ method: 'POST', url: '/v1/submissions', headers: h, payload: { ...body, pm_perf_self_eval: { ...header, agency_code: undefined } } });
  t.equal(noAgency.statusCode, 422);
  t.equal(noAgency.json().errors[0].pointer, '/pm_perf_self_eval/agency_code');
  const v2 = await app.inject({ method: 'GET', url: `/v1/submissions/${id}/versions/2`, headers: h });
  t.equal(v2.json().input.pm_perf_self_eval.pro_code, 'P-STD-1');
  // Rescoring reads the stored standard bodies: the same totals under national-2020 for all three projects.
  const bureau = { keyId: 'key_b', name: 'b', role: 'bureau' as const, agencyCode: null, deptCode: null, mofDivCode: '140000' };
  const out = await rescore(loadJixiao(), s, bureau, { year: 2022, policy: loadJixiao().policies.get('national-2020')!, filter: {} });
  t.same(out.failed, []);
  t.equal(out.rescored, 2);
});

t.test('POST /v1/import?shape=standard adds each form in the standard shape', async (t) => {
  const { app } = await testApp({ logLevel: 'silent' });
  t.teardown(() => app.close());
  const xlsx = readFileSync(new URL('./fixtures/xlsx/01-jingban.xlsx', import.meta.url));
  const headers = { 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' };
  const res = await app.inject({ method: 'POST', url: '/v1/import?shape=standard', headers, payload: xlsx });
  t.equal(res.statusCode, 200);
  const f = res.json().forms[0];
  t.equal(f.standard.pm_perf_self_eval.total_eval_value, '93.76');
  t.equal(f.standard.moneyUnit, '万元');
  t.equal(f.standard.jixiao.total, '93.76');
  t.equal(f.result, undefined);
  const plain = await app.inject({ method: 'POST', url: '/v1/import', headers, payload: xlsx });
  t.equal(plain.json().forms[0].standard, undefined);
  t.equal(plain.json().forms[0].result.total, '93.76');
});

t.test("the README's curl example answers as documented", async (t) => {
  const { app } = await testApp({ logLevel: 'silent' });
  t.teardown(() => app.close());
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
  const section = readme.slice(readme.indexOf('### Standard shapes'));
  const m = /curl -fsS '([^']+)' \\\n\s+-H 'content-type: application\/json' \\\n\s+-d '([^']+)'/.exec(section);
  t.ok(m, 'the example is in the README');
  const url = new URL(m![1]);
  const res = await app.inject({ method: 'POST', url: url.pathname + url.search, headers: JSON_HEADERS, payload: m![2] });
  t.equal(res.statusCode, 200);
  const body = res.json();
  t.equal(body.moneyUnit, '元');
  t.equal(body.pm_self_eval_indicator[0].kpi_val, '≥120公里');
  t.equal(body.pm_perf_self_bgt[0].exe_amt_rate, '95.00');
  t.equal(body.pm_perf_self_eval.total_eval_value, body.jixiao.total);
});
