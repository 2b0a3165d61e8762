/**
 * Whether a qualitative actual read through a synonym or a grade (提升, 合格, 良 …) answers what
 * its target asks. §6.2's tier table accepts only the official labels and says "any other text →
 * NEEDS_REVIEW"; the synonyms are an engine convention, so they count only where their meaning
 * agrees with the target: the same direction (提升 is not 下降), the target's strength (有所提升
 * is not 明显提升), a grade at or above the target's grade (良 answers 良好, 合格 does not answer
 * 优秀). The words are in indicators/qualitative.json (meaning, graded, gradeAliases).
 */
import { labelKey, labelKeyOfNormalized } from '../../parse/normalize.js';
import type { QualValue } from '../../parse/types.js';
import { noteKey, type Vocabulary } from '../../parse/vocabulary.js';
import type { Tier } from '../../policy/types.js';

/** The tier to use, or the conflict to report (zh and en). */
export type Meaning = { tier: Tier } | { problem: string; problemEn: string };

function has(text: string, words: readonly string[]): boolean {
  return words.some((w) => text.includes(w));
}

/** 'up' (提升, 增长 …), 'down' (下降, 减少 …), or null (neither, or both). */
export function directionOf(text: string, vocab: Vocabulary): 'up' | 'down' | null {
  const up = has(text, vocab.meaning.up);
  const down = has(text, vocab.meaning.down);
  return up === down ? null : up ? 'up' : 'down';
}

function gradeOf(text: string, vocab: Vocabulary): string | null {
  return vocab.grades.get(labelKey(text)) ?? vocab.gradeAliases.get(noteKey(text)) ?? null;
}

/**
 * A target that is a grade (优秀, 良好 …) asks for that grade or better: at or above it is tier A; a
 * grade below it keeps its policy tier; a synonym below it (合格 is 中) or no grade at all is a conflict.
 */
function byGrade(targetGrade: string, act: QualValue, tier: Tier, vocab: Vocabulary): Meaning {
  const got = act.grade ?? gradeOf(act.normalized, vocab);
  if (got === null) return tier === 'C' ? { tier } : { problem: `指标值为等级“${targetGrade}”，实际完成值不是等级`, problemEn: `the target is the grade "${targetGrade}", the actual is not a grade` };
  const order = vocab.gradeOrder;
  if (order.indexOf(got) <= order.indexOf(targetGrade)) return { tier: 'A' };
  // A grade below the target's keeps the tier the policy gives that grade (Sichuan 优良中低差).
  if (act.grade) return { tier };
  return { problem: `实际等级“${got}”低于指标值等级“${targetGrade}”`, problemEn: `the actual grade "${got}" is below the target's grade "${targetGrade}"` };
}

/** `tier` as read from the actual, checked against the target; official labels are taken as they are. */
export function checkMeaning(target: QualValue, act: QualValue, tier: Tier, vocab: Vocabulary): Meaning {
  if (act.tierSource !== 'synonym' && act.tierSource !== 'graded') return { tier };
  const t = labelKeyOfNormalized(target.normalized);
  const a = labelKeyOfNormalized(act.normalized);
  if (t === a) return { tier };
  const targetGrade = vocab.grades.get(t) ?? null;
  if (targetGrade) return byGrade(targetGrade, act, tier, vocab);
  if (tier === 'C' || act.tierSource === 'graded') return { tier };
  const td = directionOf(t, vocab);
  const ad = directionOf(a, vocab);
  if (td && ad && td !== ad) {
    return { problem: td === 'up' ? '指标值要求提高，实际完成值为下降' : '指标值要求下降，实际完成值为提高', problemEn: td === 'up' ? 'the target asks for a rise, the actual says a fall' : 'the target asks for a fall, the actual says a rise' };
  }
  if (has(t, vocab.meaning.strong) && !has(a, vocab.meaning.strong)) {
    return { problem: '指标值要求明显或显著的效果，实际完成值未说明', problemEn: 'the target asks for a marked effect, the actual does not say so' };
  }
  return { tier };
}
