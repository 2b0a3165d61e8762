/**
 * Qualitative rows (scoring-rules.md §6.5; issue 8 rules 1, 2): the actual's tier gives the range
 * of the points. Yes / no answers are compared with what the target asks.
 */
import { ZERO, fmt, round } from '../../decimal.js';
import type { ParsedValue, QualValue, QuantValue } from '../../parse/types.js';
import type { Tier } from '../../policy/types.js';
import { TIER_NAMES, inTier, rangeText, tierRange } from '../qual.js';
import { scoreNumber } from './quant.js';
import { checkMeaning } from './meaning.js';
import type { Note, Row, Scored } from './types.js';

export function review(row: Row, code: 'QUAL_TIER_UNKNOWN' | 'ANSWER_UNCLEAR', how: string): Scored {
  const notes: Note[] = [{ code, field: 'actual', params: { actual: row.actual.raw, target: row.target.raw } }];
  return { score: ZERO, method: 'qualitative_tier', state: 'review', how, notes, manual: 'free', direction: 'qualitative' };
}

/** The tier of a qualitative actual: its label, or its grade through the policy. */
function tierOf(row: Row, act: QualValue): Tier | null {
  return act.tier ?? (act.grade ? row.policy.qualitative.gradedActuals[act.grade] ?? null : null);
}

/** A qualitative actual against a qualitative target. */
export function scoreQualitative(row: Row): Scored {
  const act = row.actual;
  const tr = act.kind === 'qualitative' ? tierOf(row, act) : null;
  if (!tr || act.kind !== 'qualitative') {
    return review(row, 'QUAL_TIER_UNKNOWN', `定性指标实际完成值“${act.raw}”不是可识别的档次，需人工复核`);
  }
  const meaning = row.target.kind === 'qualitative' ? checkMeaning(row.target, act, tr, row.vocab) : { tier: tr };
  if (!('tier' in meaning)) return meaningConflict(row, meaning.problem, meaning.problemEn);
  const scored = scoreTier(row, meaning.tier);
  if (act.tierSource !== 'synonym' && act.tierSource !== 'graded') return scored;
  const inferred: Note = { code: 'QUAL_TIER_INFERRED', field: 'actual', params: { actual: act.raw, tier: TIER_NAMES[meaning.tier] } };
  return { ...scored, notes: [inferred, ...scored.notes] };
}

/** A synonym whose meaning disagrees with the target (提升 under 下降, 合格 under 优秀): a person decides. */
function meaningConflict(row: Row, problem: string, problemEn: string): Scored {
  const notes: Note[] = [{ code: 'QUAL_MEANING_CONFLICT', field: 'actual', params: { actual: row.actual.raw, target: row.target.raw, problem, problemEn } }];
  return { score: ZERO, method: 'qualitative_tier', state: 'review', how: `实际完成值“${row.actual.raw}”与指标值“${row.target.raw}”的要求不一致（${problem}），需人工复核`, notes, manual: 'free', direction: 'qualitative' };
}

/** Tier A scores its default share (full points); B / C need a score inside the tier (rule 12). */
export function scoreTier(row: Row, tr: Tier): Scored {
  const { w, dp, policy } = row;
  const range = tierRange(tr, w, policy);
  const base = { method: 'qualitative_tier' as const, direction: 'qualitative' as const, tier: tr, tierRange: range, manual: 'tier' as const };
  const name = TIER_NAMES[tr];
  const share = policy.qualitative.defaults[tr];
  const fallback = share ? round(w.times(share), dp) : null;
  const rep = row.ind.reportedScore;
  const own = rep === undefined ? null : round(rep, dp);
  if (policy.qualitative.acceptReportedScoreInTier && own && inTier(own, range)) {
    const differs = !fallback || !own.equals(fallback);
    const notes: Note[] = differs ? [{ code: 'QUAL_SCORE_FROM_REPORTED', field: 'reportedScore', params: { score: rep!.toString(), tier: name } }] : [];
    return { ...base, score: own, state: 'tier', notes, manualUsed: differs, how: `定性指标“${name}”档，采用填报得分${fmt(own, dp)}分（区间${rangeText(range)}）` };
  }
  if (fallback) return { ...base, score: fallback, state: 'tier', notes: [], how: `定性指标“${name}”档，得${fmt(fallback, dp)}分（区间${rangeText(range)}）` };
  const notes: Note[] = [{ code: 'NEEDS_MANUAL_SCORE', field: 'manualScore', params: { tier: name, min: range.min.toString(), max: range.max.toString() } }];
  return { ...base, score: ZERO, state: 'review', notes, how: `定性指标“${name}”档，须在${rangeText(range)}内人工评分` };
}

/** The opposite answer (是 against 否): not achieved, tier C, 0 unless a manual score in tier C. */
function answerMissed(row: Row, asked: string): Scored {
  const range = tierRange('C', row.w, row.policy);
  const notes: Note[] = [{ code: 'ANSWER_MISMATCH', field: 'actual', params: { target: asked, actual: row.actual.raw } }];
  return {
    score: ZERO, method: 'qualitative_tier', state: 'not_met', direction: 'qualitative', tier: 'C', tierRange: range, manual: 'tier', notes,
    how: `指标值为“${asked}”，实际完成值为“${row.actual.raw}”，未达成，得0分（“${TIER_NAMES.C}”档，人工评分须在${rangeText(range)}内）`,
  };
}

function answerMet(row: Row): Scored {
  const scored = scoreTier(row, 'A');
  return { ...scored, how: `指标值为“${row.target.raw}”，实际完成值为“${row.actual.raw}”，${scored.how}` };
}

function isZeroTarget(t: ParsedValue): t is QuantValue {
  return t.kind === 'quantitative' && t.baseValue.isZero() && t.operator !== 'GE' && t.operator !== 'GT';
}

/** An actual that answers yes / no (是, 否, 无 …): compared with what the target asks (rule 1). */
export function scoreAnswer(row: Row): Scored {
  const act = row.actual as QualValue;
  const t = row.target;
  if (t.kind === 'qualitative' && t.answer) return t.answer === act.answer ? answerMet(row) : answerMissed(row, t.raw);
  // 无 under "=0次" / "0起": the count is 0 (rule 2).
  if (act.answer === 'no' && isZeroTarget(t)) {
    const zero = { ...t, raw: act.raw, value: ZERO, baseValue: ZERO, unitFromTarget: true, operator: null, operatorText: null, notes: [] };
    return scoreNumber(row, zero, ZERO);
  }
  return review(row, 'ANSWER_UNCLEAR', `实际完成值“${act.raw}”是是/否回答，指标值“${t.raw}”不是是否问题，需人工复核`);
}

/** A yes / no target (否, 无) answered with a count: 0 is the answer no. */
export function scoreCountAgainstAnswer(row: Row): Scored {
  const t = row.target as QualValue;
  const a = row.actual as QuantValue;
  if (t.answer === 'no') return a.baseValue.isZero() ? answerMet(row) : answerMissed(row, t.raw);
  return review(row, 'QUAL_TIER_UNKNOWN', `指标值为“${t.raw}”，实际完成值“${a.raw}”不是是否回答，需人工复核`);
}
