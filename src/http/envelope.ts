/**
 * The optional envelope for gateways that expect `{code, msg, data}` around every answer.
 * RFC 9457 problem+json stays the default; `?envelope=1` (or ENVELOPE=1, then `?envelope=0` per
 * request to turn it off) wraps every JSON answer, success and problem alike:
 *
 *   success   200 {"code": 0,   "msg": "成功",                 "data": <the body as documented>}
 *   problem   422 {"code": 422, "msg": "表单无效：共2个问题",   "data": <the problem: type, title, status, detail, code, errors>}
 *
 * `code` is always a number: 0 for success, else the HTTP status (the problem's own string code
 * is `data.code`); `msg` is "成功" / "OK" or the problem's `detail`, in the answer's language.
 * The HTTP status stays what it is, and a wrapped problem is sent as application/json.
 * Only JSON bodies are wrapped: NDJSON streams, workbooks, CSV, text (/metrics), 204 and 304 are
 * sent as they are (a stream has no single body to wrap; its lines are documented as they are).
 * One onSend hook, installed before the ETag hook, so an enveloped answer has its own ETag.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { langOf } from './problem.js';

/** The wrapped body, as the OpenAPI document describes it (`data` is the documented body). */
export const EnvelopeSchema = z
  .object({
    code: z.number().int().min(0).max(599).meta({ description: '0 = 成功；否则为 HTTP 状态码（问题代码见 data.code）' }),
    msg: z.string().meta({ description: '“成功”，或问题的 detail（按应答语言）' }),
    data: z.unknown().meta({ description: '成功时为原应答体；出错时为 RFC 9457 问题' }),
  })
  .meta({ id: 'Envelope', description: '?envelope=1 或 ENVELOPE=1 时的统一包装' });

export type Envelope = z.output<typeof EnvelopeSchema>;

const JSON_TYPE = /^application\/(?:problem\+)?json\b/i;
const ON = new Set(['1', 'true', 'yes', 'on']);
const OFF = new Set(['0', 'false', 'no', 'off']);

/** Whether this request's answer is wrapped: its `?envelope=` when given, else the configured default. */
export function wantsEnvelope(req: FastifyRequest, byDefault: boolean): boolean {
  const v = (req.query as Record<string, unknown> | undefined)?.envelope ?? queryParam(req.url, 'envelope');
  if (typeof v === 'string') {
    const w = v.toLowerCase();
    if (ON.has(w)) return true;
    if (OFF.has(w)) return false;
  }
  return byDefault;
}

/** A query parameter read from the raw URL (for answers given before the query was parsed: 404, 415 …). */
function queryParam(url: string, name: string): string | undefined {
  const q = url.indexOf('?');
  if (q < 0) return undefined;
  try {
    return new URLSearchParams(url.slice(q + 1)).get(name) ?? undefined;
  } catch {
    return undefined;
  }
}

/** The envelope of a JSON body sent with `status`. */
export function envelope(status: number, body: unknown, lang: 'zh' | 'en'): Envelope {
  if (status < 400) return { code: 0, msg: lang === 'en' ? 'OK' : '成功', data: body };
  const detail = typeof body === 'object' && body !== null && typeof (body as { detail?: unknown }).detail === 'string' ? (body as { detail: string }).detail : '';
  return { code: status, msg: detail, data: body };
}

function wrap(req: FastifyRequest, reply: FastifyReply, payload: unknown): unknown {
  const type = String(reply.getHeader('content-type') ?? '');
  if (typeof payload !== 'string' || !JSON_TYPE.test(type) || reply.statusCode === 204 || reply.statusCode === 304) return payload;
  let body: unknown;
  try {
    body = JSON.parse(payload);
  } catch {
    return payload;
  }
  if (/^application\/problem\+json/i.test(type)) reply.header('content-type', 'application/json; charset=utf-8');
  return JSON.stringify(envelope(reply.statusCode, body, langOf(req)));
}

/** Adds the hook; install it before the ETag hook of app.ts (the tag is of the wrapped body). */
export function installEnvelope(app: FastifyInstance, byDefault: boolean): void {
  app.addHook('onSend', async (req, reply, payload) => {
    if (!wantsEnvelope(req, byDefault)) return payload;
    return wrap(req, reply, payload);
  });
}

/** Puts the Envelope schema among the document's components (no route declares it: any route may answer in it). */
export function addEnvelopeComponent<D extends Record<string, unknown>>(doc: D): D {
  const json = z.toJSONSchema(EnvelopeSchema, { io: 'output' }) as { $defs?: Record<string, unknown> } & Record<string, unknown>;
  const schema = (json.$defs?.Envelope ?? json) as Record<string, unknown>;
  const components = ((doc as { components?: Record<string, unknown> }).components ??= {}) as { schemas?: Record<string, unknown> };
  (components.schemas ??= {}).Envelope = schema;
  return doc;
}
