export type { Policy, Tier, GradeBand, BudgetTier, LevelPoints } from './types.js';
export type { PolicyFile, PolicyFileParsed, PolicyIssue, DecimalString, PolicyParse } from './file.js';
export { parsePolicyFile, policyIssuesOf } from './file.js';
export {
  PolicyFileSchema, PolicyWireSchema, policyJsonSchema, policyJsonSchemaText,
  DECIMAL_PATTERN, LEVEL1_KEYS, LEVEL_GROUP_PATTERN,
} from './schema.js';
export { compilePolicy, canonicalJson, policyHash, PolicyCompileError, NATIONAL_GRADES } from './compile.js';
export { checkPolicyFile } from './check.js';
export { selectPolicy, regionMatches, regionPrefix, type PolicyWhere } from './select.js';
