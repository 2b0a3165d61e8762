/**
 * Exact decimal numbers as scaled integers: value = c × 10^−s. The coefficient is a JS number
 * while it is a safe integer (every amount, rate, point and score a form holds), a BigInt beyond.
 * Semantics are decimal.js's with precision 40 and ROUND_HALF_UP (half away from zero), so the
 * engine's answers are byte-identical to the decimal.js engine it replaced (test/oracle/):
 * construction is exact; +, −, ×, ÷ round to 40 significant digits (only ever reached on the
 * BigInt path: a safe integer has at most 16); a negative zero is kept where decimal.js keeps it.
 * The hot path uses `divRound` / `mulDivRound` (one exact rounding, no 40-digit quotient).
 */

const MAX = Number.MAX_SAFE_INTEGER;
const P10 = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];
const PRECISION = 40;
const EXP_LIMIT = 40;

type Coef = number | bigint;
/** What decimal.js's methods accept: a number, a decimal string or another value. */
export type ExactValue = Exact | string | number;

function of(v: ExactValue): Exact {
  return v instanceof Exact ? v : new Exact(v);
}

function pow10n(k: number): bigint {
  return 10n ** BigInt(k);
}

function digitsOf(c: bigint): number {
  return (c < 0n ? -c : c).toString().length;
}

/** Half-up (away from zero) rounding of |c| ÷ 10^k, the sign kept. */
function dropDigits(c: bigint, k: number): bigint {
  const neg = c < 0n;
  const m = neg ? -c : c;
  const p = pow10n(k);
  let q = m / p;
  if ((m % p) * 2n >= p) q += 1n;
  return neg ? -q : q;
}

