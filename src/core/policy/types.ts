/**
 * A scoring policy, compiled from its JSON file in scoring/ (validated against
 * scoring/policy.schema.json). Every number the engine uses comes from here.
 */
import type { Dec } from '../decimal.js';

export type Tier = 'A' | 'B' | 'C';

export interface GradeBand {
  /** Inclusive lower bound on the 2-decimal total. */
  min: Dec;
  /** Label, e.g. "优". */
  label: string;
  /** 评价等级 code of the data standard: 1 优, 2 良, 3 中, 4 差. */
  code: string;
}

export interface BudgetTier {
  /** Inclusive lower bound on the execution rate in percent. */
  minRate: Dec;
  /** Points as a fraction of the execution points (1 = all, 0.7 = 7 of 10). */
  share: Dec;
}

export interface Policy {
  id: string;
  version: string;
  name: string;
  description: string;
  /** sha256 of the policy file's canonical JSON (sorted keys), hex. */
  hash: string;
  isDefault: boolean;
  appliesTo: {
    /** 财政区划 codes; "140000" covers every code starting "14", "140100" every code starting "1401". Empty = everywhere. */
    regions: string[];
    yearFrom: number | null;
    yearTo: number | null;
  };
  totalPoints: Dec;
  /** Decimals of every computed score; rounding is ROUND_HALF_UP. */
  scoreDecimals: number;
  /** Reported values within this of the computed ones are not a mismatch. */
  tolerance: Dec;
  budget: {
    points: Dec;
    formula: 'linear' | 'tiered';
    tiers: BudgetTier[];               // for 'tiered', highest minRate first
    rateDecimals: number;              // 2 nationally; 0 in the Beijing 2016 form
    over100: 'error' | 'allow';        // 执行率 > 100 %: an error finding (score still capped) or nothing
    zeroBudgetBothZeroRate: Dec | null; // Zhejiang: budget = execution = 0 → rate 100
    lowExecReasonThreshold: Dec | null; // Sichuan: a reason is required below 90 %
  };
  /** Default points per 一级 (canonical keys: output, benefit, satisfaction, cost); a deviation is an info finding. */
  levelPoints: Record<string, Dec>;
  quantitative: {
    reverseFormula: 'linear_to_2T' | 'ratio';
    strictOperators: boolean;
    overachieveFactor: Dec;
    overachieveRequiresReason: boolean;
    /** Allow a manual score on a quantitative row even when it is not flagged. */
    allowManualOverride: boolean;
  };
  qualitative: {
    /** Inclusive lower bound of each tier as a share of the points (A 0.8, B 0.6, C 0). Upper bound = next tier's lower (exclusive) or 1. */
    tierMin: Record<Tier, Dec>;
    /** Score share when no manual score is given; null = a manual score is required. */
    defaults: Record<Tier, Dec | null>;
    /** Graded actuals (优 良 中 低 差) → tier. */
    gradedActuals: Record<string, Tier>;
    /** Use the filer's own 得分 as the manual score when it lies in the tier's range. */
    acceptReportedScoreInTier: boolean;
  };
  costRow: {
    /** Cap on the score of the default (未填报) cost row; null = no cap (the row is a missing target). */
    defaultRowCap: Dec | null;
  };
  /** Shanxi: 年初指标值 set and 调整后指标值 cleared → the row is skipped. */
  adjustedTargetSkip: boolean;
  manualDeduction: boolean;
  excludeAndRenormalise: boolean;
  /** null = no grade (Hubei may not grade). */
  grades: GradeBand[] | null;
  sources: string[];
}
