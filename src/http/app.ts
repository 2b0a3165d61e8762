/**
 * The HTTP service as a fastify plugin (`jixiaoApp`) and `buildApp(opts)`, which makes a
 * configured instance around it. The Jixiao core and the config are injected, so tests pass
 * their own. To add a group of routes: write a plugin in routes/ (see routes/policies.ts)
 * and add it to ROUTES below; it gets `app.jixiao`, `app.config`, `app.metrics`, the
 * problem+json error handling, the request log line and the OpenAPI document for free.
 * Answer an error with `return problem(reply, CODE, params, errors?)` from ./problem.js.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import Fastify, { LogController, type FastifyError, type FastifyInstance, type FastifyPluginAsync, type FastifyServerOptions } from 'fastify';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, jsonSchemaTransformObject, validatorCompiler as zodValidatorCompiler } from 'fastify-type-provider-zod';
import type { FastifySchemaCompiler } from 'fastify';
import { ptr, message, type Code } from '../core/codes.js';
import { loadJixiao, type Jixiao } from '../jixiao.js';
import { ConfigError, DEFAULT_CONFIG, type Config } from '../config.js';
import { parseJson } from './json.js';
import { Metrics } from './metrics.js';
import { langOf, problem, type ProblemError } from './problem.js';
import { isDocumentedOnly } from './schemas/common.js';
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
import { submissionRoutes } from './routes/submissions.js';

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
  { plugin: rescoreRoutes, prefix: '/v1' },
  { plugin: statsRoutes, prefix: '/v1' },
  { plugin: auditRoutes, prefix: '/v1' },
  { plugin: keyRoutes, prefix: '/v1' },
  { plugin: benchRoutes, prefix: '/bench', when: (c) => c.benchBaseline },
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

export function genReqId(req: { headers: Record<string, string | string[] | undefined> }): string {
  const h = req.headers['x-request-id'];
  return typeof h === 'string' && REQUEST_ID_RX.test(h) ? h : randomUUID();
}

/** Query, params and headers are validated with zod; documentation-only bodies pass through to the core. */
const validatorCompiler: FastifySchemaCompiler<unknown> = (route) => {
  if (route.httpPart === 'body' && isDocumentedOnly(route.schema)) return (data: unknown) => ({ value: data });
  return zodValidatorCompiler(route as Parameters<typeof zodValidatorCompiler>[0]);
};

