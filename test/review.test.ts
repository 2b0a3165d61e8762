/**
 * Reviewer re-scores (复核 / 抽评) over HTTP, on SQLite and (when JIXIAO_TEST_PG_URL is set) on
 * PostgreSQL: who may review what, the reason rule, the side-by-side of self / reviewer /
 * computed, versions and audit, the rule pack, and the annotated workbook.
 *
 * Expected values come from the rules (scoring-rules.md): on the seed form 01-jingban (Shanxi
 * 2022 policy, total 93.76 = execution 8.76 + indicators 85), the row 业务文件汇编等印刷数 has
 * target ≥3000册 and 10 points; a reviewer's actual of 2400册 scores 2400 / 3000 × 10 = 8.00
 * (正向指标 A/T × 分值), so the computed total becomes 93.76 − 10 + 8 = 91.76 (优: ≥ 90).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import t, { type Test } from 'tap';
import type { FastifyInstance } from 'fastify';
import { createKey } from '../src/auth/keys.js';
import { buildApp } from '../src/http/app.js';
import type { Config } from '../src/config.js';
import { openStore, type Repository } from '../src/store/index.js';
import { PG_SKIP, freshPgDatabase } from './support/pg.js';

const SEED = JSON.parse(readFileSync(new URL('./fixtures/seed/01-jingban.json', import.meta.url), 'utf8')) as Record<string, unknown>;
const CLI = { keyId: null, name: 'test', role: 'cli' as const };

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export interface World {
  app: FastifyInstance;
  store: Repository;
  keys: Record<'bureau' | 'unit' | 'unit301' | 'dept' | 'rev209' | 'rev301' | 'revBureau' | 'revOtherRegion' | 'revAll', string>;
  /** The seed submitted by unit 209100: its id (version 1). */
  sub: string;
  post(key: string | null, url: string, body?: unknown): Promise<{ status: number; json: Json; headers: Record<string, unknown> }>;
  get(key: string | null, url: string): Promise<{ status: number; json: Json; raw: Buffer; headers: Record<string, unknown> }>;
}

async function world(t: Test, store: Repository, config: Partial<Config> = {}): Promise<World> {
  const app = await buildApp({ config: { logLevel: 'silent', ...config }, store });
  t.teardown(() => app.close());
  const mk = async (spec: Parameters<typeof createKey>[1]) => (await createKey(store, spec, CLI)).key;
  const keys = {
    bureau: await mk({ name: '财政厅', role: 'bureau' }),
    unit: await mk({ name: '社保局', role: 'unit', unit: '209100', region: '140000' }),
    unit301: await mk({ name: '另一部门的单位', role: 'unit', unit: '301100', region: '140000' }),
    dept: await mk({ name: '人社厅', role: 'department', dept: '209' }),
    rev209: await mk({ name: '人社厅复核', role: 'reviewer', dept: '209' }),
    rev301: await mk({ name: '另一部门复核', role: 'reviewer', dept: '301' }),
    revBureau: await mk({ name: '山西财政复核', role: 'reviewer', region: '140000' }),
    revOtherRegion: await mk({ name: '四川财政复核', role: 'reviewer', region: '510000' }),
    revAll: await mk({ name: '财政复核（全部区划）', role: 'reviewer' }),
  };
  const auth = (key: string | null) => (key ? { authorization: `Bearer ${key}` } : {});
  const post: World['post'] = async (key, url, body) => {
    const r = await app.inject({ method: 'POST', url, headers: { ...auth(key), 'content-type': 'application/json' }, payload: JSON.stringify(body ?? {}) });
    return { status: r.statusCode, json: r.json() as Json, headers: r.headers };
  };
  const get: World['get'] = async (key, url) => {
    const r = await app.inject({ method: 'GET', url, headers: auth(key) });
    const isJson = String(r.headers['content-type'] ?? '').includes('json');
    return { status: r.statusCode, json: (isJson ? r.json() : {}) as Json, raw: r.rawPayload, headers: r.headers };
  };
  const s = await post(keys.unit, '/v1/submissions', SEED);
  t.equal(s.status, 201, 'the unit submits the seed');
  return { app, store, keys, sub: s.json.id as string, post, get };
}

