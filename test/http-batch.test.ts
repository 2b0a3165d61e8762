/** POST /v1/score/batch: JSON arrays, and NDJSON streams through inject and over a real socket. */
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import t, { type Test } from 'tap';
import { Jixiao, loadJixiao } from '../src/jixiao.js';
import { FLUSH, ndjsonLines, type NdjsonLine } from '../src/http/ndjson.js';
import { BatchJsonResultSchema, BatchLineSchema, BatchSummaryLineSchema } from '../src/http/schemas/score.js';
import { JSON_HEADERS, NDJSON_HEADERS, SEEDS, seedLine, testApp } from './support/http.js';

// Two 10 000-form batches: more than tap's default 30 s on a busy 2-core machine.

const jx = loadJixiao();
const seeds = SEEDS.map((s) => JSON.parse(seedLine(s)) as Record<string, unknown>);

/** Line i (1-based) of the 10 000-line body: every 100th line is bad, in one of five ways. */
function mixedLine(i: number): { text: string; bad: string | null } {
  if (i % 100 === 37) {
    const kind = (i / 100) | 0;
    switch (kind % 5) {
      case 0:
        return { text: '{"fiscalYear": 2022, "proName": ', bad: 'INVALID_JSON' };
      case 1:
        return { text: JSON.stringify({ id: `bad-${i}`, fiscalYear: 'later', proName: '' }), bad: 'INVALID_FORM' };
      case 2:
        return { text: '{"__proto__": {"polluted": true}, "proName": "x"}', bad: 'BAD_REQUEST' };
      case 3:
        return { text: '[1,2,3]', bad: 'INVALID_FORM' };
      default:
        return { text: JSON.stringify({ id: `big-${i}`, pad: 'x'.repeat(70_000) }), bad: 'LINE_TOO_LARGE' };
    }
  }
  const form = { ...seeds[i % 3], id: `f-${i}` };
  return { text: JSON.stringify(form), bad: null };
}

function* mixedBody(n: number): Generator<string> {
  for (let i = 1; i <= n; i++) yield mixedLine(i).text + '\n';
}

function checkMixed(t: Test, lines: string[], n: number) {
  t.equal(lines.length, n + 1, `${n} lines and a summary`);
  let bad = 0;
  let inOrder = true;
  let idsRight = true;
  let shapesRight = true;
  for (let i = 1; i <= n; i++) {
    const out = JSON.parse(lines[i - 1]);
    const exp = mixedLine(i);
    if (out.line !== i) inOrder = false;
    if (exp.bad) {
      bad++;
      if (out.ok !== false || out.problem?.code !== exp.bad) shapesRight = false;
    } else {
      if (out.ok !== true || out.id !== `f-${i}` || typeof out.result?.total !== 'string') idsRight = false;
    }
  }
  t.ok(inOrder, 'every line in order with its line number');
  t.ok(idsRight, 'every good line scored with its id');
  t.ok(shapesRight, 'every bad line is an error line with its code');
  t.equal(bad, n / 100);
  const summary = BatchSummaryLineSchema.parse(JSON.parse(lines[n])).summary;
  t.equal(summary.lines, n);
  t.equal(summary.scored, n - n / 100);
  t.equal(summary.failed, n / 100);
  t.equal(Object.values(summary.byGrade).reduce((a, b) => a + b, 0), summary.scored);
  t.equal(summary.failures.LINE_TOO_LARGE, n / 500);
  t.equal(summary.failures.INVALID_JSON, n / 500);
  t.equal(summary.failures.BAD_REQUEST, n / 500);
  t.equal(summary.failures.INVALID_FORM, (2 * n) / 500);
  t.ok(summary.byFinding.COST_ROW_CAPPED > 0, 'findings counted by code');
}

