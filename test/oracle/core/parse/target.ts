/**
 * Parsing a 年度指标值 (target) and a 实际完成值 (actual) into a ParsedValue
 * (scoring-rules.md §6.2). Never throws on any input: what cannot be read is said in `notes`.
 *
 * Returned objects are frozen and may be shared between calls (a bounded memo keyed by the
 * text and the options): treat them as immutable; copy `notes` before adding to it.
 */
import { ONE, Dec } from '../decimal.js';
import { labelKey, labelKeyOfNormalized, normalizeWithInfo } from './normalize.js';
import { hasReverseHint } from './taxonomy.js';
import type {
  EmptyValue, Operator, ParseNote, ParseOptions, ParsedValue, QualValue, QuantValue, RangeValue, Unit,
} from './types.js';
import type { ColumnOperator, Vocabulary } from './vocabulary.js';

// ---- regexes: built once at module load, never per call ------------------------------------

// A sign counts only at the start or after an operator / separator, so "90-100" is a range.
const NUMBER_RE = /(?:(?<=^|[≥≤<>=:(~至到,;])[-+])?(?:\d+(?:\.\d+)?|\.\d+)/g;
const RANGE_GAP_RE = /^(.{0,8}?)(?:-|~|—|–|至|到)$/;
/** What joins a lower and an upper bound: "≥95%且≤100%", "≥95%,≤100%". */
const BOUND_JOIN_RE = /^(?:并且|而且|且|同时|,|;|、)/;

const Y = '(?:19|20)\\d{2}';
const M = '(?:1[0-2]|0?[1-9])';
const D = '(?:3[01]|[12]\\d|0?[1-9])';
const S = '[./-]';
/** Deadlines and periods; their digits are not values ("12月底前", "2022年12月31日前", "2023.07-2024.01"). */
const DATE_RE = new RegExp(
  [
    `${Y}${S}${M}[-~至到—–]${Y}${S}${M}(?:${S}${D})?(?!\\d)`,
    `${Y}${S}${M}${S}${D}(?!\\d)`,
    `${Y}${S}${M}(?=前|之前|以前|底|末)`,
    `${Y}年(?:${M}月(?:${D}[日号])?)?`,
    `(?<!\\d)${M}月(?:${D}[日号])?`,
    `(?<!\\d)${D}[日号](?=前|之前|以前)`,
    // Quarters are dates, not counts: Q4, 第4季度, 4季度 ("4个季度" is a count).
    '(?<![A-Za-z\\d])[Qq][1-4](?!\\d)',
    '(?<![\\d.])第?[1-4]季度',
    '(?<![\\d个])(?:年底|年末|月底|月末|季度|上半年|下半年|[上中下]旬|年内)',
  ].join('|'),
  'g',
);
const DATE_MASK = '#';
const ASCII_UNIT_RE = /^[A-Za-z]+/;
const HAN_RE = /^\p{Script=Han}/u;
// Words that follow a number but are not a unit.
const NOT_A_UNIT = new Set(['的', '和', '与', '或', '及', '等', '以', '之', '左', '是']);
const PERCENT_WORD = '百分之';

const MEMO_MAX = 5000;
const MEMO_MAX_TEXT = 256;

const NO_UNIT: Unit = Object.freeze({ raw: '', base: '', multiplier: ONE, known: true });

// ---- small helpers ---------------------------------------------------------------------------

interface NumberHit { text: string; index: number; end: number }

function numbersIn(s: string, limit: number): NumberHit[] {
  const out: NumberHit[] = [];
  NUMBER_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while (out.length < limit && (m = NUMBER_RE.exec(s)) !== null) {
    out.push({ text: m[0], index: m.index, end: m.index + m[0].length });
  }
  NUMBER_RE.lastIndex = 0;
  return out;
}

function toDec(s: string): Dec {
  return new Dec(s);
}

function freezeValue<T extends ParsedValue>(v: T): T {
  for (const n of v.notes) {
    if (n.params) Object.freeze(n.params);
    Object.freeze(n);
  }
  Object.freeze(v.notes);
  if ('unit' in v) Object.freeze(v.unit);
  return Object.freeze(v);
}

function memoGet(vocab: Vocabulary, key: string | null): ParsedValue | undefined {
  return key === null ? undefined : vocab.memo.get(key);
}

function memoPut<T extends ParsedValue>(vocab: Vocabulary, key: string | null, v: T): T {
  const frozen = freezeValue(v);
  if (key !== null) {
    if (vocab.memo.size >= MEMO_MAX) vocab.memo.clear(); // crude but bounded; real forms repeat strings
    vocab.memo.set(key, frozen);
  }
  return frozen;
}

type UnitMatch = { unit: Unit; length: number; unknown: boolean };

/** Joins of a compound unit: 元/学期, 元/人*月, 人·天. */
const UNIT_JOINS: Record<string, 'per' | 'times'> = { '/': 'per', '*': 'times', '×': 'times', '·': 'times' };

/**
 * Longest unit spelling at the start of `s`, with every compound part ("元/学期", "元/人*月"):
 * a compound unit is one unit, never its first part.
 */
function matchUnit(s: string, vocab: Vocabulary): UnitMatch | null {
  if (!s) return null;
  let m = matchUnitHead(s, vocab);
  if (!m || m.unit.base === '') return m;
  for (;;) {
    const join = UNIT_JOINS[s[m.length]];
    if (!join) return m;
    const tail = matchUnitHead(s.slice(m.length + 1), vocab);
    if (!tail || tail.unit.base === '') return m;
    m = joinUnits(m, tail, s.slice(0, m.length + 1 + tail.length), join, s[m.length]);
  }
}

function joinUnits(head: UnitMatch, tail: UnitMatch, raw: string, join: 'per' | 'times', sep: string): UnitMatch {
  return {
    unit: {
      raw,
      base: `${head.unit.base}${sep === '/' ? '/' : '*'}${tail.unit.base}`,
      multiplier: join === 'per' ? head.unit.multiplier.div(tail.unit.multiplier) : head.unit.multiplier.times(tail.unit.multiplier),
      known: head.unit.known && tail.unit.known,
    },
    length: raw.length,
    unknown: head.unknown || tail.unknown,
  };
}

function matchUnitHead(s: string, vocab: Vocabulary): { unit: Unit; length: number; unknown: boolean } | null {
  for (let len = Math.min(vocab.unitMaxLength, s.length); len >= 1; len--) {
    const raw = s.slice(0, len);
    const def = vocab.units.get(raw);
    if (def) return { unit: { raw, base: def.base, multiplier: def.multiplier, known: true }, length: len, unknown: false };
  }
  if (vocab.suffixOperatorAtStartRe.test(s)) return null;
  const ascii = ASCII_UNIT_RE.exec(s);
  if (ascii) return unknownUnit(ascii[0]);
  // An unknown measure word is one Han character ("3艘"); longer runs are description, except an
  // unknown prefix of a known unit ("厘米", "毫升"): that is one unit, never its first character.
  if (HAN_RE.test(s) && !NOT_A_UNIT.has(s[0])) {
    const rest = s.length > 1 ? matchUnitHead(s.slice(1), vocab) : null;
    return unknownUnit(rest && !rest.unknown && rest.unit.base !== '' ? s.slice(0, 1 + rest.length) : s[0]);
  }
  return null;
}

function unknownUnit(raw: string) {
  return { unit: { raw, base: raw, multiplier: ONE, known: false }, length: raw.length, unknown: true };
}

/** A whole 度量单位 cell. */
function unitFromCell(cell: string | null | undefined, vocab: Vocabulary): Unit | null {
  if (!cell) return null;
  const { text } = normalizeWithInfo(cell);
  if (!text || vocab.placeholders.has(labelKey(text))) return null;
  const m = matchUnit(text, vocab);
  if (m && m.length === text.length) return m.unit;
  return { raw: text, base: text, multiplier: ONE, known: false };
}

/** What a separate 指标性质 / 计算符号 cell says, or null (empty or unreadable: the value decides). */
export function columnOperator(cell: string | null | undefined, vocab: Vocabulary): ColumnOperator | null {
  if (cell === null || cell === undefined) return null;
  const key = labelKey(String(cell));
  if (!key) return null;
  return vocab.columnOperators.get(key) ?? null; // an unreadable column is ignored: the value decides
}

interface InlineOperator { op: Operator; text: string }

/** The operator written before the number: the match nearest to the number wins. */
function prefixOperator(prefix: string, vocab: Vocabulary): InlineOperator | null {
  if (!prefix) return null;
  const re = vocab.prefixOperatorRe;
  re.lastIndex = 0;
  let last: string | null = null;
  let m: RegExpExecArray | null;
  while ((m = re.exec(prefix)) !== null) last = m[0];
  re.lastIndex = 0;
  return last === null ? null : { op: vocab.prefixOperators.get(last)!, text: last };
}

function suffixOperator(rest: string, vocab: Vocabulary): InlineOperator | null {
  if (!rest) return null;
  const re = vocab.suffixOperatorRe;
  re.lastIndex = 0;
  const m = re.exec(rest);
  re.lastIndex = 0;
  return m ? { op: vocab.suffixOperators.get(m[0])!, text: m[0] } : null;
}

// ---- the shared reading of a cell ----------------------------------------------------------

type Reading =
  | { kind: 'empty'; placeholder: boolean }
  | { kind: 'qualitative'; isDate: boolean }
  | { kind: 'range'; lower: Dec; upper: Dec; unit: Unit | null; notes: ParseNote[] }
  | {
      kind: 'quantitative'; value: Dec; valueText: string; unit: Unit | null;
      inline: InlineOperator | null; notes: ParseNote[];
    };

function read(normalized: string, vocab: Vocabulary, forceQualitative: boolean): Reading {
  if (normalized === '') return { kind: 'empty', placeholder: false };
  if (vocab.placeholders.has(labelKeyOfNormalized(normalized))) return { kind: 'empty', placeholder: true };

  DATE_RE.lastIndex = 0;
  const masked = normalized.replace(DATE_RE, DATE_MASK);
  const hadDate = masked !== normalized;
  const nums = numbersIn(masked, 3);
  if (forceQualitative || nums.length === 0) return { kind: 'qualitative', isDate: hadDate && nums.length === 0 };

  const range = nums.length > 1 ? readRange(masked, nums, vocab) : null;
  if (range) return range;
  const notes: ParseNote[] = [];
  const first = nums[0];

  const prefix = masked.slice(0, first.index);
  const after = masked.slice(first.end);
  const m = matchUnit(after, vocab);
  let unit: Unit | null = m ? m.unit : null;
  if (m?.unknown) notes.push({ code: 'UNIT_UNKNOWN', params: { unit: m.unit.raw } });
  if (!unit && prefix.endsWith(PERCENT_WORD)) unit = { raw: PERCENT_WORD, base: '%', multiplier: ONE, known: true };
  // Digits inside the unit ("m2") are not a second number.
  const unitEnd = first.end + (m ? m.length : 0);
  const next = nums.find((n) => n.index >= unitEnd);
  if (next) notes.push({ code: 'AMBIGUOUS_NUMBER', params: { value: first.text } });
  const rest = masked.slice(unitEnd, next ? next.index : undefined);
  const inline = prefixOperator(prefix, vocab) ?? suffixOperator(rest, vocab);
  return { kind: 'quantitative', value: toDec(first.text), valueText: first.text, unit, inline, notes };
}

/**
 * Two numbers that make one interval: "90-100", "90%~100%", "5至10个" (a separator between them),
 * or a lower and an upper bound, "≥95%且≤100%" (strictness ignored, as for single bounds: rule 26).
 */
function readRange(masked: string, nums: NumberHit[], vocab: Vocabulary): Reading | null {
  const [first, second] = nums;
  const between = masked.slice(first.end, second.index);
  const gap = RANGE_GAP_RE.exec(between);
  const lowerUnit = gap && gap[1] ? vocab.units.get(gap[1]) : undefined;
  let unit: Unit | null = null;
  if (gap && (gap[1] === '' || lowerUnit)) {
    if (lowerUnit) unit = { raw: gap[1], base: lowerUnit.base, multiplier: lowerUnit.multiplier, known: true };
  } else {
    const bounds = boundPair(masked.slice(0, first.index), between, vocab);
    if (!bounds) return null;
    unit = bounds.unit;
  }
  const notes: ParseNote[] = [];
  const m = matchUnit(masked.slice(second.end), vocab);
  if (m) unit = m.unit;
  if (m?.unknown) notes.push({ code: 'UNIT_UNKNOWN', params: { unit: m.unit.raw } });
  if (nums[2]) notes.push({ code: 'AMBIGUOUS_NUMBER', params: { value: `${first.text}-${second.text}` } });
  let lower = toDec(first.text);
  let upper = toDec(second.text);
  if (lower.greaterThan(upper)) [lower, upper] = [upper, lower]; // "100-90" means the same interval
  return { kind: 'range', lower, upper, unit, notes };
}

/** "≥95%且≤100%": a ≥ / > bound, its unit, a joining word, then a ≤ / < bound. */
function boundPair(prefix: string, between: string, vocab: Vocabulary): { unit: Unit | null } | null {
  const lo = prefixOperator(prefix, vocab);
  if (!lo || (lo.op !== 'GE' && lo.op !== 'GT')) return null;
  const m = matchUnit(between, vocab);
  const rest = (m ? between.slice(m.length) : between).replace(BOUND_JOIN_RE, '');
  const hi = vocab.prefixOperators.get(rest);
  return hi === 'LE' || hi === 'LT' ? { unit: m ? m.unit : null } : null;
}

function qualitative(raw: string, normalized: string, notes: ParseNote[], isDate: boolean, unparsed = false): QualValue {
  return { kind: 'qualitative', raw, normalized, notes, tier: null, tierSource: null, grade: null, isDate, answer: null, unparsed };
}

/** Operator symbols and the percent sign, after normalisation (full-width forms are folded). */
const NUMERIC_SIGN_RE = /[≥≤><=%]/;

/** 是 / 否 / 无 …: a yes / no answer, as a target or an actual (before placeholders: 无 is an answer). */
function answerValue(raw: string, normalized: string, notes: ParseNote[], vocab: Vocabulary): QualValue | null {
  const answer = vocab.answers.get(labelKeyOfNormalized(normalized));
  return answer ? { ...qualitative(raw, normalized, notes, false), answer } : null;
}

function empty(raw: string, normalized: string, notes: ParseNote[], placeholder: boolean): EmptyValue {
  return { kind: 'empty', raw, normalized, notes, placeholder };
}

function rangeValue(raw: string, normalized: string, notes: ParseNote[], lower: Dec, upper: Dec, unit: Unit): RangeValue {
  return {
    kind: 'range', raw, normalized, notes, lower, upper, unit,
    lowerBase: lower.times(unit.multiplier), upperBase: upper.times(unit.multiplier),
  };
}

function quantValue(
  raw: string, normalized: string, notes: ParseNote[], operator: Operator | null, operatorText: string | null,
  value: Dec, unit: Unit, unitFromTarget = false,
): QuantValue {
  return {
    kind: 'quantitative', raw, normalized, notes, operator, operatorText, value, unit,
    baseValue: value.times(unit.multiplier), unitFromTarget,
  };
}

// ---- targets -------------------------------------------------------------------------------

/** Parse a 年度指标值. `opts` carries the separate operator / unit columns and the 三级 name. */
export function parseTarget(text: string | null | undefined, opts: ParseOptions, vocab: Vocabulary): ParsedValue {
  const raw = typeof text === 'string' ? text : text == null ? '' : String(text);
  const reverseHint = !!opts?.reverse || (!!opts?.indicatorName && hasReverseHint(opts.indicatorName, vocab));
  const key = raw.length <= MEMO_MAX_TEXT
    ? `T\u0001${raw}\u0001${opts?.operator ?? ''}\u0001${opts?.unit ?? ''}\u0001${reverseHint ? 1 : 0}`
    : null;
  const hit = memoGet(vocab, key);
  if (hit) return hit;
  return memoPut(vocab, key, parseTargetUncached(raw, opts ?? {}, reverseHint, vocab));
}

function parseTargetUncached(raw: string, opts: ParseOptions, reverseHint: boolean, vocab: Vocabulary): ParsedValue {
  const { text: normalized, fullwidth } = normalizeWithInfo(raw);
  const notes: ParseNote[] = fullwidth ? [{ code: 'FULLWIDTH_NORMALISED' }] : [];
  const column = columnOperator(opts.operator, vocab);
  if (column?.kind === 'notApplicable') return empty(raw, normalized, notes, true);
  const answer = answerValue(raw, normalized, notes, vocab);
  if (answer) return answer;

  const r = read(normalized, vocab, column?.kind === 'qualitative');
  if (r.kind === 'empty') return empty(raw, normalized, notes, r.placeholder);
  if (r.kind === 'qualitative') {
    if (r.isDate) notes.push({ code: 'DATE_TARGET', params: { target: normalized } });
    const unparsed = !r.isDate && (column?.kind === 'operator' || NUMERIC_SIGN_RE.test(normalized));
    return qualitative(raw, normalized, notes, r.isDate, unparsed);
  }
  notes.push(...r.notes);
  const columnUnit = r.unit ? null : unitFromCell(opts.unit, vocab);
  if (columnUnit && !columnUnit.known) notes.push({ code: 'UNIT_UNKNOWN', params: { unit: columnUnit.raw } });
  const unit = r.unit ?? columnUnit ?? NO_UNIT;
  if (r.kind === 'range') return rangeValue(raw, normalized, notes, r.lower, r.upper, unit);

  let operator: Operator | null = null;
  let operatorText: string | null = null;
  if (column?.kind === 'operator') {
    operator = column.op;
    operatorText = normalizeWithInfo(String(opts.operator)).text;
    if (r.inline && r.inline.op !== column.op) {
      notes.push({ code: 'OPERATOR_CONFLICT', params: { column: vocab.symbols[column.op], inline: r.inline.text } });
    }
  } else if (r.inline) {
    operator = r.inline.op;
    operatorText = r.inline.text;
  } else if (reverseHint) {
    // Costs, accidents, complaints …: lower is better when the filer wrote no operator.
    operator = 'LE';
    notes.push({ code: 'OPERATOR_INFERRED', params: { operator: '≤' } });
  }
  return quantValue(raw, normalized, notes, operator, operatorText, r.value, unit);
}

// ---- actuals -------------------------------------------------------------------------------

/**
 * Parse a 实际完成值. A copied operator ("≥99%") is dropped with OPERATOR_IN_ACTUAL (operator stays
 * null); a number without a unit takes the target's unit; a text gets a tier or a grade.
 */
export function parseActual(text: string | null | undefined, target: ParsedValue | null, vocab: Vocabulary): ParsedValue {
  const raw = typeof text === 'string' ? text : text == null ? '' : String(text);
  const targetUnit = target && (target.kind === 'quantitative' || target.kind === 'range') && target.unit.raw !== ''
    ? target.unit : null;
  const targetLabel = target?.kind === 'qualitative' ? labelKey(target.normalized) : '';
  const key = raw.length <= MEMO_MAX_TEXT
    ? `A\u0001${raw}\u0001${targetLabel}\u0001${targetUnit ? unitKey(targetUnit) : ''}`
    : null;
  const hit = memoGet(vocab, key);
  if (hit) return hit;
  return memoPut(vocab, key, parseActualUncached(raw, targetLabel, targetUnit, vocab));
}

/** A unit's part of a memo key; units are frozen with their parsed value, so cached by identity. */
const unitKeys = new WeakMap<Unit, string>();
function unitKey(u: Unit): string {
  let k = unitKeys.get(u);
  if (k === undefined) {
    k = `${u.raw}\u0002${u.base}\u0002${u.multiplier.toString()}\u0002${u.known}`;
    unitKeys.set(u, k);
  }
  return k;
}

function parseActualUncached(raw: string, targetLabel: string, targetUnit: Unit | null, vocab: Vocabulary): ParsedValue {
  const { text: normalized, fullwidth } = normalizeWithInfo(raw);
  const notes: ParseNote[] = fullwidth ? [{ code: 'FULLWIDTH_NORMALISED' }] : [];
  const answer = answerValue(raw, normalized, notes, vocab);
  if (answer) return answer;
  const r = read(normalized, vocab, false);
  if (r.kind === 'empty') return empty(raw, normalized, notes, r.placeholder);

  // Labels first: a tier label or grade is never read as a number.
  const label = labelKeyOfNormalized(normalized);
  const tierHit = vocab.tiers.get(label);
  if (tierHit) return { ...qualitative(raw, normalized, notes, false), tier: tierHit.tier, tierSource: tierHit.source };
  const grade = vocab.grades.get(label);
  if (grade) return { ...qualitative(raw, normalized, notes, false), tierSource: 'graded', grade };
  if (targetLabel && label === targetLabel) {
    // 及时 / 及时, 健全 / 健全: the actual repeats the qualitative target.
    return { ...qualitative(raw, normalized, notes, false), tier: 'A', tierSource: 'synonym' };
  }

  if (r.kind === 'qualitative') return qualitative(raw, normalized, notes, r.isDate);
  notes.push(...r.notes);
  const unit = r.unit ?? targetUnit ?? NO_UNIT;
  if (r.kind === 'range') return rangeValue(raw, normalized, notes, r.lower, r.upper, unit);
  if (r.inline) notes.push({ code: 'OPERATOR_IN_ACTUAL', params: { operator: r.inline.text, value: r.valueText } });
  return quantValue(raw, normalized, notes, null, null, r.value, unit, !r.unit && !!targetUnit);
}
