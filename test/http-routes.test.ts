/** Every route through app.inject: the seed forms, policies, targets, health, metrics, logs, language. */
import t from 'tap';
import { ScoreResultSchema } from '../src/core/model/result.js';
import { loadJixiao, Jixiao } from '../src/jixiao.js';
import { genReqId } from '../src/http/app.js';
import { langFromHeader } from '../src/http/problem.js';
import { ProblemSchema } from '../src/http/schemas/common.js';
import { PolicyListSchema, PolicySchema } from '../src/http/schemas/policies.js';
import { TargetsResultSchema } from '../src/http/schemas/targets.js';
import { JSON_HEADERS, seedText, testApp } from './support/http.js';

const jx = loadJixiao();

t.test('POST /v1/score scores the seed forms under the policy in force and under national-2020', async (t) => {
  const { app } = await testApp();
  t.teardown(() => app.close());
  const expected = {
    '01-jingban': { shanxi: ['93.76', '优'], national: ['88.76', '良'] },
    '02-dangan': { shanxi: ['95.00', '优'], national: ['90.00', '优'] },
    '03-dalou': { shanxi: ['90.00', '优'], national: ['85.00', '良'] },
  } as const;
  for (const [name, exp] of Object.entries(expected) as [keyof typeof expected, (typeof expected)[keyof typeof expected]][]) {
    const byRegion = await app.inject({ method: 'POST', url: '/v1/score', headers: JSON_HEADERS, payload: seedText(name) });
    t.equal(byRegion.statusCode, 200, `${name} by region`);
    t.match(byRegion.headers['content-type'], /^application\/json/);
    const r = ScoreResultSchema.parse(byRegion.json());
    t.equal(r.policy.id, 'shanxi-2022', `${name}: the Shanxi policy is in force`);
    t.same([r.total, r.grade], exp.shanxi, `${name} under shanxi-2022`);

    const national = await app.inject({ method: 'POST', url: '/v1/score?policy=national-2020', headers: JSON_HEADERS, payload: seedText(name) });
    t.equal(national.statusCode, 200);
    const n = national.json();
    t.equal(n.policy.id, 'national-2020');
    t.same([n.total, n.grade], exp.national, `${name} under national-2020`);
  }
  const dalou = (await app.inject({ method: 'POST', url: '/v1/score', headers: JSON_HEADERS, payload: seedText('03-dalou') })).json();
  const codes = dalou.findings.map((f: { code: string }) => f.code);
  t.ok(codes.includes('WEIGHT_SUM') && codes.includes('TOTAL_MISMATCH'), '200 even with findings');
});

t.test('POST /v1/score: 404 for an unknown policy, 422 with every problem and its pointer', async (t) => {
  const { app } = await testApp();
  t.teardown(() => app.close());
  const unknown = await app.inject({ method: 'POST', url: '/v1/score?policy=atlantis', headers: JSON_HEADERS, payload: seedText('01-jingban') });
  t.equal(unknown.statusCode, 404);
  t.match(unknown.headers['content-type'], /^application\/problem\+json/);
  t.match(unknown.json(), { code: 'UNKNOWN_POLICY', status: 404, type: 'urn:jixiao:problem:UNKNOWN_POLICY', detail: /atlantis/ });

  const bad = { fiscalYear: 'soon', proName: '', funds: { rows: [] }, indicators: [{ level1: '产出指标', points: -5 }] };
  const res = await app.inject({ method: 'POST', url: '/v1/score', headers: JSON_HEADERS, payload: bad });
  t.equal(res.statusCode, 422);
  const p = ProblemSchema.parse(res.json());
  t.equal(p.code, 'INVALID_FORM');
  const pointers = p.errors!.map((e) => e.pointer);
  for (const ptr of ['/fiscalYear', '/proName', '/funds/rows', '/indicators/0/level2', '/indicators/0/name', '/indicators/0/points']) {
    t.ok(pointers.includes(ptr), `problem at ${ptr}`);
  }
  t.match(p.detail, new RegExp(`共${p.errors!.length}个问题`));
});

