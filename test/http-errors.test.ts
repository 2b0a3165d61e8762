/**
 * The error contract: every 4xx is problem+json with `instance`, the answer says its language
 * (Content-Language, Vary: Accept-Language); wrong methods are 405 with Allow; multipart limits
 * say which limit; exceljs' own texts never reach the filer; a BOM is accepted; and the errors
 * Node answers before fastify has a request (431, malformed HTTP, Expect, bad URL encoding,
 * over-long path) are problem+json over a real socket too.
 */
import JSZip from 'jszip';
import t from 'tap';
import { ProblemSchema } from '../src/http/schemas/common.js';
import { JSON_HEADERS, seedText, testApp } from './support/http.js';
import { listen, rawExchange } from './support/socket.js';


const seed = seedText('01-jingban');

t.test('problems carry instance, Content-Language and Vary; 200s too', async (t) => {
  const { app } = await testApp({ logLevel: 'silent' });
  t.teardown(() => app.close());
  const bad = await app.inject({ method: 'POST', url: '/v1/score?policy=atlantis', headers: JSON_HEADERS, payload: seed });
  t.equal(bad.statusCode, 404);
  t.equal(bad.json().instance, '/v1/score', 'the path, without the query');
  t.equal(bad.headers['content-language'], 'zh-CN');
  t.match(bad.headers.vary, /Accept-Language/);
  const en = await app.inject({ method: 'POST', url: '/v1/score', headers: { ...JSON_HEADERS, 'accept-language': 'en' }, payload: '{' });
  t.equal(en.headers['content-language'], 'en');
  t.equal(en.json().title, 'Bad Request');
  const ok = await app.inject({ method: 'GET', url: '/v1/policies' });
  t.equal(ok.statusCode, 200);
  t.equal(ok.headers['content-language'], 'zh-CN');
  t.match(ok.headers.vary, /Accept-Language/);
});

t.test('wrong methods: 405 with Allow', async (t) => {
  const { app } = await testApp({ logLevel: 'silent' });
  t.teardown(() => app.close());
  const cases: [string, string, string][] = [
    ['DELETE', '/v1/score', 'POST'],
    ['GET', '/v1/score/batch', 'POST'],
    ['POST', '/v1/policies/national-2020', 'GET, HEAD'],
    ['PUT', '/v1/submissions/x/versions/1', 'GET, HEAD'],
    ['PATCH', '/v1/keys', 'GET, HEAD, POST'],
    ['GET', '/v1/keys/abc', 'DELETE'],
  ];
  for (const [method, url, allow] of cases) {
    const res = await app.inject({ method: method as 'GET', url });
    t.equal(res.statusCode, 405, `${method} ${url}`);
    t.equal(res.headers.allow, allow, `${method} ${url}: Allow`);
    t.equal(res.json().code, 'METHOD_NOT_ALLOWED');
    t.match(res.json().detail, new RegExp(method));
  }
  const none = await app.inject({ method: 'GET', url: '/v1/nothing' });
  t.equal(none.statusCode, 404);
  t.equal(none.headers.allow, undefined);
});

t.test('a UTF-8 byte-order mark is accepted, as by the CLI', async (t) => {
  const { app } = await testApp({ logLevel: 'silent' });
  t.teardown(() => app.close());
  const res = await app.inject({ method: 'POST', url: '/v1/score', headers: JSON_HEADERS, payload: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(seed)]) });
  t.equal(res.statusCode, 200);
  const utf8 = await app.inject({ method: 'POST', url: '/v1/score', headers: { 'content-type': 'application/json; charset=UTF-8' }, payload: seed });
  t.equal(utf8.statusCode, 200, 'charset=UTF-8 is fine');
  const gbk = await app.inject({ method: 'POST', url: '/v1/score', headers: { 'content-type': 'application/json; charset=gbk' }, payload: seed });
  t.equal(gbk.statusCode, 415);
  t.match(gbk.json().detail, /gbk/);
});

