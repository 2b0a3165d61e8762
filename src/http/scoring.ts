/** What the score and batch routes share: the policy a request asks for, and a form's key. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Policy } from '../core/policy/types.js';

export type PolicyChoice =
  | { ok: true; policy: Policy | undefined; label: string }
  | { ok: false; id: string };

/**
 * `?policy=ID` when given, else DEFAULT_POLICY when configured, else undefined: each form is
 * then scored under the policy in force for its region and year (label "by-form").
 */
export function choosePolicy(app: FastifyInstance, requested: string | undefined): PolicyChoice {
  const id = requested ?? app.config.defaultPolicy ?? undefined;
  if (id === undefined) return { ok: true, policy: undefined, label: 'by-form' };
  const policy = app.jixiao.policies.get(id);
  return policy ? { ok: true, policy, label: policy.id } : { ok: false, id };
}

/** The form's id, else its proCode, as written (short strings and numbers only); else null. */
export function formKey(input: unknown): string | null {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return null;
  const o = input as Record<string, unknown>;
  for (const k of ['id', 'proCode']) {
    const v = Object.prototype.hasOwnProperty.call(o, k) ? o[k] : undefined;
    if (typeof v === 'number' && Number.isFinite(v)) return String(v);
    if (typeof v === 'string' && v.trim() !== '' && v.length <= 64) return v.trim();
  }
  return null;
}

/** Every finding's code, once per finding, from the counts both answers carry (BriefResult and ScoreResult). */
export function* findingCodes(summary: { byCode: Readonly<Record<string, number>> }): Generator<string> {
  for (const code in summary.byCode) for (let n = summary.byCode[code]; n > 0; n--) yield code;
}

/** True when the request came without a body at all (no content type, nothing parsed). */
export function noBody(req: FastifyRequest): boolean {
  return req.body === undefined || (req.body === null && req.headers['content-type'] === undefined);
}
