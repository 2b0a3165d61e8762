/**
 * score(form, policy): every number of a 自评表 recomputed exactly, every problem found
 * (scoring-rules.md §6). Pure: no I/O, no clock, no logger — the same input gives the same output.
 */
import { finding, type Finding, type Lang, type Severity } from '../codes.js';
import { ZERO, fmt, round, sum, type Dec } from '../decimal.js';
import type { Form } from '../model/form.js';
import type { Deviation, IndicatorResult, ScoreResult, Subtotal } from '../model/result.js';
import { duplicateIndicators } from '../model/structure.js';
import type { Vocabulary } from '../parse/vocabulary.js';
import type { Policy } from '../policy/types.js';
import { differs, isEmptyNote, normalizeGrade } from './compare.js';
import { scoreFunds } from './funds.js';
import { scoreIndicator, type IndicatorOutcome } from './indicator.js';

export function gradeOf(total: Dec, policy: Policy): { label: string; code: string } | null {
  if (!policy.grades) return null;
  const band = policy.grades.find((b) => total.greaterThanOrEqualTo(b.min));
  return band ? { label: band.label, code: band.code } : null;
}

function subtotals(outcomes: IndicatorOutcome[], by: (r: IndicatorResult) => string, key: (r: IndicatorResult) => string | null, withLevel1: boolean): Subtotal[] {
  const groups = new Map<string, { key: string | null; name: string; level1?: string; points: Dec; score: Dec }>();
  for (const o of outcomes) {
    if (o.skipped) continue;
    const r = o.result;
    const id = by(r);
    let g = groups.get(id);
    if (!g) {
      g = { key: key(r), name: withLevel1 ? r.level2 : r.level1, points: ZERO, score: ZERO };
      if (withLevel1) g.level1 = r.level1;
      groups.set(id, g);
    }
    g.points = g.points.plus(o.points);
    g.score = g.score.plus(o.score);
  }
  return [...groups.values()].map((g) => ({ ...g, points: g.points.toString(), score: fmt(g.score) }));
}

export function scoreForm(form: Form, policy: Policy, vocab: Vocabulary, lang: Lang = 'zh'): ScoreResult {
  const findings: Finding[] = [];
  const funds = scoreFunds(form, policy, lang);
  findings.push(...funds.findings);
  findings.push(...duplicateIndicators(form.indicators, lang));

  const outcomes = form.indicators.map((ind, i) => scoreIndicator(ind, i, policy, vocab, lang));
  for (const o of outcomes) findings.push(...o.findings);
  const counted = outcomes.filter((o) => !o.skipped);

  const budgetPoints = funds.points;
  const budgetScore = funds.score;
  const indicatorPoints = sum(counted.map((o) => o.points));
  let indicatorScore = sum(counted.map((o) => o.score));
  if (policy.excludeAndRenormalise && counted.length < outcomes.length && indicatorPoints.greaterThan(ZERO)) {
    const nominal = policy.totalPoints.minus(budgetPoints);
    indicatorScore = round(indicatorScore.times(nominal).div(indicatorPoints), policy.scoreDecimals);
    findings.push(finding('RENORMALISED', '/indicators', { nominal: nominal.toString() }, lang));
  }
  const total = round(budgetScore.plus(indicatorScore), policy.scoreDecimals);
  const pointsTotal = budgetPoints.plus(indicatorPoints);

  const renormalised = policy.excludeAndRenormalise && counted.length < outcomes.length;
  if (!pointsTotal.equals(policy.totalPoints) && !renormalised) {
    findings.push(finding('WEIGHT_SUM', '/indicators', {
      sum: pointsTotal.toString(),
      indicators: indicatorPoints.toString(),
      budget: budgetPoints.toString(),
      expected: policy.totalPoints.toString(),
    }, lang));
  }
  const level1 = subtotals(outcomes, (r) => r.level1Key ?? 'name:' + r.level1.replace(/\s+/g, ''), (r) => r.level1Key, false);
  for (const s of level1) {
    const expected = s.key ? policy.levelPoints[s.key] : undefined;
    if (expected && !expected.equals(s.points)) {
      findings.push(finding('LEVEL_POINTS_DEVIATE', '/indicators', { level1: s.name, sum: s.points, expected: expected.toString() }, lang));
    }
  }
  const level2 = subtotals(
    outcomes,
    (r) => (r.level1Key ?? r.level1.replace(/\s+/g, '')) + '\u0000' + (r.level2Key ?? r.level2.replace(/\s+/g, '')),
    (r) => r.level2Key,
    true,
  );

  const grade = gradeOf(total, policy);
  if (form.reportedTotal !== undefined && differs(form.reportedTotal, total, policy.tolerance)) {
    findings.push(finding('TOTAL_MISMATCH', '/reportedTotal', { reported: form.reportedTotal.toString(), computed: fmt(total) }, lang));
  }
  if (form.reportedGrade && grade && normalizeGrade(form.reportedGrade) !== grade.label) {
    findings.push(finding('GRADE_MISMATCH', '/reportedGrade', { reported: form.reportedGrade, computed: grade.label }, lang));
  }

  const deviations: Deviation[] = [];
  for (const o of outcomes) {
    const r = o.result;
    const reason = r.status === 'over_achieved' ? 'over_achieved' : r.status === 'needs_review' ? 'needs_review' : o.score.lessThan(o.points) && !o.skipped ? 'missed' : null;
    if (!reason) continue;
    const note = form.indicators[r.index].deviationNote ?? null;
    deviations.push({
      index: r.index,
      pointer: r.pointer,
      name: r.name,
      status: r.status,
      deviation: r.deviation,
      score: r.score,
      points: r.points,
      noteGiven: !isEmptyNote(note ?? undefined),
      note,
      reason,
    });
  }

  const count = (s: Severity) => findings.filter((f) => f.severity === s).length;
  const byCode: Record<string, number> = {};
  for (const f of findings) byCode[f.code] = (byCode[f.code] ?? 0) + 1;

  return {
    schemaVersion: '1',
    status: outcomes.some((o) => o.result.status === 'needs_review') ? 'needs_review' : 'scored',
    total: fmt(total),
    grade: grade?.label ?? null,
    gradeCode: grade?.code ?? null,
    pointsTotal: pointsTotal.toString(),
    policy: { id: policy.id, version: policy.version, hash: policy.hash, name: policy.name },
    form: {
      id: form.id ?? null,
      fiscalYear: form.fiscalYear,
      mofDivCode: form.mofDivCode ?? null,
      deptCode: form.deptCode ?? null,
      deptName: form.deptName ?? null,
      agencyCode: form.agencyCode ?? null,
      agencyName: form.agencyName ?? null,
      proCode: form.proCode ?? null,
      proName: form.proName,
    },
    reported: { total: form.reportedTotal?.toString() ?? null, grade: form.reportedGrade ?? null },
    funds: funds.result,
    indicators: outcomes.map((o) => o.result),
    subtotals: { level1, level2 },
    findings,
    summary: { errors: count('error'), warnings: count('warning'), infos: count('info'), byCode },
    deviations,
  };
}
