/**
 * The differential check of issue 9: the engine in src/ against the oracle (test/oracle/, the
 * decimal.js engine as it stood after the rules issue). Both score the same input with the same
 * policy and language; their answers must serialise to the same bytes — the full result, the
 * lean full() and brief(), or the list of problems of an invalid form.
 */
import { readFileSync, readdirSync } from 'node:fs';
import type { Lang } from '../../src/core/codes.js';
import type { BriefResult, ScoreResult } from '../../src/core/model/result.js';
import { loadJixiao } from '../../src/jixiao.js';
import { loadJixiao as loadOracle } from '../oracle/jixiao.js';
import { generateForm } from '../../bench/generate.js';
import { single, type Json } from './forms.js';
import { TARGETS, ACTUALS } from './widen.js';

export const jx = loadJixiao();
export const oracle = loadOracle();
export const POLICY_IDS = jx.policies.list.map((p) => p.id);

/** The brief answer read off a full result, eagerly: the reference `brief()` must equal. */
function briefOf(r: ScoreResult): BriefResult {
  return {
    status: r.status, total: r.total, grade: r.grade, gradeCode: r.gradeCode, provisional: r.provisional, policy: r.policy, summary: r.summary,
    indicators: r.indicators.map((i) => ({ index: i.index, score: i.score, status: i.status, findings: i.findings })),
  };
}

export interface Difference {
  label: string;
  what: string;
  expected: string;
  actual: string;
}

function firstDiff(a: string, b: string): number {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return i;
}

function around(s: string, i: number): string {
  return s.slice(Math.max(0, i - 120), i + 120);
}

/** Score one input both ways; the differences found (empty when byte-identical). */
export function compare(label: string, input: unknown, policyId: string | null, lang: Lang): Difference[] {
  const copy = () => JSON.parse(JSON.stringify(input)) as unknown;
  const op = policyId ? oracle.policies.get(policyId) : undefined;
  const np = policyId ? jx.policies.get(policyId) : undefined;
  const want = oracle.scoreInput(copy(), { policy: op, lang });
  const got = jx.scoreInput(copy(), { policy: np, lang });
  const lean = jx.scoreLean(copy(), { policy: np, lang });
  const out: Difference[] = [];
  const check = (what: string, expected: unknown, actual: unknown) => {
    const e = JSON.stringify(expected);
    const a = JSON.stringify(actual);
    if (e !== a) {
      const i = firstDiff(e, a);
      out.push({ label, what, expected: around(e, i), actual: around(a, i) });
    }
  };
  check('ok', want.ok, got.ok);
  check('lean ok', want.ok, lean.ok);
  if (want.ok && got.ok && lean.ok) {
    check('result', want.result, got.result);
    check('lean full', want.result, lean.lean.full());
    check('lean brief', briefOf(want.result as never), lean.lean.brief());
  } else if (!want.ok && !got.ok && !lean.ok) {
    check('problems', want.problems, got.problems);
    check('lean problems', want.problems, lean.problems);
  }
  return out;
}

/** Every JSON form under test/fixtures (seed forms and any other). */
export function fixtureForms(): { name: string; form: Json }[] {
  const dir = new URL('../fixtures/seed/', import.meta.url);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => ({ name: f, form: JSON.parse(readFileSync(new URL(f, dir), 'utf8')) as Json }));
}

/** Single-row forms: every target corner against every actual corner. */
export function* cornerForms(): Generator<{ name: string; form: Json }> {
  for (const target of TARGETS) {
    for (const actual of ACTUALS) {
      yield { name: `${target} / ${actual}`, form: single({ target, actual, deviationNote: '' }) };
    }
  }
}

/**
 * Sized by work, not by wall-clock: time `compare` on 50 generated forms (the calibration run),
 * then allow four times what `forms` comparisons predict, and never less than two minutes.
 */
export function timeoutFor(forms: number): number {
  const t0 = performance.now();
  for (let i = 0; i < 50; i++) compare(`calibration ${i}`, generateForm(900_000 + i), null, 'zh');
  const perForm = (performance.now() - t0) / 50;
  return Math.max(120_000, Math.ceil(perForm * forms * 4) + 60_000);
}