t.test('NDJSON: 10 000 lines with 100 bad ones, through inject', async (t) => {
  const { app, logs } = await testApp({ batchLineLimit: 64 * 1024 });
  t.teardown(() => app.close());
  const res = await app.inject({
    method: 'POST',
    url: '/v1/score/batch?detail=brief',
    headers: { ...NDJSON_HEADERS, 'x-request-id': 'batch-1' },
    payload: [...mixedBody(10_000)].join(''),
  });
  t.equal(res.statusCode, 200);
  t.match(res.headers['content-type'], /^application\/x-ndjson/);
  const lines = res.body.split('\n');
  t.equal(lines.pop(), '', 'ends with a newline');
  checkMixed(t, lines, 10_000);
  BatchLineSchema.parse(JSON.parse(lines[0]));
  const log = logs.find((l) => l.reqId === 'batch-1');
  t.match(log, { route: '/v1/score/batch', forms: 10_000, policy: 'by-form', status: 200 });
});

t.test('NDJSON over a real socket: streamed both ways, in order', async (t) => {
  const { app } = await testApp({ batchLineLimit: 64 * 1024, logLevel: 'warn' });
  t.teardown(() => app.close());
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;

  const lines = await new Promise<string[]>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method: 'POST', path: '/v1/score/batch?detail=brief', headers: NDJSON_HEADERS }, (res) => {
      t.equal(res.statusCode, 200);
      t.equal(res.headers['transfer-encoding'], 'chunked', 'streamed, not buffered');
      const out: string[] = [];
      let rest = '';
      res.setEncoding('utf8');
      res.on('data', (s: string) => {
        const parts = (rest + s).split('\n');
        rest = parts.pop()!;
        out.push(...parts);
      });
      res.on('end', () => resolve(out));
      res.on('error', reject);
    });
    req.on('error', reject);
    Readable.from(mixedBody(10_000)).pipe(req);
  });
  checkMixed(t, lines, 10_000);
});

t.test('NDJSON: a client that goes away does not hurt the server', async (t) => {
  const { app } = await testApp({ logLevel: 'warn' });
  t.teardown(() => app.close());
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  await new Promise<void>((resolve) => {
    const req = request({ host: '127.0.0.1', port, method: 'POST', path: '/v1/score/batch', headers: NDJSON_HEADERS }, (res) => {
      res.once('data', () => {
        req.destroy();
        resolve();
      });
    });
    req.on('error', () => resolve());
    // An endless body: only backpressure keeps it in bounds.
    Readable.from(
      (function* () {
        for (let i = 0; ; i++) yield seedLine(SEEDS[i % 3]) + '\n';
      })(),
    ).pipe(req);
  });
  const after = await app.inject({ method: 'GET', url: '/healthz' });
  t.equal(after.statusCode, 200, 'still serving');
});

t.test('NDJSON edge cases: blank lines, CRLF, BOM, no final newline, full results', async (t) => {
  const { app } = await testApp();
  t.teardown(() => app.close());
  const body = '\ufeff' + seedLine('01-jingban') + '\r\n\r\n   \n' + seedLine('02-dangan');
  const res = await app.inject({ method: 'POST', url: '/v1/score/batch?policy=national-2020&detail=full', headers: NDJSON_HEADERS, payload: body });
  t.equal(res.statusCode, 200);
  const lines = res.body.trim().split('\n').map((l) => JSON.parse(l));
  t.equal(lines.length, 3);
  t.match(lines[0], { line: 1, ok: true, id: 'seed-2022-209100-01', result: { total: '88.76', policy: { id: 'national-2020' }, indicators: Array } });
  t.match(lines[1], { line: 4, ok: true, result: { total: '90.00' } });
  t.same(lines[2].summary.byGrade, { 良: 1, 优: 1 });
});

