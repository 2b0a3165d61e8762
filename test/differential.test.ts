/**
 * Issue 9: the engine against the oracle (test/oracle/, the decimal.js engine of the rules issue),
 * byte for byte: every fixture under each policy, every target × actual corner, and a slice of
 * the generated and widened corpora. The long run (test/differential-long.test.ts, `npm run
 * test:long`) takes 100 000 generated and 30 000 widened forms.
 */
import t, { type Test } from 'tap';

import { generateForm } from '../bench/generate.js';
import { compare, cornerForms, fixtureForms, POLICY_IDS, timeoutFor, type Difference } from './support/differential.js';
import { widenedForm } from './support/widen.js';

// ≈ 16 000 comparisons (fixtures, corners, generated and widened forms), a corner costing less than a form.
t.setTimeout(timeoutFor(16_000));

function report(t: Test, diffs: Difference[], checked: number) {
  t.equal(diffs.length, 0, `${checked} inputs compared, ${diffs.length} differences`);
  for (const d of diffs.slice(0, 5)) t.comment(`${d.label} [${d.what}]\n  oracle: ${d.expected}\n  engine: ${d.actual}`);
}

t.test('fixtures under every policy, in both languages', async (t) => {
  const diffs: Difference[] = [];
  let n = 0;
  for (const { name, form } of fixtureForms()) {
    for (const policy of [null, ...POLICY_IDS]) {
      for (const lang of ['zh', 'en'] as const) {
        diffs.push(...compare(`${name} ${policy ?? 'selected'} ${lang}`, form, policy, lang));
        n++;
      }
    }
  }
  report(t, diffs, n);
});

t.test('every target corner against every actual corner, under every policy', async (t) => {
  const diffs: Difference[] = [];
  let n = 0;
  for (const { name, form } of cornerForms()) {
    for (const policy of POLICY_IDS) {
      diffs.push(...compare(`${name} ${policy}`, form, policy, 'zh'));
      n++;
    }
  }
  report(t, diffs, n);
});

t.test('generated and widened forms', async (t) => {
  const diffs: Difference[] = [];
  const count = 1500;
  for (let i = 0; i < count; i++) {
    diffs.push(...compare(`generated ${i}`, generateForm(i), null, 'zh'));
    const policy = POLICY_IDS[i % POLICY_IDS.length];
    diffs.push(...compare(`widened ${i} ${policy}`, widenedForm(i), i % 3 === 0 ? null : policy, i % 5 === 0 ? 'en' : 'zh'));
  }
  report(t, diffs, 2 * count);
});
