/**
 * The indicator rows of a department form, each scored by the project pipeline
 * (engine/indicator). One difference, from the data: a row that names a common department-wide
 * indicator (indicators/department.json: 财政供养人员控制率 ≤, 预算完成率 ≥, 资金使用合规性 = …)
 * and writes its target without an operator is read in that indicator's direction, as if its
 * 指标性质 column said so, and says so (OPERATOR_INFERRED with the operator used).
 */
import { scoreIndicator, type IndicatorOutcome } from '../engine/indicator/index.js';
import type { Note } from '../engine/indicator/types.js';
import type { Indicator } from '../model/form.js';
import { parseTarget } from '../parse/index.js';
import type { Operator } from '../parse/types.js';
import type { Vocabulary } from '../parse/vocabulary.js';
import type { Policy } from '../policy/types.js';
import type { DepartmentData } from './data.js';

const OPERATOR_OF: Record<string, Operator | undefined> = { positive: 'GE', reverse: 'LE', equal: 'EQ' };

/** The operator the department list gives a row written without one, or null. */
export function listOperator(ind: Indicator, vocab: Vocabulary, data: DepartmentData): Operator | null {
  if (ind.operator) return null;
  const common = data.indicator(ind.name);
  const op = common ? OPERATOR_OF[common.direction] : undefined;
  if (!op) return null;
  const target = parseTarget(ind.target, {}, vocab);
  return target.kind === 'quantitative' && target.operatorText === null ? op : null;
}

/** One row: scored as written, or with the list's operator in its 指标性质 column. */
export function scoreDepartmentRow(ind: Indicator, index: number, policy: Policy, vocab: Vocabulary, data: DepartmentData): IndicatorOutcome {
  const op = listOperator(ind, vocab, data);
  if (!op) return scoreIndicator(ind, index, policy, vocab);
  const symbol = vocab.symbols[op];
  const o = scoreIndicator({ ...ind, operator: symbol }, index, policy, vocab);
  const note: Note = { code: 'OPERATOR_INFERRED', field: 'target', params: { operator: symbol } };
  return { ...o, notes: [note, ...o.notes] };
}
