/** Reconciling the filer's figures with the computed ones. */
import type { Dec } from '../decimal.js';

/** True when |reported − computed| exceeds the policy's tolerance (6.7.5: 0.01 by default). */
export function differs(reported: Dec, computed: Dec, tolerance: Dec): boolean {
  if (reported.equals(computed)) return false; // the common case, one comparison
  return reported.minus(computed).abs().greaterThan(tolerance);
}

const GRADE_ALIASES: Record<string, string> = {
  优秀: '优',
  良好: '良',
  中等: '中',
  较差: '差',
  合格: '中',
  不合格: '差',
};

/** "优秀" → "优", " 良 " → "良"; the first character of a grade word otherwise. */
export function normalizeGrade(text: string): string {
  const t = text.replace(/[\s"'“”「」（）()]/g, '');
  return GRADE_ALIASES[t] ?? t;
}

const NO_DEVIATION = new Set(['', '无', '无偏差', '没有偏差', '无差异', '/', '-', '—', '——', '暂无', '不适用', '无。', '无偏差。', '已完成']);

/** A deviation note that says nothing: blank, "无偏差", "/" … (6.6.4: "无偏差" counts as empty). */
export function isEmptyNote(note: string | undefined): boolean {
  if (note === undefined) return true;
  return NO_DEVIATION.has(note.replace(/[\s。.，,；;]/g, ''));
}
