/**
 * `?detail=full|brief` on POST /v1/score and the batch routes (issue 9): the body is exactly
 * JSON.stringify of what the core gives — the full ScoreResult of scoreInput, or lean.brief() —
 * for every fixture, generated forms, every policy and both languages; only the answer asked for
 * is built; the batch summary and the metrics are the same whichever answer was built.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import t from 'tap';
import { generateForm } from '../bench/generate.js';
import { BriefResultSchema, ScoreResultSchema } from '../src/core/model/result.js';
import { Jixiao, loadJixiao, type ScoreOptions } from '../src/jixiao.js';
import { JSON_HEADERS, NDJSON_HEADERS, testApp } from './support/http.js';

const jx = loadJixiao();
const FIXTURES = new URL('./fixtures/', import.meta.url).pathname;

/** Every JSON file under test/fixtures that holds a form (an object with proName), by its path. */
function fixtureForms(dir = FIXTURES): [string, unknown][] {
  const out: [string, unknown][] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...fixtureForms(path));
    else if (name.endsWith('.json')) {
      const v = JSON.parse(readFileSync(path, 'utf8')) as unknown;
      if (typeof v === 'object' && v !== null && 'proName' in v) out.push([path.slice(FIXTURES.length), v]);
    }
  }
  return out;
}

const fixtures = fixtureForms();
/** Generated forms (bench/generate.ts): every operator spelling, ranges, tiers, filer mistakes. */
const generated: [string, unknown][] = Array.from({ length: 150 }, (_, i) => [`generated #${i}`, generateForm(i, 9)]);

/** What the route must answer, computed from the core directly. */
function expected(form: unknown, opts: ScoreOptions): { full: string; brief: string } | null {
  const out = jx.scoreInput(form, opts);
  const lean = jx.scoreLean(form, opts);
  if (!out.ok || !lean.ok) return null;
  return { full: JSON.stringify(out.result), brief: JSON.stringify(lean.lean.brief()) };
}

t.test('every fixture: the body is byte-identical to JSON.stringify of the result, full and brief', async (t) => {
  t.ok(fixtures.length >= 5, `${fixtures.length} fixture forms`);
  const { app } = await testApp({ logLevel: 'silent' });
  t.teardown(() => app.close());
  const cases: { label: string; query: string; opts: ScoreOptions; lang?: 'en' }[] = [
    { label: 'policy in force', query: '', opts: {} },
    { label: 'English', query: '', opts: { lang: 'en' }, lang: 'en' },
    ...jx.policies.list.map((p) => ({ label: p.id, query: `policy=${p.id}`, opts: { policy: p } })),
  ];
  for (const [name, form] of fixtures) {
    for (const c of cases) {
      const exp = expected(form, c.opts);
      t.ok(exp, `${name}: scorable`);
      if (!exp) continue;
      const headers = { ...JSON_HEADERS, ...(c.lang ? { 'accept-language': c.lang } : {}) };
      const payload = JSON.stringify(form);
      const sep = c.query ? '&' : '';
      const byDefault = await app.inject({ method: 'POST', url: `/v1/score${c.query ? '?' + c.query : ''}`, headers, payload });
      const full = await app.inject({ method: 'POST', url: `/v1/score?${c.query}${sep}detail=full`, headers, payload });
      const brief = await app.inject({ method: 'POST', url: `/v1/score?${c.query}${sep}detail=brief`, headers, payload });
      for (const res of [byDefault, full, brief]) {
        t.equal(res.statusCode, 200);
        t.match(res.headers['content-type'], /^application\/json; charset=utf-8$/);
      }
      t.equal(byDefault.body, exp.full, `${name} (${c.label}): full by default`);
      t.equal(full.body, exp.full, `${name} (${c.label}): detail=full`);
      t.equal(brief.body, exp.brief, `${name} (${c.label}): detail=brief`);
    }
  }
});

t.test('generated forms: full and brief bodies byte-identical; both valid against their schemas', async (t) => {
  const { app } = await testApp({ logLevel: 'silent' });
  t.teardown(() => app.close());
  let scored = 0;
  let fullDiffs = 0;
  let briefDiffs = 0;
  let invalid = 0;
  for (const [name, form] of generated) {
    const exp = expected(form, {});
    const payload = JSON.stringify(form);
    const full = await app.inject({ method: 'POST', url: '/v1/score', headers: JSON_HEADERS, payload });
    const brief = await app.inject({ method: 'POST', url: '/v1/score?detail=brief', headers: JSON_HEADERS, payload });
    if (!exp) {
      t.equal(full.statusCode, 422, `${name}: not a valid form`);
      t.equal(brief.body, full.body, `${name}: the same 422 under detail=brief`);
      invalid++;
      continue;
    }
    scored++;
    if (full.body !== exp.full) fullDiffs++;
    if (brief.body !== exp.brief) briefDiffs++;
    if (scored <= 20) {
      t.ok(ScoreResultSchema.safeParse(JSON.parse(full.body)).success, `${name}: a ScoreResult`);
      t.ok(BriefResultSchema.strict().safeParse(JSON.parse(brief.body)).success, `${name}: a BriefResult, nothing more`);
    }
  }
  t.ok(scored > 100, `${scored} scored, ${invalid} invalid`);
  t.equal(fullDiffs, 0, 'full bodies that differ from JSON.stringify(scoreInput().result)');
  t.equal(briefDiffs, 0, 'brief bodies that differ from JSON.stringify(lean.brief())');
});

