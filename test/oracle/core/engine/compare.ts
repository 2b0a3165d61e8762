/** Reconciling the filer's figures with the computed ones. Word lists live in indicators/qualitative.json. */
import type { Dec } from '../decimal.js';
import { noteKey, type Vocabulary } from '../parse/vocabulary.js';

/** True when |reported − computed| exceeds the policy's tolerance (6.7.5: 0.01 by default). */
export function differs(reported: Dec, computed: Dec, tolerance: Dec): boolean {
  if (reported.equals(computed)) return false; // the common case, one comparison
  return reported.minus(computed).abs().greaterThan(tolerance);
}

/** "优秀" → "优", " 良 " → "良" (gradeAliases); the text without spaces and quotes otherwise. */
export function normalizeGrade(text: string, vocab: Vocabulary): string {
  const t = noteKey(text);
  return vocab.gradeAliases.get(t) ?? t;
}

/** A deviation note that says nothing: blank, "无偏差", "/" … (6.6.4: "无偏差" counts as empty). */
export function isEmptyNote(note: string | undefined | null, vocab: Vocabulary): boolean {
  if (note === undefined || note === null) return true;
  return vocab.noDeviationNotes.has(noteKey(note));
}
