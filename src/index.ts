/** Public API of the jixiao package: the pure core and the loader. */
export { Jixiao, loadJixiao, type ScoreOptions, type ScoreOutcome } from './jixiao.js';
export { scoreForm } from './core/engine/score.js';
export { validateForm, type ValidationResult } from './core/model/validate.js';
export { FormSchema, type Form, type FormInput, type Indicator, type FundRow } from './core/model/form.js';
export { ScoreResultSchema, type ScoreResult } from './core/model/result.js';
export { CODES, message, type Code, type Finding, type Severity, type Lang } from './core/codes.js';
export type { Policy } from './core/policy/types.js';
