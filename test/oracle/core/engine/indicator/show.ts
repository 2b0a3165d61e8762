/**
 * Numbers in the filer's units: a base value (万 multiplied out) is shown back in the target's
 * unit as written ("120万元", never 1200000), and a converted actual says what it was.
 */
import type { Dec } from '../../decimal.js';
import type { QuantValue, RangeValue } from '../../parse/types.js';

export interface Shown {
  /** The target as written in numbers: "90万元", "[90%, 95%]". */
  target: string;
  /** A base value in the target's unit: "120万元". */
  inTarget: (base: Dec) => string;
  /** The actual: "120万元", or "85元（折合0.0085万元）" after a conversion. */
  actual: string;
}

function showIn(target: QuantValue | RangeValue, base: Dec): string {
  return base.div(target.unit.multiplier).toString() + target.unit.raw;
}

export function shown(target: QuantValue | RangeValue, actual: QuantValue, a: Dec): Shown {
  const inTarget = (base: Dec) => showIn(target, base);
  const t = target.kind === 'range'
    ? `[${target.lower.toString()}${target.unit.raw}, ${target.upper.toString()}${target.unit.raw}]`
    : target.value.toString() + target.unit.raw;
  const converted = !actual.unitFromTarget && actual.unit.raw !== target.unit.raw && !actual.unit.multiplier.equals(target.unit.multiplier);
  let act = inTarget(a);
  if (!a.equals(actual.baseValue)) act = `${actual.value.toString()}${actual.unit.raw}（按${act}计）`;
  else if (converted) act = `${actual.value.toString()}${actual.unit.raw}（折合${act}）`;
  return { target: t, inTarget, actual: act };
}
