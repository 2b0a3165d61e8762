/**
 * Read a row: its 一级 / 二级 class, whether it is a blank template row or a cleared (Shanxi) row,
 * and its parsed target and actual. The one place where parse notes become findings.
 */
import type { Indicator } from '../../model/form.js';
import { rowKindOf, type RowKind } from '../../model/rows.js';
import { classifyLevels, hasReverseHint, isDoubleCountName, parseActual, parseTarget } from '../../parse/index.js';
import type { LevelClass } from '../../parse/taxonomy.js';
import type { ParsedValue, ParseNote } from '../../parse/types.js';
import type { Vocabulary } from '../../parse/vocabulary.js';
import type { Note } from './types.js';

/** 'blank' template row, 'cleared' adjusted target (Shanxi rule 41), or a row to score. */
export function rowKind(ind: Indicator): RowKind {
  return rowKindOf(ind as unknown as Record<string, unknown>);
}

export function rowNotes(ind: Indicator, levels: LevelClass, vocab: Vocabulary): Note[] {
  const notes: Note[] = [];
  if (!levels.level1Key) notes.push({ code: 'LEVEL_UNKNOWN', field: 'level1', params: { level: ind.level1 ?? '', depth: '一级' } });
  if (!levels.level2Key) notes.push({ code: 'LEVEL_UNKNOWN', field: 'level2', params: { level: ind.level2 ?? '', depth: '二级' } });
  if (isDoubleCountName(ind.name, vocab)) notes.push({ code: 'POSSIBLE_DOUBLE_COUNT', field: 'name' });
  return notes;
}

export interface Values {
  levels: LevelClass;
  reverseRead: boolean;
  target: ParsedValue;
  actual: ParsedValue;
  notes: Note[];
}

export function readValues(ind: Indicator, vocab: Vocabulary): Values {
  const levels = classifyLevels(ind.level1 ?? '', ind.level2 ?? '', vocab);
  // A cost indicator (by its 一级 / 二级, or a name with 成本 / 费用 / 单价 …) is read as ≤ (rule 10).
  // An unknown 二级 (a misspelt 成本指标) still says cost through the same reverse hints as a name.
  const reverseRead = levels.isCost || hasReverseHint(ind.name, vocab) || (!levels.level2Key && hasReverseHint(ind.level2 ?? '', vocab));
  const target = parseTarget(ind.target, { operator: ind.operator, unit: ind.unit, indicatorName: ind.name, reverse: levels.isCost || (!levels.level2Key && hasReverseHint(ind.level2 ?? '', vocab)) }, vocab);
  const actual = parseActual(ind.actual, target, vocab);
  const notes = rowNotes(ind, levels, vocab);
  for (const n of target.notes) {
    const note = targetNote(n, ind, target);
    if (note) notes.push(note);
  }
  return { levels, reverseRead, target, actual, notes };
}

function targetNote(n: ParseNote, ind: Indicator, target: ParsedValue): Note | null {
  switch (n.code) {
    case 'OPERATOR_INFERRED':
      return { code: 'OPERATOR_INFERRED', field: 'target', params: { operator: n.params?.operator ?? '' } };
    case 'OPERATOR_CONFLICT':
      return { code: 'OPERATOR_CONFLICT', field: 'operator', params: { column: n.params?.column ?? ind.operator ?? '', inline: n.params?.inline ?? '' } };
    case 'UNIT_UNKNOWN':
      return { code: 'UNIT_UNKNOWN', field: 'target', params: { unit: n.params?.unit ?? '' } };
    case 'DATE_TARGET':
      return { code: 'DATE_TARGET', field: 'target', params: { target: target.raw } };
    default:
      return null;
  }
}
