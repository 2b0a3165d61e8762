/**
 * score(form, policy): every number of a 自评表 recomputed exactly, every problem found
 * (scoring-rules.md §6). Pure: no I/O, no clock, no logger — the same input gives the same output.
 */
import { finding, type Finding, type Lang, type Severity } from '../codes.js';
import { ZERO, fmt, round, sum, type Dec } from '../decimal.js';
import type { Form } from '../model/form.js';
import type { Deviation, ScoreResult } from '../model/result.js';
import { duplicateIndicators } from '../model/structure.js';
import type { Vocabulary } from '../parse/vocabulary.js';
import { yearMatches } from '../policy/select.js';
import type { Policy } from '../policy/types.js';
import { differs, isEmptyNote, normalizeGrade } from './compare.js';
import { scoreFunds } from './funds.js';
import { scoreIndicator, type IndicatorOutcome } from './indicator/index.js';
import { explainGrade, explainTotal, gradeOf, levelChecks, subtotalsOf, type Totals } from './totals.js';

export { gradeOf };

/** Σ of the rounded parts, rescaled where the policy drops non-applicable rows (rule 61). */
function totalsOf(form: Form, policy: Policy, outcomes: IndicatorOutcome[], budgetPoints: Dec, budgetScore: Dec): Totals {
  const counted = outcomes.filter((o) => !o.skipped);
  const indicatorPoints = sum(counted.map((o) => o.points));
  const rawScore = sum(counted.map((o) => o.score));
  const dropped = outcomes.filter((o) => o.skipped && !o.findings.some((f) => f.code === 'ROW_BLANK'));
  const renormalised = policy.excludeAndRenormalise && dropped.length > 0 && indicatorPoints.greaterThan(ZERO);
  const nominal = policy.totalPoints.minus(budgetPoints);
  const indicatorScore = renormalised ? round(rawScore.times(nominal).div(indicatorPoints), policy.scoreDecimals) : rawScore;
  const total = round(budgetScore.plus(indicatorScore), policy.scoreDecimals);
  const pointsTotal = budgetPoints.plus(indicatorPoints);
  // A skipped row's points are out of both sides of the check (Shanxi rule 41).
  const expectedPoints = policy.totalPoints.minus(sum(outcomes.filter((o) => o.skipped).map((o) => o.points)));
  return { expectedPoints, budgetPoints, budgetScore, indicatorPoints, rawScore, indicatorScore, total, pointsTotal, renormalised, nominal, moneyUnit: form.moneyUnit };
}

function pointChecks(policy: Policy, t: Totals, lang: Lang): Finding[] {
  const out: Finding[] = [];
  if (t.renormalised) out.push(finding('RENORMALISED', '/indicators', { nominal: t.nominal.toString() }, lang));
  if (!t.pointsTotal.equals(t.expectedPoints)) {
    out.push(finding('WEIGHT_SUM', '/indicators', {
      sum: t.pointsTotal.toString(), indicators: t.indicatorPoints.toString(), budget: t.budgetPoints.toString(), expected: t.expectedPoints.toString(),
    }, lang));
  }
  return out;
}

function reportChecks(form: Form, policy: Policy, t: Totals, grade: { label: string } | null, vocab: Vocabulary, lang: Lang): Finding[] {
  const out: Finding[] = [];
  if (form.reportedTotal !== undefined && differs(form.reportedTotal, t.total, policy.tolerance)) {
    out.push(finding('TOTAL_MISMATCH', '/reportedTotal', { reported: form.reportedTotal.toString(), computed: fmt(t.total) }, lang));
  }
  if (form.reportedGrade && grade && normalizeGrade(form.reportedGrade, vocab) !== grade.label) {
    out.push(finding('GRADE_MISMATCH', '/reportedGrade', { reported: form.reportedGrade, computed: grade.label }, lang));
  }
  return out;
}

