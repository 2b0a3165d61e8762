/**
 * The one place where errors become problems: fastify's own errors (FST_ERR_*), the body
 * parsers', the plugins' (multipart, rate limit, under-pressure) and ours. `mapError` gives
 * the code and parameters; the app's error handler, `frameworkErrors` (bad URL encoding,
 * over-long path parameters) and the raw-socket `clientErrorHandler` (408 / 431 / 400 before
 * fastify sees a request) all answer with RFC 9457 problem+json.
 */
import { randomUUID } from 'node:crypto';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { message, type Code, type Lang } from '../core/codes.js';
import { CONTENT_LANGUAGE, instanceOf, langFromHeader, langOf, problem, problemBody, type ProblemError } from './problem.js';

/** An error of ours raised inside fastify's flow (body parsers, hooks). */
export class HttpError extends Error {
  constructor(
    readonly jxCode: Code,
    readonly params: Record<string, string | number> = {},
    readonly errors?: ProblemError[],
  ) {
    super(jxCode);
  }
}

export interface Mapped {
  code: Code;
  params?: Record<string, string | number>;
  errors?: ProblemError[];
}

const PART_ZH: Record<string, string> = { querystring: '查询参数', params: '路径参数', body: '请求体', headers: '请求头' };

/** Limits the mapping reports in its messages. */
export interface ErrorLimits {
  bodyLimit: number;
  multipart: { files: number; fields: number; parts: number; fileSize: number };
}

const detailOf = (lang: Lang, zh: string, en: string) => ({ detail: lang === 'en' ? en : zh });

/** The texts of @fastify/busboy's errors for a malformed multipart body (they carry no code). */
const MULTIPART_ERROR_RX = /^(?:Multipart: Boundary not found|Boundary required|Unexpected end of multipart data|\w+ terminated early due to unexpected end of multipart data|Malformed part header|Unsupported Content-Type\.)$/;

const ZOD_ZH = z.locales.zhCN();

/** A schema violation in the request's language: zod's own Chinese texts (its zh-CN locale) for zh, its English for en. */
function issueText(v: { keyword?: string; message?: string; params?: Record<string, unknown> }, lang: Lang): string {
  if (lang === 'en' || !v.keyword) return v.message ?? '';
  const out = ZOD_ZH.localeError({ ...(v.params ?? {}), code: v.keyword, path: [] } as never);
  const text = typeof out === 'string' ? out : out?.message;
  return text ?? v.message ?? '';
}

