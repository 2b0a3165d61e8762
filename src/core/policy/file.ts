/**
 * The shape of a policy file in scoring/, as scoring/policy.schema.json describes it.
 * Kept by hand next to the schema: change both together (test/policy.test.ts checks the
 * shipped files against both).
 */
import type { Tier } from './types.js';

/** A decimal number written as a string ("1.2"), so that it never passes through a float. */
export type DecimalString = string;

export interface PolicyFile {
  $schema?: string;
  id: string;
  version: string;
  name: string;
  description: string;
  default: boolean;
  appliesTo: {
    regions: string[];
    years: { from: number | null; to: number | null };
  };
  totalPoints: DecimalString;
  scoreDecimals: number;
  tolerance: DecimalString;
  budget: {
    points: DecimalString;
    formula: 'linear' | 'tiered';
    tiers: { minRate: DecimalString; share: DecimalString }[];
    rateDecimals: number;
    over100: 'error' | 'allow';
    zeroBudgetBothZeroRate: DecimalString | null;
    lowExecReasonThreshold: DecimalString | null;
  };
  levelPoints: {
    output: DecimalString;
    benefit: DecimalString;
    satisfaction: DecimalString;
    cost?: DecimalString;
  };
  quantitative: {
    reverseFormula: 'linear_to_2T' | 'ratio';
    strictOperators: boolean;
    overachieveFactor: DecimalString;
    overachieveRequiresReason: boolean;
    allowManualOverride: boolean;
  };
  qualitative: {
    tierMin: Record<Tier, DecimalString>;
    defaults: Record<Tier, DecimalString | null>;
    gradedActuals: Partial<Record<'优' | '良' | '中' | '低' | '差', Tier>>;
    acceptReportedScoreInTier: boolean;
  };
  costRow: { defaultRowCap: DecimalString | null };
  adjustedTargetSkip: boolean;
  manualDeduction: boolean;
  excludeAndRenormalise: boolean;
  grades: { min: DecimalString; label: string; code: string }[] | null;
  sources: string[];
}

/** One problem in a policy file, located by a JSON pointer into the file. */
export interface PolicyIssue {
  pointer: string;
  message: string;
}
