/**
 * src/core/exact.ts against decimal.js (precision 40, ROUND_HALF_UP — the arithmetic it replaced):
 * every operation the engine uses, on random decimals from tiny to beyond 2^53 and 40 digits,
 * negatives and signed zeros included, must print the same strings and compare the same.
 */
import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import t from 'tap';
import { Exact, divRound, mulDivRound } from '../src/core/exact.js';

const D = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP, toExpNeg: -40, toExpPos: 40 });

const digits = (max: number) => fc.string({ unit: fc.constantFrom(...'0123456789'.split('')), minLength: 1, maxLength: max });
/** Decimal strings: short ones (the common case), long ones (the BigInt path), signed zeros. */
const decimalText = fc.oneof(
  fc.tuple(fc.constantFrom('', '-'), digits(6), fc.option(digits(4), { nil: undefined })).map(([s, i, f]) => (f === undefined ? s + i : `${s}${i}.${f}`)),
  fc.tuple(fc.constantFrom('', '-'), digits(25), fc.option(digits(25), { nil: undefined })).map(([s, i, f]) => (f === undefined ? s + i : `${s}${i}.${f}`)),
  fc.constantFrom('0', '-0', '0.000', '-0.00', '1e5', '1.5e-3', '-2.50E+2', '9007199254740993', '0.1', '100', '0.005', '-0.005', '1e45', '1e-45'),
);

const same = (e: InstanceType<typeof D>, x: Exact) => e.toString() === x.toString() && e.isNegative() === x.isNegative() && e.decimalPlaces() === x.decimalPlaces();

function check(t: Test, name: string, prop: fc.IPropertyWithHooks<unknown[]> | fc.IProperty<unknown[]>) {
  const r = fc.check(prop as fc.IProperty<unknown[]>, { numRuns: 3000, seed: 9 });
  t.equal(r.failed ? `counterexample ${JSON.stringify(r.counterexample)}` : 'ok', 'ok', name);
}
import type { Test } from 'tap';

t.test('construction and printing', async (t) => {
  check(t, 'toString, toFixed(0..6), decimalPlaces, sign', fc.property(decimalText, fc.integer({ min: 0, max: 6 }), (s, dp) => {
    const e = new D(s);
    const x = new Exact(s);
    return same(e, x) && e.toFixed(dp) === x.toFixed(dp) && e.toJSON() === x.toJSON();
  }));
  for (const [input, expected] of [['95.00', '95'], ['-0', '0'], ['1e45', '1e+45'], ['0.0000000000000000000000000000000000000000015', '1.5e-42'], ['007.50', '7.5']] as const) {
    t.equal(new Exact(input).toString(), expected, `"${input}"`);
  }
  t.equal(new Exact(0.1).toString(), '0.1', 'a number reads as its shortest text');
  t.throws(() => new Exact('abc'), /Invalid argument/);
  t.throws(() => new Exact(''), /Invalid argument/);
});

t.test('arithmetic rounds like decimal.js at 40 digits', async (t) => {
  for (const [op, f, g] of [
    ['plus', (a: InstanceType<typeof D>, b: InstanceType<typeof D>) => a.plus(b), (a: Exact, b: Exact) => a.plus(b)],
    ['minus', (a: InstanceType<typeof D>, b: InstanceType<typeof D>) => a.minus(b), (a: Exact, b: Exact) => a.minus(b)],
    ['times', (a: InstanceType<typeof D>, b: InstanceType<typeof D>) => a.times(b), (a: Exact, b: Exact) => a.times(b)],
  ] as const) {
    check(t, op, fc.property(decimalText, decimalText, (a, b) => same(f(new D(a), new D(b)), g(new Exact(a), new Exact(b)))));
  }
  check(t, 'div', fc.property(decimalText, decimalText, (a, b) => {
    if (new D(b).isZero()) return true;
    return same(new D(a).div(new D(b)), new Exact(a).div(new Exact(b)));
  }));
  check(t, 'comparisons', fc.property(decimalText, decimalText, (a, b) => {
    const e = new D(a).comparedTo(new D(b));
    const x = new Exact(a);
    const y = new Exact(b);
    return e === x.comparedTo(y) && (e > 0) === x.greaterThan(y) && (e >= 0) === x.greaterThanOrEqualTo(y) && (e < 0) === x.lessThan(y) && (e === 0) === x.equals(y);
  }));
  check(t, 'toDecimalPlaces, abs', fc.property(decimalText, fc.integer({ min: 0, max: 8 }), (a, dp) => same(new D(a).toDecimalPlaces(dp), new Exact(a).toDecimalPlaces(dp)) && same(new D(a).abs(), new Exact(a).abs())));
});

t.test('one-step roundings equal decimal.js divide-then-round', async (t) => {
  check(t, 'divRound(n, d, dp) = round(n ÷ d, dp)', fc.property(decimalText, decimalText, fc.integer({ min: 0, max: 6 }), (a, b, dp) => {
    if (new D(b).isZero()) return true;
    return same(new D(a).div(new D(b)).toDecimalPlaces(dp), divRound(new Exact(a), new Exact(b), dp));
  }));
  check(t, 'mulDivRound(n, w, d, dp) = round(n × w ÷ d, dp)', fc.property(decimalText, decimalText, decimalText, fc.integer({ min: 0, max: 4 }), (a, w, b, dp) => {
    if (new D(b).isZero()) return true;
    return same(new D(a).times(new D(w)).div(new D(b)).toDecimalPlaces(dp), mulDivRound(new Exact(a), new Exact(w), new Exact(b), dp));
  }));
  // Exact halves round away from zero: 155 ÷ 600 × 3 = 0.775 → 0.78; −0.005 → −0.01.
  t.equal(mulDivRound(new Exact(155), new Exact(3), new Exact(600), 2).toString(), '0.78');
  t.equal(divRound(new Exact('-0.005'), new Exact(1), 2).toString(), '-0.01');
  t.equal(divRound(new Exact(8761), new Exact(100), 1).toString(), '87.6');
});
