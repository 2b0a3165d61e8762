/**
 * The steps after the method: the manual score (rounded to the policy's decimals, then checked:
 * rule 4), the cap of Shanxi's default cost row, and the manual deduction (§6.6.1).
 */
import { ZERO, fmt, max, min, round } from '../../decimal.js';
import { isEmptyNote } from '../compare.js';
import { TIER_NAMES, inTier, rangeText } from '../qual.js';
import { amend, type Note, type Row, type Scored } from './types.js';

/** Notes a manual score makes moot: the method asked for it, or took the filer's score instead. */
const ANSWERED_BY_MANUAL = new Set(['NEEDS_MANUAL_SCORE', 'QUAL_SCORE_FROM_REPORTED']);

/** A manual score that was not taken: its finding, and the reason in the row's explanation. */
function rejected(s: Scored, note: Note, why: () => string): Scored {
  return amend(s, { notes: [...s.notes, note], how: () => `${s.how()}；${why()}` });
}

export function applyManual(row: Row, s: Scored): Scored {
  const m = row.ind.manualScore;
  if (m === undefined) return s;
  const { w, dp } = row;
  const allowed = s.manual !== 'policy' || row.policy.quantitative.allowManualOverride;
  if (!allowed) {
    return rejected(s, { code: 'MANUAL_SCORE_NOT_ALLOWED', field: 'manualScore' }, () => `人工评分${m.toString()}分未采用（该行不允许人工评分）`);
  }
  const score = round(m, dp);
  if (score.greaterThan(w)) {
    return rejected(s, { code: 'SCORE_OUT_OF_RANGE', field: 'manualScore', params: { score: m.toString(), points: w.toString() } }, () => `人工评分${m.toString()}分超出分值${w.toString()}分，未采用`);
  }
  if (s.manual === 'tier' && s.tierRange && s.tier && !inTier(score, s.tierRange)) {
    const range = rangeText(s.tierRange);
    const tierName = TIER_NAMES[s.tier];
    const note: Note = { code: 'QUAL_SCORE_OUT_OF_RANGE', field: 'manualScore', params: { score: fmt(score, dp), tier: tierName, range } };
    return rejected(s, note, () => `人工评分${fmt(score, dp)}分不在“${tierName}”档区间${range}内，未采用`);
  }
  const notes = s.notes.filter((n) => !ANSWERED_BY_MANUAL.has(n.code));
  const state = s.state === 'review' ? (s.tier ? 'tier' : stateOf(score, w)) : s.state;
  const tr = s.tierRange;
  const tier = s.tier;
  const how = tr && tier
    ? () => `定性指标“${TIER_NAMES[tier]}”档，人工评分${fmt(score, dp)}分（区间${rangeText(tr)}）`
    : () => `${s.how()}；采用人工评分${fmt(score, dp)}分`;
  return amend(s, { score, notes, state, how, manualUsed: true, method: s.tier ? s.method : 'manual' });
}

function stateOf(score: Scored['score'], w: Scored['score']): Scored['state'] {
  return score.greaterThanOrEqualTo(w) ? 'met' : score.isZero() ? 'not_met' : 'partly';
}

/** Shanxi's default cost row: whatever the tier gave, at most the cap (rule 35). */
export function applyCap(row: Row, s: Scored): Scored {
  if (!s.cap || s.state === 'review') return s;
  const cap = s.cap;
  const score = min(s.score, cap);
  const notes: Note[] = [...s.notes, { code: 'COST_ROW_CAPPED', field: 'target', params: { cap: s.cap.toString() } }];
  return amend(s, { score, notes, how: () => `${s.how()}；未填报成本指标，得分不超过${cap.toString()}分，记${fmt(score, row.dp)}分` });
}

/** A manual deduction (Guangxi pattern): max(0, round(score − deduction)). */
export function applyDeduction(row: Row, s: Scored): Scored {
  const d = row.ind.deduction;
  if (!d || !d.greaterThan(ZERO)) return s;
  if (!row.policy.manualDeduction) {
    // Written but not applied: said, never dropped silently.
    const note: Note = { code: 'DEDUCTION_NOT_ALLOWED', field: 'deduction', params: { deduction: d.toString() } };
    return rejected(s, note, () => `扣减${d.toString()}分未计入（评分政策不允许手工扣减）`);
  }
  const score = max(ZERO, round(s.score.minus(d), row.dp));
  const unexplained = !row.ind.deductionReason && isEmptyNote(row.ind.deviationNote, row.vocab);
  const notes: Note[] = unexplained ? [...s.notes, { code: 'DEDUCTION_WITHOUT_REASON', field: 'deductionReason', params: { deduction: d.toString() } }] : s.notes;
  const how = () => `${s.how()}；人工扣减${d.toString()}分：${fmt(s.score, row.dp)} − ${d.toString()} = ${fmt(score, row.dp)}分`;
  return amend(s, { score, notes, how, manualUsed: true });
}