t.test('NDJSON: the first line too long is a 413 problem; an empty body a 400; an unknown policy a 404', async (t) => {
  const { app } = await testApp({ batchLineLimit: 1000 });
  t.teardown(() => app.close());
  const big = await app.inject({ method: 'POST', url: '/v1/score/batch', headers: NDJSON_HEADERS, payload: 'x'.repeat(5000) + '\n' + seedLine('01-jingban') });
  t.equal(big.statusCode, 413);
  t.match(big.json(), { code: 'LINE_TOO_LARGE', detail: '第1行超过1000字节' });
  t.equal(big.headers.connection, 'close');
  const bigLast = await app.inject({ method: 'POST', url: '/v1/score/batch', headers: NDJSON_HEADERS, payload: '\n\n' + 'x'.repeat(5000) });
  t.match(bigLast.json(), { code: 'LINE_TOO_LARGE', detail: '第3行超过1000字节' });
  for (const payload of ['', '\n\n  \n']) {
    const empty = await app.inject({ method: 'POST', url: '/v1/score/batch', headers: NDJSON_HEADERS, payload });
    t.equal(empty.statusCode, 400);
    t.equal(empty.json().code, 'EMPTY_BODY');
  }
  const unknown = await app.inject({ method: 'POST', url: '/v1/score/batch?policy=x', headers: NDJSON_HEADERS, payload: seedLine('01-jingban') });
  t.equal(unknown.statusCode, 404);
  t.equal(unknown.json().code, 'UNKNOWN_POLICY');
  const detail = await app.inject({ method: 'POST', url: '/v1/score/batch?detail=everything', headers: NDJSON_HEADERS, payload: seedLine('01-jingban') });
  t.equal(detail.statusCode, 400);
  t.match(detail.json(), { code: 'BAD_REQUEST', errors: [{ pointer: '/detail' }] });
});

t.test('NDJSON: an engine bug on one line is an error line; the rest go on', async (t) => {
  // A bug in scoring itself, or in building the answer asked for (the lean result is lazy).
  const flaky = new Jixiao(jx.policies, jx.vocabulary);
  const real = flaky.scoreLean.bind(flaky);
  flaky.scoreLean = (input, opts) => {
    const id = (input as { id?: string }).id;
    if (id === 'boom') throw new Error('boom');
    const out = real(input, opts);
    if (!out.ok || id !== 'lazy-boom') return out;
    const fail = (): never => {
      throw new Error('lazy boom');
    };
    return { ...out, lean: { brief: fail, full: fail } };
  };
  const { app } = await testApp({ logLevel: 'silent' }, flaky);
  t.teardown(() => app.close());
  const body = [seedLine('01-jingban'), JSON.stringify({ ...seeds[1], id: 'boom' }), JSON.stringify({ ...seeds[1], id: 'lazy-boom' }), seedLine('03-dalou')].join('\n');
  for (const detail of ['brief', 'full']) {
    const res = await app.inject({ method: 'POST', url: `/v1/score/batch?detail=${detail}`, headers: { ...NDJSON_HEADERS, 'accept-language': 'en' }, payload: body });
    const lines = res.body.trim().split('\n').map((l) => JSON.parse(l));
    t.match(lines[1], { line: 2, id: 'boom', ok: false, problem: { code: 'INTERNAL', status: 500, title: 'Internal Server Error' } });
    t.match(lines[2], { line: 3, id: 'lazy-boom', ok: false, problem: { code: 'INTERNAL', status: 500 } }, `${detail}: a failing ${detail}() is an error line`);
    t.equal(lines[3].ok, true);
    t.same(lines[4].summary.failures, { INTERNAL: 2 });
    t.equal(lines[4].summary.scored, 2);
  }
});

