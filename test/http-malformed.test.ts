/**
 * A catalogue of malformed requests: each gets a 4xx application/problem+json, never a 5xx,
 * and nothing from the body reaches an object prototype.
 */
import fc from 'fast-check';
import t from 'tap';
import { forbiddenKey, MAX_JSON_DEPTH, parseJson, textDeeperThan, valueDeeperThan } from '../src/http/json.js';
import { ProblemSchema } from '../src/http/schemas/common.js';
import { JSON_HEADERS, NDJSON_HEADERS, seedText, testApp } from './support/http.js';


const seed = JSON.parse(seedText('01-jingban')) as Record<string, unknown>;
const seedStr = JSON.stringify(seed);
const withField = (path: (string | number)[], value: unknown) => {
  const copy = JSON.parse(seedStr) as Record<string, unknown>;
  let node = copy as Record<string | number, unknown>;
  for (const k of path.slice(0, -1)) node = node[k] as Record<string | number, unknown>;
  node[path[path.length - 1]] = value;
  return JSON.stringify(copy);
};
/** Replace a JSON value in the seed text by raw text (NaN, 1e999 … cannot come from JSON.stringify). */
const rawField = (path: (string | number)[], raw: string) => withField(path, '@@RAW@@').replace('"@@RAW@@"', raw);
const deepArray = (n: number) => '['.repeat(n) + ']'.repeat(n);
const deepObject = (n: number) => '{"a":'.repeat(n) + '1' + '}'.repeat(n);

interface Case {
  name: string;
  method?: 'GET' | 'POST' | 'DELETE' | 'PUT';
  url?: string;
  headers?: Record<string, string>;
  payload?: string | Buffer;
  status: number;
  code: string;
  pointer?: string;
  /** The code of the problem at `pointer` in errors[]. */
  error?: string;
}

