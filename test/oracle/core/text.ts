/**
 * The one full-width converter and the one number reader of the project: JSON amounts, points and
 * rates (model/fields.ts, and so the validation fast path) and workbook cells (excel/import) all
 * read numbers typed as text here, so the same text is accepted or refused the same way
 * everywhere. Pure; no float: the value leaves as a decimal string.
 */

/** Full-width ASCII (U+FF01–U+FF5E: ０-９ ． － ＋ ， ％ …) → ASCII; ideographic and no-break space → space. */
export function halfWidth(s: string): string {
  let out = '';
  for (const ch of s) {
    const code = ch.charCodeAt(0);
    if (code >= 0xff01 && code <= 0xff5e) out += String.fromCharCode(code - 0xfee0);
    else if (ch === '\u3000' || ch === '\u00a0') out += ' ';
    else out += ch;
  }
  return out;
}

/**
 * What a number stands for, which decides the suffix it may carry: an amount a money unit
 * (`31.59万元`), a percentage `%` or 百分比 (`87.61%`), points 分 (`10分`); 'plain' none.
 */
export type NumberKind = 'amount' | 'percent' | 'points' | 'plain';

/** The money units an amount may be written in; the form's moneyUnit says which one it uses. */
export const MONEY_UNITS = ['亿元', '万元', '元'] as const;
export type MoneyUnit = (typeof MONEY_UNITS)[number];

const SUFFIX: Record<NumberKind, RegExp | null> = {
  amount: /(亿元|万元|元)$/,
  percent: /(%|百分比)$/,
  points: /分$/,
  plain: null,
};

/** Cells people fill with a dash, a slash or 无 to say "nothing here". */
const PLACEHOLDER = /^(-|—|–|\/|\\|无|空)$/;
const DECIMAL_RE = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;
const GROUPED_RE = /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/;

export type NumberText =
  | { kind: 'blank' }
  /** value: a plain decimal string ("-0.5", "1234.50"); unit: the money unit written after an amount. */
  | { kind: 'number'; value: string; unit?: MoneyUnit; changed: boolean }
  | { kind: 'bad' };

/**
 * Read a number typed as text: "252.83", " 1,234.50 ", "８.７６", "87.61%" (percent), "10分"
 * (points), "31.59万元" (amount; the unit is returned, never applied). Blank, whitespace and the
 * placeholders - — / 无 are "not filled in". Signs are kept: refusing a negative is the caller's rule.
 */
export function readNumberText(text: string, as: NumberKind = 'plain'): NumberText {
  let s = halfWidth(text).replace(/\s+/g, '');
  if (s === '' || PLACEHOLDER.test(s)) return { kind: 'blank' };
  let unit: MoneyUnit | undefined;
  const suffix = SUFFIX[as];
  const m = suffix ? suffix.exec(s) : null;
  if (m) {
    s = s.slice(0, m.index);
    if (as === 'amount') unit = m[1] as MoneyUnit;
  }
  if (GROUPED_RE.test(s)) s = s.replace(/,/g, '');
  if (!DECIMAL_RE.test(s)) return { kind: 'bad' };
  if (s.startsWith('+')) s = s.slice(1);
  if (s.endsWith('.')) s = s.slice(0, -1);
  if (s.startsWith('.')) s = '0' + s;
  else if (s.startsWith('-.')) s = '-0' + s.slice(1);
  const out: NumberText = { kind: 'number', value: s, changed: s !== text };
  if (unit) out.unit = unit;
  return out;
}