t.test('JSON array batch', async (t) => {
  const { app } = await testApp({ batchMaxItems: 5 });
  t.teardown(() => app.close());
  const res = await app.inject({ method: 'POST', url: '/v1/score/batch', headers: JSON_HEADERS, payload: [...seeds, { proCode: 'P-9', proName: 'x' }, 'text'] });
  t.equal(res.statusCode, 200);
  const body = BatchJsonResultSchema.parse(res.json());
  t.same(body.results.map((r) => [r.index, r.ok, r.id]), [
    [0, true, 'seed-2022-209100-01'],
    [1, true, body.results[1].id],
    [2, true, body.results[2].id],
    [3, false, 'P-9'],
    [4, false, null],
  ]);
  t.same(body.results.slice(0, 3).map((r) => (r.result as { total: string }).total), ['93.76', '95.00', '90.00']);
  t.equal(body.results[4].problem!.errors![0].code, 'NOT_AN_OBJECT');
  t.same(body.summary, { lines: 5, scored: 3, failed: 2, byGrade: { 优: 3 }, byFinding: body.summary.byFinding, failures: { INVALID_FORM: 2 } });

  // detail=brief by default: the BriefResult, each indicator with its score, status and finding codes only.
  const first = res.json().results[0].result;
  t.same(Object.keys(first).sort(), ['grade', 'gradeCode', 'indicators', 'policy', 'provisional', 'status', 'summary', 'total']);
  t.same(Object.keys(first.indicators[0]).sort(), ['findings', 'index', 'score', 'status']);

  const brief = await app.inject({ method: 'POST', url: '/v1/score/batch?detail=brief&policy=national-2020', headers: JSON_HEADERS, payload: seeds });
  t.equal(brief.json().results[0].result.total, '88.76');
  const full = await app.inject({ method: 'POST', url: '/v1/score/batch?detail=full&policy=national-2020', headers: JSON_HEADERS, payload: seeds });
  const national = { policy: jx.policies.get('national-2020') };
  const fullOf = (f: unknown) => {
    const o = jx.scoreInput(f, national);
    return o.ok ? (JSON.parse(JSON.stringify(o.result)) as unknown) : null;
  };
  t.same(full.json().results.map((r: { result: unknown }) => r.result), seeds.map(fullOf), 'detail=full: the ScoreResult of scoreInput');
  t.same(full.json().summary, brief.json().summary, 'the same summary whichever answer was built');

  const empty = await app.inject({ method: 'POST', url: '/v1/score/batch', headers: JSON_HEADERS, payload: [] });
  t.same(empty.json().summary.lines, 0);
  const many = await app.inject({ method: 'POST', url: '/v1/score/batch', headers: JSON_HEADERS, payload: Array(6).fill(seeds[0]) });
  t.equal(many.statusCode, 400);
  t.match(many.json().detail, /最多5个表单/);
  const manyEn = await app.inject({ method: 'POST', url: '/v1/score/batch', headers: { ...JSON_HEADERS, 'accept-language': 'en' }, payload: Array(6).fill(seeds[0]) });
  t.match(manyEn.json().detail, /at most 5 forms/);
  const obj = await app.inject({ method: 'POST', url: '/v1/score/batch', headers: JSON_HEADERS, payload: seeds[0] });
  t.equal(obj.statusCode, 400);
  t.match(obj.json(), { code: 'BAD_REQUEST', detail: /应为表单数组/ });
  const objEn = await app.inject({ method: 'POST', url: '/v1/score/batch', headers: { ...JSON_HEADERS, 'accept-language': 'en' }, payload: seeds[0] });
  t.match(objEn.json().detail, /expected an array/);
  const noBody = await app.inject({ method: 'POST', url: '/v1/score/batch' });
  t.equal(noBody.statusCode, 400);
  t.equal(noBody.json().code, 'EMPTY_BODY');
  const unknown = await app.inject({ method: 'POST', url: '/v1/score/batch?policy=nope', headers: JSON_HEADERS, payload: seeds });
  t.equal(unknown.statusCode, 404);
});

t.test('ndjsonLines splits any chunking the same way, and bounds every line', async (t) => {
  const text = 'a\n\n{"k":"汉字"}\r\nlonglonglonglonglong\nz';
  const bytes = Buffer.from(text, 'utf8');
  const collect = async (chunks: (Buffer | string)[], limit: number) => {
    const out: NdjsonLine[] = [];
    let flushes = 0;
    for await (const l of ndjsonLines(chunks, limit)) {
      if (l === FLUSH) flushes++;
      else out.push(l);
    }
    return { out, flushes };
  };
  const whole = await collect([bytes], 16);
  t.same(
    whole.out.map((l) => [l.n, l.text, l.tooLarge]),
    [
      [1, 'a', false],
      [3, '{"k":"汉字"}', false],
      [4, undefined, true],
      [5, 'z', false],
    ],
  );
  t.equal(whole.flushes, 1);
  for (let size = 1; size < bytes.length; size++) {
    const chunks: Buffer[] = [];
    for (let i = 0; i < bytes.length; i += size) chunks.push(bytes.subarray(i, i + size));
    const r = await collect(chunks, 16);
    t.same(r.out, whole.out, `chunks of ${size} bytes`);
  }
  const strings = await collect(['a\nb', 'c\n'], 100);
  t.same(strings.out.map((l) => l.text), ['a', 'bc']);
  const tail = await collect(['ok\n', 'x'.repeat(20)], 10);
  t.same(tail.out.map((l) => [l.n, l.tooLarge, l.bytes]), [
    [1, false, 2],
    [2, true, 20],
  ]);
});
