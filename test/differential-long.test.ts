/**
 * Issue 9, the long differential run (`npm run test:long`): 100 000 generated forms (the bench
 * corpus) and 30 000 widened ones, engine against the oracle, byte for byte.
 */
import t, { type Test } from 'tap';

import { generateForm } from '../bench/generate.js';
import { compare, POLICY_IDS, timeoutFor, type Difference } from './support/differential.js';
import { widenedForm } from './support/widen.js';

const GENERATED = Number(process.env.DIFF_GENERATED ?? 100_000);
const WIDENED = Number(process.env.DIFF_WIDENED ?? 30_000);

t.setTimeout(timeoutFor(GENERATED + WIDENED));

function report(t: Test, diffs: Difference[], checked: number) {
  t.equal(diffs.length, 0, `${checked} inputs compared, ${diffs.length} differences`);
  for (const d of diffs.slice(0, 5)) t.comment(`${d.label} [${d.what}]\n  oracle: ${d.expected}\n  engine: ${d.actual}`);
}

t.test(`${GENERATED} generated forms`, async (t) => {
  const diffs: Difference[] = [];
  for (let i = 0; i < GENERATED && diffs.length < 50; i++) diffs.push(...compare(`generated ${i}`, generateForm(i), null, 'zh'));
  report(t, diffs, GENERATED);
});

t.test(`${WIDENED} widened forms under every policy`, async (t) => {
  const diffs: Difference[] = [];
  for (let i = 0; i < WIDENED && diffs.length < 50; i++) {
    const policy = POLICY_IDS[i % POLICY_IDS.length];
    diffs.push(...compare(`widened ${i} ${policy}`, widenedForm(i, 11), i % 4 === 0 ? null : policy, i % 7 === 0 ? 'en' : 'zh'));
  }
  report(t, diffs, WIDENED);
});