t.test('language: Chinese by default, English with Accept-Language: en', async (t) => {
  const { app } = await testApp();
  t.teardown(() => app.close());
  const zh = (await app.inject({ method: 'GET', url: '/v1/policies/none' })).json();
  t.equal(zh.title, '未找到');
  t.equal(zh.detail, '未知的评分政策“none”');
  const en = (await app.inject({ method: 'GET', url: '/v1/policies/none', headers: { 'accept-language': 'en' } })).json();
  t.equal(en.title, 'Not Found');
  t.equal(en.detail, 'Unknown scoring policy "none"');
  const form = await app.inject({
    method: 'POST',
    url: '/v1/score',
    headers: { ...JSON_HEADERS, 'accept-language': 'en-GB,en;q=0.9' },
    payload: { proName: 'x' },
  });
  t.match(form.json().errors, [{ message: /missing|must be|invalid/i }]);
  const result = await app.inject({ method: 'POST', url: '/v1/score', headers: { ...JSON_HEADERS, 'accept-language': 'en' }, payload: seedText('03-dalou') });
  t.match(result.json().findings.find((f: { code: string }) => f.code === 'WEIGHT_SUM').message, /Points sum to/);

  t.equal(langFromHeader(undefined), 'zh');
  t.equal(langFromHeader('en'), 'en');
  t.equal(langFromHeader(['fr', 'en;q=0.5']), 'en');
  t.equal(langFromHeader('zh-CN,zh;q=0.9,en;q=0.8'), 'zh');
  t.equal(langFromHeader('en;q=0.5,zh;q=0.8'), 'zh');
  t.equal(langFromHeader('*,en;q=0.1'), 'zh');
  t.equal(langFromHeader('en;q=0, zh'), 'zh');
  t.equal(langFromHeader('fr'), 'zh');
  t.equal(langFromHeader(Array(30).fill('fr').join(',') + ',en'), 'zh', 'only the first ranges are read');
});

t.test('GET /v1/policies and /v1/policies/:id', async (t) => {
  const { app } = await testApp();
  t.teardown(() => app.close());
  const list = PolicyListSchema.parse((await app.inject({ method: 'GET', url: '/v1/policies' })).json());
  t.equal(list.default, 'national-2020');
  t.same(list.policies.map((p) => p.id), jx.policies.list.map((p) => p.id));
  for (const id of ['national-2020', 'shanxi-2022']) {
    const res = await app.inject({ method: 'GET', url: `/v1/policies/${id}` });
    t.equal(res.statusCode, 200);
    const p = PolicySchema.parse(res.json());
    t.equal(p.id, id);
    t.equal(typeof p.totalPoints, 'string', 'decimals as strings');
    t.equal(p.totalPoints, '100');
  }
  const shanxi = (await app.inject({ method: 'GET', url: '/v1/policies/shanxi-2022' })).json();
  t.equal(shanxi.costRow.defaultRowCap, '5');
  t.equal((await app.inject({ method: 'GET', url: '/v1/policies/nope' })).statusCode, 404);
});

t.test('POST /v1/targets/check parses and lints every target', async (t) => {
  const { app } = await testApp();
  t.teardown(() => app.close());
  const res = await app.inject({
    method: 'POST',
    url: '/v1/targets/check',
    headers: JSON_HEADERS,
    payload: {
      targets: ['≥95%', '及时', '100', '90%-100%', '', '12月底前', '≥100', { target: '42万人', name: '受益人数' }, { target: '≥3', unit: '次', operator: '≥' }, '90~100', '≥%'],
    },
  });
  t.equal(res.statusCode, 200);
  const body = TargetsResultSchema.parse(res.json());
  const codes = body.results.map((r) => r.findings.map((f) => f.code));
  t.same(codes[0], [], '≥95% is fine');
  t.equal(body.results[0].parse.operator, 'GE');
  t.equal(body.results[0].parse.unit, '%');
  t.ok(body.results[0].measurable);
  t.same(codes[1], ['TARGET_NOT_MEASURABLE']);
  t.equal(body.results[1].parse.kind, 'qualitative');
  t.same(codes[2].sort(), ['TARGET_NO_OPERATOR', 'TARGET_NO_UNIT']);
  t.equal(body.results[3].parse.kind, 'range');
  t.equal(body.results[3].parse.lower, '90');
  t.same(codes[4], ['TARGET_EMPTY']);
  t.same(codes[5], ['DATE_TARGET']);
  t.same(codes[6], ['TARGET_NO_UNIT']);
  t.equal(body.results[7].parse.baseValue, '420000', '万人 → 人');
  t.ok(codes[7].includes('TARGET_NO_OPERATOR'));
  t.match(body.results[7].findings[0].message, /受益人数/);
  t.same(codes[8], [], 'separate unit and operator columns');
  t.same(codes[9], ['TARGET_NO_UNIT'], 'a range without a unit');
  t.same(codes[10], ['TARGET_UNPARSED'], 'an operator and no number');
  t.equal(body.results[4].findings[0].pointer, '/targets/4');
  t.equal(body.summary.count, 11);
  t.equal(body.summary.measurable, body.results.filter((r) => r.measurable).length);

  const en = await app.inject({ method: 'POST', url: '/v1/targets/check', headers: { ...JSON_HEADERS, 'accept-language': 'en' }, payload: { targets: ['及时'] } });
  t.match(en.json().results[0].findings[0].message, /item 1.*qualitative/);

  const bad = await app.inject({ method: 'POST', url: '/v1/targets/check', headers: JSON_HEADERS, payload: { targets: [1, { target: 2 }] } });
  t.equal(bad.statusCode, 400);
  t.match(bad.json(), { code: 'BAD_REQUEST', errors: [{ pointer: /^\/targets\/0/ }] });
  const none = await app.inject({ method: 'POST', url: '/v1/targets/check', headers: JSON_HEADERS, payload: { targets: [] } });
  t.equal(none.statusCode, 400);
});

