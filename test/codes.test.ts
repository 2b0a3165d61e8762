/** The code table: complete, bilingual, and documented in the README exactly as generated. */
import { readFileSync } from 'node:fs';
import t from 'tap';
import { CODES, finding, message, ptr } from '../src/core/codes.js';
import { withCodes } from '../scripts/codes-doc.js';

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
