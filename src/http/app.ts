/**
 * The HTTP service as a fastify plugin (`jixiaoApp`) and `buildApp(opts)`, which makes a
 * configured instance around it. The Jixiao core and the config are injected, so tests pass
 * their own. To add a group of routes: write a plugin in routes/ (see routes/policies.ts)
 * and add it to ROUTES below; it gets `app.jixiao`, `app.config`, `app.metrics`, the
 * problem+json error handling, the request log line and the OpenAPI document for free.
 * Answer an error with `return problem(reply, CODE, params, errors?)` from ./problem.js.
 */
import { createHash, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { constants as zlibConstants } from 'node:zlib';
import Fastify, { LogController, type FastifyError, type FastifyInstance, type FastifyPluginAsync, type FastifyServerOptions, type RouteOptions } from 'fastify';
import fastifyCompress from '@fastify/compress';
import fastifyCors from '@fastify/cors';
import fastifyHelmet from '@fastify/helmet';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import fastifyUnderPressure from '@fastify/under-pressure';
import { jsonSchemaTransform, jsonSchemaTransformObject, validatorCompiler as zodValidatorCompiler } from 'fastify-type-provider-zod';
import type { FastifySchemaCompiler } from 'fastify';
import { loadJixiao, type Jixiao } from '../jixiao.js';
import { ConfigError, DEFAULT_CONFIG, type Config } from '../config.js';
import { answerError, HttpError, type ErrorLimits } from './errors.js';
import { nonUtf8, parseJson, utf8Text } from './json.js';
import { installSocketLimits, socketServerOptions, type SocketLimits } from './limits.js';
import { Metrics } from './metrics.js';
import { addEnvelopeComponent, installEnvelope } from './envelope.js';
import { CONTENT_LANGUAGE, langOf, problem } from './problem.js';
import { setupRateLimit, type RateLimits } from './ratelimit.js';
import { MULTIPART_LIMITS } from './routes/excel.js';
import { declaredRequestBodies, isDocumentedOnly } from './schemas/common.js';
import { batchRoutes } from './routes/batch.js';
import { benchRoutes } from './routes/bench.js';
import { healthRoutes } from './routes/health.js';
import { policyRoutes } from './routes/policies.js';
import { scoreRoutes } from './routes/score.js';
import { targetRoutes } from './routes/targets.js';
import { excelRoutes } from './routes/excel.js';
import type { Repository } from '../store/repository.js';
import { setupAuth } from './auth.js';
import { auditRoutes } from './routes/audit.js';
import { keyRoutes } from './routes/keys.js';
import { rescoreRoutes } from './routes/rescore.js';
import { statsRoutes } from './routes/stats.js';
import { whatifRoutes } from './routes/whatif.js';
import { submissionRoutes } from './routes/submissions.js';
import { reviewRoutes } from './routes/reviews.js';
import { jobRoutes } from './routes/jobs.js';
import { uiRoutes } from './routes/ui.js';

/** What a handler records for the request's log line. */
export interface RequestWork {
  /** Policy id used (or asked for); "by-form" when each form of a batch chose its own. */
  policy: string | null;
  /** Forms received. */
  forms: number;
}

declare module 'fastify' {
  interface FastifyInstance {
    jixiao: Jixiao;
    config: Config;
    metrics: Metrics;
  }
  interface FastifyRequest {
    work: RequestWork;
  }
}

export interface RouteEntry {
  plugin: FastifyPluginAsync;
  prefix?: string;
  /** Register only when this returns true (e.g. the bench baseline behind a flag). */
  when?: (config: Config) => boolean;
}

/** Every route group, in one list. Add yours here (storage: submissions.ts, Excel: import.ts …). */
export const ROUTES: RouteEntry[] = [
  { plugin: healthRoutes },
  { plugin: policyRoutes, prefix: '/v1' },
  { plugin: scoreRoutes, prefix: '/v1' },
  { plugin: batchRoutes, prefix: '/v1' },
  { plugin: targetRoutes, prefix: '/v1' },
  { plugin: excelRoutes, prefix: '/v1' },
  { plugin: submissionRoutes, prefix: '/v1' },
  { plugin: reviewRoutes, prefix: '/v1' },
  { plugin: rescoreRoutes, prefix: '/v1' },
  { plugin: statsRoutes, prefix: '/v1' },
  { plugin: whatifRoutes, prefix: '/v1' },
  { plugin: auditRoutes, prefix: '/v1' },
  { plugin: keyRoutes, prefix: '/v1' },
  { plugin: jobRoutes, prefix: '/v1' },
  { plugin: benchRoutes, prefix: '/bench', when: (c) => c.benchBaseline },
  { plugin: uiRoutes },
];

export interface AppOptions {
  /** The core; default loadJixiao() (indicators/ and scoring/ of the package). */
  jixiao?: Jixiao;
  /** Overrides of DEFAULT_CONFIG (server.ts passes loadConfig(process.env)). */
  config?: Partial<Config>;
  /** A pino destination for the logs (tests capture lines here); default stdout. */
  logStream?: { write(line: string): void };
  /** The store (src/store openStore()); without one the store's routes answer 503. */
  store?: Repository;
}

export interface JixiaoAppOptions {
  jixiao: Jixiao;
  config: Config;
  metrics?: Metrics;
  store?: Repository | null;
}

const PKG = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string; description: string };

