/**
 * Which scoring method a row gets: a table of (test, method), first match wins. Each method
 * returns { score, method, state, how, notes } and nothing else.
 */
import { ZERO } from '../../decimal.js';
import { columnOperator } from '../../parse/index.js';
import type { ParsedValue, QuantValue } from '../../parse/types.js';
import { scoreNumber } from './quant.js';
import { review, scoreAnswer, scoreCountAgainstAnswer, scoreQualitative } from './tier.js';
import { amend, scored, type Note, type Row, type Scored, type ScoringMethod } from './types.js';

function missingTarget(row: Row): Scored {
  const notes: Note[] = [{ code: 'TARGET_MISSING', field: 'target' }];
  // Both are reported when both are missing (rule 6).
  if (row.actual.kind === 'empty') notes.push({ code: 'ACTUAL_MISSING', field: 'actual' });
  return { score: ZERO, method: 'none', state: 'review', how: () => '缺少指标值，得0分', notes, manual: 'policy', rootCause: true };
}

/** A target that asks for a number and gives none ("≥%"): nothing to compare with (TARGET_UNPARSED). */
function unparsedTarget(row: Row): Scored {
  const notes: Note[] = [{ code: 'TARGET_UNPARSED', field: 'target', params: { target: row.target.raw } }];
  if (row.actual.kind === 'empty') notes.push({ code: 'ACTUAL_MISSING', field: 'actual' });
  return scored({ score: ZERO, method: 'none', state: 'review', how: () => `指标值“${row.target.raw}”缺少数值，无法评分，需人工复核`, notes, manual: 'free', rootCause: true });
}

function missingActual(): Scored {
  const notes: Note[] = [{ code: 'ACTUAL_MISSING', field: 'actual' }];
  return { score: ZERO, method: 'none', state: 'review', how: () => '缺少实际完成值，得0分', notes, manual: 'free', rootCause: true };
}

function notNumeric(row: Row): Scored {
  const notes: Note[] = [{ code: 'ACTUAL_NOT_NUMERIC', field: 'actual', params: { actual: row.actual.raw } }];
  return { score: ZERO, method: 'none', state: 'review', how: () => `定量指标的实际完成值“${row.actual.raw}”不是数值，需人工复核`, notes, manual: 'free' };
}

/** Shanxi's default (未填报) cost row: scored on its actual's tier, then capped (rule 35). */
function defaultCostRow(row: Row): Scored {
  if (row.actual.kind === 'empty') return missingActual(); // rule 6: a missing actual is always reported
  const cap = row.policy.costRow.defaultRowCap!;
  const scored = row.actual.kind === 'qualitative' && row.actual.answer ? scoreAnswer(row) : scoreQualitative(row);
  return amend(scored, { cap: cap.lessThan(row.w) ? cap : row.w, direction: 'qualitative' });
}

function isDefaultCostRow(row: Row): boolean {
  const t = row.target;
  const flagged = row.ind.isDefaultCostRow ?? (t.kind === 'empty' && t.placeholder && row.levels.isCost);
  return flagged && row.policy.costRow.defaultRowCap !== null;
}

const isQuant = (row: Row) => row.target.kind === 'quantitative' || row.target.kind === 'range';
const isAnswer = (row: Row) => row.actual.kind === 'qualitative' && row.actual.answer !== null;

/**
 * 计算符号 9 定量（其他） and 10 不适用 (integration.md §1.6.1 and §2.2 item 3): no rule compares the
 * actual with the target, so the row is left to a person (a manual score is taken when written).
 */
function notAutoScored(row: Row): boolean {
  if (row.ind.operator == null) return false;
  const kind = columnOperator(row.ind.operator, row.vocab)?.kind;
  return kind === 'manual' || kind === 'notApplicable';
}

function manualRow(row: Row): Scored {
  const operator = String(row.ind.operator);
  const notes: Note[] = [{ code: 'OPERATOR_NOT_AUTOSCORED', field: 'operator', params: { operator } }];
  return scored({ score: ZERO, method: 'none', state: 'review', how: () => `指标性质为“${operator}”，不自动评分，需人工评分`, notes, manual: 'free', rootCause: true });
}

const isAmbiguous = (v: ParsedValue) => v.notes.some((n) => n.code === 'AMBIGUOUS_NUMBER');

/** Several numbers in a quantitative value ("2项，其中1项省级", "100个（含在建20个）"): which one counts is not ours to guess. */
function ambiguousValue(row: Row): Scored {
  const field = isAmbiguous(row.target) ? 'target' : 'actual';
  const what = field === 'target' ? '指标值' : '实际完成值';
  const value = row[field].raw;
  const notes: Note[] = [{ code: 'VALUE_AMBIGUOUS', field, params: { what, whatEn: field, value } }];
  if (row.actual.kind === 'empty') notes.push({ code: 'ACTUAL_MISSING', field: 'actual' });
  return { score: ZERO, method: 'none', state: 'review', how: () => `${what}“${value}”含有多个数值，无法确定按哪个评分，需人工复核`, notes, manual: 'free' };
}

/** First match wins. */
const TABLE: Array<[(row: Row) => boolean, ScoringMethod]> = [
  [notAutoScored, manualRow],
  [isDefaultCostRow, defaultCostRow],
  [(row) => row.target.kind === 'empty', missingTarget],
  [(row) => row.target.kind === 'qualitative' && row.target.unparsed, unparsedTarget],
  [(row) => isQuant(row) && (isAmbiguous(row.target) || (row.actual.kind !== 'qualitative' && isAmbiguous(row.actual))), ambiguousValue],
  [(row) => row.actual.kind === 'empty', missingActual],
  [isAnswer, scoreAnswer],
  [(row) => row.target.kind === 'qualitative' && row.target.answer !== null && row.actual.kind === 'quantitative', scoreCountAgainstAnswer],
  [(row) => row.target.kind === 'qualitative' && row.target.isDate && row.actual.kind !== 'qualitative',
    (row) => review(row, 'QUAL_TIER_UNKNOWN', () => `时间节点指标，实际完成值“${row.actual.raw}”需人工复核`)],
  [(row) => row.target.kind === 'qualitative', scoreQualitative],
  [(row) => isQuant(row) && row.actual.kind !== 'quantitative', notNumeric],
  [isQuant, (row) => scoreNumber(row, row.actual as QuantValue)],
];

export function pickMethod(row: Row): Scored {
  for (const [test, method] of TABLE) if (test(row)) return method(row);
  return notNumeric(row); // unreachable: the table covers every kind
}
