/**
 * The answers of a scored department form: the full ScoreResult (`kind: "department"`, with the
 * department block) and the brief one. Every pointer of a row points into its goal.
 */
import type { Finding, Lang } from '../codes.js';
import { fmt } from '../decimal.js';
import { indicatorFindings, indicatorResult } from '../engine/indicator/index.js';
import { localiseAll, summaryOf } from '../engine/pending.js';
import { explainGrade, groupsOf, subtotalsOf } from '../engine/totals.js';
import type { BriefResult, IndicatorResult, ScoreResult } from '../model/result.js';
import { block, deviationsOf, type DepartmentScoring } from './score.js';
import { mapPointer } from './view.js';

function rows(c: DepartmentScoring): IndicatorResult[] {
  return c.outcomes.map((o) => ({ ...indicatorResult(o), pointer: mapPointer(`/indicators/${o.row.index}`, c.slots) }));
}

function findingsOf(c: DepartmentScoring, lang: Lang): Finding[] {
  const rowFindings = c.outcomes.flatMap((o) => indicatorFindings(o, lang)).map((f) => ({ ...f, pointer: mapPointer(f.pointer, c.slots) }));
  return [
    ...localiseAll(c.money.funds.findings, lang), ...localiseAll(c.money.findings, lang), ...localiseAll(c.before, lang),
    ...rowFindings, ...localiseAll(c.after, lang),
  ];
}

function reviewRows(c: DepartmentScoring): number {
  return c.outcomes.filter((o) => o.status === 'needs_review').length;
}

/** The funds block's points are undecided (funds.ts REVIEW_CODES): the form needs review, like a row to review. */
function needsReview(c: DepartmentScoring): boolean {
  return reviewRows(c) > 0 || c.money.funds.review;
}

function provisionalOf(c: DepartmentScoring): boolean {
  return needsReview(c) || c.after.some((p) => p.code === 'WEIGHT_SUM' || p.code === 'GOAL_RATIO_SUM');
}

function explainTotal(c: DepartmentScoring): string {
  const dp = c.policy.scoreDecimals;
  const parts = [`预算执行率得分 ${fmt(c.money.funds.score, dp)}`, ...c.goals.goals.map((g) => `${g.name} ${g.score}`)];
  const why: string[] = [];
  const n = reviewRows(c);
  if (c.money.funds.review) why.push('预算执行情况需人工复核');
  if (n > 0) why.push(`${n}个指标需人工复核`);
  if (c.after.some((p) => p.code === 'WEIGHT_SUM')) why.push('分值合计与政策总分不符');
  if (c.after.some((p) => p.code === 'GOAL_RATIO_SUM')) why.push('权重比例合计不等于100%');
  return `${parts.join(' + ')} = ${fmt(c.total, dp)}分${why.length ? `（暂定：${why.join('；')}）` : ''}`;
}

export function departmentResult(c: DepartmentScoring, lang: Lang = 'zh'): ScoreResult {
  const { form, view, policy, grade } = c;
  const findings = findingsOf(c, lang);
  const indicators = rows(c);
  const provisional = provisionalOf(c);
  return {
    kind: 'department',
    schemaVersion: '1',
    status: needsReview(c) ? 'needs_review' : 'scored',
    total: fmt(c.total),
    grade: grade?.label ?? null,
    gradeCode: grade?.code ?? null,
    gradeRequired: policy.gradeRequired,
    provisional,
    explanation: { total: explainTotal(c), grade: explainGrade(c.total, grade, policy, provisional) },
    pointsTotal: c.money.funds.points.plus(c.goals.indicatorPoints).toString(),
    policy: { id: policy.id, version: policy.version, hash: policy.hash, name: policy.name },
    form: {
      id: form.id ?? null, fiscalYear: form.fiscalYear, mofDivCode: form.mofDivCode ?? null, deptCode: form.deptCode ?? null,
      deptName: form.deptName ?? null, agencyCode: form.agencyCode ?? null, agencyName: form.agencyName ?? null, proCode: null, proName: view.proName,
    },
    reported: { total: form.reportedTotal?.toString() ?? null, grade: form.reportedGrade ?? null },
    funds: c.money.funds.result(),
    indicators,
    subtotals: subtotalsOf(groupsOf(c.outcomes), policy.scoreDecimals),
    findings,
    summary: summaryOf(findings.map((f) => f.code)),
    deviations: deviationsOf(c.outcomes, indicators, c.vocab),
    department: block(form, c.listId, c.money, c.goals),
  };
}

/** The brief answer, from the full one (department forms are few; the hot path is the project's). */
export function departmentBrief(full: ScoreResult): BriefResult {
  return {
    status: full.status, total: full.total, grade: full.grade, gradeCode: full.gradeCode, provisional: full.provisional, policy: full.policy, summary: full.summary,
    indicators: full.indicators.map((r) => ({ index: r.index, score: r.score, status: r.status, findings: r.findings })),
  };
}