/** The problem of an error thrown inside a request; null when it is ours to fix (a 500). */
export function mapError(err: FastifyError | HttpError, req: FastifyRequest, limits: ErrorLimits): Mapped | null {
  const lang = langOf(req);
  if (err instanceof HttpError) return { code: err.jxCode, params: err.params, errors: err.errors };
  const e = err as FastifyError & { jxCode?: Code };
  if (e.jxCode) return { code: e.jxCode };
  if (Array.isArray(e.validation)) {
    const part = e.validationContext ?? 'body';
    const errors: ProblemError[] = e.validation.map((v) => {
      const pointer = v.instancePath === '/' ? '' : (v.instancePath ?? '');
      // A query or path parameter is named as the client wrote it ("detail"), a body field by its path.
      const named = pointer.slice(1).replace(/\//g, '.');
      const field = part === 'querystring' || part === 'params' ? named || part : `${part}${pointer.replace(/\//g, '.')}`;
      return { code: 'INVALID_VALUE', pointer, message: message('INVALID_VALUE', { field, value: issueText(v, lang) }, lang) };
    });
    return { code: 'BAD_REQUEST', params: detailOf(lang, `${PART_ZH[part] ?? part}不符合接口定义`, `the ${part} does not match the API`), errors };
  }
  const bodyLimit = req.routeOptions?.bodyLimit ?? limits.bodyLimit;
  const contentType = String(req.headers['content-type'] ?? '').slice(0, 100);
  const mp = limits.multipart;
  // busboy's parse errors are plain Errors with fixed texts (no code): a broken upload is the client's.
  if (/^multipart\//i.test(contentType) && e.statusCode === undefined && MULTIPART_ERROR_RX.test(e.message ?? '')) {
    return { code: 'BAD_REQUEST', params: detailOf(lang, '上传内容（multipart/form-data）格式无效：缺少 boundary 或内容不完整', 'the upload (multipart/form-data) is malformed: no boundary, or cut short') };
  }
  // The client went away while its body was read: nobody reads the answer, but it is not a 500.
  if (e.code === 'ECONNRESET' || e.code === 'ERR_STREAM_PREMATURE_CLOSE') {
    return { code: 'BAD_REQUEST', params: detailOf(lang, '请求体未完整送达（连接已断开）', 'the body did not arrive in full (the connection was closed)') };
  }
  switch (e.code) {
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return { code: 'EMPTY_BODY' };
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return { code: 'INVALID_JSON' };
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return { code: 'BODY_TOO_LARGE', params: { limit: bodyLimit } };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
      return { code: 'UNSUPPORTED_MEDIA_TYPE', params: { type: contentType } };
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return { code: 'BAD_REQUEST', params: detailOf(lang, '请求体长度与 Content-Length 不一致', 'the body length differs from Content-Length') };
    case 'FST_ERR_BAD_URL':
    case 'FST_ERR_INVALID_URL':
      return { code: 'BAD_REQUEST', params: detailOf(lang, 'URL 编码无效', 'the URL is not validly encoded') };
    case 'FST_ERR_MAX_PARAM_LENGTH':
      return { code: 'URI_TOO_LONG' };
    case 'FST_ERR_NOT_FOUND':
      return { code: 'NOT_FOUND', params: { what: `${req.method} ${req.url.split('?')[0].slice(0, 200)}` } };
    case 'FST_REQ_FILE_TOO_LARGE':
      return { code: 'BODY_TOO_LARGE', params: { limit: mp.fileSize } };
    case 'FST_FILES_LIMIT':
      return { code: 'MULTIPART_LIMIT', params: { what: lang === 'en' ? 'files' : '文件', max: mp.files } };
    case 'FST_FIELDS_LIMIT':
      return { code: 'MULTIPART_LIMIT', params: { what: lang === 'en' ? 'fields' : '字段', max: mp.fields } };
    case 'FST_PARTS_LIMIT':
      return { code: 'MULTIPART_LIMIT', params: { what: lang === 'en' ? 'parts' : '部分', max: mp.parts } };
    case 'FST_PROTO_VIOLATION':
      return { code: 'BAD_REQUEST', params: detailOf(lang, '禁止使用的字段名', 'a forbidden field name') };
    case 'FST_INVALID_JSON_FIELD_ERROR':
      return { code: 'INVALID_JSON' };
    case 'FST_UNDER_PRESSURE':
      return { code: 'SERVICE_UNAVAILABLE', params: detailOf(lang, '服务器繁忙，请稍后再试', 'the server is overloaded; try again later') };
    case 'FST_ERR_HANDLER_TIMEOUT':
      return { code: 'SERVICE_UNAVAILABLE', params: detailOf(lang, '处理超时', 'the request took too long to handle') };
  }
  const status = e.statusCode ?? 500;
  if (status >= 500) return null;
  switch (status) {
    case 404:
      return { code: 'NOT_FOUND', params: { what: `${req.method} ${req.url.split('?')[0].slice(0, 200)}` } };
    case 406:
      return { code: 'NOT_ACCEPTABLE' };
    case 408:
      return { code: 'REQUEST_TIMEOUT' };
    case 413:
      return { code: 'BODY_TOO_LARGE', params: { limit: bodyLimit } };
    case 414:
      return { code: 'URI_TOO_LONG' };
    case 415:
      return { code: 'UNSUPPORTED_MEDIA_TYPE', params: { type: contentType } };
    case 429:
      return { code: 'TOO_MANY_REQUESTS' };
    case 431:
      return { code: 'HEADERS_TOO_LARGE' };
  }
  // Any other client error: a generic detail with the error's code, never a library's text.
  const tag = typeof e.code === 'string' && /^[A-Z0-9_]{1,64}$/.test(e.code) ? e.code : String(status);
  return { code: 'BAD_REQUEST', params: detailOf(lang, `请求无法处理（${tag}）`, `the request cannot be handled (${tag})`) };
}

/** Answer an error with its problem (or a logged 500). */
export function answerError(err: FastifyError | HttpError, req: FastifyRequest, reply: FastifyReply, limits: ErrorLimits): FastifyReply {
  const m = mapError(err, req, limits);
  if (!m) {
    req.log.error({ err }, 'unhandled error');
    return problem(reply, 'INTERNAL');
  }
  if ((err as { statusCode?: number }).statusCode === 429 && m.code === 'TOO_MANY_REQUESTS' && !reply.hasHeader('retry-after')) {
    reply.header('retry-after', '60');
  }
  return problem(reply, m.code, m.params ?? {}, m.errors);
}

/**
 * A problem written straight to a socket, for the errors Node answers before fastify has a
 * request (header overflow, malformed HTTP, timeouts). The connection is closed after it.
 */
export function rawProblem(
  code: Code,
  lang: Lang,
  opts: { params?: Record<string, string | number>; instance?: string; headers?: Record<string, string> } = {},
): string {
  // No request could be read (an idle or refused connection): the instance names this occurrence.
  const p = problemBody(code, opts.params ?? {}, lang, undefined, opts.instance ?? `urn:uuid:${randomUUID()}`);
  const body = JSON.stringify(p);
  const status = p.status;
  const head = [
    `HTTP/1.1 ${status} ${STATUS_TEXT[status] ?? 'Error'}`,
    'Content-Type: application/problem+json; charset=utf-8',
    `Content-Length: ${Buffer.byteLength(body)}`,
    `Content-Language: ${CONTENT_LANGUAGE[lang]}`,
    'Vary: Accept-Language',
    'Connection: close',
    ...Object.entries(opts.headers ?? {}).map(([k, v]) => `${k}: ${v}`),
  ];
  return head.join('\r\n') + '\r\n\r\n' + body;
}

const STATUS_TEXT: Record<number, string> = { 400: 'Bad Request', 405: 'Method Not Allowed', 408: 'Request Timeout', 413: 'Payload Too Large', 417: 'Expectation Failed', 429: 'Too Many Requests', 431: 'Request Header Fields Too Large', 503: 'Service Unavailable' };

interface InFlight {
  headersSent?: boolean;
  writableFinished?: boolean;
  once?: (event: 'finish' | 'close', fn: () => void) => unknown;
  req?: { headers?: Record<string, string | string[] | undefined>; url?: string; complete?: boolean };
}
interface SocketWithMessage extends Socket {
  _httpMessage?: InFlight | null;
}

/**
 * The path of the request Node could not parse, from the bytes it was parsing (`rawPacket`; the
 * error is at `bytesParsed`): the request that starts last at or before the error (at the start,
 * or after a blank line) when its first line is a request line. Printable ASCII only, at most 200
 * characters; undefined when there is none (rawProblem then names the occurrence).
 */
export function instanceFromRaw(raw: unknown, at?: number): string | undefined {
  if (!Buffer.isBuffer(raw)) return undefined;
  const text = raw.subarray(0, Math.min(raw.length, 64 * 1024)).toString('latin1');
  const pos = Math.min(at ?? text.length, text.length);
  let start = 0;
  for (let i = text.indexOf('\r\n\r\n'); i >= 0 && i + 4 <= pos; i = text.indexOf('\r\n\r\n', i + 4)) start = i + 4;
  const m = /^[A-Za-z]{1,20} (\/[\x21-\x7e]*)/.exec(text.slice(start, start + 4096));
  return m ? instanceOf(m[1]) : undefined;
}

/**
 * fastify's clientErrorHandler: Node found a client error before (or while) reading a request.
 * 408 for a request or header timeout, 431 for headers (or a request line) over the limit,
 * 400 for anything else; as problem+json, unless an answer has started already. When the error
 * is in a request pipelined after one still being answered, that answer goes out first.
 */
export function clientErrorHandler(err: NodeJS.ErrnoException & { rawPacket?: unknown; bytesParsed?: number }, socket: Socket): void {
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  const s = socket as SocketWithMessage;
  const inFlight = s._httpMessage;
  const code: Code = err.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 'REQUEST_TIMEOUT' : err.code === 'HPE_HEADER_OVERFLOW' ? 'HEADERS_TOO_LARGE' : 'BAD_REQUEST';
  // The request in flight was read whole: the bad bytes are the next request's.
  const next = inFlight?.req?.complete === true && code !== 'REQUEST_TIMEOUT';
  const about = next ? undefined : inFlight?.req;
  const answer = () => {
    if (socket.writable && (next || !inFlight?.headersSent)) {
      const lang = langFromHeader(about?.headers?.['accept-language']);
      const params = code === 'BAD_REQUEST' ? detailOf(lang, '不是有效的 HTTP 请求', 'not a valid HTTP request') : {};
      const instance = about?.url !== undefined ? instanceOf(about.url) : instanceFromRaw(err.rawPacket, err.bytesParsed);
      socket.write(rawProblem(code, lang, { params, instance }));
    }
    // Half-close and let the client read the answer; the socket goes when it ends (or soon).
    socket.end();
    setTimeout(() => socket.destroy(), 2000).unref();
  };
  if (next && inFlight && !inFlight.writableFinished && inFlight.once) {
    let done = false;
    const once = () => {
      if (done) return;
      done = true;
      answer();
    };
    inFlight.once('finish', once);
    inFlight.once('close', once);
    setTimeout(once, 10_000).unref();
    return;
  }
  answer();
}
