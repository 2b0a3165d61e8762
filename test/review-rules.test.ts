/**
 * The review core without HTTP: the rule pack's schema (validated at load), rules that the policy
 * cannot apply, ambiguous references; and migration 004 on a database that already has keys.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t, { type Test } from 'tap';
import { loadJixiao } from '../src/jixiao.js';
import { runReview, type ReviewSubject } from '../src/review/compare.js';
import { loadRulePack, parseRulePack, RulePackError, RULE_PACK_FILE } from '../src/review/rules.js';
import { ReviewInputSchema } from '../src/review/schema.js';
import { createKey } from '../src/auth/keys.js';
import { openDriver } from '../src/store/index.js';
import { migrate } from '../src/store/migrate.js';
import { MIGRATIONS } from '../src/store/migrations/index.js';
import { Repository } from '../src/store/repository.js';
import { PG_SKIP, freshPgDatabase } from './support/pg.js';

const SEED = JSON.parse(readFileSync(new URL('./fixtures/seed/01-jingban.json', import.meta.url), 'utf8')) as Record<string, unknown>;
const jx = loadJixiao();
const REVIEWER = { level: 'bureau' as const, office: 'bureau:*', keyId: null, name: 'test' };

function subject(form: Record<string, unknown>, policyOver: Record<string, unknown> = {}): ReviewSubject {
  const out = jx.scoreInput(form);
  if (!out.ok) throw new Error('the test form is invalid');
  const policy = { ...jx.policies.get(out.result.policy.id)!, ...policyOver };
  const self = jx.scoreInput(form, { policy });
  if (!self.ok) throw new Error('unreachable');
  const submission = { id: 's', version: 1, fiscalYear: 2022, mofDivCode: '140000', deptCode: '209', agencyCode: '209100', proCode: null, proName: String(form.proName) };
  return { submission, input: form, self: self.result, policy: policy as ReviewSubject['policy'] };
}

t.test('the shipped pack validates and is labelled practice, not policy', async (t) => {
  const pack = loadRulePack();
  t.equal(pack.label, 'practice, not policy');
  t.same(pack.rules.map((r) => r.id), ['no-evidence', 'satisfaction-without-survey', 'duplicate-counted-once', 'payment-as-quantity', 'reason-for-every-change']);
  t.equal(loadRulePack(), pack, 'read once');
});

t.test('a bad pack is refused at load, naming the place', async (t) => {
  const good = JSON.parse(readFileSync(RULE_PACK_FILE, 'utf8')) as Record<string, unknown> & { rules: Record<string, unknown>[] };
  // [what, the pack, what the error names]
  const cases: [string, unknown, RegExp][] = [
    ['not labelled as practice', { ...good, label: 'policy' }, /\/label/],
    ['a duplicated rule id', { ...good, rules: [good.rules[0], good.rules[0]] }, /duplicate rule id no-evidence/],
    ['an unknown finding code', { ...good, rules: [{ ...good.rules[2], when: { finding: 'NO_SUCH_CODE' } }] }, /\/rules\/0\/when\/finding/],
    ['a rule without conditions', { ...good, rules: [{ ...good.rules[0], when: {} }] }, /at least one condition/],
    ['an unknown effect', { ...good, rules: [{ ...good.rules[0], effect: 'halve' }] }, /\/rules\/0\/effect/],
    ['an unknown condition', { ...good, rules: [{ ...good.rules[0], when: { colour: 'red' } }] }, /\/rules\/0\/when/],
    ['no rules', { ...good, rules: [] }, /\/rules/],
  ];
  for (const [what, pack, rx] of cases) t.throws(() => parseRulePack(pack), rx, what);
  t.throws(() => parseRulePack({}), RulePackError);
  t.throws(() => loadRulePack(new URL('file:///nonexistent/review-rules.json')), RulePackError, 'a missing file');
});

t.test('a zero rule under a policy without manual deductions: a finding, not a silent score', async (t) => {
  const review = ReviewInputSchema.parse({ grade: 1, conclusion: 'c', indicators: [{ index: 0, evidence: false }] });
  const strict = runReview(jx, subject(SEED, { manualDeduction: false }), REVIEWER, review, { pack: loadRulePack() });
  t.ok(strict.ok);
  if (!strict.ok) return;
  t.same(strict.result.findings.map((f) => [f.code, f.pointer, f.params.rule]), [['REVIEW_RULE_NOT_APPLIED', '/indicators/0', 'no-evidence']]);
  t.equal(strict.result.indicators[0].computed.score, '5.00', 'the engine could not apply it: the score stands');
  const usual = runReview(jx, subject(SEED), REVIEWER, review, { pack: loadRulePack() });
  // 5 points → 0: the total 93.76 − 5 = 88.76 is 良, not the 优 the reviewer gave
  t.same(usual.ok && usual.result.findings.map((f) => f.code), ['REVIEW_RULE_APPLIED', 'REVIEW_SCORE_CHANGED', 'REVIEW_TOTAL_CHANGED', 'REVIEW_GRADE_MISMATCH'], 'the usual policy applies it');
  t.equal(usual.ok && usual.result.totals.computed.total, '88.76');
});

t.test('a name shared by two rows must be given by index or pointer', async (t) => {
  const inds = (SEED.indicators as Record<string, unknown>[]).map((x) => ({ ...x }));
  inds[2] = { ...inds[0], level2: '质量指标' };
  const form = { ...SEED, indicators: inds };
  const review = ReviewInputSchema.parse({ grade: 1, conclusion: 'c', indicators: [{ name: '社保业务专项调研', score: 5 }] });
  const out = runReview(jx, subject(form), REVIEWER, review, { pack: null });
  t.same(!out.ok && out.problems.map((p) => [p.code, p.pointer, p.params.rows]), [['REVIEW_INDICATOR_AMBIGUOUS', '/indicators/0/name', '1、3']]);
  const byPointer = ReviewInputSchema.parse({ grade: 1, conclusion: 'c', indicators: [{ pointer: '/indicators/2', score: 5 }] });
  t.equal(runReview(jx, subject(form), REVIEWER, byPointer, { pack: null }).ok, true);
});

t.test('a department-wide form (kind department): rows found by their pointers', async (t) => {
  const form = JSON.parse(readFileSync(new URL('./fixtures/department/complete-2023.json', import.meta.url), 'utf8')) as Record<string, unknown>;
  const s = subject(form);
  const row = s.self.indicators[2];
  t.same([row.pointer, row.points], ['/goals/0/indicators/2', '10']);
  const review = ReviewInputSchema.parse({ grade: 1, conclusion: 'c', indicators: [{ pointer: row.pointer, score: 6, reason: '调整未报批' }] });
  const out = runReview(jx, s, REVIEWER, review, { pack: null });
  t.ok(out.ok);
  if (!out.ok) return;
  const r = out.result.indicators[2];
  t.same([r.reviewer.reviewed, r.reviewer.score, r.computed.score], [true, '6.00', row.score], 'the reviewer’s score beside the unchanged computed one');
  t.same(out.result.findings.filter((f) => f.pointer.startsWith(row.pointer)).map((f) => f.code), ['REVIEW_SCORE_CHANGED', 'REVIEW_SCORE_VS_COMPUTED']);
});

async function upgradeKeepsKeys(t: Test, url: string | null): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'jx-review-mig-'));
  const db = openDriver({ dataDir: dir, databaseUrl: url ?? undefined });
  const repo = new Repository(db);
  t.teardown(async () => {
    await repo.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const before = MIGRATIONS.filter((m) => m.version < 4);
  await migrate(db, before);
  const cli = { keyId: null, name: 'test', role: 'cli' as const };
  const unit = await createKey(repo, { name: '社保局', role: 'unit', unit: '209100', region: '140000' }, cli);
  await t.rejects(createKey(repo, { name: '复核', role: 'reviewer', dept: '209' }, cli), 'before 004 the CHECK refuses the role');
  t.same(await migrate(db), MIGRATIONS.filter((m) => m.version >= 4).map((m) => m.version), '004 and later applied');
  t.equal((await repo.listKeys()).find((k) => k.id === unit.record.id)?.agencyCode, '209100', 'the keys survive the rebuild');
  const reviewer = await createKey(repo, { name: '复核', role: 'reviewer', dept: '209' }, cli);
  t.equal(reviewer.record.role, 'reviewer');
  await t.rejects(db.run(`INSERT INTO api_keys (id, name, role, key_hash, key_prefix, created_at) VALUES ('x', 'x', 'king', 'h', 'p', 'now')`), 'other roles are still refused');
  t.equal((await repo.info()).schemaVersion, MIGRATIONS[MIGRATIONS.length - 1].version);
}

t.test('migration 004 on a database with keys: SQLite', async (t) => upgradeKeepsKeys(t, null));

t.test('migration 004 on a database with keys: PostgreSQL', { skip: PG_SKIP }, async (t) => {
  const pg = await freshPgDatabase();
  await t.test('upgrade', async (t) => upgradeKeepsKeys(t, pg.url));
  await pg.drop();
});
