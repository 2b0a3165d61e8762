/** fmt (Exact's toFixed) prints what decimal.js's toFixed printed, for any decimal and any number of places. */
import fc from 'fast-check';
import t from 'tap';
import { BigDec, Dec, fmt } from '../src/core/decimal.js';

t.test('fmt equals decimal.js toFixed for any decimal and any number of places', async (t) => {
  const digits = fc.tuple(fc.boolean(), fc.bigInt({ min: 0n, max: 10n ** 30n }), fc.integer({ min: -35, max: 35 }));
  let differ = 0;
  fc.assert(
    fc.property(digits, fc.integer({ min: 0, max: 6 }), ([neg, int, exp], dp) => {
      const s = `${neg ? '-' : ''}${int}e${exp}`;
      if (fmt(new Dec(s), dp) !== new BigDec(s).toFixed(dp)) differ++;
    }),
    { numRuns: 3000, seed: 7 },
  );
  t.equal(differ, 0, '3000 random decimals');
  for (const s of ['0', '-0', '95', '95.5', '8.765', '-0.001', '0.005', '-5.5', '100000', '1e25', '1e-25', '1e45']) {
    for (const dp of [0, 1, 2, 4]) t.equal(fmt(new Dec(s), dp), new BigDec(s).toFixed(dp), `${s} ${dp}`);
  }
  // Exact numbers have no NaN or infinity: such text is refused where it is read.
  for (const s of ['NaN', 'Infinity', '-Infinity']) t.throws(() => new Dec(s), /Invalid argument/, s);
});
