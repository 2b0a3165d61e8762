/**
 * Statistics of the stored submissions for the bureau, computed with Decimals from the current
 * score of each submission: counts by grade, funds covered (Σ 全年预算数, 万元), mean and spread
 * of the totals, the most frequent findings, and the anomalies, grouped by department.
 */
import { BigDec, Dec, fmt, sum, ZERO } from '../core/decimal.js';
import type { StatRow } from '../store/types.js';

export const GRADE_ORDER = ['优', '良', '中', '差'] as const;
/** The key under which submissions without a grade (needs review) are counted. */
export const UNGRADED = '未定级';

export type AnomalyKind = 'total_mismatch' | 'grade_mismatch' | 'grade_changed_by_rescore' | 'points_not_100';

export interface Anomaly {
  id: string;
  proCode: string | null;
  proName: string;
  agencyCode: string;
  kinds: AnomalyKind[];
  total: string;
  grade: string | null;
  reportedTotal: string | null;
  reportedGrade: string | null;
  firstGrade: string | null;
  pointsTotal: string;
}

export interface ScoreSpread {
  mean: string | null;
  /** Population standard deviation. */
  stddev: string | null;
  min: string | null;
  max: string | null;
}

export interface GroupStats {
  count: number;
  grades: Record<string, number>;
  /** Σ 全年预算数 in 万元, two decimals. */
  funds: string;
  score: ScoreSpread;
}

export interface DepartmentStats extends GroupStats {
  deptCode: string;
  deptName: string | null;
  anomalyCounts: Record<AnomalyKind, number>;
  anomalies: Anomaly[];
}

export interface Stats extends GroupStats {
  moneyUnit: '万元';
  topFindings: { code: string; projects: number; occurrences: number }[];
  anomalyCounts: Record<AnomalyKind, number>;
  departments: DepartmentStats[];
}

export function gradeCounts(rows: readonly Pick<StatRow, 'grade'>[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const g of GRADE_ORDER) out[g] = 0;
  for (const r of rows) {
    const g = r.grade ?? UNGRADED;
    out[g] = (out[g] ?? 0) + 1;
  }
  return out;
}

export function fundsOf(rows: readonly Pick<StatRow, 'budgetWan'>[]): string {
  return fmt(sum(rows.map((r) => new Dec(r.budgetWan))), 2);
}

export function spread(totals: readonly string[]): ScoreSpread {
  if (totals.length === 0) return { mean: null, stddev: null, min: null, max: null };
  const xs = totals.map((t) => new Dec(t));
  const n = new Dec(xs.length);
  const mean = sum(xs).div(n);
  // A root is no exact scaled integer: decimal.js (40 digits) for the spread alone.
  const variance = xs.reduce((a, x) => a.plus(new BigDec(x.minus(mean).toString()).pow(2)), new BigDec(0)).div(xs.length);
  let lo = xs[0];
  let hi = xs[0];
  for (const x of xs) {
    if (x.lessThan(lo)) lo = x;
    if (x.greaterThan(hi)) hi = x;
  }
  return { mean: fmt(mean, 2), stddev: fmt(new Dec(variance.sqrt().toString()), 2), min: fmt(lo, 2), max: fmt(hi, 2) };
}

function group(rows: readonly StatRow[]): GroupStats {
  return { count: rows.length, grades: gradeCounts(rows), funds: fundsOf(rows), score: spread(rows.map((r) => r.total)) };
}

const HUNDRED = new Dec(100);

export function anomalyOf(r: StatRow): Anomaly | null {
  const kinds: AnomalyKind[] = [];
  if (r.findings.TOTAL_MISMATCH) kinds.push('total_mismatch');
  if (r.findings.GRADE_MISMATCH) kinds.push('grade_mismatch');
  if (r.firstGrade !== r.grade) kinds.push('grade_changed_by_rescore');
  if (!new Dec(r.pointsTotal || ZERO).eq(HUNDRED)) kinds.push('points_not_100');
  if (!kinds.length) return null;
  return {
    id: r.id,
    proCode: r.proCode,
    proName: r.proName,
    agencyCode: r.agencyCode,
    kinds,
    total: r.total,
    grade: r.grade,
    reportedTotal: r.reportedTotal,
    reportedGrade: r.reportedGrade,
    firstGrade: r.firstGrade,
    pointsTotal: r.pointsTotal,
  };
}

function countKinds(list: readonly Anomaly[]): Record<AnomalyKind, number> {
  const out: Record<AnomalyKind, number> = { total_mismatch: 0, grade_mismatch: 0, grade_changed_by_rescore: 0, points_not_100: 0 };
  for (const a of list) for (const k of a.kinds) out[k]++;
  return out;
}

export function computeStats(rows: readonly StatRow[], topN = 10): Stats {
  const findings = new Map<string, { projects: number; occurrences: number }>();
  for (const r of rows) {
    for (const [code, n] of Object.entries(r.findings)) {
      const f = findings.get(code) ?? { projects: 0, occurrences: 0 };
      f.projects++;
      f.occurrences += n;
      findings.set(code, f);
    }
  }
  const topFindings = [...findings.entries()]
    .map(([code, f]) => ({ code, ...f }))
    .sort((a, b) => b.projects - a.projects || b.occurrences - a.occurrences || a.code.localeCompare(b.code))
    .slice(0, topN);

  const byDept = new Map<string, StatRow[]>();
  for (const r of rows) {
    const list = byDept.get(r.deptCode);
    if (list) list.push(r);
    else byDept.set(r.deptCode, [r]);
  }
  const departments: DepartmentStats[] = [...byDept.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([deptCode, rs]) => {
      const anomalies = rs.map(anomalyOf).filter((a): a is Anomaly => a !== null);
      return {
        deptCode,
        deptName: rs.find((r) => r.deptName)?.deptName ?? null,
        ...group(rs),
        anomalyCounts: countKinds(anomalies),
        anomalies,
      };
    });
  const all = departments.flatMap((d) => d.anomalies);
  return { ...group(rows), moneyUnit: '万元', topFindings, anomalyCounts: countKinds(all), departments };
}
