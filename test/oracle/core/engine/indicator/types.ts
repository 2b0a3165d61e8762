/**
 * The shapes the indicator pipeline passes between its steps (classify → read values → method →
 * manual score → deduction → finish). Findings travel as notes (code, field, params) and become
 * localised findings once, at the end.
 */
import type { Code } from '../../codes.js';
import type { Dec } from '../../decimal.js';
import type { Indicator } from '../../model/form.js';
import type { IndicatorResult, Method } from '../../model/result.js';
import type { LevelClass } from '../../parse/taxonomy.js';
import type { ParsedValue } from '../../parse/types.js';
import type { Vocabulary } from '../../parse/vocabulary.js';
import type { Policy, Tier } from '../../policy/types.js';
import type { TierRange } from '../qual.js';

/** A finding before it is localised: its code, the row's field it points at, its parameters. */
export interface Note {
  code: Code;
  /** Field of the row ("target", "actual" …); '' = the row itself. */
  field: string;
  params?: Record<string, string | number>;
}

/**
 * What a scoring method concluded: met in full, partly, not at all, over-achieved, a qualitative
 * tier, or that a person must decide (review).
 */
export type State = 'met' | 'partly' | 'not_met' | 'over' | 'tier' | 'review';

/** Which manual score the row admits after its method: any in [0, W], one inside the tier, or as the policy says. */
export type ManualRule = 'free' | 'tier' | 'policy';

export type Direction = NonNullable<IndicatorResult['direction']>;

export interface Scored {
  score: Dec;
  method: Method;
  state: State;
  how: string;
  notes: Note[];
  manual: ManualRule;
  ratio?: Dec | null;
  deviation?: Dec | null;
  direction?: Direction | null;
  tier?: Tier | null;
  tierRange?: TierRange;
  cap?: Dec | null;
  /** A missing target or actual explains the 0 better than a deviation note. */
  rootCause?: boolean;
  /** The score came from a person (manual score, the filer's score in a tier, a deduction). */
  manualUsed?: boolean;
}

/** One row with everything its steps read: the row, its parsed values, the policy, the words. */
export interface Row {
  ind: Indicator;
  index: number;
  policy: Policy;
  vocab: Vocabulary;
  /** Points (0 for a row with none written). */
  w: Dec;
  dp: number;
  levels: LevelClass;
  /** Reverse by name or by its 成本 一级 / 二级: above a range is then the miss. */
  reverseRead: boolean;
  target: ParsedValue;
  actual: ParsedValue;
}

export type ScoringMethod = (row: Row) => Scored;
