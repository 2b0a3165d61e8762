export type { Policy, Tier, GradeBand, BudgetTier } from './types.js';
export type { PolicyFile, PolicyIssue, DecimalString } from './file.js';
export { compilePolicy, canonicalJson, policyHash, PolicyCompileError } from './compile.js';
export { checkPolicyFile } from './check.js';
export { selectPolicy, regionMatches, regionPrefix, type PolicyWhere } from './select.js';
