/** The code table: complete, bilingual, documented in the README exactly as generated, and every code produced. */
import { readdirSync, readFileSync } from 'node:fs';
import t from 'tap';
import { CODES, finding, message, ptr, type Code } from '../src/core/codes.js';
import { buildApp } from '../src/http/app.js';
import { loadJixiao } from '../src/jixiao.js';
import { withCodes } from '../scripts/codes-doc.js';
import { seed, type Json } from './support/forms.js';

t.test('every code has both messages and a valid kind', async (t) => {
  for (const [code, d] of Object.entries(CODES)) {
    t.match(d.zh, /[\u4e00-\u9fff]/, `${code} zh`);
    t.match(d.en, /[A-Za-z]/, `${code} en`);
    t.match(code, /^[A-Z][A-Z0-9_]+$/);
    if (d.kind === 'http') t.ok('status' in d && d.status! >= 400, `${code} has an HTTP status`);
  }
});

t.test('README documents every code as generated', async (t) => {
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
  t.equal(withCodes(readme), readme, 'run `npx tsx scripts/codes-doc.ts --write`');
  for (const code of Object.keys(CODES)) t.ok(readme.includes('`' + code + '`'), code);
});

t.test('messages fill their placeholders and keep unknown ones visible', async (t) => {
  t.equal('“分值”不是有效的数值：abc', message('NOT_A_NUMBER', { field: '分值', value: 'abc' }));
  t.equal('"x" is not a valid number: {value}', message('NOT_A_NUMBER', { field: 'x' }, 'en'));
  const f = finding('TOTAL_MISMATCH', '/reportedTotal', { reported: 95, computed: '90.00' });
  t.same({ reported: '95', computed: '90.00' }, f.params);
  t.equal('warning', f.severity);
});

t.test('JSON pointers escape ~ and /', async (t) => {
  t.equal('/indicators/0/a~1b~0c', ptr('indicators', 0, 'a/b~c'));
  t.equal('', ptr());
});

/** Codes in the table that nothing produces yet, and what has to happen first (see the issue 10 report). */
const PENDING: Partial<Record<Code, string>> = {
};

function sourcesOf(dir: URL): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts'))
    .map((f) => new URL(f, dir).pathname);
}

t.test('every code in the table is produced somewhere in src/ (statically: written as a string outside codes.ts)', async (t) => {
  const src = new URL('../src/', import.meta.url);
  const text = sourcesOf(src)
    .filter((f) => !f.endsWith('/src/core/codes.ts'))
    .map((f) => readFileSync(f, 'utf8'))
    .join('\n');
  for (const code of Object.keys(CODES) as Code[]) {
    const written = new RegExp(`['"\`]${code}['"\`]`).test(text);
    if (PENDING[code]) t.equal(written, false, `${code} is pending (${PENDING[code]}); once produced, remove it from PENDING`);
    else t.equal(written, true, `${code} is written in src/`);
  }
});

t.test('UNKNOWN_FIELD, METHOD_NOT_ALLOWED and TOO_MANY_REQUESTS are emitted', async (t) => {
  const jx = loadJixiao();
  const input: Json = { ...seed('01-jingban'), junk: 'x'.repeat(100_000) };
  (input.indicators as Json[])[3] = { ...(input.indicators as Json[])[3], bar: 1 };
  const out = jx.scoreInput(input);
  const plain = jx.scoreInput(seed('01-jingban'));
  t.ok(out.ok && plain.ok);
  if (!out.ok || !plain.ok) return;
  const added = out.result.findings.filter((f) => f.code === 'UNKNOWN_FIELD');
  t.same(added.map((f) => f.pointer), ['/indicators/3/bar', '/junk'], 'in input order');
  t.same(out.result.findings.slice(0, plain.result.findings.length), plain.result.findings, 'appended after the engine’s findings');
  t.equal(out.result.summary.warnings, plain.result.summary.warnings + 2);
  t.equal(out.result.summary.byCode.UNKNOWN_FIELD, 2);
  t.equal(out.result.total, plain.result.total, 'the score is the same');
  t.equal(JSON.stringify(out.result).includes('xxxxxxxxxx'), false, 'the value is never echoed');
  t.equal(JSON.stringify(out.form).includes('junk'), false, 'nor is the field kept in the form');

  const app = await buildApp({ config: { logLevel: 'silent', rateLimitMax: 2 } });
  t.teardown(() => app.close());
  // [method, url, status, code (null: not a problem)] — the third request of an IP in the window is over RATE_LIMIT_MAX=2
  const rows: [string, string, number, Code | null][] = [
    ['DELETE', '/v1/score', 405, 'METHOD_NOT_ALLOWED'],
    ['GET', '/v1/policies', 200, null],
    ['GET', '/v1/policies', 429, 'TOO_MANY_REQUESTS'],
  ];
  for (const [method, url, status, code] of rows) {
    const res = await app.inject({ method: method as 'GET', url });
    t.equal(res.statusCode, status, `${method} ${url}`);
    if (code) t.equal(res.json().code, code);
    if (code === 'METHOD_NOT_ALLOWED') t.equal(res.headers.allow, 'POST');
  }
});