/** x-request-id values we accept from clients: short and printable, else a fresh UUID. */
const REQUEST_ID_RX = /^[A-Za-z0-9._:\-]{1,128}$/;
/** A W3C trace context `traceparent` (version 00). */
const TRACEPARENT_RX = /^00-([0-9a-f]{32})-([0-9a-f]{16})-[0-9a-f]{2}$/;

/** The request id: a valid x-request-id, else the trace id of a valid traceparent, else a UUID. */
export function genReqId(req: { headers: Record<string, string | string[] | undefined> }): string {
  const h = req.headers['x-request-id'];
  if (typeof h === 'string' && REQUEST_ID_RX.test(h)) return h;
  const tp = req.headers.traceparent;
  const m = typeof tp === 'string' ? TRACEPARENT_RX.exec(tp) : null;
  return m && !/^0+$/.test(m[1]) ? m[1] : randomUUID();
}

/** The limits, timeouts and rates of the HTTP layer (README "Security and limits"), from the config. */
export interface HttpSecurity extends SocketLimits, RateLimits {
  trustProxy: boolean | string;
  corsOrigins: string[];
  maxEventLoopDelayMs: number;
  publicUrl: string;
}

export function httpSecurity(config: Config): HttpSecurity {
  return { ...config, corsOrigins: config.corsOrigins ?? [] };
}

function errorLimits(config: Config): ErrorLimits {
  return { bodyLimit: config.bodyLimit, multipart: MULTIPART_LIMITS };
}

/** An operationId from the method and path: GET /v1/submissions/:id → getSubmissionsById. */
export function operationId(method: string, url: string): string {
  const words = url
    .split('/')
    .filter((w) => w !== '' && w !== 'v1')
    .map((w) => (w.startsWith(':') ? 'By' + cap(w.slice(1)) : w.split(/[^A-Za-z0-9]+/).map(cap).join('')));
  return method.toLowerCase() + words.join('');
}
const cap = (w: string) => (w === '' ? '' : w[0].toUpperCase() + w.slice(1));

