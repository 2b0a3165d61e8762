/**
 * 抽评等级 (value set RANDOMGRADE of the 一体化 standard, integration.md §1.6.3): 1 优, 2 良,
 * 3 中, 4 差. A review names its grade by code (1–4, as a number or a string) or by label.
 */
export const REVIEW_GRADES = [
  { code: '1', label: '优', en: 'excellent' },
  { code: '2', label: '良', en: 'good' },
  { code: '3', label: '中', en: 'fair' },
  { code: '4', label: '差', en: 'poor' },
] as const;

export type ReviewGradeCode = (typeof REVIEW_GRADES)[number]['code'];

/** The grade a review names, or null when it names none of the list. */
export function reviewGrade(v: unknown): (typeof REVIEW_GRADES)[number] | null {
  const s = typeof v === 'number' ? String(v) : typeof v === 'string' ? v.trim() : '';
  return REVIEW_GRADES.find((g) => g.code === s || g.label === s) ?? null;
}