/** A core that counts which answers the routes build. */
function countingJixiao() {
  const counted = new Jixiao(jx.policies, jx.vocabulary);
  const calls = { lean: 0, brief: 0, full: 0, scoreInput: 0 };
  // The lean answers come from another instance, so that only the routes' own scoreInput calls count.
  const plain = new Jixiao(jx.policies, jx.vocabulary);
  const realLean = plain.scoreLean.bind(plain);
  counted.scoreLean = (input, opts) => {
    calls.lean++;
    const out = realLean(input, opts);
    if (!out.ok) return out;
    const { lean } = out;
    return {
      ...out,
      lean: {
        brief: () => (calls.brief++, lean.brief()),
        full: () => (calls.full++, lean.full()),
      },
    };
  };
  const realInput = counted.scoreInput.bind(counted);
  counted.scoreInput = (input, opts) => (calls.scoreInput++, realInput(input, opts));
  return { counted, calls };
}

t.test('only the answer asked for is built', async (t) => {
  const { counted, calls } = countingJixiao();
  const { app } = await testApp({ logLevel: 'silent' }, counted);
  t.teardown(() => app.close());
  const payload = JSON.stringify(fixtures[0][1]);
  const reset = () => Object.assign(calls, { lean: 0, brief: 0, full: 0, scoreInput: 0 });

  await app.inject({ method: 'POST', url: '/v1/score?detail=brief', headers: JSON_HEADERS, payload });
  t.same(calls, { lean: 1, brief: 1, full: 0, scoreInput: 0 }, '/v1/score?detail=brief: brief() only');
  reset();
  await app.inject({ method: 'POST', url: '/v1/score', headers: JSON_HEADERS, payload });
  t.same(calls, { lean: 1, brief: 0, full: 1, scoreInput: 0 }, '/v1/score: full() only');
  reset();
  const lines = generated.slice(0, 20).map(([, f]) => JSON.stringify(f)).join('\n');
  await app.inject({ method: 'POST', url: '/v1/score/batch', headers: NDJSON_HEADERS, payload: lines });
  t.equal(calls.full, 0, 'NDJSON batch (brief by default): full() never');
  t.equal(calls.scoreInput, 0);
  t.ok(calls.brief > 0 && calls.brief === calls.lean - generated.slice(0, 20).filter(([, f]) => !jx.scoreInput(f).ok).length);
  reset();
  await app.inject({ method: 'POST', url: '/v1/score/batch', headers: JSON_HEADERS, payload: `[${payload},${payload}]` });
  t.same(calls, { lean: 2, brief: 2, full: 0, scoreInput: 0 }, 'JSON batch (brief by default): brief() only');
  reset();
  await app.inject({ method: 'POST', url: '/v1/score/batch?detail=full', headers: JSON_HEADERS, payload: `[${payload},${payload}]` });
  t.same(calls, { lean: 2, brief: 0, full: 2, scoreInput: 0 }, 'JSON batch, detail=full: full() only');
});

t.test('the batch summary and the metrics are the same for brief and full', async (t) => {
  const body = generated.slice(0, 60).map(([, f]) => JSON.stringify(f)).join('\n');
  const metricLines = (text: string) =>
    text
      .split('\n')
      .filter((l) => /^jixiao_(findings_total|forms_scored_total|forms_rejected_total)/.test(l))
      .sort();
  const runs: Record<string, { summary: unknown; metrics: string[]; results: unknown[] }> = {};
  for (const detail of ['brief', 'full']) {
    const { app } = await testApp({ logLevel: 'silent' });
    const res = await app.inject({ method: 'POST', url: `/v1/score/batch?detail=${detail}`, headers: NDJSON_HEADERS, payload: body });
    const lines = res.body.trim().split('\n').map((l) => JSON.parse(l) as { summary?: unknown; result?: unknown });
    const metrics = metricLines((await app.inject({ method: 'GET', url: '/metrics' })).body);
    runs[detail] = { summary: lines.pop()!.summary, metrics, results: lines.map((l) => l.result) };
    await app.close();
  }
  t.same(runs.brief.summary, runs.full.summary, 'the same summary');
  t.same(runs.brief.metrics, runs.full.metrics, 'the same forms, grades and findings counted');
  t.ok(runs.brief.metrics.some((l) => l.startsWith('jixiao_findings_total{')), 'findings counted');

  // The summary's byFinding is the sum of every scored form's finding counts.
  const byFinding: Record<string, number> = {};
  for (const [, f] of generated.slice(0, 60)) {
    const out = jx.scoreInput(f);
    if (out.ok) for (const x of out.result.findings) byFinding[x.code] = (byFinding[x.code] ?? 0) + 1;
  }
  t.same((runs.full.summary as { byFinding: unknown }).byFinding, byFinding);
  // Each line's result is the brief or the full answer, exactly.
  const scorable = generated.slice(0, 60).map(([, f]) => expected(f, {}));
  t.same(runs.brief.results, scorable.map((e) => (e ? JSON.parse(e.brief) : undefined)));
  t.same(runs.full.results, scorable.map((e) => (e ? JSON.parse(e.full) : undefined)));
});

