/**
 * Subtotals per 一级 / 二级, the policy's points per 一级, the grade, and the sentences that
 * explain the total and the grade ("预算执行率得分 8.76 + 产出指标 45.00 + … = 93.76", "93.76 ≥ 90 → 优").
 */
import { ZERO, fmt, type Dec } from '../decimal.js';
import type { Subtotal } from '../model/result.js';
import type { Policy } from '../policy/types.js';
import type { IndicatorOutcome } from './indicator/index.js';
import { pending, type Pending } from './pending.js';

export interface Totals {
  /** The policy's total less the points of skipped rows. */
  expectedPoints: Dec;
  budgetPoints: Dec;
  budgetScore: Dec;
  indicatorPoints: Dec;
  /** Σ of the counted rows' rounded scores. */
  rawScore: Dec;
  /** rawScore, rescaled when non-applicable rows were dropped (rule 61). */
  indicatorScore: Dec;
  total: Dec;
  pointsTotal: Dec;
  renormalised: boolean;
  nominal: Dec;
  moneyUnit: string;
}

export function gradeOf(total: Dec, policy: Policy): { label: string; code: string; min: Dec } | null {
  const band = policy.grades.find((b) => total.greaterThanOrEqualTo(b.min));
  return band ? { label: band.label, code: band.code, min: band.min } : null;
}

/** The rows of one 一级 or 二级, summed; the written-out sum is built only for the full answer. */
export interface Group {
  key: string | null;
  name: string;
  level1?: string;
  parent: string;
  points: Dec;
  score: Dec;
  members: IndicatorOutcome[];
}

type Make = (o: IndicatorOutcome) => Pick<Group, 'key' | 'name' | 'level1'>;

const bare = (s: string) => s.replace(/\s+/g, '');
const level1Of = (o: IndicatorOutcome) => o.row.ind.level1 ?? '';
const level2Of = (o: IndicatorOutcome) => o.row.ind.level2 ?? '';
/** A row's 一级 (its key, else its name without spaces) and 二级 (likewise): existing strings, no joins. */
const l1id = (o: IndicatorOutcome) => o.row.levels.level1Key ?? 'name:' + bare(level1Of(o));
const l1part = (o: IndicatorOutcome) => o.row.levels.level1Key ?? bare(level1Of(o));
const l2part = (o: IndicatorOutcome) => o.row.levels.level2Key ?? bare(level2Of(o));

/** Rows grouped by (outer, inner) key, the groups in order of first appearance. */
function group(outcomes: IndicatorOutcome[], outer: (o: IndicatorOutcome) => string, inner: ((o: IndicatorOutcome) => string) | null, make: Make): Group[] {
  const index = new Map<string, Map<string, Group>>();
  const groups: Group[] = [];
  for (const o of outcomes) {
    if (o.skipped) continue;
    const k1 = outer(o);
    const k2 = inner ? inner(o) : '';
    let byInner = index.get(k1);
    if (!byInner) index.set(k1, (byInner = new Map()));
    let g = byInner.get(k2);
    if (!g) {
      const m = make(o);
      g = { key: m.key, name: m.name, level1: m.level1, parent: l1id(o), points: ZERO, score: ZERO, members: [] };
      byInner.set(k2, g);
      groups.push(g);
    }
    g.points = g.points.plus(o.points);
    g.score = g.score.plus(o.score);
    g.members.push(o);
  }
  return groups;
}

export interface Groups {
  level1: Group[];
  level2: Group[];
}

/** Σ per 二级 of its rows and Σ per 一级 (numbers only). */
export function groupsOf(outcomes: IndicatorOutcome[]): Groups {
  return {
    level2: group(outcomes, l1part, l2part, (o) => ({ key: o.row.levels.level2Key, name: level2Of(o), level1: level1Of(o) })),
    level1: group(outcomes, l1id, null, (o) => ({ key: o.row.levels.level1Key, name: level1Of(o) })),
  };
}

