/**
 * What a job needs to know of one input line before and after it is scored: its keys (pro_code,
 * eval_id, the form's id), and the one place where the standard row shapes (issue 12 item 1,
 * src/standard/) are turned into a form and the result back into rows.
 */
import type { ScoreResult } from '../core/model/result.js';
import { unknownFields } from '../core/model/structure.js';
import type { Jixiao, ScoreOptions } from '../jixiao.js';
import { stripUnknown } from '../standard/convert.js';
import { loadStandardCodes } from '../standard/load.js';
import { scoreAny, standardAnswer, type AnyOutcome } from '../standard/score.js';

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A short printable key as written (strings up to 64 characters, safe integers), else null. */
function keyOf(v: unknown): string | null {
  if (typeof v === 'number' && Number.isSafeInteger(v)) return String(v);
  if (typeof v === 'string' && v.trim() !== '' && v.length <= 64) return v.trim();
  return null;
}

const own = (o: Obj, k: string): unknown => (Object.prototype.hasOwnProperty.call(o, k) ? o[k] : undefined);

export interface LineKeys {
  proCode: string | null;
  evalId: string | null;
  /** The form's id, else its pro_code: what a batch line calls `id`. */
  formKey: string | null;
}

/**
 * pro_code and eval_id of a form in either shape: the camelCase form (proCode, id) or the standard
 * rows (pm_perf_self_eval.pro_code / eval_id).
 */
export function lineKeys(input: unknown): LineKeys {
  if (!isObj(input)) return { proCode: null, evalId: null, formKey: null };
  const head = own(input, 'pm_perf_self_eval');
  if (isObj(head)) {
    const proCode = keyOf(own(head, 'pro_code'));
    const evalId = keyOf(own(head, 'eval_id'));
    return { proCode, evalId, formKey: evalId ?? proCode };
  }
  const proCode = keyOf(own(input, 'proCode'));
  const evalId = keyOf(own(input, 'id'));
  return { proCode, evalId, formKey: evalId ?? proCode };
}

// ==== STANDARD SHAPE CALL SITE (issue 12 item 1) ==========================================================
// A job line may be a jixiao form or a body of the 一体化 standard shape (src/standard/): it is scored
// by scoreAny, as POST /v1/score does, and answered as the job asks (shape=form: the result;
// shape=standard: the rows with the computed columns filled, the result under `jixiao`).

/** Scores one line of either shape. */
export function scoreEither(jx: Jixiao, input: unknown, opts: ScoreOptions): AnyOutcome {
  return scoreAny(jx, input, loadStandardCodes(), opts);
}

/** The line's answer in the job's shape; `full` when already built (store=true). */
export function answerOf(out: Extract<AnyOutcome, { ok: true }>, input: unknown, shape: 'form' | 'standard', detail: 'brief' | 'full', full?: ScoreResult): unknown {
  if (shape === 'standard') return standardAnswer(out, input, loadStandardCodes(), detail, full ?? out.lean.full());
  return detail === 'brief' ? out.lean.brief() : (full ?? out.lean.full());
}

/** What a submission keeps of a line: the body as sent less its unknown fields. */
export function storedInput(out: Extract<AnyOutcome, { ok: true }>, input: unknown): unknown {
  return out.standard ? stripUnknown(out.standard.body) : unknownFields(input).stripped;
}
// ==== END OF THE STANDARD SHAPE CALL SITE ================================================================