/** An integer division rounded half away from zero, the sign from the operands. */
const SYNTAX = /^([+-])?(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;

export class Exact {
  static readonly ROUND_HALF_UP = 4;
  // `declare`: no field initialiser runs before the constructor (one define less per number).
  /** The coefficient: a safe integer (number) or a BigInt outside the safe range. */
  declare readonly c: Coef;
  /** Decimal places: value = c × 10^−s; s ≥ 0, and c has no trailing zero when s > 0. */
  declare readonly s: number;

  /** From a decimal string or a number, as decimal.js reads them; (c, s) is the raw form. */
  constructor(v: string | number | bigint | Exact, s?: number) {
    if (s !== undefined && typeof v !== 'string' && !(v instanceof Exact)) {
      this.c = v;
      this.s = s;
    } else if (v instanceof Exact) {
      this.c = v.c;
      this.s = v.s;
    } else if (typeof v === 'number' && Number.isSafeInteger(v)) {
      this.c = v;
      this.s = 0;
    } else {
      const [c, sc] = parse(typeof v === 'number' ? numberText(v) : String(v));
      this.c = c;
      this.s = sc;
    }
  }

  static isDecimal(v: unknown): v is Exact {
    return v instanceof Exact;
  }

  isZero(): boolean {
    return this.c === 0 || this.c === 0n;
  }

  isNegative(): boolean {
    const c = this.c;
    return typeof c === 'number' ? c < 0 || Object.is(c, -0) : c < 0n;
  }

  isPositive(): boolean {
    return !this.isNegative();
  }

  decimalPlaces(): number {
    return this.s;
  }

  abs(): Exact {
    return this.isNegative() ? this.neg() : this;
  }

  neg(): Exact {
    const c = this.c;
    return typeof c === 'number' ? new Exact(-c, this.s) : make(-c, this.s);
  }

  plus(v: ExactValue): Exact {
    const o = of(v);
    return add(this, o, false);
  }

  minus(v: ExactValue): Exact {
    const o = of(v);
    return add(this, o, true);
  }

  times(v: ExactValue): Exact {
    const o = of(v);
    const a = this.c;
    const b = o.c;
    if (typeof a === 'number' && typeof b === 'number') {
      const r = a * b;
      if (r <= MAX && r >= -MAX) return norm(r, this.s + o.s);
    }
    if (this.isZero() || o.isZero()) return new Exact(this.isNegative() !== o.isNegative() ? -0 : 0, 0);
    return round40(BigInt(a) * BigInt(b), this.s + o.s);
  }

  /** decimal.js's div: the quotient rounded to 40 significant digits. */
  div(v: ExactValue): Exact {
    const o = of(v);
    if (o.isZero()) throw new Error('[Exact] Division by zero');
    if (this.isZero()) return new Exact(this.isNegative() !== o.isNegative() ? -0 : 0, 0);
    const shifted = divPow10(this, o);
    if (shifted) return shifted;
    const n = BigInt(this.c);
    const d = BigInt(o.c);
    // Scale the numerator so the integer quotient has at least 41 digits, then round to 40.
    const k = Math.max(0, PRECISION + 1 - (digitsOf(n) - digitsOf(d)));
    // The truncated quotient has ≥ 41 digits; rounding it to 40 half-up equals rounding the exact
    // quotient: the dropped part is r + f (0 ≤ f < 1) against an even 10^extra, so f never tips it.
    const q = (n * pow10n(k)) / d;
    const extra = digitsOf(q) - PRECISION;
    return make(dropDigits(q, extra), this.s - o.s + k - extra);
  }

  comparedTo(v: ExactValue): number {
    const o = of(v);
    const a = this.c;
    const b = o.c;
    if (typeof a === 'number' && typeof b === 'number') {
      const k = this.s - o.s;
      if (k === 0) return a === b ? 0 : a < b ? -1 : 1;
      if (k > -P10.length && k < P10.length) {
        const x = k < 0 ? a * P10[-k] : a;
        const y = k > 0 ? b * P10[k] : b;
        if (x <= MAX && x >= -MAX && y <= MAX && y >= -MAX) return x === y ? 0 : x < y ? -1 : 1;
      }
    }
    const [x, y] = alignBig(this, o);
    return x === y ? 0 : x < y ? -1 : 1;
  }

  equals(v: ExactValue): boolean {
    const o = of(v);
    return this.comparedTo(o) === 0;
  }

  eq(v: ExactValue): boolean {
    const o = of(v);
    return this.comparedTo(o) === 0;
  }

  gt(v: ExactValue): boolean {
    return this.comparedTo(v) > 0;
  }

  lt(v: ExactValue): boolean {
    return this.comparedTo(v) < 0;
  }

  gte(v: ExactValue): boolean {
    return this.comparedTo(v) >= 0;
  }

  lte(v: ExactValue): boolean {
    return this.comparedTo(v) <= 0;
  }

  greaterThan(v: ExactValue): boolean {
    const o = of(v);
    return this.comparedTo(o) > 0;
  }

  greaterThanOrEqualTo(v: ExactValue): boolean {
    const o = of(v);
    return this.comparedTo(o) >= 0;
  }

  lessThan(v: ExactValue): boolean {
    const o = of(v);
    return this.comparedTo(o) < 0;
  }

  lessThanOrEqualTo(v: ExactValue): boolean {
    const o = of(v);
    return this.comparedTo(o) <= 0;
  }

  /** Rounded half-up to `dp` decimal places (the only rounding mode jixiao uses). */
  toDecimalPlaces(dp: number, _rm?: number): Exact {
    if (this.s <= dp) return this;
    const c = this.c;
    const k = this.s - dp;
    if (typeof c === 'number' && k < P10.length) {
      const p = P10[k];
      const m = Math.abs(c);
      let q = Math.floor(m / p);
      let r = m - q * p;
      if (r < 0) {
        q -= 1;
        r += p;
      }
      if (r * 2 >= p) q += 1;
      return norm(c < 0 || Object.is(c, -0) ? -q : q, dp);
    }
    return make(dropDigits(BigInt(c), k), dp, this.isNegative());
  }

  /** Plain notation with exactly `dp` decimals, rounded half-up; "-" only for a non-zero negative. */
  toFixed(dp: number): string {
    const r = this.s <= dp ? this : this.toDecimalPlaces(dp);
    const c = this.c;
    const neg = typeof c === 'number' ? c < 0 : c < 0n;
    return (neg ? '-' : '') + digits(magnitude(r.c), r.s, dp);
  }

  toString(): string {
    const c = this.c;
    // The common case: an integer of at most 16 digits (String never writes it with an exponent).
    if (this.s === 0 && typeof c === 'number') return c === 0 ? '0' : String(c);
    const neg = typeof c === 'number' ? c < 0 : c < 0n;
    const m = magnitude(c);
    const e = m.length - 1 - this.s; // exponent of the leading digit
    if (!this.isZero() && (e >= EXP_LIMIT || e <= -EXP_LIMIT)) return (neg ? '-' : '') + exponential(m, e);
    return (neg ? '-' : '') + digits(m, this.s, this.s);
  }

  /** As decimal.js: valueOf and toJSON keep the sign of a negative zero ("-0"). */
  toJSON(): string {
    return this.valueOf();
  }

  valueOf(): string {
    return this.isNegative() && this.isZero() ? '-0' : this.toString();
  }
}

/** The digits of |c| × 10^−s written with `dp` ≥ s decimals. */
/** The digits of |c| (no sign; "0" for either zero). */
function magnitude(c: Coef): string {
  return typeof c === 'number' ? (c < 0 ? String(-c) : String(c === 0 ? 0 : c)) : (c < 0n ? -c : c).toString();
}

/** The digits `m` of a coefficient with s decimals, written with `dp` ≥ s decimals. */
function digits(m: string, s: number, dp: number): string {
  if (s > 0) {
    if (m.length <= s) m = '0'.repeat(s - m.length + 1) + m;
    m = m.slice(0, m.length - s) + '.' + m.slice(m.length - s);
  }
  if (dp > s) m += (s === 0 ? '.' : '') + (ZEROS[dp - s] ?? '0'.repeat(dp - s));
  return m;
}

const ZEROS = Array.from({ length: 64 }, (_, i) => '0'.repeat(i));

function exponential(m: string, e: number): string {
  const t = m.replace(/0+$/, '');
  return (t.length > 1 ? t[0] + '.' + t.slice(1) : t) + 'e' + (e >= 0 ? '+' : '') + e;
}

function numberText(n: number): string {
  if (!Number.isFinite(n)) throw new Error(`[Exact] Invalid argument: ${n}`);
  return Object.is(n, -0) ? '-0' : String(n);
}

/** "123", "-0.05", "87.610": up to 15 digits, read with one scan (the common case). */
function parsePlain(text: string): Exact | null {
  const n = text.length;
  let i = 0;
  let neg = false;
  if (n > 0 && text.charCodeAt(0) === 45) {
    neg = true;
    i = 1;
  }
  if (i >= n) return null;
  let c = 0;
  let digits = 0;
  let s = -1;
  for (; i < n; i++) {
    const ch = text.charCodeAt(i);
    if (ch >= 48 && ch <= 57) {
      c = c * 10 + (ch - 48);
      if (c !== 0 || s >= 0) digits++;
      if (s >= 0) s++;
    } else if (ch === 46 && s < 0) {
      s = 0;
    } else return null;
  }
  if (digits > 15 || s === 0 || (s < 0 && n === (neg ? 1 : 0))) return null;
  return norm(neg ? -c : c, s < 0 ? 0 : s);
}

/** Exponents beyond this are refused (decimal.js would build a number of that many digits). */
const MAX_EXPONENT = 10_000;

function parse(text: string): [Coef, number] {
  const plain = parsePlain(text);
  if (plain) return [plain.c, plain.s];
  const m = SYNTAX.exec(text);
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) throw new Error(`[Exact] Invalid argument: ${text.slice(0, 40)}`);
  const neg = m[1] === '-';
  const frac = m[3] ?? '';
  const exp = m[4] ? Number(m[4]) : 0;
  if (!Number.isSafeInteger(exp) || Math.abs(exp) > MAX_EXPONENT) throw new Error(`[Exact] Invalid argument: ${text.slice(0, 40)}`);
  // Linear scans (a regex like /0+$/ backtracks quadratically on a long run of zeros).
  let fracEnd = frac.length;
  while (fracEnd > 0 && frac.charCodeAt(fracEnd - 1) === 48) fracEnd--;
  let all = m[2] + frac.slice(0, fracEnd);
  let lead = 0;
  while (lead < all.length && all.charCodeAt(lead) === 48) lead++;
  all = all.slice(lead);
  let s = fracEnd - exp;
  if (all === '') return [neg ? -0 : 0, 0];
  if (s < 0) {
    all += '0'.repeat(-s);
    s = 0;
  }
  // Trailing zeros of an integer part with a positive exponent shift are already plain digits.
  let end = all.length;
  while (s > 0 && end > 1 && all.charCodeAt(end - 1) === 48) {
    end--;
    s--;
  }
  all = all.slice(0, end);
  if (all.length <= 15) return [neg ? -Number(all) : Number(all), s];
  const b = BigInt(all);
  const c = neg ? -b : b;
  return fitsNumber(c) ? [Number(c), s] : [c, s];
}