t.test('/v1/score: metrics from the brief answer count like the full one', async (t) => {
  const { app } = await testApp({ logLevel: 'silent' });
  t.teardown(() => app.close());
  const payload = JSON.stringify(fixtures.find(([n]) => n.includes('03-dalou'))![1]);
  await app.inject({ method: 'POST', url: '/v1/score?detail=brief', headers: JSON_HEADERS, payload });
  await app.inject({ method: 'POST', url: '/v1/score?detail=full', headers: JSON_HEADERS, payload });
  const text = (await app.inject({ method: 'GET', url: '/metrics' })).body;
  t.match(text, /jixiao_forms_scored_total\{grade="优"\} 2\n/);
  t.match(text, /jixiao_findings_total\{code="WEIGHT_SUM"\} 2\n/);
  t.match(text, /jixiao_findings_total\{code="TOTAL_MISMATCH"\} 2\n/);
});

t.test('a bad detail is a 400 problem; an invalid form a 422 under both', async (t) => {
  const { app } = await testApp({ logLevel: 'silent' });
  t.teardown(() => app.close());
  const payload = JSON.stringify(fixtures[0][1]);
  const bad = await app.inject({ method: 'POST', url: '/v1/score?detail=everything', headers: JSON_HEADERS, payload });
  t.equal(bad.statusCode, 400);
  t.match(bad.json(), { code: 'BAD_REQUEST', errors: [{ pointer: '/detail' }] });
  for (const detail of ['full', 'brief']) {
    const invalid = await app.inject({ method: 'POST', url: `/v1/score?detail=${detail}`, headers: JSON_HEADERS, payload: '{"proName": 1}' });
    t.equal(invalid.statusCode, 422);
    t.equal(invalid.json().code, 'INVALID_FORM');
  }
  const unknown = await app.inject({ method: 'POST', url: '/v1/score?detail=brief&policy=atlantis', headers: JSON_HEADERS, payload });
  t.equal(unknown.statusCode, 404);
});

t.test('the OpenAPI document states both answers and both defaults', async (t) => {
  const { app } = await testApp({ logLevel: 'silent' });
  t.teardown(() => app.close());
  const doc = (await app.inject({ method: 'GET', url: '/openapi.json' })).json();
  const score = doc.paths['/v1/score'].post;
  const detailOf = (op: { parameters: { name: string; schema: { default?: string } }[] }) => op.parameters.find((p) => p.name === 'detail')!.schema.default;
  t.equal(detailOf(score), 'full');
  t.equal(detailOf(doc.paths['/v1/score/batch'].post), 'brief');
  const refs = JSON.stringify(score.responses['200']);
  t.match(refs, /#\/components\/schemas\/ScoreResult/);
  t.match(refs, /#\/components\/schemas\/BriefResult/);
  t.ok(doc.components.schemas.BriefResult.properties.indicators, 'BriefResult: the core schema, with indicators');
});

t.test('a bad detail value is named as written, in the request’s language', async (t) => {
  const { app } = await testApp({ logLevel: 'silent' });
  t.teardown(() => app.close());
  const payload = readFileSync(new URL('./fixtures/seed/01-jingban.json', import.meta.url), 'utf8');
  // [Accept-Language, the error's message]
  const cases: [string, string][] = [
    ['zh', '“detail”的取值无效：无效选项：期望以下之一 "full"|"brief"'],
    ['en', '"detail" has an invalid value: Invalid option: expected one of "full"|"brief"'],
  ];
  for (const [lang, text] of cases) {
    const res = await app.inject({ method: 'POST', url: '/v1/score?detail=bogus', headers: { ...JSON_HEADERS, 'accept-language': lang }, payload });
    t.equal(res.statusCode, 400, lang);
    t.equal(res.json().errors[0].message, text, `${lang}: message`);
    t.equal(res.json().errors[0].pointer, '/detail', `${lang}: pointer`);
  }
});
