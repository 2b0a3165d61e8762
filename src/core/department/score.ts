/**
 * score(department form, policy): the 部门（单位）整体支出绩效自评表 scored by the project engine's
 * steps (scoring-rules.md §4 rule 62: the same budget score and grade bands), with what differs
 * (rule 63): money by category reconciled with the 资金来源 / 资金方向 tables, indicators under
 * goals with the optional 权重比例 mode, the common department-wide indicators read in their own
 * direction, and a policy's optional `department` section (execution points, category list, grade
 * bands). The answer is a ScoreResult with `kind: "department"` and a `department` block; its
 * `indicators` are the goals' rows in goal order (`index` counts across goals), every pointer
 * into the department form. Pure.
 */
import type { Lang } from '../codes.js';
import { fmt, round, type Dec } from '../decimal.js';
import { differs, isEmptyNote, normalizeGrade } from '../engine/compare.js';
import type { IndicatorOutcome } from '../engine/indicator/index.js';
import { fromFinding, pending, type Pending } from '../engine/pending.js';
import { gradeOf } from '../engine/totals.js';
import type { Form } from '../model/form.js';
import type { Deviation, IndicatorResult } from '../model/result.js';
import { duplicateIndicators } from '../model/structure.js';
import type { Vocabulary } from '../parse/vocabulary.js';
import type { Policy } from '../policy/types.js';
import type { DepartmentData } from './data.js';
import { unitName, type DepartmentForm } from './form.js';
import { goalTotals, type GoalTotals } from './goals.js';
import { scoreDepartmentRow } from './indicators.js';
import { scoreMoney, type Money } from './money.js';
import type { DepartmentBlock } from './result.js';
import { projectView, slotsOf, type Slot } from './view.js';

/** The policy as it applies to a department form: its `department` grade bands, when it has them. */
export function departmentPolicy(policy: Policy): Policy {
  const grades = policy.department?.grades;
  if (!grades) return policy;
  return { ...policy, grades: [...grades].sort((a, b) => b.min.comparedTo(a.min)) };
}

/** The department form as a project form, its execution points from the policy's department section when the form has none. */
export function departmentView(form: DepartmentForm, policy: Policy): Form {
  const view = projectView(form);
  const points = form.funds.points ?? policy.department?.budgetPoints;
  return points === undefined ? view : { ...view, funds: { ...view.funds, points } };
}

/** Same 三级 name twice in one goal (the same name under two goals is two tasks' indicators). */
function duplicates(form: DepartmentForm, lang: Lang): Pending[] {
  return form.goals.flatMap((g, gi) =>
    duplicateIndicators(g.indicators, lang).map((f) => ({ ...fromFinding(f), pointer: f.pointer.replace(/^\/indicators\//, `/goals/${gi}/indicators/`) })),
  );
}

function reportChecks(form: DepartmentForm, policy: Policy, total: Dec, grade: { label: string } | null, vocab: Vocabulary): Pending[] {
  const out: Pending[] = [];
  if (form.reportedTotal !== undefined && differs(form.reportedTotal, total, policy.tolerance)) {
    out.push(pending('TOTAL_MISMATCH', '/reportedTotal', { reported: form.reportedTotal.toString(), computed: fmt(total) }));
  }
  if (form.reportedGrade && grade && normalizeGrade(form.reportedGrade, vocab) !== grade.label) {
    out.push(pending('GRADE_MISMATCH', '/reportedGrade', { reported: form.reportedGrade, computed: grade.label }));
  }
  return out;
}

export function deviationsOf(outcomes: IndicatorOutcome[], results: IndicatorResult[], vocab: Vocabulary): Deviation[] {
  const out: Deviation[] = [];
  outcomes.forEach((o, i) => {
    const r = results[i];
    if (o.skipped) return;
    const reason = r.status === 'over_achieved' ? 'over_achieved' : r.status === 'needs_review' ? 'needs_review' : o.score.lessThan(o.points) ? 'missed' : null;
    if (!reason) return;
    const note = o.row.ind.deviationNote ?? null;
    out.push({
      index: r.index, pointer: r.pointer, name: r.name, status: r.status, deviation: r.deviation, score: r.score, points: r.points,
      noteGiven: !isEmptyNote(note, vocab), noteRequired: o.noteRequired, note, reason,
    });
  });
  return out;
}

function list(v: string | (string | undefined)[] | undefined): string[] {
  if (v === undefined) return [];
  return (typeof v === 'string' ? [v] : v).filter((s): s is string => !!s && s.trim() !== '');
}

export function block(form: DepartmentForm, listId: { id: string; name: string }, money: Money, gt: GoalTotals): DepartmentBlock {
  const a = form.analysis;
  return {
    unitName: unitName(form),
    categoryList: listId,
    categories: money.categories,
    sources: money.sources,
    directions: money.directions,
    reconciliation: money.reconciliation,
    ratioMode: gt.ratioMode,
    goals: gt.goals,
    analysis: { completion: a?.completion ?? null, experience: list(a?.experience), problems: list(a?.problems), improvements: list(a?.improvements) },
  };
}

/** What the steps decided, before the answer is written. */
export interface DepartmentScoring {
  form: DepartmentForm;
  view: Form;
  policy: Policy;
  vocab: Vocabulary;
  slots: Slot[];
  money: Money;
  outcomes: IndicatorOutcome[];
  goals: GoalTotals;
  total: Dec;
  grade: ReturnType<typeof gradeOf>;
  before: Pending[];
  after: Pending[];
  listId: { id: string; name: string };
}

/** `extra`: the caller's findings (validation's stripped fields) that close the list. */
export function scoreDepartmentCore(form: DepartmentForm, basePolicy: Policy, vocab: Vocabulary, data: DepartmentData, extra: Pending[] = [], lang: Lang = 'zh'): DepartmentScoring {
  const policy = departmentPolicy(basePolicy);
  const view = departmentView(form, policy);
  const list = data.categoryList(policy.department?.categoryList);
  const slots = slotsOf(form);
  const money = scoreMoney({ view, sources: form.funds.sources, directions: form.funds.directions, list }, policy, vocab, data);
  const outcomes = view.indicators.map((ind, i) => scoreDepartmentRow(ind, i, policy, vocab, data));
  const goals = goalTotals(form, outcomes, slots, money.funds.points, policy);
  const total = round(money.funds.score.plus(goals.indicatorScore), policy.scoreDecimals);
  const grade = gradeOf(total, policy);
  const after = [...goals.checks, ...reportChecks(form, policy, total, grade, vocab), ...extra];
  return { form, view, policy, vocab, slots, money, outcomes, goals, total, grade, before: duplicates(form, lang), after, listId: { id: list.id, name: list.name } };
}
