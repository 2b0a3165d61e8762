/**
 * RFC 9457 problem details (application/problem+json) for every 4xx and 5xx, and the
 * language choice from Accept-Language. Route plugins answer an error with
 *
 *   return problem(reply, 'UNKNOWN_POLICY', { policy: id });
 *
 * The status comes from the code's row in src/core/codes.ts (kind 'http'); the detail is the
 * code's message in the request's language (Chinese unless Accept-Language prefers English).
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CODES, message, type Code, type Finding, type Lang } from '../core/codes.js';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json; charset=utf-8';

/** One entry of `errors`: what is wrong and where (RFC 6901 pointer into the request body). */
export interface ProblemError {
  code: Code;
  pointer: string;
  message: string;
}

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: Code;
  /** The request path (without the query) that the problem is about. */
  instance?: string;
  errors?: ProblemError[];
}

/** The `type` URI of a code: stable, documented in README.md under the code. */
export function problemType(code: Code): string {
  return `urn:jixiao:problem:${code}`;
}

const TITLES: Record<number, [zh: string, en: string]> = {
  400: ['请求无效', 'Bad Request'],
  401: ['未认证', 'Unauthorized'],
  403: ['禁止访问', 'Forbidden'],
  404: ['未找到', 'Not Found'],
  405: ['方法不允许', 'Method Not Allowed'],
  406: ['无法接受', 'Not Acceptable'],
  408: ['请求超时', 'Request Timeout'],
  409: ['冲突', 'Conflict'],
  413: ['内容过大', 'Content Too Large'],
  414: ['URL 过长', 'URI Too Long'],
  415: ['不支持的媒体类型', 'Unsupported Media Type'],
  417: ['预期失败', 'Expectation Failed'],
  422: ['无法处理的内容', 'Unprocessable Content'],
  429: ['请求过多', 'Too Many Requests'],
  431: ['请求头过大', 'Request Header Fields Too Large'],
  500: ['服务器内部错误', 'Internal Server Error'],
  503: ['服务不可用', 'Service Unavailable'],
};

export function statusOf(code: Code): number {
  return (CODES[code] as { status?: number }).status ?? 400;
}

/** Build the problem body (also used for the error lines of an NDJSON batch). */
export function problemBody(
  code: Code,
  params: Record<string, string | number> = {},
  lang: Lang = 'zh',
  errors?: readonly (ProblemError | Finding)[],
  instance?: string,
): Problem {
  const status = statusOf(code);
  const titles = TITLES[status] ?? TITLES[status >= 500 ? 500 : 400];
  const body: Problem = {
    type: problemType(code),
    title: lang === 'en' ? titles[1] : titles[0],
    status,
    detail: message(code, params, lang),
    code,
  };
  if (instance !== undefined) body.instance = instance;
  if (errors && errors.length > 0) {
    body.errors = errors.map((e) => ({ code: e.code, pointer: e.pointer, message: e.message }));
  }
  return body;
}

/** Send a problem; returns the reply so that a handler can `return problem(...)`. */
export function problem(
  reply: FastifyReply,
  code: Code,
  params: Record<string, string | number> = {},
  errors?: readonly (ProblemError | Finding)[],
): FastifyReply {
  const body = problemBody(code, params, langOf(reply.request), errors, instanceOf(reply.request.url));
  return sendProblem(reply, body);
}

/** Send a problem body built elsewhere (problemBody), with its status and the problem+json type. */
export function sendProblem(reply: FastifyReply, body: Problem): FastifyReply {
  if (body.instance === undefined) body.instance = instanceOf(reply.request.url);
  // Also set here: answers made outside the routes (frameworkErrors) skip the app's onSend hook.
  reply.header('content-language', CONTENT_LANGUAGE[langOf(reply.request)]);
  if (!reply.hasHeader('vary')) reply.header('vary', 'Accept-Language');
  return reply.code(body.status).header('content-type', PROBLEM_CONTENT_TYPE).send(JSON.stringify(body));
}

/** The `instance` of a problem: the request path without its query, at most 200 characters. */
export function instanceOf(url: string | undefined): string {
  const path = (url ?? '/').split('?')[0];
  return path.length > 200 ? path.slice(0, 200) : path;
}

/** Content-Language of an answer in `lang`. */
export const CONTENT_LANGUAGE: Record<Lang, string> = { zh: 'zh-CN', en: 'en' };

/**
 * The answer's language from Accept-Language: 'en' when an English range has a higher
 * quality than any Chinese one (and than '*'), else 'zh'. "en", "en-US,en;q=0.9" → en;
 * "zh-CN,en;q=0.8", "*", "fr", missing → zh.
 */
export function langFromHeader(header: string | string[] | undefined): Lang {
  if (header === undefined) return 'zh';
  const value = Array.isArray(header) ? header.join(',') : header;
  let en = -1;
  let zh = -1;
  let i = 0;
  for (const part of value.split(',')) {
    if (i++ > 20) break;
    const [tag, ...params] = part.trim().toLowerCase().split(';');
    let q = 1;
    for (const p of params) {
      const m = /^\s*q\s*=\s*([01](?:\.\d{0,3})?)\s*$/.exec(p);
      if (m) q = Number(m[1]);
    }
    if (q <= 0) continue;
    if (tag === 'en' || tag.startsWith('en-')) en = Math.max(en, q);
    else if (tag === 'zh' || tag.startsWith('zh-') || tag === '*') zh = Math.max(zh, q);
  }
  return en > zh ? 'en' : 'zh';
}

export function langOf(req: FastifyRequest): Lang {
  return langFromHeader(req.headers['accept-language']);
}
