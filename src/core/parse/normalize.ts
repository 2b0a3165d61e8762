/**
 * Text normalisation shared by the parser and the vocabulary compiler, so that a spelling in
 * indicators/*.json and a spelling on a form meet in the same form.
 *
 * - Full-width ASCII (U+FF01–U+FF5E: digits, letters, ％＞＜＝．，～（）…) → ASCII, the part of NFKC
 *   that matters here; the ideographic space → space. Chinese text is kept.
 * - ═ ﹦ → "=", ≧ → "≥", ≦ → "≤", − (U+2212) → "-", 〜 → "~", small ﹪﹤﹥ → % < >.
 * - Whitespace is removed except between two ASCII letters or digits ("= 100 %" → "=100%",
 *   "≤ 30 万元" → "≤30万元"; "5 10" stays two numbers).
 * - Interval notation in square brackets, "[90,100]" or "【90%,100%】", is written "90~100" (a range),
 *   before thousands separators are read: its comma separates the bounds.
 * - Thousands separators: a comma (or a space) is dropped only in the exact pattern
 *   d{1,3}(,ddd)+ not touching another digit or point ("1,200" → "1200", "1,200,000.5" → "1200000.5").
 *   Anything else ("1,5", "12,3456") is left alone: Chinese forms never use a decimal comma, so an
 *   irregular comma is a list separator and the parser reports AMBIGUOUS_NUMBER instead of guessing.
 */

import { halfWidth } from '../text.js';

const FOLD: Record<string, string> = {
  '\u3000': ' ', '\u00a0': ' ',
  '═': '=', '﹦': '=', '≧': '≥', '≦': '≤', '\u2212': '-', '〜': '~',
  '﹪': '%', '﹤': '<', '﹥': '>',
};

/** Characters whose folding changes how a value is read (reported as FULLWIDTH_NORMALISED). */
const SIGNIFICANT_FULLWIDTH = /[\uff10-\uff19\uff05\uff1c-\uff1e\uff0e]/;

/** Interval notation "[90,100]", "【90%，100%】" → "90~100": the comma there is not a thousands separator. */
const INTERVAL = /[[【](-?\d+(?:\.\d+)?%?),(-?\d+(?:\.\d+)?%?)[\]】]/g;
const THOUSANDS_COMMA = /(?<![\d.,])(\d{1,3})((?:,\d{3})+)(?![\d,])/g;
const THOUSANDS_SPACE = /(?<![\d.])(\d{1,3})((?: \d{3})+)(?![\d ]?\d)/g;
const WHITESPACE = /\s+/g;
const ASCII_ALNUM = /[A-Za-z0-9]/;

export interface Normalized {
  text: string;
  /** True when full-width digits or symbols were folded. */
  fullwidth: boolean;
}

export function normalizeWithInfo(s: string): Normalized {
  const fullwidth = SIGNIFICANT_FULLWIDTH.test(s);
  let out = '';
  for (const ch of halfWidth(s)) out += FOLD[ch] ?? ch;
  out = out.replace(WHITESPACE, ' ').trim();
  if (out.includes(' ')) {
    out = out.replace(THOUSANDS_SPACE, (_m, head: string, rest: string) => head + rest.replace(/ /g, ''));
    out = dropSpaces(out);
  }
  if (out.includes(',')) {
    out = out.replace(INTERVAL, '$1~$2');
    out = out.replace(THOUSANDS_COMMA, (_m, head: string, rest: string) => head + rest.replace(/,/g, ''));
  }
  return { text: out, fullwidth };
}

export function normalizeText(s: string): string {
  return normalizeWithInfo(s).text;
}

/** Keep a space only between two ASCII letters / digits. */
function dropSpaces(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (ch === ' ' && !(ASCII_ALNUM.test(s[i - 1] ?? '') && ASCII_ALNUM.test(s[i + 1] ?? ''))) continue;
    out += ch;
  }
  return out;
}

const TRAILING_PUNCT = /[。，,;；.!！、:：\s]+$/;
const ALL_SPACE = /\s+/g;

/** The lookup key of a label: normalised, no spaces, no trailing punctuation ("达成预期指标。" → "达成预期指标"). */
export function labelKey(s: string): string {
  return labelKeyOfNormalized(normalizeText(s));
}

/** labelKey for a string that is already normalised (saves a second pass). */
export function labelKeyOfNormalized(s: string): string {
  return s.replace(ALL_SPACE, '').replace(TRAILING_PUNCT, '');
}
