/**
 * Scoring a body of either shape (issue 12 item 1): a jixiao form goes to Jixiao.scoreLean as
 * before; a standard body is converted (convert.ts), validated and scored like a form, with the
 * converter's findings among the result's (so they are counted in its summary) and every pointer
 * of problems and findings in the standard body's terms. Pure: no I/O.
 */
import type { Finding, Lang } from '../core/codes.js';
import { fromFinding } from '../core/engine/pending.js';
import { briefResult, fullResult, scoreCore } from '../core/engine/score.js';
import type { Form } from '../core/model/form.js';
import type { BriefResult, ScoreResult } from '../core/model/result.js';
import { validateForm } from '../core/model/validate.js';
import type { Jixiao, LeanScore, ScoreOptions } from '../jixiao.js';
import type { StandardCodes } from './codes.js';
import { formToStandard, isStandardShape, standardPointer, standardToForm, type Conversion, type Json } from './convert.js';
import { resultToStandard, type StandardAnswer } from './output.js';

export type AnyOutcome =
  | { ok: true; form: Form; lean: LeanScore; standard: { body: Json; conv: Conversion } | null }
  | { ok: false; problems: Finding[]; standard: boolean };

/** A result's pointers (findings, rows, deviations) in the standard body's terms. */
export function standardResult(r: ScoreResult, conv: Conversion): ScoreResult {
  const own = new Set(conv.findings.map((f) => f.pointer));
  const p = (pointer: string) => (own.has(pointer) ? pointer : standardPointer(pointer, conv.pointers));
  return {
    ...r,
    findings: r.findings.map((f) => ({ ...f, pointer: p(f.pointer) })),
    indicators: r.indicators.map((i) => ({ ...i, pointer: p(i.pointer) })),
    funds: { ...r.funds, rows: r.funds.rows.map((row) => ({ ...row, pointer: p(row.pointer) })) },
    deviations: r.deviations.map((d) => ({ ...d, pointer: p(d.pointer) })),
  };
}

/** Validate and score a standard body. */
export function scoreStandardLean(jx: Jixiao, body: Json, codes: StandardCodes, opts: ScoreOptions = {}): AnyOutcome {
  const lang: Lang = opts.lang ?? 'zh';
  const conv = standardToForm(body, codes, lang);
  const v = validateForm(conv.form, lang);
  if (!v.ok || conv.problems.length > 0) {
    const translated = v.ok ? [] : v.problems.map((f) => ({ ...f, pointer: standardPointer(f.pointer, conv.pointers) }));
    return { ok: false, standard: true, problems: [...conv.problems, ...translated, ...conv.findings] };
  }
  const policy = opts.policy ?? jx.policyFor(v.form);
  const core = scoreCore(v.form, policy, jx.vocabulary, [...v.warnings, ...conv.findings].map(fromFinding));
  const lean: LeanScore = { full: () => standardResult(fullResult(core, lang), conv), brief: () => briefResult(core) };
  return { ok: true, form: v.form, lean, standard: { body, conv } };
}

/** Either shape: a standard body is converted, anything else is scored as a form. */
export function scoreAny(jx: Jixiao, input: unknown, codes: StandardCodes, opts: ScoreOptions = {}): AnyOutcome {
  if (isStandardShape(input)) return scoreStandardLean(jx, input as Json, codes, opts);
  const out = jx.scoreLean(input, opts);
  return out.ok ? { ...out, standard: null } : { ok: false, problems: out.problems, standard: false };
}

/**
 * The answer in the standard shape: the body as sent (a form is first written as one) with the
 * computed columns filled and the result (full or brief) under `jixiao`.
 */
export function standardAnswer(
  out: Extract<AnyOutcome, { ok: true }>,
  input: unknown,
  codes: StandardCodes,
  detail: 'full' | 'brief' = 'full',
  full: ScoreResult = out.lean.full(),
): StandardAnswer {
  const brief: BriefResult | undefined = detail === 'brief' ? out.lean.brief() : undefined;
  if (out.standard) return resultToStandard(out.standard.body, full, codes, { jixiao: brief ?? full, structured: out.standard.conv.structured });
  const body = formToStandard(input as Json, codes, { moneyUnit: out.form.moneyUnit }).body;
  return resultToStandard(body, full, codes, { jixiao: brief ?? full });
}
