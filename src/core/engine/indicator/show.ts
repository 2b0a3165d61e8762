/**
 * Numbers in the filer's units: a base value (万 multiplied out) is shown back in the target's
 * unit as written ("120万元", never 1200000), and a converted actual says what it was.
 */
import type { Dec } from '../../decimal.js';
import type { QuantValue, RangeValue } from '../../parse/types.js';

export interface Shown {
  /** The target as written in numbers: "90万元", "[90%, 95%]". */
  readonly target: string;
  /** A base value in the target's unit: "120万元". */
  inTarget: (base: Dec) => string;
  /** The actual: "120万元", or "85元（折合0.0085万元）" after a conversion. */
  readonly actual: string;
}

function showIn(target: QuantValue | RangeValue, base: Dec): string {
  return base.div(target.unit.multiplier).toString() + target.unit.raw;
}

/** Written when first read: most rows never show their numbers (a brief answer, no finding). */
class LazyShown implements Shown {
  #target?: string;
  #actual?: string;

  constructor(
    private readonly t: QuantValue | RangeValue,
    private readonly act: QuantValue,
    private readonly a: Dec,
  ) {}

  inTarget(base: Dec): string {
    return showIn(this.t, base);
  }

  get target(): string {
    const t = this.t;
    return (this.#target ??= t.kind === 'range'
      ? `[${t.lower.toString()}${t.unit.raw}, ${t.upper.toString()}${t.unit.raw}]`
      : t.value.toString() + t.unit.raw);
  }

  get actual(): string {
    if (this.#actual !== undefined) return this.#actual;
    const { t, act: actual, a } = this;
    const converted = !actual.unitFromTarget && actual.unit.raw !== t.unit.raw && !actual.unit.multiplier.equals(t.unit.multiplier);
    let act = this.inTarget(a);
    if (!a.equals(actual.baseValue)) act = `${actual.value.toString()}${actual.unit.raw}（按${act}计）`;
    else if (converted) act = `${actual.value.toString()}${actual.unit.raw}（折合${act}）`;
    return (this.#actual = act);
  }
}

export function shown(target: QuantValue | RangeValue, actual: QuantValue, a: Dec): Shown {
  return new LazyShown(target, actual, a);
}