class BodyError extends Error {
  constructor(
    readonly jxCode: Code,
    readonly params: Record<string, string | number> = {},
  ) {
    super(jxCode);
  }
}

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
  setupAuth(app, opts.store ?? null, config.authScoring);

  app.setValidatorCompiler(validatorCompiler);
  // Results are plain strings and numbers already: JSON.stringify is all the serialiser needs.
  // The zod response schemas stay on the routes for the OpenAPI document.
  app.setSerializerCompiler(() => (data) => JSON.stringify(data));

  // JSON only; text/plain and everything else get 415. NDJSON is parsed by routes/batch.ts.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_req, body, done) => {
    const r = parseJson(body as string);
    if (r.ok) done(null, r.value);
    else done(new BodyError(r.code, r.forbiddenKey ? { key: r.forbiddenKey } : {}), undefined);
  });

  app.addHook('onRequest', async (req, reply) => {
    req.work = { policy: null, forms: 0 };
    reply.header('x-request-id', req.id);
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

  app.setErrorHandler((err: FastifyError, req, reply) => {
    if (err instanceof BodyError) {
      if (err.jxCode === 'BAD_REQUEST') {
        const lang = langOf(req);
        const key = String(err.params.key);
        const detail = lang === 'en' ? `forbidden key "${key}"` : `禁止使用的键“${key}”`;
        return problem(reply, 'BAD_REQUEST', { detail }, [{ code: 'BAD_REQUEST', pointer: '', message: detail }]);
      }
      return problem(reply, err.jxCode, err.params);
    }
    if (Array.isArray(err.validation)) {
      const lang = langOf(req);
      const part = err.validationContext ?? 'body';
      const errors: ProblemError[] = err.validation.map((v) => {
        const pointer = v.instancePath === '/' ? '' : (v.instancePath ?? '');
        const field = `${part}${pointer.replace(/\//g, '.')}`;
        return { code: 'INVALID_VALUE', pointer, message: message('INVALID_VALUE', { field, value: v.message ?? '' }, lang) };
      });
      const detail = lang === 'en' ? `the ${part} does not match the API` : `${PART_ZH[part] ?? part}不符合接口定义`;
      return problem(reply, 'BAD_REQUEST', { detail }, errors);
    }
    switch (err.code) {
      case 'FST_ERR_CTP_EMPTY_JSON_BODY':
        return problem(reply, 'EMPTY_BODY');
      case 'FST_ERR_CTP_INVALID_JSON_BODY':
        return problem(reply, 'INVALID_JSON');
      case 'FST_ERR_CTP_BODY_TOO_LARGE':
        return problem(reply, 'BODY_TOO_LARGE', { limit: req.routeOptions.bodyLimit ?? config.bodyLimit });
      case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
        if (err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
          return problem(reply, 'UNSUPPORTED_MEDIA_TYPE', { type: String(req.headers['content-type'] ?? '') });
        }
        return problem(reply, 'BAD_REQUEST', { detail: err.message });
    }
    const status = err.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      if (status === 413) return problem(reply, 'BODY_TOO_LARGE', { limit: req.routeOptions.bodyLimit ?? config.bodyLimit });
      if (status === 415) return problem(reply, 'UNSUPPORTED_MEDIA_TYPE', { type: String(req.headers['content-type'] ?? '') });
      return problem(reply, 'BAD_REQUEST', { detail: err.message });
    }
    req.log.error({ err }, 'unhandled error');
    return problem(reply, 'INTERNAL');
  });

  app.setNotFoundHandler((req, reply) => {
    const path = req.url.split('?')[0].slice(0, 200);
    return problem(reply, 'NOT_FOUND', { what: `${req.method} ${path}` });
  });

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'jixiao 绩效 API',
        version: PKG.version,
        description:
          '项目支出绩效自评表的评分服务：单表评分、批量评分（JSON 或 NDJSON 流）、指标值检查与评分政策。错误一律为 RFC 9457 application/problem+json，默认中文，Accept-Language: en 时为英文。',
      },
      tags: [
        { name: 'score', description: '评分' },
        { name: 'targets', description: '绩效目标申报：指标值检查' },
        { name: 'policies', description: '评分政策' },
        { name: 'ops', description: '运行状态与指标' },
        { name: 'submissions', description: '自评表的提交、版本与重新评分（需 API 密钥）' },
        { name: 'stats', description: '统计与决算公开段落（需 API 密钥）' },
        { name: 'admin', description: 'API 密钥与审计日志（财政）' },
      ],
    },
    transform: jsonSchemaTransform,
    transformObject: (doc) => addNdjsonContent(jsonSchemaTransformObject(doc) as OpenApiDoc),
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/docs' });
  app.get('/openapi.json', { schema: { hide: true } }, async (_req, reply) => reply.type('application/json').send(app.swagger()));

  for (const r of ROUTES) {
    if (r.when && !r.when(config)) continue;
    await app.register(r.plugin, { prefix: r.prefix });
  }
};

const PART_ZH: Record<string, string> = { querystring: '查询参数', params: '路径参数', body: '请求体', headers: '请求头' };

interface OpenApiDoc {
  paths?: Record<string, Record<string, { requestBody?: { description?: string; content?: Record<string, unknown> } }>>;
  [k: string]: unknown;
}

/** The batch route also takes application/x-ndjson (one ProjectForm a line): say so in the document. */
function addNdjsonContent(doc: OpenApiDoc): OpenApiDoc {
  const body = doc.paths?.['/v1/score/batch']?.post?.requestBody;
  if (body?.content) {
    body.description =
      'application/json：表单数组；application/x-ndjson：每行一个 ProjectForm，响应为流式 NDJSON（每个输入行一行 BatchLine，最后一行为 {"summary": BatchSummary}）';
    body.content['application/x-ndjson'] = { schema: { $ref: '#/components/schemas/ProjectFormInput' } };
  }
  return doc;
}

/** fastify's own options for the instance: logger, request ids, limits. */
export function serverOptions(config: Config, logStream?: AppOptions['logStream']): FastifyServerOptions {
  return {
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
    // A long NDJSON batch may stream for many minutes: no whole-request timeout.
    requestTimeout: 0,
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
