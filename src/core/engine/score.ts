/**
 * score(form, policy): every number of a 自评表 recomputed exactly, every problem found
 * (scoring-rules.md §6). Pure: no I/O, no clock, no logger — the same input gives the same output.
 */
import type { Code, Lang } from '../codes.js';
import { ZERO, fmt, mulDivRound, round, sum, type Dec } from '../decimal.js';
import type { Form } from '../model/form.js';
import type { BriefResult, Deviation, ScoreResult } from '../model/result.js';
import { duplicateIndicators } from '../model/structure.js';
import type { Vocabulary } from '../parse/vocabulary.js';
import { yearMatches } from '../policy/select.js';
import type { Policy } from '../policy/types.js';
import { differs, isEmptyNote, normalizeGrade } from './compare.js';
import { scoreFunds, type FundsOutcome } from './funds.js';
import { indicatorFindings, indicatorResult, scoreIndicator, type IndicatorOutcome } from './indicator/index.js';
import { fromFinding, localiseAll, pending, summaryOf, type Pending } from './pending.js';
import { explainGrade, explainTotal, gradeOf, groupsOf, levelChecks, subtotalsOf, type Groups, type Totals } from './totals.js';

export { gradeOf };

/** Σ of the rounded parts, rescaled where the policy drops non-applicable rows (rule 61). */
function totalsOf(form: Form, policy: Policy, outcomes: IndicatorOutcome[], budgetPoints: Dec, budgetScore: Dec): Totals {
  const counted = outcomes.filter((o) => !o.skipped);
  const indicatorPoints = sum(counted.map((o) => o.points));
  const rawScore = sum(counted.map((o) => o.score));
  // Rule 61 rescales for rows that do not apply; a blank template row (ROW_BLANK) is no indicator and rescales nothing.
  const dropped = outcomes.some((o) => o.skipped && !o.notes.some((n) => n.code === 'ROW_BLANK'));
  const renormalised = policy.excludeAndRenormalise && dropped && indicatorPoints.greaterThan(ZERO);
  const nominal = policy.totalPoints.minus(budgetPoints);
  const indicatorScore = renormalised ? mulDivRound(rawScore, nominal, indicatorPoints, policy.scoreDecimals) : rawScore;
  const total = round(budgetScore.plus(indicatorScore), policy.scoreDecimals);
  const pointsTotal = budgetPoints.plus(indicatorPoints);
  // A skipped row's points are out of both sides of the check (Shanxi rule 41).
  const expectedPoints = policy.totalPoints.minus(sum(outcomes.filter((o) => o.skipped).map((o) => o.points)));
  return { expectedPoints, budgetPoints, budgetScore, indicatorPoints, rawScore, indicatorScore, total, pointsTotal, renormalised, nominal, moneyUnit: form.moneyUnit };
}

function pointChecks(t: Totals): Pending[] {
  const out: Pending[] = [];
  if (t.renormalised) out.push(pending('RENORMALISED', '/indicators', { nominal: t.nominal.toString() }));
  // Rescaling is for dropped rows, not for points that never added up (6.7.4): the check stands.
  if (!t.pointsTotal.equals(t.expectedPoints)) {
    out.push(pending('WEIGHT_SUM', '/indicators', {
      sum: t.pointsTotal.toString(), indicators: t.indicatorPoints.toString(), budget: t.budgetPoints.toString(), expected: t.expectedPoints.toString(),
    }));
  }
  return out;
}

/** The default policy scoring a year outside its own years (no policy covers the year): said, not hidden (§6.9). */
function scopeChecks(form: Form, policy: Policy): Pending[] {
  if (!policy.isDefault || yearMatches(policy, form.fiscalYear)) return [];
  const { yearFrom, yearTo } = policy.appliesTo;
  const years = `${yearFrom ?? '…'}–${yearTo ?? '…'}`;
  return [pending('POLICY_YEAR_FALLBACK', '/fiscalYear', { policy: policy.id, years, year: form.fiscalYear })];
}

function reportChecks(form: Form, policy: Policy, t: Totals, grade: { label: string } | null, vocab: Vocabulary): Pending[] {
  const out: Pending[] = [];
  if (form.reportedTotal !== undefined && differs(form.reportedTotal, t.total, policy.tolerance)) {
    out.push(pending('TOTAL_MISMATCH', '/reportedTotal', { reported: form.reportedTotal.toString(), computed: fmt(t.total) }));
  }
  if (form.reportedGrade && grade && normalizeGrade(form.reportedGrade, vocab) !== grade.label) {
    out.push(pending('GRADE_MISMATCH', '/reportedGrade', { reported: form.reportedGrade, computed: grade.label }));
  }
  return out;
}

/** Rows below full points, over-achieved (even when reduced by hand) or left to a person. */
function deviationsOf(form: Form, outcomes: IndicatorOutcome[], results: ScoreResult['indicators'], vocab: Vocabulary): Deviation[] {
  const out: Deviation[] = [];
  outcomes.forEach((o, i) => {
    const r = results[i];
    if (o.skipped) return;
    const reason = r.status === 'over_achieved' ? 'over_achieved' : r.status === 'needs_review' ? 'needs_review' : o.score.lessThan(o.points) ? 'missed' : null;
    if (!reason) return;
    const note = form.indicators[r.index].deviationNote ?? null;
    out.push({
      index: r.index, pointer: r.pointer, name: r.name, status: r.status, deviation: r.deviation, score: r.score, points: r.points,
      noteGiven: !isEmptyNote(note, vocab), noteRequired: o.noteRequired, note, reason,
    });
  });
  return out;
}

