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
  /** The row's explanation, built only when the full result is asked for. */
  how: () => string;
  notes: Note[];
  manual: ManualRule;
  /** Completion ratio and deviation ((A − T) ÷ T), rounded to 4 places as the result shows them. */
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

/**
 * A Scored with every field in one order: one hidden class for all rows. (Object spread with
 * extra fields, `{ ...s, notes }`, took V8's slow path here and cost more than the scoring.)
 */
export function scored(p: Pick<Scored, 'score' | 'method' | 'state' | 'how' | 'notes' | 'manual'> & Partial<Scored>): Scored {
  return {
    score: p.score, method: p.method, state: p.state, how: p.how, notes: p.notes, manual: p.manual,
    ratio: p.ratio ?? null, deviation: p.deviation ?? null, direction: p.direction ?? null, tier: p.tier ?? null,
    tierRange: p.tierRange, cap: p.cap ?? null, rootCause: p.rootCause ?? false, manualUsed: p.manualUsed ?? false,
  };
}

/** `s` with some fields replaced (a field given as null or undefined replaces too). */
export function amend(s: Scored, c: Partial<Scored>): Scored {
  return {
    score: 'score' in c ? c.score! : s.score,
    method: 'method' in c ? c.method! : s.method,
    state: 'state' in c ? c.state! : s.state,
    how: 'how' in c ? c.how! : s.how,
    notes: 'notes' in c ? c.notes! : s.notes,
    manual: 'manual' in c ? c.manual! : s.manual,
    ratio: 'ratio' in c ? c.ratio ?? null : s.ratio ?? null,
    deviation: 'deviation' in c ? c.deviation ?? null : s.deviation ?? null,
    direction: 'direction' in c ? c.direction ?? null : s.direction ?? null,
    tier: 'tier' in c ? c.tier ?? null : s.tier ?? null,
    tierRange: 'tierRange' in c ? c.tierRange : s.tierRange,
    cap: 'cap' in c ? c.cap ?? null : s.cap ?? null,
    rootCause: 'rootCause' in c ? !!c.rootCause : !!s.rootCause,
    manualUsed: 'manualUsed' in c ? !!c.manualUsed : !!s.manualUsed,
  };
}
