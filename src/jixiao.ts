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
import { departmentView, isDepartmentInput, scoreDepartment, validateDepartment, type DepartmentData, type DepartmentForm } from './core/department/index.js';
import { fromFinding } from './core/engine/pending.js';
import { briefResult, fullResult, scoreCore, scoreForm } from './core/engine/score.js';
import type { Form } from './core/model/form.js';
import type { BriefResult, ScoreResult } from './core/model/result.js';
import { validateForm, type ValidationResult } from './core/model/validate.js';
import type { Vocabulary } from './core/parse/vocabulary.js';
import type { Policy } from './core/policy/types.js';
import { loadPolicies, type PolicyRegistry } from './data/policies.js';
import { loadDepartmentData, loadVocabulary } from './data/vocabulary.js';

/**
 * A scored form whose answers are built when asked for: `brief()` (total, grade, status,
 * per-indicator scores and finding codes) or `full()` (the ScoreResult of scoreInput, equal to it).
 */
export interface LeanScore {
  brief(): BriefResult;
  full(): ScoreResult;
}

/**
 * `form` is the form as scored; for a 部门整体支出 form (`kind: "department"`, then also in
 * `department`) it is that form seen as a project form (core/department/view.ts), whose
 * identity the store and the exports read.
 */
export type LeanOutcome =
  | { ok: true; lean: LeanScore; form: Form; department?: DepartmentForm }
  | { ok: false; problems: Finding[] };

export type ScoreOutcome =
  | { ok: true; result: ScoreResult; form: Form; department?: DepartmentForm }
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
    private departmentData?: DepartmentData,
  ) {}

  /** indicators/department.json, read when the first department form arrives. */
  get department(): DepartmentData {
    return (this.departmentData ??= loadDepartmentData());
  }

  validate(input: unknown, lang: Lang = 'zh'): ValidationResult {
    if (!isDepartmentInput(input)) return validateForm(input, lang);
    const v = validateDepartment(input, lang);
    return v.ok ? { ok: true, form: departmentView(v.form, this.policyFor(v.form)), problems: [], warnings: v.warnings } : v;
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
    const out = this.scoreLean(input, opts);
    if (!out.ok) return out;
    return out.department ? { ok: true, form: out.form, department: out.department, result: out.lean.full() } : { ok: true, form: out.form, result: out.lean.full() };
  }

  /**
   * scoreInput for the service's hot paths: the form is validated and scored once; the answer is
   * written by brief() or full() when asked for (each at most once per call).
   */
  scoreLean(input: unknown, opts: ScoreOptions = {}): LeanOutcome {
    const lang = opts.lang ?? 'zh';
    if (isDepartmentInput(input)) return this.scoreDepartmentLean(input, opts, lang);
    const v = validateForm(input, lang);
    if (!v.ok) return { ok: false, problems: v.problems };
    const policy = opts.policy ?? this.policyFor(v.form);
    // What validation stripped (UNKNOWN_FIELD …) is a finding of the result like the engine's own.
    const core = scoreCore(v.form, policy, this.vocabulary, v.warnings.map(fromFinding));
    return { ok: true, form: v.form, lean: { full: () => fullResult(core, lang), brief: () => briefResult(core) } };
  }

  /** A 部门（单位）整体支出 form: its own validation and engine (src/core/department). */
  private scoreDepartmentLean(input: unknown, opts: ScoreOptions, lang: Lang): LeanOutcome {
    const v = validateDepartment(input, lang);
    if (!v.ok) return { ok: false, problems: v.problems };
    const policy = opts.policy ?? this.policyFor(v.form);
    const lean = scoreDepartment(v.form, policy, this.vocabulary, this.department, v.warnings, lang);
    return { ok: true, form: departmentView(v.form, policy), department: v.form, lean };
  }
}

let cached: Jixiao | undefined;

/** The default instance, reading indicators/ and scoring/ once per process. */
export function loadJixiao(): Jixiao {
  cached ??= new Jixiao(loadPolicies(), loadVocabulary());
  return cached;
}
