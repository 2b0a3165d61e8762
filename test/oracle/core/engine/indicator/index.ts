/**
 * One 三级 indicator, as a pipeline of small pure steps (scoring-rules.md §6.2, §6.4–§6.6):
 * classify the row → read its target and actual → the scoring method from a table → the manual
 * score → the cap → the deduction → status and the findings that depend on the final score.
 * Every problem becomes a finding; nothing throws.
 */
import type { Lang } from '../../codes.js';
import { ZERO } from '../../decimal.js';
import type { Indicator } from '../../model/form.js';
import { columnOperator } from '../../parse/index.js';
import type { Vocabulary } from '../../parse/vocabulary.js';
import type { Policy } from '../../policy/types.js';
import { finish, type IndicatorOutcome } from './finish.js';
import { applyCap, applyDeduction, applyManual } from './manual.js';
import { pickMethod } from './pick.js';
import type { Note, Row, Scored } from './types.js';
import { readValues, rowKind } from './values.js';

export type { IndicatorOutcome } from './finish.js';

function skippedRow(how: string, notes: Note[]): Scored {
  return { score: ZERO, method: 'none', state: 'met', how, notes, manual: 'policy' };
}

export function scoreIndicator(ind: Indicator, index: number, policy: Policy, vocab: Vocabulary, lang: Lang): IndicatorOutcome {
  const kind = rowKind(ind);
  const values = readValues(ind, vocab);
  const row: Row = {
    ind, index, policy, vocab, w: ind.points ?? ZERO, dp: policy.scoreDecimals,
    levels: values.levels, reverseRead: values.reverseRead, target: values.target, actual: values.actual,
  };
  if (kind === 'blank') {
    return finish(row, skippedRow('空行（无名称、指标值、实际完成值和分值），不评分', [{ code: 'ROW_BLANK', field: '', params: { row: index + 1 } }]), lang, true);
  }
  if (kind === 'cleared' && policy.adjustedTargetSkip) {
    // Shanxi: a target cleared in-year means the row is out, points included (rule 41).
    return finish(row, skippedRow('调整后指标值为空，该行不评分', [...values.notes, { code: 'ROW_SKIPPED', field: 'target' }]), lang, true);
  }
  if (policy.excludeAndRenormalise && columnOperator(ind.operator, vocab)?.kind === 'notApplicable') {
    // 不适用 (code 10) under a policy that drops such rows and rescales the indicator total (rule 61).
    const notes: Note[] = [{ code: 'ROW_NOT_APPLICABLE', field: 'operator', params: { operator: String(ind.operator) } }];
    return finish(row, skippedRow('指标性质为“不适用”，按政策剔除该行，不评分', notes), lang, true);
  }
  let s = pickMethod(row);
  s = { ...s, notes: [...values.notes, ...s.notes] };
  s = applyDeduction(row, applyCap(row, applyManual(row, s)));
  return finish(row, s, lang);
}
