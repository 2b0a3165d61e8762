/**
 * One 三级 indicator: parse its target and actual, pick the rule, score it, and say how
 * (scoring-rules.md §6.2, §6.4–§6.6). Every problem becomes a finding; nothing throws.
 */
import { finding, ptr, type Code, type Finding, type Lang } from '../codes.js';
import { ZERO, fmt, max, min, round, type Dec } from '../decimal.js';
import type { Indicator } from '../model/form.js';
import type { IndicatorResult, IndicatorStatus, Method } from '../model/result.js';
import { classifyLevels, isDoubleCountName, parseActual, parseTarget } from '../parse/index.js';
import type { Operator, ParsedValue } from '../parse/types.js';
import type { Vocabulary } from '../parse/vocabulary.js';
import type { Policy, Tier } from '../policy/types.js';
import { differs, isEmptyNote } from './compare.js';
import { describe } from './describe.js';
import { TIER_NAMES, inTier, rangeText, tierRange } from './qual.js';
import { scoreQuant, scoreRange, type QuantScore } from './quant.js';

const DIRECTION: Record<Operator, 'positive' | 'reverse' | 'equal'> = { GE: 'positive', GT: 'positive', EQ: 'equal', LE: 'reverse', LT: 'reverse' };

export interface IndicatorOutcome {
  result: IndicatorResult;
  findings: Finding[];
  /** Skipped rows count neither in the points nor in the score. */
  skipped: boolean;
  score: Dec;
  points: Dec;
  level1Key: string | null;
}

const ROUNDING_TEXT: string[] = [];
function roundingText(dp: number): string {
  return (ROUNDING_TEXT[dp] ??= `ROUND_HALF_UP, ${dp}位小数`);
}

function unitOf(v: ParsedValue): string {
  return v.kind === 'quantitative' || v.kind === 'range' ? v.unit.base : '';
}

