/**
 * The 部门（单位）整体支出绩效自评表 (`kind: "department"`): validate, score, answer. Pure; the
 * shells reach it through src/jixiao.ts, which dispatches on `kind`.
 */
import type { Lang } from '../codes.js';
import type { Finding } from '../codes.js';
import { fromFinding } from '../engine/pending.js';
import type { BriefResult, ScoreResult } from '../model/result.js';
import type { Vocabulary } from '../parse/vocabulary.js';
import type { Policy } from '../policy/types.js';
import { departmentBrief, departmentResult } from './answer.js';
import type { DepartmentData } from './data.js';
import type { DepartmentForm } from './form.js';
import { scoreDepartmentCore } from './score.js';

export { compileDepartmentData, DepartmentDataSchema, type DepartmentData, type RawDepartmentData } from './data.js';
export { AnyFormSchema, DepartmentFormSchema, isDepartmentInput, unitName, type AnyForm, type DepartmentForm, type DepartmentFormInput } from './form.js';
export { DepartmentBlockSchema, type DepartmentBlock } from './result.js';
export { departmentView } from './score.js';
export { stripUnknown, validateDepartment, type DepartmentValidation } from './validate.js';
export { DEPARTMENT_SUFFIX } from './view.js';

/** The store's project key of a department form: one per unit and year (no 项目代码 contains ':'). */
export const DEPARTMENT_PROJECT_KEY = 'dept:DEPT';

/** A scored department form; the answers are written when asked for (the full one once). */
export function scoreDepartment(
  form: DepartmentForm, policy: Policy, vocab: Vocabulary, data: DepartmentData, warnings: Finding[] = [], lang: Lang = 'zh',
): { full(): ScoreResult; brief(): BriefResult } {
  const core = scoreDepartmentCore(form, policy, vocab, data, warnings.map(fromFinding), lang);
  let full: ScoreResult | undefined;
  const get = () => (full ??= departmentResult(core, lang));
  return { full: get, brief: () => departmentBrief(get()) };
}
