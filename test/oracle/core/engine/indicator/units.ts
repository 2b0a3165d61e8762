/**
 * Target and actual units (issue 8, rule 3). Same kind, other size (万元 / 元, 亿元 / 万元, 万人 / 人):
 * converted with UNIT_CONVERTED — unless the converted actual is below 1/100 or above 100 times
 * the target, the typo the rule guards against: then UNIT_MISMATCH, needs review. An actual with
 * no unit under a 万 / 亿 target takes the target's unit only when plausible by the same test.
 * Units of different kinds (个 / 项, % / 人) are UNIT_MISMATCH.
 */
import { Dec, ONE, ZERO } from '../../decimal.js';
import type { QuantValue, RangeValue } from '../../parse/types.js';
import type { Note, Row, Scored } from './types.js';

const HUNDRED = new Dec(100);
const ONE_HUNDREDTH = new Dec('0.01');

/** The number the target is compared with for plausibility: the value, or a range's lower bound. */
function targetBase(t: QuantValue | RangeValue): Dec {
  return t.kind === 'range' ? (t.lowerBase.isZero() ? t.upperBase : t.lowerBase) : t.baseValue;
}

export function implausible(a: Dec, t: Dec): boolean {
  if (a.isZero() || t.isZero()) return false;
  const r = a.div(t).abs();
  return r.lessThan(ONE_HUNDREDTH) || r.greaterThan(HUNDRED);
}

function mismatch(row: Row, problem: string, problemEn: string, how: string): Scored {
  const notes: Note[] = [{
    code: 'UNIT_MISMATCH', field: 'actual',
    params: { target: row.target.raw, actual: row.actual.raw, problem, problemEn },
  }];
  return { score: ZERO, method: 'none', state: 'review', how, notes, manual: 'free', direction: null };
}

/**
 * "0.95" with no unit under "≥95%": read as 0.95 % it scores almost nothing, read as a ratio it is
 * 95 %. The rules do not say which; a unitless actual in (0, 1] under a percent target above 1 is
 * left to a person.
 */
function looksLikeFraction(t: QuantValue | RangeValue, a: QuantValue): boolean {
  if (!a.unitFromTarget || t.unit.base !== '%') return false;
  return a.value.greaterThan(ZERO) && !a.value.greaterThan(ONE) && targetBase(t).greaterThan(ONE);
}

/** null when the units allow scoring (notes get UNIT_CONVERTED where they were converted). */
export function checkUnits(row: Row, t: QuantValue | RangeValue, a: QuantValue, notes: Note[]): Scored | null {
  const tu = t.unit;
  const au = a.unit;
  if (tu.base && au.base && tu.base !== au.base) {
    return mismatch(row, `的单位“${tu.raw}”与“${au.raw}”不是同类单位`, `are in units of different kinds ("${tu.raw}", "${au.raw}")`,
      `指标值单位“${tu.raw}”与实际完成值单位“${au.raw}”不是同类单位，未自动评分，需人工复核`);
  }
  if (looksLikeFraction(t, a)) {
    return mismatch(row, `未写单位且不大于1，是否为小数形式的比率（即${a.value.times(HUNDRED).toString()}%）无法判断`, 'are a percentage and a unitless number up to 1 that may be a ratio',
      `实际完成值“${a.raw}”未写单位且不大于1，指标值为${t.raw}，可能是小数形式的比率（${a.value.times(HUNDRED).toString()}%），未自动评分，需人工复核`);
  }
  const scaledTarget = !tu.multiplier.equals(1);
  const converted = !a.unitFromTarget && !!au.base && !au.multiplier.equals(tu.multiplier);
  if (!converted && !(a.unitFromTarget && scaledTarget)) return null;
  if (implausible(a.baseValue, targetBase(t))) {
    const shown = a.baseValue.div(tu.multiplier).toString() + tu.raw;
    const as = converted ? `${a.value.toString()}${au.raw}，折合${shown}` : `未写单位，按指标值单位计为${shown}`;
    return mismatch(row, `换算后相差100倍以上（${as}）`, 'are more than 100 times apart after conversion',
      `实际完成值${as}，与指标值${t.raw}相差100倍以上，疑为单位填写错误，未自动评分，需人工复核`);
  }
  if (converted) {
    const conversion = `${a.value.toString()}${au.raw} = ${a.baseValue.div(tu.multiplier).toString()}${tu.raw}`;
    notes.push({ code: 'UNIT_CONVERTED', field: 'actual', params: { actualUnit: au.raw, targetUnit: tu.raw, conversion } });
  }
  return null;
}