/** The routes of a path, for 405 answers: each route's pattern as a regex and its methods. */
class RouteMethods {
  private readonly routes = new Map<string, { rx: RegExp; methods: Set<string> }>();
  add(url: string, methods: string | string[]): void {
    let r = this.routes.get(url);
    if (!r) {
      const src = url
        .split('/')
        .map((seg) => (seg.startsWith(':') ? '[^/]+' : seg === '*' ? '.*' : seg.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
        .join('/');
      r = { rx: new RegExp(`^${src}/?$`), methods: new Set() };
      this.routes.set(url, r);
    }
    for (const m of Array.isArray(methods) ? methods : [methods]) r.methods.add(m);
  }
  /** The methods allowed on a concrete path (sorted), or [] when no route has it. */
  allowed(path: string): string[] {
    const out = new Set<string>();
    for (const r of this.routes.values()) if (r.rx.test(path)) for (const m of r.methods) out.add(m);
    return [...out].sort();
  }
}

/** Query, params and headers are validated with zod; documentation-only bodies pass through to the core. */
const validatorCompiler: FastifySchemaCompiler<unknown> = (route) => {
  if (route.httpPart === 'body' && isDocumentedOnly(route.schema)) return (data: unknown) => ({ value: data });
  return zodValidatorCompiler(route as Parameters<typeof zodValidatorCompiler>[0]);
};

/** The service: parsers, error and 404 handlers, log line, metrics, OpenAPI and every route of ROUTES. */
export const jixiaoApp: FastifyPluginAsync<JixiaoAppOptions> = async (app, opts) => {
  const { jixiao, config } = opts;
  if (config.defaultPolicy !== null && !jixiao.policies.get(config.defaultPolicy)) {
    throw new ConfigError([
      `DEFAULT_POLICY: no policy "${config.defaultPolicy}" in scoring/ (known: ${jixiao.policies.list.map((p) => p.id).join(', ')})`,
    ]);
  }
  app.decorate('jixiao', jixiao);
  app.decorate('config', config);
  app.decorate('metrics', opts.metrics ?? new Metrics());
  app.decorateRequest('work', null as unknown as RequestWork);
  const sec = httpSecurity(config);
  const limits = errorLimits(config);

  // ---- limits first: they answer before anything else is done -------------------------------
  installSocketLimits(app, sec);
  if (sec.maxEventLoopDelayMs > 0) {
    await app.register(fastifyUnderPressure, {
      maxEventLoopDelay: sec.maxEventLoopDelayMs,
      exposeStatusRoute: false,
      retryAfter: 10,
      // Its error (FST_UNDER_PRESSURE) is answered as a 503 problem by errors.ts.
    });
  }
  await setupRateLimit(app, sec);
  setupAuth(app, opts.store ?? null, config.authScoring);
  await app.register(fastifyHelmet, {
    // The Swagger UI sets its own policy on /docs (staticCSP below).
    contentSecurityPolicy: { directives: { 'default-src': ["'self'"], 'img-src': ["'self'", 'data:'], 'style-src': ["'self'", "'unsafe-inline'"] } },
  });
  if (sec.corsOrigins.length > 0) {
    await app.register(fastifyCors, {
      origin: sec.corsOrigins,
      methods: ['GET', 'HEAD', 'POST', 'DELETE'],
      allowedHeaders: ['authorization', 'content-type', 'accept-language', 'idempotency-key', 'x-request-id', 'traceparent', 'if-none-match'],
      exposedHeaders: ['x-request-id', 'traceparent', 'location', 'retry-after', 'idempotent-replayed', 'content-disposition', 'etag', 'content-language'],
      maxAge: 600,
    });
  }
  await app.register(fastifyCompress, {
    encodings: ['br', 'gzip'],
    threshold: 1024,
    customTypes: /^application\/(?:[a-z.+-]*\+)?(?:json|x-ndjson)|^text\//,
    // br at 11 (its default) costs far more CPU than it saves here.
    brotliOptions: { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 4 } },
    zlibOptions: { level: 6 },
  });
  // {code, msg, data} when asked (./envelope.ts); before the ETag, so the tag is of what is sent.
  installEnvelope(app, config.envelope);
  // Weak ETags: a hash of the uncompressed body, equal for equal bytes whatever the content coding
  // (gzip/br change the bytes, not the representation). 304 is decided below, for 2xx GETs only.
  // Own hook rather than @fastify/etag: the plugin hashes every answer, and a POST's answer (13–25 KB
  // for a scored form) was hashed only for the tag to be dropped below (≈ 5 % of /v1/score's CPU).
  app.addHook('onSend', async (req, reply, payload) => {
    if ((req.method === 'GET' || req.method === 'HEAD') && reply.statusCode >= 200 && reply.statusCode < 300 && !reply.hasHeader('etag')) {
      if (typeof payload === 'string' || Buffer.isBuffer(payload)) reply.header('etag', `W/"${createHash('sha1').update(payload).digest('base64')}"`);
    }
    return payload;
  });

  app.setValidatorCompiler(validatorCompiler);
  // Results are plain strings and numbers already: JSON.stringify is all the serialiser needs.
  // The zod response schemas stay on the routes for the OpenAPI document.
  app.setSerializerCompiler(() => (data) => JSON.stringify(data));

  // JSON (UTF-8) only; text/plain and everything else get 415. NDJSON is parsed by routes/batch.ts.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (req, body, done) => {
    const bad = nonUtf8(req.headers['content-type']);
    if (bad) return done(new HttpError('UNSUPPORTED_MEDIA_TYPE', { type: bad }), undefined);
    const text = utf8Text(body as Buffer);
    if (text === null) return done(new HttpError('INVALID_UTF8'), undefined);
    const r = parseJson(text);
    if (r.ok) return done(null, r.value);
    if (r.code === 'BAD_REQUEST') {
      const detail = langOf(req) === 'en' ? `forbidden key "${r.forbiddenKey}"` : `禁止使用的键“${r.forbiddenKey}”`;
      return done(new HttpError('BAD_REQUEST', { detail }, [{ code: 'BAD_REQUEST', pointer: '', message: detail }]), undefined);
    }
    done(new HttpError(r.code), undefined);
  });

  app.addHook('onRequest', async (req, reply) => {
    req.work = { policy: null, forms: 0 };
    reply.header('x-request-id', req.id);
    const tp = req.headers.traceparent;
    if (typeof tp === 'string' && TRACEPARENT_RX.test(tp)) reply.header('traceparent', tp);
  });

  // Every answer says its language and that it depends on Accept-Language; ETags on GET only.
  app.addHook('onSend', async (req, reply, payload) => {
    reply.header('content-language', CONTENT_LANGUAGE[langOf(req)]);
    const vary = reply.getHeader('vary');
    if (vary === undefined) reply.header('vary', 'Accept-Language');
    else if (!/accept-language/i.test(String(vary))) reply.header('vary', `${String(vary)}, Accept-Language`);
    if ((req.method !== 'GET' && req.method !== 'HEAD') || reply.statusCode < 200 || reply.statusCode > 299) {
      reply.removeHeader('etag');
    } else if (etagMatches(req.headers['if-none-match'], reply.getHeader('etag'))) {
      reply.code(304);
      return '';
    }
    return payload;
  });

  const routeMethods = new RouteMethods();
  app.addHook('onRoute', (route: RouteOptions) => {
    routeMethods.add(route.url, route.method);
  });

  app.addHook('onResponse', async (req, reply) => {
    const route = req.routeOptions.url ?? 'unmatched';
    const ms = reply.elapsedTime;
    app.metrics.observeRequest(req.method, route, reply.statusCode, ms / 1000);
    if (route === '/metrics' || route === '/healthz' || route === '/readyz') return;
    req.log.info(
      {
        method: req.method,
        route,
        status: reply.statusCode,
        policy: req.work.policy,
        forms: req.work.forms,
        ms: Math.trunc(ms * 100) / 100, // a duration for the log, not an amount
      },
      'request',
    );
  });

  app.setErrorHandler((err: FastifyError | HttpError, req, reply) => answerError(err, req, reply, limits));

  // A path that exists under other methods: 405 with Allow; else 404. Both count against the rate limit.
  app.setNotFoundHandler({ preHandler: sec.rateLimitMax > 0 ? app.rateLimit() : undefined }, (req, reply) => {
    const path = req.url.split('?')[0].slice(0, 200);
    const allow = routeMethods.allowed(path);
    // A route of this method matched but found nothing (a static file that is not there): 404.
    if (allow.length > 0 && !allow.includes(req.method === 'HEAD' ? 'GET' : req.method)) {
      reply.header('allow', allow.join(', '));
      return problem(reply, 'METHOD_NOT_ALLOWED', { method: req.method.slice(0, 20), allow: allow.join(', ') });
    }
    return problem(reply, 'NOT_FOUND', { what: `${req.method} ${path}` });
  });

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'jixiao 绩效 API',
        version: PKG.version,
        description:
          '项目支出绩效自评表的评分服务：单表评分、批量评分（JSON 或 NDJSON 流）、指标值检查与评分政策。错误一律为 RFC 9457 application/problem+json，默认中文，Accept-Language: en 时为英文。' +
          '列表接口按游标分页：limit（1–500，默认50）与 cursor（上一页应答的 next，不透明），应答为 {items, next}，最后一页 next 为 null。GET 应答带弱 ETag，If-None-Match 相同时为 304。' +
          '任一接口加 ?envelope=1（或服务配置 ENVELOPE=1）时，JSON 应答包装为 {code, msg, data}（Envelope）：成功 code 为 0，出错 code 为 HTTP 状态码、msg 为问题说明、data 为问题本身；NDJSON、Excel 与文本应答不包装。',
      },
      tags: [
        { name: 'score', description: '评分' },
        { name: 'targets', description: '绩效目标申报：指标值检查' },
        { name: 'policies', description: '评分政策' },
        { name: 'ops', description: '运行状态与指标' },
        { name: 'submissions', description: '自评表的提交、版本与重新评分（需 API 密钥）' },
        { name: 'reviews', description: '复核 / 抽评：复核人员逐项复核、与自评及计算结果对照（需 API 密钥）' },
        { name: 'stats', description: '统计与决算公开段落（需 API 密钥）' },
        { name: 'admin', description: 'API 密钥与审计日志（财政）' },
        { name: 'jobs', description: '异步批量评分作业与签名回调（需 API 密钥）' },
      ],
      servers: [{ url: sec.publicUrl, description: sec.publicUrl === '/' ? '提供本文档的服务器' : 'jixiao' }],
      components: {
        securitySchemes: {
          bearerAuth: { type: 'http', scheme: 'bearer', description: 'API 密钥：Authorization: Bearer <key>（jixiao keys create）' },
        },
      },
    },
    transform: (input) => {
      const out = jsonSchemaTransform(input);
      const method = Array.isArray(input.route.method) ? input.route.method[0] : input.route.method;
      const schema = (out.schema ?? {}) as Record<string, unknown>;
      if (schema.operationId === undefined) schema.operationId = operationId(method, input.url);
      return { ...out, schema: schema as typeof out.schema };
    },
    transformObject: (doc) => addEnvelopeComponent(addNdjsonContent(jsonSchemaTransformObject(doc) as OpenApiDoc)),
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/docs', staticCSP: true });
  app.get('/openapi.json', { schema: { hide: true } }, async (_req, reply) => reply.type('application/json').send(app.swagger()));

  for (const r of ROUTES) {
    if (r.when && !r.when(config)) continue;
    await app.register(r.plugin, { prefix: r.prefix });
  }
};