function fitsNumber(c: bigint): boolean {
  return c <= BigInt(MAX) && c >= -BigInt(MAX);
}

/** A number coefficient without trailing zeros in its decimals. */
function norm(c: number, s: number): Exact {
  while (s > 0 && c % 10 === 0 && c !== 0) {
    c /= 10;
    s--;
  }
  if (c === 0) s = 0;
  return new Exact(c, s);
}

/** Any coefficient, normalised: no trailing decimal zeros, a number when it is safe. */
function make(c: bigint, s: number, negZero = false): Exact {
  if (c === 0n) return new Exact(negZero ? -0 : 0, 0);
  while (s > 0 && c % 10n === 0n) {
    c /= 10n;
    s--;
  }
  if (s < 0) {
    c *= pow10n(-s);
    s = 0;
  }
  return new Exact(fitsNumber(c) ? Number(c) : c, s);
}

const POWERS = new Map(P10.map((p, k) => [p, k]));

/** x ÷ ±10^k × 10^−s (万, 亿, a percent): exact by moving the point, when it stays a safe integer. */
function divPow10(x: Exact, o: Exact): Exact | null {
  const c = x.c;
  const d = o.c;
  if (typeof c !== 'number' || typeof d !== 'number') return null;
  const k = POWERS.get(Math.abs(d));
  if (k === undefined) return null;
  const s = x.s + k - o.s;
  const sign = d < 0 ? -1 : 1;
  if (s >= 0) return norm(sign * c, s);
  if (-s >= P10.length) return null;
  const r = sign * c * P10[-s];
  return r <= MAX && r >= -MAX ? new Exact(r, 0) : null;
}