function formRef(form: Form): ScoreResult['form'] {
  return {
    id: form.id ?? null, fiscalYear: form.fiscalYear, mofDivCode: form.mofDivCode ?? null, deptCode: form.deptCode ?? null,
    deptName: form.deptName ?? null, agencyCode: form.agencyCode ?? null, agencyName: form.agencyName ?? null,
    proCode: form.proCode ?? null, proName: form.proName,
  };
}

/**
 * A scored form, compact: every number decided, every finding's code, pointer and parameters in
 * order. `fullResult` and `briefResult` write the answers from it; nothing is computed twice.
 */
export interface Scoring {
  form: Form;
  policy: Policy;
  vocab: Vocabulary;
  funds: FundsOutcome;
  /** Findings of the form as a whole that precede the rows' (duplicate names). */
  before: Pending[];
  outcomes: IndicatorOutcome[];
  /** Findings after the rows': points, 一级 points, the filer's total and grade. */
  after: Pending[];
  totals: Totals;
  groups: Groups;
  grade: ReturnType<typeof gradeOf>;
  reviewRows: number;
  weightSum: boolean;
  /** The funds block's points are not decided (funds.review): the form needs review too. */
  fundsReview: boolean;
}

/** `extra`: findings of the caller's (validation's stripped fields) that close the list. */
export function scoreCore(form: Form, policy: Policy, vocab: Vocabulary, extra: Pending[] = []): Scoring {
  const funds = scoreFunds(form, policy, vocab);
  const outcomes = form.indicators.map((ind, i) => scoreIndicator(ind, i, policy, vocab));
  const t = totalsOf(form, policy, outcomes, funds.points, funds.score);
  const groups = groupsOf(outcomes);
  const grade = gradeOf(t.total, policy);
  const points = pointChecks(t);
  const after = [...points, ...levelChecks(groups.level1, policy), ...reportChecks(form, policy, t, grade, vocab), ...extra];
  let reviewRows = 0;
  for (const o of outcomes) if (o.status === 'needs_review') reviewRows++;
  const weightSum = points.some((f) => f.code === 'WEIGHT_SUM');
  const before = [...scopeChecks(form, policy), ...duplicateIndicators(form.indicators).map(fromFinding)];
  return { form, policy, vocab, funds, before, outcomes, after, totals: t, groups, grade, reviewRows, weightSum, fundsReview: funds.review };
}

/** Rows left to a person, or a funds block whose points are not decided. */
function needsReview(c: Scoring): boolean {
  return c.reviewRows > 0 || c.fundsReview;
}

function codesOf(c: Scoring): Code[] {
  const out: Code[] = [];
  for (const p of c.funds.findings) out.push(p.code);
  for (const p of c.before) out.push(p.code);
  for (const o of c.outcomes) for (const n of o.notes) out.push(n.code);
  for (const p of c.after) out.push(p.code);
  return out;
}

/** The brief answer: total, grade, status, per-indicator scores and finding codes. */
export function briefResult(c: Scoring): BriefResult {
  const dp = c.policy.scoreDecimals;
  const { policy } = c;
  return {
    status: needsReview(c) ? 'needs_review' : 'scored',
    total: fmt(c.totals.total),
    grade: c.grade?.label ?? null,
    gradeCode: c.grade?.code ?? null,
    provisional: needsReview(c) || c.weightSum,
    policy: { id: policy.id, version: policy.version, hash: policy.hash, name: policy.name },
    summary: summaryOf(codesOf(c)),
    indicators: c.outcomes.map((o) => ({ index: o.row.index, score: fmt(o.score, dp), status: o.status, findings: o.notes.map((n) => n.code) })),
  };
}

export function fullResult(c: Scoring, lang: Lang = 'zh'): ScoreResult {
  const { form, policy, totals: t, grade, reviewRows, weightSum, fundsReview } = c;
  const level = subtotalsOf(c.groups, policy.scoreDecimals);
  const findings = [
    ...localiseAll(c.funds.findings, lang), ...localiseAll(c.before, lang), ...c.outcomes.flatMap((o) => indicatorFindings(o, lang)), ...localiseAll(c.after, lang),
  ];
  const provisional = needsReview(c) || weightSum;
  const indicators = c.outcomes.map(indicatorResult);
  return {
    schemaVersion: '1',
    status: needsReview(c) ? 'needs_review' : 'scored',
    total: fmt(t.total),
    grade: grade?.label ?? null,
    gradeCode: grade?.code ?? null,
    gradeRequired: policy.gradeRequired,
    provisional,
    explanation: { total: explainTotal(t, policy, level.level1, { reviewRows, weightSum, fundsReview }), grade: explainGrade(t.total, grade, policy, provisional) },
    pointsTotal: t.pointsTotal.toString(),
    policy: { id: policy.id, version: policy.version, hash: policy.hash, name: policy.name },
    form: formRef(form),
    reported: { total: form.reportedTotal?.toString() ?? null, grade: form.reportedGrade ?? null },
    funds: c.funds.result(),
    indicators,
    subtotals: level,
    findings,
    summary: summaryOf(findings.map((f) => f.code)),
    deviations: deviationsOf(form, c.outcomes, indicators, c.vocab),
  };
}

export function scoreForm(form: Form, policy: Policy, vocab: Vocabulary, lang: Lang = 'zh'): ScoreResult {
  return fullResult(scoreCore(form, policy, vocab), lang);
}
