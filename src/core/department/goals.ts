/**
 * Goal subtotals of a department form (scoring-rules.md §4 rule 63, C9): a goal's score is the
 * sum of its rows' rounded scores; in 权重比例 mode it is that sum × the goal's ratio ÷ 100,
 * rounded as the policy says (`weightscore = scoresum * ratio / 100`). The points checks: without
 * ratios the whole form must add up to the policy's total (WEIGHT_SUM, as for projects); with
 * ratios every goal carries the indicator points on its own (total − execution points) and the
 * ratios add up to 100 (GOAL_RATIO_SUM).
 */
import { ptr } from '../codes.js';
import { HUNDRED, ZERO, fmt, mulDivRound, sum, type Dec } from '../decimal.js';
import type { IndicatorOutcome } from '../engine/indicator/index.js';
import { pending, type Pending } from '../engine/pending.js';
import type { Policy } from '../policy/types.js';
import type { DepartmentForm } from './form.js';
import { goalName } from './form.js';
import type { GoalResult } from './result.js';

export interface GoalTotals {
  ratioMode: boolean;
  goals: GoalResult[];
  /** Σ goal scores. */
  indicatorScore: Dec;
  /** Σ goal points, each × its ratio ÷ 100 in ratio mode. */
  indicatorPoints: Dec;
  checks: Pending[];
}

/** The mode: as the form says, else on when any goal has a ratio. */
export function ratioModeOf(form: DepartmentForm): boolean {
  return form.ratioMode ?? form.goals.some((g) => g.ratio !== undefined);
}

interface GoalFigures {
  r: GoalResult;
  /** Σ its rows' points. */
  own: Dec;
  /** own × ratio ÷ 100 in ratio mode, else own. */
  points: Dec;
  score: Dec;
  /** Σ points of its skipped rows. */
  skipped: Dec;
}

function goalResult(form: DepartmentForm, g: number, members: { flat: number; o: IndicatorOutcome }[], ratioMode: boolean, dp: number): GoalFigures {
  const goal = form.goals[g];
  const counted = members.filter((m) => !m.o.skipped);
  const points = sum(counted.map((m) => m.o.points));
  const raw = sum(counted.map((m) => m.o.score));
  const ratio = ratioMode ? goal.ratio ?? ZERO : null;
  const score = ratio ? mulDivRound(raw, ratio, HUNDRED, dp) : raw;
  const name = goalName(goal, g);
  const parts = counted.map((m) => `${m.o.row.ind.name ?? ''} ${fmt(m.o.score, dp)}`).join(' + ') || '0';
  const explanation = ratio
    ? `${name}：（${parts}）× 权重比例${ratio.toString()}% = ${fmt(raw, dp)} × ${ratio.toString()} ÷ 100 = ${fmt(score, dp)}分`
    : `${name}：${parts} = ${fmt(score, dp)}分`;
  const r: GoalResult = {
    index: g, pointer: ptr('goals', g), type: goal.type, name, target: goal.target ?? null, completion: goal.completion ?? null,
    ratio: ratio ? ratio.toString() : null, points: points.toString(), rawScore: fmt(raw, dp), score: fmt(score, dp),
    indicators: members.map((m) => m.flat), explanation,
  };
  const skipped = sum(members.filter((m) => m.o.skipped).map((m) => m.o.points));
  return { r, own: points, points: ratio ? points.times(ratio).div(HUNDRED) : points, score, skipped };
}

function ratioChecks(form: DepartmentForm, goals: GoalFigures[], budgetPoints: Dec, policy: Policy): Pending[] {
  const out: Pending[] = [];
  const ratios = sum(form.goals.map((g) => g.ratio ?? ZERO));
  if (!ratios.equals(HUNDRED)) out.push(pending('GOAL_RATIO_SUM', '/goals', { sum: ratios.toString() }));
  goals.forEach((g, i) => {
    const own = g.own;
    const expected = policy.totalPoints.minus(g.skipped);
    if (!budgetPoints.plus(own).equals(expected)) {
      out.push(pending('WEIGHT_SUM', ptr('goals', i, 'indicators'), {
        sum: budgetPoints.plus(own).toString(), indicators: own.toString(), budget: budgetPoints.toString(), expected: expected.toString(),
      }));
    }
  });
  return out;
}

export function goalTotals(form: DepartmentForm, outcomes: IndicatorOutcome[], slots: { goal: number }[], budgetPoints: Dec, policy: Policy): GoalTotals {
  const ratioMode = ratioModeOf(form);
  const dp = policy.scoreDecimals;
  const members = form.goals.map(() => [] as { flat: number; o: IndicatorOutcome }[]);
  outcomes.forEach((o, flat) => members[slots[flat].goal].push({ flat, o }));
  const goals = form.goals.map((_, g) => goalResult(form, g, members[g], ratioMode, dp));
  const indicatorScore = sum(goals.map((g) => g.score));
  const indicatorPoints = sum(goals.map((g) => g.points));
  let checks: Pending[];
  if (ratioMode) checks = ratioChecks(form, goals, budgetPoints, policy);
  else {
    const expected = policy.totalPoints.minus(sum(goals.map((g) => g.skipped)));
    const total = budgetPoints.plus(indicatorPoints);
    checks = total.equals(expected) ? [] : [pending('WEIGHT_SUM', '/goals', {
      sum: total.toString(), indicators: indicatorPoints.toString(), budget: budgetPoints.toString(), expected: expected.toString(),
    })];
  }
  return { ratioMode, goals: goals.map((g) => g.r), indicatorScore, indicatorPoints, checks };
}
