/**
 * Values that are not exact numbers. §6.2 rule 4 strips an operator *copied* from the target into
 * the actual ("≥99%" under "≥98%"); nothing in the rules covers an actual that states a bound in
 * the other direction ("≤100个" or "未达到100个" under "≥100个") or an approximate value ("约95%",
 * "95%左右", "近100个"). Those are left to a person (needs review), never scored as the bare number.
 * The words live in indicators/operators.json (approximate, prefix, suffix).
 */
import { ZERO } from '../../decimal.js';
import type { Operator, QuantValue, RangeValue } from '../../parse/types.js';
import type { Vocabulary } from '../../parse/vocabulary.js';
import { labelKeyOfNormalized } from '../../parse/normalize.js';
import { directionOf } from './meaning.js';
import type { Note, Row, Scored } from './types.js';

function review(how: () => string, note: Note): Scored {
  return { score: ZERO, method: 'none', state: 'review', how, notes: [note], manual: 'free', direction: null };
}

/** The operator the filer wrote into the actual, as written (OPERATOR_IN_ACTUAL), or null. */
function writtenInActual(a: QuantValue): string | null {
  const n = a.notes.find((x) => x.code === 'OPERATOR_IN_ACTUAL');
  return n?.params?.operator ?? null;
}

function operatorOf(text: string, vocab: Vocabulary): Operator | null {
  return vocab.prefixOperators.get(text) ?? vocab.suffixOperators.get(text) ?? null;
}

/**
 * A bound in the actual agrees with the target when it is "=" or points the way the target is
 * scored: ≥ / > under ≥ / > (or "=" with T > 0, scored like ≥); ≤ / < under ≤ / < (or "=" with T = 0).
 */
function agrees(op: Operator, t: QuantValue | RangeValue): boolean {
  if (op === 'EQ') return true;
  if (t.kind === 'range') return false;
  const up = op === 'GE' || op === 'GT';
  const tOp = t.operator ?? 'EQ';
  if (tOp === 'EQ') return up ? t.baseValue.greaterThan(ZERO) : t.baseValue.isZero();
  return up === (tOp === 'GE' || tOp === 'GT');
}

const CHANGE_WORDS = new WeakMap<Vocabulary, RegExp>();

/**
 * Whether the actual holds any word of a change (relative, up, down): one test of one pattern built
 * once per vocabulary, so that the common actual, which has none, costs no scan of the word lists.
 */
function saysChange(text: string, vocab: Vocabulary): boolean {
  let rx = CHANGE_WORDS.get(vocab);
  if (!rx) {
    const words = [...vocab.relative, ...vocab.meaning.up, ...vocab.meaning.down].map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    rx = words.length ? new RegExp(words.join('|')) : /(?!)/;
    CHANGE_WORDS.set(vocab, rx);
  }
  return rx.test(text);
}

/** null when the target and the actual are exact enough to score; else the review. */
export function notExact(row: Row, t: QuantValue | RangeValue, a: QuantValue): Scored | null {
  const vocab = row.vocab;
  const written = writtenInActual(a);
  const approxTarget = t.kind === 'quantitative' && t.operatorText !== null && vocab.approximate.has(t.operatorText);
  // "约12000平方米" copied from a target written the same way is the target's own value.
  const sameApprox = approxTarget && a.baseValue.equals((t as QuantValue).baseValue);
  if (written !== null && vocab.approximate.has(written) && !sameApprox) {
    return inexactActual(row, '为约数（“' + written + '”）', `is approximate ("${written}")`);
  }
  const op = written === null ? null : operatorOf(written, vocab);
  if (op && !agrees(op, t)) {
    return inexactActual(row, `只给出了界限（“${written}”），与指标值的方向不一致`, `states only a bound ("${written}") that does not point the target's way`);
  }
  if (saysChange(a.normalized, vocab)) {
    const relative = vocab.relative.find((w) => a.normalized.includes(w) && !t.normalized.includes(w));
    if (relative) {
      return inexactActual(row, `是相对计划的差值（“${relative}”），不是完成值本身`, `is a difference from the plan ("${relative}"), not the value itself`);
    }
    const turn = turnOf(t, a, vocab);
    if (turn) return inexactActual(row, turn.problem, turn.problemEn);
  }
  if (approxTarget && !sameApprox) {
    const note: Note = { code: 'TARGET_APPROXIMATE', field: 'target', params: { target: t.raw, actual: a.raw } };
    return review(() => `指标值“${t.raw}”为约数，实际完成值“${a.raw}”与该数不等，评分规则未规定约数如何算达成，需人工复核`, note);
  }
  return null;
}

/**
 * A change the actual states ("下降3%", "增长6%") that the target does not ask for in that direction
 * ("≥5%", "增长≥5%"): the bare number would be read as the wrong sign.
 */
function turnOf(t: QuantValue | RangeValue, a: QuantValue, vocab: Vocabulary): { problem: string; problemEn: string } | null {
  const said = directionOf(labelKeyOfNormalized(a.normalized), vocab);
  if (said === null) return null;
  const asked = directionOf(labelKeyOfNormalized(t.normalized), vocab);
  if (asked === said) return null;
  const word = said === 'up' ? '上升' : '下降';
  return asked === null
    ? { problem: `说明了变化方向（${word}），指标值未说明方向`, problemEn: `states a direction of change (${said}) the target does not state` }
    : { problem: `说明的变化方向（${word}）与指标值相反`, problemEn: `states a change (${said}) opposite to the target's` };
}

function inexactActual(row: Row, problem: string, problemEn: string): Scored {
  const note: Note = { code: 'ACTUAL_NOT_EXACT', field: 'actual', params: { actual: row.actual.raw, target: row.target.raw, problem, problemEn } };
  return review(() => `实际完成值“${row.actual.raw}”${problem}，不能按指标值“${row.target.raw}”自动评分，需人工复核`, note);
}
