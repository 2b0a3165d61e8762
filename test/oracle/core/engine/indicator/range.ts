/**
 * A range target ("90%-95%", "5~10个"; issue 8 rule 8): inside → full points; below → against the
 * lower bound; above → full points with ABOVE_RANGE, except for indicators read as reverse, where
 * above is the miss (reverse rule on the upper bound). The 偏离度 is measured against the bound used.
 */
import { ZERO, fmt, type Dec } from '../../decimal.js';
import type { RangeValue } from '../../parse/types.js';
import { positive, reverse, type Formula } from './formulas.js';
import type { Shown } from './show.js';
import type { Row, Scored } from './types.js';

function deviationFrom(a: Dec, bound: Dec): Dec | null {
  return bound.isZero() ? null : a.minus(bound).div(bound);
}

export function scoreRange(row: Row, t: RangeValue, a: Dec, s: Shown): Scored {
  const { w, dp } = row;
  const lo = t.lowerBase;
  const hi = t.upperBase;
  const head = `指标区间${s.target}，实际值${s.actual}`;
  const base = { method: 'range' as const, direction: 'range' as const, manual: 'policy' as const, notes: [] as Scored['notes'] };
  if (a.greaterThanOrEqualTo(lo) && a.lessThanOrEqualTo(hi)) {
    return { ...base, score: w, state: 'met', ratio: null, deviation: null, how: `${head}，在区间内，得满分${w.toString()}分` };
  }
  if (a.lessThan(lo)) {
    if (!lo.greaterThan(ZERO)) {
      return { ...base, score: ZERO, state: 'review', manual: 'free', how: `${head}，低于下限${s.inTarget(lo)}，下限不为正数，比例公式不适用，需人工复核` };
    }
    const f = positive(a, lo, w, dp);
    return { ...base, ...pick(f), deviation: deviationFrom(a, lo), how: `${head}，低于下限，按比例 ${s.inTarget(a)} ÷ ${s.inTarget(lo)} × ${w.toString()} = ${fmt(f.score, dp)}分` };
  }
  if (row.reverseRead) {
    const f = reverse(a, hi, w, dp, row.policy.quantitative.reverseFormula);
    return { ...base, ...pick(f), deviation: deviationFrom(a, hi), how: `${head}，高于上限${s.inTarget(hi)}（反向指标），按反向规则得${fmt(f.score, dp)}分` };
  }
  base.notes.push({ code: 'ABOVE_RANGE', field: 'actual', params: { actual: s.actual, upper: s.inTarget(hi) } });
  return { ...base, score: w, state: 'met', ratio: null, deviation: deviationFrom(a, hi), how: `${head}，高于上限${s.inTarget(hi)}，得满分${w.toString()}分（请分析区间设定是否合理）` };
}

function pick(f: Formula): Pick<Scored, 'score' | 'ratio' | 'state'> {
  return { score: f.score, ratio: f.ratio, state: f.met ? 'met' : 'partly' };
}
