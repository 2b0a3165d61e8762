/**
 * The entry point for callers (HTTP, CLI, storage, Excel, plain scripts): the pure core plus
 * the vocabulary and the policies, loaded once from indicators/ and scoring/.
 *
 *   import { loadJixiao } from 'jixiao';
 *   const jx = loadJixiao();
 *   const out = jx.scoreInput(JSON.parse(text));          // validate, pick the policy, score
 *   if (out.ok) return { total: out.result.total, grade: out.result.grade };
 */
import type { Finding, Lang } from './core/codes.js';
import { scoreForm } from './core/engine/score.js';
import type { Form } from './core/model/form.js';
import type { ScoreResult } from './core/model/result.js';
import { validateForm, type ValidationResult } from './core/model/validate.js';
import type { Vocabulary } from './core/parse/vocabulary.js';
import type { Policy } from './core/policy/types.js';
import { loadPolicies, type PolicyRegistry } from './data/policies.js';
import { loadVocabulary } from './data/vocabulary.js';

export type ScoreOutcome =
  | { ok: true; result: ScoreResult; form: Form }
  | { ok: false; problems: Finding[] };

export interface ScoreOptions {
  /** A policy to use instead of the one in force for the form's region and year. */
  policy?: Policy;
  lang?: Lang;
}

export class Jixiao {
  constructor(
    readonly policies: PolicyRegistry,
    readonly vocabulary: Vocabulary,
  ) {}

  validate(input: unknown, lang: Lang = 'zh'): ValidationResult {
    return validateForm(input, lang);
  }

  /** The policy in force for the form's region and year (the default policy when none matches). */
  policyFor(form: Pick<Form, 'mofDivCode' | 'fiscalYear'>): Policy {
    return this.policies.select({ mofDivCode: form.mofDivCode ?? null, fiscalYear: form.fiscalYear });
  }

  scoreForm(form: Form, policy: Policy = this.policyFor(form), lang: Lang = 'zh'): ScoreResult {
    return scoreForm(form, policy, this.vocabulary, lang);
  }

  /** Validate untrusted input and score it. Never throws on bad input. */
  scoreInput(input: unknown, opts: ScoreOptions = {}): ScoreOutcome {
    const v = validateForm(input, opts.lang ?? 'zh');
    if (!v.ok) return { ok: false, problems: v.problems };
    const policy = opts.policy ?? this.policyFor(v.form);
    const result = scoreForm(v.form, policy, this.vocabulary, opts.lang ?? 'zh');
    // Synced with src/ (issue 10): what validation stripped closes the findings and is counted.
    for (const w of v.warnings) {
      result.findings.push(w);
      result.summary.byCode[w.code] = (result.summary.byCode[w.code] ?? 0) + 1;
      result.summary[w.severity === 'error' ? 'errors' : w.severity === 'warning' ? 'warnings' : 'infos']++;
    }
    return { ok: true, form: v.form, result };
  }
}

let cached: Jixiao | undefined;

/** The default instance, reading indicators/ and scoring/ once per process. */
export function loadJixiao(): Jixiao {
  cached ??= new Jixiao(loadPolicies(), loadVocabulary());
  return cached;
}
