/**
 * Decimal strings as the API sends them ("93.76", "-0.5"): compared and subtracted exactly with
 * scaled BigInts, never through binary floats.
 */
const DEC_RX = /^([+-])?(\d+)(?:\.(\d+))?$/;

interface Scaled {
  n: bigint;
  scale: number;
}

function scaled(s: string): Scaled | null {
  const m = DEC_RX.exec(s.trim().replace(/,/g, ''));
  if (!m) return null;
  const frac = m[3] ?? '';
  const n = BigInt((m[2] ?? '0') + frac);
  return { n: m[1] === '-' ? -n : n, scale: frac.length };
}

function align(a: Scaled, b: Scaled): [bigint, bigint, number] {
  const scale = Math.max(a.scale, b.scale);
  return [a.n * 10n ** BigInt(scale - a.scale), b.n * 10n ** BigInt(scale - b.scale), scale];
}

/** Whether two decimal strings are the same number ("5" and "5.00" are); false when either is not a number. */
export function sameDec(a: string | null | undefined, b: string | null | undefined): boolean {
  if (a == null || b == null) return a == b;
  const x = scaled(a);
  const y = scaled(b);
  if (!x || !y) return a.trim() === b.trim();
  const [p, q] = align(x, y);
  return p === q;
}

/** a − b as a decimal string with the larger scale of the two; null when either is not a number. */
export function subDec(a: string | null | undefined, b: string | null | undefined): string | null {
  if (a == null || b == null) return null;
  const x = scaled(a);
  const y = scaled(b);
  if (!x || !y) return null;
  const [p, q, scale] = align(x, y);
  const d = p - q;
  const neg = d < 0n;
  const digits = (neg ? -d : d).toString().padStart(scale + 1, '0');
  const int = digits.slice(0, digits.length - scale);
  const frac = scale > 0 ? '.' + digits.slice(digits.length - scale) : '';
  return (neg ? '-' : '') + int + frac;
}

/** Orders decimal strings (for sorting); non-numbers sort first. */
export function cmpDec(a: string | null | undefined, b: string | null | undefined): number {
  const x = a == null ? null : scaled(a);
  const y = b == null ? null : scaled(b);
  if (!x || !y) return (x ? 1 : 0) - (y ? 1 : 0);
  const [p, q] = align(x, y);
  return p < q ? -1 : p > q ? 1 : 0;
}

export function absDec(a: string): string {
  return a.startsWith('-') ? a.slice(1) : a;
}