function out(g: Group, dp: number, parts: string[]): Subtotal {
  const sum = fmt(g.score, dp);
  const s: Subtotal = { key: g.key, name: g.name, points: g.points.toString(), score: sum, explanation: `${g.name}：${parts.join(' + ')} = ${sum}分` };
  if (g.level1 !== undefined) s.level1 = g.level1;
  return s;
}

/** The subtotals as they cross JSON, each with its sum written out. */
export function subtotalsOf(groups: Groups, dp: number): { level1: Subtotal[]; level2: Subtotal[] } {
  const level2 = groups.level2.map((g) => out(g, dp, g.members.map((o) => `${o.row.ind.name ?? ''} ${fmt(o.score, dp)}`)));
  const level1 = groups.level1.map((g) => {
    const children = groups.level2.filter((c) => c.parent === g.parent);
    return out(g, dp, children.map((c) => `${c.name} ${fmt(c.score, dp)}`));
  });
  return { level1, level2 };
}

/** The policy's points per 一级; a joined key (Hubei "benefit+satisfaction" = 40) is checked on the sum. */
export function levelChecks(level1: Group[], policy: Policy): Pending[] {
  const found: Pending[] = [];
  for (const lp of policy.levelPoints) {
    const groups = level1.filter((s) => s.key !== null && lp.keys.includes(s.key));
    const got = groups.reduce((a, s) => a.plus(s.points), ZERO);
    if (groups.length > 0 && !got.equals(lp.points)) {
      found.push(pending('LEVEL_POINTS_DEVIATE', '/indicators', { level1: groups.map((s) => s.name).join('+'), sum: got.toString(), expected: lp.points.toString() }));
    }
  }
  return found;
}

/** Why the total is provisional, in words; '' when it is not. */
/** Why a total may be provisional: rows to review, points that do not add up, a funds block to review. */
export interface Caveats {
  reviewRows: number;
  weightSum: boolean;
  fundsReview?: boolean;
}

function caveat(t: Totals, policy: Policy, { reviewRows, weightSum, fundsReview }: Caveats): string {
  const reasons: string[] = [];
  if (fundsReview) reasons.push('预算执行情况需人工复核');
  if (reviewRows > 0) reasons.push(`${reviewRows}个指标需人工复核`);
  if (weightSum) reasons.push(`分值合计${t.pointsTotal.toString()}分，不等于${t.expectedPoints.toString()}分`);
  return reasons.length ? `暂定：${reasons.join('；')}` : '';
}

export function explainTotal(t: Totals, policy: Policy, level1: Subtotal[], caveats: Caveats): string {
  const dp = policy.scoreDecimals;
  const budget = `预算执行率得分 ${fmt(t.budgetScore, dp)}`;
  const parts = t.renormalised
    ? [`指标得分 ${fmt(t.indicatorScore, dp)}（不适用指标剔除后，按 ${fmt(t.rawScore, dp)} × ${t.nominal.toString()} ÷ ${t.indicatorPoints.toString()} 折算）`]
    : level1.map((s) => `${s.name} ${s.score}`);
  const why = caveat(t, policy, caveats);
  return `${[budget, ...parts].join(' + ')} = ${fmt(t.total, dp)}分${why ? `（${why}）` : ''}`;
}

export function explainGrade(total: Dec, grade: { label: string; min: Dec } | null, policy: Policy, provisional: boolean): string {
  if (!grade) return '';
  const bands = policy.grades;
  const i = bands.findIndex((b) => b.label === grade.label);
  const shown = fmt(total, policy.scoreDecimals);
  const rule = i === bands.length - 1 && i > 0 && grade.min.isZero()
    ? `${shown} < ${bands[i - 1].min.toString()} → ${grade.label}`
    : `${shown} ≥ ${grade.min.toString()} → ${grade.label}`;
  const notes: string[] = [];
  if (provisional) notes.push('暂定，待复核后确定');
  if (!policy.gradeRequired) notes.push('该政策不要求评定等级，仅供参考');
  return notes.length ? `${rule}（${notes.join('；')}）` : rule;
}
