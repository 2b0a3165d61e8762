/**
 * How final the total and the grade are, in words a finance officer reads beside them (issue 8):
 * the provisional mark, why they are provisional, how they were computed, and whether the grade
 * is required at all. One wording for every surface: the terminal table, the workbook and the
 * HTML page. Pure.
 */
import type { ScoreResult } from '../../core/model/result.js';

export const PROVISIONAL_MARK = '（暂定）';
export const REFERENCE_MARK = '（仅供参考）';
export const GRADE_NOT_REQUIRED = '不要求评级，计算等级仅供参考';

type Marked = Pick<ScoreResult, 'provisional' | 'gradeRequired' | 'grade' | 'explanation' | 'indicators' | 'findings'>;

/** The mark after the total: "（暂定）" when provisional, else nothing. */
export function totalMark(r: Marked): string {
  return r.provisional ? PROVISIONAL_MARK : '';
}

/** The mark after the grade: provisional, for reference only (not required), both, or nothing. */
export function gradeMark(r: Marked): string {
  if (r.grade === null) return '';
  if (r.provisional && !r.gradeRequired) return '（暂定，仅供参考）';
  if (r.provisional) return PROVISIONAL_MARK;
  return r.gradeRequired ? '' : REFERENCE_MARK;
}

/** Why the total is provisional: rows that need review, points that do not sum to the policy's total. */
export function provisionalReasons(r: Marked): string[] {
  if (!r.provisional) return [];
  const out: string[] = [];
  const review = r.indicators.filter((i) => i.status === 'needs_review');
  if (review.length) out.push(`${review.length}个指标需人工复核（${review.map((i) => i.name).join('、')}）`);
  const weights = r.findings.find((f) => f.code === 'WEIGHT_SUM');
  if (weights) out.push(`分值合计${weights.params.sum}分，不等于政策总分${weights.params.expected}分`);
  if (!out.length) out.push('有待人工复核的事项');
  return out;
}

/** The lines under the total: why provisional, how the total and the grade came about, grade for reference. */
export function totalLines(r: Marked): string[] {
  const out: string[] = [];
  const reasons = provisionalReasons(r);
  if (reasons.length) out.push(`总分与等级暂定：${reasons.join('；')}`);
  if (r.explanation.total) out.push(`总分计算：${r.explanation.total}`);
  if (r.explanation.grade) out.push(`等级评定：${r.explanation.grade}`);
  if (!r.gradeRequired) out.push(GRADE_NOT_REQUIRED);
  return out;
}
