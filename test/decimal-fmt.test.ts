/** fmt's shortcut (digits padded with zeros) gives exactly what toFixed gives. */
import fc from 'fast-check';
import t from 'tap';
import { Dec, fmt } from '../src/core/decimal.js';

t.test('fmt equals toFixed for any decimal and any number of places', async (t) => {
  const digits = fc.tuple(fc.boolean(), fc.bigInt({ min: 0n, max: 10n ** 30n }), fc.integer({ min: -35, max: 35 }));
  fc.assert(
    fc.property(digits, fc.integer({ min: 0, max: 6 }), ([neg, int, exp], dp) => {
      const d = new Dec(`${neg ? '-' : ''}${int}e${exp}`);
      t.equal(fmt(d, dp), d.toFixed(dp));
    }),
    { numRuns: 3000, seed: 7 },
  );
  for (const s of ['0', '-0', '95', '95.5', '8.765', '-0.001', '0.005', '-5.5', '100000', '1e25', '1e-25', '1e45', 'NaN', 'Infinity', '-Infinity']) {
    for (const dp of [0, 1, 2, 4]) t.equal(fmt(new Dec(s), dp), new Dec(s).toFixed(dp), `${s} ${dp}`);
  }
});
