/**
 * Subtotals per 一级 / 二级, the policy's points per 一级, the grade, and the sentences that
 * explain the total and the grade ("预算执行率得分 8.76 + 产出指标 45.00 + … = 93.76", "93.76 ≥ 90 → 优").
 */
import { finding, type Finding, type Lang } from '../codes.js';
import { ZERO, fmt, type Dec } from '../decimal.js';
import type { IndicatorResult, Subtotal } from '../model/result.js';
import type { Policy } from '../policy/types.js';
import type { IndicatorOutcome } from './indicator/index.js';

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

interface Group { key: string | null; name: string; level1?: string; parent: string; points: Dec; score: Dec; parts: string[] }

type Make = (r: IndicatorResult) => Pick<Group, 'key' | 'name' | 'level1'>;

const bare = (s: string) => s.replace(/\s+/g, '');
const l1id = (r: IndicatorResult) => r.level1Key ?? 'name:' + bare(r.level1);
const l2id = (r: IndicatorResult) => (r.level1Key ?? bare(r.level1)) + '\u0000' + (r.level2Key ?? bare(r.level2));

function group(outcomes: IndicatorOutcome[], id: (r: IndicatorResult) => string, make: Make): Group[] {
  const groups = new Map<string, Group>();
  for (const o of outcomes) {
    if (o.skipped) continue;
    const k = id(o.result);
    let g = groups.get(k);
    if (!g) groups.set(k, (g = { ...make(o.result), parent: l1id(o.result), points: ZERO, score: ZERO, parts: [] }));
    g.points = g.points.plus(o.points);
    g.score = g.score.plus(o.score);
    g.parts.push(`${o.result.name} ${o.result.score}`);
  }
  return [...groups.values()];
}

function out(g: Group, dp: number, parts: string[]): Subtotal {
  const sum = fmt(g.score, dp);
  const s: Subtotal = { key: g.key, name: g.name, points: g.points.toString(), score: sum, explanation: `${g.name}：${parts.join(' + ')} = ${sum}分` };
  if (g.level1 !== undefined) s.level1 = g.level1;
  return s;
}

/** Σ per 二级 of its rows, Σ per 一级 of its 二级, each with the sum written out. */
export function subtotalsOf(outcomes: IndicatorOutcome[], dp: number): { level1: Subtotal[]; level2: Subtotal[] } {
  const l2 = group(outcomes, l2id, (r) => ({ key: r.level2Key, name: r.level2, level1: r.level1 }));
  const l1 = group(outcomes, l1id, (r) => ({ key: r.level1Key, name: r.level1 }));
  const level2 = l2.map((g) => out(g, dp, g.parts));
  const level1 = l1.map((g) => {
    const children = l2.filter((c) => c.parent === g.parent);
    return out(g, dp, children.map((c) => `${c.name} ${fmt(c.score, dp)}`));
  });
  return { level1, level2 };
}

/** The policy's points per 一级; a joined key (Hubei "benefit+satisfaction" = 40) is checked on the sum. */
export function levelChecks(level1: Subtotal[], policy: Policy, lang: Lang): Finding[] {
  const found: Finding[] = [];
  for (const lp of policy.levelPoints) {
    const groups = level1.filter((s) => s.key !== null && lp.keys.includes(s.key));
    const got = groups.reduce((a, s) => a.plus(s.points), ZERO);
    if (groups.length > 0 && !got.equals(lp.points)) {
      found.push(finding('LEVEL_POINTS_DEVIATE', '/indicators', { level1: groups.map((s) => s.name).join('+'), sum: got.toString(), expected: lp.points.toString() }, lang));
    }
  }
  return found;
}

/** Why the total is provisional, in words; '' when it is not. */
function caveat(t: Totals, policy: Policy, reviewRows: number, weightSum: boolean, fundsReview: boolean): string {
  const reasons: string[] = [];
  if (fundsReview) reasons.push('预算执行情况需人工复核');
  if (reviewRows > 0) reasons.push(`${reviewRows}个指标需人工复核`);
  if (weightSum) reasons.push(`分值合计${t.pointsTotal.toString()}分，不等于${t.expectedPoints.toString()}分`);
  return reasons.length ? `暂定：${reasons.join('；')}` : '';
}

export function explainTotal(t: Totals, policy: Policy, level1: Subtotal[], reviewRows: number, weightSum: boolean, fundsReview = false): string {
  const dp = policy.scoreDecimals;
  const budget = `预算执行率得分 ${fmt(t.budgetScore, dp)}`;
  const parts = t.renormalised
    ? [`指标得分 ${fmt(t.indicatorScore, dp)}（不适用指标剔除后，按 ${fmt(t.rawScore, dp)} × ${t.nominal.toString()} ÷ ${t.indicatorPoints.toString()} 折算）`]
    : level1.map((s) => `${s.name} ${s.score}`);
  const why = caveat(t, policy, reviewRows, weightSum, fundsReview);
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
