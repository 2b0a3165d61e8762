/**
 * The last step: the row's status, the findings that depend on the final score (deviation note,
 * the filer's own score), and the result as it crosses JSON. Status is decided here, once.
 */
import { finding, ptr, type Finding, type Lang } from '../../codes.js';
import { fmt, type Dec } from '../../decimal.js';
import type { IndicatorResult, IndicatorStatus } from '../../model/result.js';
import { describe } from '../describe.js';
import { differs, isEmptyNote } from '../compare.js';
import type { Note, Row, Scored } from './types.js';

export interface IndicatorOutcome {
  result: IndicatorResult;
  findings: Finding[];
  /** Skipped rows count neither in the points nor in the score. */
  skipped: boolean;
  score: Dec;
  points: Dec;
  level1Key: string | null;
  /** A deviation note is required by the rules for this row (whether or not one was given). */
  noteRequired: boolean;
}

const ROUNDING_TEXT: string[] = [];
function roundingText(dp: number): string {
  return (ROUNDING_TEXT[dp] ??= `ROUND_HALF_UP, ${dp}位小数`);
}

export function statusOf(s: Scored, w: Dec): IndicatorStatus {
  switch (s.state) {
    case 'review': return 'needs_review';
    case 'tier': return 'qualitative_tier';
    case 'over': return 'over_achieved';
    default: return s.score.greaterThanOrEqualTo(w) ? 'met' : s.score.isZero() ? 'not_met' : 'partly_met';
  }
}

/** The rules ask for a 偏差原因分析 below full points, and for over-achievement where the policy says so. */
export function needsNote(row: Row, s: Scored, status: IndicatorStatus): boolean {
  if (status === 'needs_review' || s.rootCause || s.cap) return false;
  if (s.score.lessThan(row.w)) return true;
  return status === 'over_achieved' && row.policy.quantitative.overachieveRequiresReason;
}

function scoreChecks(row: Row, s: Scored, status: IndicatorStatus, noteRequired: boolean): Note[] {
  const notes: Note[] = [];
  const { w, dp, ind } = row;
  if (noteRequired && isEmptyNote(ind.deviationNote, row.vocab)) {
    notes.push({ code: 'REASON_REQUIRED', field: 'deviationNote', params: { score: fmt(s.score, dp), points: w.toString() } });
  }
  const rep = ind.reportedScore;
  if (rep !== undefined) {
    if (rep.greaterThan(w)) notes.push({ code: 'SCORE_OUT_OF_RANGE', field: 'reportedScore', params: { score: rep.toString(), points: w.toString() } });
    if (differs(rep, s.score, row.policy.tolerance)) notes.push({ code: 'SCORE_MISMATCH', field: 'reportedScore', params: { reported: rep.toString(), computed: fmt(s.score, dp) } });
  }
  return status === 'skipped' ? [] : notes;
}

export function localise(row: Row, notes: Note[], lang: Lang): Finding[] {
  const base = ptr('indicators', row.index);
  const name = row.ind.name ?? '';
  return notes.map((n) => finding(n.code, n.field ? `${base}/${n.field}` : base, { name, ...n.params }, lang));
}

export function finish(row: Row, s: Scored, lang: Lang, skipped = false): IndicatorOutcome {
  const status: IndicatorStatus = skipped ? 'skipped' : statusOf(s, row.w);
  const noteRequired = !skipped && needsNote(row, s, status);
  const findings = localise(row, [...s.notes, ...scoreChecks(row, s, status, noteRequired)], lang);
  const { ind, dp } = row;
  const result: IndicatorResult = {
    index: row.index,
    pointer: ptr('indicators', row.index),
    level1: ind.level1 ?? '',
    level2: ind.level2 ?? '',
    name: ind.name ?? '',
    level1Key: row.levels.level1Key,
    level2Key: row.levels.level2Key,
    points: row.w.toString(),
    target: describe(row.target),
    actual: describe(row.actual),
    direction: s.direction ?? null,
    method: s.method,
    ratio: s.ratio ? s.ratio.toDecimalPlaces(4).toString() : null,
    deviation: s.deviation ? s.deviation.toDecimalPlaces(4).toString() : null,
    tier: s.tier ?? null,
    score: fmt(s.score, dp),
    cap: s.cap ? s.cap.toString() : null,
    deduction: ind.deduction && !skipped && row.policy.manualDeduction ? ind.deduction.toString() : null,
    rounding: roundingText(dp),
    status,
    reportedScore: ind.reportedScore?.toString() ?? null,
    manual: !!s.manualUsed,
    explanation: s.how,
    findings: findings.map((f) => f.code),
  };
  return { result, findings, skipped, score: s.score, points: row.w, level1Key: row.levels.level1Key, noteRequired };
}