const J = JSON_HEADERS;
const CASES: Case[] = [
  // ---- not JSON --------------------------------------------------------------------------
  { name: 'truncated JSON', headers: J, payload: '{"fiscalYear": 2022, "proName": ', status: 400, code: 'INVALID_JSON' },
  { name: 'the seed form cut in half', headers: J, payload: seedText('01-jingban').slice(0, 700), status: 400, code: 'INVALID_JSON' },
  { name: 'trailing comma', headers: J, payload: '{"fiscalYear": 2022,}', status: 400, code: 'INVALID_JSON' },
  { name: 'single quotes', headers: J, payload: "{'fiscalYear': 2022}", status: 400, code: 'INVALID_JSON' },
  { name: 'NaN literal in a number field', headers: J, payload: rawField(['indicators', 0, 'points'], 'NaN'), status: 400, code: 'INVALID_JSON' },
  { name: 'Infinity literal', headers: J, payload: rawField(['funds', 'rows', 0, 'budget'], 'Infinity'), status: 400, code: 'INVALID_JSON' },
  { name: '-Infinity literal', headers: J, payload: rawField(['funds', 'rows', 0, 'executed'], '-Infinity'), status: 400, code: 'INVALID_JSON' },
  { name: 'hexadecimal number', headers: J, payload: rawField(['indicators', 0, 'points'], '0x10'), status: 400, code: 'INVALID_JSON' },
  { name: 'two JSON documents', headers: J, payload: seedStr + seedStr, status: 400, code: 'INVALID_JSON' },
  { name: 'a comment', headers: J, payload: '// form\n' + seedStr, status: 400, code: 'INVALID_JSON' },
  { name: 'invalid UTF-8 outside strings', headers: J, payload: Buffer.concat([Buffer.from('{"a":'), Buffer.from([0xff, 0xfe]), Buffer.from('}')]), status: 400, code: 'INVALID_UTF8' },
  { name: 'a byte-order mark before invalid JSON', headers: J, payload: '\ufeff{', status: 400, code: 'INVALID_JSON' },
  // ---- charsets: bodies are UTF-8; any other charset is refused rather than misread ----------------
  { name: 'JSON declared as GBK', headers: { 'content-type': 'application/json; charset=gbk' }, payload: seedStr, status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' },
  { name: 'JSON declared as UTF-16', headers: { 'content-type': 'application/json;charset="UTF-16"' }, payload: seedStr, status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' },
  { name: 'NDJSON declared as GB18030', url: '/v1/score/batch', headers: { 'content-type': 'application/x-ndjson; charset=gb18030' }, payload: seedStr, status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' },
  // ---- empty --------------------------------------------------------------------------------
  { name: 'empty body with a JSON content type', headers: J, payload: '', status: 400, code: 'EMPTY_BODY' },
  { name: 'whitespace only', headers: J, payload: ' \n\t ', status: 400, code: 'EMPTY_BODY' },
  { name: 'no body and no content type', status: 400, code: 'EMPTY_BODY' },
  // ---- wrong content type ---------------------------------------------------------------------
  { name: 'form-urlencoded', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'fiscalYear=2022&proName=x', status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' },
  { name: 'text/plain', headers: { 'content-type': 'text/plain' }, payload: seedStr, status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' },
  { name: 'multipart', headers: { 'content-type': 'multipart/form-data; boundary=x' }, payload: '--x\r\n\r\n--x--', status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' },
  { name: 'XML', headers: { 'content-type': 'application/xml' }, payload: '<form/>', status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' },
  { name: 'NDJSON to the single-form route', headers: NDJSON_HEADERS, payload: seedStr, status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' },
  { name: 'a made-up content type', headers: { 'content-type': 'foo' }, payload: seedStr, status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' },
  // ---- too large / too deep ------------------------------------------------------------------
  { name: 'a 5 MB body', headers: J, payload: withField(['analysis'], { implementation: 'x'.repeat(5 * 1024 * 1024) }), status: 413, code: 'BODY_TOO_LARGE' },
  { name: '10 000-deep arrays as the body', headers: J, payload: deepArray(10_000), status: 400, code: 'JSON_TOO_DEEP' },
  { name: '10 000-deep objects as the body', headers: J, payload: deepObject(10_000), status: 400, code: 'JSON_TOO_DEEP' },
  { name: '10 000-deep nesting in a field', headers: J, payload: rawField(['proName'], deepArray(10_000)), status: 400, code: 'JSON_TOO_DEEP' },
  { name: '10 000-deep unknown field', headers: J, payload: rawField(['junk'], deepObject(10_000)), status: 400, code: 'JSON_TOO_DEEP' },
  { name: '33 levels in all', headers: J, payload: rawField(['junk'], deepArray(32)), status: 400, code: 'JSON_TOO_DEEP' },
  { name: '32 levels in all are read (the unknown field is stripped)', headers: J, payload: rawField(['proName'], deepArray(31)), status: 422, code: 'INVALID_FORM', pointer: '/proName' },
  { name: '10 000-deep arrays as a batch', url: '/v1/score/batch', headers: J, payload: deepArray(10_000), status: 400, code: 'JSON_TOO_DEEP' },
  { name: '501 indicators', headers: J, payload: withField(['indicators'], Array(501).fill((seed.indicators as unknown[])[0])), status: 422, code: 'INVALID_FORM', pointer: '/indicators' },
  // ---- numbers out of range --------------------------------------------------------------------
  { name: '1e999 in points', headers: J, payload: rawField(['indicators', 0, 'points'], '1e999'), status: 422, code: 'INVALID_FORM', pointer: '/indicators/0/points' },
  { name: '1e999 in a budget', headers: J, payload: rawField(['funds', 'rows', 0, 'budget'], '1e999'), status: 422, code: 'INVALID_FORM', pointer: '/funds/rows/0/budget' },
  { name: '-1e999 in an amount', headers: J, payload: rawField(['funds', 'rows', 0, 'executed'], '-1e999'), status: 422, code: 'INVALID_FORM', pointer: '/funds/rows/0/executed' },
  { name: '"NaN" as a string amount', headers: J, payload: withField(['funds', 'rows', 0, 'budget'], 'NaN'), status: 422, code: 'INVALID_FORM', pointer: '/funds/rows/0/budget' },
  { name: '"Infinity" as a string score', headers: J, payload: withField(['indicators', 0, 'points'], 'Infinity'), status: 422, code: 'INVALID_FORM', pointer: '/indicators/0/points' },
  { name: 'negative points', headers: J, payload: withField(['indicators', 0, 'points'], -10), status: 422, code: 'INVALID_FORM', pointer: '/indicators/0/points' },
  { name: '1e308 as a budget', headers: J, payload: rawField(['funds', 'rows', 0, 'budget'], '1e308'), status: 422, code: 'INVALID_FORM', pointer: '/funds/rows/0/budget', error: 'VALUE_OUT_OF_RANGE' },
  { name: '10^15 points', headers: J, payload: withField(['indicators', 0, 'points'], '1000000000000000'), status: 422, code: 'INVALID_FORM', pointer: '/indicators/0/points', error: 'VALUE_OUT_OF_RANGE' },
  { name: 'a 100 000-digit amount', headers: J, payload: withField(['funds', 'rows', 0, 'executed'], '9'.repeat(100_000)), status: 422, code: 'INVALID_FORM', pointer: '/funds/rows/0/executed', error: 'VALUE_OUT_OF_RANGE' },
  { name: 'an amount of 1e-100000', headers: J, payload: withField(['funds', 'rows', 0, 'executed'], '0.' + '0'.repeat(100_000) + '1'), status: 422, code: 'INVALID_FORM', pointer: '/funds/rows/0/executed', error: 'VALUE_OUT_OF_RANGE' },
  { name: 'a deduction of 5000', headers: J, payload: withField(['indicators', 0, 'deduction'], 5000), status: 422, code: 'INVALID_FORM', pointer: '/indicators/0/deduction', error: 'VALUE_OUT_OF_RANGE' },
  { name: 'a reported total of 1e300', headers: J, payload: rawField(['reportedTotal'], '1e300'), status: 422, code: 'INVALID_FORM', pointer: '/reportedTotal', error: 'VALUE_OUT_OF_RANGE' },
  // ---- wrong types -----------------------------------------------------------------------------
  { name: 'null', headers: J, payload: 'null', status: 422, code: 'INVALID_FORM', pointer: '' },
  { name: 'an array', headers: J, payload: '[]', status: 422, code: 'INVALID_FORM', pointer: '' },
  { name: 'a string', headers: J, payload: '"form"', status: 422, code: 'INVALID_FORM', pointer: '' },
  { name: 'a number', headers: J, payload: '42', status: 422, code: 'INVALID_FORM', pointer: '' },
  { name: 'an empty object', headers: J, payload: '{}', status: 422, code: 'INVALID_FORM', pointer: '/fiscalYear' },
  { name: 'fiscalYear as an object', headers: J, payload: withField(['fiscalYear'], { y: 2022 }), status: 422, code: 'INVALID_FORM', pointer: '/fiscalYear' },
  { name: 'indicators as an object', headers: J, payload: withField(['indicators'], { a: 1 }), status: 422, code: 'INVALID_FORM', pointer: '/indicators' },
  { name: 'points as a boolean', headers: J, payload: withField(['indicators', 0, 'points'], true), status: 422, code: 'INVALID_FORM', pointer: '/indicators/0/points' },
  { name: 'funds missing', headers: J, payload: withField(['funds'], undefined), status: 422, code: 'INVALID_FORM', pointer: '/funds' },
  { name: 'text in a number field', headers: J, payload: withField(['funds', 'rows', 0, 'budget'], '二百万'), status: 422, code: 'INVALID_FORM', pointer: '/funds/rows/0/budget' },
  // ---- prototype keys --------------------------------------------------------------------------
  { name: '__proto__ at the top', headers: J, payload: '{"__proto__": {"admin": true}, "proName": "x"}', status: 400, code: 'BAD_REQUEST' },
  { name: '__proto__ inside an indicator', headers: J, payload: withField(['indicators', 0], '@@RAW@@').replace('"@@RAW@@"', '{"__proto__":{"x":1}}'), status: 400, code: 'BAD_REQUEST' },
  { name: '__proto__ written with \\u escapes', headers: J, payload: '{"\\u005f\\u005fproto__": {"x": 1}}', status: 400, code: 'BAD_REQUEST' },
  { name: 'constructor.prototype', headers: J, payload: '{"constructor": {"prototype": {"x": 1}}}', status: 400, code: 'BAD_REQUEST' },
  // ---- routes and parameters -------------------------------------------------------------------
  { name: 'unknown policy', url: '/v1/score?policy=atlantis', headers: J, payload: seedStr, status: 404, code: 'UNKNOWN_POLICY' },
  { name: 'empty policy', url: '/v1/score?policy=', headers: J, payload: seedStr, status: 404, code: 'UNKNOWN_POLICY' },
  { name: 'policy id too long', url: `/v1/score?policy=${'p'.repeat(100)}`, headers: J, payload: seedStr, status: 400, code: 'BAD_REQUEST', pointer: '/policy' },
  { name: 'unknown route', method: 'GET', url: '/v2/score', status: 404, code: 'NOT_FOUND' },
  { name: 'wrong method', method: 'DELETE', url: '/v1/score', status: 405, code: 'METHOD_NOT_ALLOWED' },
  { name: 'PUT a policy', method: 'PUT', url: '/v1/policies/national-2020', headers: J, payload: '{}', status: 405, code: 'METHOD_NOT_ALLOWED' },
  { name: 'GET the score route', method: 'GET', url: '/v1/score', status: 405, code: 'METHOD_NOT_ALLOWED' },
  { name: 'bad percent-encoding in the path', method: 'GET', url: '/v1/policies/%E0%A4%A', status: 400, code: 'BAD_REQUEST' },
  { name: 'a path parameter over 200 characters', method: 'GET', url: `/v1/policies/${'p'.repeat(300)}`, status: 414, code: 'URI_TOO_LONG' },
  // ---- batch ---------------------------------------------------------------------------------
  { name: 'a 10 MB NDJSON line', url: '/v1/score/batch', headers: NDJSON_HEADERS, payload: JSON.stringify({ pad: 'x'.repeat(10 * 1024 * 1024) }) + '\n' + seedStr, status: 413, code: 'LINE_TOO_LARGE' },
  { name: 'an empty NDJSON body', url: '/v1/score/batch', headers: NDJSON_HEADERS, payload: '', status: 400, code: 'EMPTY_BODY' },
  { name: 'a batch that is an object', url: '/v1/score/batch', headers: J, payload: seedStr, status: 400, code: 'BAD_REQUEST' },
  { name: 'a truncated batch array', url: '/v1/score/batch', headers: J, payload: `[${seedStr},`, status: 400, code: 'INVALID_JSON' },
  { name: 'a batch as text/csv', url: '/v1/score/batch', headers: { 'content-type': 'text/csv' }, payload: 'a,b', status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' },
  // ---- targets ------------------------------------------------------------------------------
  { name: 'targets as numbers', url: '/v1/targets/check', headers: J, payload: '{"targets": [95]}', status: 400, code: 'BAD_REQUEST', pointer: '/targets/0' },
  { name: 'no targets field', url: '/v1/targets/check', headers: J, payload: '{}', status: 400, code: 'BAD_REQUEST', pointer: '/targets' },
  { name: '1001 targets', url: '/v1/targets/check', headers: J, payload: JSON.stringify({ targets: Array(1001).fill('≥95%') }), status: 400, code: 'BAD_REQUEST', pointer: '/targets' },
  { name: 'an unknown key in a target', url: '/v1/targets/check', headers: J, payload: '{"targets": [{"target": "≥1", "x": 1}]}', status: 400, code: 'BAD_REQUEST' },
  { name: '__proto__ in targets', url: '/v1/targets/check', headers: J, payload: '{"targets": ["≥1"], "__proto__": {"x": 1}}', status: 400, code: 'BAD_REQUEST' },
  { name: 'targets as form-urlencoded', url: '/v1/targets/check', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'targets=1', status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' },
];

t.test('every malformed request gets a 4xx problem+json', async (t) => {
  t.ok(CASES.length >= 40, `${CASES.length} cases`);
  const { app } = await testApp({ logLevel: 'silent' });
  t.teardown(() => app.close());
  for (const c of CASES) {
    const res = await app.inject({ method: c.method ?? 'POST', url: c.url ?? '/v1/score', headers: c.headers, payload: c.payload });
    t.equal(res.statusCode, c.status, `${c.name}: status`);
    t.match(res.headers['content-type'], /^application\/problem\+json/, `${c.name}: problem+json`);
    const parsed = ProblemSchema.safeParse(res.json());
    t.ok(parsed.success, `${c.name}: a problem body`);
    if (!parsed.success) continue;
    const p = parsed.data;
    t.equal(p.code, c.code, `${c.name}: code`);
    t.equal(p.status, res.statusCode);
    if (c.pointer !== undefined) t.ok(p.errors?.some((e) => e.pointer === c.pointer), `${c.name}: pointer ${c.pointer}`);
    if (c.error !== undefined) t.equal(p.errors?.find((e) => e.pointer === c.pointer)?.code, c.error, `${c.name}: ${c.error}`);
  }
  t.equal(({} as Record<string, unknown>).admin, undefined, 'no prototype was touched');
  t.equal(({} as Record<string, unknown>).x, undefined);
});

t.test('English problems', async (t) => {
  const { app } = await testApp({ logLevel: 'silent' });
  t.teardown(() => app.close());
  const H = { ...JSON_HEADERS, 'accept-language': 'en' };
  const cases: [string, string | undefined, Record<string, string>, RegExp][] = [
    ['{', '/v1/score', H, /not valid JSON/],
    ['{"__proto__":{}}', '/v1/score', H, /forbidden key "__proto__"/],
    ['{"targets": 1}', '/v1/targets/check', H, /the body does not match the API/],
    ['x', '/v1/score', { 'content-type': 'text/plain', 'accept-language': 'en' }, /Unsupported content type "text\/plain"/],
  ];
  for (const [payload, url, headers, rx] of cases) {
    const res = await app.inject({ method: 'POST', url, headers, payload });
    t.match(res.json().detail, rx);
  }
  const big = await app.inject({ method: 'POST', url: '/v1/score', headers: H, payload: JSON.stringify({ x: 'y'.repeat(2 * 1024 * 1024) }) });
  t.match(big.json(), { status: 413, title: 'Content Too Large', detail: 'The request body is larger than 1048576 bytes' });
  const nd = await app.inject({ method: 'POST', url: '/v1/score/batch', headers: { ...NDJSON_HEADERS, 'accept-language': 'en' }, payload: seedStr + '\n{"__proto__":{}}\n' });
  t.match(nd.body.split('\n')[1], /forbidden key \\"__proto__\\"/);
  const zh = await app.inject({ method: 'POST', url: '/v1/score/batch', headers: NDJSON_HEADERS, payload: seedStr + '\n{"__proto__":{}}\n' });
  t.match(zh.body.split('\n')[1], /禁止使用的键“__proto__”/);
});

t.test('random JSON values and random bytes never give a 5xx', async (t) => {
  const { app } = await testApp({ logLevel: 'silent' });
  t.teardown(() => app.close());
  let runs = 0;
  const urls = ['/v1/score', '/v1/score/batch', '/v1/targets/check'];
  await fc.assert(
    fc.asyncProperty(fc.jsonValue({ maxDepth: 4 }), fc.constantFrom(...urls), async (value, url) => {
      const res = await app.inject({ method: 'POST', url, headers: JSON_HEADERS, payload: JSON.stringify(value) ?? 'null' });
      runs++;
      return res.statusCode < 500;
    }),
    { numRuns: 300, seed: 42 },
  );
  await fc.assert(
    fc.asyncProperty(fc.uint8Array({ maxLength: 300 }), fc.constantFrom(...urls), fc.constantFrom('application/json', 'application/x-ndjson'), async (bytes, url, ct) => {
      const res = await app.inject({ method: 'POST', url, headers: { 'content-type': ct }, payload: Buffer.from(bytes) });
      runs++;
      return res.statusCode < 500;
    }),
    { numRuns: 300, seed: 7 },
  );
  t.equal(600, runs, 'every generated request answered below 500');
});

t.test('nesting depth: the scan before parsing (long texts) and the walk after (short ones) agree', async (t) => {
  const pad = (text: string) => `{"pad": "${'x'.repeat(70 * 1024)}", "v": ${text}}`; // over 64 KiB: scanned first
  // [text, depth of the value]
  const rows: [string, number][] = [
    ['1', 0],
    ['[]', 1],
    [deepArray(32), 32],
    [deepArray(33), 33],
    [deepObject(31), 31],
    ['{"a": "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["}', 1],
    ['{"a": "\\\\", "b": [[1]]}', 3],
    ['{"a": "\\"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[", "b": [1]}', 2],
    ['[' + '{"k": [1, {"j": 2}], "m": "}}]]"},'.repeat(100) + '1]', 4],
  ];
  for (const [text, depth] of rows) {
    t.equal(valueDeeperThan(JSON.parse(text), 32), depth > 32, `walk ${text.slice(0, 40)}`);
    t.equal(textDeeperThan(text, 32), depth > 32, `scan ${text.slice(0, 40)}`);
    t.equal(textDeeperThan(text, depth), false, `scan at its own depth ${text.slice(0, 40)}`);
    t.equal(depth === 0 || textDeeperThan(text, depth - 1), true, `scan one below ${text.slice(0, 40)}`);
    t.equal(parseJson(text).ok, depth <= MAX_JSON_DEPTH, `parseJson ${text.slice(0, 40)}`);
    t.equal(parseJson(pad(text)).ok, depth + 1 <= MAX_JSON_DEPTH, `parseJson, long ${text.slice(0, 40)}`);
  }
  t.same(parseJson(pad(deepArray(10_000))), { ok: false, code: 'JSON_TOO_DEEP' });
  t.equal(textDeeperThan('[["an unterminated string' + '['.repeat(40), 32), false, 'an unterminated string ends the scan (JSON.parse refuses the text)');
  t.same(parseJson(pad('["unterminated')), { ok: false, code: 'INVALID_JSON' });
  t.same(parseJson(deepObject(100_000)), { ok: false, code: 'JSON_TOO_DEEP' });
});

t.test('parseJson and forbiddenKey', async (t) => {
  t.same(parseJson('{"a":[{"b":1}]}'), { ok: true, value: { a: [{ b: 1 }] } });
  t.same(parseJson('  '), { ok: false, code: 'EMPTY_BODY' });
  t.same(parseJson('{"constructor": "x"}'), { ok: true, value: { constructor: 'x' } }, 'a plain constructor key is harmless');
  t.same(parseJson('{"a": "__proto__"}'), { ok: true, value: { a: '__proto__' } }, 'only keys count');
  t.equal(forbiddenKey(JSON.parse('[[{"x":[{"__proto__":1}]}]]')), '__proto__');
  t.equal(forbiddenKey(JSON.parse('{"constructor":{"prototype":1}}')), 'constructor.prototype');
  t.equal(forbiddenKey(JSON.parse('{"constructor":{"name":1}}')), undefined);
  t.equal(forbiddenKey(null), undefined);
});