/** If-None-Match: "*", or a list of tags one of which equals the ETag by weak comparison (RFC 9110 §13.1.2). */
export function etagMatches(header: string | undefined, etag: unknown): boolean {
  if (header === undefined || typeof etag !== 'string') return false;
  if (header.trim() === '*') return true;
  const opaque = (t: string) => t.trim().replace(/^W\//, '');
  const mine = opaque(etag);
  return header.split(',').some((t) => opaque(t) === mine);
}

interface OpenApiDoc {
  paths?: Record<string, Record<string, { requestBody?: { description?: string; required?: boolean; content?: Record<string, unknown> } }>>;
  [k: string]: unknown;
}

/**
 * Request bodies of several content types: those declared with declareRequestBody (uploads, job
 * bodies), and the batch route's application/x-ndjson (one form a line).
 */
function addNdjsonContent(doc: OpenApiDoc): OpenApiDoc {
  // Bodies of several content types (schemas/common.ts declareRequestBody): uploads and streams.
  for (const b of declaredRequestBodies(((doc.components ??= {}) as { schemas?: Record<string, unknown> }).schemas ??= {})) {
    const op = doc.paths?.[b.path]?.[b.method];
    if (op) op.requestBody = b.requestBody;
  }
  const body = doc.paths?.['/v1/score/batch']?.post?.requestBody;
  if (body?.content) {
    body.description =
      'application/json：表单数组；application/x-ndjson：每行一个 ProjectForm 或一体化规范表形状（StandardBody），响应为流式 NDJSON（每个输入行一行 BatchLine，最后一行为 {"summary": BatchSummary}）';
    body.content['application/x-ndjson'] = {
      schema: { anyOf: [{ $ref: '#/components/schemas/ProjectFormInput' }, { $ref: '#/components/schemas/StandardBodyInput' }] },
    };
  }
  return doc;
}

/** fastify's own options for the instance: logger, request ids, limits. */
export function serverOptions(config: Config, logStream?: AppOptions['logStream']): FastifyServerOptions {
  const sec = httpSecurity(config);
  const limits = errorLimits(config);
  return {
    ...socketServerOptions(sec),
    trustProxy: sec.trustProxy,
    // Bad URL encoding, over-long path parameters: problem+json like every other error.
    frameworkErrors: (err, req, reply) => answerError(err, req, reply, limits),
    logger:
      config.logLevel === 'silent' && !logStream
        ? false
        : {
            level: config.logLevel,
            ...(logStream ? { stream: logStream } : {}),
            // The request line says what matters; never headers or bodies.
            serializers: { req: (req) => ({ method: req.method, url: req.url }) },
          },
    logController: new LogController({ disableRequestLogging: true }),
    genReqId,
    requestIdHeader: false,
    bodyLimit: config.bodyLimit,
    return503OnClosing: true,
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 200 },
  };
}

/** A ready-to-listen instance with the service registered. */
export async function buildApp(opts: AppOptions = {}): Promise<FastifyInstance> {
  const config: Config = { ...DEFAULT_CONFIG, ...opts.config };
  const app = Fastify(serverOptions(config, opts.logStream));
  await app.register(jixiaoApp, { jixiao: opts.jixiao ?? loadJixiao(), config, store: opts.store });
  return app;
}