async function sqliteStore(t: Test): Promise<Repository> {
  const dir = mkdtempSync(join(tmpdir(), 'jx-review-'));
  const store = await openStore({ dataDir: dir });
  t.teardown(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return store;
}

async function pgStore(t: Test): Promise<Repository> {
  const db = await freshPgDatabase();
  const store = await openStore({ dataDir: '/nonexistent', databaseUrl: db.url });
  t.teardown(async () => {
    await store.close();
    await db.drop();
  });
  return store;
}

const reviewUrl = (w: World, version = 1) => `/v1/submissions/${w.sub}/versions/${version}/reviews`;

/** The review of the header comment: 2400册 for the printing row, scored 7 by the reviewer, grade 2 良. */
const PRINTING = {
  grade: 2,
  conclusion: '抽查印刷数量与台账不符，按实际印数复核。',
  indicators: [{ name: '业务文件汇编等印刷数', actual: '2400册', score: 7, reason: '台账显示实际印刷2400册，且部分未发放' }],
};

/** The round trip both engines run: roles, side-by-side, versions, audit. */
async function roundTrip(t: Test, w: World): Promise<void> {
  await t.test('who may review: a reviewer within its tenancy; others 403, other tenants 404', async (t) => {
    // [key, status, code]: a unit or a department (not a reviewer) cannot review; a reviewer of another department or region does not learn the submission exists
    const cases: [string, string | null, number, string | null][] = [
      ['no key', null, 401, 'UNAUTHORIZED'],
      ['the unit itself', w.keys.unit, 403, 'FORBIDDEN'],
      ['the department (not a reviewer)', w.keys.dept, 403, 'FORBIDDEN'],
      ['the bureau (not a reviewer)', w.keys.bureau, 403, 'FORBIDDEN'],
      ['a reviewer of another department', w.keys.rev301, 404, 'NOT_FOUND'],
      ['a bureau reviewer of another region', w.keys.revOtherRegion, 404, 'NOT_FOUND'],
      ['the department’s reviewer', w.keys.rev209, 201, null],
      ['the region’s bureau reviewer', w.keys.revBureau, 201, null],
      ['a bureau reviewer of every region', w.keys.revAll, 201, null],
    ];
    for (const [who, key, status, code] of cases) {
      const r = await w.post(key, reviewUrl(w), PRINTING);
      t.equal(r.status, status, who);
      if (code) t.equal(r.json.code, code, who);
    }
    const missing = await w.post(w.keys.rev209, reviewUrl(w, 7), PRINTING);
    t.equal(missing.status, 404, 'a version that does not exist');
    const other = await w.post(w.keys.rev301, reviewUrl(w, 7), PRINTING);
    t.same([other.status, other.json.code, other.json.detail], [missing.status, missing.json.code, missing.json.detail], 'out of tenancy looks like missing');
  });

  await t.test('reviewers read the submissions they may review, and no others', async (t) => {
    // [who, key, submissions listed, the seed readable]
    const cases: [string, string, number, number][] = [
      ['the department’s reviewer', w.keys.rev209, 1, 200],
      ['the region’s bureau reviewer', w.keys.revBureau, 1, 200],
      ['a reviewer of another department', w.keys.rev301, 0, 404],
      ['a bureau reviewer of another region', w.keys.revOtherRegion, 0, 404],
    ];
    for (const [who, key, listed, status] of cases) {
      t.equal((await w.get(key, '/v1/submissions')).json.items?.length, listed, `${who}: the list`);
      t.equal((await w.get(key, `/v1/submissions/${w.sub}`)).status, status, `${who}: the submission`);
    }
  });

  await t.test('the side-by-side: self vs reviewer vs computed, per indicator and total', async (t) => {
    const r = await w.post(w.keys.rev209, reviewUrl(w), PRINTING);
    t.equal(r.status, 201);
    const rv = r.json.review as Json;
    const row = (rv.indicators as Json[]).find((x) => x.name === '业务文件汇编等印刷数')!;
    t.same(row.self, { actual: '≥3000册', score: '10', computed: '10.00' }, 'self: the filer’s actual, written score and computed score');
    t.equal(row.reviewer.actual, '2400册');
    t.equal(row.reviewer.score, '7.00', 'the reviewer’s written score');
    t.equal(row.computed.score, '8.00', 'the engine on the reviewer’s actual: 2400 / 3000 × 10');
    t.same(row.diff, { reviewerVsSelf: '-3.00', reviewerVsComputed: '-1.00' });
    t.same(rv.totals.self, { total: '93.76', grade: '优', gradeCode: '1', computed: '93.76', computedGrade: '优' });
    t.equal(rv.totals.reviewer.total, '90.76', 'execution 8.76 + the reviewer’s scores (85 − 10 + 7)');
    t.same([rv.totals.computed.total, rv.totals.computed.grade], ['91.76', '优'], '8.76 + 85 − 10 + 8; ≥ 90 is 优');
    t.same(rv.grade, { code: '2', label: '良' });
    // [code, pointer] of every finding, in order: per row, then the totals
    t.same(
      (rv.findings as Json[]).map((f) => [f.code, f.pointer]),
      [
        ['REVIEW_ACTUAL_CHANGED', '/indicators/1/actual'],
        ['REVIEW_SCORE_CHANGED', '/indicators/1/reportedScore'],
        ['REVIEW_SCORE_VS_COMPUTED', '/indicators/1/reportedScore'],
        ['REVIEW_TOTAL_CHANGED', '/reportedTotal'],
        ['REVIEW_TOTAL_VS_COMPUTED', '/reportedTotal'],
        ['REVIEW_GRADE_MISMATCH', '/reportedGrade'],
      ],
    );
    const f = (code: string) => (rv.findings as Json[]).find((x) => x.code === code)!;
    t.same(f('REVIEW_SCORE_CHANGED').params, { name: '业务文件汇编等印刷数', self: '10', reviewer: '7.00', diff: '-3.00' });
    t.same(f('REVIEW_TOTAL_CHANGED').params, { reviewer: '90.76', self: '93.76', diff: '-3.00' });
    t.same(f('REVIEW_GRADE_MISMATCH').params, { reviewer: '2 良', computed: '优' });
    const untouched = (rv.indicators as Json[]).filter((x) => !x.reviewer.reviewed);
    t.equal(untouched.length, 8, 'the other rows are not reviewed');
    t.ok(untouched.every((x) => x.reviewer.score === x.computed.score && x.reviewer.actual === x.self.actual), 'and keep the filer’s actual and the computed score');
  });

  await t.test('versions and audit: the same office revises, another office reviews apart', async (t) => {
    const first = await w.post(w.keys.rev209, reviewUrl(w), { ...PRINTING, grade: '良' });
    const again = await w.post(w.keys.rev209, reviewUrl(w), { ...PRINTING, grade: 1, indicators: [{ index: 1, actual: '2400册', reason: '按实际印数' }] });
    t.equal(again.status, 201);
    t.equal(again.json.id, first.json.id, 'the same review');
    t.equal(again.json.version, first.json.version + 1, 'a new version');
    t.equal(again.json.created, false);
    t.equal(again.json.review.indicators[1].reviewer.score, '8.00', 'no written score: the computed one');
    t.equal(again.json.review.findings.some((f: Json) => f.code === 'REVIEW_GRADE_MISMATCH'), false, '1 优 agrees with 91.76');
    const one = await w.get(w.keys.unit, `/v1/reviews/${first.json.id}`);
    t.equal(one.status, 200, 'the unit reads the review of its form');
    t.equal(one.json.currentVersion, again.json.version);
    t.same(one.json.versions.map((v: Json) => v.version), Array.from({ length: again.json.version }, (_, i) => i + 1), 'every version kept');
    const old = await w.get(w.keys.rev209, `/v1/reviews/${first.json.id}/versions/${first.json.version}`);
    t.same([old.json.gradeCode, old.json.result.grade.label, old.json.input.grade], ['2', '良', '良'], 'the old version as it was sent and scored');
    t.equal((await w.get(w.keys.rev301, `/v1/reviews/${first.json.id}`)).status, 404, 'another department’s reviewer: 404');
    t.equal((await w.get(w.keys.unit301, `/v1/reviews/${first.json.id}`)).status, 404, 'another unit: 404');
    const bureauReview = await w.post(w.keys.revBureau, reviewUrl(w), PRINTING);
    t.not(bureauReview.json.id, first.json.id, 'the bureau’s review is another review');
    const audit = await w.get(w.keys.bureau, `/v1/audit?target=${first.json.id}`);
    const actions = (audit.json.items as Json[]).map((a) => a.action).reverse();
    t.equal(actions[0], 'review.create');
    t.ok(actions.slice(1).every((a) => a === 'review.revise') && actions.length === again.json.version, 'one audit row per version');
    t.same((audit.json.items as Json[])[0].detail.reviewerTotal, '91.76');
    const list = await w.get(w.keys.dept, `/v1/reviews?submission=${w.sub}&level=department`);
    t.same(list.json.items.map((x: Json) => x.id), [first.json.id], 'the department lists its reviews');
    t.equal((await w.get(w.keys.rev301, `/v1/reviews?submission=${w.sub}`)).json.items.length, 0, 'another department sees none');
    const paged = await w.get(w.keys.bureau, `/v1/reviews?submission=${w.sub}&limit=1`);
    t.equal(paged.json.items.length, 1);
    t.type(paged.json.next, 'string');
    const rest = await w.get(w.keys.bureau, `/v1/reviews?submission=${w.sub}&limit=100&cursor=${paged.json.next}`);
    t.equal(rest.json.items.some((x: Json) => x.id === paged.json.items[0].id), false, 'the next page continues after the first');
    t.equal((await w.get(w.keys.bureau, '/v1/reviews?cursor=bm9wZQ')).json.code, 'BAD_CURSOR');
    const byGrade = await w.get(w.keys.bureau, `/v1/reviews?submission=${w.sub}&grade=优`);
    t.ok(byGrade.json.items.every((x: Json) => x.current.gradeCode === '1') && byGrade.json.items.length >= 1, 'filter by 抽评等级 label');
  });
}

async function idempotent(t: Test, w: World): Promise<void> {
  await t.test('Idempotency-Key: a retry gets the first answer, another body 409', async (t) => {
    const send = (key: string, body: unknown) =>
      w.app.inject({
        method: 'POST',
        url: reviewUrl(w),
        headers: { authorization: `Bearer ${w.keys.revAll}`, 'content-type': 'application/json', 'idempotency-key': key },
        payload: JSON.stringify(body),
      });
    const [a, b] = await Promise.all([send('retry-1', PRINTING), send('retry-1', PRINTING)]);
    t.same([a.statusCode, b.statusCode], [201, 201], 'two racing retries');
    t.same([b.json().id, b.json().version], [a.json().id, a.json().version], 'one review version for both');
    const c = await send('retry-1', PRINTING);
    t.same([c.headers['idempotent-replayed'], c.json().version], ['true', a.json().version], 'a later retry is a replay');
    const d = await send('retry-1', { ...PRINTING, grade: 1 });
    t.same([d.statusCode, d.json().code], [409, 'CONFLICT'], 'the same key for another review');
    const versions = await w.get(w.keys.bureau, `/v1/reviews/${a.json().id}`);
    t.equal(versions.json.versions.length, a.json().version, 'no version was added by the retries');
  });
}

t.test('SQLite', async (t) => {
  const w = await world(t, await sqliteStore(t));
  await roundTrip(t, w);
  await idempotent(t, w);
});

t.test('PostgreSQL', { skip: PG_SKIP }, async (t) => {
  const w = await world(t, await pgStore(t));
  await roundTrip(t, w);
  await idempotent(t, w);
});

t.test('a deduction needs a reason; a bad review is 422 with pointers', async (t) => {
  const w = await world(t, await sqliteStore(t));
  // [what, body, [code, pointer][]]
  const cases: [string, unknown, [string, string][]][] = [
    ['a deduction without a reason', { grade: 2, conclusion: 'c', indicators: [{ index: 1, score: 8 }] }, [['REVIEW_REASON_REQUIRED', '/indicators/0/reason']]],
    ['an actual that scores below the points, without a reason', { grade: 2, conclusion: 'c', indicators: [{ index: 1, actual: '2400册' }] }, [['REVIEW_REASON_REQUIRED', '/indicators/0/reason']]],
    ['an empty reason', { grade: 2, conclusion: 'c', indicators: [{ index: 1, score: 8, reason: ' ' }] }, [['REVIEW_REASON_REQUIRED', '/indicators/0/reason']]],
    ['a grade outside 1–4', { grade: 5, conclusion: 'c' }, [['INVALID_VALUE', '/grade']]],
    ['no grade, no conclusion', {}, [['REQUIRED', '/grade'], ['REQUIRED', '/conclusion']]],
    ['an unknown row', { grade: 1, conclusion: 'c', indicators: [{ name: '不存在的指标' }] }, [['REVIEW_INDICATOR_UNKNOWN', '/indicators/0']]],
    ['an index beyond the form', { grade: 1, conclusion: 'c', indicators: [{ index: 40 }] }, [['REVIEW_INDICATOR_UNKNOWN', '/indicators/0']]],
    ['no reference', { grade: 1, conclusion: 'c', indicators: [{ score: 5 }] }, [['REQUIRED', '/indicators/0/index']]],
    ['the same row twice', { grade: 1, conclusion: 'c', indicators: [{ index: 0 }, { pointer: '/indicators/0' }] }, [['REVIEW_INDICATOR_TWICE', '/indicators/1']]],
    ['a score above the points', { grade: 1, conclusion: 'c', indicators: [{ index: 0, score: 6, reason: 'r' }] }, [['REVIEW_SCORE_OUT_OF_RANGE', '/indicators/0/score']]],
    ['an unknown field', { grade: 1, conclusion: 'c', remark: 'x' }, [['INVALID_VALUE', '/remark']]],
    ['a score that is not a number', { grade: 1, conclusion: 'c', indicators: [{ index: 0, score: 'abc' }] }, [['NOT_A_NUMBER', '/indicators/0/score']]],
  ];
  for (const [what, body, errors] of cases) {
    const r = await w.post(w.keys.rev209, reviewUrl(w), body);
    t.equal(r.status, 422, what);
    t.equal(r.json.code, 'INVALID_REVIEW', what);
    t.same((r.json.errors as Json[]).map((e) => [e.code, e.pointer]), errors, what);
  }
  const ok = await w.post(w.keys.rev209, reviewUrl(w), { grade: 1, conclusion: 'c', indicators: [{ index: 1, score: 10 }] });
  t.equal(ok.status, 201, 'full points need no reason');
  const en = await w.app.inject({
    method: 'POST',
    url: reviewUrl(w),
    headers: { authorization: `Bearer ${w.keys.rev209}`, 'content-type': 'application/json', 'accept-language': 'en' },
    payload: JSON.stringify({ grade: 2, conclusion: 'c', indicators: [{ index: 1, score: 8 }] }),
  });
  t.equal(en.json().errors[0].message, '"业务文件汇编等印刷数": the review score 8.00 is below the points 10; a reason is required');
  t.equal((await w.store.auditPage({ cursor: null, limit: 50, action: 'review.create' })).items.length, 1, 'nothing refused was stored');
});

t.test('the reviewer’s qualitative actual goes through the engine’s tiers', async (t) => {
  const w = await world(t, await sqliteStore(t));
  // 定性 80/60 tiers: 部分达成 is tier B, a score within [60 %, 80 %) of 10 points = [6, 8); 7 is taken, 9 is not
  const tier = '部分达成年度指标并具有一定效果';
  const cases: [number | undefined, string, string][] = [
    [7, '7.00', 'qualitative_tier'],
    [9, '0.00', 'needs_review'],
  ];
  for (const [score, computed, status] of cases) {
    const r = await w.post(w.keys.rev209, reviewUrl(w), { grade: 2, conclusion: 'c', indicators: [{ index: 5, actual: tier, score, reason: '部分延迟发放' }] });
    const row = r.json.review.indicators[5];
    t.same([row.computed.score, row.computed.status], [computed, status], `score ${score}`);
    t.equal(r.json.review.totals.computed.provisional, status === 'needs_review', 'a row that needs review makes the computed total provisional');
  }
});

t.test('the rule pack: off by default, on per request or by configuration', async (t) => {
  const body = {
    grade: 2,
    conclusion: '满意度未开展调查；调研无佐证',
    indicators: [
      { name: '服务人员满意度', survey: false },
      { index: 0, evidence: false },
    ],
  };
  const w = await world(t, await sqliteStore(t));
  const off = await w.post(w.keys.rev209, reviewUrl(w), body);
  t.equal(off.status, 201);
  t.same([off.json.review.rules, off.json.review.totals.computed.total], [null, '93.76'], 'off: nothing applies');
  t.equal(off.json.review.findings.some((f: Json) => f.code === 'REVIEW_RULE_APPLIED'), false);
  const on = await w.post(w.keys.rev209, `${reviewUrl(w)}?rules=practice`, body);
  t.equal(on.status, 201);
  const rv = on.json.review as Json;
  t.same([rv.rules.id, rv.rules.label], ['practice', 'practice, not policy']);
  t.same([rv.indicators[8].computed.score, rv.indicators[8].computed.rules], ['0.00', ['satisfaction-without-survey']], 'satisfaction without a survey → 0');
  t.same([rv.indicators[0].computed.score, rv.indicators[0].computed.rules], ['0.00', ['no-evidence']], 'no evidence → 0');
  t.equal(rv.totals.computed.total, '78.76', '93.76 − 10 − 5');
  t.equal(rv.totals.reviewer.total, '78.76', 'no written scores: the reviewer takes the computed ones (no reason needed where a rule applied)');
  t.same(
    (rv.findings as Json[]).filter((f) => f.code === 'REVIEW_RULE_APPLIED').map((f) => [f.pointer, f.params.rule]),
    [['/indicators/0', 'no-evidence'], ['/indicators/8', 'satisfaction-without-survey']],
  );
  t.match(rv.indicators[8].computed.explanation, /人工扣减10分/, 'the engine scored the rule as a deduction of the row’s points');

  const configured = await world(t, await sqliteStore(t), { reviewRules: 'practice' });
  const byConfig = await configured.post(configured.keys.rev209, reviewUrl(configured), body);
  t.equal(byConfig.json.review.totals.computed.total, '78.76', 'REVIEW_RULES=practice applies it without asking');
  const optedOut = await configured.post(configured.keys.rev209, `${reviewUrl(configured)}?rules=off`, body);
  t.equal(optedOut.json.review.totals.computed.total, '93.76', '?rules=off turns it off');
  t.equal((await configured.post(configured.keys.rev209, `${reviewUrl(configured)}?rules=strict`, body)).status, 400, 'an unknown rules value is 400');

  // reason-for-every-change: the filer wrote 5 for 成本指标 (10 points); raising it to 10 is a change
  const raise = { grade: 1, conclusion: 'c', indicators: [{ index: 6, score: 10 }] };
  t.equal((await w.post(w.keys.rev209, reviewUrl(w), raise)).status, 201, 'off: raising a score to full points needs no reason');
  const strict = await w.post(w.keys.rev209, `${reviewUrl(w)}?rules=practice`, raise);
  t.same([strict.status, strict.json.errors?.[0].code, strict.json.errors?.[0].pointer], [422, 'REVIEW_REASON_REQUIRED', '/indicators/0/reason'], 'on: every change needs a reason');
  t.equal(strict.json.errors?.[0].message, '“成本指标”复核得分10.00与自评得分5分不同（复核口径“复核调整自评得分（含扣分）须说明理由”），须说明理由');
});

t.test('the rule pack on forms built for it: duplicates counted once, payments are not quantities', async (t) => {
  const w = await world(t, await sqliteStore(t));
  const inds = (SEED.indicators as Json[]).map((x) => ({ ...x }));
  inds[2] = { ...inds[0] }; // 社保业务专项调研 again, under the same 产出 / 数量 (5 points)
  inds[1] = { ...inds[1], name: '专项资金支付进度' }; // a 数量指标 that is a payment (10 points)
  const form = { ...SEED, id: 'seed-2022-209100-dup', proCode: 'DUP01', proName: '复核规则测试项目', indicators: inds };
  const s = await w.post(w.keys.unit, '/v1/submissions', form);
  t.equal(s.status, 201);
  const r = await w.post(w.keys.rev209, `/v1/submissions/${s.json.id}/versions/1/reviews?rules=practice`, { grade: 3, conclusion: 'c' });
  t.equal(r.status, 201);
  const rows = r.json.review.indicators as Json[];
  // [row, computed score, rules]: the first 社保业务专项调研 counts, its copy scores 0; the payment row scores 0
  const expected: [number, string, string[]][] = [
    [0, '5.00', []],
    [1, '0.00', ['payment-as-quantity']],
    [2, '0.00', ['duplicate-counted-once']],
  ];
  for (const [i, score, rules] of expected) t.same([rows[i].computed.score, rows[i].computed.rules], [score, rules], rows[i].name);
  t.equal(r.json.review.totals.computed.total, '78.76', '93.76 − 10 − 5');
});

t.test('the export shows the review beside the form', async (t) => {
  const w = await world(t, await sqliteStore(t));
  const r = await w.post(w.keys.rev209, reviewUrl(w), PRINTING);
  const x = await w.get(w.keys.dept, r.json.links.export);
  t.equal(x.status, 200);
  t.match(String(x.headers['content-type']), /spreadsheetml/);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(x.raw as unknown as ArrayBuffer);
  const ws = wb.worksheets[0];
  const text = (c: ExcelJS.Cell) => (c.value === null || c.value === undefined ? '' : String(c.value));
  const find = (want: string) => {
    for (let r = 1; r <= ws.rowCount; r++) for (let c = 1; c <= ws.columnCount; c++) if (text(ws.getCell(r, c)) === want) return { r, c };
    return null;
  };
  const head = find('复核完成值');
  t.ok(head, 'the review columns have a header');
  if (!head) return;
  t.same([1, 2, 3].map((i) => text(ws.getCell(head.r, head.c + i))), ['复核得分', '计算得分（复核）', '复核理由']);
  const row = find('业务文件汇编等印刷数')!;
  t.same([0, 1, 2, 3].map((i) => ws.getCell(row.r, head.c + i).value), ['2400册', 7, 8, '台账显示实际印刷2400册，且部分未发放'], 'reviewer actual, score, computed, reason');
  const note = ws.getCell(row.r, head.c + 1).note as string | { texts: { text: string }[] } | undefined;
  const noteText = typeof note === 'string' ? note : (note?.texts ?? []).map((x) => x.text).join('');
  t.match(noteText, /REVIEW_SCORE_VS_COMPUTED/, 'the difference is a comment on the cell');
  const grade = find('抽评等级 2 良')!;
  t.ok(grade, 'the 抽评等级 on the total row');
  t.same([ws.getCell(grade.r, grade.c + 1).value, ws.getCell(grade.r, grade.c + 2).value], [90.76, 91.76], 'review total and computed total');
  t.ok(find(PRINTING.conclusion), 'the conclusion below the table');
  t.equal((await w.get(w.keys.rev301, r.json.links.export)).status, 404, 'another department: 404');
});

t.test('reviewer keys: with --dept a department’s, without it the bureau’s', async (t) => {
  const { checkKeySpec, scopeOf } = await import('../src/auth/keys.js');
  t.same(checkKeySpec({ name: 'r', role: 'reviewer', dept: '209' }), { name: 'r', role: 'reviewer', agencyCode: null, deptCode: '209', mofDivCode: null });
  t.same(checkKeySpec({ name: 'r', role: 'reviewer', region: '140000' }).mofDivCode, '140000');
  t.throws(() => checkKeySpec({ name: 'r', role: 'reviewer', unit: '209100' }), /reviewer key takes --dept/);
  const p = (deptCode: string | null, mofDivCode: string | null) => ({ keyId: 'k', name: 'n', role: 'reviewer' as const, agencyCode: null, deptCode, mofDivCode });
  t.same(scopeOf(p('209', null)), { deptCode: '209' });
  t.same(scopeOf(p(null, '140000')), { mofDivCode: '140000' });
  t.same(scopeOf(p(null, null)), {});
  const w = await world(t, await sqliteStore(t));
  const made = await w.post(w.keys.bureau, '/v1/keys', { name: '复核', role: 'reviewer', dept: '209' });
  t.same([made.status, made.json.record?.role ?? made.json.role], [201, 'reviewer'], 'the bureau creates a reviewer key over HTTP');
  const { runCli } = await import('../src/cli/main.js');
  const dir = mkdtempSync(join(tmpdir(), 'jx-review-cli-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  let out = '';
  let err = '';
  const io = { env: { DATA_DIR: dir }, stdout: (s: string) => void (out += s), stderr: (s: string) => void (err += s), readStdin: async () => '' };
  t.equal(await runCli(['keys', 'create', '--role', 'reviewer', '--dept', '209', '--name', '人社厅复核'], io), 0, err);
  t.match(out, /^jx_/);
  t.match(err, /reviewer 209/);
});