/** Rows below full points, over-achieved (even when reduced by hand) or left to a person. */
function deviationsOf(form: Form, outcomes: IndicatorOutcome[], vocab: Vocabulary): Deviation[] {
  const out: Deviation[] = [];
  for (const o of outcomes) {
    const r = o.result;
    if (o.skipped) continue;
    const reason = r.status === 'over_achieved' ? 'over_achieved' : r.status === 'needs_review' ? 'needs_review' : o.score.lessThan(o.points) ? 'missed' : null;
    if (!reason) continue;
    const note = form.indicators[r.index].deviationNote ?? null;
    out.push({
      index: r.index, pointer: r.pointer, name: r.name, status: r.status, deviation: r.deviation, score: r.score, points: r.points,
      noteGiven: !isEmptyNote(note, vocab), noteRequired: o.noteRequired, note, reason,
    });
  }
  return out;
}

function summaryOf(findings: Finding[]): ScoreResult['summary'] {
  const count = (s: Severity) => findings.filter((f) => f.severity === s).length;
  const byCode: Record<string, number> = {};
  for (const f of findings) byCode[f.code] = (byCode[f.code] ?? 0) + 1;
  return { errors: count('error'), warnings: count('warning'), infos: count('info'), byCode };
}

function formRef(form: Form): ScoreResult['form'] {
  return {
    id: form.id ?? null, fiscalYear: form.fiscalYear, mofDivCode: form.mofDivCode ?? null, deptCode: form.deptCode ?? null,
    deptName: form.deptName ?? null, agencyCode: form.agencyCode ?? null, agencyName: form.agencyName ?? null,
    proCode: form.proCode ?? null, proName: form.proName,
  };
}

function scopeChecks(form: Form, policy: Policy, lang: Lang): Finding[] {
  if (!policy.isDefault || yearMatches(policy, form.fiscalYear)) return [];
  const from = policy.appliesTo.yearFrom === null ? '…' : String(policy.appliesTo.yearFrom);
  const to = policy.appliesTo.yearTo === null ? '…' : String(policy.appliesTo.yearTo);
  return [finding('POLICY_YEAR_FALLBACK', '/fiscalYear', { policy: policy.id, years: `${from}–${to}`, year: form.fiscalYear }, lang)];
}

export function scoreForm(form: Form, policy: Policy, vocab: Vocabulary, lang: Lang = 'zh'): ScoreResult {
  const funds = scoreFunds(form, policy, vocab, lang);
  const outcomes = form.indicators.map((ind, i) => scoreIndicator(ind, i, policy, vocab, lang));
  const t = totalsOf(form, policy, outcomes, funds.points, funds.score);
  const { level1, level2 } = subtotalsOf(outcomes, policy.scoreDecimals);
  const grade = gradeOf(t.total, policy);
  const findings: Finding[] = [
    ...funds.findings, ...scopeChecks(form, policy, lang), ...duplicateIndicators(form.indicators, lang), ...outcomes.flatMap((o) => o.findings),
    ...pointChecks(policy, t, lang), ...levelChecks(level1, policy, lang), ...reportChecks(form, policy, t, grade, vocab, lang),
  ];
  const reviewRows = outcomes.filter((o) => o.result.status === 'needs_review').length;
  const weightSum = findings.some((f) => f.code === 'WEIGHT_SUM');
  const review = reviewRows > 0 || funds.review;
  const provisional = review || weightSum;
  return {
    schemaVersion: '1',
    status: review ? 'needs_review' : 'scored',
    total: fmt(t.total),
    grade: grade?.label ?? null,
    gradeCode: grade?.code ?? null,
    gradeRequired: policy.gradeRequired,
    provisional,
    explanation: { total: explainTotal(t, policy, level1, reviewRows, weightSum, funds.review), grade: explainGrade(t.total, grade, policy, provisional) },
    pointsTotal: t.pointsTotal.toString(),
    policy: { id: policy.id, version: policy.version, hash: policy.hash, name: policy.name },
    form: formRef(form),
    reported: { total: form.reportedTotal?.toString() ?? null, grade: form.reportedGrade ?? null },
    funds: funds.result,
    indicators: outcomes.map((o) => o.result),
    subtotals: { level1, level2 },
    findings,
    summary: summaryOf(findings),
    deviations: deviationsOf(form, outcomes, vocab),
  };
}
