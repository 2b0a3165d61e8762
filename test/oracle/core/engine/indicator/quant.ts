/**
 * A quantitative target against a numeric actual (scoring-rules.md §6.4; issue 8 rules 3, 7, 8):
 * units first, then the clamp, then the rule of the operator, then the over-achievement flag.
 */
import { ZERO, fmt, type Dec } from '../../decimal.js';
import type { Operator, QuantValue, RangeValue } from '../../parse/types.js';
import type { Vocabulary } from '../../parse/vocabulary.js';
import { equalZero, positive, reverse, type Formula } from './formulas.js';
import { shown, type Shown } from './show.js';
import type { Direction, Note, Row, Scored } from './types.js';
import { checkUnits } from './units.js';
import { notExact } from './exact.js';
import { scoreRange } from './range.js';

const DIRECTION: Record<Operator, Direction> = { GE: 'positive', GT: 'positive', EQ: 'equal', LE: 'reverse', LT: 'reverse' };

/** Score a numeric actual; `override` replaces the actual's value (无 under "=0次" is 0). */
export function scoreNumber(row: Row, actual: QuantValue, override?: Dec): Scored {
  const t = row.target as QuantValue | RangeValue;
  const notes: Note[] = [];
  if (actual.notes.some((n) => n.code === 'OPERATOR_IN_ACTUAL')) {
    notes.push({ code: 'ACTUAL_HAS_OPERATOR', field: 'actual', params: { actual: actual.raw, value: actual.value.toString() + actual.unit.raw } });
  }
  const unitProblem = override ? null : checkUnits(row, t, actual, notes);
  if (unitProblem) return { ...unitProblem, notes: [...notes, ...unitProblem.notes] };
  const inexact = override ? null : notExact(row, t, actual);
  // The operator was not taken as a copy: the row is left to a person (no ACTUAL_HAS_OPERATOR).
  if (inexact) return { ...inexact, notes: [...notes.filter((n) => n.code !== 'ACTUAL_HAS_OPERATOR'), ...inexact.notes] };
  let a = override ?? actual.baseValue;
  const bound = t.kind === 'range' ? t.lowerBase : t.baseValue;
  // The clamp of §6.4 (A = max(actual, 0)) holds for targets ≥ 0 only (rule 7).
  if (a.isNegative() && !a.isZero() && !bound.isNegative()) {
    notes.push({ code: 'ACTUAL_NEGATIVE', field: 'actual' });
    a = ZERO;
  }
  const s = shown(t, actual, a);
  const out = t.kind === 'range' ? scoreRange(row, t, a, s) : scoreOperator(row, t, a, s);
  return { ...out, notes: [...notes, ...out.notes] };
}

function operatorOf(row: Row, t: QuantValue, notes: Note[]): Operator {
  if (t.operator) return t.operator;
  // No operator anywhere: "=" is scored like "≥" for T > 0 and all-or-nothing for 0 (rule 9).
  notes.push({ code: 'OPERATOR_INFERRED', field: 'target', params: { operator: row.vocab.symbols.EQ } });
  return 'EQ';
}

function scoreOperator(row: Row, t: QuantValue, a: Dec, s: Shown): Scored {
  const notes: Note[] = [];
  const op = operatorOf(row, t, notes);
  const written = writtenOperator(t, op, row.vocab);
  const shownTarget = written.after ? `${s.target}${written.text}` : `${written.text}${s.target}`;
  const T = t.baseValue;
  const direction = DIRECTION[op];
  const deviation = T.isZero() ? null : a.minus(T).div(T);
  const base = { direction, deviation, notes, manual: 'policy' as const };
  if (T.isNegative() && missed(op, a, T)) {
    notes.push({ code: 'NEGATIVE_TARGET_MISSED', field: 'actual', params: { target: s.target, actual: s.actual } });
    return { ...base, score: ZERO, method: 'none', state: 'review', manual: 'free', how: `指标值${s.target}为负数，实际值${s.actual}未达到，比例公式不适用，需人工复核` };
  }
  if (row.policy.quantitative.strictOperators && (op === 'GT' || op === 'LT') && a.equals(T)) {
    notes.push({ code: 'STRICT_OPERATOR_NOT_MET', field: 'actual', params: { actual: s.actual, operator: written.text } });
    return { ...base, score: ZERO, method: 'none', state: 'review', manual: 'free', how: `实际值${s.actual}等于指标值，按“${shownTarget}”（严格比较）未达成，需人工评分` };
  }
  const f = formulaOf(op, a, T, row);
  const how = explain(f, shownTarget, s, a, T, row);
  const scored: Scored = { ...base, score: f.score, method: f.method, ratio: f.ratio, state: f.met ? 'met' : 'partly', how };
  return overachieved(row, op, a, T, s, scored);
}

/**
 * The operator as the filer wrote it when it is a spelling of one ("不低于" before the number, "以上"
 * after it); otherwise (a 计算符号 code "1", a column word 正向, none) its symbol.
 */
function writtenOperator(t: QuantValue, op: Operator, vocab: Vocabulary): { text: string; after: boolean } {
  const w = t.operatorText;
  if (w !== null && vocab.prefixOperators.has(w)) return { text: w, after: false };
  if (w !== null && vocab.suffixOperators.has(w)) return { text: w, after: true };
  return { text: vocab.symbols[op], after: false };
}

function missed(op: Operator, a: Dec, t: Dec): boolean {
  return op === 'LE' || op === 'LT' ? a.greaterThan(t) : a.lessThan(t);
}

function formulaOf(op: Operator, a: Dec, t: Dec, row: Row): Formula {
  const { w, dp } = row;
  if (op === 'LE' || op === 'LT') return reverse(a, t, w, dp, row.policy.quantitative.reverseFormula);
  if (op === 'EQ') return t.isZero() ? equalZero(a, w) : positive(a, t, w, dp, 'equal');
  return positive(a, t, w, dp);
}

function explain(f: Formula, target: string, s: Shown, a: Dec, t: Dec, row: Row): string {
  const w = row.w.toString();
  const score = fmt(f.score, row.dp);
  const head = `指标值${target}，实际值${s.actual}`;
  const at = s.inTarget(a);
  const tt = s.inTarget(t);
  switch (f.case) {
    case 'met':
      return `${head}，已达成，得满分${w}分`;
    case 'zero':
      return t.isZero() ? `${head}，指标值为0而实际值大于0，得0分` : `${head}，达到指标值的2倍及以上，得0分`;
    case 'ratio':
      return f.method === 'reverse_ratio'
        ? `${head}，超过指标值，按 ${tt} ÷ ${at} × ${w} = ${score}分`
        : `${head}，未达到，按比例 ${at} ÷ ${tt} × ${w} = ${score}分`;
    case 'linear':
      return `${head}，超过指标值，按 (1 − (${at} − ${tt}) ÷ ${tt}) × ${w} = ${score}分`;
  }
}

/** ≥ 1.2 × T (Guangxi 1.3): flagged, never deducted automatically; a manual score may apply. */
function overachieved(row: Row, op: Operator, a: Dec, t: Dec, s: Shown, scored: Scored): Scored {
  const q = row.policy.quantitative;
  if (op === 'LE' || op === 'LT' || !t.greaterThan(ZERO) || a.lessThan(t.times(q.overachieveFactor))) return scored;
  const note: Note = { code: 'OVERACHIEVED', field: 'actual', params: { actual: s.actual, target: s.target, factor: q.overachieveFactor.toString() } };
  return { ...scored, notes: [...scored.notes, note], state: 'over', manual: 'free' };
}