/** Rounded to 40 significant digits, as decimal.js's arithmetic does. */
function round40(c: bigint, s: number): Exact {
  const extra = digitsOf(c) - PRECISION;
  if (extra <= 0) return make(c, s);
  return make(dropDigits(c, extra), s - extra);
}

function alignBig(a: Exact, b: Exact): [bigint, bigint] {
  const x = BigInt(a.c);
  const y = BigInt(b.c);
  if (a.s === b.s) return [x, y];
  return a.s < b.s ? [x * pow10n(b.s - a.s), y] : [x, y * pow10n(a.s - b.s)];
}

function add(a: Exact, o: Exact, subtract: boolean): Exact {
  // decimal.js with zeros: x ± 0 is x, 0 + y is y, 0 − y is −y, and two zeros sign as IEEE 754 does.
  if (o.isZero() && a.isZero()) return new Exact(subtract ? (a.c as number) - (o.c as number) : (a.c as number) + (o.c as number), 0);
  if (o.isZero()) return a;
  if (a.isZero()) return subtract ? o.neg() : o;
  const x = a.c;
  const y0 = o.c;
  if (typeof x === 'number' && typeof y0 === 'number') {
    const y = subtract ? -y0 : y0;
    const k = a.s - o.s;
    if (k === 0) {
      const r = x + y;
      if (r <= MAX && r >= -MAX) return norm(r, a.s);
    } else if (k > -P10.length && k < P10.length) {
      const p = k < 0 ? x * P10[-k] : x;
      const q = k > 0 ? y * P10[k] : y;
      const r = p + q;
      if (p <= MAX && p >= -MAX && q <= MAX && q >= -MAX && r <= MAX && r >= -MAX) return norm(r, k < 0 ? o.s : a.s);
    }
  }
  const [p, q] = alignBig(a, o);
  const r = subtract ? p - q : p + q;
  return round40(r, Math.max(a.s, o.s));
}

/** round_half_up(n ÷ d, dp) exactly, in one step (d ≠ 0). */
export function divRound(n: Exact, d: Exact, dp: number): Exact {
  return scaledRound(n.c, n.s, d.c, d.s, dp) ?? n.div(d).toDecimalPlaces(dp);
}

/** round_half_up(n × w ÷ d, dp) exactly, multiplying first (d ≠ 0). */
export function mulDivRound(n: Exact, w: Exact, d: Exact, dp: number): Exact {
  const nw = n.c;
  const ww = w.c;
  if (typeof nw === 'number' && typeof ww === 'number') {
    const p = nw * ww;
    if (p <= MAX && p >= -MAX) {
      const r = scaledRound(p, n.s + w.s, d.c, d.s, dp);
      if (r) return r;
    }
  }
  return n.times(w).div(d).toDecimalPlaces(dp);
}

const LIMIT52 = 2 ** 52;

/**
 * round_half_up((a × 10^−as) ÷ (b × 10^−bs), dp) on safe integers: a × 10^(dp + bs − as) ÷ b.
 * Null when the integers would leave the safe range: the caller then divides at 40 digits and
 * rounds, as decimal.js does (the two agree whenever the quotient fits in 16 digits).
 */
function scaledRound(a: Coef, as: number, b: Coef, bs: number, dp: number): Exact | null {
  const k = dp + bs - as;
  if (typeof a !== 'number' || typeof b !== 'number' || Math.abs(k) >= P10.length) return null;
  const num = k >= 0 ? Math.abs(a) * P10[k] : Math.abs(a);
  const den = k >= 0 ? Math.abs(b) : Math.abs(b) * P10[-k];
  if (num > LIMIT52 || den > LIMIT52) return null;
  let q = Math.floor(num / den);
  let r = num - q * den;
  if (r < 0) {
    q -= 1;
    r += den;
  } else if (r >= den) {
    q += 1;
    r -= den;
  }
  if (r * 2 >= den) q += 1;
  const neg = (a < 0 || Object.is(a, -0)) !== (b < 0 || Object.is(b, -0));
  return norm(neg ? -q : q, dp);
}