t.test('health, readiness, metrics, docs', async (t) => {
  const { app } = await testApp();
  t.teardown(() => app.close());
  t.same((await app.inject({ method: 'GET', url: '/healthz' })).json(), { status: 'ok' });
  const ready = (await app.inject({ method: 'GET', url: '/readyz' })).json();
  t.same(ready, { status: 'ready', policies: jx.policies.list.length, defaultPolicy: 'national-2020' });

  await app.inject({ method: 'POST', url: '/v1/score', headers: JSON_HEADERS, payload: seedText('03-dalou') });
  await app.inject({ method: 'POST', url: '/v1/score', headers: JSON_HEADERS, payload: '{}' });
  await app.inject({ method: 'GET', url: '/v1/policies/shanxi-2022' });
  const m = await app.inject({ method: 'GET', url: '/metrics' });
  t.equal(m.statusCode, 200);
  t.match(m.headers['content-type'], /^text\/plain; version=0\.0\.4/);
  const text = m.body;
  t.match(text, /# TYPE jixiao_http_requests_total counter/);
  t.match(text, /jixiao_http_requests_total\{method="POST",route="\/v1\/score",status="200"\} 1\n/);
  t.match(text, /jixiao_http_requests_total\{method="POST",route="\/v1\/score",status="422"\} 1\n/);
  t.match(text, /jixiao_http_requests_total\{method="GET",route="\/v1\/policies\/:id",status="200"\} 1\n/, 'the route pattern, not the URL');
  t.match(text, /jixiao_http_request_duration_seconds_bucket\{le="\+Inf",method="POST",route="\/v1\/score"\} 2\n/);
  t.match(text, /jixiao_http_request_duration_seconds_count\{method="POST",route="\/v1\/score"\} 2\n/);
  t.match(text, /jixiao_forms_scored_total\{grade="优"\} 1\n/);
  t.match(text, /jixiao_forms_rejected_total 1\n/);
  t.match(text, /jixiao_findings_total\{code="WEIGHT_SUM"\} 1\n/);
  t.match(text, /jixiao_findings_total\{code="TOTAL_MISMATCH"\} 1\n/);
  t.match(text, /jixiao_process_resident_memory_bytes \d+\n/);
  // prom-client's default Node metrics are there too
  t.match(text, /# TYPE jixiao_nodejs_eventloop_lag_seconds gauge/);
  t.match(text, /# TYPE jixiao_process_cpu_seconds_total counter/);
  // buckets are cumulative and end at the count
  const buckets = [...text.matchAll(/jixiao_http_request_duration_seconds_bucket\{le="[^"]+",method="POST",route="\/v1\/score"\} (\d+)/g)].map((x) => Number(x[1]));
  t.equal(buckets.length, 14);
  t.same(buckets, [...buckets].sort((a, b) => a - b));

  const docs = await app.inject({ method: 'GET', url: '/docs' });
  t.equal(docs.statusCode, 200);
  t.match(docs.body, /swagger/i);
  const spec = (await app.inject({ method: 'GET', url: '/openapi.json' })).json();
  t.equal(spec.openapi, '3.1.0');
  t.ok(spec.paths['/v1/score'].post);
});

t.test('readyz is 503 when no policy is loaded', async (t) => {
  const empty = { list: [], default: undefined, get: () => undefined, select: () => undefined };
  const { app } = await testApp({}, new Jixiao(empty as never, jx.vocabulary));
  t.teardown(() => app.close());
  const res = await app.inject({ method: 'GET', url: '/readyz' });
  t.equal(res.statusCode, 503);
  t.equal(res.json().code, 'SERVICE_UNAVAILABLE');
  const m = (await app.inject({ method: 'GET', url: '/metrics' })).body;
  t.match(m, /jixiao_forms_scored_total\{grade="none"\} 0/);
});

t.test('one log line per request with request id, route, policy, forms and duration; never the form', async (t) => {
  const { app, logs } = await testApp();
  t.teardown(() => app.close());
  const res = await app.inject({ method: 'POST', url: '/v1/score', headers: { ...JSON_HEADERS, 'x-request-id': 'req-42' }, payload: seedText('01-jingban') });
  t.equal(res.headers['x-request-id'], 'req-42', 'echoed back');
  const lines = logs.filter((l) => l.reqId === 'req-42');
  t.equal(lines.length, 1, 'one line');
  t.match(lines[0], { msg: 'request', route: '/v1/score', method: 'POST', status: 200, policy: 'shanxi-2022', forms: 1, ms: Number });
  t.notOk(JSON.stringify(logs).includes('社会保险经办'), 'no form content in the logs');

  const gen = await app.inject({ method: 'GET', url: '/v1/policies', headers: { 'x-request-id': 'bad id with spaces' } });
  t.match(gen.headers['x-request-id'], /^[0-9a-f-]{36}$/, 'an unusable id is replaced');
  t.match(genReqId({ headers: {} }), /^[0-9a-f-]{36}$/);
  await app.inject({ method: 'GET', url: '/healthz', headers: { 'x-request-id': 'probe-1' } });
  t.equal(logs.filter((l) => l.reqId === 'probe-1').length, 0, 'probes are not logged');
});

t.test('DEFAULT_POLICY replaces the region choice; an unknown one stops the start', async (t) => {
  const { app } = await testApp({ defaultPolicy: 'national-2020' });
  t.teardown(() => app.close());
  const r = (await app.inject({ method: 'POST', url: '/v1/score', headers: JSON_HEADERS, payload: seedText('01-jingban') })).json();
  t.equal(r.policy.id, 'national-2020');
  t.equal(r.total, '88.76');
  const q = (await app.inject({ method: 'POST', url: '/v1/score?policy=shanxi-2022', headers: JSON_HEADERS, payload: seedText('01-jingban') })).json();
  t.equal(q.policy.id, 'shanxi-2022', '?policy= still wins');
  await t.rejects(testApp({ defaultPolicy: 'atlantis' }), { name: 'ConfigError', message: /DEFAULT_POLICY.*atlantis/ });
});

t.test('the bench baseline route exists only behind its flag', async (t) => {
  const off = await testApp();
  t.teardown(() => off.app.close());
  t.equal((await off.app.inject({ method: 'POST', url: '/bench/echo', headers: JSON_HEADERS, payload: '{"a":1}' })).statusCode, 404);
  const on = await testApp({ benchBaseline: true });
  t.teardown(() => on.app.close());
  const res = await on.app.inject({ method: 'POST', url: '/bench/echo', headers: JSON_HEADERS, payload: seedText('01-jingban') });
  t.equal(res.statusCode, 200);
  t.same(res.json(), JSON.parse(seedText('01-jingban')));
});

t.test('an engine bug is a 500 problem, logged, without a stack in the answer', async (t) => {
  const broken = new Jixiao(jx.policies, jx.vocabulary);
  broken.scoreInput = broken.scoreLean = () => {
    throw new Error('boom');
  };
  const { app, logs } = await testApp({}, broken);
  t.teardown(() => app.close());
  const res = await app.inject({ method: 'POST', url: '/v1/score', headers: JSON_HEADERS, payload: seedText('01-jingban') });
  t.equal(res.statusCode, 500);
  t.same(Object.keys(res.json()).sort(), ['code', 'detail', 'instance', 'status', 'title', 'type']);
  t.equal(res.json().instance, '/v1/score');
  t.equal(res.json().code, 'INTERNAL');
  t.notMatch(res.body, /boom|at /);
  t.ok(logs.some((l) => l.level === 50 && l.msg === 'unhandled error'));
});
