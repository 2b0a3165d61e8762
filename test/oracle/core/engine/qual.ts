/**
 * Qualitative tiers (scoring-rules.md §1.4, §6.5): A [80%, 100%], B [60%, 80%), C [0, 60%)
 * of the points nationally; the bounds are policy data (Hubei: B from 50%).
 */
import { round, type Dec } from '../decimal.js';
import type { Policy, Tier } from '../policy/types.js';

export interface TierRange {
  min: Dec;
  /** Upper bound; inclusive only for tier A. */
  max: Dec;
  maxInclusive: boolean;
}

const ORDER: Tier[] = ['A', 'B', 'C'];

export const TIER_NAMES: Record<Tier, string> = {
  A: '达成年度指标',
  B: '部分达成年度指标并具有一定效果',
  C: '未达成年度指标且效果较差',
};

export function tierRange(tier: Tier, points: Dec, policy: Policy): TierRange {
  const dp = policy.scoreDecimals;
  const min = round(points.times(policy.qualitative.tierMin[tier]), dp);
  const i = ORDER.indexOf(tier);
  if (i === 0) return { min, max: points, maxInclusive: true };
  const above = ORDER[i - 1];
  return { min, max: round(points.times(policy.qualitative.tierMin[above]), dp), maxInclusive: false };
}

export function inTier(score: Dec, r: TierRange): boolean {
  if (score.lessThan(r.min)) return false;
  return r.maxInclusive ? score.lessThanOrEqualTo(r.max) : score.lessThan(r.max);
}

export function rangeText(r: TierRange): string {
  return `[${r.min.toString()}, ${r.max.toString()}${r.maxInclusive ? ']' : ')'}`;
}