export function scoreIndicator(ind: Indicator, index: number, policy: Policy, vocab: Vocabulary, lang: Lang): IndicatorOutcome {
  const base = ptr('indicators', index);
  const findings: Finding[] = [];
  const add = (code: Code, field: string, params: Record<string, string | number> = {}) => {
    findings.push(finding(code, field ? `${base}/${field}` : base, { name: ind.name, ...params }, lang));
  };
  const dp = policy.scoreDecimals;
  const w = ind.points;
  const levels = classifyLevels(ind.level1, ind.level2, vocab);
  if (!levels.level1Key) add('LEVEL_UNKNOWN', 'level1', { level: ind.level1, depth: '一级' });
  if (!levels.level2Key) add('LEVEL_UNKNOWN', 'level2', { level: ind.level2, depth: '二级' });
  if (isDoubleCountName(ind.name, vocab)) add('POSSIBLE_DOUBLE_COUNT', 'name');

  const target = parseTarget(ind.target, { operator: ind.operator, unit: ind.unit, indicatorName: ind.name }, vocab);
  const actual = parseActual(ind.actual, target, vocab);
  for (const n of target.notes) {
    if (n.code === 'OPERATOR_INFERRED') add('OPERATOR_INFERRED', 'target', { operator: n.params?.operator ?? '' });
    else if (n.code === 'OPERATOR_CONFLICT') add('OPERATOR_CONFLICT', 'operator', { column: n.params?.column ?? ind.operator ?? '', inline: n.params?.inline ?? '' });
    else if (n.code === 'UNIT_UNKNOWN') add('UNIT_UNKNOWN', 'target', { unit: n.params?.unit ?? '' });
    else if (n.code === 'DATE_TARGET') add('DATE_TARGET', 'target', { target: target.raw });
  }

  let score = ZERO;
  let method: Method = 'none';
  let ratio: Dec | null = null;
  let deviation: Dec | null = null;
  let status: IndicatorStatus = 'needs_review';
  let direction: IndicatorResult['direction'] = null;
  let tier: Tier | null = null;
  let cap: Dec | null = null;
  let manual = false;
  let how = '';
  let rootCause = false; // a missing target/actual explains the 0 better than a deviation note

  const result = (skipped: boolean): IndicatorOutcome => {
    const deduction = ind.deduction && !skipped && policy.manualDeduction ? ind.deduction : null;
    if (deduction && deduction.greaterThan(ZERO)) {
      const before = score;
      score = max(ZERO, round(score.minus(deduction), dp));
      how += `；人工扣减${deduction.toString()}分：${fmt(before, dp)} − ${deduction.toString()} = ${fmt(score, dp)}分`;
      manual = true;
      if (!ind.deductionReason && isEmptyNote(ind.deviationNote)) add('DEDUCTION_WITHOUT_REASON', 'deductionReason', { deduction: deduction.toString() });
    }
    if (!skipped) {
      if (status === 'met' || status === 'over_achieved' || status === 'partly_met' || status === 'not_met') {
        status = score.greaterThanOrEqualTo(w) ? (status === 'over_achieved' ? 'over_achieved' : 'met') : score.isZero() ? 'not_met' : 'partly_met';
      }
      const noReason = isEmptyNote(ind.deviationNote);
      if (score.lessThan(w) && noReason && !rootCause && cap === null && status !== 'needs_review') {
        add('REASON_REQUIRED', 'deviationNote', { score: fmt(score, dp), points: w.toString() });
      }
      if (ind.reportedScore !== undefined) {
        if (ind.reportedScore.greaterThan(w)) add('SCORE_OUT_OF_RANGE', 'reportedScore', { score: ind.reportedScore.toString(), points: w.toString() });
        if (differs(ind.reportedScore, score, policy.tolerance)) {
          add('SCORE_MISMATCH', 'reportedScore', { reported: ind.reportedScore.toString(), computed: fmt(score, dp) });
        }
      }
    }
    return {
      skipped,
      score,
      points: w,
      level1Key: levels.level1Key,
      findings,
      result: {
        index,
        pointer: base,
        level1: ind.level1,
        level2: ind.level2,
        name: ind.name,
        level1Key: levels.level1Key,
        level2Key: levels.level2Key,
        points: w.toString(),
        target: describe(target),
        actual: describe(actual),
        direction,
        method,
        ratio: ratio ? ratio.toDecimalPlaces(4).toString() : null,
        deviation: deviation ? deviation.toDecimalPlaces(4).toString() : null,
        tier,
        score: fmt(score, dp),
        cap: cap ? cap.toString() : null,
        deduction: deduction ? deduction.toString() : null,
        rounding: roundingText(dp),
        status,
        reportedScore: ind.reportedScore?.toString() ?? null,
        manual,
        explanation: how,
        findings: findings.map((f) => f.code),
      },
    };
  };

  // Shanxi: a target cleared in-year means the row is out (rule 41).
  const hasInitial = !!ind.initialTarget && ind.initialTarget.trim() !== '';
  if (target.kind === 'empty' && !target.placeholder && hasInitial && policy.adjustedTargetSkip) {
    status = 'skipped';
    how = '调整后指标值为空，该行不评分';
    add('ROW_SKIPPED', 'target');
    return result(true);
  }

  const defaultCost = ind.isDefaultCostRow ?? (target.kind === 'empty' && target.placeholder && levels.isCost);
  const costCap = policy.costRow.defaultRowCap;
  if (defaultCost && costCap !== null) {
    // The placeholder cost row is scored on its actual's tier, then capped (rule 35).
    cap = min(costCap, w);
    direction = 'qualitative';
    const q = qualitative(actual);
    if (q) {
      score = min(q, cap);
      how += `；未填报成本指标，得分不超过${cap.toString()}分，记${fmt(score, dp)}分`;
      add('COST_ROW_CAPPED', 'target', { cap: cap.toString() });
    }
    return result(false);
  }

  if (target.kind === 'empty') {
    rootCause = true;
    how = '缺少指标值，得0分';
    add('TARGET_MISSING', 'target');
    return result(false);
  }
  if (actual.kind === 'empty') {
    rootCause = true;
    how = '缺少实际完成值，得0分';
    add('ACTUAL_MISSING', 'actual');
    applyManualIfAny(true);
    return result(false);
  }

  if (target.kind === 'qualitative') {
    direction = 'qualitative';
    if (target.isDate && actual.kind !== 'qualitative') {
      how = `时间节点指标，实际完成值“${actual.raw}”需人工复核`;
      add('QUAL_TIER_UNKNOWN', 'actual', { actual: actual.raw });
      applyManualIfAny(true);
      return result(false);
    }
    const q = qualitative(actual);
    if (q) score = q;
    return result(false);
  }

  // Quantitative target (a number or a range).
  if (actual.kind !== 'quantitative') {
    how = `定量指标的实际完成值“${actual.raw}”不是数值，需人工复核`;
    add('ACTUAL_NOT_NUMERIC', 'actual', { actual: actual.raw });
    applyManualIfAny(true);
    return result(false);
  }
  if (actual.notes.some((n) => n.code === 'OPERATOR_IN_ACTUAL')) add('ACTUAL_HAS_OPERATOR', 'actual', { actual: actual.raw, value: actual.value.toString() + actual.unit.raw });
  const tu = unitOf(target);
  const au = actual.unit.base;
  if (tu && au && tu !== au) {
    how = `指标值单位“${tu}”与实际完成值单位“${au}”不一致，未自动评分`;
    add('UNIT_MISMATCH', 'actual', { targetUnit: tu, actualUnit: au });
    applyManualIfAny(true);
    return result(false);
  }
  let a = actual.baseValue;
  if (a.isNegative() && !a.isZero()) {
    add('ACTUAL_NEGATIVE', 'actual');
    a = ZERO;
  }
  let q: QuantScore;
  let t: Dec;
  if (target.kind === 'range') {
    direction = 'range';
    t = target.lowerBase;
    q = scoreRange(a, target.lowerBase, target.upperBase, w, dp, policy.quantitative.reverseFormula);
  } else {
    let op = target.operator;
    if (!op) {
      // No operator anywhere: "=" is scored like "≥" for T > 0 and all-or-nothing for 0 (rule 9).
      op = 'EQ';
      add('OPERATOR_INFERRED', 'target', { operator: '=' });
    }
    direction = DIRECTION[op];
    t = target.baseValue;
    q = scoreQuant(op, a, t, w, dp, policy.quantitative.reverseFormula);
    const overFactor = policy.quantitative.overachieveFactor;
    if (op !== 'LE' && op !== 'LT' && t.greaterThan(ZERO) && a.greaterThanOrEqualTo(t.times(overFactor))) {
      status = 'over_achieved';
      add('OVERACHIEVED', 'actual', { actual: a.toString(), target: t.toString(), factor: overFactor.toString() });
      if (policy.quantitative.overachieveRequiresReason && isEmptyNote(ind.deviationNote)) {
        add('REASON_REQUIRED', 'deviationNote', { score: fmt(q.score, dp), points: w.toString() });
      }
    }
  }
  score = q.score;
  method = q.method;
  ratio = q.ratio;
  if (!t.isZero()) deviation = a.minus(t).div(t);
  how = q.how;
  if (status !== 'over_achieved') status = q.met ? 'met' : 'partly_met';
  applyManualIfAny(status === 'over_achieved' || policy.quantitative.allowManualOverride);
  return result(false);

  /** A manual score replaces the formula where the rules leave the score to a person. */
  function applyManualIfAny(allowed: boolean): void {
    const m = ind.manualScore;
    if (m === undefined) return;
    if (!allowed) {
      add('MANUAL_SCORE_NOT_ALLOWED', 'manualScore');
      return;
    }
    if (m.greaterThan(w)) {
      add('SCORE_OUT_OF_RANGE', 'manualScore', { score: m.toString(), points: w.toString() });
      return;
    }
    score = round(m, dp);
    manual = true;
    method = 'manual';
    how += `；采用人工评分${fmt(score, dp)}分`;
    if (status === 'needs_review') status = score.greaterThanOrEqualTo(w) ? 'met' : score.isZero() ? 'not_met' : 'partly_met';
  }

  /** Score a qualitative actual by tier; null when it needs review. Sets how/tier/status. */
  function qualitative(act: ParsedValue): Dec | null {
    method = 'qualitative_tier';
    let tr: Tier | null = null;
    if (act.kind === 'qualitative') {
      tr = act.tier ?? (act.grade ? policy.qualitative.gradedActuals[act.grade] ?? null : null);
      if (tr && (act.tierSource === 'synonym' || act.tierSource === 'graded')) add('QUAL_TIER_INFERRED', 'actual', { actual: act.raw, tier: TIER_NAMES[tr] });
    }
    if (!tr) {
      how = `定性指标实际完成值“${act.raw}”不是可识别的档次，需人工复核`;
      add('QUAL_TIER_UNKNOWN', 'actual', { actual: act.raw });
      applyManualIfAny(true);
      return manual ? score : null;
    }
    tier = tr;
    status = 'qualitative_tier';
    const range = tierRange(tr, w, policy);
    const m = ind.manualScore;
    if (m !== undefined) {
      if (inTier(m, range)) {
        manual = true;
        how = `定性指标“${TIER_NAMES[tr]}”档，人工评分${fmt(m, dp)}分（区间${rangeText(range)}）`;
        return round(m, dp);
      }
      add('QUAL_SCORE_OUT_OF_RANGE', 'manualScore', { score: m.toString(), tier: TIER_NAMES[tr], range: rangeText(range) });
    }
    const share = policy.qualitative.defaults[tr];
    const fallback = share ? round(w.times(share), dp) : null;
    const rep = ind.reportedScore;
    if (policy.qualitative.acceptReportedScoreInTier && rep !== undefined && inTier(rep, range)) {
      if (!fallback || !rep.equals(fallback)) add('QUAL_SCORE_FROM_REPORTED', 'reportedScore', { score: rep.toString(), tier: TIER_NAMES[tr] });
      manual = !fallback || !rep.equals(fallback);
      how = `定性指标“${TIER_NAMES[tr]}”档，采用填报得分${fmt(rep, dp)}分（区间${rangeText(range)}）`;
      return round(rep, dp);
    }
    if (fallback) {
      how = `定性指标“${TIER_NAMES[tr]}”档，得${fmt(fallback, dp)}分（区间${rangeText(range)}）`;
      return fallback;
    }
    status = 'needs_review';
    how = `定性指标“${TIER_NAMES[tr]}”档，须在${rangeText(range)}内人工评分`;
    add('NEEDS_MANUAL_SCORE', 'manualScore', { tier: TIER_NAMES[tr], min: range.min.toString(), max: range.max.toString() });
    return null;
  }
}