function multipart(parts: { name: string; filename?: string; body: string | Buffer }[]): { boundary: string; payload: Buffer } {
  const boundary = 'jxboundary';
  const chunks: Buffer[] = [];
  for (const p of parts) {
    const disp = `form-data; name="${p.name}"${p.filename ? `; filename="${p.filename}"` : ''}`;
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: ${disp}\r\n${p.filename ? 'Content-Type: application/octet-stream\r\n' : ''}\r\n`));
    chunks.push(Buffer.isBuffer(p.body) ? p.body : Buffer.from(p.body));
    chunks.push(Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { boundary, payload: Buffer.concat(chunks) };
}

t.test('multipart limits are reported as such; exceljs texts never reach the filer', async (t) => {
  const { app } = await testApp({ logLevel: 'silent' });
  t.teardown(() => app.close());
  const post = (m: { boundary: string; payload: Buffer }, lang = 'zh') =>
    app.inject({ method: 'POST', url: '/v1/import', headers: { 'content-type': `multipart/form-data; boundary=${m.boundary}`, 'accept-language': lang }, payload: m.payload });

  const fields = await post(multipart(Array.from({ length: 11 }, (_, i) => ({ name: `f${i}`, body: 'x' }))));
  t.equal(fields.statusCode, 413);
  t.equal(fields.json().code, 'MULTIPART_LIMIT');
  t.match(fields.json().detail, /字段最多10/);

  const fieldsEn = await post(multipart(Array.from({ length: 12 }, (_, i) => ({ name: `f${i}`, body: 'x' }))), 'en');
  t.equal(fieldsEn.statusCode, 413);
  t.match(fieldsEn.json().detail, /at most 10 fields/);

  // A zip that passes the zip check but is no workbook: exceljs fails inside; the answer is ours.
  const z = new JSZip();
  z.file('[Content_Types].xml', '<Types xmlns="x"><Default Extension="xml" ContentType="application/xml"/></Types>');
  z.file('xl/workbook.xml', '<not-a-workbook');
  const buf = await z.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
  for (const lang of ['zh', 'en']) {
    const res = await post(multipart([{ name: 'file', filename: 'a.xlsx', body: buf }]), lang);
    t.equal(res.statusCode, 415);
    const p = res.json();
    t.equal(p.code, 'IMPORT_NOT_XLSX');
    t.match(p.detail, lang === 'en' ? /the workbook content cannot be read/ : /工作簿内容无法解析/);
    t.notMatch(res.body, /undefined|Cannot|TypeError|reading|Error/);
  }
});

t.test('over a real socket: 431, malformed HTTP, Expect, bad URL encoding, over-long path: problem+json', async (t) => {
  const { app } = await testApp({ logLevel: 'silent' });
  t.teardown(() => app.close());
  const port = await listen(app);
  const check = (name: string, a: { status: number; headers: Record<string, string>; body: string }, status: number, code: string) => {
    t.equal(a.status, status, `${name}: status`);
    t.match(a.headers['content-type'], /^application\/problem\+json/, `${name}: problem+json`);
    const p = ProblemSchema.safeParse(JSON.parse(a.body || 'null'));
    t.ok(p.success, `${name}: a problem body`);
    if (p.success) t.equal(p.data.code, code, `${name}: code`);
  };

  const big = await rawExchange(port, [`GET /v1/policies HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`]);
  check('20 kB of headers', big, 431, 'HEADERS_TOO_LARGE');

  const longLine = await rawExchange(port, [`GET /v1/policies?${'q'.repeat(20_000)} HTTP/1.1\r\nHost: x\r\n\r\n`]);
  check('a 20 kB request line', longLine, 431, 'HEADERS_TOO_LARGE');

  const garbage = await rawExchange(port, ['HELLO THERE\r\n\r\n']);
  check('not HTTP', garbage, 400, 'BAD_REQUEST');

  const expect = await rawExchange(port, [`POST /v1/score HTTP/1.1\r\nHost: x\r\nExpect: something-else\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}`]);
  check('Expect: something-else', expect, 417, 'EXPECTATION_FAILED');
  t.match(JSON.parse(expect.body).detail, /something-else/);

  const badUrl = await rawExchange(port, ['GET /v1/policies/%E0%A4%A HTTP/1.1\r\nHost: x\r\nAccept-Language: en\r\n\r\n']);
  check('bad percent-encoding', badUrl, 400, 'BAD_REQUEST');
  t.equal(badUrl.headers['content-language'], 'en');

  const longParam = await rawExchange(port, [`GET /v1/policies/${'p'.repeat(300)} HTTP/1.1\r\nHost: x\r\n\r\n`]);
  check('a 300-character path parameter', longParam, 414, 'URI_TOO_LONG');

  // 100-continue still works.
  const cont = await rawExchange(port, [`POST /v1/targets/check HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Type: application/json\r\nContent-Length: 17\r\nConnection: close\r\n\r\n`, '{"targets":["1"]}'], { gapMs: 50 });
  t.equal(cont.status, 100);
  t.match(cont.body, /^HTTP\/1\.1 200 OK/, 'Expect: 100-continue is honoured');
});
